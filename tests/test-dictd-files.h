/* test-dictd-files.h: dictd dictionaries written for the importers' tests
 * (tests/test-dictd.c, Mueller's layout; tests/test-freedict.c, FreeDict's):
 * an index of "headword<TAB>offset<TAB>length" lines in dictd's base64 and
 * the articles, plain (.dict) or gzip (.dict.dz), as dictfmt writes them. */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  const char *headword; /* as dictfmt indexes it (folded case...) */
  const char *article;
} TestDictdEntry;

/* Appends @v in dictd's base64 (A-Z a-z 0-9 + /). */
static inline void
test_dictd_append_number (GString *out, guint64 v)
{
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char buf[16];
  int n = 0;

  do {
    buf[n++] = digits[v % 64];
    v /= 64;
  } while (v > 0);
  while (n > 0)
    g_string_append_c (out, buf[--n]);
}

/* Writes @len bytes of @data as DIR/NAME; asserts success. */
static inline void
test_dictd_write_file (const char *dir, const char *name, const char *data, gsize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* Returns: (transfer full) @len bytes of @data compressed with gzip. */
static inline GBytes *
test_dictd_gzip (const char *data, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (gzip));

  g_output_stream_write_all (out, data, len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

/* Writes @entries (@n) as DIR/NAME.index and DIR/NAME.dict (or, if
 * @compressed, NAME.dict.dz): the articles back to back in the index's
 * order, each followed by a line break outside its range if @separated
 * (dictfmt's separator). */
static inline void
test_dictd_write (const char *dir, const char *name, const TestDictdEntry *entries, guint n,
                  gboolean separated, gboolean compressed)
{
  g_autoptr (GString) data = g_string_new (NULL);
  g_autoptr (GString) index = g_string_new (NULL);
  g_autofree char *index_name = g_strconcat (name, ".index", NULL);
  g_autofree char *data_name = g_strconcat (name, compressed ? ".dict.dz" : ".dict", NULL);

  for (guint i = 0; i < n; i++) {
    g_string_append_printf (index, "%s\t", entries[i].headword);
    test_dictd_append_number (index, data->len);
    g_string_append_c (index, '\t');
    test_dictd_append_number (index, strlen (entries[i].article));
    g_string_append_c (index, '\n');
    g_string_append (data, entries[i].article);
    if (separated)
      g_string_append_c (data, '\n');
  }
  test_dictd_write_file (dir, index_name, index->str, index->len);
  if (compressed) {
    g_autoptr (GBytes) gz = test_dictd_gzip (data->str, data->len);
    gsize len;
    const char *bytes = g_bytes_get_data (gz, &len);
    test_dictd_write_file (dir, data_name, bytes, len);
  } else {
    test_dictd_write_file (dir, data_name, data->str, data->len);
  }
}

/* Removes the files of @dir, then @dir. */
static inline void
test_dictd_remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL) {
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_remove (path);
  }
  g_rmdir (dir);
}

/* Returns: (transfer full) the entry lines of @lexicon (not the comments). */
static inline char *
test_dictd_pairs_of (const char *lexicon)
{
  g_auto (GStrv) lines = g_strsplit (lexicon, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++) {
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_string_append_printf (out, "%s\n", lines[i]);
  }
  return g_string_free (out, FALSE);
}
