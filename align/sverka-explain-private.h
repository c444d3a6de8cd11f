/* sverka-explain-private.h: which words of two sentences match, and why
 * (sverka-explain.c). */
#pragma once

#include "sverka-align.h"
#include "sverka-score-private.h"

G_BEGIN_DECLS

/* Appends to @out (of SverkaMatch) the word pairs through which Russian
 * sentence @r and English sentence @e match, in Russian order, each word
 * once, best reason first (@lex, nullable, tells a word's own rendering
 * from a phrase's), leaving out the units in @skip_ru and @skip_en (unit k
 * is bit MIN(k, 63): speaker labels; units past the 64th are not paired). */
void sverka_explain_pair (SverkaScorer *sc, SverkaLexicon *lex, SverkaDocument *ru,
                          SverkaDocument *en, guint r, guint e, guint64 skip_ru, guint64 skip_en,
                          GArray *out);

G_END_DECLS
