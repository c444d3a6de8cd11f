/* test-lemmas.c: the compiled tables of hunspell's lemmas and spelling
 * (sverka-lemmas-private.h): the small dictionary compiled and answered
 * as hunspell answers; the build's tables against hunspell on the words of
 * the bundled pair in every case; and tables refused when damaged, out of
 * date or made by another hunspell. */
#include <glib/gstdio.h>
#include <hunspell/hunspell.h>

#include "config.h"
#include "sverka-lemmas-private.h"
#include "sverka-wordforms-private.h"
#include "test-common.h"

static char *
fixture (const char *name)
{
  return g_build_filename (test_srcdir (), "tests", "wordforms", name, NULL);
}

typedef struct {
  guint asked, answered, none, spelled;
} Tally;

/* The table's answers for @word, its lemma and its spelling, must be
 * hunspell's own. */
static void
same_as_hunspell (SverkaLemmas *lm, Hunhandle *h, const char *word, Tally *t)
{
  const char *lemma = NULL;
  char **list = NULL;
  SverkaLemmaAnswer a = sverka_lemmas_lookup (lm, word, &lemma);
  SverkaSpellAnswer sp = sverka_lemmas_spell (lm, word);
  int n = Hunspell_stem (h, &list, word);
  gboolean known = Hunspell_spell (h, word) != 0;

  t->asked++;
  if (sp != SVERKA_SPELL_ASK) {
    t->spelled++;
    if ((sp == SVERKA_SPELL_KNOWN) != known)
      g_error ("'%s': the table says %s, hunspell %s", word,
               sp == SVERKA_SPELL_KNOWN ? "known" : "rejected", known ? "known" : "rejected");
  }
  if (a == SVERKA_LEMMA_FOUND) {
    t->answered++;
    if (n <= 0 || strcmp (list[0], lemma) != 0)
      g_error ("'%s': the table gives '%s', hunspell '%s'", word, lemma,
               n > 0 ? list[0] : "(none)");
  } else if (a == SVERKA_LEMMA_NONE) {
    t->answered++;
    t->none++;
    /* hunspell has none, or (a word it rejects) the word itself, which
     * stems as the word does */
    if (n > 0 && g_utf8_collate (list[0], word) != 0) {
      g_autofree char *a_low = g_utf8_strdown (list[0], -1);
      g_autofree char *w_low = g_utf8_strdown (word, -1);
      if (strcmp (a_low, w_low) != 0)
        g_error ("'%s': the table gives none, hunspell '%s'", word, list[0]);
    }
  }
  Hunspell_free_list (h, &list, n);
}

/* A test dictionary's table, compiled in a folder of its own and mapped,
 * with hunspell opened on the same files. */
typedef struct {
  char *aff, *dic, *dir, *path;
  guint n_forms;
  SverkaLemmas *lm;
  Hunhandle *h;
} Compiled;

static void
compiled_open (Compiled *c, const char *name)
{
  g_autofree char *aff_name = g_strconcat (name, ".aff", NULL);
  g_autofree char *dic_name = g_strconcat (name, ".dic", NULL);
  g_autoptr (GError) error = NULL;
  gboolean covers = FALSE;

  c->aff = fixture (aff_name);
  c->dic = fixture (dic_name);
  c->dir = g_dir_make_tmp ("test-lemmas-XXXXXX", NULL);
  c->path = g_build_filename (c->dir, "lemmas.svk", NULL);
  c->h = Hunspell_create (c->aff, c->dic);
  g_assert_true (sverka_lemmas_compile (c->aff, c->dic, c->path, &c->n_forms, &covers, &error));
  g_assert_no_error (error);
  g_assert_true (covers);
  c->lm = sverka_lemmas_map (c->path, c->aff, c->dic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->lm);
}

static void
compiled_close (Compiled *c)
{
  g_clear_pointer (&c->lm, sverka_lemmas_free);
  Hunspell_destroy (c->h);
  g_remove (c->path);
  g_rmdir (c->dir);
  g_free (c->aff);
  g_free (c->dic);
  g_free (c->dir);
  g_free (c->path);
}

