/* test-wordforms.c: the compiled word forms of hunspell dictionaries
 * (sverka-wordforms-private.h): the expansion of affixes, the tables that
 * cover nothing, the checks on mapping, and the promise itself, against
 * hunspell: every word it accepts passes the table. */
#include <glib/gstdio.h>
#include <hunspell/hunspell.h>

#include "config.h"
#include "sverka-context-private.h"
#include "sverka-wordforms-private.h"
#include "test-common.h"

static char *
fixture (const char *name)
{
  return g_build_filename (test_srcdir (), "tests", "wordforms", name, NULL);
}

static void
collect (const char *form, gpointer data)
{
  g_ptr_array_add (data, g_strdup (form));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Every form of the small dictionary, from UTF-8 conditions (negated
 * classes, as "[^с]ться"), cross products, a class that does not combine,
 * an escaped slash, a morphological field and a byte order mark. */
static void
test_expand (void)
{
  static const char *const expected[] = {
    "AC/DC", "Moscow", "бело", "белый", "битьсями", "биться", "бились", "сместись",
    "сместисьми", "flies", "fly", "kind", "kinds", "rekind", "unflies", "unfly", "unkind",
    "unkinds",
  };
  g_autofree char *aff = fixture ("small.aff");
  g_autofree char *dic = fixture ("small.dic");
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) want = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *special = NULL;
  g_autofree char *aff2 = fixture ("mixed.aff");
  g_autofree char *dic2 = fixture ("mixed.dic");
  g_autofree char *special2 = NULL;
  gboolean covers = FALSE;

  g_assert_true (sverka_wordforms_expand (aff, dic, collect, forms, &covers, &special, &error));
  g_assert_no_error (error);
  g_assert_true (covers);
  /* no BREAK: hunspell breaks words at hyphens */
  g_assert_cmpstr (special, ==, "-");
  /* ICONV's apostrophe, the digits of the roots a compound rule joins */
  g_assert_true (sverka_wordforms_expand (aff2, dic2, collect, forms, &covers, &special2, NULL));
  g_assert_true (covers);
  g_assert_cmpstr (special2, ==, "-012\u2019");
  g_ptr_array_set_size (forms, 0);
  g_assert_true (sverka_wordforms_expand (aff, dic, collect, forms, NULL, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_ptr_array_add (want, (gpointer) expected[i]);
  g_ptr_array_sort (forms, compare_strings);
  g_ptr_array_sort (want, compare_strings);
  for (guint i = 0; i < MIN (forms->len, want->len); i++)
    g_assert_cmpstr (g_ptr_array_index (forms, i), ==, g_ptr_array_index (want, i));
  g_assert_cmpuint (forms->len, ==, want->len);
}

/* Compiled and mapped: the forms pass in any capitalisation, other words
 * of letters do not, words with other characters always do. */
static void
test_compile_and_map (void)
{
  g_autofree char *aff = fixture ("small.aff");
  g_autofree char *dic = fixture ("small.dic");
  g_autofree char *dir = g_dir_make_tmp ("test-wordforms-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.svk", NULL);
  g_autoptr (SverkaWordforms) wf = NULL;
  g_autoptr (GError) error = NULL;
  SverkaWordformsStats stats;

  g_assert_true (sverka_wordforms_compile (aff, dic, path, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (stats.covers);
  g_assert_null (stats.why_not);
  g_assert_cmpuint (stats.roots, ==, 7);
  g_assert_cmpuint (stats.forms, ==, 18);
  wf = sverka_wordforms_map (path, aff, dic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wf);
  g_assert_cmpuint (sverka_wordforms_get_n_forms (wf), ==, 18);
  g_assert_true (sverka_wordforms_may_know (wf, "бились"));
  g_assert_true (sverka_wordforms_may_know (wf, "Бились"));
  g_assert_true (sverka_wordforms_may_know (wf, "UNFLIES"));
  g_assert_true (sverka_wordforms_may_know (wf, "moscow"));
  g_assert_false (sverka_wordforms_may_know (wf, "билась"));
  g_assert_false (sverka_wordforms_may_know (wf, "белые"));
  g_assert_false (sverka_wordforms_may_know (wf, "reflies"));
  g_assert_false (sverka_wordforms_may_know (wf, "flys"));
  /* not letters only: the table says nothing */
  g_assert_true (sverka_wordforms_may_know (wf, "fly's"));
  g_assert_true (sverka_wordforms_may_know (wf, "x2"));
  g_remove (path);
  g_rmdir (dir);
}

/* A dictionary with two-letter flags is compiled as a table that covers
 * nothing: mapped, it is no table at all, and no error. */
static void
test_not_covered (void)
{
  g_autofree char *aff = fixture ("long-flags.aff");
  g_autofree char *dic = fixture ("long-flags.dic");
  g_autofree char *dir = g_dir_make_tmp ("test-wordforms-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.svk", NULL);
  g_autoptr (GError) error = NULL;
  SverkaWordformsStats stats;
  SverkaWordforms *wf;

  g_assert_true (sverka_wordforms_compile (aff, dic, path, &stats, &error));
  g_assert_no_error (error);
  g_assert_false (stats.covers);
  g_assert_nonnull (strstr (stats.why_not, "long-flags.aff:2: FLAG"));
  g_assert_cmpuint (stats.forms, ==, 0);
  g_free (stats.why_not);
  wf = sverka_wordforms_map (path, aff, dic, &error);
  g_assert_no_error (error);
  g_assert_null (wf);
  g_remove (path);
  g_rmdir (dir);
}

static void
expect_refused (const char *path, const char *aff, const char *dic, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaWordforms) wf = sverka_wordforms_map (path, aff, dic, &error);
  g_assert_null (wf);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, what) == NULL)
    g_error ("expected \"%s\" in: %s", what, error->message);
}

/* Damaged, truncated, reordered or out-of-date tables are refused with a
 * message that names the file. */
static void
test_refused (void)
{
  g_autofree char *aff = fixture ("small.aff");
  g_autofree char *dic = fixture ("small.dic");
  g_autofree char *dir = g_dir_make_tmp ("test-wordforms-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.svk", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.svk", NULL);
  g_autofree char *aff2 = g_build_filename (dir, "small.aff", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *aff_text = NULL;
  g_autofree char *changed_aff = NULL;
  SverkaWordformsStats stats;
  gsize len, hashes;

  g_assert_true (sverka_wordforms_compile (aff, dic, path, &stats, NULL));
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));

  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len - 3, NULL));
  expect_refused (bad, aff, dic, "truncated");
  bytes[0] ^= 1;
  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len, NULL));
  expect_refused (bad, aff, dic, "mark");
  bytes[0] ^= 1;
  /* the hashes are the 18 words before the names of the sources, which
   * take the last 8-aligned section: swap the first two */
  hashes = 72 + 2 * 24 + (65536 + 1) * 4;
  hashes += (8 - hashes % 8) % 8;
  {
    guint32 a, b;
    memcpy (&a, bytes + hashes, 4);
    memcpy (&b, bytes + hashes + 4, 4);
    memcpy (bytes + hashes, &b, 4);
    memcpy (bytes + hashes + 4, &a, 4);
  }
  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len, NULL));
  expect_refused (bad, aff, dic, "out of order");
  {
    guint32 a, b;
    memcpy (&a, bytes + hashes, 4);
    memcpy (&b, bytes + hashes + 4, 4);
    memcpy (bytes + hashes, &b, 4);
    memcpy (bytes + hashes + 4, &a, 4);
  }
  /* an index whose second place lies far beyond the 18 hashes, and goes
   * back after it: refused before any hash is read there */
  {
    guint32 far = 1000000, old;
    gsize at = 72 + 2 * 24 + 4;
    memcpy (&old, bytes + at, 4);
    memcpy (bytes + at, &far, 4);
    g_assert_true (g_file_set_contents (bad, bytes, (gssize) len, NULL));
    expect_refused (bad, aff, dic, "goes backwards");
    memcpy (bytes + at, &old, 4);
  }

  /* the same table against an .aff that changed */
  g_assert_true (g_file_get_contents (aff, &aff_text, NULL, NULL));
  changed_aff = g_strconcat (aff_text, "# one more line\n", NULL);
  g_assert_true (g_file_set_contents (aff2, changed_aff, -1, NULL));
  expect_refused (path, aff2, dic, "out of date");

  g_remove (path);
  g_remove (bad);
  g_remove (aff2);
  g_rmdir (dir);
}

