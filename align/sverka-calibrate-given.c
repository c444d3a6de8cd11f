/* sverka-calibrate-given.c: the probability that a unit of a bilingual
 * file (sverka_align_units()) is right as given: that its source and target
 * translate each other. Parallel mode's model (sverka-calibrate.c) is fit on
 * the beads its DP chooses, which hardly ever pair sentences that are no
 * translation; a bilingual file may (a target shifted by one segment, or
 * taken from another document), and then the neighbours say more: the
 * margin over the segments around it and the similarity of the rows next
 * to it. This model reads parallel mode's probability with those.
 *
 * Fit by tests/eval/xliff_calibration.py --set ntrex,flores --fit on
 * NTREX-128 and FLORES-200 (development data) written as XLIFF, a tenth of
 * the segments given a wrong target (half the next segment's, half one of
 * another document), and checked on TICO-19 and WMT22 en-ru, which it was
 * not fit on; see the README ("Bilingual XLIFF files"). The share of wrong
 * targets is the fit's prior: in a file with fewer, a low score is more
 * often a false alarm than it says. */
#include <math.h>

#include "sverka-align-private.h"
#include "sverka-calibrate-private.h"

static const double given_weights[SVERKA_CALIBRATE_N_GIVEN] = {
  -2.70083, 1.04977, 0.483548, 5.93477, -3.16333, -0.190606, 1.07243,
};

void
sverka_calibrate_given_features (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc,
                                 double x[SVERKA_CALIBRATE_N_GIVEN])
{
  double p = CLAMP (sverka_calibrate_row (ev, doc), 1e-4, 1 - 1e-4);
  x[0] = 1.0;
  x[1] = log (p / (1 - p));
  x[2] = ev->sim;
  x[3] = ev->margin;
  x[4] = ev->context;
  x[5] = ev->len_lp;
  x[6] = ev->min_share;
}

double
sverka_calibrate_given (const SverkaRowEvidence *ev, const SverkaDocCalibration *doc)
{
  double x[SVERKA_CALIBRATE_N_GIVEN], z = 0;

  /* A segment with one side empty is as the file says. */
  if (ev->n_ru == 0 || ev->n_en == 0)
    return 1.0;
  sverka_calibrate_given_features (ev, doc, x);
  for (guint k = 0; k < SVERKA_CALIBRATE_N_GIVEN; k++)
    z += given_weights[k] * x[k];
  return sverka_sigmoid (z);
}