static void
test_small (void)
{
  static const char *const words[] = { "бились", "Бились", "БИЛИСЬ", "битьсями", "бело",
                                       "Белый", "БЕЛЫЙ", "kinds", "Unkinds", "rekind",
                                       "flies", "Moscow", "moscow", "MOSCOW", "nothing",
                                       "Kind", "KIND", "KiNd", "fly's" };
  Compiled c = { 0 };
  const SverkaLemmas *lm;
  const char *lemma = NULL;
  Tally t = { 0 };

  compiled_open (&c, "small");
  lm = c.lm;
  g_assert_cmpuint (c.n_forms, ==, 18);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    same_as_hunspell (c.lm, c.h, words[i], &t);
  g_assert_cmpint (sverka_lemmas_lookup (lm, "бились", &lemma), ==, SVERKA_LEMMA_FOUND);
  g_assert_cmpstr (lemma, ==, "биться");
  /* in capitals: answered, as hunspell answers */
  g_assert_cmpint (sverka_lemmas_lookup (lm, "KIND", &lemma), ==, SVERKA_LEMMA_FOUND);
  g_assert_cmpstr (lemma, ==, "kind");
  g_assert_cmpint (sverka_lemmas_spell (lm, "KIND"), ==, SVERKA_SPELL_KNOWN);
  g_assert_cmpint (sverka_lemmas_spell (lm, "Moscow"), ==, SVERKA_SPELL_KNOWN);
  /* a proper name in lower case: hunspell rejects it */
  g_assert_cmpint (sverka_lemmas_spell (lm, "moscow"), ==, SVERKA_SPELL_REJECTED);
  /* capitals inside the dictionary does not write, an apostrophe the
   * dictionary does not make: rejected */
  g_assert_cmpint (sverka_lemmas_lookup (lm, "KiNd", &lemma), ==, SVERKA_LEMMA_NONE);
  g_assert_cmpint (sverka_lemmas_spell (lm, "KiNd"), ==, SVERKA_SPELL_REJECTED);
  g_assert_cmpint (sverka_lemmas_lookup (lm, "fly's", &lemma), ==, SVERKA_LEMMA_NONE);
  g_assert_cmpint (sverka_lemmas_spell (lm, "fly's"), ==, SVERKA_SPELL_REJECTED);
  /* a hyphen hunspell breaks words at, no letter: asked */
  g_assert_cmpint (sverka_lemmas_lookup (lm, "kind-flies", &lemma), ==, SVERKA_LEMMA_ASK);
  g_assert_cmpint (sverka_lemmas_spell (lm, "kind-flies"), ==, SVERKA_SPELL_ASK);
  g_assert_cmpint (sverka_lemmas_spell (lm, "2021"), ==, SVERKA_SPELL_ASK);
  /* a word of letters the dictionary does not make */
  g_assert_cmpint (sverka_lemmas_lookup (lm, "nothing", &lemma), ==, SVERKA_LEMMA_NONE);
  g_assert_cmpint (sverka_lemmas_spell (lm, "nothing"), ==, SVERKA_SPELL_REJECTED);
  g_assert_cmpint (sverka_lemmas_spell (lm, "NOTHING"), ==, SVERKA_SPELL_REJECTED);
  compiled_close (&c);
}

/* Words with capitals inside, apostrophes and a full stop, a character
 * hunspell converts (ICONV) and compounds of digits: answered as hunspell
 * answers, or asked. */
