/* sverka-score.c: sentence features and pair evidence (see the header). */
#include <math.h>
#include <string.h>

#include "sverka-numbers-private.h"
#include "sverka-score-private.h"

/* Skeleton keys are cut to this many letters: inflection mostly changes
 * word endings ("Столтенбергом", "партнерства"). */
#define SKELETON_KEY_LEN 5
/* Words with shorter skeletons give no skeleton key: too ambiguous. */
#define SKELETON_MIN_LEN 4
/* The lexicon keys one word may hold, in lexicon order (the seed lexicon is
 * loaded first): a common Russian word has hundreds of English sources in a
 * large imported dictionary, and more keys only add chance matches. */
#define MAX_LEXICON_KEYS 24
/* The keys one unit may hold: a Russian word's lexicon keys (at most
 * MAX_LEXICON_KEYS, strong and general) and its skeleton; an English word's
 * stem, lemma and skeleton; a number's key. */
#define MAX_UNIT_KEYS (MAX_LEXICON_KEYS + 3)

#define NO_KEY G_MAXUINT
/* Set on a token's lexicon key that came from a general dictionary's entry
 * or a learned one (SVERKA_LEX_GENERAL, SVERKA_LEX_LEARNED); key ids stay
 * far below it. */
#define GENERAL_KEY (1u << 31)

/* A list of keys already in SverkaSide.keys: keys [first, first + n). */
typedef struct {
  guint first;
  guint n;
  guint hash; /* 0: an empty slot */
} KeyList;

/* What a word brings as a unit, worked out at its first content token. */
typedef struct {
  gboolean content; /* a number or a word that is not a stop word */
  guint identity;   /* the key that names the unit */
  guint lemma;      /* English: the key of an irregular form's lemma, or NO_KEY */
  guint skeleton;   /* its skeleton key, or NO_KEY */
} WordKeys;

/* The keys of a lexicon entry: entry_key_ids[first .. first + n). */
typedef struct {
  guint first;
  guint n;
} EntryKeys;

/* What the lexicon holds for a Russian word, looked up at its first token:
 * the first entry of one word keyed by its stem and by its lemma's stem,
 * and whether an entry of several words may start with either. */
typedef struct {
  guint32 first[2];
  gboolean multi[2];
  /* the keys its one-word entries give (at most MAX_LEXICON_KEYS), in
   * Builder.single_keys, worked out at the word's first token: they do
   * not depend on the neighbours, as the entries of several words do */
  guint single_first[2];
  guint single_n[2];
  gboolean single_done[2];
} WordEntries;

/* What the builder knows of a word met in the document, worked out at its
 * first token. */
typedef struct {
  WordKeys keys;
  WordEntries entries;
  gboolean keys_done;
  gboolean entries_done;
} WordInfo;

typedef struct {
  SverkaScorer *sc;
  GString *buf;
  GArray *single_keys; /* guint: WordEntries.single_first ... */
  /* SverkaLexEntry.index + 1 -> its place + 1 in entry_keys, for the
   * entries the document meets (a few of the lexicon's 100,000 or more:
   * a batch of short documents would otherwise clear a table that size for
   * each) */
  GHashTable *entry_slots;
  GArray *entry_keys;    /* EntryKeys */
  GArray *entry_key_ids; /* guint */
  GHashTable *words;     /* SverkaWord -> its index + 1 in infos */
  GArray *infos;         /* WordInfo, per word met */
  guint token;           /* the token the unit being built starts at */
  /* The key lists of the side's units so far, by content: a unit whose
   * list is already there shares it (most of a Russian word's keys come
   * from its lexicon entries, the same at each of its tokens). Open
   * addressing, at most half full. */
  KeyList *lists;
  guint lists_cap, n_lists;
  GArray *identities; /* guint: per unit of the side, the key that names it
                       * (for its weight: weigh_side()) */
  /* the unit being built */
  guint unit_keys[MAX_UNIT_KEYS];
  guint n_unit_keys;
  guint n_strong; /* of unit_keys, or G_MAXUINT: all */
  guint identity;
} Builder;

/* The id of the key in @buf, a new one if it is new. */
static guint
intern (SverkaScorer *sc, const GString *buf)
{
  guint id = sverka_key_table_intern (&sc->ids, buf->str, buf->len);
  if (id == sc->n_ids) {
    g_byte_array_append (sc->key_kind, (const guint8 *) buf->str, 1);
    sc->n_ids++;
  }
  return id;
}

static guint
intern_prefixed (Builder *b, const char *prefix, const char *s, gssize len)
{
  g_string_assign (b->buf, prefix);
  if (len < 0)
    g_string_append (b->buf, s);
  else
    g_string_append_len (b->buf, s, len);
  return intern (b->sc, b->buf);
}

static void
add_key (Builder *b, guint id)
{
  for (guint i = 0; i < b->n_unit_keys; i++) {
    if (b->unit_keys[i] == id)
      return;
  }
  g_assert (b->n_unit_keys < MAX_UNIT_KEYS);
  b->unit_keys[b->n_unit_keys++] = id;
}

