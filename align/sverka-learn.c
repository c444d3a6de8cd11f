/* sverka-learn.c: stem pairs that co-occur in confident beads far more than
 * chance, added to the lexicon. */
#include "sverka-learn.h"

#include <math.h>
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-lexicon-private.h"
#include "sverka-pair-table-private.h"

void
sverka_learn_options_init (SverkaLearnOptions *options)
{
  options->min_score = 0.9;
  options->min_count = 3;
  options->min_llr = 15.1;
  options->max_beads = 200000;
}

/* The stems of one side: stem -> id, with the count of beads holding each
 * and the first surface form seen. */
typedef struct {
  GHashTable *ids;  /* stem (owned by @stems) -> id + 1 */
  GPtrArray *stems; /* char * (owned) */
  GPtrArray *forms; /* char * (owned) */
  GPtrArray *skeletons; /* char * (owned), first five letters, or NULL */
  GArray *counts;   /* guint */
} Vocab;

struct _SverkaLearner {
  SverkaLearnOptions opts;
  Vocab ru, en;
  SverkaPairTable pairs;
  guint n_beads;
};

static void
vocab_init (Vocab *v)
{
  v->ids = g_hash_table_new (g_str_hash, g_str_equal);
  v->stems = g_ptr_array_new_with_free_func (g_free);
  v->forms = g_ptr_array_new_with_free_func (g_free);
  v->skeletons = g_ptr_array_new_with_free_func (g_free);
  v->counts = g_array_new (FALSE, TRUE, sizeof (guint));
}

static void
vocab_clear (Vocab *v)
{
  g_hash_table_unref (v->ids);
  g_ptr_array_unref (v->stems);
  g_ptr_array_unref (v->forms);
  g_ptr_array_unref (v->skeletons);
  g_array_unref (v->counts);
}

static guint
vocab_id (Vocab *v, const char *stem, const char *form, const char *skeleton)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (v->ids, stem));
  char *copy;

  if (id > 0)
    return id - 1;
  copy = g_strdup (stem);
  g_ptr_array_add (v->stems, copy);
  g_ptr_array_add (v->forms, g_strdup (form));
  /* As the scorer keys them: five letters, from skeletons of four or more. */
  g_ptr_array_add (v->skeletons,
                   skeleton != NULL && strlen (skeleton) >= 4 ? g_strndup (skeleton, 5) : NULL);
  g_array_set_size (v->counts, v->counts->len + 1);
  g_hash_table_insert (v->ids, copy, GUINT_TO_POINTER (v->stems->len));
  return v->stems->len - 1;
}

SverkaLearner *
sverka_learner_new (const SverkaLearnOptions *options)
{
  SverkaLearner *l = g_new0 (SverkaLearner, 1);

  if (options != NULL)
    l->opts = *options;
  else
    sverka_learn_options_init (&l->opts);
  vocab_init (&l->ru);
  vocab_init (&l->en);
  return l;
}

void
sverka_learner_free (SverkaLearner *learner)
{
  if (learner == NULL)
    return;
  vocab_clear (&learner->ru);
  vocab_clear (&learner->en);
  sverka_pair_table_clear (&learner->pairs);
  g_free (learner);
}

guint
sverka_learner_get_n_beads (SverkaLearner *learner)
{
  return learner->n_beads;
}

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The distinct content stems of sentence @si of @doc, as ids of @v. */
static void
sentence_ids (SverkaDocument *doc, guint si, gboolean russian, Vocab *v, GArray *out)
{
  const SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, si);
  guint n = 0;

  g_array_set_size (out, 0);
  for (guint k = 0; k < s->n_tokens; k++) {
    const SverkaWord *w = g_array_index (doc->tokens, SverkaToken, s->first_token + k).word;
    /* the words of the side's own script */
    guint script = sverka_context_lang (doc->ctx, doc->language)->pack->script
                           == SVERKA_SCRIPT_CYRILLIC
                       ? SVERKA_WORD_CYRILLIC
                       : SVERKA_WORD_LATIN;
    guint other = script == SVERKA_WORD_CYRILLIC ? SVERKA_WORD_LATIN : SVERKA_WORD_CYRILLIC;
    guint id;
    if (!(w->flags & SVERKA_WORD_LETTERS) || (w->flags & SVERKA_WORD_NUMBER)
        || !(w->flags & script) || (w->flags & other) || g_utf8_strlen (w->fold, -1) < 3
        || sverka_context_is_stopword (doc->ctx, w->fold))
      continue;
    id = vocab_id (v, w->stem, w->fold, w->skeleton);
    g_array_append_val (out, id);
  }
  g_array_sort (out, compare_guint);
  for (guint i = 0; i < out->len; i++)
    if (n == 0 || g_array_index (out, guint, i) != g_array_index (out, guint, n - 1))
      g_array_index (out, guint, n++) = g_array_index (out, guint, i);
  g_array_set_size (out, n);
}

