/* sverka-write.h: output formats. Each writer is one file (sverka-write-*.c)
 * and returns the whole output as a string, so that the caller can write it
 * atomically. */
#pragma once

#include <glib.h>

#include "sverka-align.h"
#include "sverka-document.h"
#include "sverka-notes.h"
#include "sverka-simmap.h"

G_BEGIN_DECLS

/* The parallel TSV: a header row "ru	en	score	ru_ids	en_ids", then one row
 * per bead. Several sentences in one cell are joined by a space; tabs and
 * line ends inside text become spaces; ids are 1-based and comma-separated,
 * empty where a side has no sentence; the score has three decimals.
 * Returns: (transfer full) the TSV text. */
char *sverka_write_tsv (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en);

/* The notes TSV: a header row "kind	severity	ru_ids	en_ids	ru_text	en_text	message",
 * then one row per note, in the notes' order; text cleaned as in the TSV.
 * Returns: (transfer full) the TSV text. */
char *sverka_write_notes_tsv (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en);

/* The notes as a Markdown report for a translator: a summary, then the notes
 * grouped by kind, errors first, each with its sentences quoted.
 * Returns: (transfer full) the Markdown text. */
char *sverka_write_notes_md (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en);

/* The HTML report: one self-contained page (no scripts, styles or fonts
 * from outside) with the two texts side by side, one row per bead, the
 * score as a colour band, rows with one side empty and crossing links
 * marked; the words each note is about highlighted in place and linked to
 * the list of notes; and an SVG dot plot of sentence similarity with the
 * chosen links drawn on it. @notes and @map may be NULL: the page then has
 * no notes, or no similarity dots (the links are still drawn). Every text
 * is HTML-escaped; ids: "row-N" (1-based row), "note-N", and "ru-N"/"en-N"
 * on the first row showing sentence N.
 * Returns: (transfer full) the HTML text. */
char *sverka_write_html (SverkaAlignment *alignment,
                         SverkaNotes *notes,
                         SverkaSimMap *map,
                         SverkaDocument *ru,
                         SverkaDocument *en);

G_END_DECLS
