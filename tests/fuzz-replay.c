/* fuzz-replay.c: runs a libFuzzer harness (fuzz/fuzz-*.c) without libFuzzer,
 * once over each file given or each file of each folder given, so that the
 * regression inputs in tests/regress/fuzz-NAME/ run in the normal and the
 * sanitizer builds (with gcc too). Prints TAP; a broken property aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint n_run;

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error)) {
    printf ("not ok %u - %s: %s\n", ++n_run, path, error->message);
    return;
  }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  printf ("ok %u - %s\n", ++n_run, path);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++) {
    if (g_file_test (argv[i], G_FILE_TEST_IS_DIR)) {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint k = 0; k < names->len; k++)
        run_file (g_ptr_array_index (names, k));
    } else {
      run_file (argv[i]);
    }
  }
  printf ("1..%u\n", n_run);
  return 0;
}
