/* sverka-check-renderings.c: terminology in parallel mode, one term, two
 * renderings: an English term or name of the lexicon that the document
 * renders by two of its Russian translations in different beads. A summary
 * may well leave a term out, so comparable mode has no such check. */
#include <string.h>

#include "sverka-notes-private.h"

typedef struct {
  const char *en_phrase;  /* the English stems joined by spaces (owned by the table) */
  GPtrArray *entries;     /* SverkaLexEntry with that English side */
  GArray *rows;           /* per bead holding the phrase: bead index */
  GPtrArray *renderings;  /* per such bead: the entry found on the Russian side, or NULL */
} TermUse;

static void
term_use_free (gpointer data)
{
  TermUse *t = data;
  if (t == NULL)
    return;
  g_ptr_array_unref (t->entries);
  g_array_unref (t->rows);
  g_ptr_array_unref (t->renderings);
  g_free (t);
}

/* Is @token, case-folded, the English word @entry (in the lexicon's base
 * form, case-folded) or its plural or possessive: @entry followed by "s",
 * "es" or "'s", or with its final "y" made "ies"? Snowball gives
 * "customers" and "customs" one stem, and "customs" is no plural of
 * "custom". */
static gboolean
is_english_word (const char *token, const char *entry)
{
  gsize m = strlen (entry);

  if (strncmp (token, entry, m) == 0)
    return token[m] == '\0' || strcmp (token + m, "s") == 0 || strcmp (token + m, "es") == 0
           || strcmp (token + m, "'s") == 0;
  return m > 1 && entry[m - 1] == 'y' && strncmp (token, entry, m - 1) == 0
         && strcmp (token + m - 1, "ies") == 0;
}

/* Where do the Russian (@russian) or English words of entry @e occur in a
 * row among the tokens of sentences @sents? The same stems (on the Russian
 * side, or the stems of the lemmas); a one-word English entry must moreover
 * be that word or its plural, not another word of its stem. The index of
 * the first token, plus one; 0 if nowhere. */
static guint
phrase_find (SverkaChecker *c, gboolean russian, const guint *sents, guint n,
             const SverkaLexEntry *e)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const guint32 *stems = russian ? sverka_lex_entry_ru_stems (c->lex, e)
                                 : sverka_lex_entry_en_stems (c->lex, e);
  guint n_stems = russian ? e->n_ru : e->n_en;
  g_autofree char *word = !russian && n_stems == 1
                              ? g_utf8_casefold (sverka_lex_entry_en (c->lex, e), -1)
                              : NULL;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i + n_stems <= s->n_tokens; i++) {
      gboolean ok = TRUE;
      for (guint w = 0; w < n_stems && ok; w++) {
        const SverkaWord *token = sverka_document_get_token (doc, s->first_token + i + w)->word;
        const char *stem = sverka_lex_string (c->lex, stems[w]);
        ok = strcmp (token->stem, stem) == 0
             || (russian && token->lemma_stem != NULL && strcmp (token->lemma_stem, stem) == 0);
        ok = ok && (word == NULL || is_english_word (token->fold, word));
      }
      if (ok)
        return s->first_token + i + 1;
    }
  }
  return 0;
}

/* Where the Russian or English words of entry @e occur. */
static gboolean
ru_in (SverkaChecker *c, const guint *sents, guint n, const SverkaLexEntry *e)
{
  return phrase_find (c, TRUE, sents, n, e) > 0;
}

static gboolean
en_in (SverkaChecker *c, const guint *sents, guint n, const SverkaLexEntry *e)
{
  return phrase_find (c, FALSE, sents, n, e) > 0;
}

/* Marks where the words of entry @e occur among the tokens of sentences
 * @sents. */
static void
mark_stems (SverkaChecker *c, gboolean russian, const guint *sents, guint n,
            const SverkaLexEntry *e)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint n_stems = russian ? e->n_ru : e->n_en;
  guint at = phrase_find (c, russian, sents, n, e);
  if (at > 0 && n_stems > 0)
    sverka_checker_add_mark (c, russian, sverka_document_get_token (doc, at - 1)->start,
                             sverka_document_get_token (doc, at - 1 + n_stems - 1)->end);
}

/* Do two Russian stems share their root? Word formation changes the end of
 * a word (таможня, таможенный; эвакуация, эвакуировать): a common beginning
 * of ROOT_MIN_CHARS letters, or of all but two letters of the shorter. */
#define ROOT_MIN_CHARS 5

static gboolean
same_root (const char *a, const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  glong common = 0;
  while (*a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b)) {
    common++;
    a = g_utf8_next_char (a);
    b = g_utf8_next_char (b);
  }
  return common >= MIN (ROOT_MIN_CHARS, MAX (MIN (la, lb) - 2, 1));
}

/* Are two renderings of a term the same words up to word formation
 * (партнерство, партнерский)? */