static guint
skeleton_key (Builder *b, const SverkaWord *w)
{
  gsize len;
  if (w->skeleton == NULL)
    return NO_KEY;
  len = strlen (w->skeleton);
  if (len < SKELETON_MIN_LEN)
    return NO_KEY;
  return intern_prefixed (b, "c:", w->skeleton, MIN (len, SKELETON_KEY_LEN));
}

static guint
hash_keys (const guint *keys, guint n)
{
  guint h = 2166136261u ^ n;
  for (guint i = 0; i < n; i++)
    h = (h ^ keys[i]) * 16777619u;
  return h != 0 ? h : 1;
}

static void
lists_insert (KeyList *lists, guint cap, KeyList l)
{
  guint i = l.hash & (cap - 1);
  while (lists[i].hash != 0)
    i = (i + 1) & (cap - 1);
  lists[i] = l;
}

/* Where the keys of the unit being built lie in @side's keys: an equal
 * list's place, or a new one at the end. */
static guint
place_keys (Builder *b, SverkaSide *side)
{
  const guint *keys = b->unit_keys;
  guint n = b->n_unit_keys, h = hash_keys (keys, n), i;
  KeyList l;

  if (2 * (b->n_lists + 1) > b->lists_cap) {
    guint cap = MAX (b->lists_cap * 2, 1024u);
    KeyList *lists = g_new0 (KeyList, cap);
    for (guint j = 0; j < b->lists_cap; j++)
      if (b->lists[j].hash != 0)
        lists_insert (lists, cap, b->lists[j]);
    g_free (b->lists);
    b->lists = lists;
    b->lists_cap = cap;
  }
  for (i = h & (b->lists_cap - 1); b->lists[i].hash != 0; i = (i + 1) & (b->lists_cap - 1)) {
    const KeyList *o = &b->lists[i];
    if (o->hash == h && o->n == n
        && memcmp (&g_array_index (side->keys, guint, o->first), keys, n * sizeof (guint)) == 0)
      return o->first;
  }
  l.first = side->keys->len;
  l.n = n;
  l.hash = h;
  b->lists[i] = l;
  b->n_lists++;
  g_array_append_vals (side->keys, keys, n);
  return l.first;
}

static void
finish_unit (Builder *b, SverkaSide *side, SverkaSentFeatures *f)
{
  SverkaUnit u = { 0 };
  if (b->n_unit_keys == 0)
    return;
  u.first_key = place_keys (b, side);
  u.n_keys = (guint16) b->n_unit_keys;
  u.n_strong = (guint16) MIN (b->n_strong, b->n_unit_keys);
  u.token = b->token;
  g_array_append_val (side->units, u);
  g_array_append_val (b->identities, b->identity);
  f->n_units++;
  b->n_unit_keys = 0;
  b->n_strong = G_MAXUINT;
}

static gboolean
is_content (SverkaContext *ctx, const SverkaWord *w)
{
  if (w->flags & SVERKA_WORD_NUMBER)
    return TRUE;
  if (!(w->flags & SVERKA_WORD_LETTERS))
    return FALSE;
  return !sverka_context_is_stopword (ctx, w->fold);
}

/* The keys of word @w (of @slot in Builder.infos) as a unit of the Russian
 * side (@russian) or the English one, interned at its first content token,
 * in the order the tokens use them. Returns: (transfer none) valid until
 * word_slot() adds a word. */
static const WordKeys *
word_keys (Builder *b, SverkaContext *ctx, guint slot, const SverkaWord *w, gboolean russian)
{
  WordInfo *info = &g_array_index (b->infos, WordInfo, slot);
  WordKeys wk = { .content = FALSE, .identity = NO_KEY, .lemma = NO_KEY, .skeleton = NO_KEY };

  if (info->keys_done)
    return &info->keys;
  wk.content = is_content (ctx, w);
  if (wk.content) {
    if (russian && !sverka_context_word_in_own_script (ctx, SVERKA_LANGUAGE_FIRST, w->flags)) {
      /* A Latin word in Russian text ("NATO") stands for itself. */
      wk.identity = intern_prefixed (b, "s:", w->stem, -1);
    } else if (russian) {
      wk.identity = intern_prefixed (b, "r:", w->stem, -1);
    } else {
      wk.identity = intern_prefixed (b, "s:", w->stem, -1);
      /* An irregular form also stands for its lemma ("left": leave). */
      if (w->lemma_stem != NULL && strcmp (w->lemma_stem, w->stem) != 0)
        wk.lemma = intern_prefixed (b, "s:", w->lemma_stem, -1);
    }
    wk.skeleton = skeleton_key (b, w);
  }
  info->keys = wk;
  info->keys_done = TRUE;
  return &info->keys;
}

