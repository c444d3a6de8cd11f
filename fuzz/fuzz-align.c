/* fuzz-align.c: libFuzzer harness for end-to-end alignment of two small
 * buffers: loading, analysis, alignment, notes and the writers.
 *
 * Input: one byte of options, then the Russian text, a form feed (\f), and
 * the English text (later form feeds belong to the English text). Bits 0-1
 * of the options byte: mode (0 auto, 1 parallel, 2 comparable, 3 auto);
 * bit 2: keep_all; bit 3: compute the notes and write them. The seed
 * lexicon dictionaries/ru-en.tsv is used.
 *
 * Properties checked when both texts load:
 * - every bead's ids are in range; in parallel mode every sentence of both
 *   sides is in exactly one bead, in order, but for the English sentences
 *   of moved beads (SVERKA_BEAD_MOVED: both sides, the first of a block
 *   flagged as such, the English in order within a block); in comparable
 *   mode no bead is flagged and every Russian
 *   sentence is in exactly one bead and every English one in at least one;
 * - scores are in [0, 1];
 * - the TSV has the header and one row of exactly 5 fields per bead, and
 *   each cell holds the text of its sentences (nothing lost);
 * - the notes TSV has one row of exactly 7 fields per note, with ids in
 *   range; the Markdown report is valid UTF-8.
 */
/* Each input adds many words to the context's cache: renew it more often. */
#define FUZZ_CONTEXT_RUNS 1000
#include "fuzz-common.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static SverkaLexicon *lex;
static guint runs;

static void
check_ids (const guint *ids, guint n, guint limit, guint *count)
{
  for (guint k = 0; k < n; k++) {
    fuzz_check (ids[k] < limit);
    count[ids[k]]++;
  }
}

/* Checks that @cell holds the text of sentences @ids of @doc. */
static void
check_cell (const char *cell, gsize cell_len, SverkaDocument *doc, const guint *ids, guint n)
{
  g_autoptr (GString) want = g_string_new (NULL);
  g_autoptr (GString) got = g_string_new (NULL);
  const char *text = sverka_document_get_data (doc, NULL);

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, ids[k]);
    fuzz_append_visible (want, text + s->start, s->end - s->start);
  }
  fuzz_check (g_utf8_validate (cell, (gssize) cell_len, NULL));
  fuzz_check_clean (cell);
  fuzz_append_visible (got, cell, cell_len);
  fuzz_check (strcmp (want->str, got->str) == 0);
}

/* Splits @tsv into rows of exactly @n_fields fields; checks the header.
 * Returns: (transfer full) the rows after the header. */
static GPtrArray *
split_tsv (const char *tsv, const char *header, guint n_fields)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (GStrv) lines = g_strsplit (tsv, "\n", -1);
  guint n = g_strv_length (lines);

  fuzz_check (g_str_has_suffix (tsv, "\n"));
  fuzz_check (n >= 2 && strcmp (lines[0], header) == 0);
  for (guint i = 1; i + 1 < n; i++) {
    char **fields = g_strsplit (lines[i], "\t", -1);
    fuzz_check (g_strv_length (fields) == n_fields);
    for (guint f = 0; f < n_fields; f++)
      fuzz_check (strchr (fields[f], '\r') == NULL);
    g_ptr_array_add (rows, fields);
  }
  return rows;
}

