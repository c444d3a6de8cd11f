/* sverka-input-office-private.h: the text of a Word (DOCX) or OpenDocument
 * (ODT) document (sverka-input-office.c, sverka-input-zip.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @len bytes of @data begin as a ZIP archive does ("PK\3\4"). */
gboolean sverka_input_is_zip (const char *data, gsize len);

/* The member @member of the ZIP archive in @data (@len bytes), NUL-
 * terminated, its length in @out_len. Returns: (transfer full) its bytes;
 * NULL with @error unset if the archive has no such member; NULL with
 * @error set (naming @name) if the archive cannot be read or the member is
 * too large (SVERKA_INPUT_ZIP_MAX bytes). */
#define SVERKA_INPUT_ZIP_MAX (256u * 1024 * 1024)
char *sverka_input_zip_read (const char *data, gsize len, const char *member, gsize *out_len,
                             const char *name, GError **error);

/* The text of the DOCX or ODT document in the ZIP archive @data (@len
 * bytes), as sverka reads a text file: one line per paragraph, heading,
 * list item or table cell (cell by cell), a blank line between them, the
 * footnotes at the end; deleted text (tracked changes) and comments left
 * out. @format is set to "docx" or "odt". Appends to @origins (char *,
 * owned) the element path of each line ("body/tbl/tr[2]/tc/p",
 * "footnotes/footnote[3]/p"), "" for the blank lines.
 * Returns: (transfer full) the text, or NULL with @error set (naming
 * @name): an archive that is neither, or that cannot be read. */
char *sverka_input_office_to_text (const char *data, gsize len, const char *name,
                                   const char **format, GPtrArray *origins, GError **error);

G_END_DECLS
