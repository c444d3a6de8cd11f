/* sverka-freedict-private.h: importing FreeDict dictionaries as a sverka lexicon.
 *
 * FreeDict (https://freedict.org/) publishes bilingual dictionaries in
 * dictd format, packaged by Debian as dict-freedict-SRC-TGT:
 * /usr/share/dictd/freedict-deu-fra.index and .dict.dz, where deu and fra
 * are the ISO 639-3 codes of the headwords' and the translations' languages.
 * The index and data are read as any dictd dictionary's
 * (sverka-dictd-private.h); the articles of the FreeDict+WikDict editions
 * look like this:
 *
 *   Abend /ˈaːbn̩t/ <n, masc>             headword /IPA/ <part of speech, gender>
 *   soir, soirée                           the translations, comma-separated
 *   Tageszeit zwischen Nachmittag ...      a gloss: a definition in the source language
 *
 * or, with several senses, "1. trans, trans" lines each followed by its
 * gloss lines ("2. ...", and so on). A sense with several glosses has them
 * numbered too, the numbers landing at the end of the sense's line
 * ("1. courant descendant, vent descendant 2.") and on lines of their own
 * (" 3."). The IPA and the <...> are optional.
 *
 * The importer takes as translations the line after the headword (one
 * sense) or the text after "N. " on the sense lines (N counting up from 1),
 * never the glosses. Of these it keeps the plain ones: at most 3 words of
 * letters of the language's script (accents and combining marks included),
 * hyphens inside words and apostrophes (' and ’); anything with digits,
 * parentheses, "→", ":", "#" and other signs is dropped. The headword must
 * be plain in the same way. A word gets at most SVERKA_DICTD_MAX_TRANSLATIONS
 * translations per article, in the dictionary's order, without duplicates.
 * The dictionary's own 00-database-* entries are skipped.
 *
 * Languages are ISO 639-1 codes ("de", "fr") where one exists, else the
 * ISO 639-3 code FreeDict uses.
 *
 * Ownership: strings and GStrv returned are (transfer full), freed with
 * g_free / g_strfreev. The functions never print and keep no state.
 */
#pragma once

#include <glib.h>

#include "sverka-dictd-private.h"
#include "sverka-error.h"

G_BEGIN_DECLS

/* Returns: (transfer full) the code sverka uses for language @code, an ISO
 * 639-3 code as FreeDict names its dictionaries ("deu") or an ISO 639-1
 * code ("de"): the ISO 639-1 code where one exists ("de"), else @code in
 * lower case. NULL if @code is not 2 or 3 ASCII letters. */
char *sverka_freedict_language (const char *code);

/* TRUE if the file name of @index_path is "freedict-SRC-TGT.index" with SRC
 * and TGT language codes; then @source and @target (out, transfer full) get
 * them as sverka_freedict_language() gives them ("de", "fr"). */
gboolean sverka_freedict_languages_from_name (const char *index_path, char **source,
                                              char **target);

/* TRUE if @file is a FreeDict dictionary: its file name says so
 * (sverka_freedict_languages_from_name()), or its 00-database-short or
 * 00-database-url entry mentions FreeDict. */
gboolean sverka_freedict_recognise (const SverkaDictdFile *file);

/* One dictionary to import, with the languages of its headwords (@source)
 * and of its translations (@target), as sverka_freedict_language() gives
 * them. */
typedef struct {
  const SverkaDictdFile *file;
  const char *source;
  const char *target;
} SverkaFreedictDictionary;

/* Imports the @n_dicts dictionaries @dicts, each between the languages @l1
 * and @l2 in either direction, and returns the lexicon text: the format line
 * "# sverka-lexicon 1", comments naming each dictionary (files, FreeDict's
 * description and edition, source, licence as the dictionary states it),
 * then one "L1-word<TAB>L2-word<TAB>general" line per pair, a dictionary
 * going from @l2 to @l1 giving its pairs swapped: so the two directions of
 * a language pair (freedict-deu-fra and freedict-fra-deu) merge into one
 * lexicon. The lines are sorted bytewise, without duplicates. Headwords and
 * translations are written as the dictionary spells them (capitals kept),
 * in Unicode NFC.
 *
 * Returns: (transfer full) the text, or NULL with @error set to
 * SVERKA_ERROR_INVALID_ARGUMENT if a dictionary is not between @l1 and @l2.
 * @stats (nullable) gets the sums over the dictionaries. Deterministic: the
 * same files give byte-identical output. */
char *sverka_freedict_import (const SverkaFreedictDictionary *dicts, guint n_dicts,
                              const char *l1, const char *l2, SverkaDictdStats *stats,
                              GError **error);

/* Exposed for tests and the fuzzer: the plain translations of one article
 * (its text as the data file stores it, first line the headword) from
 * language @source into @target, in the dictionary's order, without
 * duplicates, at most SVERKA_DICTD_MAX_TRANSLATIONS. @headword (out,
 * nullable, transfer full) gets the headword if it is plain, else NULL.
 *
 * Returns: (transfer full) a NULL-terminated GStrv, empty if nothing is
 * usable. */
GStrv sverka_freedict_parse_article (const char *article, const char *source,
                                     const char *target, char **headword);

G_END_DECLS
