/* sverka-lexicon.c: loading bilingual lexicons and indexing them by stem.
 * The image's layout is described in sverka-lexicon-private.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-dictfile-private.h"
#include "sverka-error.h"
#include "sverka-lexicon-private.h"

#define MIN_BUCKETS 64

/* Points the image at the heap arrays (after they grew). */
static void
sync_image (SverkaLexicon *lex)
{
  lex->strings = (const char *) lex->heap_strings->data;
  lex->strings_len = lex->heap_strings->len;
  lex->entries = (const SverkaLexEntry *) (gpointer) lex->heap_entries->data;
  lex->n_entries = lex->heap_entries->len;
  lex->stem_offs = (const guint32 *) (gpointer) lex->heap_stem_offs->data;
  lex->n_stem_offs = lex->heap_stem_offs->len;
  lex->next = (const guint32 *) (gpointer) lex->heap_next->data;
  lex->buckets = (const SverkaLexBucket *) (gpointer) lex->heap_buckets->data;
  lex->n_buckets = lex->heap_buckets->len;
}

static void
heap_new (SverkaLexicon *lex)
{
  static const guint8 empty = 0;
  memset (lex->multi_starts, 0, sizeof lex->multi_starts);
  lex->heap_strings = g_byte_array_new ();
  g_byte_array_append (lex->heap_strings, &empty, 1);
  lex->heap_entries = g_array_new (FALSE, FALSE, sizeof (SverkaLexEntry));
  lex->heap_stem_offs = g_array_new (FALSE, FALSE, sizeof (guint32));
  lex->heap_next = g_array_new (FALSE, FALSE, sizeof (guint32));
  lex->heap_buckets = g_array_new (FALSE, TRUE, sizeof (SverkaLexBucket));
  g_array_set_size (lex->heap_buckets, MIN_BUCKETS);
  lex->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_strfreev);
  lex->n_keys = 0;
  sync_image (lex);
}

static void
heap_clear (SverkaLexicon *lex)
{
  g_clear_pointer (&lex->heap_strings, g_byte_array_unref);
  g_clear_pointer (&lex->heap_entries, g_array_unref);
  g_clear_pointer (&lex->heap_stem_offs, g_array_unref);
  g_clear_pointer (&lex->heap_next, g_array_unref);
  g_clear_pointer (&lex->heap_buckets, g_array_unref);
  g_clear_pointer (&lex->seen, g_hash_table_unref);
  g_clear_pointer (&lex->interned, g_hash_table_unref);
  g_clear_pointer (&lex->stems, g_hash_table_unref);
}

SverkaLexicon *
sverka_lexicon_new (SverkaContext *ctx)
{
  SverkaLexicon *lex = g_new0 (SverkaLexicon, 1);
  lex->ctx = sverka_context_ref (ctx);
  heap_new (lex);
  return lex;
}

void
sverka_lexicon_free (SverkaLexicon *lex)
{
  if (lex == NULL)
    return;
  heap_clear (lex);
  g_clear_pointer (&lex->mapped, g_mapped_file_unref);
  sverka_context_unref (lex->ctx);
  g_free (lex);
}

void
sverka_lexicon_clear (SverkaLexicon *lex)
{
  heap_clear (lex);
  g_clear_pointer (&lex->mapped, g_mapped_file_unref);
  heap_new (lex);
}

guint
sverka_lexicon_get_n_entries (SverkaLexicon *lex)
{
  return lex->n_entries;
}

/* The bucket of the key @a (or "@a<TAB>@b" when @b is not NULL) of hash @h:
 * the one holding it, or the empty one where it would go. */
static guint32
find_bucket (const SverkaLexicon *lex, guint32 h, const char *a, const char *b)
{
  guint32 mask = lex->n_buckets - 1;
  gsize la = b != NULL ? strlen (a) : 0;

  for (guint32 i = h & mask;; i = (i + 1) & mask) {
    const SverkaLexBucket *k = &lex->buckets[i];
    const char *s;
    if (k->key == 0)
      return i;
    if (k->hash != h)
      continue;
    s = lex->strings + k->key;
    if (b == NULL ? strcmp (s, a) == 0
                  : strncmp (s, a, la) == 0 && s[la] == '\t' && strcmp (s + la + 1, b) == 0)
      return i;
  }
}

guint32
sverka_lexicon_first (const SverkaLexicon *lex, const char *stem)
{
  guint32 i = find_bucket (lex, sverka_lex_hash (SVERKA_LEX_HASH_SEED, stem), stem, NULL);
  return lex->buckets[i].key != 0 ? lex->buckets[i].first : SVERKA_LEX_END;
}

