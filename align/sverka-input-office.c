/* sverka-input-office.c: the text of a Word (DOCX) or OpenDocument (ODT)
 * document: the XML of its body, read with libxml2 out of the ZIP archive
 * (sverka-input-zip.c), paragraph by paragraph, the footnotes last. */
#include "sverka-input-office-private.h"

#include <libxml/parser.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-input-blocks-private.h"

/* WordprocessingML: text is in <w:t> only; deleted and moved-away text of
 * tracked changes, field codes and section settings are no text. */
static const char *const docx_blocks[] = {
  "body", "p", "tbl", "tr", "tc", "txbxContent", "footnote", NULL,
};
static const char *const docx_skipped[] = {
  "del", "moveFrom", "delText", "instrText", "sectPr", "pPr", "rPr", "commentReference", NULL,
};
static const char *const docx_spaces[] = { "tab", "br", "cr", NULL };
static const SverkaMarkup docx_markup = { docx_blocks, docx_skipped, docx_spaces, "t" };

/* OpenDocument text: the footnotes (<text:note>) are read after the body;
 * tracked changes, comments and declarations are no text. */
static const char *const odt_blocks[] = {
  "text", "p", "h", "list", "list-item", "list-header", "table", "table-row", "table-cell",
  "section", "note-body", "index-body", NULL,
};
static const char *const odt_skipped[] = {
  "note", "tracked-changes", "annotation", "sequence-decls", "variable-decls",
  "user-field-decls", "automatic-styles", "font-face-decls", "scripts", "forms",
  "table-columns", "table-column", NULL,
};
static const char *const odt_spaces[] = { "s", "tab", "line-break", NULL };
static const SverkaMarkup odt_markup = { odt_blocks, odt_skipped, odt_spaces, NULL };

/* The footnotes of an ODT body: its <text:note-body> elements, in order. */
static const char *const odt_note_skipped[] = { "note-citation", NULL };
static const SverkaMarkup odt_note_markup = { odt_blocks, odt_note_skipped, odt_spaces, NULL };

static xmlDoc *
parse (const char *xml, gsize len, const char *name, const char *member, GError **error)
{
  xmlDoc *doc = len <= G_MAXINT ? xmlReadMemory (xml, (int) len, member, NULL,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR
                                                     | XML_PARSE_NOWARNING)
                                : NULL;
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL) {
    if (doc != NULL)
      xmlFreeDoc (doc);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: %s is not well-formed XML (a damaged document); save it again, or as "
                 "plain text (UTF-8)",
                 name, member);
    return NULL;
  }
  return doc;
}

static gboolean
named (const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

/* Walks the <text:note-body> elements under @node, in document order. */
static void
walk_odt_notes (xmlNode *node, GString *text, GPtrArray *origins)
{
  for (xmlNode *n = node; n != NULL; n = n->next) {
    if (named (n, "note-body")) {
      xmlNode *next = n->next;
      n->next = NULL; /* this note only */
      sverka_markup_walk (&odt_note_markup, n, text, origins);
      n->next = next;
    } else if (n->type == XML_ELEMENT_NODE && !named (n, "tracked-changes")
               && !named (n, "annotation")) {
      walk_odt_notes (n->children, text, origins);
    }
  }
}

/* Unlinks the separators of word/footnotes.xml (a footnote with a w:type),
 * which hold no text of the document. */
static void
drop_separators (xmlNode *root)
{
  xmlNode *n = root->children;
  while (n != NULL) {
    xmlNode *next = n->next;
    if (named (n, "footnote") && xmlHasProp (n, (const xmlChar *) "type") != NULL) {
      xmlUnlinkNode (n);
      xmlFreeNode (n);
    }
    n = next;
  }
}

/* Appends the text of member @member of the archive, walked with @markup
 * (and its footnotes, for ODT); sets @found to whether the archive has it.
 * FALSE with @error set if it cannot be read, or is absent and not
 * @optional. */
static gboolean
read_member (const char *data, gsize len, const char *name, const char *member,
             const SverkaMarkup *markup, gboolean optional, gboolean *found, GString *text,
             GPtrArray *origins, GError **error)
{
  gsize xml_len;
  g_autoptr (GError) local = NULL;
  g_autofree char *xml = sverka_input_zip_read (data, len, member, &xml_len, name, &local);
  xmlDoc *doc;
  xmlNode *root;

  *found = xml != NULL;
  if (local != NULL) {
    g_propagate_error (error, g_steal_pointer (&local));
    return FALSE;
  }
  if (xml == NULL) {
    if (optional)
      return TRUE;
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT, "%s: the document has no %s", name,
                 member);
    return FALSE;
  }
  doc = parse (xml, xml_len, name, member, error);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (markup == &docx_markup && named (root, "footnotes"))
    drop_separators (root);
  sverka_markup_walk (markup, root, text, origins);
  if (markup == &odt_markup)
    walk_odt_notes (root, text, origins);
  xmlFreeDoc (doc);
  return TRUE;
}

char *
sverka_input_office_to_text (const char *data, gsize len, const char *name, const char **format,
                             GPtrArray *origins, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) local = NULL;
  gsize mime_len = 0;
  g_autofree char *mime = sverka_input_zip_read (data, len, "mimetype", &mime_len, name, &local);
  gboolean found;

  if (local != NULL) {
    g_propagate_error (error, g_steal_pointer (&local));
    return NULL;
  }
  if (mime != NULL && g_str_has_prefix (mime, "application/vnd.oasis.opendocument.")) {
    if (strcmp (g_strstrip (mime), "application/vnd.oasis.opendocument.text") != 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: an OpenDocument file that is not a text document (%s); save the text "
                   "as an ODT or plain text (UTF-8) document",
                   name, mime);
      return NULL;
    }
    if (!read_member (data, len, name, "content.xml", &odt_markup, FALSE, &found, text, origins,
                      error))
      return NULL;
    *format = "odt";
    return g_string_free (g_steal_pointer (&text), FALSE);
  }
  /* A Word document: its body, then its footnotes if it has any. */
  if (!read_member (data, len, name, "word/document.xml", &docx_markup, TRUE, &found, text,
                    origins, error))
    return NULL;
  if (found) {
    if (!read_member (data, len, name, "word/footnotes.xml", &docx_markup, TRUE, &found, text,
                      origins, error))
      return NULL;
    *format = "docx";
    return g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
               "%s: a ZIP archive that is neither a Word (DOCX) nor an OpenDocument text (ODT) "
               "document; give the text as one of those or as plain text (UTF-8)",
               name);
  return NULL;
}
