/* sverka-cli-common.c: what the commands of the command line share (sverka-cli-private.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"
#include "sverka-context-private.h"
#include "sverka-lexicon-private.h"
#include "sverka-cli-formats-private.h"
#include "sverka-cli-write-private.h"

const char sverka_cli_exit_codes_text[] =
  "Exit codes: 0 success; 1 notes at or above --fail-on; 2 usage; 3 bad input;\n"
  "4 missing or malformed resource; 5 output cannot be written.\n"
  "See sverka(1) for the formats and README.md for the details.";

void
sverka_cli_options_clear (SverkaCliOptions *opts)
{
  g_free (opts->mode);
  g_free (opts->notes);
  g_free (opts->notes_md);
  g_free (opts->notes_jsonl);
  g_free (opts->format);
  g_free (opts->jsonl_style);
  g_free (opts->out_dir);
  g_free (opts->html);
  g_free (opts->review);
  g_free (opts->split);
  g_free (opts->tmx_lang);
  g_free (opts->accept);
  g_free (opts->encoding);
  g_free (opts->input_format);
  g_free (opts->fail_on);
  g_free (opts->min_score);
  g_strfreev (opts->lexicons);
  g_free (opts->lang);
  g_free (opts->min_count);
  g_free (opts->min_p);
  g_free (opts->dict_dir);
  g_free (opts->langs);
  g_free (opts->hunspell_dir);
  g_free (opts->output);
  memset (opts, 0, sizeof *opts);
}

GOptionEntry *
sverka_cli_option_entries (SverkaCliOptions *opts, const char *const *names)
{
  /* Every option once, with the help each command shows. */
  const struct {
    const char *key;
    GOptionEntry entry;
  } all[] = {
    { "mode", { "mode", 'm', 0, G_OPTION_ARG_STRING, &opts->mode,
      "Alignment mode: auto, parallel or comparable [default: auto]", "MODE" } },
    { "output", { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts->output,
      "Write the --format output to FILE, atomically [default: standard output; with "
      "--format moses, FILE.ru and FILE.en; with --format xces, FILE, FILE.ru.xml and "
      "FILE.en.xml]", "FILE" } },
    { "output-text", { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts->output,
      "Write the output to FILE, atomically [default: standard output]", "FILE" } },
    { "format", { "format", 'f', 0, G_OPTION_ARG_STRING, &opts->format,
      "Format of the alignment: tsv, tmx, jsonl, ladder, moses, vecalign or xces [default: tsv]",
      "FORMAT" } },
    { "jsonl-style", { "jsonl-style", 0, 0, G_OPTION_ARG_STRING, &opts->jsonl_style,
      "Shape of the JSON Lines: sverka ({\"ru\",\"en\",\"score\",\"ru_ids\","
      "\"en_ids\"}) or hf ({\"translation\": {\"ru\",\"en\"}}) [default: sverka]",
      "STYLE" } },
    { "out-dir", { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts->out_dir,
      "Write every format and the notes into DIR, with the names below; standard "
      "output then gets nothing [default: none]", "DIR" } },
    { "notes", { "notes", 0, 0, G_OPTION_ARG_FILENAME, &opts->notes,
      "Write the discrepancy notes TSV to FILE [default: not written]", "FILE" } },
    { "notes-md", { "notes-md", 0, 0, G_OPTION_ARG_FILENAME, &opts->notes_md,
      "Write the notes as a Markdown report to FILE [default: not written]", "FILE" } },
    { "notes-jsonl", { "notes-jsonl", 0, 0, G_OPTION_ARG_FILENAME, &opts->notes_jsonl,
      "Write the notes as JSON Lines to FILE [default: not written]", "FILE" } },
    { "html", { "html", 0, 0, G_OPTION_ARG_FILENAME, &opts->html,
      "Write the HTML report (texts side by side, notes, alignment map) to FILE "
      "[default: not written]", "FILE" } },
    { "review", { "review", 0, 0, G_OPTION_ARG_FILENAME, &opts->review,
      "Apply the review file FILE exported by the HTML report's review editor "
      "(comparable mode): the report sentences decided there are linked as the translator "
      "decided, scored 1, and every output and the notes follow [default: none]", "FILE" } },
    { "fail-on", { "fail-on", 0, 0, G_OPTION_ARG_STRING, &opts->fail_on,
      "Exit with 1 if notes of this severity or above are found, or the texts look "
      "unrelated or untranslated: error or warning [default: never]", "SEVERITY" } },
    { "min-score", { "min-score", 0, 0, G_OPTION_ARG_STRING, &opts->min_score,
      "Keep only the rows scoring X or more (0 to 1) in the TSV, TMX, JSON Lines and "
      "Moses outputs; standard error says how many were left out. The notes, the HTML report "
      "and the ladder keep every row [default: keep every row]", "X" } },
    { "min-count", { "min-count", 0, 0, G_OPTION_ARG_STRING, &opts->min_count,
      "Keep a word pair only if it shares N or more segment pairs [default: 2]", "N" } },
    { "min-p", { "min-p", 0, 0, G_OPTION_ARG_STRING, &opts->min_p,
      "Keep a word pair only if the geometric mean of its two translation probabilities, "
      "sqrt(t(en|ru) t(ru|en)), is P or more (0 to 1) [default: 0.1]", "P" } },
    { "langs-import", { "langs", 0, 0, G_OPTION_ARG_STRING, &opts->langs,
      "import-dictd: the languages of the lexicon's two columns, as ISO 639-1 or 639-3 "
      "codes (de,fr); a FreeDict dictionary going from L2 to L1 gives its pairs swapped; "
      "compile and train: the pair whose language packs analyse the words (de,fr) "
      "[default: the first dictionary's languages; Mueller's: ru,en; compile, train: ru,en]",
      "L1,L2" } },
    { "lexicon", { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts->lexicons,
      "Use this lexicon file instead of the default ones; repeatable [default: "
      "ru-en.tsv, learned-ru-en.tsv and mueller7-ru-en.tsv of the dictionary folder]", "FILE" } },
    { "ids", { "ids", 0, 0, G_OPTION_ARG_NONE, &opts->ids,
      "Number the sentences [default: off]", NULL } },
    { "lang", { "lang", 'l', 0, G_OPTION_ARG_STRING, &opts->lang,
      "Language of FILE: ru, en or auto (by the script) [default: auto]", "LANG" } },
    { "encoding", { "encoding", 0, 0, G_OPTION_ARG_STRING, &opts->encoding,
      "Read the input in this encoding (any iconv knows: WINDOWS-1251, KOI8-R, CP866, "
      "ISO-8859-5, ...) instead of UTF-8 [default: UTF-8]", "NAME" } },
    { "encoding-pair", { "encoding", 0, 0, G_OPTION_ARG_STRING, &opts->encoding,
      "Read the input files in this encoding (any iconv knows: WINDOWS-1251, KOI8-R, CP866, "
      "ISO-8859-5, ...) instead of UTF-8; RU_NAME,EN_NAME gives each file its own "
      "(KOI8-R,UTF-8) [default: UTF-8]", "NAME" } },
    { "input-format", { "input-format", 0, 0, G_OPTION_ARG_STRING, &opts->input_format,
      "Read the input as text, html, docx, odt or pdf, whatever it looks like, or by its "
      "content (auto); align also takes xliff for one bilingual file [default: auto]",
      "FORMAT" } },
    { "accept", { "accept", 0, 0, G_OPTION_ARG_FILENAME, &opts->accept,
      "Leave out the notes listed in FILE, a notes TSV of the notes a translator "
      "accepted (the lines of --notes they keep): a note is left out while its kind, ids, "
      "texts and message are the same, so a re-run after edits shows what is new "
      "[default: none]", "FILE" } },
    { "tmx-lang", { "tmx-lang", 0, 0, G_OPTION_ARG_STRING, &opts->tmx_lang,
      "The TMX's language tags, Russian then English (another pair: its own, in its order), as a CAT tool's translation "
      "memory wants them, e.g. ru-RU,en-US [default: ru,en]", "RU,EN" } },
    { "tmx-1to1", { "tmx-1to1", 0, 0, G_OPTION_ARG_NONE, &opts->tmx_1to1,
      "Keep only the rows of one sentence a side in the TMX, as a translation memory "
      "holds them [default: every row with both sides]", NULL } },
    { "split", { "split", 0, 0, G_OPTION_ARG_STRING, &opts->split,
      "How the text is split into sentences: sentences (sverka finds them) or "
      "none (already split, as hunalign, vecalign and Bertalign take them: one sentence per "
      "line, a blank line a paragraph break, nothing trimmed; a sentence's id is its line "
      "number) [default: sentences]", "HOW" } },
    { "keep-all", { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts->keep_all,
      "Do not set aside page furniture [default: off]", NULL } },
    { "show-trimmed", { "show-trimmed", 0, 0, G_OPTION_ARG_NONE, &opts->show_trimmed,
      "List the lines set aside as page furniture on standard error [default: off]", NULL } },
    { "langs", { "langs", 0, 0, G_OPTION_ARG_STRING, &opts->langs,
      "The two languages, first file's then second's, by the codes of their packs in the "
      "dictionary folder (de,fr); a pair other than ru,en gets every format, the HTML report "
      "with its review editor and --review, and the notes of the checks that need no Russian "
      "or English data, so far [default: ru,en]", "L1,L2" } },
    { "dict-dir", { "dict-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts->dict_dir,
      "Folder of sverka's dictionaries [default: $SVERKA_DICT_DIR, else the source tree's "
      "when run from the build tree, else " SVERKA_DICT_DIR "]", "DIR" } },
    { "hunspell-dir", { "hunspell-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts->hunspell_dir,
      "Folder of the hunspell dictionaries ru_RU, en_US and en_GB [default: "
      "$SVERKA_HUNSPELL_DIR, else " SVERKA_HUNSPELL_DIR "]", "DIR" } },
    { "quiet", { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts->quiet,
      "Print no notices on standard error [default: off]", NULL } },
  };
  GArray *out = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; names[i] != NULL; i++) {
    guint k = 0;
    while (k < G_N_ELEMENTS (all) && strcmp (all[k].key, names[i]) != 0)
      k++;
    g_assert (k < G_N_ELEMENTS (all));
    g_array_append_val (out, all[k].entry);
  }
  return (GOptionEntry *) g_array_free (out, FALSE);
}

