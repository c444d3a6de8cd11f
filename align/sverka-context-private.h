/* sverka-context-private.h: the inside of SverkaContext, for the modules. */
#pragma once

#include "sverka-context.h"
#include "sverka-icu-private.h"
#include <unicode/utrans.h>
#include "sverka-language.h"
#include "sverka-language-pack-private.h"
#include "sverka-token.h"
#include "sverka-lemmas-private.h"
#include "sverka-start-filter-private.h"
#include "sverka-suggest-private.h"
#include "sverka-times-private.h"
#include "sverka-weekdays-private.h"
#include "sverka-word-table-private.h"
#include "sverka-wordforms-private.h"

G_BEGIN_DECLS

/* What an entry of <code>/segment-exceptions.tsv says about a following break. */
typedef enum {
  SVERKA_EXCEPTION_NEVER = 1, /* never ends a sentence ("Mr.", "т.е.") */
  SVERKA_EXCEPTION_DIGIT,     /* no break before a digit ("No. 5") */
  SVERKA_EXCEPTION_NAME,      /* no break before a capitalised word that is
                               * not a stop word ("2002 г. Азербайджан") */
  SVERKA_EXCEPTION_BREAK,     /* may end a sentence: overrides ICU's list ("etc.") */
  SVERKA_EXCEPTION_RULE_MASK = 0xff,
  /* Flag beside the rule: every listed form is capitalised ("Long.",
   * "Gen."), so the word written in lower case is no abbreviation ("the
   * queue was too long. next time"). */
  SVERKA_EXCEPTION_CAPITALISED = 0x100,
} SverkaExceptionRule;

typedef enum {
  SVERKA_NUMWORD_CARDINAL = 1,
  SVERKA_NUMWORD_HUNDRED,    /* "hundred": multiplies what precedes it */
  SVERKA_NUMWORD_MULTIPLIER, /* thousand, million, ... */
  SVERKA_NUMWORD_ORDINAL,
} SverkaNumWordKind;

typedef struct {
  double value;
  SverkaNumWordKind kind;
} SverkaNumWord;

typedef struct {
  SverkaLanguage lang;
  SverkaLanguagePack *pack; /* what the language is (owned) */
  GHashTable *numbers;    /* folded number word -> SverkaNumWord (owned) */
  GHashTable *stopwords;  /* folded word -> itself (owned) */
  GHashTable *lemmas;     /* folded form -> folded lemma hunspell misses (owned) */
  GHashTable *months;     /* folded month word -> its month, 1-12 (owned) */
  GPtrArray *month_starts; /* folded beginnings of month words ("декабр"), each
                            * followed by its month as one byte (owned) */
  /* the beginnings of both (month words have two letters or more): most
   * words start as no month word does */
  SverkaStartFilter month_filter;
  SverkaTimeWords *times; /* how it writes a time of day; NULL without times.tsv (owned) */
  SverkaWeekdays *weekdays; /* its weekdays; NULL without weekdays.tsv (owned) */
  GHashTable *exceptions; /* abbreviation with its dot -> SverkaExceptionRule and flag */
  UBreakIterator *sentence_bi;
  UBreakIterator *word_bi;
  /* Opened on first analysis. */
  SverkaSbStemmer *stemmer;
  Hunhandle *hunspell;
  Hunhandle *hunspell_alt; /* English: en_GB beside en_US (a spelling either
                            * knows is right), opened only for a spelling
                            * status (no_spelling FALSE), at the first word
                            * its word forms do not rule out
                            * (sverka_context_spell_alt()); NULL for Russian */
  /* The compiled word forms of hunspell and hunspell_alt (NULL: none that
   * matches the dictionary), mapped at the first spelling asked for. */
  SverkaWordforms *forms;
  SverkaWordforms *forms_alt;
  gboolean forms_tried;
  /* hunspell's lemmas compiled (NULL: none that matches), mapped at the
   * first lemma asked for, closed with hunspell */
  SverkaLemmas *lemma_table;
  gboolean lemma_table_tried;
  /* the order of hunspell's suggestions (of hunspell, not hunspell_alt),
   * read at the first one asked for; NULL if its files cannot be read */
  SverkaSuggestOrder *suggest_order;
  gboolean suggest_order_tried;
  UTransliterator *translit; /* to lower-case ASCII Latin */
  SverkaWordTable words; /* surface form -> SverkaWord (in word_blocks) */
  /* The analysed words and their strings, freed with the context all at
   * once: a long text has hundreds of thousands of them. */
  GPtrArray *word_blocks; /* arrays of SVERKA_WORD_BLOCK SverkaWord (owned) */
  guint word_block_used;  /* in the last block */
  GStringChunk *word_strings;
} SverkaLangData;

#define SVERKA_WORD_BLOCK 4096