static void
test_mixed (void)
{
  static const char *const words[] = {
    "McDonald", "McDonald's", "McDonalds", "MCDONALD", "Mcdonald", "mcdonald", "McDONALD",
    "MacDonald", "iPhone", "iPhones", "IPHONE", "Iphone", "iPHONE", "O'Brien", "O'BRIEN",
    "o'brien", "O'brien", "Victoria's", "VICTORIA'S", "victoria's", "Victoria", "e.g", "E.G",
    "E.g", "Simmo's", "kinds", "KINDS", "Kinds", "kInds", "KInds", "Ki'nds",
  };
  Compiled c = { 0 };
  const SverkaLemmas *lm;
  const char *lemma = NULL;
  Tally t = { 0 };

  compiled_open (&c, "mixed");
  lm = c.lm;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    same_as_hunspell (c.lm, c.h, words[i], &t);
  g_assert_cmpuint (t.answered, ==, G_N_ELEMENTS (words));
  g_assert_cmpuint (t.spelled, ==, G_N_ELEMENTS (words));
  g_assert_cmpint (sverka_lemmas_lookup (lm, "McDonald's", &lemma), ==, SVERKA_LEMMA_FOUND);
  g_assert_cmpstr (lemma, ==, "McDonald");
  g_assert_cmpint (sverka_lemmas_spell (lm, "iPhones"), ==, SVERKA_SPELL_KNOWN);
  g_assert_cmpint (sverka_lemmas_spell (lm, "McDONALD"), ==, SVERKA_SPELL_REJECTED);
  g_assert_cmpint (sverka_lemmas_lookup (lm, "MacDonald", &lemma), ==, SVERKA_LEMMA_NONE);
  /* the compound rule's digits, ICONV's apostrophe: asked */
  g_assert_cmpint (sverka_lemmas_lookup (lm, "11th", &lemma), ==, SVERKA_LEMMA_ASK);
  g_assert_cmpint (sverka_lemmas_spell (lm, "21th"), ==, SVERKA_SPELL_ASK);
  g_assert_cmpint (sverka_lemmas_lookup (lm, "McDonald\u2019s", &lemma), ==, SVERKA_LEMMA_ASK);
  compiled_close (&c);
}

static void
expect_refused (const char *path, const char *aff, const char *dic, const char *library,
                const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLemmas) lm = library != NULL
                                    ? sverka_lemmas_map_with (path, aff, dic, library, &error)
                                    : sverka_lemmas_map (path, aff, dic, &error);
  g_assert_null (lm);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, what) == NULL)
    g_error ("expected \"%s\" in: %s", what, error->message);
}

static void
test_refused (void)
{
  g_autofree char *aff = fixture ("small.aff");
  g_autofree char *dic = fixture ("small.dic");
  g_autofree char *dir = g_dir_make_tmp ("test-lemmas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lemmas.svk", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.svk", NULL);
  g_autofree char *dic2 = g_build_filename (dir, "small.dic", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *library = sverka_lemmas_hunspell_library ();
  guint n_forms;
  gboolean covers;
  gsize len;

  g_assert_true (sverka_lemmas_compile (aff, dic, path, &n_forms, &covers, NULL));
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len - 1, NULL));
  expect_refused (bad, aff, dic, NULL, "truncated");
  bytes[3] ^= 1;
  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len, NULL));
  expect_refused (bad, aff, dic, NULL, "mark");
  bytes[3] ^= 1;
  /* the last string's closing NUL */
  bytes[len - 1] = 'x';
  g_assert_true (g_file_set_contents (bad, bytes, (gssize) len, NULL));
  expect_refused (bad, aff, dic, NULL, "not closed");
  bytes[len - 1] = '\0';

  /* another .dic of the same name: out of date */
  g_assert_true (g_file_set_contents (dic2, "2\nбиться/A\nkind/S\n", -1, NULL));
  expect_refused (path, aff, dic2, NULL, "out of date");
  /* the right files, but another hunspell library (here a file of other
   * bytes): refused by its bytes */
  g_assert_nonnull (library);
  expect_refused (path, aff, dic, dic2, "another hunspell");
  {
    g_autoptr (SverkaLemmas) lm = sverka_lemmas_map_with (path, aff, dic, library, NULL);
    g_assert_nonnull (lm);
  }
  g_remove (path);
  g_remove (bad);
  g_remove (dic2);
  g_rmdir (dir);
}

