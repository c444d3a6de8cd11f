/* sverka-review.h: a translator's decisions on a comparable alignment.
 *
 * The HTML report's review editor (comparable mode) exports them as a
 * review file, JSON Lines:
 *
 *   {"sverka_review":1,"report":"ru","ru_sentences":18,"en_sentences":119,
 *    "ru_sha256":"…","en_sha256":"…"}
 *   {"report_id":3,"links":[11,27]}
 *   {"report_id":9,"links":[]}
 *
 * The first line names the documents: their sentence counts and the SHA-256
 * of their bytes as read (sverka_review_digest()), so that a review is never
 * applied to other texts or to other sentence splits. The keys name the
 * pair's two languages by their codes, the names of their language packs
 * (two or three lower-case letters): for German and French
 *
 *   {"sverka_review":1,"report":"de","de_sentences":5,"fr_sentences":6,
 *    "de_sha256":"…","fr_sha256":"…"}
 *
 * "report" is the report's language, one of the two. The HTML report's
 * editor writes the pair's first language first; the reader takes the
 * codes from the "<code>_sentences" members, in either order.
 *
 * Each later line is the
 * translator's last word on one report sentence (1-based, as in the TSV):
 * the source sentences (1-based) that support it, none meaning "no support
 * in the source". A report sentence given twice takes its last line; one
 * not given keeps sverka's links. Unknown members are ignored, so that later
 * versions may add some.
 *
 * sverka_align_reviewed() (sverka-align.h) aligns with the decisions.
 */
#pragma once

#include <glib.h>

#include "sverka-document.h"
#include "sverka-language.h"

G_BEGIN_DECLS

typedef struct _SverkaReview SverkaReview;

/* Reads the review in the @len bytes @data; @name (the file's, for the
 * messages) is copied.
 * Returns: (transfer full) the review, or NULL with @error set naming @name,
 * the line and what is wrong (SVERKA_ERROR_FORMAT, or SVERKA_ERROR_ENCODING
 * for bytes that are not UTF-8). */
SverkaReview *sverka_review_new_from_data (const char *data, gsize len, const char *name,
                                           GError **error);
/* The same for the file at @path ("-" is not read: pass the data). */
SverkaReview *sverka_review_new_from_file (const char *path, GError **error);
void sverka_review_free (SverkaReview *review);

/* The report's language: SVERKA_LANGUAGE_FIRST or _SECOND (alias RU or
 * EN), a side of the pair sverka_review_get_language_code() gives. */
SverkaLanguage sverka_review_get_report_language (SverkaReview *review);

/* Returns: (transfer none) the code of the review's language @lang
 * (SVERKA_LANGUAGE_FIRST or _SECOND): "ru", "de"... valid as long as
 * @review. Before sverka_review_check() the first is the language whose
 * sentence count comes first in the header (the pair's first, as the HTML
 * report's editor writes it); once it has passed, the languages are in the
 * documents' order. */
const char *sverka_review_get_language_code (SverkaReview *review, SverkaLanguage lang);

/* Checks that @ru and @en (the documents of the pair's first and second
 * language) are the documents the review was made on: the pair's
 * languages (sverka_context_get_language_code(), in either order: the
 * review's sides are then put in the pair's order), the sentence counts
 * and digests; and that every id is in range. The error (SVERKA_ERROR_FORMAT)
 * says which and what to do: a review made for another pair names that
 * pair ("align ... with --langs de,fr"). */
gboolean sverka_review_check (SverkaReview *review, SverkaDocument *ru, SverkaDocument *en,
                              GError **error);

/* The decisions, one per report sentence decided, by report sentence. */
guint sverka_review_get_n_decisions (SverkaReview *review);
/* Decision @i: *@report gets its report sentence (0-based), *@n_links the
 * number of source sentences linked (0: no support).
 * Returns: (transfer none) (nullable) those sentences (0-based, ascending,
 * each once), valid as long as @review. */
const guint *sverka_review_get_decision (SverkaReview *review, guint i, guint *report,
                                         guint *n_links);

/* Returns: (transfer full) the SHA-256 of @doc's bytes as read
 * (sverka_document_get_data()), in lower-case hex: what a review file's
 * header holds. */
char *sverka_review_digest (SverkaDocument *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaReview, sverka_review_free)

G_END_DECLS
