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
 *   tests/eval/fit_calibration.py --write align/sverka-calibrate.c
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
  -2.40366, -1.1404, 0.54982, -0.0295239, 1.55182, 0.338265, -1.43375, -3.24551, 0.249487, 2.54742, -3.20313, 1.42231, -0.0787536, 0.427927, 3.95876,
};
static const double alone_weights[SVERKA_CALIBRATE_N_ALONE] = {
  -3.77902, -5.07367, 5.11157, 1.88723, 2.40327, 6.39812, -0.554244,
};
/* The isotonic maps of the two logistic models' outputs. */
static const MapPoint pair_map[] = {
  { 0.000908327, 0.00833333 },
  { 0.0112757, 0.0782609 },
  { 0.0801339, 0.0979592 },
  { 0.206829, 0.15847 },
  { 0.331267, 0.26087 },
  { 0.438861, 0.371795 },
  { 0.583735, 0.491379 },
  { 0.686639, 0.604167 },
  { 0.74834, 0.621212 },
  { 0.810723, 0.695652 },
  { 0.84832, 0.767857 },
  { 0.886481, 0.851852 },
  { 0.917519, 0.875 },
  { 0.939389, 0.900014 },
  { 0.949125, 0.941176 },
  { 0.962155, 0.978723 },
  { 0.974427, 0.97973 },
  { 0.980954, 0.986034 },
  { 0.988984, 0.992583 },
  { 0.993569, 0.997567 },
  { 0.996057, 0.998651 },
  { 0.999063, 0.999897 },
};
static const MapPoint alone_map[] = {
  { 0.169527, 0.1 },
  { 0.514011, 0.506329 },
  { 0.771873, 0.773585 },
  { 0.847143, 0.862069 },
  { 0.903996, 0.901316 },
  { 0.958417, 0.952239 },
  { 0.979098, 0.978723 },
  { 0.994978, 0.998366 },
};
/* P(right) of a bead with both sides, and P(no counterpart) of a sentence
 * alone, in pairs judged unrelated or untranslated. */
#define NOT_TRANSLATION_PAIR 0.000106355
#define NOT_TRANSLATION_ALONE 0.999454
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
