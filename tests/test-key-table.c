/* test-key-table.c: the scorer's key strings by number
 * (sverka-key-table-private.h): numbers given in order of first sight, the
 * same key always the same number, keys that are prefixes of one another
 * or share a hash told apart, through the table's growth, and nothing
 * after it is cleared. */
#include "sverka-key-table-private.h"
#include "test-common.h"

#define N_KEYS 5000

/* "s:0" .. "s:4999": "s:4" is a prefix of "s:49" and "s:499" */
static void
test_many (void)
{
  SverkaKeyTable t = { 0 };
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (sverka_key_table_size (&t), ==, 0);
  for (guint i = 0; i < N_KEYS; i++) {
    char *key = g_strdup_printf ("s:%u", i);
    g_ptr_array_add (keys, key);
    g_assert_cmpuint (sverka_key_table_intern (&t, key, strlen (key)), ==, i);
  }
  g_assert_cmpuint (sverka_key_table_size (&t), ==, N_KEYS);
  /* at most three quarters full */
  g_assert_cmpuint (4 * sverka_key_table_size (&t), <=, 3 * t.cap);
  for (guint i = 0; i < N_KEYS; i++) {
    const char *key = g_ptr_array_index (keys, i);
    g_assert_cmpuint (sverka_key_table_intern (&t, key, strlen (key)), ==, i);
    g_assert_cmpstr (sverka_key_table_key (&t, i), ==, key);
  }
  g_assert_cmpuint (sverka_key_table_size (&t), ==, N_KEYS);
  /* a key is read by its length: "s:49" in "s:4999x" */
  g_assert_cmpuint (sverka_key_table_intern (&t, "s:4999x", 4), ==, 49);
  g_assert_cmpuint (sverka_key_table_intern (&t, "s:4999x", 6), ==, 4999);
  /* a new key gets the next number, also a longer one whose start is known */
  g_assert_cmpuint (sverka_key_table_intern (&t, "s:4999x", 7), ==, N_KEYS);
  g_assert_cmpuint (sverka_key_table_intern (&t, "s", 1), ==, N_KEYS + 1);
  g_assert_cmpstr (sverka_key_table_key (&t, N_KEYS), ==, "s:4999x");
  sverka_key_table_clear (&t);
  g_assert_cmpuint (sverka_key_table_size (&t), ==, 0);
  g_assert_null (t.slots);
  /* usable again after clearing */
  g_assert_cmpuint (sverka_key_table_intern (&t, "s:1", 3), ==, 0);
  sverka_key_table_clear (&t);
}

/* Keys of other lengths and scripts, and the empty key */
static void
test_kinds (void)
{
  SverkaKeyTable t = { 0 };
  const char *keys[] = { "", "r:встреч", "c:stolt", "#1000000", "s:nato", "r:встреча" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpuint (sverka_key_table_intern (&t, keys[i], strlen (keys[i])), ==, i);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++) {
    g_assert_cmpuint (sverka_key_table_intern (&t, keys[i], strlen (keys[i])), ==, i);
    g_assert_cmpstr (sverka_key_table_key (&t, i), ==, keys[i]);
  }
  sverka_key_table_clear (&t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/key-table/many", test_many);
  g_test_add_func ("/key-table/kinds", test_kinds);
  return g_test_run ();
}
