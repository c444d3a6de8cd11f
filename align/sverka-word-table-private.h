/* sverka-word-table-private.h: the analysed words of one language by their
 * surface form, for sverka_context_lookup_word(): open addressing over the
 * form's bytes, so that a token's form is looked up where it lies in the
 * text, without a NUL-terminated copy, and compared by its hash and length
 * before its bytes. The words are not owned. */
#pragma once

#include "sverka-token.h"

G_BEGIN_DECLS

typedef struct {
  guint32 hash; /* sverka_word_table_hash() of the form; the slot is empty if word is NULL */
  guint32 len;  /* the form's length in bytes */
  const SverkaWord *word;
} SverkaWordSlot;

typedef struct {
  SverkaWordSlot *slots;
  gsize cap; /* a power of two, or 0 */
  gsize n;
} SverkaWordTable;

/* The hash of the @len bytes at @form. */
guint32 sverka_word_table_hash (const char *form, gsize len);

/* The word whose form is the @len bytes at @form (whose hash is @hash), or
 * NULL. */
const SverkaWord *sverka_word_table_lookup (const SverkaWordTable *t, const char *form, gsize len,
                                            guint32 hash);

/* Adds @word, whose form (@len bytes, hash @hash) is not in @t yet. */
void sverka_word_table_add (SverkaWordTable *t, const SverkaWord *word, gsize len, guint32 hash);

/* Frees the slots; @t is empty after. */
void sverka_word_table_clear (SverkaWordTable *t);

G_END_DECLS
