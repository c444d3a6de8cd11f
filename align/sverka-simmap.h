/* sverka-simmap.h: a sparse map of sentence similarity.
 *
 * For each Russian sentence, the few English sentences most similar to it,
 * with their similarity (the same measure the aligner uses: the matched
 * weight of both sentences over their total weight, in [0, 1]). It is the
 * data of the HTML report's alignment map, a dot plot with Russian sentences
 * down and English ones across.
 *
 * No n x m table is built: short documents (n x m up to 250,000 pairs) are
 * scored pair by pair; longer ones take each Russian sentence's candidates
 * from the English sentences that share a rare word, name or number with it
 * (an inverted index), so 10,000 x 10,000 sentences cost about as much as
 * the alignment's own candidate search, and the map holds at most
 * per_sentence points a Russian sentence.
 */
#pragma once

#include <glib.h>

#include "sverka-document.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef struct {
  guint ru, en;     /* 0-based sentence indices */
  float similarity; /* in (0, 1] */
} SverkaSimPoint;

typedef struct _SverkaSimMap SverkaSimMap;

/* Finds, for each sentence of @ru, its @per_sentence (at least 1) most
 * similar sentences of @en, analysing the documents first if needed. Ties
 * go to the earlier English sentence. @lex may be NULL.
 * Returns: (transfer full) the map, or NULL with @error set. */
SverkaSimMap *sverka_simmap_new (SverkaLexicon *lex,
                                 SverkaDocument *ru,
                                 SverkaDocument *en,
                                 guint per_sentence,
                                 GError **error);
void sverka_simmap_free (SverkaSimMap *map);

/* The number of sentences of each side when the map was made. */
guint sverka_simmap_get_n_ru (SverkaSimMap *map);
guint sverka_simmap_get_n_en (SverkaSimMap *map);

/* Returns: (transfer none) the points, by Russian sentence, then by
 * similarity (highest first), then by English sentence; *@n gets their
 * number. Valid as long as @map. */
const SverkaSimPoint *sverka_simmap_get_points (SverkaSimMap *map, guint *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaSimMap, sverka_simmap_free)

G_END_DECLS
