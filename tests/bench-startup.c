/* bench-startup.c: the cost of starting, before anything is aligned.
 *
 * Usage: bench-startup DICT_DIR LEXICON...
 * Creates a context, loads the lexicons (lexicon files, or a compiled
 * lexicon that is mapped), then analyses one Russian and one English word
 * with their spelling, the library's default (which opens the Snowball
 * stemmers and maps the build's tables of hunspell's lemmas as the command
 * line does: ru_RU and en_US are opened only for a word they cannot answer,
 * en_GB only for a word en_US rejects and its word forms do not rule out),
 * and prints the time and
 * the peak resident set size after each step. Each configuration needs a
 * process of its own: the peak only grows.
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
  SverkaContextOptions copts;
  SverkaLoadOptions lopts;
  double t0, t_ctx, t_lex, t_words, rss_ctx, rss_lex;
  static const char ru_text[] = "Мир.";
  static const char en_text[] = "Peace.";

  if (argc < 3) {
    fprintf (stderr, "usage: %s DICT_DIR LEXICON...\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&copts);
  copts.dictionary_dir = argv[1];
  sverka_load_options_init (&lopts);

  t0 = bench_now ();
  ctx = sverka_context_new (&copts, &error);
  if (ctx == NULL)
    return bench_die (error);
  sverka_context_set_compiled_dir (ctx, SVERKA_BUILD_ROOT "/dictionaries");
  t_ctx = bench_now ();
  rss_ctx = bench_peak_rss_mb ();
  lex = sverka_lexicon_new (ctx);
  for (int i = 2; i < argc; i++)
    if (!sverka_lexicon_load (lex, argv[i], &error))
      return bench_die (error);
  t_lex = bench_now ();
  rss_lex = bench_peak_rss_mb ();
  lopts.language = SVERKA_LANGUAGE_RU;
  ru = sverka_document_new_from_data (ctx, "ru", ru_text, sizeof ru_text - 1, &lopts, &error);
  lopts.language = SVERKA_LANGUAGE_EN;
  en = ru != NULL ? sverka_document_new_from_data (ctx, "en", en_text, sizeof en_text - 1, &lopts, &error) : NULL;
  if (en == NULL || !sverka_document_analyze (ru, &error) || !sverka_document_analyze (en, &error))
    return bench_die (error);
  t_words = bench_now ();

  printf ("context %.3f s (peak RSS %.1f MB); lexicons %.3f s, %u entries (peak RSS %.1f MB); "
          "start-up %.3f s; first words, with their spelling (stemmers, tables of lemmas) %.3f s (peak RSS %.1f MB)\n",
          t_ctx - t0, rss_ctx, t_lex - t_ctx, sverka_lexicon_get_n_entries (lex), rss_lex,
          t_lex - t0, t_words - t_lex, bench_peak_rss_mb ());
  return 0;
}
