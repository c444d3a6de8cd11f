/* sverka-turns.c: the speaker turns of a transcript.
 *
 * A sentence that opens with a speaker label ("Secretary General Jens
 * Stoltenberg: President Aliyev, welcome back", "Moderator: Thank you", or
 * a short line "President Ilham Aliyev said:") starts a turn, which runs to
 * the next label: a journalist's question after "Moderator: I see Riko."
 * belongs to the moderator's turn, as it belongs to the host's part of the
 * conference. A document with fewer than two labels is no transcript (one
 * label-like sentence is a headline: "Midsomer Norton attack: Four
 * arrests") and has no turns. A turn is the host's when its label names a
 * role that asks rather than answers (moderator, question, journalist,
 * "Вопрос", "Ведущий"); the others are the principals'. */
#include <string.h>

#include "sverka-document-private.h"

/* A speaker label: at most this many words before the colon, or a sentence
 * of at most LABEL_LINE_MAX_WORDS ending in one ("President Ilham Aliyev
 * said:"), within the first LABEL_MAX_BYTES bytes. */
#define LABEL_MAX_WORDS 6
#define LABEL_LINE_MAX_WORDS 10
#define LABEL_MAX_BYTES 120
#define MIN_LABELS 2

/* The first word of a host's label, folded. */
static const char *const host_words[] = {
  "moderator", "host",     "presenter",     "anchor",     "interviewer", "question",
  "q",         "journalist", "reporter",    "correspondent", "audience",  "participant",
  "вопрос",    "ведущий",  "ведущая",       "модератор",  "журналист",   "корреспондент",
  "журналистка", "участник",
};

/* The end of the speaker label opening sentence @s of @doc, in bytes from
 * the sentence's start; 0 if there is none. */
static gsize
label_end (SverkaDocument *doc, guint s)
{
  const SverkaSentence *st = &g_array_index (doc->sentences, SverkaSentence, s);
  const char *text = doc->data + st->start, *end = doc->data + st->end;
  guint words = 1;
  gunichar first = g_utf8_get_char (text);

  if (!g_unichar_isupper (first) && !g_unichar_istitle (first))
    return 0;
  /* most sentences have no colon where a label would end */
  if (memchr (text, ':', (gsize) MIN (end - text, LABEL_MAX_BYTES)) == NULL)
    return 0;
  for (const char *p = text; p < end && p - text < LABEL_MAX_BYTES; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ':') {
      const char *after = p + 1;
      if (after >= end)
        return words <= LABEL_LINE_MAX_WORDS ? (gsize) (end - text) : 0;
      if (!g_unichar_isspace (g_utf8_get_char (after)) || words > LABEL_MAX_WORDS)
        return 0;
      return (gsize) (after - text);
    }
    if (g_unichar_isdigit (c) || c == '!' || c == '?' || c == ';' || c == '"'
        || c == 0x00AB /* « */ || c == 0x201C /* “ */)
      return 0;
    if (c == ' ')
      words++;
  }
  return 0;
}

/* Is the label @label (without its colon) a host's? */
static gboolean
host_label (const char *label)
{
  g_autofree char *fold = g_utf8_casefold (label, -1);
  const char *p = fold;
  gsize n;

  while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  n = 0;
  while (p[n] != '\0' && g_unichar_isalpha (g_utf8_get_char (p + n)))
    n = (gsize) (g_utf8_next_char (p + n) - p);
  for (guint i = 0; i < G_N_ELEMENTS (host_words); i++)
    if (strlen (host_words[i]) == n && strncmp (p, host_words[i], n) == 0)
      return TRUE;
  return FALSE;
}

void
sverka_turns_find (SverkaDocument *doc)
{
  guint n = doc->sentences->len, n_labels = 0;
  g_autofree gsize *ends = g_new0 (gsize, MAX (n, 1u));
  guint turn = G_MAXUINT;

  g_array_set_size (doc->turn_of, 0);
  g_ptr_array_set_size (doc->turns, 0);
  for (guint s = 0; s < n; s++) {
    ends[s] = label_end (doc, s);
    n_labels += ends[s] > 0;
  }
  g_array_set_size (doc->turn_of, n);
  for (guint s = 0; s < n; s++) {
    if (n_labels >= MIN_LABELS && ends[s] > 0) {
      const SverkaSentence *st = &g_array_index (doc->sentences, SverkaSentence, s);
      SverkaTurn *t = g_new0 (SverkaTurn, 1);
      /* The label without its colon and the space around it. */
      const char *text = doc->data + st->start;
      const char *colon = text + ends[s];
      while (colon > text && *(colon - 1) != ':')
        colon--;
      t->speaker = g_strstrip (g_strndup (text, (gsize) (colon - text - 1)));
      t->host = host_label (t->speaker);
      t->first = s;
      t->label_end = ends[s];
      g_ptr_array_add (doc->turns, t);
      turn = doc->turns->len - 1;
    }
    g_array_index (doc->turn_of, guint, s) = turn;
  }
}

void
sverka_turn_free (gpointer p)
{
  SverkaTurn *t = p;
  g_free (t->speaker);
  g_free (t);
}

const char *
sverka_document_get_speaker (SverkaDocument *doc, guint i, gboolean *host)
{
  const SverkaTurn *t;
  guint turn;

  g_return_val_if_fail (i < doc->sentences->len, NULL);
  if (host != NULL)
    *host = FALSE;
  if (i >= doc->turn_of->len || (turn = g_array_index (doc->turn_of, guint, i)) == G_MAXUINT)
    return NULL;
  t = g_ptr_array_index (doc->turns, turn);
  if (host != NULL)
    *host = t->host;
  return t->speaker;
}
