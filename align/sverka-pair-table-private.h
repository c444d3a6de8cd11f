/* sverka-pair-table-private.h: counts of word pairs (a Russian id and an
 * English id) in open addressing, for the learners of lexicon entries
 * (sverka-learn.c, sverka-train.c). A key is (ru id + 1) << 32 | (en id +
 * 1), never 0 (0 marks an empty slot); the ids wrap, so G_MAXUINT32 may
 * stand for a NULL word on one side (its half of the key is then 0). A
 * slot's number stays valid until the next addition, which may grow the
 * table; callers may keep arrays of their own in step with the slots once
 * the table no longer grows. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 *keys; /* 0: empty */
  guint *counts;
  gsize cap; /* a power of two, or 0 */
  gsize n;
} SverkaPairTable;

static inline guint64
sverka_pair_key (guint ru, guint en)
{
  return ((guint64) (guint) (ru + 1) << 32) | (guint64) (guint) (en + 1);
}

static inline guint
sverka_pair_key_ru (guint64 key)
{
  return (guint) (key >> 32) - 1;
}

static inline guint
sverka_pair_key_en (guint64 key)
{
  return (guint) (key & 0xffffffffu) - 1;
}

/* Adds @n to the count of @key, which is added if new. Returns: its slot. */
gsize sverka_pair_table_add (SverkaPairTable *t, guint64 key, guint n);
/* Returns: the slot of @key, which must be in the table. */
gsize sverka_pair_table_find (const SverkaPairTable *t, guint64 key);
/* Frees the table's arrays and empties it. */
void sverka_pair_table_clear (SverkaPairTable *t);

G_END_DECLS
