/* sverka-write-private.h: pieces the TSV writers share. */
#pragma once

#include <glib.h>

#include "sverka-document.h"

G_BEGIN_DECLS

/* Appends the sentences @ids (@n of them) of @doc joined by a space. Their
 * text has no tabs or line ends (sverka_document_dup_sentence_text()). */
void sverka_write_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n);

/* Appends the ids of sentences @ids of @doc (sverka_document_get_sentence_id()),
 * comma-separated. */
void sverka_write_append_ids (GString *out, SverkaDocument *doc, const guint *ids, guint n);

/* For the sentences of a bilingual (XLIFF) file, whose outputs name the
 * file's units: appends "unit[ID]: " (the distinct origins of the note's
 * sentences @ru_ids of @ru and @en_ids of @en, comma-separated, then a
 * colon); nothing for other documents. */
void sverka_write_append_units (GString *out, SverkaDocument *ru, const guint *ru_ids,
                                guint n_ru, SverkaDocument *en, const guint *en_ids, guint n_en);

G_END_DECLS
