/* sverka-write-xml.c: XML escaping (see the header). */
#include <string.h>

#include "sverka-write-xml-private.h"

void
sverka_xml_append_escaped (GString *out, const char *s, gssize len)
{
  const char *end = s + (len < 0 ? strlen (s) : (gsize) len);

  for (const char *p = s; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    switch (c) {
    case '&':
      g_string_append (out, "&amp;");
      break;
    case '<':
      g_string_append (out, "&lt;");
      break;
    case '>':
      g_string_append (out, "&gt;");
      break;
    case '"':
      g_string_append (out, "&quot;");
      break;
    case '\'':
      g_string_append (out, "&#39;");
      break;
    default:
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  }
}
