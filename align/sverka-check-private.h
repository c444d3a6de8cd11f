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
  double alt;              /* another reading ("60m": 60 metres), or -1 */
} SverkaCheckNumber;

/* Appends to @out (of SverkaCheckNumber) the numbers of sentences @sents
 * (@n of them) of @doc, in text order: neither a code ("COP-29", "Су-35")
 * nor a time of day ("18:45"). */
void sverka_check_collect_numbers (SverkaDocument *doc, const guint *sents, guint n, GArray *out);

/* A time of day, as the time check reads it (sverka-check-time.c). */
typedef struct {
  guint minutes;      /* from midnight, 0 to 1439 */
  gboolean ambiguous; /* morning or evening not said ("at 4:30"): also minutes + 12 h */
  gsize start, end;   /* its span in the text */
} SverkaCheckTime;

/* Appends to @out (of SverkaCheckTime) the times of day of sentences @sents
 * (@n of them) of @doc, in text order. */
void sverka_check_collect_times (SverkaDocument *doc, const guint *sents, guint n, GArray *out);

/* A whole date with its year, numeric ("14.02.2021", "02/14/2021",
 * "2021-02-14", "14.02.21") or spelled ("14 февраля 2021", "February 14,
 * 2021"), as the date check reads it (sverka-check-date.c). */
typedef struct {
  guint year, month, day;
  gboolean swap;    /* "03/04/2021": day and month may be either way round */
  gboolean numeric; /* written in digits only */
  gsize start, end; /* its span in the text */
} SverkaCheckDate;

/* Appends to @out (of SverkaCheckDate) the whole dates of sentences @sents
 * (@n of them) of @doc. */
void sverka_check_collect_dates (SverkaDocument *doc, const guint *sents, guint n, GArray *out);

/* Can dates @a and @b be the same day? */
gboolean sverka_check_same_date (const SverkaCheckDate *a, const SverkaCheckDate *b);

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
