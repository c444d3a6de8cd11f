/* sverka-notes-accept.c: leaving out the notes a translator accepted, as
 * Xbench's saved marks do (see sverka_notes_accept()). */
#include <string.h>

#include "sverka-error.h"
#include "sverka-notes.h"
#include "sverka-write.h"

static gboolean
bad_line (const char *name, guint line, const char *what, GError **error)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
               "%s:%u: %s; an accept file is a notes TSV as --notes writes it, with the lines "
               "of the notes you accept",
               name, line, what);
  return FALSE;
}

static gboolean
known_kind (const char *s)
{
  for (guint k = 0; k <= SVERKA_NOTE_TIME; k++)
    if (strcmp (s, sverka_note_kind_to_string ((SverkaNoteKind) k)) == 0)
      return TRUE;
  return FALSE;
}

/* "", or 1-based ids separated by commas. */
static gboolean
valid_ids (const char *s)
{
  gboolean digit = FALSE;
  for (const char *p = s; *p != '\0'; p++) {
    if (g_ascii_isdigit (*p))
      digit = TRUE;
    else if (*p == ',' && digit && p[1] != '\0')
      digit = FALSE;
    else
      return FALSE;
  }
  return TRUE;
}

/* The key of a notes TSV line: its fields but the severity. Takes @fields. */
static char *
key_of (char **fields)
{
  return g_strjoin ("\t", fields[0], fields[2], fields[3], fields[4], fields[5], fields[6], NULL);
}

gboolean
sverka_notes_accept (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en, const char *data,
                     gsize len, const char *name, guint *n_accepted, GError **error)
{
  g_autoptr (GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  g_autofree char *ours = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) mine = NULL;
  g_autofree gboolean *drop = NULL;
  guint n = sverka_notes_get_n_notes (notes), dropped = 0;
  const char *end;

  if (!g_utf8_validate_len (data, len, &end)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                 "%s: byte %" G_GSIZE_FORMAT ": not UTF-8; an accept file is a notes TSV as "
                 "--notes writes it",
                 name, (gsize) (end - data) + 1);
    return FALSE;
  }
  /* This run's notes in the same form; its header, which names the pair
   * (ru_ids, en_ids; de_ids, fr_ids for --langs de,fr), is the one expected. */
  ours = sverka_write_notes_tsv (notes, ru, en);
  mine = g_strsplit (ours, "\n", -1);
  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    gsize l = strlen (lines[i]);
    g_auto (GStrv) fields = NULL;
    if (l > 0 && lines[i][l - 1] == '\r')
      lines[i][--l] = '\0';
    if (i == 0) {
      if (strcmp (lines[0], mine[0]) != 0) {
        g_auto (GStrv) names = g_strsplit (mine[0], "\t", -1);
        g_autofree char *listed = g_strjoinv (", ", names);
        g_autofree char *what = g_strdup_printf ("expected the header of the notes TSV (%s)",
                                                 listed);
        return bad_line (name, 1, what, error);
      }
      continue;
    }
    if (l == 0)
      continue;
    fields = g_strsplit (lines[i], "\t", -1);
    if (g_strv_length (fields) != 7)
      return bad_line (name, i + 1, "expected 7 tab-separated fields", error);
    if (!known_kind (fields[0]))
      return bad_line (name, i + 1, "unknown kind of note", error);
    if (!valid_ids (fields[2]) || !valid_ids (fields[3]))
      return bad_line (name, i + 1, "the ids are not sentence numbers separated by commas",
                       error);
    g_hash_table_add (accepted, key_of (fields));
  }

  drop = g_new0 (gboolean, MAX (n, 1u));
  for (guint i = 0; i < n && mine[i + 1] != NULL; i++) {
    g_auto (GStrv) fields = g_strsplit (mine[i + 1], "\t", -1);
    g_autofree char *key = NULL;
    if (g_strv_length (fields) != 7)
      continue;
    key = key_of (fields);
    drop[i] = g_hash_table_contains (accepted, key);
    dropped += drop[i];
  }
  sverka_notes_remove (notes, drop);
  if (n_accepted != NULL)
    *n_accepted = dropped;
  return TRUE;
}
