/* bench-html.c: the cost of the HTML report.
 *
 * Usage: bench-html DICT_DIR RU EN [LEXICON...]
 * Aligns RU and EN (parallel mode), then times separately the notes, the
 * similarity map and the HTML writer, and prints the page's size and the
 * map's number of points.
 */
#include <stdio.h>
#include <string.h>

#include "bench-common.h"
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
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaSimMap) map = NULL;
  g_autofree char *html = NULL;
  SverkaContextOptions copts;
  SverkaLoadOptions lopts;
  SverkaAlignOptions aopts;
  double t0, t_align, t_notes, t_map, t_html;
  guint n_points;

  if (argc < 4) {
    fprintf (stderr, "usage: %s DICT_DIR RU EN [LEXICON...]\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&copts);
  copts.dictionary_dir = argv[1];
  sverka_load_options_init (&lopts);
  sverka_align_options_init (&aopts);
  aopts.mode = SVERKA_MODE_PARALLEL;

  ctx = sverka_context_new (&copts, &error);
  if (ctx == NULL)
    return bench_die (error);
  lex = sverka_lexicon_new (ctx);
  for (int i = 4; i < argc; i++)
    if (!sverka_lexicon_load (lex, argv[i], &error))
      return bench_die (error);
  lopts.language = SVERKA_LANGUAGE_RU;
  ru = sverka_document_new_from_file (ctx, argv[2], &lopts, &error);
  if (ru == NULL)
    return bench_die (error);
  lopts.language = SVERKA_LANGUAGE_EN;
  en = sverka_document_new_from_file (ctx, argv[3], &lopts, &error);
  if (en == NULL)
    return bench_die (error);
  t0 = bench_now ();
  al = sverka_align (lex, ru, en, &aopts, &error);
  if (al == NULL)
    return bench_die (error);
  t_align = bench_now ();
  notes = sverka_notes_new (lex, al, ru, en, &error);
  if (notes == NULL)
    return bench_die (error);
  t_notes = bench_now ();
  map = sverka_simmap_new (lex, ru, en, 3, &error);
  if (map == NULL)
    return bench_die (error);
  t_map = bench_now ();
  html = sverka_write_html (al, notes, map, ru, en);
  t_html = bench_now ();
  sverka_simmap_get_points (map, &n_points);

  printf ("sentences: %u ru x %u en, %u beads, %u notes\n", sverka_document_get_n_sentences (ru),
          sverka_document_get_n_sentences (en), sverka_alignment_get_n_beads (al),
          sverka_notes_get_n_notes (notes));
  printf ("analyse+align %.2f s, notes %.2f s, similarity map %.2f s (%u points), "
          "HTML %.2f s (%.1f MB)\n",
          t_align - t0, t_notes - t_align, t_map - t_notes, n_points, t_html - t_map,
          strlen (html) / 1e6);
  return 0;
}
