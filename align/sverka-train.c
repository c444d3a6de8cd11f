/* sverka-train.c: IBM Model 1 both ways over the aligner's stems (see the
 * header). */
#include "sverka-train.h"

#include <math.h>
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-lexicon-private.h"
#include "sverka-pair-table-private.h"

/* The NULL word's id, on either side (its half of a pair key is 0). */
#define NULL_WORD G_MAXUINT32

void
sverka_train_options_init (SverkaTrainOptions *options)
{
  options->iterations = 5;
  options->min_count = 2;
  options->min_p = 0.1;
}

struct _SverkaTrainer {
  SverkaContext *ctx;
  SverkaTrainOptions opts;
  GString *ru, *en; /* one segment a line */
  guint n_pairs;
};

SverkaTrainer *
sverka_trainer_new (SverkaContext *ctx, const SverkaTrainOptions *options)
{
  SverkaTrainer *t = g_new0 (SverkaTrainer, 1);
  t->ctx = sverka_context_ref (ctx);
  if (options != NULL)
    t->opts = *options;
  else
    sverka_train_options_init (&t->opts);
  t->ru = g_string_new (NULL);
  t->en = g_string_new (NULL);
  return t;
}

void
sverka_trainer_free (SverkaTrainer *trainer)
{
  if (trainer == NULL)
    return;
  sverka_context_unref (trainer->ctx);
  g_string_free (trainer->ru, TRUE);
  g_string_free (trainer->en, TRUE);
  g_free (trainer);
}

guint
sverka_trainer_get_n_pairs (SverkaTrainer *trainer)
{
  return trainer->n_pairs;
}

/* Appends @text to @out as one line: control characters (tabs, line ends)
 * as spaces. Returns: FALSE if it has no character but white space. */
static gboolean
append_line (GString *out, const char *text)
{
  gsize mark = out->len;
  gboolean any = FALSE;

  for (const char *p = text; *p != '\0'; p++) {
    guchar c = (guchar) *p;
    if (c < 0x20 || c == 0x7F) {
      g_string_append_c (out, ' ');
      continue;
    }
    any = any || c != ' ';
    g_string_append_c (out, (char) c);
  }
  if (!any) {
    g_string_truncate (out, mark);
    return FALSE;
  }
  g_string_append_c (out, '\n');
  return TRUE;
}

gboolean
sverka_trainer_add (SverkaTrainer *trainer, const char *ru, const char *en)
{
  gsize ru_mark = trainer->ru->len;

  if (!append_line (trainer->ru, ru))
    return FALSE;
  if (!append_line (trainer->en, en)) {
    g_string_truncate (trainer->ru, ru_mark);
    return FALSE;
  }
  trainer->n_pairs++;
  return TRUE;
}

/* The stems of one side. */
typedef struct {
  GHashTable *ids;     /* stem (owned by @stems) -> id + 1 */
  GPtrArray *stems;    /* char * (owned) */
  GArray *content;     /* gboolean per id: may be written */
  GPtrArray *skeleton; /* char * (owned) per id: the scorer's skeleton key, or NULL */
  GHashTable *forms;   /* SverkaWord * -> count of its tokens */
  GArray *words;       /* guint per sentence token kept: ids, sentence after sentence */
  GArray *starts;      /* guint per sentence, and one more: its first place in @words */
} Side;

static void
side_init (Side *s)
{
  s->ids = g_hash_table_new (g_str_hash, g_str_equal);
  s->stems = g_ptr_array_new_with_free_func (g_free);
  s->content = g_array_new (FALSE, FALSE, sizeof (gboolean));
  s->skeleton = g_ptr_array_new_with_free_func (g_free);
  s->forms = g_hash_table_new (g_direct_hash, g_direct_equal);
  s->words = g_array_new (FALSE, FALSE, sizeof (guint));
  s->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
side_clear (Side *s)
{
  g_hash_table_unref (s->ids);
  g_ptr_array_unref (s->stems);
  g_array_unref (s->content);
  g_ptr_array_unref (s->skeleton);
  g_hash_table_unref (s->forms);
  g_array_unref (s->words);
  g_array_unref (s->starts);
}

static guint
side_id (Side *s, SverkaContext *ctx, const SverkaWord *w)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (s->ids, w->stem));
  gboolean content;
  gsize sk;
  char *copy;

  if (id > 0)
    return id - 1;
  copy = g_strdup (w->stem);
  g_ptr_array_add (s->stems, copy);
  content = g_utf8_strlen (w->fold, -1) >= 2 && !sverka_context_is_stopword (ctx, w->fold);
  g_array_append_val (s->content, content);
  /* As the scorer keys skeletons: five letters, from four or more. */
  sk = w->skeleton != NULL ? strlen (w->skeleton) : 0;
  g_ptr_array_add (s->skeleton, sk >= 4 ? g_strndup (w->skeleton, 5) : NULL);
  g_hash_table_insert (s->ids, copy, GUINT_TO_POINTER (s->stems->len));
  return s->stems->len - 1;
}

