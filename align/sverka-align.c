/* sverka-align.c: parallel alignment (banded dynamic programming), the
 * choice between it and comparable alignment (sverka-comparable.c), and the
 * alignment object. */
#include <math.h>
#include <string.h>

#include "sverka-align-private.h"
#include "sverka-calibrate-private.h"
#include "sverka-error.h"
#include "sverka-verdict-private.h"

/* Parallel mode: bead score = ln prior + GAMMA * ln P(length) + the sum over
 * its sentences of BETA * (f - SIGMA0), f the matched share of the sentence.
 * A sentence with no counterpart scores ln prior(skip) - BETA * SKIP_SIGMA. */
#define BETA 10.0
#define SIGMA0 0.15
#define GAMMA 1.0
/* A sentence with no counterpart claims nothing, so it is not charged like
 * an unmatched sentence inside a bead: ln prior(skip) - BETA * SKIP_SIGMA. */
#define SKIP_SIGMA 0.0
/* Gale and Church's variance of the length difference per character, and
 * the floor of the length probability. */
#define LENGTH_VARIANCE 6.8
#define LENGTH_FLOOR 1e-5
/* A row's evidence looks this many sentences either side of it for better
 * partners of its sentences (sverka-calibrate-private.h). */
#define EVIDENCE_REACH 3u
/* The band's half-width: the DP's first try, where a translation's path
 * stays close to the line between its anchors, and, where the path touches
 * that band's edge, the width it grows from by doubling; the rows' evidence
 * reads the pairs of a band of BAND_START at least (align_parallel()). The
 * most cells it may ever hold. */
#define BAND_FIRST 8
#define BAND_START 24
#define BAND_MAX_CELLS (16u * 1024 * 1024)

/* Auto mode: comparable when one text has more than COUNT_RATIO times the
 * other's sentences, or COUNT_RATIO_LONG times and COUNT_DIFF_LONG more. */
#define COUNT_RATIO 1.8
#define COUNT_RATIO_LONG 1.5
#define COUNT_DIFF_LONG 10

/* Anchors: a Russian sentence whose best English candidate has at least this
 * similarity, clearly ahead of the second. */
#define ANCHOR_MIN_SIM 0.25
#define ANCHOR_MARGIN 0.75
#define ANCHOR_WINDOW 0.10
/* The verdict also looks this many sentences either side of the diagonal. */
#define VERDICT_REACH 2u

typedef struct {
  guint a, b;
  double prior;
} BeadType;

/* The bead types; those from FIRST_MANY to N_SHORT_TYPES join two or three
 * sentences to two or three (tried only in a translation that restructures
 * its sentences: restructured()); those from N_SHORT_TYPES on join one long
 * sentence to LONG_MIN_SIDE .. MAX_SIDE of the other side. */
static const BeadType bead_types[] = {
  { 1, 1, 0.85 },   { 1, 0, 0.02 },   { 0, 1, 0.02 },     { 2, 1, 0.045 },    { 1, 2, 0.045 },
  { 2, 2, 0.002 },  { 3, 1, 0.004 },  { 1, 3, 0.004 },    { 2, 3, 5e-5 },     { 3, 2, 5e-5 },
  { 3, 3, 5e-6 },   { 4, 1, 2e-4 },   { 1, 4, 2e-4 },
  { 5, 1, 1e-4 },   { 1, 5, 1e-4 },   { 6, 1, 5e-5 },     { 1, 6, 5e-5 },     { 7, 1, 2.5e-5 },
  { 1, 7, 2.5e-5 }, { 8, 1, 1.25e-5 }, { 1, 8, 1.25e-5 },
};
#define N_BEAD_TYPES G_N_ELEMENTS (bead_types)
#define FIRST_MANY 8
#define N_SHORT_TYPES 11

/* A translation restructures its sentences when its path, with the beads
 * above 2-2 left out, has RESTRUCTURED_MIN beads or more with two or three
 * sentences on a side, they are RESTRUCTURED_SHARE or more of its beads
 * with both sides, and at most RESTRUCTURED_MAX_ALONE of its beads have a
 * side empty (texts of which much has no counterpart, a report against a
 * transcript forced into parallel mode, are not a translation that
 * restructures): then a sentence split in two places in one language and
 * in three in the other is likely enough to try 2-3, 3-2 and 3-3. (On the
 * Text+Berg development article 36% of the beads with both sides are such,
 * and 11% of the beads have a side empty; of the Russian-English
 * development documents one in 600 qualifies.) */
#define RESTRUCTURED_MIN 8
#define RESTRUCTURED_SHARE 0.2
#define RESTRUCTURED_MAX_ALONE 0.25

/* One long sentence against many: where the other side splits what one
 * side gives as one sentence (a review typed without full stops, a list
 * run into one sentence), a bead joins it to up to MAX_SIDE sentences, so
 * that they are not left unaligned. Such a bead is tried only where its
 * single sentence has LONG_MIN_CHARS characters or more and the lengths
 * fit (Gale and Church's delta at most LONG_MAX_DELTA): ordinary
 * translations never reach it, and the DP stays as fast. A long sentence's
 * pairs reach as far as its long beads may (band_build()). */
#define MAX_SIDE 8
#define LONG_MIN_SIDE 4
#define LONG_MIN_CHARS 200
#define LONG_MAX_DELTA 2.5
/* The DP keeps the score rows of the last SCORE_ROWS prefixes (a power of
 * 2, more than MAX_SIDE). */
#define SCORE_ROWS 16
G_STATIC_ASSERT (SCORE_ROWS > MAX_SIDE);

struct _SverkaAlignment {
  SverkaMode mode;
  char *reason;
  SverkaVerdict verdict;
  char *verdict_reason;
  SverkaVerdictEvidence verdict_evidence;
  SverkaDocCalibration calibration; /* parallel mode */
  GArray *beads; /* SverkaBead; ru and en point into ids */
  GArray *ids;   /* guint storage, fixed up at the end */
  GArray *spans; /* per bead: first ru id, first en id offsets into ids */
  GArray *evidence; /* SverkaRowEvidence of the beads of parallel mode */
  SverkaLanguage report;  /* comparable mode: the report's language */
  GArray *candidates;     /* SverkaCandidate, by report sentence */
  GArray *cand_first;     /* guint per report sentence + 1: its first candidate */
  GArray *matches;        /* SverkaMatch of comparable mode's links */
  GArray *match_links;    /* MatchLink, by (ru, en) */
  /* The scorer the alignment was made with (owned), and what it was made
   * from: the notes of the same documents use it instead of a second one
   * (sverka_alignment_get_scorer()). */
  SverkaScorer *scorer;
  const SverkaLexicon *scorer_lex;
  const SverkaDocument *scorer_ru, *scorer_en;
  guint scorer_n_ru, scorer_n_en;
};

/* Keeps @sc (transfer full), made from @lex, @ru and @en, in @al. */
static void
keep_scorer (SverkaAlignment *al, SverkaScorer *sc, const SverkaLexicon *lex,
             SverkaDocument *ru, SverkaDocument *en)
{
  al->scorer = sc;
  al->scorer_lex = lex;
  al->scorer_ru = ru;
  al->scorer_en = en;
  al->scorer_n_ru = sverka_document_get_n_sentences (ru);
  al->scorer_n_en = sverka_document_get_n_sentences (en);
}

SverkaScorer *
sverka_alignment_get_scorer (SverkaAlignment *al, const SverkaLexicon *lex, SverkaDocument *ru,
                             SverkaDocument *en)
{
  if (al->scorer == NULL || al->scorer_lex != lex || al->scorer_ru != ru || al->scorer_en != en
      || al->scorer_n_ru != sverka_document_get_n_sentences (ru)
      || al->scorer_n_en != sverka_document_get_n_sentences (en))
    return NULL;
  return al->scorer;
}

typedef struct {
  guint ru, en, first, n; /* the link's matches: matches[first .. first + n) */
} MatchLink;

typedef struct {
  guint ru_off, n_ru, en_off, n_en;
  double score;
  guint evidence; /* index into evidence, or G_MAXUINT */
  guint flags;    /* SverkaBeadFlags */
  guint block;    /* SverkaBead.moved_block */
} BeadSpan;

const char *
sverka_mode_to_string (SverkaMode mode)
{
  switch (mode) {
  case SVERKA_MODE_PARALLEL:
    return "parallel";
  case SVERKA_MODE_COMPARABLE:
    return "comparable";
  case SVERKA_MODE_AUTO:
  default:
    return "auto";
  }
}

gboolean
sverka_mode_from_string (const char *s, SverkaMode *out)
{
  if (g_strcmp0 (s, "auto") == 0)
    *out = SVERKA_MODE_AUTO;
  else if (g_strcmp0 (s, "parallel") == 0)
    *out = SVERKA_MODE_PARALLEL;
  else if (g_strcmp0 (s, "comparable") == 0)
    *out = SVERKA_MODE_COMPARABLE;
  else
    return FALSE;
  return TRUE;
}

void
sverka_align_options_init (SverkaAlignOptions *options)
{
  memset (options, 0, sizeof *options);
}

void
sverka_alignment_add_bead (SverkaAlignment *al, const guint *ru, guint n_ru, const guint *en,
                           guint n_en, double score)
{
  sverka_alignment_add_bead_flags (al, ru, n_ru, en, n_en, score, 0);
}

void
sverka_alignment_add_bead_flags (SverkaAlignment *al, const guint *ru, guint n_ru, const guint *en,
                                 guint n_en, double score, guint flags)
{
  BeadSpan span = { al->ids->len, n_ru, 0, n_en, CLAMP (score, 0.0, 1.0), G_MAXUINT, flags, 0 };
  g_array_append_vals (al->ids, ru, n_ru);
  span.en_off = al->ids->len;
  g_array_append_vals (al->ids, en, n_en);
  g_array_append_val (al->spans, span);
}

