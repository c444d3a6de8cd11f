/* sverka-input-blocks.c: the text of a marked-up document, block by block:
 * the walk the HTML, DOCX and ODT readers share. */
#include "sverka-input-blocks-private.h"

#include <string.h>

static gboolean
in_list (const xmlChar *name, const char *const *list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  const SverkaMarkup *markup;
  GString *text;   /* the text so far */
  GString *line;   /* the block being read */
  GString *path;   /* the element path of the current node */
  char *line_path; /* the path of the block being read */
  char *block;     /* the path of the innermost block element */
  GPtrArray *origins;
  guint in_text; /* inside markup->text_element */
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
      if (n->content != NULL && (w->markup->text_element == NULL || w->in_text > 0)) {
        if (w->line->len == 0 && w->line_path == NULL)
          w->line_path = g_strdup (w->block != NULL ? w->block : w->path->str);
        g_string_append (w->line, (const char *) n->content);
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      gboolean block = in_list (n->name, w->markup->blocks);
      gboolean text = w->markup->text_element != NULL
                      && g_ascii_strcasecmp ((const char *) n->name, w->markup->text_element) == 0;
      gsize len = w->path->len;
      guint nth = 1;
      if (in_list (n->name, w->markup->skipped))
        continue;
      if (in_list (n->name, w->markup->spaces)) {
        if (w->line->len > 0)
          g_string_append_c (w->line, ' ');
        continue;
      }
      for (xmlNode *s = n->prev; s != NULL; s = s->prev)
        nth += s->type == XML_ELEMENT_NODE && xmlStrcasecmp (s->name, n->name) == 0;
      if (w->path->len > 0)
        g_string_append_c (w->path, '/');
      g_string_append (w->path, (const char *) n->name);
      if (nth > 1)
        g_string_append_printf (w->path, "[%u]", nth);
      if (block) {
        char *outer = w->block;
        end_block (w);
        w->block = g_strdup (w->path->str);
        walk (w, n->children);
        end_block (w);
        g_free (w->block);
        w->block = outer;
      } else {
        w->in_text += text;
        walk (w, n->children);
        w->in_text -= text;
      }
      g_string_truncate (w->path, len);
    }
  }
}

void
sverka_markup_walk (const SverkaMarkup *markup, xmlNode *root, GString *text, GPtrArray *origins)
{
  Walk w = { markup, text, g_string_new (NULL), g_string_new (NULL), NULL, NULL, origins, 0 };
  walk (&w, root);
  end_block (&w);
  g_string_free (w.line, TRUE);
  g_string_free (w.path, TRUE);
}