/* The index in Builder.infos of word @w, added at its first token. */
static guint
word_slot (Builder *b, const SverkaWord *w)
{
  gpointer v = g_hash_table_lookup (b->words, w);
  WordInfo fresh = { 0 };

  if (v != NULL)
    return GPOINTER_TO_UINT (v) - 1;
  g_array_append_val (b->infos, fresh);
  g_hash_table_insert (b->words, (gpointer) w, GUINT_TO_POINTER (b->infos->len));
  return b->infos->len - 1;
}

/* The lexicon's entries for the Russian word of @slot (its stem and its
 * lemma's stem, @probe), looked up once per word. Returns: (transfer none) valid
 * until word_slot() adds a word. */
static const WordEntries *
word_entries (Builder *b, SverkaLexicon *lex, guint slot, const char *const probe[2])
{
  WordInfo *info = &g_array_index (b->infos, WordInfo, slot);
  WordEntries *we = &info->entries;

  if (info->entries_done)
    return we;
  for (guint p = 0; p < 2; p++) {
    we->first[p] = probe[p] != NULL ? sverka_lexicon_first (lex, probe[p]) : SVERKA_LEX_END;
    we->multi[p] = probe[p] != NULL && sverka_lexicon_may_start_multi (lex, probe[p]);
  }
  info->entries_done = TRUE;
  return we;
}

/* Does token @t match the Russian lexicon stem @stem? */
static gboolean
ru_token_matches (const SverkaToken *t, const char *stem)
{
  return strcmp (t->word->stem, stem) == 0
         || (t->word->lemma_stem != NULL && strcmp (t->word->lemma_stem, stem) == 0);
}

/* Appends to @out (@n_out keys, at most MAX_LEXICON_KEYS) the English keys
 * of lexicon entry @e: the stems of its content words, and for a multiword
 * side also the whole phrase; interned once per entry. The keys of a
 * general dictionary's entry carry GENERAL_KEY. */
static void
add_entry_keys (Builder *b, SverkaContext *ctx, SverkaLexicon *lex, const SverkaLexEntry *e,
                guint *out,
                guint *n_out)
{
  guint index = sverka_lex_entry_index (lex, e);
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (b->entry_slots, GUINT_TO_POINTER (index + 1)));
  const EntryKeys *ek;

  if (slot == 0) {
    EntryKeys fresh = { b->entry_key_ids->len, 0 };
    for (guint k = 0; k < e->n_en; k++) {
      guint id;
      const char *stem = sverka_lex_en_stem (lex, e, k);
      if (e->n_en > 1 && sverka_context_is_stopword (ctx, stem))
        continue;
      id = intern_prefixed (b, "s:", stem, -1);
      g_array_append_val (b->entry_key_ids, id);
    }
    if (e->tags & SVERKA_LEX_NUM) {
      guint id;
      sverka_number_key (e->value, b->buf);
      id = intern (b->sc, b->buf);
      g_array_append_val (b->entry_key_ids, id);
    }
    fresh.n = b->entry_key_ids->len - fresh.first;
    g_array_append_val (b->entry_keys, fresh);
    slot = b->entry_keys->len;
    g_hash_table_insert (b->entry_slots, GUINT_TO_POINTER (index + 1), GUINT_TO_POINTER (slot));
  }
  ek = &g_array_index (b->entry_keys, EntryKeys, slot - 1);
  for (guint k = 0; k < ek->n && *n_out < MAX_LEXICON_KEYS; k++)
    out[(*n_out)++] = g_array_index (b->entry_key_ids, guint, ek->first + k)
                      | ((e->tags & (SVERKA_LEX_GENERAL | SVERKA_LEX_LEARNED)) ? GENERAL_KEY : 0);
}

/* Appends to @out (@n_out keys, at most MAX_LEXICON_KEYS) the keys of the
 * one-word entries of probe @p of the Russian word of @slot in Builder.infos:
 * walked through the lexicon at the word's first token, then copied. Every
 * entry of the chain is met at that first walk, as at every token before
 * this cache, so that the keys are interned in the same order. */
static void
add_single_keys (Builder *b, SverkaContext *ctx, SverkaLexicon *lex, guint slot, guint p,
                 guint *out, guint *n_out)
{
  WordEntries *we = &g_array_index (b->infos, WordInfo, slot).entries;

  if (!we->single_done[p]) {
    guint found[MAX_LEXICON_KEYS], n_found = 0;
    for (guint32 x = we->first[p]; x != SVERKA_LEX_END; x = sverka_lexicon_next (lex, x))
      add_entry_keys (b, ctx, lex, sverka_lexicon_entry (lex, x), found, &n_found);
    we->single_first[p] = b->single_keys->len;
    we->single_n[p] = n_found;
    we->single_done[p] = TRUE;
    g_array_append_vals (b->single_keys, found, n_found);
  }
  /* indexed key by key: with none kept yet, single_keys->data is NULL */
  for (guint k = 0; k < we->single_n[p] && *n_out < MAX_LEXICON_KEYS; k++)
    out[(*n_out)++] = g_array_index (b->single_keys, guint, we->single_first[p] + k);
}

/* Sorts @n key ids (Shell's sort with Ciura's gaps: a few dozen ids to a
 * few hundred, without qsort's calls through a pointer). */