static void
add_range_bead (SverkaAlignment *al, guint r0, guint n_ru, guint e0, guint n_en, double score,
                guint flags)
{
  guint ru[MAX_SIDE], en[MAX_SIDE];
  for (guint k = 0; k < n_ru; k++)
    ru[k] = r0 + k;
  for (guint k = 0; k < n_en; k++)
    en[k] = e0 + k;
  sverka_alignment_add_bead_flags (al, ru, n_ru, en, n_en, score, flags);
}

static double
pair_sim (SverkaScorer *sc, guint r, guint e, const SverkaPair *p)
{
  double w = g_array_index (sc->ru.sents, SverkaSentFeatures, r).weight
             + g_array_index (sc->en.sents, SverkaSentFeatures, e).weight;
  return w > 0 ? (p->mr + p->me) / w : 0.0;
}

/* ---------------------------------------------------------------------- */
/* Anchors                                                                 */

typedef struct {
  guint r, e;
  double sim;
} Anchor;

/* Confident matches: per Russian sentence, the best candidate if it is good
 * and clearly ahead of the second. Candidates are looked for within
 * ANCHOR_WINDOW of the document around the diagonal, so that a sentence
 * repeated far away (a refrain, a text given twice) cannot pull the path
 * there; the count ratio of comparable texts is judged without this.
 * @ev, if not NULL, is told each Russian sentence's best similarity (of
 * those with words of weight), for the verdict. */
static GArray *
find_anchors (SverkaScorer *sc, gboolean windowed, SverkaVerdictEvidence *ev)
{
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  guint n = sc->ru.sents->len, m = sc->en.sents->len;
  guint half = MAX (50u, (guint) (ANCHOR_WINDOW * m));

  for (guint r = 0; r < n; r++) {
    guint centre = (guint) ((r + 0.5) * m / MAX (n, 1u));
    guint lo = windowed && centre > half ? centre - half : 0;
    guint hi = windowed ? MIN (m, centre + half) : m;
    g_autoptr (GArray) cands = sverka_scorer_candidates (sc, r, 8, lo, hi);
    double best = 0, second = 0;
    guint best_e = 0;
    sverka_scorer_mark (sc, r);
    for (guint c = 0; c < cands->len; c++) {
      guint e = g_array_index (cands, guint, c);
      SverkaPair p;
      double s;
      sverka_scorer_pair (sc, r, e, &p);
      s = pair_sim (sc, r, e, &p);
      if (s > best) {
        second = best;
        best = s;
        best_e = e;
      } else if (s > second) {
        second = s;
      }
    }
    if (best >= ANCHOR_MIN_SIM && second < ANCHOR_MARGIN * best) {
      Anchor a = { r, best_e, best };
      g_array_append_val (anchors, a);
    }
    /* For the verdict: the best similarity, also with the English
     * sentences at the same place when no candidate matched (the words of
     * short repeated sentences, "Нажмите «Настройки»." / "Tap Settings.",
     * are too common to propose candidates). A sentence of stop words only
     * ("Thank you.") says nothing either way. */
    if (ev != NULL && sverka_side_sentence (&sc->ru, r)->weight > 0) {
      for (guint e = centre > VERDICT_REACH ? centre - VERDICT_REACH : 0;
           best < SVERKA_VERDICT_MATCH_SIM && e < MIN (m, centre + VERDICT_REACH + 1); e++) {
        SverkaPair p;
        sverka_scorer_pair (sc, r, e, &p);
        best = MAX (best, pair_sim (sc, r, e, &p));
      }
      sverka_verdict_evidence_add_best (ev, best);
    }
  }
  return anchors;
}

/* The longest chain of anchors increasing in both languages (patience
 * sorting, O(k log k)). */
static GArray *
chain_anchors (GArray *anchors)
{
  guint k = anchors->len;
  g_autofree guint *tails = g_new (guint, k + 1); /* index of anchor ending a chain of length l */
  g_autofree gint *prev = g_new (gint, k + 1);
  guint len = 0;
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (Anchor));

  for (guint i = 0; i < k; i++) {
    guint e = g_array_index (anchors, Anchor, i).e;
    guint lo = 0, hi = len;
    while (lo < hi) {
      guint mid = (lo + hi) / 2;
      if (g_array_index (anchors, Anchor, tails[mid]).e < e)
        lo = mid + 1;
      else
        hi = mid;
    }
    prev[i] = lo > 0 ? (gint) tails[lo - 1] : -1;
    tails[lo] = i;
    if (lo == len)
      len++;
  }
  if (len == 0)
    return chain;
  g_array_set_size (chain, len);
  for (gint i = (gint) tails[len - 1], pos = (gint) len - 1; i >= 0; i = prev[i], pos--)
    g_array_index (chain, Anchor, pos) = g_array_index (anchors, Anchor, i);
  return chain;
}

/* ---------------------------------------------------------------------- */
/* Parallel mode                                                           */

/* The masks of one pair of sentences with evidence (see SverkaPair), and
 * its similarity (pair_sim()). */
typedef struct {
  guint64 ru, en;
  double sim;
} BandMasks;

typedef struct Band {
  SverkaScorer *sc;
  guint n, m;
  guint *lo, *hi;  /* band of English prefix lengths per Russian prefix length */
  guint *wlo;      /* per Russian sentence: first English sentence with pair values */
  guint *wlen;
  /* The pair evidence over the windows, kept sparse (about two pairs in
   * three share nothing): a bit per pair of a window, in 64-bit words from
   * word woff[r] for Russian sentence r; per word, how many pairs with
   * evidence come before it; and the masks of those pairs, in order. */
  gsize *woff;
  guint64 *wbits;
  guint *wrank;
  BandMasks *masks;
  /* Per long English sentence, the pairs a long bead needs past the
   * windows: Russian sentences [clo, clo + clen), at coff in cmask_*. */
  guint *clo, *clen;
  gsize *coff;
  guint64 *cmask_ru, *cmask_en;
  gsize n_words;   /* of wbits and wrank, less one */
  gsize n_cpairs;  /* of cmask_ru and cmask_en, less one */
  /* A band of shape only (no values, for the rows' evidence; NULL for a
   * band with its values) reads the pairs that @pairs holds from it, and
   * computes the others. Not owned. */
  const struct Band *pairs;
  float *best_ru;  /* per sentence, its best pair similarity in the band */
  float *best_en;
  /* Per sentence, the most its term BETA * (f - SIGMA0) can be in any bead
   * of the band (0 for a sentence of no weight, which has no term). */
  double *most_ru;
  double *most_en;
  double ratio;    /* English characters per Russian character */
  double log_prior[N_BEAD_TYPES]; /* ln of each bead type's prior */
  /* the beads of two sentences or more on both sides (2-3, 3-2, 3-3) are
   * tried: the translation restructures its sentences (restructured()) */
  gboolean many;
  double log_floor;               /* ln of the floor of the length probability */
  /* Characters of the first k sentences (n + 1 and m + 1 of them), and per
   * sentence whether it is long enough for a long bead (not owned). */
  const double *cum_ru, *cum_en;
  const gboolean *long_ru, *long_en;
} Band;

static void
band_clear (Band *band)
{
  g_clear_pointer (&band->lo, g_free);
  g_clear_pointer (&band->hi, g_free);
  g_clear_pointer (&band->wlo, g_free);
  g_clear_pointer (&band->wlen, g_free);
  g_clear_pointer (&band->woff, g_free);
  g_clear_pointer (&band->wbits, g_free);
  g_clear_pointer (&band->wrank, g_free);
  g_clear_pointer (&band->masks, g_free);
  g_clear_pointer (&band->clo, g_free);
  g_clear_pointer (&band->clen, g_free);
  g_clear_pointer (&band->coff, g_free);
  g_clear_pointer (&band->cmask_ru, g_free);
  g_clear_pointer (&band->cmask_en, g_free);
  g_clear_pointer (&band->best_ru, g_free);
  g_clear_pointer (&band->best_en, g_free);
  g_clear_pointer (&band->most_ru, g_free);
  g_clear_pointer (&band->most_en, g_free);
}

/* The most a sentence of weight @weight can add to a bead's sum of BETA *
 * (f - SIGMA0), whose matched weight is at most @most (the weight of the
 * union of its matched units with every sentence it may be paired with): a
 * subset of the units weighs no more than the whole, in floating point too
 * (weights are positive and summed in the same order), and the term grows
 * with the matched weight. */
static double
most_term (float weight, double most)
{
  return weight > 0 ? BETA * (most / weight - SIGMA0) : 0.0;
}

/* The shape of a band of half-width @width around the line through the
 * anchors of @chain: its rows' bounds and the pairs whose values it holds,
 * without the values (band_fill()). */
