/* bench-preprocess.c: preprocessing throughput.
 *
 * Loads, trims, segments and analyses (ICU word break, case fold, Snowball,
 * hunspell with the per-form cache) every file given, in one context on one
 * thread, and prints MB/s of raw text. Usage: bench-preprocess DICT_DIR FILE...
 */
#include <stdio.h>

#include "sverka.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  SverkaContextOptions opts;
  SverkaLoadOptions load;
  guint64 bytes = 0, sentences = 0, tokens = 0;
  gint64 t0, t_segment = 0, t_total;
  double cpu0, cpu;

  if (argc < 3) {
    fprintf (stderr, "usage: %s DICT_DIR FILE...\n", argv[0]);
    return 2;
  }
  sverka_context_options_init (&opts);
  opts.dictionary_dir = argv[1];
  sverka_load_options_init (&load);
  load.keep_all = TRUE;
  t0 = g_get_monotonic_time ();
  cpu0 = (double) clock () / CLOCKS_PER_SEC;
  ctx = sverka_context_new (&opts, &error);
  if (ctx == NULL) {
    fprintf (stderr, "%s\n", error->message);
    return 1;
  }
  for (int i = 2; i < argc; i++) {
    g_autoptr (SverkaDocument) doc = NULL;
    gsize len;
    gint64 t1 = g_get_monotonic_time ();
    doc = sverka_document_new_from_file (ctx, argv[i], &load, &error);
    if (doc == NULL) {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
    t_segment += g_get_monotonic_time () - t1;
    if (!sverka_document_analyze (doc, &error)) {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
    sverka_document_get_data (doc, &len);
    bytes += len;
    sentences += sverka_document_get_n_sentences (doc);
    tokens += sverka_document_get_n_tokens (doc);
  }
  t_total = g_get_monotonic_time () - t0;
  cpu = (double) clock () / CLOCKS_PER_SEC - cpu0;
  printf ("files: %d\nbytes: %" G_GUINT64_FORMAT "\nsentences: %" G_GUINT64_FORMAT
          "\ntokens: %" G_GUINT64_FORMAT "\n",
          argc - 2, bytes, sentences, tokens);
  printf ("load+trim+segment: %.2f s (%.1f MB/s)\n", t_segment / 1e6,
          bytes / 1e6 / (t_segment / 1e6));
  printf ("full pipeline (with context start-up and hunspell): %.2f s wall, %.2f s CPU, "
          "%.2f MB/s per core\n",
          t_total / 1e6, cpu, bytes / 1e6 / cpu);
  return 0;
}