static void
sort_keys (guint *base, guint n)
{
  static const guint gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };

  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++) {
    guint gap = gaps[g];
    for (guint i = gap; i < n; i++) {
      guint x = base[i], j = i;
      while (j >= gap && base[j - gap] > x) {
        base[j] = base[j - gap];
        j -= gap;
      }
      base[j] = x;
    }
  }
}

/* Sorts @n key ids and leaves each once; returns how many are left. */
static guint
sort_distinct (guint *base, guint n)
{
  guint m = 0;

  sort_keys (base, n);
  for (guint i = 0; i < n; i++) {
    if (m == 0 || base[m - 1] != base[i])
      base[m++] = base[i];
  }
  return m;
}

/* Appends the keys of the units of sentence @f of @side to @out. */
static void
append_keys (const SverkaSide *side, const SverkaSentFeatures *f, GArray *out)
{
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
    g_array_append_vals (out, &g_array_index (side->keys, guint, unit->first_key), unit->n_keys);
  }
}

/* Unit weights: ln(1 + N / df) of the unit's identity (@identities, per
 * unit) over the sentences of its document. */
static void
weigh_side (SverkaScorer *sc, SverkaSide *side, const guint *identities)
{
  g_autofree guint *df = g_new0 (guint, MAX (sc->n_ids, 1u));
  g_autofree guint *last = g_new0 (guint, MAX (sc->n_ids, 1u));
  guint n = side->sents->len;

  for (guint si = 0; si < n; si++) {
    const SverkaSentFeatures *f = &g_array_index (side->sents, SverkaSentFeatures, si);
    for (guint u = 0; u < f->n_units; u++) {
      guint id = identities[f->first_unit + u];
      if (last[id] != si + 1) {
        last[id] = si + 1;
        df[id]++;
      }
    }
  }
  for (guint si = 0; si < n; si++) {
    SverkaSentFeatures *f = &g_array_index (side->sents, SverkaSentFeatures, si);
    f->weight = 0;
    for (guint u = 0; u < f->n_units; u++) {
      SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
      unit->weight = (float) log (1.0 + (double) n / MAX (df[identities[f->first_unit + u]], 1u));
      f->weight += unit->weight;
    }
  }
}

