/* calib-evidence.c: the evidence behind the scores and the verdict, for
 * tests/eval/fit_calibration.py.
 *
 * Usage: calib-evidence [--mode auto|parallel|comparable] DICT_DIR LEXICON... -- DIR...
 *
 * Loads the lexicons once, then for each DIR aligns DIR/ru.txt with
 * DIR/en.txt as `sverka align --keep-all` does, and prints TSV records:
 *
 *   doc   DIR  verdict  mode  n_ru  n_en  n_searched  n_matched  n_anchors  n_off_diagonal
 *         n_copies  n_copyable  content_share  gap_share  matched_share  n_chain
 *         best_bins (comma-separated)  log_ratio  verdict_reason
 *   sent  DIR  ru|en  ID  text                     (every sentence, 1-based ids)
 *   row   DIR  ru_ids  en_ids  score  kind  x...   (kind pair or alone: the
 *         features of sverka-calibrate.c; kind none in comparable mode)
 *
 * A DIR that ends in ".xlf" is a bilingual XLIFF file, aligned as given
 * (sverka_bilingual_align()): only its rows are printed, kind given with
 * the features of sverka-calibrate-given.c for a row with both sides.
 *
 * Not installed; built with the tests.
 */
#include <stdio.h>
#include <string.h>

#include "sverka-align-private.h"
#include "sverka.h"

