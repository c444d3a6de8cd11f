/* sverka-align-moved.c: moved blocks in parallel mode.
 *
 * The dynamic programming of parallel mode (sverka-align.c) is monotonic: a
 * paragraph the translator moved (news background put at the end) comes out
 * of it as sentences without counterpart on both sides, or pushed into the
 * beads next to them. This pass, run after it, finds such runs and links
 * them across, without touching the rest:
 *
 * 1. Loose sentences: those of 1-0 and 0-1 beads; both of a 1-1 bead below
 *    LOOSE_SIM; a sentence at the edge of a larger bead that the other side
 *    matches below LOOSE_SHARE of its weight, or that brings at most
 *    LOOSE_UNIQUE of its weight of its own (what it matches, the rest of its
 *    side matches too: the monotonic pass pushed it there).
 * 2. Seeds: for each loose Russian sentence, the English candidates that
 *    share its rare words (sverka_scorer_candidates()), are loose, are at
 *    least SEED_SIM similar, and whose link would cross a bead that stays
 *    (otherwise the pair is no move, and the monotonic pass had its say).
 * 3. From the strongest seed down, the core: the best-scoring stretch (a
 *    local alignment) of the loose sentences around the seed, at most
 *    WINDOW sentences either way, over the link beads of the monotonic pass
 *    (1-1, 2-1, 1-2, 2-2, 3-1, 1-3). A bead gains LINK_BONUS, the log of its
 *    type's prior against 1-1's, its log length probability and, for each
 *    of its sentences, BETA * (f - SIGMA0), f the share of the sentence's
 *    weight the other side matches (the terms of the monotonic pass); a
 *    sentence left out inside costs SKIP_COST.
 * 4. The block: the same search, no further than INSIDE_REACH sentences out
 *    of the core, scored as the monotonic pass scores (a sentence linked
 *    instead of left alone gains ln (1 / prior of 1-0)), so that a weak
 *    pair between two strong ones is linked as it would be in place.
 * 5. The evidence, which must be strong, the more so the less the block
 *    says by its shape (a match between two stray sentences is often
 *    chance: numbers and names repeat within a document):
 *    - a block of several beads that fills a whole run of loose sentences
 *      on each side, or exactly a run of the sentences the monotonic pass
 *      left alone on each side (a weak 1-1 bead next to the hole is loose,
 *      yet no part of it), a hole of its own size on both: the core's
 *      similarity at least WHOLE_SIM, one of its beads at least
 *      WHOLE_ANCHOR_SIM;
 *    - otherwise a core of one bead: SINGLE_MATCHED of matched weight, and
 *      either a similarity of SINGLE_SIM with no sentence of it matching one
 *      outside it (a Russian one among its candidates, an English one among
 *      all the Russian sentences) SINGLE_MARGIN as well, or a similarity of
 *      EXCLUSIVE_SIM with no loose sentence outside it (that no block has
 *      taken) sharing a matched unit with it: the pair is then the only
 *      candidate among what the monotonic pass left unexplained, and a
 *      sentence that pass explained where it stands (a lead repeating the
 *      headline that was moved) is no rival;
 *    - a core of one bead with less matched weight (short sentences: "Мы
 *      получили ваше письмо." / "We have received your letter."): both its
 *      sentences left alone by the monotonic pass (in beads with nothing
 *      on the other side, not paired with a stray sentence), the pair
 *      exclusive as above, ALONE_MATCHED of matched weight and a
 *      similarity of ALONE_SIM;
 *    - otherwise: the core's similarity at least BLOCK_SIM, its gain at
 *      least BLOCK_GAIN, one of its beads at least BLOCK_ANCHOR_SIM.
 * 6. The edges: the block grows by a 1-1 bead at either end while the
 *    sentences just before (or after) it on both sides fit each other
 *    better than where the monotonic pass put them: a similarity of
 *    EXTEND_SIM, each sentence matched no worse than in its bead, and
 *    EXTEND_GAIN better in all (a moved sentence that pass pushed into a
 *    neighbour's bead). A sentence leaves its bead only from the bead's
 *    edge, so that what stays is contiguous.
 *    The thresholds were chosen on moved-paragraph pairs built from NTREX
 *    and WMT22 (make_pairs.py --move-frac), against pairs where chance is
 *    all there is: lines deleted on both sides at different places, and a
 *    document whose Russian ends and English starts with different stories.
 *
 * The work is bounded: at most SEED_CANDIDATES candidates per loose
 * sentence, WINDOW sentences each way, and BUDGET_PER_SENTENCE pair
 * evaluations per sentence of the documents in all (BUDGET_BASE more for
 * short ones); when it is spent, the search stops. Two unrelated texts,
 * where nearly everything is loose, have few seeds (no bead stays for a
 * link to cross) and stop there.
 *
 * Row order: the beads that stay keep their order; a moved bead goes just
 * before the first of them that has a later Russian sentence. The moved
 * sentences leave the beads they were in (a bead left with one side empty
 * becomes 1-0 or 0-1 beads). Blocks do not interleave: the sentences a
 * block leaves out inside it join no other block.
 */
#include <math.h>
#include <string.h>

#include "sverka-align-private.h"

#define LOOSE_SIM 0.15
#define LOOSE_SHARE 0.10
#define LOOSE_UNIQUE 0.10
#define SEED_SIM 0.20
#define SEED_CANDIDATES 8
#define WINDOW 24
/* The bead terms of the monotonic pass (sverka-align.c), and its length
 * model. */
