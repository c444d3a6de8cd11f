/* sverka-check-weekday.c: weekdays. In parallel mode, a bead whose sides
 * name different weekdays ("в понедельник" / "on Tuesday") is an error; on
 * either side, in either mode, a weekday written next to a date with a
 * year that fell on another day ("Monday, 14 December 2021": a Tuesday) is
 * a warning.
 *
 * The weekdays and the words around a date are the packs' weekdays.tsv
 * (sverka-weekdays-private.h); a pair whose packs lack it is not checked.
 * In Russian and English, a weekday is a weekday's name in any case or
 * number ("понедельника", "Mondays", "Monday's"). "среда" is also "environment":
 * its forms count only after "в"/"на"/"по"... or next to a number ("в
 * среду", "по средам", "среда, 14 декабря", not "в среде", "окружающую
 * среду"). Abbreviations ("пн", "Mon", "Tues") count only before a number
 * or beside another abbreviation ("Пн–Пт", "Sat 14 Dec"), since "Sun",
 * "Wed", "Sat", "вт" and "ср." are more often something else. A weekday on
 * one side only is no note: translators drop and add them, and "Sunday
 * Times", "Black Friday", "супервторник" name things. */
#include <string.h>

#include "sverka-check-private.h"
#include "sverka-document-private.h"

static const char *const day_names[] = { "", "Monday", "Tuesday", "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday" };
static const char *const month_names[] = { "",        "January",  "February", "March",
                                           "April",   "May",      "June",     "July",
                                           "August",  "September", "October", "November",
                                           "December" };

typedef struct {
  GRegex *after[4];  /* a date right after a weekday, anchored at the start */
  GRegex *before[4]; /* a date right before one, anchored at the end */
  /* per side (Russian first), the weekday of each token (weekday_at()),
   * worked out at the side's first use: both checks read them */
  guint8 *days[2];
} WeekdayState;

/* The weekdays of @doc's language, or NULL. */
static SverkaWeekdays *
weekdays_of (SverkaDocument *doc)
{
  return sverka_context_lang (doc->ctx, doc->language)->weekdays;
}

/* The weekday (1 = Monday ... 7 = Sunday) @fold abbreviates, or 0. */
static guint
abbrev_day (SverkaWeekdays *w, const char *fold)
{
  SverkaWeekdayKind kind = 0;
  guint day = sverka_weekdays_lookup (w, fold, &kind);
  return kind == SVERKA_WEEKDAY_ABBREVIATION ? day : 0;
}

/* The weekday token @i of sentence @se names (1 = Monday ... 7 = Sunday),
 * or 0. */
static guint
weekday_at (SverkaDocument *doc, SverkaWeekdays *w, const SverkaSentence *se, guint i)
{
  const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
  const SverkaToken *prev = i > 0 ? sverka_document_get_token (doc, se->first_token + i - 1) : NULL;
  const SverkaToken *next =
      i + 1 < se->n_tokens ? sverka_document_get_token (doc, se->first_token + i + 1) : NULL;
  SverkaWeekdayKind kind = 0;
  guint day;
  gboolean by_number;

  if (!(t->word->flags & SVERKA_WORD_LETTERS))
    return 0;
  day = sverka_weekdays_lookup (w, t->word->fold, &kind);
  if (day == 0)
    return 0;
  by_number = (prev != NULL && (prev->word->flags & SVERKA_WORD_NUMBER))
              || (next != NULL && (next->word->flags & SVERKA_WORD_NUMBER));
  switch (kind) {
  case SVERKA_WEEKDAY_NAME:
    return day;
  case SVERKA_WEEKDAY_GUARDED:
    /* "в среду", "по средам", "среда, 14 декабря"; not "окружающую среду",
     * "в среду обитания" */
    if (by_number
        || (prev != NULL && sverka_weekdays_in (w->guards, prev->word->fold)
            && (next == NULL || !sverka_weekdays_in (w->not_followed_by, next->word->fold))))
      return day;
    return 0;
  case SVERKA_WEEKDAY_NUMBER_ONLY:
    return by_number ? day : 0;
  default: /* an abbreviation: "Пн–Пт", "Sat 14 Dec" */
    if (w->abbreviations_capitalised && !(t->word->flags & SVERKA_WORD_CAPITALIZED))
      return 0;
    if ((next != NULL && (next->word->flags & SVERKA_WORD_NUMBER))
        || (next != NULL && abbrev_day (w, next->word->fold) != 0)
        || (prev != NULL && abbrev_day (w, prev->word->fold) != 0))
      return day;
    return 0;
  }
}