static void
build_side (SverkaScorer *sc, SverkaLexicon *lex, SverkaDocument *doc, SverkaSide *side,
            gboolean russian)
{
  Builder b = { .sc = sc,
                .n_strong = G_MAXUINT,
                .buf = g_string_new (NULL),
                .entry_slots = g_hash_table_new (g_direct_hash, g_direct_equal),
                .entry_keys = g_array_new (FALSE, FALSE, sizeof (EntryKeys)),
                .entry_key_ids = g_array_new (FALSE, FALSE, sizeof (guint)),
                .words = g_hash_table_new (g_direct_hash, g_direct_equal),
                .infos = g_array_new (FALSE, FALSE, sizeof (WordInfo)),
                .single_keys = g_array_new (FALSE, FALSE, sizeof (guint)),
                .identities = g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (SverkaNumber));
  /* Russian: per token of the sentence, the lexicon keys it gets
   * (MAX_LEXICON_KEYS places each) and their count. */
  g_autoptr (GArray) tok_keys = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) tok_n = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) in_number = g_array_new (FALSE, TRUE, sizeof (gint));
  /* per token of the sentence, its word's index in b.infos */
  g_autoptr (GArray) tok_slot = g_array_new (FALSE, FALSE, sizeof (guint));

  side->sents = g_array_sized_new (FALSE, TRUE, sizeof (SverkaSentFeatures), doc->sentences->len);
  side->units = g_array_new (FALSE, FALSE, sizeof (SverkaUnit));
  side->keys = g_array_new (FALSE, FALSE, sizeof (guint));
  side->sorted_keys = russian ? NULL : g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint si = 0; si < doc->sentences->len; si++) {
    const SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, si);
    SverkaSentFeatures f = { 0 };

    f.first_unit = side->units->len;
    f.n_chars = (guint) sverka_text_count_chars (doc->data + s->start, s->end - s->start);
    side->total_chars += f.n_chars;

    /* Numbers first: their tokens form one unit each. */
    g_array_set_size (numbers, 0);
    sverka_numbers_find (doc, si, numbers);
    g_array_set_size (in_number, 0);
    g_array_set_size (in_number, s->n_tokens);
    for (guint n = 0; n < numbers->len; n++) {
      const SverkaNumber *num = &g_array_index (numbers, SverkaNumber, n);
      for (guint k = 0; k < num->n_tokens; k++)
        g_array_index (in_number, gint, num->first_token + k - s->first_token) = (gint) n + 1;
    }

    g_array_set_size (tok_slot, s->n_tokens);
    for (guint k = 0; k < s->n_tokens; k++)
      g_array_index (tok_slot, guint, k) = word_slot (
          &b, g_array_index (doc->tokens, SverkaToken, s->first_token + k).word);

    /* Russian: the lexicon keys each token gets from the entries matching at
     * or across it. */
    if (russian) {
      g_array_set_size (tok_keys, s->n_tokens * MAX_LEXICON_KEYS);
      g_array_set_size (tok_n, 0);
      g_array_set_size (tok_n, s->n_tokens);
      for (guint k = 0; lex != NULL && k < s->n_tokens; k++) {
        const SverkaToken *t = &g_array_index (doc->tokens, SverkaToken, s->first_token + k);
        const SverkaToken *next = k + 1 < s->n_tokens
                                      ? &g_array_index (doc->tokens, SverkaToken, s->first_token + k + 1)
                                      : NULL;
        const char *probe[2] = { t->word->stem, t->word->lemma_stem };
        const char *probe2[2] = { next ? next->word->stem : NULL, next ? next->word->lemma_stem : NULL };
        guint slot = g_array_index (tok_slot, guint, k);
        const WordEntries *we = word_entries (&b, lex, slot, probe);
        for (guint p = 0; p < 2; p++) {
          if (probe[p] == NULL || (p == 1 && strcmp (probe[1], probe[0]) == 0))
            continue;
          /* Single-word entries, then multiword ones by the first two words. */
          add_single_keys (&b, doc->ctx, lex, slot, p,
                           &g_array_index (tok_keys, guint, k * MAX_LEXICON_KEYS),
                           &g_array_index (tok_n, guint, k));
          for (guint q = 1; q < 3; q++) {
            guint32 x;
            if (!we->multi[p] || probe2[q - 1] == NULL
                || (q == 2 && strcmp (probe2[1], probe2[0]) == 0))
              continue;
            x = sverka_lexicon_first2 (lex, probe[p], probe2[q - 1]);
            for (; x != SVERKA_LEX_END; x = sverka_lexicon_next (lex, x)) {
              const SverkaLexEntry *e = sverka_lexicon_entry (lex, x);
              gboolean ok = k + e->n_ru <= s->n_tokens;
              for (guint w = 2; ok && w < e->n_ru; w++)
                ok = ru_token_matches (
                    &g_array_index (doc->tokens, SverkaToken, s->first_token + k + w),
                    sverka_lex_ru_stem (lex, e, w));
              if (!ok)
                continue;
              for (guint w = 0; w < e->n_ru; w++)
                add_entry_keys (&b, doc->ctx, lex, e,
                                &g_array_index (tok_keys, guint, (k + w) * MAX_LEXICON_KEYS),
                                &g_array_index (tok_n, guint, k + w));
            }
          }
        }
      }
    }

    for (guint k = 0; k < s->n_tokens; k++) {
      const SverkaToken *t = &g_array_index (doc->tokens, SverkaToken, s->first_token + k);
      gint num = g_array_index (in_number, gint, k);
      const WordKeys *wk;

      b.token = s->first_token + k;
      if (num > 0) {
        const SverkaNumber *n = &g_array_index (numbers, SverkaNumber, num - 1);
        if (n->first_token != s->first_token + k)
          continue;
        sverka_number_key (n->value, b.buf);
        b.identity = intern (sc, b.buf);
        add_key (&b, b.identity);
        finish_unit (&b, side, &f);
        continue;
      }
      wk = word_keys (&b, doc->ctx, g_array_index (tok_slot, guint, k), t->word, russian);
      if (!wk->content)
        continue;
      b.identity = wk->identity;
      if (russian
          && sverka_context_word_in_own_script (doc->ctx, SVERKA_LANGUAGE_FIRST, t->word->flags)) {
        /* The strong keys first, the skeleton, then a general dictionary's
         * (a key both give is strong). */
        const guint *a = &g_array_index (tok_keys, guint, k * MAX_LEXICON_KEYS);
        guint n_a = g_array_index (tok_n, guint, k);
        for (guint x = 0; x < n_a; x++)
          if (!(a[x] & GENERAL_KEY))
            add_key (&b, a[x]);
        if (wk->skeleton != NO_KEY)
          add_key (&b, wk->skeleton);
        b.n_strong = b.n_unit_keys;
        for (guint x = 0; x < n_a; x++)
          if (a[x] & GENERAL_KEY)
            add_key (&b, a[x] & ~GENERAL_KEY);
      } else {
        add_key (&b, b.identity);
        if (wk->lemma != NO_KEY)
          add_key (&b, wk->lemma);
        if (wk->skeleton != NO_KEY)
          add_key (&b, wk->skeleton);
      }
      if (b.n_unit_keys == 0) {
        /* A Russian word with no lexicon entry and no usable skeleton still
         * counts in the sentence's weight, with a key nothing matches. */
        add_key (&b, b.identity);
        b.n_strong = G_MAXUINT;
      }
      finish_unit (&b, side, &f);
    }

    /* The English sentence's distinct keys, sorted (a Russian sentence's
     * are sorted when asked for: sverka_scorer_candidates()). */
    if (side->sorted_keys != NULL) {
      f.first_sorted = side->sorted_keys->len;
      if (f.n_units > 0) {
        append_keys (side, &f, side->sorted_keys);
        g_array_set_size (side->sorted_keys,
                          f.first_sorted
                              + sort_distinct (&g_array_index (side->sorted_keys, guint,
                                                               f.first_sorted),
                                               side->sorted_keys->len - f.first_sorted));
      }
      f.n_sorted = side->sorted_keys->len - f.first_sorted;
    }
    g_array_append_val (side->sents, f);
  }
  g_string_free (b.buf, TRUE);
  g_hash_table_unref (b.entry_slots);
  g_array_unref (b.entry_keys);
  g_array_unref (b.entry_key_ids);
  g_hash_table_unref (b.words);
  g_array_unref (b.infos);
  g_array_unref (b.single_keys);
  g_free (b.lists);
  weigh_side (sc, side, (const guint *) (const void *) b.identities->data);
  g_array_unref (b.identities);
}

