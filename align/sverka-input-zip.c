/* sverka-input-zip.c: one member of a ZIP archive held in memory, read with
 * libzip (DOCX and ODT are ZIP archives of XML). */
#include "sverka-input-office-private.h"

#include <string.h>
#include <zip.h>

#include "sverka-error.h"

gboolean
sverka_input_is_zip (const char *data, gsize len)
{
  return len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

char *
sverka_input_zip_read (const char *data, gsize len, const char *member, gsize *out_len,
                       const char *name, GError **error)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *zip;
  zip_stat_t st;
  zip_file_t *f;
  char *out = NULL;
  zip_int64_t got = 0;

  *out_len = 0;
  zip_error_init (&zerr);
  src = zip_source_buffer_create (data, len, 0, &zerr);
  zip = src != NULL ? zip_open_from_source (src, ZIP_RDONLY, &zerr) : NULL;
  if (zip == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: a ZIP archive that cannot be read (%s); save the document again, or as "
                 "plain text (UTF-8)",
                 name, zip_error_strerror (&zerr));
    if (src != NULL)
      zip_source_free (src);
    zip_error_fini (&zerr);
    return NULL;
  }
  zip_error_fini (&zerr);
  zip_stat_init (&st);
  if (zip_stat (zip, member, 0, &st) != 0) {
    zip_discard (zip);
    return NULL;
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > SVERKA_INPUT_ZIP_MAX) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: %s is larger than %u MB unpacked; give the text as a plain UTF-8 file",
                 name, member, SVERKA_INPUT_ZIP_MAX / (1024 * 1024));
    zip_discard (zip);
    return NULL;
  }
  f = zip_fopen (zip, member, 0);
  if (f != NULL) {
    out = g_malloc ((gsize) st.size + 1);
    got = zip_fread (f, out, st.size);
    zip_fclose (f);
  }
  zip_discard (zip);
  if (f == NULL || got < 0 || (zip_uint64_t) got != st.size) {
    g_free (out);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: %s cannot be unpacked (a damaged or encrypted archive); save the document "
                 "again, or as plain text (UTF-8)",
                 name, member);
    return NULL;
  }
  out[st.size] = '\0';
  *out_len = (gsize) st.size;
  return out;
}
