/* sverka-lexicon-private.h: lexicon entries and look-up, for the scorer. */
#pragma once

#include "sverka-context-private.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef struct {
  guint n_ru;
  char **ru_stems; /* (owned) stem of each Russian word */
  char *en;        /* (owned) the English side as written */
  guint n_en;
  char **en_stems; /* (owned) stem of each English word */
  guint tags;      /* SverkaLexTags */
  double value;    /* for SVERKA_LEX_NUM */
} SverkaLexEntry;

struct _SverkaLexicon {
  SverkaContext *ctx;
  GPtrArray *entries;   /* SverkaLexEntry (owned) */
  GHashTable *by_first; /* first Russian stem -> GPtrArray of SverkaLexEntry (none owned) */
  GHashTable *seen;     /* "russian\tenglish" -> itself, against duplicates */
};

/* Returns: (transfer none) the entries whose first Russian word has stem
 * @stem, or NULL. */
static inline GPtrArray *
sverka_lexicon_lookup (SverkaLexicon *lex, const char *stem)
{
  return g_hash_table_lookup (lex->by_first, stem);
}

/* Splits @text with ICU word break and returns the stems of its words (letters
 * and numbers), each in the language of its script.
 * Returns: (transfer full) a NULL-terminated vector, or NULL with @error set. */
GStrv sverka_context_phrase_stems (SverkaContext *ctx, const char *text, GError **error);

G_END_DECLS
