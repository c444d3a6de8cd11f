/* fuzz-bitext.c: libFuzzer harness for the readers of parallel corpora
 * (sverka-bitext.c, sverka-bitext-tmx.c) and the trainer of `sverka
 * lexicon train` (sverka-train.c).
 *
 * Input: a byte choosing the form (TSV, TMX, Moses), then the bytes of the
 * file (for Moses, the Russian file and the English one split at the first
 * form feed). Reading fails with an SVERKA_ERROR or gives pairs of UTF-8
 * segments with text on both sides, as many as it counts; trained on (a
 * few dozen at most, so that each input stays quick), they give an
 * SVERKA_ERROR or a lexicon file whose every entry is
 * "russian<TAB>english<TAB>learned,p=P" with P from the floor to 1.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include "sverka-bitext-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_PAIRS 64

static SverkaContext *ctx;
static guint runs;

typedef struct {
  SverkaTrainer *trainer;
  guint seen;
} Sink;

static gboolean
has_text (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

static gboolean
take (const SverkaBitextPair *pair, gpointer user_data, GError **error)
{
  Sink *sink = user_data;
  (void) error;
  fuzz_check (g_utf8_validate (pair->ru, -1, NULL) && g_utf8_validate (pair->en, -1, NULL));
  fuzz_check (has_text (pair->ru) && has_text (pair->en));
  sink->seen++;
  if (sink->seen <= MAX_PAIRS)
    sverka_trainer_add (sink->trainer, pair->ru, pair->en);
  return TRUE;
}

static void
check_lexicon (const char *text, double min_p)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  fuzz_check (g_str_has_prefix (text, "# sverka-lexicon 1\n"));
  fuzz_check (g_utf8_validate (text, -1, NULL));
  for (guint i = 0; lines[i] != NULL; i++) {
    g_auto (GStrv) f = NULL;
    double p;
    if (lines[i][0] == '\0' || lines[i][0] == '#')
      continue;
    f = g_strsplit (lines[i], "\t", -1);
    fuzz_check (g_strv_length (f) == 3 && *f[0] != '\0' && *f[1] != '\0');
    fuzz_check (g_str_has_prefix (f[2], "learned,p="));
    p = g_ascii_strtod (f[2] + strlen ("learned,p="), NULL);
    fuzz_check (p >= min_p - 0.0005 && p <= 1.0005);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaTrainer) trainer = NULL;
  g_autofree char *lexicon = NULL;
  SverkaTrainOptions opts;
  SverkaBitextStats stats = { 0 };
  Sink sink = { NULL, 0 };
  const char *bytes = (const char *) data + 1;
  gsize len = size > 0 ? size - 1 : 0;
  gboolean ok;

  if (size == 0)
    return 0;
  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  sverka_train_options_init (&opts);
  opts.min_count = 1;
  opts.iterations = 2;
  trainer = sverka_trainer_new (ctx, &opts);
  sink.trainer = trainer;
  switch (data[0] % 3) {
  case 0:
    ok = sverka_bitext_read_tsv ("fuzz.tsv", bytes, len, take, &sink, &stats, &error);
    break;
  case 1:
    ok = sverka_bitext_read_tmx ("fuzz.tmx", bytes, len, take, &sink, &stats, &error);
    break;
  default: {
    const char *ff = memchr (bytes, '\f', len);
    gsize ru_len = ff != NULL ? (gsize) (ff - bytes) : len;
    const char *en = ff != NULL ? ff + 1 : bytes + len;
    ok = sverka_bitext_read_moses ("fuzz.ru", bytes, ru_len, "fuzz.en", en,
                                   len - ru_len - (ff != NULL ? 1 : 0), take, &sink, &stats,
                                   &error);
    break;
  }
  }
  if (!ok) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    return 0;
  }
  fuzz_check (error == NULL && stats.pairs == sink.seen);
  if (sverka_trainer_get_n_pairs (trainer) == 0)
    return 0;
  lexicon = sverka_trainer_train (trainer, "fuzz", NULL, &error);
  if (lexicon == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    return 0;
  }
  check_lexicon (lexicon, opts.min_p);
  return 0;
}
