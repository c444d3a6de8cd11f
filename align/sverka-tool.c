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

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sverka.h"
#include "sverka-dictd-private.h"
#include "sverka-tool-private.h"

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
  char *fail_on;
  char **lexicons;
  char *lang;
  char *dict_dir;
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

  sverka_load_options_init (&load_opts);
  load_opts.keep_all = opts->keep_all;
  load_opts.language = lang;
  if (strcmp (path, "-") == 0) {
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!read_stdin (&data, &len, error))
      return NULL;
    return sverka_document_new_from_data (ctx, "standard input", data, len, &load_opts, error);
  }
  return sverka_document_new_from_file (ctx, path, &load_opts, error);
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
  /* A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
   * the atomic rename would replace it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
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
  if (!g_file_set_contents (path, text, (gssize) len, &error)) {
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

  sverka_context_options_init (&ctx_opts);
  ctx_opts.dictionary_dir = dir;
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
      g_string_append_printf (out, "%u\t", i + 1);
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

/* Warns when a side's script says it is in the other language. */
static void
check_language (SverkaDocument *doc, SverkaLanguage expected, const ToolOptions *opts)
{
  double cyr = sverka_document_get_cyrillic_share (doc);
  gboolean looks_ru = cyr > 0.5;
  if (opts->quiet)
    return;
  if (expected == SVERKA_LANGUAGE_RU && !looks_ru)
    fprintf (stderr,
             "sverka: warning: %s is given as the Russian side but %.0f%% of its letters are "
             "Latin; aligning as asked (swap the files if they are the wrong way round)\n",
             sverka_document_get_name (doc), 100 * (1 - cyr));
  else if (expected == SVERKA_LANGUAGE_EN && looks_ru)
    fprintf (stderr,
             "sverka: warning: %s is given as the English side but %.0f%% of its letters are "
             "Cyrillic; aligning as asked (swap the files if they are the wrong way round)\n",
             sverka_document_get_name (doc), 100 * cyr);
}

