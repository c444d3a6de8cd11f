/* sverka-input-html.c: the text of an HTML page, read with libxml2's HTML
 * parser (which recovers from the usual errors of real pages), block by
 * block, so that a web page aligns as its text does. */
#include "sverka-input-html-private.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "sverka-error.h"

/* Elements whose content is no text of the page. */
static const char *const skipped[] = {
  "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
  "form", "button", "select", "option", "textarea", "svg", "math", "iframe", "object",
  "canvas", "video", "audio", "map", "dialog",
};

/* Elements that make a block of their own (a line of the text). */
static const char *const blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr",
  "blockquote", "pre", "section", "article", "main", "figcaption", "caption", "address",
  "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "figure", "hr", "center",
  "details", "summary", "fieldset", "legend", "body", "html",
};

static gboolean
in_list (const char *name, const char *const *list, guint n)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  GString *text;   /* the text so far */
  GString *line;   /* the block being read */
  GString *path;   /* the element path of the current node */
  char *line_path; /* the path of the block being read */
  GPtrArray *origins;
} Walk;

/* Ends the block being read: its text, white space collapsed, as a line,
 * with a blank line before it. */
static void
end_block (Walk *w)
{
  GString *clean = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = w->line->str; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_isspace (c) || c == 0xA0) {
      space = clean->len > 0;
      continue;
    }
    if (space)
      g_string_append_c (clean, ' ');
    space = FALSE;
    g_string_append_unichar (clean, c);
  }
  if (clean->len > 0) {
    if (w->text->len > 0) {
      g_string_append_c (w->text, '\n');
      g_ptr_array_add (w->origins, g_strdup (""));
    }
    g_string_append_len (w->text, clean->str, (gssize) clean->len);
    g_string_append_c (w->text, '\n');
    g_ptr_array_add (w->origins, g_strdup (w->line_path != NULL ? w->line_path : ""));
  }
  g_string_free (clean, TRUE);
  g_string_truncate (w->line, 0);
  g_clear_pointer (&w->line_path, g_free);
}

static void
walk (Walk *w, xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != NULL) {
        if (w->line->len == 0 && w->line_path == NULL)
          w->line_path = g_strdup (w->path->str);
        g_string_append (w->line, (const char *) n->content);
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *) n->name;
      gboolean block = in_list (name, blocks, G_N_ELEMENTS (blocks));
      gsize len = w->path->len;
      guint nth = 1;
      if (in_list (name, skipped, G_N_ELEMENTS (skipped)))
        continue;
      for (xmlNode *s = n->prev; s != NULL; s = s->prev)
        nth += s->type == XML_ELEMENT_NODE && xmlStrcasecmp (s->name, n->name) == 0;
      if (w->path->len > 0)
        g_string_append_c (w->path, '/');
      g_string_append (w->path, name);
      if (nth > 1)
        g_string_append_printf (w->path, "[%u]", nth);
      if (block)
        end_block (w);
      walk (w, n->children);
      if (block)
        end_block (w);
      else if (w->line->len > 0
               && (g_ascii_strcasecmp (name, "img") == 0 || g_ascii_strcasecmp (name, "br") == 0))
        g_string_append_c (w->line, ' '); /* a line break inside a paragraph: a space */
      g_string_truncate (w->path, len);
    }
  }
}

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
  Walk w = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), NULL, origins };

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
    g_string_free (w.text, TRUE);
    g_string_free (w.line, TRUE);
    g_string_free (w.path, TRUE);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: looks like an HTML page, but libxml2 cannot read it; save the page's text "
                 "as a plain UTF-8 file",
                 name);
    return NULL;
  }
  walk (&w, xmlDocGetRootElement (doc));
  end_block (&w);
  xmlFreeDoc (doc);
  g_string_free (w.line, TRUE);
  g_string_free (w.path, TRUE);
  return g_string_free (w.text, FALSE);
}
