/* sverka-lemmas.c: hunspell's lemmas of every form of a dictionary,
 * compiled (see sverka-lemmas-private.h for what the table promises).
 *
 * A compiled file, in the byte order of the machine that wrote it:
 *
 *   Header, then the sections it names, each 8-byte aligned:
 *   sources  n_sources × SverkaImageSource: the .aff and .dic it was
 *            compiled from, and the hunspell library that answered
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
 *   mixed    n_mixed × guint64: FNV-1a hashes of the forms with capitals
 *            inside (McDonald, iPhone, АвтоВАЗ) as the dictionary writes
 *            them, ascending and distinct
 *   mvalues  n_mixed × guint32: their lemmas, as values
 *   mspell   n_mixed bytes: bit 0 when hunspell accepts the form, SPELL_ASK
 *   strings  strings_len bytes: NUL-terminated, the first empty; the
 *            header names the string of the special characters
 *
 * Mapping checks the header, the sections against the file's length, the
 * index and the sources (the library by its bytes); each key search stays
 * within the index's bounds, and each lemma is checked when it is read (a
 * lemma that is no string of the table is asked of hunspell), so mapping
 * reads a few pages only.
 */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-context-private.h"
#include "sverka-error.h"
#include "sverka-image-private.h"
#include "sverka-lemmas-private.h"
#include "sverka-wordforms-private.h"

#define MAGIC "SVKLEM\r\n"
#define BYTE_ORDER_MARK 0x01020304u
#define FORMAT_VERSION 3u
#define INDEX_BITS 16
#define INDEX_SIZE (1u << INDEX_BITS)
#define N_SOURCES 3
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
  guint32 n_mixed;
  guint32 special; /* offset in the strings */
  guint64 sources_off;
  guint64 index_off;
  guint64 keys_off;
  guint64 values_off;
  guint64 spell_off;
  guint64 mixed_off;
  guint64 mvalues_off;
  guint64 mspell_off;
  guint64 strings_off;
  guint64 file_len;
} Header;


G_STATIC_ASSERT (sizeof (Header) == 120);

struct _SverkaLemmas {
  GMappedFile *mapped; /* (nullable) */
  const guint32 *index;
  const guint64 *keys;
  const guint32 *values;
  const guint8 *spell;
  guint32 n_keys;
  const guint64 *mixed;
  const guint32 *mvalues;
  const guint8 *mspell;
  guint32 n_mixed;
  const char *special;
  guint64 special_ascii[2]; /* the ASCII ones of @special, by bit */
  gboolean special_beyond_ascii;
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

/* Does hunspell take @word as a word with capitals inside (its HUHCAP and
 * HUHINITCAP: a capital after the first letter and a small letter, or a
 * small first letter and a capital), whose analysis and spelling look it
 * up as it is only? FALSE for a word it may read otherwise, or with
 * letters whose case hunspell's tables might map otherwise than GLib's
 * (beyond Latin, Greek and Cyrillic). */
static gboolean
mixed_case (const char *word)
{
  guint upper = 0, lower = 0;
  gboolean first_upper = FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gboolean cased = g_unichar_tolower (c) != c || g_unichar_toupper (c) != c;
    if (!cased)
      continue;
    if (c >= 0x0530 || g_unichar_istitle (c))
      return FALSE;
    if (g_unichar_isupper (c) && g_unichar_tolower (c) != c) {
      upper++;
      first_upper = first_upper || p == word;
    } else if (g_unichar_islower (c) && g_unichar_toupper (c) != c) {
      lower++;
    } else {
      return FALSE;
    }
  }
  return upper > 0 && lower > 0 && !(upper == 1 && first_upper);
}

char *
sverka_lemmas_hunspell_library (void)
{
  Dl_info info = { 0 };
  char resolved[PATH_MAX];
  /* a function pointer as data: what dladdr() is given, as POSIX allows */
  G_GNUC_EXTENSION void *fn = (void *) Hunspell_create;
  if (dladdr (fn, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] != '/'
      || realpath (info.dli_fname, resolved) == NULL)
    return NULL;
  return g_strdup (resolved);
}

/* ---- compiling ----------------------------------------------------- */

typedef struct {
  guint64 hash;
  const char *form; /* owned by the set */
} Key;

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return strcmp (x->form, y->form);
}

typedef struct {
  GHashTable *lower; /* the forms in lower case */
  GHashTable *mixed; /* the forms with capitals inside, as written */
} FormSets;

static void
add_form (const char *form, gpointer data)
{
  FormSets *sets = data;
  g_hash_table_add (sets->lower, g_utf8_strdown (form, -1));
  if (mixed_case (form))
    g_hash_table_add (sets->mixed, g_strdup (form));
}

