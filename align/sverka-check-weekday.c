/* sverka-check-weekday.c: weekdays. In parallel mode, a bead whose sides
 * name different weekdays ("в понедельник" / "on Tuesday") is an error; on
 * either side, in either mode, a weekday written next to a date with a
 * year that fell on another day ("Monday, 14 December 2021": a Tuesday) is
 * a warning.
 *
 * A weekday is a Russian or English weekday's name in any case or number
 * ("понедельника", "Mondays", "Monday's"). "среда" is also "environment":
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

/* Russian weekdays: a stem and its endings, "|"-separated ("" is the bare
 * stem). */
static const struct {
  const char *stem, *endings;
} ru_days[] = {
  { "понедельник", "|а|у|ом|е|и|ов|ам|ами|ах" },
  { "вторник", "|а|у|ом|е|и|ов|ам|ами|ах" },
  { "сред", "а|ы|е|у|ой|ою|ам|ами|ах" },
  { "четверг", "|а|у|ом|е|и|ов|ам|ами|ах" },
  { "пятниц", "а|ы|е|у|ей|ею||ам|ами|ах" },
  { "суббот", "а|ы|е|у|ой|ою||ам|ами|ах" },
  { "воскресень", "е|я|ю|ем|и|й|ям|ями|ях" },
};
static const char *const ru_abbrev[] = { "пн", "вт", "ср", "чт", "пт", "сб", "вс" };
static const char *const en_days[] = { "monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday" };
/* English abbreviations, with their day. */
static const struct {
  const char *abbrev;
  guint day;
} en_abbrev[] = { { "mon", 1 }, { "tue", 2 }, { "tues", 2 }, { "wed", 3 }, { "thu", 4 },
                  { "thur", 4 }, { "thurs", 4 }, { "fri", 5 }, { "sat", 6 }, { "sun", 7 } };

/* Words before "среду"/"средам"... that make it the weekday. */
static const char *const wednesday_before[] = {
  "в", "во", "на", "по", "до", "со", "с", "к", "каждую", "каждой", "эту", "этой", "прошлую",
  "прошлой", "следующую", "следующей", "ближайшую", "ближайшей", "ту", "ночь",
};

typedef struct {
  GRegex *after[4];  /* a date right after a weekday, anchored at the start */
  GRegex *before[4]; /* a date right before one, anchored at the end */
  /* per side (Russian first), the weekday of each token (weekday_at()),
   * worked out at the side's first use: both checks read them */
  guint8 *days[2];
} WeekdayState;

/* Is @fold @stem followed by one of @endings? */
static gboolean
has_stem_ending (const char *fold, const char *stem, const char *endings)
{
  gsize n = strlen (stem);
  const char *rest, *p;
  if (strncmp (fold, stem, n) != 0)
    return FALSE;
  rest = fold + n;
  for (p = endings;;) {
    gsize len = strcspn (p, "|");
    if (strlen (rest) == len && strncmp (rest, p, len) == 0)
      return TRUE;
    if (p[len] == '\0')
      return FALSE;
    p += len + 1;
  }
}

