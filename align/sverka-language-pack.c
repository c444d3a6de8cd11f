/* sverka-language-pack.c: reading a language pack's language.tsv (see
 * sverka-language-pack-private.h). */
#include "config.h"

#include "sverka-language-pack-private.h"

#include <string.h>

#include "sverka-dictfile-private.h"
#include "sverka-error.h"

gboolean
sverka_language_tag_is_of (const char *tag, const char *code)
{
  gsize n = strlen (code);
  return g_ascii_strncasecmp (tag, code, n) == 0
         && (tag[n] == '\0' || tag[n] == '-' || tag[n] == '_');
}

gboolean
sverka_language_code_valid (const char *code)
{
  gsize n = 0;
  if (code == NULL)
    return FALSE;
  for (; code[n] != '\0'; n++)
    if (code[n] < 'a' || code[n] > 'z')
      return FALSE;
  return n == 2 || n == 3;
}

void
sverka_language_pack_free (SverkaLanguagePack *pack)
{
  if (pack == NULL)
    return;
  g_free (pack->code);
  g_free (pack->name);
  g_free (pack->dir);
  g_free (pack->locale);
  g_free (pack->stemmer);
  g_free (pack->hunspell);
  g_free (pack->hunspell_package);
  g_free (pack->hunspell_alt);
  g_free (pack->hunspell_alt_package);
  g_strfreev (pack->ordinal_suffixes);
  g_strfreev (pack->pronouns);
  g_free (pack->transliteration);
  g_free (pack);
}

char *
sverka_language_pack_file (const SverkaLanguagePack *pack, const char *name)
{
  return g_build_filename (pack->dir, name, NULL);
}

static const struct {
  const char *key;
  SverkaPackFiles flag;
  const char *file;
} pack_files[] = {
  { "stopwords", SVERKA_PACK_STOPWORDS, "stopwords.txt" },
  { "segment-exceptions", SVERKA_PACK_SEGMENT_EXCEPTIONS, "segment-exceptions.tsv" },
  { "numbers", SVERKA_PACK_NUMBERS, "numbers.tsv" },
  { "lemmas", SVERKA_PACK_LEMMAS, "lemmas.tsv" },
  { "months", SVERKA_PACK_MONTHS, "months.tsv" },
  { "times", SVERKA_PACK_TIMES, "times.tsv" },
  { "weekdays", SVERKA_PACK_WEEKDAYS, "weekdays.tsv" },
};

/* The keys read so far, for "given twice" and "missing". */
typedef struct {
  SverkaLanguagePack *pack;
  GHashTable *seen;
} PackReader;

static gboolean
yes_no (const char *path, guint lineno, const char *key, const char *value, gboolean *out,
        GError **error)
{
  if (strcmp (value, "yes") == 0 || strcmp (value, "no") == 0) {
    *out = value[0] == 'y';
    return TRUE;
  }
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s:%u: %s is yes or no, found '%s'", path, lineno, key, value);
  return FALSE;
}

static gboolean
read_files (const char *path, guint lineno, const char *value, SverkaLanguagePack *pack,
            GError **error)
{
  g_auto (GStrv) names = g_strsplit (value, " ", -1);
  for (guint i = 0; names[i] != NULL; i++) {
    guint k;
    if (names[i][0] == '\0')
      continue;
    for (k = 0; k < G_N_ELEMENTS (pack_files); k++)
      if (strcmp (names[i], pack_files[k].key) == 0)
        break;
    if (k == G_N_ELEMENTS (pack_files)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: unknown file '%s' (expected stopwords, segment-exceptions, "
                   "numbers, lemmas, months, times or weekdays)",
                   path, lineno, names[i]);
      return FALSE;
    }
    pack->files |= pack_files[k].flag;
  }
  return TRUE;
}

/* Lower-case words of letters separated by spaces into *@out: the
 * ordinal suffixes ("e er re ème", after a figure) or the pronouns; @what
 * names one for the error.
 * Returns: FALSE with @error set for another word. */
static gboolean
read_words (const char *path, guint lineno, const char *what, const char *value, char ***out,
            GError **error)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) names = g_strsplit (value, " ", -1);
  for (guint i = 0; names[i] != NULL; i++) {
    g_autofree char *lower = NULL;
    gboolean letters = TRUE;
    if (names[i][0] == '\0')
      continue;
    for (const char *p = names[i]; *p != '\0'; p = g_utf8_next_char (p))
      letters = letters && g_unichar_isalpha (g_utf8_get_char (p));
    lower = g_utf8_strdown (names[i], -1);
    if (!letters || strcmp (lower, names[i]) != 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: %s is lower-case letters, found '%s'", path, lineno, what, names[i]);
      return FALSE;
    }
    g_strv_builder_add (b, names[i]);
  }
  *out = g_strv_builder_end (b);
  return TRUE;
}

