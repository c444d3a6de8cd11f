/* test-suggest.c: the order of hunspell's suggestions one edit from a word
 * (sverka-suggest-private.h): each kind of edit in its turn, the letters of
 * TRY and KEY in theirs, the roots that carry NOSUGGEST in every way an .aff
 * writes flags, and the promise itself: on typos made from the words of the
 * bundled pair, the first word hunspell suggests that is one edit away is
 * the one the order gives. */
#include <hunspell/hunspell.h>

#include "config.h"
#include "sverka-context-private.h"
#include "sverka-suggest-private.h"
#include "test-common.h"

static const char english_aff[] = "SET UTF-8\nTRY esianrtolcdugmfphbyvkwzqjx\n";

static const char *
first (const char *aff, const char *word, const char *const *cands)
{
  g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts (aff, "");
  gint k = sverka_suggest_order_first (o, word, cands, g_strv_length ((GStrv) cands), NULL, NULL);
  return k >= 0 ? cands[k] : NULL;
}

static gboolean
not_from (const char *cand, gpointer data)
{
  return strcmp (cand, data) != 0;
}

/* Each kind of edit before the next: swapped, keyboard, a letter too many
 * (from the last), a letter left out and a wrong letter (TRY's order). */
static void
test_order (void)
{
  /* two letters swapped before a wrong letter and a letter too many */
  const char *const form[] = { "farm", "for", "from", NULL };
  /* a key beside the right one (a, s on QWERTY) before a letter too many */
  const char *const cst[] = { "cat", "st", NULL };
  /* a letter too many: the last one first */
  const char *const seat[] = { "eat", "sea", NULL };
  /* a letter left out: e before a before i in TRY */
  const char *const bt[] = { "bat", "bet", "bit", NULL };
  /* a wrong letter: s before a in TRY; o, t have no such neighbours */
  const char *const cot[] = { "cat", "cos", NULL };
  /* nothing one edit away, or no word */
  const char *const far[] = { "zzzz", NULL };

  g_assert_cmpstr (first (english_aff, "form", form), ==, "from");
  g_assert_cmpstr (first (english_aff, "cst", cst), ==, "cat");
  g_assert_cmpstr (first (english_aff, "seat", seat), ==, "sea");
  g_assert_cmpstr (first (english_aff, "bt", bt), ==, "bet");
  g_assert_cmpstr (first (english_aff, "cot", cot), ==, "cos");
  g_assert_null (first (english_aff, "cot", far));
  g_assert_null (first (english_aff, "c", cot));
  /* no TRY: hunspell tries no letter left out or wrong */
  g_assert_null (first ("SET UTF-8\n", "bt", bt));
  /* a KEY line of its own: here s and o are neighbours */
  g_assert_cmpstr (first ("KEY so|at\nTRY at\n", "cot", (const char *const[]){ "cat", "cst", NULL }),
                   ==, "cst");
  /* Cyrillic TRY: о before а */
  g_assert_cmpstr (first ("SET UTF-8\nTRY оа\n", "дм", (const char *const[]){ "дам", "дом", NULL }),
                   ==, "дом");
  {
    g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts (english_aff, "");
    /* what the caller refuses is passed over: then a letter too many */
    g_assert_cmpint (sverka_suggest_order_first (o, "form", form, 3, not_from, (gpointer) "from"),
                     ==, 1);
    /* not UTF-8 */
    g_assert_cmpint (sverka_suggest_order_first (o, "fo\xffrm", form, 3, NULL, NULL), ==, -1);
  }
}

static void
assert_nosuggest (const char *aff, const char *dic, const char *yes, const char *no)
{
  g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts (aff, dic);
  g_assert_true (sverka_suggest_order_is_nosuggest (o, yes));
  g_assert_false (sverka_suggest_order_is_nosuggest (o, no));
}

/* The roots that carry NOSUGGEST, whatever the .aff's FLAG and AF. */
static void
test_nosuggest (void)
{
  assert_nosuggest ("NOSUGGEST !\n", "2\nshit/SM!\nship/SM\n", "shit", "ship");
  assert_nosuggest ("\xEF\xBB\xBFNOSUGGEST !\n", "2\nshit/SM!\tpo:noun\nship/SM\n", "shit",
                    "ship");
  assert_nosuggest ("FLAG long\nNOSUGGEST !!\n", "2\nab\\/c/AA!!\nabc/A!\n", "ab/c", "abc");
  assert_nosuggest ("FLAG num\nNOSUGGEST 999\n", "2\nbad/12,999\nfine/9,99\n", "bad", "fine");
  assert_nosuggest ("FLAG UTF-8\nNOSUGGEST ж\n", "2\nплохо/Aж\nхорошо/A\n", "плохо", "хорошо");
  assert_nosuggest ("AF 2\nAF SM!\nAF SM\nNOSUGGEST !\n", "2\nshit/1\nship/2\n", "shit", "ship");
  {
    /* no NOSUGGEST: none */
    g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts ("", "1\nshit/!\n");
    g_assert_false (sverka_suggest_order_is_nosuggest (o, "shit"));
  }
  {
    /* an empty .dic (no line, not even the count) */
    g_autoptr (SverkaSuggestOrder) o = sverka_suggest_order_new_from_texts ("NOSUGGEST !\n", "");
    g_assert_false (sverka_suggest_order_is_nosuggest (o, ""));
  }
}

typedef struct {
  Hunhandle *h;
  const SverkaSuggestOrder *order;
} Dictionary;

