/* test-notes-case.c: one data-driven notes case through the library.
 *
 * Usage: test-notes-case MODE RU EN EXPECTED_NOTES [EXPECTED_TSV]
 * Aligns RU with EN in MODE (parallel or comparable) with the seed lexicon
 * (dictionaries/ru-en.tsv) alone, as `sverka align --lexicon` does, computes
 * the notes and compares the notes TSV with EXPECTED_NOTES byte for byte;
 * with EXPECTED_TSV, the alignment's TSV too. Prints a TAP report, with the
 * differing lines as comments. See tests/notes-cases/README.md.
 */
#include <stdio.h>

#include "test-common.h"

static SverkaDocument *
load (SverkaContext *ctx, const char *path, SverkaLanguage lang, GError **error)
{
  SverkaLoadOptions opts;
  sverka_load_options_init (&opts);
  opts.language = lang;
  return sverka_document_new_from_file (ctx, path, &opts, error);
}

/* Prints "ok" or "not ok" for test @n, and where @got differs from the file
 * @expected, the first differing line of each as a TAP comment. */
static gboolean
compare (guint n, const char *what, const char *got, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *want = NULL;
  g_auto (GStrv) a = NULL, b = NULL;
  guint i = 0;

  if (!g_file_get_contents (expected, &want, NULL, &error)) {
    printf ("not ok %u - %s: %s\n", n, what, error->message);
    return FALSE;
  }
  if (strcmp (got, want) == 0) {
    printf ("ok %u - %s\n", n, what);
    return TRUE;
  }
  printf ("not ok %u - %s differs from %s\n", n, what, expected);
  a = g_strsplit (want, "\n", -1);
  b = g_strsplit (got, "\n", -1);
  while (a[i] != NULL && b[i] != NULL && strcmp (a[i], b[i]) == 0)
    i++;
  printf ("# line %u\n# expected: %s\n# got:      %s\n", i + 1, a[i] ? a[i] : "(end)",
          b[i] ? b[i] : "(end)");
  return FALSE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *notes_tsv = NULL;
  g_autofree char *tsv = NULL;
  SverkaAlignOptions opts;
  gboolean ok;

  if (argc != 5 && argc != 6) {
    fprintf (stderr, "usage: %s MODE RU EN EXPECTED_NOTES [EXPECTED_TSV]\n", argv[0]);
    return 2;
  }
  sverka_align_options_init (&opts);
  if (!sverka_mode_from_string (argv[1], &opts.mode)) {
    fprintf (stderr, "%s: unknown mode '%s'\n", argv[0], argv[1]);
    return 2;
  }
  printf ("1..%d\n", argc == 6 ? 2 : 1);
  ctx = test_context_new ();
  seed = g_build_filename (test_srcdir (), "dictionaries", "ru-en.tsv", NULL);
  lex = sverka_lexicon_new (ctx);
  if ((ru = load (ctx, argv[2], SVERKA_LANGUAGE_RU, &error)) == NULL
      || (en = load (ctx, argv[3], SVERKA_LANGUAGE_EN, &error)) == NULL
      || !sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error)
      || !sverka_lexicon_load (lex, seed, &error)
      || (al = sverka_align (lex, ru, en, &opts, &error)) == NULL
      || (notes = sverka_notes_new (lex, al, ru, en, &error)) == NULL) {
    printf ("not ok 1 - %s: %s\n", argv[2], error->message);
    return 1;
  }
  notes_tsv = sverka_write_notes_tsv (notes, ru, en);
  ok = compare (1, "notes", notes_tsv, argv[4]);
  if (argc == 6) {
    tsv = sverka_write_tsv (al, ru, en);
    ok = compare (2, "alignment", tsv, argv[5]) && ok;
  }
  return ok ? 0 : 1;
}
