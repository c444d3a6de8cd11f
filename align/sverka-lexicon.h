/* sverka-lexicon.h: bilingual lexicons.
 *
 * A lexicon file (dictionaries/ru-en.tsv is the seed) is UTF-8 text: the
 * format line "# sverka-lexicon 1", then entries "russian<TAB>english" with an
 * optional third field of comma-separated tags (term, name, title, org, month,
 * day, num=VALUE, general, learned, p=PROBABILITY). Either side may have several words. Entries are matched
 * through the same word break, folding and stemming as the text, so
 * "генеральный секретарь" matches "генеральным секретарем".
 */
#pragma once

#include <glib.h>

#include "sverka-context.h"

G_BEGIN_DECLS

typedef struct _SverkaLexicon SverkaLexicon;

typedef enum {
  SVERKA_LEX_TERM = 1 << 0,  /* a term whose rendering should be consistent */
  SVERKA_LEX_NAME = 1 << 1,  /* a proper name */
  SVERKA_LEX_TITLE = 1 << 2, /* a title or office */
  SVERKA_LEX_ORG = 1 << 3,   /* an organisation */
  SVERKA_LEX_MONTH = 1 << 4, /* a month */
  SVERKA_LEX_DAY = 1 << 5,   /* a day of the week */
  SVERKA_LEX_NUM = 1 << 6,   /* a numeral; its value is given */
  /* one of the many senses a general dictionary gives (the imported
   * Mueller lexicon): good evidence between a sentence and its translation,
   * too loose between two sentences that merely share a topic, so
   * comparable alignment leaves it out */
  SVERKA_LEX_GENERAL = 1 << 7,
  /* a pair learned from a parallel corpus (`sverka lexicon train`,
   * sverka-train.h), with its probability p=P: counted as a general
   * dictionary's sense is, below the seed lexicon's entries */
  SVERKA_LEX_LEARNED = 1 << 8,
} SverkaLexTags;

/* Returns: (transfer full) an empty lexicon that analyses words with @ctx
 * (it holds a reference). */
SverkaLexicon *sverka_lexicon_new (SverkaContext *ctx);
void sverka_lexicon_free (SverkaLexicon *lex);

/* Adds the entries of the lexicon file @path, or of a compiled lexicon
 * (sverka_lexicon_compile()). Errors name FILE:LINE. */
gboolean sverka_lexicon_load (SverkaLexicon *lex, const char *path, GError **error);

/* Adds the entries of the lexicon file @path written the other way round:
 * its first column in the pair's second language, its second in the first
 * (dictionaries/de-fr.tsv for a context of fr, de). A compiled lexicon is
 * refused: it was analysed for its own direction. Errors name FILE:LINE. */
gboolean sverka_lexicon_load_reversed (SverkaLexicon *lex, const char *path, GError **error);

/* Adds the entry @ru = @en, as if read from a lexicon file (a pair already
 * there is ignored). Used for entries learned from aligned text. */
gboolean sverka_lexicon_add (SverkaLexicon *lex, const char *ru, const char *en, GError **error);

/* Writes the entries of @lex to @path as a compiled lexicon: the same
 * entries, already analysed and indexed, that sverka_lexicon_load() maps
 * read-only instead of reading and analysing lexicon files (the build
 * compiles the default lexicons: compiled-ru-en.lex). @sources (nullable,
 * NULL-terminated) are the files @lex was read from, in order: their names,
 * sizes and a hash of their bytes are recorded, for
 * sverka_lexicon_load_compiled() to tell whether the file is out of date.
 * The file is written whole or not at all. Its stems hold for the Snowball
 * and ICU it was made with; it is in this machine's byte order. */
gboolean sverka_lexicon_compile (SverkaLexicon *lex, const char *path,
                                 const char *const *sources, GError **error);

/* Maps the compiled lexicon @path into the empty lexicon @lex. With
 * @sources (nullable, NULL-terminated), it must have been compiled from
 * exactly these files as they are now (by file name, size and content);
 * if not, or if the file is damaged or was made with another Snowball or
 * ICU, FALSE with @error set, and @lex is left empty, so that the caller
 * can read @sources instead. sverka_lexicon_load() also maps a compiled
 * file given to it (into an empty lexicon; otherwise its entries are
 * added), without the check of sources. */
gboolean sverka_lexicon_load_compiled (SverkaLexicon *lex, const char *path,
                                       const char *const *sources, GError **error);

/* Number of entries loaded so far (pairs, duplicates counted once). */
guint sverka_lexicon_get_n_entries (SverkaLexicon *lex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaLexicon, sverka_lexicon_free)

G_END_DECLS
