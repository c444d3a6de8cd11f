/* sverka-cli.c: `sverka COMMAND ...`: picks the command; each is a file of this
 * folder (see sverka-cli-private.h). */
#include "config.h"

#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"
#include "sverka-cli-write-private.h"

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
} commands[] = {
  { "align", sverka_cli_align },
  { "segment", sverka_cli_segment },
  { "tokens", sverka_cli_tokens },
  { "batch", sverka_cli_batch },
  { "stream", sverka_cli_stream },
  { "lexicon", sverka_cli_lexicon },
};

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
  "  lexicon import-dictd [--langs L1,L2] INDEX...\n"
  "                 turn a dictd dictionary (e.g. /usr/share/dictd/mueller7.index)\n"
  "                 or FreeDict dictionaries into a sverka lexicon file\n"
  "  lexicon train CORPUS...\n"
  "                 learn a translation table from parallel corpora (TSV, TMX,\n"
  "                 XLIFF, Moses) as a sverka lexicon file\n"
  "  lexicon compile -o FILE LEXICON...\n"
  "                 compile lexicon files to be mapped at start-up\n"
  "  lexicon compile-forms -o FILE NAME\n"
  "                 compile the word forms of hunspell dictionary NAME (ru_RU)\n"
  "                 for the spelling notes\n"
  "  lexicon compile-lemmas -o FILE NAME\n"
  "                 compile hunspell's lemmas of the forms of dictionary NAME\n"
  "\n"
  "FILE may be - for standard input. Run 'sverka COMMAND --help' for the options\n"
  "of a command (sverka align --help, sverka batch --help, ...); 'sverka --version'\n"
  "prints the version.\n";

int
main (int argc, char **argv)
{
  const char *command;

  setlocale (LC_ALL, "");
#ifdef __GLIBC__
  /* Blocks of 256 KB or more (a band's values, a document's tables) are
   * mapped, and given back when freed: glibc otherwise raises this
   * threshold to the largest block freed, and blocks below it stay in the
   * heap. On the 27,813-line pair the peak RSS is 136 MB instead of 151. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif
  sverka_cli_write_init ();
  if (argc < 2) {
    fputs (usage_text, stderr);
    return EXIT_USAGE;
  }
  command = argv[1];
  if (strcmp (command, "--version") == 0 || strcmp (command, "-V") == 0) {
    printf ("sverka %s\n", SVERKA_VERSION);
    return EXIT_OK;
  }
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0
      || strcmp (command, "help") == 0) {
    printf ("%s\n%s\n", usage_text, sverka_cli_exit_codes_text);
    return EXIT_OK;
  }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++) {
    if (strcmp (command, commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  }
  fprintf (stderr, "sverka: unknown command '%s'\n%s", command, usage_text);
  return EXIT_USAGE;
}
