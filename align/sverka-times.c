/* sverka-times.c: a pack's times.tsv (see sverka-times-private.h). */
#include <string.h>

#include "sverka-dictfile-private.h"
#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-times-private.h"

/* The rules read so far: each must be given once. */
typedef struct {
  SverkaTimeWords *words;
  gboolean clock, needs_before, bare_minutes;
} TimesReader;

static void
clear_phrase (gpointer p)
{
  g_free (((SverkaTimePhrase *) p)->phrase);
}

static GArray *
phrase_array (void)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (SverkaTimePhrase));
  g_array_set_clear_func (a, clear_phrase);
  return a;
}

void
sverka_time_words_free (SverkaTimeWords *words)
{
  if (words == NULL)
    return;
  g_clear_pointer (&words->before, g_array_unref);
  g_clear_pointer (&words->hours, g_array_unref);
  g_clear_pointer (&words->minutes, g_array_unref);
  g_clear_pointer (&words->parts, g_array_unref);
  g_clear_pointer (&words->words, g_array_unref);
  g_free (words);
}

/* "HH:MM" into minutes from midnight. */
static gboolean
parse_clock_time (const char *s, guint *out)
{
  guint h, m;
  if (strlen (s) != 5 || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) || s[2] != ':'
      || !g_ascii_isdigit (s[3]) || !g_ascii_isdigit (s[4]))
    return FALSE;
  h = (guint) ((s[0] - '0') * 10 + (s[1] - '0'));
  m = (guint) ((s[3] - '0') * 10 + (s[4] - '0'));
  if (h > 23 || m > 59)
    return FALSE;
  *out = h * 60 + m;
  return TRUE;
}

static gboolean
letters_only (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return FALSE;
  return *s != '\0';
}

static gboolean
add_line (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
          GError **error)
{
  TimesReader *r = user_data;
  SverkaTimeWords *w = r->words;
  const char *kind = fields[0];
  GArray *into = NULL;
  guint want = 2;
  SverkaTimePhrase ph = { NULL, FALSE, 0 };
  gsize len;
  g_autofree char *lower = NULL;
  static const char *const clocks[] = { "12", "24" };
  static const char *const yes_no[] = { "yes", "no" };
  guint value = 0;

  if (strcmp (kind, "clock") == 0) {
    if (!sverka_dict_file_rule (path, lineno, fields, n_fields, clocks, G_N_ELEMENTS (clocks),
                                &r->clock, &value, error))
      return FALSE;
    w->clock = value == 0 ? 12 : 24;
    return TRUE;
  }
  if (strcmp (kind, "needs-before") == 0) {
    if (!sverka_dict_file_rule (path, lineno, fields, n_fields, yes_no, G_N_ELEMENTS (yes_no),
                                &r->needs_before, &value, error))
      return FALSE;
    w->needs_before = value == 0;
    return TRUE;
  }
  if (strcmp (kind, "bare-minutes") == 0) {
    if (!sverka_dict_file_rule (path, lineno, fields, n_fields, yes_no, G_N_ELEMENTS (yes_no),
                                &r->bare_minutes, &value, error))
      return FALSE;
    w->bare_minutes = value == 0;
    return TRUE;
  }

  if (strcmp (kind, "before") == 0)
    into = w->before;
  else if (strcmp (kind, "hour") == 0)
    into = w->hours;
  else if (strcmp (kind, "minute") == 0)
    into = w->minutes;
  else if (strcmp (kind, "part") == 0)
    into = w->parts, want = 3;
  else if (strcmp (kind, "word") == 0)
    into = w->words, want = 3;
  else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: unknown kind '%s' (expected before, hour, minute, part, word, clock, "
                 "needs-before or bare-minutes)",
                 path, lineno, kind);
    return FALSE;
  }
  if (n_fields != want) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: a %s line has %u fields, found %u", path, lineno, kind, want, n_fields);
    return FALSE;
  }
  len = strlen (fields[1]);
  ph.start = len > 1 && fields[1][len - 1] == '*';
  lower = g_utf8_strdown (fields[1], ph.start ? (gssize) len - 1 : (gssize) len);
  if (strcmp (lower, fields[1]) != 0 && !ph.start) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a phrase in lower case, found '%s'", path, lineno, fields[1]);
    return FALSE;
  }
  /* a word before a time and a word that is a time are looked up whole */
  if ((into == w->before || into == w->words) && (ph.start || !letters_only (lower))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: a %s is one word of letters, found '%s'", path, lineno, kind,
                 fields[1]);
    return FALSE;
  }
  if (into == w->parts) {
    static const char *const names[] = { NULL, "am", "pm", "night" };
    for (guint i = 1; i < G_N_ELEMENTS (names); i++)
      if (strcmp (fields[2], names[i]) == 0)
        ph.value = i;
    if (ph.value == 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: expected am, pm or night in field 3, found '%s'", path, lineno,
                   fields[2]);
      return FALSE;
    }
  } else if (into == w->words && !parse_clock_time (fields[2], &ph.value)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a time HH:MM in field 3, found '%s'", path, lineno, fields[2]);
    return FALSE;
  }
  ph.phrase = g_steal_pointer (&lower);
  g_array_append_val (into, ph);
  return TRUE;
}

