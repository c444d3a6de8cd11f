/* sverka-align.h: aligning a Russian and an English document.
 *
 * Two modes:
 * - parallel: the texts are translations of each other. Monotonic dynamic
 *   programming over beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3; every
 *   sentence of both sides is in exactly one bead, in order. Memory is linear
 *   in the length of the documents: the search runs in a band around a path
 *   through confident anchors, widened where the best path touches its edge.
 *   Then moved blocks: a run of sentences left without counterpart on one
 *   side that strongly matches such a run elsewhere on the other side (a
 *   paragraph the translator moved) is linked to it, with crossing beads
 *   flagged SVERKA_BEAD_MOVED (see sverka-align-moved.c).
 * - comparable: two texts about one event (a report against a transcript).
 *   Each sentence of the shorter text, the report, links to the 0-3
 *   sentences of the other that state its facts, anywhere in the document,
 *   when the evidence beats chance; a sentence of the other text may support
 *   several, and links may cross. Rows follow the Russian order.
 * - auto: chooses from the evidence (the sentence counts and the share of
 *   confident matches out of order).
 *
 * Sentence similarity combines lexicon matches over stems and lemmas, names
 * and cognates through transliteration, and numbers, each word weighted by
 * its rarity in the documents; parallel mode adds a length prior.
 */
#pragma once

#include <glib.h>

#include "sverka-document.h"
#include "sverka-lexicon.h"
#include "sverka-review.h"

G_BEGIN_DECLS

typedef enum {
  SVERKA_MODE_AUTO = 0,
  SVERKA_MODE_PARALLEL,
  SVERKA_MODE_COMPARABLE,
} SverkaMode;

/* Returns: (transfer none) "auto", "parallel" or "comparable". */
const char *sverka_mode_to_string (SverkaMode mode);
gboolean sverka_mode_from_string (const char *s, SverkaMode *out);

typedef struct {
  SverkaMode mode;
} SverkaAlignOptions;

void sverka_align_options_init (SverkaAlignOptions *options);

/* What SverkaBead.flags may hold. */
typedef enum {
  /* Parallel mode: the bead belongs to a moved block, a run of sentences
   * that the translation gives elsewhere (a paragraph moved to the end):
   * its links cross those of the beads around it. It stands at its Russian
   * place among the rows, so its English sentences are out of order there. */
  SVERKA_BEAD_MOVED = 1 << 0,
  /* The first bead, in row order, of a moved block (with SVERKA_BEAD_MOVED):
   * a block is this bead and the moved beads after it up to the next bead
   * with this flag or the next bead that is not moved. */
  SVERKA_BEAD_BLOCK_START = 1 << 1,
  /* Comparable mode aligned with a review (sverka_align_reviewed()): the
   * row is the translator's decision, not sverka's (its score is 1): a
   * report sentence they linked or marked "no support", or a source
   * sentence all of whose links they made. */
  SVERKA_BEAD_REVIEWED = 1 << 2,
} SverkaBeadFlags;

/* One row of the alignment. Sentence numbers are 0-based indices into the
 * documents; a side may be empty.
 *
 * The beads come in row order: by their first Russian sentence, a bead with
 * no Russian sentence where the English order puts it. In parallel mode the
 * English sentences of the beads without SVERKA_BEAD_MOVED are in order too;
 * a moved bead stands just before the first bead that is not moved and has
 * a later Russian sentence. Comparable mode's links may cross anywhere (and
 * set no flag).
 *
 * The library hands out beads by pointer only (sverka_alignment_get_bead(),
 * sverka_result_get_bead()), never as an array to index, so fields are
 * added at the end (flags and moved_block came after 0.1.0) without breaking programs built
 * before. */
