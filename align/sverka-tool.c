/* sverka-tool.c: the command line. The only place that prints or exits.
 *
 * Exit codes:
 *   0  success
 *   1  align --fail-on: notes of that severity or above were found
 *   2  usage: unknown command, option or option value
 *   3  bad input: missing, unreadable, empty, binary or wrongly encoded file
 *   4  missing or malformed resource: dictionary, hunspell, stemmer
 *   5  output cannot be written
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sverka.h"
#include "sverka-dictd-private.h"
#include "sverka-tool-private.h"
#include "sverka-tool-formats-private.h"
#include "sverka-tool-write.h"

enum {
  EXIT_OK = 0,
  EXIT_NOTES_FOUND = 1,
  EXIT_USAGE = 2,
  EXIT_INPUT = 3,
  EXIT_RESOURCE = 4,
  EXIT_OUTPUT = 5,
};

typedef struct {
  char *mode;
  char *notes;
  char *notes_md;
  char *notes_jsonl;
  char *format;
  char *jsonl_style;
  char *out_dir;
  char *html;
  char *review;
  char *split;
  char *tmx_lang;
  gboolean tmx_1to1;
  char *accept;
  char *encoding;
  char *fail_on;
  char *min_score;
  char **lexicons;
  char *lang;
  char *dict_dir;
  char *hunspell_dir;
  char *output;
  gboolean ids;
  gboolean keep_all;
  gboolean show_trimmed;
  gboolean quiet;
} ToolOptions;

int
sverka_tool_exit_code (const GError *error)
{
  if (error->domain != SVERKA_ERROR)
    return EXIT_INPUT;
  switch (error->code) {
  case SVERKA_ERROR_DICTIONARY:
    return EXIT_RESOURCE;
  case SVERKA_ERROR_INVALID_ARGUMENT:
    return EXIT_USAGE;
  default:
    return EXIT_INPUT;
  }
}

static int
fail (const GError *error)
{
  fprintf (stderr, "sverka: %s\n", error->message);
  return sverka_tool_exit_code (error);
}

/* The dictionary folder: --dict-dir, $SVERKA_DICT_DIR, the source tree when
 * run from the build tree, or the installed folder. */
char *
sverka_tool_find_dictionary_dir (const char *option)
{
  const char *env = g_getenv ("SVERKA_DICT_DIR");
  g_autofree char *exe = NULL;

  if (option != NULL)
    return g_strdup (option);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL && g_str_has_prefix (exe, SVERKA_BUILD_ROOT "/")
      && g_file_test (SVERKA_SOURCE_DICT_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SVERKA_SOURCE_DICT_DIR);
  return g_strdup (SVERKA_DICT_DIR);
}

/* Where a lexicon imported at build time lies: the dictionary folder, or the
 * build tree's dictionaries/ when run from the build tree. */
char *
sverka_tool_find_imported_lexicon (const char *dict_dir, const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *in_dict = g_build_filename (dict_dir, name, NULL);

  if (g_file_test (in_dict, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&in_dict);
  if (exe != NULL && g_str_has_prefix (exe, SVERKA_BUILD_ROOT "/")) {
    g_autofree char *in_build = g_build_filename (SVERKA_BUILD_ROOT, "dictionaries", name, NULL);
    if (g_file_test (in_build, G_FILE_TEST_IS_REGULAR))
      return g_steal_pointer (&in_build);
  }
  return NULL;
}

/* The bytes of @path, with sverka_document_new_from_file()'s messages. */
static gboolean
read_file (const char *path, char **data, gsize *len, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: is a directory; give a text file",
                 path);
    return FALSE;
  }
  if (g_file_get_contents (path, data, len, &local))
    return TRUE;
  if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: no such file; check the path", path);
  else
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read: %s", path,
                 local->message);
  return FALSE;
}

static gboolean
read_stdin (char **data, gsize *len, GError **error)
{
  GString *buf = g_string_new (NULL);
  char chunk[65536];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buf, chunk, (gssize) n);
  if (ferror (stdin)) {
    g_string_free (buf, TRUE);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "standard input: cannot read");
    return FALSE;
  }
  *len = buf->len;
  *data = g_string_free (buf, FALSE);
  return TRUE;
}

