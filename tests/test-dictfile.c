/* test-dictfile.c: dictionary files and their FILE:LINE errors. */
#include <glib/gstdio.h>

#include "test-common.h"

static char *
write_dict_dir (const char *stop_en)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("sverka-dict-XXXXXX", &error);
  const char *names[] = { "stopwords-ru.txt", "segment-exceptions-ru.tsv",
                          "segment-exceptions-en.tsv", "numbers-ru.tsv", "numbers-en.tsv",
                          "lemmas-ru.tsv", "lemmas-en.tsv" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *src = g_build_filename (test_srcdir (), "dictionaries", names[i], NULL);
    g_autofree char *dst = g_build_filename (dir, names[i], NULL);
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (dst, contents, (gssize) len, NULL));
  }
  {
    g_autofree char *dst = g_build_filename (dir, "stopwords-en.txt", NULL);
    g_assert_true (g_file_set_contents (dst, stop_en, -1, NULL));
  }
  return dir;
}

static void
remove_dir (const char *dir)
{
  const char *names[] = { "stopwords-ru.txt", "stopwords-en.txt", "segment-exceptions-ru.tsv",
                          "segment-exceptions-en.tsv", "numbers-ru.tsv", "numbers-en.tsv",
                          "lemmas-ru.tsv", "lemmas-en.tsv" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *p = g_build_filename (dir, names[i], NULL);
    g_remove (p);
  }
  g_rmdir (dir);
}

static void
assert_context_error (const char *stop_en, const char *fragment)
{
  g_autofree char *dir = write_dict_dir (stop_en);
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
  remove_dir (dir);
}

static void
test_errors (void)
{
  assert_context_error ("the\nand\n", "stopwords-en.txt:1: expected the format line "
                                      "'# sverka-stopwords 1', found 'the'");
  assert_context_error ("# sverka-stopwords 2\nthe\n", "stopwords-en.txt:1: unsupported version");
  assert_context_error ("# sverka-stopwords 1\nthe\nand\tor\n",
                        "stopwords-en.txt:3: expected 1 tab-separated field, found 2");
  assert_context_error ("# sverka-stopwords 1\n\xFF\n", "stopwords-en.txt:2: not UTF-8");
  assert_context_error ("", "stopwords-en.txt:1: expected the format line");
}

/* A lemma table with @contents beside good copies of the other files. */
static void
assert_lemma_error (const char *contents, const char *fragment)
{
  g_autofree char *stop = NULL;
  g_autofree char *stop_src = g_build_filename (test_srcdir (), "dictionaries",
                                                "stopwords-en.txt", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *lemmas = NULL;
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  g_assert_true (g_file_get_contents (stop_src, &stop, NULL, NULL));
  dir = write_dict_dir (stop);
  lemmas = g_build_filename (dir, "lemmas-en.tsv", NULL);
  g_assert_true (g_file_set_contents (lemmas, contents, -1, NULL));
  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
  remove_dir (dir);
}

static void
test_lemma_errors (void)
{
  assert_lemma_error ("# sverka-lemmas 1\nwent\tgo\ngo\tgo\n",
                      "lemmas-en.tsv:3: the form 'go' is its own lemma; remove the line");
  assert_lemma_error ("# sverka-lemmas 1\nwent\n", "lemmas-en.tsv:2: expected 2 tab-separated");
  assert_lemma_error ("went\tgo\n", "lemmas-en.tsv:1: expected the format line");
}

static void
test_missing_dir (void)
{
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = "/nonexistent/dictionaries";
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
}

static void
test_comments_and_crlf (void)
{
  g_autofree char *dir = write_dict_dir ("# sverka-stopwords 1\r\n# a comment\r\n\r\nthe\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  SverkaContextOptions opts;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctx);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dictfile/errors", test_errors);
  g_test_add_func ("/dictfile/lemma-errors", test_lemma_errors);
  g_test_add_func ("/dictfile/missing-dir", test_missing_dir);
  g_test_add_func ("/dictfile/comments-and-crlf", test_comments_and_crlf);
  return g_test_run ();
}
