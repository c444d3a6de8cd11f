/* sverka.h: align Russian and English texts sentence by sentence.
 *
 * This is the one public header of libsverka; it includes the others.
 *
 * Ownership, once for all: a function marked (transfer full) gives the caller
 * the result to free with the named function (sverka_*_free, sverka_*_unref,
 * g_free for strings, g_strfreev for string arrays); (transfer none) lends a
 * pointer that stays valid as long as the object it came from. Objects are
 * created only by *_new functions. The library never prints and never exits:
 * failures come back as GError in the SVERKA_ERROR domain (sverka-error.h).
 *
 * Quick use:
 *
 *   g_autoptr(SverkaContext) ctx = sverka_context_new (NULL, &error);
 *   g_autoptr(SverkaDocument) doc =
 *       sverka_document_new_from_file (ctx, "ru.txt", NULL, &error);
 *   for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
 *     g_autofree char *s = sverka_document_dup_sentence_text (doc, i);
 *     ...
 *   }
 */
#pragma once

#include "sverka-align.h"
#include "sverka-context.h"
#include "sverka-document.h"
#include "sverka-error.h"
#include "sverka-language.h"
#include "sverka-learn.h"
#include "sverka-lexicon.h"
#include "sverka-notes.h"
#include "sverka-text.h"
#include "sverka-token.h"
#include "sverka-write.h"

#define SVERKA_VERSION_STRING "0.1.0"
