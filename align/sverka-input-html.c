/* sverka-input-html.c: the text of an HTML page, read with libxml2's HTML
 * parser (which recovers from the usual errors of real pages), block by
 * block, so that a web page aligns as its text does. */
#include "sverka-input-html-private.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-input-blocks-private.h"

/* Elements whose content is no text of the page. */
static const char *const skipped[] = {
  "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
  "form", "button", "select", "option", "textarea", "svg", "math", "iframe", "object",
  "canvas", "video", "audio", "map", "dialog", NULL,
};

/* Elements that make a block of their own (a line of the text). */
static const char *const blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr",
  "blockquote", "pre", "section", "article", "main", "figcaption", "caption", "address",
  "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "figure", "hr", "center",
  "details", "summary", "fieldset", "legend", "body", "html", NULL,
};

/* A line break or an image inside a paragraph: a space. */
static const char *const spaces[] = { "br", "img", NULL };

static const SverkaMarkup html_markup = { blocks, skipped, spaces, NULL };

gboolean
sverka_input_is_html (const char *data, gsize len)
{
  gsize i = 0;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (guint round = 0; round < 2; round++) {
    while (i < len && g_ascii_isspace (data[i]))
      i++;
    if (len - i >= 14 && g_ascii_strncasecmp (data + i, "<!DOCTYPE html", 14) == 0)
      return TRUE;
    if (len - i >= 5 && g_ascii_strncasecmp (data + i, "<html", 5) == 0
        && (len - i == 5 || data[i + 5] == '>' || g_ascii_isspace (data[i + 5])))
      return TRUE;
    /* An XML declaration, then the page. */
    if (round == 0 && len - i >= 5 && strncmp (data + i, "<?xml", 5) == 0) {
      const char *end = g_strstr_len (data + i, (gssize) MIN (len - i, (gsize) 200), "?>");
      if (end == NULL)
        return FALSE;
      i = (gsize) (end - data) + 2;
      continue;
    }
    return FALSE;
  }
  return FALSE;
}

char *
sverka_input_html_to_text (const char *data, gsize len, const char *name, GPtrArray *origins,
                           GError **error)
{
  htmlDocPtr doc;
  GString *text;

  if (len > G_MAXINT) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: an HTML page of %" G_GSIZE_FORMAT " bytes is too long (2 GB at most)",
                 name, len);
    return NULL;
  }
  doc = htmlReadMemory (data, (int) len, NULL, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                            | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL) {
    if (doc != NULL)
      xmlFreeDoc (doc);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: looks like an HTML page, but libxml2 cannot read it; save the page's text "
                 "as a plain UTF-8 file",
                 name);
    return NULL;
  }
  text = g_string_new (NULL);
  sverka_markup_walk (&html_markup, xmlDocGetRootElement (doc), text, origins);
  xmlFreeDoc (doc);
  return g_string_free (text, FALSE);
}