static void
check_alignment (SverkaAlignment *al, SverkaDocument *ru, SverkaDocument *en)
{
  guint n_ru = sverka_document_get_n_sentences (ru);
  guint n_en = sverka_document_get_n_sentences (en);
  g_autofree guint *ru_count = g_new0 (guint, n_ru);
  g_autofree guint *en_count = g_new0 (guint, n_en);
  g_autofree char *tsv = sverka_write_tsv (al, ru, en);
  g_autoptr (GPtrArray) rows = split_tsv (tsv, "ru\ten\tscore\tru_ids\ten_ids", 5);
  SverkaMode mode = sverka_alignment_get_mode (al);
  guint next_ru = 0, next_en = 0, last_moved_en = 0;
  gboolean block_open = FALSE;
  g_autofree gboolean *moved_en = g_new0 (gboolean, n_en + 1);

  fuzz_check (mode == SVERKA_MODE_PARALLEL || mode == SVERKA_MODE_COMPARABLE);
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    fuzz_check ((b->flags & ~(guint) (SVERKA_BEAD_MOVED | SVERKA_BEAD_BLOCK_START)) == 0);
    fuzz_check (!(b->flags & SVERKA_BEAD_BLOCK_START) || (b->flags & SVERKA_BEAD_MOVED));
    fuzz_check (mode == SVERKA_MODE_PARALLEL || b->flags == 0);
    for (guint k = 0; (b->flags & SVERKA_BEAD_MOVED) && k < b->n_en; k++)
      if (b->en[k] < n_en)
        moved_en[b->en[k]] = TRUE;
  }
  fuzz_check (rows->len == sverka_alignment_get_n_beads (al));
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    char **fields = g_ptr_array_index (rows, i);
    fuzz_check (b->n_ru + b->n_en > 0);
    fuzz_check (isfinite (b->score) && b->score >= 0.0 && b->score <= 1.0);
    check_ids (b->ru, b->n_ru, n_ru, ru_count);
    check_ids (b->en, b->n_en, n_en, en_count);
    check_cell (fields[0], strlen (fields[0]), ru, b->ru, b->n_ru);
    check_cell (fields[1], strlen (fields[1]), en, b->en, b->n_en);
    if (mode == SVERKA_MODE_PARALLEL) {
      for (guint k = 0; k < b->n_ru; k++)
        fuzz_check (b->ru[k] == next_ru++);
      if (b->flags & SVERKA_BEAD_MOVED) {
        fuzz_check (b->n_ru > 0 && b->n_en > 0);
        if (b->flags & SVERKA_BEAD_BLOCK_START)
          last_moved_en = 0;
        fuzz_check (block_open || (b->flags & SVERKA_BEAD_BLOCK_START));
        block_open = TRUE;
        for (guint k = 0; k < b->n_en; k++) {
          fuzz_check (b->en[k] + 1 > last_moved_en);
          last_moved_en = b->en[k] + 1;
        }
      } else {
        for (guint k = 0; k < b->n_en; k++) {
          while (next_en < n_en && moved_en[next_en])
            next_en++;
          fuzz_check (b->en[k] == next_en++);
        }
      }
    }
  }
  for (guint i = 0; i < n_ru; i++)
    fuzz_check (ru_count[i] == 1);
  for (guint i = 0; i < n_en; i++)
    fuzz_check (mode == SVERKA_MODE_PARALLEL ? en_count[i] == 1 : en_count[i] >= 1);
}

static void
check_notes (SverkaAlignment *al, SverkaDocument *ru, SverkaDocument *en)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaNotes) notes = sverka_notes_new (lex, al, ru, en, &error);
  g_autofree char *tsv = NULL;
  g_autofree char *md = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  if (notes == NULL) {
    fprintf (stderr, "fuzz: notes failed: %s\n", error->message);
    abort ();
  }
  for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *n = sverka_notes_get_note (notes, i);
    for (guint k = 0; k < n->n_ru; k++)
      fuzz_check (n->ru[k] < sverka_document_get_n_sentences (ru));
    for (guint k = 0; k < n->n_en; k++)
      fuzz_check (n->en[k] < sverka_document_get_n_sentences (en));
    fuzz_check (n->message != NULL && g_utf8_validate (n->message, -1, NULL));
  }
  tsv = sverka_write_notes_tsv (notes, ru, en);
  rows = split_tsv (tsv, "kind\tseverity\tru_ids\ten_ids\tru_text\ten_text\tmessage", 7);
  fuzz_check (rows->len == sverka_notes_get_n_notes (notes));
  md = sverka_write_notes_md (notes, ru, en);
  fuzz_check (md != NULL && g_utf8_validate (md, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  SverkaLoadOptions ru_opts, en_opts;
  SverkaAlignOptions aopts;
  const char *text, *sep;
  gsize len;
  guint flags;

  if (size < 2)
    return 0;
  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_autofree char *seed = NULL;
    g_clear_pointer (&lex, sverka_lexicon_free);
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
    lex = sverka_lexicon_new (ctx);
    seed = g_build_filename (fuzz_dict_dir (), "ru-en.tsv", NULL);
    if (!sverka_lexicon_load (lex, seed, &error)) {
      fprintf (stderr, "fuzz: %s\n", error->message);
      abort ();
    }
  }
  flags = data[0];
  text = (const char *) data + 1;
  len = size - 1;
  sep = memchr (text, '\f', len);
  if (sep == NULL)
    return 0;
  sverka_align_options_init (&aopts);
  aopts.mode = flags & 3;
  if (aopts.mode > SVERKA_MODE_COMPARABLE)
    aopts.mode = SVERKA_MODE_AUTO;
  sverka_load_options_init (&ru_opts);
  ru_opts.language = SVERKA_LANGUAGE_RU;
  ru_opts.keep_all = (flags & 4) != 0;
  en_opts = ru_opts;
  en_opts.language = SVERKA_LANGUAGE_EN;
  ru = sverka_document_new_from_data (ctx, "ru", text, (gsize) (sep - text), &ru_opts, &error);
  if (ru == NULL)
    return 0;
  en = sverka_document_new_from_data (ctx, "en", sep + 1, len - (gsize) (sep - text) - 1,
                                      &en_opts, &error);
  if (en == NULL)
    return 0;
  al = sverka_align (lex, ru, en, &aopts, &error);
  if (al == NULL) {
    fprintf (stderr, "fuzz: alignment failed: %s\n", error->message);
    abort ();
  }
  check_alignment (al, ru, en);
  if (flags & 8)
    check_notes (al, ru, en);
  return 0;
}
