/* sverka-check-number.c: the values of a bead's numbers differ, however
 * they are written (sverka-numbers.c). In comparable mode a Russian number
 * is looked for in the whole English text before it is called missing.
 *
 * A missing number in a date (a year, or a day beside a month's name) makes
 * the note a date note. An explicit year on one side against a relative one
 * ("this year", "в этом году") on the other is a date warning naming both,
 * resolved against the document's date: those years are among the numbers
 * this check finds missing, so it is this check that tells them apart. */
#include <math.h>
#include <string.h>

#include "sverka-check-private.h"

/* The numbers of @nums that are compared (not "one" or "second"). */
static guint
n_comparable (GArray *nums)
{
  guint n = 0;
  for (guint i = 0; i < nums->len; i++)
    n += !g_array_index (nums, SverkaCheckNumber, i).from_words_one;
  return n;
}

static gboolean
all_in_words (GArray *nums)
{
  for (guint i = 0; i < nums->len; i++)
    if (!g_array_index (nums, SverkaCheckNumber, i).in_words)
      return FALSE;
  return TRUE;
}

static gboolean
has_value (GArray *nums, double v)
{
  for (guint i = 0; i < nums->len; i++)
    if (fabs (g_array_index (nums, SverkaCheckNumber, i).value - v) < 1e-9)
      return TRUE;
  return FALSE;
}

static gboolean
same_value (double a, double b)
{
  return a >= 0 && b >= 0 && fabs (a - b) < 1e-9;
}

/* Has @nums a number that can be @x, in either's reading ("60m" is 60
 * million or 60 metres)? */
static gboolean
matched (GArray *nums, const SverkaCheckNumber *x)
{
  for (guint i = 0; i < nums->len; i++) {
    const SverkaCheckNumber *y = &g_array_index (nums, SverkaCheckNumber, i);
    if (fabs (y->value - x->value) < 1e-9 || same_value (y->alt, x->value)
        || same_value (y->value, x->alt))
      return TRUE;
  }
  return FALSE;
}

/* Are the numbers of @nums that @other lacks all written in words? */
static gboolean
unmatched_in_words (GArray *nums, GArray *other)
{
  for (guint i = 0; i < nums->len; i++) {
    const SverkaCheckNumber *x = &g_array_index (nums, SverkaCheckNumber, i);
    if (!x->from_words_one && !x->in_words && !matched (other, x))
      return FALSE;
  }
  return TRUE;
}

/* Has @nums a number in digits that @other has too? */
static gboolean
matched_digits (GArray *nums, GArray *other)
{
  for (guint i = 0; i < nums->len; i++) {
    const SverkaCheckNumber *x = &g_array_index (nums, SverkaCheckNumber, i);
    if (!x->in_words && matched (other, x))
      return TRUE;
  }
  return FALSE;
}

/* A relative year ("this year", "в этом году") in the sentences? */
static const char *
relative_year (SverkaDocument *doc, const guint *sents, guint n)
{
  static const char *const en[] = { "this year", "last year", "next year", "that year" };
  static const char *const ru[] = { "этом году", "прошлом году", "следующем году", "текущего года",
                                    "прошлого года", "этого года" };
  gboolean russian = sverka_document_get_language (doc) == SVERKA_LANGUAGE_RU;
  for (guint k = 0; k < n; k++) {
    g_autofree char *text = sverka_document_dup_sentence_text (doc, sents[k]);
    g_autofree char *fold = sverka_text_casefold (text, -1);
    const char *const *list = russian ? ru : en;
    guint nl = russian ? G_N_ELEMENTS (ru) : G_N_ELEMENTS (en);
    for (guint i = 0; i < nl; i++)
      if (strstr (fold, list[i]) != NULL)
        return list[i];
  }
  return NULL;
}