static void
side_clear (SverkaSide *side)
{
  g_clear_pointer (&side->sents, g_array_unref);
  g_clear_pointer (&side->units, g_array_unref);
  g_clear_pointer (&side->keys, g_array_unref);
  g_clear_pointer (&side->sorted_keys, g_array_unref);
}

void
sverka_scorer_free (SverkaScorer *sc)
{
  if (sc == NULL)
    return;
  side_clear (&sc->ru);
  side_clear (&sc->en);
  sverka_key_table_clear (&sc->ids);
  g_clear_pointer (&sc->key_kind, g_byte_array_unref);
  g_free (sc->stamp);
  g_free (sc->mask);
  g_free (sc->strong_mask);
  g_free (sc->post_start);
  g_free (sc->post);
  g_free (sc->post_units);
  g_free (sc->acc);
  g_free (sc->touched);
  g_clear_pointer (&sc->cand_keys, g_array_unref);
  g_free (sc);
}

SverkaScorer *
sverka_scorer_new (SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en, GError **error)
{
  g_autoptr (SverkaScorer) sc = g_new0 (SverkaScorer, 1);

  sc->key_kind = g_byte_array_new ();
  build_side (sc, lex, ru, &sc->ru, TRUE);
  build_side (sc, lex, en, &sc->en, FALSE);
  /* the key strings are needed no more: the ids stand for them */
  sverka_key_table_clear (&sc->ids);
  sc->stamp = g_new0 (guint, sc->n_ids);
  sc->mask = g_new0 (guint64, sc->n_ids);
  sc->marked = G_MAXUINT;
  return g_steal_pointer (&sc);
}

static void
mark (SverkaScorer *sc, guint r, gboolean strength, guint64 skip)
{
  const SverkaSentFeatures *f = &g_array_index (sc->ru.sents, SverkaSentFeatures, r);

  sc->cur_stamp++;
  if (sc->cur_stamp == 0) {
    memset (sc->stamp, 0, sizeof (guint) * sc->n_ids);
    sc->cur_stamp = 1;
  }
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (sc->ru.units, SverkaUnit, f->first_unit + u);
    guint64 bit = G_GUINT64_CONSTANT (1) << MIN (u, 63u);
    if (skip & bit)
      continue;
    for (guint k = 0; k < unit->n_keys; k++) {
      guint id = g_array_index (sc->ru.keys, guint, unit->first_key + k);
      if (sc->stamp[id] != sc->cur_stamp) {
        sc->stamp[id] = sc->cur_stamp;
        sc->mask[id] = 0;
        if (sc->strong_mask != NULL)
          sc->strong_mask[id] = 0;
      }
      sc->mask[id] |= bit;
      if (strength && k < unit->n_strong)
        sc->strong_mask[id] |= bit;
    }
  }
}

void
sverka_scorer_mark (SverkaScorer *sc, guint r)
{
  if (sc->marked == r)
    return;
  mark (sc, r, FALSE, 0);
  sc->marked = r;
}

void
sverka_scorer_mark_except (SverkaScorer *sc, guint r, guint64 skip)
{
  if (sc->strong_mask == NULL)
    sc->strong_mask = g_new0 (guint64, MAX (sc->n_ids, 1u));
  mark (sc, r, TRUE, skip);
  sc->marked = G_MAXUINT;
}

static float
side_mask_weight (const SverkaSide *side, guint s, guint64 mask)
{
  const SverkaSentFeatures *f = &g_array_index (side->sents, SverkaSentFeatures, s);
  float w = 0;
  guint u = G_MAXUINT;

  /* Units are indexed only inside the loop: a sentence without units may
   * sit past the end of an empty (NULL) array. */
  while (sverka_mask_next (f, &mask, &u))
    w += g_array_index (side->units, SverkaUnit, f->first_unit + u).weight;
  return w;
}

float
sverka_scorer_mask_weight (SverkaScorer *sc, guint r, guint64 mask)
{
  return side_mask_weight (&sc->ru, r, mask);
}