static gboolean
add_key (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
         GError **error)
{
  PackReader *r = user_data;
  SverkaLanguagePack *pack = r->pack;
  const char *key = fields[0];
  const char *value = fields[1];
  gboolean two = strcmp (key, "hunspell") == 0 || strcmp (key, "hunspell-alt") == 0;

  if (g_hash_table_contains (r->seen, key)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s:%u: '%s' given twice", path,
                 lineno, key);
    return FALSE;
  }
  if ((n_fields == 3) != two) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 two ? "%s:%u: %s takes a dictionary name and its Debian package"
                     : "%s:%u: %s takes one value",
                 path, lineno, key);
    return FALSE;
  }
  if (value[0] == '\0') {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s:%u: %s has no value", path,
                 lineno, key);
    return FALSE;
  }
  g_hash_table_add (r->seen, g_strdup (key));
  if (strcmp (key, "code") == 0) {
    if (strcmp (value, pack->code) != 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: the pack says its code is '%s', but its folder is '%s'", path,
                   lineno, value, pack->code);
      return FALSE;
    }
  } else if (strcmp (key, "name") == 0) {
    pack->name = g_strdup (value);
  } else if (strcmp (key, "script") == 0) {
    if (strcmp (value, "Latin") == 0)
      pack->script = SVERKA_SCRIPT_LATIN;
    else if (strcmp (value, "Cyrillic") == 0)
      pack->script = SVERKA_SCRIPT_CYRILLIC;
    else {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: script '%s' is not one sverka reads (Latin or Cyrillic)", path,
                   lineno, value);
      return FALSE;
    }
  } else if (strcmp (key, "locale") == 0) {
    pack->locale = g_strdup (value);
  } else if (strcmp (key, "stemmer") == 0) {
    pack->stemmer = g_strdup (value);
  } else if (strcmp (key, "hunspell") == 0) {
    pack->hunspell = g_strdup (value);
    pack->hunspell_package = g_strdup (fields[2]);
  } else if (strcmp (key, "hunspell-alt") == 0) {
    pack->hunspell_alt = g_strdup (value);
    pack->hunspell_alt_package = g_strdup (fields[2]);
  } else if (strcmp (key, "transliteration") == 0) {
    pack->transliteration = g_strdup (value);
  } else if (strcmp (key, "decimal-comma") == 0) {
    return yes_no (path, lineno, key, value, &pack->decimal_comma, error);
  } else if (strcmp (key, "inflected-numbers") == 0) {
    return yes_no (path, lineno, key, value, &pack->inflected_numbers, error);
  } else if (strcmp (key, "month-first-dates") == 0) {
    return yes_no (path, lineno, key, value, &pack->month_first_dates, error);
  } else if (strcmp (key, "ordinal-suffixes") == 0) {
    return read_words (path, lineno, "an ordinal suffix", value, &pack->ordinal_suffixes, error);
  } else if (strcmp (key, "pronouns") == 0) {
    return read_words (path, lineno, "a pronoun", value, &pack->pronouns, error);
  } else if (strcmp (key, "capitalised-nouns") == 0) {
    return yes_no (path, lineno, key, value, &pack->capitalised_nouns, error);
  } else if (strcmp (key, "files") == 0) {
    return read_files (path, lineno, value, pack, error);
  } else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s:%u: unknown key '%s'", path,
                 lineno, key);
    return FALSE;
  }
  return TRUE;
}

static gint
compare_codes (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The codes of the packs in @dictionary_dir, for the error that names
 * them. Returns: (transfer full) "de, en, fr, ru" or "none". */
static char *
packs_in (const char *dictionary_dir)
{
  g_autoptr (GDir) dir = g_dir_open (dictionary_dir, 0, NULL);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *desc = g_build_filename (dictionary_dir, name, "language.tsv", NULL);
    if (sverka_language_code_valid (name) && g_file_test (desc, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (codes, g_strdup (name));
  }
  if (codes->len == 0)
    return g_strdup ("none");
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (", ", (char **) codes->pdata);
}

SverkaLanguagePack *
sverka_language_pack_load (const char *dictionary_dir, const char *code, GError **error)
{
  g_autoptr (SverkaLanguagePack) pack = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autofree char *path = NULL;
  static const char *const required[] = { "code", "name", "script", "locale", "stemmer",
                                          "hunspell", "transliteration", "decimal-comma",
                                          "inflected-numbers", "files" };
  PackReader reader;

  if (!sverka_language_code_valid (code)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "'%s' is not a language code: expected two or three lower-case letters "
                 "(ru, en, de, fr)",
                 code != NULL ? code : "");
    return NULL;
  }
  pack = g_new0 (SverkaLanguagePack, 1);
  pack->code = g_strdup (code);
  pack->dir = g_build_filename (dictionary_dir, code, NULL);
  path = g_build_filename (pack->dir, "language.tsv", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_autofree char *have = packs_in (dictionary_dir);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "no language pack for '%s': %s not found (the packs in %s: %s)", code, path,
                 dictionary_dir, have);
    return NULL;
  }
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.pack = pack;
  reader.seen = seen;
  if (!sverka_dict_file_foreach (path, "sverka-language", 1, 2, 3, add_key, &reader, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_hash_table_contains (seen, required[i])) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s: '%s' is missing", path,
                   required[i]);
      return NULL;
    }
  for (guint k = 0; k < G_N_ELEMENTS (pack_files); k++) {
    g_autofree char *file = NULL;
    if (!(pack->files & pack_files[k].flag))
      continue;
    file = sverka_language_pack_file (pack, pack_files[k].file);
    if (!g_file_test (file, G_FILE_TEST_IS_REGULAR)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s: the pack lists %s, but %s is not there", path, pack_files[k].key, file);
      return NULL;
    }
  }
  return g_steal_pointer (&pack);
}
