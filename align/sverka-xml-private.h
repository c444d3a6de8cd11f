/* sverka-xml-private.h: parsing an XML file of a CAT tool (XLIFF, TMX) with
 * libxml2, safely and with a message a translator can act on. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses @len bytes of @data, named @name in messages, with libxml2: no
 * network, no external entities, no entity expansion, nothing printed.
 * @what names the kind of file ("XLIFF", "TMX") and @fix says what to do
 * when it is not well-formed ("fix the file or export it again from the CAT
 * tool").
 * Returns: (transfer full) the tree, to free with xmlFreeDoc(), or NULL with
 * @error set: "NAME:LINE: not well-formed XML (libxml2's first complaint);
 * FIX", or the file is over 2 GB. */
xmlDoc *sverka_xml_parse (const char *name, const char *data, gsize len, const char *what,
                          const char *fix, GError **error);

/* TRUE if @node is an element whose local name is @local (any namespace). */
gboolean sverka_xml_is (const xmlNode *node, const char *local);

/* Returns: (transfer full) the attribute @attr_name of @node, whatever its
 * namespace (so "lang" finds xml:lang), or NULL. */
char *sverka_xml_attr (const xmlNode *node, const char *attr_name);

/* Returns: (transfer full) the text of the segment element @node (NULL:
 * none): its text and that of its inline elements, but not of the elements
 * named in @codes (a NULL-terminated list of local names: inline codes of
 * the original format, such as <ph>, <bpt>), with XML white space and line
 * separators collapsed to one space and trimmed; a no-break space stays. An
 * XLIFF 2 <cp hex="..."/> gives its character, or a space for a control. */
char *sverka_xml_segment_text (const xmlNode *node, const char *const *codes);

G_END_DECLS
