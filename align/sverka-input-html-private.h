/* sverka-input-html-private.h: the text of an HTML page (sverka-input-html.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @len bytes of @data are an HTML or XHTML page: after a byte
 * order mark and white space, "<!DOCTYPE html", "<html", or an XML
 * declaration followed by one of those (case-insensitive). */
gboolean sverka_input_is_html (const char *data, gsize len);

/* The text of the HTML page in @data (@len bytes, any encoding the page
 * declares, UTF-8 by default), as sverka reads a text file: one line per
 * block element (paragraph, heading, list item, table cell, ...), a blank
 * line between blocks, entities decoded, white space collapsed; scripts,
 * styles, forms, navigation, headers, footers and asides left out. Appends
 * to @origins (char *, owned) the element path of each line
 * ("body/div[2]/p[3]"), one per line of the text, "" for blank lines.
 * Returns: (transfer full) the text, or NULL with @error set (naming
 * @name) when libxml2 cannot read it. */
char *sverka_input_html_to_text (const char *data, gsize len, const char *name,
                                 GPtrArray *origins, GError **error);

G_END_DECLS