static gboolean
same_rendering (const SverkaLexicon *lex, const SverkaLexEntry *a, const SverkaLexEntry *b)
{
  if (a->n_ru != b->n_ru)
    return FALSE;
  for (guint w = 0; w < a->n_ru; w++) {
    if (!same_root (sverka_lex_ru_stem (lex, a, w), sverka_lex_ru_stem (lex, b, w)))
      return FALSE;
  }
  return TRUE;
}

/* Do the English words of @b end with those of @a? */
static gboolean
stems_end_with (const SverkaLexicon *lex, const SverkaLexEntry *b, const SverkaLexEntry *a)
{
  if (a->n_en > b->n_en)
    return FALSE;
  for (guint w = 0; w < a->n_en; w++)
    if (strcmp (sverka_lex_en_stem (lex, a, w), sverka_lex_en_stem (lex, b, b->n_en - a->n_en + w))
        != 0)
      return FALSE;
  return TRUE;
}

/* The English stems of @e joined by spaces. Returns: (transfer full). */
static char *
en_phrase (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  GString *s = g_string_new (NULL);
  for (guint w = 0; w < e->n_en; w++) {
    if (w > 0)
      g_string_append_c (s, ' ');
    g_string_append (s, sverka_lex_en_stem (lex, e, w));
  }
  return g_string_free (s, FALSE);
}

/* A rendering of the term @first related to it through its head word, in
 * the Russian side of bead @b, when none of the term's own renderings is
 * there: an entry tagged as a term, name or title whose English ends like
 * the term, or the term ends like it ("председатель" for "co-chair", since
 * "chair" ends "co-chair"; "Закавказье" for "Caucasus", since "Caucasus"
 * ends "South Caucasus"). A longer English phrase that the bead's English
 * holds itself is that phrase's rendering, not the term's. @heads: tagged
 * entries by their last English stem. */
static const SverkaLexEntry *
related_rendering (SverkaChecker *c, const SverkaBead *b, const SverkaLexEntry *first,
                   GHashTable *heads)
{
  GPtrArray *cands = g_hash_table_lookup (heads, sverka_lex_en_stem (c->lex, first,
                                                                    first->n_en - 1));
  for (guint k = 0; cands != NULL && k < cands->len; k++) {
    const SverkaLexEntry *e = g_ptr_array_index (cands, k);
    gboolean shorter = stems_end_with (c->lex, first, e);
    gboolean longer = stems_end_with (c->lex, e, first);
    /* Part of a multiword term is a short reference to it ("the
     * corridor"); part of one written word ("co-chair") is another term. */
    if (shorter && strchr (sverka_lex_entry_en (c->lex, first), ' ') != NULL)
      shorter = FALSE;
    if (e->n_en == first->n_en || !(shorter || longer))
      continue;
    if (longer && en_in (c, b->en, b->n_en, e))
      continue;
    if (ru_in (c, b->ru, b->n_ru, e))
      return e;
  }
  return NULL;
}

/* An English term or name of the lexicon that a document renders in two
 * ways: one bead has one of its Russian renderings, another a different one
 * or none of those the lexicon knows. */
