/* sverka-dictfile-private.h: reading sverka's line-based dictionary files.
 *
 * Every file in dictionaries/ is UTF-8 text: a format line such as
 * "# sverka-stopwords 1" first, then one entry per line, fields separated by
 * tabs; empty lines and lines starting with '#' are comments. Errors are
 * reported as FILE:LINE: what was expected and what was found.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once per entry; @fields (transfer none) holds @n_fields strings,
 * each trimmed of surrounding spaces. Return FALSE with @error set to stop. */
typedef gboolean (*SverkaDictLineFunc) (const char *path,
                                        guint lineno,
                                        char **fields,
                                        guint n_fields,
                                        gpointer user_data,
                                        GError **error);

/* Reads @path, checks its format line against "# @format @version", and calls
 * @func for every entry whose field count is in [@min_fields, @max_fields]; an
 * entry with another count is an error. */
gboolean sverka_dict_file_foreach (const char *path,
                                   const char *format,
                                   guint version,
                                   guint min_fields,
                                   guint max_fields,
                                   SverkaDictLineFunc func,
                                   gpointer user_data,
                                   GError **error);

/* A rule line, "KEY<TAB>VALUE", that a file gives once, its value one of
 * @values (@n_values of them): sets *@index to the value's place in
 * @values and *@seen. A rule given twice (*@seen already set), another
 * value or another number of fields is an error ("FILE:LINE: clock takes
 * one field, 12 or 24, found '13'"). */
gboolean sverka_dict_file_rule (const char *path,
                                guint lineno,
                                char **fields,
                                guint n_fields,
                                const char *const *values,
                                guint n_values,
                                gboolean *seen,
                                guint *index,
                                GError **error);

G_END_DECLS
