/* fuzz-wordforms.c: libFuzzer harness for the compiled word forms of
 * hunspell dictionaries (sverka-wordforms.c): the reader of .aff and .dic
 * files, and the reader that maps a compiled table and trusts nothing in
 * it; and for the compiled tables of hunspell's lemmas (sverka-lemmas.c),
 * mapped as given (an input that starts as one does) or as a test
 * dictionary's table with bits flipped where the input's hash says.
 *
 * An input that starts as a compiled table does is mapped as one. Any
 * other input is an .aff and a .dic, split at the first NUL byte (all of it
 * the .aff when there is none): it is expanded, every form must be
 * non-empty UTF-8, and it is compiled; the table must map and let every
 * form pass. Then a copy with bits flipped where the input's hash says is
 * mapped from memory, so that the fuzzer reaches the checks of a real
 * table.
 *
 * A mapping either fails with an SVERKA_ERROR, or gives a table that
 * answers look-ups.
 *
 * The same .aff and .dic are read for the order of hunspell's suggestions
 * (sverka-suggest.c), which must then order the probes' edits: the index it
 * gives is one of the candidates.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sverka-lemmas-private.h"
#include "sverka-suggest-private.h"
#include "sverka-wordforms-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;

static const char *const probes[] = { "бились", "Москва", "word", "WORDS", "x", "o'clock",
                                      "McDonald's", "iPhone", "E.G", "11th", "kind-of" };

static void
ask (const SverkaWordforms *wf)
{
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    (void) sverka_wordforms_may_know (wf, probes[i]);
}

/* Maps @len bytes as a table; checks the result. */
static void
map_bytes (const char *bytes, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaWordforms) wf = sverka_wordforms_map_bytes (bytes, len, &error);
  if (wf == NULL) {
    fuzz_check (error == NULL || error->domain == SVERKA_ERROR);
    return;
  }
  fuzz_check (error == NULL);
  ask (wf);
}

/* The table of lemmas of the test dictionary with capitals inside
 * (tests/wordforms/mixed.*), compiled once. */
static char *lemma_table;
static gsize lemma_table_len;

static void
map_lemmas (const char *bytes, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLemmas) lm = sverka_lemmas_map_bytes (bytes, len, &error);
  const char *lemma = NULL;
  if (lm == NULL) {
    fuzz_check (error == NULL || error->domain == SVERKA_ERROR);
    return;
  }
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++) {
    /* the spelling's bytes are read within the file (the sanitizers tell) */
    (void) sverka_lemmas_spell (lm, probes[i]);
    if (sverka_lemmas_lookup (lm, probes[i], &lemma) == SVERKA_LEMMA_FOUND)
      fuzz_check (g_utf8_validate (lemma, -1, NULL));
  }
}

static void
compile_lemma_table (void)
{
  g_autofree char *src = g_build_filename (SVERKA_SOURCE_DICT_DIR, "..", "tests", "wordforms",
                                           NULL);
  g_autofree char *aff = g_build_filename (src, "mixed.aff", NULL);
  g_autofree char *dic = g_build_filename (src, "mixed.dic", NULL);
  g_autofree char *path = g_build_filename (dir, "lemmas.svk", NULL);
  guint n;
  gboolean covers;
  fuzz_check (sverka_lemmas_compile (aff, dic, path, &n, &covers, NULL));
  fuzz_check (g_file_get_contents (path, &lemma_table, &lemma_table_len, NULL));
  (void) g_remove (path);
}

/* The test table with up to four bits flipped, where @h says. */
static void
damaged_lemmas (guint32 h)
{
  g_autofree guint64 *copy = g_new0 (guint64, lemma_table_len / 8 + 1);
  char *bytes = (char *) copy;
  memcpy (bytes, lemma_table, lemma_table_len);
  for (guint k = 0; k < 1 + h % 4; k++) {
    h = h * 1103515245u + 12345u;
    bytes[(h >> 8) % lemma_table_len] ^= (char) (1u << (h % 8));
  }
  map_lemmas (bytes, lemma_table_len);
}

static void
collect (const char *form, gpointer data)
{
  fuzz_check (form[0] != '\0');
  fuzz_check (g_utf8_validate (form, -1, NULL));
  g_ptr_array_add (data, g_strdup (form));
}

/* The order of suggestions read from the texts; each probe's first
 * candidate among a few strings near it (and the probes themselves). */
