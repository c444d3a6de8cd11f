/* sverka-write-xml-private.h: XML escaping, shared by the TMX and HTML
 * writers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @len bytes of UTF-8 @s (-1: up to the NUL) as XML character data
 * or an attribute value: & < > " ' as entities, and the characters XML 1.0
 * forbids (controls other than tab, line feed and carriage return; U+FFFE,
 * U+FFFF) as U+FFFD, so that the document is always well-formed. */
void sverka_xml_append_escaped (GString *out, const char *s, gssize len);

G_END_DECLS