/* The keys of @set, sorted by their hash. */
static GArray *
sorted_keys (GHashTable *set)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (Key));
  GHashTableIter it;
  gpointer form;
  g_hash_table_iter_init (&it, set);
  while (g_hash_table_iter_next (&it, &form, NULL)) {
    Key k = { key_hash (form, strlen (form)), form };
    g_array_append_val (keys, k);
  }
  g_array_sort (keys, compare_keys);
  return keys;
}

/* Does the key at @i have the hash of the one before it (it is left out)? */
static gboolean
repeats (GArray *keys, guint i)
{
  return i > 0 && g_array_index (keys, Key, i - 1).hash == g_array_index (keys, Key, i).hash;
}

/* Is the key at @i one of two of one hash (neither is answered)? */
static gboolean
clashes (GArray *keys, guint i)
{
  return repeats (keys, i) || (i + 1 < keys->len && repeats (keys, i + 1));
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
  g_autoptr (GHashTable) lower = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) mixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) keys = NULL;
  g_autoptr (GArray) mkeys = NULL;
  g_autoptr (GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GByteArray) spell = g_byte_array_new ();
  g_autoptr (GArray) mhashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) mvalues = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GByteArray) mspell = g_byte_array_new ();
  g_autoptr (GByteArray) strings = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  g_autofree guint32 *index = g_new0 (guint32, INDEX_SIZE + 1);
  g_autofree char *special = NULL;
  g_autofree char *library = sverka_lemmas_hunspell_library ();
  const char *sources[N_SOURCES] = { aff, dic, library };
  SverkaImageSource srcs[N_SOURCES] = { { 0 } };
  FormSets sets = { lower, mixed };
  Header hd = { 0 };
  Hunhandle *h;
  static const guint8 empty = 0;

  /* the forms first: a missing dictionary is named as compile-forms names it */
  if (!sverka_wordforms_expand (aff, dic, add_form, &sets, covers, &special, error))
    return FALSE;
  g_byte_array_append (strings, &empty, 1);
  /* a library that cannot be named cannot be checked on mapping: the table
   * then answers nothing */
  if (library == NULL) {
    *covers = FALSE;
    sources[2] = "unknown-hunspell-library";
  }
  for (guint i = 0; i < N_SOURCES; i++) {
    g_autofree char *name = g_path_get_basename (sources[i]);
    if ((i < 2 || library != NULL)
        && !sverka_image_hash_file (sources[i], &srcs[i].size, &srcs[i].hash, error))
      return FALSE;
    srcs[i].name = intern (strings, offsets, name);
  }
  if (!*covers) {
    g_hash_table_remove_all (lower);
    g_hash_table_remove_all (mixed);
  }
  h = sverka_hunspell_create (aff, dic);
  if (h == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "hunspell cannot open %s", dic);
    return FALSE;
  }
  keys = sorted_keys (lower);
  for (guint i = 0; i < keys->len; i++) {
    const Key *k = &g_array_index (keys, Key, i);
    guint32 v[N_SHAPES];
    guint8 known = 0;
    gboolean clash = clashes (keys, i);
    if (repeats (keys, i))
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
  mkeys = sorted_keys (mixed);
  for (guint i = 0; i < mkeys->len; i++) {
    const Key *k = &g_array_index (mkeys, Key, i);
    gboolean clash = clashes (mkeys, i);
    guint32 v;
    guint8 known;
    if (repeats (mkeys, i))
      continue;
    v = clash ? ASK : ask (h, k->form, strings, offsets);
    known = clash ? SPELL_ASK : Hunspell_spell (h, k->form) != 0 ? 1 : 0;
    g_array_append_val (mhashes, k->hash);
    g_array_append_val (mvalues, v);
    g_byte_array_append (mspell, &known, 1);
  }
  sverka_hunspell_destroy (h);
  hd.special = intern (strings, offsets, special);
  *n_forms = hashes->len + mhashes->len;
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
  hd.n_mixed = mhashes->len;
  hd.covers = *covers ? 1 : 0;
  hd.n_sources = N_SOURCES;
  hd.strings_len = strings->len;
  g_byte_array_append (out, (const guint8 *) &hd, sizeof hd);
  hd.sources_off = sverka_image_append_section (out, srcs, sizeof srcs);
  hd.index_off = sverka_image_append_section (out, index, (INDEX_SIZE + 1) * sizeof (guint32));
  hd.keys_off = sverka_image_append_section (out, hashes->data, hashes->len * sizeof (guint64));
  hd.values_off = sverka_image_append_section (out, values->data, values->len * sizeof (guint32));
  hd.spell_off = sverka_image_append_section (out, spell->data, spell->len);
  hd.mixed_off = sverka_image_append_section (out, mhashes->data, mhashes->len * sizeof (guint64));
  hd.mvalues_off
      = sverka_image_append_section (out, mvalues->data, mvalues->len * sizeof (guint32));
  hd.mspell_off = sverka_image_append_section (out, mspell->data, mspell->len);
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
      || !sverka_image_section_ok (h->mixed_off, h->n_mixed, sizeof (guint64), 8, len)
      || !sverka_image_section_ok (h->mvalues_off, h->n_mixed, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->mspell_off, h->n_mixed, 1, 1, len)
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
  lm->mixed = (const guint64 *) (gconstpointer) (base + h->mixed_off);
  lm->mvalues = (const guint32 *) (gconstpointer) (base + h->mvalues_off);
  lm->mspell = (const guint8 *) (base + h->mspell_off);
  lm->n_mixed = h->n_mixed;
  for (guint32 i = 0; i < h->n_sources; i++) {
    SverkaImageSource s;
    memcpy (&s, base + h->sources_off + i * sizeof (SverkaImageSource), sizeof s);
    if (!string_ok (lm, s.name) || s.name == NO_LEMMA || s.name == ASK)
      return refuse (error, path, "a source's name lies outside the file");
  }
  if (!string_ok (lm, h->special) || h->special == ASK
      || !g_utf8_validate (lm->strings + h->special, -1, NULL))
    return refuse (error, path, "its special characters lie outside the file");
  lm->special = lm->strings + h->special;
  for (const char *p = lm->special; *p != '\0'; p++) {
    if ((guchar) *p < 0x80)
      lm->special_ascii[(guchar) *p >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) *p & 63);
    else
      lm->special_beyond_ascii = TRUE;
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
sverka_lemmas_map_with (const char *path, const char *aff, const char *dic,
                        const char *library, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, &local);
  g_autoptr (SverkaLemmas) lm = g_new0 (SverkaLemmas, 1);
  const char *sources[N_SOURCES] = { aff, dic, library };
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
  if (!h.covers)
    return NULL;
  differ = sverka_image_sources_differ (base + h.sources_off, h.n_sources, lm->strings, sources,
                                        N_SOURCES);
  if (differ == 2) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s was made with another hunspell than %s; compile it again with "
                 "'sverka lexicon compile-lemmas'",
                 path, library);
    return NULL;
  }
  if (differ >= 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s is out of date: it was not compiled from %s as it is now", path,
                 differ < 2 ? sources[differ] : "these files only");
    return NULL;
  }
  lm->mapped = g_steal_pointer (&mf);
  return g_steal_pointer (&lm);
}

