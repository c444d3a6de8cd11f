/* sverka-lemmas.c: hunspell's lemmas of every form of a dictionary,
 * compiled (see sverka-lemmas-private.h for what the table promises).
 *
 * A compiled file, in the byte order of the machine that wrote it:
 *
 *   Header, then the sections it names, each 8-byte aligned:
 *   sources  n_sources × SverkaImageSource: the .aff and .dic it was compiled from
 *   index    (INDEX_SIZE + 1) × guint32: where the keys of each value of
 *            their top INDEX_BITS bits begin
 *   keys     n_keys × guint64: FNV-1a hashes of the lower-case forms,
 *            ascending and distinct
 *   values   n_keys × N_SHAPES × guint32: for the form in lower case, with
 *            a capital first letter and in capitals (its shapes), the
 *            offset of hunspell's first lemma in the strings, NO_LEMMA, or
 *            ASK
 *   spell    n_keys bytes: for each shape s, bit s set when hunspell
 *            accepts the form in that shape, bit SPELL_ASK << s when the
 *            table cannot tell
 *   samples  N_SAMPLES × guint32: offsets of forms in the strings (in each
 *            shape in turn), asked of hunspell again on mapping
 *   strings  strings_len bytes: NUL-terminated, the first empty
 *
 * Mapping checks the header, the sections against the file's length, the
 * index and the sample; each key search stays within the index's bounds,
 * and each lemma is checked when it is read (a lemma that is no string of
 * the table is asked of hunspell), so mapping reads a few pages only.
 */
#include "config.h"

#include <string.h>

#include "sverka-context-private.h"
#include "sverka-error.h"
#include "sverka-image-private.h"
#include "sverka-lemmas-private.h"
#include "sverka-wordforms-private.h"

#define MAGIC "SVKLEM\r\n"
#define BYTE_ORDER_MARK 0x01020304u
#define FORMAT_VERSION 2u
#define INDEX_BITS 16
#define INDEX_SIZE (1u << INDEX_BITS)
#define N_SAMPLES 32
#define NO_LEMMA 0u
#define ASK G_MAXUINT32
/* lower case, capitalised, capitals */
#define N_SHAPES 3
#define SPELL_ASK 0x10u

typedef struct {
  char magic[8];
  guint32 byte_order;
  guint32 version;
  guint32 n_keys;
  guint32 covers;
  guint32 n_sources;
  guint32 strings_len;
  guint64 sources_off;
  guint64 index_off;
  guint64 keys_off;
  guint64 values_off;
  guint64 spell_off;
  guint64 samples_off;
  guint64 strings_off;
  guint64 file_len;
} Header;


G_STATIC_ASSERT (sizeof (Header) == 96);

struct _SverkaLemmas {
  GMappedFile *mapped; /* (nullable) */
  const guint32 *index;
  const guint64 *keys;
  const guint32 *values;
  const guint8 *spell;
  guint32 n_keys;
  const char *strings;
  guint32 strings_len;
};

static guint64
key_hash (const char *s, gsize len)
{
  return sverka_image_fnv64 (SVERKA_IMAGE_FNV64_SEED, s, len);
}

/* @lower with its first letter upper case, as hunspell's capitalised
 * shape; NULL when that changes its length. */
static char *
capitalised (const char *lower)
{
  char head[8] = { 0 };
  if (lower[0] == '\0')
    return NULL;
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (lower)), head);
  return g_strconcat (head, g_utf8_next_char (lower), NULL);
}

/* @lower in shape @shape (0: as it is, 1: capitalised, 2: in capitals);
 * NULL when that shape changes its length or does not lower-case back to
 * it. */
static char *
shaped (const char *lower, guint shape)
{
  g_autofree char *s = NULL;
  g_autofree char *back = NULL;
  if (shape == 0)
    return g_strdup (lower);
  s = shape == 1 ? capitalised (lower) : g_utf8_strup (lower, -1);
  if (s == NULL || strlen (s) != strlen (lower))
    return NULL;
  back = g_utf8_strdown (s, -1);
  return strcmp (back, lower) == 0 ? g_steal_pointer (&s) : NULL;
}

