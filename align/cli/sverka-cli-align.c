/* sverka-cli-align.c: `sverka align RU_FILE EN_FILE`, one pair of texts, every output. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"
#include "sverka-context-private.h"
#include "sverka-cli-formats-private.h"

/* Warns when the script of the letters says that a side is not in the
 * language it is given as: files swapped, or both in one language. */
static void
check_languages (SverkaDocument *ru, SverkaDocument *en, const SverkaCliOptions *opts)
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
             "aligning as asked (give a Russian text first, or name another pair with --langs, "
             "such as de,fr)\n",
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

/* The pair told by the script of the letters, when no --langs says it: a
 * first file in Latin letters and a second in Cyrillic ones are English and
 * Russian given the other way round. They are loaded again, the Russian
 * first, so that every output and check has its sides right; standard input
 * cannot be read twice, and then the warning of check_languages() stands.
 * Returns FALSE with @error set if a file cannot be read again. */
static gboolean
swap_by_script (SverkaContext *ctx, const SverkaCliOptions *opts, const char *ru_path,
                const char *en_path, SverkaDocument **ru, SverkaDocument **en, GError **error)
{
  SverkaCliOptions swapped = *opts;
  g_autofree char *encoding = NULL;
  g_autoptr (SverkaDocument) first = NULL;
  double latin = 100 * (1 - sverka_document_get_cyrillic_share (*ru));
  double cyrillic = 100 * sverka_document_get_cyrillic_share (*en);

  if (opts->langs != NULL || strcmp (ru_path, "-") == 0 || strcmp (en_path, "-") == 0
      || sverka_document_get_detected_language (*ru) != SVERKA_LANGUAGE_EN
      || sverka_document_get_detected_language (*en) != SVERKA_LANGUAGE_RU)
    return TRUE;
  /* "RU_NAME,EN_NAME" names the files' encodings in the order given */
  if (opts->encoding != NULL && strchr (opts->encoding, ',') != NULL) {
    const char *comma = strchr (opts->encoding, ',');
    encoding = g_strdup_printf ("%s,%.*s", comma + 1, (int) (comma - opts->encoding),
                                opts->encoding);
    swapped.encoding = encoding;
  }
  first = sverka_cli_load_as (ctx, en_path, &swapped, SVERKA_LANGUAGE_RU, error);
  if (first == NULL)
    return FALSE;
  sverka_document_free (*en);
  *en = sverka_cli_load_as (ctx, ru_path, &swapped, SVERKA_LANGUAGE_EN, error);
  if (*en == NULL)
    return FALSE;
  sverka_document_free (*ru);
  *ru = g_steal_pointer (&first);
  if (!opts->quiet)
    fprintf (stderr,
             "sverka: %s is English (%.0f%% of its letters Latin) and %s Russian (%.0f%% "
             "Cyrillic): aligned with the Russian first, as every output names it (--langs en,ru "
             "keeps the order given)\n",
             ru_path, latin, en_path, cyrillic);
  return TRUE;
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

/* Options that do not apply to a bilingual file, whose units are given. */
static gboolean
bilingual_options_ok (const SverkaCliOptions *opts)
{
  const char *bad = opts->review != NULL                                      ? "--review"
                    : opts->mode != NULL && strcmp (opts->mode, "comparable") == 0 ? "--mode comparable"
                    : opts->split != NULL                                     ? "--split"
                    : opts->encoding != NULL                                  ? "--encoding"
                    : opts->input_format != NULL && strcmp (opts->input_format, "auto") != 0
                            && strcmp (opts->input_format, "xliff") != 0
                        ? "--input-format"
                        : NULL;
  if (bad != NULL)
    fprintf (stderr, "sverka align: %s does not apply to a bilingual (XLIFF) file, whose "
                     "segments are paired as given\n", bad);
  return bad == NULL;
}

/* Reads the bilingual file @path ("-": standard input). */
static SverkaBilingual *
load_bilingual (SverkaContext *ctx, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  const char *name = strcmp (path, "-") == 0 ? "standard input" : path;

  if (!sverka_cli_read_input (path, &data, &len, error))
    return NULL;
  if (!sverka_bilingual_is_xliff (data, len)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: one file is aligned only when it is a bilingual XLIFF file; give a "
                 "Russian and an English file (sverka align RU_FILE EN_FILE)",
                 name);
    return NULL;
  }
  return sverka_bilingual_new_from_data (ctx, name, data, len, error);
}

/* Aligns RU_FILE and EN_FILE, or with @en_path NULL checks the bilingual
 * file @ru_path as its units pair it. */