#define BETA 10.0
#define SIGMA0 0.15
#define PRIOR_1_1 0.85
#define LENGTH_VARIANCE 6.8
#define LENGTH_FLOOR 1e-5
#define LINK_BONUS 2.0
#define SKIP_COST 2.0
#define INSIDE_SKIP_COST 1.0
#define INSIDE_REACH 2
#define WHOLE_SIM 0.15
#define WHOLE_ANCHOR_SIM 0.25
#define SINGLE_SIM 0.45
#define SINGLE_MATCHED 10.0
#define SINGLE_MARGIN 0.75
#define EXCLUSIVE_SIM 0.40
#define ALONE_SIM 0.50
#define ALONE_MATCHED 5.0
#define EXTEND_SIM 0.30
#define EXTEND_GAIN 0.30
#define BLOCK_SIM 0.22
#define BLOCK_GAIN 6.5
#define BLOCK_ANCHOR_SIM 0.35
#define BUDGET_PER_SENTENCE 64
#define BUDGET_BASE 20000

typedef struct {
  guint a, b;
  double prior;
} LinkType;

/* The link beads of the monotonic pass, with its priors. */
static const LinkType link_types[] = {
  { 1, 1, PRIOR_1_1 }, { 2, 1, 0.045 }, { 1, 2, 0.045 },
  { 2, 2, 0.002 },     { 3, 1, 0.004 }, { 1, 3, 0.004 },
};
#define N_LINK_TYPES G_N_ELEMENTS (link_types)
#define MAX_SIDE 3

typedef struct {
  guint64 ru, en; /* the matched units of each sentence */
} Masks;

typedef struct {
  guint r, e;
  double sim;
} Seed;

/* What became of a sentence: linked in a moved block, or left out inside
 * one. */
enum { MOVED = 1, BLOCKED = 2 };

typedef struct {
  guint r0, a, e0, b;
  double sim, len_lp;
} Link;

typedef struct {
  SverkaScorer *sc;
  double ratio;
  guint n, m;
  GArray *beads;          /* the monotonic beads */
  guint *bead_ru, *bead_en; /* per sentence: its bead */
  guint8 *loose_ru, *loose_en;
  guint8 *used_ru, *used_en; /* MOVED, BLOCKED or 0 */
  guint *anchored;        /* anchored[k]: beads before bead k that stay linked */
  gint64 budget;          /* pair evaluations left */
  GArray *links;          /* Link: the moved beads found */
  GArray *block_starts;   /* guint: index into links of each block's first bead */
} Moved;

static double
length_logprob (double ratio, double l1, double l2)
{
  double delta = (l2 - l1 * ratio) / sqrt (MAX (l1, 1.0) * LENGTH_VARIANCE);
  double p = erfc (fabs (delta) / G_SQRT2);
  return log (MAX (p, LENGTH_FLOOR));
}

/* The evidence of the bead of Russian sentences [r0, r0+a) and English
 * [e0, e0+b), given the masks of each pair at pm[x * stride + y]: the share
 * of each sentence's weight the other side matches (-1 for a sentence of no
 * weight) in @f_ru and @f_en, the bead's similarity and its length
 * log-probability. */
static void
evidence (const Moved *mv, guint r0, guint a, guint e0, guint b, const Masks *pm, gsize stride,
          double *f_ru, double *f_en, double *sim, double *len_lp)
{
  SverkaScorer *sc = mv->sc;
  double w = 0, matched = 0, l1 = 0, l2 = 0;
  guint64 en_masks[MAX_SIDE] = { 0 };

  for (guint x = 0; x < a; x++) {
    const SverkaSentFeatures *f = sverka_side_sentence (&sc->ru, r0 + x);
    guint64 mask = 0;
    double mr;
    for (guint y = 0; y < b; y++) {
      mask |= pm[x * stride + y].ru;
      en_masks[y] |= pm[x * stride + y].en;
    }
    mr = mask != 0 ? sverka_scorer_mask_weight (sc, r0 + x, mask) : 0.0;
    f_ru[x] = f->weight > 0 ? mr / f->weight : -1.0;
    w += f->weight;
    matched += mr;
    l1 += f->n_chars;
  }
  for (guint y = 0; y < b; y++) {
    const SverkaSentFeatures *f = sverka_side_sentence (&sc->en, e0 + y);
    double me = en_masks[y] != 0 ? sverka_scorer_mask_weight_en (sc, e0 + y, en_masks[y]) : 0.0;
    f_en[y] = f->weight > 0 ? me / f->weight : -1.0;
    w += f->weight;
    matched += me;
    l2 += f->n_chars;
  }
  *sim = w > 0 ? matched / w : 0.0;
  *len_lp = length_logprob (mv->ratio, l1, l2);
}

/* The masks of the marked Russian sentence and English sentence @e. */
static void
pair_masks (Moved *mv, guint e, Masks *out)
{
  SverkaPairMasks pm;
  sverka_scorer_pair_masks (mv->sc, e, 0, &pm);
  out->ru = pm.ru;
  out->en = pm.en;
  mv->budget--;
}

/* ---------------------------------------------------------------------- */
/* Loose sentences                                                         */

/* What member @k of one side of bead @b (pair masks @pm, MAX_SIDE a row)
 * alone brings: the weight of the other side's units that it matches and
 * no other member of its side does, over its own weight. A sentence the
 * monotonic pass pushed into its neighbour's bead matches only what the
 * neighbour matches already (as the notes' check of bead members says). */
