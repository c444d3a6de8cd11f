/* sverka-comparable.c: comparable alignment, a report against the text it
 * reports (a news story against the transcript of a press conference).
 *
 * The shorter document is the report; each of its sentences takes the 0-3
 * sentences of the other document, the source, that state its facts,
 * anywhere in the source. A source sentence may serve several report
 * sentences, and links may cross.
 *
 * A candidate link between report sentence s and source sentence t is
 * scored as a log-likelihood ratio, in nats: is t a source of s, or do the
 * two share words by chance?
 *
 * - Each word of s matched in t is evidence ln(q_report / p), p being the
 *   share of the source's sentences that the word matches: a word matched
 *   everywhere is no evidence. It is scaled by the word's rarity within the
 *   report (ln(1 + N/df) over its maximum), so the names of the report's
 *   protagonists, present in many of its sentences, count for less. A word
 *   that an earlier link of s already explained counts nothing: a sentence
 *   takes the sources of its several facts, not the repeats of one.
 * - Each word of t is evidence ln(q_source / p) when matched, p being the
 *   share of report sentences that match it, and ln((1 - q_source) / (1 - p))
 *   when not: a source states what its report sentence says, so much of it
 *   should be matched, and a long sentence sharing two words is a poor
 *   source. A word of t that another report sentence already explained
 *   counts nothing when matched.
 * - q_report and q_source, the shares of a sentence's words matched in its
 *   counterpart, are estimated for each document pair (estimate_q()): a
 *   translation in the lexicon's domain matches more of its words than a
 *   text the lexicon covers poorly, where a missing match says less.
 * - The link pays its prior: ln(source sentences), for being the best of
 *   that many candidates, and POSITION_COST times the distance between the
 *   relative positions of s and t, for reports mostly follow their source's
 *   order. Once a pass has linked the neighbours of s, the prior mixes in a
 *   local share: the sentences just after the source of s - 1 (or just
 *   before that of s + 1) are likelier, for a report tells a passage of its
 *   source in a few sentences running. The links are then taken again, until
 *   they stop changing or MAX_PASSES passes are done.
 *
 * Words are matched through the keys of the scorer (stems, lexicon entries,
 * sound skeletons, numbers). A match through a general dictionary's sense
 * counts GENERAL_WEIGHT of one: such senses make chance matches between
 * sentences of one topic. The words of speaker labels ("Secretary General
 * Jens Stoltenberg: ...") are left out: they name who speaks, not what is
 * said.
 *
 * Links are taken best first over the whole document pair, each rescored
 * for what earlier links explained (a score only falls as they do: a lazy
 * heap), and accepted while positive, at most MAX_LINKS per report
 * sentence.
 *
 * On the four comparable pairs of corpus/ (the bundled one and the three of
 * corpus/comparable-dev/), the figures are in the README ("Alignment
 * quality").
 */
#include <math.h>
#include <string.h>

#include "sverka-attribution-private.h"
#include "sverka-explain-private.h"
#include "sverka-align-private.h"
#include "sverka-document-private.h"

#define Q_DEFAULT 0.4
#define Q_MIN 0.1
#define Q_MAX 0.6
#define MAX_P 0.95
/* The share p of the other document's sentences that a word matches is
 * estimated as if PRIOR_COUNT more sentences had been seen, matching it at
 * the rate PRIOR_P: in a short document, one match in six sentences does
 * not make a word common. */
#define PRIOR_COUNT 20.0
#define PRIOR_P 0.02
#define POSITION_COST 3.0
/* What a match through a general dictionary's sense counts for, against a
 * match through the seed lexicon, a name, a cognate or a number. */
#define GENERAL_WEIGHT 0.5
#define MAX_LINKS 3
/* The share of a principal's reported words found in that principal's
 * turns (set_priors(), sverka-attribution.c): 4 of the 6 sure links of the
 * bundled pair's report sentences that name one principal. The other
 * principals' turns get the rest: the prior lowers links into them and
 * raises none (a raise added wrong links on the 2016 pair); 0.6 to 0.8
 * give the same links on all four gold pairs. */
#define SPEAKER_SHARE (2.0 / 3.0)
/* The local prior (set_priors()): a report sentence often reports what
 * follows the source of the sentence before it. LOCAL_SHARE of the prior
 * of an edge goes to the source sentences from the one linked to the report
 * sentence before it to LOCAL_AHEAD sentences further (and from the one
 * linked to the report sentence after it to LOCAL_AHEAD sentences back);
 * the links are taken again with it, at most MAX_PASSES times in all. */
