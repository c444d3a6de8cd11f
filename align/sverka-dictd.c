/* sverka-dictd.c: importing a dictd dictionary (Mueller's English-Russian) as a lexicon,
 * and reading dictd files (SverkaDictdFile), which the FreeDict importer shares.
 *
 * A Mueller article looks like this (the first line is the headword, the
 * rest is indented and wrapped at about 75 columns):
 *
 *   abandon
 *      [ɜ↗bændɜn]
 *      1. _v.
 *         1) покидать, оставлять
 *         3) _refl. предаваться (страсти, отчаянию и т.п. - to); to abandon
 *         oneself to the idea склоняться к мысли
 *      2. _n. _книж. развязность, несдержанность
 *
 * Markers ("1." part of speech, "1)" sense, "а)" sub-sense, "_I" homonym)
 * only ever open a line, so a line without one continues the previous
 * unit. Brackets, parentheses, braces and "_marks" are dropped first. In a
 * unit, "; " separates groups, ", " near-synonyms. Mueller gives the
 * translations of a sense before its examples, so the first group with a
 * Latin letter (an example, "to abandon oneself to the idea ...") or an "="
 * (a cross-reference) ends the unit: the groups after it translate the
 * example. Lettered sub-senses that follow an English phrase translate that
 * phrase, not the headword, and are dropped too. A group whose later items
 * describe the first ("человек, склонный к апоплексии", "то, что
 * отвлекает") is a definition, not a list of synonyms, and is dropped.
 */
#include "sverka-dictd-private.h"

#include <gio/gio.h>
#include <string.h>

#define MAX_WORDS 3 /* on either side of a pair */

typedef enum {
  UNIT_TEXT,     /* no marker: the transcription line, or a continuation */
  UNIT_PART,     /* "1." a part of speech */
  UNIT_SENSE,    /* "1)" */
  UNIT_SUBSENSE, /* "а)" */
  UNIT_HOMONYM,  /* "_I", "_II" */
} UnitKind;

typedef struct {
  UnitKind kind;
  gunichar letter; /* of a UNIT_SUBSENSE */
  GString *text;   /* after the marker, lines joined */
} Unit;

static void
unit_clear (gpointer data)
{
  Unit *u = data;
  g_string_free (u->text, TRUE);
}

static gboolean
is_russian_letter (gunichar c)
{
  return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451;
}

/* Reads the marker opening @line (already stripped of leading spaces); sets
 * @rest to the text after it. */
static UnitKind
parse_marker (const char *line, gunichar *letter, const char **rest)
{
  const char *p = line;

  *letter = 0;
  *rest = line;
  if (g_ascii_isdigit (*p)) {
    while (g_ascii_isdigit (*p))
      p++;
    if (*p == ')') {
      *rest = p + 1;
      return UNIT_SENSE;
    }
    if (*p == '.' && (p[1] == ' ' || p[1] == '\0')) {
      *rest = p + 1;
      return UNIT_PART;
    }
    return UNIT_TEXT;
  }
  if (p[0] == '_' && (p[1] == 'I' || p[1] == 'V' || p[1] == 'X')) {
    p++;
    while (*p == 'I' || *p == 'V' || *p == 'X')
      p++;
    if (!g_ascii_isalpha (*p) && *p != '.') {
      *rest = p;
      return UNIT_HOMONYM;
    }
    return UNIT_TEXT;
  }
  if (*p != '\0') {
    gunichar c = g_utf8_get_char (p);
    const char *q = g_utf8_next_char (p);
    if (c >= 0x0430 && c <= 0x044F && *q == ')') {
      *letter = c;
      *rest = q + 1;
      return UNIT_SUBSENSE;
    }
  }
  return UNIT_TEXT;
}

/* Appends a continuation line; a line broken after a hyphen inside a Russian
 * word ("глаза-" / "бусинки") is joined without a space. */
