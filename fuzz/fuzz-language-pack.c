/* fuzz-language-pack.c: libFuzzer harness for the reader of a language
 * pack's language.tsv (sverka-language-pack-private.h).
 *
 * The input is written as the language.tsv of a pack "xx" in a temporary
 * folder that also holds its data files (empty), and read. The reader
 * must never crash, and give a pack or an error, never both: a pack with
 * the folder's code, a script sverka reads, every key it needs, and only
 * the data files it lists; an error naming the file. The same bytes give
 * the same answer.
 */
#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-language-pack-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;  /* the temporary folder, made at the first input */
static char *desc; /* its xx/language.tsv */

static void
cleanup (void)
{
  static const char *const names[] = { "stopwords.txt", "segment-exceptions.tsv", "numbers.tsv",
                                       "lemmas.tsv", "months.tsv", "times.tsv",
                                       "weekdays.tsv", "language.tsv" };
  g_autofree char *pack = g_build_filename (dir, "xx", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *p = g_build_filename (pack, names[i], NULL);
    g_remove (p);
  }
  g_rmdir (pack);
  g_rmdir (dir);
}

static void
setup (void)
{
  static const char *const files[] = { "stopwords.txt", "segment-exceptions.tsv", "numbers.tsv",
                                       "lemmas.tsv", "months.tsv", "times.tsv",
                                       "weekdays.tsv" };
  g_autofree char *pack = NULL;

  dir = g_dir_make_tmp ("fuzz-language-pack-XXXXXX", NULL);
  fuzz_check (dir != NULL);
  pack = g_build_filename (dir, "xx", NULL);
  fuzz_check (g_mkdir (pack, 0700) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++) {
    g_autofree char *p = g_build_filename (pack, files[i], NULL);
    fuzz_check (g_file_set_contents (p, "", 0, NULL));
  }
  desc = g_build_filename (pack, "language.tsv", NULL);
  atexit (cleanup);
}

/* The answer as one string: the pack's fields, or the error's message. */
static char *
answer (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLanguagePack) pack = sverka_language_pack_load (dir, "xx", &error);
  g_autofree char *suffixes = NULL;
  g_autofree char *pronouns = NULL;

  if (pack == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    fuzz_check (strstr (error->message, "language.tsv") != NULL);
    return g_strdup (error->message);
  }
  fuzz_check (error == NULL);
  fuzz_check (strcmp (pack->code, "xx") == 0);
  fuzz_check (pack->script == SVERKA_SCRIPT_LATIN || pack->script == SVERKA_SCRIPT_CYRILLIC);
  fuzz_check (pack->name != NULL && pack->locale != NULL && pack->stemmer != NULL
              && pack->hunspell != NULL && pack->hunspell_package != NULL
              && pack->transliteration != NULL);
  fuzz_check ((pack->hunspell_alt == NULL) == (pack->hunspell_alt_package == NULL));
  fuzz_check ((pack->files & ~(guint) SVERKA_PACK_ALL_FILES) == 0);
  fuzz_check (g_utf8_validate (pack->name, -1, NULL));
  for (guint i = 0; pack->ordinal_suffixes != NULL && pack->ordinal_suffixes[i] != NULL; i++)
    fuzz_check (pack->ordinal_suffixes[i][0] != '\0'
                && g_utf8_validate (pack->ordinal_suffixes[i], -1, NULL));
  for (guint i = 0; pack->pronouns != NULL && pack->pronouns[i] != NULL; i++) {
    g_autofree char *lower = g_utf8_strdown (pack->pronouns[i], -1);
    fuzz_check (pack->pronouns[i][0] != '\0' && g_utf8_validate (pack->pronouns[i], -1, NULL)
                && strcmp (lower, pack->pronouns[i]) == 0);
  }
  suffixes = pack->ordinal_suffixes != NULL ? g_strjoinv (" ", pack->ordinal_suffixes)
                                            : g_strdup ("-");
  pronouns = pack->pronouns != NULL ? g_strjoinv (" ", pack->pronouns) : g_strdup ("-");
  return g_strdup_printf ("%s|%d|%s|%s|%s|%s|%s|%d|%d|%d|%s|%s|%d|%u", pack->name, pack->script,
                          pack->locale, pack->stemmer, pack->hunspell,
                          pack->hunspell_alt != NULL ? pack->hunspell_alt : "",
                          pack->transliteration, pack->decimal_comma, pack->inflected_numbers,
                          pack->month_first_dates, suffixes, pronouns, pack->capitalised_nouns,
                          pack->files);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (dir == NULL)
    setup ();
  fuzz_check (g_file_set_contents (desc, (const char *) data, (gssize) size, NULL));
  first = answer ();
  second = answer ();
  fuzz_check (strcmp (first, second) == 0);
  return 0;
}