#define LOCAL_SHARE 0.4
#define LOCAL_AHEAD 2u
#define MAX_PASSES 3
/* Above this many sentence pairs, each Russian sentence is scored against
 * the English sentences of its rare words only (the inverted index). */
#define ALL_PAIRS_MAX 4000000
#define CANDIDATES 64
/* The score written for a row (link_probability(), unlinked_probability()):
 * logistic curves fitted (Platt scaling, by maximum likelihood) to the links
 * and the unlinked sentences of three development sets in comparable mode
 * (ntrex and TICO-19 with 30% of the Russian lines deleted, wmt22 with 30%
 * of the English lines deleted; 4,324 links, 1,999 unlinked source
 * sentences), and checked on FLORES-200 and the pairs of corpus/: the
 * README's "Alignment quality" gives the figures. */
#define LINK_SLOPE 0.270
#define LINK_OFFSET 0.340
#define UNLINKED_SLOPE 0.0273
#define UNLINKED_OFFSET 1.578
#define UNLINKED_CLAMP 30.0

typedef struct {
  guint r, e;
  SverkaPairMasks masks; /* matched units, and those matched through strong keys */
  double prior;          /* the log prior of the link: position, neighbours */
} Edge;

/* An edge in the heap of take_links(): its index in the edges, and its
 * score as last worked out. */
typedef struct {
  double score;
  guint r, e, k;
} HeapItem;

typedef struct {
  guint r, e;
  double score;
  gboolean reviewed; /* the translator's link (sverka_align_reviewed()) */
} Link;

/* An edge seen in its roles: report sentence s and source sentence t, and
 * their matched units (all, and through strong keys). */
typedef struct {
  guint s, t;
  guint64 ms, ms_strong, mt, mt_strong;
  double prior;
} EdgeView;

static EdgeView
edge_view (const Edge *ed, gboolean ru_reports)
{
  const SverkaPairMasks *m = &ed->masks;
  if (ru_reports)
    return (EdgeView) { ed->r, ed->e, m->ru, m->strong_ru, m->en, m->strong_en, ed->prior };
  return (EdgeView) { ed->e, ed->r, m->en, m->strong_en, m->ru, m->strong_ru, ed->prior };
}

/* One document in its role. */
typedef struct {
  SverkaSide *side;
  guint n;
  double q;       /* the share of a sentence's words matched in its counterpart */
  guint64 *label; /* per sentence: its units in a speaker label */
  guint *xdf;     /* per unit: sentences of the other document matching it */
  double *value;  /* report: per unit, its evidence when matched */
  double *miss;   /* source: per unit, its evidence when not matched */
  double *total_miss; /* source: per sentence, the sum of miss over it */
} Role;

/* Per sentence of @doc, the mask of its units inside a speaker label
 * (sverka-turns.c: only a transcript's labels are labels). */
static guint64 *
label_masks (SverkaDocument *doc, const SverkaSide *side)
{
  guint n = side->sents->len;
  guint64 *masks = g_new0 (guint64, MAX (n, 1u));

  for (guint k = 0; k < doc->turns->len; k++) {
    const SverkaTurn *t = g_ptr_array_index (doc->turns, k);
    guint s = t->first;
    const SverkaSentFeatures *f = sverka_side_sentence (side, s);
    gsize end = t->label_end;
    gsize start = g_array_index (doc->sentences, SverkaSentence, s).start;
    for (guint u = 0; u < f->n_units && u < 63; u++) {
      const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
      if (g_array_index (doc->tokens, SverkaToken, unit->token).start < start + end)
        masks[s] |= G_GUINT64_CONSTANT (1) << u;
    }
  }
  return masks;
}

/* The sum of @values over the units of sentence @s of @side in @mask. */
static double
mask_sum (const SverkaSide *side, guint s, guint64 mask, const double *values)
{
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  double sum = 0;
  guint u = G_MAXUINT;

  while (sverka_mask_next (f, &mask, &u))
    sum += values[f->first_unit + u];
  return sum;
}

/* Adds one to @xdf for each unit of sentence @s of @side in @mask. */
static void
count_units (const SverkaSide *side, guint s, guint64 mask, guint *xdf)
{
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  guint u = G_MAXUINT;

  while (sverka_mask_next (f, &mask, &u))
    xdf[f->first_unit + u]++;
}

static guint
popcount64 (guint64 x)
{
  return (guint) __builtin_popcountll (x);
}

/* Does report sentence @s of @doc speak of a question put, a journalist or
 * the moderator ("отвечая на вопрос журналиста", "when asked")? Only such a sentence
 * may be linked into a host's turn of the transcript. */
