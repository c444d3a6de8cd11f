/* sverka-freedict.c: importing FreeDict dictionaries as a lexicon.
 *
 * The layout of an article is described in sverka-freedict-private.h. Two
 * things decide what is a translation: the line after the headword is the
 * one sense's translations unless it opens a numbered sense ("1. "), and
 * then only the lines opening sense 1, 2, 3 ... in turn are; everything
 * else is a gloss in the source language. An article is numbered only if a
 * sense 2 follows its sense 1, so that a translation that happens to start
 * so ("1re classe" / "1. Klasse") is not read as a sense.
 */
#include "sverka-freedict-private.h"

#include <string.h>

#define MAX_WORDS 3 /* on either side of a pair */

/* ---- languages ---- */

/* Any letter: a language written in several scripts, or not checked. */
#define ANY_SCRIPT G_UNICODE_SCRIPT_INVALID_CODE

static const struct {
  const char *iso3; /* ISO 639-3, as FreeDict names its dictionaries */
  const char *iso1; /* ISO 639-1 */
  GUnicodeScript script;
} languages[] = {
  { "afr", "af", G_UNICODE_SCRIPT_LATIN },    { "ara", "ar", G_UNICODE_SCRIPT_ARABIC },
  { "bre", "br", G_UNICODE_SCRIPT_LATIN },    { "bul", "bg", G_UNICODE_SCRIPT_CYRILLIC },
  { "cat", "ca", G_UNICODE_SCRIPT_LATIN },    { "ces", "cs", G_UNICODE_SCRIPT_LATIN },
  { "cym", "cy", G_UNICODE_SCRIPT_LATIN },    { "dan", "da", G_UNICODE_SCRIPT_LATIN },
  { "deu", "de", G_UNICODE_SCRIPT_LATIN },    { "ell", "el", G_UNICODE_SCRIPT_GREEK },
  { "eng", "en", G_UNICODE_SCRIPT_LATIN },    { "epo", "eo", G_UNICODE_SCRIPT_LATIN },
  { "est", "et", G_UNICODE_SCRIPT_LATIN },    { "eus", "eu", G_UNICODE_SCRIPT_LATIN },
  { "fas", "fa", G_UNICODE_SCRIPT_ARABIC },   { "fin", "fi", G_UNICODE_SCRIPT_LATIN },
  { "fra", "fr", G_UNICODE_SCRIPT_LATIN },    { "gla", "gd", G_UNICODE_SCRIPT_LATIN },
  { "gle", "ga", G_UNICODE_SCRIPT_LATIN },    { "glg", "gl", G_UNICODE_SCRIPT_LATIN },
  { "heb", "he", G_UNICODE_SCRIPT_HEBREW },   { "hin", "hi", G_UNICODE_SCRIPT_DEVANAGARI },
  { "hrv", "hr", G_UNICODE_SCRIPT_LATIN },    { "hun", "hu", G_UNICODE_SCRIPT_LATIN },
  { "ind", "id", G_UNICODE_SCRIPT_LATIN },    { "isl", "is", G_UNICODE_SCRIPT_LATIN },
  { "ita", "it", G_UNICODE_SCRIPT_LATIN },    { "jpn", "ja", ANY_SCRIPT },
  { "kor", "ko", G_UNICODE_SCRIPT_HANGUL },   { "kur", "ku", ANY_SCRIPT },
  { "lat", "la", G_UNICODE_SCRIPT_LATIN },    { "lav", "lv", G_UNICODE_SCRIPT_LATIN },
  { "lit", "lt", G_UNICODE_SCRIPT_LATIN },    { "mkd", "mk", G_UNICODE_SCRIPT_CYRILLIC },
  { "nld", "nl", G_UNICODE_SCRIPT_LATIN },    { "nno", "nn", G_UNICODE_SCRIPT_LATIN },
  { "nob", "nb", G_UNICODE_SCRIPT_LATIN },    { "nor", "no", G_UNICODE_SCRIPT_LATIN },
  { "oci", "oc", G_UNICODE_SCRIPT_LATIN },    { "pol", "pl", G_UNICODE_SCRIPT_LATIN },
  { "por", "pt", G_UNICODE_SCRIPT_LATIN },    { "ron", "ro", G_UNICODE_SCRIPT_LATIN },
  { "rus", "ru", G_UNICODE_SCRIPT_CYRILLIC }, { "slk", "sk", G_UNICODE_SCRIPT_LATIN },
  { "slv", "sl", G_UNICODE_SCRIPT_LATIN },    { "spa", "es", G_UNICODE_SCRIPT_LATIN },
  { "sqi", "sq", G_UNICODE_SCRIPT_LATIN },    { "srp", "sr", ANY_SCRIPT },
  { "swa", "sw", G_UNICODE_SCRIPT_LATIN },    { "swe", "sv", G_UNICODE_SCRIPT_LATIN },
  { "tur", "tr", G_UNICODE_SCRIPT_LATIN },    { "ukr", "uk", G_UNICODE_SCRIPT_CYRILLIC },
  { "zho", "zh", G_UNICODE_SCRIPT_HAN },
};

