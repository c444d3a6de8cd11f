/* sverka-cli-lexicon.c: `sverka lexicon import-dictd INDEX...`, a dictd
 * dictionary (Mueller's, or FreeDict's merged) made a sverka lexicon;
 * `sverka lexicon train CORPUS...`, a translation table learned from a
 * parallel corpus (sverka-train.h); and
 * `sverka lexicon compile -o FILE LEXICON...`, lexicons compiled to be
 * mapped at start-up (sverka_lexicon_compile()); and `sverka lexicon
 * compile-forms -o FILE NAME`, the word forms of a hunspell dictionary
 * compiled for the spelling notes (sverka-wordforms-private.h); and
 * `sverka lexicon compile-lemmas -o FILE NAME`, hunspell's lemmas and
 * spelling of them (sverka-lemmas-private.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-bitext-private.h"
#include "sverka-cli-private.h"
#include "sverka-context-private.h"
#include "sverka-dictd-private.h"
#include "sverka-freedict-private.h"
#include "sverka-train.h"
#include "sverka-lemmas-private.h"
#include "sverka-wordforms-private.h"

/* Imports Mueller's dictionary @index (written ru<TAB>en). */
static int
import_mueller (const SverkaCliOptions *opts, const char *index, const char *l1,
                const char *l2)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  SverkaDictdStats stats;
  int rc;

  if (l1 != NULL && (strcmp (l1, "ru") != 0 || strcmp (l2, "en") != 0)) {
    fprintf (stderr,
             "sverka lexicon import-dictd: %s is not a FreeDict dictionary: it is read as "
             "Mueller's English-Russian, written ru<TAB>en; leave out --langs %s\n",
             index, opts->langs);
    return EXIT_USAGE;
  }
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

/* Parses --langs "L1,L2" into language codes; FALSE after a usage message. */
static gboolean
parse_langs (const char *text, char **l1, char **l2)
{
  g_auto (GStrv) codes = g_strsplit (text, ",", -1);

  if (g_strv_length (codes) == 2) {
    *l1 = sverka_freedict_language (g_strstrip (codes[0]));
    *l2 = sverka_freedict_language (g_strstrip (codes[1]));
    if (*l1 != NULL && *l2 != NULL && strcmp (*l1, *l2) != 0)
      return TRUE;
    g_clear_pointer (l1, g_free);
    g_clear_pointer (l2, g_free);
  }
  fprintf (stderr,
           "sverka lexicon import-dictd: --langs expects two different language codes, "
           "ISO 639-1 or 639-3, such as de,fr or deu,fra; found '%s'\n",
           text);
  return FALSE;
}

/* `import-dictd [--langs L1,L2] INDEX...`: Mueller's dictionary (one
 * INDEX), or FreeDict dictionaries merged into one lexicon. */
