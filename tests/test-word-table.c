/* test-word-table.c: the analysed words by their form
 * (sverka-word-table-private.h): every word added is found by its form
 * and only by it, forms that are prefixes of one another and forms of one
 * hash told apart, through the table's growth and after it is cleared. */
#include "sverka-word-table-private.h"
#include "test-common.h"

#define N_WORDS 5000

typedef struct {
  SverkaWord *words;
  GPtrArray *forms;
  SverkaWordTable table;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->words = g_new0 (SverkaWord, N_WORDS);
  f->forms = g_ptr_array_new_with_free_func (g_free);
  memset (&f->table, 0, sizeof f->table);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sverka_word_table_clear (&f->table);
  g_ptr_array_unref (f->forms);
  g_free (f->words);
}

static const SverkaWord *
find (const SverkaWordTable *t, const char *form, gsize len)
{
  return sverka_word_table_lookup (t, form, len, sverka_word_table_hash (form, len));
}

/* "w0" .. "w4999": "w4" is a prefix of "w49" and "w499" */
static void
test_many (Fixture *f, gconstpointer data)
{
  g_assert_null (find (&f->table, "w0", 2));
  for (guint i = 0; i < N_WORDS; i++) {
    char *form = g_strdup_printf ("w%u", i);
    g_ptr_array_add (f->forms, form);
    f->words[i].form = form;
    sverka_word_table_add (&f->table, &f->words[i], sverka_word_table_hash (form, strlen (form)));
  }
  g_assert_cmpuint (f->table.n, ==, N_WORDS);
  /* at most three quarters full */
  g_assert_cmpuint (4 * f->table.n, <=, 3 * f->table.cap);
  for (guint i = 0; i < N_WORDS; i++) {
    const char *form = g_ptr_array_index (f->forms, i);
    g_assert_true (find (&f->table, form, strlen (form)) == &f->words[i]);
  }
  /* a form is looked up where it lies, by its length: "w49" in "w4999x" */
  g_assert_true (find (&f->table, "w4999x", 3) == &f->words[49]);
  g_assert_true (find (&f->table, "w4999x", 5) == &f->words[4999]);
  g_assert_null (find (&f->table, "w4999x", 6));
  g_assert_null (find (&f->table, "w", 1));
  g_assert_null (find (&f->table, "x12", 3));
  sverka_word_table_clear (&f->table);
  g_assert_cmpuint (f->table.n, ==, 0);
  g_assert_null (find (&f->table, "w1", 2));
}

/* Forms given one hash: only their bytes tell them apart, a shorter form
 * ("ab") against a longer ("abc") and the other way round. */
static void
test_one_hash (Fixture *f, gconstpointer data)
{
  static const char *const forms[] = { "abc", "ab", "abd", "a", "abcd" };
  const guint32 hash = 7;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++) {
    f->words[i].form = (char *) forms[i];
    sverka_word_table_add (&f->table, &f->words[i], hash);
  }
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_assert_true (sverka_word_table_lookup (&f->table, forms[i], strlen (forms[i]), hash)
                   == &f->words[i]);
  g_assert_null (sverka_word_table_lookup (&f->table, "abe", 3, hash));
  g_assert_null (sverka_word_table_lookup (&f->table, "abcde", 5, hash));
  g_assert_null (sverka_word_table_lookup (&f->table, "abc", 3, hash + 1));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/word-table/many", Fixture, NULL, fixture_set_up, test_many, fixture_tear_down);
  g_test_add ("/word-table/one-hash", Fixture, NULL, fixture_set_up, test_one_hash,
              fixture_tear_down);
  return g_test_run ();
}
