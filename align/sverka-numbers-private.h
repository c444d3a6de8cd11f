/* sverka-numbers-private.h: numbers in the text, written in digits, in words
 * or mixed ("120 тысяч", "hundred and 20 thousand", "2,5 млрд", "120 000"). */
#pragma once

#include "sverka-document-private.h"

G_BEGIN_DECLS

typedef struct {
  double value;
  guint first_token; /* document token index */
  guint n_tokens;
  gboolean ordinal;  /* "седьмой", "seventh" */
  gboolean has_alt;  /* another reading: "60m" is 60 million or 60 metres */
  double alt;
} SverkaNumber;

/* Appends to @out (of SverkaNumber) the numbers of sentence @si of the
 * analysed document @doc, in text order. */
void sverka_numbers_find (SverkaDocument *doc, guint si, GArray *out);

/* Formats @value as a canonical key, "#120000" or "#2.5", into @out. */
void sverka_number_key (double value, GString *out);

G_END_DECLS