/* Marks the first place of @phrase (ASCII, any case) in sentences @sents. */
static void
mark_phrase (SverkaChecker *c, gboolean russian, const guint *sents, guint n, const char *phrase)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const char *data = sverka_document_get_data (doc, NULL);
  gsize len = strlen (phrase);

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, sents[k]);
    for (gsize at = s->start; at + len <= s->end; at++) {
      if (g_ascii_strncasecmp (data + at, phrase, len) == 0) {
        sverka_checker_add_mark (c, russian, at, at + len);
        return;
      }
    }
  }
}

static void
format_value (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

/* A day or a year of a date: a number beside a month's name, or a year. */
static gboolean
in_date (SverkaDocument *doc, const SverkaCheckNumber *x)
{
  guint n = sverka_document_get_n_tokens (doc);
  guint lo = 0, hi = n;
  const SverkaToken *first, *after;

  if (sverka_check_is_year (x->value))
    return TRUE;
  /* The first token at or after the number's start. */
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (sverka_document_get_token (doc, mid)->start < x->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo >= n)
    return FALSE;
  first = sverka_document_get_token (doc, lo);
  if (lo > 0) {
    const SverkaToken *before = sverka_document_get_token (doc, lo - 1);
    if (before->sentence == first->sentence && sverka_context_month_of_word (doc->ctx, before->word->fold) != 0)
      return TRUE;
  }
  while (lo < n && sverka_document_get_token (doc, lo)->start < x->end)
    lo++;
  if (lo >= n)
    return FALSE;
  after = sverka_document_get_token (doc, lo);
  return after->sentence == first->sentence && sverka_context_month_of_word (doc->ctx, after->word->fold) != 0;
}

static void
describe_numbers (GString *out, const char *side, SverkaDocument *doc, GArray *nums,
                  GArray *other)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gboolean any = FALSE;
  g_string_append_printf (out, "%s ", side);
  for (guint i = 0; i < nums->len; i++) {
    const SverkaCheckNumber *x = &g_array_index (nums, SverkaCheckNumber, i);
    if (x->from_words_one || matched (other, x))
      continue;
    if (any)
      g_string_append (out, ", ");
    g_string_append_len (out, data + x->start, (gssize) (x->end - x->start));
    g_string_append (out, " = ");
    format_value (out, x->value);
    if (x->alt >= 0) {
      g_string_append (out, " or ");
      format_value (out, x->alt);
    }
    any = TRUE;
  }
  if (!any)
    g_string_append (out, "none");
}

/* Imperial units a translation converts to metric ("30 yards" / "27
 * метрах"): the English word, the Russian unit (a prefix of the folded word,
 * or the whole word for an abbreviation), and what one English unit makes. */
typedef struct {
  const char *en;
  const char *ru;
  double factor;
} UnitConversion;

static const UnitConversion unit_conversions[] = {
  { "mile", "километр", 1.609 }, { "mile", "км", 1.609 }, { "mile", "кв", 2.59 },
  { "yard", "метр", 0.9144 },    { "yard", "м", 0.9144 },  { "feet", "метр", 0.3048 },
  { "foot", "метр", 0.3048 },    { "feet", "м", 0.3048 },  { "foot", "м", 0.3048 },
  { "inch", "сантиметр", 2.54 }, { "inch", "см", 2.54 },   { "inch", "миллиметр", 25.4 },
  { "inch", "мм", 25.4 },        { "pound", "килограмм", 0.4536 }, { "pound", "кг", 0.4536 },
  { "lb", "кг", 0.4536 },        { "ounc", "грамм", 28.35 }, { "acr", "гектар", 0.4047 },
  { "acr", "га", 0.4047 },       { "gallon", "литр", 3.785 },
};

/* Does a word of sentences @sents begin with @prefix (for a prefix of three
 * letters or more) or equal it? */
static gboolean
has_word (SverkaDocument *doc, const guint *sents, guint n, const char *prefix, gboolean stem)
{
  gsize len = strlen (prefix);
  gboolean as_prefix = g_utf8_strlen (prefix, -1) >= 3;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (doc, se->first_token + i)->word;
      const char *f = stem ? w->stem : w->fold;
      if (f[0] == prefix[0]
          && (as_prefix ? strncmp (f, prefix, len) == 0 : strcmp (f, prefix) == 0))
        return TRUE;
    }
  }
  return FALSE;
}

