/* sverka-word-break-private.h: the words of a sentence without ICU, where
 * ICU's word break (the root rules of Unicode's UAX #29 as ICU tailors them)
 * reduces to a few rules: text of ASCII and Russian letters, digits, spaces
 * and common punctuation. Most sentences of Russian and English news are
 * such text; ICU's break iterator took about 6% of the time of aligning
 * two 27.8k-line documents, and this scan gives the same words in a
 * fraction of it. Any other text (other letters or marks, an underscore or
 * "@", which join words, a letter next to a digit, whose token's status
 * ICU gives by its own last rule) is refused, and the caller asks ICU. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start, end; /* byte span in the text, [start, end) */
  gboolean number;  /* ICU's status would be a number's (digits only) */
} SverkaWordSpan;

/* Appends to @out (of SverkaWordSpan) the words of the @len bytes at @text
 * (valid UTF-8), as ICU's word break gives the spans whose status is a
 * letter's or a number's, and returns TRUE; or returns FALSE, with @out as
 * it was, when the text holds a character outside the simple set (see
 * above). */
gboolean sverka_word_break_simple (const char *text, gsize len, GArray *out);

G_END_DECLS
