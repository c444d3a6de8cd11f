/* sverka-check-absorbed.c: omission and addition in parallel mode, a
 * sentence inside a larger bead that matches nothing on the other side (or
 * only what the bead's other members match): a sentence with no counterpart
 * that the alignment joined to a neighbour sharing its words. */
#include "sverka-check-private.h"

/* A sentence inside a larger bead whose own evidence (what no other member
 * of its side matches) is at most this share of its weight has no
 * counterpart in the bead. */
#define MEMBER_UNIQUE_SHARE 0.05

/* The evidence only member @s of bead @b brings: the weight of the units on
 * the other side that @s matches and no other member of its side does, over
 * the weight of @s. A sentence the alignment absorbed into a neighbour's
 * bead shares only the words its neighbour already matches. */
static double
member_unique_share (SverkaChecker *c, const SverkaBead *b, gboolean russian, guint s)
{
  const guint *mine = russian ? b->ru : b->en, *theirs = russian ? b->en : b->ru;
  guint n_mine = russian ? b->n_ru : b->n_en, n_theirs = russian ? b->n_en : b->n_ru;
  const SverkaSentFeatures *f = sverka_side_sentence (russian ? &c->sc->ru : &c->sc->en, s);
  double unique = 0;

  if (f->weight <= 0)
    return 1.0;
  for (guint y = 0; y < n_theirs; y++) {
    guint64 own = 0, rest = 0;
    for (guint k = 0; k < n_mine; k++) {
      SverkaPair p;
      guint r = russian ? mine[k] : theirs[y], e = russian ? theirs[y] : mine[k];
      sverka_scorer_mark (c->sc, r);
      sverka_scorer_pair (c->sc, r, e, &p);
      if (mine[k] == s)
        own |= russian ? p.mask_en : p.mask;
      else
        rest |= russian ? p.mask_en : p.mask;
    }
    unique += russian ? sverka_scorer_mask_weight_en (c->sc, theirs[y], own & ~rest)
                      : sverka_scorer_mask_weight (c->sc, theirs[y], own & ~rest);
  }
  return unique / f->weight;
}

/* A sentence inside a larger bead that nothing on the other side matches:
 * an addition or an omission the alignment absorbed. */
static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  if (b->n_ru == 0 || b->n_en == 0 || b->n_ru + b->n_en < 3)
    return;
  for (guint side = 0; side < 2; side++) {
    gboolean russian = side == 0;
    const guint *sents = russian ? b->ru : b->en;
    guint n = russian ? b->n_ru : b->n_en;
    if (n < 2)
      continue;
    for (guint k = 0; k < n; k++) {
      const SverkaSentFeatures *f =
          sverka_side_sentence (russian ? &c->sc->ru : &c->sc->en, sents[k]);
      guint64 mask = sverka_check_bead_mask (c, b, russian, sents[k]);
      double share = f->weight > 0 ? (russian ? sverka_scorer_mask_weight (c->sc, sents[k], mask)
                                              : sverka_scorer_mask_weight_en (c->sc, sents[k], mask))
                                         / f->weight
                                   : 1.0;
      guint one[1] = { sents[k] };
      /* Nothing matched, or only what the other members match too. */
      if (f->n_units < 3
          || (share > 0.1
              && member_unique_share (c, b, russian, sents[k]) > MEMBER_UNIQUE_SHARE))
        continue;
      sverka_checker_add_side_note (c, russian ? SVERKA_NOTE_ADDITION : SVERKA_NOTE_OMISSION,
                                    SVERKA_SEVERITY_ERROR, russian, one, 1,
                               g_strdup_printf ("%s sentence aligned with others but matching "
                                                "nothing on the other side: no counterpart?",
                                                sverka_checker_code (c, russian)));
    }
  }
}

const SverkaCheck sverka_check_absorbed = {
  .name = "absorbed",
  .parallel_only = TRUE,
  .bead = check_bead,
};
