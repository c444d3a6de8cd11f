/* sverka-write-vecalign.c: the alignment in the format of vecalign and
 * Bertalign, whose scoring scripts read it: one line per bead,
 * "[0]:[0, 1]:0.930", the Russian and the English sentences as 0-based
 * numbers (the sentence id less one: the line number less one for a document
 * loaded from lines), "[]" for a side without any, then the bead's score. */
#include "sverka-write.h"

static void
append_side (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  g_string_append_c (out, '[');
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, k > 0 ? ", %u" : "%u",
                            sverka_document_get_sentence_id (doc, ids[k]) - 1);
  g_string_append_c (out, ']');
}

char *
sverka_write_vecalign (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new (NULL);
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    append_side (out, ru, b->ru, b->n_ru);
    g_string_append_c (out, ':');
    append_side (out, en, b->en, b->n_en);
    g_string_append_c (out, ':');
    g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", b->score));
    g_string_append_c (out, '\n');
  }
  return g_string_free (out, FALSE);
}