/* Loads one side's lines as a document, analyses it and keeps, per
 * segment, the ids of its words: letters of @script only (a number, or a
 * word in the other language's script, is no evidence of a translation). */
static gboolean
read_side (SverkaTrainer *t, GString *text, SverkaLanguage lang, Side *s, GError **error)
{
  SverkaLoadOptions lo;
  g_autoptr (SverkaDocument) doc = NULL;
  const SverkaLanguagePack *pack = sverka_context_lang (t->ctx, lang)->pack;
  /* the words of the side's own script ("the corpus's Russian side") */
  guint script = pack->script == SVERKA_SCRIPT_CYRILLIC ? SVERKA_WORD_CYRILLIC : SVERKA_WORD_LATIN;
  guint other = script == SVERKA_WORD_CYRILLIC ? SVERKA_WORD_LATIN : SVERKA_WORD_CYRILLIC;
  g_autofree char *name = g_strdup_printf ("the corpus's %s side", pack->name);
  guint next_line = 1;

  sverka_load_options_init (&lo);
  lo.language = lang;
  lo.format = "text";
  doc = sverka_document_new_from_lines (t->ctx, name, text->str, text->len, &lo, error);
  if (doc == NULL || !sverka_document_analyze (doc, error))
    return FALSE;
  for (guint si = 0; si < doc->sentences->len; si++) {
    const SverkaSentence *sent = &g_array_index (doc->sentences, SverkaSentence, si);
    /* Every line is one segment, so one sentence; a line the loader saw as
     * none (punctuation alone) is an empty segment. */
    for (; next_line < sent->line; next_line++)
      g_array_append_val (s->starts, s->words->len);
    if (sent->line < next_line)
      continue;
    g_array_append_val (s->starts, s->words->len);
    next_line = sent->line + 1;
    for (guint k = 0; k < sent->n_tokens; k++) {
      const SverkaWord *w = g_array_index (doc->tokens, SverkaToken, sent->first_token + k).word;
      guint id;
      if (!(w->flags & SVERKA_WORD_LETTERS) || (w->flags & SVERKA_WORD_NUMBER)
          || !(w->flags & script) || (w->flags & other))
        continue;
      id = side_id (s, t->ctx, w);
      g_array_append_val (s->words, id);
      g_hash_table_insert (s->forms, (gpointer) w,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->forms, w)) + 1));
    }
  }
  for (; next_line <= t->n_pairs; next_line++)
    g_array_append_val (s->starts, s->words->len);
  g_array_append_val (s->starts, s->words->len);
  return TRUE;
}

/* Word pairs that share a segment pair, NULL_WORD standing for NULL on
 * either side (sverka-pair-table-private.h), with both directions'
 * probabilities and the expected counts of an EM pass, by slot. */
typedef struct {
  SverkaPairTable pairs; /* counts: segment pairs holding both words */
  float *t_en;           /* t(en | ru) */
  float *t_ru;           /* t(ru | en) */
  double *acc;
} Table;

static void
table_clear (Table *t)
{
  sverka_pair_table_clear (&t->pairs);
  g_free (t->t_en);
  g_free (t->t_ru);
  g_free (t->acc);
}

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The distinct ids of segment @i of @s, into @out. */
static void
distinct (const Side *s, guint i, GArray *out)
{
  guint a = g_array_index (s->starts, guint, i), b = g_array_index (s->starts, guint, i + 1);
  guint n = 0;

  g_array_set_size (out, 0);
  if (b > a)
    g_array_append_vals (out, &g_array_index (s->words, guint, a), b - a);
  g_array_sort (out, compare_guint);
  for (guint k = 0; k < out->len; k++)
    if (n == 0 || g_array_index (out, guint, k) != g_array_index (out, guint, n - 1))
      g_array_index (out, guint, n++) = g_array_index (out, guint, k);
  g_array_set_size (out, n);
}