static SverkaDocument *
load_as (SverkaContext *ctx, const char *path, const ToolOptions *opts, SverkaLanguage lang,
         GError **error)
{
  SverkaLoadOptions load_opts;
  gboolean lines;

  sverka_load_options_init (&load_opts);
  load_opts.keep_all = opts->keep_all;
  load_opts.language = lang;
  if (!sverka_tool_parse_split (opts->split, &lines, error))
    return NULL;
  if (strcmp (path, "-") == 0 || opts->encoding != NULL) {
    g_autofree char *data = NULL;
    gsize len = 0;
    const char *name = strcmp (path, "-") == 0 ? "standard input" : path;
    if (strcmp (path, "-") == 0 ? !read_stdin (&data, &len, error)
                                : !read_file (path, &data, &len, error))
      return NULL;
    if (opts->encoding != NULL) {
      g_autoptr (GError) local = NULL;
      gsize used = 0, n = 0;
      /* "NAME", or "RU_NAME,EN_NAME" for align's two files. */
      const char *comma = strchr (opts->encoding, ',');
      g_autofree char *enc = comma == NULL ? g_strdup (opts->encoding)
                             : lang == SVERKA_LANGUAGE_EN ? g_strdup (comma + 1)
                                                          : g_strndup (opts->encoding,
                                                                       (gsize) (comma - opts->encoding));
      char *utf8 = g_convert (data, (gssize) len, "UTF-8", enc, &used, &n, &local);
      if (utf8 == NULL) {
        if (g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
          g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                       "--encoding: iconv does not know '%s' (see 'iconv -l')", enc);
        else
          g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                       "%s: byte %" G_GSIZE_FORMAT ": not %s (%s); check the encoding",
                       name, used + 1, enc, local->message);
        return NULL;
      }
      g_free (data);
      data = utf8;
      len = n;
    }
    return lines ? sverka_document_new_from_lines (ctx, name, data, len, &load_opts, error)
                 : sverka_document_new_from_data (ctx, name, data, len, &load_opts, error);
  }
  return lines ? sverka_document_new_from_lines_file (ctx, path, &load_opts, error)
               : sverka_document_new_from_file (ctx, path, &load_opts, error);
}

static SverkaDocument *
load (SverkaContext *ctx, const char *path, const ToolOptions *opts, GError **error)
{
  SverkaLanguage lang = SVERKA_LANGUAGE_AUTO;
  if (opts->lang != NULL && !sverka_language_from_string (opts->lang, &lang)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--lang: expected ru, en or auto, found '%s'", opts->lang);
    return NULL;
  }
  return load_as (ctx, path, opts, lang, error);
}

static void
report_trimmed (SverkaDocument *doc, const ToolOptions *opts)
{
  guint n = sverka_document_get_n_trimmed (doc);
  gsize len;
  const char *data = sverka_document_get_data (doc, &len);

  if (n == 0 || opts->quiet)
    return;
  fprintf (stderr,
           "sverka: %s: set aside %u line%s of page furniture (%s; --keep-all keeps them)\n",
           sverka_document_get_name (doc), n, n == 1 ? "" : "s",
           opts->show_trimmed ? "listed below" : "--show-trimmed lists them");
  if (!opts->show_trimmed)
    return;
  for (guint i = 0; i < sverka_document_get_n_lines (doc); i++) {
    const SverkaLine *line = sverka_document_get_line (doc, i);
    if (!line->trimmed || line->blank)
      continue;
    fprintf (stderr, "  %s:%u: %.*s\n", sverka_document_get_name (doc), line->number,
             (int) (line->end - line->start), data + line->start);
  }
}