static gboolean
in_list (const char *fold, const char *const *list, guint n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (fold, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The weekday (1 = Monday ... 7 = Sunday) @fold abbreviates, or 0. */
static guint
abbrev_day (const char *fold, gboolean russian)
{
  if (russian) {
    for (guint d = 0; d < G_N_ELEMENTS (ru_abbrev); d++)
      if (strcmp (fold, ru_abbrev[d]) == 0)
        return d + 1;
    return 0;
  }
  for (guint d = 0; d < G_N_ELEMENTS (en_abbrev); d++)
    if (strcmp (fold, en_abbrev[d].abbrev) == 0)
      return en_abbrev[d].day;
  return 0;
}

/* The weekday token @i of sentence @se names (1 = Monday ... 7 = Sunday),
 * or 0. */
static guint
weekday_at (SverkaDocument *doc, const SverkaSentence *se, guint i, gboolean russian)
{
  const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
  const SverkaToken *prev = i > 0 ? sverka_document_get_token (doc, se->first_token + i - 1) : NULL;
  const SverkaToken *next =
      i + 1 < se->n_tokens ? sverka_document_get_token (doc, se->first_token + i + 1) : NULL;
  const char *f = t->word->fold;
  guint day;

  if (!(t->word->flags & SVERKA_WORD_LETTERS))
    return 0;
  /* every weekday and abbreviation starts with one of these letters */
  if (russian ? !(g_str_has_prefix (f, "п") || g_str_has_prefix (f, "в") || g_str_has_prefix (f, "с")
                  || g_str_has_prefix (f, "ч"))
              : strchr ("mtwfs", f[0]) == NULL || f[0] == '\0')
    return 0;
  if (russian) {
    for (guint d = 0; d < G_N_ELEMENTS (ru_days); d++) {
      if (!has_stem_ending (f, ru_days[d].stem, ru_days[d].endings))
        continue;
      if (d == 2) {
        /* среда: the weekday after a preposition or beside a number. */
        gboolean by_number = (prev != NULL && (prev->word->flags & SVERKA_WORD_NUMBER))
                             || (next != NULL && (next->word->flags & SVERKA_WORD_NUMBER));
        gboolean after_word = prev != NULL
                              && in_list (prev->word->fold, wednesday_before,
                                          G_N_ELEMENTS (wednesday_before))
                              && strcmp (f, "среде") != 0 && strcmp (f, "среды") != 0
                              && (next == NULL || strcmp (next->word->fold, "обитания") != 0);
        if (!by_number && !after_word)
          return 0;
      }
      return d + 1;
    }
  } else {
    gsize n = strlen (f);
    for (guint d = 0; d < G_N_ELEMENTS (en_days); d++) {
      gsize m = strlen (en_days[d]);
      if (strncmp (f, en_days[d], m) == 0
          && (n == m || strcmp (f + m, "s") == 0 || strcmp (f + m, "'s") == 0
              || strcmp (f + m, "s'") == 0))
        return d + 1;
    }
  }
  day = abbrev_day (f, russian);
  if (day == 0)
    return 0;
  if (!russian && !(t->word->flags & SVERKA_WORD_CAPITALIZED))
    return 0;
  if ((next != NULL && (next->word->flags & SVERKA_WORD_NUMBER))
      || (next != NULL && abbrev_day (next->word->fold, russian) != 0)
      || (prev != NULL && abbrev_day (prev->word->fold, russian) != 0))
    return day;
  return 0;
}

/* Compiles the date patterns, on the first weekday of a document (most
 * have none). */
static void
compile_dates (WeekdayState *st)
{
  /* day month year; month day, year; d.m.y or d/m/y; y-m-d */
  static const char *const dates[4] = {
    "(\\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\\s+(?:of\\s+)?(\\p{L}+)\\.?,?\\s+(\\d{4})",
    "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
    "(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})",
    "(\\d{4})-(\\d{1,2})-(\\d{1,2})",
  };
  for (guint k = 0; k < 4; k++) {
    g_autofree char *after =
        g_strconcat ("^[\\s,.(–—-]*(?:(?:the|on|в|во)\\s+)?", dates[k], NULL);
    g_autofree char *before = g_strconcat (
        dates[k], "(?:\\s*(?:года|г\\.?))?[\\s,()–—-]*(?:(?:on|в|во)\\s*)?$", NULL);
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
        (*days)[se->first_token + i] = (guint8) weekday_at (doc, se, i, russian);
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
    compile_dates (st);
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
                             russian ? "ru" : "en", t->word->form, me - ms, data + from + ms,
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
  msg = g_string_new ("ru");
  append_days (msg, ru_tok, ru_days_found);
  g_string_append (msg, "; en");
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
  .ru_en_only = TRUE,
  .begin = weekday_begin,
  .bead = weekday_bead,
  .document = weekday_document,
  .free_state = weekday_free,
};
