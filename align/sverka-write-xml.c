/* sverka-write-xml.c: XML escaping (see the header). */
#include <string.h>

#include "sverka-write-xml-private.h"

void
sverka_xml_append_escaped (GString *out, const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;

  /* Byte by byte, so that a caller may cut the text anywhere, even inside a
   * character: the pieces appended one after the other are the whole. */
  for (gsize i = 0; i < n; i++) {
    guchar b = (guchar) s[i];
    switch (b) {
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
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        g_string_append (out, "\xEF\xBF\xBD");
      } else if (b == 0xEF && i + 2 < n && (guchar) s[i + 1] == 0xBF
                 && ((guchar) s[i + 2] == 0xBE || (guchar) s[i + 2] == 0xBF)) {
        /* U+FFFE, U+FFFF */
        g_string_append (out, "\xEF\xBF\xBD");
        i += 2;
      } else {
        g_string_append_c (out, (char) b);
      }
    }
  }
}
