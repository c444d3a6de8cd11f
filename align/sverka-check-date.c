/* sverka-check-date.c: in parallel mode, dates that differ outside the
 * numbers: days counted from the day of speaking ("позавчера" /
 * "yesterday", "через три дня" / "the day after tomorrow"), then the months
 * of dates ("ноябре 2020" / "October 2020"). A year or a day that differs is
 * a number of the bead, and the number check makes it a date note, as it
 * does an explicit year against a relative one (sverka-check-number.c). */
#include <stdlib.h>
#include <string.h>

#include "sverka-check-private.h"
#include "sverka-document-private.h"

/* Days counted from the day of speaking: "вчера", "the day after tomorrow",
 * "через три дня", "in two days". Appends each one's offset in days to @out
 * (of gint) and the span of its words to @spans (of gsize pairs). */
static void
relative_days (SverkaChecker *c, gboolean russian, const guint *sents, guint n, GArray *out,
               GArray *spans)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaLanguage lang = russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  GHashTable *numbers = sverka_context_lang (doc->ctx, lang)->numbers;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      const char *f = t->word->fold;
      const char *prev = i > 0 ? sverka_document_get_token (doc, se->first_token + i - 1)->word->fold
                               : "";
      gboolean found = TRUE;
      gint days = 0;
      if (russian && strcmp (f, "позавчера") == 0)
        days = -2;
      else if (russian && strcmp (f, "вчера") == 0)
        days = -1;
      else if (russian && strcmp (f, "завтра") == 0)
        days = 1;
      else if (russian && strcmp (f, "послезавтра") == 0)
        days = 2;
      else if (!russian && strcmp (f, "yesterday") == 0)
        days = strcmp (prev, "before") == 0 ? -2 : -1;
      else if (!russian && strcmp (f, "tomorrow") == 0)
        days = strcmp (prev, "after") == 0 ? 2 : 1;
      else if (i + 2 < se->n_tokens
               && strcmp (f, russian ? "через" : "in") == 0) {
        /* через N дней, in N days */
        const SverkaWord *num = sverka_document_get_token (doc, se->first_token + i + 1)->word;
        const SverkaWord *unit = sverka_document_get_token (doc, se->first_token + i + 2)->word;
        const SverkaNumWord *nw = g_hash_table_lookup (numbers, num->fold);
        gboolean day = russian ? g_str_has_prefix (unit->fold, "дн") || strcmp (unit->fold, "день") == 0
                               : strcmp (unit->fold, "days") == 0;
        found = day && ((num->flags & SVERKA_WORD_NUMBER) || (nw != NULL && nw->kind == SVERKA_NUMWORD_CARDINAL));
        if (found)
          days = (num->flags & SVERKA_WORD_NUMBER) ? atoi (num->fold) : (gint) nw->value;
      } else {
        found = FALSE;
      }
      if (found) {
        gsize span[2] = { t->start, t->end };
        if (i + 2 < se->n_tokens && strcmp (f, russian ? "через" : "in") == 0)
          span[1] = sverka_document_get_token (doc, se->first_token + i + 2)->end;
        else if (!russian && (days == 2 || days == -2) && i >= 2)
          span[0] = sverka_document_get_token (doc, se->first_token + i - 2)->start;
        g_array_append_val (out, days);
        g_array_append_vals (spans, span, 2);
      }
    }
  }
}

static int
compare_gint (gconstpointer a, gconstpointer b)
{
  gint x = *(const gint *) a, y = *(const gint *) b;
  return x < y ? -1 : x > y;
}

/* Do @a and @b (of gint) hold the same values, in any order? */
static gboolean
same_values (GArray *a, GArray *b)
{
  g_autoptr (GArray) x = g_array_copy (a);
  g_autoptr (GArray) y = g_array_copy (b);
  g_array_sort (x, compare_gint);
  g_array_sort (y, compare_gint);
  return x->len == y->len && memcmp (x->data, y->data, sizeof (gint) * x->len) == 0;
}

/* Is every value of @a (of gint) in @b? */
static gboolean
all_in (GArray *a, GArray *b)
{
  for (guint i = 0; i < a->len; i++) {
    gboolean found = FALSE;
    for (guint j = 0; j < b->len && !found; j++)
      found = g_array_index (a, gint, i) == g_array_index (b, gint, j);
    if (!found)
      return FALSE;
  }
  return TRUE;
}

/* Do @a and @b (of gint) name the same months, each as often or not
 * ("10. Juli ... 11. Juli" / "10 juillet ... le 11": one month, named again
 * on one side only)? */
static gboolean
same_months (GArray *a, GArray *b)
{
  return all_in (a, b) && all_in (b, a);
}

/* The months of a date in sentences @sents: a month's name next to a number
 * ("October 2020", "14 декабря", "ноябре 2020"), so that the verb "may" or
 * "march" is no month. Appends each month (1-12) to @out (of gint) and its
 * token to @tokens. */
