/* sverka-write-json-private.h: JSON pieces the JSON Lines writers share. */
#pragma once

#include <glib.h>

#include "sverka-document.h"

G_BEGIN_DECLS

/* Appends @s (valid UTF-8, NUL-terminated) as a JSON string with its quotes:
 * '"' and '\' escaped, control characters as \n, \t, ... or \u00XX, and
 * U+2028 and U+2029 as \u2028 and \u2029 (JavaScript reads them as line
 * ends). Everything else is copied as UTF-8. */
void sverka_json_append_string (GString *out, const char *s);

/* Appends the ids of sentences @ids of @doc (sverka_document_get_sentence_id())
 * as a JSON array: [7] or [17,18,19]. */
void sverka_json_append_ids (GString *out, SverkaDocument *doc, const guint *ids, guint n);

/* Appends the sentences @ids of @doc, joined by a space as in the TSV, as one
 * JSON string. */
void sverka_json_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n);

G_END_DECLS
