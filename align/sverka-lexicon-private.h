/* sverka-lexicon-private.h: lexicon entries and look-up, for the scorer.
 *
 * A lexicon is one image of flat arrays, whether built from lexicon files
 * (in memory, growing) or mapped read-only from a compiled file
 * (sverka-lexicon-compiled.c, the same arrays written out): no pointers,
 * only offsets, so a compiled file is used where it lies and shared by every
 * process and thread that maps it.
 *
 * - strings: NUL-terminated UTF-8 strings one after another; an offset into
 *   it names a string (offset 0 is the empty string);
 * - entries: SverkaLexEntry, in the order they were read;
 * - stem_offs: the stems of the entries' words, as string offsets;
 * - next: per entry, the next entry with the same look-up key, or
 *   SVERKA_LEX_END: the entries of one key are chained in reading order;
 * - buckets: an open-addressing table (a power of two, at most half full)
 *   from a key to the first and last entry of its chain. Single-word entries
 *   are keyed by their Russian stem, multiword ones by their first two
 *   stems joined by a tab.
 */
#pragma once

#include "sverka-context-private.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

#define SVERKA_LEX_END G_MAXUINT32

/* One entry; its layout is the compiled file's (40 bytes, no padding). */
typedef struct {
  guint32 ru;    /* offset of the Russian side as written */
  guint32 en;    /* offset of the English side as written */
  guint32 stems; /* index in stem_offs of its first Russian stem; the n_ru
                    Russian stems are followed by the n_en English ones */
  guint32 n_ru;
  guint32 n_en;
  guint32 tags;  /* SverkaLexTags */
  double value;  /* for SVERKA_LEX_NUM */
  double p;      /* for SVERKA_LEX_LEARNED: its probability (p=), else 1 */
} SverkaLexEntry;

typedef struct {
  guint32 hash;  /* sverka_lex_hash() of the key */
  guint32 key;   /* offset of the key; 0: an empty bucket */
  guint32 first; /* the key's first and last entry */
  guint32 last;
} SverkaLexBucket;

#define SVERKA_LEX_MULTI_WORDS 1024 /* 65,536 bits */

struct _SverkaLexicon {
  SverkaContext *ctx;

  /* The image, in the heap arrays below or in @mapped (read-only). */
  const char *strings;
  guint32 strings_len;
  const SverkaLexEntry *entries;
  guint32 n_entries;
  const guint32 *stem_offs;
  guint32 n_stem_offs;
  const guint32 *next;
  const SverkaLexBucket *buckets;
  guint32 n_buckets; /* a power of two */
  guint32 n_keys;

  GMappedFile *mapped; /* (nullable) the compiled file the image lies in */

  /* One bit per hash (sverka_lex_hash() of a stem, modulo the bits) of
   * the first stems of entries of several Russian words: a clear bit says
   * no such entry starts with that stem, so the scorer asks no pair. */
  guint64 multi_starts[SVERKA_LEX_MULTI_WORDS];

  /* Building (NULL while mapped): the arrays, and what avoids duplicates. */
  GByteArray *heap_strings;
  GArray *heap_entries;   /* SverkaLexEntry */
  GArray *heap_stem_offs; /* guint32 */
  GArray *heap_next;      /* guint32 */
  GArray *heap_buckets;   /* SverkaLexBucket */
  GHashTable *seen;       /* "russian\tenglish" -> itself, against duplicate entries */
  GHashTable *interned;   /* a string -> its offset, within one load */
  GHashTable *stems;      /* a side as written -> its GStrv of stems, within one load */
};

/* FNV-1a over the bytes of @s, continuing from @h (start with
 * SVERKA_LEX_HASH_SEED): the compiled file keeps these, so it never
 * changes. */
#define SVERKA_LEX_HASH_SEED 2166136261u

static inline guint32
sverka_lex_hash (guint32 h, const char *s)
{
  for (; *s != '\0'; s++)
    h = (h ^ (guint8) *s) * 16777619u;
  return h;
}