static gboolean
reports_questions (SverkaDocument *doc, guint s)
{
  /* Not "вопрос" and "question" alone: "по региональным вопросам", "the
   * question of Karabakh" are issues, not questions put; nor "ведущий",
   * mostly "leading". */
  static const char *const prefixes[] = { "спросил",  "спрашива", "отвечая",    "ответил",
                                          "журналист", "корреспондент", "модератор",
                                          "journalist", "reporter", "asked",     "answering",
                                          "replying", "moderator" };
  const SverkaSentence *st = &g_array_index (doc->sentences, SverkaSentence, s);

  for (guint k = 0; k < st->n_tokens; k++) {
    const char *fold = g_array_index (doc->tokens, SverkaToken, st->first_token + k).word->fold;
    for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
      if (g_str_has_prefix (fold, prefixes[i]))
        return TRUE;
  }
  return FALSE;
}

/* Is source sentence @t of @doc in a host's turn (a moderator's words, a
 * journalist's question)? */
static gboolean
in_host_turn (SverkaDocument *doc, guint t)
{
  gboolean host = FALSE;
  sverka_document_get_speaker (doc, t, &host);
  return host;
}

/* The candidate links: every pair sharing a strong key outside speaker
 * labels, but none from a report sentence into a host's turn unless it
 * reports a question (@barred_ru[r] and @barred_en[e] both set: see
 * sverka_align_comparable()). */
static GArray *
find_edges (SverkaScorer *sc, const Role *ru, const Role *en, const gboolean *barred_ru,
            const gboolean *barred_en)
{
  guint n = ru->n, m = en->n;
  gboolean all_pairs = (guint64) n * m <= ALL_PAIRS_MAX;
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  for (guint r = 0; r < n; r++) {
    g_autoptr (GArray) cands = all_pairs ? NULL : sverka_scorer_candidates (sc, r, CANDIDATES, 0, m);
    guint nc = all_pairs ? m : cands->len;
    sverka_scorer_mark_except (sc, r, ru->label[r]);
    for (guint k = 0; k < nc; k++) {
      Edge ed = { .r = r, .e = all_pairs ? k : g_array_index (cands, guint, k) };
      if (barred_ru[r] && barred_en[ed.e])
        continue;
      sverka_scorer_pair_masks (sc, ed.e, en->label[ed.e], &ed.masks);
      if (ed.masks.ru != 0 && ed.masks.en != 0)
        g_array_append_val (edges, ed);
    }
  }
  for (guint k = 0; k < edges->len; k++) {
    const Edge *ed = &g_array_index (edges, Edge, k);
    count_units (ru->side, ed->r, ed->masks.ru, ru->xdf);
    count_units (en->side, ed->e, ed->masks.en, en->xdf);
  }
  return edges;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Sets the q of both roles: over the report sentences, the median share of
 * words matched in the edge that matches the largest share of both
 * sentences' words, within [Q_MIN, Q_MAX]. A pair of texts that the
 * lexicon covers well (a translation in the lexicon's domain) matches more
 * of its words than one it covers poorly, and a missing match says less
 * there. */
static void
estimate_q (const GArray *edges, gboolean ru_reports, Role *rep, Role *src)
{
  g_autofree double *best = g_new0 (double, MAX (rep->n, 1u));
  g_autofree double *fs = g_new0 (double, MAX (rep->n, 1u));
  g_autofree double *ft = g_new0 (double, MAX (rep->n, 1u));
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint k = 0; k < edges->len; k++) {
    EdgeView v = edge_view (&g_array_index (edges, Edge, k), ru_reports);
    guint ns = MIN (sverka_side_sentence (rep->side, v.s)->n_units, 64u);
    guint nt = MIN (sverka_side_sentence (src->side, v.t)->n_units, 64u);
    double xs = popcount64 (v.ms) / (double) MAX (ns, 1u);
    double xt = popcount64 (v.mt) / (double) MAX (nt, 1u);
    if (xs + xt > best[v.s]) {
      best[v.s] = xs + xt;
      fs[v.s] = xs;
      ft[v.s] = xt;
    }
  }
  for (guint s = 0; s < rep->n; s++) {
    if (best[s] > 0) {
      g_array_append_val (a, fs[s]);
      g_array_append_val (b, ft[s]);
    }
  }
  rep->q = src->q = Q_DEFAULT;
  if (a->len == 0)
    return;
  g_array_sort (a, compare_double);
  g_array_sort (b, compare_double);
  rep->q = CLAMP (g_array_index (a, double, a->len / 2), Q_MIN, Q_MAX);
  src->q = CLAMP (g_array_index (b, double, b->len / 2), Q_MIN, Q_MAX);
}

/* The evidence values of the report's units (see the top of the file). */
static void
weigh_report (Role *rep, guint n_source)
{
  double max_weight = log (1.0 + rep->n);
  guint n_units = rep->side->units->len;

  rep->value = g_new0 (double, MAX (n_units, 1u));
  for (guint i = 0; i < n_units; i++) {
    const SverkaUnit *unit = &g_array_index (rep->side->units, SverkaUnit, i);
    double p = (rep->xdf[i] + PRIOR_COUNT * PRIOR_P) / (n_source + PRIOR_COUNT);
    double rarity = max_weight > 0 ? unit->weight / max_weight : 1.0;
    rep->value[i] = p < rep->q ? rarity * log (rep->q / p) : 0.0;
  }
}

/* The evidence values of the source's units, matched (value) and not
 * (miss), and each sentence's total when nothing is matched. */
static void
weigh_source (Role *src, guint n_report)
{
  guint n_units = src->side->units->len;

  src->value = g_new0 (double, MAX (n_units, 1u));
  src->miss = g_new0 (double, MAX (n_units, 1u));
  src->total_miss = g_new0 (double, MAX (src->n, 1u));
  for (guint i = 0; i < n_units; i++) {
    double p = (src->xdf[i] + PRIOR_COUNT * PRIOR_P) / (n_report + PRIOR_COUNT);
    src->value[i] = p < src->q ? log (src->q / p) : 0.0;
    src->miss[i] = log ((1.0 - src->q) / (1.0 - MIN (p, MAX_P)));
  }
  for (guint s = 0; s < src->n; s++) {
    const SverkaSentFeatures *f = sverka_side_sentence (src->side, s);
    guint64 all = f->n_units >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << f->n_units) - 1;
    src->total_miss[s] = mask_sum (src->side, s, all & ~src->label[s], src->miss);
  }
}

