/* sverka-check-common.c: helpers that several checks share (see
 * sverka-check-private.h). */
#include <math.h>
#include <string.h>

#include "sverka-check-private.h"
#include "sverka-numbers-private.h"

/* The length of the separator ('/', '-' or an en dash) right before @at
 * when four digits, and no fifth, come before it: "2020/" of "2020/21"; or
 * 0. */
static gsize
year_range_separator (const char *data, gsize at)
{
  gsize sep = 0;
  if (at >= 1 && (data[at - 1] == '/' || data[at - 1] == '-'))
    sep = 1;
  else if (at >= 3 && memcmp (data + at - 3, "\u2013", 3) == 0)
    sep = 3;
  if (sep == 0 || at < sep + 4)
    return 0;
  for (gsize i = at - sep - 4; i < at - sep; i++)
    if (!g_ascii_isdigit (data[i]))
      return 0;
  if (at > sep + 4 && g_ascii_isdigit (data[at - sep - 5]))
    return 0;
  return sep;
}

void
sverka_check_collect_numbers (SverkaDocument *doc, const guint *sents, guint n, GArray *out)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (SverkaNumber));
  for (guint k = 0; k < n; k++) {
    g_array_set_size (found, 0);
    sverka_numbers_find (doc, sents[k], found);
    for (guint i = 0; i < found->len; i++) {
      const SverkaNumber *num = &g_array_index (found, SverkaNumber, i);
      const SverkaToken *first = sverka_document_get_token (doc, num->first_token);
      const SverkaToken *last = sverka_document_get_token (doc, num->first_token + num->n_tokens - 1);
      const char *data = sverka_document_get_data (doc, NULL);
      gsize len;
      SverkaCheckNumber x = { num->value, FALSE, !(first->word->flags & SVERKA_WORD_NUMBER),
                              first->start, last->end, num->has_alt ? num->alt : -1 };
      sverka_document_get_data (doc, &len);
      /* Digits joined to a word by a hyphen name a thing ("COP-29",
       * "Су-35", "F-16"): a code, not a quantity; but a year so joined is the
       * year of an event ("Евро-2016", "сезона-2015/16"). */
      if (!x.in_words && x.start > 1 && data[x.start - 1] == '-'
          && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (data + x.start - 1)))
          && !(x.end - x.start == 4 && sverka_check_is_year (x.value)))
        continue;
      /* "one", "один", "second", "второй" (also "a second", "во-вторых") are
       * words first and numbers only sometimes. */
      x.from_words_one = (num->value == 1 || (num->ordinal && num->value == 2))
                         && !(first->word->flags & SVERKA_WORD_NUMBER);
      /* "1954/55", "2020-21", "2015–16": the second year written with two
       * digits. */
      if (!x.in_words && x.end - x.start == 2) {
        gsize sep = year_range_separator (data, x.start);
        if (sep > 0) {
          double year = g_ascii_strtod (data + x.start - sep - 4, NULL);
          double next = floor (year / 100) * 100 + x.value;
          if (sverka_check_is_year (year) && next == year + 1)
            x.value = next;
        }
      }
      /* A time of day ("18:45") is the publishing time, not a fact. */
      if ((x.end < len && data[x.end] == ':' && g_ascii_isdigit (data[x.end + 1]))
          || (x.start > 1 && data[x.start - 1] == ':' && g_ascii_isdigit (data[x.start - 2])))
        continue;
      g_array_append_val (out, x);
    }
  }
}

gboolean
sverka_check_is_year (double v)
{
  return v >= 1900 && v <= 2100 && v == floor (v);
}

guint64
sverka_check_bead_mask (SverkaChecker *c, const SverkaBead *b, gboolean russian, guint s)
{
  guint64 mask = 0;
  if (russian) {
    sverka_scorer_mark (c->sc, s);
    for (guint k = 0; k < b->n_en; k++) {
      SverkaPair p;
      sverka_scorer_pair (c->sc, s, b->en[k], &p);
      mask |= p.mask;
    }
  } else {
    for (guint k = 0; k < b->n_ru; k++) {
      SverkaPair p;
      sverka_scorer_mark (c->sc, b->ru[k]);
      sverka_scorer_pair (c->sc, b->ru[k], s, &p);
      mask |= p.mask_en;
    }
  }
  return mask;
}

double
sverka_check_skeleton_similarity (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b), l = MIN (la, lb);
  g_autofree guint *prev = NULL, *cur = NULL;
  if (l == 0)
    return 0;
  prev = g_new (guint, l + 1);
  cur = g_new (guint, l + 1);
  for (gsize j = 0; j <= l; j++)
    prev[j] = (guint) j;
  for (gsize i = 1; i <= l; i++) {
    cur[0] = (guint) i;
    for (gsize j = 1; j <= l; j++) {
      /* у stands for English w as often as в does: Уэйд / Wayde. */
      gboolean same = a[i - 1] == b[j - 1] || (a[i - 1] == 'u' && b[j - 1] == 'v')
                      || (a[i - 1] == 'v' && b[j - 1] == 'u');
      cur[j] = MIN (prev[j - 1] + !same, MIN (prev[j] + 1, cur[j - 1] + 1));
    }
    memcpy (prev, cur, sizeof (guint) * (l + 1));
  }
  return 1.0 - (double) prev[l] / (double) l;
}

guint
sverka_check_edit_distance (const char *a, const char *b)
{
  glong la, lb;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *prev = NULL, *cur = NULL;

  if (ABS (la - lb) > 3)
    return 3;
  prev = g_new (guint, lb + 1);
  cur = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= la; i++) {
    cur[0] = (guint) i;
    for (glong j = 1; j <= lb; j++) {
      guint sub = prev[j - 1] + (g_unichar_tolower (x[i - 1]) != g_unichar_tolower (y[j - 1]));
      cur[j] = MIN (sub, MIN (prev[j] + 1, cur[j - 1] + 1));
    }
    memcpy (prev, cur, sizeof (guint) * (lb + 1));
  }
  return MIN (prev[lb], 3u);
}