guint32
sverka_lexicon_first2 (const SverkaLexicon *lex, const char *stem1, const char *stem2)
{
  guint32 h = sverka_lex_hash (sverka_lex_hash (SVERKA_LEX_HASH_SEED, stem1), "\t");
  guint32 i = find_bucket (lex, sverka_lex_hash (h, stem2), stem1, stem2);
  return lex->buckets[i].key != 0 ? lex->buckets[i].first : SVERKA_LEX_END;
}

/* The offset of a copy of @s in the strings, shared with an equal string
 * added in the same load. */
static guint32
intern (SverkaLexicon *lex, const char *s)
{
  gpointer v;
  guint32 off;
  if (*s == '\0')
    return 0;
  if (g_hash_table_lookup_extended (lex->interned, s, NULL, &v))
    return GPOINTER_TO_UINT (v);
  off = lex->heap_strings->len;
  g_byte_array_append (lex->heap_strings, (const guint8 *) s, (guint) strlen (s) + 1);
  g_hash_table_insert (lex->interned, g_strdup (s), GUINT_TO_POINTER (off));
  return off;
}

/* Doubles the bucket table, placing every key again. */
static void
grow_buckets (SverkaLexicon *lex)
{
  g_autoptr (GArray) old = lex->heap_buckets;
  guint32 mask;
  lex->heap_buckets = g_array_new (FALSE, TRUE, sizeof (SverkaLexBucket));
  g_array_set_size (lex->heap_buckets, old->len * 2);
  mask = lex->heap_buckets->len - 1;
  for (guint i = 0; i < old->len; i++) {
    const SverkaLexBucket *k = &g_array_index (old, SverkaLexBucket, i);
    guint32 j;
    if (k->key == 0)
      continue;
    for (j = k->hash & mask; g_array_index (lex->heap_buckets, SverkaLexBucket, j).key != 0;
         j = (j + 1) & mask)
      ;
    g_array_index (lex->heap_buckets, SverkaLexBucket, j) = *k;
  }
}

/* Chains entry @index at the end of its key's entries. */
static void
index_entry (SverkaLexicon *lex, guint32 index, const char *a, const char *b)
{
  guint32 h = sverka_lex_hash (SVERKA_LEX_HASH_SEED, a);
  SverkaLexBucket *k;
  guint32 i;

  if (b != NULL) {
    sverka_lex_mark_multi_start (lex, h);
    h = sverka_lex_hash (sverka_lex_hash (h, "\t"), b);
  }
  if (2 * (lex->n_keys + 1) > lex->heap_buckets->len) {
    grow_buckets (lex);
    sync_image (lex);
  }
  i = find_bucket (lex, h, a, b);
  k = &g_array_index (lex->heap_buckets, SverkaLexBucket, i);
  if (k->key == 0) {
    g_autofree char *key = b != NULL ? g_strconcat (a, "\t", b, NULL) : NULL;
    k->hash = h;
    k->key = intern (lex, key != NULL ? key : a);
    k->first = index;
    lex->n_keys++;
  } else {
    g_array_index (lex->heap_next, guint32, k->last) = index;
  }
  k->last = index;
}

void
sverka_lexicon_append (SverkaLexicon *lex, const char *ru, const char *en,
                       const char *const *stems, guint n_ru, guint n_en, guint tags,
                       double value, double p)
{
  g_autofree char *pair = g_strconcat (ru, "\t", en, NULL);
  SverkaLexEntry e = { 0 };
  guint32 end = SVERKA_LEX_END;
  guint32 index = lex->heap_entries->len;

  g_assert (lex->mapped == NULL);
  if (g_hash_table_contains (lex->seen, pair))
    return;
  g_hash_table_add (lex->seen, g_steal_pointer (&pair));
  e.ru = intern (lex, ru);
  e.en = intern (lex, en);
  e.stems = lex->heap_stem_offs->len;
  e.n_ru = n_ru;
  e.n_en = n_en;
  e.tags = tags;
  e.value = value;
  e.p = p;
  for (guint w = 0; w < n_ru + n_en; w++) {
    guint32 off = intern (lex, stems[w]);
    g_array_append_val (lex->heap_stem_offs, off);
  }
  g_array_append_val (lex->heap_entries, e);
  g_array_append_val (lex->heap_next, end);
  sync_image (lex);
  index_entry (lex, index, stems[0], n_ru > 1 ? stems[1] : NULL);
  sync_image (lex);
}

