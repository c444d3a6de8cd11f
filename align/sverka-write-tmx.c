/* sverka-write-tmx.c: the alignment as a TMX 1.4b translation memory. */
#include "config.h"

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

char *
sverka_write_tmx (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new (NULL);
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
                   "<tmx version=\"1.4\">\n"
                   "  <header creationtool=\"sverka\" creationtoolversion=\"" SVERKA_VERSION "\""
                   " segtype=\"sentence\" o-tmf=\"sverka\" adminlang=\"en\" srclang=\"ru\""
                   " datatype=\"plaintext\">\n");
  g_string_append (out, "    <prop type=\"x-sverka-ru-document\">");
  sverka_xml_append_escaped (out, sverka_document_get_name (ru), -1);
  g_string_append (out, "</prop>\n    <prop type=\"x-sverka-en-document\">");
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

    if (b->n_ru == 0 || b->n_en == 0)
      continue;
    g_string_append (out, "    <tu>\n");
    append_prop (out, "x-sverka-score", g_ascii_formatd (num, sizeof num, "%.3f", b->score));
    sverka_write_append_ids (ids, ru, b->ru, b->n_ru);
    append_prop (out, "x-sverka-ru-ids", ids->str);
    g_string_truncate (ids, 0);
    sverka_write_append_ids (ids, en, b->en, b->n_en);
    append_prop (out, "x-sverka-en-ids", ids->str);
    append_tuv (out, "ru", ru, b->ru, b->n_ru);
    append_tuv (out, "en", en, b->en, b->n_en);
    g_string_append (out, "    </tu>\n");
  }
  g_string_append (out, "  </body>\n</tmx>\n");
  return g_string_free (out, FALSE);
}