static inline void
sverka_lex_mark_multi_start (SverkaLexicon *lex, guint32 stem_hash)
{
  guint32 bit = stem_hash % (SVERKA_LEX_MULTI_WORDS * 64);
  lex->multi_starts[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

/* FALSE when no entry of several Russian words starts with @stem (TRUE
 * may be wrong: a bit is shared by many stems). */
static inline gboolean
sverka_lexicon_may_start_multi (const SverkaLexicon *lex, const char *stem)
{
  guint32 bit = sverka_lex_hash (SVERKA_LEX_HASH_SEED, stem) % (SVERKA_LEX_MULTI_WORDS * 64);
  return (lex->multi_starts[bit / 64] >> (bit % 64)) & 1;
}

static inline const char *
sverka_lex_string (const SverkaLexicon *lex, guint32 offset)
{
  return lex->strings + offset;
}

static inline guint
sverka_lexicon_n_entries (const SverkaLexicon *lex)
{
  return lex->n_entries;
}

static inline const SverkaLexEntry *
sverka_lexicon_entry (const SverkaLexicon *lex, guint i)
{
  return &lex->entries[i];
}

/* The place of @e among the lexicon's entries. */
static inline guint
sverka_lex_entry_index (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  return (guint) (e - lex->entries);
}

static inline const char *
sverka_lex_entry_ru (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  return lex->strings + e->ru;
}

static inline const char *
sverka_lex_entry_en (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  return lex->strings + e->en;
}

/* The string offsets of the stems of @e's Russian (@n_ru) and English
 * (@n_en) words. */
static inline const guint32 *
sverka_lex_entry_ru_stems (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  return lex->stem_offs + e->stems;
}

static inline const guint32 *
sverka_lex_entry_en_stems (const SverkaLexicon *lex, const SverkaLexEntry *e)
{
  return lex->stem_offs + e->stems + e->n_ru;
}

static inline const char *
sverka_lex_ru_stem (const SverkaLexicon *lex, const SverkaLexEntry *e, guint w)
{
  return lex->strings + lex->stem_offs[e->stems + w];
}

static inline const char *
sverka_lex_en_stem (const SverkaLexicon *lex, const SverkaLexEntry *e, guint w)
{
  return lex->strings + lex->stem_offs[e->stems + e->n_ru + w];
}

/* Returns: the first single-word entry whose Russian word has stem @stem,
 * or SVERKA_LEX_END; sverka_lexicon_next() gives the others. */
guint32 sverka_lexicon_first (const SverkaLexicon *lex, const char *stem);

/* Returns: the first multiword entry whose first two Russian words have
 * stems @stem1 and @stem2, or SVERKA_LEX_END. */
guint32 sverka_lexicon_first2 (const SverkaLexicon *lex, const char *stem1, const char *stem2);

static inline guint32
sverka_lexicon_next (const SverkaLexicon *lex, guint32 i)
{
  return lex->next[i];
}

/* Appends an entry whose stems are known (@stems: @n_ru Russian, then @n_en
 * English), unless the pair @ru = @en is there already. The lexicon must
 * not be mapped. */
void sverka_lexicon_append (SverkaLexicon *lex, const char *ru, const char *en,
                            const char *const *stems, guint n_ru, guint n_en, guint tags,
                            double value, double p);

/* Makes a mapped lexicon's image a heap copy that can grow. */
void sverka_lexicon_unmap (SverkaLexicon *lex);

/* Empties @lex. */
void sverka_lexicon_clear (SverkaLexicon *lex);

/* Maps the compiled file @path into the empty lexicon @lex (see
 * sverka-lexicon-compiled.c). */
gboolean sverka_lexicon_map (SverkaLexicon *lex, const char *path, GError **error);

/* The file name of the default lexicons compiled (by the build). */
#define SVERKA_COMPILED_LEXICON "compiled-ru-en.lex"

/* Returns: (transfer full) (nullable) the default compiled lexicon: in
 * @dict_dir, else where it is installed (under libdir: it is in the
 * machine's byte order), or NULL. */
char *sverka_lexicon_find_compiled (const char *dict_dir);

/* The same for the compiled lexicon named @name ("compiled-de-fr.lex"). */
char *sverka_lexicon_find_compiled_named (const char *dict_dir, const char *name);

/* Loads the lexicon files @sources (NULL-terminated, in that order) into
 * the empty @lex, or maps the compiled lexicon @compiled (nullable) instead
 * when it was compiled from exactly these files. When @compiled is passed
 * over, *@why_not (nullable) gets the reason (transfer full).
 * Returns: FALSE with @error set if a file cannot be read. */
gboolean sverka_lexicon_load_sources (SverkaLexicon *lex, const char *compiled,
                                      const char *const *sources, char **why_not,
                                      GError **error);

/* Does @path start as a compiled lexicon does? */
gboolean sverka_lexicon_file_is_compiled (const char *path);

/* Splits @text, a lexicon side of language @side, with ICU word break and
 * returns the stems of its words (letters and numbers), each in the
 * language sverka_context_lookup_word() would analyse it in.
 * Returns: (transfer full) a NULL-terminated vector, or NULL with @error set. */
GStrv sverka_context_phrase_stems (SverkaContext *ctx, SverkaLanguage side, const char *text,
                                   GError **error);

/* Sets *@gives to whether @form (of language @side) is one word whose stem
 * is @stem, so that a lexicon entry written as @form matches the words of
 * stem @stem. Returns: FALSE with @error set if the analysis fails. */
gboolean sverka_context_form_gives_stem (SverkaContext *ctx, SverkaLanguage side,
                                         const char *form, const char *stem, gboolean *gives,
                                         GError **error);

G_END_DECLS