/* Drops from @rn and @en the pairs of values that are one quantity in
 * imperial and metric units, when the bead names both units. */
static void
drop_converted (SverkaChecker *c, const SverkaBead *b, GArray *rn, GArray *en)
{
  /* nothing to pair: the units are not looked for */
  if (rn->len == 0 || en->len == 0)
    return;
  for (guint u = 0; u < G_N_ELEMENTS (unit_conversions); u++) {
    const UnitConversion *uc = &unit_conversions[u];
    if (!has_word (c->en, b->en, b->n_en, uc->en, TRUE)
        || !has_word (c->ru, b->ru, b->n_ru, uc->ru, FALSE))
      continue;
    for (guint i = 0; i < rn->len; i++) {
      double v = g_array_index (rn, SverkaCheckNumber, i).value;
      for (guint j = 0; j < en->len; j++) {
        double w = g_array_index (en, SverkaCheckNumber, j).value * uc->factor;
        if (v > 0 && fabs (v - w) <= 0.15 * v && !has_value (en, v)) {
          g_array_remove_index (rn, i);
          g_array_remove_index (en, j);
          i--;
          break;
        }
      }
    }
  }
}

/* Drops from @rn and @en a temperature in Fahrenheit and its value in
 * Celsius ("80 degrees" / "27 градусов", "the 80s" / "до 27 градусов"),
 * when the Russian names degrees and the English does not say Celsius:
 * within a degree, as translators round. Signs are not read ("минус 5"),
 * so a negative Celsius value is compared by its size. */
static void
drop_fahrenheit (SverkaChecker *c, const SverkaBead *b, GArray *rn, GArray *en)
{
  if (rn->len == 0 || en->len == 0 || !has_word (c->ru, b->ru, b->n_ru, "градус", FALSE)
      || has_word (c->en, b->en, b->n_en, "celsius", FALSE)
      || has_word (c->en, b->en, b->n_en, "centigrad", FALSE))
    return;
  for (guint i = 0; i < rn->len; i++) {
    const SverkaCheckNumber *r = &g_array_index (rn, SverkaCheckNumber, i);
    if (matched (en, r))
      continue;
    for (guint j = 0; j < en->len; j++) {
      const SverkaCheckNumber *e = &g_array_index (en, SverkaCheckNumber, j);
      double celsius = fabs ((e->value - 32) * 5 / 9);
      if (e->value >= -60 && e->value <= 140 && !matched (rn, e)
          && fabs (celsius - r->value) <= 1.0) {
        g_array_remove_index (rn, i);
        g_array_remove_index (en, j);
        i--;
        break;
      }
    }
  }
}

/* A decade or a century: "70-х", "1970-е", "семидесятых", "the 1970s",
 * "the '70s", "the seventies"; "XX век", "20-й век", "двадцатого века",
 * "the 20th century", "the twentieth century". */
typedef struct {
  gboolean century;
  guint value;      /* 70 or 1970 for a decade; 20 for a century */
  gsize start, end; /* its span in the text */
} Period;

static const char *const ru_decade_stems[] = { "двадцат",    "тридцат",     "сороков",
                                               "пятидесят",  "шестидесят",  "семидесят",
                                               "восьмидесят", "девяност" };
static const char *const en_decade_words[] = { "twenties", "thirties", "forties", "fifties",
                                               "sixties",  "seventies", "eighties", "nineties" };

/* The value of Roman numeral @s (upper case, I to XXI), or 0. */
static guint
roman_value (const char *s)
{
  static const char *const romans[] = { "I",    "II",    "III",   "IV",   "V",     "VI",  "VII",
                                        "VIII", "IX",    "X",     "XI",   "XII",   "XIII", "XIV",
                                        "XV",   "XVI",   "XVII",  "XVIII", "XIX",  "XX",  "XXI" };
  for (guint i = 0; i < G_N_ELEMENTS (romans); i++)
    if (strcmp (s, romans[i]) == 0)
      return i + 1;
  return 0;
}