static void
band_shape (Band *band, GArray *chain, guint width)
{
  guint n = band->n, m = band->m;
  guint seg = 0;
  gsize total = 0;

  band->lo = g_new (guint, n + 1);
  band->hi = g_new (guint, n + 1);
  for (guint i = 0; i <= n; i++) {
    /* Interpolate the centre between the anchors around row i; (0,0) and
     * (n,m) close the path. Anchor (r,e) stands at the point (r+0.5, e+0.5). */
    double x0 = 0, y0 = 0, x1 = n, y1 = m, c;
    while (seg < chain->len && g_array_index (chain, Anchor, seg).r + 0.5 < i)
      seg++;
    if (seg > 0) {
      const Anchor *a = &g_array_index (chain, Anchor, seg - 1);
      x0 = a->r + 0.5;
      y0 = a->e + 0.5;
    }
    if (seg < chain->len) {
      const Anchor *a = &g_array_index (chain, Anchor, seg);
      x1 = a->r + 0.5;
      y1 = a->e + 0.5;
    }
    c = x1 > x0 ? y0 + (y1 - y0) * (i - x0) / (x1 - x0) : y0;
    band->lo[i] = c - width > 0 ? (guint) (c - width) : 0;
    band->hi[i] = (guint) MIN ((double) m, ceil (c + width));
  }
  band->lo[0] = 0;
  band->hi[n] = m;
  for (guint i = 1; i <= n; i++)
    band->hi[i] = MAX (band->hi[i], band->hi[i - 1]);
  for (guint i = n; i-- > 0;)
    band->lo[i] = MIN (band->lo[i], band->lo[i + 1]);
  for (guint i = 0; i <= n; i++)
    band->lo[i] = MIN (band->lo[i], band->hi[i]);
  /* Every row must touch the next, or no path crosses a steep stretch. */
  for (guint i = n; i > 0; i--)
    band->hi[i - 1] = MAX (band->hi[i - 1], band->lo[i] > 0 ? band->lo[i] - 1 : 0);

  /* Pair values: Russian sentence r takes part in beads ending in rows r+1
   * to r+3, whose English sentences lie in [lo(r+1) - 3, hi(r+3)); a long
   * one also in 1-n beads ending in row r+1, reaching back to
   * lo(r+1) - MAX_SIDE. */
  band->wlo = g_new (guint, MAX (n, 1));
  band->wlen = g_new (guint, MAX (n, 1));
  band->woff = g_new (gsize, MAX (n, 1));
  for (guint r = 0; r < n; r++) {
    guint back = band->long_ru[r] ? MAX_SIDE : 3;
    guint a = band->lo[r + 1] >= back ? band->lo[r + 1] - back : 0;
    guint b = band->hi[MIN (r + 3, n)];
    b = MIN (b, m);
    band->wlo[r] = a;
    band->wlen[r] = b > a ? b - a : 0;
    band->woff[r] = total;
    total += (band->wlen[r] + 63) / 64;
  }
  band->n_words = total;
  /* A long English sentence e ending an n-1 bead in row i (lo(i) <= e + 1
   * <= hi(i)) pairs with Russian sentences from i - MAX_SIDE, whose windows
   * may end before e: their pairs with it are kept apart, for the Russian
   * sentences from the first such row - MAX_SIDE to the last such row. The
   * rows form one run, as lo and hi grow with i. */
  band->clo = g_new0 (guint, m + 1);
  band->clen = g_new0 (guint, m + 1);
  band->coff = g_new0 (gsize, m + 1);
  total = 0;
  {
    guint first = 0, last = 0;
    for (guint e = 0; e < m; e++) {
      if (!band->long_en[e])
        continue;
      while (first <= n && band->hi[first] < e + 1)
        first++;
      while (last + 1 <= n && band->lo[last + 1] <= e + 1)
        last++;
      if (first > n || last < first || last == 0)
        continue;
      band->clo[e] = first > MAX_SIDE ? first - MAX_SIDE : 0;
      band->clen[e] = last - band->clo[e];
      band->coff[e] = total;
      total += band->clen[e];
    }
  }
  band->n_cpairs = total;
}

/* Does the pair of Russian sentence @r and English sentence @e lie in the
 * window of @r? */
static G_ALWAYS_INLINE inline gboolean
in_window (const Band *band, guint r, guint e)
{
  return e >= band->wlo[r] && e < band->wlo[r] + band->wlen[r];
}

/* Is the pair of @r and long English sentence @e one of those @band keeps
 * past the windows (cmask_ru, cmask_en)? */
static G_ALWAYS_INLINE inline gboolean
in_long_pairs (const Band *band, guint r, guint e)
{
  return band->long_en[e] && r >= band->clo[e] && r < band->clo[e] + band->clen[e];
}

/* The values of the pairs of @band's shape: their masks, and each
 * sentence's best similarity and most term in the band. */
static void
band_fill (Band *band)
{
  guint n = band->n, m = band->m;
  g_autofree guint64 *union_en = NULL;
  g_autofree SverkaPair *window = NULL; /* a row's pairs in its window */
  guint max_wlen = 0;
  GArray *masks = g_array_new (FALSE, FALSE, sizeof (BandMasks));

  band->wbits = g_new0 (guint64, band->n_words + 1);
  band->wrank = g_new0 (guint, band->n_words + 1);
  band->cmask_ru = g_new0 (guint64, band->n_cpairs + 1);
  band->cmask_en = g_new0 (guint64, band->n_cpairs + 1);
  band->best_ru = g_new0 (float, n + 1);
  band->best_en = g_new0 (float, m + 1);
  band->most_ru = g_new (double, n + 1);
  band->most_en = g_new (double, m + 1);
  union_en = g_new0 (guint64, m + 1);
  for (guint r = 0; r < n; r++)
    max_wlen = MAX (max_wlen, band->wlen[r]);
  window = g_new (SverkaPair, max_wlen + 1);
  for (guint r = 0; r < n; r++) {
    guint64 union_ru = 0;
    sverka_scorer_mark (band->sc, r);
    sverka_scorer_window_pairs (band->sc, r, band->wlo[r], band->wlen[r], window);
    for (guint k = 0; k < band->wlen[r]; k++) {
      const SverkaPair p = window[k];
      guint e = band->wlo[r] + k;
      double sim;
      sim = pair_sim (band->sc, r, e, &p);
      if (k % 64 == 0)
        band->wrank[band->woff[r] + k / 64] = masks->len;
      if ((p.mask | p.mask_en) != 0) {
        BandMasks bm = { p.mask, p.mask_en, sim };
        band->wbits[band->woff[r] + k / 64] |= G_GUINT64_CONSTANT (1) << (k % 64);
        g_array_append_val (masks, bm);
      }
      union_ru |= p.mask;
      union_en[e] |= p.mask_en;
      band->best_ru[r] = MAX (band->best_ru[r], (float) sim);
      band->best_en[e] = MAX (band->best_en[e], (float) sim);
    }
    /* Its pairs with the long English sentences past its window. */
    for (guint e = band->wlo[r] + band->wlen[r]; e < band->hi[MIN (r + MAX_SIDE, n)]; e++) {
      SverkaPair p;
      gsize at;
      if (!in_long_pairs (band, r, e))
        continue;
      sverka_scorer_pair (band->sc, r, e, &p);
      at = band->coff[e] + (r - band->clo[e]);
      band->cmask_ru[at] = p.mask;
      band->cmask_en[at] = p.mask_en;
      union_ru |= p.mask;
      union_en[e] |= p.mask_en;
    }
    band->most_ru[r] = most_term (sverka_side_sentence (&band->sc->ru, r)->weight,
                                  union_ru != 0 ? sverka_scorer_mask_weight (band->sc, r, union_ru)
                                                : 0.0);
  }
  for (guint e = 0; e < m; e++)
    band->most_en[e] = most_term (sverka_side_sentence (&band->sc->en, e)->weight,
                                  union_en[e] != 0
                                      ? sverka_scorer_mask_weight_en (band->sc, e, union_en[e])
                                      : 0.0);
  band->masks = (BandMasks *) (void *) g_array_free (masks, FALSE);
}

static void
band_build (Band *band, GArray *chain, guint width)
{
  band_shape (band, chain, width);
  band_fill (band);
}

/* Does the pair of Russian sentence @r and English sentence @e lie in
 * @band's windows? If so, *@bm is its values, or NULL for a pair with no
 * evidence. */
static G_ALWAYS_INLINE inline gboolean
band_window_values (const Band *band, guint r, guint e, const BandMasks **bm)
{
  guint k;
  gsize w;
  guint64 below;

  if (!in_window (band, r, e))
    return FALSE;
  k = e - band->wlo[r];
  w = band->woff[r] + k / 64;
  below = (G_GUINT64_CONSTANT (1) << (k % 64)) - 1;
  *bm = band->wbits[w] & (below + 1)
            ? &band->masks[band->wrank[w] + (guint) __builtin_popcountll (band->wbits[w] & below)]
            : NULL;
  return TRUE;
}

static G_ALWAYS_INLINE inline void
band_pair (const Band *band, guint r, guint e, guint64 *mask_ru, guint64 *mask_en)
{
  const BandMasks *bm;

  if (band_window_values (band, r, e, &bm)) {
    *mask_ru = bm != NULL ? bm->ru : 0;
    *mask_en = bm != NULL ? bm->en : 0;
  } else if (in_long_pairs (band, r, e)) {
    *mask_ru = band->cmask_ru[band->coff[e] + (r - band->clo[e])];
    *mask_en = band->cmask_en[band->coff[e] + (r - band->clo[e])];
  } else {
    *mask_ru = *mask_en = 0;
  }
}

/* Does @band's shape hold the pair of Russian sentence @r and English
 * sentence @e (see band_pair())? */
static gboolean
band_holds (const Band *band, guint r, guint e)
{
  return in_window (band, r, e) || in_long_pairs (band, r, e);
}

/* The masks of @r and @e computed, as the band computes them. */
static void
computed_pair (SverkaScorer *sc, guint r, guint e, guint64 *mask_ru, guint64 *mask_en)
{
  SverkaPair p;

  sverka_scorer_mark (sc, r);
  sverka_scorer_pair (sc, r, e, &p);
  *mask_ru = p.mask;
  *mask_en = p.mask_en;
}

/* The masks of @r and @e as @band gives them, for the rows' evidence: its
 * own values; or, for a band of shape only, 0 outside its shape, and
 * inside it the values of the band it reads where that one holds them,
 * computed where not. */
static void
shape_pair (const Band *band, guint r, guint e, guint64 *mask_ru, guint64 *mask_en)
{
  if (band->pairs == NULL)
    band_pair (band, r, e, mask_ru, mask_en);
  else if (!band_holds (band, r, e))
    *mask_ru = *mask_en = 0;
  else if (band_holds (band->pairs, r, e))
    band_pair (band->pairs, r, e, mask_ru, mask_en);
  else
    computed_pair (band->sc, r, e, mask_ru, mask_en);
}

/* Where the masks of a pair come from: the band's values (the DP, where
 * the call is inlined with the constant), computed (the evidence of a
 * moved bead, whose sentences lie outside the band, or of the units of a
 * bilingual file), or as shape_pair() gives them (the rows' evidence). */