struct _SverkaContext {
  gint ref_count;
  char *dictionary_dir;
  char *hunspell_dir;
  /* (nullable) where to look first for compiled word forms (the build
   * tree's, for a command line run from it) */
  char *compiled_dir;
  /* the pair's languages, indexed by SverkaLanguage (RU the first, EN the
   * second, whatever their packs); AUTO unused */
  SverkaLangData langs[SVERKA_N_LANGUAGES];
  /* Both languages in one script (de and fr): a word is analysed in its
   * document's language. Otherwise in the language of its script, so that
   * "NATO" in a Russian text is an English word. */
  gboolean same_script;
  GHashTable *stopwords; /* the stop words of both languages (keys owned by theirs) */
  /* words analysed without their spelling status, for an alignment that
   * makes no notes (sverka_context_set_spelling()): no word then carries
   * SVERKA_WORD_SPELL_CHECKED, and notes are refused */
  gboolean no_spelling;
  gboolean analysed_without_spelling;
  /* why a hunspell opened at the first word its table of lemmas could not
   * answer did not open (given by the next analysis); NULL if none */
  GError *hunspell_error;
};

/* The month (1-12) that folded word @fold names in either language of the
 * pair, from the packs' months.tsv ("декабря", "Dec", "März"), or 0. */
guint sverka_context_month_of_word (SverkaContext *ctx, const char *fold);

/* Do both of @ctx's packs supply the data files @files (SverkaPackFiles)? */
gboolean sverka_context_packs_have (SverkaContext *ctx, guint files);

/* Is @ctx's pair Russian then English, the pair every check, calibration
 * and report is made for? */
gboolean sverka_context_is_ru_en (SverkaContext *ctx);

static inline SverkaLangData *
sverka_context_lang (SverkaContext *ctx, SverkaLanguage lang)
{
  g_assert (lang == SVERKA_LANGUAGE_RU || lang == SVERKA_LANGUAGE_EN);
  return &ctx->langs[lang];
}

/* Opens the Snowball stemmer for @lang if not yet open: all a lexicon's
 * stems need (hunspell, slower to open, waits for the first word of a
 * text). */
gboolean sverka_context_open_stemmer (SverkaContext *ctx, SverkaLanguage lang, GError **error);

/* Opens the stemmer and hunspell for @lang if not yet open (and, for English
 * with the spelling status, en_GB beside en_US). When a compiled table of
 * hunspell's lemmas maps (sverka-lemmas-private.h), the first dictionary
 * is opened only at the first word the table cannot answer. */
gboolean sverka_context_open_analysis (SverkaContext *ctx, SverkaLanguage lang, GError **error);

/* FALSE, with @error set to why, when a hunspell dictionary opened at the
 * first word its table of lemmas could not answer did not open. */
gboolean sverka_context_hunspell_ok (SverkaContext *ctx, GError **error);

/* Where to look first for the compiled tables of hunspell's word forms
 * (forms-ru_RU.svk, ...), before the dictionary folder and the installed
 * ones (SVERKA_COMPILED_DIR); @dir is copied. */
void sverka_context_set_compiled_dir (SverkaContext *ctx, const char *dir);

/* Maps the compiled word forms of @lang's hunspell dictionaries if not yet
 * tried (see sverka-wordforms-private.h); without them, every spelling is
 * asked of hunspell. */
void sverka_context_open_forms (SverkaContext *ctx, SverkaLanguage lang);

/* Unmaps the tables of lemmas @ctx mapped, once its documents are
 * analysed: a word analysed later asks hunspell, until
 * sverka_context_allow_lemma_tables(), which analysing a document calls,
 * lets them be mapped again. The command line does so without notes; with
 * notes it keeps them, since the notes' spellings would otherwise open
 * ru_RU and en_US (0.2 s of every run: a news document's run with notes
 * went from 0.42 s to 0.15 s), though on the 27.8k-line pair they hold
 * 37 MB more at the peak, in the same time. */
void sverka_context_release_lemma_tables (SverkaContext *ctx);

/* The spelling of @word by @lang's second dictionary (English: en_GB),
 * opened at the first word its compiled word forms do not show it rejects;
 * FALSE for a language without one, without spelling, or if it cannot be
 * opened (the error kept for the next analysis). */
gboolean sverka_context_spell_alt (SverkaContext *ctx, SverkaLanguage lang, const char *word);
void sverka_context_allow_lemma_tables (SverkaContext *ctx);

/* The spelling of @word by @lang's first dictionary (hunspell, opened if
 * need be; FALSE if it cannot be, the error kept for the next analysis):
 * its compiled word forms tell when it surely rejects the word, its table
 * of lemmas gives hunspell's verdict on a word of letters in one of three
 * shapes (sverka-lemmas-private.h), and hunspell is asked the rest: the
 * same verdict either way. */
gboolean sverka_context_spell_first (SverkaContext *ctx, SverkaLanguage lang, const char *word);

/* Hunspell_create() and Hunspell_destroy() under the one process-wide lock
 * that hunspell's own table needs (see sverka-context.c). */
Hunhandle *sverka_hunspell_create (const char *aff, const char *dic);
void sverka_hunspell_destroy (Hunhandle *h);

/* hunspell's first lemma of @form (as hunspell is asked: its case kept),
 * normalised for matching, or NULL; from the compiled table of lemmas
 * where it answers (the same answer), else from hunspell, opened if need
 * be (NULL if it cannot be, the error kept for the next analysis).
 * Returns: (transfer full) (nullable). */