static double
unique_share (const Moved *mv, const SverkaBeadRange *b, const Masks *pm, gboolean russian,
              guint k)
{
  SverkaScorer *sc = mv->sc;
  double unique = 0, w;

  if (russian) {
    w = sverka_side_sentence (&sc->ru, b->r0 + k)->weight;
    for (guint y = 0; y < b->b; y++) {
      guint64 rest = 0;
      for (guint x = 0; x < b->a; x++)
        if (x != k)
          rest |= pm[x * MAX_SIDE + y].en;
      if (pm[k * MAX_SIDE + y].en & ~rest)
        unique += sverka_scorer_mask_weight_en (sc, b->e0 + y, pm[k * MAX_SIDE + y].en & ~rest);
    }
  } else {
    w = sverka_side_sentence (&sc->en, b->e0 + k)->weight;
    for (guint x = 0; x < b->a; x++) {
      guint64 rest = 0;
      for (guint y = 0; y < b->b; y++)
        if (y != k)
          rest |= pm[x * MAX_SIDE + y].ru;
      if (pm[x * MAX_SIDE + k].ru & ~rest)
        unique += sverka_scorer_mask_weight (sc, b->r0 + x, pm[x * MAX_SIDE + k].ru & ~rest);
    }
  }
  return w > 0 ? unique / w : 1.0;
}

static void
find_loose (Moved *mv)
{
  for (guint k = 0; k < mv->beads->len; k++) {
    const SverkaBeadRange *b = &g_array_index (mv->beads, SverkaBeadRange, k);
    Masks pm[MAX_SIDE * MAX_SIDE];
    double f_ru[MAX_SIDE], f_en[MAX_SIDE], sim, len_lp;

    for (guint x = 0; x < b->a; x++)
      mv->bead_ru[b->r0 + x] = k;
    for (guint y = 0; y < b->b; y++)
      mv->bead_en[b->e0 + y] = k;
    if (b->a == 0 || b->b == 0) {
      if (b->a > 0)
        memset (mv->loose_ru + b->r0, 1, b->a);
      else
        memset (mv->loose_en + b->e0, 1, b->b);
      continue;
    }
    if (b->a > MAX_SIDE || b->b > MAX_SIDE)
      continue;
    for (guint x = 0; x < b->a; x++) {
      sverka_scorer_mark (mv->sc, b->r0 + x);
      for (guint y = 0; y < b->b; y++)
        pair_masks (mv, b->e0 + y, &pm[x * MAX_SIDE + y]);
    }
    evidence (mv, b->r0, b->a, b->e0, b->b, pm, MAX_SIDE, f_ru, f_en, &sim, &len_lp);
    if (b->a == 1 && b->b == 1) {
      if (sim < LOOSE_SIM)
        mv->loose_ru[b->r0] = mv->loose_en[b->e0] = 1;
      continue;
    }
    /* Only an edge member: what stays of the bead must be contiguous. */
    if (b->a > 1) {
      for (guint x = 0; x < b->a; x += b->a - 1)
        if (f_ru[x] >= 0 && (f_ru[x] < LOOSE_SHARE || unique_share (mv, b, pm, TRUE, x) <= LOOSE_UNIQUE))
          mv->loose_ru[b->r0 + x] = 1;
    }
    if (b->b > 1) {
      for (guint y = 0; y < b->b; y += b->b - 1)
        if (f_en[y] >= 0 && (f_en[y] < LOOSE_SHARE || unique_share (mv, b, pm, FALSE, y) <= LOOSE_UNIQUE))
          mv->loose_en[b->e0 + y] = 1;
    }
  }
}

/* A bead stays linked whatever moves: it has both sides and is not a 1-1
 * of two loose sentences. */
static gboolean
anchored_bead (const Moved *mv, const SverkaBeadRange *b)
{
  if (b->a == 0 || b->b == 0)
    return FALSE;
  return !(b->a == 1 && b->b == 1 && mv->loose_ru[b->r0] && mv->loose_en[b->e0]);
}

/* Would the link of Russian sentence @r and English @e cross a bead that
 * stays? */
static gboolean
crosses (const Moved *mv, guint r, guint e)
{
  guint kr = mv->bead_ru[r], ke = mv->bead_en[e];
  guint lo = MIN (kr, ke), hi = MAX (kr, ke);
  return hi > lo + 1 && mv->anchored[hi] - mv->anchored[lo + 1] > 0;
}

/* ---------------------------------------------------------------------- */
/* Seeds                                                                   */

static int
compare_seeds (gconstpointer pa, gconstpointer pb)
{
  const Seed *a = pa, *b = pb;
  if (a->sim != b->sim)
    return a->sim > b->sim ? -1 : 1;
  if (a->r != b->r)
    return a->r < b->r ? -1 : 1;
  return a->e < b->e ? -1 : a->e > b->e;
}

static double
pair_similarity (Moved *mv, guint r, guint e)
{
  SverkaPair p;
  double w = sverka_side_sentence (&mv->sc->ru, r)->weight
             + sverka_side_sentence (&mv->sc->en, e)->weight;
  sverka_scorer_pair (mv->sc, r, e, &p);
  mv->budget--;
  return w > 0 ? (p.mr + p.me) / w : 0.0;
}

