/* sverka-dictd-private.h: importing a dictd dictionary as a sverka lexicon.
 *
 * Built for the English-Russian dictionary of V. K. Mueller (7th edition) as
 * shipped in the Debian package mueller7-dict: /usr/share/dictd/mueller7.index
 * and mueller7.dict.dz. A dictd dictionary is an index of lines
 * "headword<TAB>offset<TAB>length" (numbers in dictd's base64: A-Z a-z 0-9 + /)
 * and a data file, plain (.dict) or gzip/dictzip (.dict.dz), holding the
 * articles at those byte ranges.
 *
 * The importer keeps, for each plain English headword (at most 3 words of
 * ASCII letters, spaces, hyphens, apostrophes), the first
 * SVERKA_DICTD_MAX_TRANSLATIONS plain Russian translations (at most 3 words
 * of Cyrillic letters and hyphens, ё written е), and drops the rest of the
 * article: transcriptions, grammar and usage marks, comments in parentheses,
 * examples (anything holding Latin letters, and the lettered sub-senses of an
 * English phrase), cross-references ("= word"). An article that is nothing
 * but a cross-reference ("enquiry = inquiry", mostly spelling variants) takes
 * the translations of the article it names, one step only.
 *
 * The reading of the index and data (SverkaDictdFile below) is shared with
 * the importer of FreeDict's dictionaries (sverka-freedict-private.h), which
 * uses the same SverkaDictdStats and SVERKA_DICTD_MAX_TRANSLATIONS.
 *
 * Ownership: strings and GStrv returned are (transfer full), freed with
 * g_free / g_strfreev. The functions never print and keep no state.
 */
#pragma once

#include <glib.h>

#include "sverka-error.h"

G_BEGIN_DECLS

/* Translations kept per headword; the first senses are the common ones. */
#define SVERKA_DICTD_MAX_TRANSLATIONS 8

typedef struct {
  guint headwords;    /* index entries read */
  guint entries_used; /* headwords that gave at least one pair */
  guint pairs;        /* pairs written */
  guint skipped;      /* headwords skipped (not plain words, no usable translation,
                       * the dictionary's own 00-database-* entries) */
} SverkaDictdStats;

/* ---- dictd files, for the importers (this one and sverka-freedict-private.h) ---- */

/* A dictd dictionary read whole: its index, and its data gunzipped. */
typedef struct _SverkaDictdFile SverkaDictdFile;

typedef enum {
  SVERKA_DICTD_OPEN_DEFAULT = 0,
  /* Accept index lines whose headword is empty: dictfmt folds a headword to
   * its letters and digits, so FreeDict's "ẞ" is indexed as "". The
   * importer then takes the headword from the article. Without the flag,
   * such a line is an error (Mueller's index has none). */
  SVERKA_DICTD_OPEN_EMPTY_HEADWORDS = 1 << 0,
} SverkaDictdOpenFlags;

/* Reads the index @index_path (it must end in ".index") and its data file
 * (the same path ending in ".dict" if that exists, else in ".dict.dz"),
 * checking every index line against the data.
 *
 * Returns: (transfer full) the file, freed with sverka_dictd_file_free(),
 * or NULL with @error set: SVERKA_ERROR_IO if a file cannot be read,
 * SVERKA_ERROR_DICTIONARY if it is malformed (index errors as
 * "FILE:LINE: ..."), SVERKA_ERROR_INVALID_ARGUMENT if @index_path does not
 * end in ".index". */
SverkaDictdFile *sverka_dictd_file_open (const char *index_path, SverkaDictdOpenFlags flags,
                                         GError **error);
void sverka_dictd_file_free (SverkaDictdFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaDictdFile, sverka_dictd_file_free)

/* Returns: (transfer none) the paths of the index and of the data file read. */
const char *sverka_dictd_file_get_index_path (const SverkaDictdFile *file);
const char *sverka_dictd_file_get_data_path (const SverkaDictdFile *file);

/* The index entries, in the order of the index. */
guint sverka_dictd_file_get_n_entries (const SverkaDictdFile *file);
/* Returns: (transfer none) the headword of entry @i as the index has it
 * (dictfmt may fold it: lower case, without punctuation; may be ""). */
const char *sverka_dictd_file_get_headword (const SverkaDictdFile *file, guint i);
/* Returns: (transfer full) the article of entry @i, valid UTF-8. */
char *sverka_dictd_file_dup_article (const SverkaDictdFile *file, guint i);

/* TRUE if @headword is one of the dictionary's own entries, "00-database-NAME"
 * ("00databaseNAME" as dictfmt folds it for FreeDict). */
gboolean sverka_dictd_is_database_headword (const char *headword);

/* Returns: (transfer full) the article of the entry "00-database-@name" (or
 * "00database@name"), the first if there are several, or NULL. */
char *sverka_dictd_file_dup_database_entry (const SverkaDictdFile *file, const char *name);

/* Returns: (transfer full) the lines of @article, the text of the entry
 * @name ("00-database-short"), stripped and joined by spaces, with control
 * characters made spaces and without the line naming the entry that
 * dictfmt writes for some: fit for one comment line. */
char *sverka_dictd_database_text (const char *name, const char *article);

/* ---- Mueller's dictionary ---- */

/* Reads the dictd dictionary in Mueller's layout whose index is
 * @index_path (it must end in ".index"; the data file is the same path with
 * ".index" replaced by ".dict" if that exists, else by ".dict.dz"; see
 * sverka_dictd_file_open()), and returns the lexicon text: the
 * format line "# sverka-lexicon 1", header comments naming the source, then
 * one "russian<TAB>english" pair per line, sorted bytewise, without
 * duplicates. The English side is the headword as the article spells it
 * (the index folds case: "argentine" is "Argentine"); a headword listing
 * variants ("hullo, hulloa") gives a pair for each.
 *
 * Returns: (transfer full) the text, or NULL with @error set: SVERKA_ERROR_IO
 * if a file cannot be read, SVERKA_ERROR_DICTIONARY if it is malformed
 * (index errors as "FILE:LINE: ..."), SVERKA_ERROR_INVALID_ARGUMENT if
 * @index_path does not end in ".index". @stats (nullable) is filled on
 * success. Deterministic: the same files give byte-identical output. */
char *sverka_dictd_import (const char *index_path, SverkaDictdStats *stats, GError **error);

/* Appends @word (taken) to @out, the translations of an article, unless it
 * is there already (then frees it): both importers keep a headword's
 * translations distinct, in the dictionary's order. */
void sverka_dictd_add_translation (GPtrArray *out, char *word);

/* strcmp() of two elements of a GPtrArray of strings, for
 * g_ptr_array_sort(): the importers' lexicons are sorted bytewise. */
gint sverka_dictd_compare_strings (gconstpointer a, gconstpointer b);

/* Exposed for tests: the Russian translations of one article, in the order
 * of the dictionary, without duplicates, at most SVERKA_DICTD_MAX_TRANSLATIONS.
 * @article is the text stored for @headword in the data file; its first line
 * is skipped if it is the headword itself (compared ignoring ASCII case).
 *
 * Returns: (transfer full) a NULL-terminated GStrv, empty if nothing is
 * usable. */
GStrv sverka_dictd_parse_article (const char *headword, const char *article);

G_END_DECLS
