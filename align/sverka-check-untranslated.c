/* sverka-check-untranslated.c: sentences left untranslated, in either mode.
 *
 * A sentence of one text written in the other's language (of the English
 * text in Russian, of the Russian text in English) is an error: at least half of its words are in the other
 * language's script, and at least two of them, after the first word and
 * outside quotation marks and brackets, are common words (no capital
 * letter). So a name, a product name, a code, a number or a link copied as
 * it is ("Владимир Путин.", "iPhone 13 Pro", "Sontelle ... Vivre Castom
 * family", "https://...") is not flagged, nor an original quoted on
 * purpose. Latin in a Russian sentence must also hold an English stop word:
 * a French quote kept as it is ("Il faut bien le faire.") is no English
 * left untranslated. Consecutive such sentences are one note (a document
 * left untranslated is one note per side, not one per sentence); the
 * message says how many are the same as the other side of their bead
 * (copied).
 *
 * In a pair of one script (German and French) the script tells nothing:
 * there a sentence is of the other language when it holds three or more of
 * the other language's stop words that its own lacks, outside quotation
 * marks and brackets, against at most a quarter as many of its own ("Im
 * Nebel verloren zwei Bergsteiger den Weg zum Lager." in a French text).
 *
 * In a sentence that is otherwise translated, three or more such common
 * words (an original quoted on purpose, «Война и мир», "the Duma
 * (Государственная дума)", does not count) are a warning: a phrase left
 * untranslated. */
#include <string.h>

#include "sverka-check-private.h"

typedef struct {
  guint letters;       /* words of letters */
  guint foreign;       /* of them, in the other script (mixed-script ones aside) */
  guint common;        /* of those, common words */
  guint loose;         /* common ones outside quotation marks and brackets */
  guint loose_inner;   /* of those, not the sentence's first word */
  guint loose_stop;    /* of those, stop words of the other language */
  guint own_stop;      /* a pair of one script: the text's own stop words, outside
                        * quotation marks and brackets, that the other language
                        * lacks */
  guint first_loose, last_loose; /* token indices of the first and last of those */
} Counts;