float
sverka_scorer_mask_weight_en (SverkaScorer *sc, guint e, guint64 mask)
{
  return side_mask_weight (&sc->en, e, mask);
}

void
sverka_scorer_pair (SverkaScorer *sc, guint r, guint e, SverkaPair *out)
{
  SverkaPairMasks m;

  sverka_scorer_pair_masks (sc, e, 0, &m);
  out->mask = m.ru;
  out->mask_en = m.en;
  out->mr = m.ru != 0 ? sverka_scorer_mask_weight (sc, r, m.ru) : 0;
  out->me = m.en != 0 ? sverka_scorer_mask_weight_en (sc, e, m.en) : 0;
}

void
sverka_scorer_pair_masks (SverkaScorer *sc, guint e, guint64 skip_en, SverkaPairMasks *out)
{
  const SverkaSentFeatures *fe = &g_array_index (sc->en.sents, SverkaSentFeatures, e);
  SverkaPairMasks m = { 0, 0, 0, 0 };

  for (guint u = 0; u < fe->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (sc->en.units, SverkaUnit, fe->first_unit + u);
    guint64 bit = G_GUINT64_CONSTANT (1) << MIN (u, 63u);
    if (skip_en & bit)
      continue;
    for (guint k = 0; k < unit->n_keys; k++) {
      guint id = g_array_index (sc->en.keys, guint, unit->first_key + k);
      if (sc->stamp[id] == sc->cur_stamp) {
        m.ru |= sc->mask[id];
        m.en |= bit;
        if (sc->strong_mask != NULL && sc->strong_mask[id] != 0) {
          m.strong_ru |= sc->strong_mask[id];
          m.strong_en |= bit;
        }
      }
    }
  }
  *out = m;
}