typedef struct {
  guint n_ru;
  const guint *ru;
  guint n_en;
  const guint *en;
  double score; /* in [0, 1]: the probability, calibrated on development
                 * data, that the row is right. Parallel mode: a bead with
                 * both sides is right when its sentences translate each
                 * other, no more and no less (every line link it makes is
                 * a gold link, and no gold link of its lines leaves it);
                 * moved beads (SVERKA_BEAD_MOVED) are scored the same way,
                 * from their own sentences; comparable mode: the mean over
                 * its links of the probability that the link is right. A
                 * sentence alone (one side empty): the probability that it
                 * has no counterpart. */
  guint flags;  /* SverkaBeadFlags */
  guint moved_block; /* a moved bead's block: its number, from 1 in row order
                      * of the whole alignment (sverka_alignment_filter()
                      * keeps it, whatever rows it leaves out); 0 for a bead
                      * that is not moved */
} SverkaBead;

typedef struct _SverkaAlignment SverkaAlignment;

/* What the two documents are to each other, judged from the evidence
 * whatever the mode (sverka-verdict.c). */
typedef enum {
  SVERKA_VERDICT_TRANSLATION = 0, /* one translates the other */
  SVERKA_VERDICT_COMPARABLE,      /* two texts of one event: a report and its source */
  SVERKA_VERDICT_UNRELATED,       /* hardly a word or number in common */
  SVERKA_VERDICT_UNTRANSLATED,    /* both in one language, or one side a copy of the other */
} SverkaVerdict;

/* Returns: (transfer none) "translation", "comparable", "unrelated" or
 * "untranslated". */
const char *sverka_verdict_to_string (SverkaVerdict verdict);

/* Aligns @ru with @en (analysing them first if needed). @lex may be NULL.
 * Returns: (transfer full) the alignment, or NULL with @error set. */
SverkaAlignment *sverka_align (SverkaLexicon *lex,
                               SverkaDocument *ru,
                               SverkaDocument *en,
                               const SverkaAlignOptions *options,
                               GError **error);

/* The same, comparable mode, with the translator's decisions @review
 * (sverka-review.h; NULL: none), checked first against the documents
 * (sverka_review_check()): a report sentence decided is linked to exactly
 * the source sentences given, with probability 1, and flagged
 * SVERKA_BEAD_REVIEWED; the others keep sverka's links. Mode AUTO becomes
 * COMPARABLE; PARALLEL is an error (SVERKA_ERROR_INVALID_ARGUMENT), and so
 * is a review whose report is not the alignment's report
 * (SVERKA_ERROR_FORMAT).
 * Returns: (transfer full) the alignment, or NULL with @error set. */
SverkaAlignment *sverka_align_reviewed (SverkaLexicon *lex,
                                        SverkaDocument *ru,
                                        SverkaDocument *en,
                                        const SverkaAlignOptions *options,
                                        SverkaReview *review,
                                        GError **error);
/* A unit of a bilingual file (a segment of XLIFF): the next @n_ru Russian
 * and @n_en English sentences, which translate each other as given. */
typedef struct {
  guint n_ru, n_en;
} SverkaBilingualUnit;

/* The alignment of @ru and @en made of the units @units (@n_units of them,
 * in order, every sentence of each document in one unit, at most 8
 * sentences on a side), not realigned: a unit with both sides is a row, a
 * sentence of a unit with one side empty a row of its own. The mode is
 * PARALLEL, and each row is scored as parallel mode scores its beads: the
 * probability that its sentences translate each other. @lex may be NULL.
 * Returns: (transfer full) the alignment, or NULL with @error set
 * (SVERKA_ERROR_INVALID_ARGUMENT when the units do not cover the
 * documents). */
SverkaAlignment *sverka_align_units (SverkaLexicon *lex,
                                     SverkaDocument *ru,
                                     SverkaDocument *en,
                                     const SverkaBilingualUnit *units,
                                     guint n_units,
                                     GError **error);

void sverka_alignment_free (SverkaAlignment *alignment);

/* The mode used: never AUTO. */
SverkaMode sverka_alignment_get_mode (SverkaAlignment *alignment);
/* Returns: (transfer none) why auto chose the mode, or the mode asked for. */
const char *sverka_alignment_get_mode_reason (SverkaAlignment *alignment);
/* The verdict on the pair of documents, from the same evidence in every
 * mode (parallel mode looks for it near the diagonal only, which for texts
 * of more than 50 sentences may differ), and that evidence in words:
 * "unrelated: 1 of 9 Russian sentences with content words match an English
 * one (similarity 0.2 or more), 0 confidently, ...". An unrelated or
 * untranslated pair is still aligned, but every bead with both sides then
 * scores low, and every sentence alone high.
 * Returns: (transfer none) the evidence, valid as long as @alignment. */
