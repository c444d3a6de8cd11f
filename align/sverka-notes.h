/* sverka-notes.h: discrepancy notes.
 *
 * What a careful translator would flag once the sentences are aligned:
 * numbers and dates that differ, names with no counterpart, sentences with
 * no counterpart, spelling errors, one name spelled two ways, beads far
 * longer on one side than the document's other beads, weekdays that differ,
 * sentences left untranslated, and words with look-alike letters of the
 * other script.
 */
#pragma once

#include <glib.h>

#include "sverka-align.h"
#include "sverka-document.h"
#include "sverka-language.h"
#include "sverka-lexicon.h"

G_BEGIN_DECLS

typedef enum {
  SVERKA_NOTE_NUMBER,
  SVERKA_NOTE_DATE,
  SVERKA_NOTE_NAME,
  SVERKA_NOTE_OMISSION,    /* an English sentence with no Russian counterpart */
  SVERKA_NOTE_ADDITION,    /* a Russian sentence with no English counterpart */
  SVERKA_NOTE_SPELLING,
  SVERKA_NOTE_TERMINOLOGY,
  SVERKA_NOTE_LENGTH,
  SVERKA_NOTE_WEEKDAY,      /* weekdays that differ, or a weekday beside a date of another day */
  SVERKA_NOTE_UNTRANSLATED, /* a sentence or phrase left in the other language */
  SVERKA_NOTE_MIXED_SCRIPT, /* a word with look-alike letters of the other script */
  SVERKA_NOTE_MOVED,        /* a block of sentences the translation gives elsewhere */
  SVERKA_NOTE_TIME,         /* times of day that differ */
} SverkaNoteKind;

typedef enum {
  SVERKA_SEVERITY_INFO,
  SVERKA_SEVERITY_WARNING,
  SVERKA_SEVERITY_ERROR,
} SverkaSeverity;

/* Returns: (transfer none) "number", "date", ... as in the notes TSV. */
const char *sverka_note_kind_to_string (SverkaNoteKind kind);
/* Returns: (transfer none) the kind's ITS 2.0 localization quality issue
 * type (locQualityIssueType): "numbers", "inconsistent-entities",
 * "omission", "addition", "misspelling", "terminology", "length",
 * "untranslated", "characters" or "other". */
const char *sverka_note_kind_to_its (SverkaNoteKind kind);
/* Returns: (transfer none) "info", "warning" or "error". */
const char *sverka_severity_to_string (SverkaSeverity severity);
gboolean sverka_severity_from_string (const char *s, SverkaSeverity *out);

/* A place in the text that a note is about: the differing number, the
 * unmatched name, the misspelled word. */
typedef struct {
  SverkaLanguage language; /* SVERKA_LANGUAGE_RU or SVERKA_LANGUAGE_EN: which document */
  guint sentence;          /* 0-based sentence index in that document */
  gsize start, end;        /* byte span in that document's data */
} SverkaNoteMark;

typedef struct {
  SverkaNoteKind kind;
  SverkaSeverity severity;
  guint n_ru;
  const guint *ru; /* 0-based sentence indices */
  guint n_en;
  const guint *en;
  const char *message; /* the evidence: "ru 130 тысяч = 130000; en none" */
  guint n_marks;       /* the words the note is about, in creation order; */
  const SverkaNoteMark *marks; /* none for a whole sentence (omission, length) */
} SverkaNote;

typedef struct _SverkaNotes SverkaNotes;

/* Checks the alignment @al of @ru and @en (made with @lex, which may be NULL).
 * Every check is made for any pair whose language packs hold the data
 * files it needs (the date check: months.tsv; time: times.tsv; weekday:
 * weekdays.tsv; untranslated: stopwords.txt); one they lack is not made:
 * see sverka_notes_get_skipped_checks().
 * Returns: (transfer full) the notes, sorted by position, or NULL with
 * @error set. */
SverkaNotes *sverka_notes_new (SverkaLexicon *lex,
                               SverkaAlignment *al,
                               SverkaDocument *ru,
                               SverkaDocument *en,
                               GError **error);
void sverka_notes_free (SverkaNotes *notes);

/* Returns: (transfer none) the names of the checks not made for want of
 * their language data ("date", "time"...), NULL-terminated: empty for the
 * packs of the tree (ru, en, de, fr). */
const char *const *sverka_notes_get_skipped_checks (SverkaNotes *notes);

guint sverka_notes_get_n_notes (SverkaNotes *notes);
/* Returns: (transfer none) note @i, valid as long as @notes. */
const SverkaNote *sverka_notes_get_note (SverkaNotes *notes, guint i);
/* The number of notes of @severity or above. */
guint sverka_notes_count_at_least (SverkaNotes *notes, SverkaSeverity severity);

/* Removes from @notes, in place, note i for every i with @drop[i] (one flag
 * per note, in order); the others keep their order. */
void sverka_notes_remove (SverkaNotes *notes, const gboolean *drop);

/* Leaves out of @notes, in place, the notes a translator accepted: those
 * given in @data (@len bytes), an accept file named @name in messages. It
 * is a notes TSV as sverka_write_notes_tsv() writes it (the header, then
 * one line per note; keep the lines of the notes to accept), and a note is
 * accepted when a line has its kind, ids, texts and message, whatever its
 * severity: a note reappears when its sentences change or move, so a
 * re-run after edits shows what is new. *@n_accepted, if not NULL, gets the
 * number left out.
 * Returns: FALSE with @error set (SVERKA_ERROR_FORMAT, naming @name and the
 * line) when @data is not such a file; @notes is then unchanged. */
gboolean sverka_notes_accept (SverkaNotes *notes,
                              SverkaDocument *ru,
                              SverkaDocument *en,
                              const char *data,
                              gsize len,
                              const char *name,
                              guint *n_accepted,
                              GError **error);

/* The verdict on the documents of the alignment checked, and its evidence
 * (see sverka_alignment_get_verdict()), for the reports' summaries.
 * Returns: (transfer none) the evidence, valid as long as @notes. */
SverkaVerdict sverka_notes_get_verdict (SverkaNotes *notes);
const char *sverka_notes_get_verdict_reason (SverkaNotes *notes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaNotes, sverka_notes_free)

G_END_DECLS
