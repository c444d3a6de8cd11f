/* sverka-key-table-private.h: the scorer's key strings ("s:nato",
 * "r:встреч", "c:stolt") by number, while the sides' features are built:
 * open addressing over the key's bytes (a slot holds the key's hash and its
 * number, 8 bytes, so that a probe reads a key only when the hashes agree),
 * the keys kept one after another in one string; the slots are those of
 * sverka-slots-private.h, as the word table's. It stands in for a
 * GHashTable of copied strings, whose hashing and copies took about 1.7%
 * of the time of aligning two 27.8k-line documents. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 *slots;  /* hash << 32 | (number + 1); 0: empty */
  gsize cap;       /* of slots: a power of two, or 0 */
  GString *text;   /* the keys, each with its NUL, in the order of their numbers */
  GArray *offsets; /* guint32 per number: where its key starts in text */
} SverkaKeyTable;

/* The number of the @len bytes at @key (no NUL among them), which are
 * added with the next number (the count so far) if they are new. */
guint sverka_key_table_intern (SverkaKeyTable *t, const char *key, gsize len);

/* How many keys @t holds. */
guint sverka_key_table_size (const SverkaKeyTable *t);

/* The key of number @id. Returns: (transfer none) valid until the next
 * sverka_key_table_intern(). */
const char *sverka_key_table_key (const SverkaKeyTable *t, guint id);

/* Frees the table; @t is empty after. */
void sverka_key_table_clear (SverkaKeyTable *t);

G_END_DECLS
