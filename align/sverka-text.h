/* sverka-text.h: text normalisation for matching.
 *
 * sverka never changes the text it quotes: sentences are byte spans of the
 * input. What is normalised is the form used to compare words.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SVERKA_NORMALIZE_NFC = 0,              /* always done: Unicode NFC */
  SVERKA_NORMALIZE_FOLD_CASE = 1 << 0,   /* Unicode default case folding */
  SVERKA_NORMALIZE_FOLD_QUOTES = 1 << 1, /* ’ ‘ ` ´ ʼ ′ -> ', “ ” „ « » ″ -> " */
  SVERKA_NORMALIZE_FOLD_YO = 1 << 2,     /* ё -> е, Ё -> Е */
  SVERKA_NORMALIZE_FOR_MATCHING = SVERKA_NORMALIZE_FOLD_CASE | SVERKA_NORMALIZE_FOLD_QUOTES
                                  | SVERKA_NORMALIZE_FOLD_YO,
} SverkaNormalizeFlags;

/* Normalises UTF-8 @text (@len bytes, or -1 if NUL-terminated). The result
 * does not depend on the locale.
 * Returns: (transfer full) the normalised text, or NULL with @error set if
 * @text is not valid UTF-8 or ICU fails. */
char *sverka_normalize (const char *text, gssize len, SverkaNormalizeFlags flags, GError **error);

G_END_DECLS
