/* sverka-learn.h: learning lexicon entries from a first alignment.
 *
 * After a first pass, the confident 1-1 beads (score at least min_score)
 * are a small parallel corpus. For every Russian and English content word
 * stem (letters, three characters or more, not a stop word, not a number,
 * in its own language's script) the learner counts the beads that hold it,
 * and for every pair of stems the beads that hold both. A pair is a
 * candidate when it co-occurs in at least min_count beads, more often than
 * chance, with Dunning's log-likelihood ratio G² at least min_llr. The
 * candidates are then linked competitively (Melamed 2000): best G² first,
 * each stem linked once, pairs already in the lexicon taking part (so that
 * "президент" = "president" keeps "президент" from being linked to
 * "Putin"). The new pairs are added to the lexicon, written as the first
 * surface form seen of each stem.
 *
 * Counting is deterministic: the result depends only on the order in which
 * alignments are added (or learners merged), never on threads.
 */
#pragma once

#include <glib.h>

#include "sverka-align.h"
#include "sverka-document.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef struct {
  double min_score; /* beads scoring at least this are used (default 0.9) */
  guint min_count;  /* co-occurrence floor (default 3) */
  double min_llr;   /* G² floor (default 15.1: p < 0.0001 for one test) */
  guint max_beads;  /* beads counted at most; later ones are ignored, so that
                     * memory stays bounded (default 200000) */
} SverkaLearnOptions;

void sverka_learn_options_init (SverkaLearnOptions *options);

typedef struct _SverkaLearner SverkaLearner;

/* Returns: (transfer full) an empty learner; @options NULL: the defaults. */
SverkaLearner *sverka_learner_new (const SverkaLearnOptions *options);
void sverka_learner_free (SverkaLearner *learner);

/* Counts the confident 1-1 beads of @al (an alignment of @ru and @en). */
void sverka_learner_add (SverkaLearner *learner, SverkaAlignment *al, SverkaDocument *ru,
                         SverkaDocument *en);

/* Adds the counts of @from to @into, as if @from's alignments had been
 * added to @into after its own. */
void sverka_learner_merge (SverkaLearner *into, SverkaLearner *from);

/* The number of beads counted so far. */
guint sverka_learner_get_n_beads (SverkaLearner *learner);

/* Chooses the new pairs and adds them to @lex (whose context must be free to
 * use on this thread); *@n_added gets their number.
 * Returns: (transfer full) the new pairs as a lexicon file ("# sverka-lexicon
 * 1", each entry after a comment with its evidence), or NULL with @error set. */
char *sverka_learner_learn (SverkaLearner *learner, SverkaLexicon *lex, guint *n_added,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaLearner, sverka_learner_free)

G_END_DECLS
