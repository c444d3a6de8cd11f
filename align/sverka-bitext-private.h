/* sverka-bitext-private.h: reading a parallel corpus (a translation memory)
 * as pairs of Russian and English segments, for `sverka lexicon train`.
 *
 * Three forms are read:
 *   - TSV: one pair a line, "russian<TAB>english" (further fields ignored),
 *     as sverka's parallel TSV and most tools write it; a first line whose
 *     fields are "ru" and "en" (or "en" and "ru", which swaps the columns)
 *     is a header;
 *   - Moses: two files of as many lines, PREFIX.ru and PREFIX.en, named by
 *     PREFIX or by either file;
 *   - TMX (any version): every <tu> with a Russian and an English <tuv>
 *     (xml:lang, or lang in TMX 1.1, "ru", "ru-RU", "EN-GB", ...), the text
 *     of their <seg> without inline codes (<bpt>, <ept>, <it>, <ph>, <ut>,
 *     <sub>);
 *   - XLIFF 1.2 and 2.x: every segment with a source and a target, read as
 *     sverka_bilingual_new_from_data() reads it (sverka-bilingual.h).
 * TSV and Moses files must be UTF-8 text (a byte order mark is skipped;
 * CRLF line ends are read as LF), checked as the aligner checks its input;
 * a TMX file may be in any encoding its XML declaration or byte order mark
 * names (UTF-16 is common). A pair with an empty side is skipped and counted, never
 * an error; a line of a TSV without a tab, Moses files of different
 * lengths, bytes that are not UTF-8 and XML that is not well-formed are
 * errors naming the file and line. */
#pragma once

#include <glib.h>

#include "sverka-context.h"

G_BEGIN_DECLS

typedef struct {
  const char *ru, *en; /* NUL-terminated, valid UTF-8, maybe with tabs */
  guint line;          /* the line of the pair (TSV, Moses) or of its <tu> */
} SverkaBitextPair;

/* Called for each pair in the order of the file; FALSE with @error set
 * stops the reading. */
typedef gboolean (*SverkaBitextFunc) (const SverkaBitextPair *pair, gpointer user_data,
                                      GError **error);

typedef struct {
  guint pairs;   /* pairs given to the function */
  guint skipped; /* pairs with a side empty, or a <tu> without both languages */
} SverkaBitextStats;

/* Reads the corpus at @path (a TSV, TMX or XLIFF file, a Moses prefix, or
 * one file of a Moses pair), adding to @stats (may be NULL). @ctx reads an
 * XLIFF file's segments. */
gboolean sverka_bitext_read (SverkaContext *ctx, const char *path, SverkaBitextFunc func,
                             gpointer user_data, SverkaBitextStats *stats, GError **error);

/* The readers of the forms, on bytes in memory (@name in messages). */
gboolean sverka_bitext_read_tsv (const char *name, const char *data, gsize len,
                                 SverkaBitextFunc func, gpointer user_data,
                                 SverkaBitextStats *stats, GError **error);
gboolean sverka_bitext_read_moses (const char *ru_name, const char *ru, gsize ru_len,
                                   const char *en_name, const char *en, gsize en_len,
                                   SverkaBitextFunc func, gpointer user_data,
                                   SverkaBitextStats *stats, GError **error);
gboolean sverka_bitext_read_tmx (const char *name, const char *data, gsize len,
                                 SverkaBitextFunc func, gpointer user_data,
                                 SverkaBitextStats *stats, GError **error);
gboolean sverka_bitext_read_xliff (SverkaContext *ctx, const char *name, const char *data,
                                   gsize len, SverkaBitextFunc func, gpointer user_data,
                                   SverkaBitextStats *stats, GError **error);

/* TRUE if @data (@len bytes) starts, after a byte order mark (UTF-8 or
 * UTF-16) and white space, with markup whose first kilobyte holds a <tmx>
 * element. */
gboolean sverka_bitext_is_tmx (const char *data, gsize len);

G_END_DECLS