/* Has @form an upper-case letter (a name, or a brand such as "iPhone")? */
static gboolean
has_upper (const char *form)
{
  for (const char *p = form; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Appends to @ends (of gsize) the end of each run of non-space characters
 * of sentence @se that is a link, an address or a file name (has "/", "@"
 * or a full stop between two letters or digits: "https://example.org",
 * "example.org", "a@b.ru"), and its start before it. */
static void
find_links (const char *data, const SverkaSentence *se, GArray *ends)
{
  gsize p = se->start;
  while (p < se->end) {
    gsize start, q;
    gboolean link = FALSE;
    while (p < se->end && g_ascii_isspace (data[p]))
      p++;
    start = p;
    for (q = p; q < se->end && !g_ascii_isspace (data[q]); q++)
      if (data[q] == '/' || data[q] == '@'
          || (data[q] == '.' && q > start && q + 1 < se->end && g_ascii_isalnum (data[q - 1])
              && g_ascii_isalnum (data[q + 1])))
        link = TRUE;
    if (link) {
      g_array_append_val (ends, start);
      g_array_append_val (ends, q);
    }
    p = q;
  }
}

/* Follows the quotation marks and brackets of bytes [@p, @end) of @data:
 * @depth of « “ ( [ open, @straight inside "...". */
static void
scan_marks (const char *data, gsize p, gsize end, gint *depth, gboolean *straight, Counts *n)
{
  while (p < end) {
    gunichar ch = g_utf8_get_char (data + p);
    if (ch == 0x00AB || ch == 0x201C || ch == 0x201E || ch == '(' || ch == '[')
      (*depth)++;
    else if ((ch == 0x00BB || ch == 0x201D || ch == ')' || ch == ']') && *depth > 0)
      (*depth)--;
    else if (ch == ')' || ch == ']')
      /* A bracket the sentence did not open: what came before was in it
       * ("Member of the Welsh Parliament — член Парламента Уэльса)"). */
      n->loose = n->loose_inner = n->loose_stop = 0;
    else if (ch == '"')
      *straight = !*straight;
    p = g_utf8_next_char (data + p) - data;
  }
}

/* The other language of the pair than @doc's. */
static SverkaLanguage
other_language (SverkaDocument *doc)
{
  return sverka_document_get_language (doc) == SVERKA_LANGUAGE_FIRST ? SVERKA_LANGUAGE_SECOND
                                                                      : SVERKA_LANGUAGE_FIRST;
}

/* Counts the words of sentence @se of @doc, links aside. In a pair of two
 * scripts a word of the other language is a word in its script; in a pair
 * of one script, a stop word of the other language that is none of the
 * text's own ("die", "den", "am" in a French text). */
static void
count_words (SverkaDocument *doc, const SverkaSentence *se, GArray *links, Counts *n)
{
  const char *data = sverka_document_get_data (doc, NULL);
  GHashTable *stopwords = sverka_context_lang (doc->ctx, other_language (doc))->stopwords;
  GHashTable *own = sverka_context_lang (doc->ctx, sverka_document_get_language (doc))->stopwords;
  gboolean same_script = doc->ctx->same_script;
  gint depth = 0;          /* « “ ( [ opened and not yet closed */
  gboolean straight = FALSE; /* inside "..." */
  gsize p = se->start;
  guint l = 0;

  memset (n, 0, sizeof *n);
  g_array_set_size (links, 0);
  find_links (data, se, links);
  for (guint i = 0; i <= se->n_tokens; i++) {
    const SverkaToken *t;
    guint f;
    gboolean common, stop;
    if (i == se->n_tokens) {
      /* after the last word */
      scan_marks (data, p, se->end, &depth, &straight, n);
      break;
    }
    t = sverka_document_get_token (doc, se->first_token + i);
    f = t->word->flags;
    /* The quotation marks and brackets between the previous word and this
     * one. */
    scan_marks (data, p, t->start, &depth, &straight, n);
    p = t->end;
    while (l < links->len && g_array_index (links, gsize, l + 1) <= t->start)
      l += 2;
    if (l < links->len && g_array_index (links, gsize, l) <= t->start)
      continue;
    if (!(f & SVERKA_WORD_LETTERS))
      continue;
    n->letters++;
    if (same_script) {
      gboolean theirs = g_hash_table_contains (stopwords, t->word->fold);
      gboolean ours = g_hash_table_contains (own, t->word->fold);
      if (ours && !theirs && depth == 0 && !straight)
        n->own_stop++;
      if (!theirs || ours)
        continue;
    } else if (!(t->flags & SVERKA_TOKEN_FOREIGN) || (f & SVERKA_WORD_MIXED_SCRIPT)) {
      continue;
    }
    n->foreign++;
    common = !has_upper (t->word->form)
             || ((t->flags & SVERKA_TOKEN_SENTENCE_INITIAL) && !(f & SVERKA_WORD_UPPERCASE));
    if (!common)
      continue;
    stop = g_hash_table_contains (stopwords, t->word->fold);
    n->common++;
    if (depth > 0 || straight)
      continue;
    n->loose_stop += stop;
    n->loose_inner += !(t->flags & SVERKA_TOKEN_SENTENCE_INITIAL);
    if (n->loose++ == 0)
      n->first_loose = se->first_token + i;
    n->last_loose = se->first_token + i;
  }
}

/* Is the sentence counted in @n written in the other language? Its common
 * words outside quotation marks and brackets count. Latin in a text of
 * another script must hold a stop word of the other language, Latin too:
 * a French or Latin quote kept as it is in a Russian text ("Il faut bien le
 * faire.") is no English left untranslated (@latin_other: the other
 * language is written in Latin). In a pair of one script only stop words
 * tell: three of the other language's, and at most a quarter as many of
 * the text's own. */
static gboolean
is_untranslated (const Counts *n, gboolean same_script, gboolean latin_other)
{
  if (same_script)
    return n->loose_stop >= 3 && 4 * n->own_stop <= n->loose_stop;
  return n->loose_inner >= 2 && 2 * n->foreign >= n->letters && (!latin_other || n->loose_stop > 0);
}

/* Does the sentence counted in @n hold a phrase of the other language
 * outside quotation marks and brackets? */
static gboolean
has_phrase (const Counts *n, gboolean same_script, gboolean latin_other)
{
  if (same_script)
    return n->loose_stop >= 3;
  return n->loose >= 3 && (!latin_other || n->loose_stop > 0);
}

/* Does the bead holding sentence @s (Russian if @russian) have, on its
 * other side, a sentence of the same text? */
static gboolean
copied (SverkaChecker *c, gboolean russian, guint s)
{
  SverkaDocument *doc = russian ? c->ru : c->en, *other = russian ? c->en : c->ru;
  const SverkaBead *b =
      sverka_alignment_get_bead (c->al, russian ? c->ru_row[s] : c->en_row[s]);
  const SverkaSentence *se = sverka_document_get_sentence (doc, s);
  const char *data = sverka_document_get_data (doc, NULL);
  const char *odata = sverka_document_get_data (other, NULL);
  const guint *ids = russian ? b->en : b->ru;
  guint n = russian ? b->n_en : b->n_ru;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *o = sverka_document_get_sentence (other, ids[k]);
    if (o->end - o->start == se->end - se->start
        && memcmp (odata + o->start, data + se->start, se->end - se->start) == 0)
      return TRUE;
  }
  return FALSE;
}

/* One note for sentences @first .. @last of one side, all untranslated. */
static void
note_run (SverkaChecker *c, gboolean russian, guint first, guint last, guint n_copied)
{
  g_autofree guint *ids = g_new (guint, last - first + 1);
  const char *side = sverka_checker_code (c, russian);
  const char *script = sverka_checker_language (c, !russian);
  char *msg;

  for (guint s = first; s <= last; s++)
    ids[s - first] = s;
  if (first == last)
    msg = g_strdup_printf ("%s sentence in %s%s: untranslated", side, script,
                           n_copied > 0 ? ", the same as on the other side" : "");
  else
    msg = g_strdup_printf ("%s %u sentences in a row in %s (%u the same as on the other side): "
                           "untranslated",
                           side, last - first + 1, script, n_copied);
  sverka_checker_add_side_note (c, SVERKA_NOTE_UNTRANSLATED, SVERKA_SEVERITY_ERROR,
                                russian, ids, last - first + 1, msg);
}

static void
check_side (SverkaChecker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint ns = sverka_document_get_n_sentences (doc);
  guint run_first = 0, run_len = 0, run_copied = 0;
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean same_script = doc->ctx->same_script;
  gboolean latin_other =
      sverka_context_lang (doc->ctx, other_language (doc))->pack->script == SVERKA_SCRIPT_LATIN;

  for (guint s = 0; s <= ns; s++) {
    Counts n = { 0 };
    if (s < ns)
      count_words (doc, sverka_document_get_sentence (doc, s), links, &n);
    if (s < ns && is_untranslated (&n, same_script, latin_other)) {
      if (run_len++ == 0)
        run_first = s, run_copied = 0;
      run_copied += copied (c, russian, s);
      continue;
    }
    if (run_len > 0)
      note_run (c, russian, run_first, run_first + run_len - 1, run_copied);
    run_len = 0;
    if (s < ns && has_phrase (&n, same_script, latin_other)) {
      const SverkaToken *a = sverka_document_get_token (doc, n.first_loose);
      const SverkaToken *z = sverka_document_get_token (doc, n.last_loose);
      const char *data = sverka_document_get_data (doc, NULL);
      sverka_checker_add_side_note (
          c, SVERKA_NOTE_UNTRANSLATED, SVERKA_SEVERITY_WARNING, russian, &s, 1,
          g_strdup_printf ("%s \"%.*s\": %u %s words left in the sentence",
                           sverka_checker_code (c, russian), (int) (z->end - a->start),
                           data + a->start, n.loose, sverka_checker_language (c, !russian)));
      sverka_checker_add_mark (c, russian, a->start, z->end);
    }
  }
}

static void
untranslated_document (SverkaChecker *c, gpointer state)
{
  check_side (c, TRUE);
  check_side (c, FALSE);
}

const SverkaCheck sverka_check_untranslated = {
  .name = "untranslated",
  .needs = SVERKA_PACK_STOPWORDS,
  .document = untranslated_document,
};
