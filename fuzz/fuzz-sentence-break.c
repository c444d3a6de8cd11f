/* fuzz-sentence-break.c: libFuzzer harness for the sentence breaks of
 * simple text (align/sverka-sentence-break.c) against ICU's sentence break,
 * which they stand in for.
 *
 * Input: text. Invalid UTF-8 is left out (the loader refuses it before
 * any segmentation). Properties:
 * - when the scan takes the text, its breaks are exactly ICU's strictly
 *   inside the text, in both locales sverka opens (ru, en);
 * - when it refuses the text, it leaves the breaks found before as they
 *   were.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sverka-sentence-break-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static UBreakIterator *iterators[2];

static void
check_with (UBreakIterator *bi, const char *text, gsize len, const GArray *breaks)
{
  static const UChar no_text[1] = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  guint k = 1; /* breaks[0] is the one put there before */

  utext_openUTF8 (&ut, text, (int64_t) len, &status);
  ubrk_setUText (bi, &ut, &status);
  fuzz_check (U_SUCCESS (status));
  for (int32_t pos = ubrk_first (bi); pos != UBRK_DONE; pos = ubrk_next (bi)) {
    if (pos <= 0 || (gsize) pos >= len)
      continue;
    fuzz_check (k < breaks->len);
    fuzz_check (g_array_index (breaks, gsize, k++) == (gsize) pos);
  }
  fuzz_check (k == breaks->len);
  ubrk_setText (bi, no_text, 0, &status);
  utext_close (&ut);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  g_autoptr (GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize before = 12345;

  if (iterators[0] == NULL) {
    const char *locales[2] = { "ru", "en" };
    for (guint i = 0; i < 2; i++) {
      UErrorCode status = U_ZERO_ERROR;
      iterators[i] = ubrk_open (UBRK_SENTENCE, locales[i], NULL, 0, &status);
      fuzz_check (U_SUCCESS (status));
    }
  }
  if (!g_utf8_validate_len (text, size, NULL))
    return 0;
  g_array_append_val (breaks, before);
  if (!sverka_sentence_break_simple (text, size, breaks)) {
    fuzz_check (breaks->len == 1);
  } else {
    for (guint i = 0; i < 2; i++)
      check_with (iterators[i], text, size, breaks);
  }
  fuzz_check (g_array_index (breaks, gsize, 0) == before);
  return 0;
}
