/* fuzz-pdf.c: libFuzzer harness for the PDF reader (sverka-input-pdf.c,
 * through poppler).
 *
 * Input: the bytes of a file, read by content. Loading fails with an
 * SVERKA_ERROR or gives a document whose sentences lie in order within its
 * text, are valid UTF-8 with no control characters once cleaned, and each
 * know their page. The seeds (scripts/fuzz-seeds.py) are small PDFs, so
 * that most inputs keep the "%PDF-" that sends them to the reader.
 */
#include "fuzz-common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static guint runs;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) doc = NULL;

  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  doc = sverka_document_new_from_data (ctx, "fuzz.pdf", (const char *) data, size, NULL, &error);
  if (doc == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    return 0;
  }
  fuzz_check_read_document (
      doc, g_strcmp0 (sverka_document_get_format (doc), "pdf") == 0 ? "page[" : NULL);
  return 0;
}
