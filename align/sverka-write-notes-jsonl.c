/* sverka-write-notes-jsonl.c: the notes as JSON Lines, one object per note. */
#include "sverka-write.h"
#include "sverka-write-json-private.h"

char *
sverka_write_notes_jsonl (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *n = sverka_notes_get_note (notes, i);
    g_string_append (out, "{\"kind\": ");
    sverka_json_append_string (out, sverka_note_kind_to_string (n->kind));
    g_string_append (out, ", \"severity\": ");
    sverka_json_append_string (out, sverka_severity_to_string (n->severity));
    g_string_append (out, ", \"ru_ids\": ");
    sverka_json_append_ids (out, ru, n->ru, n->n_ru);
    g_string_append (out, ", \"en_ids\": ");
    sverka_json_append_ids (out, en, n->en, n->n_en);
    g_string_append (out, ", \"ru_text\": ");
    sverka_json_append_text (out, ru, n->ru, n->n_ru);
    g_string_append (out, ", \"en_text\": ");
    sverka_json_append_text (out, en, n->en, n->n_en);
    g_string_append (out, ", \"message\": ");
    sverka_json_append_string (out, n->message);
    g_string_append (out, "}\n");
  }
  return g_string_free (out, FALSE);
}