/* Writes @text to @path atomically, or to standard output if @path is NULL. */
static int
write_output (const char *path, const char *text, gsize len)
{
  g_autoptr (GError) error = NULL;

  if (path == NULL || strcmp (path, "-") == 0) {
    if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0) {
      fprintf (stderr, "sverka: standard output: write failed\n");
      return EXIT_OUTPUT;
    }
    return EXIT_OK;
  }
  /* A device or pipe (/dev/null, a FIFO) and a symbolic link (/dev/stdout,
   * which leads through /proc/self/fd/1 to whatever standard output is) are
   * written in place: the atomic rename would replace them. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      || (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))) {
    FILE *f = fopen (path, "wb");
    gboolean ok = f != NULL && fwrite (text, 1, len, f) == len;
    if (f != NULL && fclose (f) != 0)
      ok = FALSE;
    if (!ok) {
      fprintf (stderr, "sverka: %s: cannot write\n", path);
      return EXIT_OUTPUT;
    }
    return EXIT_OK;
  }
  if (!sverka_tool_write_file (path, text, len, &error)) {
    fprintf (stderr, "sverka: %s: cannot write: %s\n", path, error->message);
    return EXIT_OUTPUT;
  }
  return EXIT_OK;
}

static SverkaContext *
make_context (const ToolOptions *opts, GError **error)
{
  SverkaContextOptions ctx_opts;
  g_autofree char *dir = sverka_tool_find_dictionary_dir (opts->dict_dir);
  const char *hunspell_env = g_getenv ("SVERKA_HUNSPELL_DIR");

  sverka_context_options_init (&ctx_opts);
  ctx_opts.dictionary_dir = dir;
  /* --hunspell-dir, $SVERKA_HUNSPELL_DIR, or the library's default. */
  ctx_opts.hunspell_dir = opts->hunspell_dir;
  if (ctx_opts.hunspell_dir == NULL && hunspell_env != NULL && *hunspell_env != '\0')
    ctx_opts.hunspell_dir = hunspell_env;
  return sverka_context_new (&ctx_opts, error);
}

static int
cmd_segment (const ToolOptions *opts, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = make_context (opts, &error);
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (ctx == NULL)
    return fail (error);
  doc = load (ctx, path, opts, &error);
  if (doc == NULL)
    return fail (error);
  report_trimmed (doc, opts);
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    g_autofree char *text = sverka_document_dup_sentence_text (doc, i);
    if (opts->ids)
      g_string_append_printf (out, "%u\t", sverka_document_get_sentence_id (doc, i));
    g_string_append (out, text);
    g_string_append_c (out, '\n');
  }
  return write_output (opts->output, out->str, out->len);
}

static void
append_flag (GString *out, gboolean on, const char *name)
{
  if (!on)
    return;
  if (out->len > 0 && out->str[out->len - 1] != '\t')
    g_string_append_c (out, ',');
  g_string_append (out, name);
}

static int
cmd_tokens (const ToolOptions *opts, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = make_context (opts, &error);
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GString) out = g_string_new ("sentence\ttoken\tfold\tstem\tlemma\tskeleton\tflags\n");
  const char *data;

  if (ctx == NULL)
    return fail (error);
  doc = load (ctx, path, opts, &error);
  if (doc == NULL)
    return fail (error);
  if (!sverka_document_analyze (doc, &error))
    return fail (error);
  report_trimmed (doc, opts);
  data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    const SverkaWord *w = t->word;
    guint f = w->flags;
    g_string_append_printf (out, "%u\t%.*s\t%s\t%s\t%s\t%s\t", t->sentence + 1,
                            (int) (t->end - t->start), data + t->start, w->fold, w->stem,
                            w->lemma != NULL ? w->lemma : "",
                            w->skeleton != NULL ? w->skeleton : "");
    append_flag (out, f & SVERKA_WORD_NUMBER, "number");
    append_flag (out, f & SVERKA_WORD_CAPITALIZED, "capitalized");
    append_flag (out, f & SVERKA_WORD_UPPERCASE, "uppercase");
    append_flag (out, f & SVERKA_WORD_LATIN, "latin");
    append_flag (out, f & SVERKA_WORD_CYRILLIC, "cyrillic");
    append_flag (out, f & SVERKA_WORD_MIXED_SCRIPT, "mixed-script");
    append_flag (out, (f & SVERKA_WORD_SPELL_CHECKED) && !(f & SVERKA_WORD_SPELL_OK),
                 "misspelled");
    append_flag (out, t->flags & SVERKA_TOKEN_SENTENCE_INITIAL, "initial");
    append_flag (out, t->flags & SVERKA_TOKEN_FOREIGN, "foreign");
    g_string_append_c (out, '\n');
  }
  return write_output (opts->output, out->str, out->len);
}

/* Warns when the script of the letters says that a side is not in the
 * language it is given as: files swapped, or both in one language. */
