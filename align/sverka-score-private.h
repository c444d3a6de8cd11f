/* sverka-score-private.h: the evidence that two sentences say the same thing.
 *
 * Each content word of a sentence (not a stop word) is a "unit" with a weight
 * (its rarity in its document: ln(1 + N/df)) and a few keys, interned as
 * integers:
 * - an English word: its stem ("s:airport"), its sound skeleton cut to five
 *   letters ("c:airpo"), or a number ("#120000") for a number;
 * - a Russian word: the English stems of the lexicon entries that match it
 *   (a multiword entry gives its keys to each word it covers), its skeleton
 *   key (names and cognates: Столтенберг, конференция), its number key, and
 *   for a Latin word in Russian text ("NATO") its own English stem.
 * A unit matches the other sentence if one of its keys is among that
 * sentence's keys. The similarity of two sentences is the matched weight of
 * both over the total weight of both, in [0, 1].
 */
#pragma once

#include "sverka-document-private.h"
#include "sverka-key-table-private.h"
#include "sverka-lexicon-private.h"

G_BEGIN_DECLS

/* Keys in more English sentences than this never propose candidates. */
#define SVERKA_CANDIDATE_MAX_DF 32u

typedef struct {
  guint first_key; /* into SverkaSide.keys, where other units may read the
                    * same list: a sentence's keys do not lie together */
  guint16 n_keys;
  /* keys [0, n_strong) come from the text itself (stem, skeleton, number)
   * or from lexicon entries not tagged general; the rest only from a
   * general dictionary's senses */
  guint16 n_strong;
  float weight;   /* ln(1 + N / df) of the key that names the unit, df being
                   * the number of sentences of its document that hold it */
  guint token;    /* the document token the unit starts at */
} SverkaUnit;

typedef struct {
  guint first_unit; /* into SverkaSide.units */
  guint n_units;
  guint first_sorted; /* into SverkaSide.sorted_keys: the sentence's distinct
                       * keys (English sentences only; 0 for Russian ones) */
  guint n_sorted;
  float weight;  /* sum of unit weights */
  guint n_chars; /* length in characters */
} SverkaSentFeatures;

typedef struct {
  GArray *sents;       /* SverkaSentFeatures */
  GArray *units;       /* SverkaUnit */
  GArray *keys;        /* guint: the units' key lists (units with equal lists
                        * share one: see SverkaUnit.first_key) */
  GArray *sorted_keys; /* guint, per sentence, sorted and distinct; English
                        * side only (NULL on the Russian: it would take as
                        * much memory as its keys, for the candidates alone) */
  guint64 total_chars;
} SverkaSide;

typedef struct {
  SverkaKeyTable ids; /* the key strings by id, while the sides are built (empty after) */
  guint n_ids;
  GByteArray *key_kind; /* per key id: the first byte of its key: 's' (a
                         * stem, or a lexicon rendering), 'c' (a sound
                         * skeleton), '#' (a number), ... */
  SverkaSide ru;
  SverkaSide en;
  /* Scratch for pair scoring: per key id, the stamp of the Russian sentence
   * last marked and the mask of its units holding the key. */
  guint *stamp;
  guint64 *mask;
  guint64 *strong_mask; /* sverka_scorer_mark_except(): the units holding the key as a strong key */
  guint cur_stamp;
  /* The Russian sentence sverka_scorer_mark() marked last, while no other
   * marking came after it (G_MAXUINT for none): marking it again is a no-op. */
  guint marked;
  /* Inverted index of the English keys (built on demand): the sentences
   * holding key k are post[post_start[k] .. post_start[k + 1]). */
  guint *post_start;
  guint *post;
  /* Beside each post[i] (built with the first window of
   * sverka_scorer_window_pairs()): the units of that sentence holding the
   * key, as sverka_scorer_pair_masks() numbers them. */
  guint64 *post_units;
  /* The weight ln(1 + N / df) of a key proposing candidates, per df up to
   * SVERKA_CANDIDATE_MAX_DF (N English sentences). */
  float cand_weight[SVERKA_CANDIDATE_MAX_DF + 1];
  float *acc;
  /* Scratch of sverka_scorer_candidates(): the English sentences with a
   * weight in acc, and the Russian sentence's keys. */
  guint *touched;
  GArray *cand_keys;
} SverkaScorer;

