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
#include "sverka-simple-text-private.h"

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
  gunichar c = sverka_simple_char (p, end, n);

  if (c == SVERKA_SIMPLE_NONE)
    return REFUSED;
  if ((c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x44F) || c == 0x451) /* а-я, ё */
    return LOWER;
  if ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) || c == 0x401) /* А-Я, Ё */
    return UPPER;
  if (c >= '0' && c <= '9')
    return NUMERIC;
  switch (c) {
  case ' ':
  case '\t':
  case 0xA0: /* no-break space */
    return SP;
  case '.':
    return ATERM;
  case '!':
  case '?':
    return STERM;
  case ',':
  case '-':
  case ':':
  case 0x2013: /* – */
  case 0x2014: /* — */
    return SCONTINUE;
  case '"':
  case '\'':
  case '(':
  case ')':
  case '[':
  case ']':
  case '{':
  case '}':
  case 0xAB:   /* « */
  case 0xBB:   /* » */
  case 0x2018: /* ‘ */
  case 0x2019: /* ’ */
  case 0x201C: /* “ */
  case 0x201D: /* ” */
    return CLOSE;
  default:
    /* other control characters: line ends, separators, formats */
    return c < 0x20 || c == 0x7F ? REFUSED : OTHER;
  }
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