/* Keeps the forms with capitals inside or characters other than letters. */
static void
collect_unusual (const char *form, gpointer data)
{
  gboolean unusual = FALSE;
  for (const char *p = form; *p != '\0' && !unusual; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    unusual = !g_unichar_isalpha (c) || (p != form && g_unichar_isupper (c));
  }
  if (unusual)
    g_ptr_array_add (data, g_strdup (form));
}

/* @word as written, in lower case, capitalised and in capitals, against
 * hunspell. */
static void
four_ways (SverkaLemmas *lm, Hunhandle *h, const char *word, Tally *t)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *upper = g_utf8_strup (word, -1);
  char head[8] = { 0 };
  g_autofree char *cap = NULL;
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (lower)), head);
  cap = g_strconcat (head, g_utf8_next_char (lower), NULL);
  same_as_hunspell (lm, h, word, t);
  same_as_hunspell (lm, h, lower, t);
  same_as_hunspell (lm, h, cap, t);
  same_as_hunspell (lm, h, upper, t);
}

/* The build's tables against hunspell: every word of the bundled pair, as
 * written, in lower case, capitalised and in capitals; and 2,000 of the
 * dictionary's forms with capitals inside or other characters than
 * letters (McDonald's, АвтоВАЗ), the same four ways. */
static void
test_build_tables (gconstpointer data)
{
  const char *name = data;
  gboolean russian = g_str_has_prefix (name, "ru");
  g_autofree char *table = g_strdup_printf ("%s/dictionaries/lemmas-%s.svk", SVERKA_BUILD_ROOT,
                                            name);
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  g_autofree char *path = g_build_filename (test_srcdir (), "corpus", "2021-12-14-brussels",
                                            russian ? "ru.txt" : "en.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GRegex) re = g_regex_new ("[\\p{L}\\p{N}'.]*\\p{L}[\\p{L}\\p{N}']*", 0, 0, NULL);
  g_autoptr (GPtrArray) unusual = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GMatchInfo) mi = NULL;
  g_autoptr (SverkaLemmas) lm = NULL;
  g_autoptr (GError) error = NULL;
  Tally t = { 0 };
  Hunhandle *h;

  if (!g_file_test (table, G_FILE_TEST_IS_REGULAR)) {
    g_test_skip ("the build has no table of lemmas");
    return;
  }
  aff = test_hunspell_file (name, "aff");
  dic = test_hunspell_file (name, "dic");
  h = Hunspell_create (aff, dic);
  lm = sverka_lemmas_map (table, aff, dic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lm);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_regex_match (re, text, 0, &mi);
  for (; g_match_info_matches (mi); g_match_info_next (mi, NULL)) {
    g_autofree char *word = g_match_info_fetch (mi, 0);
    if (g_hash_table_contains (seen, word))
      continue;
    g_hash_table_add (seen, g_strdup (word));
    four_ways (lm, h, word, &t);
  }
  g_assert_true (sverka_wordforms_expand (aff, dic, collect_unusual, unusual, NULL, NULL, NULL));
  g_assert_cmpuint (unusual->len, >, 100);
  for (guint i = 0; i < unusual->len; i += unusual->len / 2000 + 1)
    four_ways (lm, h, g_ptr_array_index (unusual, i), &t);
  Hunspell_destroy (h);
  g_test_message ("%s: %u words asked, %u lemmas answered by the table (%u none) and %u "
                  "spellings, all as hunspell answers",
                  name, t.asked, t.answered, t.none, t.spelled);
  g_assert_cmpuint (t.answered * 2, >, t.asked);
  g_assert_cmpuint (t.spelled * 2, >, t.asked);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lemmas/small", test_small);
  g_test_add_func ("/lemmas/mixed", test_mixed);
  g_test_add_func ("/lemmas/refused", test_refused);
  g_test_add_data_func ("/lemmas/build-tables/ru_RU", "ru_RU", test_build_tables);
  g_test_add_data_func ("/lemmas/build-tables/en_US", "en_US", test_build_tables);
  return g_test_run ();
}