static void
role_clear (Role *role)
{
  g_free (role->label);
  g_free (role->xdf);
  g_free (role->value);
  g_free (role->miss);
  g_free (role->total_miss);
}

/* Does edge @x go before edge @y: a higher score, then the document order? */
static gboolean
edge_before (const HeapItem *x, const HeapItem *y)
{
  if (x->score != y->score)
    return x->score > y->score;
  if (x->r != y->r)
    return x->r < y->r;
  return x->e < y->e;
}

/* A binary heap of edges, best first. */
static void
heap_sift_down (HeapItem *h, guint n, guint i)
{
  for (;;) {
    guint best = i, l = 2 * i + 1, r = l + 1;
    HeapItem tmp;
    if (l < n && edge_before (&h[l], &h[best]))
      best = l;
    if (r < n && edge_before (&h[r], &h[best]))
      best = r;
    if (best == i)
      return;
    tmp = h[i];
    h[i] = h[best];
    h[best] = tmp;
    i = best;
  }
}

static int
compare_links (gconstpointer a, gconstpointer b)
{
  const Link *x = a, *y = b;
  if (x->r != y->r)
    return x->r < y->r ? -1 : 1;
  return x->e < y->e ? -1 : x->e > y->e;
}

/* The score of edge @v (see the top of the file), the report sentence's
 * words in @covered and the source sentence's in @explained counting
 * nothing. */
static double
edge_score (const EdgeView *v, const Role *rep, const Role *src, guint64 covered,
            guint64 explained)
{
  guint s = v->s, t = v->t;
  double report = mask_sum (rep->side, s, v->ms_strong & ~covered, rep->value)
                  + GENERAL_WEIGHT
                        * mask_sum (rep->side, s, v->ms & ~v->ms_strong & ~covered, rep->value);
  double source = src->total_miss[t] - mask_sum (src->side, t, v->mt, src->miss)
                  + mask_sum (src->side, t, v->mt_strong & ~explained, src->value)
                  + GENERAL_WEIGHT
                        * mask_sum (src->side, t, v->mt & ~v->mt_strong & ~explained, src->value);

  return report + source + v->prior;
}

/* Sets the prior of every edge: its position (POSITION_COST, and ln of
 * the source's sentences for being the best of that many), and, given the
 * @links of an earlier pass (NULL in the first), whether it continues the
 * links of the report sentences next to it: a mixture that gives
 * LOCAL_SHARE to the LOCAL_AHEAD + 1 source sentences from the source of
 * the sentence before on (or up to the source of the sentence after). */