static void
check_languages (SverkaDocument *ru, SverkaDocument *en, const ToolOptions *opts)
{
  SverkaLanguage ru_is = sverka_document_get_detected_language (ru);
  SverkaLanguage en_is = sverka_document_get_detected_language (en);
  const char *ru_name = sverka_document_get_name (ru);
  const char *en_name = sverka_document_get_name (en);
  double ru_cyr = 100 * sverka_document_get_cyrillic_share (ru);
  double en_cyr = 100 * sverka_document_get_cyrillic_share (en);

  if (opts->quiet)
    return;
  if (ru_is == SVERKA_LANGUAGE_EN && en_is == SVERKA_LANGUAGE_RU)
    fprintf (stderr,
             "sverka: warning: %s is given as the Russian side but %.0f%% of its letters are "
             "Latin, and %s as the English side but %.0f%% Cyrillic: the files look swapped; "
             "aligning as asked (give the Russian file first)\n",
             ru_name, 100 - ru_cyr, en_name, en_cyr);
  else if (ru_is == SVERKA_LANGUAGE_EN && en_is == SVERKA_LANGUAGE_EN)
    fprintf (stderr,
             "sverka: warning: both files look English: %s (given as Russian) is %.0f%% Latin; "
             "aligning as asked (give a Russian text first)\n",
             ru_name, 100 - ru_cyr);
  else if (ru_is == SVERKA_LANGUAGE_RU && en_is == SVERKA_LANGUAGE_RU)
    fprintf (stderr,
             "sverka: warning: both files look Russian: %s (given as English) is %.0f%% "
             "Cyrillic; aligning as asked (give an English text second)\n",
             en_name, en_cyr);
  else if (ru_is == SVERKA_LANGUAGE_EN)
    fprintf (stderr,
             "sverka: warning: %s is given as the Russian side but %.0f%% of its letters are "
             "Latin; aligning as asked (swap the files if they are the wrong way round)\n",
             ru_name, 100 - ru_cyr);
  else if (en_is == SVERKA_LANGUAGE_RU)
    fprintf (stderr,
             "sverka: warning: %s is given as the English side but %.0f%% of its letters are "
             "Cyrillic; aligning as asked (swap the files if they are the wrong way round)\n",
             en_name, en_cyr);
  if (ru_is == SVERKA_LANGUAGE_AUTO || en_is == SVERKA_LANGUAGE_AUTO)
    fprintf (stderr, "sverka: warning: %s has no letters; aligning as asked\n",
             ru_is == SVERKA_LANGUAGE_AUTO ? ru_name : en_name);
}

/* What a translator should do about a pair that is no translation. */
static void
report_verdict (SverkaVerdict verdict, gboolean fail_on_set)
{
  const char *exit_note = fail_on_set ? "; with --fail-on, sverka exits with 1" : "";

  if (verdict == SVERKA_VERDICT_UNRELATED)
    fprintf (stderr, "sverka: warning: the two texts look unrelated: check that these are the "
                     "files you meant. They are aligned all the same, every bead with a low "
                     "score, and most notes will be noise%s\n",
             exit_note);
  else if (verdict == SVERKA_VERDICT_UNTRANSLATED)
    fprintf (stderr, "sverka: warning: the texts look untranslated (one language, or copied "
                     "sentences): check that the English file is the translation. They are "
                     "aligned all the same, every bead with a low score%s\n",
             exit_note);
}

