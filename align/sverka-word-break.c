/* sverka-word-break.c: the words of simple text without ICU (see
 * sverka-word-break-private.h).
 *
 * What ICU's root word rules do with the characters of the simple set
 * (checked against ICU by tests/test-word-break.c, character by character
 * in every context):
 *   - letters (ASCII and Russian) and digits each run together;
 *   - a full stop, an apostrophe (' ‘ ’) between two letters, or between
 *     two digits, joins them ("e.g", "don't", "3.14"); a comma or a
 *     semicolon joins two digits only ("1,000"); a colon joins nothing;
 *   - every other character of the set stands apart, a token of no word.
 * A letter next to a digit ("4C", "C4") is refused: ICU gives such a token
 * the status of the last of its rules, a number's for "C4". */
#include "config.h"

#include "sverka-simple-text-private.h"
#include "sverka-word-break-private.h"

typedef enum {
  REFUSED,  /* outside the simple set */
  OTHER,    /* stands apart */
  LETTER,
  DIGIT,
  MID_BOTH, /* joins two letters or two digits */
  MID_NUM,  /* joins two digits */
} Class;

/* The class of the character at @p (before @end), and its length in *@n. */
static Class
class_at (const guchar *p, const guchar *end, gsize *n)
{
  gunichar c = sverka_simple_char (p, end, n);

  if (c == SVERKA_SIMPLE_NONE)
    return REFUSED;
  if (c >= 0x401 && c <= 0x451) /* А-я, Ё, ё: nothing else of simple text lies between */
    return LETTER;
  if (c < 0x80 && g_ascii_isalpha (c))
    return LETTER;
  if (c < 0x80 && g_ascii_isdigit (c))
    return DIGIT;
  switch (c) {
  case '.':
  case '\'':
  case 0x2018: /* ‘ */
  case 0x2019: /* ’ */
    return MID_BOTH;
  case ',':
  case ';':
    return MID_NUM;
  case '_': /* joins words and numbers (ExtendNumLet) */
  case '@': /* ICU joins "a@b" */
  case '\0':
    return REFUSED;
  default:
    return OTHER;
  }
}

gboolean
sverka_word_break_simple (const char *text, gsize len, GArray *out)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  guint first = out->len;
  gsize i = 0;

  while (i < len) {
    gsize n, start = i;
    Class kind = class_at (p + i, end, &n);
    SverkaWordSpan span;

    if (kind == REFUSED)
      goto refused;
    i += n;
    if (kind != LETTER && kind != DIGIT)
      continue;
    while (i < len) {
      Class c = class_at (p + i, end, &n);
      gsize n2;
      if (c == kind) {
        i += n;
        continue;
      }
      if (c == LETTER || c == DIGIT || c == REFUSED)
        goto refused;
      if ((c == MID_BOTH || (c == MID_NUM && kind == DIGIT)) && i + n < len
          && class_at (p + i + n, end, &n2) == kind) {
        i += n + n2;
        continue;
      }
      break;
    }
    span.start = start;
    span.end = i;
    span.number = kind == DIGIT;
    g_array_append_val (out, span);
  }
  return TRUE;

refused:
  g_array_set_size (out, first);
  return FALSE;
}
