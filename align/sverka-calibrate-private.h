/* sverka-calibrate-private.h: the score of a row of a parallel alignment as
 * the probability that the row is right (sverka-calibrate.c).
 *
 * sverka-align.c gathers the evidence of each row once the path is chosen;
 * this module turns it into a probability with a model fitted on the
 * development sets by tests/eval/fit_calibration.py, which prints the
 * constants of sverka-calibrate.c. */
#pragma once

#include <glib.h>

#include "sverka-align.h"

G_BEGIN_DECLS

/* The evidence of one row of a parallel alignment. */
typedef struct {
  guint n_ru, n_en;
  /* A bead with both sides: */
  double sim;       /* matched weight of both sides over their weight */
  double min_share; /* the least matched share of its sentences that have words
                     * of weight (1 if none has) */
  double len_lp;    /* ln P(length), Gale and Church, floored */
  double margin;    /* over its sentences of weight, the least of: the best
                     * pair similarity within the bead minus the best with a
                     * sentence just outside it (a few either side) */
  guint n_weightless; /* sentences with no word of weight (punctuation, stop words) */
  double split_share; /* the least matched share of a sentence on a side of several
                       * (1 if no side has several) */
  double split_gain;  /* ln P(length) of the bead without that sentence, minus len_lp */
  double dp_margin;   /* the DP's score of the bead minus that of the best way to do
                       * without one of its sentences (sverka-align.c), in nats */
  /* A sentence alone: */
  double best_sim;  /* its best pair similarity in the band */
  double near_sim;  /* its best pair similarity with the few sentences of the
                     * other side around its place */
  double weight;    /* the sum of the weights of its words (both sides) */
  /* Both: */
  double context;   /* the mean similarity of the two-sided rows just before
                     * and after it (0 where there is none) */
  gboolean next_to_gap; /* the row before or after has one side empty */
} SverkaRowEvidence;

/* What the calibration knows of the whole document pair. */
typedef struct {
  SverkaVerdict verdict;
  double content_share;  /* the weight of both texts that the two-sided beads match,
                          * over the weight of both texts */
  double gap_share;      /* the share of the rows with one side empty */
  guint shorter;         /* the sentences of the text that has fewer */
} SverkaDocCalibration;

/* The number of features of each model. */
#define SVERKA_CALIBRATE_N_PAIR 15
#define SVERKA_CALIBRATE_N_ALONE 7

/* The features the models read, from the evidence (the fit reads the same,
 * through tests/calib-evidence). */
void sverka_calibrate_pair_features (const SverkaRowEvidence *ev,
                                     const SverkaDocCalibration *doc,
                                     double x[SVERKA_CALIBRATE_N_PAIR]);
void sverka_calibrate_alone_features (const SverkaRowEvidence *ev,
                                      const SverkaDocCalibration *doc,
                                      double x[SVERKA_CALIBRATE_N_ALONE]);

/* The names of the features, for the fit's output. */
extern const char *const sverka_calibrate_pair_names[SVERKA_CALIBRATE_N_PAIR];
extern const char *const sverka_calibrate_alone_names[SVERKA_CALIBRATE_N_ALONE];

/* The probability that a row is right: for a bead with both sides, that its
 * sentences translate each other; for a sentence alone, that it has no
 * counterpart. */
double sverka_calibrate_row (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc);

/* The same for a row of a pair judged unrelated or untranslated, in any
 * mode: a row with both sides (@alone FALSE) is then hardly ever right, and
 * a sentence alone hardly ever has a counterpart. */
double sverka_calibrate_not_translation (gboolean alone);

/* A unit of a bilingual file with both sides, aligned as given
 * (sverka-calibrate-given.c): the probability that its source and target
 * translate each other; 1 for a unit with one side empty. Its features, for
 * the fit (tests/calib-evidence --given). */
#define SVERKA_CALIBRATE_N_GIVEN 7
double sverka_calibrate_given (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc);
void sverka_calibrate_given_features (const SverkaRowEvidence *ev,
                                      const SverkaDocCalibration *doc,
                                      double x[SVERKA_CALIBRATE_N_GIVEN]);

G_END_DECLS
