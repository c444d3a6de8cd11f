/* sverka-write-tsv.c: the parallel TSV. */
#include "sverka-write.h"
#include "sverka-write-private.h"

void
sverka_write_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++) {
    g_autofree char *s = sverka_document_dup_sentence_text (doc, ids[k]);
    if (k > 0)
      g_string_append_c (out, ' ');
    g_string_append (out, s);
  }
}

void
sverka_write_append_ids (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, k > 0 ? ",%u" : "%u", sverka_document_get_sentence_id (doc, ids[k]));
}

char *
sverka_write_tsv (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new ("ru\ten\tscore\tru_ids\ten_ids\n");
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    sverka_write_append_text (out, ru, b->ru, b->n_ru);
    g_string_append_c (out, '\t');
    sverka_write_append_text (out, en, b->en, b->n_en);
    g_string_append_c (out, '\t');
    g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", b->score));
    g_string_append_c (out, '\t');
    sverka_write_append_ids (out, ru, b->ru, b->n_ru);
    g_string_append_c (out, '\t');
    sverka_write_append_ids (out, en, b->en, b->n_en);
    g_string_append_c (out, '\n');
  }
  return g_string_free (out, FALSE);
}