/* ---- compiling ----------------------------------------------------- */

typedef struct {
  guint64 hash;
  const char *form; /* lower case, owned by the set */
} Key;

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return strcmp (x->form, y->form);
}

static void
add_lower (const char *form, gpointer data)
{
  g_hash_table_add (data, g_utf8_strdown (form, -1));
}

/* The offset of @s in @strings, added once (@offsets: string -> offset). */
static guint32
intern (GByteArray *strings, GHashTable *offsets, const char *s)
{
  gpointer v;
  guint32 off;
  if (g_hash_table_lookup_extended (offsets, s, NULL, &v))
    return GPOINTER_TO_UINT (v);
  off = strings->len;
  g_byte_array_append (strings, (const guint8 *) s, (guint) strlen (s) + 1);
  g_hash_table_insert (offsets, g_strdup (s), GUINT_TO_POINTER (off));
  return off;
}

/* hunspell's first lemma of @word, interned; NO_LEMMA when it has none. */
static guint32
ask (Hunhandle *h, const char *word, GByteArray *strings, GHashTable *offsets)
{
  char **list = NULL;
  int n = Hunspell_stem (h, &list, word);
  guint32 off = NO_LEMMA;
  if (n > 0 && list[0][0] != '\0' && g_utf8_validate (list[0], -1, NULL))
    off = intern (strings, offsets, list[0]);
  else if (n > 0)
    off = ASK;
  Hunspell_free_list (h, &list, n);
  return off;
}

gboolean
sverka_lemmas_compile (const char *aff, const char *dic, const char *path, guint *n_forms,
                       gboolean *covers, GError **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr (GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GByteArray) spell = g_byte_array_new ();
  g_autoptr (GByteArray) strings = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  g_autofree guint32 *index = g_new0 (guint32, INDEX_SIZE + 1);
  guint32 samples[N_SAMPLES] = { 0 };
  const char *sources[2] = { aff, dic };
  SverkaImageSource srcs[2] = { { 0 } };
  Header hd = { 0 };
  Hunhandle *h;
  GHashTableIter it;
  gpointer form;
  static const guint8 empty = 0;

  /* the forms first: a missing dictionary is named as compile-forms names it */
  if (!sverka_wordforms_expand (aff, dic, add_lower, set, covers, error))
    return FALSE;
  g_byte_array_append (strings, &empty, 1);
  for (guint i = 0; i < 2; i++) {
    g_autofree char *name = g_path_get_basename (sources[i]);
    if (!sverka_image_hash_file (sources[i], &srcs[i].size, &srcs[i].hash, error))
      return FALSE;
    srcs[i].name = intern (strings, offsets, name);
  }
  if (!*covers)
    g_hash_table_remove_all (set);
  h = sverka_hunspell_create (aff, dic);
  if (h == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "hunspell cannot open %s", dic);
    return FALSE;
  }
  g_hash_table_iter_init (&it, set);
  while (g_hash_table_iter_next (&it, &form, NULL)) {
    Key k = { key_hash (form, strlen (form)), form };
    g_array_append_val (keys, k);
  }
  g_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++) {
    const Key *k = &g_array_index (keys, Key, i);
    guint32 v[N_SHAPES];
    guint8 known = 0;
    /* two forms of one hash: neither is answered */
    gboolean clash = (i > 0 && g_array_index (keys, Key, i - 1).hash == k->hash)
                     || (i + 1 < keys->len && g_array_index (keys, Key, i + 1).hash == k->hash);
    if (i > 0 && g_array_index (keys, Key, i - 1).hash == k->hash)
      continue;
    for (guint sh = 0; sh < N_SHAPES; sh++) {
      g_autofree char *w = clash ? NULL : shaped (k->form, sh);
      if (w == NULL) {
        v[sh] = ASK;
        known |= (guint8) (SPELL_ASK << sh);
        continue;
      }
      v[sh] = ask (h, w, strings, offsets);
      if (Hunspell_spell (h, w) != 0)
        known |= (guint8) (1u << sh);
    }
    g_array_append_val (hashes, k->hash);
    g_array_append_vals (values, v, N_SHAPES);
    g_byte_array_append (spell, &known, 1);
  }
  sverka_hunspell_destroy (h);
  /* the sample: forms spread over the table, in each shape in turn, each
   * asked again on mapping */
  for (guint s = 0; s < N_SAMPLES && keys->len > 0; s++) {
    const Key *k = &g_array_index (keys, Key, (guint) ((guint64) s * keys->len / N_SAMPLES));
    g_autofree char *w = shaped (k->form, s % N_SHAPES);
    samples[s] = intern (strings, offsets, w != NULL ? w : k->form);
  }
  *n_forms = hashes->len;
  for (guint kk = 0, i = 0; kk <= INDEX_SIZE; kk++) {
    while (i < hashes->len && (g_array_index (hashes, guint64, i) >> (64 - INDEX_BITS)) < kk)
      i++;
    index[kk] = i;
  }
  if ((guint64) strings->len >= G_MAXUINT32 - 1) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: too many lemmas to compile (%u bytes)", path, strings->len);
    return FALSE;
  }

  memcpy (hd.magic, MAGIC, sizeof hd.magic);
  hd.byte_order = BYTE_ORDER_MARK;
  hd.version = FORMAT_VERSION;
  hd.n_keys = hashes->len;
  hd.covers = *covers ? 1 : 0;
  hd.n_sources = 2;
  hd.strings_len = strings->len;
  g_byte_array_append (out, (const guint8 *) &hd, sizeof hd);
  hd.sources_off = sverka_image_append_section (out, srcs, sizeof srcs);
  hd.index_off = sverka_image_append_section (out, index, (INDEX_SIZE + 1) * sizeof (guint32));
  hd.keys_off = sverka_image_append_section (out, hashes->data, hashes->len * sizeof (guint64));
  hd.values_off = sverka_image_append_section (out, values->data, values->len * sizeof (guint32));
  hd.spell_off = sverka_image_append_section (out, spell->data, spell->len);
  hd.samples_off = sverka_image_append_section (out, samples, sizeof samples);
  hd.strings_off = sverka_image_append_section (out, strings->data, strings->len);
  hd.file_len = out->len;
  memcpy (out->data, &hd, sizeof hd);
  if (!g_file_set_contents (path, (const char *) out->data, out->len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: cannot write the table of lemmas (%s); check that its folder exists "
                 "and is writable",
                 path, local->message);
    return FALSE;
  }
  return TRUE;
}

