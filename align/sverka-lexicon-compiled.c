/* sverka-lexicon-compiled.c: compiled lexicons, written once and mapped
 * read-only at every start instead of parsing and analysing lexicon files.
 *
 * A compiled file is the image of sverka-lexicon-private.h written out, in
 * the byte order of the machine that wrote it:
 *
 *   Header, then the sections it names, each 8-byte aligned:
 *   sources   n_sources × SverkaImageSource: the files it was compiled from
 *   entries   n_entries × SverkaLexEntry
 *   stem_offs n_stem_offs × guint32
 *   next      n_entries × guint32
 *   buckets   n_buckets × SverkaLexBucket
 *   strings   strings_len bytes
 *
 * Mapping checks every offset and every chain against the file's length
 * before anything is used, so a damaged or hostile file is refused with a
 * message rather than read out of bounds, and checks a sample of entries
 * against today's word analysis: stems made by another Snowball or ICU would
 * silently stop matching, so such a file is refused too.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-image-private.h"
#include "sverka-lexicon-private.h"

#define MAGIC "SVKLEX\r\n"
#define BYTE_ORDER_MARK 0x01020304u
#define FORMAT_VERSION 1u
/* how many entries, spread over the file, are analysed again on mapping */
#define N_CHECKED_ENTRIES 32

typedef struct {
  char magic[8];
  guint32 byte_order;
  guint32 version;
  guint32 n_entries;
  guint32 n_stem_offs;
  guint32 n_buckets;
  guint32 n_keys;
  guint32 strings_len;
  guint32 n_sources;
  guint64 sources_off;
  guint64 entries_off;
  guint64 stem_offs_off;
  guint64 next_off;
  guint64 buckets_off;
  guint64 strings_off;
  guint64 file_len;
} Header;


G_STATIC_ASSERT (sizeof (SverkaLexEntry) == 40);
G_STATIC_ASSERT (sizeof (SverkaLexBucket) == 16);
G_STATIC_ASSERT (sizeof (Header) == 96);

char *
sverka_lexicon_find_compiled (const char *dict_dir)
{
  return sverka_lexicon_find_compiled_named (dict_dir, SVERKA_COMPILED_LEXICON);
}

char *
sverka_lexicon_find_compiled_named (const char *dict_dir, const char *name)
{
  g_autofree char *beside = g_build_filename (dict_dir, name, NULL);
  g_autofree char *installed = g_build_filename (SVERKA_COMPILED_DIR, name, NULL);
  if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return NULL;
}

gboolean
sverka_lexicon_file_is_compiled (const char *path)
{
  char head[sizeof MAGIC - 1];
  FILE *f = fopen (path, "rb");
  gboolean is = FALSE;
  if (f == NULL)
    return FALSE;
  is = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, MAGIC, sizeof head) == 0;
  fclose (f);
  return is;
}