static int
cmd_align (const SverkaCliOptions *opts, const char *ru_path, const char *en_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = sverka_cli_make_context (opts, &error);
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaDocument) ru_owned = NULL;
  g_autoptr (SverkaDocument) en_owned = NULL;
  g_autoptr (SverkaBilingual) bilingual = NULL;
  SverkaDocument *ru, *en;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaReview) review = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaSimMap) map = NULL;
  g_autoptr (GPtrArray) outputs = NULL;
  SverkaAlignOptions align_opts;
  gboolean no_notes;
  SverkaCliFormats formats = {
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
    if (!sverka_cli_parse_min_score (opts->min_score, &formats.min_score, &error)) {
      fprintf (stderr, "sverka align: %s\n", error->message);
      return EXIT_USAGE;
    }
    formats.filter = TRUE;
  }
  if (ctx != NULL) {
    formats.codes[0] = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST);
    formats.codes[1] = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_SECOND);
  }
  if (!sverka_cli_formats_check (&formats, &error)) {
    fprintf (stderr, "sverka align: %s\n", error->message);
    return EXIT_USAGE;
  }
  /* Without notes the words need no spelling status, and hunspell no
   * place in memory once they are analysed. */
  no_notes = !sverka_cli_formats_need_notes (&formats) && opts->fail_on == NULL;
  if (no_notes && ctx != NULL)
    sverka_context_set_spelling (ctx, FALSE);
  if (en_path == NULL && !bilingual_options_ok (opts))
    return EXIT_USAGE;
  if (en_path != NULL && g_strcmp0 (opts->input_format, "xliff") == 0) {
    fprintf (stderr, "sverka align: an XLIFF file holds both sides: give it alone, "
                     "'sverka align FILE.xlf'\n");
    return EXIT_USAGE;
  }
  if (en_path != NULL && strcmp (ru_path, "-") == 0 && strcmp (en_path, "-") == 0) {
    fprintf (stderr, "sverka align: only one side can be read from standard input\n");
    return EXIT_USAGE;
  }
  if (ctx == NULL)
    return sverka_cli_fail (error);
  if (en_path == NULL) {
    bilingual = load_bilingual (ctx, ru_path, &error);
    if (bilingual == NULL)
      return sverka_cli_fail (error);
    ru = sverka_bilingual_get_ru (bilingual);
    en = sverka_bilingual_get_en (bilingual);
    if (!opts->quiet) {
      guint left_out = sverka_bilingual_get_n_left_out (bilingual);
      gboolean first_is_source
          = sverka_bilingual_get_source_language (bilingual) == SVERKA_LANGUAGE_FIRST;
      fprintf (stderr, "sverka: %s: %u segments, %s to %s", ru_path,
               sverka_bilingual_get_n_units (bilingual),
               sverka_document_get_language_name (first_is_source ? ru : en),
               sverka_document_get_language_name (first_is_source ? en : ru));
      if (left_out > 0)
        fprintf (stderr, "; %u unit%s marked translate=\"no\" left out", left_out,
                 left_out == 1 ? "" : "s");
      fprintf (stderr, "\n");
    }
  } else {
    ru = ru_owned = sverka_cli_load_as (ctx, ru_path, opts, SVERKA_LANGUAGE_RU, &error);
    if (ru == NULL)
      return sverka_cli_fail (error);
    en = en_owned = sverka_cli_load_as (ctx, en_path, opts, SVERKA_LANGUAGE_EN, &error);
    if (en == NULL)
      return sverka_cli_fail (error);
    if (sverka_context_is_ru_en (ctx)) {
      if (!swap_by_script (ctx, opts, ru_path, en_path, &ru_owned, &en_owned, &error))
        return sverka_cli_fail (error);
      ru = ru_owned;
      en = en_owned;
      check_languages (ru, en, opts);
    }
  }
  /* Analysed before the lexicons, so that a missing hunspell dictionary or
   * stemmer is reported as such, not at a lexicon's line. */
  if (!sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error))
    return sverka_cli_fail (error);
  sverka_cli_report_trimmed (ru, opts);
  sverka_cli_report_trimmed (en, opts);
  /* The words are analysed: without notes, the tables of lemmas and
   * hunspell leave memory to the alignment. The notes keep the tables: the
   * spelling of the words they analyse later is read from them, and
   * hunspell is opened only for what they cannot tell (opening ru_RU and
   * en_US took 0.2 s of each run with notes). */
  if (no_notes) {
    sverka_context_release_lemma_tables (ctx);
    sverka_context_close_hunspell (ctx);
  }
  lex = sverka_cli_load_lexicons (ctx, opts->lexicons, opts->quiet, &error);
  if (lex == NULL)
    return sverka_cli_fail (error);
  if (opts->review != NULL) {
    review = sverka_review_new_from_file (opts->review, &error);
    if (review == NULL)
      return sverka_cli_fail (error);
  }
  al = bilingual != NULL ? sverka_bilingual_align (bilingual, lex, &error)
                         : sverka_align_reviewed (lex, ru, en, &align_opts, review, &error);
  if (al == NULL) {
    if (review != NULL && error->domain == SVERKA_ERROR
        && error->code == SVERKA_ERROR_INVALID_ARGUMENT) {
      fprintf (stderr, "sverka align: --review: %s\n", error->message);
      return EXIT_USAGE;
    }
    return sverka_cli_fail (error);
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
  if (sverka_cli_formats_need_notes (&formats) || opts->fail_on != NULL) {
    notes = sverka_notes_new (lex, al, ru, en, &error);
    if (notes == NULL)
      return sverka_cli_fail (error);
    if (!opts->quiet && sverka_notes_get_skipped_checks (notes)[0] != NULL) {
      g_autofree char *skipped =
          g_strjoinv (", ", (char **) sverka_notes_get_skipped_checks (notes));
      fprintf (stderr,
               "sverka: notes: not checked for %s and %s: %s (these checks need data files "
               "the packs lack)\n",
               sverka_document_get_language_code (ru), sverka_document_get_language_code (en),
               skipped);
    }
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
        return sverka_cli_fail (error);
      if (!opts->quiet)
        fprintf (stderr, "sverka: %u note%s accepted in %s left out\n", n_accepted,
                 n_accepted == 1 ? "" : "s", opts->accept);
    }
  }
  if (sverka_cli_formats_need_map (&formats)) {
    map = sverka_simmap_new (lex, ru, en, 3, &error);
    if (map == NULL)
      return sverka_cli_fail (error);
  }
  outputs = sverka_cli_formats_render (&formats, al, notes, map, ru, en, &n_left_out);
  if (opts->out_dir != NULL && g_mkdir_with_parents (opts->out_dir, 0777) != 0) {
    fprintf (stderr, "sverka: %s: cannot create the output folder: %s\n", opts->out_dir,
             g_strerror (errno));
    return EXIT_OUTPUT;
  }
  for (guint i = 0; i < outputs->len; i++) {
    const SverkaCliOutput *o = g_ptr_array_index (outputs, i);
    int rc = sverka_cli_write_output (o->path, o->text, strlen (o->text));
    if (rc != EXIT_OK)
      return rc;
  }
  /* Not silenced by -q: rows that were asked for are missing. */
  if (formats.filter) {
    g_autofree char *msg = sverka_cli_min_score_message (
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

int
sverka_cli_align (int argc, char **argv)
{
  static const char *const names[] = {
    "mode", "output", "format", "jsonl-style", "out-dir", "notes", "notes-md", "notes-jsonl",
    "html", "review", "fail-on", "min-score", "accept", "lexicon", "tmx-lang", "tmx-1to1",
    "split", "input-format", "encoding-pair", "keep-all", "show-trimmed", "langs", "dict-dir",
    "hunspell-dir", "quiet", NULL,
  };
  SverkaCliOptions opts = { 0 };
  g_autofree GOptionEntry *entries = sverka_cli_option_entries (&opts, names);
  g_autoptr (GOptionContext) octx = sverka_cli_option_context (
      "align", "RU_FILE EN_FILE | XLIFF_FILE",
      "Align a Russian text (RU_FILE) and an English one (EN_FILE) sentence by sentence and\n"
      "write the parallel TSV (or --format), the discrepancy notes (--notes...), the HTML\n"
      "report (--html) or everything (--out-dir). A FILE may be - for standard input.\n"
      "A bilingual XLIFF file (1.2 or 2.x, from a CAT tool) is checked as its segments pair\n"
      "its source and target, without realignment; its notes name the units.",
      sverka_cli_out_dir_help, entries);
  int rc;

  if (!sverka_cli_parse (octx, "align", &argc, &argv))
    rc = EXIT_USAGE;
  else if (argc != 3 && argc != 2) {
    fprintf (stderr, "sverka align: expected RU_FILE and EN_FILE (or one XLIFF file), found %d "
                     "files\n",
             argc - 1);
    rc = EXIT_USAGE;
  } else
    rc = cmd_align (&opts, argv[1], argc == 3 ? argv[2] : NULL);
  sverka_cli_options_clear (&opts);
  return rc;
}