GOptionContext *
sverka_cli_option_context (const char *command, const char *params, const char *summary,
                           const char *description, GOptionEntry *entries)
{
  g_autofree char *prgname = g_strconcat ("sverka ", command, NULL);
  g_autofree char *text = description != NULL
                              ? g_strconcat (description, "\n", sverka_cli_exit_codes_text, NULL)
                              : g_strdup (sverka_cli_exit_codes_text);
  GOptionContext *octx = g_option_context_new (params);

  g_set_prgname (prgname);
  g_option_context_set_summary (octx, summary);
  g_option_context_set_description (octx, text);
  g_option_context_add_main_entries (octx, entries, NULL);
  return octx;
}

int
sverka_cli_run_on_file (int argc, char **argv, const char *command, const char *const *names,
                        const char *summary, SverkaCliFileCommand run)
{
  SverkaCliOptions opts = { 0 };
  g_autofree GOptionEntry *entries = sverka_cli_option_entries (&opts, names);
  g_autoptr (GOptionContext) octx = sverka_cli_option_context (command, "FILE", summary, NULL,
                                                               entries);
  int rc;

  if (!sverka_cli_parse (octx, command, &argc, &argv))
    rc = EXIT_USAGE;
  else if (argc != 2) {
    fprintf (stderr, "sverka %s: expected one FILE (or - for standard input), found %d\n",
             command, argc - 1);
    rc = EXIT_USAGE;
  } else
    rc = run (&opts, argv[1]);
  sverka_cli_options_clear (&opts);
  return rc;
}