gboolean
sverka_lexicon_compile (SverkaLexicon *lex, const char *path, const char *const *sources,
                        GError **error)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GByteArray) strings = g_byte_array_new ();
  g_autoptr (GArray) srcs = g_array_new (FALSE, TRUE, sizeof (SverkaImageSource));
  g_autoptr (GError) local = NULL;
  Header h = { 0 };

  g_byte_array_append (strings, (const guint8 *) lex->strings, lex->strings_len);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++) {
    SverkaImageSource s = { 0 };
    g_autofree char *name = g_path_get_basename (sources[i]);
    if (!sverka_image_hash_file (sources[i], &s.size, &s.hash, error))
      return FALSE;
    s.name = strings->len;
    g_byte_array_append (strings, (const guint8 *) name, (guint) strlen (name) + 1);
    g_array_append_val (srcs, s);
  }
  if ((guint64) strings->len >= G_MAXUINT32 || lex->n_stem_offs >= G_MAXUINT32 - 1) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: the lexicon is too large to compile (%u bytes of text)", path,
                 strings->len);
    return FALSE;
  }

  memcpy (h.magic, MAGIC, sizeof h.magic);
  h.byte_order = BYTE_ORDER_MARK;
  h.version = FORMAT_VERSION;
  h.n_entries = lex->n_entries;
  h.n_stem_offs = lex->n_stem_offs;
  h.n_buckets = lex->n_buckets;
  h.n_keys = lex->n_keys;
  h.strings_len = strings->len;
  h.n_sources = srcs->len;
  g_byte_array_append (out, (const guint8 *) &h, sizeof h);
  h.sources_off = sverka_image_append_section (out, srcs->data, srcs->len * sizeof (SverkaImageSource));
  h.entries_off = sverka_image_append_section (out, lex->entries, lex->n_entries * sizeof (SverkaLexEntry));
  h.stem_offs_off = sverka_image_append_section (out, lex->stem_offs, lex->n_stem_offs * sizeof (guint32));
  h.next_off = sverka_image_append_section (out, lex->next, lex->n_entries * sizeof (guint32));
  h.buckets_off = sverka_image_append_section (out, lex->buckets, lex->n_buckets * sizeof (SverkaLexBucket));
  h.strings_off = sverka_image_append_section (out, strings->data, strings->len);
  h.file_len = out->len;
  memcpy (out->data, &h, sizeof h);
  /* written to a temporary file and renamed: never half a file */
  if (!g_file_set_contents (path, (const char *) out->data, out->len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: cannot write the compiled lexicon (%s); check that its folder exists "
                 "and is writable",
                 path, local->message);
    return FALSE;
  }
  return TRUE;
}

static gboolean
refuse (GError **error, const char *path, const char *what)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s: not a usable compiled lexicon (%s); compile it again with "
               "'sverka lexicon compile'",
               path, what);
  return FALSE;
}

/* Every string of the pool is valid UTF-8, and the pool ends with a NUL.
 * ASCII (the NULs between strings among it) and two-byte characters (all
 * the Russian letters), valid wherever they stand, are checked here byte by
 * byte; only a string with anything else is given to GLib's validator
 * (which took 22% of a one-sentence run, string by string). */
static gboolean
strings_ok (const char *s, guint32 len)
{
  const guchar *p = (const guchar *) s, *end = p + len;
  if (len == 0 || s[0] != '\0' || s[len - 1] != '\0')
    return FALSE;
  while (p < end) {
    const char *start, *stop;
    if (*p < 0x80) {
      p++;
      continue;
    }
    if (*p >= 0xC2 && *p <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80) {
      p += 2;
      continue;
    }
    /* another byte: its whole string, from the NUL before it to the NUL
     * after it (the pool starts and ends with one) */
    for (start = (const char *) p; start[-1] != '\0'; start--)
      ;
    stop = start + strlen (start);
    if (!g_utf8_validate (start, stop - start, NULL))
      return FALSE;
    p = (const guchar *) stop + 1;
  }
  return TRUE;
}

/* Does @off name a string of the pool: inside it, and at the start of a
 * character (a continuation byte would start invalid UTF-8)? */
static gboolean
offset_ok (const SverkaLexicon *lex, guint32 off)
{
  return off < lex->strings_len && ((guchar) lex->strings[off] & 0xC0) != 0x80;
}