char *
sverka_freedict_language (const char *code)
{
  g_autofree char *lower = NULL;
  gsize n;

  g_return_val_if_fail (code != NULL, NULL);
  n = strlen (code);
  if (n < 2 || n > 3)
    return NULL;
  for (gsize i = 0; i < n; i++) {
    if (!g_ascii_isalpha (code[i]))
      return NULL;
  }
  lower = g_ascii_strdown (code, -1);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++) {
    if (strcmp (lower, languages[i].iso3) == 0)
      return g_strdup (languages[i].iso1);
  }
  return g_steal_pointer (&lower);
}

/* The script of @lang's letters (sverka's code), or ANY_SCRIPT. */
static GUnicodeScript
language_script (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++) {
    if (strcmp (lang, languages[i].iso1) == 0 || strcmp (lang, languages[i].iso3) == 0)
      return languages[i].script;
  }
  return ANY_SCRIPT;
}

gboolean
sverka_freedict_languages_from_name (const char *index_path, char **source, char **target)
{
  g_autofree char *base = NULL;
  g_autofree char *middle = NULL;
  g_auto (GStrv) codes = NULL;
  g_autofree char *src = NULL;
  g_autofree char *tgt = NULL;

  g_return_val_if_fail (index_path != NULL, FALSE);
  base = g_path_get_basename (index_path);
  if (!g_str_has_prefix (base, "freedict-") || !g_str_has_suffix (base, ".index"))
    return FALSE;
  middle = g_strndup (base + strlen ("freedict-"),
                      strlen (base) - strlen ("freedict-") - strlen (".index"));
  codes = g_strsplit (middle, "-", -1);
  if (g_strv_length (codes) != 2)
    return FALSE;
  src = sverka_freedict_language (codes[0]);
  tgt = sverka_freedict_language (codes[1]);
  if (src == NULL || tgt == NULL)
    return FALSE;
  if (source != NULL)
    *source = g_steal_pointer (&src);
  if (target != NULL)
    *target = g_steal_pointer (&tgt);
  return TRUE;
}

/* TRUE if the 00-database-@name entry of @file mentions FreeDict. */
static gboolean
database_mentions_freedict (const SverkaDictdFile *file, const char *name)
{
  g_autofree char *article = sverka_dictd_file_dup_database_entry (file, name);
  g_autofree char *lower = NULL;

  if (article == NULL)
    return FALSE;
  lower = g_utf8_strdown (article, -1);
  return strstr (lower, "freedict") != NULL;
}

gboolean
sverka_freedict_recognise (const SverkaDictdFile *file)
{
  g_return_val_if_fail (file != NULL, FALSE);
  return sverka_freedict_languages_from_name (sverka_dictd_file_get_index_path (file), NULL,
                                              NULL) ||
         database_mentions_freedict (file, "short") || database_mentions_freedict (file, "url");
}

/* ---- articles ---- */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019; /* ’ */
}

/* TRUE if @c is a letter of @script. */
static gboolean
is_letter (gunichar c, GUnicodeScript script)
{
  return g_unichar_isalpha (c) && (script == ANY_SCRIPT || g_unichar_get_script (c) == script);
}