/* The leading digits of @f and what follows them. */
static guint
lead_digits (const char *f, const char **rest)
{
  guint v = 0, n = 0;
  while (g_ascii_isdigit (f[n]) && n < 5)
    v = v * 10 + (guint) (f[n++] - '0');
  *rest = f + n;
  return n == 0 || n > 4 ? 0 : v;
}

static void
collect_periods (SverkaDocument *doc, const guint *sents, guint n, GArray *out)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gsize len;
  gboolean russian = sverka_document_get_language (doc) == SVERKA_LANGUAGE_RU;

  sverka_document_get_data (doc, &len);
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      const SverkaToken *next = i + 1 < se->n_tokens
                                    ? sverka_document_get_token (doc, se->first_token + i + 1)
                                    : NULL;
      const char *f = t->word->fold, *rest;
      guint v = lead_digits (f, &rest);
      Period p = { FALSE, 0, t->start, t->end };
      gboolean century_next =
          next != NULL && (russian ? g_str_has_prefix (next->word->fold, "век")
                                   : (strcmp (next->word->fold, "century") == 0
                                      || strcmp (next->word->fold, "centuries") == 0));
      if (v > 0 && century_next && v <= 21
          && (*rest == '\0' || strcmp (rest, "st") == 0 || strcmp (rest, "nd") == 0
              || strcmp (rest, "rd") == 0 || strcmp (rest, "th") == 0)) {
        p.century = TRUE; /* "20th century", "20 века", "20-й век" */
        p.value = v;
        p.end = next->end;
      } else if (v > 0 && v % 10 == 0 && (v < 100 || (v >= 1000 && v % 10 == 0))
                 && !russian && strcmp (rest, "s") == 0) {
        p.value = v; /* "1970s", "'70s" */
      } else if (v > 0 && v % 10 == 0 && (v < 100 || v >= 1000) && russian && *rest == '\0'
                 && t->end + 2 < len && data[t->end] == '-'
                 && (g_str_has_prefix (data + t->end + 1, "х")
                     || g_str_has_prefix (data + t->end + 1, "е")
                     || g_str_has_prefix (data + t->end + 1, "ы"))) {
        p.value = v; /* "70-х", "1970-е", "1970-ых" */
        p.end = t->end + 1 + (gsize) (g_utf8_next_char (data + t->end + 1) - (data + t->end + 1));
      } else if (v == 0 && century_next && roman_value (t->word->form) > 0) {
        p.century = TRUE; /* "XX век" */
        p.value = roman_value (t->word->form);
        p.end = next->end;
      } else if (v == 0 && russian) {
        for (guint d = 0; d < G_N_ELEMENTS (ru_decade_stems); d++) {
          gsize sl = strlen (ru_decade_stems[d]);
          if (strncmp (f, ru_decade_stems[d], sl) == 0
              && (strcmp (f + sl, "ых") == 0 || strcmp (f + sl, "ые") == 0
                  || strcmp (f + sl, "ыми") == 0 || strcmp (f + sl, "ым") == 0)) {
            p.value = 20 + 10 * d; /* "семидесятых" */
            break;
          }
        }
      } else if (v == 0) {
        for (guint d = 0; d < G_N_ELEMENTS (en_decade_words); d++)
          if (strcmp (f, en_decade_words[d]) == 0)
            p.value = 20 + 10 * d; /* "the seventies" */
      }
      if (p.value > 0)
        g_array_append_val (out, p);
    }
  }
}

/* Can periods @a and @b be the same? "70-х" is the 1970s or the 2070s. */
static gboolean
same_period (const Period *a, const Period *b)
{
  if (a->century != b->century)
    return FALSE;
  if (a->century || (a->value < 100) == (b->value < 100))
    return a->value == b->value;
  return a->value % 100 == b->value % 100;
}

