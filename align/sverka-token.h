/* sverka-token.h: words and their analyses. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SVERKA_WORD_LETTERS = 1 << 0,      /* a word of letters (ICU word status LETTER) */
  SVERKA_WORD_NUMBER = 1 << 1,       /* a number (digits, possibly with , or .) */
  SVERKA_WORD_CAPITALIZED = 1 << 2,  /* first letter upper or title case */
  SVERKA_WORD_UPPERCASE = 1 << 3,    /* two or more letters, all upper case (NATO) */
  SVERKA_WORD_LATIN = 1 << 4,        /* has Latin letters */
  SVERKA_WORD_CYRILLIC = 1 << 5,     /* has Cyrillic letters */
  SVERKA_WORD_MIXED_SCRIPT = 1 << 6, /* Latin and Cyrillic letters in one word */
  SVERKA_WORD_SPELL_OK = 1 << 7,     /* hunspell of the word's language knows it */
  SVERKA_WORD_SPELL_CHECKED = 1 << 8,/* spell status was checked (letters, sane length) */
  SVERKA_WORD_NUMBER_WORD = 1 << 9,  /* a number word of the dictionaries' lists
                                      * ("двадцати", "million"), by its form or,
                                      * Russian, its lemma */
} SverkaWordFlags;

/* The analysis of one distinct surface form in one language. Shared between
 * all tokens with that form and owned by the context's cache. */
typedef struct {
  char *form;  /* the surface form, as in the text */
  char *fold;  /* NFC, case-folded, quotes folded, ё -> е */
  char *stem;  /* Snowball stem of @fold */
  char *lemma; /* hunspell's first stem, case-folded; NULL if hunspell has none */
  char *lemma_stem; /* Snowball stem of @lemma; NULL without a lemma */
  char *skeleton; /* Latin sound skeleton for names and cognates: Russian words
                   * transliterated (ICU Russian-Latin/BGN), both languages
                   * simplified alike ("Столтенбергом" -> "stoltenbergom",
                   * "Brussels" and "Брюссель" -> "brusels", "brusel");
                   * NULL for numbers */
  guint flags; /* SverkaWordFlags */
} SverkaWord;

typedef enum {
  SVERKA_TOKEN_SENTENCE_INITIAL = 1 << 0, /* first word of its sentence */
  SVERKA_TOKEN_FOREIGN = 1 << 1,          /* in the other language's script: a Latin
                                           * word in a Russian text or vice versa */
} SverkaTokenFlags;

typedef struct {
  gsize start, end;       /* byte span in the document data, [start, end) */
  guint sentence;         /* 0-based sentence index */
  guint flags;            /* SverkaTokenFlags */
  const SverkaWord *word; /* (transfer none) owned by the context */
} SverkaToken;

G_END_DECLS