static int
cmd_import_dictd (const SverkaCliOptions *opts, int n_indexes, char **indexes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sverka_dictd_file_free);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree SverkaFreedictDictionary *dicts = g_new0 (SverkaFreedictDictionary, n_indexes);
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  SverkaDictdStats stats;
  int rc;

  if (opts->langs != NULL && !parse_langs (opts->langs, &l1, &l2))
    return EXIT_USAGE;
  for (int i = 0; i < n_indexes; i++) {
    SverkaDictdFile *file;
    char *source = NULL;
    char *target = NULL;

    file = sverka_dictd_file_open (indexes[i], SVERKA_DICTD_OPEN_EMPTY_HEADWORDS, &error);
    if (file == NULL)
      return sverka_cli_fail (error);
    if (!sverka_freedict_recognise (file)) {
      sverka_dictd_file_free (file);
      if (n_indexes == 1)
        return import_mueller (opts, indexes[0], l1, l2);
      fprintf (stderr,
               "sverka lexicon import-dictd: %s is not a FreeDict dictionary; only FreeDict "
               "dictionaries are imported several at a time: import it alone\n",
               indexes[i]);
      return EXIT_USAGE;
    }
    g_ptr_array_add (files, file);
    if (!sverka_freedict_languages_from_name (indexes[i], &source, &target)) {
      if (l1 == NULL) {
        fprintf (stderr,
                 "sverka lexicon import-dictd: %s: a FreeDict dictionary whose file name "
                 "does not give its languages (freedict-SRC-TGT.index); give them with "
                 "--langs SRC,TGT\n",
                 indexes[i]);
        return EXIT_USAGE;
      }
      source = g_strdup (l1);
      target = g_strdup (l2);
    }
    g_ptr_array_add (codes, source);
    g_ptr_array_add (codes, target);
    dicts[i].file = file;
    dicts[i].source = source;
    dicts[i].target = target;
    if (l1 == NULL) {
      l1 = g_strdup (source);
      l2 = g_strdup (target);
    }
    if (!(strcmp (source, l1) == 0 && strcmp (target, l2) == 0) &&
        !(strcmp (source, l2) == 0 && strcmp (target, l1) == 0)) {
      fprintf (stderr,
               "sverka lexicon import-dictd: %s is a %s-%s dictionary, expected one between "
               "%s and %s%s; import each language pair on its own\n",
               indexes[i], source, target, l1, l2,
               opts->langs != NULL ? " (--langs)" : " (the first dictionary's)");
      return EXIT_USAGE;
    }
  }
  text = sverka_freedict_import (dicts, (guint) n_indexes, l1, l2, &stats, &error);
  if (text == NULL)
    return sverka_cli_fail (error);
  rc = sverka_cli_write_output (opts->output, text, strlen (text));
  names = g_strjoinv (" + ", indexes);
  if (rc == EXIT_OK && !opts->quiet)
    fprintf (stderr,
             "sverka: %s: %u headwords, %u used, %u skipped; %u %s-%s pairs written\n", names,
             stats.headwords, stats.entries_used, stats.skipped, stats.pairs, l1, l2);
  return rc;
}

static gboolean
add_pair (const SverkaBitextPair *pair, gpointer user_data, GError **error)
{
  (void) error;
  sverka_trainer_add (user_data, pair->ru, pair->en);
  return TRUE;
}

/* Parses @text, the value of @option, as a whole number from 1 into *@out. */
static gboolean
parse_count (const char *option, const char *text, guint *out)
{
  guint64 v;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 1000000, &v, NULL)) {
    fprintf (stderr, "sverka lexicon: %s expects a whole number from 1, found '%s'\n", option,
             text);
    return FALSE;
  }
  *out = (guint) v;
  return TRUE;
}

static gboolean
parse_probability (const char *option, const char *text, double *out)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(v >= 0 && v <= 1)) {
    fprintf (stderr, "sverka lexicon: %s expects a number from 0 to 1, found '%s'\n", option,
             text);
    return FALSE;
  }
  *out = v;
  return TRUE;
}

static int
cmd_train (const SverkaCliOptions *opts, int n_corpora, char **corpora)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaTrainer) trainer = NULL;
  g_autoptr (GString) description = g_string_new ("Trained on:");
  g_autofree char *text = NULL;
  SverkaTrainOptions to;
  SverkaTrainStats ts;
  int rc;

  sverka_train_options_init (&to);
  if ((opts->min_count != NULL && !parse_count ("--min-count", opts->min_count, &to.min_count))
      || (opts->min_p != NULL && !parse_probability ("--min-p", opts->min_p, &to.min_p)))
    return EXIT_USAGE;
  ctx = sverka_cli_make_context (opts, &error);
  if (ctx == NULL)
    return sverka_cli_fail (error);
  trainer = sverka_trainer_new (ctx, &to);
  for (int i = 0; i < n_corpora; i++) {
    SverkaBitextStats bs = { 0 };
    g_autofree char *base = g_path_get_basename (corpora[i]);
    if (!sverka_bitext_read (ctx, corpora[i], add_pair, trainer, &bs, &error))
      return sverka_cli_fail (error);
    g_string_append_printf (description, "%s %s (%u pairs)", i > 0 ? "," : "", base, bs.pairs);
    if (!opts->quiet)
      fprintf (stderr, "sverka: %s: %u pairs read, %u skipped (a side empty or missing)\n", corpora[i],
               bs.pairs, bs.skipped);
  }
  text = sverka_trainer_train (trainer, description->str, &ts, &error);
  if (text == NULL)
    return sverka_cli_fail (error);
  rc = sverka_cli_write_output (opts->output, text, strlen (text));
  if (rc == EXIT_OK && !opts->quiet)
    fprintf (stderr,
             "sverka: trained on %u pairs (%u %s and %u %s stems); %u entries written\n",
             ts.pairs, ts.ru_words,
             sverka_context_lang (ctx, SVERKA_LANGUAGE_FIRST)->pack->name, ts.en_words,
             sverka_context_lang (ctx, SVERKA_LANGUAGE_SECOND)->pack->name, ts.entries);
  return rc;
}