/* Appends the entries of the image @from (another lexicon's, or @lex's own
 * as it was mapped) to @lex, which is not mapped. */
static void
append_image (SverkaLexicon *lex, const SverkaLexicon *from)
{
  g_autoptr (GPtrArray) stems = g_ptr_array_new ();
  for (guint32 i = 0; i < from->n_entries; i++) {
    const SverkaLexEntry *e = &from->entries[i];
    g_ptr_array_set_size (stems, 0);
    for (guint w = 0; w < e->n_ru + e->n_en; w++)
      g_ptr_array_add (stems, (gpointer) sverka_lex_string (from, from->stem_offs[e->stems + w]));
    sverka_lexicon_append (lex, sverka_lex_entry_ru (from, e), sverka_lex_entry_en (from, e),
                           (const char *const *) stems->pdata, e->n_ru, e->n_en, e->tags,
                           e->value, e->p);
  }
  g_hash_table_remove_all (lex->interned);
}

void
sverka_lexicon_unmap (SverkaLexicon *lex)
{
  g_autoptr (GMappedFile) mapped = g_steal_pointer (&lex->mapped);
  SverkaLexicon old = *lex; /* the mapped image, kept while it is copied */

  if (mapped == NULL)
    return;
  heap_new (lex);
  append_image (lex, &old);
}

typedef struct {
  guint tags;
  double value;
  double p;
} Tags;

static gboolean
parse_tags (const char *path, guint lineno, const char *field, Tags *e, GError **error)
{
  g_auto (GStrv) tags = NULL;

  /* Every line of an imported dictionary has this one tag. */
  if (strcmp (field, "general") == 0) {
    e->tags |= SVERKA_LEX_GENERAL;
    return TRUE;
  }
  tags = g_strsplit (field, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++) {
    const char *t = g_strstrip (tags[i]);
    if (strcmp (t, "term") == 0)
      e->tags |= SVERKA_LEX_TERM;
    else if (strcmp (t, "name") == 0)
      e->tags |= SVERKA_LEX_NAME;
    else if (strcmp (t, "title") == 0)
      e->tags |= SVERKA_LEX_TITLE;
    else if (strcmp (t, "org") == 0)
      e->tags |= SVERKA_LEX_ORG;
    else if (strcmp (t, "month") == 0)
      e->tags |= SVERKA_LEX_MONTH;
    else if (strcmp (t, "day") == 0)
      e->tags |= SVERKA_LEX_DAY;
    else if (strcmp (t, "general") == 0)
      e->tags |= SVERKA_LEX_GENERAL;
    else if (strcmp (t, "learned") == 0)
      e->tags |= SVERKA_LEX_LEARNED;
    else if (g_str_has_prefix (t, "p=")) {
      char *end = NULL;
      e->p = g_ascii_strtod (t + 2, &end);
      if (end == t + 2 || *end != '\0' || !(e->p >= 0 && e->p <= 1)) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected a probability from 0 to 1 after 'p=', found '%s'", path,
                     lineno, t + 2);
        return FALSE;
      }
    } else if (g_str_has_prefix (t, "num=")) {
      char *end = NULL;
      e->value = g_ascii_strtod (t + 4, &end);
      /* "inf", "nan" and 1e999 parse, but no text means such a number */
      if (end == t + 4 || *end != '\0' || !isfinite (e->value)) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected a finite number after 'num=', found '%s'", path, lineno,
                     t + 4);
        return FALSE;
      }
      e->tags |= SVERKA_LEX_NUM;
    } else {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: unknown tag '%s' (known: term, name, title, org, month, day, "
                   "num=VALUE, general, learned, p=PROBABILITY)",
                   path, lineno, t);
      return FALSE;
    }
  }
  return TRUE;
}

/* The stems of a side of language @lang, worked out once for each distinct
 * side: an imported dictionary repeats its words many times. (Kept by the
 * text with the language's number before it: in a pair of one script, one
 * spelling may be a word of either language.) Returns: (transfer none). */
static GStrv
side_stems (SverkaLexicon *lex, SverkaLanguage lang, const char *side, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%c%s", '0' + (int) lang, side);
  GStrv stems = g_hash_table_lookup (lex->stems, key);
  if (stems != NULL)
    return stems;
  stems = sverka_context_phrase_stems (lex->ctx, lang, side, error);
  if (stems != NULL)
    g_hash_table_insert (lex->stems, g_steal_pointer (&key), stems);
  return stems;
}