static GArray *
find_seeds (Moved *mv)
{
  GArray *seeds = g_array_new (FALSE, FALSE, sizeof (Seed));

  for (guint r = 0; r < mv->n && mv->budget > 0; r++) {
    g_autoptr (GArray) cands = NULL;
    if (!mv->loose_ru[r])
      continue;
    cands = sverka_scorer_candidates (mv->sc, r, SEED_CANDIDATES, 0, mv->m);
    sverka_scorer_mark (mv->sc, r);
    for (guint c = 0; c < cands->len; c++) {
      guint e = g_array_index (cands, guint, c);
      Seed s = { r, e, 0 };
      if (!mv->loose_en[e] || !crosses (mv, r, e))
        continue;
      s.sim = pair_similarity (mv, r, e);
      if (s.sim >= SEED_SIM)
        g_array_append_val (seeds, s);
    }
  }
  g_array_sort (seeds, compare_seeds);
  return seeds;
}

/* ---------------------------------------------------------------------- */
/* Blocks                                                                  */

/* The loose, unused stretch of one side around sentence @s: [*lo, *hi). */
static void
stretch (const guint8 *loose, const guint8 *used, guint len, guint s, guint *lo, guint *hi)
{
  guint a = s, b = s + 1;
  while (a > 0 && s - (a - 1) <= WINDOW && loose[a - 1] && !used[a - 1])
    a--;
  while (b < len && b - s <= WINDOW && loose[b] && !used[b])
    b++;
  *lo = a;
  *hi = b;
}

/* Back pointers of the block search: 0 starts a block, 1 and 2 leave a
 * Russian or an English sentence out, 3 + t is link type t. */
enum { BACK_START, BACK_SKIP_RU, BACK_SKIP_EN, BACK_LINK };

/* How the block search scores: each link bead gains @bead_bonus, and
 * @sentence_bonus for each of its sentences, on top of its evidence; a
 * sentence left out inside the block costs @skip_cost. */
typedef struct {
  double bead_bonus, sentence_bonus, skip_cost;
} Scoring;

/* Finding a block: a bead must show evidence of its own. */
static const Scoring strict = { LINK_BONUS, 0.0, SKIP_COST };
/* Aligning inside a block found: as the monotonic pass would, where a
 * sentence alone pays ln of the prior of 1-0, 0.02. */
static const Scoring inside = { 0.0, 3.912023 /* -ln 0.02 */, INSIDE_SKIP_COST };

/* The best block around @seed in the windows [r_lo, r_hi) x [e_lo, e_hi),
 * whose pair masks @pm holds (row x, column y at x * (e_hi - e_lo) + y),
 * scored by @scoring: appends its link beads to @out (in order) and returns
 * its gain, or 0 when it does not hold the seed. */
static double
best_block (Moved *mv, const Seed *seed, guint r_lo, guint r_hi, guint e_lo, guint e_hi,
            const Masks *pm, const Scoring *scoring, GArray *out)
{
  guint wr = r_hi - r_lo, we = e_hi - e_lo;
  gsize stride = we + 1;
  g_autofree double *h = g_new0 (double, (gsize) (wr + 1) * stride);
  g_autofree guint8 *back = g_new0 (guint8, (gsize) (wr + 1) * stride);
  double best = 0;
  guint bi = 0, bj = 0;
  gboolean has_seed = FALSE;

  for (guint i = 0; i <= wr; i++) {
    for (guint j = 0; j <= we; j++) {
      double v = 0;
      guint8 bk = BACK_START;
      if (i > 0 && h[(gsize) (i - 1) * stride + j] - scoring->skip_cost > v) {
        v = h[(gsize) (i - 1) * stride + j] - scoring->skip_cost;
        bk = BACK_SKIP_RU;
      }
      if (j > 0 && h[(gsize) i * stride + j - 1] - scoring->skip_cost > v) {
        v = h[(gsize) i * stride + j - 1] - scoring->skip_cost;
        bk = BACK_SKIP_EN;
      }
      for (guint t = 0; t < N_LINK_TYPES; t++) {
        const LinkType *lt = &link_types[t];
        double f_ru[MAX_SIDE], f_en[MAX_SIDE], sim, len_lp, g;
        if (lt->a > i || lt->b > j)
          continue;
        evidence (mv, r_lo + i - lt->a, lt->a, e_lo + j - lt->b, lt->b,
                  &pm[(gsize) (i - lt->a) * we + (j - lt->b)], we, f_ru, f_en, &sim, &len_lp);
        g = scoring->bead_bonus + scoring->sentence_bonus * (lt->a + lt->b)
            + log (lt->prior / PRIOR_1_1) + len_lp;
        for (guint x = 0; x < lt->a; x++)
          g += f_ru[x] >= 0 ? BETA * (f_ru[x] - SIGMA0) : 0.0;
        for (guint y = 0; y < lt->b; y++)
          g += f_en[y] >= 0 ? BETA * (f_en[y] - SIGMA0) : 0.0;
        g += h[(gsize) (i - lt->a) * stride + (j - lt->b)];
        if (g > v) {
          v = g;
          bk = (guint8) (BACK_LINK + t);
        }
      }
      h[(gsize) i * stride + j] = v;
      back[(gsize) i * stride + j] = bk;
      if (v > best) {
        best = v;
        bi = i;
        bj = j;
      }
    }
  }
  if (best <= 0)
    return 0;

  /* Trace back to where the block starts. */
  {
    guint i = bi, j = bj, first = out->len;
    while (back[(gsize) i * stride + j] != BACK_START) {
      guint8 bk = back[(gsize) i * stride + j];
      if (bk == BACK_SKIP_RU) {
        i--;
      } else if (bk == BACK_SKIP_EN) {
        j--;
      } else {
        const LinkType *lt = &link_types[bk - BACK_LINK];
        double f_ru[MAX_SIDE], f_en[MAX_SIDE];
        Link l = { r_lo + i - lt->a, lt->a, e_lo + j - lt->b, lt->b, 0, 0 };
        evidence (mv, l.r0, l.a, l.e0, l.b, &pm[(gsize) (i - lt->a) * we + (j - lt->b)], we,
                  f_ru, f_en, &l.sim, &l.len_lp);
        if (seed->r >= l.r0 && seed->r < l.r0 + l.a && seed->e >= l.e0 && seed->e < l.e0 + l.b)
          has_seed = TRUE;
        g_array_append_val (out, l);
        i -= lt->a;
        j -= lt->b;
      }
    }
    /* In order. */
    for (guint x = first, y = out->len; x + 1 < y; x++, y--) {
      Link tmp = g_array_index (out, Link, x);
      g_array_index (out, Link, x) = g_array_index (out, Link, y - 1);
      g_array_index (out, Link, y - 1) = tmp;
    }
    if (!has_seed) {
      g_array_set_size (out, first);
      return 0;
    }
  }
  return best;
}

