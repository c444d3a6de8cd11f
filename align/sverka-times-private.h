/* sverka-times-private.h: how a language writes a time of day, as data.
 *
 * A pack's times.tsv (format line "# sverka-times 1") lists, a line each,
 * kind<TAB>phrase[<TAB>value]:
 *
 *   before  PHRASE          a word before a time ("в", "at", "um", "à")
 *   hour    PHRASE          a word after a time's hour ("часов", "o'clock",
 *                           "Uhr", "h.")
 *   minute  PHRASE          a word after the minutes of a time with an hour
 *                           word ("14 ч 30 мин")
 *   part    PHRASE  PART    a part of the day after a time ("pm", "утра",
 *                           "in the evening"): am, pm or night
 *   word    PHRASE  HH:MM   a word that is a time ("noon", "полночь")
 *   clock        12 or 24   12: a time that names no part of the day is
 *                           morning or evening ("at 4:30"); 24: only a
 *                           bare hour with an hour word is ("в 6 часов")
 *   needs-before yes or no  yes: a time other than "14:30" needs a word
 *                           before it unless it has an hour word and a part
 *                           of the day ("за 18 часов" is a duration); no:
 *                           an hour word or a part of the day is enough
 *   bare-minutes yes or no  yes: two digits after an hour word are its
 *                           minutes ("15 h 30", "15 Uhr 30")
 *
 * A phrase is matched in any case, and must not run on into a letter; a
 * phrase ending in '*' is a word beginning ("мин*": "мин", "минут"), and
 * runs on to the word's end. Longer phrases are tried first. The three
 * rules (clock, needs-before, bare-minutes) must each be given once.
 *
 * Ownership: a SverkaTimeWords is (transfer full) from
 * sverka_time_words_load(), freed with sverka_time_words_free(). Nothing is
 * printed; no state is kept.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SVERKA_TIME_PART_NONE = 0,
  SVERKA_TIME_PART_AM,
  SVERKA_TIME_PART_PM,
  SVERKA_TIME_PART_NIGHT,
} SverkaTimePart;

typedef struct {
  char *phrase;     /* lower case, without the '*' */
  gboolean start;   /* a word beginning */
  guint value;      /* a part's SverkaTimePart, a word's minutes from midnight */
} SverkaTimePhrase;

typedef struct {
  /* each of SverkaTimePhrase, longest phrase first */
  GArray *before, *hours, *minutes, *parts, *words;
  guint clock; /* 12 or 24 */
  gboolean needs_before;
  gboolean bare_minutes;
} SverkaTimeWords;

/* Reads @path, a times.tsv.
 * Returns: (transfer full) the words, or NULL with @error set
 * (SVERKA_ERROR_DICTIONARY, naming the file and line). */
SverkaTimeWords *sverka_time_words_load (const char *path, GError **error);

void sverka_time_words_free (SverkaTimeWords *words);

/* The first phrase of @phrases (of SverkaTimePhrase) at @p, before @end.
 * Returns: (transfer none) the phrase, with its end in @after; or NULL. */
const SverkaTimePhrase *sverka_time_words_match (GArray *phrases, const char *p, const char *end,
                                                 const char **after);

/* Is @fold (a folded word) one of @phrases? Returns: (transfer none) the
 * phrase, or NULL. */
const SverkaTimePhrase *sverka_time_words_find (GArray *phrases, const char *fold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaTimeWords, sverka_time_words_free)

G_END_DECLS