/* Returns: (transfer full) @item without soft hyphens and direction marks,
 * in NFC, its spaces (no-break ones too) made single, without a closing "!"
 * (interjections: "bof!"), if it is at most MAX_WORDS words of letters of
 * @script (with their combining marks), with hyphens inside a word and
 * apostrophes after its first letter; else NULL. */
static char *
plain_item (const char *item, GUnicodeScript script)
{
  g_autoptr (GString) bare = g_string_sized_new (strlen (item));
  g_autofree char *nfc = NULL;
  g_autoptr (GString) out = NULL;
  guint words = 0;
  gunichar prev = ' '; /* the last character kept; ' ' between words */

  /* first, as what they hid may compose: "o" RLM U+0301 is "ó" */
  for (const char *p = item; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c != 0x00AD && c != 0x200E && c != 0x200F) /* soft hyphen, LRM, RLM */
      g_string_append_len (bare, p, g_utf8_next_char (p) - p);
  }
  nfc = g_utf8_normalize (bare->str, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  g_strchomp (nfc);
  while (g_str_has_suffix (nfc, "!")) {
    nfc[strlen (nfc) - 1] = '\0';
    g_strchomp (nfc);
  }
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR) {
      if (prev == '-')
        return NULL; /* "Haupt- und Nebensatz" */
      prev = ' ';
      continue;
    }
    if (prev == ' ') { /* a word starts */
      if (!is_letter (c, script) || words == MAX_WORDS)
        return NULL;
      if (words > 0)
        g_string_append_c (out, ' ');
      words++;
    } else if (c == '-') {
      if (prev == '-' || is_apostrophe (prev))
        return NULL;
    } else if (is_apostrophe (c)) {
      if (prev == '-' || is_apostrophe (prev))
        return NULL;
    } else if (!is_letter (c, script) && !g_unichar_ismark (c)) {
      return NULL;
    }
    g_string_append_unichar (out, c);
    prev = c;
  }
  if (words == 0 || prev == '-')
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The number of the sense @line opens ("2. trans" or "2." alone, at the
 * start of the line), with @rest set after the marker; 0 if none. */
static guint
sense_number (char *line, char **rest)
{
  char *p = line;
  guint64 n = 0;

  while (g_ascii_isdigit (*p) && n < 1000)
    n = n * 10 + (guint64) (*p++ - '0');
  if (p == line || n >= 1000 || *p != '.' || (p[1] != ' ' && p[1] != '\0'))
    return 0;
  *rest = p[1] == ' ' ? p + 2 : p + 1;
  return (guint) n;
}

/* Cuts from @text the numbers of the sense's glosses at its end
 * ("courant descendant 2."), in place. */
static void
cut_gloss_numbers (char *text)
{
  for (;;) {
    char *end;
    char *digits;

    g_strchomp (text);
    end = text + strlen (text);
    if (end == text || end[-1] != '.')
      return;
    digits = end - 1;
    while (digits > text && g_ascii_isdigit (digits[-1]))
      digits--;
    if (digits == end - 1 || (digits > text && digits[-1] != ' '))
      return;
    *digits = '\0';
  }
}

/* Adds the plain translations of @text, a sense's comma-separated list, to
 * @out, up to the limit. A comma inside brackets does not separate: of
 * "Altenberg (Saxe, Allemagne)" nothing is kept. */
static void
add_translations (char *text, GUnicodeScript script, GPtrArray *out)
{
  guint depth = 0;
  char *start = text;

  cut_gloss_numbers (text);
  for (char *p = text;; p++) {
    if (*p == '(' || *p == '[' || *p == '{') {
      depth++;
    } else if ((*p == ')' || *p == ']' || *p == '}') && depth > 0) {
      depth--;
    } else if ((*p == ',' && depth == 0) || *p == '\0') {
      gboolean last = *p == '\0';
      char *word;

      *p = '\0';
      word = plain_item (start, script);
      if (word != NULL && out->len < SVERKA_DICTD_MAX_TRANSLATIONS)
        sverka_dictd_add_translation (out, word);
      else
        g_free (word);
      if (last)
        return;
      start = p + 1;
    }
  }
}

/* Returns: (transfer full) the headword of the first line @line, plain, or
 * NULL: the text before the IPA (" /...") and the part of speech (" <...>"). */