typedef enum {
  PAIRS_BAND,
  PAIRS_COMPUTED,
  PAIRS_EVIDENCE,
} PairSource;

/* The masks of Russian sentence @r and English sentence @e, from @src. */
static G_ALWAYS_INLINE inline void
row_pair (const Band *band, PairSource src, guint r, guint e, guint64 *mask_ru, guint64 *mask_en)
{
  if (src == PAIRS_BAND)
    band_pair (band, r, e, mask_ru, mask_en);
  else if (src == PAIRS_COMPUTED)
    computed_pair (band->sc, r, e, mask_ru, mask_en);
  else
    shape_pair (band, r, e, mask_ru, mask_en);
}

/* The sum over the sentences of the bead of Russian sentences [r0, r0+a)
 * and English [e0, e0+b) (both non-empty) of BETA * (f - SIGMA0), f being
 * the share of the sentence's weight that the other side matches; its
 * similarity if @sim is not NULL, and its lengths in characters. */
static G_ALWAYS_INLINE inline double
bead_explained_of (const Band *band, PairSource src, guint r0, guint a, guint e0, guint b,
                   double *sim, double *l1_out, double *l2_out)
{
  SverkaScorer *sc = band->sc;
  double wr = 0, we = 0, mr = 0, me = 0, l1 = 0, l2 = 0, sum = 0;
  guint64 en_masks[MAX_SIDE];

  for (guint y = 0; y < b; y++)
    en_masks[y] = 0;
  for (guint x = 0; x < a; x++) {
    const SverkaSentFeatures *f = &g_array_index (sc->ru.sents, SverkaSentFeatures, r0 + x);
    guint64 ru_mask = 0;
    double mr_r;
    wr += f->weight;
    l1 += f->n_chars;
    for (guint y = 0; y < b; y++) {
      guint64 m_ru, m_en;
      row_pair (band, src, r0 + x, e0 + y, &m_ru, &m_en);
      ru_mask |= m_ru;
      en_masks[y] |= m_en;
    }
    mr_r = ru_mask != 0 ? sverka_scorer_mask_weight (sc, r0 + x, ru_mask) : 0.0;
    mr += mr_r;
    if (f->weight > 0)
      sum += BETA * (mr_r / f->weight - SIGMA0);
  }
  for (guint y = 0; y < b; y++) {
    const SverkaSentFeatures *f = &g_array_index (sc->en.sents, SverkaSentFeatures, e0 + y);
    double me_e = en_masks[y] != 0 ? sverka_scorer_mask_weight_en (sc, e0 + y, en_masks[y]) : 0.0;
    we += f->weight;
    l2 += f->n_chars;
    me += me_e;
    if (f->weight > 0)
      sum += BETA * (me_e / f->weight - SIGMA0);
  }
  if (sim != NULL)
    *sim = wr + we > 0 ? (mr + me) / (wr + we) : 0.0;
  *l1_out = l1;
  *l2_out = l2;
  return sum;
}

/* The same from the band's pair values. */
static G_ALWAYS_INLINE inline double
bead_explained (const Band *band, guint r0, guint a, guint e0, guint b, double *sim, double *l1_out,
                double *l2_out)
{
  return bead_explained_of (band, PAIRS_BAND, r0, a, e0, b, sim, l1_out, l2_out);
}

/* The length log-probability of a bead of @l1 Russian and @l2 English
 * characters. */
static double
length_logprob (const Band *band, double l1, double l2)
{
  double delta = (l2 - l1 * band->ratio) / sqrt (MAX (l1, 1.0) * LENGTH_VARIANCE);
  double z = fabs (delta) / G_SQRT2;
  double p;

  /* erfc falls below the floor at z = 3.12; past 3.5 the floor is certain
   * and erfc need not be called. */
  if (z > 3.5)
    return band->log_floor;
  p = erfc (z); /* once: MAX() names it twice */
  return log (MAX (p, LENGTH_FLOOR));
}

/* The evidence of the bead of Russian sentences [r0, r0+a) and English
 * [e0, e0+b), both non-empty: the similarity of the whole bead, the length
 * log-probability, and the sum over its sentences of BETA * (f - SIGMA0),
 * f being the share of the sentence's weight that the other side matches.
 * Scoring each sentence, not only the bead, keeps a sentence with no
 * counterpart from hiding in a larger bead. */
static void
bead_evidence (const Band *band, PairSource src, guint r0, guint a, guint e0, guint b,
               double *sim, double *len_lp, double *explained)
{
  double l1, l2;
  *explained = bead_explained_of (band, src, r0, a, e0, b, sim, &l1, &l2);
  *len_lp = length_logprob (band, l1, l2);
}

/* Can a candidate of type @t scoring at most @bound win over the best so far
 * (@best, of type @best_t; 255 for none)? The first type in bead_types
 * order wins a tie. */
static inline gboolean
may_win (double bound, guint t, double best, guint best_t)
{
  return best_t == 255 || bound > best || (bound == best && t < best_t);
}

/* The candidate bead of type @t (both sides non-empty) ending at (@i, @j)
 * after a path scoring @prev: its score prev + ln prior + GAMMA * ln
 * P(length) + the sum over its sentences of BETA * (f - SIGMA0), if it may
 * win over (@best, @best_t). Two bounds spare the work of most losers, and
 * neither changes which one wins: the sentences' terms are at most their
 * most in the band (most_ru, most_en), and ln P(length) is at most 0.
 * Floating-point addition is monotone, so each bound, summed in the order
 * of the score, is no less than the score. Each size gets its own copy of
 * bead_explained() with constants, so that its loops unroll. Returns FALSE
 * if the candidate cannot win. */
static G_ALWAYS_INLINE inline gboolean
bead_candidate (const Band *band, guint i, guint j, guint t, double prev, double best,
                guint best_t, double *score)
{
  const BeadType *bt = &bead_types[t];
  double most = 0, explained, l1, l2;

  for (guint x = i - bt->a; x < i; x++)
    most += band->most_ru[x];
  for (guint y = j - bt->b; y < j; y++)
    most += band->most_en[y];
  if (!may_win (prev + (band->log_prior[t] + most), t, best, best_t))
    return FALSE;
  switch (bt->a * 16 + bt->b) {
#define EXPLAINED(A, B)                                                                           \
  case (A) * 16 + (B):                                                                            \
    explained = bead_explained (band, i - (A), (A), j - (B), (B), NULL, &l1, &l2);               \
    break
    EXPLAINED (1, 1);
    EXPLAINED (2, 1);
    EXPLAINED (1, 2);
    EXPLAINED (2, 2);
    EXPLAINED (3, 1);
    EXPLAINED (1, 3);
    EXPLAINED (2, 3);
    EXPLAINED (3, 2);
    EXPLAINED (3, 3);
#undef EXPLAINED
  default:
    explained = bead_explained (band, i - bt->a, bt->a, j - bt->b, bt->b, NULL, &l1, &l2);
    break;
  }
  if (!may_win (prev + (band->log_prior[t] + explained), t, best, best_t))
    return FALSE;
  *score = prev + (band->log_prior[t] + GAMMA * length_logprob (band, l1, l2) + explained);
  return TRUE;
}

/* Whether a long bead of type @bt may end at (@i, @j): its single sentence
 * is long and the lengths fit. */
static inline gboolean
long_bead_fits (const Band *band, guint i, guint j, const BeadType *bt)
{
  double l1 = band->cum_ru[i] - band->cum_ru[i - bt->a];
  double l2 = band->cum_en[j] - band->cum_en[j - bt->b];
  double d = l2 - l1 * band->ratio;

  if (bt->a == 1 ? !band->long_ru[i - 1] : !band->long_en[j - 1])
    return FALSE;
  return d * d <= LONG_MAX_DELTA * LONG_MAX_DELTA * MAX (l1, 1.0) * LENGTH_VARIANCE;
}

/* Runs the DP in the band; fills @path with bead type indices from the end.
 * Returns TRUE if the best path touches the edge of the band where it could
 * have gone further. */
static gboolean
band_dp (const Band *band, GArray *path)
{
  guint n = band->n, m = band->m;
  g_autofree gsize *row_off = g_new (gsize, n + 2);
  g_autofree guint8 *back = NULL;
  double *score[SCORE_ROWS];
  guint max_w = 0;
  gsize cells = 0;
  gboolean touched = FALSE;
  guint8 order[N_BEAD_TYPES];
  guint n_short, n_all;

  for (guint i = 0; i <= n; i++) {
    row_off[i] = cells;
    cells += band->hi[i] - band->lo[i] + 1;
    max_w = MAX (max_w, band->hi[i] - band->lo[i] + 1);
  }
  back = g_new (guint8, cells);
  for (guint k = 0; k < SCORE_ROWS; k++)
    score[k] = g_new (double, max_w);

  /* The types in the order tried: the skips first, as they cost nothing
   * and the best of them lets the bounds of bead_candidate() spare the
   * others; then the short types (2-3, 3-2 and 3-3 only with many); the
   * long ones last, only where a long sentence ends at the cell. */
  {
    guint k = 0;
    order[k++] = 1;
    order[k++] = 2;
    order[k++] = 0;
    for (guint t = 3; t < N_SHORT_TYPES; t++)
      if (band->many || t < FIRST_MANY)
        order[k++] = (guint8) t;
    n_short = k;
    for (guint t = N_SHORT_TYPES; t < N_BEAD_TYPES; t++)
      order[k++] = (guint8) t;
    n_all = k;
  }
  for (guint i = 0; i <= n; i++) {
    double *row = score[i % SCORE_ROWS];
    gboolean long_row = i > 0 && band->long_ru[i - 1];
    for (guint j = band->lo[i]; j <= band->hi[i]; j++) {
      double best = -G_MAXDOUBLE;
      guint8 best_t = 255;
      guint n_types = long_row || (j > 0 && band->long_en[j - 1]) ? n_all : n_short;
      if (i == 0 && j == 0) {
        best = 0;
      }
      for (guint k = 0; k < n_types; k++) {
        guint t = order[k];
        const BeadType *bt = &bead_types[t];
        guint pi, pj;
        double prev, s;
        if (bt->a > i || bt->b > j)
          continue;
        pi = i - bt->a;
        pj = j - bt->b;
        if (pj < band->lo[pi] || pj > band->hi[pi])
          continue;
        if (back[row_off[pi] + pj - band->lo[pi]] == 255 && !(pi == 0 && pj == 0))
          continue;
        if (t >= N_SHORT_TYPES && !long_bead_fits (band, i, j, bt))
          continue;
        prev = score[pi % SCORE_ROWS][pj - band->lo[pi]];
        if (bt->a == 0 || bt->b == 0)
          s = prev + (band->log_prior[t] - BETA * SKIP_SIGMA * (bt->a + bt->b));
        else if (!bead_candidate (band, i, j, t, prev, best, best_t, &s))
          continue;
        if (best_t == 255 ? s > best : s > best || (s == best && t < best_t)) {
          best = s;
          best_t = (guint8) t;
        }
      }
      row[j - band->lo[i]] = best;
      back[row_off[i] + j - band->lo[i]] = best_t;
    }
  }

  /* Trace back from (n, m). */
  g_array_set_size (path, 0);
  {
    guint i = n, j = m;
    while (i > 0 || j > 0) {
      guint8 t = back[row_off[i] + j - band->lo[i]];
      g_assert (t < N_BEAD_TYPES);
      g_array_append_val (path, t);
      if (i > 0 && i < n) {
        if ((j <= band->lo[i] + 1 && band->lo[i] > 0) || (j + 1 >= band->hi[i] && band->hi[i] < m))
          touched = TRUE;
      }
      i -= bead_types[t].a;
      j -= bead_types[t].b;
    }
  }
  for (guint k = 0; k < SCORE_ROWS; k++)
    g_free (score[k]);
  return touched;
}