static void
drop_in_span (GArray *nums, gsize start, gsize end)
{
  for (guint i = 0; i < nums->len;) {
    const SverkaCheckNumber *x = &g_array_index (nums, SverkaCheckNumber, i);
    if (x->start >= start && x->start < end)
      g_array_remove_index (nums, i);
    else
      i++;
  }
}

/* Drops from @rn and @en the numbers of decades and centuries that are the
 * same on both sides ("70-х" / "the 1970s", "XX век" / "the 20th
 * century"); one that differs ("80-х" / "the 1970s") stays a number. */
static void
drop_periods (SverkaChecker *c, const SverkaBead *b, GArray *rn, GArray *en)
{
  g_autoptr (GArray) rp = g_array_new (FALSE, FALSE, sizeof (Period));
  g_autoptr (GArray) ep = g_array_new (FALSE, FALSE, sizeof (Period));
  collect_periods (c->ru, b->ru, b->n_ru, rp);
  if (rp->len == 0)
    return;
  collect_periods (c->en, b->en, b->n_en, ep);
  for (guint i = 0; i < rp->len; i++) {
    const Period *r = &g_array_index (rp, Period, i);
    for (guint j = 0; j < ep->len; j++) {
      const Period *e = &g_array_index (ep, Period, j);
      if (same_period (r, e)) {
        drop_in_span (rn, r->start, r->end);
        drop_in_span (en, e->start, e->end);
      }
    }
  }
}

/* Drops from @nums the numbers inside times of @times ("22.00", "10 pm",
 * "в 18 часов"; the time check compares those) whose value is not among
 * @other's numbers: "5 a.m." against "5 часов утра" keeps its 5. */
static void
drop_times (GArray *nums, GArray *times, GArray *other)
{
  g_autoptr (GArray) drop = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < nums->len; i++) {
    const SverkaCheckNumber *x = &g_array_index (nums, SverkaCheckNumber, i);
    for (guint j = 0; j < times->len; j++) {
      const SverkaCheckTime *t = &g_array_index (times, SverkaCheckTime, j);
      if (x->start >= t->start && x->start < t->end && !matched (other, x)) {
        g_array_append_val (drop, i);
        break;
      }
    }
  }
  for (guint k = drop->len; k-- > 0;)
    g_array_remove_index (nums, g_array_index (drop, guint, k));
}

/* Is @x inside a date of @dates that is numeric ("14.02.2021": its digits
 * are no quantities), that a date of @other can be ("14 февраля 2021" /
 * "14.02.2021"), or against which @other has a numeric date ("15 mars
 * 2021" / "14.03.2021")? The date check compares those. */
static gboolean
any_numeric (GArray *dates)
{
  for (guint i = 0; i < dates->len; i++)
    if (g_array_index (dates, SverkaCheckDate, i).numeric)
      return TRUE;
  return FALSE;
}

static gboolean
in_compared_date (const SverkaCheckNumber *x, GArray *dates, GArray *other)
{
  for (guint i = 0; i < dates->len; i++) {
    const SverkaCheckDate *d = &g_array_index (dates, SverkaCheckDate, i);
    if (x->start < d->start || x->start >= d->end)
      continue;
    if (d->numeric || any_numeric (other))
      return TRUE;
    for (guint j = 0; j < other->len; j++)
      if (sverka_check_same_date (d, &g_array_index (other, SverkaCheckDate, j)))
        return TRUE;
  }
  return FALSE;
}

/* Drops from @nums the numbers of dates the date check compares. */
static void
drop_dates (GArray *nums, GArray *dates, GArray *other)
{
  for (guint i = 0; i < nums->len;) {
    if (in_compared_date (&g_array_index (nums, SverkaCheckNumber, i), dates, other))
      g_array_remove_index (nums, i);
    else
      i++;
  }
}

