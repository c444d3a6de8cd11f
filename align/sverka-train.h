/* sverka-train.h: a translation table learned from a parallel corpus.
 *
 * `sverka lexicon train` and programs that hold a translation memory give
 * the trainer pairs of segments (a Russian one and its English translation)
 * and get a lexicon file back. Each segment is analysed as the aligner
 * analyses a sentence (ICU word break, case folding, Snowball stems,
 * hunspell lemmas), and IBM Model 1 (Brown et al. 1993) is trained on the
 * stems both ways, with a NULL word on each source side: t(en|ru) and
 * t(ru|en), by expectation maximisation from uniform tables. A pair of
 * content words (letters of its language's script, not a stop word) is
 * kept when it shares at least min_count segment pairs and the geometric
 * mean of its two probabilities, sqrt(t(en|ru) t(ru|en)), is at least
 * min_p: a word's usual translations, and not the words that merely keep it
 * company. Pairs whose sound skeletons agree (names and cognates, which the
 * aligner matches without a lexicon) are left out.
 *
 * The result is a lexicon file (sverka-lexicon.h) whose entries are tagged
 * "learned,p=P" with P that geometric mean; each side is written as the
 * commonest surface form of its stem (folded). The aligner counts a
 * learned entry as it counts a general dictionary's sense, below the seed
 * lexicon's entries.
 *
 * Training is deterministic: the file depends only on the pairs and their
 * order. Memory grows with the number of distinct word pairs that share a
 * segment pair (about 30 bytes each).
 */
#pragma once

#include <glib.h>

#include "sverka-context.h"

G_BEGIN_DECLS

typedef struct {
  guint iterations; /* EM iterations each way (default 5) */
  guint min_count;  /* segment pairs a kept pair must share (default 2) */
  double min_p;     /* the least geometric mean of t(en|ru) and t(ru|en) (default 0.1) */
} SverkaTrainOptions;

void sverka_train_options_init (SverkaTrainOptions *options);

typedef struct _SverkaTrainer SverkaTrainer;

/* Returns: (transfer full) a trainer with no pairs, analysing with @ctx (it
 * holds a reference); @options NULL: the defaults. */
SverkaTrainer *sverka_trainer_new (SverkaContext *ctx, const SverkaTrainOptions *options);
void sverka_trainer_free (SverkaTrainer *trainer);

/* Adds the pair @ru = @en (UTF-8; tabs and line breaks inside count as
 * spaces). Returns: FALSE, and adds nothing, when a side has no text. */
gboolean sverka_trainer_add (SverkaTrainer *trainer, const char *ru, const char *en);

/* The number of pairs added. */
guint sverka_trainer_get_n_pairs (SverkaTrainer *trainer);

typedef struct {
  guint pairs;    /* segment pairs trained on */
  guint ru_words; /* distinct Russian stems */
  guint en_words; /* distinct English stems */
  guint entries;  /* entries written */
} SverkaTrainStats;

/* Trains and writes the lexicon file. @description (may be NULL) is written
 * as a comment under the format line (what it was trained on).
 * Returns: (transfer full) the lexicon file's text, or NULL with @error set
 * (no pairs; text that cannot be analysed). */
char *sverka_trainer_train (SverkaTrainer *trainer, const char *description,
                            SverkaTrainStats *stats, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaTrainer, sverka_trainer_free)

G_END_DECLS
