/* sverka-verdict-private.h: the verdict on a pair of documents
 * (sverka-verdict.c): translation, comparable, unrelated or untranslated.
 *
 * The aligner gathers the evidence (sverka-align.c: the confident matches it
 * looks for anyway) and this module decides, and says why in words. */
#pragma once

#include "sverka-align.h"
#include "sverka-score-private.h"

G_BEGIN_DECLS

/* A Russian sentence "matches" when its best English candidate (sharing a
 * rare word, name or number) has at least this similarity. */
#define SVERKA_VERDICT_MATCH_SIM 0.2
/* The best similarities of the Russian sentences are counted in bins of
 * this width (the last one holds everything from its start up). */
#define SVERKA_VERDICT_BIN_WIDTH 0.05
#define SVERKA_VERDICT_BINS 12

typedef struct {
  guint n_ru, n_en;     /* sentences */
  guint n_searched;     /* Russian sentences whose candidates were looked at */
  guint n_matched;      /* of them, those whose best candidate has SVERKA_VERDICT_MATCH_SIM */
  guint best_bins[SVERKA_VERDICT_BINS]; /* their best similarities, binned */
  guint n_anchors;      /* confident matches (sverka-align.c, find_anchors()) */
  guint n_off_diagonal; /* of them, those far from the diagonal */
  guint n_chain;        /* the most of them in one order in both texts */
  gboolean windowed;    /* the candidates were looked for near the diagonal only */
  SverkaMode mode_hint; /* what auto mode chooses (or would) from this evidence */
  /* The pair's languages by name, for the reasons ("Russian", "German"),
   * set by sverka_verdict_evidence_set_names(); empty: Russian, English. */
  char names[2][32];
  /* Filled by sverka_verdict_evidence_add_documents(): */
  SverkaLanguage ru_lang, en_lang; /* by the script of the letters */
  /* The pair is not Russian and English, on which the unrelated test's
   * bins were fitted, and its lexicon is smaller than
   * SVERKA_VERDICT_MIN_LEXICON: the test is not made (with no lexicon or a
   * small one, a translation shares too few words to tell). */
  gboolean unfitted_pair;
  guint n_lexicon; /* the lexicon's entries */
  double ru_cyrillic, en_cyrillic; /* share of Cyrillic letters */
  guint n_copies;    /* sentences of the side with fewer that are word for word a
                      * sentence of the other (two words of letters at least) */
  guint n_copyable;  /* sentences of that side with two words of letters at least */
} SverkaVerdictEvidence;

/* Counts a Russian sentence whose best English candidate has similarity
 * @best (0 without any). */
void sverka_verdict_evidence_add_best (SverkaVerdictEvidence *ev, double best);

/* Sets @ev's names of the pair's languages from the packs of @ru and @en. */
void sverka_verdict_evidence_set_names (SverkaVerdictEvidence *ev, SverkaDocument *ru,
                                        SverkaDocument *en);

/* The name of the first (@second FALSE) or second language for a reason:
 * "Russian", "German"; with "a " or "an " before it if @article. */
char *sverka_verdict_language_name (const SverkaVerdictEvidence *ev, gboolean second,
                                    gboolean article);

/* Another pair than Russian and English is judged unrelated only with a
 * lexicon of this many entries or more. On the German-French development
 * article of Text+Berg cut into translated pieces of 3 to 40 gold beads
 * (276) and into pieces of one part against the French of another (276),
 * with FreeDict's 112,006 pairs no translation was called unrelated and
 * every unrelated piece was; with the 2,131 entries of the seed lexicon
 * alone 6 short translations were called unrelated, and with no lexicon
 * 136. */
#define SVERKA_VERDICT_MIN_LEXICON 50000u

/* Fills the language and copy fields of @ev from the two analysed
 * documents, aligned with a lexicon of @n_lexicon entries. */
void sverka_verdict_evidence_add_documents (SverkaVerdictEvidence *ev,
                                            SverkaDocument *ru,
                                            SverkaDocument *en,
                                            guint n_lexicon);

/* The verdict from @ev, and its evidence in words (transfer full). */
SverkaVerdict sverka_verdict_decide (const SverkaVerdictEvidence *ev, char **reason);

/* The share of the Russian sentences looked at that match (for the
 * calibration of the scores), in [0, 1]. */
double sverka_verdict_matched_share (const SverkaVerdictEvidence *ev);

/* The number of Russian sentences the log-likelihood ratio weighs: those
 * with content words, at most as many as the shorter text has sentences. */
guint sverka_verdict_n_weighed (const SverkaVerdictEvidence *ev);

/* ln P(evidence | translation) - ln P(evidence | unrelated texts), from the
 * best similarities of the Russian sentences (their best-matching
 * sverka_verdict_n_weighed() ones), each taken alone. */
double sverka_verdict_log_ratio (const SverkaVerdictEvidence *ev);

G_END_DECLS
