/* sverka-word-table.c: the analysed words of one language by their surface
 * form (see sverka-word-table-private.h). */
#include "config.h"

#include <string.h>

#include "sverka-slots-private.h"
#include "sverka-word-table-private.h"

guint32
sverka_word_table_hash (const char *form, gsize len)
{
  return sverka_slots_hash (form, len);
}

const SverkaWord *
sverka_word_table_lookup (const SverkaWordTable *t, const char *form, gsize len, guint32 hash)
{
  if (t->cap == 0)
    return NULL;
  for (gsize i = hash & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
    guint64 slot = t->slots[i];
    const SverkaWord *w;
    if (slot == 0)
      return NULL;
    if ((guint32) (slot >> 32) != hash)
      continue;
    w = t->words[(guint32) slot - 1];
    /* strncmp stops at the end of a shorter form, where memcmp might read on */
    if (strncmp (w->form, form, len) == 0 && w->form[len] == '\0')
      return w;
  }
}

void
sverka_word_table_add (SverkaWordTable *t, const SverkaWord *word, guint32 hash)
{
  g_return_if_fail (t->n < G_MAXUINT32);
  sverka_slots_reserve (&t->slots, &t->cap, t->n);
  if (t->n == t->words_cap) {
    t->words_cap = MAX (t->words_cap * 2, (gsize) 1024);
    t->words = g_renew (const SverkaWord *, t->words, t->words_cap);
  }
  t->words[t->n] = word;
  sverka_slots_put (t->slots, t->cap, sverka_slot (hash, t->n));
  t->n++;
}

void
sverka_word_table_clear (SverkaWordTable *t)
{
  g_clear_pointer (&t->slots, g_free);
  g_clear_pointer (&t->words, g_free);
  t->cap = 0;
  t->n = 0;
  t->words_cap = 0;
}
