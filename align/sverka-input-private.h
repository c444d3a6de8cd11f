/* sverka-input-private.h: the readers of documents that are not plain text
 * (sverka-input.c), each in a file of its own: HTML (sverka-input-html.c),
 * DOCX and ODT (sverka-input-office.c), PDF (sverka-input-pdf.c). A reader turns the bytes of a file
 * into the text sverka reads, one line per paragraph, and tells for each
 * line where it came from. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One reader. */
typedef struct {
  /* The names --input-format accepts for it ("docx", "odt"); a reader of
   * several kinds tells which in to_text()'s @kind. */
  const char *const *formats;
  /* What files of its kinds are, in messages ("ZIP archives"). */
  const char *what;
  /* Whether a file forced to this reader's kind must still look like one
   * (a ZIP must be a ZIP; any bytes can be parsed as HTML). */
  gboolean must_recognise;
  /* Whether @len bytes of @data look like a file of this reader's kind. */
  gboolean (*recognise) (const char *data, gsize len);
  /* The text, as the readers' headers describe; @kind set to one of
   * @formats. Returns: (transfer full) the text, or NULL with @error set. */
  char *(*to_text) (const char *data, gsize len, const char *name, const char **kind,
                    GPtrArray *origins, GError **error);
} SverkaInputReader;

/* Whether @format (NULL: "auto") is a name SverkaLoadOptions.format takes;
 * if not, sets @error naming @name and the names it takes. */
gboolean sverka_input_format_known (const char *format, const char *name, GError **error);

/* Reads @data (@len bytes, from @name) with the reader @format names, or,
 * for NULL or "auto", with the reader that recognises it. Returns TRUE with
 * *@text NULL when no reader takes it (it is text, or @format is "text");
 * TRUE with *@text (transfer full) its text, *@kind its format and @origins
 * the origin of each line; FALSE with @error set when the file is not of
 * the kind @format names, cannot be read, or holds no text. */
gboolean sverka_input_read (const char *data, gsize len, const char *name, const char *format,
                            char **text, const char **kind, GPtrArray *origins,
                            GError **error);

G_END_DECLS
