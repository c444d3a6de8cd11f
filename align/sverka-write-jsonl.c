/* sverka-write-jsonl.c: the alignment as JSON Lines, one object per bead, in
 * sverka's own shape or in the {"translation": {...}} shape of corpus hubs.
 * A bead of a moved block (SVERKA_BEAD_MOVED) has one more member in
 * sverka's shape, "moved_block": the block's number, from 1 in row order. */
#include "sverka-write.h"
#include "sverka-write-json-private.h"

/* @block: the 1-based number of the moved block of @b, 0 if it is not
 * moved. */
static void
append_plain (GString *out, const SverkaBead *b, guint block, SverkaDocument *ru,
              SverkaDocument *en)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "{\"ru\": ");
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append (out, ", \"en\": ");
  sverka_json_append_text (out, en, b->en, b->n_en);
  g_string_append (out, ", \"score\": ");
  g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", b->score));
  g_string_append (out, ", \"ru_ids\": ");
  sverka_json_append_ids (out, b->ru, b->n_ru);
  g_string_append (out, ", \"en_ids\": ");
  sverka_json_append_ids (out, b->en, b->n_en);
  if (block > 0)
    g_string_append_printf (out, ", \"moved_block\": %u", block);
  g_string_append (out, "}\n");
}

static void
append_hf (GString *out, const SverkaBead *b, SverkaDocument *ru, SverkaDocument *en)
{
  if (b->n_ru == 0 || b->n_en == 0)
    return;
  g_string_append (out, "{\"translation\": {\"ru\": ");
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append (out, ", \"en\": ");
  sverka_json_append_text (out, en, b->en, b->n_en);
  g_string_append (out, "}}\n");
}

char *
sverka_write_jsonl (SverkaAlignment *alignment,
                    SverkaDocument *ru,
                    SverkaDocument *en,
                    SverkaJsonlStyle style)
{
  GString *out = g_string_new (NULL);
  guint block = 0;

  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    block += (b->flags & SVERKA_BEAD_BLOCK_START) != 0;
    if (style == SVERKA_JSONL_HF)
      append_hf (out, b, ru, en);
    else
      append_plain (out, b, (b->flags & SVERKA_BEAD_MOVED) ? block : 0, ru, en);
  }
  return g_string_free (out, FALSE);
}

gboolean
sverka_jsonl_style_from_string (const char *s, SverkaJsonlStyle *out)
{
  if (g_strcmp0 (s, "sverka") == 0)
    *out = SVERKA_JSONL_SVERKA;
  else if (g_strcmp0 (s, "hf") == 0)
    *out = SVERKA_JSONL_HF;
  else
    return FALSE;
  return TRUE;
}
