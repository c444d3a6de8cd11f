/* sverka-key-table.c: the scorer's key strings by number (see the
 * header). */
#include "config.h"

#include <string.h>

#include "sverka-key-table-private.h"
#include "sverka-slots-private.h"

guint
sverka_key_table_intern (SverkaKeyTable *t, const char *key, gsize len)
{
  guint32 hash = sverka_slots_hash (key, len), off;
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
  sverka_slots_reserve (&t->slots, &t->cap, n);
  off = (guint32) t->text->len;
  g_string_append_len (t->text, key, (gssize) len);
  g_string_append_c (t->text, '\0');
  g_array_append_val (t->offsets, off);
  sverka_slots_put (t->slots, t->cap, sverka_slot (hash, n));
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