static void
check_term_renderings (SverkaChecker *c, SverkaLexicon *lex)
{
  g_autoptr (GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        term_use_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  guint nb = sverka_alignment_get_n_beads (c->al);

  g_autoptr (GHashTable) by_stem = NULL;
  g_autoptr (GHashTable) heads = NULL;

  if (lex == NULL)
    return;
  /* The beads holding each English stem, in order: a term is looked for
   * only where its first word is. */
  by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    for (guint k = 0; k < b->n_en; k++) {
      const SverkaSentence *se = sverka_document_get_sentence (c->en, b->en[k]);
      for (guint t = 0; t < se->n_tokens; t++) {
        const char *stem = sverka_document_get_token (c->en, se->first_token + t)->word->stem;
        GArray *list = g_hash_table_lookup (by_stem, stem);
        if (list == NULL) {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_stem, (gpointer) stem, list);
        }
        if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
          g_array_append_val (list, i);
      }
    }
  }
  /* The English phrases the lexicon marks as terms, names or titles in at
   * least one entry; every entry with that English side is a rendering. */
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++) {
    const SverkaLexEntry *e = sverka_lexicon_entry (lex, i);
    g_autofree char *key = NULL;
    /* A one-word title ("general") is too often an ordinary word. */
    if (!(e->tags & (SVERKA_LEX_TERM | SVERKA_LEX_NAME))
        && !((e->tags & SVERKA_LEX_TITLE) && e->n_en > 1))
      continue;
    key = en_phrase (lex, e);
    if (!g_hash_table_contains (terms, key))
      g_hash_table_insert (terms, g_steal_pointer (&key), NULL);
  }
  heads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++) {
    const SverkaLexEntry *e = sverka_lexicon_entry (lex, i);
    const char *head;
    GPtrArray *list;
    if (!(e->tags & (SVERKA_LEX_TERM | SVERKA_LEX_NAME | SVERKA_LEX_TITLE)) || e->n_en == 0)
      continue;
    head = sverka_lex_en_stem (lex, e, e->n_en - 1);
    list = g_hash_table_lookup (heads, head);
    if (list == NULL) {
      list = g_ptr_array_new ();
      g_hash_table_insert (heads, (gpointer) head, list);
    }
    g_ptr_array_add (list, (gpointer) e);
  }
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++) {
    const SverkaLexEntry *e = sverka_lexicon_entry (lex, i);
    g_autofree char *key = en_phrase (lex, e);
    TermUse *t;
    gpointer orig_key;
    if (!g_hash_table_lookup_extended (terms, key, &orig_key, (gpointer *) &t))
      continue;
    /* A learned pair is a word's usual company in the training corpus,
     * not a rendering: the pronoun "нам" learned for "us" would render the
     * name "US". */
    if (e->tags & SVERKA_LEX_LEARNED)
      continue;
    if (t == NULL) {
      t = g_new0 (TermUse, 1);
      t->entries = g_ptr_array_new ();
      t->rows = g_array_new (FALSE, FALSE, sizeof (guint));
      t->renderings = g_ptr_array_new ();
      t->en_phrase = orig_key;
      g_hash_table_insert (terms, g_strdup (orig_key), t);
      g_ptr_array_add (order, t);
    }
    g_ptr_array_add (t->entries, (gpointer) e);
  }
  for (guint o = 0; o < order->len; o++) {
    TermUse *t = g_ptr_array_index (order, o);
    const SverkaLexEntry *first = g_ptr_array_index (t->entries, 0);
    const SverkaLexEntry *seen = NULL;
    gboolean differs = FALSE;
    GArray *holding = g_hash_table_lookup (by_stem, sverka_lex_en_stem (lex, first, 0));
    for (guint x = 0; holding != NULL && x < holding->len; x++) {
      guint i = g_array_index (holding, guint, x);
      const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
      const SverkaLexEntry *found = NULL;
      if (b->n_ru == 0 || b->n_en == 0
          || !en_in (c, b->en, b->n_en, first))
        continue;
      for (guint k = 0; k < t->entries->len && found == NULL; k++) {
        const SverkaLexEntry *e = g_ptr_array_index (t->entries, k);
        if (ru_in (c, b->ru, b->n_ru, e))
          found = e;
      }
      if (found == NULL)
        found = related_rendering (c, b, first, heads);
      /* Two renderings the lexicon knows; a bead with none of them may use
       * a word the lexicon lacks, which says nothing. */
      if (t->rows->len > 0 && found != NULL && seen != NULL
          && !same_rendering (lex, found, seen))
        differs = TRUE;
      if (seen == NULL)
        seen = found;
      g_array_append_val (t->rows, i);
      g_ptr_array_add (t->renderings, (gpointer) found);
    }
    if (!differs)
      continue;
    /* One note at the first bead that renders the term otherwise than the
     * first one does. */
    for (guint r = 1; r < t->rows->len; r++) {
      guint f0 = 0;
      const SverkaLexEntry *a, *b2 = g_ptr_array_index (t->renderings, r);
      const SverkaBead *ba, *bb;
      g_autoptr (GArray) ru = NULL;
      g_autoptr (GArray) en = NULL;
      while (g_ptr_array_index (t->renderings, f0) == NULL)
        f0++;
      a = g_ptr_array_index (t->renderings, f0);
      if (b2 == NULL || same_rendering (lex, a, b2))
        continue;
      ba = sverka_alignment_get_bead (c->al, g_array_index (t->rows, guint, f0));
      bb = sverka_alignment_get_bead (c->al, g_array_index (t->rows, guint, r));
      ru = g_array_new (FALSE, FALSE, sizeof (guint));
      en = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (ru, ba->ru, ba->n_ru);
      g_array_append_vals (ru, bb->ru, bb->n_ru);
      g_array_append_vals (en, ba->en, ba->n_en);
      g_array_append_vals (en, bb->en, bb->n_en);
      sverka_checker_add_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING,
                               (guint *) ru->data, ru->len, (guint *) en->data, en->len,
                               g_strdup_printf ("%s \"%s\" is rendered \"%s\" in %s %u but \"%s\" "
                                                "in %s %u: one term, two renderings?",
                                                sverka_checker_code (c, FALSE),
                                                sverka_lex_entry_en (lex, first),
                                                sverka_lex_entry_ru (lex, a),
                                                sverka_checker_code (c, TRUE), ba->ru[0] + 1,
                                                sverka_lex_entry_ru (lex, b2),
                                                sverka_checker_code (c, TRUE), bb->ru[0] + 1));
      mark_stems (c, TRUE, ba->ru, ba->n_ru, a);
      mark_stems (c, FALSE, ba->en, ba->n_en, first);
      mark_stems (c, TRUE, bb->ru, bb->n_ru, b2);
      mark_stems (c, FALSE, bb->en, bb->n_en, first);
      break;
    }
  }
}

static void
check_document (SverkaChecker *c, gpointer state)
{
  check_term_renderings (c, c->lex);
}

const SverkaCheck sverka_check_renderings = {
  .name = "renderings",
  .parallel_only = TRUE,
  .document = check_document,
};
