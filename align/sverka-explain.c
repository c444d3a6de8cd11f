/* sverka-explain.c: which words of two sentences match, and why.
 *
 * The scorer (sverka-score-private.h) matches a unit of one sentence with
 * the other when they share a key. To show a translator why two sentences
 * were linked, each Russian unit is paired with the first English unit of
 * the other sentence sharing one of its keys (each English unit once), and
 * the key's kind gives the reason: a number ("120 тысяч" / "120,000"), a
 * sound skeleton (a name or a cognate: Столтенберг / Stoltenberg), a stem
 * (the lexicon's rendering of a Russian word, or the same Latin word on
 * both sides: NATO / NATO). */
#include "sverka-explain-private.h"

static SverkaMatchReason
reason_of (guint8 kind, const SverkaWord *ru_word)
{
  if (kind == '#')
    return SVERKA_MATCH_NUMBER;
  if (kind == 'c')
    return SVERKA_MATCH_NAME;
  return (ru_word->flags & SVERKA_WORD_CYRILLIC) ? SVERKA_MATCH_LEXICON : SVERKA_MATCH_SAME;
}

/* The first key unit @a and unit @b share, or G_MAXUINT. */
static guint
shared_key (const SverkaSide *sa, const SverkaUnit *a, const SverkaSide *sb, const SverkaUnit *b)
{
  for (guint i = 0; i < a->n_keys; i++) {
    guint k = g_array_index (sa->keys, guint, a->first_key + i);
    for (guint j = 0; j < b->n_keys; j++)
      if (g_array_index (sb->keys, guint, b->first_key + j) == k)
        return k;
  }
  return G_MAXUINT;
}

void
sverka_explain_pair (SverkaScorer *sc, SverkaDocument *ru, SverkaDocument *en, guint r, guint e,
                     guint64 skip_ru, guint64 skip_en, GArray *out)
{
  const SverkaSentFeatures *fr = sverka_side_sentence (&sc->ru, r);
  const SverkaSentFeatures *fe = sverka_side_sentence (&sc->en, e);
  guint64 used = 0; /* English units paired */

  for (guint u = 0; u < fr->n_units; u++) {
    const SverkaUnit *a = &g_array_index (sc->ru.units, SverkaUnit, fr->first_unit + u);
    if (skip_ru & (G_GUINT64_CONSTANT (1) << MIN (u, 63u)))
      continue;
    for (guint v = 0; v < fe->n_units && v < 64; v++) {
      const SverkaUnit *b = &g_array_index (sc->en.units, SverkaUnit, fe->first_unit + v);
      guint64 bit = G_GUINT64_CONSTANT (1) << v;
      guint k;
      const SverkaToken *tr, *te;
      SverkaMatch m;
      if ((skip_en & bit) || (used & bit))
        continue;
      if ((k = shared_key (&sc->ru, a, &sc->en, b)) == G_MAXUINT)
        continue;
      tr = &g_array_index (ru->tokens, SverkaToken, a->token);
      te = &g_array_index (en->tokens, SverkaToken, b->token);
      m = (SverkaMatch) { tr->start, tr->end, te->start, te->end,
                          reason_of (sc->key_kind->data[k], tr->word) };
      g_array_append_val (out, m);
      used |= bit;
      break;
    }
  }
}