/* ---------------------------------------------------------------------- */
/* The evidence of each row of the path, for its score                    */

/* The similarity of Russian sentence @r and English sentence @e, its pair
 * values taken from @src (see row_pair()). */
static double
band_pair_sim (const Band *band, PairSource src, guint r, guint e)
{
  SverkaScorer *sc = band->sc;
  guint64 m_ru, m_en;
  double w;

  /* As band_fill() found it, where the band that holds the values has the
   * pair in a window. */
  if (src != PAIRS_COMPUTED) {
    const Band *values = band->pairs != NULL ? band->pairs : band;
    const BandMasks *bm;
    if (band->pairs != NULL && !band_holds (band, r, e))
      return 0.0;
    if (band_window_values (values, r, e, &bm))
      return bm != NULL ? bm->sim : 0.0;
  }
  row_pair (band, src, r, e, &m_ru, &m_en);
  if ((m_ru | m_en) == 0)
    return 0.0;
  w = sverka_side_sentence (&sc->ru, r)->weight + sverka_side_sentence (&sc->en, e)->weight;
  return w > 0 ? (sverka_scorer_mask_weight (sc, r, m_ru) + sverka_scorer_mask_weight_en (sc, e, m_en))
                     / w
               : 0.0;
}

/* The best similarity of sentence @s of one side (@ru: Russian) with the
 * sentences [@lo, @hi) of the other, leaving out [@skip_lo, @skip_hi). */
static double
best_near (const Band *band, PairSource src, gboolean ru, guint s, guint lo, guint hi,
           guint skip_lo, guint skip_hi)
{
  double best = 0;
  for (guint o = lo; o < hi; o++)
    if (o < skip_lo || o >= skip_hi)
      best = MAX (best, ru ? band_pair_sim (band, src, s, o) : band_pair_sim (band, src, o, s));
  return best;
}

/* The index in bead_types of the type @a-@b, or -1. */
static gint
bead_type_of (guint a, guint b)
{
  for (guint t = 0; t < N_BEAD_TYPES; t++)
    if (bead_types[t].a == a && bead_types[t].b == b)
      return (gint) t;
  return -1;
}

/* The DP's score of the bead of [r0, r0+a) and [e0, e0+b) (both
 * non-empty), or -G_MAXDOUBLE for a type it does not know. */
static double
dp_bead_score (const Band *band, PairSource src, guint r0, guint a, guint e0, guint b)
{
  gint t = bead_type_of (a, b);
  double sim, len_lp, explained;

  if (t < 0)
    return -G_MAXDOUBLE;
  bead_evidence (band, src, r0, a, e0, b, &sim, &len_lp, &explained);
  return band->log_prior[t] + GAMMA * len_lp + explained;
}

/* How much better the DP scores the bead (whose explained terms and length
 * log-probability are given) than the best way to do without one of its
 * sentences: a 1-1 bead against two sentences alone, a larger one against
 * the bead less its first or last sentence on a side of several, that
 * sentence alone. In nats. */
static double
dp_margin (const Band *band, PairSource src, guint r0, guint a, guint e0, guint b,
           double explained, double len_lp)
{
  double skip = band->log_prior[bead_type_of (1, 0)] - BETA * SKIP_SIGMA;
  double full = band->log_prior[bead_type_of (a, b)] + GAMMA * len_lp + explained;
  double alt = -G_MAXDOUBLE;

  if (a == 1 && b == 1)
    return full - 2 * skip;
  if (a > 1) {
    alt = MAX (alt, dp_bead_score (band, src, r0 + 1, a - 1, e0, b));
    alt = MAX (alt, dp_bead_score (band, src, r0, a - 1, e0, b));
  }
  if (b > 1) {
    alt = MAX (alt, dp_bead_score (band, src, r0, a, e0 + 1, b - 1));
    alt = MAX (alt, dp_bead_score (band, src, r0, a, e0, b - 1));
  }
  return alt > -G_MAXDOUBLE ? full - (alt + skip) : 0.0;
}

/* The evidence of the bead of Russian sentences [r0, r0+a) and English
 * [e0, e0+b), both non-empty (see SverkaRowEvidence), its pair values
 * taken from @src. */
static void
pair_evidence (const Band *band, PairSource src, guint r0, guint a, guint e0, guint b,
               SverkaRowEvidence *ev)
{
  SverkaScorer *sc = band->sc;
  double explained, min_share = G_MAXDOUBLE, margin = G_MAXDOUBLE;
  double l1 = 0, l2 = 0, split_l1 = 0, split_l2 = 0;
  guint r_lo = r0 > EVIDENCE_REACH ? r0 - EVIDENCE_REACH : 0;
  guint r_hi = MIN (band->n, r0 + a + EVIDENCE_REACH);
  guint e_lo = e0 > EVIDENCE_REACH ? e0 - EVIDENCE_REACH : 0;
  guint e_hi = MIN (band->m, e0 + b + EVIDENCE_REACH);

  ev->n_ru = a;
  ev->n_en = b;
  ev->split_share = 1.0;
  bead_evidence (band, src, r0, a, e0, b, &ev->sim, &ev->len_lp, &explained);
  for (guint side = 0; side < 2; side++) {
    gboolean ru = side == 0;
    guint n_this = ru ? a : b, n_that = ru ? b : a;
    for (guint x = 0; x < n_this; x++) {
      guint s = (ru ? r0 : e0) + x;
      const SverkaSentFeatures *f = sverka_side_sentence (ru ? &sc->ru : &sc->en, s);
      guint64 mask = 0;
      double inside = 0, share;
      ev->weight += f->weight;
      *(ru ? &l1 : &l2) += f->n_chars;
      if (f->weight <= 0) {
        ev->n_weightless++;
        continue;
      }
      for (guint y = 0; y < n_that; y++) {
        guint r = ru ? s : r0 + y, e = ru ? e0 + y : s;
        guint64 m_ru, m_en;
        row_pair (band, src, r, e, &m_ru, &m_en);
        mask |= ru ? m_ru : m_en;
        inside = MAX (inside, band_pair_sim (band, src, r, e));
      }
      share = mask == 0                ? 0.0
              : ru ? sverka_scorer_mask_weight (sc, s, mask) / f->weight
                   : sverka_scorer_mask_weight_en (sc, s, mask) / f->weight;
      min_share = MIN (min_share, share);
      margin = MIN (margin, inside - (ru ? best_near (band, src, TRUE, s, e_lo, e_hi, e0, e0 + b)
                                         : best_near (band, src, FALSE, s, r_lo, r_hi, r0,
                                                      r0 + a)));
      /* The sentence the bead could most likely do without: the least
       * matched of a side that has several. */
      if (n_this > 1 && share < ev->split_share) {
        ev->split_share = share;
        split_l1 = ru ? f->n_chars : 0;
        split_l2 = ru ? 0 : f->n_chars;
      }
    }
  }
  ev->min_share = min_share == G_MAXDOUBLE ? 0.0 : min_share;
  ev->margin = margin == G_MAXDOUBLE ? 0.0 : margin;
  /* What its lengths would say without that sentence. */
  if (split_l1 + split_l2 > 0)
    ev->split_gain = length_logprob (band, l1 - split_l1, l2 - split_l2) - ev->len_lp;
  ev->dp_margin = dp_margin (band, src, r0, a, e0, b, explained, ev->len_lp);
}

/* The first row i of @bound (n + 1 of them, which never fall) with
 * bound[i] > @x, or n + 1. */
static guint
first_above (const guint *bound, guint n, guint x)
{
  guint a = 0, b = n + 1;
  while (a < b) {
    guint mid = a + (b - a) / 2;
    if (bound[mid] > x)
      b = mid;
    else
      a = mid + 1;
  }
  return a;
}

/* The best pair similarity in @band of sentence @s of one side (@ru:
 * Russian), as band_fill() finds it: over the pairs of the windows. */
