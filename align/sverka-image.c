/* sverka-image.c: the pieces every compiled file shares (see
 * sverka-image-private.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-image-private.h"

gboolean
sverka_image_hash_file (const char *path, guint64 *size, guint64 *hash, GError **error)
{
  guint8 buf[65536];
  guint64 h = SVERKA_IMAGE_FNV64_SEED, n = 0;
  FILE *f = fopen (path, "rb");
  size_t got;

  if (f == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot open: %s", path,
                 g_strerror (errno));
    return FALSE;
  }
  while ((got = fread (buf, 1, sizeof buf, f)) > 0) {
    h = sverka_image_fnv64 (h, buf, got);
    n += got;
  }
  if (ferror (f)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read: %s", path,
                 g_strerror (errno));
    fclose (f);
    return FALSE;
  }
  fclose (f);
  *size = n;
  *hash = h;
  return TRUE;
}

guint64
sverka_image_append_section (GByteArray *out, gconstpointer data, gsize len)
{
  static const guint8 zeros[8] = { 0 };
  guint64 off;
  if (out->len % 8 != 0)
    g_byte_array_append (out, zeros, 8 - out->len % 8);
  off = out->len;
  if (len > 0)
    g_byte_array_append (out, data, (guint) len);
  return off;
}

gboolean
sverka_image_section_ok (guint64 off, guint64 n, guint64 size, guint64 align, guint64 len)
{
  return off % align == 0 && off <= len && n <= (len - off) / size;
}

gint
sverka_image_sources_differ (const char *sources, guint32 n_sources, const char *names,
                             const char *const *paths, guint n_paths)
{
  for (guint i = 0; i < MAX (n_paths, n_sources); i++) {
    g_autofree char *name = NULL;
    SverkaImageSource s;
    guint64 size = 0, hash = 0;
    if (i >= n_paths || i >= n_sources)
      return (gint) MIN (i, n_paths);
    memcpy (&s, sources + i * sizeof s, sizeof s);
    name = g_path_get_basename (paths[i]);
    if (strcmp (name, names + s.name) != 0
        || !sverka_image_hash_file (paths[i], &size, &hash, NULL) || size != s.size
        || hash != s.hash)
      return (gint) i;
  }
  return -1;
}
