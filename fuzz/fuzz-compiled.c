/* fuzz-compiled.c: libFuzzer harness for compiled lexicons
 * (sverka-lexicon-compiled.c), the reader that maps a binary file and
 * trusts nothing in it.
 *
 * An input that starts as a compiled lexicon does is mapped as one. Any
 * other input is read as a lexicon file; when that succeeds, it is
 * compiled, and the compiled file must map and give the same entries and
 * look-ups; then a copy with bytes changed where the input's hash says is
 * mapped too, so that the fuzzer reaches the checks of a real image.
 *
 * A mapping either fails with an SVERKA_ERROR naming the file, or gives a
 * lexicon whose every entry, stem and chain can be walked (each chain ends
 * within the number of entries) and which can still grow.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sverka-lexicon-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static char *dir;
static guint runs;

/* Walks every entry, stem and chain of @lex. */
static void
walk (SverkaLexicon *lex)
{
  guint n = sverka_lexicon_n_entries (lex);
  for (guint i = 0; i < n; i++) {
    const SverkaLexEntry *e = sverka_lexicon_entry (lex, i);
    guint steps = 0;
    guint32 x;
    fuzz_check (g_utf8_validate (sverka_lex_entry_ru (lex, e), -1, NULL));
    fuzz_check (g_utf8_validate (sverka_lex_entry_en (lex, e), -1, NULL));
    for (guint w = 0; w < e->n_ru; w++)
      fuzz_check (g_utf8_validate (sverka_lex_ru_stem (lex, e, w), -1, NULL));
    for (guint w = 0; w < e->n_en; w++)
      fuzz_check (g_utf8_validate (sverka_lex_en_stem (lex, e, w), -1, NULL));
    x = e->n_ru > 1 ? sverka_lexicon_first2 (lex, sverka_lex_ru_stem (lex, e, 0),
                                             sverka_lex_ru_stem (lex, e, 1))
                    : sverka_lexicon_first (lex, sverka_lex_ru_stem (lex, e, 0));
    for (; x != SVERKA_LEX_END; x = sverka_lexicon_next (lex, x)) {
      fuzz_check (x < n);
      fuzz_check (++steps <= n);
    }
  }
}

/* Maps @path into a new lexicon; checks the result as the header says. */
static void
map_any (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autofree char *prefix = g_strdup_printf ("%s:", path);
  if (!sverka_lexicon_load (lex, path, &error)) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    fuzz_check (g_str_has_prefix (error->message, prefix));
    fuzz_check (sverka_lexicon_n_entries (lex) == 0);
    return;
  }
  walk (lex);
  fuzz_check (sverka_lexicon_add (lex, "полумесяц", "crescent", &error));
  walk (lex);
}

static void
write_file (const char *path, const void *bytes, gsize len)
{
  fuzz_check (g_file_set_contents (path, bytes, (gssize) len, NULL));
}

static gboolean
same_entry (SverkaLexicon *a, SverkaLexicon *b, guint i)
{
  const SverkaLexEntry *x = sverka_lexicon_entry (a, i), *y = sverka_lexicon_entry (b, i);
  if (strcmp (sverka_lex_entry_ru (a, x), sverka_lex_entry_ru (b, y)) != 0
      || strcmp (sverka_lex_entry_en (a, x), sverka_lex_entry_en (b, y)) != 0
      || x->n_ru != y->n_ru || x->n_en != y->n_en || x->tags != y->tags
      || memcmp (&x->value, &y->value, sizeof x->value) != 0 || x->p != y->p)
    return FALSE;
  for (guint w = 0; w < x->n_ru; w++)
    if (strcmp (sverka_lex_ru_stem (a, x, w), sverka_lex_ru_stem (b, y, w)) != 0)
      return FALSE;
  for (guint w = 0; w < x->n_en; w++)
    if (strcmp (sverka_lex_en_stem (a, x, w), sverka_lex_en_stem (b, y, w)) != 0)
      return FALSE;
  /* the same chain from here on */
  return sverka_lexicon_next (a, i) == sverka_lexicon_next (b, i);
}

/* A lexicon file: compiled, mapped, compared; then mapped changed. */
static void
round_trip (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (SverkaLexicon) mapped = sverka_lexicon_new (ctx);
  g_autofree char *tsv = g_build_filename (dir, "in.tsv", NULL);
  g_autofree char *lexc = g_build_filename (dir, "in.lex", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.lex", NULL);
  g_autofree char *bytes = NULL;
  const char *sources[2] = { tsv, NULL };
  gsize len;
  guint32 h = SVERKA_LEX_HASH_SEED;

  write_file (tsv, data, size);
  if (!sverka_lexicon_load (lex, tsv, NULL))
    return;
  fuzz_check (sverka_lexicon_compile (lex, lexc, sources, &error));
  fuzz_check (sverka_lexicon_load_compiled (mapped, lexc, sources, &error));
  fuzz_check (sverka_lexicon_n_entries (mapped) == sverka_lexicon_n_entries (lex));
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++)
    fuzz_check (same_entry (lex, mapped, i));
  walk (mapped);

  /* Up to four bytes changed, where and to what the input's hash says. */
  fuzz_check (g_file_get_contents (lexc, &bytes, &len, NULL));
  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  for (guint k = 0; k < 1 + h % 4 && len > 0; k++) {
    h = h * 1103515245u + 12345u;
    bytes[(h >> 8) % len] ^= (char) (1u << (h % 8));
  }
  write_file (changed, bytes, len);
  map_any (changed);
}

static void
remove_dir (void)
{
  static const char *const names[] = { "in.tsv", "in.lex", "changed.lex", "given.lex" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = g_build_filename (dir, names[i], NULL);
    (void) g_remove (path);
  }
  (void) g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char magic[] = "SVKLEX\r\n";

  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  if (dir == NULL) {
    dir = g_dir_make_tmp ("fuzz-compiled-XXXXXX", NULL);
    fuzz_check (dir != NULL);
    atexit (remove_dir);
  }
  if (size >= sizeof magic - 1 && memcmp (data, magic, sizeof magic - 1) == 0) {
    g_autofree char *path = g_build_filename (dir, "given.lex", NULL);
    write_file (path, data, size);
    map_any (path);
  } else {
    round_trip (data, size);
  }
  return 0;
}
