/* sverka-check-date.c: in parallel mode, dates that differ outside the
 * numbers: days counted from the day of speaking ("позавчера" /
 * "yesterday", "через три дня" / "the day after tomorrow"), then the months
 * of dates ("ноябре 2020" / "October 2020"). A year or a day that differs is
 * a number of the bead, and the number check makes it a date note, as it
 * does an explicit year against a relative one (sverka-check-number.c). */
#include <stdlib.h>
#include <string.h>

#include "sverka-check-private.h"

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
      gint month = (gint) sverka_month_of_word (t->word->fold);
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
  if (same_values (ru, en))
    return;
  msg = g_string_new ("ru");
  for (guint i = 0; i < ru->len; i++)
    g_string_append_printf (msg, "%s \"%s\" = %s", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (ru_tok, i))->word->form,
                            names[g_array_index (ru, gint, i) - 1]);
  g_string_append (msg, "; en");
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

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  check_relative_days (c, b);
  check_months (c, b);
}

const SverkaCheck sverka_check_date = {
  .name = "date",
  .parallel_only = TRUE,
  .bead = check_bead,
};
