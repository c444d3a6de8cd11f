/* sverka-image.c: the pieces every compiled file shares (see
 * sverka-image-private.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "sverka-error.h"
#include "sverka-image-private.h"

gboolean
sverka_image_hash_file (const char *path, guint64 *size, guint64 *hash, GError **error)
{
  guint8 buf[65536];
  guint64 h = 14695981039346656037u, n = 0;
  FILE *f = fopen (path, "rb");
  size_t got;

  if (f == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot open: %s", path,
                 g_strerror (errno));
    return FALSE;
  }
  while ((got = fread (buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < got; i++)
      h = (h ^ buf[i]) * 1099511628211u;
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
