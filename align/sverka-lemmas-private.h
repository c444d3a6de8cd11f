/* sverka-lemmas-private.h: hunspell's lemmas and spelling of every word
 * form of a dictionary, asked of hunspell once at build time and mapped at
 * every run.
 *
 * Word analysis asks hunspell for the lemma of each distinct word
 * (Hunspell_stem(), its first answer): about 10 microseconds each, a fifth
 * of an alignment's time, and opening hunspell takes 0.05 s (en_US) to
 * 0.15 s (ru_RU); with notes, it asks for its spelling (Hunspell_spell()),
 * of every word and of the words one edit from an unknown one. The table
 * holds, for every lower-case form the dictionary makes
 * (sverka-wordforms-private.h), the lemma hunspell gives and whether it
 * accepts the form in three shapes: in lower case, with a capital first
 * letter and in capitals; and the same for every form with capitals inside
 * as the dictionary writes it (McDonald, АвтоВАЗ), all as hunspell
 * answered when the table was compiled.
 *
 * hunspell's analysis and spelling look a word up as it is and, for a
 * word capitalised or in capitals, in lower case and capitalised (and, in
 * capitals with an apostrophe, with a capital after it); a word with
 * capitals inside is looked up as it is only. Every string looked up
 * lower-cases to the word's lower case. So a word in one of the three
 * shapes, or with capitals inside, is answered from the table (the answer
 * hunspell itself gave); a word whose lower case the dictionary does not
 * make, or with capitals inside that the dictionary does not write so, is
 * one hunspell rejects, with no lemma. That holds for a word with letters
 * and other characters (apostrophes, full stops) too, but not for one with
 * a character hunspell converts (ICONV), breaks words at (BREAK, "-" by
 * default) or joins compounds with (en_US: digits), nor for one without a
 * letter: those are still asked.
 *
 * The table records the .aff and .dic it was made from and the hunspell
 * library that answered (its file, by size and hash): a table made from
 * other files or by another hunspell is not used. */
#pragma once

#include <glib.h>
#include <hunspell/hunspell.h>

G_BEGIN_DECLS

typedef struct _SverkaLemmas SverkaLemmas;

/* What sverka_lemmas_lookup() found for a word. */
typedef enum {
  SVERKA_LEMMA_NONE,  /* hunspell gives it no lemma */
  SVERKA_LEMMA_FOUND, /* hunspell's first lemma is *lemma */
  SVERKA_LEMMA_ASK,   /* the table cannot tell: ask hunspell */
} SverkaLemmaAnswer;

/* What sverka_lemmas_spell() found for a word. */
typedef enum {
  SVERKA_SPELL_REJECTED, /* hunspell rejects it */
  SVERKA_SPELL_KNOWN,    /* hunspell accepts it */
  SVERKA_SPELL_ASK,      /* the table cannot tell: ask hunspell */
} SverkaSpellAnswer;

/* Asks hunspell (@aff, @dic) for the lemmas and spelling of every form of
 * the dictionary, in each shape, and writes the table to @path
 * (atomically). @n_forms: the forms asked
 * about. A dictionary that sverka_wordforms_expand() does not cover gives
 * a table that answers nothing (every word is asked). */
gboolean sverka_lemmas_compile (const char *aff, const char *dic, const char *path,
                                guint *n_forms, gboolean *covers, GError **error);

/* Maps the table @path made from @aff and @dic by the hunspell library
 * this process uses. NULL with @error set when it is damaged or out of
 * date, or was made by another hunspell; NULL without an error when it
 * answers nothing or the library cannot be named.
 * Returns: (transfer full) (nullable) the table, read-only. */
SverkaLemmas *sverka_lemmas_map (const char *path, const char *aff, const char *dic,
                                 GError **error);

/* The same, with @library (a path) as the hunspell library that must have
 * made it (the tests). */
SverkaLemmas *sverka_lemmas_map_with (const char *path, const char *aff, const char *dic,
                                      const char *library, GError **error);

/* The file of the hunspell library this process calls, its links
 * resolved, or NULL if it cannot be told. Returns: (transfer full). */
char *sverka_lemmas_hunspell_library (void);

/* Maps @len bytes at @data as a table, without its sources
 * checked (the fuzz harness); @data must outlive the table. */
SverkaLemmas *sverka_lemmas_map_bytes (const char *data, gsize len, GError **error);

void sverka_lemmas_free (SverkaLemmas *lm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaLemmas, sverka_lemmas_free)

/* hunspell's first lemma of @word (UTF-8, as hunspell would be asked), as
 * the table knows it: *@lemma is then (transfer none) the table's string,
 * not yet normalised. */
SverkaLemmaAnswer sverka_lemmas_lookup (const SverkaLemmas *lm, const char *word,
                                        const char **lemma);

/* Hunspell_spell()'s verdict on @word (UTF-8, as hunspell would be asked),
 * as the table knows it. */
SverkaSpellAnswer sverka_lemmas_spell (const SverkaLemmas *lm, const char *word);

G_END_DECLS
