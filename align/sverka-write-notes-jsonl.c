/* sverka-write-notes-jsonl.c: the notes as JSON Lines, one object per note:
 * the fields of the notes TSV, the kind's ITS 2.0 issue type ("its_type"),
 * and the words the note is about ("marks"), each with its document, its
 * sentence id, its offsets in characters (Unicode code points, 0-based,
 * end exclusive) from the start of the document as read, byte order mark
 * included, and its text; for documents read from marked-up files (HTML,
 * DOCX, ODT, XLIFF), where the note's sentences came from ("ru_origins",
 * "en_origins": element paths, or an XLIFF file's units). */
#include "sverka-write.h"
#include "sverka-write-json-private.h"

/* Per sentence of @doc, the character offset of its start. */
static glong *
sentence_char_starts (SverkaDocument *doc)
{
  guint n = sverka_document_get_n_sentences (doc);
  const char *data = sverka_document_get_data (doc, NULL);
  glong *starts = g_new (glong, MAX (n, 1u));
  gsize byte = 0;
  glong chars = 0;

  for (guint i = 0; i < n; i++) {
    gsize start = sverka_document_get_sentence (doc, i)->start;
    chars += g_utf8_strlen (data + byte, (gssize) (start - byte));
    byte = start;
    starts[i] = chars;
  }
  return starts;
}

static void
append_marks (GString *out, const SverkaNote *n, SverkaDocument *docs[2], glong *starts[2])
{
  g_string_append (out, ", \"marks\": [");
  for (guint k = 0; k < n->n_marks; k++) {
    const SverkaNoteMark *m = &n->marks[k];
    int side = m->language == SVERKA_LANGUAGE_RU ? 0 : 1;
    const char *data = sverka_document_get_data (docs[side], NULL);
    gsize s_start = sverka_document_get_sentence (docs[side], m->sentence)->start;
    glong begin = starts[side][m->sentence] + g_utf8_strlen (data + s_start, (gssize) (m->start - s_start));
    glong len = g_utf8_strlen (data + m->start, (gssize) (m->end - m->start));
    g_autofree char *text = g_strndup (data + m->start, m->end - m->start);
    g_string_append_printf (out, "%s{\"lang\": \"%s\", \"sentence_id\": %u, \"start\": %ld, "
                                 "\"end\": %ld, \"text\": ",
                            k > 0 ? ", " : "", sverka_document_get_language_code (docs[side]),
                            sverka_document_get_sentence_id (docs[side], m->sentence), begin,
                            begin + len);
    sverka_json_append_string (out, text);
    g_string_append_c (out, '}');
  }
  g_string_append_c (out, ']');
}

static void
append_origins (GString *out, const char *key, SverkaDocument *doc, const guint *ids, guint n)
{
  g_string_append_printf (out, ", \"%s\": [", key);
  for (guint k = 0; k < n; k++) {
    const char *o = sverka_document_get_sentence_origin (doc, ids[k]);
    if (k > 0)
      g_string_append (out, ", ");
    if (o != NULL)
      sverka_json_append_string (out, o);
    else
      g_string_append (out, "null");
  }
  g_string_append_c (out, ']');
}

char *
sverka_write_notes_jsonl (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new (NULL);
  SverkaDocument *docs[2] = { ru, en };
  const char *l1 = sverka_document_get_language_code (ru);
  const char *l2 = sverka_document_get_language_code (en);
  g_autofree glong *ru_starts = sentence_char_starts (ru);
  g_autofree glong *en_starts = sentence_char_starts (en);
  glong *starts[2] = { ru_starts, en_starts };
  gboolean has_origins = (sverka_document_get_n_sentences (ru) > 0
                          && sverka_document_get_sentence_origin (ru, 0) != NULL)
                         || (sverka_document_get_n_sentences (en) > 0
                             && sverka_document_get_sentence_origin (en, 0) != NULL);

  for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *n = sverka_notes_get_note (notes, i);
    g_string_append (out, "{\"kind\": ");
    sverka_json_append_string (out, sverka_note_kind_to_string (n->kind));
    g_string_append (out, ", \"severity\": ");
    sverka_json_append_string (out, sverka_severity_to_string (n->severity));
    g_string_append_printf (out, ", \"%s_ids\": ", l1);
    sverka_json_append_ids (out, ru, n->ru, n->n_ru);
    g_string_append_printf (out, ", \"%s_ids\": ", l2);
    sverka_json_append_ids (out, en, n->en, n->n_en);
    g_string_append_printf (out, ", \"%s_text\": ", l1);
    sverka_json_append_text (out, ru, n->ru, n->n_ru);
    g_string_append_printf (out, ", \"%s_text\": ", l2);
    sverka_json_append_text (out, en, n->en, n->n_en);
    g_string_append (out, ", \"message\": ");
    sverka_json_append_string (out, n->message);
    g_string_append (out, ", \"its_type\": ");
    sverka_json_append_string (out, sverka_note_kind_to_its (n->kind));
    append_marks (out, n, docs, starts);
    if (has_origins) {
      g_autofree char *ru_key = g_strdup_printf ("%s_origins", l1);
      g_autofree char *en_key = g_strdup_printf ("%s_origins", l2);
      append_origins (out, ru_key, ru, n->ru, n->n_ru);
      append_origins (out, en_key, en, n->en, n->n_en);
    }
    g_string_append (out, "}\n");
  }
  return g_string_free (out, FALSE);
}