/* Every pair of words of a segment pair, with NULL on each side. */
static void
build_table (Table *t, const Side *ru, const Side *en, guint n_pairs)
{
  g_autoptr (GArray) rids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) eids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_pairs; i++) {
    distinct (ru, i, rids);
    distinct (en, i, eids);
    for (guint r = 0; r < rids->len; r++) {
      for (guint e = 0; e < eids->len; e++)
        sverka_pair_table_add (&t->pairs, sverka_pair_key (g_array_index (rids, guint, r),
                                                           g_array_index (eids, guint, e)), 1);
      sverka_pair_table_add (&t->pairs, sverka_pair_key (g_array_index (rids, guint, r), NULL_WORD),
                             0);
    }
    for (guint e = 0; e < eids->len; e++)
      sverka_pair_table_add (&t->pairs, sverka_pair_key (NULL_WORD, g_array_index (eids, guint, e)),
                             0);
  }
  t->t_en = g_new (float, t->pairs.cap);
  t->t_ru = g_new (float, t->pairs.cap);
  t->acc = g_new0 (double, t->pairs.cap);
  for (gsize i = 0; i < t->pairs.cap; i++)
    t->t_en[i] = t->t_ru[i] = 1.0f;
}

/* Model 1 with Russian as the source (@to_en: t(en|ru)) or English. */
static void
train_direction (Table *t, const Side *ru, const Side *en, guint n_pairs, gboolean to_en,
                 guint iterations)
{
  const Side *src = to_en ? ru : en, *tgt = to_en ? en : ru;
  float *prob = to_en ? t->t_en : t->t_ru;
  guint n_src = src->stems->len;
  g_autofree double *total = g_new (double, n_src + 1);
  g_autoptr (GArray) slots = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (t->pairs.cap == 0)
    return; /* no word on either side: nothing to learn */
  for (guint it = 0; it < iterations; it++) {
    memset (total, 0, sizeof (double) * (n_src + 1));
    memset (t->acc, 0, sizeof (double) * t->pairs.cap);
    for (guint i = 0; i < n_pairs; i++) {
      guint sa = g_array_index (src->starts, guint, i), sb = g_array_index (src->starts, guint, i + 1);
      guint ta = g_array_index (tgt->starts, guint, i), tb = g_array_index (tgt->starts, guint, i + 1);
      for (guint j = ta; j < tb; j++) {
        guint w = g_array_index (tgt->words, guint, j);
        double denom = 0;
        g_array_set_size (slots, 0);
        for (guint k = sa; k <= sb; k++) {
          /* k == sb: the NULL word */
          guint f = k < sb ? g_array_index (src->words, guint, k) : NULL_WORD;
          gsize slot = sverka_pair_table_find (&t->pairs, to_en ? sverka_pair_key (f, w)
                                                                : sverka_pair_key (w, f));
          g_array_append_val (slots, slot);
          denom += prob[slot];
        }
        if (denom <= 0)
          continue;
        for (guint k = sa; k <= sb; k++) {
          guint f = k < sb ? g_array_index (src->words, guint, k) : NULL_WORD;
          gsize slot = g_array_index (slots, gsize, k - sa);
          double d = prob[slot] / denom;
          t->acc[slot] += d;
          total[f == NULL_WORD ? n_src : f] += d;
        }
      }
    }
    for (gsize s = 0; s < t->pairs.cap; s++) {
      guint64 key = t->pairs.keys[s];
      guint f, w;
      if (key == 0)
        continue;
      f = to_en ? sverka_pair_key_ru (key) : sverka_pair_key_en (key);
      w = to_en ? sverka_pair_key_en (key) : sverka_pair_key_ru (key);
      if (w == NULL_WORD)
        continue; /* a pair of the other direction */
      {
        double tot = total[f == NULL_WORD ? n_src : f];
        prob[s] = tot > 0 ? (float) (t->acc[s] / tot) : 0.0f;
      }
    }
  }
}

/* The commonest surface form (folded) of each stem of @s whose analysis
 * gives that stem back as one word, or NULL. Returns: (transfer full) a
 * vector of @s's size, entries owned by the context's words. */
static const char **
best_forms (Side *s, SverkaContext *ctx, SverkaLanguage lang, GError **error)
{
  g_autofree const char **form = g_new0 (const char *, MAX (s->stems->len, 1));
  g_autofree guint *best = g_new0 (guint, MAX (s->stems->len, 1));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, s->forms);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    const SverkaWord *w = key;
    guint n = GPOINTER_TO_UINT (value);
    guint id = GPOINTER_TO_UINT (g_hash_table_lookup (s->ids, w->stem)) - 1;
    /* Ties go to the form first in byte order: no dependence on the
     * table's order. */
    if (n > best[id] || (n == best[id] && form[id] != NULL && strcmp (w->fold, form[id]) < 0)) {
      best[id] = n;
      form[id] = w->fold;
    }
  }
  for (guint id = 0; id < s->stems->len; id++) {
    gboolean gives;
    if (!g_array_index (s->content, gboolean, id))
      form[id] = NULL; /* a stop word, or a single letter: never written */
    if (form[id] == NULL)
      continue;
    if (!sverka_context_form_gives_stem (ctx, lang, form[id], g_ptr_array_index (s->stems, id),
                                         &gives, error))
      return NULL;
    if (!gives)
      form[id] = NULL;
  }
  return g_steal_pointer (&form);
}

