/* sverka-check-length.c: in parallel mode, a bead whose length ratio is
 * far outside what the document's 1-1 beads show, most of whose longer side
 * has no counterpart, or one long stretch of it (a partial translation). */
#include <math.h>

#include "sverka-check-private.h"

/* Length notes: a bead's log length ratio at least LENGTH_RATIO from the
 * document's median with most of the longer side unmatched, or at least
 * LENGTH_RUN_RATIO from it with LENGTH_RUN_UNITS words in a row, and
 * LENGTH_RUN_SHARE of the longer sentence's weight, unmatched, while
 * LENGTH_RUN_REST of the shorter sentence and of the rest of the longer one
 * is matched. */
#define LENGTH_RATIO 0.45
#define LENGTH_RUN_RATIO 0.25
#define LENGTH_RUN_SHARE 0.45
#define LENGTH_RUN_UNITS 5
#define LENGTH_RUN_REST 0.6

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The matched share of each side of bead @b. */
static void
bead_shares (SverkaChecker *c, const SverkaBead *b, double *ru_share, double *en_share)
{
  double wr = 0, mr = 0, we = 0, me = 0;
  for (guint k = 0; k < b->n_ru; k++) {
    wr += sverka_side_sentence (&c->sc->ru, b->ru[k])->weight;
    mr += sverka_scorer_mask_weight (c->sc, b->ru[k],
                                     sverka_check_bead_mask (c, b, TRUE, b->ru[k]));
  }
  for (guint k = 0; k < b->n_en; k++) {
    we += sverka_side_sentence (&c->sc->en, b->en[k])->weight;
    me += sverka_scorer_mask_weight_en (c->sc, b->en[k],
                                        sverka_check_bead_mask (c, b, FALSE, b->en[k]));
  }
  *ru_share = wr > 0 ? mr / wr : 1.0;
  *en_share = we > 0 ? me / we : 1.0;
}

/* The longest run of consecutive units of sentence @s (of the side @russian)
 * that @mask leaves unmatched, as a share of the sentence's weight: a
 * clause dropped in translation is one stretch of words with no
 * counterpart, where a free translation leaves gaps here and there. */
static double
unmatched_run_share (SverkaChecker *c, gboolean russian, guint s, guint64 mask, guint *n_units)
{
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  double run = 0, best = 0;
  guint len = 0, best_len = 0;

  for (guint u = 0; u < f->n_units; u++) {
    if ((mask >> MIN (u, 63)) & 1) {
      run = 0;
      len = 0;
      continue;
    }
    run += g_array_index (side->units, SverkaUnit, f->first_unit + u).weight;
    len++;
    if (run > best) {
      best = run;
      best_len = len;
    }
  }
  *n_units = best_len;
  return f->weight > 0 ? best / f->weight : 0.0;
}

/* The log length ratio en/ru of a bead, from the characters of its sides. */
static double
bead_log_ratio (SverkaChecker *c, const SverkaBead *b, double *lr, double *le)
{
  *lr = *le = 0;
  for (guint k = 0; k < b->n_ru; k++)
    *lr += sverka_side_sentence (&c->sc->ru, b->ru[k])->n_chars;
  for (guint k = 0; k < b->n_en; k++)
    *le += sverka_side_sentence (&c->sc->en, b->en[k])->n_chars;
  return log ((*le + 10) / (*lr + 10));
}

/* Is @b, of the document's median log ratio @median, a partial translation?
 * Two kinds of evidence: the length ratio far outside the document's, with
 * much of the longer side unmatched; or a ratio clearly outside it, with
 * one long stretch of the longer sentence unmatched. */
