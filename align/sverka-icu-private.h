/* sverka-icu-private.h: one wrapper per foreign library.
 *
 * Cleanup functions for the handles of ICU, hunspell and libstemmer, and the
 * conversion of their failures into GError.
 */
#pragma once

#include <glib.h>
#include <hunspell/hunspell.h>
#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

G_BEGIN_DECLS

typedef struct sb_stemmer SverkaSbStemmer;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UBreakIterator, ubrk_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaSbStemmer, sb_stemmer_delete)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hunhandle, Hunspell_destroy)

/* Returns TRUE if @status is a success; otherwise sets @error to
 * "@what: ICU error NAME" and returns FALSE. */
gboolean sverka_icu_check (UErrorCode status, const char *what, GError **error);

G_END_DECLS