/* The one-edit strings of @word in @alphabet (deletions, swaps,
 * replacements, insertions), as the spelling notes make them. */
static GStrv
one_edits (const char *word, SverkaLanguage lang)
{
  return sverka_one_edit_forms (lang, word);
}

typedef struct {
  guint asked, accepted, passed;
} Tally;

/* Checks every one-edit string of every distinct word of @path (at most
 * @max_words words, in their order), lower case and capitalised, and the
 * words themselves: whatever @h accepts, @wf must let pass. */
static void
against_hunspell (Hunhandle *h, SverkaWordforms *wf, const char *path, SverkaLanguage lang,
                  guint max_words, Tally *t)
{
  g_autofree char *text = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GRegex) re = g_regex_new ("\\p{L}+", 0, 0, NULL);
  g_autoptr (GMatchInfo) mi = NULL;
  guint words = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_regex_match (re, text, 0, &mi);
  for (; g_match_info_matches (mi) && words < max_words; g_match_info_next (mi, NULL)) {
    g_autofree char *word = g_match_info_fetch (mi, 0);
    g_autofree char *lower = g_utf8_strdown (word, -1);
    g_auto (GStrv) cands = NULL;
    if (g_utf8_strlen (lower, -1) < 3 || g_hash_table_contains (seen, lower))
      continue;
    g_hash_table_add (seen, g_strdup (lower));
    words++;
    cands = one_edits (lower, lang);
    for (guint i = 0; cands[i] != NULL; i++) {
      g_autofree char *cap = NULL;
      const char *forms[3] = { cands[i], NULL, NULL };
      gunichar c = g_utf8_get_char (cands[i]);
      char head[8] = { 0 };
      g_unichar_to_utf8 (g_unichar_toupper (c), head);
      cap = g_strconcat (head, g_utf8_next_char (cands[i]), NULL);
      forms[1] = cap;
      if (i == 0)
        forms[2] = word;
      for (guint k = 0; k < 3; k++) {
        if (forms[k] == NULL)
          continue;
        t->asked++;
        if (sverka_wordforms_may_know (wf, forms[k]))
          t->passed++;
        if (Hunspell_spell (h, forms[k])) {
          t->accepted++;
          if (!sverka_wordforms_may_know (wf, forms[k]))
            g_error ("hunspell accepts \"%s\" (%s), the table rejects it", forms[k],
                     path);
        }
      }
    }
  }
}

