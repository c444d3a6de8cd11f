/* sverka-write.h: output formats. Each writer is one file (sverka-write-*.c)
 * and returns the whole output as a string, so that the caller can write it
 * atomically. */
#pragma once

#include <glib.h>

#include "sverka-align.h"
#include "sverka-document.h"
#include "sverka-language.h"
#include "sverka-notes.h"
#include "sverka-simmap.h"

G_BEGIN_DECLS

/* The parallel TSV: a header row "ru	en	score	ru_ids	en_ids", then one row
 * per bead, in the beads' order (see SverkaBead). Several sentences in one cell are joined by a space; tabs and
 * line ends inside text become spaces; ids are 1-based and comma-separated,
 * empty where a side has no sentence; the score has three decimals.
 * Returns: (transfer full) the TSV text. */
char *sverka_write_tsv (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en);

/* The shapes of the JSON Lines output. */
typedef enum {
  SVERKA_JSONL_SVERKA, /* {"ru": ..., "en": ..., "score": ..., "ru_ids": [...], "en_ids": [...]} */
  SVERKA_JSONL_HF,     /* {"translation": {"ru": ..., "en": ...}} as corpus hubs use */
} SverkaJsonlStyle;

/* Parses "sverka" or "hf"; returns FALSE for anything else. */
gboolean sverka_jsonl_style_from_string (const char *s, SverkaJsonlStyle *out);

/* The alignment as JSON Lines: one object and a line end per bead. In the
 * SVERKA style every bead is written, with the text as in the TSV ("" for a
 * side without sentences), the score as a number with three decimals and
 * the 1-based ids as arrays; in the HF style only the beads with text on
 * both sides. Strings are valid UTF-8 JSON: quotes, backslashes and control
 * characters escaped, and U+2028/U+2029 as \u2028/\u2029.
 * Returns: (transfer full) the JSON Lines text. */
char *sverka_write_jsonl (SverkaAlignment *alignment,
                          SverkaDocument *ru,
                          SverkaDocument *en,
                          SverkaJsonlStyle style);

/* The alignment as a TMX 1.4b translation memory: the header's props give
 * the two file names, the mode and the verdict (x-sverka-verdict, and its
 * evidence as x-sverka-verdict-reason); one <tu> per bead with
 * text on both sides (1-1 or n-m), a <tuv xml:lang="ru"> and a <tuv
 * xml:lang="en">, and the score and 1-based ids as <prop type="x-sverka-score">,
 * "x-sverka-ru-ids" and "x-sverka-en-ids". Text is escaped; the characters XML
 * 1.0 forbids (control characters other than tab and line ends, U+FFFE,
 * U+FFFF) become U+FFFD, so the document is always well-formed.
 * Returns: (transfer full) the XML text. */
char *sverka_write_tmx (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en);

/* What a CAT tool's translation memory may want of the TMX. */
typedef struct {
  /* xml:lang of the first (Russian) side and srclang: "ru-RU"; NULL (the
   * default): the document's language code, "ru" */
  const char *ru_lang;
  const char *en_lang; /* of the second (English) side: "en-US"; NULL: its code, "en" */
  gint64 creation_date; /* the header's creationdate, in seconds since 1970 (UTC);
                         * < 0 (default): none, so that the same input gives the
                         * same bytes */
  gboolean one_to_one;  /* only the beads of one sentence a side (default FALSE) */
} SverkaTmxOptions;

void sverka_tmx_options_init (SverkaTmxOptions *options);
/* Whether @code is a language tag the TMX writer takes: two or three
 * letters, then letters, digits and single hyphens ("ru-RU", "en-US"). */
gboolean sverka_tmx_language_is_valid (const char *code);
/* sverka_write_tmx() with @options (a tag that is not valid is written as
 * "ru" or "en").
 * Returns: (transfer full) the XML text. */
char *sverka_write_tmx_with_options (SverkaAlignment *alignment,
                                     SverkaDocument *ru,
                                     SverkaDocument *en,
                                     const SverkaTmxOptions *options);

/* The alignment as hunalign's ladder: rungs "i<TAB>j<TAB>score" from "0 0"
 * to "N M" (the numbers of sentences), meaning the first i Russian
 * sentences correspond to the first j English ones; a rung's score is that
 * of the bead it starts, 0 for the last rung. A comparable alignment, whose
 * links may cross, or a parallel one with moved blocks, is written as its
 * longest non-crossing chain of beads, the other sentences as 1-0 and 0-1
 * steps with the score 0.
 * Returns: (transfer full) the ladder text. */
char *sverka_write_ladder (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en);

/* The alignment as vecalign and Bertalign write it, for their scoring
 * scripts: one line per bead, "[0]:[0, 1]:0.930": the 0-based numbers of its
 * Russian and English sentences ("[]" for none; a document loaded from lines
 * is numbered by its lines) and its score.
 * Returns: (transfer full) the text. */
char *sverka_write_vecalign (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en);

/* The alignment as an XCES (OPUS) cesAlign link file: one <link> per bead,
 * xtargets="1 2;3" (the sentence ids of each side, sverka_document_get_sentence_id();
 * a side may be empty) with the score as certainty, in a <linkGrp> whose
 * fromDoc and toDoc are @ru_file and @en_file, the sentence files
 * (sverka_write_xces_sentences()).
 * Returns: (transfer full) the XML text. */
char *sverka_write_xces (SverkaAlignment *alignment,
                         SverkaDocument *ru,
                         SverkaDocument *en,
                         const char *ru_file,
                         const char *en_file);
/* The sentence file of @doc the link file points to: <document>, one <p>
 * per paragraph, one <s id="N"> per sentence.
 * Returns: (transfer full) the XML text. */
char *sverka_write_xces_sentences (SverkaDocument *doc);

/* One side (SVERKA_LANGUAGE_RU or _EN) of the alignment as a Moses corpus
 * file: one line per bead with text on both sides, so that line k of the
 * Russian file translates line k of the English file. U+0085, U+2028 and
 * U+2029 become spaces.
 * Returns: (transfer full) the text, one line per bead. */
char *sverka_write_moses (SverkaAlignment *alignment,
                          SverkaDocument *ru,
                          SverkaDocument *en,
                          SverkaLanguage side);

/* The notes as JSON Lines: one object per note, {"kind", "severity",
 * "ru_ids", "en_ids", "ru_text", "en_text", "message"}, as in the notes TSV
 * (ids as arrays of 1-based numbers).
 * Returns: (transfer full) the JSON Lines text. */
char *sverka_write_notes_jsonl (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en);

/* The notes TSV: a header row "kind	severity	ru_ids	en_ids	ru_text	en_text	message",
 * then one row per note, in the notes' order; text cleaned as in the TSV.
 * Returns: (transfer full) the TSV text. */
char *sverka_write_notes_tsv (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en);

/* The notes as a Markdown report for a translator: a summary (the file
 * names, the verdict on the texts and its evidence, the counts), then the notes
 * grouped by kind, errors first, each with its sentences quoted.
 * Returns: (transfer full) the Markdown text. */
char *sverka_write_notes_md (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en);

/* The HTML report: one self-contained page (no scripts, styles or fonts
 * from outside) with the verdict on the texts in its header, the two texts
 * side by side, one row per bead, the score as a colour band (none for a
 * row with one side empty, whose score is the probability that it has no
 * counterpart), rows with one side empty and crossing links marked; the words each note is about highlighted in place and linked to
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