static gint
longer_first (gconstpointer a, gconstpointer b)
{
  const SverkaTimePhrase *x = a, *y = b;
  gsize lx = strlen (x->phrase), ly = strlen (y->phrase);
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->start != y->start)
    return x->start ? 1 : -1;
  return strcmp (x->phrase, y->phrase);
}

SverkaTimeWords *
sverka_time_words_load (const char *path, GError **error)
{
  g_autoptr (SverkaTimeWords) w = g_new0 (SverkaTimeWords, 1);
  TimesReader r = { w, FALSE, FALSE, FALSE };

  w->before = phrase_array ();
  w->hours = phrase_array ();
  w->minutes = phrase_array ();
  w->parts = phrase_array ();
  w->words = phrase_array ();
  if (!sverka_dict_file_foreach (path, "sverka-times", 1, 2, 3, add_line, &r, error))
    return NULL;
  if (!r.clock || !r.needs_before || !r.bare_minutes) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: no %s line (a times file gives clock, needs-before and bare-minutes)",
                 path, !r.clock ? "clock" : !r.needs_before ? "needs-before" : "bare-minutes");
    return NULL;
  }
  g_array_sort (w->hours, longer_first);
  g_array_sort (w->minutes, longer_first);
  g_array_sort (w->parts, longer_first);
  return g_steal_pointer (&w);
}

const SverkaTimePhrase *
sverka_time_words_match (GArray *phrases, const char *p, const char *end, const char **after)
{
  for (guint i = 0; i < phrases->len; i++) {
    const SverkaTimePhrase *ph = &g_array_index (phrases, SverkaTimePhrase, i);
    const char *q = p, *f = ph->phrase;
    while (*f != '\0' && q < end) {
      gunichar c = g_utf8_get_char_validated (q, end - q);
      if (c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_tolower (c) != g_utf8_get_char (f))
        break;
      q = g_utf8_next_char (q);
      f = g_utf8_next_char (f);
    }
    if (*f != '\0')
      continue;
    if (ph->start) {
      while (sverka_letter_at (q, end))
        q = g_utf8_next_char (q);
    } else if (sverka_letter_at (q, end)) {
      continue;
    }
    *after = q;
    return ph;
  }
  return NULL;
}

const SverkaTimePhrase *
sverka_time_words_find (GArray *phrases, const char *fold)
{
  for (guint i = 0; i < phrases->len; i++) {
    const SverkaTimePhrase *ph = &g_array_index (phrases, SverkaTimePhrase, i);
    if (strcmp (ph->phrase, fold) == 0)
      return ph;
  }
  return NULL;
}