static void
check_numbers (SverkaChecker *c, const SverkaBead *b, GArray *en_all)
{
  g_autoptr (GArray) rn = g_array_new (FALSE, FALSE, sizeof (SverkaCheckNumber));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (SverkaCheckNumber));
  g_autoptr (GArray) missing_ru = g_array_new (FALSE, FALSE, sizeof (SverkaCheckNumber));
  gboolean en_missing = FALSE;
  /* units converted, temperatures, decades and relative years are read in
   * Russian and English only so far */
  gboolean ru_en = sverka_context_is_ru_en (c->ru->ctx);
  const char *rel;

  sverka_check_collect_numbers (c->ru, b->ru, b->n_ru, rn);
  sverka_check_collect_numbers (c->en, b->en, b->n_en, en);
  if (c->parallel) {
    g_autoptr (GArray) rd = g_array_new (FALSE, FALSE, sizeof (SverkaCheckDate));
    g_autoptr (GArray) ed = g_array_new (FALSE, FALSE, sizeof (SverkaCheckDate));
    sverka_check_collect_dates (c->ru, b->ru, b->n_ru, rd);
    sverka_check_collect_dates (c->en, b->en, b->n_en, ed);
    drop_dates (rn, rd, ed);
    drop_dates (en, ed, rd);
    if (ru_en) {
      drop_converted (c, b, rn, en);
      drop_fahrenheit (c, b, rn, en);
      drop_periods (c, b, rn, en);
    }
    {
      g_autoptr (GArray) rt = g_array_new (FALSE, FALSE, sizeof (SverkaCheckTime));
      g_autoptr (GArray) et = g_array_new (FALSE, FALSE, sizeof (SverkaCheckTime));
      g_autoptr (GArray) rn0 = g_array_copy (rn);
      sverka_check_collect_times (c->ru, b->ru, b->n_ru, rt);
      sverka_check_collect_times (c->en, b->en, b->n_en, et);
      drop_times (rn, rt, en);
      drop_times (en, et, rn0);
    }
  }
  rel = ru_en ? relative_year (c->en, b->en, b->n_en) : NULL;
  for (guint i = 0; i < rn->len; i++) {
    const SverkaCheckNumber *x = &g_array_index (rn, SverkaCheckNumber, i);
    if (x->from_words_one || matched (en, x))
      continue;
    if (rel != NULL && sverka_check_is_year (x->value)) {
      g_array_append_val (missing_ru, *x); /* a date note below */
      continue;
    }
    /* A report may take a number from another sentence of the transcript,
     * and gives its own date (the year of its dateline). */
    if (!c->parallel && (matched (en_all, x) || x->value == c->doc_year))
      continue;
    g_array_append_val (missing_ru, *x);
  }
  if (c->parallel) {
    for (guint i = 0; i < en->len; i++) {
      const SverkaCheckNumber *x = &g_array_index (en, SverkaCheckNumber, i);
      if (!x->from_words_one && !matched (rn, x))
        en_missing = TRUE;
    }
  }
  if (missing_ru->len == 0 && !en_missing)
    return;

  /* An explicit year against a relative one is a date note. */
  if (rel != NULL) {
    for (guint i = 0; i < missing_ru->len; i++) {
      const SverkaCheckNumber *x = &g_array_index (missing_ru, SverkaCheckNumber, i);
      if (sverka_check_is_year (x->value)) {
        GString *msg = g_string_new ("ru ");
        const char *data = sverka_document_get_data (c->ru, NULL);
        g_string_append_len (msg, data + x->start, (gssize) (x->end - x->start));
        g_string_append (msg, " (an explicit year); en \"");
        g_string_append (msg, rel);
        if (c->doc_year > 0 && strstr (rel, "this") != NULL)
          g_string_append_printf (msg, "\" (relative; %s by the document's date %.0f)",
                                  c->doc_year == x->value ? "the same year" : "another year",
                                  c->doc_year);
        else
          g_string_append (msg, "\" (relative): check that they are the same year");
        sverka_checker_add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru,
                                 b->en, b->n_en, g_string_free (msg, FALSE));
        sverka_checker_add_mark (c, TRUE, x->start, x->end);
        mark_phrase (c, FALSE, b->en, b->n_en, rel);
        g_array_remove_index (missing_ru, i);
        i--;
      }
    }
    if (missing_ru->len == 0 && !en_missing)
      return;
  }
  {
    GString *msg = g_string_new (NULL);
    gboolean date = FALSE;
    SverkaSeverity severity;
    for (guint i = 0; i < missing_ru->len && !date; i++)
      date = in_date (c->ru, &g_array_index (missing_ru, SverkaCheckNumber, i));
    for (guint i = 0; c->parallel && i < en->len && !date; i++) {
      const SverkaCheckNumber *x = &g_array_index (en, SverkaCheckNumber, i);
      if (!x->from_words_one && !matched (rn, x))
        date = in_date (c->en, x);
    }
    describe_numbers (msg, sverka_checker_code (c, TRUE), c->ru, rn, c->parallel ? en : en_all);
    g_string_append (msg, "; ");
    if (c->parallel)
      describe_numbers (msg, sverka_checker_code (c, FALSE), c->en, en, rn);
    else
      g_string_append_printf (msg, "%s: not in the %s text", sverka_checker_code (c, FALSE),
                              sverka_checker_language (c, FALSE));
    /* A value put for another is an error; a number on one side only may
     * be rendered in words the reader must check ("a decade" for "10 лет");
     * a number word on one side only, with no number on the other, is
     * mostly a turn of phrase ("two" for "оба", "трое" for "three of them"):
     * information. */
    severity = SVERKA_SEVERITY_WARNING;
    /* A count in words among figures that agree is often the same people
     * grouped another way ("четверо ... 17, 18 и 20 лет" for "a
     * 17-year-old, two 18-year-olds and a 20-year-old"): a warning when
     * only words differ and the figures in digits match. "Трое" against
     * "four" alone stays an error. */
    if (c->parallel && missing_ru->len > 0 && en_missing
        && !(unmatched_in_words (rn, en) && unmatched_in_words (en, rn)
             && matched_digits (rn, en)))
      severity = SVERKA_SEVERITY_ERROR;
    else if (c->parallel && (n_comparable (rn) == 0 || n_comparable (en) == 0)
             && all_in_words (rn) && all_in_words (en))
      severity = SVERKA_SEVERITY_INFO;
    sverka_checker_add_note (c, date ? SVERKA_NOTE_DATE : SVERKA_NOTE_NUMBER, severity,
                             b->ru, b->n_ru, b->en, b->n_en, g_string_free (msg, FALSE));
    for (guint i = 0; i < missing_ru->len; i++)
      sverka_checker_add_mark (c, TRUE, g_array_index (missing_ru, SverkaCheckNumber, i).start,
                               g_array_index (missing_ru, SverkaCheckNumber, i).end);
    for (guint i = 0; c->parallel && i < en->len; i++) {
      const SverkaCheckNumber *x = &g_array_index (en, SverkaCheckNumber, i);
      if (!x->from_words_one && !matched (rn, x))
        sverka_checker_add_mark (c, FALSE, x->start, x->end);
    }
  }
}

/* The numbers of the whole English text: in comparable mode a report may
 * take a number from anywhere in its source. Empty in parallel mode, which
 * compares bead by bead only. */
static gpointer
begin (SverkaChecker *c)
{
  GArray *en_all = g_array_new (FALSE, FALSE, sizeof (SverkaCheckNumber));
  guint n_en = sverka_document_get_n_sentences (c->en);
  g_autofree guint *all_en = g_new (guint, MAX (n_en, 1));

  if (c->parallel)
    return en_all;
  for (guint e = 0; e < n_en; e++)
    all_en[e] = e;
  sverka_check_collect_numbers (c->en, all_en, n_en, en_all);
  return en_all;
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  if (b->n_ru > 0)
    check_numbers (c, b, state);
}

const SverkaCheck sverka_check_number = {
  .name = "number",
  .begin = begin,
  .bead = check_bead,
  .free_state = (GDestroyNotify) g_array_unref,
};
