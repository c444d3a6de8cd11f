/* sverka-key-table.c: the scorer's key strings by number (see the
 * header). */
#include "config.h"

#include <string.h>

#include "sverka-image-private.h"
#include "sverka-key-table-private.h"

static guint32
key_hash (const char *key, gsize len)
{
  guint64 h = sverka_image_fnv64 (SVERKA_IMAGE_FNV64_SEED, key, len);
  return (guint32) (h ^ (h >> 32));
}

static void
put (guint64 *slots, gsize cap, guint64 slot)
{
  gsize i = (guint32) (slot >> 32) & (cap - 1);
  while (slots[i] != 0)
    i = (i + 1) & (cap - 1);
  slots[i] = slot;
}

guint
sverka_key_table_intern (SverkaKeyTable *t, const char *key, gsize len)
{
  guint32 hash = key_hash (key, len), off;
  guint n = sverka_key_table_size (t);
  gsize i;

  if (t->text == NULL) {
    t->text = g_string_new (NULL);
    t->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  }
  for (i = t->cap > 0 ? hash & (t->cap - 1) : 0; t->cap > 0 && t->slots[i] != 0;
       i = (i + 1) & (t->cap - 1)) {
    guint64 slot = t->slots[i];
    const char *k;
    if ((guint32) (slot >> 32) != hash)
      continue;
    k = t->text->str + g_array_index (t->offsets, guint32, (guint32) slot - 1);
    /* strncmp stops at the end of a shorter key */
    if (strncmp (k, key, len) == 0 && k[len] == '\0')
      return (guint32) slot - 1;
  }
  g_return_val_if_fail (n < G_MAXUINT32 - 1 && t->text->len + len < G_MAXUINT32, 0);
  /* at most three quarters full: a look-up meets an empty slot soon */
  if (4 * ((gsize) n + 1) > 3 * t->cap) {
    gsize cap = MAX (t->cap * 2, (gsize) 1024);
    guint64 *slots = g_new0 (guint64, cap);
    for (gsize j = 0; j < t->cap; j++)
      if (t->slots[j] != 0)
        put (slots, cap, t->slots[j]);
    g_free (t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  off = (guint32) t->text->len;
  g_string_append_len (t->text, key, (gssize) len);
  g_string_append_c (t->text, '\0');
  g_array_append_val (t->offsets, off);
  put (t->slots, t->cap, (guint64) hash << 32 | (guint64) (n + 1));
  return n;
}

guint
sverka_key_table_size (const SverkaKeyTable *t)
{
  return t->offsets != NULL ? t->offsets->len : 0;
}

const char *
sverka_key_table_key (const SverkaKeyTable *t, guint id)
{
  g_return_val_if_fail (id < sverka_key_table_size (t), NULL);
  return t->text->str + g_array_index (t->offsets, guint32, id);
}

void
sverka_key_table_clear (SverkaKeyTable *t)
{
  g_clear_pointer (&t->slots, g_free);
  if (t->text != NULL)
    g_string_free (t->text, TRUE);
  g_clear_pointer (&t->offsets, g_array_unref);
  *t = (SverkaKeyTable) { 0 };
}
