/* sverka-language-pack-private.h: a language as data.
 *
 * Everything sverka needs to know of one language that is not in its
 * lexicons lives in a folder of the dictionary folder named by the
 * language's code (dictionaries/ru, dictionaries/de...): language.tsv, the
 * pack's description (format line "# sverka-language 1", then key<TAB>value
 * lines):
 *
 *   code             the folder's name: 2 or 3 lower-case ASCII letters
 *   name             the language's English name ("German")
 *   script           Latin or Cyrillic: the script of its letters
 *   locale           ICU locale of its sentence and word break
 *   stemmer          Snowball algorithm (libstemmer0d): "german"
 *   hunspell         hunspell dictionary<TAB>Debian package: "de_DE<TAB>hunspell-de-de"
 *   hunspell-alt     (optional) a second dictionary whose spellings are right
 *                    too, same fields (English: en_GB beside en_US)
 *   transliteration  ICU transliterator to Latin letters, for the sound
 *                    skeletons of names ("Russian-Latin/BGN", "Latin-ASCII")
 *   decimal-comma    yes or no: does a lone comma between digits make a
 *                    decimal ("2,5"), or group thousands ("120,000")?
 *   inflected-numbers yes or no: are number words matched through their
 *                    lemma ("двадцати" -> "двадцать")?
 *   month-first-dates (optional) yes or no (the default): may a numeric
 *                    date with slashes put the month first ("02/14/2021")?
 *   ordinal-suffixes (optional) the endings that make a figure an ordinal
 *                    in this language, beside "st", "nd", "rd", "th" read in
 *                    any: "e er re ème" (French "2e", "1er")
 *   pronouns         (optional) the personal pronouns of the third person
 *                    singular, which may stand for a name the other text
 *                    gives ("he him his she her hers"), lower case
 *   capitalised-nouns (optional) yes or no (the default): does the
 *                    language capitalise every noun (German)? Then a name
 *                    is a capitalised word its dictionary does not know as
 *                    written; otherwise one it does not know in lower case
 *   files            the data files the pack holds, of: stopwords
 *                    (stopwords.txt), segment-exceptions
 *                    (segment-exceptions.tsv), numbers (numbers.tsv), lemmas
 *                    (lemmas.tsv), months (months.tsv), times (times.tsv,
 *                    sverka-times-private.h), weekdays (weekdays.tsv,
 *                    sverka-weekdays-private.h); each listed must be there
 *
 * Ownership: a SverkaLanguagePack is (transfer full) from
 * sverka_language_pack_load(), freed with sverka_language_pack_free();
 * its strings are its own. Nothing is printed; no state is kept.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SVERKA_SCRIPT_LATIN = 1,
  SVERKA_SCRIPT_CYRILLIC,
} SverkaScript;

/* The data files a pack may hold (SverkaLanguagePack.files). */
typedef enum {
  SVERKA_PACK_STOPWORDS = 1 << 0,
  SVERKA_PACK_SEGMENT_EXCEPTIONS = 1 << 1,
  SVERKA_PACK_NUMBERS = 1 << 2,
  SVERKA_PACK_LEMMAS = 1 << 3,
  SVERKA_PACK_MONTHS = 1 << 4,
  SVERKA_PACK_TIMES = 1 << 5,
  SVERKA_PACK_WEEKDAYS = 1 << 6,
} SverkaPackFiles;

/* Every SverkaPackFiles flag. */
#define SVERKA_PACK_ALL_FILES                                                                      \
  (SVERKA_PACK_STOPWORDS | SVERKA_PACK_SEGMENT_EXCEPTIONS | SVERKA_PACK_NUMBERS                  \
   | SVERKA_PACK_LEMMAS | SVERKA_PACK_MONTHS | SVERKA_PACK_TIMES | SVERKA_PACK_WEEKDAYS)

typedef struct {
  char *code;
  char *name;
  char *dir; /* the pack's folder */
  SverkaScript script;
  char *locale;
  char *stemmer;
  char *hunspell;         /* dictionary name ("ru_RU") */
  char *hunspell_package; /* its Debian package */
  char *hunspell_alt;     /* (nullable) */
  char *hunspell_alt_package;
  char *transliteration;
  gboolean decimal_comma;
  gboolean inflected_numbers;
  /* "02/14/2021" may put the month first (English); optional, no by
   * default: the day comes first */
  gboolean month_first_dates;
  /* (nullable) the optional ordinal-suffixes, lower case */
  char **ordinal_suffixes;
  /* (nullable) the optional pronouns, lower case */
  char **pronouns;
  /* every noun is capitalised (German); optional, no by default */
  gboolean capitalised_nouns;
  guint files; /* SverkaPackFiles */
} SverkaLanguagePack;

/* Is @code a language code a pack may have (2 or 3 letters a-z)? */
gboolean sverka_language_code_valid (const char *code);

/* Does language tag @tag ("ru", "ru-RU", "ru_RU") begin with the primary
 * subtag @code ("ru"), in any case? */
gboolean sverka_language_tag_is_of (const char *tag, const char *code);

/* Reads the pack of @code from @dictionary_dir/@code/language.tsv.
 * Returns: (transfer full) the pack, or NULL with @error set
 * (SVERKA_ERROR_DICTIONARY, naming the file and line, or the packs the
 * folder holds when it has none for @code; SVERKA_ERROR_INVALID_ARGUMENT
 * for a code that is no language code). */
SverkaLanguagePack *sverka_language_pack_load (const char *dictionary_dir, const char *code,
                                               GError **error);

/* Returns: (transfer full) the path of the data file @name ("stopwords.txt")
 * of @pack. */
char *sverka_language_pack_file (const SverkaLanguagePack *pack, const char *name);

void sverka_language_pack_free (SverkaLanguagePack *pack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaLanguagePack, sverka_language_pack_free)

G_END_DECLS