static int
cmd_align (const ToolOptions *opts, const char *ru_path, const char *en_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = make_context (opts, &error);
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaReview) review = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaSimMap) map = NULL;
  g_autoptr (GPtrArray) outputs = NULL;
  SverkaAlignOptions align_opts;
  SverkaToolFormats formats = {
    .format = opts->format,
    .jsonl_style = opts->jsonl_style,
    .output = opts->output,
    .out_dir = opts->out_dir,
    .notes = opts->notes,
    .notes_md = opts->notes_md,
    .notes_jsonl = opts->notes_jsonl,
    .html = opts->html,
    .tmx_lang = opts->tmx_lang,
    .tmx_1to1 = opts->tmx_1to1,
  };
  SverkaSeverity fail_on = SVERKA_SEVERITY_ERROR;
  gboolean fail_on_set = opts->fail_on != NULL;
  SverkaVerdict verdict;
  guint n_left_out = 0;

  sverka_align_options_init (&align_opts);
  if (fail_on_set && (!sverka_severity_from_string (opts->fail_on, &fail_on)
                      || fail_on == SVERKA_SEVERITY_INFO)) {
    fprintf (stderr, "sverka align: --fail-on: expected error or warning, found '%s'\n",
             opts->fail_on);
    return EXIT_USAGE;
  }
  if (opts->mode != NULL && !sverka_mode_from_string (opts->mode, &align_opts.mode)) {
    fprintf (stderr, "sverka align: --mode: expected auto, parallel or comparable, found '%s'\n",
             opts->mode);
    return EXIT_USAGE;
  }
  if (opts->min_score != NULL) {
    if (!sverka_tool_parse_min_score (opts->min_score, &formats.min_score, &error)) {
      fprintf (stderr, "sverka align: %s\n", error->message);
      return EXIT_USAGE;
    }
    formats.filter = TRUE;
  }
  if (!sverka_tool_formats_check (&formats, &error)) {
    fprintf (stderr, "sverka align: %s\n", error->message);
    return EXIT_USAGE;
  }
  if (strcmp (ru_path, "-") == 0 && strcmp (en_path, "-") == 0) {
    fprintf (stderr, "sverka align: only one side can be read from standard input\n");
    return EXIT_USAGE;
  }
  if (ctx == NULL)
    return fail (error);
  ru = load_as (ctx, ru_path, opts, SVERKA_LANGUAGE_RU, &error);
  if (ru == NULL)
    return fail (error);
  en = load_as (ctx, en_path, opts, SVERKA_LANGUAGE_EN, &error);
  if (en == NULL)
    return fail (error);
  check_languages (ru, en, opts);
  /* Analysed before the lexicons, so that a missing hunspell dictionary or
   * stemmer is reported as such, not at a lexicon's line. */
  if (!sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error))
    return fail (error);
  report_trimmed (ru, opts);
  report_trimmed (en, opts);
  lex = sverka_tool_load_lexicons (ctx, opts->lexicons, opts->quiet, &error);
  if (lex == NULL)
    return fail (error);
  if (opts->review != NULL) {
    review = sverka_review_new_from_file (opts->review, &error);
    if (review == NULL)
      return fail (error);
  }
  al = sverka_align_reviewed (lex, ru, en, &align_opts, review, &error);
  if (al == NULL) {
    if (review != NULL && error->domain == SVERKA_ERROR
        && error->code == SVERKA_ERROR_INVALID_ARGUMENT) {
      fprintf (stderr, "sverka align: --review: %s\n", error->message);
      return EXIT_USAGE;
    }
    return fail (error);
  }
  verdict = sverka_alignment_get_verdict (al);
  if (!opts->quiet) {
    fprintf (stderr, "sverka: mode %s (%s)\n",
             sverka_mode_to_string (sverka_alignment_get_mode (al)),
             sverka_alignment_get_mode_reason (al));
    fprintf (stderr, "sverka: verdict %s (%s)\n", sverka_verdict_to_string (verdict),
             sverka_alignment_get_verdict_reason (al));
    report_verdict (verdict, fail_on_set);
  }
  if (sverka_tool_formats_need_notes (&formats) || opts->fail_on != NULL) {
    notes = sverka_notes_new (lex, al, ru, en, &error);
    if (notes == NULL)
      return fail (error);
    if (opts->accept != NULL) {
      g_autofree char *data = NULL;
      gsize len = 0;
      guint n_accepted = 0;
      g_autoptr (GError) local = NULL;
      if (!g_file_get_contents (opts->accept, &data, &len, &local)) {
        fprintf (stderr, "sverka: %s: cannot read the accept file: %s\n", opts->accept,
                 local->message);
        return EXIT_INPUT;
      }
      if (!sverka_notes_accept (notes, ru, en, data, len, opts->accept, &n_accepted, &error))
        return fail (error);
      if (!opts->quiet)
        fprintf (stderr, "sverka: %u note%s accepted in %s left out\n", n_accepted,
                 n_accepted == 1 ? "" : "s", opts->accept);
    }
  }
  if (sverka_tool_formats_need_map (&formats)) {
    map = sverka_simmap_new (lex, ru, en, 3, &error);
    if (map == NULL)
      return fail (error);
  }
  outputs = sverka_tool_formats_render (&formats, al, notes, map, ru, en, &n_left_out);
  if (opts->out_dir != NULL && g_mkdir_with_parents (opts->out_dir, 0777) != 0) {
    fprintf (stderr, "sverka: %s: cannot create the output folder: %s\n", opts->out_dir,
             g_strerror (errno));
    return EXIT_OUTPUT;
  }
  for (guint i = 0; i < outputs->len; i++) {
    const SverkaToolOutput *o = g_ptr_array_index (outputs, i);
    int rc = write_output (o->path, o->text, strlen (o->text));
    if (rc != EXIT_OK)
      return rc;
  }
  /* Not silenced by -q: rows that were asked for are missing. */
  if (formats.filter) {
    g_autofree char *msg = sverka_tool_min_score_message (
        formats.min_score, n_left_out, sverka_alignment_get_n_beads (al),
        "the TSV, TMX, JSON Lines and Moses outputs (the notes, the HTML report and the ladder "
        "keep every row)");
    fprintf (stderr, "sverka: %s\n", msg);
  }
  if (notes != NULL) {
    if (!opts->quiet)
      fprintf (stderr, "sverka: %u notes: %u errors, %u warnings\n",
               sverka_notes_get_n_notes (notes),
               sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR),
               sverka_notes_count_at_least (notes, SVERKA_SEVERITY_WARNING)
                   - sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR));
    if (fail_on_set && sverka_notes_count_at_least (notes, fail_on) > 0)
      return EXIT_NOTES_FOUND;
  }
  /* A pair that is no translation fails a check of the translation. */
  if (fail_on_set
      && (verdict == SVERKA_VERDICT_UNRELATED || verdict == SVERKA_VERDICT_UNTRANSLATED))
    return EXIT_NOTES_FOUND;
  return EXIT_OK;
}