static void
join_line (GString *text, const char *line)
{
  if (text->len >= 2 && text->str[text->len - 1] == '-') {
    const char *before = g_utf8_find_prev_char (text->str, text->str + text->len - 1);
    if (before != NULL && is_russian_letter (g_utf8_get_char (before))) {
      g_string_append (text, line);
      return;
    }
  }
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, line);
}

/* Returns: (transfer full) @text without bracketed spans (transcriptions
 * [..], comments (..), notes {..}, nested or not) and without grammar and
 * usage marks ("_n.", "_pl.", "_разг.:", "_III"). */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  guint depth = 0;
  const char *p = text;

  while (*p != '\0') {
    char c = *p;
    if (c == '(' || c == '[' || c == '{') {
      depth++;
      p++;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0)
        depth--;
      p++;
    } else if (depth > 0) {
      p++;
    } else if (c == '_') {
      p++;
      while (*p != '\0') {
        gunichar u = g_utf8_get_char (p);
        if (!g_unichar_isalpha (u) && u != '.' && u != '-' && u != ':')
          break;
        p = g_utf8_next_char (p);
      }
      g_string_append_c (out, ' ');
    } else {
      g_string_append_c (out, c);
      p++;
    }
  }
  return g_string_free (out, FALSE);
}

/* TRUE if @s holds a letter of another script than Cyrillic, or "~" (the
 * headword in examples). */
static gboolean
has_foreign_letter (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == '~')
      return TRUE;
    if (g_unichar_isalpha (c) && !(c >= 0x0400 && c <= 0x04FF))
      return TRUE;
  }
  return FALSE;
}

/* Returns: (transfer full) @item with its spaces collapsed and ё written е,
 * if it is at most MAX_WORDS words of Russian letters joined by single
 * hyphens; else NULL. */
static char *
plain_russian (const char *item)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;
  gunichar prev = 0;

  for (const char *p = item; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_isspace (c)) {
      if (in_word && prev == '-')
        return NULL;
      in_word = FALSE;
    } else if (is_russian_letter (c)) {
      if (!in_word) {
        if (words == MAX_WORDS)
          return NULL;
        if (words > 0)
          g_string_append_c (out, ' ');
        words++;
        in_word = TRUE;
      }
      if (c == 0x0451) /* ё */
        c = 0x0435;
      else if (c == 0x0401) /* Ё */
        c = 0x0415;
      g_string_append_unichar (out, c);
      prev = c;
    } else if (c == '-') {
      if (!in_word || prev == '-')
        return NULL;
      g_string_append_c (out, '-');
      prev = c;
    } else {
      return NULL;
    }
  }
  if (words == 0 || prev == '-')
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sverka_dictd_add_translation (GPtrArray *out, char *word)
{
  for (guint i = 0; i < out->len; i++) {
    if (strcmp (g_ptr_array_index (out, i), word) == 0) {
      g_free (word);
      return;
    }
  }
  g_ptr_array_add (out, word);
}

/* One-letter Russian words; other single letters are stray marks ("[...] н"). */
static gboolean
one_letter_word (const char *word)
{
  static const char *const words[] = { "а", "в", "и", "к", "о", "с", "у", "я" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    if (strcmp (word, words[i]) == 0)
      return TRUE;
  }
  return FALSE;
}

/* TRUE if @word opens a relative clause ("тот, кто ...", "лицо, которому ..."). */
static gboolean
is_relative (const char *word)
{
  static const char *const words[] = { "кто",     "что",     "где",     "куда",    "откуда",
                                       "когда",   "чтобы",   "который", "которая", "которое",
                                       "которые", "которого", "которой", "которому", "которым",
                                       "которых", "которую",  "коими",   "чей",      "чья",
                                       "кого",    "кому",    "кем",     "ком",     "чего",
                                       "чему",    "чем",     "чём" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    if (strcmp (word, words[i]) == 0)
      return TRUE;
  }
  return FALSE;
}

/* TRUE if @word looks like an active participle ("подающий", "окончившее",
 * "пришедший"); passive ones end like common adjectives ("общественный"). */
