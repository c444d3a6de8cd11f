/* sverka-notes-private.h: the checks behind sverka_notes_new().
 *
 * Each kind of check is one file, sverka-check-NAME.c, that defines one
 * SverkaCheck, sverka_check_NAME, declared below. sverka-notes.c lists them
 * in one table and runs them: each check's bead() on every bead, in table
 * order, bead by bead; then each check's document(), in table order. The
 * notes are then sorted by the row they belong to, stably, so within a row
 * the table's order is the notes' order.
 *
 * A check reads the alignment through the SverkaChecker and writes notes
 * with sverka_checker_add_note() and their marks with
 * sverka_checker_add_mark(); what it needs for a whole document (caches,
 * counts, budgets) it keeps in its own state, made by begin() and freed by
 * free_state. Checks know nothing of each other; what several of them use
 * lies in sverka-check-private.h.
 */
#pragma once

#include <glib.h>

#include "sverka-notes.h"
#include "sverka-score-private.h"

G_BEGIN_DECLS

/* What every check may read. Owned by sverka_notes_new(), valid while the
 * checks run. */
typedef struct {
  SverkaAlignment *al;
  SverkaDocument *ru, *en;   /* analysed */
  SverkaScorer *sc;          /* the word-level evidence between the two */
  SverkaLexicon *lex;        /* may be NULL */
  gboolean parallel;         /* the alignment's mode is parallel */
  const guint *ru_row, *en_row; /* per sentence: the row (bead) holding it */
  double doc_year;           /* the year of the Russian text's dateline, or 0 */
  GString *buf;              /* scratch, for a check to build a message in */
  SverkaNotes *out;          /* sverka_checker_add_note()'s; not for checks */
} SverkaChecker;

/* Adds a note about Russian sentences @ru and English sentences @en (either
 * list may be empty), taking @message (g_malloc'ed). The note belongs to the
 * row of its first Russian sentence, else of its first English one. */
void sverka_checker_add_note (SverkaChecker *c,
                              SverkaNoteKind kind,
                              SverkaSeverity severity,
                              const guint *ru,
                              guint n_ru,
                              const guint *en,
                              guint n_en,
                              char *message);

/* Adds a note about sentences @ids of one side only: the Russian text when
 * @russian, else the English one; as sverka_checker_add_note(). */
void sverka_checker_add_side_note (SverkaChecker *c,
                                   SverkaNoteKind kind,
                                   SverkaSeverity severity,
                                   gboolean russian,
                                   const guint *ids,
                                   guint n,
                                   char *message);

/* Marks the bytes [@start, @end) of the Russian or English text as what the
 * note added last is about. */
void sverka_checker_add_mark (SverkaChecker *c, gboolean russian, gsize start, gsize end);

/* The code ("ru", "de") and the name ("Russian", "German") of the first
 * (@russian) or second text's language, for the messages.
 * Returns: (transfer none). */
const char *sverka_checker_code (SverkaChecker *c, gboolean russian);
const char *sverka_checker_language (SverkaChecker *c, gboolean russian);

/* Marks token @t of the Russian or English text (see above). */
void sverka_checker_add_token_mark (SverkaChecker *c, gboolean russian, const SverkaToken *t);

/* One kind of check. Every function may be NULL. */
typedef struct {
  const char *name;       /* as in tests/notes-cases/NAME/ */
  gboolean parallel_only; /* skipped in comparable mode */
  /* The data files (SverkaPackFiles) both packs must hold, or the check is
   * skipped and named as skipped (the date check: months.tsv). */
  guint needs;
  /* Returns: (transfer full) the check's state for this document, freed
   * with free_state once the checks have run. */
  gpointer (*begin) (SverkaChecker *c);
  /* Checks bead @b. */
  void (*bead) (SverkaChecker *c, gpointer state, const SverkaBead *b);
  /* Checks the whole document, after every check has seen every bead. */
  void (*document) (SverkaChecker *c, gpointer state);
  GDestroyNotify free_state;
} SverkaCheck;

/* The checks, one file each; the table in sverka-notes.c gives their order. */
extern const SverkaCheck sverka_check_unaligned;
extern const SverkaCheck sverka_check_number;
extern const SverkaCheck sverka_check_name;
extern const SverkaCheck sverka_check_absorbed;
extern const SverkaCheck sverka_check_date;
extern const SverkaCheck sverka_check_spelling;
extern const SverkaCheck sverka_check_variants;
extern const SverkaCheck sverka_check_hyphenation;
extern const SverkaCheck sverka_check_renderings;
extern const SverkaCheck sverka_check_length;
extern const SverkaCheck sverka_check_weekday;
extern const SverkaCheck sverka_check_untranslated;
extern const SverkaCheck sverka_check_mixed_script;
extern const SverkaCheck sverka_check_moved;
extern const SverkaCheck sverka_check_time;

G_END_DECLS