static void
suggest_order (const char *aff_text, const char *dic_text)
{
  /* sorted by strcmp() */
  static const char *const cands[] = { "WORDS", "o'clock", "word", "x", "Москва", "бились" };
  g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts (aff_text, dic_text);
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++) {
    gint k = sverka_suggest_order_first (o, probes[i], cands, G_N_ELEMENTS (cands), NULL, NULL);
    fuzz_check (k >= -1 && k < (gint) G_N_ELEMENTS (cands));
    (void) sverka_suggest_order_is_nosuggest (o, probes[i]);
  }
}

static void
write_file (const char *path, const void *bytes, gsize len)
{
  fuzz_check (g_file_set_contents (path, bytes, (gssize) len, NULL));
}

/* An .aff and a .dic: expanded, compiled, mapped, asked; then damaged. */
static void
round_trip (const uint8_t *data, size_t size)
{
  const uint8_t *nul = memchr (data, 0, size);
  gsize aff_len = nul != NULL ? (gsize) (nul - data) : size;
  g_autofree char *aff_text = g_strndup ((const char *) data, aff_len);
  g_autofree char *dic_text = nul != NULL ? g_strndup ((const char *) nul + 1, size - aff_len - 1)
                                          : g_strdup ("");
  g_autofree char *aff = g_build_filename (dir, "in.aff", NULL);
  g_autofree char *dic = g_build_filename (dir, "in.dic", NULL);
  g_autofree char *table = g_build_filename (dir, "in.svk", NULL);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (SverkaWordforms) wf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  SverkaWordformsStats stats;
  gboolean covers;
  gsize len;
  guint32 h = 2166136261u;

  suggest_order (aff_text, dic_text);
  /* files as the compiler reads them (g_strndup stopped at a NUL) */
  write_file (aff, aff_text, strlen (aff_text));
  write_file (dic, dic_text, strlen (dic_text));
  {
    g_autofree char *a = g_strdup (aff_text);
    g_autofree char *d = g_strdup (dic_text);
    sverka_wordforms_expand_texts (a, d, collect, forms, &covers);
  }
  fuzz_check (sverka_wordforms_compile (aff, dic, table, &stats, &error));
  fuzz_check (stats.covers == covers);
  fuzz_check (!covers || stats.why_not == NULL);
  g_free (stats.why_not);
  wf = sverka_wordforms_map (table, aff, dic, &error);
  fuzz_check (error == NULL);
  fuzz_check ((wf != NULL) == covers);
  for (guint i = 0; wf != NULL && i < forms->len; i++)
    fuzz_check (sverka_wordforms_may_know (wf, g_ptr_array_index (forms, i)));

  /* Up to four bits flipped, where the input's hash says. */
  fuzz_check (g_file_get_contents (table, &bytes, &len, NULL));
  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  for (guint k = 0; k < 1 + h % 4 && len > 0; k++) {
    h = h * 1103515245u + 12345u;
    bytes[(h >> 8) % len] ^= (char) (1u << (h % 8));
  }
  map_bytes (bytes, len);
  damaged_lemmas (h);
}

static void
remove_dir (void)
{
  static const char *const names[] = { "in.aff", "in.dic", "in.svk" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = g_build_filename (dir, names[i], NULL);
    (void) g_remove (path);
  }
  (void) g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char magic[] = "SVKFRM\r\n";
  static const char lemma_magic[] = "SVKLEM\r\n";

  if (dir == NULL) {
    dir = g_dir_make_tmp ("fuzz-wordforms-XXXXXX", NULL);
    fuzz_check (dir != NULL);
    atexit (remove_dir);
    compile_lemma_table ();
  }
  if (size >= sizeof lemma_magic - 1 && memcmp (data, lemma_magic, sizeof lemma_magic - 1) == 0) {
    g_autofree guint64 *copy = g_new0 (guint64, size / 8 + 1);
    memcpy (copy, data, size);
    map_lemmas ((const char *) copy, size);
  } else if (size >= sizeof magic - 1 && memcmp (data, magic, sizeof magic - 1) == 0) {
    /* a copy, 8-byte aligned as a mapped file is */
    g_autofree guint64 *copy = g_new0 (guint64, size / 8 + 1);
    memcpy (copy, data, size);
    map_bytes ((const char *) copy, size);
  } else {
    round_trip (data, size);
  }
  return 0;
}