static int
cmd_import_dictd (const ToolOptions *opts, const char *index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  SverkaDictdStats stats;
  int rc;

  text = sverka_dictd_import (index, &stats, &error);
  if (text == NULL)
    return fail (error);
  rc = write_output (opts->output, text, strlen (text));
  if (rc == EXIT_OK && !opts->quiet)
    fprintf (stderr,
             "sverka: %s: %u headwords, %u used, %u skipped; %u pairs written\n", index,
             stats.headwords, stats.entries_used, stats.skipped, stats.pairs);
  return rc;
}

static const char usage_text[] =
  "Usage: sverka COMMAND [OPTION...] FILE...\n"
  "\n"
  "Commands:\n"
  "  align RU EN    align a Russian and an English text; write the parallel TSV\n"
  "                 (or --format), the notes (--notes...) or everything (--out-dir)\n"
  "  segment FILE   print the sentences of FILE, one per line\n"
  "  tokens FILE    print the words of FILE with their analyses (TSV)\n"
  "  batch MANIFEST aligns the pairs of a TSV manifest (id, ru path, en path)\n"
  "                 on all cores into --out-dir DIR\n"
  "  stream         JSON Lines in ({\"id\", \"ru\", \"en\"}), one record per pair out\n"
  "  lexicon import-dictd INDEX\n"
  "                 turn a dictd dictionary (e.g. /usr/share/dictd/mueller7.index)\n"
  "                 into a sverka lexicon file\n"
  "\n"
  "FILE may be - for standard input. Run 'sverka --help' for the options.\n";

static const char exit_codes_text[] =
  "Exit codes: 0 success; 1 notes at or above --fail-on; 2 usage; 3 bad input;\n"
  "4 missing or malformed resource; 5 output cannot be written.\n"
  "See sverka(1) for the formats and README.md for the details.";

/* The option parser of @command (NULL: the top level), whose --help lists
 * every option with its default. */
static GOptionContext *
make_option_context (const char *command, GOptionEntry *entries)
{
  const char *params = "COMMAND FILE...";
  GOptionContext *octx;
  g_autofree char *description = NULL;

  if (g_strcmp0 (command, "align") == 0)
    params = "RU_FILE EN_FILE";
  else if (g_strcmp0 (command, "lexicon") == 0)
    params = "import-dictd INDEX";
  else if (command != NULL)
    params = "FILE";
  octx = g_option_context_new (params);
  g_option_context_set_summary (octx, command == NULL ? strchr (usage_text, '\n') + 2 : NULL);
  description = g_strconcat (sverka_tool_out_dir_help, "\n", exit_codes_text, NULL);
  g_option_context_set_description (octx, description);
  g_option_context_add_main_entries (octx, entries, NULL);
  return octx;
}

