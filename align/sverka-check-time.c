/* sverka-check-time.c: times of day. In parallel mode, a bead whose sides
 * both give times of day, with a time on each side that none of the other
 * side's can be, is an error ("в 14:30" / "at 4:30 pm").
 *
 * A time is read however it is typeset: "14:30", "22.00" (after a
 * preposition, "в 22.00", or before a marker), "10 pm", "10 p.m.", "10pm",
 * "10 o'clock in the evening", "в 18 часов", "в 6 часов вечера", "в 10
 * утра", "в 14 ч 30 мин", "noon", "midnight", "полдень", "полночь". A time
 * that says neither morning nor evening ("at 4:30", "в 6 часов", "at 10
 * o'clock") may be either: 4:30 or 16:30. A Russian "14:30" is on the
 * 24-hour clock. Bare hours need a preposition and an hour word or a part of
 * the day ("в 18 часов", "до 6 вечера"), so that "за 18 часов" (a
 * duration) and "3 дня" (three days) are no times. A time on one side only
 * is no note: translators drop and add them.
 *
 * The number check leaves out the numbers of the times found here when
 * the other side does not have the same number (sverka-check-number.c), so
 * that "22.00" (the number 22) against "10 pm" is no number error. */
#include <string.h>

#include "sverka-check-private.h"
#include "sverka-document-private.h"

/* A space between the parts of a time: any white space, a no-break, narrow
 * no-break or thin space. Returns its length in bytes at @p, or 0. */
static gsize
space_len (const char *p, const char *end)
{
  gunichar c;
  if (p >= end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0;
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009)
    return (gsize) (g_utf8_next_char (p) - p);
  return 0;
}

static const char *
skip_spaces (const char *p, const char *end)
{
  gsize n;
  while ((n = space_len (p, end)) > 0)
    p += n;
  return p;
}

static gboolean
is_letter_at (const char *p, const char *end)
{
  gunichar c;
  if (p >= end)
    return FALSE;
  c = g_utf8_get_char_validated (p, end - p);
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalpha (c);
}

/* The word at @p (letters only), folded, into @out; returns its end, or @p
 * when there is none. */
static const char *
word_at (const char *p, const char *end, GString *out)
{
  const char *q = p;
  g_string_truncate (out, 0);
  while (is_letter_at (q, end))
    q = g_utf8_next_char (q);
  if (q > p) {
    g_autofree char *fold = g_utf8_casefold (p, q - p);
    g_string_append (out, fold);
  }
  return q;
}

/* The word ending right before @p (over spaces), folded, into @out. */
static void
word_before (const char *start, const char *p, GString *out)
{
  const char *q = p, *e;
  g_string_truncate (out, 0);
  while (q > start) {
    const char *prev = g_utf8_find_prev_char (start, q);
    if (prev == NULL || space_len (prev, p) == 0)
      break;
    q = prev;
  }
  e = q;
  while (q > start) {
    const char *prev = g_utf8_find_prev_char (start, q);
    if (prev == NULL || !is_letter_at (prev, e))
      break;
    q = prev;
  }
  if (q < e) {
    g_autofree char *fold = g_utf8_casefold (q, e - q);
    g_string_append (out, fold);
  }
}

static gboolean
in_list (const char *s, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Words before a time ("в 22.00", "at 22.00"). */
static const char *const ru_prepositions[] = { "в", "во", "к", "до", "с", "со", "около", "после",
                                                "примерно", "между", "по", "от" };
static const char *const en_prepositions[] = { "at", "by", "until", "till", "from", "before",
                                                "after", "around", "about", "to", "between" };

enum { PART_NONE, PART_AM, PART_PM, PART_NIGHT };

/* Applies a part of the day to hour @h. */
static guint
apply_part (guint h, int part)
{
  switch (part) {
  case PART_AM:
    return h == 12 ? 0 : h;
  case PART_PM:
    return h < 12 ? h + 12 : h;
  case PART_NIGHT:
    return h == 12 ? 0 : h <= 5 ? h : h < 12 ? h + 12 : h;
  default:
    return h;
  }
}

/* An English "am", "a.m.", "pm", "p.m." at @p: its part of the day, and its
 * end in @after. */
static int
en_am_pm (const char *p, const char *end, const char **after)
{
  static const struct {
    const char *s;
    int part;
  } marks[] = { { "a.m.", PART_AM }, { "p.m.", PART_PM }, { "a.m", PART_AM },
                { "p.m", PART_PM },  { "am", PART_AM },    { "pm", PART_PM } };
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++) {
    gsize n = strlen (marks[i].s);
    if ((gsize) (end - p) >= n && g_ascii_strncasecmp (p, marks[i].s, n) == 0
        && !is_letter_at (p + n, end)) {
      *after = p + n;
      return marks[i].part;
    }
  }
  return PART_NONE;
}