char *sverka_context_hunspell_lemma (SverkaContext *ctx, SverkaLanguage lang, const char *form);

/* Returns: (transfer none) the cached analysis of the word @form (@len
 * bytes) found in a text of @side: made in the language of its script
 * ("NATO" in a Russian text is an English word), or in @side's when the
 * pair's languages share their script; NULL with @error set if hunspell or
 * the stemmer cannot be opened. @is_number: ICU called it a number. */
const SverkaWord *sverka_context_lookup_word (SverkaContext *ctx, SverkaLanguage side,
                                              const char *form, gsize len, gboolean is_number,
                                              GError **error);

/* The language whose tables (number words...) serve a word of script
 * @flags (SverkaWordFlags) of a text of @side, as
 * sverka_context_lookup_word() chooses it: @side's in a pair of one
 * script, else the Cyrillic language's for a word with Cyrillic letters
 * and the Latin one's for any other. */
SverkaLanguage sverka_context_script_language (SverkaContext *ctx, SverkaLanguage side,
                                               guint flags);

/* Has a word of script @flags (SverkaWordFlags) letters of @side's script,
 * so that in a text of @side it is a word of the language, not one of the
 * other's standing for itself ("NATO" in a Russian text)? Always in a pair
 * of one script. */
gboolean sverka_context_word_in_own_script (SverkaContext *ctx, SverkaLanguage side,
                                            guint flags);

/* Returns: (transfer full) the sound skeleton of @text, written in @lang's
 * script: transliterated to lower-case ASCII Latin and simplified (see
 * sverka-translit.c); NULL if ICU fails. */
char *sverka_translit_skeleton (SverkaContext *ctx, SverkaLanguage lang, const char *text,
                                GError **error);
/* Returns: (transfer full) a second skeleton of an English word @fold
 * (lower case), read by a few rules of English spelling (George -> as
 * Джордж, Jake -> as Джейк; see sverka-translit.c), or NULL for a word with
 * letters beyond ASCII. */
char *sverka_translit_english_sound (const char *fold);
/* The same always through ICU, without the fast path for Russian words of
 * the letters а-я (for the tests that compare the two). */
char *sverka_translit_skeleton_icu (SverkaContext *ctx, SverkaLanguage lang, const char *text,
                                    GError **error);

/* The one of @cands (words one edit from lower-case @word, as
 * sverka_context_one_edit_words() gives them: sorted and distinct) that
 * hunspell of @lang would suggest first (sverka-suggest-private.h): known to
 * its first dictionary (en_US for English), and not one it never suggests.
 * Returns: (transfer none) that element of @cands, or NULL if none is. */
const char *sverka_context_suggest_first (SverkaContext *ctx, SverkaLanguage lang,
                                          const char *word, const char *const *cands);

/* hunspell's verdict on @word in @lang (whose dictionary must be open). */
gboolean sverka_context_spell (SverkaContext *ctx, SverkaLanguage lang, const char *word);

/* The words hunspell of @lang knows that are one edit from lower-case @word
 * (a letter deleted, added, replaced, or two neighbours swapped), sorted and
 * distinct. Fast: a few hundred dictionary look-ups, where hunspell's own
 * suggestions search the whole dictionary.
 * Returns: (transfer full) a NULL-terminated array, empty if there is none. */
GStrv sverka_context_one_edit_words (SverkaContext *ctx, SverkaLanguage lang, const char *word);

/* Every string one edit from @word (a letter deleted, a letter of @lang's
 * alphabet added or put in place of another, or two different neighbours
 * swapped), whether a word or not, sorted (strcmp()) and distinct; empty
 * for a word of under two letters or longer than hunspell is asked about.
 * Returns: (transfer full) a NULL-terminated array. */
GStrv sverka_one_edit_forms (SverkaLanguage lang, const char *word);

/* A test a candidate word must pass before hunspell is asked about it: TRUE
 * to go on. It must be cheaper than a dictionary look-up to be worth it. */
typedef gboolean (*SverkaCandidateFilter) (const char *candidate, gpointer data);

/* The same, with only the candidates @keep lets by looked up (all if @keep
 * is NULL). */
GStrv sverka_context_one_edit_words_filtered (SverkaContext *ctx, SverkaLanguage lang,
                                              const char *word, SverkaCandidateFilter keep,
                                              gpointer keep_data);

/* The sound skeleton sverka_context_lookup_word() gives the word @form
 * of a text of @side (not a number) if its first letter is a capital (SVERKA_WORD_CAPITALIZED),
 * found without hunspell. Returns: (transfer full) the skeleton, or NULL
 * where the first letter is no capital, the word has no skeleton (too long)
 * or ICU fails. */
char *sverka_context_name_skeleton (SverkaContext *ctx, SverkaLanguage side, const char *form);

/* TRUE if folded @word is a stop word of either language. */
gboolean sverka_context_is_stopword (SverkaContext *ctx, const char *folded);

G_END_DECLS
