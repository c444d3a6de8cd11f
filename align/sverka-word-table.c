/* sverka-word-table.c: the analysed words of one language by their surface
 * form (see sverka-word-table-private.h). */
#include "config.h"

#include <string.h>

#include "sverka-word-table-private.h"

guint32
sverka_word_table_hash (const char *form, gsize len)
{
  guint32 h = 2166136261u; /* FNV-1a */
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) form[i]) * 16777619u;
  return h;
}

const SverkaWord *
sverka_word_table_lookup (const SverkaWordTable *t, const char *form, gsize len, guint32 hash)
{
  if (t->cap == 0)
    return NULL;
  for (gsize i = hash & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
    const SverkaWordSlot *s = &t->slots[i];
    if (s->word == NULL)
      return NULL;
    if (s->hash == hash && s->len == len && memcmp (s->word->form, form, len) == 0)
      return s->word;
  }
}

static void
put (SverkaWordSlot *slots, gsize cap, SverkaWordSlot slot)
{
  gsize i = slot.hash & (cap - 1);
  while (slots[i].word != NULL)
    i = (i + 1) & (cap - 1);
  slots[i] = slot;
}

void
sverka_word_table_add (SverkaWordTable *t, const SverkaWord *word, gsize len, guint32 hash)
{
  SverkaWordSlot slot = { hash, (guint32) len, word };

  g_return_if_fail (len <= G_MAXUINT32);
  /* at most half full: a look-up meets an empty slot soon */
  if (2 * (t->n + 1) > t->cap) {
    gsize cap = MAX (t->cap * 2, (gsize) 1024);
    SverkaWordSlot *slots = g_new0 (SverkaWordSlot, cap);
    for (gsize i = 0; i < t->cap; i++)
      if (t->slots[i].word != NULL)
        put (slots, cap, t->slots[i]);
    g_free (t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  put (t->slots, t->cap, slot);
  t->n++;
}

void
sverka_word_table_clear (SverkaWordTable *t)
{
  g_clear_pointer (&t->slots, g_free);
  t->cap = 0;
  t->n = 0;
}
