/* sverka-write-json.c: JSON strings and arrays for the JSON Lines writers. */
#include "sverka-write-json-private.h"
#include "sverka-write-private.h"

void
sverka_json_append_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++) {
    switch (*p) {
    case '"':
      g_string_append (out, "\\\"");
      break;
    case '\\':
      g_string_append (out, "\\\\");
      break;
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    case '\b':
      g_string_append (out, "\\b");
      break;
    case '\f':
      g_string_append (out, "\\f");
      break;
    default:
      if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
        g_string_append (out, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
        p += 2;
      } else
        g_string_append_c (out, (char) *p);
    }
  }
  g_string_append_c (out, '"');
}

void
sverka_json_append_ids (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  g_string_append_c (out, '[');
  sverka_write_append_ids (out, doc, ids, n);
  g_string_append_c (out, ']');
}

void
sverka_json_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  g_autoptr (GString) text = g_string_new (NULL);

  sverka_write_append_text (text, doc, ids, n);
  sverka_json_append_string (out, text->str);
}