static float
band_best (const Band *band, gboolean ru, guint s)
{
  float best = 0;

  if (band->best_ru != NULL)
    return ru ? band->best_ru[s] : band->best_en[s];
  if (ru) {
    for (guint e = band->wlo[s]; e < band->wlo[s] + band->wlen[s]; e++)
      best = MAX (best, (float) band_pair_sim (band, PAIRS_EVIDENCE, s, e));
    return best;
  }
  /* The windows holding English sentence @s: those of the Russian
   * sentences r with hi(r + 3) > s and lo(r + 1) - MAX_SIDE <= s. */
  {
    guint from = first_above (band->hi, band->n, s);
    guint to = first_above (band->lo, band->n, s + MAX_SIDE);
    from = from > 3 ? from - 3 : 0;
    for (guint r = from; r < band->n && r + 1 < to; r++)
      if (in_window (band, r, s))
        best = MAX (best, (float) band_pair_sim (band, PAIRS_EVIDENCE, r, s));
  }
  return best;
}

/* The evidence of Russian sentence @s alone (@ru), English sentences
 * before it up to @other; or of English sentence @s alone, Russian ones up
 * to @other. */
static void
alone_evidence (const Band *band, gboolean ru, guint s, guint other, SverkaRowEvidence *ev)
{
  const SverkaSide *side = ru ? &band->sc->ru : &band->sc->en;
  guint n_other = ru ? band->m : band->n;
  guint lo = other > EVIDENCE_REACH ? other - EVIDENCE_REACH : 0;
  guint hi = MIN (n_other, other + EVIDENCE_REACH);

  ev->n_ru = ru ? 1 : 0;
  ev->n_en = ru ? 0 : 1;
  ev->best_sim = band_best (band, ru, s);
  ev->near_sim = best_near (band, PAIRS_EVIDENCE, ru, s, lo, hi, 0, 0);
  ev->weight = sverka_side_sentence (side, s)->weight;
}

/* Scores the rows [@first, @first + @n) of @al, the path of parallel mode
 * or, @given, the units of a bilingual file, from their evidence: first what
 * the document as a whole says, then each row with its neighbours. */
static void
score_rows (SverkaAlignment *al, guint first, guint n, const SverkaScorer *sc, gboolean given)
{
  SverkaDocCalibration *doc = &al->calibration;
  double matched = 0, total = 0;
  guint gaps = 0;

  for (guint s = 0; s < sc->ru.sents->len; s++)
    total += sverka_side_sentence (&sc->ru, s)->weight;
  for (guint s = 0; s < sc->en.sents->len; s++)
    total += sverka_side_sentence (&sc->en, s)->weight;
  for (guint k = 0; k < n; k++) {
    const SverkaRowEvidence *ev = &g_array_index (al->evidence, SverkaRowEvidence, k);
    if (ev->n_ru == 0 || ev->n_en == 0)
      gaps++;
    else
      matched += ev->sim * ev->weight;
  }
  doc->verdict = al->verdict;
  doc->shorter = MIN (sc->ru.sents->len, sc->en.sents->len);
  doc->content_share = total > 0 ? matched / total : 0.0;
  doc->gap_share = n > 0 ? (double) gaps / n : 0.0;

  for (guint k = 0; k < n; k++) {
    SverkaRowEvidence *ev = &g_array_index (al->evidence, SverkaRowEvidence, k);
    double sum = 0;
    guint count = 0;
    for (guint o = k > 0 ? k - 1 : k + 1; o <= k + 1 && o < n; o += 2) {
      const SverkaRowEvidence *nb = &g_array_index (al->evidence, SverkaRowEvidence, o);
      gboolean gap = nb->n_ru == 0 || nb->n_en == 0;
      ev->next_to_gap |= gap;
      sum += gap ? 0.0 : nb->sim;
      count++;
    }
    ev->context = count > 0 ? sum / count : 0.0;
    g_array_index (al->spans, BeadSpan, first + k).score
        = CLAMP (given ? sverka_calibrate_given (ev, doc) : sverka_calibrate_row (ev, doc), 0.0,
                 1.0);
  }
}

/* The per-sentence arrays of @band (lengths, long sentences, the length
 * ratio, the priors), for the documents of @sc; band_fini() frees them. */
static void
band_init (Band *band, SverkaScorer *sc)
{
  guint n = sc->ru.sents->len, m = sc->en.sents->len;
  double *cum_ru = g_new (double, n + 1), *cum_en = g_new (double, m + 1);
  gboolean *long_ru = g_new (gboolean, n + 1), *long_en = g_new (gboolean, m + 1);

  cum_ru[0] = cum_en[0] = 0;
  for (guint r = 0; r < n; r++) {
    guint len = sverka_side_sentence (&sc->ru, r)->n_chars;
    cum_ru[r + 1] = cum_ru[r] + len;
    long_ru[r] = len >= LONG_MIN_CHARS;
  }
  for (guint e = 0; e < m; e++) {
    guint len = sverka_side_sentence (&sc->en, e)->n_chars;
    cum_en[e + 1] = cum_en[e] + len;
    long_en[e] = len >= LONG_MIN_CHARS;
  }
  long_ru[n] = long_en[m] = FALSE;
  *band = (Band) { .sc = sc, .n = n, .m = m };
  band->cum_ru = cum_ru;
  band->cum_en = cum_en;
  band->long_ru = long_ru;
  band->long_en = long_en;
  band->ratio = sc->ru.total_chars > 0 ? (double) sc->en.total_chars / sc->ru.total_chars : 1.0;
  for (guint t = 0; t < N_BEAD_TYPES; t++)
    band->log_prior[t] = log (bead_types[t].prior);
  band->log_floor = log (LENGTH_FLOOR);
}

static void
band_fini (Band *band)
{
  band_clear (band);
  g_free ((double *) band->cum_ru);
  g_free ((double *) band->cum_en);
  g_free ((gboolean *) band->long_ru);
  g_free ((gboolean *) band->long_en);
}

/* The rows of @beads (SverkaBeadRange, in row order) with their evidence,
 * appended to @al; their scores once all are known (score_rows()). A moved
 * bead, which lies outside the band, and the @given units of a bilingual
 * file, which need not follow it, take their evidence from their own
 * sentences and their neighbours. */
static void
add_rows (const Band *band, GArray *beads, gboolean given, SverkaAlignment *al)
{
  guint first = al->spans->len;

  al->evidence = g_array_sized_new (FALSE, TRUE, sizeof (SverkaRowEvidence), beads->len);
  for (guint k = 0; k < beads->len; k++) {
    const SverkaBeadRange *b = &g_array_index (beads, SverkaBeadRange, k);
    SverkaRowEvidence ev = { 0 };
    if (b->a == 0)
      alone_evidence (band, FALSE, b->e0, b->r0, &ev);
    else if (b->b == 0)
      alone_evidence (band, TRUE, b->r0, b->e0, &ev);
    else
      pair_evidence (band,
                     given || (b->flags & SVERKA_BEAD_MOVED) != 0 ? PAIRS_COMPUTED
                                                                  : PAIRS_EVIDENCE,
                     b->r0, b->a, b->e0, b->b, &ev);
    add_range_bead (al, b->r0, b->a, b->e0, b->b, 0.0, b->flags);
    g_array_index (al->spans, BeadSpan, al->spans->len - 1).evidence = al->evidence->len;
    g_array_append_val (al->evidence, ev);
  }
  score_rows (al, first, al->spans->len - first, band->sc, given);
}

/* Does the @path (bead type indices) restructure the sentences (see
 * RESTRUCTURED_MIN)? */
static gboolean
restructured (GArray *path)
{
  guint both = 0, several = 0, alone = 0;
  for (guint k = 0; k < path->len; k++) {
    guint t = g_array_index (path, guint8, k);
    const BeadType *bt = &bead_types[t];
    if (bt->a == 0 || bt->b == 0)
      alone++;
    else {
      both++;
      several += (bt->a > 1 || bt->b > 1) && t < N_SHORT_TYPES;
    }
  }
  return several >= RESTRUCTURED_MIN && several >= RESTRUCTURED_SHARE * both
         && alone <= RESTRUCTURED_MAX_ALONE * (both + alone);
}

static void
align_parallel (SverkaScorer *sc, GArray *chain, SverkaAlignment *al)
{
  Band band;
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr (GArray) beads = g_array_new (FALSE, FALSE, sizeof (SverkaBeadRange));
  guint width = BAND_FIRST;
  guint i = 0, j = 0;
  Band shape;

  band_init (&band, sc);
  for (;;) {
    gboolean touched;
    band_build (&band, chain, width);
    touched = band_dp (&band, path);
    /* Wider, unless the band already spans everything or would be too big. */
    if (!touched || width >= MAX (band.n, band.m)
        || (guint64) (band.n + 1) * (4 * width + 1) > BAND_MAX_CELLS)
      break;
    width = width < BAND_START ? BAND_START : width * 2;
    band_clear (&band);
  }
  sverka_scorer_windows_done (sc);
  if (restructured (path)) {
    band.many = TRUE;
    band_dp (&band, path);
  }

  for (guint k = path->len; k-- > 0;) {
    const BeadType *t = &bead_types[g_array_index (path, guint8, k)];
    SverkaBeadRange b = { i, t->a, j, t->b, 0, 0, 0 };
    g_array_append_val (beads, b);
    i += t->a;
    j += t->b;
  }
  sverka_align_moved (sc, band.ratio, beads);
  /* The rows' evidence as a band of BAND_START gives it. */
  if (width < BAND_START) {
    band_init (&shape, sc);
    band_shape (&shape, chain, BAND_START);
    shape.pairs = &band;
    add_rows (&shape, beads, FALSE, al);
    band_fini (&shape);
  } else {
    add_rows (&band, beads, FALSE, al);
  }
  band_fini (&band);
}

/* The units @units (@n of them, in order) as the rows of @al, scored as
 * parallel mode scores its beads: a unit with both sides is one row, a
 * sentence of a unit with one side empty a row of its own. */
