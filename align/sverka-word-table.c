/* sverka-word-table.c: the analysed words of one language by their surface
 * form (see sverka-word-table-private.h). */
#include "config.h"

#include <string.h>

#include "sverka-image-private.h"
#include "sverka-word-table-private.h"

guint32
sverka_word_table_hash (const char *form, gsize len)
{
  guint64 h = sverka_image_fnv64 (SVERKA_IMAGE_FNV64_SEED, form, len);
  return (guint32) (h ^ (h >> 32));
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

static void
put (guint64 *slots, gsize cap, guint64 slot)
{
  gsize i = (guint32) (slot >> 32) & (cap - 1);
  while (slots[i] != 0)
    i = (i + 1) & (cap - 1);
  slots[i] = slot;
}

void
sverka_word_table_add (SverkaWordTable *t, const SverkaWord *word, guint32 hash)
{
  g_return_if_fail (t->n < G_MAXUINT32);
  /* at most three quarters full: a look-up meets an empty slot soon */
  if (4 * (t->n + 1) > 3 * t->cap) {
    gsize cap = MAX (t->cap * 2, (gsize) 1024);
    guint64 *slots = g_new0 (guint64, cap);
    for (gsize i = 0; i < t->cap; i++)
      if (t->slots[i] != 0)
        put (slots, cap, t->slots[i]);
    g_free (t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  if (t->n == t->words_cap) {
    t->words_cap = MAX (t->words_cap * 2, (gsize) 1024);
    t->words = g_renew (const SverkaWord *, t->words, t->words_cap);
  }
  t->words[t->n] = word;
  put (t->slots, t->cap, (guint64) hash << 32 | (guint64) (t->n + 1));
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
