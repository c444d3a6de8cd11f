/* sverka-bitext.c: a parallel corpus as pairs of segments: which form a
 * path is, and the TSV and Moses forms (TMX: sverka-bitext-tmx.c). */
#include "sverka-bitext-private.h"

#include <string.h>

#include "sverka-bilingual.h"
#include "sverka-document-private.h"
#include "sverka-error.h"

/* The next line of @data from *@pos, without its LF or CRLF: [*@start,
 * *@end). Returns: FALSE at the end. */
static gboolean
next_line (const char *data, gsize len, gsize *pos, gsize *start, gsize *end)
{
  const char *nl;

  if (*pos >= len)
    return FALSE;
  *start = *pos;
  nl = memchr (data + *pos, '\n', len - *pos);
  *end = nl != NULL ? (gsize) (nl - data) : len;
  *pos = nl != NULL ? *end + 1 : len;
  if (*end > *start && data[*end - 1] == '\r')
    (*end)--;
  return TRUE;
}

/* TRUE if [@s, @e) holds something besides white space. */
static gboolean
has_text (const char *s, const char *e)
{
  for (; s < e; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

static gboolean
emit (const char *ru, gsize ru_len, const char *en, gsize en_len, guint line,
      SverkaBitextFunc func, gpointer user_data, SverkaBitextStats *stats, GError **error)
{
  g_autofree char *r = NULL;
  g_autofree char *e = NULL;
  SverkaBitextPair pair;

  if (!has_text (ru, ru + ru_len) || !has_text (en, en + en_len)) {
    stats->skipped++;
    return TRUE;
  }
  r = g_strndup (ru, ru_len);
  e = g_strndup (en, en_len);
  pair.ru = r;
  pair.en = e;
  pair.line = line;
  stats->pairs++;
  return func (&pair, user_data, error);
}

/* Validates @data as the aligner validates its input; *@bom: the byte
 * order mark's length. */
static gboolean
validate (const char *name, const char *data, gsize len, const char *kind, gsize *bom,
          GError **error)
{
  if (sverka_bilingual_is_xliff (data, len)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: this is an XLIFF file, not a %s; give it as a corpus of its own", name,
                 kind);
    return FALSE;
  }
  if (!sverka_text_validate (name, data, len, bom, error)) {
    g_prefix_error (error, "%s: ", kind);
    return FALSE;
  }
  return TRUE;
}

gboolean
sverka_bitext_read_tsv (const char *name, const char *data, gsize len, SverkaBitextFunc func,
                        gpointer user_data, SverkaBitextStats *stats, GError **error)
{
  SverkaBitextStats local = { 0 };
  gsize pos = 0, start, end;
  guint lineno = 0;
  gboolean swapped = FALSE;

  if (stats == NULL)
    stats = &local;
  if (!validate (name, data, len, "TSV corpus", &pos, error))
    return FALSE;
  while (next_line (data, len, &pos, &start, &end)) {
    const char *s = data + start, *e = data + end;
    const char *tab = memchr (s, '\t', (gsize) (e - s));
    const char *second, *second_end;

    lineno++;
    if (!has_text (s, e))
      continue;
    if (tab == NULL) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s:%u: expected 'russian<TAB>english', found no tab; a TSV corpus has "
                   "one pair a line (a Moses corpus is two files, PREFIX.ru and PREFIX.en)",
                   name, lineno);
      return FALSE;
    }
    second = tab + 1;
    second_end = memchr (second, '\t', (gsize) (e - second));
    if (second_end == NULL)
      second_end = e;
    if (lineno == 1) {
      gboolean ru_en = tab - s == 2 && memcmp (s, "ru", 2) == 0 && second_end - second == 2
                       && memcmp (second, "en", 2) == 0;
      gboolean en_ru = tab - s == 2 && memcmp (s, "en", 2) == 0 && second_end - second == 2
                       && memcmp (second, "ru", 2) == 0;
      if (ru_en || en_ru) {
        swapped = en_ru;
        continue;
      }
    }
    if (!(swapped ? emit (second, (gsize) (second_end - second), s, (gsize) (tab - s), lineno,
                          func, user_data, stats, error)
                  : emit (s, (gsize) (tab - s), second, (gsize) (second_end - second), lineno,
                          func, user_data, stats, error)))
      return FALSE;
  }
  return TRUE;
}

