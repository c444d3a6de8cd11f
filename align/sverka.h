/* sverka.h: align Russian and English texts sentence by sentence, and find
 * where they disagree.
 *
 * This is the one public header of libsverka; it includes the others. Build
 * against the installed library with
 *
 *   cc prog.c $(pkg-config --cflags --libs sverka)
 *
 * and write #include <sverka.h>.
 *
 * Ownership, once for all: a function marked (transfer full) gives the caller
 * the result to free with the named function (sverka_*_free, sverka_*_unref,
 * g_free for strings, g_strfreev for string arrays); (transfer none) lends a
 * pointer that stays valid as long as the object it came from. Objects are
 * created only by *_new functions (and sverka_align_texts()). Every object
 * type has a g_autoptr() cleanup. The library never prints and never exits:
 * failures come back as GError in the SVERKA_ERROR domain (sverka-error.h),
 * with messages that name the input, the line and byte, and what to do.
 *
 * Threads: the library has no global state. An object may be used by one
 * thread at a time; separate objects may be used in separate threads. One
 * exception: a loaded SverkaLexicon is only read while aligning and
 * checking, so threads may share one read-only, each with its own context
 * and documents, as long as no thread adds to it (sverka_lexicon_load(),
 * sverka_lexicon_add()) meanwhile and it is freed after them all (sverka
 * batch works so).
 *
 * Contents:
 *   1. Simple interface: align two texts in one call        (this file)
 *   2. Contexts: dictionaries, hunspell, stemmers, ICU       sverka-context.h
 *   3. Documents: loading, trimming, sentences, words       sverka-document.h
 *   4. Lexicons                                             sverka-lexicon.h
 *      Learned from a parallel corpus                       sverka-train.h
 *   5. Alignment: beads, modes                              sverka-align.h
 *      A translator's review of a comparable alignment      sverka-review.h
 *   6. Discrepancy notes                                    sverka-notes.h
 *   7. Output formats: TSV, TMX, JSON Lines, ladder, Moses  sverka-write.h
 *   8. Errors, languages, normalisation                     sverka-error.h,
 *                                              sverka-language.h, sverka-text.h
 */
#pragma once

#include "sverka-align.h"
#include "sverka-bilingual.h"
#include "sverka-context.h"
#include "sverka-document.h"
#include "sverka-error.h"
#include "sverka-language.h"
#include "sverka-learn.h"
#include "sverka-lexicon.h"
#include "sverka-notes.h"
#include "sverka-review.h"
#include "sverka-simmap.h"
#include "sverka-text.h"
#include "sverka-train.h"
#include "sverka-token.h"
#include "sverka-write.h"

G_BEGIN_DECLS

#define SVERKA_VERSION_STRING "0.1.0"

/* 1. Simple interface
 * ===================
 *
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (SverkaResult) r = sverka_align_texts (ru, -1, en, -1, &error);
 *   if (r == NULL)
 *     ... error->message says what is wrong ...
 *   for (guint i = 0; i < sverka_result_get_n_beads (r); i++) {
 *     g_autofree char *ru_text = sverka_result_dup_bead_text (r, i, SVERKA_LANGUAGE_RU);
 *     ...
 *   }
 *
 * The result holds the two documents, the alignment and the notes; the
 * accessors below reach them, and the writers of sverka-write.h turn them
 * into any of sverka's output formats.
 */

/* The outcome of sverka_align_texts(): the two documents, their alignment
 * and the discrepancy notes. */
typedef struct _SverkaResult SverkaResult;

/* Aligns the Russian text @ru with the English text @en, both UTF-8 (@ru_len
 * and @en_len bytes, or -1 when NUL-terminated), with the default options:
 * the mode chosen from the evidence, page furniture trimmed, the notes
 * computed, and the dictionaries found as the command line finds them:
 * $SVERKA_DICT_DIR if set, else the installed folder (the lexicons ru-en.tsv
 * and, when the build imported it, mueller7-ru-en.tsv, are read from it).
 * Loading the lexicons takes about 0.4 s; to align many pairs, use the
 * objects of sections 2-6 and load them once.
 *
 * Errors: bad input (SVERKA_ERROR_ENCODING, _BINARY, _EMPTY; the message
 * starts "Russian text" or "English text" and gives the line and byte), or
 * missing resources (SVERKA_ERROR_DICTIONARY, naming the file or the Debian
 * package to install).
 * Returns: (transfer full) the result, or NULL with @error set. */
SverkaResult *sverka_align_texts (const char *ru,
                                  gssize ru_len,
                                  const char *en,
                                  gssize en_len,
                                  GError **error);

/* Options of sverka_align_texts_full(). */
typedef struct {
  SverkaMode mode;            /* default SVERKA_MODE_AUTO */
  gboolean keep_all;          /* default FALSE: set page furniture aside */
  gboolean no_notes;          /* default FALSE: compute the notes */
  const char *dictionary_dir; /* default NULL: $SVERKA_DICT_DIR, else the
                               * installed folder */
  const char *hunspell_dir;   /* default NULL: /usr/share/hunspell */
  const char *const *lexicons; /* default NULL: ru-en.tsv, and
                               * mueller7-ru-en.tsv when it is there, from the
                               * dictionary folder; else a NULL-terminated
                               * list of lexicon files */
} SverkaOptions;

/* Fills @options with the defaults above. */
void sverka_options_init (SverkaOptions *options);

/* sverka_align_texts() with @options (NULL: the defaults).
 * Returns: (transfer full) the result, or NULL with @error set. */
SverkaResult *sverka_align_texts_full (const char *ru,
                                       gssize ru_len,
                                       const char *en,
                                       gssize en_len,
                                       const SverkaOptions *options,
                                       GError **error);

void sverka_result_free (SverkaResult *result);

/* The mode used: SVERKA_MODE_PARALLEL or SVERKA_MODE_COMPARABLE. */
SverkaMode sverka_result_get_mode (SverkaResult *result);

/* The beads (rows) of the alignment, in order; see SverkaBead in
 * sverka-align.h (0-based sentence indices, a score in [0, 1]).
 * Returns: (transfer none) bead @i, valid as long as @result. */
guint sverka_result_get_n_beads (SverkaResult *result);
const SverkaBead *sverka_result_get_bead (SverkaResult *result, guint i);

/* The text of side @lang (SVERKA_LANGUAGE_RU or _EN) of bead @i: its
 * sentences joined by a space, line ends and tabs as spaces, as in the TSV;
 * "" when that side has no sentence.
 * Returns: (transfer full) the text; free with g_free(). */
char *sverka_result_dup_bead_text (SverkaResult *result, guint i, SverkaLanguage lang);

/* The discrepancy notes, in the order of the beads (none with no_notes); see
 * SverkaNote in sverka-notes.h.
 * Returns: (transfer none) note @i, valid as long as @result. */
guint sverka_result_get_n_notes (SverkaResult *result);
const SverkaNote *sverka_result_get_note (SverkaResult *result, guint i);

/* Returns: (transfer none) the Russian or English document (@lang
 * SVERKA_LANGUAGE_RU or _EN), for its sentences and words. */
SverkaDocument *sverka_result_get_document (SverkaResult *result, SverkaLanguage lang);
/* Returns: (transfer none) the alignment, for the writers of sverka-write.h. */
SverkaAlignment *sverka_result_get_alignment (SverkaResult *result);
/* Returns: (transfer none) the notes, or NULL when made with no_notes. */
SverkaNotes *sverka_result_get_notes (SverkaResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaResult, sverka_result_free)

G_END_DECLS