static void
date_months (SverkaChecker *c, gboolean russian, const guint *sents, guint n, GArray *out,
             GPtrArray *tokens)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      gint month = (gint) sverka_context_month_of_word (doc->ctx, t->word->fold);
      gboolean by_number =
          (i > 0 && (sverka_document_get_token (doc, se->first_token + i - 1)->word->flags
                     & SVERKA_WORD_NUMBER))
          || (i + 1 < se->n_tokens
              && (sverka_document_get_token (doc, se->first_token + i + 1)->word->flags
                  & SVERKA_WORD_NUMBER));
      if (month == 0 || !by_number)
        continue;
      g_array_append_val (out, month);
      g_ptr_array_add (tokens, (gpointer) t);
    }
  }
}

/* Parallel mode: the months of the dates differ ("ноябре 2020" / "October
 * 2020"). */
static void
check_months (SverkaChecker *c, const SverkaBead *b)
{
  static const char *const names[] = { "January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December" };
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GPtrArray) ru_tok = g_ptr_array_new ();
  g_autoptr (GPtrArray) en_tok = g_ptr_array_new ();
  GString *msg;

  date_months (c, TRUE, b->ru, b->n_ru, ru, ru_tok);
  date_months (c, FALSE, b->en, b->n_en, en, en_tok);
  if (ru->len == 0 || en->len == 0)
    return;
  if (same_months (ru, en))
    return;
  msg = g_string_new (sverka_checker_code (c, TRUE));
  for (guint i = 0; i < ru->len; i++)
    g_string_append_printf (msg, "%s \"%s\" = %s", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (ru_tok, i))->word->form,
                            names[g_array_index (ru, gint, i) - 1]);
  g_string_append_printf (msg, "; %s", sverka_checker_code (c, FALSE));
  for (guint i = 0; i < en->len; i++)
    g_string_append_printf (msg, "%s \"%s\"", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (en_tok, i))->word->form);
  g_string_append (msg, ": the months differ");
  sverka_checker_add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, b->en,
                           b->n_en, g_string_free (msg, FALSE));
  for (guint i = 0; i < ru_tok->len; i++)
    sverka_checker_add_token_mark (c, TRUE, g_ptr_array_index (ru_tok, i));
  for (guint i = 0; i < en_tok->len; i++)
    sverka_checker_add_token_mark (c, FALSE, g_ptr_array_index (en_tok, i));
}

/* Appends ' "через три дня" = day +3' for each of @days, in text order. */
static void
append_relative_days (GString *msg, SverkaDocument *doc, GArray *days, GArray *spans)
{
  const char *data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < days->len; i++) {
    gsize start = g_array_index (spans, gsize, 2 * i), end = g_array_index (spans, gsize, 2 * i + 1);
    g_string_append_printf (msg, "%s \"%.*s\" = day %+d", i > 0 ? "," : "", (int) (end - start),
                            data + start, g_array_index (days, gint, i));
  }
}

/* Parallel mode: the days counted from the day of speaking differ
 * ("позавчера" / "yesterday"). */
static void
check_relative_days (SverkaChecker *c, const SverkaBead *b)
{
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) ru_spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GArray) en_spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *msg;

  relative_days (c, TRUE, b->ru, b->n_ru, ru, ru_spans);
  relative_days (c, FALSE, b->en, b->n_en, en, en_spans);
  if (ru->len == 0 || en->len == 0)
    return;
  if (same_values (ru, en))
    return;
  msg = g_string_new ("ru");
  append_relative_days (msg, c->ru, ru, ru_spans);
  g_string_append (msg, "; en");
  append_relative_days (msg, c->en, en, en_spans);
  g_string_append (msg, " (days from the day of speaking)");
  sverka_checker_add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, b->en,
                           b->n_en, g_string_free (msg, FALSE));
  for (guint i = 0; i + 1 < ru_spans->len; i += 2)
    sverka_checker_add_mark (c, TRUE, g_array_index (ru_spans, gsize, i),
                             g_array_index (ru_spans, gsize, i + 1));
  for (guint i = 0; i + 1 < en_spans->len; i += 2)
    sverka_checker_add_mark (c, FALSE, g_array_index (en_spans, gsize, i),
                             g_array_index (en_spans, gsize, i + 1));
}

/* Reads 1 to @max digits at @p; returns how many, 0 if more follow. */
static guint
read_digits (const char *p, const char *end, guint max, guint *value)
{
  guint n = 0;
  *value = 0;
  while (p + n < end && g_ascii_isdigit (p[n])) {
    if (n == max)
      return 0;
    *value = *value * 10 + (guint) (p[n] - '0');
    n++;
  }
  return n;
}