/* The similarity of the links in @links from @first on: their matched
 * weight (in *@matched) over their weight. */
static double
block_similarity (const Moved *mv, GArray *links, guint first, double *matched_out)
{
  double w = 0, matched = 0;
  for (guint k = first; k < links->len; k++) {
    const Link *l = &g_array_index (links, Link, k);
    double lw = 0;
    for (guint x = 0; x < l->a; x++)
      lw += sverka_side_sentence (&mv->sc->ru, l->r0 + x)->weight;
    for (guint y = 0; y < l->b; y++)
      lw += sverka_side_sentence (&mv->sc->en, l->e0 + y)->weight;
    w += lw;
    matched += l->sim * lw;
  }
  *matched_out = matched;
  return w > 0 ? matched / w : 0.0;
}

/* Does a sentence of link @l match a sentence outside it nearly as well as
 * the link's similarity: a Russian one any English sentence among its
 * candidates, an English one any Russian sentence? */
static gboolean
has_rival (Moved *mv, const Link *l)
{
  for (guint r = l->r0; r < l->r0 + l->a; r++) {
    g_autoptr (GArray) cands = sverka_scorer_candidates (mv->sc, r, SEED_CANDIDATES, 0, mv->m);
    sverka_scorer_mark (mv->sc, r);
    for (guint c = 0; c < cands->len; c++) {
      guint o = g_array_index (cands, guint, c);
      if ((o < l->e0 || o >= l->e0 + l->b) && pair_similarity (mv, r, o) >= SINGLE_MARGIN * l->sim)
        return TRUE;
    }
  }
  /* The scorer indexes only the English keys: each Russian sentence in
   * turn (within the budget). */
  for (guint r = 0; r < mv->n; r++) {
    if (r >= l->r0 && r < l->r0 + l->a)
      continue;
    if (mv->budget <= 0)
      return TRUE;
    sverka_scorer_mark (mv->sc, r);
    for (guint e = l->e0; e < l->e0 + l->b; e++)
      if (pair_similarity (mv, r, e) >= SINGLE_MARGIN * l->sim)
        return TRUE;
  }
  return FALSE;
}

/* Is link @l exclusive: does no loose sentence outside it that no block
 * has taken share a matched unit with a sentence of it? Its sentences then
 * have no other candidate among the sentences the monotonic pass left
 * unexplained; those it explained (in beads that stay) are no rivals. */
static gboolean
exclusive (Moved *mv, const Link *l)
{
  for (guint r = l->r0; r < l->r0 + l->a; r++) {
    sverka_scorer_mark (mv->sc, r);
    for (guint e = 0; e < mv->m; e++) {
      if ((e >= l->e0 && e < l->e0 + l->b) || !mv->loose_en[e] || mv->used_en[e])
        continue;
      if (mv->budget <= 0 || pair_similarity (mv, r, e) > 0)
        return FALSE;
    }
  }
  for (guint r = 0; r < mv->n; r++) {
    if ((r >= l->r0 && r < l->r0 + l->a) || !mv->loose_ru[r] || mv->used_ru[r])
      continue;
    sverka_scorer_mark (mv->sc, r);
    for (guint e = l->e0; e < l->e0 + l->b; e++)
      if (mv->budget <= 0 || pair_similarity (mv, r, e) > 0)
        return FALSE;
  }
  return TRUE;
}

/* Did the monotonic pass leave every sentence of link @l alone, in a bead
 * with nothing on the other side (not pushed into a neighbour's bead or
 * paired with a stray sentence)? */
static gboolean
alone (const Moved *mv, const Link *l)
{
  for (guint r = l->r0; r < l->r0 + l->a; r++)
    if (g_array_index (mv->beads, SverkaBeadRange, mv->bead_ru[r]).b != 0)
      return FALSE;
  for (guint e = l->e0; e < l->e0 + l->b; e++)
    if (g_array_index (mv->beads, SverkaBeadRange, mv->bead_en[e]).a != 0)
      return FALSE;
  return TRUE;
}

/* Does the stretch [lo, hi) around a sentence end where its run of loose,
 * unused sentences ends (not at the WINDOW)? */
static gboolean
whole_run (const guint8 *loose, const guint8 *used, guint len, guint lo, guint hi)
{
  return (lo == 0 || !loose[lo - 1] || used[lo - 1]) && (hi == len || !loose[hi] || used[hi]);
}

