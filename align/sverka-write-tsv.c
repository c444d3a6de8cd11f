/* sverka-write-tsv.c: the parallel TSV. */
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-write.h"
#include "sverka-write-private.h"

void
sverka_write_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++) {
    if (k > 0)
      g_string_append_c (out, ' ');
    sverka_document_append_sentence_text (doc, ids[k], out);
  }
}

void
sverka_write_append_ids (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++) {
    char digits[16];
    guint v = sverka_document_get_sentence_id (doc, ids[k]), len = 0;
    if (k > 0)
      g_string_append_c (out, ',');
    do
      digits[len++] = (char) ('0' + v % 10);
    while ((v /= 10) > 0);
    while (len > 0)
      g_string_append_c (out, digits[--len]);
  }
}

void
sverka_write_append_units (GString *out, SverkaDocument *ru, const guint *ru_ids, guint n_ru,
                           SverkaDocument *en, const guint *en_ids, guint n_en)
{
  SverkaDocument *docs[2] = { ru, en };
  const guint *ids[2] = { ru_ids, en_ids };
  guint n[2] = { n_ru, n_en };
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();

  if (strcmp (sverka_document_get_format (ru), "xliff") != 0)
    return;
  for (guint side = 0; side < 2; side++)
    for (guint k = 0; k < n[side]; k++) {
      const char *o = sverka_document_get_sentence_origin (docs[side], ids[side][k]);
      gboolean dup = FALSE;
      for (guint j = 0; j < seen->len && !dup; j++)
        dup = strcmp (g_ptr_array_index (seen, j), o) == 0;
      if (o != NULL && !dup)
        g_ptr_array_add (seen, (gpointer) o);
    }
  for (guint j = 0; j < seen->len; j++)
    g_string_append_printf (out, "%s%s", j > 0 ? ", " : "", (const char *) g_ptr_array_index (seen, j));
  if (seen->len > 0)
    g_string_append (out, ": ");
}

char *
sverka_write_tsv (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  const char *l1 = sverka_document_get_language_code (ru);
  const char *l2 = sverka_document_get_language_code (en);
  /* "ru  en  score  ru_ids  en_ids", the pair's codes for another */
  GString *out = g_string_new (NULL);
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_printf (out, "%s\t%s\tscore\t%s_ids\t%s_ids\n", l1, l2, l1, l2);
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
