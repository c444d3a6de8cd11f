/* sverka-attribution-private.h: whose words a report sentence gives, among
 * the principal speakers of a transcript (sverka-attribution.c). */
#pragma once

#include "sverka-score-private.h"

G_BEGIN_DECLS

typedef struct {
  guint n_speakers;   /* distinct principals' labels of the source */
  guint *rep_speaker; /* per report sentence: the speaker it reports, or G_MAXUINT */
  guint *src_speaker; /* per source sentence: the principal whose turn it is in, or G_MAXUINT */
  guint *n_turn_sentences; /* per speaker: source sentences in their turns */
} SverkaAttribution;

/* Finds, for the report (the Russian text if @ru_reports, else the English)
 * against the source transcript, which principal speaker each report
 * sentence reports: the one whose label alone it names ("генеральный
 * секретарь НАТО сказал" against "Secretary General Jens Stoltenberg:"),
 * or, for a sentence that opens with "Он", "Она", "He", "She", the speaker
 * of the sentence before. @src_label: per source sentence, the mask of its
 * units inside its speaker label. Returns: (transfer full) NULL when the
 * source has no two principals' turns. */
SverkaAttribution *sverka_attribution_find (SverkaScorer *sc, SverkaDocument *ru,
                                            SverkaDocument *en, gboolean ru_reports,
                                            const guint64 *src_label);
void sverka_attribution_free (SverkaAttribution *a);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaAttribution, sverka_attribution_free)

G_END_DECLS
