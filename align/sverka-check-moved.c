/* sverka-check-moved.c: moved, a block of sentences the translation gives
 * elsewhere (parallel mode; see sverka-align-moved.c). One warning per
 * block, on all its sentences: "moved block: ru 12-14 <-> en 3-5", the
 * 1-based numbers of its first and last sentence on each side. The block's
 * sentences are linked, so they get no omission or addition note. */
#include "sverka-notes-private.h"

typedef struct {
  GArray *ru, *en; /* guint: the sentences of the block being read */
} Block;

static gpointer
begin (SverkaChecker *c)
{
  Block *k = g_new0 (Block, 1);
  k->ru = g_array_new (FALSE, FALSE, sizeof (guint));
  k->en = g_array_new (FALSE, FALSE, sizeof (guint));
  return k;
}

static void
free_block (gpointer p)
{
  Block *k = p;
  g_array_unref (k->ru);
  g_array_unref (k->en);
  g_free (k);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static void
append_range (GString *s, const char *side, GArray *ids)
{
  guint first = g_array_index (ids, guint, 0) + 1, last = g_array_index (ids, guint, ids->len - 1) + 1;
  if (first == last)
    g_string_append_printf (s, "%s %u", side, first);
  else
    g_string_append_printf (s, "%s %u-%u", side, first, last);
}

/* Writes the note of the block read so far, if any, and starts afresh. */
static void
flush (SverkaChecker *c, Block *k)
{
  if (k->ru->len > 0 && k->en->len > 0) {
    g_array_sort (k->ru, compare_ids);
    g_array_sort (k->en, compare_ids);
    g_string_assign (c->buf, "moved block: ");
    append_range (c->buf, sverka_checker_code (c, TRUE), k->ru);
    g_string_append (c->buf, " <-> ");
    append_range (c->buf, sverka_checker_code (c, FALSE), k->en);
    sverka_checker_add_note (c, SVERKA_NOTE_MOVED, SVERKA_SEVERITY_WARNING,
                             &g_array_index (k->ru, guint, 0), k->ru->len,
                             &g_array_index (k->en, guint, 0), k->en->len,
                             g_strdup (c->buf->str));
  }
  g_array_set_size (k->ru, 0);
  g_array_set_size (k->en, 0);
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  Block *k = state;
  if (!(b->flags & SVERKA_BEAD_MOVED) || (b->flags & SVERKA_BEAD_BLOCK_START))
    flush (c, k);
  if (b->flags & SVERKA_BEAD_MOVED) {
    g_array_append_vals (k->ru, b->ru, b->n_ru);
    g_array_append_vals (k->en, b->en, b->n_en);
  }
}

static void
check_document (SverkaChecker *c, gpointer state)
{
  flush (c, state);
}

const SverkaCheck sverka_check_moved = {
  .name = "moved",
  .parallel_only = TRUE,
  .begin = begin,
  .bead = check_bead,
  .document = check_document,
  .free_state = free_block,
};
