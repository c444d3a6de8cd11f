/* fuzz-json.c: libFuzzer harness for the JSON Lines reader of `sverka
 * stream` (sverka-json-private.h): a record, and the sides given as arrays
 * of sentences.
 *
 * Input: one line. Properties checked when it parses: every member's key
 * and string value are valid UTF-8 of the length given; a value that is
 * not a string is the JSON text it was read from (raw); an array of strings
 * gives as many lines as it has elements, none with a line end inside; a
 * value that is no such array fails with a message naming the byte.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include "sverka-json-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Valid UTF-8 in @len bytes, U+0000 allowed (a decoded "\u0000"). */
static gboolean
valid_utf8 (const char *s, gsize len)
{
  const char *end = s + len;
  while (s < end) {
    const char *nul = memchr (s, '\0', (gsize) (end - s));
    const char *stop = nul != NULL ? nul : end;
    if (!g_utf8_validate (s, stop - s, NULL))
      return FALSE;
    s = nul != NULL ? nul + 1 : end;
  }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;

  members = sverka_json_parse_object ((const char *) data, size, &error);
  if (members == NULL) {
    fuzz_check (error != NULL && g_str_has_prefix (error->message, "byte "));
    return 0;
  }
  for (guint i = 0; i < members->len; i++) {
    const SverkaJsonMember *m = g_ptr_array_index (members, i);
    g_autoptr (GString) lines = g_string_new (NULL);
    g_autoptr (GError) local = NULL;
    fuzz_check (g_utf8_validate (m->key, -1, NULL));
    fuzz_check (valid_utf8 (m->value, m->value_len));
    if (!m->string) {
      fuzz_check (strcmp (m->value, m->raw) == 0);
      continue;
    }
    if (sverka_json_parse_string_array (m->value, m->value_len, lines, &local)) {
      /* A string that happens to hold an array: decoded again, fine. */
      fuzz_check (lines->len == 0 || lines->str[lines->len - 1] == '\n');
    } else {
      fuzz_check (local != NULL && g_str_has_prefix (local->message, "byte "));
    }
  }
  for (guint i = 0; i < members->len; i++) {
    const SverkaJsonMember *m = g_ptr_array_index (members, i);
    g_autoptr (GString) lines = g_string_new (NULL);
    g_autoptr (GError) local = NULL;
    guint n_lines = 0, n_elems = 0;
    if (m->string || m->value[0] != '[')
      continue;
    if (!sverka_json_parse_string_array (m->value, m->value_len, lines, &local)) {
      fuzz_check (local != NULL && g_str_has_prefix (local->message, "byte "));
      continue;
    }
    fuzz_check (valid_utf8 (lines->str, lines->len));
    for (gsize k = 0; k < lines->len; k++) {
      fuzz_check (lines->str[k] != '\r');
      n_lines += lines->str[k] == '\n';
    }
    /* The elements, counted from the raw text by the same parser's rules:
     * every element is a string, so count the strings at depth 1. */
    {
      gboolean in_string = FALSE, escaped = FALSE;
      for (gsize k = 0; k < m->value_len; k++) {
        char c = m->value[k];
        if (in_string) {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        } else if (c == '"') {
          in_string = TRUE;
          n_elems++;
        }
      }
    }
    fuzz_check (n_lines == n_elems);
  }
  return 0;
}
