/* sverka-document.h: a loaded, trimmed, segmented and analysed text.
 *
 * Loading validates the bytes (UTF-8, no NUL, not UTF-16/32), strips a UTF-8
 * byte order mark, accepts LF and CRLF line ends, sets aside page furniture
 * (see "Trimming" below) and splits the main text into sentences. Word
 * analysis (tokens, stems, lemmas, spelling) is a separate step,
 * sverka_document_analyze(), because hunspell is costly to open.
 *
 * All positions are byte offsets into the document's data, which is the
 * input exactly as read (byte order mark included), so output can always
 * quote the input.
 *
 * Trimming: the main text is found as the best-scoring run of lines, where
 * lines that read like prose (sentence punctuation, stop words) score up
 * and headline-like lines (no final punctuation, few stop words) score down;
 * title and dateline lines just above it that share its words are kept.
 * Lines outside it are "trimmed": kept in the line table with trimmed = TRUE,
 * counted, and never segmented. keep_all turns trimming off.
 */
#pragma once

#include <glib.h>

#include "sverka-context.h"
#include "sverka-language.h"
#include "sverka-token.h"

G_BEGIN_DECLS

typedef struct _SverkaDocument SverkaDocument;

typedef struct {
  SverkaLanguage language; /* AUTO: detect from the script */
  gboolean keep_all;       /* do not trim page furniture */
  /* How to read the bytes: NULL or "auto" by their content; "text", "html",
   * "docx", "odt" or "pdf" as that, whatever they look like (a file that is
   * not of that kind is an error; with sverka_document_new_from_lines(),
   * only "text" applies). Not owned. */
  const char *format;
} SverkaLoadOptions;

void sverka_load_options_init (SverkaLoadOptions *options);

typedef struct {
  gsize start, end; /* byte span without the line end */
  guint number;     /* 1-based line number */
  gboolean blank;   /* only white space */
  gboolean trimmed; /* set aside as page furniture */
} SverkaLine;

typedef struct {
  gsize start, end;       /* byte span without surrounding white space */
  guint line;             /* 1-based line number of the first byte */
  guint paragraph;        /* 0-based paragraph index */
  guint first_token;      /* index of the first token (after analysis) */
  guint n_tokens;         /* number of tokens (0 before analysis) */
} SverkaSentence;

/* Reads and loads @path; "-" is not special here (the CLI reads standard
 * input and calls sverka_document_new_from_data()).
 * Returns: (transfer full) the document, or NULL with @error set; messages
 * start with @path. */
SverkaDocument *sverka_document_new_from_file (SverkaContext *ctx,
                                               const char *path,
                                               const SverkaLoadOptions *options,
                                               GError **error);

/* Loads @len bytes of @data (copied), naming it @name in messages.
 * Returns: (transfer full) the document, or NULL with @error set. */
SverkaDocument *sverka_document_new_from_data (SverkaContext *ctx,
                                               const char *name,
                                               const char *data,
                                               gsize len,
                                               const SverkaLoadOptions *options,
                                               GError **error);

/* Text already split into sentences, as hunalign, vecalign and Bertalign
 * take it: one sentence per line, a blank line a paragraph break. Nothing
 * is trimmed or segmented; a sentence's id in every output
 * (sverka_document_get_sentence_id()) is its line number. @options' keep_all
 * is ignored. Otherwise as sverka_document_new_from_data() and
 * sverka_document_new_from_file().
 * Returns: (transfer full) the document, or NULL with @error set. */
SverkaDocument *sverka_document_new_from_lines (SverkaContext *ctx,
                                                const char *name,
                                                const char *data,
                                                gsize len,
                                                const SverkaLoadOptions *options,
                                                GError **error);
SverkaDocument *sverka_document_new_from_lines_file (SverkaContext *ctx,
                                                     const char *path,
                                                     const SverkaLoadOptions *options,
                                                     GError **error);

void sverka_document_free (SverkaDocument *doc);

/* Tokenises every sentence with ICU word break and analyses each distinct
 * word once (case fold, Snowball stem, hunspell lemma and spelling). Opens
 * hunspell and the stemmer of the document's language on first use; fails
 * with a message naming the Debian package if they are missing. Calling it
 * again does nothing. */
