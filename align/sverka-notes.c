/* sverka-notes.c: discrepancy notes (see the header): the checks' table,
 * what they share, and the notes they make.
 *
 * Each kind of check is one file (sverka-notes-private.h says how they are
 * run); in the order they run:
 * - unaligned (sverka-check-unaligned.c): omission / addition, a bead with
 *   one side empty.
 * - number: the values of a bead's numbers differ; an explicit year against
 *   a relative one is a date note.
 * - name: a name with no match in its bead, while the other side has one
 *   too; in comparable mode, a Russian name nowhere in the English text.
 * - absorbed: omission / addition, a sentence inside a larger bead that
 *   matches nothing on the other side (parallel mode).
 * - date: days counted from the day of speaking, and the months of dates,
 *   that differ (parallel mode).
 * - spelling: a word hunspell does not know with a close correction.
 * - variants: terminology, one name spelled two ways in a document.
 * - hyphenation: terminology, one word written with and without a hyphen.
 * - renderings: terminology, an English term of the lexicon rendered two
 *   ways (parallel mode).
 * - length: a bead far longer on one side than the document's others
 *   (parallel mode).
 * - weekday: weekdays that differ (parallel mode); a weekday beside a date
 *   that fell on another day.
 * - untranslated: a sentence, or a phrase of one, left in the other
 *   language.
 * - mixed-script: a word with look-alike letters of the other script.
 * - moved: a block of sentences the translation gives elsewhere, once per
 *   block (parallel mode).
 */
#include <string.h>

#include "sverka-notes.h"
#include "sverka-align-private.h"
#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-check-private.h"
#include "sverka-notes-private.h"

/* The checks in the order they run, which is the order of their notes within
 * a row. Adding a check: its file, its declaration in sverka-notes-private.h,
 * a line here and one in meson.build, and its cases in tests/notes-cases/. */
static const SverkaCheck *const checks[] = {
  &sverka_check_unaligned,
  &sverka_check_number,
  &sverka_check_name,
  &sverka_check_absorbed,
  &sverka_check_date,
  &sverka_check_spelling,
  &sverka_check_variants,
  &sverka_check_hyphenation,
  &sverka_check_renderings,
  &sverka_check_length,
  &sverka_check_weekday,
  &sverka_check_time,
  &sverka_check_untranslated,
  &sverka_check_mixed_script,
  &sverka_check_moved,
};

typedef struct {
  SverkaNoteKind kind;
  SverkaSeverity severity;
  guint ru_off, n_ru, en_off, n_en;
  guint order; /* row of the TSV the note belongs to */
  guint seq;   /* creation order, for stable sorting */
  char *message;
  guint mark_off, n_marks; /* into SverkaNotes.marks */
} NoteSpan;

struct _SverkaNotes {
  GArray *spans; /* NoteSpan */
  GArray *ids;   /* guint */
  GArray *notes; /* SverkaNote, pointing into ids and spans' messages */
  GArray *marks; /* SverkaNoteMark */
  SverkaVerdict verdict; /* of the alignment checked */
  char *verdict_reason;
  GPtrArray *skipped; /* the names of the checks not made, NULL-terminated */
};

static const char *const kind_names[] = {
  "number", "date", "name", "omission", "addition", "spelling", "terminology", "length",
  "weekday", "untranslated", "mixed-script",
  "moved", "time",
};
static const char *const severity_names[] = { "info", "warning", "error" };
/* The ITS 2.0 localization quality issue type of each kind
 * (https://www.w3.org/TR/its20/#lqissue-typevalues): dates, names, weekdays
 * and times are "inconsistent-entities" (the source and target name
 * different entities, dates or times); a moved block is no error of the
 * text, "other". */
static const char *const its_types[] = {
  "numbers", "inconsistent-entities", "inconsistent-entities", "omission", "addition",
  "misspelling", "terminology", "length", "inconsistent-entities", "untranslated",
  "characters", "other", "inconsistent-entities",
};
G_STATIC_ASSERT (G_N_ELEMENTS (its_types) == G_N_ELEMENTS (kind_names));

const char *
sverka_note_kind_to_its (SverkaNoteKind kind)
{
  return kind < G_N_ELEMENTS (its_types) ? its_types[kind] : "uncategorized";
}

const char *
sverka_note_kind_to_string (SverkaNoteKind kind)
{
  return kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : "unknown";
}

const char *
sverka_severity_to_string (SverkaSeverity severity)
{
  return severity < G_N_ELEMENTS (severity_names) ? severity_names[severity] : "unknown";
}

