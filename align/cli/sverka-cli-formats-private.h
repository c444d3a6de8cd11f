/* sverka-cli-formats-private.h: the command line's output formats: which
 * files `sverka align` writes with --format, -o and --out-dir, and what goes
 * in each. Part of the sverka program, not of the library. */
#pragma once

#include <glib.h>

#include "sverka.h"

G_BEGIN_DECLS

/* The options that choose the outputs (NULL when not given). */
typedef struct {
  const char *format;      /* --format: tsv (default), tmx, jsonl, ladder, moses, vecalign, xces */
  const char *jsonl_style; /* --jsonl-style: sverka (default) or hf */
  const char *output;      /* -o: where the --format output goes; NULL or "-": standard output */
  const char *out_dir;     /* --out-dir: write every format there */
  const char *notes;       /* --notes: the notes TSV */
  const char *notes_md;    /* --notes-md: the notes as Markdown */
  const char *notes_jsonl; /* --notes-jsonl: the notes as JSON Lines */
  const char *html;        /* --html: the HTML report */
  gboolean filter;         /* --min-score given: */
  double min_score;        /* the TSV, TMX, JSON Lines and Moses outputs keep only the
                            * rows scoring at least this */
  const char *tmx_lang;    /* --tmx-lang L1,L2: the TMX's language tags */
  const char *codes[2];    /* the pair's language codes, which the tags must begin with
                            * (NULL: ru, en) */
  gboolean tmx_1to1;       /* --tmx-1to1: only 1-1 beads in the TMX */
  SverkaTmxOptions tmx;    /* set by sverka_cli_formats_check() from the two above and
                            * $SOURCE_DATE_EPOCH, its tags pointing into: */
  char tmx_tags[2][36];
} SverkaCliFormats;

/* One file to write: @path NULL means standard output. */
typedef struct {
  char *path;
  char *text;
} SverkaCliOutput;

/* The file names --out-dir uses, for --help and the manual. */
extern const char sverka_cli_out_dir_help[];

/* Checks the values of --format, --jsonl-style and --tmx-lang and their
 * combination with -o and --out-dir, before any work is done, and sets
 * @formats->tmx (SOURCE_DATE_EPOCH gives the TMX's creation date). The
 * message names the option, the value found and what to do. */
gboolean sverka_cli_formats_check (SverkaCliFormats *formats, GError **error);

/* Parses the value of --min-score: a number from 0 to 1. The message names
 * the option and the value found. */
/* --split: "sentences" (or not given) or "none", into *@none; anything else
 * is an error naming the value. */
gboolean sverka_cli_parse_split (const char *value, gboolean *none, GError **error);

gboolean sverka_cli_parse_min_score (const char *value, double *out, GError **error);

/* The standard error line that says how many rows --min-score left out of
 * @n_rows, and from which outputs (@what). (transfer full) */
char *sverka_cli_min_score_message (double min_score, guint64 n_left_out, guint64 n_rows,
                                     const char *what);

/* TRUE if the outputs asked for include the notes. */
gboolean sverka_cli_formats_need_notes (const SverkaCliFormats *formats);

/* TRUE if the outputs asked for include the HTML report, which needs the
 * similarity map. */
gboolean sverka_cli_formats_need_map (const SverkaCliFormats *formats);

/* The files to write, in order: the notes files, the HTML report, the
 * --out-dir files, then the --format output. @notes and @map may be NULL
 * when not needed. With formats->filter, the TSV, TMX, JSON Lines and Moses
 * outputs hold only the rows scoring at least formats->min_score, and
 * *@n_left_out (if not NULL) receives the number of rows left out; the
 * notes, the HTML report and the ladder keep every row.
 * Returns: (transfer full) (element-type SverkaCliOutput) the outputs. */
GPtrArray *sverka_cli_formats_render (const SverkaCliFormats *formats,
                                       SverkaAlignment *alignment,
                                       SverkaNotes *notes,
                                       SverkaSimMap *map,
                                       SverkaDocument *ru,
                                       SverkaDocument *en,
                                       guint *n_left_out);

G_END_DECLS
