/* sverka-tool-private.h: what the command files of the CLI share.
 * sverka-tool.c holds the one-pair commands and main(); sverka-tool-batch.c
 * `sverka batch` and sverka-tool-stream.c `sverka stream`. */
#pragma once

#include "sverka.h"

G_BEGIN_DECLS

/* The dictionary folder: @option, $SVERKA_DICT_DIR, the source tree when run
 * from the build tree, or the installed folder. (transfer full) */
char *sverka_tool_find_dictionary_dir (const char *option);

/* Where the lexicon @name imported at build time lies, or NULL. (transfer full) */
char *sverka_tool_find_imported_lexicon (const char *dict_dir, const char *name);

/* The commands; @argv[0] is the command name. Return the exit code. */
int sverka_tool_batch (int argc, char **argv);
int sverka_tool_stream (int argc, char **argv);

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
} SverkaToolRunOptions;

/* Loads the lexicons (@lexicons, or the seed and the imported Mueller
 * lexicon) with @ctx. Returns: (transfer full) or NULL with @error set. */
SverkaLexicon *sverka_tool_load_lexicons (SverkaContext *ctx, char **lexicons, gboolean quiet,
                                          GError **error);

/* The hunspell folder: @option, else $SVERKA_HUNSPELL_DIR, else NULL (the
 * default). (transfer none) */
const char *sverka_tool_hunspell_dir (const char *option);

/* The exit code for @error (as sverka-tool.c maps them). */
int sverka_tool_exit_code (const GError *error);

G_END_DECLS