static gboolean
valid_date (guint y, guint m, guint d)
{
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Numeric dates of one sentence's bytes [@sent, @end): "14.02.2021",
 * "14/02/2021", "14.02.21", "2021-02-14"; with @month_first (English,
 * SverkaLanguagePack.month_first_dates) "02/14/2021" may put the month
 * first. */
static void
numeric_dates (const char *sent, const char *end, gsize base, gboolean month_first, GArray *out)
{
  const char *p = sent;
  while (p < end) {
    SverkaCheckDate dt = { 0 };
    guint a, b, y, na, nb, ny;
    const char *q;
    char sep;
    gboolean boundary = p == sent || p[-1] == ' ' || p[-1] == '(' || p[-1] == '"'
                        || (guchar) p[-1] >= 0x80 || p[-1] == '\t';
    if (!g_ascii_isdigit (*p) || !boundary) {
      p++;
      continue;
    }
    q = p;
    na = read_digits (q, end, 4, &a);
    q += na;
    if (na == 4 && q + 5 < end && *q == '-') {
      /* 2021-02-14 */
      nb = read_digits (q + 1, end, 2, &b);
      if (nb == 2 && q[3] == '-' && read_digits (q + 4, end, 2, &y) == 2
          && !(q + 6 < end && g_ascii_isdigit (q[6])) && valid_date (a, b, y)) {
        dt.year = a;
        dt.month = b;
        dt.day = y;
        q += 6;
        goto found;
      }
    } else if ((na == 1 || na == 2) && q < end && (*q == '.' || *q == '/')) {
      sep = *q;
      nb = read_digits (q + 1, end, 2, &b);
      if ((nb == 1 || nb == 2) && q + 1 + nb < end && q[1 + nb] == sep) {
        ny = read_digits (q + 2 + nb, end, 4, &y);
        if (ny == 4 || ny == 2) {
          const char *e = q + 2 + nb + ny;
          /* not a longer group: "1.2.3.4", "14.02.2021.5" */
          if (!(e + 1 < end && (*e == '.' || *e == '/' || *e == ',') && g_ascii_isdigit (e[1]))) {
            if (ny == 2)
              y += y <= 69 ? 2000 : 1900;
            dt.year = y;
            if (month_first && sep == '/') {
              if (a > 12 && b <= 12) {
                dt.day = a, dt.month = b;
              } else if (b > 12 && a <= 12) {
                dt.month = a, dt.day = b;
              } else {
                dt.month = a, dt.day = b, dt.swap = a != b;
              }
            } else {
              dt.day = a, dt.month = b;
            }
            q = e;
            if (valid_date (dt.year, dt.month, dt.day)
                || (dt.swap && valid_date (dt.year, dt.day, dt.month)))
              goto found;
          }
        }
      }
    }
    while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == '/' || *p == '-' || *p == ','))
      p++;
    continue;
  found:
    dt.numeric = TRUE;
    dt.start = base + (gsize) (p - sent);
    dt.end = base + (gsize) (q - sent);
    g_array_append_val (out, dt);
    p = q;
  }
}

/* The value of a number token of 1 to 4 digits (with an ordinal suffix:
 * "14th"), or 0. */
static guint
token_digits (const SverkaToken *t, guint *n_digits)
{
  guint v = 0, n = 0;
  const char *f = t->word->fold;
  while (g_ascii_isdigit (f[n]) && n < 5) {
    v = v * 10 + (guint) (f[n] - '0');
    n++;
  }
  if (n == 0 || n > 4)
    return 0;
  if (f[n] != '\0' && strcmp (f + n, "st") != 0 && strcmp (f + n, "nd") != 0
      && strcmp (f + n, "rd") != 0 && strcmp (f + n, "th") != 0)
    return 0;
  *n_digits = n;
  return v;
}

/* Spelled dates of sentence @se: "14 февраля 2021", "14 February 2021",
 * "February 14, 2021". */
static void
spelled_dates (SverkaDocument *doc, const SverkaSentence *se, GArray *out)
{
  for (guint i = 0; i + 2 < se->n_tokens; i++) {
    const SverkaToken *t0 = sverka_document_get_token (doc, se->first_token + i);
    const SverkaToken *t1 = sverka_document_get_token (doc, se->first_token + i + 1);
    const SverkaToken *t2 = sverka_document_get_token (doc, se->first_token + i + 2);
    SverkaCheckDate dt = { 0 };
    guint nd = 0, ny = 0, m;
    /* the year, of four digits, comes last: most words are followed by none */
    if (!g_ascii_isdigit (t2->word->fold[0]))
      continue;
    if ((m = sverka_context_month_of_word (doc->ctx, t1->word->fold)) != 0) {
      dt.day = token_digits (t0, &nd);
      dt.year = token_digits (t2, &ny);
    } else if ((m = sverka_context_month_of_word (doc->ctx, t0->word->fold)) != 0) {
      dt.day = token_digits (t1, &nd);
      dt.year = token_digits (t2, &ny);
    } else {
      continue;
    }
    if (nd > 2 || ny != 4 || !valid_date (dt.year, m, dt.day))
      continue;
    dt.month = m;
    dt.start = t0->start;
    dt.end = t2->end;
    g_array_append_val (out, dt);
    i += 2;
  }
}

