/* sverka-dictfile.c: the shared reader for dictionaries/ files. */
#include "sverka-dictfile-private.h"

#include <string.h>

#include "sverka-error.h"

static gboolean
check_format_line (const char *path, const char *line, const char *format, guint version,
                   GError **error)
{
  g_autofree char *expected = g_strdup_printf ("# %s %u", format, version);
  g_autofree char *prefix = g_strdup_printf ("# %s ", format);

  if (strcmp (line, expected) == 0)
    return TRUE;
  if (g_str_has_prefix (line, prefix)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:1: unsupported version: expected '%s', found '%s'", path, expected, line);
    return FALSE;
  }
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s:1: expected the format line '%s', found '%.60s'", path, expected, line);
  return FALSE;
}

gboolean
sverka_dict_file_foreach (const char *path, const char *format, guint version, guint min_fields,
                          guint max_fields, SverkaDictLineFunc func, gpointer user_data,
                          GError **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autofree char **fields = NULL;
  char *line;
  const char *bad = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: cannot read the dictionary: %s; check the dictionary folder "
                 "(SverkaContextOptions.dictionary_dir, $SVERKA_DICT_DIR for "
                 "sverka_align_texts(), --dict-dir on the command line)",
                 path, local->message);
    return FALSE;
  }
  if (memchr (contents, '\0', len) != NULL || !g_utf8_validate (contents, (gssize) len, &bad)) {
    guint lineno = 1;
    const char *p;
    const char *stop = bad != NULL ? bad : contents + len;
    for (p = contents; p < stop && *p != '\0'; p++)
      lineno += *p == '\n';
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: not UTF-8 text (bad byte at offset %" G_GSIZE_FORMAT
                 "); dictionary files must be UTF-8",
                 path, lineno, (gsize) (p - contents));
    return FALSE;
  }

  if (len == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:1: expected the format line '# %s %u', found an empty file", path, format,
                 version);
    return FALSE;
  }
  line = contents;
  /* Lines and fields are cut in place, in the buffer just read. */
  fields = g_new (char *, max_fields + 1);
  for (guint i = 0; line != NULL; i++) {
    char *nl = strchr (line, '\n');
    gsize n;
    guint n_fields;

    if (nl != NULL)
      *nl = '\0';
    n = strlen (line);
    if (n > 0 && line[n - 1] == '\r')
      line[--n] = '\0';
    if (i == 0) {
      if (!check_format_line (path, line, format, version, error))
        return FALSE;
      line = nl != NULL ? nl + 1 : NULL;
      continue;
    }
    g_strstrip (line);
    if (line[0] == '\0' || line[0] == '#') {
      line = nl != NULL ? nl + 1 : NULL;
      continue;
    }
    /* The fields: as many as there are tabs, plus one; the first
     * max_fields of them kept. */
    n_fields = 0;
    for (char *f = line; f != NULL; n_fields++) {
      char *tab = strchr (f, '\t');
      if (tab != NULL)
        *tab = '\0';
      if (n_fields < max_fields)
        fields[n_fields] = g_strstrip (f);
      f = tab != NULL ? tab + 1 : NULL;
    }
    if (n_fields < min_fields || n_fields > max_fields) {
      if (min_fields == max_fields)
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected %u tab-separated field%s, found %u", path, i + 1,
                     min_fields, min_fields == 1 ? "" : "s", n_fields);
      else
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected %u to %u tab-separated fields, found %u", path, i + 1,
                     min_fields, max_fields, n_fields);
      return FALSE;
    }
    fields[n_fields] = NULL;
    for (guint f = 0; f < n_fields; f++) {
      if (fields[f][0] == '\0') {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: field %u is empty", path, i + 1, f + 1);
        return FALSE;
      }
    }
    if (!func (path, i + 1, fields, n_fields, user_data, error))
      return FALSE;
    line = nl != NULL ? nl + 1 : NULL;
  }
  return TRUE;
}

gboolean
sverka_dict_file_rule (const char *path, guint lineno, char **fields, guint n_fields,
                       const char *const *values, guint n_values, gboolean *seen, guint *index,
                       GError **error)
{
  g_autoptr (GString) listed = NULL;

  if (*seen) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s:%u: %s given twice", path,
                 lineno, fields[0]);
    return FALSE;
  }
  for (guint i = 0; n_fields == 2 && i < n_values; i++) {
    if (strcmp (fields[1], values[i]) == 0) {
      *seen = TRUE;
      *index = i;
      return TRUE;
    }
  }
  listed = g_string_new (NULL);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (listed, "%s%s", i == 0 ? "" : i + 1 < n_values ? ", " : " or ",
                            values[i]);
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s:%u: %s takes one field, %s, found '%s'", path, lineno, fields[0], listed->str,
               n_fields > 1 ? fields[1] : "");
  return FALSE;
}
