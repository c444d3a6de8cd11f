/* sverka-attribution.c: whose words a report sentence gives.
 *
 * A report of a press conference says who said what: "На встрече
 * генеральный секретарь НАТО сказал, что ...", "Президент Ильхам Алиев
 * отметил ...", "Он отметил ..." (the speaker named last). The transcript
 * labels its turns ("Secretary General Jens Stoltenberg:", sverka-turns.c).
 * A report sentence whose words match the label of exactly one principal
 * (through the lexicon, names and transliteration, as any other words) is
 * taken to report that principal; of two named, the one named first, the
 * subject ("Сергей Лавров, в свою очередь, отметил, что ... Ильхаму
 * Алиеву"). The comparable linker then looks first in that
 * principal's turns (sverka-comparable.c). */
#include "sverka-attribution-private.h"
#include "sverka-document-private.h"

/* Does sentence @s of @doc open with a personal pronoun that stands for the
 * speaker named before ("Он отметил", "She added")? */
static gboolean
opens_with_pronoun (SverkaDocument *doc, guint s)
{
  static const char *const pronouns[] = { "он", "она", "he", "she" };
  const SverkaSentence *st = &g_array_index (doc->sentences, SverkaSentence, s);

  if (st->n_tokens == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (pronouns); i++)
    if (g_strcmp0 (g_array_index (doc->tokens, SverkaToken, st->first_token).word->fold,
                   pronouns[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The first unit of report sentence @s that matches a word of the label of
 * source sentence @t, or 64 if none does. */
static guint
names_label (SverkaScorer *sc, gboolean ru_reports, guint s, guint t, guint64 label)
{
  SverkaPairMasks m;
  guint64 rep;
  if (ru_reports) {
    sverka_scorer_mark_except (sc, s, 0);
    sverka_scorer_pair_masks (sc, t, ~label, &m);
    rep = m.ru;
  } else {
    sverka_scorer_mark_except (sc, t, ~label);
    sverka_scorer_pair_masks (sc, s, 0, &m);
    rep = m.en;
  }
  return m.ru != 0 && m.en != 0 ? (guint) __builtin_ctzll (rep) : 64;
}

SverkaAttribution *
sverka_attribution_find (SverkaScorer *sc, SverkaDocument *ru, SverkaDocument *en,
                         gboolean ru_reports, const guint64 *src_label)
{
  SverkaDocument *rep = ru_reports ? ru : en, *src = ru_reports ? en : ru;
  guint n_rep = rep->sentences->len, n_src = src->sentences->len;
  g_autoptr (GPtrArray) names = g_ptr_array_new (); /* distinct principals' labels */
  g_autofree guint *turn_speaker = g_new (guint, MAX (src->turns->len, 1u));
  /* per principal: the sentence of its first label (its other labels hold
   * the same words) */
  g_autofree guint *label_sentence = g_new (guint, MAX (src->turns->len, 1u));
  SverkaAttribution *a;

  for (guint k = 0; k < src->turns->len; k++) {
    const SverkaTurn *t = g_ptr_array_index (src->turns, k);
    guint id = G_MAXUINT;
    if (!t->host) {
      for (guint i = 0; i < names->len && id == G_MAXUINT; i++)
        if (g_strcmp0 (g_ptr_array_index (names, i), t->speaker) == 0)
          id = i;
      if (id == G_MAXUINT) {
        g_ptr_array_add (names, t->speaker);
        id = names->len - 1;
        label_sentence[id] = t->first;
      }
    }
    turn_speaker[k] = id;
  }
  if (names->len < 2)
    return NULL;

  a = g_new0 (SverkaAttribution, 1);
  a->n_speakers = names->len;
  a->rep_speaker = g_new (guint, MAX (n_rep, 1u));
  a->src_speaker = g_new (guint, MAX (n_src, 1u));
  a->n_turn_sentences = g_new0 (guint, names->len);
  for (guint t = 0; t < n_src; t++) {
    guint k = g_array_index (src->turn_of, guint, t);
    a->src_speaker[t] = k == G_MAXUINT ? G_MAXUINT : turn_speaker[k];
    if (a->src_speaker[t] != G_MAXUINT)
      a->n_turn_sentences[a->src_speaker[t]]++;
  }
  for (guint s = 0; s < n_rep; s++) {
    guint found = G_MAXUINT, first = 64;
    gboolean tie = FALSE;
    /* The principal named first: the subject of "Сергей Лавров, в свою
     * очередь, отметил, что ... Ильхаму Алиеву". */
    for (guint id = 0; id < names->len; id++) {
      guint t = label_sentence[id];
      guint at = names_label (sc, ru_reports, s, t, src_label[t]);
      if (at < first) {
        first = at;
        found = id;
        tie = FALSE;
      } else if (at == first && at < 64) {
        tie = TRUE;
      }
    }
    if (tie)
      found = G_MAXUINT;
    if (found == G_MAXUINT && s > 0 && opens_with_pronoun (rep, s))
      found = a->rep_speaker[s - 1];
    a->rep_speaker[s] = found;
  }
  return a;
}

void
sverka_attribution_free (SverkaAttribution *a)
{
  if (a == NULL)
    return;
  g_free (a->rep_speaker);
  g_free (a->src_speaker);
  g_free (a->n_turn_sentences);
  g_free (a);
}
