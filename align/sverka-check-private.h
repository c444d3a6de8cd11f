/* sverka-check-private.h: helpers that several checks share
 * (sverka-check-common.c). What only one check uses stays in its file. */
#pragma once

#include <glib.h>

#include "sverka-notes-private.h"

G_BEGIN_DECLS

/* A number of a sentence, as the checks compare it. */
typedef struct {
  double value;
  gboolean from_words_one; /* "one", "один", "second": too common as words to compare */
  gboolean in_words;       /* written without digits ("two", "двадцати") */
  gsize start, end;        /* its span in the text */
} SverkaCheckNumber;

/* Appends to @out (of SverkaCheckNumber) the numbers of sentences @sents
 * (@n of them) of @doc, in text order: neither a code ("COP-29", "Су-35")
 * nor a time of day ("18:45"). */
void sverka_check_collect_numbers (SverkaDocument *doc, const guint *sents, guint n, GArray *out);

/* Is @v a year (a whole number from 1900 to 2100)? */
gboolean sverka_check_is_year (double v);

/* The units of sentence @s (Russian if @russian) that the other side of
 * bead @b matches, one bit a unit (the first 64). */
guint64 sverka_check_bead_mask (SverkaChecker *c, const SverkaBead *b, gboolean russian, guint s);

/* Similarity of two sound skeletons over the length of the shorter one (a
 * Russian name carries its case ending): 1 - edits / length. */
double sverka_check_skeleton_similarity (const char *a, const char *b);

/* Edit distance of two UTF-8 strings, in characters, letters compared in
 * lower case; 3 for anything above 2. */
guint sverka_check_edit_distance (const char *a, const char *b);

G_END_DECLS