static SverkaLexicon *
load_lexicons (SverkaContext *ctx, const ToolOptions *opts, GError **error)
{
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);

  if (opts->lexicons != NULL) {
    for (guint i = 0; opts->lexicons[i] != NULL; i++) {
      if (!sverka_lexicon_load (lex, opts->lexicons[i], error))
        return NULL;
    }
  } else {
    const char *dir = sverka_context_get_dictionary_dir (ctx);
    g_autofree char *seed = g_build_filename (dir, "ru-en.tsv", NULL);
    g_autofree char *imported = sverka_tool_find_imported_lexicon (dir, "mueller7-ru-en.tsv");
    if (!sverka_lexicon_load (lex, seed, error))
      return NULL;
    if (imported != NULL) {
      if (!sverka_lexicon_load (lex, imported, error))
        return NULL;
    } else if (!opts->quiet) {
      fprintf (stderr, "sverka: the imported Mueller lexicon (mueller7-ru-en.tsv) is not there; "
                       "using the seed lexicon only (scripts/build.sh imports it)\n");
    }
  }
  return g_steal_pointer (&lex);
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
  g_autofree char *tsv = NULL;
  SverkaAlignOptions align_opts;
  SverkaSeverity fail_on = SVERKA_SEVERITY_ERROR;
  gboolean fail_on_set = opts->fail_on != NULL;

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
  check_language (ru, SVERKA_LANGUAGE_RU, opts);
  check_language (en, SVERKA_LANGUAGE_EN, opts);
  report_trimmed (ru, opts);
  report_trimmed (en, opts);
  lex = load_lexicons (ctx, opts, &error);
  if (lex == NULL)
    return fail (error);
  al = sverka_align (lex, ru, en, &align_opts, &error);
  if (al == NULL)
    return fail (error);
  if (!opts->quiet)
    fprintf (stderr, "sverka: mode %s (%s)\n",
             sverka_mode_to_string (sverka_alignment_get_mode (al)),
             sverka_alignment_get_mode_reason (al));
  tsv = sverka_write_tsv (al, ru, en);
  if (opts->notes != NULL || opts->notes_md != NULL || opts->fail_on != NULL) {
    g_autoptr (SverkaNotes) notes = sverka_notes_new (lex, al, ru, en, &error);
    int rc;
    if (notes == NULL)
      return fail (error);
    if (opts->notes != NULL) {
      g_autofree char *ntsv = sverka_write_notes_tsv (notes, ru, en);
      rc = write_output (opts->notes, ntsv, strlen (ntsv));
      if (rc != EXIT_OK)
        return rc;
    }
    if (opts->notes_md != NULL) {
      g_autofree char *md = sverka_write_notes_md (notes, ru, en);
      rc = write_output (opts->notes_md, md, strlen (md));
      if (rc != EXIT_OK)
        return rc;
    }
    rc = write_output (opts->output, tsv, strlen (tsv));
    if (rc != EXIT_OK)
      return rc;
    if (!opts->quiet)
      fprintf (stderr, "sverka: %u notes: %u errors, %u warnings\n",
               sverka_notes_get_n_notes (notes),
               sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR),
               sverka_notes_count_at_least (notes, SVERKA_SEVERITY_WARNING)
                   - sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR));
    if (fail_on_set && sverka_notes_count_at_least (notes, fail_on) > 0)
      return EXIT_NOTES_FOUND;
    return EXIT_OK;
  }
  return write_output (opts->output, tsv, strlen (tsv));
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
  "  segment FILE   print the sentences of FILE, one per line\n"
  "  tokens FILE    print the words of FILE with their analyses (TSV)\n"
  "  batch MANIFEST aligns the pairs of a TSV manifest (id, ru path, en path)\n"
  "                 on all cores into --out-dir DIR\n"
  "  stream         JSON Lines in ({\"id\", \"ru\", \"en\"}), one record per pair out\n"
  "  lexicon import-dictd INDEX\n"
  "                 turn a dictd dictionary (e.g. /usr/share/dictd/mueller7.index)\n"
  "                 into a sverka lexicon file\n"
  "\n"
  "FILE may be - for standard input. Run 'sverka COMMAND --help' for the options.\n";

int
main (int argc, char **argv)
{
  ToolOptions opts = { 0 };
  gboolean version = FALSE;
  g_autoptr (GOptionContext) octx = NULL;
  g_autoptr (GError) error = NULL;
  const char *command;
  int rc;
  GOptionEntry entries[] = {
    { "ids", 0, 0, G_OPTION_ARG_NONE, &opts.ids, "Number the sentences (segment)", NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &opts.lang, "Language of FILE: ru, en or auto",
      "LANG" },
    { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Do not set aside page furniture",
      NULL },
    { "show-trimmed", 0, 0, G_OPTION_ARG_NONE, &opts.show_trimmed,
      "List the lines set aside as page furniture (on standard error)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write to FILE, not standard output",
      "FILE" },
    { "dict-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.dict_dir,
      "Folder of sverka's dictionaries", "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print no notices on standard error",
      NULL },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &opts.mode,
      "Alignment mode (align): auto, parallel or comparable", "MODE" },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &opts.notes,
      "Write the discrepancy notes TSV to FILE (align)", "FILE" },
    { "notes-md", 0, 0, G_OPTION_ARG_FILENAME, &opts.notes_md,
      "Write the notes as a Markdown report to FILE (align)", "FILE" },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &opts.fail_on,
      "Exit with 1 if notes of this severity or above are found: error or warning (align)",
      "SEVERITY" },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.lexicons,
      "Use this lexicon file instead of the default ones (align; repeatable)", "FILE" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version", NULL },
    { NULL },
  };

  setlocale (LC_ALL, "");
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
    fputs (usage_text, stdout);
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

  octx = g_option_context_new ("FILE");
  g_option_context_add_main_entries (octx, entries, NULL);
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
  g_free (opts.fail_on);
  g_strfreev (opts.lexicons);
  g_free (opts.lang);
  g_free (opts.dict_dir);
  g_free (opts.output);
  return rc;
}