static void
set_priors (GArray *edges, gboolean ru_reports, const Role *rep, const Role *src,
            const GArray *links, const SverkaAttribution *attr)
{
  guint n_links = links != NULL ? links->len : 0;
  g_autofree guint *first = g_new0 (guint, rep->n + 1);
  double log_candidates = log (MAX (src->n, 1u));
  g_autofree guint *target = g_new (guint, MAX (n_links, 1u));

  /* target[first[s]] .. target[first[s + 1] - 1]: the sources of report
   * sentence s */
  for (guint k = 0; k < n_links; k++) {
    const Link *l = &g_array_index (links, Link, k);
    first[(ru_reports ? l->r : l->e) + 1]++;
  }
  for (guint s = 0; s < rep->n; s++)
    first[s + 1] += first[s];
  {
    g_autofree guint *fill = g_memdup2 (first, (rep->n + 1) * sizeof (guint));
    for (guint k = 0; k < n_links; k++) {
      const Link *l = &g_array_index (links, Link, k);
      target[fill[ru_reports ? l->r : l->e]++] = ru_reports ? l->e : l->r;
    }
  }
  for (guint k = 0; k < edges->len; k++) {
    Edge *ed = &g_array_index (edges, Edge, k);
    EdgeView v = edge_view (ed, ru_reports);
    double pos = fabs ((v.s + 0.5) / rep->n - (v.t + 0.5) / src->n);
    double global = -POSITION_COST * pos - log_candidates;
    gboolean has_neighbours = FALSE, local = FALSE;

    if (v.s > 0) {
      for (guint i = first[v.s - 1]; i < first[v.s]; i++) {
        has_neighbours = TRUE;
        local |= v.t >= target[i] && v.t <= target[i] + LOCAL_AHEAD;
      }
    }
    if (v.s + 1 < rep->n) {
      for (guint i = first[v.s + 1]; i < first[v.s + 2]; i++) {
        has_neighbours = TRUE;
        local |= v.t <= target[i] && v.t + LOCAL_AHEAD >= target[i];
      }
    }
    ed->prior = has_neighbours ? log ((1 - LOCAL_SHARE) * exp (global)
                                      + (local ? LOCAL_SHARE / (LOCAL_AHEAD + 1) : 0.0))
                               : global;
    /* A report sentence that gives a principal's words finds its source in
     * that principal's turns SPEAKER_SHARE of the time, and in another
     * principal's turns less often than their size says. */
    if (attr != NULL && attr->rep_speaker[v.s] != G_MAXUINT) {
      guint x = attr->rep_speaker[v.s];
      double nx = attr->n_turn_sentences[x];
      if (attr->src_speaker[v.t] != x && attr->src_speaker[v.t] != G_MAXUINT)
        ed->prior += log ((1 - SPEAKER_SHARE) / (1 - nx / src->n));
    }
  }
}

/* Takes links best first (see the top of the file) into @links, in
 * report order, and sets the best score of each Russian and English
 * sentence's edges in @best_ru and @best_en. */
static void
take_links (const GArray *edges, gboolean ru_reports, const Role *rep, const Role *src,
            GArray *links, double *best_ru, double *best_en)
{
  guint hn = edges->len;
  g_autofree HeapItem *h = g_new (HeapItem, MAX (hn, 1u));
  g_autofree guint64 *covered = g_new0 (guint64, MAX (rep->n, 1u));   /* per report sentence */
  g_autofree guint64 *explained = g_new0 (guint64, MAX (src->n, 1u)); /* per source sentence */
  g_autofree guint *n_links = g_new0 (guint, MAX (rep->n, 1u));
  guint n = ru_reports ? rep->n : src->n, m = ru_reports ? src->n : rep->n;

  for (guint r = 0; r < n; r++)
    best_ru[r] = -INFINITY;
  for (guint e = 0; e < m; e++)
    best_en[e] = -INFINITY;
  /* Score every edge with nothing explained yet, then take them best first. */
  for (guint k = 0; k < hn; k++) {
    const Edge *ed = &g_array_index (edges, Edge, k);
    EdgeView v = edge_view (ed, ru_reports);
    double score = edge_score (&v, rep, src, 0, 0);

    h[k] = (HeapItem) { score, ed->r, ed->e, k };
    best_ru[ed->r] = MAX (best_ru[ed->r], score);
    best_en[ed->e] = MAX (best_en[ed->e], score);
  }
  for (guint k = hn / 2; k-- > 0;)
    heap_sift_down (h, hn, k);
  while (hn > 0) {
    const Edge *ed = &g_array_index (edges, Edge, h[0].k);
    EdgeView v = edge_view (ed, ru_reports);
    double score = edge_score (&v, rep, src, covered[v.s], explained[v.t]);

    if (score < h[0].score) {
      h[0].score = score;
      heap_sift_down (h, hn, 0);
      continue;
    }
    if (score <= 0)
      break; /* no edge left can be positive */
    h[0] = h[--hn];
    heap_sift_down (h, hn, 0);
    if (n_links[v.s] >= MAX_LINKS)
      continue;
    n_links[v.s]++;
    covered[v.s] |= v.ms;
    explained[v.t] |= v.mt;
    g_array_append_val (links, ((Link) { ed->r, ed->e, score, FALSE }));
  }
  g_array_sort (links, compare_links);
}