static gboolean
is_participle (const char *word)
{
  static const char *const endings[] = {
    "щий",  "щая",  "щее",  "щие",  "щийся",  "щаяся",  "щееся",  "щиеся",
    "вший", "вшая", "вшее", "вшие", "вшийся", "вшаяся", "вшееся", "вшиеся",
    "дший", "дшая", "дшее", "дшие",
  };
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++) {
    if (g_str_has_suffix (word, endings[i]))
      return TRUE;
  }
  return FALSE;
}

/* TRUE if @word ends like an adjective or participle in the nominative
 * ("изготовленный, сделанный на заказ" are synonyms). */
static gboolean
is_adjective_like (const char *word)
{
  static const char *const endings[] = { "ый", "ий", "ой", "ая", "яя", "ое", "ее",
                                         "ые", "ие", "йся", "яся", "еся" };
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++) {
    if (g_str_has_suffix (word, endings[i]))
      return TRUE;
  }
  return FALSE;
}

/* TRUE if @item is a word that definitions start from: "человек, склонный к
 * апоплексии" is one translation, not two. */
static gboolean
is_generic_head (const char *item)
{
  static const char *const words[] = { "человек", "лицо", "тот", "то",    "та",
                                       "те",      "вещь", "нечто", "что-то", "кто-то" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    if (strcmp (item, words[i]) == 0)
      return TRUE;
  }
  return FALSE;
}

/* TRUE if @item, following a comma after a noun or pronoun, describes it
 * instead of being a synonym: "человек, много путешествующий по свету", "то, что
 * отвлекает", "тот, на ком надето платье". */
static gboolean
is_description (const char *item)
{
  g_auto (GStrv) words = g_strsplit (item, " ", -1);

  if (g_strv_length (words) < 2)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++) {
    if (is_relative (words[i]) || is_participle (words[i]))
      return TRUE;
  }
  return FALSE;
}

/* Makes each run of white space in @s one space and strips both ends, in place. */
static void
squeeze_spaces (char *s)
{
  char *w = s;
  gboolean space = FALSE;

  for (const char *r = s; *r != '\0'; r++) {
    if (g_ascii_isspace (*r)) {
      space = TRUE;
      continue;
    }
    if (space && w > s)
      *w++ = ' ';
    space = FALSE;
    *w++ = *r;
  }
  *w = '\0';
}

/* Adds the plain translations of one unit to @out, up to the limit. */
static void
add_unit_translations (const char *text, GPtrArray *out)
{
  g_autofree char *clean = clean_text (text);
  g_auto (GStrv) groups = g_strsplit (clean, ";", -1);

  for (guint i = 0; groups[i] != NULL && out->len < SVERKA_DICTD_MAX_TRANSLATIONS; i++) {
    const char *group = g_strstrip (groups[i]);
    g_autoptr (GPtrArray) found = NULL;
    g_auto (GStrv) items = NULL;
    gboolean keep = TRUE;
    gboolean head_is_adjective = FALSE;
    gboolean head_is_generic = FALSE;

    if (group[0] == '\0')
      continue;
    /* An example or a cross-reference; the groups after it translate the
     * example ("L. Empire Восточная Римская империя; Византия"). */
    if (group[0] == '=' || has_foreign_letter (group))
      break;
    found = g_ptr_array_new_with_free_func (g_free);
    items = g_strsplit (group, ",", -1);
    for (guint j = 0; items[j] != NULL; j++) {
      g_autofree char *item = g_strdup (items[j]);
      g_auto (GStrv) alts = NULL;
      guint n_alts;

      squeeze_spaces (item);
      while (g_str_has_suffix (item, "!")) /* interjections: "алло!" */
        item[strlen (item) - 1] = '\0';
      if (j == 0) {
        g_auto (GStrv) words = g_strsplit (item, " ", 2);
        head_is_adjective = words[0] != NULL && is_adjective_like (words[0]);
        head_is_generic = is_generic_head (item);
      } else if ((head_is_generic && strchr (item, ' ') != NULL) ||
                 (!head_is_adjective && is_description (item))) {
        keep = FALSE; /* the group is a definition, not a list of synonyms */
        break;
      }
      /* "сгребать или наваливать": two translations; but not
       * "перевозить или посылать по железной дороге", whose halves share words */
      alts = g_strsplit (item, " или ", -1);
      n_alts = g_strv_length (alts);
      for (guint k = 0; k < n_alts && n_alts > 1; k++) {
        if (strchr (g_strstrip (alts[k]), ' ') != NULL)
          n_alts = 1;
      }
      if (n_alts == 1) {
        char *word = plain_russian (item);
        if (word != NULL)
          g_ptr_array_add (found, word);
        continue;
      }
      for (guint k = 0; alts[k] != NULL; k++) {
        char *word = plain_russian (alts[k]);
        if (word != NULL)
          g_ptr_array_add (found, word);
      }
    }
    if (!keep)
      continue;
    for (guint j = 0; j < found->len && out->len < SVERKA_DICTD_MAX_TRANSLATIONS; j++) {
      char *word = g_steal_pointer (&g_ptr_array_index (found, j));
      if (g_utf8_strlen (word, -1) == 1 && !one_letter_word (word))
        g_free (word);
      else
        sverka_dictd_add_translation (out, word);
    }
  }
}

