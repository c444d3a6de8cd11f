/* sverka-xml.c: libxml2 parsing for the CAT-tool formats (see the header). */
#include "sverka-xml-private.h"

#include <libxml/parser.h>
#include <string.h>

#include "sverka-error.h"

/* The first error libxml2 reports while parsing (its last one, after
 * recovery, is often only the end of the file). */
typedef struct {
  int line;
  char *message;
} FirstError;

static void
first_error (void *user, xmlErrorPtr e)
{
  xmlParserCtxt *pctx = user;
  FirstError *first = pctx->_private;
  if (first->message == NULL && e != NULL) {
    first->line = e->line;
    first->message = g_strchomp (g_strdup (e->message != NULL ? e->message : "unknown"));
  }
}

xmlDoc *
sverka_xml_parse (const char *name, const char *data, gsize len, const char *what,
                  const char *fix, GError **error)
{
  FirstError first = { 0, NULL };
  xmlParserCtxt *pctx;
  xmlDoc *xml;

  if (len > G_MAXINT) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: %" G_GSIZE_FORMAT " bytes; %s files over 2 GB are not read", name, len,
                 what);
    return NULL;
  }
  pctx = xmlNewParserCtxt ();
  if (pctx == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT, "%s: libxml2 cannot start", name);
    return NULL;
  }
  pctx->_private = &first;
  pctx->sax->serror = first_error;
  xml = xmlCtxtReadMemory (pctx, data, (int) len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xml == NULL || !pctx->wellFormed) {
    const xmlError *e = &pctx->lastError;
    g_autofree char *msg = first.message != NULL
                               ? g_steal_pointer (&first.message)
                               : g_strchomp (g_strdup (e->message != NULL ? e->message : "unknown"));
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT, "%s:%d: not well-formed XML (%s); %s",
                 name, first.line > 0 ? first.line : e->line, msg, fix);
    if (xml != NULL)
      xmlFreeDoc (xml);
    xmlFreeParserCtxt (pctx);
    return NULL;
  }
  xmlFreeParserCtxt (pctx);
  g_free (first.message);
  return xml;
}

gboolean
sverka_xml_is (const xmlNode *node, const char *local)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, local) == 0;
}

char *
sverka_xml_attr (const xmlNode *node, const char *attr_name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) attr_name);
  char *out = v != NULL ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return out;
}

static gboolean
is_code (const xmlNode *node, const char *const *codes)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (sverka_xml_is (node, codes[i]))
      return TRUE;
  return FALSE;
}

/* Appends the text of the inline content of @node to @out. */
static void
inline_text (const xmlNode *node, const char *const *codes, GString *out)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != NULL)
        g_string_append (out, (const char *) c->content);
    } else if (sverka_xml_is (c, "cp")) {
      /* XLIFF 2: a character XML cannot carry, as hex="...". */
      g_autofree char *hex = sverka_xml_attr (c, "hex");
      gunichar u = hex != NULL ? (gunichar) g_ascii_strtoull (hex, NULL, 16) : 0;
      if (g_unichar_validate (u) && !g_unichar_iscntrl (u))
        g_string_append_unichar (out, u);
      else
        g_string_append_c (out, ' ');
    } else if (c->type == XML_ELEMENT_NODE && !is_code (c, codes)) {
      inline_text (c, codes, out);
    }
  }
}

char *
sverka_xml_segment_text (const xmlNode *node, const char *const *codes)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (node != NULL)
    inline_text (node, codes, raw);
  for (const char *p = raw->str; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar u = g_utf8_get_char (p);
    /* XML's white space and line separators; a no-break space stays. */
    if ((u < 0x80 && g_ascii_isspace ((char) u)) || u == 0x2028 || u == 0x2029) {
      space = out->len > 0;
      continue;
    }
    if (space)
      g_string_append_c (out, ' ');
    space = FALSE;
    g_string_append_unichar (out, u);
  }
  return g_string_free (out, FALSE);
}