/* "in the morning", "in the afternoon", "in the evening", "at night" at @p. */
static int
en_day_part (const char *p, const char *end, const char **after)
{
  static const struct {
    const char *s;
    int part;
  } parts[] = { { "in the morning", PART_AM },
                { "in the afternoon", PART_PM },
                { "in the evening", PART_PM },
                { "at night", PART_NIGHT } };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++) {
    gsize n = strlen (parts[i].s);
    if ((gsize) (end - p) >= n && g_ascii_strncasecmp (p, parts[i].s, n) == 0
        && !is_letter_at (p + n, end)) {
      *after = p + n;
      return parts[i].part;
    }
  }
  return PART_NONE;
}

static int
ru_day_part (const char *w)
{
  if (strcmp (w, "утра") == 0)
    return PART_AM;
  if (strcmp (w, "дня") == 0 || strcmp (w, "вечера") == 0)
    return PART_PM;
  if (strcmp (w, "ночи") == 0)
    return PART_NIGHT;
  return PART_NONE;
}

static gboolean
is_ru_hour_word (const char *w)
{
  return strcmp (w, "ч") == 0 || strcmp (w, "час") == 0 || strcmp (w, "часа") == 0
         || strcmp (w, "часов") == 0;
}

/* Reads a time whose hour's digits start at @p (a word boundary before
 * it); appends it to @out and returns its end, or returns NULL. */