static void
align_given (SverkaScorer *sc, GArray *chain, const SverkaBilingualUnit *units, guint n,
             SverkaAlignment *al)
{
  Band band;
  g_autoptr (GArray) beads = g_array_new (FALSE, FALSE, sizeof (SverkaBeadRange));
  guint i = 0, j = 0;

  band_init (&band, sc);
  band_build (&band, chain, BAND_START);
  for (guint k = 0; k < n; k++) {
    if (units[k].n_ru > 0 && units[k].n_en > 0) {
      SverkaBeadRange b = { i, units[k].n_ru, j, units[k].n_en, 0, 0, 0 };
      g_array_append_val (beads, b);
    } else {
      for (guint x = 0; x < units[k].n_ru; x++) {
        SverkaBeadRange b = { i + x, 1, j, 0, 0, 0, 0 };
        g_array_append_val (beads, b);
      }
      for (guint y = 0; y < units[k].n_en; y++) {
        SverkaBeadRange b = { i, 0, j + y, 1, 0, 0, 0 };
        g_array_append_val (beads, b);
      }
    }
    i += units[k].n_ru;
    j += units[k].n_en;
  }
  add_rows (&band, beads, TRUE, al);
  band_fini (&band);
}

/* ---------------------------------------------------------------------- */

static SverkaMode
choose_mode (SverkaScorer *sc, GArray *anchors, const SverkaVerdictEvidence *names,
             char **reason)
{
  g_autofree char *first = sverka_verdict_language_name (names, FALSE, FALSE);
  g_autofree char *second = sverka_verdict_language_name (names, TRUE, FALSE);
  guint n = sc->ru.sents->len, m = sc->en.sents->len;
  double ratio = (double) MAX (n, m) / MAX (MIN (n, m), 1u);
  guint off = 0;
  double off_share;
  g_autoptr (GArray) chain = chain_anchors (anchors);

  /* Out of order: not on the longest chain of anchors in order (anchors
   * come one per Russian sentence, in order). Distance from the diagonal
   * would also count every sentence a moved paragraph passed over: a
   * paragraph of a short news item moved to the end shifts them all. */
  for (guint k = 0, c = 0; k < anchors->len; k++) {
    const Anchor *a = &g_array_index (anchors, Anchor, k);
    while (c < chain->len && g_array_index (chain, Anchor, c).r < a->r)
      c++;
    if (!(c < chain->len && g_array_index (chain, Anchor, c).r == a->r
          && g_array_index (chain, Anchor, c).e == a->e))
      off++;
  }
  off_share = anchors->len > 0 ? (double) off / anchors->len : 0.0;
  /* One text has far more sentences: a report and its source. A translation
   * with a tenth of its lines dropped, or a short one with a few, is not: in
   * ntrex and wmt22 with 10% of the lines deleted, no document has both a
   * ratio of 1.5 and a difference of 10. */
  if (ratio > COUNT_RATIO || (ratio >= COUNT_RATIO_LONG && MAX (n, m) - MIN (n, m) >= COUNT_DIFF_LONG)) {
    *reason = g_strdup_printf ("comparable: %u %s against %u %s sentences", n, first, m, second);
    return SVERKA_MODE_COMPARABLE;
  }
  /* Too few confident matches (a text given twice has none) say nothing. */
  if (anchors->len >= MAX (3u, n / 50) && off_share > 0.35) {
    *reason = g_strdup_printf ("comparable: %u of %u confident matches are out of order",
                               off, anchors->len);
    return SVERKA_MODE_COMPARABLE;
  }
  *reason = g_strdup_printf ("parallel: %u %s and %u %s sentences, %u of %u confident "
                             "matches in order",
                             n, first, m, second, anchors->len - off, anchors->len);
  return SVERKA_MODE_PARALLEL;
}

/* Numbers the moved blocks of @al in row order. */
static void
number_blocks (SverkaAlignment *al)
{
  guint block = 0;
  for (guint k = 0; k < al->spans->len; k++) {
    BeadSpan *s = &g_array_index (al->spans, BeadSpan, k);
    block += (s->flags & SVERKA_BEAD_BLOCK_START) != 0;
    s->block = (s->flags & SVERKA_BEAD_MOVED) ? MAX (block, 1u) : 0;
  }
}

/* The id storage no longer grows: points the beads into it. */
static void
finish_beads (SverkaAlignment *al)
{
  for (guint k = 0; k < al->spans->len; k++) {
    const BeadSpan *s = &g_array_index (al->spans, BeadSpan, k);
    SverkaBead b = { s->n_ru, s->n_ru ? &g_array_index (al->ids, guint, s->ru_off) : NULL,
                     s->n_en, s->n_en ? &g_array_index (al->ids, guint, s->en_off) : NULL,
                     s->score, s->flags, s->block };
    g_array_append_val (al->beads, b);
  }
}

/* The hook of the verdict (sverka-verdict.c): what the confident matches
 * @anchors (looked for near the diagonal only if @windowed) say, and what
 * auto mode chooses, or would, from them. */
static void
verdict_evidence (SverkaScorer *sc, GArray *anchors, gboolean windowed, SverkaVerdictEvidence *ev)
{
  g_autofree char *reason = NULL;
  guint n = sc->ru.sents->len, m = sc->en.sents->len;

  ev->n_anchors = anchors->len;
  for (guint k = 0; k < anchors->len; k++) {
    const Anchor *a = &g_array_index (anchors, Anchor, k);
    if (fabs ((a->r + 0.5) / n - (a->e + 0.5) / m) > 0.15)
      ev->n_off_diagonal++;
  }
  /* find_anchors() looks this far from the diagonal. */
  ev->windowed = windowed && m > MAX (50u, (guint) (ANCHOR_WINDOW * m));
  ev->mode_hint = choose_mode (sc, anchors, ev, &reason);
  {
    g_autoptr (GArray) chain = chain_anchors (anchors);
    ev->n_chain = chain->len;
  }
}

SverkaAlignment *
sverka_align (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
              const SverkaAlignOptions *options, GError **error)
{
  return sverka_align_reviewed (lex, ru, en, options, NULL, error);
}

SverkaAlignment *
sverka_align_reviewed (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
                       const SverkaAlignOptions *options, SverkaReview *review, GError **error)
{
  g_autoptr (SverkaScorer) sc = NULL;
  g_autoptr (SverkaAlignment) al = g_new0 (SverkaAlignment, 1);
  g_autoptr (GArray) everywhere = NULL;
  g_autoptr (GArray) anchors = NULL;
  g_autoptr (GArray) chain = NULL;
  SverkaMode mode = options != NULL ? options->mode : SVERKA_MODE_AUTO;

  if (!sverka_document_analyze (ru, error) || !sverka_document_analyze (en, error))
    return NULL;
  if (review != NULL) {
    gboolean ru_reports
        = sverka_document_get_n_sentences (ru) <= sverka_document_get_n_sentences (en);
    if (mode == SVERKA_MODE_PARALLEL) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "a review applies to comparable mode (a report against its source), not to "
                   "parallel mode");
      return NULL;
    }
    if (!sverka_review_check (review, ru, en, error))
      return NULL;
    if ((sverka_review_get_report_language (review) == SVERKA_LANGUAGE_RU) != ru_reports) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "the review takes the %s text for the report, but the report is the %s one "
                   "(the text with fewer sentences)",
                   sverka_document_get_language_name (ru_reports ? en : ru),
                   sverka_document_get_language_name (ru_reports ? ru : en));
      return NULL;
    }
    mode = SVERKA_MODE_COMPARABLE;
  }
  sc = sverka_scorer_new (lex, ru, en, error);
  if (sc == NULL)
    return NULL;
  al->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  al->spans = g_array_new (FALSE, FALSE, sizeof (BeadSpan));
  al->beads = g_array_new (FALSE, FALSE, sizeof (SverkaBead));

  /* The confident matches: over the whole texts to choose the mode, near
   * the diagonal to guide parallel alignment; the verdict takes the first
   * found. */
  sverka_verdict_evidence_set_names (&al->verdict_evidence, ru, en);
  al->verdict_evidence.n_ru = sc->ru.sents->len;
  al->verdict_evidence.n_en = sc->en.sents->len;
  if (mode == SVERKA_MODE_AUTO) {
    everywhere = find_anchors (sc, FALSE, &al->verdict_evidence);
    mode = choose_mode (sc, everywhere, &al->verdict_evidence, &al->reason);
  } else if (review != NULL) {
    al->reason = g_strdup ("comparable: the review is of a comparable alignment");
  } else {
    al->reason = g_strdup_printf ("%s: asked for", sverka_mode_to_string (mode));
  }
  al->mode = mode;
  if (mode == SVERKA_MODE_PARALLEL) {
    anchors = find_anchors (sc, TRUE, everywhere == NULL ? &al->verdict_evidence : NULL);
    chain = chain_anchors (anchors);
  } else if (everywhere == NULL) {
    everywhere = find_anchors (sc, FALSE, &al->verdict_evidence);
  }
  verdict_evidence (sc, everywhere != NULL ? everywhere : anchors, everywhere == NULL,
                    &al->verdict_evidence);
  sverka_verdict_evidence_add_documents (&al->verdict_evidence, ru, en,
                                         lex != NULL ? sverka_lexicon_get_n_entries (lex) : 0);
  al->verdict = sverka_verdict_decide (&al->verdict_evidence, &al->verdict_reason);

  if (mode == SVERKA_MODE_PARALLEL) {
    align_parallel (sc, chain, al);
  } else {
    sverka_align_comparable (sc, lex, ru, en, review, al);
    /* Links between texts that are no translation of each other are
     * chance: comparable mode's scores assume related texts; but the
     * translator's decisions stand. */
    if (al->verdict == SVERKA_VERDICT_UNRELATED || al->verdict == SVERKA_VERDICT_UNTRANSLATED)
      for (guint k = 0; k < al->spans->len; k++) {
        BeadSpan *s = &g_array_index (al->spans, BeadSpan, k);
        if (!(s->flags & SVERKA_BEAD_REVIEWED))
          s->score = sverka_calibrate_not_translation (s->n_ru == 0 || s->n_en == 0);
      }
  }

  number_blocks (al);
  finish_beads (al);
  keep_scorer (al, g_steal_pointer (&sc), lex, ru, en);
  return g_steal_pointer (&al);
}