SverkaVerdict sverka_alignment_get_verdict (SverkaAlignment *alignment);
const char *sverka_alignment_get_verdict_reason (SverkaAlignment *alignment);
guint sverka_alignment_get_n_beads (SverkaAlignment *alignment);
/* Returns: (transfer none) bead @i, valid as long as @alignment. */
const SverkaBead *sverka_alignment_get_bead (SverkaAlignment *alignment, guint i);

/* For those who feed translation memories and corpora: a copy of
 * @alignment holding only the rows whose score, rounded to the three
 * decimals the writers print, is at least @min_score (in [0, 1]), in their
 * order, with the same mode and verdict. *@n_left_out, if
 * not NULL, receives the number of rows left out. Unlike the whole
 * alignment, the copy does not hold every sentence.
 * Returns: (transfer full) the copy. */
SverkaAlignment *sverka_alignment_filter (SverkaAlignment *alignment,
                                          double min_score,
                                          guint *n_left_out);

/* A source sentence that may support a report sentence (comparable mode). */
typedef struct {
  guint sentence;     /* 0-based, in the source (the longer text) */
  double evidence;    /* the linker's evidence for the pair from their
                       * shared words alone: a log-likelihood ratio in nats
                       * with its priors (position, neighbours, speaker) */
  double probability; /* that the source sentence supports the report
                       * sentence (a sure or possible link of a gold), from
                       * the evidence, its rank and the gap to the best,
                       * fitted on report/source pairs (sverka-comparable.c) */
  gboolean linked;    /* the alignment links the two */
} SverkaCandidate;

#define SVERKA_MAX_CANDIDATES 3

/* Why two words of a link match (sverka_alignment_get_matches()). */
typedef enum {
  SVERKA_MATCH_SAME = 0, /* the same word on both sides ("NATO" / "NATO") */
  SVERKA_MATCH_LEXICON,  /* a rendering of the lexicon (or a learned one) */
  SVERKA_MATCH_NAME,     /* they sound alike: a name or a cognate */
  SVERKA_MATCH_NUMBER,   /* the same number, however written */
} SverkaMatchReason;

/* Returns: (transfer none) "same word", "lexicon", "name" or "number". */
const char *sverka_match_reason_to_string (SverkaMatchReason reason);

/* A pair of words, one in each sentence of a link, that match. */
typedef struct {
  gsize ru_start, ru_end; /* byte span of the Russian word in its document */
  gsize en_start, en_end; /* and of the English one */
  SverkaMatchReason reason;
} SverkaMatch;

/* Comparable mode: the report, the text whose sentences are linked to the
 * source's (the one with fewer sentences, Russian on a tie); AUTO in
 * parallel mode. */
SverkaLanguage sverka_alignment_get_report_language (SverkaAlignment *alignment);
/* Comparable mode: the best candidates (at most SVERKA_MAX_CANDIDATES) in the
 * source for report sentence @sentence (0-based), best first, linked or
 * not; *@n gets their number (0 in parallel mode, or when no source
 * sentence shares a word with it).
 * Returns: (transfer none) (nullable) the candidates, valid as long as
 * @alignment. */
const SverkaCandidate *sverka_alignment_get_candidates (SverkaAlignment *alignment,
                                                        guint sentence,
                                                        guint *n);

/* Comparable mode: the word pairs through which the linked Russian sentence
 * @ru and English sentence @en match, in Russian order; *@n gets their
 * number (0 when the two are not linked, and in parallel mode).
 * Returns: (transfer none) (nullable) the pairs, valid as long as
 * @alignment. */
const SverkaMatch *sverka_alignment_get_matches (SverkaAlignment *alignment,
                                                 guint ru,
                                                 guint en,
                                                 guint *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaAlignment, sverka_alignment_free)

G_END_DECLS