static const char *
read_time (const char *sent, const char *p, const char *end, gboolean russian,
           gboolean after_time_dash, gsize base, GArray *out, GString *w)
{
  const char *q = p, *after, *r;
  guint h = 0, mm = 0, nd = 0;
  char sep = 0;
  gboolean minutes = FALSE, hour_word = FALSE, prep;
  int part = PART_NONE;
  SverkaCheckTime t = { 0 };

  while (q < end && g_ascii_isdigit (*q) && nd < 3) {
    h = h * 10 + (guint) (*q - '0');
    q++;
    nd++;
  }
  if (nd == 0 || nd > 2 || (q < end && g_ascii_isdigit (*q)) || h > 24)
    return NULL;
  /* ":30", ".30": two digits, and no further group ("14.02.2021"). */
  if (q + 2 < end + 0 && (*q == ':' || *q == '.') && g_ascii_isdigit (q[1])
      && g_ascii_isdigit (q[2])
      && !(q + 3 < end && g_ascii_isdigit (q[3]))
      && !(q + 4 < end && (q[3] == '.' || q[3] == ',' || q[3] == ':') && g_ascii_isdigit (q[4]))) {
    sep = *q;
    mm = (guint) ((q[1] - '0') * 10 + (q[2] - '0'));
    if (mm > 59)
      return NULL;
    minutes = TRUE;
    q += 3;
  } else if (q < end && (*q == ':' || *q == '.' || *q == ',') && q + 1 < end
             && g_ascii_isdigit (q[1])) {
    return NULL; /* "2.5", "3:1" */
  }
  after = q;
  r = skip_spaces (q, end);
  word_before (sent, p, w);
  prep = russian ? in_list (w->str, ru_prepositions, G_N_ELEMENTS (ru_prepositions))
                 : in_list (w->str, en_prepositions, G_N_ELEMENTS (en_prepositions));
  if (russian) {
    const char *e = word_at (r, end, w);
    if (e > r && is_ru_hour_word (w->str)) {
      hour_word = TRUE;
      after = e;
      if (strcmp (w->str, "ч") == 0 && e < end && *e == '.')
        after = e + 1;
      /* "14 ч 30 мин" */
      r = skip_spaces (after, end);
      if (!minutes && r + 1 < end && g_ascii_isdigit (*r)) {
        const char *d = r;
        guint m = 0, n = 0;
        while (d < end && g_ascii_isdigit (*d) && n < 3) {
          m = m * 10 + (guint) (*d - '0');
          d++;
          n++;
        }
        e = word_at (skip_spaces (d, end), end, w);
        if (n <= 2 && m <= 59 && g_str_has_prefix (w->str, "мин")) {
          mm = m;
          minutes = TRUE;
          after = e;
          if (after < end && *after == '.')
            after++;
        }
      }
      r = skip_spaces (after, end);
      e = word_at (r, end, w);
    }
    if (e > r && (part = ru_day_part (w->str)) != PART_NONE)
      after = e;
    /* "по московскому времени", "мск" are not needed to know a time. */
    if (!minutes || sep == '.') {
      /* "5 часов утра" needs no preposition */
      if (!prep && !after_time_dash && !(hour_word && part != PART_NONE))
        return NULL;
      if (!minutes && !hour_word && part == PART_NONE)
        return NULL;
    }
    if (part == PART_NONE && !minutes && hour_word && h >= 1 && h <= 12)
      t.ambiguous = TRUE;
  } else {
    const char *e;
    part = en_am_pm (r, end, &e);
    if (part != PART_NONE) {
      after = e;
    } else if ((gsize) (end - r) >= 7
               && (g_ascii_strncasecmp (r, "o'clock", 7) == 0)) {
      after = r + 7;
      hour_word = TRUE;
    } else if ((gsize) (end - r) >= 9 && strncmp (r, "o\u2019clock", 9) == 0) {
      after = r + 9;
      hour_word = TRUE;
    }
    if (part == PART_NONE) {
      part = en_day_part (skip_spaces (after, end), end, &e);
      if (part != PART_NONE)
        after = e;
    }
    if (part == PART_NONE && !hour_word) {
      if (!minutes) {
        if (!prep)
          return NULL;
        /* "at 10" alone is no time; "at 10 in the evening" is. */
        return NULL;
      }
      if (sep == '.') {
        /* "at 22.00" is a time; "at 1.50" may be a price. */
        if (!(prep || after_time_dash) || (h < 13 && mm != 0))
          return NULL;
      }
    }
    if (part == PART_NONE && h >= 1 && h <= 12)
      t.ambiguous = TRUE;
  }
  if (h == 24)
    h = 0;
  if (h > 12 && (part == PART_AM))
    return NULL; /* "14 утра" */
  h = apply_part (h, part);
  t.minutes = h * 60 + mm;
  t.start = base + (gsize) (p - sent);
  t.end = base + (gsize) (after - sent);
  g_array_append_val (out, t);
  return after;
}

/* "noon", "midnight", "полдень", "полночь" as tokens of sentence @se. */
static void
word_times (SverkaDocument *doc, const SverkaSentence *se, GArray *out)
{
  for (guint i = 0; i < se->n_tokens; i++) {
    const SverkaToken *tok = sverka_document_get_token (doc, se->first_token + i);
    const char *f = tok->word->fold;
    SverkaCheckTime t = { 0 };
    if (strcmp (f, "noon") == 0 || strcmp (f, "midday") == 0 || strcmp (f, "полдень") == 0)
      t.minutes = 12 * 60;
    else if (strcmp (f, "midnight") == 0 || strcmp (f, "полночь") == 0
             || strcmp (f, "полуночи") == 0)
      t.minutes = 0;
    else
      continue;
    t.start = tok->start;
    t.end = tok->end;
    g_array_append_val (out, t);
  }
}

static int
compare_start (gconstpointer a, gconstpointer b)
{
  gsize x = ((const SverkaCheckTime *) a)->start, y = ((const SverkaCheckTime *) b)->start;
  return x < y ? -1 : x > y;
}

