/* sverka-pair-table.c: counts of word pairs in open addressing (see the
 * header). */
#include "sverka-pair-table-private.h"

static gsize
slot_of (const SverkaPairTable *t, guint64 key)
{
  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 17) & (t->cap - 1);
}

/* The slot of @key, or the empty slot where it would go. */
static gsize
probe (const SverkaPairTable *t, guint64 key)
{
  gsize i;
  for (i = slot_of (t, key); t->keys[i] != 0 && t->keys[i] != key; i = (i + 1) & (t->cap - 1))
    ;
  return i;
}

static void
grow (SverkaPairTable *t)
{
  SverkaPairTable old = *t;

  t->cap = old.cap == 0 ? 4096 : old.cap * 2;
  t->keys = g_new0 (guint64, t->cap);
  t->counts = g_new0 (guint, t->cap);
  for (gsize i = 0; i < old.cap; i++)
    if (old.keys[i] != 0) {
      gsize s = probe (t, old.keys[i]);
      t->keys[s] = old.keys[i];
      t->counts[s] = old.counts[i];
    }
  g_free (old.keys);
  g_free (old.counts);
}

gsize
sverka_pair_table_add (SverkaPairTable *t, guint64 key, guint n)
{
  gsize i;

  /* at most seven tenths full */
  if (10 * (t->n + 1) > 7 * t->cap)
    grow (t);
  i = probe (t, key);
  if (t->keys[i] == 0) {
    t->keys[i] = key;
    t->n++;
  }
  t->counts[i] += n;
  return i;
}

gsize
sverka_pair_table_find (const SverkaPairTable *t, guint64 key)
{
  return probe (t, key);
}

void
sverka_pair_table_clear (SverkaPairTable *t)
{
  g_free (t->keys);
  g_free (t->counts);
  *t = (SverkaPairTable) { 0 };
}
