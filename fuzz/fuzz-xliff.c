/* fuzz-xliff.c: libFuzzer harness for the XLIFF reader (sverka-xliff.c) and
 * the alignment of given units (sverka_align_units()).
 *
 * Input: the bytes of a file. Reading fails with an SVERKA_ERROR or gives
 * two documents whose sentences all know their unit, and units that hold
 * every sentence of each side once; aligned as given (no lexicon), every
 * sentence of each side is in exactly one row, in order, and each row's
 * score is a probability; the notes and their TSV are made without fault.
 */
#include "fuzz-common.h"

#include <math.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static guint runs;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaBilingual) bi = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autofree char *tsv = NULL;
  SverkaDocument *ru, *en;
  guint next_ru = 0, next_en = 0;

  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  bi = sverka_bilingual_new_from_data (ctx, "fuzz.xlf", (const char *) data, size, &error);
  if (bi == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    return 0;
  }
  ru = sverka_bilingual_get_ru (bi);
  en = sverka_bilingual_get_en (bi);
  for (guint i = 0; i < sverka_document_get_n_sentences (ru); i++)
    fuzz_check (sverka_document_get_sentence_origin (ru, i) != NULL);
  for (guint i = 0; i < sverka_document_get_n_sentences (en); i++)
    fuzz_check (sverka_document_get_sentence_origin (en, i) != NULL);
  al = sverka_bilingual_align (bi, NULL, &error);
  if (al == NULL) {
    /* Analysis may refuse what it cannot read; the units always fit. */
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR
                && error->code != SVERKA_ERROR_INVALID_ARGUMENT);
    return 0;
  }
  for (guint k = 0; k < sverka_alignment_get_n_beads (al); k++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, k);
    fuzz_check (b->score >= 0.0 && b->score <= 1.0 && !isnan (b->score));
    for (guint x = 0; x < b->n_ru; x++)
      fuzz_check (b->ru[x] == next_ru++);
    for (guint y = 0; y < b->n_en; y++)
      fuzz_check (b->en[y] == next_en++);
  }
  fuzz_check (next_ru == sverka_document_get_n_sentences (ru));
  fuzz_check (next_en == sverka_document_get_n_sentences (en));
  notes = sverka_notes_new (NULL, al, ru, en, &error);
  fuzz_check (notes != NULL);
  tsv = sverka_write_notes_tsv (notes, ru, en);
  fuzz_check (g_utf8_validate (tsv, -1, NULL));
  return 0;
}