static int
cmd_compile (const SverkaCliOptions *opts, int n_lexicons, char **lexicons)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;

  if (opts->output == NULL || strcmp (opts->output, "-") == 0) {
    fprintf (stderr, "sverka lexicon compile: a compiled lexicon is a binary file; "
                     "name it with -o FILE\n");
    return EXIT_USAGE;
  }
  ctx = sverka_cli_make_context (opts, &error);
  if (ctx == NULL)
    return sverka_cli_fail (error);
  lex = sverka_lexicon_new (ctx);
  for (int i = 0; i < n_lexicons; i++)
    if (!sverka_lexicon_load (lex, lexicons[i], &error))
      return sverka_cli_fail (error);
  if (!sverka_lexicon_compile (lex, opts->output, (const char *const *) lexicons, &error))
    return sverka_cli_fail (error);
  if (!opts->quiet)
    fprintf (stderr, "sverka: %u entries from %d lexicon file%s compiled into %s\n",
             sverka_lexicon_get_n_entries (lex), n_lexicons, n_lexicons == 1 ? "" : "s",
             opts->output);
  return EXIT_OK;
}

/* The .aff and .dic of hunspell dictionary @name for `compile-forms` and
 * `compile-lemmas` (@command); FALSE after a usage message. */
static gboolean
dictionary_files (const SverkaCliOptions *opts, const char *command, const char *name,
                  char **aff, char **dic)
{
  const char *dir = sverka_cli_hunspell_dir (opts->hunspell_dir);
  if (opts->output == NULL || strcmp (opts->output, "-") == 0) {
    fprintf (stderr, "sverka lexicon %s: a compiled table is a binary file; name it with "
                     "-o FILE\n",
             command);
    return FALSE;
  }
  if (strchr (name, '/') != NULL || name[0] == '\0' || name[0] == '.') {
    fprintf (stderr, "sverka lexicon %s: expected the name of a hunspell dictionary such as "
                     "ru_RU (its .aff and .dic in the hunspell folder), found '%s'\n",
             command, name);
    return FALSE;
  }
  *aff = g_strdup_printf ("%s/%s.aff", dir != NULL ? dir : SVERKA_HUNSPELL_DIR, name);
  *dic = g_strdup_printf ("%s/%s.dic", dir != NULL ? dir : SVERKA_HUNSPELL_DIR, name);
  return TRUE;
}

static int
cmd_compile_lemmas (const SverkaCliOptions *opts, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  guint n_forms = 0;
  gboolean covers = FALSE;

  if (!dictionary_files (opts, "compile-lemmas", name, &aff, &dic))
    return EXIT_USAGE;
  if (!sverka_lemmas_compile (aff, dic, opts->output, &n_forms, &covers, &error))
    return sverka_cli_fail (error);
  if (!covers)
    fprintf (stderr, "sverka: %s: the table answers nothing (the word forms of %s are not "
                     "covered; see compile-forms): every lemma is asked of hunspell\n",
             opts->output, dic);
  else if (!opts->quiet)
    fprintf (stderr, "sverka: the lemmas of %u forms of %s compiled into %s\n", n_forms, dic,
             opts->output);
  return EXIT_OK;
}