void
sverka_learner_add (SverkaLearner *learner, SverkaAlignment *al, SverkaDocument *ru,
                    SverkaDocument *en)
{
  g_autoptr (GArray) rids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) eids = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!sverka_document_analyze (ru, NULL) || !sverka_document_analyze (en, NULL))
    return; /* an alignment exists, so both were analysed */
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    if (learner->n_beads >= learner->opts.max_beads)
      return;
    if (b->n_ru != 1 || b->n_en != 1 || b->score < learner->opts.min_score)
      continue;
    sentence_ids (ru, b->ru[0], TRUE, &learner->ru, rids);
    sentence_ids (en, b->en[0], FALSE, &learner->en, eids);
    learner->n_beads++;
    for (guint r = 0; r < rids->len; r++)
      g_array_index (learner->ru.counts, guint, g_array_index (rids, guint, r))++;
    for (guint e = 0; e < eids->len; e++)
      g_array_index (learner->en.counts, guint, g_array_index (eids, guint, e))++;
    for (guint r = 0; r < rids->len; r++)
      for (guint e = 0; e < eids->len; e++)
        sverka_pair_table_add (&learner->pairs,
                  sverka_pair_key (g_array_index (rids, guint, r), g_array_index (eids, guint, e)), 1);
  }
}

/* Maps the ids of @from into @into, adding the counts. Returns: (transfer
 * full) the map. */
static guint *
merge_vocab (Vocab *into, Vocab *from)
{
  guint *map = g_new (guint, MAX (from->stems->len, 1));
  for (guint i = 0; i < from->stems->len; i++) {
    map[i] = vocab_id (into, g_ptr_array_index (from->stems, i),
                       g_ptr_array_index (from->forms, i),
                       g_ptr_array_index (from->skeletons, i));
    g_array_index (into->counts, guint, map[i]) += g_array_index (from->counts, guint, i);
  }
  return map;
}

void
sverka_learner_merge (SverkaLearner *into, SverkaLearner *from)
{
  g_autofree guint *rmap = NULL;
  g_autofree guint *emap = NULL;

  if (from->n_beads == 0 || into->n_beads >= into->opts.max_beads)
    return;
  rmap = merge_vocab (&into->ru, &from->ru);
  emap = merge_vocab (&into->en, &from->en);
  into->n_beads += from->n_beads;
  for (gsize i = 0; i < from->pairs.cap; i++) {
    guint64 key = from->pairs.keys[i];
    if (key == 0)
      continue;
    sverka_pair_table_add (&into->pairs,
                           sverka_pair_key (rmap[sverka_pair_key_ru (key)], emap[sverka_pair_key_en (key)]),
                           from->pairs.counts[i]);
  }
}

typedef struct {
  guint r, e, n;
  double llr;
  const char *rs, *es; /* stems, for a stable order */
} Candidate;

static int
compare_candidates (gconstpointer pa, gconstpointer pb)
{
  const Candidate *a = pa, *b = pb;
  int c;
  if (a->llr != b->llr)
    return a->llr > b->llr ? -1 : 1;
  c = strcmp (a->rs, b->rs);
  return c != 0 ? c : strcmp (a->es, b->es);
}

static double
xlogx_over (double o, double e)
{
  return o > 0 ? o * log (o / e) : 0.0;
}

/* Dunning's G² for a 2x2 table: @k11 beads with both, @r and @e with each,
 * @n in all. */
static double
log_likelihood (double k11, double r, double e, double n)
{
  double k12 = r - k11, k21 = e - k11, k22 = n - r - e + k11;
  return 2.0 * (xlogx_over (k11, r * e / n) + xlogx_over (k12, r * (n - e) / n)
                + xlogx_over (k21, (n - r) * e / n) + xlogx_over (k22, (n - r) * (n - e) / n));
}

/* Every (Russian stem, English stem) pair within an entry of @lex, multiword
 * ones included ("генеральный секретарь" = "secretary general" gives four),
 * as "ru<TAB>en". Returns: (transfer full). */