/* ---- mapping ------------------------------------------------------- */

static gboolean
refuse (GError **error, const char *path, const char *what)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s: not a usable table of lemmas (%s); compile it again with "
               "'sverka lexicon compile-lemmas'",
               path, what);
  return FALSE;
}

/* Does @off start a string of @lm's pool (or name none)? */
static gboolean
string_ok (const SverkaLemmas *lm, guint32 off)
{
  return off == ASK || off == NO_LEMMA || (off < lm->strings_len && lm->strings[off - 1] == '\0');
}

static gboolean
image_ok (const char *base, guint64 len, const char *path, SverkaLemmas *lm, Header *h,
          GError **error)
{
  if (len < sizeof *h)
    return refuse (error, path, "shorter than its header");
  memcpy (h, base, sizeof *h);
  if (memcmp (h->magic, MAGIC, sizeof h->magic) != 0)
    return refuse (error, path, "it does not start with the mark of a table of lemmas");
  if (h->byte_order != BYTE_ORDER_MARK)
    return refuse (error, path, "written on a machine of another byte order");
  if (h->version != FORMAT_VERSION)
    return refuse (error, path, "written in another version of the format");
  if (h->file_len != len)
    return refuse (error, path, "truncated or extended");
  if (!sverka_image_section_ok (h->sources_off, h->n_sources, sizeof (SverkaImageSource), 8, len)
      || !sverka_image_section_ok (h->index_off, INDEX_SIZE + 1, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->keys_off, h->n_keys, sizeof (guint64), 8, len)
      || !sverka_image_section_ok (h->values_off, N_SHAPES * (guint64) h->n_keys,
                                   sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->spell_off, h->n_keys, 1, 1, len)
      || !sverka_image_section_ok (h->samples_off, N_SAMPLES, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->strings_off, h->strings_len, 1, 1, len))
    return refuse (error, path, "a section lies outside the file");
  lm->strings = base + h->strings_off;
  lm->strings_len = h->strings_len;
  if (h->strings_len == 0 || lm->strings[0] != '\0' || lm->strings[h->strings_len - 1] != '\0')
    return refuse (error, path, "its strings are not closed");
  lm->index = (const guint32 *) (gconstpointer) (base + h->index_off);
  lm->keys = (const guint64 *) (gconstpointer) (base + h->keys_off);
  lm->values = (const guint32 *) (gconstpointer) (base + h->values_off);
  lm->spell = (const guint8 *) (base + h->spell_off);
  lm->n_keys = h->n_keys;
  for (guint32 i = 0; i < h->n_sources; i++) {
    SverkaImageSource s;
    memcpy (&s, base + h->sources_off + i * sizeof (SverkaImageSource), sizeof s);
    if (!string_ok (lm, s.name) || s.name == NO_LEMMA || s.name == ASK)
      return refuse (error, path, "a source's name lies outside the file");
  }
  for (guint s = 0; s < N_SAMPLES; s++) {
    guint32 off;
    memcpy (&off, base + h->samples_off + s * sizeof (guint32), sizeof off);
    if (!string_ok (lm, off) || off == ASK || !g_utf8_validate (lm->strings + off, -1, NULL))
      return refuse (error, path, "a sample lies outside the file");
  }
  if (lm->index[0] != 0 || lm->index[INDEX_SIZE] != h->n_keys)
    return refuse (error, path, "its index does not span its keys");
  for (guint k = 0; k < INDEX_SIZE; k++)
    if (lm->index[k + 1] < lm->index[k])
      return refuse (error, path, "its index goes backwards");
  /* The keys and lemmas are checked where they are read (a search among
   * keys out of order stays within the index's bounds), so that mapping
   * reads no more of the file than the index: a run that asks for a few
   * lemmas keeps a few pages. */
  return TRUE;
}

