/* sverka-bilingual.h: a bilingual file, the source and target of a CAT
 * tool's segments in one file (XLIFF 1.2 and 2.x), read as two documents
 * and the units that pair them: checked for discrepancies as given, the
 * quality check of a translation memory's export or a translator's work,
 * rather than realigned (sverka-xliff.c). */
#pragma once

#include <glib.h>

#include "sverka-align.h"
#include "sverka-context.h"
#include "sverka-document.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef struct _SverkaBilingual SverkaBilingual;

/* Whether @len bytes of @data are an XLIFF file: markup from the start
 * (after a byte order mark and white space) with an <xliff> element in its
 * first kilobyte. */
gboolean sverka_bilingual_is_xliff (const char *data, gsize len);

/* Reads the XLIFF file in @data (@len bytes), named @name in messages.
 * Each segment (XLIFF 2: <segment>; 1.2: <trans-unit>, or each
 * <mrk mtype="seg"> of its <seg-source>) is a unit of one Russian and one
 * English sentence, whichever of source and target is which (the file's
 * languages, or the script of its text when it names none); a segment
 * without target text is a unit of its source sentence alone. Units marked
 * translate="no" are left out. Inline markup keeps its text (<g>, <pc>,
 * <mrk>) and drops codes (<x/>, <ph>, <bpt>, ...). The documents are loaded
 * as sverka_document_new_from_lines() loads them (a sentence per segment,
 * numbered in order on each side), and each sentence's origin
 * (sverka_document_get_sentence_origin()) is its unit: "unit[ID]" or
 * "unit[ID]/segment[ID]" (XLIFF 1.2: "trans-unit[ID]", "trans-unit[ID]/mrk[MID]").
 * Returns: (transfer full) the file, or NULL with @error set (naming @name):
 * not XLIFF, not well-formed, other languages than Russian and English, or
 * no segment with text. */
SverkaBilingual *sverka_bilingual_new_from_data (SverkaContext *ctx, const char *name,
                                                 const char *data, gsize len, GError **error);
/* The same, read from the file @path. */
SverkaBilingual *sverka_bilingual_new_from_file (SverkaContext *ctx, const char *path,
                                                 GError **error);
void sverka_bilingual_free (SverkaBilingual *bilingual);

/* Returns: (transfer none) the Russian and the English side, valid as long
 * as @bilingual. */
SverkaDocument *sverka_bilingual_get_ru (SverkaBilingual *bilingual);
SverkaDocument *sverka_bilingual_get_en (SverkaBilingual *bilingual);
/* The language of the file's source side. */
SverkaLanguage sverka_bilingual_get_source_language (SverkaBilingual *bilingual);
/* The number of segments read, and of those left out (translate="no"). */
guint sverka_bilingual_get_n_units (SverkaBilingual *bilingual);
guint sverka_bilingual_get_n_left_out (SverkaBilingual *bilingual);

/* Returns: (transfer none) the units, in order (*@n_units of them; each
 * of at most one sentence a side), valid as long as @bilingual. */
const SverkaBilingualUnit *sverka_bilingual_get_units (SverkaBilingual *bilingual,
                                                       guint *n_units);

/* The alignment of the units as given (sverka_align_units()), @lex
 * nullable. Returns: (transfer full) the alignment, or NULL with @error set. */
SverkaAlignment *sverka_bilingual_align (SverkaBilingual *bilingual, SverkaLexicon *lex,
                                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaBilingual, sverka_bilingual_free)

G_END_DECLS