/* Checks the image @lex points at (the file @path) before it is used. */
static gboolean
image_ok (const SverkaLexicon *lex, const char *path, GError **error)
{
  guint32 n_keys = 0;

  if (!strings_ok (lex->strings, lex->strings_len))
    return refuse (error, path, "its strings are not NUL-terminated UTF-8");
  for (guint32 i = 0; i < lex->n_stem_offs; i++)
    if (!offset_ok (lex, lex->stem_offs[i]))
      return refuse (error, path, "a stem lies outside the file's strings");
  for (guint32 i = 0; i < lex->n_entries; i++) {
    const SverkaLexEntry *e = &lex->entries[i];
    if (!offset_ok (lex, e->ru) || !offset_ok (lex, e->en) || e->n_ru == 0 || e->n_en == 0
        || e->stems > lex->n_stem_offs || e->n_ru > lex->n_stem_offs - e->stems
        || e->n_en > lex->n_stem_offs - e->stems - e->n_ru || !(e->p >= 0.0 && e->p <= 1.0)
        || !isfinite (e->value))
      return refuse (error, path, "an entry is out of bounds");
    /* chains run forward only: no loop */
    if (lex->next[i] != SVERKA_LEX_END && (lex->next[i] <= i || lex->next[i] >= lex->n_entries))
      return refuse (error, path, "an entry's chain is broken");
  }
  if (lex->n_buckets == 0 || (lex->n_buckets & (lex->n_buckets - 1)) != 0)
    return refuse (error, path, "its table's size is not a power of two");
  for (guint32 i = 0; i < lex->n_buckets; i++) {
    const SverkaLexBucket *k = &lex->buckets[i];
    if (k->key == 0)
      continue;
    n_keys++;
    if (!offset_ok (lex, k->key) || k->first >= lex->n_entries || k->last >= lex->n_entries
        || k->hash != sverka_lex_hash (SVERKA_LEX_HASH_SEED, lex->strings + k->key))
      return refuse (error, path, "a key of its table is out of bounds");
  }
  /* a look-up stops at an empty bucket: there must be one */
  if (n_keys >= lex->n_buckets)
    return refuse (error, path, "its table is full");
  return TRUE;
}

/* Analyses again the sides of a sample of entries: their stems must be
 * those the file holds. */
static gboolean
analysis_ok (const SverkaLexicon *lex, const char *path, GError **error)
{
  guint step = MAX (lex->n_entries / N_CHECKED_ENTRIES, 1);
  for (guint32 i = 0; i < lex->n_entries; i += step) {
    const SverkaLexEntry *e = &lex->entries[i];
    for (guint side = 0; side < 2; side++) {
      const char *text = side == 0 ? sverka_lex_entry_ru (lex, e) : sverka_lex_entry_en (lex, e);
      const guint32 *offs = side == 0 ? sverka_lex_entry_ru_stems (lex, e)
                                      : sverka_lex_entry_en_stems (lex, e);
      guint n = side == 0 ? e->n_ru : e->n_en;
      g_auto (GStrv) stems = sverka_context_phrase_stems (
          lex->ctx, side == 0 ? SVERKA_LANGUAGE_FIRST : SVERKA_LANGUAGE_SECOND, text, error);
      gboolean same;
      if (stems == NULL)
        return FALSE;
      same = g_strv_length (stems) == n;
      for (guint w = 0; same && w < n; w++)
        same = strcmp (stems[w], lex->strings + offs[w]) == 0;
      if (!same) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s: made with another version of the word analysis (Snowball or ICU): "
                     "'%s' no longer gives the stems it holds; compile it again with "
                     "'sverka lexicon compile'",
                     path, text);
        return FALSE;
      }
    }
  }
  return TRUE;
}

