/* sverka-align-private.h: what the parallel aligner (sverka-align.c) and
 * the comparable one (sverka-comparable.c) share. */
#pragma once

#include <math.h>

#include "sverka-align.h"
#include "sverka-calibrate-private.h"
#include "sverka-score-private.h"
#include "sverka-verdict-private.h"

G_BEGIN_DECLS

/* The logistic function: a score in nats (or a scaled evidence) as a
 * probability. */
static inline double
sverka_sigmoid (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

/* Appends a bead of the @n_ru Russian sentences @ru and the @n_en English
 * ones @en (0-based indices, copied), with @score clamped to [0, 1]. */
void sverka_alignment_add_bead (SverkaAlignment *al,
                                const guint *ru,
                                guint n_ru,
                                const guint *en,
                                guint n_en,
                                double score);
/* Comparable mode: sets the report language (see
 * sverka_alignment_get_report_language()) and the @n_report sentences'
 * candidates: @cands holds those of report sentence s at
 * [@first[s], @first[s + 1]) (copied). */
void sverka_alignment_set_candidates (SverkaAlignment *al,
                                      SverkaLanguage report,
                                      guint n_report,
                                      const guint *first,
                                      const SverkaCandidate *cands);
/* Comparable mode: records the @n word pairs @matches (copied) of the link
 * of Russian sentence @ru and English sentence @en. Links are added in
 * (ru, en) order. */
void sverka_alignment_add_matches (SverkaAlignment *al,
                                   guint ru,
                                   guint en,
                                   const SverkaMatch *matches,
                                   guint n);
/* The same with SverkaBeadFlags @flags. */
void sverka_alignment_add_bead_flags (SverkaAlignment *al,
                                      const guint *ru,
                                      guint n_ru,
                                      const guint *en,
                                      guint n_en,
                                      double score,
                                      guint flags);

/* A bead of parallel mode as ranges: Russian sentences [r0, r0 + a),
 * English ones [e0, e0 + b). */
typedef struct {
  guint r0, a, e0, b;
  guint flags;        /* SverkaBeadFlags */
  double sim, len_lp; /* a moved bead's evidence, for its score: its
                       * similarity and length log-probability */
} SverkaBeadRange;

/* Looks for moved blocks in the monotonic alignment @beads (SverkaBeadRange,
 * in order, every sentence of both documents once) of the documents whose
 * features @sc holds, @ratio English characters to a Russian one: runs of
 * sentences without counterpart on one side that strongly match such runs
 * elsewhere on the other side. Links them in beads flagged
 * SVERKA_BEAD_MOVED and rewrites @beads in row order (see
 * sverka-align-moved.c); leaves @beads as it is when there is none. */
void sverka_align_moved (SverkaScorer *sc, double ratio, GArray *beads);

/* Comparable alignment of @ru and @en, whose features @sc holds (from
 * @lex, nullable: the word pairs shown use it), with the
 * translator's decisions @review (NULL: none; checked against the
 * documents): appends the rows to @al in Russian order (see
 * sverka-comparable.c). */
void sverka_align_comparable (SverkaScorer *sc,
                              SverkaLexicon *lex,
                              SverkaDocument *ru,
                              SverkaDocument *en,
                              SverkaReview *review,
                              SverkaAlignment *al);

/* The scorer @al was made with, if it was made from @lex, @ru and @en (the
 * same objects, still of as many sentences): the features of their
 * sentences, the same a new sverka_scorer_new() would build. NULL if not.
 * Returns: (transfer none) valid while @al is. */
SverkaScorer *sverka_alignment_get_scorer (SverkaAlignment *al, const SverkaLexicon *lex,
                                           SverkaDocument *ru, SverkaDocument *en);

/* The evidence behind the verdict. Returns: (transfer none). */
const SverkaVerdictEvidence *sverka_alignment_get_verdict_evidence (SverkaAlignment *al);

/* The evidence that the score of row @i was computed from, and in *@doc
 * (if not NULL) the document's; NULL for a row of comparable mode.
 * Returns: (transfer none). */
const SverkaRowEvidence *sverka_alignment_get_row_evidence (SverkaAlignment *al,
                                                           guint i,
                                                           const SverkaDocCalibration **doc);

G_END_DECLS