SverkaLemmas *
sverka_lemmas_map (const char *path, const char *aff, const char *dic, GError **error)
{
  g_autofree char *library = sverka_lemmas_hunspell_library ();
  /* a library that cannot be named cannot be checked: hunspell is asked */
  if (library == NULL)
    return NULL;
  return sverka_lemmas_map_with (path, aff, dic, library, error);
}

void
sverka_lemmas_free (SverkaLemmas *lm)
{
  if (lm == NULL)
    return;
  g_clear_pointer (&lm->mapped, g_mapped_file_unref);
  g_free (lm);
}

/* Where a word is in a table. */
typedef enum {
  PLACE_ASK,   /* the table cannot tell */
  PLACE_NONE,  /* hunspell rejects it and gives no lemma */
  PLACE_SHAPE, /* a key's form in one of its shapes: *index, *shape */
  PLACE_MIXED, /* a form with capitals inside: *index in the mixed ones */
} Place;

/* Searches the ascending @hashes, within [@lo, @hi), for @h. */
static gboolean
search (const guint64 *hashes, guint32 lo, guint32 hi, guint64 h, guint32 *index)
{
  while (lo < hi) {
    guint32 mid = lo + (hi - lo) / 2;
    if (hashes[mid] < h) {
      lo = mid + 1;
    } else if (hashes[mid] > h) {
      hi = mid;
    } else {
      *index = mid;
      return TRUE;
    }
  }
  return FALSE;
}

/* The lower case of @word (@len bytes) in @buf (@len + 1 bytes) and its
 * shape (N_SHAPES: capitals inside), without allocating, for a word of
 * ASCII characters and the Russian letters А-я, Ё, ё only, whose case
 * changes one character for one of the same length, as g_utf8_strdown(),
 * shaped() and mixed_case() change them; FALSE for any other word. */
