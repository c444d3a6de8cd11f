/* sverka-check-time.c: times of day. In parallel mode, a bead whose sides
 * both give times of day, with a time on each side that none of the other
 * side's can be, is an error ("в 14:30" / "at 4:30 pm").
 *
 * A time is read however it is typeset, in the ways of its language's
 * times.tsv (sverka-times-private.h): "14:30", "22.00" (after a
 * preposition, "в 22.00", or before a marker), "10 pm", "10 p.m.", "10pm",
 * "10 o'clock in the evening", "в 18 часов", "в 6 часов вечера", "в 10
 * утра", "в 14 ч 30 мин", "15.30 Uhr", "à 15 h 30", "noon", "полночь". A
 * time that says neither morning nor evening ("at 4:30", "в 6 часов", "at
 * 10 o'clock") may be either: 4:30 or 16:30. A Russian "14:30" is on the
 * 24-hour clock. In Russian and French bare hours need a preposition and an
 * hour word or a part of the day ("в 18 часов", "до 6 вечера"), so that
 * "за 18 часов" (a duration) and "3 дня" (three days) are no times. A time
 * on one side only is no note: translators drop and add them. A pair
 * whose packs lack times.tsv is not checked.
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
    if (prev == NULL || !sverka_letter_at (prev, e))
      break;
    q = prev;
  }
  if (q < e) {
    g_autofree char *fold = sverka_text_casefold (q, e - q);
    g_string_append (out, fold);
  }
}

/* Applies a part of the day to hour @h. */
static guint
apply_part (guint h, SverkaTimePart part)
{
  switch (part) {
  case SVERKA_TIME_PART_AM:
    return h == 12 ? 0 : h;
  case SVERKA_TIME_PART_PM:
    return h < 12 ? h + 12 : h;
  case SVERKA_TIME_PART_NIGHT:
    return h == 12 ? 0 : h <= 5 ? h : h < 12 ? h + 12 : h;
  default:
    return h;
  }
}

/* Reads a time whose hour's digits start at @p (a word boundary before
 * it), by the language's ways @tw; appends it to @out and returns its end,
 * or returns NULL. */
static const char *
read_time (const char *sent, const char *p, const char *end, SverkaTimeWords *tw,
           gboolean after_time_dash, gsize base, GArray *out, GString *w)
{
  const char *q = p, *after, *r, *e;
  guint h = 0, mm = 0, nd = 0;
  char sep = 0;
  gboolean minutes = FALSE, hour_word = FALSE, prep;
  SverkaTimePart part = SVERKA_TIME_PART_NONE;
  const SverkaTimePhrase *ph;
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
  prep = sverka_time_words_find (tw->before, w->str) != NULL;
  /* an hour word: "18 часов", "10 o'clock", "15.30 Uhr", "15 h 30" */
  if (sverka_time_words_match (tw->hours, r, end, &e) != NULL) {
    hour_word = TRUE;
    after = e;
    /* the minutes after it: "14 ч 30 мин", "15 h 30" */
    r = skip_spaces (after, end);
    if (!minutes && r + 1 < end && g_ascii_isdigit (*r)) {
      const char *d = r, *me;
      guint m = 0, n = 0;
      while (d < end && g_ascii_isdigit (*d) && n < 3) {
        m = m * 10 + (guint) (*d - '0');
        d++;
        n++;
      }
      if (n <= 2 && m <= 59
          && sverka_time_words_match (tw->minutes, skip_spaces (d, end), end, &me) != NULL) {
        mm = m;
        minutes = TRUE;
        after = me;
        if (after < end && *after == '.')
          after++;
      } else if (n == 2 && m <= 59 && tw->bare_minutes && !sverka_letter_at (d, end)) {
        mm = m;
        minutes = TRUE;
        after = d;
      }
    }
  }
  /* a part of the day: "10 pm", "в 6 часов вечера", "at 10 in the evening" */
  if ((ph = sverka_time_words_match (tw->parts, skip_spaces (after, end), end, &e)) != NULL) {
    part = (SverkaTimePart) ph->value;
    after = e;
  }
  if (tw->needs_before) {
    /* "в 22.00", "в 18 часов", "в 10 утра"; "5 часов утра" needs no
     * preposition, "14:30" none */
    if (!minutes || sep == '.') {
      if (!prep && !after_time_dash && !(hour_word && part != SVERKA_TIME_PART_NONE))
        return NULL;
      if (!minutes && !hour_word && part == SVERKA_TIME_PART_NONE)
        return NULL;
    }
  } else if (part == SVERKA_TIME_PART_NONE && !hour_word) {
    /* "at 10" alone is no time; "at 10 in the evening" is. "at 22.00" is a
     * time; "at 1.50" may be a price. */
    if (!minutes)
      return NULL;
    if (sep == '.' && (!(prep || after_time_dash) || (h < 13 && mm != 0)))
      return NULL;
  }
  /* morning or evening, when the time does not say which */
  if (part == SVERKA_TIME_PART_NONE && h >= 1 && h <= 12
      && (tw->clock == 12 || (!minutes && hour_word)))
    t.ambiguous = TRUE;
  if (h == 24)
    h = 0;
  if (h > 12 && (part == SVERKA_TIME_PART_AM))
    return NULL; /* "14 утра" */
  h = apply_part (h, part);
  t.minutes = h * 60 + mm;
  t.start = base + (gsize) (p - sent);
  t.end = base + (gsize) (after - sent);
  g_array_append_val (out, t);
  return after;
}

/* The words that are times ("noon", "полночь") among the tokens of
 * sentence @se. */
static void
word_times (SverkaDocument *doc, SverkaTimeWords *tw, const SverkaSentence *se, GArray *out)
{
  for (guint i = 0; i < se->n_tokens; i++) {
    const SverkaToken *tok = sverka_document_get_token (doc, se->first_token + i);
    const SverkaTimePhrase *ph = sverka_time_words_find (tw->words, tok->word->fold);
    SverkaCheckTime t = { 0 };
    if (ph == NULL)
      continue;
    t.minutes = ph->value;
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
  SverkaTimeWords *tw = sverka_context_lang (doc->ctx, doc->language)->times;
  g_autoptr (GString) w = NULL;

  if (tw == NULL)
    return;
  w = g_string_new (NULL);

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
      got = boundary ? read_time (sent, p, end, tw, dash, se->start, out, w) : NULL;
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
      word_times (doc, tw, se, out);
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
  msg = g_string_new (sverka_checker_code (c, TRUE));
  describe (msg, c->ru, ru);
  g_string_append_printf (msg, "; %s", sverka_checker_code (c, FALSE));
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
  .needs = SVERKA_PACK_TIMES,
  .parallel_only = TRUE,
  .bead = check_bead,
};