static int
compare_ru_en (gconstpointer a, gconstpointer b)
{
  const Link *x = a, *y = b;
  if (x->r != y->r)
    return x->r < y->r ? -1 : 1;
  return x->e < y->e ? -1 : x->e > y->e;
}

static gboolean
same_links (const GArray *a, const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint k = 0; k < a->len; k++) {
    const Link *x = &g_array_index (a, Link, k), *y = &g_array_index (b, Link, k);
    if (x->r != y->r || x->e != y->e)
      return FALSE;
  }
  return TRUE;
}

/* How likely a link of this score is right. The score, a log-likelihood
 * ratio in nats, is not a probability: its logistic is overconfident (links
 * of score 2 to 4, 0.88 to 0.98 by it, were right 80% of the time), since
 * the ratio leaves out the chance of a wrong candidate that happens to share
 * words, more likely the weaker the lexicon's hold on the text. */
static double
link_probability (double score)
{
  return sverka_sigmoid (LINK_SLOPE * score + LINK_OFFSET);
}

/* How likely a sentence linked to nothing has no counterpart, from the best
 * score among its candidates (-INFINITY without any). Little depends on
 * that score: a candidate that lost to a better one is no counterpart
 * either, and a sentence without candidates may have one in other words;
 * so this is near the share of such sentences that had none (four in five
 * on the development sets). */
static double
unlinked_probability (double best)
{
  return sverka_sigmoid (UNLINKED_SLOPE * CLAMP (best, -UNLINKED_CLAMP, UNLINKED_CLAMP)
                         + UNLINKED_OFFSET);
}

/* A candidate's probability (set_candidates()): a logistic model of its
 * score, rank (0 for the best) and gap to the best's score, fitted by
 * tests/eval/candidates.py --fit on the three development pairs of
 * corpus/comparable-dev (the bundled pair left out). */
#define CAND_BIAS -0.3729
#define CAND_SCORE 0.2404
#define CAND_RANK -1.0318
#define CAND_GAP -0.0145

/* The best SVERKA_MAX_CANDIDATES source sentences of every report sentence,
 * by the score of their edge with nothing explained yet (as the links are
 * first ranked), with the priors of the last pass, and whether @links
 * holds them. */
static void
set_candidates (SverkaAlignment *al, const GArray *edges, const GArray *links,
                gboolean ru_reports, const Role *rep, const Role *src)
{
  guint n = rep->n;
  g_autofree SverkaCandidate *best = g_new0 (SverkaCandidate, MAX (n, 1u) * SVERKA_MAX_CANDIDATES);
  g_autofree guint *count = g_new0 (guint, MAX (n, 1u));
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree SverkaCandidate *packed = g_new (SverkaCandidate, MAX (n, 1u) * SVERKA_MAX_CANDIDATES);

  for (guint k = 0; k < edges->len; k++) {
    EdgeView v = edge_view (&g_array_index (edges, Edge, k), ru_reports);
    double x = edge_score (&v, rep, src, 0, 0);
    SverkaCandidate *c = best + (gsize) v.s * SVERKA_MAX_CANDIDATES;
    guint i = count[v.s];
    /* Insertion into the sorted few; ties keep the earlier source sentence. */
    if (i == SVERKA_MAX_CANDIDATES && x <= c[i - 1].evidence)
      continue;
    if (i < SVERKA_MAX_CANDIDATES)
      count[v.s]++;
    else
      i--;
    while (i > 0 && (x > c[i - 1].evidence
                     || (x == c[i - 1].evidence && v.t < c[i - 1].sentence))) {
      c[i] = c[i - 1];
      i--;
    }
    c[i] = (SverkaCandidate) { v.t, x, 0, FALSE };
  }
  for (guint s = 0; s < n; s++)
    for (guint i = 0; i < count[s]; i++) {
      SverkaCandidate *c = best + (gsize) s * SVERKA_MAX_CANDIDATES;
      c[i].probability = sverka_sigmoid (CAND_BIAS + CAND_SCORE * c[i].evidence + CAND_RANK * i
                                         + CAND_GAP * (c[0].evidence - c[i].evidence));
    }
  for (guint k = 0; k < links->len; k++) {
    const Link *l = &g_array_index (links, Link, k);
    guint s = ru_reports ? l->r : l->e, t = ru_reports ? l->e : l->r;
    for (guint i = 0; i < count[s]; i++)
      if (best[(gsize) s * SVERKA_MAX_CANDIDATES + i].sentence == t)
        best[(gsize) s * SVERKA_MAX_CANDIDATES + i].linked = TRUE;
  }
  for (guint s = 0; s < n; s++) {
    memcpy (packed + first[s], best + (gsize) s * SVERKA_MAX_CANDIDATES,
            count[s] * sizeof (SverkaCandidate));
    first[s + 1] = first[s] + count[s];
  }
  sverka_alignment_set_candidates (al, ru_reports ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN, n,
                                   first, packed);
}

