/* fuzz-review.c: libFuzzer harness for review files (sverka-review.h) and
 * alignment with them (sverka_align_reviewed()).
 *
 * The documents are fixed: a three-sentence Russian report and a
 * five-sentence English source. Input: one byte, then the review file.
 * If the byte is odd, a valid header for these documents is put before the
 * rest (so that the decisions are reached); else the rest is the whole file.
 * If bit 2 is set too, that header gives the English members before the
 * Russian ones (the reader takes the codes in either order).
 * If bit 1 of the byte is set, the rest is instead an accept file
 * (sverka_notes_accept(), the other translator's file), with the notes
 * TSV's header put before it when bit 0 is set: it fails naming the file
 * and line, or leaves out only notes it lists, keeping the others in
 * order.
 *
 * Properties checked: a review under the harness's header (either order)
 * is refused for an id out of range only; when the review reads and fits
 * the documents, its languages are theirs, ru then en; every
 * report sentence decided is linked to exactly the source sentences given,
 * in rows flagged SVERKA_BEAD_REVIEWED that score 1; every other report
 * sentence keeps the links it has without the review; every sentence of
 * both sides is still in the alignment.
 */
#define FUZZ_CONTEXT_RUNS 2000
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char ru_text[] = "Президент провел встречу с генеральным секретарем НАТО.\n"
                              "Стороны обсудили энергетическую безопасность.\n"
                              "Было отмечено сотрудничество в Афганистане.\n";
static const char en_text[] = "The President met the NATO Secretary General in Brussels.\n"
                              "They discussed energy security in the region.\n"
                              "Azerbaijan supplies natural gas to Europe.\n"
                              "We worked together in Afghanistan for many years.\n"
                              "Thank you very much.\n";

static SverkaContext *ctx;
static SverkaLexicon *lex;
static SverkaDocument *ru, *en;
static SverkaAlignment *plain;
static char *header;
static char *header_en_first;
static guint runs;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *ru_sha = NULL;
  g_autofree char *en_sha = NULL;
  SverkaLoadOptions ru_opts, en_opts;
  SverkaAlignOptions aopts;

  g_clear_pointer (&plain, sverka_alignment_free);
  g_clear_pointer (&ru, sverka_document_free);
  g_clear_pointer (&en, sverka_document_free);
  g_clear_pointer (&lex, sverka_lexicon_free);
  g_clear_pointer (&ctx, sverka_context_unref);
  g_clear_pointer (&header, g_free);
  g_clear_pointer (&header_en_first, g_free);
  ctx = fuzz_context_new ();
  lex = sverka_lexicon_new (ctx);
  seed = g_build_filename (fuzz_dict_dir (), "ru-en.tsv", NULL);
  sverka_load_options_init (&ru_opts);
  ru_opts.language = SVERKA_LANGUAGE_RU;
  en_opts = ru_opts;
  en_opts.language = SVERKA_LANGUAGE_EN;
  ru = sverka_document_new_from_data (ctx, "ru", ru_text, strlen (ru_text), &ru_opts, &error);
  en = ru != NULL ? sverka_document_new_from_data (ctx, "en", en_text, strlen (en_text), &en_opts,
                                                   &error)
                  : NULL;
  sverka_align_options_init (&aopts);
  aopts.mode = SVERKA_MODE_COMPARABLE;
  if (!sverka_lexicon_load (lex, seed, &error) || en == NULL
      || (plain = sverka_align (lex, ru, en, &aopts, &error)) == NULL) {
    fprintf (stderr, "fuzz: %s\n", error->message);
    abort ();
  }
  ru_sha = sverka_review_digest (ru);
  en_sha = sverka_review_digest (en);
  header = g_strdup_printf ("{\"sverka_review\":1,\"report\":\"ru\",\"ru_sentences\":%u,"
                            "\"en_sentences\":%u,\"ru_sha256\":\"%s\",\"en_sha256\":\"%s\"}\n",
                            sverka_document_get_n_sentences (ru),
                            sverka_document_get_n_sentences (en), ru_sha, en_sha);
  header_en_first
      = g_strdup_printf ("{\"en_sha256\":\"%s\",\"en_sentences\":%u,\"sverka_review\":1,"
                         "\"report\":\"ru\",\"ru_sentences\":%u,\"ru_sha256\":\"%s\"}\n",
                         en_sha, sverka_document_get_n_sentences (en),
                         sverka_document_get_n_sentences (ru), ru_sha);
}

/* The source sentences linked to report sentence @r in @al, as a bit set,
 * and in *@reviewed whether its row is flagged. */
static guint
links_of (SverkaAlignment *al, guint r, gboolean *reviewed, double *score)
{
  guint set = 0;
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    if (b->n_ru != 1 || b->ru[0] != r)
      continue;
    for (guint k = 0; k < b->n_en; k++)
      set |= 1u << b->en[k];
    if (reviewed != NULL)
      *reviewed = (b->flags & SVERKA_BEAD_REVIEWED) != 0;
    if (score != NULL)
      *score = b->score;
  }
  return set;
}