/* The promise, on the dictionaries sverka uses: over the one-edit strings
 * of the words of the bundled pair, whatever hunspell accepts the table
 * lets pass, and it stops most of what hunspell rejects. */
static void
test_against_hunspell (gconstpointer data)
{
  const char *name = data;
  SverkaLanguage lang = g_str_has_prefix (name, "ru") ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-wordforms-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.svk", NULL);
  g_autofree char *text = g_build_filename (test_srcdir (), "corpus", "2021-12-14-brussels",
                                            lang == SVERKA_LANGUAGE_RU ? "ru.txt" : "en.txt",
                                            NULL);
  g_autoptr (SverkaWordforms) wf = NULL;
  g_autoptr (GError) error = NULL;
  SverkaWordformsStats stats;
  Tally t = { 0 };
  Hunhandle *h;

  aff = test_hunspell_file (name, "aff");
  dic = test_hunspell_file (name, "dic");
  g_assert_true (sverka_wordforms_compile (aff, dic, path, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (stats.covers);
  wf = sverka_wordforms_map (path, aff, dic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wf);
  h = Hunspell_create (aff, dic);
  g_assert_nonnull (h);
  against_hunspell (h, wf, text, lang, 250, &t);
  Hunspell_destroy (h);
  g_test_message ("%s: %u roots, %u forms; %u strings asked, hunspell accepts %u, the table "
                  "lets %u pass",
                  name, stats.roots, stats.forms, t.asked, t.accepted, t.passed);
  g_assert_cmpuint (t.accepted, >, 100);
  /* a table that let everything pass would keep the promise and be
   * useless: it stops at least 95% of what hunspell rejects */
  g_assert_cmpuint (t.passed - t.accepted, <, (t.asked - t.accepted) / 20);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/wordforms/expand", test_expand);
  g_test_add_func ("/wordforms/compile-and-map", test_compile_and_map);
  g_test_add_func ("/wordforms/not-covered", test_not_covered);
  g_test_add_func ("/wordforms/refused", test_refused);
  g_test_add_data_func ("/wordforms/against-hunspell/ru_RU", "ru_RU", test_against_hunspell);
  g_test_add_data_func ("/wordforms/against-hunspell/en_US", "en_US", test_against_hunspell);
  g_test_add_data_func ("/wordforms/against-hunspell/en_GB", "en_GB", test_against_hunspell);
  return g_test_run ();
}
