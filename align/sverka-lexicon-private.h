/* sverka-lexicon-private.h: lexicon entries and look-up, for the scorer. */
#pragma once

#include "sverka-context-private.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef struct {
  guint n_ru;
  char **ru_stems; /* (owned) stem of each Russian word */
  char *ru;        /* the Russian side as written */
  char *en;        /* (owned) the English side as written */
  guint n_en;
  char **en_stems; /* (owned) stem of each English word */
  guint tags;      /* SverkaLexTags */
  double value;    /* for SVERKA_LEX_NUM */
  double p;        /* for SVERKA_LEX_LEARNED: its probability (p=), else 1 */
  guint index;     /* its place in SverkaLexicon.entries */
} SverkaLexEntry;

struct _SverkaLexicon {
  SverkaContext *ctx;
  GPtrArray *entries;   /* SverkaLexEntry (owned) */
  /* Single-word entries by their Russian stem, multiword ones by their first
   * two stems joined by a tab: -> GPtrArray of SverkaLexEntry (none owned). */
  GHashTable *by_first;
  GHashTable *seen;     /* "russian\tenglish" -> itself, against duplicates */
  GHashTable *stems;    /* a side as written -> its GStrv of stems (both owned) */
};

/* Returns: (transfer none) the single-word entries whose Russian word has
 * stem @stem, or NULL. */
static inline GPtrArray *
sverka_lexicon_lookup (SverkaLexicon *lex, const char *stem)
{
  return g_hash_table_lookup (lex->by_first, stem);
}

/* Returns: (transfer none) the multiword entries whose first two Russian
 * words have stems @stem1 and @stem2, or NULL. @buf is scratch. */
static inline GPtrArray *
sverka_lexicon_lookup2 (SverkaLexicon *lex, const char *stem1, const char *stem2, GString *buf)
{
  g_string_assign (buf, stem1);
  g_string_append_c (buf, '\t');
  g_string_append (buf, stem2);
  return g_hash_table_lookup (lex->by_first, buf->str);
}

/* Splits @text with ICU word break and returns the stems of its words (letters
 * and numbers), each in the language of its script.
 * Returns: (transfer full) a NULL-terminated vector, or NULL with @error set. */
GStrv sverka_context_phrase_stems (SverkaContext *ctx, const char *text, GError **error);

/* Sets *@gives to whether @form is one word whose stem is @stem, so that a
 * lexicon entry written as @form matches the words of stem @stem.
 * Returns: FALSE with @error set if the analysis fails. */
gboolean sverka_context_form_gives_stem (SverkaContext *ctx, const char *form, const char *stem,
                                         gboolean *gives, GError **error);

G_END_DECLS