/* The sentence of a side's features. */
static inline const SverkaSentFeatures *
sverka_side_sentence (const SverkaSide *side, guint s)
{
  return &g_array_index (side->sents, SverkaSentFeatures, s);
}

/* Walks the units of sentence @f in @mask, unit k being bit MIN(k, 63): bit
 * 63 stands for every unit from the 64th on. Start with *@u = G_MAXUINT;
 * each TRUE return leaves the next unit's index (from f->first_unit) in *@u.
 *
 *   guint u = G_MAXUINT;
 *   while (sverka_mask_next (f, &mask, &u))
 *     ... unit f->first_unit + u ...
 */
static inline gboolean
sverka_mask_next (const SverkaSentFeatures *f, guint64 *mask, guint *u)
{
  if (*u != G_MAXUINT && *u >= 63)
    return ++*u < f->n_units;
  while (*mask != 0) {
    guint b = (guint) __builtin_ctzll (*mask);
    *mask &= *mask - 1;
    if (b < f->n_units) {
      *u = b;
      return TRUE;
    }
  }
  return FALSE;
}

/* Builds the features of both documents (analysed). */
SverkaScorer *sverka_scorer_new (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
                                 GError **error);
void sverka_scorer_free (SverkaScorer *sc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaScorer, sverka_scorer_free)

/* Marks Russian sentence @r for sverka_scorer_pair(). */
void sverka_scorer_mark (SverkaScorer *sc, guint r);
/* The same for sverka_scorer_pair_masks(), leaving out the units of @r in
 * @skip (unit k is bit MIN(k, 63)) and telling its strong keys (see
 * SverkaUnit) from the others. */
void sverka_scorer_mark_except (SverkaScorer *sc, guint r, guint64 skip);

/* The evidence between the marked Russian sentence and English sentence @e:
 * matched Russian weight, matched English weight, and the masks of the
 * matched units of each side (unit k of a sentence is bit MIN(k, 63)), so
 * that the evidence of several pairs can be united without counting a word
 * twice. */
typedef struct {
  float mr;
  float me;
  guint64 mask;    /* Russian units */
  guint64 mask_en; /* English units */
} SverkaPair;

void sverka_scorer_pair (SverkaScorer *sc, guint r, guint e, SverkaPair *out);

/* sverka_scorer_pair() of marked Russian sentence @r with each of the @n
 * English sentences from @e_lo, into @out[0 .. @n): the same values, found
 * from @r's keys and the sentences holding them (the inverted index)
 * rather than from each English sentence's keys. */
void sverka_scorer_window_pairs (SverkaScorer *sc, guint r, guint e_lo, guint n, SverkaPair *out);
/* Frees what sverka_scorer_window_pairs() built, once no window is asked
 * for again (it is built again if one is). */
void sverka_scorer_windows_done (SverkaScorer *sc);

/* The unit masks of the marked Russian sentence and English sentence @e
 * (those of sverka_scorer_pair()), leaving out the English units of @e in
 * @skip_en (as if they held no key); after sverka_scorer_mark_except(), also
 * the units matched through a strong key (subsets of the others; none after
 * sverka_scorer_mark()). */
typedef struct {
  guint64 ru, en;               /* matched units */
  guint64 strong_ru, strong_en; /* of those, the units matched through a strong key */
} SverkaPairMasks;

void sverka_scorer_pair_masks (SverkaScorer *sc, guint e, guint64 skip_en, SverkaPairMasks *out);

/* The weight of the Russian units of @r in @mask. */
float sverka_scorer_mask_weight (SverkaScorer *sc, guint r, guint64 mask);
/* The weight of the English units of @e in @mask. */
float sverka_scorer_mask_weight_en (SverkaScorer *sc, guint e, guint64 mask);

/* English sentences in [@lo, @hi) sharing a rare key with Russian sentence
 * @r, by shared weight, best first; at most @max. Uses the inverted index
 * built on first call. Returns: (transfer full) array of guint. */
GArray *sverka_scorer_candidates (SverkaScorer *sc, guint r, guint max, guint lo, guint hi);

G_END_DECLS