static void
check_bead_length (SverkaChecker *c, const SverkaBead *b, double median, const SverkaBead *whole)
{
  double lr, le, v, ru_share, en_share, share, run = 0;
  guint run_units = 0;
  gboolean en_longer;

  v = bead_log_ratio (c, b, &lr, &le) - median;
  if (MAX (lr, le) < 40 || fabs (v) < LENGTH_RUN_RATIO)
    return;
  en_longer = v > 0;
  bead_shares (c, b, &ru_share, &en_share);
  share = en_longer ? en_share : ru_share;
  if (b->n_ru == 1 && b->n_en == 1)
    run = unmatched_run_share (
        c, !en_longer, en_longer ? b->en[0] : b->ru[0],
        sverka_check_bead_mask (c, b, !en_longer, en_longer ? b->en[0] : b->ru[0]), &run_units);
  /* The run rule wants the rest of both sentences to match: a weakly
   * matched pair says nothing about where the gap is. */
  if (!(fabs (v) >= LENGTH_RATIO && share <= 0.55)
      && !(run >= LENGTH_RUN_SHARE && run_units >= LENGTH_RUN_UNITS
           && (en_longer ? ru_share : en_share) >= LENGTH_RUN_REST
           && share >= LENGTH_RUN_REST * (1 - run)))
    return;
  /* A warning: the length is a symptom, and a translator may condense
   * (on clean ntrex translations, a third of the error notes were such). */
  g_string_printf (c->buf, "%s %.0f characters, %s %.0f (the document's beads have %s/%s about "
                   "%.2f), and %.0f%% of the %s side has no counterpart",
                   sverka_checker_code (c, TRUE), lr, sverka_checker_code (c, FALSE), le,
                   sverka_checker_code (c, FALSE), sverka_checker_code (c, TRUE), exp (median),
                   100 * (1 - share), sverka_checker_language (c, !en_longer));
  if (run_units >= LENGTH_RUN_UNITS)
    g_string_append_printf (c->buf, ", %u words in a row", run_units);
  g_string_append (c->buf, ": is it translated only in part?");
  sverka_checker_add_note (c, SVERKA_NOTE_LENGTH, SVERKA_SEVERITY_WARNING, whole->ru,
                           whole->n_ru, whole->en, whole->n_en, g_strdup (c->buf->str));
}

/* The similarity of Russian sentence @r and English sentence @e. */
static double
pair_similarity (SverkaChecker *c, guint r, guint e)
{
  SverkaPair p;
  double w = sverka_side_sentence (&c->sc->ru, r)->weight + sverka_side_sentence (&c->sc->en, e)->weight;
  sverka_scorer_mark (c->sc, r);
  sverka_scorer_pair (c->sc, r, e, &p);
  return w > 0 ? (p.mr + p.me) / w : 0.0;
}

/* Is the n-n bead @b n pairs in order: does each Russian sentence match its
 * English one better than the others? A bead the alignment made of crossed
 * sentences is not. */
static gboolean
pairs_in_order (SverkaChecker *c, const SverkaBead *b)
{
  for (guint k = 0; k < b->n_ru; k++) {
    double own = pair_similarity (c, b->ru[k], b->en[k]);
    for (guint x = 0; x < b->n_en; x++)
      if (x != k && pair_similarity (c, b->ru[k], b->en[x]) > own)
        return FALSE;
  }
  return TRUE;
}

static void
check_length (SverkaChecker *c)
{
  g_autoptr (GArray) logs = g_array_new (FALSE, FALSE, sizeof (double));
  double median;
  guint n = sverka_alignment_get_n_beads (c->al);

  for (guint i = 0; i < n; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    double lr, le, v;
    if (b->n_ru != 1 || b->n_en != 1)
      continue;
    v = bead_log_ratio (c, b, &lr, &le);
    g_array_append_val (logs, v);
  }
  if (logs->len < 3)
    return;
  g_array_sort (logs, compare_double);
  median = g_array_index (logs, double, logs->len / 2);
  for (guint i = 0; i < n; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    if (b->n_ru == 0 || b->n_en == 0)
      continue;
    if (b->n_ru == b->n_en && b->n_ru > 1) {
      if (!pairs_in_order (c, b))
        continue;
      /* An n-n bead is often n pairs in order, one of them a partial
       * translation that the alignment hid by joining it to a neighbour:
       * each pair is checked. */
      for (guint k = 0; k < b->n_ru; k++) {
        SverkaBead pair = { 1, &b->ru[k], 1, &b->en[k], b->score };
        check_bead_length (c, &pair, median, b);
      }
    } else {
      check_bead_length (c, b, median, b);
    }
  }
}

static void
check_document (SverkaChecker *c, gpointer state)
{
  check_length (c);
}

const SverkaCheck sverka_check_length = {
  .name = "length",
  .parallel_only = TRUE,
  .document = check_document,
};