gboolean
sverka_severity_from_string (const char *s, SverkaSeverity *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++) {
    if (g_strcmp0 (s, severity_names[i]) == 0) {
      *out = (SverkaSeverity) i;
      return TRUE;
    }
  }
  return FALSE;
}
void
sverka_checker_add_note (SverkaChecker *c, SverkaNoteKind kind, SverkaSeverity severity,
                         const guint *ru, guint n_ru, const guint *en, guint n_en, char *message)
{
  NoteSpan span = { kind, severity, c->out->ids->len, n_ru, 0, n_en, 0, c->out->spans->len,
                    message };
  g_array_append_vals (c->out->ids, ru, n_ru);
  span.en_off = c->out->ids->len;
  g_array_append_vals (c->out->ids, en, n_en);
  span.order = n_ru > 0 ? c->ru_row[ru[0]] : n_en > 0 ? c->en_row[en[0]] : 0;
  span.mark_off = c->out->marks->len;
  g_array_append_val (c->out->spans, span);
}

void
sverka_checker_add_side_note (SverkaChecker *c, SverkaNoteKind kind, SverkaSeverity severity,
                              gboolean russian, const guint *ids, guint n, char *message)
{
  if (russian)
    sverka_checker_add_note (c, kind, severity, ids, n, NULL, 0, message);
  else
    sverka_checker_add_note (c, kind, severity, NULL, 0, ids, n, message);
}

void
sverka_checker_add_mark (SverkaChecker *c, gboolean russian, gsize start, gsize end)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaNoteMark mark = { russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN, 0, start, end };
  guint lo = 0, hi = sverka_document_get_n_sentences (doc);

  /* The last sentence starting at or before @start. */
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (sverka_document_get_sentence (doc, mid)->start <= start)
      lo = mid;
    else
      hi = mid;
  }
  mark.sentence = lo;
  g_array_append_val (c->out->marks, mark);
  g_array_index (c->out->spans, NoteSpan, c->out->spans->len - 1).n_marks++;
}

const char *
sverka_checker_code (SverkaChecker *c, gboolean russian)
{
  return sverka_document_get_language_code (russian ? c->ru : c->en);
}

const char *
sverka_checker_language (SverkaChecker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  return sverka_context_lang (doc->ctx, doc->language)->pack->name;
}

void
sverka_checker_add_token_mark (SverkaChecker *c, gboolean russian, const SverkaToken *t)
{
  sverka_checker_add_mark (c, russian, t->start, t->end);
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const NoteSpan *x = a, *y = b;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The year of the Russian text's dateline: a year in its first three
 * sentences, or 0. */
static double
document_year (SverkaDocument *ru)
{
  g_autoptr (GArray) head = g_array_new (FALSE, FALSE, sizeof (SverkaCheckNumber));
  guint first[3] = { 0, 1, 2 };
  sverka_check_collect_numbers (ru, first, MIN (sverka_document_get_n_sentences (ru), 3u), head);
  for (guint i = 0; i < head->len; i++)
    if (sverka_check_is_year (g_array_index (head, SverkaCheckNumber, i).value))
      return g_array_index (head, SverkaCheckNumber, i).value;
  return 0;
}

/* Runs the checks that apply to @c's mode over @c's alignment. */
static void
run_checks (SverkaChecker *c)
{
  gpointer state[G_N_ELEMENTS (checks)] = { NULL };
  gboolean on[G_N_ELEMENTS (checks)];
  guint nb = sverka_alignment_get_n_beads (c->al);

  for (guint k = 0; k < G_N_ELEMENTS (checks); k++) {
    on[k] = c->parallel || !checks[k]->parallel_only;
    if (checks[k]->needs != 0 && !sverka_context_packs_have (c->ru->ctx, checks[k]->needs)) {
      on[k] = FALSE;
      g_ptr_array_insert (c->out->skipped, (gint) c->out->skipped->len - 1,
                          (gpointer) checks[k]->name);
    }
    if (on[k] && checks[k]->begin != NULL)
      state[k] = checks[k]->begin (c);
  }
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    for (guint k = 0; k < G_N_ELEMENTS (checks); k++)
      if (on[k] && checks[k]->bead != NULL)
        checks[k]->bead (c, state[k], b);
  }
  for (guint k = 0; k < G_N_ELEMENTS (checks); k++)
    if (on[k] && checks[k]->document != NULL)
      checks[k]->document (c, state[k]);
  for (guint k = 0; k < G_N_ELEMENTS (checks); k++)
    if (state[k] != NULL && checks[k]->free_state != NULL)
      checks[k]->free_state (state[k]);
}