static int
cmd_compile_forms (const SverkaCliOptions *opts, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  SverkaWordformsStats stats;

  if (!dictionary_files (opts, "compile-forms", name, &aff, &dic))
    return EXIT_USAGE;
  if (!sverka_wordforms_compile (aff, dic, opts->output, &stats, &error))
    return sverka_cli_fail (error);
  if (!stats.covers)
    fprintf (stderr,
             "sverka: %s: the table covers nothing (%s): the spelling notes will ask "
             "hunspell about every candidate word\n",
             opts->output, stats.why_not);
  else if (!opts->quiet)
    fprintf (stderr, "sverka: %u forms of %u entries of %s compiled into %s\n", stats.forms,
             stats.roots, dic, opts->output);
  g_free (stats.why_not);
  return EXIT_OK;
}

int
sverka_cli_lexicon (int argc, char **argv)
{
  static const char *const names[] = { "output-text", "langs-import", "min-count", "min-p", "dict-dir",
                                       "hunspell-dir", "quiet", NULL };
  SverkaCliOptions opts = { 0 };
  g_autofree GOptionEntry *entries = sverka_cli_option_entries (&opts, names);
  g_autoptr (GOptionContext) octx = sverka_cli_option_context (
      "lexicon",
      "import-dictd INDEX... | train CORPUS... | compile -o FILE LEXICON... | compile-forms -o "
      "FILE NAME | compile-lemmas -o FILE NAME",
      "import-dictd: turn a dictd dictionary (INDEX, e.g. /usr/share/dictd/mueller7.index, with\n"
      "its .dict.dz beside it) into a sverka lexicon file, every pair tagged general. FreeDict\n"
      "dictionaries (freedict-SRC-TGT.index) are read as FreeDict's; several of one language\n"
      "pair, both directions too, merge into one lexicon, columns in the order of --langs.\n"
      "train: learn a translation table (IBM Model 1 both ways, over the aligner's stems) from\n"
      "parallel corpora, each a TSV file (russian<TAB>english a line), a TMX or XLIFF file, or\n"
      "a Moses corpus (PREFIX.ru and PREFIX.en, named by PREFIX or either file), and write it\n"
      "as a lexicon file whose pairs are tagged learned,p=P; --lexicon uses it.\n"
      "compile: read lexicon files (in that order, as --lexicon would) and write them, analysed\n"
      "and indexed, as one compiled lexicon (-o FILE) that --lexicon maps at start-up instead\n"
      "of reading and analysing them; the build compiles the default lexicons this way.\n"
      "compile-forms: expand the hunspell dictionary NAME (ru_RU, en_US, en_GB: NAME.aff and\n"
      "NAME.dic in --hunspell-dir) into a table of its word forms (-o FILE) that spares hunspell\n"
      "the candidate corrections it would reject; the build makes forms-NAME.svk this way.\n"
      "compile-lemmas: ask hunspell for the lemma and spelling of every form of the dictionary\n"
      "NAME, in lower case, capitalised and in capitals, and of its forms with capitals inside,\n"
      "into a table (-o FILE) that answers for it at every run; the build makes lemmas-ru_RU.svk\n"
      "and lemmas-en_US.svk this way (a minute).",
      NULL, entries);
  int rc;

  if (!sverka_cli_parse (octx, "lexicon", &argc, &argv))
    rc = EXIT_USAGE;
  else if (argc >= 3 && strcmp (argv[1], "import-dictd") == 0)
    rc = cmd_import_dictd (&opts, argc - 2, argv + 2);
  else if (argc >= 3 && strcmp (argv[1], "train") == 0)
    rc = cmd_train (&opts, argc - 2, argv + 2);
  else if (argc >= 3 && strcmp (argv[1], "compile") == 0)
    rc = cmd_compile (&opts, argc - 2, argv + 2);
  else if (argc == 3 && strcmp (argv[1], "compile-forms") == 0)
    rc = cmd_compile_forms (&opts, argv[2]);
  else if (argc == 3 && strcmp (argv[1], "compile-lemmas") == 0)
    rc = cmd_compile_lemmas (&opts, argv[2]);
  else {
    fprintf (stderr, "sverka lexicon: expected 'import-dictd INDEX', 'train CORPUS...' or "
                     "'compile -o FILE LEXICON...', 'compile-forms -o FILE NAME' or 'compile-lemmas -o FILE "
                     "NAME'\n");
    rc = EXIT_USAGE;
  }
  sverka_cli_options_clear (&opts);
  return rc;
}
