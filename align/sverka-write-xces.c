/* sverka-write-xces.c: the alignment as OPUS writes its corpora, XCES: a
 * cesAlign link file and the two sentence files it points to.
 *
 * The link file holds one <linkGrp> for the pair, naming the sentence files
 * (fromDoc: Russian, toDoc: English), and one <link> per bead:
 * xtargets="1 2;3" (the ids of its Russian sentences, a semicolon, those of
 * its English ones; a side may be empty: ";3") and certainty, its score. A
 * sentence file is <document> with one <p> per paragraph and one
 * <s id="N"> per sentence, N its id (sverka_document_get_sentence_id()), as
 * the OPUS corpora's sentence files are. */
#include "sverka-write.h"
#include "sverka-write-private.h"
#include "sverka-write-xml-private.h"

static void
append_targets (GString *out, SverkaDocument *doc, const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, k > 0 ? " %u" : "%u", sverka_document_get_sentence_id (doc, ids[k]));
}

char *
sverka_write_xces (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en,
                   const char *ru_file, const char *en_file)
{
  GString *out = g_string_new (NULL);
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<!DOCTYPE cesAlign PUBLIC \"-//CES//DTD XML cesAlign//EN\" \"\">\n"
                        "<cesAlign version=\"1.0\">\n<linkGrp targType=\"s\" fromDoc=\"");
  sverka_xml_append_escaped (out, ru_file, -1);
  g_string_append (out, "\" toDoc=\"");
  sverka_xml_append_escaped (out, en_file, -1);
  g_string_append (out, "\">\n");
  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    g_string_append (out, "<link xtargets=\"");
    append_targets (out, ru, b->ru, b->n_ru);
    g_string_append_c (out, ';');
    append_targets (out, en, b->en, b->n_en);
    g_string_append_printf (out, "\" certainty=\"%s\"/>\n",
                            g_ascii_formatd (num, sizeof num, "%.3f", b->score));
  }
  g_string_append (out, "</linkGrp>\n</cesAlign>\n");
  return g_string_free (out, FALSE);
}

char *
sverka_write_xces_sentences (SverkaDocument *doc)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n");
  guint n = sverka_document_get_n_sentences (doc);

  for (guint i = 0; i < n; i++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, i);
    g_autofree char *text = sverka_document_dup_sentence_text (doc, i);
    if (i == 0 || s->paragraph != sverka_document_get_sentence (doc, i - 1)->paragraph)
      g_string_append (out, i == 0 ? "<p>\n" : "</p>\n<p>\n");
    g_string_append_printf (out, "<s id=\"%u\">", sverka_document_get_sentence_id (doc, i));
    sverka_xml_append_escaped (out, text, -1);
    g_string_append (out, "</s>\n");
  }
  if (n > 0)
    g_string_append (out, "</p>\n");
  g_string_append (out, "</document>\n");
  return g_string_free (out, FALSE);
}