/* The words of @a and @b (of both languages' files) as "@open a|b|c
 * @close", escaped for a regex; "" when there are none. */
static char *
group (GPtrArray *a, GPtrArray *b, const char *open, const char *close)
{
  GString *out;
  GPtrArray *both[2] = { a, b };
  if (a->len + b->len == 0)
    return g_strdup ("");
  out = g_string_new (open);
  for (guint k = 0; k < 2; k++) {
    for (guint i = 0; i < both[k]->len; i++) {
      g_autofree char *e = g_regex_escape_string (g_ptr_array_index (both[k], i), -1);
      if (out->len > strlen (open))
        g_string_append_c (out, '|');
      g_string_append (out, e);
    }
  }
  g_string_append (out, close);
  return g_string_free (out, FALSE);
}

/* Compiles the date patterns of the pair's weekdays files (@a and @b),
 * on the first weekday of a document (most have none). */
static void
compile_dates (WeekdayState *st, SverkaWeekdays *a, SverkaWeekdays *b)
{
  g_autofree char *suffix = group (a->day_suffixes, b->day_suffixes, "(?:", ")?");
  g_autofree char *of = group (a->day_month_words, b->day_month_words, "(?:(?:", ")\\s+)?");
  g_autofree char *lead = group (a->leads, b->leads, "(?:(?:", ")\\s+)?");
  g_autofree char *trail = group (a->trails, b->trails, "(?:(?:", ")\\s*)?");
  g_autofree char *year = group (a->year_words, b->year_words, "(?:\\s*(?:", "))?");
  g_autofree char *d0 = g_strdup_printf ("(\\d{1,2})%s\\s+%s(\\p{L}+)\\.?,?\\s+(\\d{4})",
                                         suffix, of);
  g_autofree char *d1 = g_strdup_printf ("(\\p{L}+)\\.?\\s+(\\d{1,2})%s,?\\s+(\\d{4})", suffix);
  const char *dates[4] = { d0, d1, "(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})",
                           "(\\d{4})-(\\d{1,2})-(\\d{1,2})" };

  for (guint k = 0; k < 4; k++) {
    g_autofree char *after = g_strconcat ("^[\\s,.(–—-]*", lead, dates[k], NULL);
    g_autofree char *before = g_strconcat (dates[k], year, "[\\s,()–—-]*", trail, "$", NULL);
    st->after[k] = g_regex_new (after, G_REGEX_CASELESS, 0, NULL);
    st->before[k] = g_regex_new (before, G_REGEX_CASELESS, 0, NULL);
    g_assert (st->after[k] != NULL && st->before[k] != NULL);
  }
}

static gpointer
weekday_begin (SverkaChecker *c)
{
  return g_new0 (WeekdayState, 1);
}

static void
weekday_free (gpointer p)
{
  WeekdayState *st = p;
  for (guint k = 0; k < 4; k++) {
    g_clear_pointer (&st->after[k], g_regex_unref);
    g_clear_pointer (&st->before[k], g_regex_unref);
  }
  g_free (st->days[0]);
  g_free (st->days[1]);
  g_free (st);
}

/* The weekday of each token of one side (Russian when @russian).
 * Returns: (transfer none) kept in @st. */
static const guint8 *
side_days (SverkaChecker *c, WeekdayState *st, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint8 **days = &st->days[russian ? 0 : 1];

  if (*days == NULL) {
    *days = g_new0 (guint8, MAX (sverka_document_get_n_tokens (doc), 1u));
    for (guint s = 0; s < sverka_document_get_n_sentences (doc); s++) {
      const SverkaSentence *se = sverka_document_get_sentence (doc, s);
      for (guint i = 0; i < se->n_tokens; i++)
        (*days)[se->first_token + i] = (guint8) weekday_at (doc, weekdays_of (doc), se, i);
    }
  }
  return *days;
}

static guint
group_int (GMatchInfo *m, gint g)
{
  g_autofree char *s = g_match_info_fetch (m, g);
  return s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
}