/* TRUE if the last group of @text is an English phrase, whose lettered
 * sub-senses then follow ("to make peace / а) заключать мир"). */
static gboolean
ends_in_english (const char *text)
{
  g_autofree char *clean = clean_text (text);
  g_auto (GStrv) groups = g_strsplit (clean, ";", -1);

  for (guint n = g_strv_length (groups); n > 0; n--) {
    const char *group = g_strstrip (groups[n - 1]);
    if (group[0] != '\0')
      return has_foreign_letter (group);
  }
  return FALSE;
}

GStrv
sverka_dictd_parse_article (const char *headword, const char *article)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_auto (GStrv) lines = NULL;
  gboolean skip_sub = FALSE;

  g_return_val_if_fail (headword != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  g_array_set_clear_func (units, unit_clear);
  if (g_utf8_validate (article, -1, NULL)) {
    lines = g_strsplit (article, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
      const char *line = g_strstrip (lines[i]);
      const char *rest;
      Unit unit;

      if (line[0] == '\0' || (i == 0 && g_ascii_strcasecmp (line, headword) == 0))
        continue;
      unit.kind = parse_marker (line, &unit.letter, &rest);
      if (unit.kind == UNIT_TEXT && units->len > 0) {
        join_line (g_array_index (units, Unit, units->len - 1).text, line);
        continue;
      }
      unit.text = g_string_new (rest);
      g_array_append_val (units, unit);
    }
  }

  for (guint u = 0; u < units->len && out->len < SVERKA_DICTD_MAX_TRANSLATIONS; u++) {
    const Unit *unit = &g_array_index (units, Unit, u);

    if (unit->kind == UNIT_SUBSENSE) {
      if (!skip_sub && unit->letter == 0x0430 /* а */ && u > 0 &&
          ends_in_english (g_array_index (units, Unit, u - 1).text->str))
        skip_sub = TRUE;
      if (skip_sub)
        continue;
    } else {
      skip_sub = FALSE;
    }
    add_unit_translations (unit->text->str, out);
  }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* ---- dictd files: the index and the data ---- */

/* dictd's base64 number: digits A-Z a-z 0-9 + /, most significant first. */
static gboolean
decode_number (const char *s, guint64 *value)
{
  static const char digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  guint64 v = 0;
  gsize n = strlen (s);

  if (n == 0 || n > 10) /* 60 bits: no overflow */
    return FALSE;
  for (gsize i = 0; i < n; i++) {
    const char *d = s[i] != '\0' ? strchr (digits, s[i]) : NULL;
    if (d == NULL)
      return FALSE;
    v = v * 64 + (guint64) (d - digits);
  }
  *value = v;
  return TRUE;
}

/* Returns: (transfer full) the contents of the data file @path, gunzipped if
 * @compressed (dictzip is gzip with an extra header field: read whole, it
 * needs no random access). */
static GBytes *
read_data (const char *path, gboolean compressed, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) raw = NULL;
  g_autoptr (GConverter) gunzip = NULL;
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GOutputStream) mem = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "cannot read the dictd data file: %s",
                 local->message);
    return NULL;
  }
  raw = g_bytes_new_take (contents, len);
  if (!compressed)
    return g_steal_pointer (&raw);

  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  in = g_memory_input_stream_new_from_bytes (raw);
  stream = g_converter_input_stream_new (in, gunzip);
  mem = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (mem, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, &local) < 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: not a complete gzip (dictzip) file: %s; check the file or reinstall the "
                 "dictionary",
                 path, local->message);
    return NULL;
  }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