/* Is [lo, hi) a whole run of the sentences of one side (Russian when
 * @russian) that the monotonic pass left alone, in beads with nothing on
 * the other side, and that no block has taken? */
static gboolean
alone_run (const Moved *mv, gboolean russian, guint lo, guint hi)
{
  const guint *bead_of = russian ? mv->bead_ru : mv->bead_en;
  const guint8 *used = russian ? mv->used_ru : mv->used_en;
  guint len = russian ? mv->n : mv->m;

  for (gint64 s = (gint64) lo - 1; s <= (gint64) hi; s++) {
    gboolean in_run = s >= lo && s < hi, is_alone;
    const SverkaBeadRange *b;
    if (s < 0 || s >= len)
      continue;
    b = &g_array_index (mv->beads, SverkaBeadRange, bead_of[s]);
    is_alone = (russian ? b->b : b->a) == 0 && !used[s];
    if (is_alone != in_run)
      return FALSE;
  }
  return TRUE;
}

/* The share of sentence @s's weight (Russian when @russian) that the other
 * side of its monotonic bead matches: 0 in a bead of its own. */
static double
share_in_bead (Moved *mv, gboolean russian, guint s)
{
  SverkaScorer *sc = mv->sc;
  const SverkaBeadRange *b =
      &g_array_index (mv->beads, SverkaBeadRange, russian ? mv->bead_ru[s] : mv->bead_en[s]);
  const SverkaSentFeatures *f = sverka_side_sentence (russian ? &sc->ru : &sc->en, s);
  guint64 mask = 0;
  Masks pm;

  if (f->weight <= 0 || (russian ? b->b : b->a) == 0)
    return 0.0;
  if (russian) {
    sverka_scorer_mark (sc, s);
    for (guint y = 0; y < b->b; y++) {
      pair_masks (mv, b->e0 + y, &pm);
      mask |= pm.ru;
    }
    return mask != 0 ? sverka_scorer_mask_weight (sc, s, mask) / f->weight : 0.0;
  }
  for (guint x = 0; x < b->a; x++) {
    sverka_scorer_mark (sc, b->r0 + x);
    pair_masks (mv, s, &pm);
    mask |= pm.en;
  }
  return mask != 0 ? sverka_scorer_mask_weight_en (sc, s, mask) / f->weight : 0.0;
}

/* May sentence @s (Russian when @russian) leave its monotonic bead for a
 * block: unused, and on the edge of its side of the bead, so that what
 * stays of the bead is contiguous. */
static gboolean
may_leave (const Moved *mv, gboolean russian, guint s)
{
  const SverkaBeadRange *b;
  if (russian ? mv->used_ru[s] : mv->used_en[s])
    return FALSE;
  b = &g_array_index (mv->beads, SverkaBeadRange, russian ? mv->bead_ru[s] : mv->bead_en[s]);
  return russian ? (s == b->r0 || s == b->r0 + b->a - 1) : (s == b->e0 || s == b->e0 + b->b - 1);
}

/* The link of Russian sentence @r and English @e as a 1-1 bead of a block,
 * in *@out, when it holds: a similarity of EXTEND_SIM, and each sentence
 * matched better by the other than in the bead the monotonic pass gave it
 * (by EXTEND_GAIN of its weight). */
static gboolean
extension (Moved *mv, guint r, guint e, Link *out)
{
  Masks pm;
  double f_ru, f_en, g_ru, g_en;

  if (!may_leave (mv, TRUE, r) || !may_leave (mv, FALSE, e) || mv->budget <= 0)
    return FALSE;
  sverka_scorer_mark (mv->sc, r);
  pair_masks (mv, e, &pm);
  *out = (Link) { r, 1, e, 1, 0, 0 };
  evidence (mv, r, 1, e, 1, &pm, 1, &f_ru, &f_en, &out->sim, &out->len_lp);
  if (out->sim < EXTEND_SIM || f_ru < 0 || f_en < 0)
    return FALSE;
  g_ru = f_ru - share_in_bead (mv, TRUE, r);
  g_en = f_en - share_in_bead (mv, FALSE, e);
  return g_ru >= 0 && g_en >= 0 && g_ru + g_en >= EXTEND_GAIN;
}

/* Extends @block over the sentences just before and after it on both
 * sides, one 1-1 bead at a time, while they fit it better than where the
 * monotonic pass put them: a block's edge sentence that pass pushed into
 * a neighbour's bead. */
static void
extend_block (Moved *mv, GArray *block)
{
  Link l;
  for (;;) {
    const Link *a = &g_array_index (block, Link, 0);
    if (a->r0 == 0 || a->e0 == 0 || !extension (mv, a->r0 - 1, a->e0 - 1, &l))
      break;
    g_array_prepend_val (block, l);
  }
  for (;;) {
    const Link *z = &g_array_index (block, Link, block->len - 1);
    if (z->r0 + z->a >= mv->n || z->e0 + z->b >= mv->m
        || !extension (mv, z->r0 + z->a, z->e0 + z->b, &l))
      break;
    g_array_append_val (block, l);
  }
}

