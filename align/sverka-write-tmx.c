/* sverka-write-tmx.c: the alignment as a TMX 1.4b translation memory. */
#include "config.h"

#include <string.h>

#include "sverka-write.h"
#include "sverka-write-private.h"
#include "sverka-write-xml-private.h"

static void
append_tuv (GString *out, const char *lang, SverkaDocument *doc, const guint *ids, guint n)
{
  g_autoptr (GString) text = g_string_new (NULL);

  sverka_write_append_text (text, doc, ids, n);
  g_string_append_printf (out, "      <tuv xml:lang=\"%s\"><seg>", lang);
  sverka_xml_append_escaped (out, text->str, -1);
  g_string_append (out, "</seg></tuv>\n");
}

static void
append_prop (GString *out, const char *type, const char *value)
{
  g_string_append_printf (out, "      <prop type=\"%s\">", type);
  sverka_xml_append_escaped (out, value, -1);
  g_string_append (out, "</prop>\n");
}

void
sverka_tmx_options_init (SverkaTmxOptions *options)
{
  options->ru_lang = NULL; /* the documents' codes */
  options->en_lang = NULL;
  options->creation_date = -1;
  options->one_to_one = FALSE;
}

gboolean
sverka_tmx_language_is_valid (const char *code)
{
  /* A BCP 47 tag as TMX takes it: letters, digits and hyphens, starting with
   * two or three letters ("ru", "ru-RU", "en-US", "sr-Latn-RS"). */
  guint n = 0;
  if (code == NULL)
    return FALSE;
  while (g_ascii_isalpha (code[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  for (const char *p = code + n; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !(*p == '-' && p[1] != '\0' && p[1] != '-'))
      return FALSE;
  return strlen (code) <= 35;
}

char *
sverka_write_tmx (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  SverkaTmxOptions options;
  sverka_tmx_options_init (&options);
  return sverka_write_tmx_with_options (alignment, ru, en, &options);
}

char *
sverka_write_tmx_with_options (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en,
                               const SverkaTmxOptions *options)
{
  GString *out = g_string_new (NULL);
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  const char *l1 = sverka_document_get_language_code (ru);
  const char *l2 = sverka_document_get_language_code (en);
  const char *ru_lang = sverka_tmx_language_is_valid (options->ru_lang) ? options->ru_lang : l1;
  const char *en_lang = sverka_tmx_language_is_valid (options->en_lang) ? options->en_lang : l2;

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
                   "<tmx version=\"1.4\">\n"
                   "  <header creationtool=\"sverka\" creationtoolversion=\"" SVERKA_VERSION "\""
                   " segtype=\"sentence\" o-tmf=\"sverka\" adminlang=\"en\" srclang=\"");
  g_string_append (out, ru_lang);
  g_string_append (out, "\" datatype=\"plaintext\"");
  if (options->creation_date >= 0) {
    g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (options->creation_date);
    g_autofree char *stamp = t != NULL ? g_date_time_format (t, "%Y%m%dT%H%M%SZ") : NULL;
    if (stamp != NULL)
      g_string_append_printf (out, " creationdate=\"%s\"", stamp);
  }
  g_string_append (out, ">\n");
  g_string_append_printf (out, "    <prop type=\"x-sverka-%s-document\">", l1);
  sverka_xml_append_escaped (out, sverka_document_get_name (ru), -1);
  g_string_append_printf (out, "</prop>\n    <prop type=\"x-sverka-%s-document\">", l2);
  sverka_xml_append_escaped (out, sverka_document_get_name (en), -1);
  g_string_append_printf (out,
                          "</prop>\n    <prop type=\"x-sverka-mode\">%s</prop>\n"
                          "    <prop type=\"x-sverka-verdict\">%s</prop>\n"
                          "    <prop type=\"x-sverka-verdict-reason\">",
                          sverka_mode_to_string (sverka_alignment_get_mode (alignment)),
                          sverka_verdict_to_string (sverka_alignment_get_verdict (alignment)));
  sverka_xml_append_escaped (out, sverka_alignment_get_verdict_reason (alignment), -1);
  g_string_append (out, "</prop>\n  </header>\n  <body>\n");

  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    g_autoptr (GString) ids = g_string_new (NULL);
    char prop[32];

    if (b->n_ru == 0 || b->n_en == 0 || (options->one_to_one && (b->n_ru != 1 || b->n_en != 1)))
      continue;
    g_string_append (out, "    <tu>\n");
    append_prop (out, "x-sverka-score", g_ascii_formatd (num, sizeof num, "%.3f", b->score));
    sverka_write_append_ids (ids, ru, b->ru, b->n_ru);
    g_snprintf (prop, sizeof prop, "x-sverka-%s-ids", l1);
    append_prop (out, prop, ids->str);
    g_string_truncate (ids, 0);
    sverka_write_append_ids (ids, en, b->en, b->n_en);
    g_snprintf (prop, sizeof prop, "x-sverka-%s-ids", l2);
    append_prop (out, prop, ids->str);
    append_tuv (out, ru_lang, ru, b->ru, b->n_ru);
    append_tuv (out, en_lang, en, b->en, b->n_en);
    g_string_append (out, "    </tu>\n");
  }
  g_string_append (out, "  </body>\n</tmx>\n");
  return g_string_free (out, FALSE);
}