/* Returns: (transfer full) the first line of @article, stripped, with
 * control characters made spaces (fit for a comment line). */
static char *
first_line (const char *article)
{
  const char *end = strchr (article, '\n');
  char *line = end != NULL ? g_strndup (article, (gsize) (end - article)) : g_strdup (article);

  for (char *p = line; *p != '\0'; p++) {
    if ((guchar) *p < 0x20 || *p == 0x7F)
      *p = ' ';
  }
  return g_strstrip (line);
}

char *
sverka_dictd_database_text (const char *name, const char *article)
{
  g_auto (GStrv) lines = g_strsplit (article, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++) {
    g_autofree char *line = first_line (lines[i]);
    if (line[0] == '\0' || (i == 0 && strcmp (line, name) == 0))
      continue;
    if (out->len > 0)
      g_string_append_c (out, ' ');
    g_string_append (out, line);
  }
  return g_string_free (out, FALSE);
}

typedef struct {
  char *headword; /* as in the index, where dictfmt folds case */
  gsize offset;
  gsize length;
} IndexEntry;

static void
index_entry_clear (gpointer data)
{
  IndexEntry *e = data;
  g_free (e->headword);
}

struct _SverkaDictdFile {
  char *index_path;
  char *data_path;
  GBytes *data;     /* the articles, gunzipped */
  const char *text; /* its bytes */
  GArray *entries;  /* of IndexEntry, in the order of the index */
};

void
sverka_dictd_file_free (SverkaDictdFile *file)
{
  if (file == NULL)
    return;
  g_free (file->index_path);
  g_free (file->data_path);
  g_clear_pointer (&file->data, g_bytes_unref);
  g_clear_pointer (&file->entries, g_array_unref);
  g_free (file);
}

/* Reads the index lines into @file->entries, checking each against the data. */
static gboolean
read_index (SverkaDictdFile *file, char *index, SverkaDictdOpenFlags flags, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (index, "\n", -1);
  const char *index_path = file->index_path;
  const char *data_path = file->data_path;
  gsize data_len = g_bytes_get_size (file->data);

  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = lines[i];
    gsize n = strlen (line);
    guint lineno = i + 1;
    g_auto (GStrv) fields = NULL;
    guint64 offset, length;
    IndexEntry e;

    if (n > 0 && line[n - 1] == '\r')
      line[--n] = '\0';
    if (n == 0)
      continue;
    fields = g_strsplit (line, "\t", -1);
    if (g_strv_length (fields) != 3) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: expected 3 tab-separated fields (headword, offset, length), "
                   "found %u",
                   index_path, lineno, g_strv_length (fields));
      return FALSE;
    }
    if (fields[0][0] == '\0' && !(flags & SVERKA_DICTD_OPEN_EMPTY_HEADWORDS)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s:%u: empty headword",
                   index_path, lineno);
      return FALSE;
    }
    if (!decode_number (fields[1], &offset) || !decode_number (fields[2], &length)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: expected the offset and length in dictd base64 (A-Z a-z 0-9 + /), "
                   "found '%.20s' and '%.20s'",
                   index_path, lineno, fields[1], fields[2]);
      return FALSE;
    }
    if (offset > data_len || length > data_len - offset) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: the article of '%s' (offset %" G_GUINT64_FORMAT
                   ", length %" G_GUINT64_FORMAT ") lies past the end of %s (%" G_GSIZE_FORMAT
                   " bytes); the index does not belong to this data file",
                   index_path, lineno, fields[0], offset, length, data_path, data_len);
      return FALSE;
    }
    if (!g_utf8_validate (file->text + offset, (gssize) length, NULL)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: the article of '%s' (offset %" G_GUINT64_FORMAT
                   " in %s) is not UTF-8 text",
                   index_path, lineno, fields[0], offset, data_path);
      return FALSE;
    }
    e.headword = g_strdup (fields[0]);
    e.offset = (gsize) offset;
    e.length = (gsize) length;
    g_array_append_val (file->entries, e);
  }
  return TRUE;
}

