/* sverka-simmap.c: a sparse map of sentence similarity (see the header). */
#include <stdlib.h>

#include "sverka-score-private.h"
#include "sverka-simmap.h"

/* Up to this many pairs, every pair is scored; beyond, the candidates of
 * the inverted index only. */
#define ALL_PAIRS_MAX 250000
/* Candidates looked at per wanted point, when going through the index. */
#define CANDIDATES_PER_POINT 6

struct _SverkaSimMap {
  guint n_ru, n_en;
  GArray *points; /* SverkaSimPoint */
};

static int
compare_points (gconstpointer a, gconstpointer b)
{
  const SverkaSimPoint *x = a, *y = b;
  if (x->ru != y->ru)
    return x->ru < y->ru ? -1 : 1;
  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  return x->en < y->en ? -1 : x->en > y->en;
}

static float
similarity (SverkaScorer *sc, guint r, guint e)
{
  SverkaPair p;
  float w = sverka_side_sentence (&sc->ru, r)->weight + sverka_side_sentence (&sc->en, e)->weight;
  sverka_scorer_pair (sc, r, e, &p);
  return w > 0 ? (p.mr + p.me) / w : 0;
}

SverkaSimMap *
sverka_simmap_new (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
                   guint per_sentence, GError **error)
{
  g_autoptr (SverkaSimMap) map = g_new0 (SverkaSimMap, 1);
  g_autoptr (SverkaScorer) sc = NULL;
  g_autoptr (GArray) row = g_array_new (FALSE, FALSE, sizeof (SverkaSimPoint));
  gboolean all_pairs;

  if (!sverka_document_analyze (ru, error) || !sverka_document_analyze (en, error))
    return NULL;
  sc = sverka_scorer_new (lex, ru, en, error);
  if (sc == NULL)
    return NULL;
  per_sentence = MAX (per_sentence, 1u);
  map->n_ru = sverka_document_get_n_sentences (ru);
  map->n_en = sverka_document_get_n_sentences (en);
  map->points = g_array_new (FALSE, FALSE, sizeof (SverkaSimPoint));
  all_pairs = (guint64) map->n_ru * map->n_en <= ALL_PAIRS_MAX;

  for (guint r = 0; r < map->n_ru; r++) {
    g_autoptr (GArray) cands = NULL;
    guint nc = map->n_en;
    g_array_set_size (row, 0);
    if (!all_pairs) {
      cands = sverka_scorer_candidates (sc, r, per_sentence * CANDIDATES_PER_POINT, 0,
                                        map->n_en);
      nc = cands->len;
    }
    sverka_scorer_mark (sc, r);
    for (guint k = 0; k < nc; k++) {
      SverkaSimPoint p = { r, all_pairs ? k : g_array_index (cands, guint, k), 0 };
      p.similarity = similarity (sc, r, p.en);
      if (p.similarity > 0)
        g_array_append_val (row, p);
    }
    g_array_sort (row, compare_points);
    g_array_append_vals (map->points, row->data, MIN (row->len, per_sentence));
  }
  return g_steal_pointer (&map);
}

void
sverka_simmap_free (SverkaSimMap *map)
{
  if (map == NULL)
    return;
  g_clear_pointer (&map->points, g_array_unref);
  g_free (map);
}

guint
sverka_simmap_get_n_ru (SverkaSimMap *map)
{
  return map->n_ru;
}

guint
sverka_simmap_get_n_en (SverkaSimMap *map)
{
  return map->n_en;
}

const SverkaSimPoint *
sverka_simmap_get_points (SverkaSimMap *map, guint *n)
{
  *n = map->points->len;
  return (const SverkaSimPoint *) (void *) map->points->data;
}