SverkaNotes *
sverka_notes_new (SverkaLexicon *lex, SverkaAlignment *al, SverkaDocument *ru,
                  SverkaDocument *en, GError **error)
{
  g_autoptr (SverkaNotes) notes = g_new0 (SverkaNotes, 1);
  g_autoptr (SverkaScorer) sc = NULL;
  g_autoptr (GString) buf = g_string_new (NULL);
  guint n_ru = sverka_document_get_n_sentences (ru);
  guint n_en = sverka_document_get_n_sentences (en);
  g_autofree guint *ru_row = g_new0 (guint, MAX (n_ru, 1));
  g_autofree guint *en_row = g_new0 (guint, MAX (n_en, 1));
  SverkaChecker c = { al, ru, en, NULL, lex, sverka_alignment_get_mode (al) == SVERKA_MODE_PARALLEL,
                      ru_row, en_row, 0, buf, notes };

  notes->skipped = g_ptr_array_new ();
  g_ptr_array_add (notes->skipped, NULL);
  notes->verdict = sverka_alignment_get_verdict (al);
  notes->verdict_reason = g_strdup (sverka_alignment_get_verdict_reason (al));
  if (!sverka_document_analyze (ru, error) || !sverka_document_analyze (en, error))
    return NULL;
  if (ru->ctx->analysed_without_spelling || en->ctx->analysed_without_spelling) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "the documents' words were analysed without their spelling "
                 "(sverka_context_set_spelling); the notes need it");
    return NULL;
  }
  /* the alignment's scorer, or one made for the notes alone */
  c.sc = sverka_alignment_get_scorer (al, lex, ru, en);
  if (c.sc == NULL) {
    sc = sverka_scorer_new (lex, ru, en, error);
    if (sc == NULL)
      return NULL;
    c.sc = sc;
  }
  notes->spans = g_array_new (FALSE, FALSE, sizeof (NoteSpan));
  notes->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  notes->notes = g_array_new (FALSE, FALSE, sizeof (SverkaNote));
  notes->marks = g_array_new (FALSE, FALSE, sizeof (SverkaNoteMark));
  for (guint i = sverka_alignment_get_n_beads (al); i-- > 0;) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    for (guint k = 0; k < b->n_ru; k++)
      ru_row[b->ru[k]] = i;
    for (guint k = 0; k < b->n_en; k++)
      en_row[b->en[k]] = i;
  }
  c.doc_year = document_year (ru);
  run_checks (&c);

  g_array_sort (notes->spans, compare_spans);
  for (guint i = 0; i < notes->spans->len; i++) {
    const NoteSpan *s = &g_array_index (notes->spans, NoteSpan, i);
    SverkaNote note = { s->kind, s->severity, s->n_ru,
                        s->n_ru ? &g_array_index (notes->ids, guint, s->ru_off) : NULL, s->n_en,
                        s->n_en ? &g_array_index (notes->ids, guint, s->en_off) : NULL,
                        s->message, s->n_marks,
                        s->n_marks ? &g_array_index (notes->marks, SverkaNoteMark, s->mark_off)
                                   : NULL };
    g_array_append_val (notes->notes, note);
  }
  return g_steal_pointer (&notes);
}

void
sverka_notes_remove (SverkaNotes *notes, const gboolean *drop)
{
  guint kept = 0;
  for (guint i = 0; i < notes->notes->len; i++)
    if (!drop[i])
      g_array_index (notes->notes, SverkaNote, kept++) = g_array_index (notes->notes, SverkaNote, i);
  g_array_set_size (notes->notes, kept);
}

void
sverka_notes_free (SverkaNotes *notes)
{
  if (notes == NULL)
    return;
  for (guint i = 0; notes->spans != NULL && i < notes->spans->len; i++)
    g_free (g_array_index (notes->spans, NoteSpan, i).message);
  g_clear_pointer (&notes->spans, g_array_unref);
  g_clear_pointer (&notes->ids, g_array_unref);
  g_clear_pointer (&notes->notes, g_array_unref);
  g_clear_pointer (&notes->marks, g_array_unref);
  g_free (notes->verdict_reason);
  g_clear_pointer (&notes->skipped, g_ptr_array_unref);
  g_free (notes);
}

const char *const *
sverka_notes_get_skipped_checks (SverkaNotes *notes)
{
  return (const char *const *) notes->skipped->pdata;
}

SverkaVerdict
sverka_notes_get_verdict (SverkaNotes *notes)
{
  return notes->verdict;
}

const char *
sverka_notes_get_verdict_reason (SverkaNotes *notes)
{
  return notes->verdict_reason;
}

guint
sverka_notes_get_n_notes (SverkaNotes *notes)
{
  return notes->notes->len;
}

const SverkaNote *
sverka_notes_get_note (SverkaNotes *notes, guint i)
{
  g_return_val_if_fail (i < notes->notes->len, NULL);
  return &g_array_index (notes->notes, SverkaNote, i);
}

guint
sverka_notes_count_at_least (SverkaNotes *notes, SverkaSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < notes->notes->len; i++)
    n += g_array_index (notes->notes, SverkaNote, i).severity >= severity;
  return n;
}