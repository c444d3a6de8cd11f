/* sverka-lexicon.c: loading bilingual lexicons and indexing them by stem. */
#include <stdlib.h>
#include <string.h>

#include "sverka-dictfile-private.h"
#include "sverka-error.h"
#include "sverka-lexicon-private.h"

static void
entry_free (gpointer data)
{
  SverkaLexEntry *e = data;
  g_strfreev (e->ru_stems);
  g_strfreev (e->en_stems);
  g_free (e->en);
  g_free (e->ru);
  g_free (e);
}

SverkaLexicon *
sverka_lexicon_new (SverkaContext *ctx)
{
  SverkaLexicon *lex = g_new0 (SverkaLexicon, 1);
  lex->ctx = sverka_context_ref (ctx);
  lex->entries = g_ptr_array_new_with_free_func (entry_free);
  lex->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  lex->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_strfreev);
  return lex;
}

void
sverka_lexicon_free (SverkaLexicon *lex)
{
  if (lex == NULL)
    return;
  g_hash_table_unref (lex->by_first);
  g_hash_table_unref (lex->seen);
  g_hash_table_unref (lex->stems);
  g_ptr_array_unref (lex->entries);
  sverka_context_unref (lex->ctx);
  g_free (lex);
}

guint
sverka_lexicon_get_n_entries (SverkaLexicon *lex)
{
  return lex->entries->len;
}

static gboolean
parse_tags (const char *path, guint lineno, const char *field, SverkaLexEntry *e, GError **error)
{
  g_auto (GStrv) tags = NULL;

  /* Every line of an imported dictionary has this one tag. */
  if (strcmp (field, "general") == 0) {
    e->tags |= SVERKA_LEX_GENERAL;
    return TRUE;
  }
  tags = g_strsplit (field, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++) {
    const char *t = g_strstrip (tags[i]);
    if (strcmp (t, "term") == 0)
      e->tags |= SVERKA_LEX_TERM;
    else if (strcmp (t, "name") == 0)
      e->tags |= SVERKA_LEX_NAME;
    else if (strcmp (t, "title") == 0)
      e->tags |= SVERKA_LEX_TITLE;
    else if (strcmp (t, "org") == 0)
      e->tags |= SVERKA_LEX_ORG;
    else if (strcmp (t, "month") == 0)
      e->tags |= SVERKA_LEX_MONTH;
    else if (strcmp (t, "day") == 0)
      e->tags |= SVERKA_LEX_DAY;
    else if (strcmp (t, "general") == 0)
      e->tags |= SVERKA_LEX_GENERAL;
    else if (strcmp (t, "learned") == 0)
      e->tags |= SVERKA_LEX_LEARNED;
    else if (g_str_has_prefix (t, "p=")) {
      char *end = NULL;
      e->p = g_ascii_strtod (t + 2, &end);
      if (end == t + 2 || *end != '\0' || !(e->p >= 0 && e->p <= 1)) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected a probability from 0 to 1 after 'p=', found '%s'", path,
                     lineno, t + 2);
        return FALSE;
      }
    } else if (g_str_has_prefix (t, "num=")) {
      char *end = NULL;
      e->value = g_ascii_strtod (t + 4, &end);
      if (end == t + 4 || *end != '\0') {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                     "%s:%u: expected a number after 'num=', found '%s'", path, lineno, t + 4);
        return FALSE;
      }
      e->tags |= SVERKA_LEX_NUM;
    } else {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: unknown tag '%s' (known: term, name, title, org, month, day, "
                   "num=VALUE, general, learned, p=PROBABILITY)",
                   path, lineno, t);
      return FALSE;
    }
  }
  return TRUE;
}

/* The stems of a side, worked out once for each distinct side: an imported
 * dictionary repeats its words many times. Returns: (transfer full). */
static GStrv
side_stems (SverkaLexicon *lex, const char *side, GError **error)
{
  GStrv cached = g_hash_table_lookup (lex->stems, side);
  GStrv stems;
  if (cached != NULL)
    return g_strdupv (cached);
  stems = sverka_context_phrase_stems (lex->ctx, side, error);
  if (stems != NULL)
    g_hash_table_insert (lex->stems, g_strdup (side), g_strdupv (stems));
  return stems;
}

static gboolean
add_entry (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
           GError **error)
{
  SverkaLexicon *lex = user_data;
  g_autofree char *pair = g_strconcat (fields[0], "\t", fields[1], NULL);
  SverkaLexEntry *e;
  GPtrArray *list;

  if (g_hash_table_contains (lex->seen, pair))
    return TRUE;
  e = g_new0 (SverkaLexEntry, 1);
  e->p = 1.0;
  if (n_fields == 3 && !parse_tags (path, lineno, fields[2], e, error)) {
    entry_free (e);
    return FALSE;
  }
  e->ru_stems = side_stems (lex, fields[0], error);
  e->en_stems = e->ru_stems != NULL ? side_stems (lex, fields[1], error) : NULL;
  if (e->ru_stems == NULL || e->en_stems == NULL) {
    entry_free (e);
    g_prefix_error (error, "%s:%u: ", path, lineno);
    return FALSE;
  }
  e->n_ru = g_strv_length (e->ru_stems);
  e->n_en = g_strv_length (e->en_stems);
  if (e->n_ru == 0 || e->n_en == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected words on both sides, found '%s' and '%s'", path, lineno,
                 fields[0], fields[1]);
    entry_free (e);
    return FALSE;
  }
  e->en = g_strdup (fields[1]);
  e->ru = g_strdup (fields[0]);
  e->index = lex->entries->len;
  g_ptr_array_add (lex->entries, e);
  g_hash_table_add (lex->seen, g_steal_pointer (&pair));
  {
    g_autofree char *key = e->n_ru > 1 ? g_strconcat (e->ru_stems[0], "\t", e->ru_stems[1], NULL)
                                       : g_strdup (e->ru_stems[0]);
    list = g_hash_table_lookup (lex->by_first, key);
    if (list == NULL) {
      list = g_ptr_array_new ();
      g_hash_table_insert (lex->by_first, g_steal_pointer (&key), list);
    }
  }
  g_ptr_array_add (list, e);
  return TRUE;
}

gboolean
sverka_lexicon_load (SverkaLexicon *lex, const char *path, GError **error)
{
  gboolean ok = sverka_dict_file_foreach (path, "sverka-lexicon", 1, 2, 3, add_entry, lex, error);
  /* The cache serves one file; its memory is not kept for the alignment. */
  g_hash_table_remove_all (lex->stems);
  return ok;
}

gboolean
sverka_lexicon_add (SverkaLexicon *lex, const char *ru, const char *en, GError **error)
{
  char *fields[3] = { (char *) ru, (char *) en, NULL };
  gboolean ok = add_entry ("(added entry)", 1, fields, 2, lex, error);
  g_hash_table_remove_all (lex->stems);
  return ok;
}