typedef struct {
  const char *ru, *en;
  double p;
} Entry;

static int
compare_entries (gconstpointer pa, gconstpointer pb)
{
  const Entry *a = pa, *b = pb;
  int c = strcmp (a->ru, b->ru);
  if (c != 0)
    return c;
  if (a->p != b->p)
    return a->p > b->p ? -1 : 1;
  return strcmp (a->en, b->en);
}

char *
sverka_trainer_train (SverkaTrainer *trainer, const char *description, SverkaTrainStats *stats,
                      GError **error)
{
  Side ru, en;
  Table table = { 0 };
  g_autofree const char **ru_form = NULL;
  g_autofree const char **en_form = NULL;
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr (GString) out = NULL;
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  char *result = NULL;

  if (trainer->n_pairs == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                 "no pairs of segments to train on; give a corpus with text on both sides");
    return NULL;
  }
  side_init (&ru);
  side_init (&en);
  if (!read_side (trainer, trainer->ru, SVERKA_LANGUAGE_RU, &ru, error)
      || !read_side (trainer, trainer->en, SVERKA_LANGUAGE_EN, &en, error))
    goto out;
  build_table (&table, &ru, &en, trainer->n_pairs);
  train_direction (&table, &ru, &en, trainer->n_pairs, TRUE, trainer->opts.iterations);
  train_direction (&table, &ru, &en, trainer->n_pairs, FALSE, trainer->opts.iterations);

  ru_form = best_forms (&ru, trainer->ctx, SVERKA_LANGUAGE_RU, error);
  en_form = ru_form != NULL ? best_forms (&en, trainer->ctx, SVERKA_LANGUAGE_EN, error) : NULL;
  if (en_form == NULL)
    goto out;
  for (gsize s = 0; s < table.pairs.cap; s++) {
    guint r, e;
    Entry x;
    const char *rsk, *esk;
    if (table.pairs.keys[s] == 0 || table.pairs.counts[s] < trainer->opts.min_count)
      continue;
    r = sverka_pair_key_ru (table.pairs.keys[s]);
    e = sverka_pair_key_en (table.pairs.keys[s]);
    if (r == NULL_WORD || e == NULL_WORD || ru_form[r] == NULL || en_form[e] == NULL)
      continue;
    x.p = sqrt ((double) table.t_en[s] * (double) table.t_ru[s]);
    if (x.p < trainer->opts.min_p)
      continue;
    rsk = g_ptr_array_index (ru.skeleton, r);
    esk = g_ptr_array_index (en.skeleton, e);
    if (rsk != NULL && esk != NULL && strcmp (rsk, esk) == 0)
      continue;
    x.ru = ru_form[r];
    x.en = en_form[e];
    g_array_append_val (entries, x);
  }
  g_array_sort (entries, compare_entries);

  out = g_string_new ("# sverka-lexicon 1\n");
  g_string_append_printf (out,
                          "# Learned by 'sverka lexicon train': IBM Model 1, %u iterations each "
                          "way, over %u segment pairs; word pairs sharing %u or more of them, with "
                          "sqrt(t(en|ru) t(ru|en)) >= ",
                          trainer->opts.iterations, trainer->n_pairs, trainer->opts.min_count);
  g_string_append_printf (out, "%s (the p= of each entry).\n",
                          g_ascii_formatd (num, sizeof num, "%.3g", trainer->opts.min_p));
  if (description != NULL && *description != '\0') {
    g_auto (GStrv) lines = g_strsplit (description, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      g_string_append_printf (out, "# %s\n", lines[i]);
  }
  for (guint i = 0; i < entries->len; i++) {
    const Entry *x = &g_array_index (entries, Entry, i);
    g_string_append_printf (out, "%s\t%s\tlearned,p=%s\n", x->ru, x->en,
                            g_ascii_formatd (num, sizeof num, "%.3f", x->p));
  }
  if (stats != NULL) {
    stats->pairs = trainer->n_pairs;
    stats->ru_words = ru.stems->len;
    stats->en_words = en.stems->len;
    stats->entries = entries->len;
  }
  result = g_string_free (g_steal_pointer (&out), FALSE);
out:
  table_clear (&table);
  side_clear (&ru);
  side_clear (&en);
  return result;
}