static char *
headword_of (const char *line, GUnicodeScript script)
{
  const char *ipa = strstr (line, " /");
  const char *pos = strstr (line, " <");
  const char *end = line + strlen (line);
  g_autofree char *head = NULL;

  if (ipa != NULL && ipa < end)
    end = ipa;
  if (pos != NULL && pos < end)
    end = pos;
  head = g_strndup (line, (gsize) (end - line));
  return plain_item (g_strstrip (head), script);
}

GStrv
sverka_freedict_parse_article (const char *article, const char *source, const char *target,
                               char **headword)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = NULL;
  GUnicodeScript script;
  guint n_lines;
  char *rest = NULL;
  gboolean numbered = FALSE;

  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  if (headword != NULL)
    *headword = NULL;
  if (!g_utf8_validate (article, -1, NULL)) {
    g_ptr_array_add (out, NULL);
    return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
  }
  lines = g_strsplit (article, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines; i++) {
    gsize n = strlen (lines[i]);
    if (n > 0 && lines[i][n - 1] == '\r')
      lines[i][n - 1] = '\0';
  }
  if (headword != NULL && n_lines > 0)
    *headword = headword_of (lines[0], language_script (source));

  script = language_script (target);
  if (n_lines > 1 && sense_number (lines[1], &rest) == 1) {
    for (guint i = 2; i < n_lines && !numbered; i++)
      numbered = sense_number (lines[i], &rest) == 2;
  }
  if (!numbered && n_lines > 1) {
    add_translations (lines[1], script, out);
  } else if (numbered) {
    guint next = 1;
    for (guint i = 1; i < n_lines && out->len < SVERKA_DICTD_MAX_TRANSLATIONS; i++) {
      if (sense_number (lines[i], &rest) != next)
        continue; /* a gloss, or its number (" 3.") */
      next++;
      add_translations (rest, script, out);
    }
  }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* ---- import ---- */

/* Returns: (transfer full) the value of the "@field: VALUE" line of
 * @info (the 00-database-info entry), or NULL. */
static char *
info_field (const char *info, const char *field)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++) {
    const char *line = g_strstrip (lines[i]);
    if (g_str_has_prefix (line, prefix)) {
      char *value = sverka_dictd_database_text ("", line + strlen (prefix));
      if (value[0] != '\0')
        return value;
      g_free (value);
    }
  }
  return NULL;
}

/* Returns: (transfer full) the paragraph after the "@heading:" line of
 * @info, joined on one line ("Availability:" gives the licence), or NULL. */