static guint
count_lines (const char *data, gsize len, gsize pos)
{
  gsize start, end;
  guint n = 0;
  while (next_line (data, len, &pos, &start, &end))
    n++;
  return n;
}

gboolean
sverka_bitext_read_moses (const char *ru_name, const char *ru, gsize ru_len,
                          const char *en_name, const char *en, gsize en_len,
                          SverkaBitextFunc func, gpointer user_data, SverkaBitextStats *stats,
                          GError **error)
{
  SverkaBitextStats local = { 0 };
  gsize rpos = 0, epos = 0, rs, re, es, ee;
  guint n_ru, n_en, lineno = 0;

  if (stats == NULL)
    stats = &local;
  if (!validate (ru_name, ru, ru_len, "Moses corpus", &rpos, error)
      || !validate (en_name, en, en_len, "Moses corpus", &epos, error))
    return FALSE;
  n_ru = count_lines (ru, ru_len, rpos);
  n_en = count_lines (en, en_len, epos);
  if (n_ru != n_en) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s has %u lines and %s %u; the two files of a Moses corpus have one segment "
                 "a line, line N of one the translation of line N of the other",
                 ru_name, n_ru, en_name, n_en);
    return FALSE;
  }
  while (next_line (ru, ru_len, &rpos, &rs, &re) && next_line (en, en_len, &epos, &es, &ee)) {
    lineno++;
    if (!emit (ru + rs, re - rs, en + es, ee - es, lineno, func, user_data, stats, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
read_file (const char *path, char **data, gsize *len, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_file_get_contents (path, data, len, &local))
    return TRUE;
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read: %s", path,
               local->message);
  return FALSE;
}

/* If @path is a Moses corpus (PREFIX with PREFIX.ru and PREFIX.en, or one of
 * these two files), sets the two files' paths. */
static gboolean
moses_paths (const char *path, char **ru_path, char **en_path)
{
  g_autofree char *prefix = NULL;

  if (g_str_has_suffix (path, ".ru") || g_str_has_suffix (path, ".en"))
    prefix = g_strndup (path, strlen (path) - 3);
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    prefix = g_strdup (path);
  else
    return FALSE;
  *ru_path = g_strconcat (prefix, ".ru", NULL);
  *en_path = g_strconcat (prefix, ".en", NULL);
  if (g_file_test (*ru_path, G_FILE_TEST_IS_REGULAR)
      && g_file_test (*en_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_clear_pointer (ru_path, g_free);
  g_clear_pointer (en_path, g_free);
  return FALSE;
}

gboolean
sverka_bitext_read (SverkaContext *ctx, const char *path, SverkaBitextFunc func,
                    gpointer user_data, SverkaBitextStats *stats, GError **error)
{
  g_autofree char *ru_path = NULL;
  g_autofree char *en_path = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (moses_paths (path, &ru_path, &en_path)) {
    g_autofree char *en = NULL;
    gsize en_len;
    if (!read_file (ru_path, &data, &len, error) || !read_file (en_path, &en, &en_len, error))
      return FALSE;
    return sverka_bitext_read_moses (ru_path, data, len, en_path, en, en_len, func, user_data,
                                     stats, error);
  }
  if (ru_path == NULL && (g_str_has_suffix (path, ".ru") || g_str_has_suffix (path, ".en"))) {
    g_autofree char *prefix = g_strndup (path, strlen (path) - 3);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: a Moses corpus is two files, %s.ru and %s.en, and one of them is not "
                 "there; give both, or a TSV or TMX file",
                 path, prefix, prefix);
    return FALSE;
  }
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: is a directory; give a TSV or TMX file, or a Moses corpus as PREFIX "
                 "(PREFIX.ru and PREFIX.en)",
                 path);
    return FALSE;
  }
  if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: no such file, nor %s.ru and %s.en; give a TSV or TMX file, or a Moses "
                 "corpus as PREFIX (PREFIX.ru and PREFIX.en)",
                 path, path, path);
    return FALSE;
  }
  if (!read_file (path, &data, &len, error))
    return FALSE;
  if (sverka_bitext_is_tmx (data, len))
    return sverka_bitext_read_tmx (path, data, len, func, user_data, stats, error);
  if (sverka_bilingual_is_xliff (data, len))
    return sverka_bitext_read_xliff (ctx, path, data, len, func, user_data, stats, error);
  return sverka_bitext_read_tsv (path, data, len, func, user_data, stats, error);
}