static guint
group_month (SverkaContext *ctx, GMatchInfo *m, gint g)
{
  g_autofree char *s = g_match_info_fetch (m, g);
  g_autofree char *fold = s != NULL ? g_utf8_casefold (s, -1) : NULL;
  return fold != NULL ? sverka_context_month_of_word (ctx, fold) : 0;
}

/* The weekday of @d.@m.@y, or 0 if no such date or the year is not one of
 * 1900-2100. */
static guint
weekday_of (guint d, guint m, guint y)
{
  if (y < 1900 || y > 2100 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  {
    g_autoptr (GDate) date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
    return (guint) g_date_get_weekday (date);
  }
}

/* Reads the date that regex @k matched in @m: its day, month and year, and
 * for a numeric date whose day and month may be either way round (d/m/y in
 * English), the second reading in @alt (zero when none). */
static gboolean
read_date (SverkaContext *ctx, GMatchInfo *m, guint k, guint *dmy, guint *alt)
{
  alt[0] = alt[1] = alt[2] = 0;
  switch (k) {
  case 0:
    dmy[0] = group_int (m, 1), dmy[1] = group_month (ctx, m, 2), dmy[2] = group_int (m, 3);
    break;
  case 1:
    dmy[1] = group_month (ctx, m, 1), dmy[0] = group_int (m, 2), dmy[2] = group_int (m, 3);
    break;
  case 2:
    dmy[0] = group_int (m, 1), dmy[1] = group_int (m, 3), dmy[2] = group_int (m, 4);
    alt[0] = dmy[1], alt[1] = dmy[0], alt[2] = dmy[2];
    break;
  default:
    dmy[2] = group_int (m, 1), dmy[1] = group_int (m, 2), dmy[0] = group_int (m, 3);
    break;
  }
  return dmy[1] >= 1 && dmy[1] <= 12 && weekday_of (dmy[0], dmy[1], dmy[2]) != 0;
}

/* A weekday token @t of sentence @se beside a date with a year: warns if
 * the date fell on another day. */
static void
check_calendar (SverkaChecker *c, WeekdayState *st, gboolean russian, const SverkaSentence *se,
                const SverkaToken *t, guint day)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const char *data = sverka_document_get_data (doc, NULL);
  gsize lo = t->start > se->start + 80 ? t->start - 80 : se->start;
  gsize hi = MIN (se->end, t->end + 80);

  if (st->after[0] == NULL)
    compile_dates (st, weekdays_of (c->ru), weekdays_of (c->en));
  while (lo < t->start && (data[lo] & 0xC0) == 0x80)
    lo++;
  /* The window must not end inside a character either: the regexes take
   * UTF-8 and match nothing in a string cut short of one. */
  while (hi > t->end && hi < se->end && (data[hi] & 0xC0) == 0x80)
    hi--;
  for (guint side = 0; side < 2; side++) {
    gsize from = side == 0 ? t->end : lo, to = side == 0 ? hi : t->start;
    for (guint k = 0; k < 4; k++) {
      g_autoptr (GMatchInfo) m = NULL;
      guint dmy[3], alt[3], real, alt_real;
      if (!g_regex_match_full (side == 0 ? st->after[k] : st->before[k], data + from,
                               (gssize) (to - from), 0, 0, &m, NULL))
        continue;
      if (!read_date (doc->ctx, m, k, dmy, alt)) {
        /* d/m/y that is no date may still be m/d/y */
        if (alt[1] < 1 || alt[1] > 12 || weekday_of (alt[0], alt[1], alt[2]) == 0)
          break;
        memcpy (dmy, alt, sizeof dmy);
        alt[1] = 0;
      }
      real = weekday_of (dmy[0], dmy[1], dmy[2]);
      alt_real = alt[1] >= 1 && alt[1] <= 12 ? weekday_of (alt[0], alt[1], alt[2]) : 0;
      if (real != day && alt_real != day) {
        guint id = (guint) (se - sverka_document_get_sentence (doc, 0));
        gint ms = G_MAXINT, me = 0;
        /* The date's span: from its first group to its last. */
        for (gint g = 1; g < g_match_info_get_match_count (m); g++) {
          gint gs, ge;
          if (g_match_info_fetch_pos (m, g, &gs, &ge) && gs >= 0) {
            ms = MIN (ms, gs);
            me = MAX (me, ge);
          }
        }
        sverka_checker_add_side_note (
            c, SVERKA_NOTE_WEEKDAY, SVERKA_SEVERITY_WARNING, russian, &id, 1,
            g_strdup_printf ("%s \"%s\" beside \"%.*s\": %u %s %u was a %s, not a %s",
                             sverka_checker_code (c, russian), t->word->form, me - ms, data + from + ms,
                             dmy[0], month_names[dmy[1]], dmy[2], day_names[real],
                             day_names[day]));
        sverka_checker_add_token_mark (c, russian, t);
        sverka_checker_add_mark (c, russian, from + (gsize) ms, from + (gsize) me);
      }
      break;
    }
  }
}