static void
build_postings (SverkaScorer *sc)
{
  guint n = sc->en.sents->len;
  g_autofree guint *fill = NULL;

  sc->post_start = g_new0 (guint, sc->n_ids + 1);
  for (guint e = 0; e < n; e++) {
    const SverkaSentFeatures *f = &g_array_index (sc->en.sents, SverkaSentFeatures, e);
    for (guint k = 0; k < f->n_sorted; k++)
      sc->post_start[g_array_index (sc->en.sorted_keys, guint, f->first_sorted + k) + 1]++;
  }
  for (guint i = 0; i < sc->n_ids; i++)
    sc->post_start[i + 1] += sc->post_start[i];
  sc->post = g_new (guint, sc->post_start[sc->n_ids] + 1);
  fill = g_memdup2 (sc->post_start, sizeof (guint) * (sc->n_ids + 1));
  for (guint e = 0; e < n; e++) {
    const SverkaSentFeatures *f = &g_array_index (sc->en.sents, SverkaSentFeatures, e);
    for (guint k = 0; k < f->n_sorted; k++)
      sc->post[fill[g_array_index (sc->en.sorted_keys, guint, f->first_sorted + k)]++] = e;
  }
  for (guint df = 1; df <= SVERKA_CANDIDATE_MAX_DF; df++)
    sc->cand_weight[df] = (float) log (1.0 + (double) n / df);
  sc->acc = g_new0 (float, n);
  sc->touched = g_new (guint, MAX (n, 1u));
  sc->cand_keys = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* The first place of key @id's postings whose sentence is @e or after
 * (the postings are in the order of the sentences). */
static guint
first_posting_from (const SverkaScorer *sc, guint id, guint e)
{
  guint lo = sc->post_start[id], hi = sc->post_start[id + 1];
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (sc->post[mid] < e)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The units of each posting's sentence holding its key: post_units. */
static void
build_post_units (SverkaScorer *sc)
{
  guint n = sc->en.sents->len;
  g_autofree guint64 *units = g_new0 (guint64, MAX (sc->n_ids, 1u));
  g_autofree guint *fill = NULL;

  if (sc->post_start == NULL)
    build_postings (sc);
  sc->post_units = g_new (guint64, sc->post_start[sc->n_ids] + 1);
  fill = g_memdup2 (sc->post_start, sizeof (guint) * (sc->n_ids + 1));
  for (guint e = 0; e < n; e++) {
    const SverkaSentFeatures *f = &g_array_index (sc->en.sents, SverkaSentFeatures, e);
    for (guint u = 0; u < f->n_units; u++) {
      const SverkaUnit *unit = &g_array_index (sc->en.units, SverkaUnit, f->first_unit + u);
      guint64 bit = G_GUINT64_CONSTANT (1) << MIN (u, 63u);
      for (guint k = 0; k < unit->n_keys; k++)
        units[g_array_index (sc->en.keys, guint, unit->first_key + k)] |= bit;
    }
    /* the sentence's distinct keys hold every key of its units */
    for (guint k = 0; k < f->n_sorted; k++) {
      guint id = g_array_index (sc->en.sorted_keys, guint, f->first_sorted + k);
      sc->post_units[fill[id]++] = units[id];
      units[id] = 0;
    }
  }
}

void
sverka_scorer_windows_done (SverkaScorer *sc)
{
  g_clear_pointer (&sc->post_units, g_free);
}

void
sverka_scorer_window_pairs (SverkaScorer *sc, guint r, guint e_lo, guint n, SverkaPair *out)
{
  const SverkaSentFeatures *f = &g_array_index (sc->ru.sents, SverkaSentFeatures, r);
  guint e_hi = e_lo + n;

  g_assert (sc->marked == r);
  if (sc->post_units == NULL)
    build_post_units (sc);
  memset (out, 0, sizeof *out * n);
  /* A key held by several of @r's units is visited again: the masks are
   * unions, and come out the same. */
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (sc->ru.units, SverkaUnit, f->first_unit + u);
    for (guint k = 0; k < unit->n_keys; k++) {
      guint id = g_array_index (sc->ru.keys, guint, unit->first_key + k);
      guint p_end = sc->post_start[id + 1];
      for (guint p = first_posting_from (sc, id, e_lo); p < p_end && sc->post[p] < e_hi; p++) {
        SverkaPair *o = &out[sc->post[p] - e_lo];
        o->mask |= sc->mask[id];
        o->mask_en |= sc->post_units[p];
      }
    }
  }
  for (guint i = 0; i < n; i++) {
    if (out[i].mask != 0)
      out[i].mr = sverka_scorer_mask_weight (sc, r, out[i].mask);
    if (out[i].mask_en != 0)
      out[i].me = sverka_scorer_mask_weight_en (sc, e_lo + i, out[i].mask_en);
  }
}

GArray *
sverka_scorer_candidates (SverkaScorer *sc, guint r, guint max, guint lo, guint hi)
{
  const SverkaSentFeatures *f = &g_array_index (sc->ru.sents, SverkaSentFeatures, r);
  guint n = sc->en.sents->len;
  /* Keys in more English sentences than this are too common to propose:
   * candidates come from rare evidence (names, numbers, rare words). */
  guint max_df = CLAMP (n / 20, 4u, SVERKA_CANDIDATE_MAX_DF);
  GArray *top = g_array_sized_new (FALSE, FALSE, sizeof (guint), max + 1);
  guint *touched, n_touched = 0;
  GArray *keys;
  guint n_keys = 0;

  if (sc->post_start == NULL)
    build_postings (sc);
  touched = sc->touched;
  keys = sc->cand_keys;
  /* The sentence's distinct keys that may propose (in 1 to max_df English
   * sentences), sorted: the rest are left out before the sort. */
  for (guint u = 0; u < f->n_units; u++)
    n_keys += g_array_index (sc->ru.units, SverkaUnit, f->first_unit + u).n_keys;
  g_array_set_size (keys, n_keys);
  n_keys = 0;
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (sc->ru.units, SverkaUnit, f->first_unit + u);
    const guint *uk = &g_array_index (sc->ru.keys, guint, unit->first_key);
    for (guint k = 0; k < unit->n_keys; k++) {
      guint df = sc->post_start[uk[k] + 1] - sc->post_start[uk[k]];
      if (df != 0 && df <= max_df)
        g_array_index (keys, guint, n_keys++) = uk[k];
    }
  }
  n_keys = sort_distinct ((guint *) (void *) keys->data, n_keys);
  for (guint k = 0; k < n_keys; k++) {
    guint id = g_array_index (keys, guint, k);
    guint df = sc->post_start[id + 1] - sc->post_start[id];
    float w = sc->cand_weight[df];
    guint p_end = sc->post_start[id + 1];
    for (guint p = first_posting_from (sc, id, lo); p < p_end && sc->post[p] < hi; p++) {
      guint e = sc->post[p];
      if (sc->acc[e] == 0)
        touched[n_touched++] = e;
      sc->acc[e] += w;
    }
  }
  /* The best @max by accumulated weight (insertion into a short sorted
   * list), then every other sentence that ties with the last of them, up to
   * four times @max: a sentence given twice must show as two equal
   * candidates, whichever comes first. */
  for (guint i = 0; i < n_touched; i++) {
    guint e = touched[i];
    guint pos = top->len;
    while (pos > 0) {
      guint o = g_array_index (top, guint, pos - 1);
      if (sc->acc[o] > sc->acc[e] || (sc->acc[o] == sc->acc[e] && o < e))
        break;
      pos--;
    }
    if (pos < max) {
      g_array_insert_val (top, pos, e);
      if (top->len > max)
        g_array_set_size (top, max);
    }
  }
  if (top->len == max) {
    float cut = sc->acc[g_array_index (top, guint, max - 1)];
    for (guint i = 0; i < n_touched && top->len < 4 * max; i++) {
      guint e = touched[i];
      gboolean in = FALSE;
      if (sc->acc[e] != cut)
        continue;
      for (guint k = 0; k < top->len && !in; k++)
        in = g_array_index (top, guint, k) == e;
      if (!in)
        g_array_append_val (top, e);
    }
  }
  for (guint i = 0; i < n_touched; i++)
    sc->acc[touched[i]] = 0;
  return top;
}
