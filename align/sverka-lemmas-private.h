/* sverka-lemmas-private.h: hunspell's lemmas and spelling of every word
 * form of a dictionary, asked of hunspell once at build time and mapped at
 * every run.
 *
 * Word analysis asks hunspell for the lemma of each distinct word
 * (Hunspell_stem(), its first answer): about 10 microseconds each, a fifth
 * of an alignment's time; and with notes, for its spelling
 * (Hunspell_spell()), of every word and of the words one edit from an
 * unknown one. The table holds, for every lower-case form the dictionary
 * makes (sverka-wordforms-private.h), the lemma hunspell gives and whether
 * it accepts the form in three shapes: in lower case, with a capital first
 * letter and in capitals, as hunspell answered when the table was
 * compiled. A word of letters in one of those shapes is answered from the
 * table: the same answer, computed by hunspell itself; a word whose
 * lower-case form the dictionary does not make is one hunspell rejects,
 * and gets no lemma. Any other word (capitals inside, digits, other
 * characters) is still asked.
 *
 * The table records the .aff and .dic it was made from, and a sample of
 * forms with their lemmas that are asked of hunspell again on mapping: a
 * table made by another hunspell, or from other files, is not used. */
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

/* Maps the table @path made from @aff and @dic, and checks its sample
 * against @h (hunspell opened on those files). NULL with @error set when it
 * is damaged, out of date or answers differently from @h; NULL without an
 * error when it answers nothing.
 * Returns: (transfer full) (nullable) the table, read-only. */
SverkaLemmas *sverka_lemmas_map (const char *path, const char *aff, const char *dic,
                                 Hunhandle *h, GError **error);

/* Maps @len bytes at @data as a table, without its sources or sample
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
