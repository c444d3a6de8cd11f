/* sverka-slots-private.h: the open addressing that the word table
 * (sverka-word-table.c) and the key table (sverka-key-table.c) share. A
 * slot is 8 bytes, the hash of a string (FNV-1a folded to 32 bits) and
 * the number of its entry + 1, so that a probe reads an entry only when
 * the hashes agree; 0 marks an empty slot. The slots are at most three
 * quarters full, so that a look-up meets an empty slot soon. */
#pragma once

#include <glib.h>

#include "sverka-image-private.h"

G_BEGIN_DECLS

/* The hash of the @len bytes at @data. */
static inline guint32
sverka_slots_hash (const char *data, gsize len)
{
  guint64 h = sverka_image_fnv64 (SVERKA_IMAGE_FNV64_SEED, data, len);
  return (guint32) (h ^ (h >> 32));
}

static inline guint64
sverka_slot (guint32 hash, gsize number)
{
  return (guint64) hash << 32 | (guint64) (number + 1);
}

/* Puts @slot in the first empty place from its hash on. */
static inline void
sverka_slots_put (guint64 *slots, gsize cap, guint64 slot)
{
  gsize i = (guint32) (slot >> 32) & (cap - 1);
  while (slots[i] != 0)
    i = (i + 1) & (cap - 1);
  slots[i] = slot;
}

/* Makes room in *@slots (*@cap of them, a power of two or 0) for one entry
 * more than @n: doubles them, 1024 at least, when they would be more than
 * three quarters full. */
static inline void
sverka_slots_reserve (guint64 **slots, gsize *cap, gsize n)
{
  gsize new_cap;
  guint64 *grown;

  if (4 * (n + 1) <= 3 * *cap)
    return;
  new_cap = MAX (*cap * 2, (gsize) 1024);
  grown = g_new0 (guint64, new_cap);
  for (gsize i = 0; i < *cap; i++)
    if ((*slots)[i] != 0)
      sverka_slots_put (grown, new_cap, (*slots)[i]);
  g_free (*slots);
  *slots = grown;
  *cap = new_cap;
}

G_END_DECLS