SverkaDictdFile *
sverka_dictd_file_open (const char *index_path, SverkaDictdOpenFlags flags, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SverkaDictdFile) file = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *dz_path = NULL;
  g_autofree char *index = NULL;
  const char *bad = NULL;
  gsize index_len = 0;
  gboolean compressed;

  g_return_val_if_fail (index_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_str_has_suffix (index_path, ".index")) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: expected the path of a dictd index, ending in '.index'", index_path);
    return NULL;
  }
  stem = g_strndup (index_path, strlen (index_path) - strlen (".index"));
  plain_path = g_strconcat (stem, ".dict", NULL);
  dz_path = g_strconcat (stem, ".dict.dz", NULL);

  if (!g_file_get_contents (index_path, &index, &index_len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "cannot read the dictd index: %s",
                 local->message);
    return NULL;
  }
  if (memchr (index, '\0', index_len) != NULL ||
      !g_utf8_validate (index, (gssize) index_len, &bad)) {
    guint lineno = 1;
    const char *p;
    const char *stop = bad != NULL ? bad : index + index_len;
    for (p = index; p < stop && *p != '\0'; p++)
      lineno += *p == '\n';
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: not UTF-8 text (bad byte at offset %" G_GSIZE_FORMAT
                 "); convert the index to UTF-8",
                 index_path, lineno, (gsize) (p - index));
    return NULL;
  }

  compressed = !g_file_test (plain_path, G_FILE_TEST_EXISTS);
  if (compressed && !g_file_test (dz_path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: no data file: neither %s nor %s exists; the .dict or .dict.dz file "
                 "must lie next to its index",
                 index_path, dz_path, plain_path);
    return NULL;
  }
  file = g_new0 (SverkaDictdFile, 1);
  file->index_path = g_strdup (index_path);
  file->data_path = g_strdup (compressed ? dz_path : plain_path);
  file->entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  g_array_set_clear_func (file->entries, index_entry_clear);
  file->data = read_data (file->data_path, compressed, error);
  if (file->data == NULL)
    return NULL;
  file->text = g_bytes_get_data (file->data, NULL);
  if (!read_index (file, index, flags, error))
    return NULL;
  return g_steal_pointer (&file);
}

const char *
sverka_dictd_file_get_index_path (const SverkaDictdFile *file)
{
  return file->index_path;
}

const char *
sverka_dictd_file_get_data_path (const SverkaDictdFile *file)
{
  return file->data_path;
}

guint
sverka_dictd_file_get_n_entries (const SverkaDictdFile *file)
{
  return file->entries->len;
}

const char *
sverka_dictd_file_get_headword (const SverkaDictdFile *file, guint i)
{
  g_return_val_if_fail (i < file->entries->len, NULL);
  return g_array_index (file->entries, IndexEntry, i).headword;
}

char *
sverka_dictd_file_dup_article (const SverkaDictdFile *file, guint i)
{
  const IndexEntry *e;

  g_return_val_if_fail (i < file->entries->len, NULL);
  e = &g_array_index (file->entries, IndexEntry, i);
  return g_strndup (file->text + e->offset, e->length);
}

gboolean
sverka_dictd_is_database_headword (const char *headword)
{
  return g_str_has_prefix (headword, "00-database-") || g_str_has_prefix (headword, "00database");
}