/* The translator's decisions: every link of a report sentence decided in
 * @review is replaced by the links given; @decided (per report sentence)
 * gets which were. @links stays sorted by (ru, en). */
static void
apply_review (SverkaReview *review, gboolean ru_reports, GArray *links, gboolean *decided)
{
  g_autoptr (GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (Link), links->len);

  for (guint i = 0; i < sverka_review_get_n_decisions (review); i++) {
    guint report, n;
    sverka_review_get_decision (review, i, &report, &n);
    decided[report] = TRUE;
  }
  for (guint k = 0; k < links->len; k++) {
    const Link *l = &g_array_index (links, Link, k);
    if (!decided[ru_reports ? l->r : l->e])
      g_array_append_val (kept, *l);
  }
  for (guint i = 0; i < sverka_review_get_n_decisions (review); i++) {
    guint report, n;
    const guint *source = sverka_review_get_decision (review, i, &report, &n);
    for (guint k = 0; k < n; k++) {
      Link l = { ru_reports ? report : source[k], ru_reports ? source[k] : report, 0.0, TRUE };
      g_array_append_val (kept, l);
    }
  }
  g_array_sort (kept, compare_ru_en);
  g_array_set_size (links, 0);
  g_array_append_vals (links, kept->data, kept->len);
}

void
sverka_align_comparable (SverkaScorer *sc, SverkaLexicon *lex, SverkaDocument *ru_doc,
                         SverkaDocument *en_doc, SverkaReview *review, SverkaAlignment *al)
{
  guint n = sc->ru.sents->len, m = sc->en.sents->len;
  Role ru = { .side = &sc->ru, .n = n }, en = { .side = &sc->en, .n = m };
  gboolean ru_reports = n <= m;
  Role *rep = ru_reports ? &ru : &en, *src = ru_reports ? &en : &ru;
  g_autoptr (GArray) edges = NULL;
  g_autoptr (GArray) links = NULL;
  g_autofree double *best_ru = g_new (double, MAX (n, 1u));
  g_autofree double *best_en = g_new (double, MAX (m, 1u));
  g_autofree gint *citing = g_new (gint, MAX (m, 1u));
  g_autofree guint *after_row = g_new0 (guint, n + 2); /* unlinked English, bucketed by row */
  g_autofree guint *unlinked = g_new (guint, MAX (m, 1u));
  g_autofree gboolean *barred_ru = g_new0 (gboolean, MAX (n, 1u));
  g_autoptr (SverkaAttribution) attr = NULL;
  g_autofree gboolean *barred_en = g_new0 (gboolean, MAX (m, 1u));
  g_autofree gboolean *decided = g_new0 (gboolean, MAX (ru_reports ? n : m, 1u));

  ru.label = label_masks (ru_doc, &sc->ru);
  en.label = label_masks (en_doc, &sc->en);
  ru.xdf = g_new0 (guint, MAX (sc->ru.units->len, 1u));
  en.xdf = g_new0 (guint, MAX (sc->en.units->len, 1u));
  /* A report sentence that does not report a question is barred from a
   * source sentence in a host's turn. */
  for (guint r = 0; r < n; r++)
    barred_ru[r] = ru_reports ? !reports_questions (ru_doc, r) : in_host_turn (ru_doc, r);
  for (guint e = 0; e < m; e++)
    barred_en[e] = ru_reports ? in_host_turn (en_doc, e) : !reports_questions (en_doc, e);
  edges = find_edges (sc, &ru, &en, barred_ru, barred_en);
  attr = sverka_attribution_find (sc, ru_doc, en_doc, ru_reports, src->label);
  estimate_q (edges, ru_reports, rep, src);
  weigh_report (rep, src->n);
  weigh_source (src, rep->n);

  for (guint pass = 0; pass < MAX_PASSES; pass++) {
    g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (Link));
    gboolean settled;

    set_priors (edges, ru_reports, rep, src, links, attr);
    take_links (edges, ru_reports, rep, src, next, best_ru, best_en);
    settled = links != NULL && same_links (next, links);
    g_clear_pointer (&links, g_array_unref);
    links = g_steal_pointer (&next);
    if (settled)
      break;
  }

  if (review != NULL)
    apply_review (review, ru_reports, links, decided);
  set_candidates (al, edges, links, ru_reports, rep, src);
  /* Why each link holds: its word pairs, for the report's readers. The
   * links are sorted by report sentence; the alignment wants (ru, en). */
  {
    g_autoptr (GArray) order = g_array_copy (links);
    g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (SverkaMatch));
    g_array_sort (order, compare_ru_en);
    for (guint k = 0; k < order->len; k++) {
      const Link *l = &g_array_index (order, Link, k);
      g_array_set_size (pairs, 0);
      sverka_explain_pair (sc, lex, ru_doc, en_doc, l->r, l->e, ru.label[l->r], en.label[l->e], pairs);
      sverka_alignment_add_matches (al, l->r, l->e, (const SverkaMatch *) (void *) pairs->data,
                                    pairs->len);
    }
  }

  /* Rows in Russian order; an English sentence linked to nothing goes after
   * the row of the nearest linked English sentence before it (the last row
   * citing that one), or before the first row: bucket row + 1 of
   * after_row, a counting sort that keeps the English order. */
  for (guint e = 0; e < m; e++)
    citing[e] = -1;
  for (guint k = 0; k < links->len; k++) {
    const Link *l = &g_array_index (links, Link, k);
    citing[l->e] = MAX (citing[l->e], (gint) l->r);
  }
  {
    gint row = -1;
    for (guint e = 0; e < m; e++) {
      if (citing[e] >= 0)
        row = citing[e];
      else
        after_row[row + 2]++;
    }
    for (guint b = 1; b < n + 2; b++)
      after_row[b] += after_row[b - 1];
    row = -1;
    for (guint e = 0; e < m; e++) {
      if (citing[e] >= 0)
        row = citing[e];
      else
        unlinked[after_row[row + 1]++] = e;
    }
  }
  /* after_row[b] now ends bucket b (row b - 1) and starts bucket b + 1. */
  {
    g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
    guint k = 0, u = 0;
    for (gint row = -1; row < (gint) n; row++) {
      if (row >= 0) {
        guint r = (guint) row;
        double sum = 0;
        gboolean all_reviewed = TRUE;
        g_array_set_size (ids, 0);
        for (; k < links->len && g_array_index (links, Link, k).r == r; k++) {
          const Link *l = &g_array_index (links, Link, k);
          g_array_append_val (ids, l->e);
          sum += l->reviewed ? 1.0 : link_probability (l->score);
          all_reviewed = all_reviewed && l->reviewed;
        }
        /* A linked sentence: how likely its links are right, on average;
         * an unlinked one: how likely it has no counterpart (certain when
         * the translator said so). */
        if (ids->len > 0)
          sverka_alignment_add_bead_flags (al, &r, 1, (const guint *) (void *) ids->data,
                                           ids->len, sum / ids->len,
                                           all_reviewed ? SVERKA_BEAD_REVIEWED : 0);
        else if (ru_reports && decided[r])
          sverka_alignment_add_bead_flags (al, &r, 1, NULL, 0, 1.0, SVERKA_BEAD_REVIEWED);
        else
          sverka_alignment_add_bead (al, &r, 1, NULL, 0, unlinked_probability (best_ru[r]));
      }
      for (; u < after_row[row + 1]; u++) {
        if (!ru_reports && decided[unlinked[u]])
          sverka_alignment_add_bead_flags (al, NULL, 0, &unlinked[u], 1, 1.0,
                                           SVERKA_BEAD_REVIEWED);
        else
          sverka_alignment_add_bead (al, NULL, 0, &unlinked[u], 1,
                                     unlinked_probability (best_en[unlinked[u]]));
      }
    }
  }
  role_clear (&ru);
  role_clear (&en);
}
