/* sverka-input-pdf-private.h: the text of a PDF document
 * (sverka-input-pdf.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @len bytes of @data are a PDF document: "%PDF-" in the first
 * kilobyte, as PDF readers take it. */
gboolean sverka_input_is_pdf (const char *data, gsize len);

/* The text of the PDF document in @data (@len bytes), read with poppler, as
 * sverka reads a text file: one line per paragraph, a blank line between
 * paragraphs, words hyphenated at line ends joined, running headers,
 * footers and page numbers left out (see sverka-input-pdf.c). Appends to
 * @origins (char *, owned) the page and paragraph of each line
 * ("page[3]/p[2]"), "" for the blank lines. Returns: (transfer full) the
 * text ("" for a document with no text layer), or NULL with @error set
 * (naming @name): a damaged or password-protected document. */
char *sverka_input_pdf_to_text (const char *data, gsize len, const char *name,
                                GPtrArray *origins, GError **error);

G_END_DECLS