static GHashTable *
lexicon_stem_pairs (SverkaLexicon *lex)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++) {
    const SverkaLexEntry *x = sverka_lexicon_entry (lex, i);
    for (guint r = 0; r < x->n_ru; r++)
      for (guint e = 0; e < x->n_en; e++)
        g_hash_table_add (set, g_strdup_printf ("%s\t%s", sverka_lex_ru_stem (lex, x, r),
                                                sverka_lex_en_stem (lex, x, e)));
  }
  return set;
}

char *
sverka_learner_learn (SverkaLearner *learner, SverkaLexicon *lex, guint *n_added,
                      GError **error)
{
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gboolean *ru_used = g_new0 (gboolean, MAX (learner->ru.stems->len, 1));
  g_autofree gboolean *en_used = g_new0 (gboolean, MAX (learner->en.stems->len, 1));
  g_autoptr (GString) out = g_string_new ("# sverka-lexicon 1\n");
  g_autoptr (GHashTable) known = lexicon_stem_pairs (lex);
  g_autoptr (GString) buf = g_string_new (NULL);
  double n = learner->n_beads;
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  guint added = 0;

  g_string_append_printf (out,
                          "# Learned from %u confident 1-1 beads (score >= %s): stem pairs in "
                          "at least %u beads, with G2 >= ",
                          learner->n_beads,
                          g_ascii_formatd (num, sizeof num, "%.2f", learner->opts.min_score),
                          learner->opts.min_count);
  g_string_append_printf (out, "%s, linked competitively.\n# Review before reuse.\n",
                          g_ascii_formatd (num, sizeof num, "%.1f", learner->opts.min_llr));
  for (gsize i = 0; i < learner->pairs.cap; i++) {
    guint64 key = learner->pairs.keys[i];
    Candidate c;
    double cr, ce;
    if (key == 0 || learner->pairs.counts[i] < learner->opts.min_count)
      continue;
    c.r = sverka_pair_key_ru (key);
    c.e = sverka_pair_key_en (key);
    c.n = learner->pairs.counts[i];
    cr = g_array_index (learner->ru.counts, guint, c.r);
    ce = g_array_index (learner->en.counts, guint, c.e);
    if (c.n * n <= cr * ce)
      continue; /* no more often than chance */
    c.llr = log_likelihood (c.n, cr, ce, n);
    if (c.llr < learner->opts.min_llr)
      continue;
    c.rs = g_ptr_array_index (learner->ru.stems, c.r);
    c.es = g_ptr_array_index (learner->en.stems, c.e);
    g_array_append_val (cands, c);
  }
  g_array_sort (cands, compare_candidates);
  for (guint i = 0; i < cands->len; i++) {
    const Candidate *c = &g_array_index (cands, Candidate, i);
    const char *rf = g_ptr_array_index (learner->ru.forms, c->r);
    const char *ef = g_ptr_array_index (learner->en.forms, c->e);
    gboolean ru_ok, en_ok;
    if (ru_used[c->r] || en_used[c->e])
      continue;
    ru_used[c->r] = en_used[c->e] = TRUE;
    g_string_printf (buf, "%s\t%s", c->rs, c->es);
    if (g_hash_table_contains (known, buf->str))
      continue;
    /* Names and cognates the scorer already matches by their sound
     * skeleton (Кавано = Kavanaugh) take part, but are not new. */
    if (g_strcmp0 (g_ptr_array_index (learner->ru.skeletons, c->r),
                   g_ptr_array_index (learner->en.skeletons, c->e)) == 0
        && g_ptr_array_index (learner->ru.skeletons, c->r) != NULL)
      continue;
    if (!sverka_context_form_gives_stem (lex->ctx, SVERKA_LANGUAGE_RU, rf, c->rs, &ru_ok, error)
        || !sverka_context_form_gives_stem (lex->ctx, SVERKA_LANGUAGE_EN, ef, c->es, &en_ok,
                                            error))
      return NULL;
    if (!ru_ok || !en_ok)
      continue;
    if (!sverka_lexicon_add (lex, rf, ef, error))
      return NULL;
    added++;
    g_string_append_printf (out, "# %u of %u and %u beads, G2 %s\n%s\t%s\n", c->n,
                            g_array_index (learner->ru.counts, guint, c->r),
                            g_array_index (learner->en.counts, guint, c->e),
                            g_ascii_formatd (num, sizeof num, "%.1f", c->llr), rf, ef);
  }
  if (n_added != NULL)
    *n_added = added;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