gboolean
sverka_cli_parse (GOptionContext *octx, const char *command, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (g_option_context_parse (octx, argc, argv, &error))
    return TRUE;
  fprintf (stderr, "sverka %s: %s\n", command, error->message);
  return FALSE;
}

int
sverka_cli_exit_code (const GError *error)
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

int
sverka_cli_fail (const GError *error)
{
  fprintf (stderr, "sverka: %s\n", error->message);
  return sverka_cli_exit_code (error);
}

/* The dictionary folder: --dict-dir, $SVERKA_DICT_DIR, the source tree when
 * run from the build tree, or the installed folder. */
char *
sverka_cli_find_dictionary_dir (const char *option)
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
sverka_cli_find_imported_lexicon (const char *dict_dir, const char *name)
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

const char *
sverka_cli_hunspell_dir (const char *option)
{
  const char *env = g_getenv ("SVERKA_HUNSPELL_DIR");
  if (option != NULL)
    return option;
  return env != NULL && *env != '\0' ? env : NULL;
}

/* Loads the default lexicon files @sources (NULL-terminated), or the image
 * the build compiled from them (@compiled_name, "compiled-ru-en.lex",
 * beside the dictionaries, in the build tree or installed) when it was made
 * from those very files; says why not (unless @quiet) when it was not. */
