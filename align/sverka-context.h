/* sverka-context.h: the analysis context.
 *
 * A SverkaContext holds everything that is expensive to build and shared by
 * the documents analysed with it: the ICU break iterators, the Snowball
 * stemmers, the hunspell dictionaries, the exception and stop-word lists from
 * dictionaries/, and a per-language cache of word analyses. There are no
 * globals: two contexts may be used side by side.
 *
 * A context is reference counted; documents hold a reference to the context
 * they were made with. A context may be used by one thread at a time (see
 * sverka.h on sharing a lexicon).
 */
#pragma once

#include <glib.h>

#include "sverka-language.h"

G_BEGIN_DECLS

typedef struct _SverkaContext SverkaContext;

typedef struct {
  /* Folder with sverka's own dictionaries (stop words, segmentation
   * exceptions, lexicons). NULL: the installed data folder. */
  const char *dictionary_dir;
  /* Folder with the hunspell dictionaries ru_RU.{aff,dic} and en_US.{aff,dic}.
   * NULL: /usr/share/hunspell (Debian packages hunspell-ru, hunspell-en-us). */
  const char *hunspell_dir;
  /* The codes of the pair's two languages, each with its pack in the
   * dictionary folder (dictionaries/de/language.tsv): the first is
   * SVERKA_LANGUAGE_FIRST (alias SVERKA_LANGUAGE_RU), the second
   * SVERKA_LANGUAGE_SECOND (alias SVERKA_LANGUAGE_EN). NULL: "ru", "en". */
  const char *first_language;
  const char *second_language;
} SverkaContextOptions;

/* Fills @options with the defaults (all NULL). */
void sverka_context_options_init (SverkaContextOptions *options);

/* Creates a context; reads the stop-word and segmentation exception lists.
 * Hunspell and the stemmers are opened on first use.
 * Returns: (transfer full) a new context, or NULL with @error set. */
SverkaContext *sverka_context_new (const SverkaContextOptions *options, GError **error);

/* Returns: (transfer full) @ctx with one more reference. */
SverkaContext *sverka_context_ref (SverkaContext *ctx);
void sverka_context_unref (SverkaContext *ctx);

/* Returns: (transfer none) the code of @lang (SVERKA_LANGUAGE_FIRST or
 * _SECOND) in @ctx's pair: "ru", "de"... */
const char *sverka_context_get_language_code (SverkaContext *ctx, SverkaLanguage lang);

/* Returns: (transfer none) the dictionary folder in use. */
const char *sverka_context_get_dictionary_dir (SverkaContext *ctx);

/* Closes the hunspell dictionaries @ctx opened (ru_RU, en_US and en_GB:
 * about 34 MB), keeping every word already analysed. Whatever needs them
 * later (a new word, the spelling notes) opens them again, which takes
 * about 0.2 s. For a caller that has analysed its documents and will not
 * check them for notes: the memory goes to the alignment. */
void sverka_context_close_hunspell (SverkaContext *ctx);

/* Whether words are analysed with their spelling status (the default,
 * TRUE) or for alignment alone (FALSE): hunspell is then asked only for a
 * word's lemma, not whether it spells it (SVERKA_WORD_SPELL_CHECKED and
 * _SPELL_OK stay unset), which saves a sixth of the analysis. The
 * alignment is the same. Only the notes read the spelling status:
 * sverka_notes_new() refuses documents of a context that analysed words
 * without it. Set it before the first document is analysed. */
void sverka_context_set_spelling (SverkaContext *ctx, gboolean spelling);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaContext, sverka_context_unref)

G_END_DECLS
