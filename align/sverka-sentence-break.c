/* sverka-sentence-break.c: ICU's sentence breaks in simple text (see
 * sverka-sentence-break-private.h).
 *
 * The classes of the simple set (Unicode's Sentence_Break property) and the
 * rules that apply to them, with no paragraph separator in the text:
 *   SB6   ATerm × Numeric
 *   SB7   (Upper | Lower) ATerm × Upper
 *   SB8   ATerm Close* Sp* × (¬(OLetter | Upper | Lower | SATerm))* Lower
 *   SB8a  SATerm Close* Sp* × (SContinue | SATerm)
 *   SB9, SB10  no break inside SATerm Close* Sp*
 *   SB11  SATerm Close* Sp* ÷
 *   SB998 no break anywhere else.
 * tests/test-sentence-break.c and fuzz/fuzz-sentence-break.c check the
 * breaks against ICU's. */
#include "config.h"

#include "sverka-sentence-break-private.h"

typedef enum {
  REFUSED, /* outside the simple set */
  OTHER,
  SP,
  LOWER,
  UPPER,
  NUMERIC,
  ATERM,
  STERM,
  SCONTINUE,
  CLOSE,
} Class;

/* The class of the character at @p (before @end), and its length in *@n. */
static Class
class_at (const guchar *p, const guchar *end, gsize *n)
{
  guchar b = p[0];

  *n = 1;
  if (b < 0x80) {
    if (b >= 'a' && b <= 'z')
      return LOWER;
    if (b >= 'A' && b <= 'Z')
      return UPPER;
    if (b >= '0' && b <= '9')
      return NUMERIC;
    switch (b) {
    case ' ':
    case '\t':
      return SP;
    case '.':
      return ATERM;
    case '!':
    case '?':
      return STERM;
    case ',':
    case '-':
    case ':':
      return SCONTINUE;
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      return CLOSE;
    default:
      /* other control characters: line ends, separators, formats */
      return b < 0x20 || b == 0x7F ? REFUSED : OTHER;
    }
  }
  if (end - p >= 2 && (b == 0xD0 || b == 0xD1)) {
    guchar c = p[1];
    *n = 2;
    if ((b == 0xD0 && c >= 0x90 && c <= 0xAF) || (b == 0xD0 && c == 0x81)) /* А-Я, Ё */
      return UPPER;
    if ((b == 0xD0 && c >= 0xB0 && c <= 0xBF) || (b == 0xD1 && c >= 0x80 && c <= 0x8F)
        || (b == 0xD1 && c == 0x91)) /* а-я, ё */
      return LOWER;
    return REFUSED;
  }
  if (end - p >= 2 && b == 0xC2) {
    *n = 2;
    switch (p[1]) {
    case 0xA0: /* no-break space */
      return SP;
    case 0xAB: /* « */
    case 0xBB: /* » */
      return CLOSE;
    case 0xB0: /* ° */
      return OTHER;
    default:
      return REFUSED;
    }
  }
  if (end - p >= 3 && b == 0xE2 && p[1] == 0x80) {
    *n = 3;
    switch (p[2]) {
    case 0x93: /* – */
    case 0x94: /* — */
      return SCONTINUE;
    case 0x98: /* ‘ */
    case 0x99: /* ’ */
    case 0x9C: /* “ */
    case 0x9D: /* ” */
      return CLOSE;
    case 0xA6: /* … */
      return OTHER;
    default:
      return REFUSED;
    }
  }
  if (end - p >= 3 && b == 0xE2 && p[1] == 0x84 && p[2] == 0x96) { /* № */
    *n = 3;
    return OTHER;
  }
  return REFUSED;
}

gboolean
sverka_sentence_break_simple (const char *text, gsize len, GArray *breaks)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  guint first = breaks->len;
  Class before = OTHER; /* the class before the character at i */
  gsize i = 0, n, m;

  while (i < len) {
    Class c = class_at (p + i, end, &n), next = OTHER;
    gsize j, after_term = i + n;

    if (c == REFUSED)
      goto refused;
    if (c != ATERM && c != STERM) {
      before = c;
      i += n;
      continue;
    }
    /* SATerm Close* Sp*: j after them */
    j = after_term;
    while (j < len && (next = class_at (p + j, end, &m)) == CLOSE)
      j += m;
    while (j < len && (next = class_at (p + j, end, &m)) == SP)
      j += m;
    if (next == REFUSED)
      goto refused;
    if (j >= len)
      break; /* the end of the text */
    if (c == ATERM && j == after_term
        && (next == NUMERIC || ((before == UPPER || before == LOWER) && next == UPPER))) {
      /* SB6, SB7 */
    } else if (next == SCONTINUE || next == ATERM || next == STERM) {
      /* SB8a */
    } else if (c == ATERM && next != UPPER) {
      /* SB8: no break if a lower-case letter comes before any other letter
       * or sentence end */
      gsize k = j;
      Class d = next;
      while (k < len) {
        d = class_at (p + k, end, &m);
        if (d == REFUSED)
          goto refused;
        if (d == UPPER || d == LOWER || d == ATERM || d == STERM)
          break;
        k += m;
      }
      if (k >= len || d != LOWER)
        g_array_append_val (breaks, j);
    } else {
      g_array_append_val (breaks, j); /* SB11 */
    }
    /* the characters up to j hold no other break (SB9, SB10); a sentence
     * end among them (SB8a) is taken in turn */
    before = c;
    i = after_term;
    while (i < j) {
      Class d = class_at (p + i, end, &m);
      before = d;
      i += m;
    }
  }
  return TRUE;

refused:
  g_array_set_size (breaks, first);
  return FALSE;
}