static gboolean
load_default_sources (SverkaLexicon *lex, const char *dir, const char *compiled_name,
                      const char *const *sources, gboolean quiet, GError **error)
{
  g_autofree char *compiled = sverka_cli_find_imported_lexicon (dir, compiled_name);
  g_autofree char *why_not = NULL;

  if (compiled == NULL)
    compiled = sverka_lexicon_find_compiled_named (dir, compiled_name);
  if (!sverka_lexicon_load_sources (lex, compiled, sources, &why_not, error))
    return FALSE;
  if (why_not != NULL && !quiet)
    fprintf (stderr, "sverka: %s; reading the lexicon files instead\n", why_not);
  return TRUE;
}

/* The default lexicons of a pair other than ru-en: its curated
 * dictionaries/L1-L2.tsv, then freedict-L1-L2.tsv imported at build time,
 * those that are there; for a pair with none, the other direction's
 * (L2-L1: de-fr.tsv for fr,de; ru-en.tsv and its imported tables for
 * en,ru), read the other way round from their files, as no compiled image
 * is made for that direction. */
static gboolean
load_pair_lexicons (SverkaLexicon *lex, SverkaContext *ctx, gboolean quiet, GError **error)
{
  const char *dir = sverka_context_get_dictionary_dir (ctx);
  const char *l1 = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST);
  const char *l2 = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_SECOND);
  g_autofree char *seed_name = g_strdup_printf ("%s-%s.tsv", l1, l2);
  g_autofree char *freedict_name = g_strdup_printf ("freedict-%s-%s.tsv", l1, l2);
  g_autofree char *compiled_name = g_strdup_printf ("compiled-%s-%s.lex", l1, l2);
  g_autofree char *seed = g_build_filename (dir, seed_name, NULL);
  g_autofree char *freedict = sverka_cli_find_imported_lexicon (dir, freedict_name);
  /* the other direction's, in the order ru-en's are read */
  static const char *const back_prefixes[] = { "", "learned-", "freedict-", "mueller7-" };
  g_autoptr (GString) read_back = g_string_new (NULL);
  const char *sources[3] = { NULL, NULL, NULL };
  guint n = 0;

  if (g_file_test (seed, G_FILE_TEST_IS_REGULAR))
    sources[n++] = seed;
  if (freedict != NULL)
    sources[n++] = freedict;
  if (n > 0)
    return load_default_sources (lex, dir, compiled_name, sources, quiet, error);
  for (guint i = 0; i < G_N_ELEMENTS (back_prefixes); i++) {
    g_autofree char *name = g_strdup_printf ("%s%s-%s.tsv", back_prefixes[i], l2, l1);
    g_autofree char *path = i == 0 ? g_build_filename (dir, name, NULL)
                                   : sverka_cli_find_imported_lexicon (dir, name);
    if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
      continue;
    if (!sverka_lexicon_load_reversed (lex, path, error))
      return FALSE;
    g_string_append_printf (read_back, "%s%s", read_back->len > 0 ? ", " : "", name);
  }
  if (quiet)
    return TRUE;
  if (read_back->len > 0)
    fprintf (stderr, "sverka: lexicons for %s-%s read the other way round: %s\n", l1, l2,
             read_back->str);
  else
    fprintf (stderr, "sverka: no lexicon for %s-%s (%s or %s in %s, nor one for %s-%s); aligning "
                     "by lengths, numbers and words spelled alike\n",
             l1, l2, seed_name, freedict_name, dir, l2, l1);
  return TRUE;
}

