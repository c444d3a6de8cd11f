/* bench-align.c: end-to-end alignment speed and memory.
 *
 * Usage: bench-align [--notes] DICT_DIR RU EN [LEXICON...]
 * Reads, segments, analyses and aligns (parallel mode) RU and EN on one
 * thread, checks the alignment for notes with --notes, writes the TSV to
 * memory, and prints the time of each phase with the peak resident set
 * size at its end, and sentences per second. The build tree's tables of
 * hunspell's word forms are used, as the command line run from it does.
 */
#include "config.h"

#include <stdio.h>

#include "bench-common.h"
#include "sverka-context-private.h"
#include "sverka.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;
  SverkaContextOptions copts;
  SverkaLoadOptions lopts;
  SverkaAlignOptions aopts;
  g_autoptr (SverkaNotes) notes = NULL;
  double t0, t_lex, t_load, t_analyze, t_align, t_notes, t_write, peak_rss;
  double m_lex, m_load, m_analyze, m_align, m_notes;
  char notes_part[64] = "";
  gboolean with_notes = argc > 1 && g_strcmp0 (argv[1], "--notes") == 0;
  guint n_ru, n_en;

  if (with_notes) {
    argc--;
    argv++;
  }
  if (argc < 4) {
    fprintf (stderr, "usage: %s [--notes] DICT_DIR RU EN [LEXICON...]\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&copts);
  copts.dictionary_dir = argv[1];
  sverka_load_options_init (&lopts);
  sverka_align_options_init (&aopts);
  aopts.mode = SVERKA_MODE_PARALLEL;

  t0 = bench_now ();
  ctx = sverka_context_new (&copts, &error);
  if (ctx == NULL)
    return bench_die (error);
  sverka_context_set_compiled_dir (ctx, SVERKA_BUILD_ROOT "/dictionaries");
  lex = sverka_lexicon_new (ctx);
  for (int i = 4; i < argc; i++)
    if (!sverka_lexicon_load (lex, argv[i], &error))
      return bench_die (error);
  t_lex = bench_now ();
  m_lex = bench_peak_rss_mb ();
  lopts.language = SVERKA_LANGUAGE_RU;
  ru = sverka_document_new_from_file (ctx, argv[2], &lopts, &error);
  if (ru == NULL)
    return bench_die (error);
  lopts.language = SVERKA_LANGUAGE_EN;
  en = sverka_document_new_from_file (ctx, argv[3], &lopts, &error);
  if (en == NULL)
    return bench_die (error);
  t_load = bench_now ();
  m_load = bench_peak_rss_mb ();
  if (!sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error))
    return bench_die (error);
  /* as the command line does without notes */
  if (!with_notes)
    sverka_context_close_hunspell (ctx);
  t_analyze = bench_now ();
  m_analyze = bench_peak_rss_mb ();
  al = sverka_align (lex, ru, en, &aopts, &error);
  if (al == NULL)
    return bench_die (error);
  t_align = bench_now ();
  m_align = bench_peak_rss_mb ();
  if (with_notes) {
    notes = sverka_notes_new (lex, al, ru, en, &error);
    if (notes == NULL)
      return bench_die (error);
  }
  t_notes = bench_now ();
  m_notes = bench_peak_rss_mb ();
  tsv = sverka_write_tsv (al, ru, en);
  t_write = bench_now ();
  peak_rss = bench_peak_rss_mb ();

  n_ru = sverka_document_get_n_sentences (ru);
  n_en = sverka_document_get_n_sentences (en);
  printf ("sentences: %u ru x %u en, %u beads, lexicon %u entries\n", n_ru, n_en,
          sverka_alignment_get_n_beads (al), sverka_lexicon_get_n_entries (lex));
  if (with_notes)
    g_snprintf (notes_part, sizeof notes_part, "notes %.2f s (%u notes), ", t_notes - t_align,
                sverka_notes_get_n_notes (notes));
  printf ("lexicon %.2f s, read+segment %.2f s, analyse %.2f s, align %.2f s, %swrite %.2f s\n",
          t_lex - t0, t_load - t_lex, t_analyze - t_load, t_align - t_analyze, notes_part,
          t_write - t_notes);
  printf ("peak RSS after: lexicon %.0f MB, read+segment %.0f MB, analyse %.0f MB, align %.0f MB, "
          "%s%.0f MB\n",
          m_lex, m_load, m_analyze, m_align, with_notes ? "notes " : "", m_notes);
  printf ("total %.2f s, %.0f sentences/s, peak RSS %.0f MB\n", t_write - t0,
          (n_ru + n_en) / (t_write - t0), peak_rss);
  return 0;
}