static void
print_text (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
print_ids (const guint *ids, guint n)
{
  for (guint k = 0; k < n; k++)
    printf (k > 0 ? ",%u" : "%u", ids[k] + 1);
}

static gboolean
run_given (SverkaContext *ctx, SverkaLexicon *lex, const char *path, GError **error)
{
  g_autoptr (SverkaBilingual) bi = sverka_bilingual_new_from_file (ctx, path, error);
  g_autoptr (SverkaAlignment) al = NULL;
  const SverkaDocCalibration *doc = NULL;
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  if (bi == NULL || (al = sverka_bilingual_align (bi, lex, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    const SverkaRowEvidence *rev = sverka_alignment_get_row_evidence (al, i, &doc);
    double x[SVERKA_CALIBRATE_N_GIVEN];
    printf ("row\t%s\t", path);
    print_ids (b->ru, b->n_ru);
    putchar ('\t');
    print_ids (b->en, b->n_en);
    printf ("\t%s\tgiven", g_ascii_formatd (num, sizeof num, "%.6f", b->score));
    if (rev != NULL && b->n_ru > 0 && b->n_en > 0) {
      sverka_calibrate_given_features (rev, doc, x);
      for (guint k = 0; k < SVERKA_CALIBRATE_N_GIVEN; k++)
        printf ("\t%s", g_ascii_formatd (num, sizeof num, "%.6g", x[k]));
    }
    putchar ('\n');
  }
  return TRUE;
}

static gboolean
run (SverkaContext *ctx, SverkaLexicon *lex, SverkaMode mode, const char *dir, GError **error)
{
  g_autofree char *ru_path = g_build_filename (dir, "ru.txt", NULL);
  g_autofree char *en_path = g_build_filename (dir, "en.txt", NULL);
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  SverkaLoadOptions lo;
  SverkaAlignOptions ao;
  const SverkaVerdictEvidence *ev;
  const SverkaDocCalibration *doc = NULL;
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  sverka_load_options_init (&lo);
  lo.keep_all = TRUE;
  lo.language = SVERKA_LANGUAGE_RU;
  ru = sverka_document_new_from_file (ctx, ru_path, &lo, error);
  if (ru == NULL)
    return FALSE;
  lo.language = SVERKA_LANGUAGE_EN;
  en = sverka_document_new_from_file (ctx, en_path, &lo, error);
  if (en == NULL)
    return FALSE;
  sverka_align_options_init (&ao);
  ao.mode = mode;
  al = sverka_align (lex, ru, en, &ao, error);
  if (al == NULL)
    return FALSE;
  ev = sverka_alignment_get_verdict_evidence (al);
  if (sverka_alignment_get_n_beads (al) > 0)
    sverka_alignment_get_row_evidence (al, 0, &doc);
  printf ("doc\t%s\t%s\t%s\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u", dir,
          sverka_verdict_to_string (sverka_alignment_get_verdict (al)),
          sverka_mode_to_string (sverka_alignment_get_mode (al)), ev->n_ru, ev->n_en,
          ev->n_searched, ev->n_matched, ev->n_anchors, ev->n_off_diagonal, ev->n_copies,
          ev->n_copyable);
  printf ("\t%s", g_ascii_formatd (num, sizeof num, "%.6f", doc != NULL ? doc->content_share : 0));
  printf ("\t%s", g_ascii_formatd (num, sizeof num, "%.6f", doc != NULL ? doc->gap_share : 0));
  printf ("\t%s", g_ascii_formatd (num, sizeof num, "%.6f", sverka_verdict_matched_share (ev)));
  printf ("\t%u\t", ev->n_chain);
  for (guint k = 0; k < SVERKA_VERDICT_BINS; k++)
    printf (k > 0 ? ",%u" : "%u", ev->best_bins[k]);
  printf ("\t%s\t", g_ascii_formatd (num, sizeof num, "%.4f", sverka_verdict_log_ratio (ev)));
  print_text (sverka_alignment_get_verdict_reason (al));
  putchar ('\n');
  for (guint side = 0; side < 2; side++) {
    SverkaDocument *d = side == 0 ? ru : en;
    for (guint i = 0; i < sverka_document_get_n_sentences (d); i++) {
      g_autofree char *text = sverka_document_dup_sentence_text (d, i);
      printf ("sent\t%s\t%s\t%u\t", dir, side == 0 ? "ru" : "en", i + 1);
      print_text (text);
      putchar ('\n');
    }
  }
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    const SverkaRowEvidence *rev = sverka_alignment_get_row_evidence (al, i, NULL);
    double x[MAX (SVERKA_CALIBRATE_N_PAIR, SVERKA_CALIBRATE_N_ALONE)];
    guint nx = 0;
    gboolean alone = b->n_ru == 0 || b->n_en == 0;
    printf ("row\t%s\t", dir);
    print_ids (b->ru, b->n_ru);
    putchar ('\t');
    print_ids (b->en, b->n_en);
    printf ("\t%s\t%s", g_ascii_formatd (num, sizeof num, "%.6f", b->score),
            rev == NULL ? "none" : alone ? "alone" : "pair");
    if (rev != NULL && alone) {
      sverka_calibrate_alone_features (rev, doc, x);
      nx = SVERKA_CALIBRATE_N_ALONE;
    } else if (rev != NULL) {
      sverka_calibrate_pair_features (rev, doc, x);
      nx = SVERKA_CALIBRATE_N_PAIR;
    }
    for (guint k = 0; k < nx; k++)
      printf ("\t%s", g_ascii_formatd (num, sizeof num, "%.6g", x[k]));
    putchar ('\n');
  }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  SverkaContextOptions copts;
  SverkaMode mode = SVERKA_MODE_PARALLEL;
  int i = 1;

  if (argc > 2 && strcmp (argv[1], "--mode") == 0) {
    if (!sverka_mode_from_string (argv[2], &mode)) {
      fprintf (stderr, "calib-evidence: --mode: expected auto, parallel or comparable\n");
      return 2;
    }
    i = 3;
  }
  if (argc - i < 3) {
    fprintf (stderr, "usage: %s [--mode MODE] DICT_DIR LEXICON... -- DIR...\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&copts);
  copts.dictionary_dir = argv[i++];
  ctx = sverka_context_new (&copts, &error);
  if (ctx == NULL) {
    fprintf (stderr, "calib-evidence: %s\n", error->message);
    return 4;
  }
  lex = sverka_lexicon_new (ctx);
  for (; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (!sverka_lexicon_load (lex, argv[i], &error)) {
      fprintf (stderr, "calib-evidence: %s\n", error->message);
      return 4;
    }
  for (i++; i < argc; i++) {
    if (g_str_has_suffix (argv[i], ".xlf") ? !run_given (ctx, lex, argv[i], &error)
                                           : !run (ctx, lex, mode, argv[i], &error)) {
      fprintf (stderr, "calib-evidence: %s: %s\n", argv[i], error->message);
      return 3;
    }
  }
  return fflush (stdout) == 0 ? 0 : 5;
}