SverkaLexicon *
sverka_cli_load_lexicons (SverkaContext *ctx, char **lexicons, gboolean quiet, GError **error)
{
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  const char *dir = sverka_context_get_dictionary_dir (ctx);

  if (lexicons != NULL) {
    for (guint i = 0; lexicons[i] != NULL; i++)
      if (!sverka_lexicon_load (lex, lexicons[i], error))
        return NULL;
  } else if (!sverka_context_is_ru_en (ctx)) {
    if (!load_pair_lexicons (lex, ctx, quiet, error))
      return NULL;
  } else {
    g_autofree char *seed = g_build_filename (dir, "ru-en.tsv", NULL);
    g_autofree char *learned = sverka_cli_find_imported_lexicon (dir, "learned-ru-en.tsv");
    g_autofree char *imported = sverka_cli_find_imported_lexicon (dir, "mueller7-ru-en.tsv");
    const char *sources[4] = { seed, NULL, NULL, NULL };
    guint n = 1;
    /* The seed first, then the learned table, then Mueller's senses: a word
     * keeps the first MAX_LEXICON_KEYS keys its entries give
     * (sverka-score.c), and a learned pair is likelier than a dictionary's
     * twentieth sense. */
    if (learned != NULL)
      sources[n++] = learned;
    else if (!quiet)
      fprintf (stderr, "sverka: the learned lexicon (learned-ru-en.tsv) is not there; "
                       "aligning without it (the build trains it from corpus/parallel-ru-en)\n");
    if (imported != NULL)
      sources[n++] = imported;
    else if (!quiet)
      fprintf (stderr, "sverka: the imported Mueller lexicon (mueller7-ru-en.tsv) is not there; "
                       "using the seed lexicon only (scripts/build.sh imports it)\n");
    /* The build compiles these files into one image, mapped at once; the
     * files themselves are read when it is missing or out of date. */
    if (!load_default_sources (lex, dir, SVERKA_COMPILED_LEXICON, sources, quiet, error))
      return NULL;
  }
  return g_steal_pointer (&lex);
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

gboolean
sverka_cli_read_input (const char *path, char **data, gsize *len, GError **error)
{
  return strcmp (path, "-") == 0 ? read_stdin (data, len, error) : read_file (path, data, len, error);
}

SverkaDocument *
sverka_cli_load_as (SverkaContext *ctx, const char *path, const SverkaCliOptions *opts,
                    SverkaLanguage lang, GError **error)
{
  SverkaLoadOptions load_opts;
  gboolean lines;

  sverka_load_options_init (&load_opts);
  load_opts.keep_all = opts->keep_all;
  load_opts.format = opts->input_format;
  load_opts.language = lang;
  if (!sverka_cli_parse_split (opts->split, &lines, error))
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

SverkaDocument *
sverka_cli_load (SverkaContext *ctx, const char *path, const SverkaCliOptions *opts, GError **error)
{
  SverkaLanguage lang = SVERKA_LANGUAGE_AUTO;
  if (opts->lang != NULL && !sverka_language_from_string (opts->lang, &lang)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--lang: expected ru, en or auto, found '%s'", opts->lang);
    return NULL;
  }
  return sverka_cli_load_as (ctx, path, opts, lang, error);
}

void
sverka_cli_report_trimmed (SverkaDocument *doc, const SverkaCliOptions *opts)
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
int
sverka_cli_write_output (const char *path, const char *text, gsize len)
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
  if (!sverka_cli_write_file (path, text, len, &error)) {
    fprintf (stderr, "sverka: %s: cannot write: %s\n", path, error->message);
    return EXIT_OUTPUT;
  }
  return EXIT_OK;
}

SverkaContext *
sverka_cli_make_context (const SverkaCliOptions *opts, GError **error)
{
  SverkaContextOptions ctx_opts;
  g_autofree char *dir = sverka_cli_find_dictionary_dir (opts->dict_dir);
  const char *hunspell_env = g_getenv ("SVERKA_HUNSPELL_DIR");
  g_autoptr (SverkaContext) ctx = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  g_auto (GStrv) langs = NULL;

  sverka_context_options_init (&ctx_opts);
  ctx_opts.dictionary_dir = dir;
  if (opts->langs != NULL) {
    langs = g_strsplit (opts->langs, ",", -1);
    if (g_strv_length (langs) != 2) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "--langs: expected two language codes separated by a comma (de,fr), found "
                   "'%s'",
                   opts->langs);
      return NULL;
    }
    ctx_opts.first_language = langs[0];
    ctx_opts.second_language = langs[1];
  }
  /* --hunspell-dir, $SVERKA_HUNSPELL_DIR, or the library's default. */
  ctx_opts.hunspell_dir = opts->hunspell_dir;
  if (ctx_opts.hunspell_dir == NULL && hunspell_env != NULL && *hunspell_env != '\0')
    ctx_opts.hunspell_dir = hunspell_env;
  ctx = sverka_context_new (&ctx_opts, error);
  /* run from the build tree: its compiled word forms first */
  if (ctx != NULL && exe != NULL && g_str_has_prefix (exe, SVERKA_BUILD_ROOT "/"))
    sverka_context_set_compiled_dir (ctx, SVERKA_BUILD_ROOT "/dictionaries");
  return g_steal_pointer (&ctx);
}
