/* sverka-word-table-private.h: the analysed words of one language by their
 * surface form, for sverka_context_lookup_word(): open addressing over the
 * form's bytes, so that a token's form is looked up where it lies in the
 * text, without a NUL-terminated copy. A slot holds the form's hash and the
 * word's place in the table's list (8 bytes), so that a probe reads a word
 * only when the hashes agree. The words are not owned. */
#pragma once

#include "sverka-token.h"

G_BEGIN_DECLS

typedef struct {
  guint64 *slots;           /* hash << 32 | (place in words + 1); 0: empty */
  const SverkaWord **words; /* in the order added */
  gsize cap;                /* of slots: a power of two, or 0 */
  gsize n;                  /* words added */
  gsize words_cap;
} SverkaWordTable;

/* The hash of the @len bytes at @form. */
guint32 sverka_word_table_hash (const char *form, gsize len);

/* The word whose form is the @len bytes at @form (whose hash is @hash), or
 * NULL. */
const SverkaWord *sverka_word_table_lookup (const SverkaWordTable *t, const char *form, gsize len,
                                            guint32 hash);

/* Adds @word, whose form (hash @hash) is not in @t yet. */
void sverka_word_table_add (SverkaWordTable *t, const SverkaWord *word, guint32 hash);

/* Frees the slots and the list; @t is empty after. */
void sverka_word_table_clear (SverkaWordTable *t);

G_END_DECLS
