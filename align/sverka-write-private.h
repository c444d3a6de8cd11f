/* sverka-write-private.h: pieces the TSV writers share. */
#pragma once

#include <glib.h>

#include "sverka-document.h"

G_BEGIN_DECLS

/* Appends the sentences @ids (@n of them) of @doc joined by a space, with
 * tabs and line ends turned into spaces. */
void sverka_write_append_text (GString *out, SverkaDocument *doc, const guint *ids, guint n);

/* Appends the 1-based sentence numbers of @ids, comma-separated. */
void sverka_write_append_ids (GString *out, const guint *ids, guint n);

G_END_DECLS
