/* sverka-sentence-break-private.h: ICU's sentence breaks in simple text
 * without ICU, where its rules (Unicode's UAX #29 sentence rules, which
 * ICU's root rules follow) reduce to a few: text of ASCII and Russian
 * letters, digits, spaces and common punctuation. ICU's sentence break
 * iterator took about 5% of the time of aligning two 27.8k-line documents.
 * Any other text (other letters, marks, control characters, line or
 * paragraph separators) is refused, and the caller asks ICU. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends to @breaks (of gsize) the offsets strictly inside the @len bytes
 * at @text (valid UTF-8) where ICU's sentence break iterator breaks, in
 * order, and returns TRUE; or returns FALSE, with @breaks as it was, when
 * the text holds a character outside the simple set. */
gboolean sverka_sentence_break_simple (const char *text, gsize len, GArray *breaks);

G_END_DECLS