int
main (int argc, char **argv)
{
  ToolOptions opts = { 0 };
  gboolean version = FALSE;
  g_autoptr (GOptionContext) octx = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = NULL;
  const char *command;
  int rc;
  GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &opts.mode,
      "(align) Alignment mode: auto, parallel or comparable [default: auto]", "MODE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output,
      "Write the output (align: the --format output) to FILE, atomically "
      "[default: standard output; with --format moses, FILE.ru and FILE.en; with --format xces, FILE, FILE.ru.xml and FILE.en.xml]", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opts.format,
      "(align) Format of the alignment: tsv, tmx, jsonl, ladder, moses, vecalign or xces [default: tsv]",
      "FORMAT" },
    { "jsonl-style", 0, 0, G_OPTION_ARG_STRING, &opts.jsonl_style,
      "(align) Shape of the JSON Lines: sverka ({\"ru\",\"en\",\"score\",\"ru_ids\","
      "\"en_ids\"}) or hf ({\"translation\": {\"ru\",\"en\"}}) [default: sverka]",
      "STYLE" },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.out_dir,
      "(align) Write every format and the notes into DIR, with the names below; standard "
      "output then gets nothing [default: none]", "DIR" },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &opts.notes,
      "(align) Write the discrepancy notes TSV to FILE [default: not written]", "FILE" },
    { "notes-md", 0, 0, G_OPTION_ARG_FILENAME, &opts.notes_md,
      "(align) Write the notes as a Markdown report to FILE [default: not written]", "FILE" },
    { "notes-jsonl", 0, 0, G_OPTION_ARG_FILENAME, &opts.notes_jsonl,
      "(align) Write the notes as JSON Lines to FILE [default: not written]", "FILE" },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &opts.html,
      "(align) Write the HTML report (texts side by side, notes, alignment map) to FILE "
      "[default: not written]", "FILE" },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, &opts.review,
      "(align) Apply the review file FILE exported by the HTML report's review editor "
      "(comparable mode): the report sentences decided there are linked as the translator "
      "decided, scored 1, and every output and the notes follow [default: none]", "FILE" },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &opts.fail_on,
      "(align) Exit with 1 if notes of this severity or above are found, or the texts look "
      "unrelated or untranslated: error or warning [default: never]", "SEVERITY" },
    { "min-score", 0, 0, G_OPTION_ARG_STRING, &opts.min_score,
      "(align) Keep only the rows scoring X or more (0 to 1) in the TSV, TMX, JSON Lines and "
      "Moses outputs; standard error says how many were left out. The notes, the HTML report "
      "and the ladder keep every row [default: keep every row]", "X" },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.lexicons,
      "(align) Use this lexicon file instead of the default ones; repeatable [default: "
      "ru-en.tsv and mueller7-ru-en.tsv of the dictionary folder]", "FILE" },
    { "ids", 0, 0, G_OPTION_ARG_NONE, &opts.ids,
      "(segment) Number the sentences [default: off]", NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &opts.lang,
      "(segment, tokens) Language of FILE: ru, en or auto (by the script) [default: auto]",
      "LANG" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &opts.encoding,
      "(align, segment, tokens) Read the input files in this encoding (any iconv knows: "
      "WINDOWS-1251, KOI8-R, CP866, ISO-8859-5, ...) instead of UTF-8; for align, RU_NAME,EN_NAME "
      "gives each file its own (KOI8-R,UTF-8) [default: UTF-8]",
      "NAME" },
    { "accept", 0, 0, G_OPTION_ARG_FILENAME, &opts.accept,
      "(align) Leave out the notes listed in FILE, a notes TSV of the notes a translator "
      "accepted (the lines of --notes they keep): a note is left out while its kind, ids, "
      "texts and message are the same, so a re-run after edits shows what is new "
      "[default: none]", "FILE" },
    { "tmx-lang", 0, 0, G_OPTION_ARG_STRING, &opts.tmx_lang,
      "(align) The TMX's language tags, Russian then English, as a CAT tool's translation "
      "memory wants them, e.g. ru-RU,en-US [default: ru,en]", "RU,EN" },
    { "tmx-1to1", 0, 0, G_OPTION_ARG_NONE, &opts.tmx_1to1,
      "(align) Keep only the rows of one sentence a side in the TMX, as a translation memory "
      "holds them [default: every row with both sides]", NULL },
    { "split", 0, 0, G_OPTION_ARG_STRING, &opts.split,
      "(align, segment) How the texts are split into sentences: sentences (sverka finds them) or "
      "none (already split, as hunalign, vecalign and Bertalign take them: one sentence per "
      "line, a blank line a paragraph break, nothing trimmed; a sentence's id is its line "
      "number) [default: sentences]", "HOW" },
    { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all,
      "Do not set aside page furniture [default: off]", NULL },
    { "show-trimmed", 0, 0, G_OPTION_ARG_NONE, &opts.show_trimmed,
      "List the lines set aside as page furniture on standard error [default: off]", NULL },
    { "dict-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.dict_dir,
      "Folder of sverka's dictionaries [default: $SVERKA_DICT_DIR, else the source tree's "
      "when run from the build tree, else " SVERKA_DICT_DIR "]", "DIR" },
    { "hunspell-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.hunspell_dir,
      "Folder of the hunspell dictionaries ru_RU, en_US and en_GB [default: "
      "$SVERKA_HUNSPELL_DIR, else " SVERKA_HUNSPELL_DIR "]", "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet,
      "Print no notices on standard error [default: off]", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version", NULL },
    { NULL },
  };

  setlocale (LC_ALL, "");
  sverka_tool_write_init ();
  if (argc < 2) {
    fputs (usage_text, stderr);
    return EXIT_USAGE;
  }
  command = argv[1];
  if (strcmp (command, "--version") == 0) {
    printf ("sverka %s\n", SVERKA_VERSION);
    return EXIT_OK;
  }
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0
      || strcmp (command, "help") == 0) {
    g_autofree char *help = NULL;
    g_set_prgname ("sverka");
    octx = make_option_context (NULL, entries);
    help = g_option_context_get_help (octx, TRUE, NULL);
    fputs (help, stdout);
    return EXIT_OK;
  }
  if (strcmp (command, "batch") == 0)
    return sverka_tool_batch (argc - 1, argv + 1);
  if (strcmp (command, "stream") == 0)
    return sverka_tool_stream (argc - 1, argv + 1);
  if (strcmp (command, "segment") != 0 && strcmp (command, "tokens") != 0
      && strcmp (command, "align") != 0 && strcmp (command, "lexicon") != 0) {
    fprintf (stderr, "sverka: unknown command '%s'\n%s", command, usage_text);
    return EXIT_USAGE;
  }

  prgname = g_strconcat ("sverka ", command, NULL);
  g_set_prgname (prgname);
  octx = make_option_context (command, entries);
  argv[1] = argv[0];
  argc--;
  argv++;
  if (!g_option_context_parse (octx, &argc, &argv, &error)) {
    fprintf (stderr, "sverka %s: %s\n", command, error->message);
    rc = EXIT_USAGE;
    goto out;
  }
  if (version) {
    printf ("sverka %s\n", SVERKA_VERSION);
    rc = EXIT_OK;
    goto out;
  }
  if (strcmp (command, "lexicon") == 0) {
    if (argc != 3 || strcmp (argv[1], "import-dictd") != 0) {
      fprintf (stderr, "sverka lexicon: expected 'import-dictd INDEX'\n");
      rc = EXIT_USAGE;
      goto out;
    }
    rc = cmd_import_dictd (&opts, argv[2]);
    goto out;
  }
  if (strcmp (command, "align") == 0) {
    if (argc != 3) {
      fprintf (stderr, "sverka align: expected RU_FILE and EN_FILE, found %d file%s\n", argc - 1,
               argc == 2 ? "" : "s");
      rc = EXIT_USAGE;
      goto out;
    }
    rc = cmd_align (&opts, argv[1], argv[2]);
    goto out;
  }
  if (argc != 2) {
    fprintf (stderr, "sverka %s: expected one FILE (or - for standard input), found %d\n",
             command, argc - 1);
    rc = EXIT_USAGE;
    goto out;
  }
  if (strcmp (command, "segment") == 0)
    rc = cmd_segment (&opts, argv[1]);
  else
    rc = cmd_tokens (&opts, argv[1]);
out:
  g_free (opts.mode);
  g_free (opts.notes);
  g_free (opts.notes_md);
  g_free (opts.notes_jsonl);
  g_free (opts.format);
  g_free (opts.jsonl_style);
  g_free (opts.out_dir);
  g_free (opts.html);
  g_free (opts.review);
  g_free (opts.split);
  g_free (opts.tmx_lang);
  g_free (opts.accept);
  g_free (opts.encoding);
  g_free (opts.fail_on);
  g_free (opts.min_score);
  g_strfreev (opts.lexicons);
  g_free (opts.lang);
  g_free (opts.dict_dir);
  g_free (opts.hunspell_dir);
  g_free (opts.output);
  return rc;
}