void
sverka_check_collect_times (SverkaDocument *doc, const guint *sents, guint n, GArray *out)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gboolean russian = sverka_document_get_language (doc) == SVERKA_LANGUAGE_RU;
  g_autoptr (GString) w = g_string_new (NULL);

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    const char *sent = data + se->start, *end = data + se->end;
    const char *p = sent, *last_end = NULL;
    guint first = out->len;

    while (p < end) {
      gboolean boundary, dash = FALSE;
      const char *prev, *got;
      if (!g_ascii_isdigit (*p)) {
        p++;
        continue;
      }
      prev = p > sent ? g_utf8_find_prev_char (sent, p) : NULL;
      boundary = prev == NULL || space_len (prev, end) > 0 || *prev == '(' || *prev == '"'
                 || g_str_has_prefix (prev, "\u00ab");
      /* "9.00–18.00": a time right after a time and a dash. */
      if (prev != NULL && last_end != NULL
          && (*prev == '-' || g_str_has_prefix (prev, "\u2013") || g_str_has_prefix (prev, "\u2014"))
          && skip_spaces (last_end, end) == prev) {
        boundary = TRUE;
        dash = TRUE;
      }
      got = boundary ? read_time (sent, p, end, russian, dash, se->start, out, w) : NULL;
      if (got != NULL) {
        last_end = got;
        p = got;
        continue;
      }
      while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == ',' || *p == ':'))
        p++;
    }
    {
      guint before = out->len;
      word_times (doc, se, out);
      if (out->len > before && before > first)
        g_array_sort (out, compare_start); /* only ever a few */
    }
  }
}

/* Can times @a and @b be the same time of day? */
static gboolean
same_time (const SverkaCheckTime *a, const SverkaCheckTime *b)
{
  guint ra[2] = { a->minutes, a->ambiguous ? (a->minutes + 720) % 1440 : a->minutes };
  guint rb[2] = { b->minutes, b->ambiguous ? (b->minutes + 720) % 1440 : b->minutes };
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      if (ra[i] == rb[j])
        return TRUE;
  return FALSE;
}

static gboolean
matched (const SverkaCheckTime *t, GArray *other)
{
  for (guint i = 0; i < other->len; i++)
    if (same_time (t, &g_array_index (other, SverkaCheckTime, i)))
      return TRUE;
  return FALSE;
}

static void
describe (GString *msg, SverkaDocument *doc, GArray *times)
{
  const char *data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < times->len; i++) {
    const SverkaCheckTime *t = &g_array_index (times, SverkaCheckTime, i);
    g_string_append_printf (msg, "%s \"%.*s\" = %02u:%02u", i > 0 ? "," : "",
                            (int) (t->end - t->start), data + t->start, t->minutes / 60,
                            t->minutes % 60);
    if (t->ambiguous)
      g_string_append_printf (msg, " or %02u:%02u", ((t->minutes + 720) % 1440) / 60,
                              t->minutes % 60);
  }
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (SverkaCheckTime));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (SverkaCheckTime));
  gboolean ru_left = FALSE, en_left = FALSE;
  GString *msg;

  (void) state;
  if (b->n_ru == 0 || b->n_en == 0)
    return;
  sverka_check_collect_times (c->ru, b->ru, b->n_ru, ru);
  if (ru->len == 0)
    return;
  sverka_check_collect_times (c->en, b->en, b->n_en, en);
  for (guint i = 0; i < ru->len && !ru_left; i++)
    ru_left = !matched (&g_array_index (ru, SverkaCheckTime, i), en);
  for (guint i = 0; i < en->len && !en_left; i++)
    en_left = !matched (&g_array_index (en, SverkaCheckTime, i), ru);
  if (!ru_left || !en_left)
    return;
  msg = g_string_new ("ru");
  describe (msg, c->ru, ru);
  g_string_append (msg, "; en");
  describe (msg, c->en, en);
  g_string_append (msg, ": the times differ");
  sverka_checker_add_note (c, SVERKA_NOTE_TIME, SVERKA_SEVERITY_ERROR, b->ru, b->n_ru, b->en,
                           b->n_en, g_string_free (msg, FALSE));
  for (guint i = 0; i < ru->len; i++) {
    const SverkaCheckTime *t = &g_array_index (ru, SverkaCheckTime, i);
    if (!matched (t, en))
      sverka_checker_add_mark (c, TRUE, t->start, t->end);
  }
  for (guint i = 0; i < en->len; i++) {
    const SverkaCheckTime *t = &g_array_index (en, SverkaCheckTime, i);
    if (!matched (t, ru))
      sverka_checker_add_mark (c, FALSE, t->start, t->end);
  }
}

const SverkaCheck sverka_check_time = {
  .name = "time",
  .ru_en_only = TRUE,
  .parallel_only = TRUE,
  .bead = check_bead,
};
