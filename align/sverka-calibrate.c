/* sverka-calibrate.c: the score of a row of a parallel alignment, as the
 * probability that the row is right.
 *
 * A bead with both sides is right when its sentences translate each other,
 * no more and no less; a sentence alone is right when it has no
 * counterpart. Each is predicted by a logistic model of the row's evidence
 * (sverka-calibrate-private.h) and of the document's, whose weights were
 * fitted by maximum likelihood on development sets, its output then mapped
 * through an isotonic fit on the same rows (a logistic of a few features
 * is right about the ends of the scale but overstates its middle); the
 * README's "Scores and verdicts" says which sets, and how well the scores
 * hold on the others.
 * When the verdict says the texts are not a translation at all (unrelated,
 * or untranslated), no bead can be right and every sentence is without a
 * counterpart: the scores are then the shares seen in such pairs of the
 * development sets, with one success and one failure added (Laplace).
 *
 * The constants between the BEGIN and END lines are written by
 *   tests/eval/fit_calibration.py -j 1 --write --keep-verdict
 * (see tests/eval/README.md); do not edit them by hand.
 */
#include <math.h>

#include "sverka-align-private.h"
#include "sverka-calibrate-private.h"

/* A breakpoint of an isotonic map: a logistic output and the share of the
 * rows right around it, in the fit sets. */
typedef struct {
  double raw, p;
} MapPoint;

/* BEGIN fitted constants */
static const double pair_weights[SVERKA_CALIBRATE_N_PAIR] = {
  2.67354, -1.43437, 0.453658, 0.326732, 1.92284, 0.068153, -1.66644, -2.01315, -0.52395, 0.559824, -2.39622, 0.566508, 0.0110894, 0.454619, 3.56726,
};
static const double alone_weights[SVERKA_CALIBRATE_N_ALONE] = {
  -4.33072, -3.17705, 3.67702, 2.13737, 0.694676, 6.97086, -0.417979,
};
/* The isotonic maps of the two logistic models' outputs. */
static const MapPoint pair_map[] = {
  { 0.0019043, 0.0190476 },
  { 0.0490702, 0.151376 },
  { 0.244011, 0.259109 },
  { 0.409694, 0.313725 },
  { 0.432588, 0.408163 },
  { 0.457133, 0.464286 },
  { 0.569395, 0.541209 },
  { 0.710413, 0.562914 },
  { 0.786437, 0.630996 },
  { 0.857978, 0.765306 },
  { 0.903858, 0.847737 },
  { 0.932363, 0.873239 },
  { 0.942965, 0.920635 },
  { 0.952504, 0.939189 },
  { 0.959572, 0.941964 },
  { 0.974648, 0.976571 },
  { 0.987478, 0.985951 },
  { 0.993956, 0.997632 },
  { 0.997525, 0.999752 },
  { 0.998674, 0.999857 },
  { 0.999403, 0.999909 },
};
static const MapPoint alone_map[] = {
  { 0.104344, 0.0769231 },
  { 0.220899, 0.164179 },
  { 0.383221, 0.4 },
  { 0.538084, 0.521739 },
  { 0.647526, 0.571429 },
  { 0.781156, 0.754286 },
  { 0.858752, 0.882883 },
  { 0.888899, 0.892308 },
  { 0.910274, 0.935484 },
  { 0.935982, 0.955056 },
  { 0.960866, 0.963746 },
  { 0.978443, 0.979167 },
  { 0.988115, 0.985577 },
  { 0.995904, 0.994638 },
  { 0.999745, 0.998752 },
};
/* P(right) of a bead with both sides, and P(no counterpart) of a sentence
 * alone, in pairs judged unrelated or untranslated. */
#define NOT_TRANSLATION_PAIR 3.33801e-05
#define NOT_TRANSLATION_ALONE 0.999671
/* END fitted constants */

const char *const sverka_calibrate_pair_names[SVERKA_CALIBRATE_N_PAIR] = {
  "bias", "sim", "min_share", "len_lp", "margin", "context", "next_to_gap", "extra_sentences",
  "log_weight", "doc_content", "doc_gaps", "split_share", "split_gain", "doc_size",
  "dp_margin",
};

const char *const sverka_calibrate_alone_names[SVERKA_CALIBRATE_N_ALONE] = {
  "bias", "near_sim", "best_sim", "log_weight", "doc_content", "doc_gaps", "doc_size",
};

void
sverka_calibrate_pair_features (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc,
                                double x[SVERKA_CALIBRATE_N_PAIR])
{
  x[0] = 1.0;
  x[1] = ev->sim;
  x[2] = ev->min_share;
  x[3] = ev->len_lp;
  x[4] = ev->margin;
  x[5] = ev->context;
  x[6] = ev->next_to_gap ? 1.0 : 0.0;
  x[7] = (double) (ev->n_ru + ev->n_en) - 2.0;
  x[8] = log1p (ev->weight);
  x[9] = doc->content_share;
  x[10] = doc->gap_share;
  x[11] = ev->split_share;
  x[12] = ev->split_gain;
  x[13] = log1p (doc->shorter);
  /* Beyond ten nats either way, more says nothing more. */
  x[14] = CLAMP (ev->dp_margin, -10.0, 10.0) / 10.0;
}

void
sverka_calibrate_alone_features (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc,
                                 double x[SVERKA_CALIBRATE_N_ALONE])
{
  x[0] = 1.0;
  x[1] = ev->near_sim;
  x[2] = ev->best_sim;
  x[3] = log1p (ev->weight);
  x[4] = doc->content_share;
  x[5] = doc->gap_share;
  x[6] = log1p (doc->shorter);
}

static double
logistic (const double *w, const double *x, guint n)
{
  double z = 0;
  for (guint k = 0; k < n; k++)
    z += w[k] * x[k];
  return sverka_sigmoid (z);
}

/* @raw through the map @pts (@n points, increasing): linear between the
 * breakpoints, flat beyond them. */
static double
map_through (const MapPoint *pts, guint n, double raw)
{
  if (raw <= pts[0].raw)
    return pts[0].p;
  for (guint k = 1; k < n; k++)
    if (raw <= pts[k].raw)
      return pts[k].raw > pts[k - 1].raw ? pts[k - 1].p
                                               + (pts[k].p - pts[k - 1].p) * (raw - pts[k - 1].raw)
                                                     / (pts[k].raw - pts[k - 1].raw)
                                         : pts[k].p;
  return pts[n - 1].p;
}

double
sverka_calibrate_not_translation (gboolean alone)
{
  return alone ? NOT_TRANSLATION_ALONE : NOT_TRANSLATION_PAIR;
}

double
sverka_calibrate_row (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc)
{
  gboolean alone = ev->n_ru == 0 || ev->n_en == 0;

  if (doc->verdict == SVERKA_VERDICT_UNRELATED || doc->verdict == SVERKA_VERDICT_UNTRANSLATED)
    return sverka_calibrate_not_translation (alone);
  if (alone) {
    double x[SVERKA_CALIBRATE_N_ALONE];
    sverka_calibrate_alone_features (ev, doc, x);
    return map_through (alone_map, G_N_ELEMENTS (alone_map),
                        logistic (alone_weights, x, SVERKA_CALIBRATE_N_ALONE));
  } else {
    double x[SVERKA_CALIBRATE_N_PAIR];
    sverka_calibrate_pair_features (ev, doc, x);
    return map_through (pair_map, G_N_ELEMENTS (pair_map),
                        logistic (pair_weights, x, SVERKA_CALIBRATE_N_PAIR));
  }
}
