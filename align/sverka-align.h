/* sverka-align.h: aligning a Russian and an English document.
 *
 * Two modes:
 * - parallel: the texts are translations of each other. Monotonic dynamic
 *   programming over beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3; every
 *   sentence of both sides is in exactly one bead, in order. Memory is linear
 *   in the length of the documents: the search runs in a band around a path
 *   through confident anchors, widened where the best path touches its edge.
 *   Then moved blocks: a run of sentences left without counterpart on one
 *   side that strongly matches such a run elsewhere on the other side (a
 *   paragraph the translator moved) is linked to it, with crossing beads
 *   flagged SVERKA_BEAD_MOVED (see sverka-align-moved.c).
 * - comparable: two texts about one event (a report against a transcript).
 *   Each sentence of the shorter text, the report, links to the 0-3
 *   sentences of the other that state its facts, anywhere in the document,
 *   when the evidence beats chance; a sentence of the other text may support
 *   several, and links may cross. Rows follow the Russian order.
 * - auto: chooses from the evidence (the sentence counts and the share of
 *   confident matches out of order).
 *
 * Sentence similarity combines lexicon matches over stems and lemmas, names
 * and cognates through transliteration, and numbers, each word weighted by
 * its rarity in the documents; parallel mode adds a length prior.
 */
#pragma once

#include <glib.h>

#include "sverka-document.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef enum {
  SVERKA_MODE_AUTO = 0,
  SVERKA_MODE_PARALLEL,
  SVERKA_MODE_COMPARABLE,
} SverkaMode;

/* Returns: (transfer none) "auto", "parallel" or "comparable". */
const char *sverka_mode_to_string (SverkaMode mode);
gboolean sverka_mode_from_string (const char *s, SverkaMode *out);

typedef struct {
  SverkaMode mode;
} SverkaAlignOptions;

void sverka_align_options_init (SverkaAlignOptions *options);

/* What SverkaBead.flags may hold. */
typedef enum {
  /* Parallel mode: the bead belongs to a moved block, a run of sentences
   * that the translation gives elsewhere (a paragraph moved to the end):
   * its links cross those of the beads around it. It stands at its Russian
   * place among the rows, so its English sentences are out of order there. */
  SVERKA_BEAD_MOVED = 1 << 0,
  /* The first bead, in row order, of a moved block (with SVERKA_BEAD_MOVED):
   * a block is this bead and the moved beads after it up to the next bead
   * with this flag or the next bead that is not moved. */
  SVERKA_BEAD_BLOCK_START = 1 << 1,
} SverkaBeadFlags;

/* One row of the alignment. Sentence numbers are 0-based indices into the
 * documents; a side may be empty.
 *
 * The beads come in row order: by their first Russian sentence, a bead with
 * no Russian sentence where the English order puts it. In parallel mode the
 * English sentences of the beads without SVERKA_BEAD_MOVED are in order too;
 * a moved bead stands just before the first bead that is not moved and has
 * a later Russian sentence. Comparable mode's links may cross anywhere (and
 * set no flag).
 *
 * The library hands out beads by pointer only (sverka_alignment_get_bead(),
 * sverka_result_get_bead()), never as an array to index, so fields are
 * added at the end (flags came after 0.1.0) without breaking programs built
 * before. */
typedef struct {
  guint n_ru;
  const guint *ru;
  guint n_en;
  const guint *en;
  double score; /* in [0, 1]: how sure sverka is of this bead: the
                 * probability, as estimated on development data, that its
                 * links are right (mean over them), or for a sentence
                 * alone that it has no counterpart */
  guint flags;  /* SverkaBeadFlags */
} SverkaBead;

typedef struct _SverkaAlignment SverkaAlignment;

/* Aligns @ru with @en (analysing them first if needed). @lex may be NULL.
 * Returns: (transfer full) the alignment, or NULL with @error set. */
SverkaAlignment *sverka_align (SverkaLexicon *lex,
                               SverkaDocument *ru,
                               SverkaDocument *en,
                               const SverkaAlignOptions *options,
                               GError **error);

void sverka_alignment_free (SverkaAlignment *alignment);

/* The mode used: never AUTO. */
SverkaMode sverka_alignment_get_mode (SverkaAlignment *alignment);
/* Returns: (transfer none) why auto chose the mode, or the mode asked for. */
const char *sverka_alignment_get_mode_reason (SverkaAlignment *alignment);
guint sverka_alignment_get_n_beads (SverkaAlignment *alignment);
/* Returns: (transfer none) bead @i, valid as long as @alignment. */
const SverkaBead *sverka_alignment_get_bead (SverkaAlignment *alignment, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaAlignment, sverka_alignment_free)

G_END_DECLS