char *
sverka_dictd_file_dup_database_entry (const SverkaDictdFile *file, const char *name)
{
  g_autofree char *dashed = g_strconcat ("00-database-", name, NULL);
  g_autofree char *folded = g_strconcat ("00database", name, NULL);

  for (guint i = 0; i < file->entries->len; i++) {
    const char *headword = g_array_index (file->entries, IndexEntry, i).headword;
    if (strcmp (headword, dashed) == 0 || strcmp (headword, folded) == 0)
      return sverka_dictd_file_dup_article (file, i);
  }
  return NULL;
}

/* ---- Mueller's dictionary as a lexicon ---- */

/* TRUE if @s is at most MAX_WORDS words of ASCII letters, hyphens and
 * apostrophes, separated by single spaces. */
static gboolean
plain_english (const char *s)
{
  guint words = 1;
  gboolean has_letter = FALSE; /* in the current word */

  for (const char *p = s; *p != '\0'; p++) {
    if (*p == ' ') {
      if (!has_letter)
        return FALSE; /* a leading or double space, or a word without letters */
      words++;
      has_letter = FALSE;
    } else if (g_ascii_isalpha (*p)) {
      has_letter = TRUE;
    } else if (*p != '-' && *p != '\'') {
      return FALSE;
    }
  }
  return has_letter && words <= MAX_WORDS;
}

gint
sverka_dictd_compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Returns: (transfer full) the headword, in lower case, that an article made
 * only of a cross-reference points to ("enquiry" / "[ɪn↗kwaɪɜrɪ] = inquiry"
 * gives "inquiry"; "= adherent 1" gives "adherent"), or NULL. */
static char *
cross_reference (const char *headword, const char *article)
{
  const char *body = article;
  g_autofree char *first = first_line (article);
  g_autofree char *clean = NULL;
  g_auto (GStrv) words = NULL;
  guint n;
  g_autofree char *target = NULL;

  if (g_ascii_strcasecmp (first, headword) == 0)
    body = strchr (article, '\n') != NULL ? strchr (article, '\n') + 1 : "";
  clean = clean_text (body);
  squeeze_spaces (clean);
  if (clean[0] != '=')
    return NULL;
  words = g_strsplit (clean + 1, " ", -1);
  n = g_strv_length (words);
  /* drop the sense or homonym number after the word */
  while (n > 0 && (words[n - 1][0] == '\0' ||
                   strspn (words[n - 1], "0123456789IVX),.") == strlen (words[n - 1]))) {
    g_free (words[n - 1]);
    words[--n] = NULL;
  }
  target = g_strstrip (g_strjoinv (" ", words));
  if (!plain_english (target))
    return NULL;
  return g_ascii_strdown (target, -1);
}

typedef struct {
  const SverkaDictdFile *file;
  GHashTable *by_word; /* index headword -> position + 1 of its first entry */
  GPtrArray *pairs;    /* "russian\tenglish" (owned) */
} Import;

/* Returns: (transfer full) the headword, as the article spells it
 * ("Argentine" for the index's "argentine"), of entry @i. */
static char *
entry_headword (const Import *im, guint i, const char *article)
{
  const char *indexed = sverka_dictd_file_get_headword (im->file, i);
  char *shown = first_line (article);

  if (g_ascii_strcasecmp (shown, indexed) != 0) {
    g_free (shown);
    shown = g_strdup (indexed);
  }
  return shown;
}