static void
try_seed (Moved *mv, const Seed *seed)
{
  guint r_lo, r_hi, e_lo, e_hi;
  double gain, sim, matched, strongest = 0;
  gboolean accept, whole;
  g_autofree Masks *pm = NULL;
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autoptr (GArray) block = g_array_new (FALSE, FALSE, sizeof (Link));
  const Link *a, *z;

  if (mv->used_ru[seed->r] || mv->used_en[seed->e])
    return;
  stretch (mv->loose_ru, mv->used_ru, mv->n, seed->r, &r_lo, &r_hi);
  stretch (mv->loose_en, mv->used_en, mv->m, seed->e, &e_lo, &e_hi);
  if ((gint64) (r_hi - r_lo) * (e_hi - e_lo) > mv->budget) {
    mv->budget = 0;
    return;
  }
  pm = g_new (Masks, (gsize) (r_hi - r_lo) * (e_hi - e_lo) + 1);
  for (guint x = 0; x < r_hi - r_lo; x++) {
    sverka_scorer_mark (mv->sc, r_lo + x);
    for (guint y = 0; y < e_hi - e_lo; y++)
      pair_masks (mv, e_lo + y, &pm[(gsize) x * (e_hi - e_lo) + y]);
  }
  /* The core: the beads with evidence of their own. */
  gain = best_block (mv, seed, r_lo, r_hi, e_lo, e_hi, pm, &strict, core);
  if (gain <= 0)
    return;
  sim = block_similarity (mv, core, 0, &matched);
  for (guint k = 0; k < core->len; k++)
    strongest = MAX (strongest, g_array_index (core, Link, k).sim);

  /* The block: its sentences as the monotonic pass would align them, which
   * links weak pairs between strong ones, no further than INSIDE_REACH
   * sentences out of the core. */
  a = &g_array_index (core, Link, 0);
  z = &g_array_index (core, Link, core->len - 1);
  {
    guint r0 = MAX (r_lo, a->r0 > INSIDE_REACH ? a->r0 - INSIDE_REACH : 0);
    guint r1 = MIN (r_hi, z->r0 + z->a + INSIDE_REACH);
    guint e0 = MAX (e_lo, a->e0 > INSIDE_REACH ? a->e0 - INSIDE_REACH : 0);
    guint e1 = MIN (e_hi, z->e0 + z->b + INSIDE_REACH);
    g_autofree Masks *sub = g_new (Masks, (gsize) (r1 - r0) * (e1 - e0) + 1);
    for (guint x = r0; x < r1; x++)
      for (guint y = e0; y < e1; y++)
        sub[(gsize) (x - r0) * (e1 - e0) + (y - e0)] =
            pm[(gsize) (x - r_lo) * (e_hi - e_lo) + (y - e_lo)];
    if (best_block (mv, seed, r0, r1, e0, e1, sub, &inside, block) <= 0)
      g_array_append_vals (block, core->data, core->len);
  }
  a = &g_array_index (block, Link, 0);
  z = &g_array_index (block, Link, block->len - 1);

  /* A whole run of loose sentences on each side, linked from end to end,
   * or a block that is exactly a run of sentences left alone on each side
   * (a weak 1-1 bead next to the hole is loose, yet no part of it): a
   * paragraph that left a hole of its own size. */
  whole = block->len > 1
          && ((whole_run (mv->loose_ru, mv->used_ru, mv->n, r_lo, r_hi)
               && whole_run (mv->loose_en, mv->used_en, mv->m, e_lo, e_hi) && a->r0 == r_lo
               && z->r0 + z->a == r_hi && a->e0 == e_lo && z->e0 + z->b == e_hi)
              || (alone_run (mv, TRUE, a->r0, z->r0 + z->a)
                  && alone_run (mv, FALSE, a->e0, z->e0 + z->b)));
  if (whole)
    accept = sim >= WHOLE_SIM && strongest >= WHOLE_ANCHOR_SIM;
  else if (core->len == 1 && matched >= SINGLE_MATCHED)
    accept = sim >= EXCLUSIVE_SIM
             && ((sim >= SINGLE_SIM && !has_rival (mv, &g_array_index (core, Link, 0)))
                 || exclusive (mv, &g_array_index (core, Link, 0)));
  else if (core->len == 1)
    accept = sim >= ALONE_SIM && matched >= ALONE_MATCHED
             && alone (mv, &g_array_index (core, Link, 0))
             && exclusive (mv, &g_array_index (core, Link, 0));
  else
    accept = sim >= BLOCK_SIM && gain >= BLOCK_GAIN && strongest >= BLOCK_ANCHOR_SIM;
  if (!accept)
    return;

  extend_block (mv, block);
  a = &g_array_index (block, Link, 0);
  z = &g_array_index (block, Link, block->len - 1);
  g_array_append_val (mv->block_starts, mv->links->len);
  g_array_append_vals (mv->links, block->data, block->len);
  /* The sentences the block leaves out inside it can join no other block:
   * blocks do not interleave, in either language. */
  memset (mv->used_ru + a->r0, BLOCKED, z->r0 + z->a - a->r0);
  memset (mv->used_en + a->e0, BLOCKED, z->e0 + z->b - a->e0);
  for (guint k = 0; k < block->len; k++) {
    const Link *l = &g_array_index (block, Link, k);
    memset (mv->used_ru + l->r0, MOVED, l->a);
    memset (mv->used_en + l->e0, MOVED, l->b);
  }
}

/* ---------------------------------------------------------------------- */
/* The beads again                                                         */

/* Appends bead @b without its used sentences: as it was, shrunk, or as
 * single sentences when one side is left empty. */
