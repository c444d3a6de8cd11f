/* sverka-explain.c: which words of two sentences match, and why.
 *
 * The scorer (sverka-score-private.h) matches a unit of one sentence with
 * the other when they share a key. To show a translator why two sentences
 * were linked, the units are paired, each once, best reason first: a number
 * ("120 тысяч" / "120,000"), the same Latin word on both sides (NATO /
 * NATO) or the lexicon's rendering of the Russian word itself; then a sound
 * skeleton (a name or a cognate: Столтенберг / Stoltenberg); then any other
 * key shared, such as a rendering of a phrase the word is part of. Within a
 * reason, each Russian unit in order takes the first English unit left. So
 * in "генеральным секретарем НАТО" / "NATO Secretary General" every word
 * is paired with its own rendering, not with the phrase's first word. */
#include "sverka-explain-private.h"

#include <string.h>

#include "sverka-lexicon-private.h"

typedef enum {
  BEST = 0, /* a number, the same word, the word's own rendering */
  SOUND,    /* a name or a cognate */
  OTHER,    /* another key: a phrase's rendering */
  NONE,
} Level;

static gboolean
same_stem (const SverkaWord *w, const char *stem)
{
  return strcmp (w->stem, stem) == 0 || (w->lemma_stem != NULL && strcmp (w->lemma_stem, stem) == 0);
}

/* Whether a one-word entry of @lex renders Russian word @r as English word @e. */
static gboolean
own_rendering (SverkaLexicon *lex, const SverkaWord *r, const SverkaWord *e)
{
  const char *probe[2] = { r->stem, r->lemma_stem };

  for (guint p = 0; lex != NULL && p < 2; p++) {
    guint32 x = probe[p] != NULL ? sverka_lexicon_first (lex, probe[p]) : SVERKA_LEX_END;
    for (; x != SVERKA_LEX_END; x = sverka_lexicon_next (lex, x)) {
      const SverkaLexEntry *entry = sverka_lexicon_entry (lex, x);
      if (entry->n_ru != 1)
        continue;
      for (guint k = 0; k < entry->n_en; k++)
        if (same_stem (e, sverka_lex_en_stem (lex, entry, k)))
          return TRUE;
    }
  }
  return FALSE;
}

/* How well units @a and @b match, and why (in *@reason). */
static Level
level_of (SverkaScorer *sc, SverkaLexicon *lex, const SverkaUnit *a, const SverkaToken *ta,
          const SverkaUnit *b, const SverkaToken *tb, SverkaMatchReason *reason)
{
  gboolean shared = FALSE, sound = FALSE;

  for (guint i = 0; i < a->n_keys; i++) {
    guint k = g_array_index (sc->ru.keys, guint, a->first_key + i);
    for (guint j = 0; j < b->n_keys; j++) {
      if (g_array_index (sc->en.keys, guint, b->first_key + j) != k)
        continue;
      if (sc->key_kind->data[k] == '#') {
        *reason = SVERKA_MATCH_NUMBER;
        return BEST;
      }
      shared = TRUE;
      sound = sound || sc->key_kind->data[k] == 'c';
    }
  }
  if (!shared)
    return NONE;
  if (!(ta->word->flags & SVERKA_WORD_CYRILLIC)) {
    *reason = SVERKA_MATCH_SAME;
    return BEST;
  }
  if (own_rendering (lex, ta->word, tb->word)) {
    *reason = SVERKA_MATCH_LEXICON;
    return BEST;
  }
  *reason = sound ? SVERKA_MATCH_NAME : SVERKA_MATCH_LEXICON;
  return sound ? SOUND : OTHER;
}

static int
compare_ru_start (gconstpointer a, gconstpointer b)
{
  const SverkaMatch *x = a, *y = b;
  return x->ru_start < y->ru_start ? -1 : x->ru_start > y->ru_start;
}

void
sverka_explain_pair (SverkaScorer *sc, SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
                     guint r, guint e, guint64 skip_ru, guint64 skip_en, GArray *out)
{
  const SverkaSentFeatures *fr = sverka_side_sentence (&sc->ru, r);
  const SverkaSentFeatures *fe = sverka_side_sentence (&sc->en, e);
  guint nr = MIN (fr->n_units, 64u), ne = MIN (fe->n_units, 64u);
  guint64 used_ru = skip_ru, used_en = skip_en; /* units paired or left out */
  guint first = out->len;
  guint8 level[64 * 64];
  guint8 why[64 * 64];

  for (guint u = 0; u < nr; u++) {
    const SverkaUnit *a = &g_array_index (sc->ru.units, SverkaUnit, fr->first_unit + u);
    const SverkaToken *ta = &g_array_index (ru->tokens, SverkaToken, a->token);
    for (guint v = 0; v < ne; v++) {
      const SverkaUnit *b = &g_array_index (sc->en.units, SverkaUnit, fe->first_unit + v);
      const SverkaToken *tb = &g_array_index (en->tokens, SverkaToken, b->token);
      SverkaMatchReason reason = SVERKA_MATCH_SAME;
      level[u * 64 + v] = (guint8) level_of (sc, lex, a, ta, b, tb, &reason);
      why[u * 64 + v] = (guint8) reason;
    }
  }
  for (guint l = BEST; l < NONE; l++)
    for (guint u = 0; u < nr; u++) {
      if (used_ru & (G_GUINT64_CONSTANT (1) << u))
        continue;
      for (guint v = 0; v < ne; v++) {
        const SverkaUnit *a, *b;
        const SverkaToken *tr, *te;
        SverkaMatch m;
        if ((used_en & (G_GUINT64_CONSTANT (1) << v)) || level[u * 64 + v] != l)
          continue;
        a = &g_array_index (sc->ru.units, SverkaUnit, fr->first_unit + u);
        b = &g_array_index (sc->en.units, SverkaUnit, fe->first_unit + v);
        tr = &g_array_index (ru->tokens, SverkaToken, a->token);
        te = &g_array_index (en->tokens, SverkaToken, b->token);
        m = (SverkaMatch) { tr->start, tr->end, te->start, te->end,
                            (SverkaMatchReason) why[u * 64 + v] };
        g_array_append_val (out, m);
        used_ru |= G_GUINT64_CONSTANT (1) << u;
        used_en |= G_GUINT64_CONSTANT (1) << v;
        break;
      }
    }
  if (out->len > first)
    qsort (&g_array_index (out, SverkaMatch, first), out->len - first, sizeof (SverkaMatch),
           compare_ru_start);
}