SverkaLemmas *
sverka_lemmas_map_bytes (const char *data, gsize len, GError **error)
{
  g_autoptr (SverkaLemmas) lm = g_new0 (SverkaLemmas, 1);
  Header h;
  if (!image_ok (data, len, "(bytes)", lm, &h, error))
    return NULL;
  return h.covers ? g_steal_pointer (&lm) : NULL;
}

SverkaLemmas *
sverka_lemmas_map (const char *path, const char *aff, const char *dic, Hunhandle *hun,
                   GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, &local);
  g_autoptr (SverkaLemmas) lm = g_new0 (SverkaLemmas, 1);
  const char *sources[2] = { aff, dic };
  const char *base;
  Header h;
  gint differ;

  if (mf == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s", local->message);
    return NULL;
  }
  base = g_mapped_file_get_contents (mf);
  if (!image_ok (base, g_mapped_file_get_length (mf), path, lm, &h, error))
    return NULL;
  differ = sverka_image_sources_differ (base + h.sources_off, h.n_sources, lm->strings, sources, 2);
  if (differ >= 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s is out of date: it was not compiled from %s as it is now", path,
                 differ < 2 ? sources[differ] : "these two files only");
    return NULL;
  }
  if (!h.covers)
    return NULL;
  /* the sample, asked of this hunspell again */
  for (guint s = 0; s < N_SAMPLES; s++) {
    guint32 off;
    const char *word, *lemma = NULL;
    char **list = NULL;
    int n;
    SverkaLemmaAnswer a;
    gboolean same;
    memcpy (&off, base + h.samples_off + s * sizeof (guint32), sizeof off);
    word = lm->strings + off;
    a = sverka_lemmas_lookup (lm, word, &lemma);
    n = Hunspell_stem (hun, &list, word);
    same = a == SVERKA_LEMMA_ASK || (a == SVERKA_LEMMA_NONE && n <= 0)
           || (a == SVERKA_LEMMA_FOUND && n > 0 && strcmp (list[0], lemma) == 0);
    Hunspell_free_list (hun, &list, n);
    switch (sverka_lemmas_spell (lm, word)) {
    case SVERKA_SPELL_KNOWN:
      same = same && Hunspell_spell (hun, word) != 0;
      break;
    case SVERKA_SPELL_REJECTED:
      same = same && Hunspell_spell (hun, word) == 0;
      break;
    case SVERKA_SPELL_ASK:
      break;
    }
    if (!same) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s was made with another hunspell: it does not give the lemma or spelling of "
                   "'%s' hunspell gives now; compile it again with 'sverka lexicon compile-lemmas'",
                   path, word);
      return NULL;
    }
  }
  lm->mapped = g_steal_pointer (&mf);
  return g_steal_pointer (&lm);
}