static void
append_rest (const Moved *mv, const SverkaBeadRange *b, GArray *out)
{
  SverkaBeadRange nb = *b;
  while (nb.a > 0 && mv->used_ru[nb.r0] == MOVED) {
    nb.r0++;
    nb.a--;
  }
  while (nb.a > 0 && mv->used_ru[nb.r0 + nb.a - 1] == MOVED)
    nb.a--;
  while (nb.b > 0 && mv->used_en[nb.e0] == MOVED) {
    nb.e0++;
    nb.b--;
  }
  while (nb.b > 0 && mv->used_en[nb.e0 + nb.b - 1] == MOVED)
    nb.b--;
  if (nb.a > 0 && nb.b > 0) {
    g_array_append_val (out, nb);
    return;
  }
  for (guint x = 0; x < nb.a; x++) {
    SverkaBeadRange s = { nb.r0 + x, 1, nb.e0, 0, 0, 0, 0 };
    g_array_append_val (out, s);
  }
  for (guint y = 0; y < nb.b; y++) {
    SverkaBeadRange s = { nb.r0, 0, nb.e0 + y, 1, 0, 0, 0 };
    g_array_append_val (out, s);
  }
}

static int
compare_links (gconstpointer pa, gconstpointer pb)
{
  const Link *a = pa, *b = pb;
  return a->r0 < b->r0 ? -1 : a->r0 > b->r0;
}

static void
rebuild (Moved *mv)
{
  g_autoptr (GArray) out = g_array_sized_new (FALSE, FALSE, sizeof (SverkaBeadRange),
                                               mv->beads->len + mv->links->len);
  g_autoptr (GArray) links = g_array_sized_new (FALSE, FALSE, sizeof (Link), mv->links->len);
  g_autofree guint8 *starts = g_new0 (guint8, mv->n + 1);
  guint next = 0;

  /* Each block's first Russian sentence, then the links in Russian order. */
  for (guint k = 0; k < mv->block_starts->len; k++)
    starts[g_array_index (mv->links, Link, g_array_index (mv->block_starts, guint, k)).r0] = 1;
  g_array_append_vals (links, mv->links->data, mv->links->len);
  g_array_sort (links, compare_links);

  for (guint k = 0; k <= mv->beads->len; k++) {
    const SverkaBeadRange *b = k < mv->beads->len
                                   ? &g_array_index (mv->beads, SverkaBeadRange, k)
                                   : NULL;
    guint first_ru = G_MAXUINT;
    if (b != NULL) {
      for (guint x = 0; x < b->a && first_ru == G_MAXUINT; x++)
        if (mv->used_ru[b->r0 + x] != MOVED)
          first_ru = b->r0 + x;
    }
    /* The moved beads before this bead's first Russian sentence that
     * stays (all of them at the end). */
    while (next < links->len
           && (b == NULL || (first_ru != G_MAXUINT
                             && g_array_index (links, Link, next).r0 < first_ru))) {
      const Link *l = &g_array_index (links, Link, next++);
      SverkaBeadRange nb = { l->r0, l->a, l->e0, l->b, SVERKA_BEAD_MOVED, l->sim, l->len_lp };
      if (starts[l->r0])
        nb.flags |= SVERKA_BEAD_BLOCK_START;
      g_array_append_val (out, nb);
    }
    if (b != NULL)
      append_rest (mv, b, out);
  }
  g_array_set_size (mv->beads, 0);
  g_array_append_vals (mv->beads, out->data, out->len);
}

void
sverka_align_moved (SverkaScorer *sc, double ratio, GArray *beads)
{
  Moved mv = { .sc = sc, .ratio = ratio, .beads = beads };
  g_autoptr (GArray) seeds = NULL;
  gboolean any_ru = FALSE, any_en = FALSE;

  mv.n = sc->ru.sents->len;
  mv.m = sc->en.sents->len;
  if (mv.n == 0 || mv.m == 0)
    return;
  mv.bead_ru = g_new0 (guint, mv.n);
  mv.bead_en = g_new0 (guint, mv.m);
  mv.loose_ru = g_new0 (guint8, mv.n);
  mv.loose_en = g_new0 (guint8, mv.m);
  find_loose (&mv);
  for (guint r = 0; r < mv.n && !any_ru; r++)
    any_ru = mv.loose_ru[r];
  for (guint e = 0; e < mv.m && !any_en; e++)
    any_en = mv.loose_en[e];
  if (any_ru && any_en) {
    mv.anchored = g_new0 (guint, beads->len + 1);
    for (guint k = 0; k < beads->len; k++)
      mv.anchored[k + 1] = mv.anchored[k]
                           + anchored_bead (&mv, &g_array_index (beads, SverkaBeadRange, k));
    mv.used_ru = g_new0 (guint8, mv.n);
    mv.used_en = g_new0 (guint8, mv.m);
    mv.links = g_array_new (FALSE, FALSE, sizeof (Link));
    mv.block_starts = g_array_new (FALSE, FALSE, sizeof (guint));
    mv.budget = (gint64) BUDGET_PER_SENTENCE * (mv.n + mv.m) + BUDGET_BASE;
    seeds = find_seeds (&mv);
    for (guint k = 0; k < seeds->len && mv.budget > 0; k++)
      try_seed (&mv, &g_array_index (seeds, Seed, k));
    if (mv.links->len > 0)
      rebuild (&mv);
    g_array_unref (mv.links);
    g_array_unref (mv.block_starts);
  }
  g_free (mv.bead_ru);
  g_free (mv.bead_en);
  g_free (mv.loose_ru);
  g_free (mv.loose_en);
  g_free (mv.used_ru);
  g_free (mv.used_en);
  g_free (mv.anchored);
}
