/* sverka-suggest-private.h: the order in which hunspell suggests the words
 * one edit from a misspelt word, without asking hunspell.
 *
 * Hunspell_suggest() tries the strings near a word in a fixed order and
 * keeps the ones its dictionary knows: two neighbouring letters swapped,
 * a letter beside the right one on the keyboard (the .aff's KEY line, a
 * QWERTY row by default), a letter too many (from the last to the first), a
 * letter left out and a wrong letter (the letters in the order of the
 * .aff's TRY line, each at every place from the end). It never suggests a
 * word whose root carries the NOSUGGEST flag. It takes about 10 ms a word,
 * and it stops at a time limit, so that what it suggests depends on how
 * busy the machine is.
 *
 * The spelling notes know already which words one edit away the dictionary
 * holds; sverka_suggest_order_first() gives the first of them in that order,
 * in microseconds and the same on any machine. Other edits hunspell tries
 * (letters moved or swapped further apart, two letters doubled, two words
 * run together) never give a word one edit away before these do.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SverkaSuggestOrder SverkaSuggestOrder;

/* Reads the TRY, KEY, FLAG, AF and NOSUGGEST lines of the .aff file
 * @aff_path and, when there is a NOSUGGEST flag, the roots of the .dic file
 * @dic_path that carry it. Returns: (transfer full) the order, or NULL with
 * @error set when a file cannot be read. */
SverkaSuggestOrder *sverka_suggest_order_new (const char *aff_path, const char *dic_path,
                                              GError **error);

/* The same from the texts of the two files (any bytes; the fuzz harness
 * gives them). Returns: (transfer full) the order. */
SverkaSuggestOrder *sverka_suggest_order_new_from_texts (const char *aff_text,
                                                         const char *dic_text);

void sverka_suggest_order_free (SverkaSuggestOrder *order);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaSuggestOrder, sverka_suggest_order_free)

/* Whether a candidate may be suggested (known to the dictionary whose order
 * this is, say); called in hunspell's order until one is. */
typedef gboolean (*SverkaSuggestAccept) (const char *candidate, gpointer data);

/* The index in @cands (@n_cands strings, sorted by strcmp() and distinct)
 * of the first that hunspell's order reaches from @word (UTF-8) and @accept
 * (nullable: all) lets by; -1 if none does. */
gint sverka_suggest_order_first (const SverkaSuggestOrder *order, const char *word,
                                 const char *const *cands, guint n_cands,
                                 SverkaSuggestAccept accept, gpointer data);

/* TRUE if @root (as the .dic writes it, without flags) carries NOSUGGEST. */
gboolean sverka_suggest_order_is_nosuggest (const SverkaSuggestOrder *order, const char *root);

G_END_DECLS
