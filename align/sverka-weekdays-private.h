/* sverka-weekdays-private.h: how a language names the days of the week,
 * as data.
 *
 * A pack's weekdays.tsv (format line "# sverka-weekdays 1") lists, a line
 * each, kind<TAB>word[<TAB>day] (day 1 = Monday ... 7 = Sunday):
 *
 *   name         WORD DAY  a weekday's name in one of its forms, whole
 *                          ("monday", "mondays", "понедельника")
 *   guarded      WORD DAY  a form that is also another word ("среду" is
 *                          also "environment"): a weekday only after a
 *                          `guard` word or beside a number
 *   number-only  WORD DAY  a form that is a weekday only beside a number
 *                          ("среде")
 *   abbreviation WORD DAY  an abbreviation ("mon", "пн"): a weekday only
 *                          before a number or beside another abbreviation
 *   guard        WORD      a word before a `guarded` form ("в", "по")
 *   not-followed-by WORD   a word after a `guarded` form that makes it no
 *                          weekday, guard or not ("среду обитания")
 *   lead         WORD      a word between a weekday and the date after it
 *                          ("on", "the", "в")
 *   trail        WORD      a word between a date and the weekday after it
 *                          ("on", "в")
 *   year-word    WORD      a word after a date's year ("года", "г.")
 *   day-month-word WORD    a word between a date's day and month ("of")
 *   day-suffix   TEXT      what may follow a date's day ("th", "-го", ".")
 *   abbreviations-capitalised yes or no (given once): must an abbreviation
 *                          be capitalised ("Sat 14 Dec", not "sat")?
 *
 * Words are written in lower case; a weekday's form is looked up as the
 * text's word folds.
 *
 * Ownership: a SverkaWeekdays is (transfer full) from
 * sverka_weekdays_load(), freed with sverka_weekdays_free(). Nothing is
 * printed; no state is kept.
 */
#pragma once

#include <glib.h>

#include "sverka-start-filter-private.h"

G_BEGIN_DECLS

typedef enum {
  SVERKA_WEEKDAY_NAME = 1,
  SVERKA_WEEKDAY_GUARDED,
  SVERKA_WEEKDAY_NUMBER_ONLY,
  SVERKA_WEEKDAY_ABBREVIATION,
} SverkaWeekdayKind;

typedef struct {
  GHashTable *forms; /* folded form -> day | kind << 4 (keys owned) */
  SverkaStartFilter starts; /* of every form: most words begin as no weekday does */
  GPtrArray *guards, *not_followed_by; /* folded words (owned) */
  /* for the dates beside a weekday, in file order (owned) */
  GPtrArray *leads, *trails, *year_words, *day_suffixes, *day_month_words;
  gboolean abbreviations_capitalised;
} SverkaWeekdays;

/* Reads @path, a weekdays.tsv.
 * Returns: (transfer full) the weekdays, or NULL with @error set
 * (SVERKA_ERROR_DICTIONARY, naming the file and line). */
SverkaWeekdays *sverka_weekdays_load (const char *path, GError **error);

void sverka_weekdays_free (SverkaWeekdays *w);

/* The day (1-7) of folded word @fold, with its kind in @kind; or 0. */
guint sverka_weekdays_lookup (const SverkaWeekdays *w, const char *fold, SverkaWeekdayKind *kind);

/* Is @fold one of @words (of folded words)? */
gboolean sverka_weekdays_in (GPtrArray *words, const char *fold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaWeekdays, sverka_weekdays_free)

G_END_DECLS