static void
check_accept (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaNotes) notes = sverka_notes_new (lex, plain, ru, en, &error);
  g_autoptr (GString) file = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_accepted = 0;

  fuzz_check (notes != NULL);
  before = sverka_write_notes_tsv (notes, ru, en);
  if (data[0] & 1)
    g_string_append (file, "kind\tseverity\tru_ids\ten_ids\tru_text\ten_text\tmessage\n");
  g_string_append_len (file, (const char *) data + 1, (gssize) size - 1);
  if (!sverka_notes_accept (notes, ru, en, file->str, file->len, "accept", &n_accepted, &error)) {
    fuzz_check (error != NULL && g_str_has_prefix (error->message, "accept"));
    after = sverka_write_notes_tsv (notes, ru, en);
    fuzz_check (strcmp (before, after) == 0);
    return;
  }
  after = sverka_write_notes_tsv (notes, ru, en);
  /* The notes left are the others, in order: a subsequence of the lines. */
  {
    g_auto (GStrv) a = g_strsplit (before, "\n", -1);
    g_auto (GStrv) b = g_strsplit (after, "\n", -1);
    guint i = 0, j = 0;
    for (; a[i] != NULL && b[j] != NULL; i++)
      if (strcmp (a[i], b[j]) == 0)
        j++;
    fuzz_check (b[j] == NULL);
    fuzz_check (g_strv_length (a) == g_strv_length (b) + n_accepted);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaReview) review = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (GString) file = g_string_new (NULL);
  SverkaAlignOptions aopts;
  guint n_ru, n_en;
  g_autofree guint *ru_seen = NULL;
  g_autofree guint *en_seen = NULL;

  if (size < 1)
    return 0;
  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0)
    setup ();
  if (data[0] & 2) {
    check_accept (data, size);
    return 0;
  }
  if (data[0] & 1)
    g_string_append (file, data[0] & 4 ? header_en_first : header);
  g_string_append_len (file, (const char *) data + 1, (gssize) size - 1);
  review = sverka_review_new_from_data (file->str, file->len, "review", &error);
  if (review == NULL) {
    fuzz_check (error != NULL && strstr (error->message, "review") == error->message);
    return 0;
  }
  if (!sverka_review_check (review, ru, en, &error)) {
    /* The harness's header fits the documents, in either order: only an
     * id out of range is refused then. */
    fuzz_check (!(data[0] & 1) || strstr (error->message, "past the end") != NULL);
    return 0;
  }
  /* Once checked, the review's languages are the documents'. */
  fuzz_check (strcmp (sverka_review_get_language_code (review, SVERKA_LANGUAGE_FIRST), "ru") == 0
              && strcmp (sverka_review_get_language_code (review, SVERKA_LANGUAGE_SECOND), "en")
                     == 0);
  sverka_align_options_init (&aopts);
  al = sverka_align_reviewed (lex, ru, en, &aopts, review, &error);
  if (al == NULL) {
    /* Only a review of the other report side may fail here. */
    fuzz_check (sverka_review_get_report_language (review) == SVERKA_LANGUAGE_EN);
    return 0;
  }
  fuzz_check (sverka_alignment_get_mode (al) == SVERKA_MODE_COMPARABLE);
  n_ru = sverka_document_get_n_sentences (ru);
  n_en = sverka_document_get_n_sentences (en);
  ru_seen = g_new0 (guint, n_ru);
  en_seen = g_new0 (guint, n_en);
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    fuzz_check (b->score >= 0.0 && b->score <= 1.0);
    for (guint k = 0; k < b->n_ru; k++)
      fuzz_check (b->ru[k] < n_ru && ++ru_seen[b->ru[k]] == 1);
    for (guint k = 0; k < b->n_en; k++)
      fuzz_check (b->en[k] < n_en && (en_seen[b->en[k]] += 1) > 0);
  }
  for (guint r = 0; r < n_ru; r++)
    fuzz_check (ru_seen[r] == 1);
  for (guint e = 0; e < n_en; e++)
    fuzz_check (en_seen[e] >= 1);
  for (guint r = 0; r < n_ru; r++) {
    gboolean decided = FALSE, reviewed = FALSE;
    guint want = 0;
    double score = 0;
    for (guint i = 0; i < sverka_review_get_n_decisions (review); i++) {
      guint report, n;
      const guint *src = sverka_review_get_decision (review, i, &report, &n);
      if (report != r)
        continue;
      fuzz_check (!decided);
      decided = TRUE;
      for (guint k = 0; k < n; k++) {
        fuzz_check (src[k] < n_en && (k == 0 || src[k] > src[k - 1]));
        want |= 1u << src[k];
      }
    }
    if (decided) {
      fuzz_check (links_of (al, r, &reviewed, &score) == want);
      fuzz_check (reviewed && score == 1.0);
    } else {
      fuzz_check (links_of (al, r, &reviewed, NULL) == links_of (plain, r, NULL, NULL));
      fuzz_check (!reviewed);
    }
  }
  return 0;
}
