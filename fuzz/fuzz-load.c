/* fuzz-load.c: libFuzzer harness for loading and segmentation.
 *
 * Input: one byte of options, then the text. Bit 0 of the options byte:
 * keep_all; bits 1-2: language (0 auto, 1 ru, 2 en, 3 auto); bit 3: analyse
 * the words too; bit 4: load it as already split, one sentence per line
 * (sverka_document_new_from_lines()). Loading either fails with an
 * SVERKA_ERROR or gives a document whose properties are checked:
 * - lines cover the text in order; sentences are in order, do not overlap
 *   and lie within the text;
 * - nothing is lost: the sentences hold every character of the kept lines
 *   except white space and control characters, in order;
 * - the cleaned sentence text has no tab, line end or control character;
 * - tokens (when analysed) lie within their sentence, in order;
 * - split already: one sentence per non-blank line, its id its line number.
 */
#include "fuzz-common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static guint runs;

static void
check_document (SverkaDocument *doc, gboolean analyzed)
{
  gsize len;
  const char *text = sverka_document_get_data (doc, &len);
  g_autoptr (GString) kept = g_string_new (NULL);
  g_autoptr (GString) got = g_string_new (NULL);
  gsize prev_end = 0;

  for (guint i = 0; i < sverka_document_get_n_lines (doc); i++) {
    const SverkaLine *l = sverka_document_get_line (doc, i);
    fuzz_check (l->start <= l->end && l->end <= len);
    fuzz_check (l->number == i + 1);
    if (!l->trimmed)
      fuzz_append_visible (kept, text + l->start, l->end - l->start);
  }
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, i);
    g_autofree char *clean = sverka_document_dup_sentence_text (doc, i);
    fuzz_check (s->start < s->end && s->end <= len);
    fuzz_check (s->start >= prev_end);
    fuzz_check (g_utf8_validate (text + s->start, (gssize) (s->end - s->start), NULL));
    prev_end = s->end;
    fuzz_append_visible (got, text + s->start, s->end - s->start);
    fuzz_check (g_utf8_validate (clean, -1, NULL));
    fuzz_check_clean (clean);
    if (analyzed) {
      for (guint t = s->first_token; t < s->first_token + s->n_tokens; t++) {
        const SverkaToken *tok = sverka_document_get_token (doc, t);
        fuzz_check (tok->sentence == i);
        fuzz_check (tok->start >= s->start && tok->end <= s->end && tok->start < tok->end);
        fuzz_check (tok->word != NULL && tok->word->fold != NULL && tok->word->stem != NULL);
      }
    }
  }
  if (strcmp (kept->str, got->str) != 0) {
    fprintf (stderr, "fuzz: kept text:\n%s\nsentences:\n%s\n", kept->str, got->str);
    fuzz_check (!"nothing lost");
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) doc = NULL;
  SverkaLoadOptions opts;
  guint flags;
  gboolean analyze, lines;

  if (size < 1)
    return 0;
  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  flags = data[0];
  sverka_load_options_init (&opts);
  opts.keep_all = (flags & 1) != 0;
  opts.language = (flags >> 1) & 3;
  if (opts.language == 3)
    opts.language = SVERKA_LANGUAGE_AUTO;
  analyze = (flags & 8) != 0;
  lines = (flags & 16) != 0;
  doc = lines ? sverka_document_new_from_lines (ctx, "fuzz", (const char *) data + 1, size - 1,
                                                &opts, &error)
              : sverka_document_new_from_data (ctx, "fuzz", (const char *) data + 1, size - 1,
                                               &opts, &error);
  if (doc == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR && error->message[0] != '\0');
    return 0;
  }
  fuzz_check (sverka_document_get_n_sentences (doc) > 0);
  if (analyze && !sverka_document_analyze (doc, &error)) {
    fprintf (stderr, "fuzz: analysis failed: %s\n", error->message);
    abort ();
  }
  check_document (doc, analyze);
  if (lines) {
    guint k = 0;
    for (guint i = 0; i < sverka_document_get_n_lines (doc); i++) {
      const SverkaLine *l = sverka_document_get_line (doc, i);
      fuzz_check (!l->trimmed);
      if (l->blank)
        continue;
      fuzz_check (k < sverka_document_get_n_sentences (doc));
      fuzz_check (sverka_document_get_sentence_id (doc, k) == l->number);
      fuzz_check (sverka_document_get_sentence (doc, k)->start >= l->start
                  && sverka_document_get_sentence (doc, k)->end <= l->end);
      k++;
    }
    fuzz_check (k == sverka_document_get_n_sentences (doc));
  }
  return 0;
}
