/* sverka-cli-private.h: what the command files of the command line share. The
 * command line is the only part of sverka that prints or exits; each
 * command is a file of this folder (sverka-cli-align.c, -segment.c,
 * -tokens.c, -lexicon.c, -batch.c, -stream.c), sverka-cli.c picks one,
 * and sverka-cli-common.c holds the helpers below.
 *
 * Exit codes:
 *   0  success
 *   1  align --fail-on: notes of that severity or above were found
 *   2  usage: unknown command, option or option value
 *   3  bad input: missing, unreadable, empty, binary or wrongly encoded file
 *   4  missing or malformed resource: dictionary, hunspell, stemmer
 *   5  output cannot be written
 */
#pragma once

#include "sverka.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_NOTES_FOUND = 1,
  EXIT_USAGE = 2,
  EXIT_INPUT = 3,
  EXIT_RESOURCE = 4,
  EXIT_OUTPUT = 5,
};

/* The options of align, segment, tokens and lexicon; each command offers
 * those it uses (sverka_cli_option_entries()). Strings owned. */
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
  char *input_format;
  char *fail_on;
  char *min_score;
  char *min_count; /* lexicon train */
  char *min_p;     /* lexicon train */
  char **lexicons;
  char *lang;
  char *langs; /* --langs L1,L2: align and lexicon compile/train, the pair's language
                * packs; lexicon import-dictd, its columns' languages */
  char *dict_dir;
  char *hunspell_dir;
  char *output;
  gboolean ids;
  gboolean keep_all;
  gboolean show_trimmed;
  gboolean quiet;
} SverkaCliOptions;

/* Frees the strings of @opts. */
void sverka_cli_options_clear (SverkaCliOptions *opts);

/* The GOption entries of the options named @names (NULL-terminated: their
 * long names, "output" for align's --output and "output-text" for the
 * others'), bound to @opts. Returns: (transfer full) an array ending with
 * an empty entry. */
GOptionEntry *sverka_cli_option_entries (SverkaCliOptions *opts, const char *const *names);

/* The option parser of `sverka @command`, whose --help shows @params,
 * @summary, every option with its default, and @description (may be NULL)
 * above the exit codes. Sets the program name to "sverka @command".
 * Returns: (transfer full). */
GOptionContext *sverka_cli_option_context (const char *command, const char *params,
                                           const char *summary, const char *description,
                                           GOptionEntry *entries);

/* Parses @argc, @argv with @octx; on an error prints it and returns FALSE. */
gboolean sverka_cli_parse (GOptionContext *octx, const char *command, int *argc, char ***argv);

/* A command that reads one FILE ("-": standard input) with @opts. */
typedef int (*SverkaCliFileCommand) (const SverkaCliOptions *opts, const char *path);

/* Runs `sverka @command [OPTION...] FILE`: parses the options named
 * @names (sverka_cli_option_entries()), with @summary in --help, checks
 * that one FILE is given and runs @run on it. Returns: the exit code. */
int sverka_cli_run_on_file (int argc, char **argv, const char *command,
                            const char *const *names, const char *summary,
                            SverkaCliFileCommand run);

/* The exit codes, as --help ends with them. */
extern const char sverka_cli_exit_codes_text[];

/* Prints "sverka: MESSAGE" and returns the exit code for @error. */
int sverka_cli_fail (const GError *error);

/* The exit code for @error. */
int sverka_cli_exit_code (const GError *error);

/* The dictionary folder: @option, $SVERKA_DICT_DIR, the source tree when run
 * from the build tree, or the installed folder. (transfer full) */
char *sverka_cli_find_dictionary_dir (const char *option);

/* Where the lexicon @name imported at build time lies, or NULL. (transfer full) */
char *sverka_cli_find_imported_lexicon (const char *dict_dir, const char *name);

/* The hunspell folder: @option, else $SVERKA_HUNSPELL_DIR, else NULL (the
 * default). (transfer none) */
const char *sverka_cli_hunspell_dir (const char *option);

/* Loads the lexicons (@lexicons, or the seed and the imported Mueller
 * lexicon) with @ctx. Returns: (transfer full) or NULL with @error set. */
SverkaLexicon *sverka_cli_load_lexicons (SverkaContext *ctx, char **lexicons, gboolean quiet,
                                         GError **error);

/* A context with the dictionaries of --dict-dir and --hunspell-dir.
 * Returns: (transfer full) or NULL with @error set. */
SverkaContext *sverka_cli_make_context (const SverkaCliOptions *opts, GError **error);

/* The bytes of @path ("-": standard input), with the loader's messages.
 * Returns: FALSE with @error set when it cannot be read. */
gboolean sverka_cli_read_input (const char *path, char **data, gsize *len, GError **error);

/* Reads @path ("-": standard input) as @lang, with --encoding, --split and
 * --keep-all. Returns: (transfer full) or NULL with @error set. */
SverkaDocument *sverka_cli_load_as (SverkaContext *ctx, const char *path,
                                    const SverkaCliOptions *opts, SverkaLanguage lang,
                                    GError **error);

/* The same in the language of --lang. */
SverkaDocument *sverka_cli_load (SverkaContext *ctx, const char *path,
                                 const SverkaCliOptions *opts, GError **error);

/* Says on standard error how many lines of @doc were set aside as page
 * furniture, and lists them with --show-trimmed. */
void sverka_cli_report_trimmed (SverkaDocument *doc, const SverkaCliOptions *opts);

/* Writes @text to @path atomically, or to standard output if @path is NULL
 * or "-". Returns: the exit code. */
int sverka_cli_write_output (const char *path, const char *text, gsize len);

/* The commands; @argv[0] is the command name. Return the exit code. */
int sverka_cli_align (int argc, char **argv);
int sverka_cli_segment (int argc, char **argv);
int sverka_cli_tokens (int argc, char **argv);
int sverka_cli_lexicon (int argc, char **argv);
int sverka_cli_batch (int argc, char **argv);
int sverka_cli_stream (int argc, char **argv);

/* For batch and stream: the options they share. */
typedef struct {
  int jobs;
  char *mode;
  char **lexicons;
  char *dict_dir;
  char *hunspell_dir;
  gboolean keep_all;
  gboolean split_none; /* --split none: the texts are one sentence a line */
  gboolean no_notes;
  gboolean quiet;
  char *min_score; /* --min-score, unchecked */
  char *langs;     /* batch --langs L1,L2, unchecked */
} SverkaCliRunOptions;

G_END_DECLS
