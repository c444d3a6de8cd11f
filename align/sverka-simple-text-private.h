/* sverka-simple-text-private.h: the characters of simple text, which the
 * word scan (sverka-word-break.c) and the sentence scan
 * (sverka-sentence-break.c) split without ICU: ASCII, the Russian letters
 * А-я, Ё and ё, and the punctuation of Russian and English typography (the
 * no-break space, « » ° – — ‘ ’ “ ” … №). Each scan gives them its
 * classes, and may refuse some of them too. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Not a character of simple text. */
#define SVERKA_SIMPLE_NONE G_MAXUINT32

/* The character at @p (before @end) as a code point, with its length in
 * *@n; SVERKA_SIMPLE_NONE for one outside simple text. */
static inline gunichar
sverka_simple_char (const guchar *p, const guchar *end, gsize *n)
{
  guchar b = p[0];

  *n = 1;
  if (b < 0x80)
    return b;
  if (end - p >= 2 && (b == 0xD0 || b == 0xD1)) {
    gunichar c = ((gunichar) (b & 0x1F) << 6) | (p[1] & 0x3F);
    *n = 2;
    /* А-я, Ё, ё */
    return (p[1] & 0xC0) == 0x80 && ((c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451)
               ? c
               : SVERKA_SIMPLE_NONE;
  }
  if (end - p >= 2 && b == 0xC2) {
    *n = 2;
    switch (p[1]) {
    case 0xA0: /* no-break space */
    case 0xAB: /* « */
    case 0xB0: /* ° */
    case 0xBB: /* » */
      return p[1]; /* U+0080-U+00BF */
    default:
      return SVERKA_SIMPLE_NONE;
    }
  }
  if (end - p >= 3 && b == 0xE2 && p[1] == 0x80) {
    *n = 3;
    switch (p[2]) {
    case 0x93: /* – */
    case 0x94: /* — */
    case 0x98: /* ‘ */
    case 0x99: /* ’ */
    case 0x9C: /* “ */
    case 0x9D: /* ” */
    case 0xA6: /* … */
      return 0x2000 + (p[2] & 0x3F);
    default:
      return SVERKA_SIMPLE_NONE;
    }
  }
  if (end - p >= 3 && b == 0xE2 && p[1] == 0x84 && p[2] == 0x96) { /* № */
    *n = 3;
    return 0x2116;
  }
  return SVERKA_SIMPLE_NONE;
}

G_END_DECLS