SverkaAlignment *
sverka_align_units (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
                    const SverkaBilingualUnit *units, guint n_units, GError **error)
{
  g_autoptr (SverkaScorer) sc = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (GArray) anchors = NULL;
  g_autoptr (GArray) chain = NULL;
  guint64 n_ru = 0, n_en = 0;

  if (!sverka_document_analyze (ru, error) || !sverka_document_analyze (en, error))
    return NULL;
  for (guint k = 0; k < n_units; k++) {
    if (units[k].n_ru > MAX_SIDE || units[k].n_en > MAX_SIDE) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "unit %u has %u Russian and %u English sentences; a unit has at most %u on "
                   "a side",
                   k + 1, units[k].n_ru, units[k].n_en, MAX_SIDE);
      return NULL;
    }
    n_ru += units[k].n_ru;
    n_en += units[k].n_en;
  }
  if (n_ru != sverka_document_get_n_sentences (ru)
      || n_en != sverka_document_get_n_sentences (en)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "the units hold %" G_GUINT64_FORMAT " Russian and %" G_GUINT64_FORMAT
                 " English sentences; the documents have %u and %u",
                 n_ru, n_en, sverka_document_get_n_sentences (ru),
                 sverka_document_get_n_sentences (en));
    return NULL;
  }
  sc = sverka_scorer_new (lex, ru, en, error);
  if (sc == NULL)
    return NULL;
  al = g_new0 (SverkaAlignment, 1);
  al->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  al->spans = g_array_new (FALSE, FALSE, sizeof (BeadSpan));
  al->beads = g_array_new (FALSE, FALSE, sizeof (SverkaBead));
  al->mode = SVERKA_MODE_PARALLEL;
  al->reason = g_strdup ("parallel: the units as given, not realigned");
  sverka_verdict_evidence_set_names (&al->verdict_evidence, ru, en);
  al->verdict_evidence.n_ru = sc->ru.sents->len;
  al->verdict_evidence.n_en = sc->en.sents->len;
  anchors = find_anchors (sc, TRUE, &al->verdict_evidence);
  chain = chain_anchors (anchors);
  verdict_evidence (sc, anchors, TRUE, &al->verdict_evidence);
  sverka_verdict_evidence_add_documents (&al->verdict_evidence, ru, en,
                                         lex != NULL ? sverka_lexicon_get_n_entries (lex) : 0);
  al->verdict = sverka_verdict_decide (&al->verdict_evidence, &al->verdict_reason);
  align_given (sc, chain, units, n_units, al);
  number_blocks (al);
  finish_beads (al);
  keep_scorer (al, g_steal_pointer (&sc), lex, ru, en);
  return g_steal_pointer (&al);
}

void
sverka_alignment_free (SverkaAlignment *al)
{
  if (al == NULL)
    return;
  g_clear_pointer (&al->beads, g_array_unref);
  g_clear_pointer (&al->ids, g_array_unref);
  g_clear_pointer (&al->spans, g_array_unref);
  g_clear_pointer (&al->evidence, g_array_unref);
  g_clear_pointer (&al->candidates, g_array_unref);
  g_clear_pointer (&al->cand_first, g_array_unref);
  g_clear_pointer (&al->matches, g_array_unref);
  g_clear_pointer (&al->match_links, g_array_unref);
  g_clear_pointer (&al->scorer, sverka_scorer_free);
  g_free (al->reason);
  g_free (al->verdict_reason);
  g_free (al);
}

SverkaMode
sverka_alignment_get_mode (SverkaAlignment *al)
{
  return al->mode;
}

const char *
sverka_alignment_get_mode_reason (SverkaAlignment *al)
{
  return al->reason;
}

SverkaVerdict
sverka_alignment_get_verdict (SverkaAlignment *al)
{
  return al->verdict;
}

const char *
sverka_alignment_get_verdict_reason (SverkaAlignment *al)
{
  return al->verdict_reason;
}

const SverkaVerdictEvidence *
sverka_alignment_get_verdict_evidence (SverkaAlignment *al)
{
  return &al->verdict_evidence;
}

const SverkaRowEvidence *
sverka_alignment_get_row_evidence (SverkaAlignment *al, guint i, const SverkaDocCalibration **doc)
{
  guint k;

  g_return_val_if_fail (i < al->spans->len, NULL);
  k = g_array_index (al->spans, BeadSpan, i).evidence;
  if (doc != NULL)
    *doc = &al->calibration;
  return al->evidence != NULL && k < al->evidence->len
             ? &g_array_index (al->evidence, SverkaRowEvidence, k)
             : NULL;
}

SverkaAlignment *
sverka_alignment_filter (SverkaAlignment *al, double min_score, guint *n_left_out)
{
  SverkaAlignment *out = g_new0 (SverkaAlignment, 1);
  guint left_out = 0;

  out->mode = al->mode;
  out->reason = g_strdup (al->reason);
  out->verdict = al->verdict;
  out->verdict_reason = g_strdup (al->verdict_reason);
  out->verdict_evidence = al->verdict_evidence;
  out->calibration = al->calibration;
  out->report = al->report;
  if (al->candidates != NULL) {
    out->candidates = g_array_ref (al->candidates);
    out->cand_first = g_array_ref (al->cand_first);
  }
  if (al->matches != NULL) {
    out->matches = g_array_ref (al->matches);
    out->match_links = g_array_ref (al->match_links);
  }
  out->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  out->spans = g_array_new (FALSE, FALSE, sizeof (BeadSpan));
  out->beads = g_array_new (FALSE, FALSE, sizeof (SverkaBead));
  for (guint i = 0, last_block = 0; i < al->beads->len; i++) {
    const SverkaBead *b = &g_array_index (al->beads, SverkaBead, i);
    BeadSpan *s;
    guint flags = b->flags;
    /* As written: the writers print three decimals. */
    if (round (b->score * 1000.0) / 1000.0 < min_score) {
      left_out++;
      continue;
    }
    /* A moved block keeps its number; its first bead left starts it. */
    if (flags & SVERKA_BEAD_MOVED) {
      if (b->moved_block != last_block)
        flags |= SVERKA_BEAD_BLOCK_START;
      last_block = b->moved_block;
    }
    sverka_alignment_add_bead_flags (out, b->ru, b->n_ru, b->en, b->n_en, b->score, flags);
    s = &g_array_index (out->spans, BeadSpan, out->spans->len - 1);
    s->block = b->moved_block;
  }
  finish_beads (out);
  if (n_left_out != NULL)
    *n_left_out = left_out;
  return out;
}

guint
sverka_alignment_get_n_beads (SverkaAlignment *al)
{
  return al->beads->len;
}

const SverkaBead *
sverka_alignment_get_bead (SverkaAlignment *al, guint i)
{
  g_return_val_if_fail (i < al->beads->len, NULL);
  return &g_array_index (al->beads, SverkaBead, i);
}

void
sverka_alignment_set_candidates (SverkaAlignment *al, SverkaLanguage report, guint n_report,
                                 const guint *first, const SverkaCandidate *cands)
{
  g_clear_pointer (&al->candidates, g_array_unref);
  g_clear_pointer (&al->cand_first, g_array_unref);
  al->report = report;
  al->cand_first = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_report + 1);
  g_array_append_vals (al->cand_first, first, n_report + 1);
  al->candidates = g_array_sized_new (FALSE, FALSE, sizeof (SverkaCandidate), first[n_report]);
  g_array_append_vals (al->candidates, cands, first[n_report]);
}

SverkaLanguage
sverka_alignment_get_report_language (SverkaAlignment *al)
{
  return al->candidates != NULL ? al->report : SVERKA_LANGUAGE_AUTO;
}

const SverkaCandidate *
sverka_alignment_get_candidates (SverkaAlignment *al, guint sentence, guint *n)
{
  guint first, end;

  *n = 0;
  if (al->cand_first == NULL || sentence + 1 >= al->cand_first->len)
    return NULL;
  first = g_array_index (al->cand_first, guint, sentence);
  end = g_array_index (al->cand_first, guint, sentence + 1);
  *n = end - first;
  return end > first ? &g_array_index (al->candidates, SverkaCandidate, first) : NULL;
}

const char *
sverka_match_reason_to_string (SverkaMatchReason reason)
{
  switch (reason) {
  case SVERKA_MATCH_LEXICON:
    return "lexicon";
  case SVERKA_MATCH_NAME:
    return "name";
  case SVERKA_MATCH_NUMBER:
    return "number";
  case SVERKA_MATCH_SAME:
  default:
    return "same word";
  }
}

void
sverka_alignment_add_matches (SverkaAlignment *al, guint ru, guint en, const SverkaMatch *matches,
                              guint n)
{
  MatchLink link;
  if (al->matches == NULL) {
    al->matches = g_array_new (FALSE, FALSE, sizeof (SverkaMatch));
    al->match_links = g_array_new (FALSE, FALSE, sizeof (MatchLink));
  }
  link = (MatchLink) { ru, en, al->matches->len, n };
  g_array_append_vals (al->matches, matches, n);
  g_array_append_val (al->match_links, link);
}

const SverkaMatch *
sverka_alignment_get_matches (SverkaAlignment *al, guint ru, guint en, guint *n)
{
  guint lo = 0, hi;

  *n = 0;
  if (al->match_links == NULL)
    return NULL;
  hi = al->match_links->len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    const MatchLink *l = &g_array_index (al->match_links, MatchLink, mid);
    if (l->ru < ru || (l->ru == ru && l->en < en))
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < al->match_links->len) {
    const MatchLink *l = &g_array_index (al->match_links, MatchLink, lo);
    if (l->ru == ru && l->en == en && l->n > 0) {
      *n = l->n;
      return &g_array_index (al->matches, SverkaMatch, l->first);
    }
  }
  return NULL;
}