static gboolean
simple_shape (const char *word, gsize len, char *buf, guint *shape)
{
  guint upper = 0, lower = 0;
  gboolean first_upper = FALSE;

  for (gsize i = 0; i < len;) {
    guchar b = (guchar) word[i];
    if (b < 0x80) {
      gboolean up = b >= 'A' && b <= 'Z';
      upper += up;
      lower += b >= 'a' && b <= 'z';
      first_upper = first_upper || (up && i == 0);
      buf[i++] = (char) (up ? b + ('a' - 'A') : b);
    } else if ((b == 0xD0 || b == 0xD1) && i + 1 < len) {
      gunichar c = ((gunichar) (b & 0x1F) << 6) | ((guchar) word[i + 1] & 0x3F);
      gunichar l;
      if (((guchar) word[i + 1] & 0xC0) != 0x80)
        return FALSE;
      if (c >= 0x410 && c <= 0x42F) {
        l = c + 0x20;
      } else if (c == 0x401) {
        l = 0x451;
      } else if ((c >= 0x430 && c <= 0x44F) || c == 0x451) {
        l = c;
      } else {
        return FALSE;
      }
      upper += l != c;
      lower += l == c;
      first_upper = first_upper || (l != c && i == 0);
      buf[i] = (char) (0xC0 | (l >> 6));
      buf[i + 1] = (char) (0x80 | (l & 0x3F));
      i += 2;
    } else {
      return FALSE;
    }
  }
  buf[len] = '\0';
  if (upper == 0)
    *shape = 0;
  else if (upper == 1 && first_upper)
    *shape = 1;
  else if (lower == 0)
    *shape = 2;
  else
    *shape = N_SHAPES;
  return TRUE;
}

/* Where @word is in @lm. A word hunspell looks up otherwise than as it is
 * (a character of @lm's special ones, a blank, a trailing full stop, no
 * letter at all), or in a shape the table did not ask about, is asked. A
 * word whose lower case the dictionary does not make is one hunspell
 * rejects; so is one with capitals inside that the dictionary does not
 * write so. */
static Place
locate (const SverkaLemmas *lm, const char *word, guint32 *index, guint *shape)
{
  g_autofree char *heap = NULL;
  char stack[256];
  const char *lower;
  gboolean letter = FALSE;
  gsize len = strlen (word);
  guint64 h;

  if (len == 0 || word[len - 1] == '.')
    return PLACE_ASK;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p)) {
    guchar b = (guchar) *p;
    gunichar c;
    if (b < 0x80) {
      if (g_ascii_isspace (b) || (lm->special_ascii[b >> 6] >> (b & 63)) & 1)
        return PLACE_ASK;
      letter = letter || g_ascii_isalpha (b);
      continue;
    }
    c = g_utf8_get_char (p);
    if (g_unichar_isspace (c)
        || (lm->special_beyond_ascii && g_utf8_strchr (lm->special, -1, c) != NULL))
      return PLACE_ASK;
    letter = letter || g_unichar_isalpha (c);
  }
  if (!letter)
    return PLACE_ASK;
  if (len < sizeof stack && simple_shape (word, len, stack, shape)) {
    lower = stack;
  } else {
    lower = heap = g_utf8_strdown (word, -1);
    for (*shape = 0; *shape < N_SHAPES; (*shape)++) {
      g_autofree char *w = *shape == 0 ? NULL : shaped (lower, *shape);
      if (strcmp (*shape == 0 ? lower : w != NULL ? w : "", word) == 0)
        break;
    }
  }
  if (*shape == N_SHAPES && !mixed_case (word))
    return PLACE_ASK;
  h = key_hash (lower, strlen (lower));
  if (!search (lm->keys, lm->index[h >> (64 - INDEX_BITS)],
               lm->index[(h >> (64 - INDEX_BITS)) + 1], h, index))
    return PLACE_NONE;
  if (*shape < N_SHAPES)
    return PLACE_SHAPE;
  return search (lm->mixed, 0, lm->n_mixed, key_hash (word, len), index) ? PLACE_MIXED
                                                                          : PLACE_NONE;
}

SverkaLemmaAnswer
sverka_lemmas_lookup (const SverkaLemmas *lm, const char *word, const char **lemma)
{
  guint32 index = 0, v;
  guint shape = 0;

  switch (locate (lm, word, &index, &shape)) {
  case PLACE_ASK:
    return SVERKA_LEMMA_ASK;
  case PLACE_NONE:
    return SVERKA_LEMMA_NONE;
  case PLACE_SHAPE:
    v = lm->values[N_SHAPES * (guint64) index + shape];
    break;
  case PLACE_MIXED:
  default:
    v = lm->mvalues[index];
    break;
  }
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
  guint8 bits;

  switch (locate (lm, word, &index, &shape)) {
  case PLACE_ASK:
    return SVERKA_SPELL_ASK;
  case PLACE_NONE:
    return SVERKA_SPELL_REJECTED;
  case PLACE_SHAPE:
    bits = lm->spell[index];
    break;
  case PLACE_MIXED:
  default:
    bits = lm->mspell[index];
    shape = 0;
    break;
  }
  if (bits & (SPELL_ASK << shape))
    return SVERKA_SPELL_ASK;
  return (bits & (1u << shape)) ? SVERKA_SPELL_KNOWN : SVERKA_SPELL_REJECTED;
}