gboolean sverka_document_analyze (SverkaDocument *doc, GError **error);

/* Returns: (transfer none) the name given at loading. */
const char *sverka_document_get_name (SverkaDocument *doc);
/* Returns: (transfer none) the bytes as read; *@len gets their number. */
const char *sverka_document_get_data (SverkaDocument *doc, gsize *len);
SverkaLanguage sverka_document_get_language (SverkaDocument *doc);
/* Returns: (transfer none) the code of the document's language in its
 * context's pair ("ru", "de"): its outputs' column names. */
const char *sverka_document_get_language_code (SverkaDocument *doc);
/* Returns: (transfer none) its English name ("Russian", "German"), from
 * its language pack. */
const char *sverka_document_get_language_name (SverkaDocument *doc);
/* The share of Cyrillic among the Cyrillic and Latin letters of the text. */
double sverka_document_get_cyrillic_share (SverkaDocument *doc);
/* The language the script of the letters says, whatever language the
 * document was loaded as: RU if most of its Cyrillic and Latin letters are
 * Cyrillic, EN if most are Latin, AUTO if it has none. A caller can warn
 * when this is not the language it asked for (files swapped, or both in one
 * language); sverka itself aligns as asked. */
SverkaLanguage sverka_document_get_detected_language (SverkaDocument *doc);

guint sverka_document_get_n_lines (SverkaDocument *doc);
/* Returns: (transfer none) line @i (0-based). */
const SverkaLine *sverka_document_get_line (SverkaDocument *doc, guint i);
/* Number of non-blank lines set aside as page furniture. */
guint sverka_document_get_n_trimmed (SverkaDocument *doc);

guint sverka_document_get_n_sentences (SverkaDocument *doc);
/* What the input was: "text"; "html", "docx", "odt" or "pdf" for a
 * document of those kinds (recognised by its content), whose text,
 * paragraph by paragraph, is then the document's data
 * (sverka_document_get_data()); "xliff" for a side of a bilingual file
 * (sverka-bilingual.h). */
const char *sverka_document_get_format (SverkaDocument *doc);
/* Where sentence @i came from: in a web page, DOCX or ODT the element path
 * of its block ("body/div[2]/p[3]"), in a PDF its page and paragraph
 * ("page[3]/p[2]"), in a bilingual file its unit ("unit[u2]/segment[s1]");
 * NULL for a text file.
 * Returns: (transfer none) (nullable). */
const char *sverka_document_get_sentence_origin (SverkaDocument *doc, guint i);
/* The 1-based number the outputs give sentence @i (0-based): @i + 1, or
 * for a document loaded from lines (sverka_document_new_from_lines()) its
 * line number. */
guint sverka_document_get_sentence_id (SverkaDocument *doc, guint i);
/* Returns: (transfer none) sentence @i (0-based). */
const SverkaSentence *sverka_document_get_sentence (SverkaDocument *doc, guint i);
/* Returns: (transfer full) the text of sentence @i with every run of white
 * space that holds a tab, line end, form feed or other control character
 * (C0, DEL, C1 with NEL U+0085, and U+2028, U+2029) replaced by one space,
 * so that no line-based reader sees a line break in it. */
char *sverka_document_dup_sentence_text (SverkaDocument *doc, guint i);

/* The speaker of sentence @i in a transcript: the label of the turn it
 * belongs to ("Secretary General Jens Stoltenberg", "Moderator"), from a
 * sentence that opens with "Label:" to the next such sentence; NULL before
 * the first label, and in a text with fewer than two labels (no
 * transcript). *@host (may be NULL) is set when the turn is a moderator's,
 * a journalist's or a question's (the label names such a role), not a
 * principal's. Returns: (transfer none) (nullable). */
const char *sverka_document_get_speaker (SverkaDocument *doc, guint i, gboolean *host);

guint sverka_document_get_n_tokens (SverkaDocument *doc);
/* Returns: (transfer none) token @i (0-based); valid after analysis. */
const SverkaToken *sverka_document_get_token (SverkaDocument *doc, guint i);

/* Converts byte offset @offset to a 1-based line and column (in characters). */
void sverka_document_locate (SverkaDocument *doc, gsize offset, guint *line, guint *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaDocument, sverka_document_free)

G_END_DECLS
