/* fuzz-office.c: libFuzzer harness for the DOCX and ODT readers
 * (sverka-input-office.c, sverka-input-zip.c, sverka-input-blocks.c).
 *
 * Input: one byte, then the rest. Byte 0 (mod 3): the rest is
 *   0: word/document.xml of a DOCX the harness packs in a ZIP archive;
 *   1: content.xml of an ODT (with the ODT mimetype member first);
 *   2: the whole file, read as it is (a ZIP archive or anything else).
 * Loading either fails with an SVERKA_ERROR or gives a document whose
 * sentences lie in order within its text, are valid UTF-8 with no control
 * characters once cleaned, and each know their element path.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>
#include <zip.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static guint runs;

/* A ZIP archive holding @n members (names and contents), stored
 * uncompressed. Returns: (transfer full), or NULL. */
static GBytes *
pack (const char *const *names, const char *const *contents, const gsize *lens, guint n)
{
  zip_error_t zerr;
  zip_source_t *src, *out_src;
  zip_t *zip;
  zip_stat_t st;
  GBytes *bytes = NULL;

  zip_error_init (&zerr);
  out_src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  zip_source_keep (out_src);
  zip = zip_open_from_source (out_src, ZIP_TRUNCATE, &zerr);
  zip_error_fini (&zerr);
  if (zip == NULL) {
    zip_source_free (out_src);
    return NULL;
  }
  for (guint i = 0; i < n; i++) {
    src = zip_source_buffer (zip, contents[i], lens[i], 0);
    if (src == NULL || zip_file_add (zip, names[i], src, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free (src);
      zip_discard (zip);
      zip_source_free (out_src);
      return NULL;
    }
  }
  if (zip_close (zip) == 0 && zip_source_stat (out_src, &st) == 0 && zip_source_open (out_src) == 0) {
    char *buf = g_malloc (st.size + 1);
    zip_int64_t got = zip_source_read (out_src, buf, st.size);
    zip_source_close (out_src);
    if (got == (zip_int64_t) st.size)
      bytes = g_bytes_new_take (buf, st.size);
    else
      g_free (buf);
  }
  zip_source_free (out_src);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GBytes) file = NULL;
  gsize file_len;
  const char *file_data;

  if (size < 1)
    return 0;
  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  switch (data[0] % 3) {
  case 0: {
    const char *names[] = { "word/document.xml" };
    const char *contents[] = { (const char *) data + 1 };
    gsize lens[] = { size - 1 };
    file = pack (names, contents, lens, 1);
    break;
  }
  case 1: {
    static const char mime[] = "application/vnd.oasis.opendocument.text";
    const char *names[] = { "mimetype", "content.xml" };
    const char *contents[] = { mime, (const char *) data + 1 };
    gsize lens[] = { sizeof mime - 1, size - 1 };
    file = pack (names, contents, lens, 2);
    break;
  }
  default:
    file = g_bytes_new (data + 1, size - 1);
    break;
  }
  if (file == NULL)
    return 0;
  file_data = g_bytes_get_data (file, &file_len);
  doc = sverka_document_new_from_data (ctx, "fuzz.docx", file_data, file_len, NULL, &error);
  if (doc == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    return 0;
  }
  fuzz_check_read_document (doc, data[0] % 3 != 2 ? "" : NULL);
  return 0;
}
