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
 * rows right around it, in the fit sets. Each block of rows the fit pooled
 * gives two, its lowest and its highest output with its share, so the map
 * is flat over a block and linear only across the gap to the next. */
typedef struct {
  double raw, p;
} MapPoint;

/* BEGIN fitted constants */
static const double pair_weights[SVERKA_CALIBRATE_N_PAIR] = {
  3.23713, -1.35759, 0.654344, 0.345106, 2.09949, -0.0322823, -1.40808, -1.9508, -0.642289, 0.123445, -2.41168, 0.593936, 0.0168197, 0.486416, 3.48571,
};
static const double alone_weights[SVERKA_CALIBRATE_N_ALONE] = {
  -5.54506, -1.83011, 3.44935, 2.50632, 1.65326, 6.79835, -0.383864,
};
/* The isotonic maps of the two logistic models' outputs. */
static const MapPoint pair_map[] = {
  { 2.98935535e-08, 0.0188679 },
  { 0.00879489799, 0.0188679 },
  { 0.00927071606, 0.148837 },
  { 0.10782204, 0.148837 },
  { 0.110286812, 0.245136 },
  { 0.41383329, 0.245136 },
  { 0.414373039, 0.346939 },
  { 0.437913078, 0.346939 },
  { 0.439001942, 0.472868 },
  { 0.511467295, 0.472868 },
  { 0.511808365, 0.568047 },
  { 0.598059201, 0.568047 },
  { 0.59935047, 0.581818 },
  { 0.689458002, 0.581818 },
  { 0.690119221, 0.651515 },
  { 0.832025408, 0.651515 },
  { 0.83220843, 0.707692 },
  { 0.871060246, 0.707692 },
  { 0.873475601, 0.854305 },
  { 0.913081297, 0.854305 },
  { 0.914716027, 0.884259 },
  { 0.940536163, 0.884259 },
  { 0.940560706, 0.929825 },
  { 0.953423704, 0.929825 },
  { 0.953481577, 0.939286 },
  { 0.964271919, 0.939286 },
  { 0.964370954, 0.962963 },
  { 0.976963498, 0.962963 },
  { 0.976980053, 0.977654 },
  { 0.980518285, 0.977654 },
  { 0.980544578, 0.981061 },
  { 0.988202735, 0.981061 },
  { 0.988204308, 0.991876 },
  { 0.992988514, 0.991876 },
  { 0.992992087, 0.992188 },
  { 0.994373412, 0.992188 },
  { 0.994373881, 0.995169 },
  { 0.994927148, 0.995169 },
  { 0.994929855, 0.998812 },
  { 0.996966445, 0.998812 },
  { 0.996966782, 0.999689 },
  { 0.997782144, 0.999689 },
  { 0.997782726, 0.999819 },
  { 0.998964252, 0.999819 },
  { 0.998964267, 0.999941 },
  { 0.999926162, 0.999941 },
};
static const MapPoint alone_map[] = {
  { 0.00257085302, 0.0588235 },
  { 0.172036112, 0.0588235 },
  { 0.174042641, 0.366667 },
  { 0.496681039, 0.366667 },
  { 0.502614429, 0.506494 },
  { 0.682031229, 0.506494 },
  { 0.682170612, 0.757353 },
  { 0.875459896, 0.757353 },
  { 0.875710131, 0.903226 },
  { 0.929815745, 0.903226 },
  { 0.929871971, 0.969325 },
  { 0.961578357, 0.969325 },
  { 0.96165809, 0.971429 },
  { 0.968631011, 0.971429 },
  { 0.968714699, 0.988095 },
  { 0.983814034, 0.988095 },
  { 0.983838984, 0.992674 },
  { 0.991941875, 0.992674 },
  { 0.991960125, 0.996769 },
  { 0.999455893, 0.996769 },
  { 0.999457538, 0.997537 },
  { 0.999999063, 0.997537 },
};
/* P(right) of a bead with both sides, and P(no counterpart) of a sentence
 * alone, in pairs judged unrelated or untranslated. */
#define NOT_TRANSLATION_PAIR 3.33812e-05
#define NOT_TRANSLATION_ALONE 0.999832
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