/* Adds the pairs of index entry @i; returns TRUE if it gave any. */
static gboolean
add_entry (Import *im, guint i)
{
  g_autofree char *article = sverka_dictd_file_dup_article (im->file, i);
  g_autofree char *shown = entry_headword (im, i, article);
  g_autofree char *target = NULL;
  g_auto (GStrv) variants = NULL;
  g_auto (GStrv) russian = NULL;
  gboolean used = FALSE;

  russian = sverka_dictd_parse_article (shown, article);
  if (russian[0] == NULL && (target = cross_reference (shown, article)) != NULL) {
    /* "enquiry = inquiry": Mueller's translations are those of "inquiry" */
    guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (im->by_word, target));
    if (pos > 0) {
      g_autofree char *t_article = sverka_dictd_file_dup_article (im->file, pos - 1);
      g_autofree char *t_shown = entry_headword (im, pos - 1, t_article);
      g_strfreev (russian);
      russian = sverka_dictd_parse_article (t_shown, t_article);
    }
  }
  if (russian[0] == NULL)
    return FALSE;
  variants = g_strsplit (shown, ",", -1); /* "hullo, hulloa" */
  for (guint v = 0; variants[v] != NULL; v++) {
    const char *english = g_strstrip (variants[v]);
    if (!plain_english (english))
      continue;
    for (guint r = 0; russian[r] != NULL; r++)
      g_ptr_array_add (im->pairs, g_strdup_printf ("%s\t%s", russian[r], english));
    used = TRUE;
  }
  return used;
}

char *
sverka_dictd_import (const char *index_path, SverkaDictdStats *stats, GError **error)
{
  g_autoptr (SverkaDictdFile) file = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *index_base = NULL;
  g_autofree char *data_base = NULL;
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) by_word = g_hash_table_new (g_str_hash, g_str_equal);
  Import im;
  GString *out;
  guint n_entries;
  SverkaDictdStats st = { 0, 0, 0, 0 };

  g_return_val_if_fail (index_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = sverka_dictd_file_open (index_path, SVERKA_DICTD_OPEN_DEFAULT, error);
  if (file == NULL)
    return NULL;
  n_entries = sverka_dictd_file_get_n_entries (file);
  for (guint i = 0; i < n_entries; i++) {
    const char *headword = sverka_dictd_file_get_headword (file, i);
    if (!g_hash_table_contains (by_word, headword))
      g_hash_table_insert (by_word, (gpointer) headword, GUINT_TO_POINTER (i + 1));
  }
  im.file = file;
  im.by_word = by_word;
  im.pairs = pairs;

  for (guint i = 0; i < n_entries; i++) {
    const char *headword = sverka_dictd_file_get_headword (file, i);

    st.headwords++;
    if (g_str_has_prefix (headword, "00-database-")) {
      g_autofree char *article = sverka_dictd_file_dup_article (file, i);
      if (strcmp (headword, "00-database-short") == 0 && short_name == NULL)
        short_name = sverka_dictd_database_text (headword, article);
      else if (strcmp (headword, "00-database-url") == 0 && url == NULL)
        url = sverka_dictd_database_text (headword, article);
      continue;
    }
    if (add_entry (&im, i))
      st.entries_used++;
  }

  g_ptr_array_sort (pairs, sverka_dictd_compare_strings);
  index_base = g_path_get_basename (index_path);
  data_base = g_path_get_basename (sverka_dictd_file_get_data_path (file));
  out = g_string_new ("# sverka-lexicon 1\n");
  g_string_append_printf (out, "# Imported from the dictd dictionary %s + %s", index_base,
                          data_base);
  if (short_name != NULL && short_name[0] != '\0')
    g_string_append_printf (out, " (%s)", short_name);
  g_string_append (out, ".\n");
  if (g_str_has_prefix (index_base, "mueller7"))
    g_string_append (out, "# V. K. Mueller, English-Russian Dictionary, 7th edition; electronic "
                          "version by\n# E. S. Cymbalyuk under the GNU GPL, from the Debian "
                          "package mueller7-dict.\n");
  if (url != NULL && url[0] != '\0')
    g_string_append_printf (out, "# Source: %s\n", url);
  g_string_append_printf (out,
                          "# Russian translation<TAB>English headword<TAB>general: the first %u "
                          "plain translations\n# of each plain headword, ё written е, each "
                          "tagged as a general dictionary's sense.\n# Generated by "
                          "sverka_dictd_import; do not edit by hand.\n",
                          SVERKA_DICTD_MAX_TRANSLATIONS);
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
