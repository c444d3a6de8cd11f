/* sverka-input-blocks-private.h: the text of a marked-up document, block by
 * block (sverka-input-blocks.c), for the readers of HTML, DOCX and ODT. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* What a reader tells the walk about its markup; element names are local
 * names (no namespace prefix), compared without case. */
typedef struct {
  const char *const *blocks;  /* elements that make a block (a line) */
  const char *const *skipped; /* elements whose content is no text */
  const char *const *spaces;  /* empty elements that stand for a space */
  /* Only text inside this element counts (DOCX: "t"); NULL: all text. */
  const char *text_element;
} SverkaMarkup;

/* The text of the blocks under @root, as sverka reads a text file: one line
 * per block, a blank line between blocks, white space collapsed. Appends to
 * @text and, for each line, its element path ("body/div[2]/p[3]"; "" for
 * the blank lines) to @origins (char *, owned). */
void sverka_markup_walk (const SverkaMarkup *markup, xmlNode *root, GString *text,
                         GPtrArray *origins);

G_END_DECLS
