/* sverka-input.c: which reader reads a document (sverka-input-private.h).
 * A new input format is a file of its own plus a row in readers[]. */
#include <string.h>

#include "sverka-error.h"
#include "sverka-input-html-private.h"
#include "sverka-input-office-private.h"
#include "sverka-input-pdf-private.h"
#include "sverka-input-private.h"

static char *
html_to_text (const char *data, gsize len, const char *name, const char **kind,
              GPtrArray *origins, GError **error)
{
  *kind = "html";
  return sverka_input_html_to_text (data, len, name, origins, error);
}

static char *
pdf_to_text (const char *data, gsize len, const char *name, const char **kind,
             GPtrArray *origins, GError **error)
{
  *kind = "pdf";
  return sverka_input_pdf_to_text (data, len, name, origins, error);
}

static const char *const html_formats[] = { "html", NULL };
static const char *const pdf_formats[] = { "pdf", NULL };
static const char *const office_formats[] = { "docx", "odt", NULL };

/* Tried in this order when reading by content. */
static const SverkaInputReader readers[] = {
  { office_formats, "ZIP archives", TRUE, sverka_input_is_zip, sverka_input_office_to_text },
  { pdf_formats, "PDF documents", TRUE, sverka_input_is_pdf, pdf_to_text },
  { html_formats, "web pages", FALSE, sverka_input_is_html, html_to_text },
};

/* What each kind is called in messages. */
static const struct {
  const char *kind;
  const char *name;  /* "a Word (DOCX) document" */
  const char *empty; /* "a Word document with no text" */
} kinds[] = {
  { "html", "an HTML page", "an HTML page with no text in its body" },
  { "docx", "a Word (DOCX) document", "a Word document with no text" },
  { "odt", "an OpenDocument (ODT) document", "an OpenDocument document with no text" },
  { "pdf", "a PDF document",
    "a PDF document with no text, only images (a scan?): run OCR on it first (Debian "
    "ocrmypdf), or give its text" },
};

static guint
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].kind, kind) == 0)
      return i;
  g_assert_not_reached ();
}

static gboolean
takes (const SverkaInputReader *reader, const char *format)
{
  for (guint i = 0; reader->formats[i] != NULL; i++)
    if (strcmp (reader->formats[i], format) == 0)
      return TRUE;
  return FALSE;
}

gboolean
sverka_input_format_known (const char *format, const char *name, GError **error)
{
  g_autoptr (GString) names = g_string_new ("auto, text");
  if (format == NULL || strcmp (format, "auto") == 0 || strcmp (format, "text") == 0)
    return TRUE;
  for (guint r = 0; r < G_N_ELEMENTS (readers); r++) {
    if (takes (&readers[r], format))
      return TRUE;
    for (guint i = 0; readers[r].formats[i] != NULL; i++)
      g_string_append_printf (names, ", %s", readers[r].formats[i]);
  }
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
               "%s: input format '%s' unknown; expected one of %s", name, format, names->str);
  return FALSE;
}

gboolean
sverka_input_read (const char *data, gsize len, const char *name, const char *format,
                   char **text, const char **kind, GPtrArray *origins, GError **error)
{
  gboolean by_content = format == NULL || strcmp (format, "auto") == 0;
  const SverkaInputReader *reader = NULL;
  char *out;

  *text = NULL;
  *kind = "text";
  if (!sverka_input_format_known (format, name, error))
    return FALSE;
  if (!by_content && strcmp (format, "text") == 0)
    return TRUE;
  for (guint r = 0; r < G_N_ELEMENTS (readers) && reader == NULL; r++)
    if (by_content ? readers[r].recognise (data, len) : takes (&readers[r], format))
      reader = &readers[r];
  if (reader == NULL)
    return TRUE;
  if (!by_content && reader->must_recognise && !reader->recognise (data, len)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: not a %s document (those are %s); read it by its content", name, format,
                 reader->what);
    return FALSE;
  }
  out = reader->to_text (data, len, name, kind, origins, error);
  if (out == NULL)
    return FALSE;
  if (!by_content && strcmp (format, *kind) != 0) {
    g_free (out);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: %s, not %s; read it as %s (or by its content)", name,
                 kinds[kind_index (*kind)].name, format, *kind);
    return FALSE;
  }
  if (out[0] == '\0') {
    g_free (out);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                 "%s: %s; give the document that holds the text", name,
                 kinds[kind_index (*kind)].empty);
    return FALSE;
  }
  *text = out;
  return TRUE;
}