gboolean
sverka_lexicon_map (SverkaLexicon *lex, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, &local);
  const char *base;
  guint64 len;
  Header h;

  g_assert (lex->n_entries == 0 && lex->mapped == NULL);
  if (mf == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s", local->message);
    return FALSE;
  }
  base = g_mapped_file_get_contents (mf);
  len = g_mapped_file_get_length (mf);
  if (len < sizeof h)
    return refuse (error, path, "shorter than its header");
  memcpy (&h, base, sizeof h);
  if (memcmp (h.magic, MAGIC, sizeof h.magic) != 0)
    return refuse (error, path, "it does not start with the compiled lexicon's mark");
  if (h.byte_order != BYTE_ORDER_MARK)
    return refuse (error, path, "written on a machine of another byte order");
  if (h.version != FORMAT_VERSION)
    return refuse (error, path, "written in another version of the format");
  if (h.file_len != len)
    return refuse (error, path, "truncated or extended");
  if (!sverka_image_section_ok (h.sources_off, h.n_sources, sizeof (SverkaImageSource), 8, len)
      || !sverka_image_section_ok (h.entries_off, h.n_entries, sizeof (SverkaLexEntry), 8, len)
      || !sverka_image_section_ok (h.stem_offs_off, h.n_stem_offs, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h.next_off, h.n_entries, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h.buckets_off, h.n_buckets, sizeof (SverkaLexBucket), 4, len)
      || !sverka_image_section_ok (h.strings_off, h.strings_len, 1, 1, len))
    return refuse (error, path, "a section lies outside the file");
  lex->strings = base + h.strings_off;
  lex->strings_len = h.strings_len;
  lex->entries = (const SverkaLexEntry *) (gconstpointer) (base + h.entries_off);
  lex->n_entries = h.n_entries;
  lex->stem_offs = (const guint32 *) (gconstpointer) (base + h.stem_offs_off);
  lex->n_stem_offs = h.n_stem_offs;
  lex->next = (const guint32 *) (gconstpointer) (base + h.next_off);
  lex->buckets = (const SverkaLexBucket *) (gconstpointer) (base + h.buckets_off);
  lex->n_buckets = h.n_buckets;
  lex->n_keys = h.n_keys;
  if (!image_ok (lex, path, error) || !analysis_ok (lex, path, error)) {
    lex->n_entries = 0;
    return FALSE;
  }
  for (guint32 i = 0; i < h.n_sources; i++) {
    const SverkaImageSource *s = (const SverkaImageSource *) (gconstpointer) (base + h.sources_off) + i;
    if (!offset_ok (lex, s->name)) {
      lex->n_entries = 0;
      return refuse (error, path, "a source's name lies outside the file");
    }
  }
  memset (lex->multi_starts, 0, sizeof lex->multi_starts);
  for (guint32 i = 0; i < lex->n_entries; i++) {
    const SverkaLexEntry *e = &lex->entries[i];
    if (e->n_ru > 1)
      sverka_lex_mark_multi_start (lex, sverka_lex_hash (SVERKA_LEX_HASH_SEED,
                                                         sverka_lex_ru_stem (lex, e, 0)));
  }
  lex->mapped = g_steal_pointer (&mf);
  return TRUE;
}

gboolean
sverka_lexicon_load_compiled (SverkaLexicon *lex, const char *path, const char *const *sources,
                              GError **error)
{
  const char *base;
  Header h;
  guint n = sources != NULL ? g_strv_length ((char **) sources) : 0;
  gint differ;

  if (lex->n_entries != 0 || lex->mapped != NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: a compiled lexicon is loaded first, into an empty lexicon", path);
    return FALSE;
  }
  if (!sverka_lexicon_load (lex, path, error))
    return FALSE;
  if (lex->mapped == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: not a compiled lexicon (it was read as a lexicon file)", path);
    sverka_lexicon_clear (lex);
    return FALSE;
  }
  if (sources == NULL)
    return TRUE;
  base = g_mapped_file_get_contents (lex->mapped);
  memcpy (&h, base, sizeof h);
  differ = sverka_image_sources_differ (base + h.sources_off, h.n_sources, lex->strings,
                                        sources, n);
  if (differ >= 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s is out of date: it was not compiled from %s%s%s", path,
                 (guint) differ < n ? "the lexicon files as they are now (" : "these files only",
                 (guint) differ < n ? sources[differ] : "",
                 (guint) differ < n ? " differs)" : "");
    sverka_lexicon_clear (lex);
    return FALSE;
  }
  return TRUE;
}

gboolean
sverka_lexicon_load_sources (SverkaLexicon *lex, const char *compiled,
                             const char *const *sources, char **why_not, GError **error)
{
  if (compiled != NULL) {
    g_autoptr (GError) local = NULL;
    if (sverka_lexicon_load_compiled (lex, compiled, sources, &local))
      return TRUE;
    if (why_not != NULL)
      *why_not = g_strdup (local->message);
  }
  for (guint i = 0; sources[i] != NULL; i++)
    if (!sverka_lexicon_load (lex, sources[i], error))
      return FALSE;
  return TRUE;
}