static char *
info_paragraph (const char *info, const char *heading)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *title = g_strconcat (heading, ":", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  char *out;
  guint i = 0;

  while (lines[i] != NULL && strcmp (g_strstrip (lines[i]), title) != 0)
    i++;
  if (lines[i] == NULL)
    return NULL;
  for (i++; lines[i] != NULL; i++) {
    const char *line = g_strstrip (lines[i]);
    if (line[0] == '\0' && text->len > 0)
      break;
    g_string_append_printf (text, "%s\n", line);
  }
  out = sverka_dictd_database_text ("", text->str);
  if (out[0] == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* Appends the comment lines naming @dict to @out. */
static void
describe (GString *out, const SverkaFreedictDictionary *dict)
{
  g_autofree char *index_base = g_path_get_basename (sverka_dictd_file_get_index_path (dict->file));
  g_autofree char *data_base = g_path_get_basename (sverka_dictd_file_get_data_path (dict->file));
  g_autofree char *short_entry = sverka_dictd_file_dup_database_entry (dict->file, "short");
  g_autofree char *url_entry = sverka_dictd_file_dup_database_entry (dict->file, "url");
  g_autofree char *info = sverka_dictd_file_dup_database_entry (dict->file, "info");
  g_autofree char *short_name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *licence = NULL;

  if (short_entry != NULL)
    short_name = sverka_dictd_database_text ("00-database-short", short_entry);
  if (url_entry != NULL)
    url = sverka_dictd_database_text ("00-database-url", url_entry);
  if (info != NULL) {
    edition = info_field (info, "Edition");
    licence = info_paragraph (info, "Availability");
  }
  g_string_append_printf (out, "# Imported from the FreeDict dictionary %s + %s", index_base,
                          data_base);
  if (short_name != NULL && short_name[0] != '\0')
    g_string_append_printf (out, " (%s)", short_name);
  g_string_append_printf (out, ", %s to %s", dict->source, dict->target);
  if (edition != NULL)
    g_string_append_printf (out, ", edition %s", edition);
  g_string_append (out, ".\n");
  if (url != NULL && url[0] != '\0')
    g_string_append_printf (out, "# Source: %s\n", url);
  if (licence != NULL)
    g_string_append_printf (out, "# Licence, as the dictionary states it: %s\n", licence);
}

/* Adds the pairs of @dict to @pairs ("l1\tl2"), counting into @st. */
static void
add_dictionary (const SverkaFreedictDictionary *dict, gboolean swap, GPtrArray *pairs,
                SverkaDictdStats *st)
{
  guint n_entries = sverka_dictd_file_get_n_entries (dict->file);

  for (guint i = 0; i < n_entries; i++) {
    g_autofree char *article = NULL;
    g_autofree char *headword = NULL;
    g_auto (GStrv) translations = NULL;

    st->headwords++;
    if (sverka_dictd_is_database_headword (sverka_dictd_file_get_headword (dict->file, i)))
      continue;
    article = sverka_dictd_file_dup_article (dict->file, i);
    translations = sverka_freedict_parse_article (article, dict->source, dict->target, &headword);
    if (headword == NULL || translations[0] == NULL)
      continue;
    for (guint t = 0; translations[t] != NULL; t++) {
      g_ptr_array_add (pairs, swap ? g_strdup_printf ("%s\t%s", translations[t], headword)
                                   : g_strdup_printf ("%s\t%s", headword, translations[t]));
    }
    st->entries_used++;
  }
}

char *
sverka_freedict_import (const SverkaFreedictDictionary *dicts, guint n_dicts, const char *l1,
                        const char *l2, SverkaDictdStats *stats, GError **error)
{
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GString *out;
  SverkaDictdStats st = { 0, 0, 0, 0 };

  g_return_val_if_fail (dicts != NULL || n_dicts == 0, NULL);
  g_return_val_if_fail (l1 != NULL && l2 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (l1, l2) == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "expected two different languages for the lexicon's columns, found %s twice",
                 l1);
    return NULL;
  }
  for (guint d = 0; d < n_dicts; d++) {
    const SverkaFreedictDictionary *dict = &dicts[d];
    gboolean forward = strcmp (dict->source, l1) == 0 && strcmp (dict->target, l2) == 0;
    gboolean backward = strcmp (dict->source, l2) == 0 && strcmp (dict->target, l1) == 0;

    if (!forward && !backward) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s: a dictionary from %s to %s, expected one between %s and %s; import "
                   "the dictionaries of one language pair together",
                   sverka_dictd_file_get_index_path (dict->file), dict->source, dict->target,
                   l1, l2);
      return NULL;
    }
    add_dictionary (dict, backward, pairs, &st);
  }

  g_ptr_array_sort (pairs, sverka_dictd_compare_strings);
  out = g_string_new ("# sverka-lexicon 1\n");
  for (guint d = 0; d < n_dicts; d++)
    describe (out, &dicts[d]);
  g_string_append_printf (out,
                          "# %s word<TAB>%s word<TAB>general: the first %u plain translations "
                          "of each plain headword\n# (the pairs of a %s-%s dictionary "
                          "swapped), each tagged as a general dictionary's sense.\n"
                          "# Generated by sverka_freedict_import; do not edit by hand.\n",
                          l1, l2, SVERKA_DICTD_MAX_TRANSLATIONS, l2, l1);
  for (guint i = 0; i < pairs->len; i++) {
    const char *pair = g_ptr_array_index (pairs, i);
    if (i > 0 && strcmp (pair, g_ptr_array_index (pairs, i - 1)) == 0)
      continue;
    g_string_append (out, pair);
    g_string_append (out, "\tgeneral\n");
    st.pairs++;
  }
  st.skipped = st.headwords - st.entries_used;
  if (stats != NULL)
    *stats = st;
  return g_string_free (out, FALSE);
}