void
sverka_check_collect_dates (SverkaDocument *doc, const guint *sents, guint n, GArray *out)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gboolean month_first
      = sverka_context_lang (doc->ctx, sverka_document_get_language (doc))->pack->month_first_dates;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    numeric_dates (data + se->start, data + se->end, se->start, month_first, out);
    spelled_dates (doc, se, out);
  }
}

gboolean
sverka_check_same_date (const SverkaCheckDate *a, const SverkaCheckDate *b)
{
  for (guint i = 0; i < 1u + a->swap; i++)
    for (guint j = 0; j < 1u + b->swap; j++) {
      guint am = i ? a->day : a->month, ad = i ? a->month : a->day;
      guint bm = j ? b->day : b->month, bd = j ? b->month : b->day;
      if (a->year == b->year && am == bm && ad == bd)
        return TRUE;
    }
  return FALSE;
}

static gboolean
date_matched (const SverkaCheckDate *d, GArray *other)
{
  for (guint i = 0; i < other->len; i++)
    if (sverka_check_same_date (d, &g_array_index (other, SverkaCheckDate, i)))
      return TRUE;
  return FALSE;
}

static void
describe_dates (GString *msg, SverkaDocument *doc, GArray *dates)
{
  const char *data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < dates->len; i++) {
    const SverkaCheckDate *d = &g_array_index (dates, SverkaCheckDate, i);
    g_string_append_printf (msg, "%s \"%.*s\" = %04u-%02u-%02u", i > 0 ? "," : "",
                            (int) (d->end - d->start), data + d->start, d->year, d->month, d->day);
    if (d->swap)
      g_string_append_printf (msg, " or %04u-%02u-%02u", d->year, d->day, d->month);
  }
}

/* Parallel mode: whole dates that differ, one of them numeric ("14.02.2021"
 * / "February 15, 2021"). Spelled dates against spelled dates are the
 * number check's: their days and years are numbers of the bead. */
static void
check_whole_dates (SverkaChecker *c, const SverkaBead *b)
{
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (SverkaCheckDate));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (SverkaCheckDate));
  gboolean ru_left = FALSE, en_left = FALSE, numeric = FALSE;
  GString *msg;

  sverka_check_collect_dates (c->ru, b->ru, b->n_ru, ru);
  if (ru->len == 0)
    return;
  sverka_check_collect_dates (c->en, b->en, b->n_en, en);
  if (en->len == 0)
    return;
  for (guint i = 0; i < ru->len; i++) {
    const SverkaCheckDate *d = &g_array_index (ru, SverkaCheckDate, i);
    if (!date_matched (d, en)) {
      ru_left = TRUE;
      numeric |= d->numeric;
    }
  }
  for (guint i = 0; i < en->len; i++) {
    const SverkaCheckDate *d = &g_array_index (en, SverkaCheckDate, i);
    if (!date_matched (d, ru)) {
      en_left = TRUE;
      numeric |= d->numeric;
    }
  }
  if (!ru_left || !en_left || !numeric)
    return;
  msg = g_string_new (sverka_checker_code (c, TRUE));
  describe_dates (msg, c->ru, ru);
  g_string_append_printf (msg, "; %s", sverka_checker_code (c, FALSE));
  describe_dates (msg, c->en, en);
  g_string_append (msg, ": the dates differ");
  sverka_checker_add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_ERROR, b->ru, b->n_ru, b->en,
                           b->n_en, g_string_free (msg, FALSE));
  for (guint i = 0; i < ru->len; i++) {
    const SverkaCheckDate *d = &g_array_index (ru, SverkaCheckDate, i);
    if (!date_matched (d, en))
      sverka_checker_add_mark (c, TRUE, d->start, d->end);
  }
  for (guint i = 0; i < en->len; i++) {
    const SverkaCheckDate *d = &g_array_index (en, SverkaCheckDate, i);
    if (!date_matched (d, ru))
      sverka_checker_add_mark (c, FALSE, d->start, d->end);
  }
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  /* the words of days counted from the day of speaking are in the code,
   * for Russian and English */
  if (sverka_context_is_ru_en (c->ru->ctx))
    check_relative_days (c, b);
  check_months (c, b);
  check_whole_dates (c, b);
}

const SverkaCheck sverka_check_date = {
  .name = "date",
  .needs = SVERKA_PACK_MONTHS,
  .parallel_only = TRUE,
  .bead = check_bead,
};