void
sverka_lemmas_free (SverkaLemmas *lm)
{
  if (lm == NULL)
    return;
  g_clear_pointer (&lm->mapped, g_mapped_file_unref);
  g_free (lm);
}

/* Where @word is in @lm: its key's index and its shape (FOUND); NONE for a
 * word of letters whose lower case the dictionary does not make, which
 * hunspell rejects; ASK for any other word (a character other than a
 * letter, capitals inside, a shape the table did not ask about). */
static SverkaLemmaAnswer
locate (const SverkaLemmas *lm, const char *word, guint32 *index, guint *shape)
{
  g_autofree char *lower = NULL;
  guint64 h;
  guint32 lo, hi;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return SVERKA_LEMMA_ASK;
  lower = g_utf8_strdown (word, -1);
  for (*shape = 0; *shape < N_SHAPES; (*shape)++) {
    g_autofree char *w = *shape == 0 ? NULL : shaped (lower, *shape);
    if (strcmp (*shape == 0 ? lower : w != NULL ? w : "", word) == 0)
      break;
  }
  if (*shape == N_SHAPES)
    return SVERKA_LEMMA_ASK;
  h = key_hash (lower, strlen (lower));
  lo = lm->index[h >> (64 - INDEX_BITS)];
  hi = lm->index[(h >> (64 - INDEX_BITS)) + 1];
  while (lo < hi) {
    guint32 mid = lo + (hi - lo) / 2;
    if (lm->keys[mid] < h) {
      lo = mid + 1;
    } else if (lm->keys[mid] > h) {
      hi = mid;
    } else {
      *index = mid;
      return SVERKA_LEMMA_FOUND;
    }
  }
  return SVERKA_LEMMA_NONE;
}

SverkaLemmaAnswer
sverka_lemmas_lookup (const SverkaLemmas *lm, const char *word, const char **lemma)
{
  guint32 index = 0, v;
  guint shape = 0;
  SverkaLemmaAnswer a = locate (lm, word, &index, &shape);

  if (a != SVERKA_LEMMA_FOUND)
    return a;
  v = lm->values[N_SHAPES * (guint64) index + shape];
  if (v == NO_LEMMA)
    return SVERKA_LEMMA_NONE;
  /* a lemma that is no string of the table (a damaged file): asked */
  if (v == ASK || !string_ok (lm, v) || !g_utf8_validate (lm->strings + v, -1, NULL))
    return SVERKA_LEMMA_ASK;
  *lemma = lm->strings + v;
  return SVERKA_LEMMA_FOUND;
}

SverkaSpellAnswer
sverka_lemmas_spell (const SverkaLemmas *lm, const char *word)
{
  guint32 index = 0;
  guint shape = 0;

  switch (locate (lm, word, &index, &shape)) {
  case SVERKA_LEMMA_NONE:
    return SVERKA_SPELL_REJECTED;
  case SVERKA_LEMMA_ASK:
    return SVERKA_SPELL_ASK;
  case SVERKA_LEMMA_FOUND:
    break;
  }
  if (lm->spell[index] & (SPELL_ASK << shape))
    return SVERKA_SPELL_ASK;
  return (lm->spell[index] & (1u << shape)) ? SVERKA_SPELL_KNOWN : SVERKA_SPELL_REJECTED;
}