/* The weekdays of sentences @sents, one bit each (bit d for day d), with
 * their tokens in @tokens and their days in @days. */
static guint
bead_days (SverkaChecker *c, WeekdayState *st, gboolean russian, const guint *sents, guint n,
           GPtrArray *tokens, GArray *days)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const guint8 *all = side_days (c, st, russian);
  guint mask = 0;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      guint d = all[se->first_token + i];
      if (d == 0)
        continue;
      mask |= 1u << d;
      g_ptr_array_add (tokens, (gpointer) sverka_document_get_token (doc, se->first_token + i));
      g_array_append_val (days, d);
    }
  }
  return mask;
}

static void
append_days (GString *msg, GPtrArray *tokens, GArray *days)
{
  for (guint i = 0; i < tokens->len; i++)
    g_string_append_printf (msg, "%s \"%s\" = %s", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (tokens, i))->word->form,
                            day_names[g_array_index (days, guint, i)]);
}

static void
weekday_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  g_autoptr (GPtrArray) ru_tok = g_ptr_array_new ();
  g_autoptr (GPtrArray) en_tok = g_ptr_array_new ();
  g_autoptr (GArray) ru_days_found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) en_days_found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint ru, en;
  GString *msg;

  if (!c->parallel || b->n_ru == 0 || b->n_en == 0)
    return;
  ru = bead_days (c, state, TRUE, b->ru, b->n_ru, ru_tok, ru_days_found);
  en = bead_days (c, state, FALSE, b->en, b->n_en, en_tok, en_days_found);
  /* Each side names a day the other does not: one put for another. */
  if ((ru & ~en) == 0 || (en & ~ru) == 0)
    return;
  msg = g_string_new (sverka_checker_code (c, TRUE));
  append_days (msg, ru_tok, ru_days_found);
  g_string_append_printf (msg, "; %s", sverka_checker_code (c, FALSE));
  append_days (msg, en_tok, en_days_found);
  g_string_append (msg, ": the weekdays differ");
  sverka_checker_add_note (c, SVERKA_NOTE_WEEKDAY, SVERKA_SEVERITY_ERROR, b->ru, b->n_ru, b->en,
                           b->n_en, g_string_free (msg, FALSE));
  for (guint i = 0; i < ru_tok->len; i++)
    if (!(en & (1u << g_array_index (ru_days_found, guint, i))))
      sverka_checker_add_token_mark (c, TRUE, g_ptr_array_index (ru_tok, i));
  for (guint i = 0; i < en_tok->len; i++)
    if (!(ru & (1u << g_array_index (en_days_found, guint, i))))
      sverka_checker_add_token_mark (c, FALSE, g_ptr_array_index (en_tok, i));
}

static void
weekday_document (SverkaChecker *c, gpointer state)
{
  for (guint side = 0; side < 2; side++) {
    gboolean russian = side == 0;
    SverkaDocument *doc = russian ? c->ru : c->en;
    guint ns = sverka_document_get_n_sentences (doc);
    const guint8 *all = side_days (c, state, russian);
    for (guint s = 0; s < ns; s++) {
      const SverkaSentence *se = sverka_document_get_sentence (doc, s);
      for (guint i = 0; i < se->n_tokens; i++) {
        guint d = all[se->first_token + i];
        if (d != 0)
          check_calendar (c, state, russian, se,
                          sverka_document_get_token (doc, se->first_token + i), d);
      }
    }
  }
}

const SverkaCheck sverka_check_weekday = {
  .name = "weekday",
  .needs = SVERKA_PACK_WEEKDAYS,
  .begin = weekday_begin,
  .bead = weekday_bead,
  .document = weekday_document,
  .free_state = weekday_free,
};
