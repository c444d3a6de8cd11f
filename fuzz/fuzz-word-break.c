/* fuzz-word-break.c: libFuzzer harness for the words of simple text
 * (align/sverka-word-break.c) against ICU's word break, which they stand
 * in for.
 *
 * Input: text. Invalid UTF-8 is left out (the loader refuses it before
 * any word break). Properties:
 * - when the scan takes the text, its words are exactly ICU's spans of a
 *   letter's or a number's status, with a number's status where ICU gives
 *   one, in both locales sverka opens (ru, en);
 * - when it refuses the text, it leaves the words found before as they
 *   were.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sverka-word-break-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static UBreakIterator *iterators[2];

static void
check_with (UBreakIterator *bi, const char *text, gsize len, const GArray *spans)
{
  static const UChar no_text[1] = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  guint k = 1; /* spans[0] is the one put there before */
  int32_t prev, pos;

  utext_openUTF8 (&ut, text, (int64_t) len, &status);
  ubrk_setUText (bi, &ut, &status);
  fuzz_check (U_SUCCESS (status));
  prev = ubrk_first (bi);
  for (pos = ubrk_next (bi); pos != UBRK_DONE; prev = pos, pos = ubrk_next (bi)) {
    int32_t rule = ubrk_getRuleStatus (bi);
    const SverkaWordSpan *s;
    if (rule < UBRK_WORD_NONE_LIMIT)
      continue;
    fuzz_check (k < spans->len);
    s = &g_array_index (spans, SverkaWordSpan, k++);
    fuzz_check (s->start == (gsize) prev && s->end == (gsize) pos);
    fuzz_check (s->number == (rule < UBRK_WORD_NUMBER_LIMIT));
  }
  fuzz_check (k == spans->len);
  ubrk_setText (bi, no_text, 0, &status);
  utext_close (&ut);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (SverkaWordSpan));
  SverkaWordSpan before = { 7, 9, TRUE };

  if (iterators[0] == NULL) {
    const char *locales[2] = { "ru", "en" };
    for (guint i = 0; i < 2; i++) {
      UErrorCode status = U_ZERO_ERROR;
      iterators[i] = ubrk_open (UBRK_WORD, locales[i], NULL, 0, &status);
      fuzz_check (U_SUCCESS (status));
    }
  }
  if (!g_utf8_validate_len (text, size, NULL))
    return 0;
  g_array_append_val (spans, before);
  if (!sverka_word_break_simple (text, size, spans)) {
    fuzz_check (spans->len == 1);
  } else {
    for (guint i = 0; i < 2; i++)
      check_with (iterators[i], text, size, spans);
  }
  fuzz_check (g_array_index (spans, SverkaWordSpan, 0).start == 7);
  return 0;
}
