/* sverka-cli-lexicon.c: `sverka lexicon import-dictd INDEX`, a dictd dictionary made a
 * sverka lexicon. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"
#include "sverka-dictd-private.h"

static int
cmd_import_dictd (const SverkaCliOptions *opts, const char *index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  SverkaDictdStats stats;
  int rc;

  text = sverka_dictd_import (index, &stats, &error);
  if (text == NULL)
    return sverka_cli_fail (error);
  rc = sverka_cli_write_output (opts->output, text, strlen (text));
  if (rc == EXIT_OK && !opts->quiet)
    fprintf (stderr,
             "sverka: %s: %u headwords, %u used, %u skipped; %u pairs written\n", index,
             stats.headwords, stats.entries_used, stats.skipped, stats.pairs);
  return rc;
}

int
sverka_cli_lexicon (int argc, char **argv)
{
  static const char *const names[] = { "output-text", "quiet", NULL };
  SverkaCliOptions opts = { 0 };
  g_autofree GOptionEntry *entries = sverka_cli_option_entries (&opts, names);
  g_autoptr (GOptionContext) octx = sverka_cli_option_context (
      "lexicon", "import-dictd INDEX",
      "Turn a dictd dictionary (INDEX, e.g. /usr/share/dictd/mueller7.index, with its .dict.dz\n"
      "beside it) into a sverka lexicon file, every pair tagged general.",
      NULL, entries);
  int rc;

  if (!sverka_cli_parse (octx, "lexicon", &argc, &argv))
    rc = EXIT_USAGE;
  else if (argc != 3 || strcmp (argv[1], "import-dictd") != 0) {
    fprintf (stderr, "sverka lexicon: expected 'import-dictd INDEX'\n");
    rc = EXIT_USAGE;
  } else
    rc = cmd_import_dictd (&opts, argv[2]);
  sverka_cli_options_clear (&opts);
  return rc;
}