/* What hunspell would suggest: a word it knows whose roots have no
 * NOSUGGEST. */
static gboolean
suggestible (const char *cand, gpointer data)
{
  const Dictionary *d = data;
  char **list = NULL;
  gboolean ok = Hunspell_spell (d->h, cand) != 0;
  int n = ok ? Hunspell_stem (d->h, &list, cand) : 0;
  for (int i = 0; i < n; i++)
    ok = ok && !sverka_suggest_order_is_nosuggest (d->order, list[i]);
  Hunspell_free_list (d->h, &list, n);
  return ok;
}

/* A typo of @word (of @n characters): kind @k % 4 at a place @k says. */
static char *
typo (const char *word, glong n, guint k)
{
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (word, -1, NULL);
  glong i = (glong) ((k * 7u) % (guint) (n - 1));
  GString *out = g_string_new (NULL);
  for (glong j = 0; j < n; j++) {
    switch (k % 4) {
    case 0: /* swapped with the next */
      g_string_append_unichar (out, j == i ? u[i + 1] : j == i + 1 ? u[i] : u[j]);
      break;
    case 1: /* left out */
      if (j != i)
        g_string_append_unichar (out, u[j]);
      break;
    case 2: /* doubled */
      g_string_append_unichar (out, u[j]);
      if (j == i)
        g_string_append_unichar (out, u[j]);
      break;
    default: /* the next letter in its place */
      g_string_append_unichar (out, j == i ? u[i + 1] : u[j]);
      break;
    }
  }
  return g_string_free (out, FALSE);
}

/* Typos of the words of the bundled pair: wherever hunspell suggests one
 * of the words one edit away, the first it suggests is the order's. */
static void
test_against_hunspell (gconstpointer data)
{
  const char *name = data;
  SverkaLanguage lang = g_str_has_prefix (name, "ru") ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  g_autofree char *aff = NULL, *dic = NULL, *contents = NULL;
  g_autofree char *text = g_build_filename (test_srcdir (), "corpus", "2021-12-14-brussels",
                                            lang == SVERKA_LANGUAGE_RU ? "ru.txt" : "en.txt",
                                            NULL);
  g_autoptr (SverkaSuggestOrder) order = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) words = NULL;
  guint tried = 0, compared = 0, k = 0;
  Dictionary d;

  aff = test_hunspell_file (name, "aff");
  dic = test_hunspell_file (name, "dic");
  order = sverka_suggest_order_new (aff, dic, NULL);
  g_assert_nonnull (order);
  d.h = Hunspell_create (aff, dic);
  d.order = order;
  g_assert_nonnull (d.h);
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  words = g_regex_split_simple ("[^[:alpha:]]+", contents, G_REGEX_OPTIMIZE, 0);
  for (guint w = 0; words[w] != NULL && tried < 120; w++) {
    g_autofree char *lower = g_utf8_strdown (words[w], -1);
    g_autofree char *bad = NULL;
    g_autoptr (GPtrArray) cands = NULL;
    g_auto (GStrv) edits = NULL;
    char **sugg = NULL;
    const char *want = NULL;
    glong n = g_utf8_strlen (lower, -1);
    gint got;
    int n_sugg;

    if (n < 4 || strstr (lower, "ё") != NULL || g_hash_table_contains (seen, words[w])
        || !Hunspell_spell (d.h, lower))
      continue;
    g_hash_table_add (seen, words[w]);
    bad = typo (lower, n, k++);
    if (Hunspell_spell (d.h, bad))
      continue;
    edits = sverka_one_edit_forms (lang, bad);
    cands = g_ptr_array_new ();
    for (guint i = 0; edits[i] != NULL; i++)
      if (Hunspell_spell (d.h, edits[i]))
        g_ptr_array_add (cands, edits[i]);
    if (cands->len < 2)
      continue;
    tried++;
    got = sverka_suggest_order_first (order, bad, (const char *const *) cands->pdata, cands->len,
                                      suggestible, &d);
    /* hunspell stops at a time limit: a list without any of them says
     * nothing */
    n_sugg = Hunspell_suggest (d.h, &sugg, bad);
    for (int i = 0; i < n_sugg && want == NULL; i++)
      for (guint j = 0; j < cands->len && want == NULL; j++)
        if (strcmp (sugg[i], g_ptr_array_index (cands, j)) == 0)
          want = g_ptr_array_index (cands, j);
    if (want != NULL) {
      compared++;
      g_assert_cmpint (got, >=, 0);
      if (strcmp (want, g_ptr_array_index (cands, got)) != 0)
        g_test_message ("%s: hunspell suggests %s, the order %s", bad, want,
                        (const char *) g_ptr_array_index (cands, got));
      g_assert_cmpstr (want, ==, g_ptr_array_index (cands, got));
    }
    Hunspell_free_list (d.h, &sugg, n_sugg);
  }
  Hunspell_destroy (d.h);
  g_test_message ("%s: %u typos with several words one edit away, %u compared with hunspell",
                  name, tried, compared);
  g_assert_cmpuint (tried, >=, 40);
  g_assert_cmpuint (compared, >=, tried / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest/order", test_order);
  g_test_add_func ("/suggest/nosuggest", test_nosuggest);
  g_test_add_data_func ("/suggest/against-hunspell/ru_RU", "ru_RU", test_against_hunspell);
  g_test_add_data_func ("/suggest/against-hunspell/en_US", "en_US", test_against_hunspell);
  return g_test_run ();
}
