/* sverka-charset-private.h: telling the legacy Cyrillic encodings apart, and
 * Russian text that was decoded with the wrong one (sverka-charset.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The single-byte Cyrillic encoding that reads @len bytes of @data (not
 * UTF-8) most like Russian: "WINDOWS-1251", "KOI8-R", "CP866" or
 * "ISO-8859-5", by the letter frequencies of Russian; NULL when none gives
 * Cyrillic letters enough to tell (a text of other languages). */
const char *sverka_charset_guess_cyrillic (const char *data, gsize len);

/* Whether valid UTF-8 @data looks like Russian text decoded with the wrong
 * encoding (mojibake): UTF-8 read as Windows-1251 ("РџСЂРёРІРµС‚"), as
 * Latin-1 or Windows-1252 ("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), or one Cyrillic code page read as
 * another. If so, returns TRUE with *@what describing it ("UTF-8 read as
 * Windows-1251") and *@undo the iconv command words that undo it
 * ("-f UTF-8 -t WINDOWS-1251", applied to the file, gives the original
 * bytes) (both static strings). Texts with under 100 letters are not
 * judged. */
gboolean sverka_charset_is_mojibake (const char *data, gsize len, const char **what,
                                     const char **undo);

G_END_DECLS