/* A lexicon file being read: its first column is the pair's first language,
 * or with @reversed its second. */
typedef struct {
  SverkaLexicon *lex;
  gboolean reversed;
} Reading;

static gboolean
add_entry (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
           GError **error)
{
  const Reading *r = user_data;
  SverkaLexicon *lex = r->lex;
  const char *first = fields[r->reversed ? 1 : 0], *second = fields[r->reversed ? 0 : 1];
  Tags t = { 0, 0.0, 1.0 };
  GStrv ru, en;
  guint n_ru, n_en;
  g_autoptr (GPtrArray) stems = NULL;

  if (n_fields == 3 && !parse_tags (path, lineno, fields[2], &t, error))
    return FALSE;
  ru = side_stems (lex, SVERKA_LANGUAGE_FIRST, first, error);
  en = ru != NULL ? side_stems (lex, SVERKA_LANGUAGE_SECOND, second, error) : NULL;
  if (ru == NULL || en == NULL) {
    g_prefix_error (error, "%s:%u: ", path, lineno);
    return FALSE;
  }
  n_ru = g_strv_length (ru);
  n_en = g_strv_length (en);
  if (n_ru == 0 || n_en == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected words on both sides, found '%s' and '%s'", path, lineno,
                 fields[0], fields[1]);
    return FALSE;
  }
  stems = g_ptr_array_sized_new (n_ru + n_en);
  for (guint w = 0; w < n_ru; w++)
    g_ptr_array_add (stems, ru[w]);
  for (guint w = 0; w < n_en; w++)
    g_ptr_array_add (stems, en[w]);
  sverka_lexicon_append (lex, first, second, (const char *const *) stems->pdata, n_ru,
                         n_en, t.tags, t.value, t.p);
  return TRUE;
}

/* Adds the entries of the lexicon file @path to @lex, its columns swapped
 * with @reversed. */
static gboolean
read_file (SverkaLexicon *lex, const char *path, gboolean reversed, GError **error)
{
  Reading r = { lex, reversed };
  sverka_lexicon_unmap (lex);
  return sverka_dict_file_foreach (path, "sverka-lexicon", 1, 2, 3, add_entry, &r, error);
}

/* Adds the entries of the compiled file @path to @lex, which has some. */
static gboolean
add_compiled (SverkaLexicon *lex, const char *path, GError **error)
{
  g_autoptr (SverkaLexicon) other = sverka_lexicon_new (lex->ctx);
  if (!sverka_lexicon_load (other, path, error))
    return FALSE;
  append_image (lex, other);
  return TRUE;
}

gboolean
sverka_lexicon_load (SverkaLexicon *lex, const char *path, GError **error)
{
  gboolean ok;
  if (sverka_lexicon_file_is_compiled (path)) {
    if (lex->n_entries == 0 && lex->mapped == NULL) {
      heap_clear (lex);
      if (sverka_lexicon_map (lex, path, error))
        return TRUE;
      heap_new (lex);
      return FALSE;
    }
    sverka_lexicon_unmap (lex);
    ok = add_compiled (lex, path, error);
  } else {
    ok = read_file (lex, path, FALSE, error);
  }
  /* The caches serve one file; their memory is not kept for the alignment. */
  g_hash_table_remove_all (lex->stems);
  g_hash_table_remove_all (lex->interned);
  return ok;
}

gboolean
sverka_lexicon_load_reversed (SverkaLexicon *lex, const char *path, GError **error)
{
  gboolean ok;
  if (sverka_lexicon_file_is_compiled (path)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: a compiled lexicon is analysed for its own pair and cannot be read the "
                 "other way round; give the lexicon files it was compiled from",
                 path);
    return FALSE;
  }
  ok = read_file (lex, path, TRUE, error);
  g_hash_table_remove_all (lex->stems);
  g_hash_table_remove_all (lex->interned);
  return ok;
}

gboolean
sverka_lexicon_add (SverkaLexicon *lex, const char *ru, const char *en, GError **error)
{
  char *fields[3] = { (char *) ru, (char *) en, NULL };
  Reading r = { lex, FALSE };
  gboolean ok;
  sverka_lexicon_unmap (lex);
  ok = add_entry ("(added entry)", 1, fields, 2, &r, error);
  g_hash_table_remove_all (lex->stems);
  g_hash_table_remove_all (lex->interned);
  return ok;
}
