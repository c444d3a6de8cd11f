/* sverka-write-notes-tsv.c: the notes TSV; for a bilingual (XLIFF) file each
 * message begins with the units of its sentences ("unit[u2]/segment[s1]: "). */
#include "sverka-write.h"
#include "sverka-write-private.h"

char *
sverka_write_notes_tsv (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en)
{
  const char *l1 = sverka_document_get_language_code (ru);
  const char *l2 = sverka_document_get_language_code (en);
  /* "kind  severity  ru_ids  en_ids  ru_text  en_text  message", another
   * pair's codes in place of ru and en */
  GString *out = g_string_new (NULL);

  g_string_printf (out, "kind\tseverity\t%s_ids\t%s_ids\t%s_text\t%s_text\tmessage\n", l1, l2, l1,
                   l2);
  for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *n = sverka_notes_get_note (notes, i);
    g_string_append (out, sverka_note_kind_to_string (n->kind));
    g_string_append_c (out, '\t');
    g_string_append (out, sverka_severity_to_string (n->severity));
    g_string_append_c (out, '\t');
    sverka_write_append_ids (out, ru, n->ru, n->n_ru);
    g_string_append_c (out, '\t');
    sverka_write_append_ids (out, en, n->en, n->n_en);
    g_string_append_c (out, '\t');
    sverka_write_append_text (out, ru, n->ru, n->n_ru);
    g_string_append_c (out, '\t');
    sverka_write_append_text (out, en, n->en, n->n_en);
    g_string_append_c (out, '\t');
    sverka_write_append_units (out, ru, n->ru, n->n_ru, en, n->en, n->n_en);
    for (const char *p = n->message; *p != '\0'; p++)
      g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    g_string_append_c (out, '\n');
  }
  return g_string_free (out, FALSE);
}
