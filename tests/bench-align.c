/* bench-align.c: end-to-end alignment speed and memory.
 *
 * Usage: bench-align DICT_DIR RU EN [LEXICON...]
 * Reads, segments, analyses and aligns (parallel mode) RU and EN on one
 * thread, writes the TSV to memory, and prints the time of each phase,
 * sentences per second and the peak resident set size.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "sverka.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
die (const GError *error)
{
  fprintf (stderr, "%s\n", error->message);
  return 1;
}

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
  struct rusage ru_usage;
  double t0, t_lex, t_load, t_analyze, t_align, t_write;
  guint n_ru, n_en;

  if (argc < 4) {
    fprintf (stderr, "usage: %s DICT_DIR RU EN [LEXICON...]\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&copts);
  copts.dictionary_dir = argv[1];
  sverka_load_options_init (&lopts);
  sverka_align_options_init (&aopts);
  aopts.mode = SVERKA_MODE_PARALLEL;

  t0 = now ();
  ctx = sverka_context_new (&copts, &error);
  if (ctx == NULL)
    return die (error);
  lex = sverka_lexicon_new (ctx);
  for (int i = 4; i < argc; i++)
    if (!sverka_lexicon_load (lex, argv[i], &error))
      return die (error);
  t_lex = now ();
  lopts.language = SVERKA_LANGUAGE_RU;
  ru = sverka_document_new_from_file (ctx, argv[2], &lopts, &error);
  if (ru == NULL)
    return die (error);
  lopts.language = SVERKA_LANGUAGE_EN;
  en = sverka_document_new_from_file (ctx, argv[3], &lopts, &error);
  if (en == NULL)
    return die (error);
  t_load = now ();
  if (!sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error))
    return die (error);
  t_analyze = now ();
  al = sverka_align (lex, ru, en, &aopts, &error);
  if (al == NULL)
    return die (error);
  t_align = now ();
  tsv = sverka_write_tsv (al, ru, en);
  t_write = now ();
  getrusage (RUSAGE_SELF, &ru_usage);

  n_ru = sverka_document_get_n_sentences (ru);
  n_en = sverka_document_get_n_sentences (en);
  printf ("sentences: %u ru x %u en, %u beads, lexicon %u entries\n", n_ru, n_en,
          sverka_alignment_get_n_beads (al), sverka_lexicon_get_n_entries (lex));
  printf ("lexicon %.2f s, read+segment %.2f s, analyse %.2f s, align %.2f s, write %.2f s\n",
          t_lex - t0, t_load - t_lex, t_analyze - t_load, t_align - t_analyze, t_write - t_align);
  printf ("total %.2f s, %.0f sentences/s, peak RSS %.0f MB\n", t_write - t0,
          (n_ru + n_en) / (t_write - t0), ru_usage.ru_maxrss / 1024.0);
  return 0;
}
