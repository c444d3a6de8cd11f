/* sverka-write-notes-md.c: the notes as a Markdown report, grouped by kind,
 * errors first within each kind, with the sentence pair quoted and the
 * words each note is about in bold. */
#include <string.h>

#include "sverka-write.h"
#include "sverka-write-private.h"

static const SverkaNoteKind kind_order[] = {
  SVERKA_NOTE_NUMBER,   SVERKA_NOTE_DATE,         SVERKA_NOTE_TIME,         SVERKA_NOTE_NAME,
  SVERKA_NOTE_ADDITION, SVERKA_NOTE_OMISSION,     SVERKA_NOTE_MOVED,        SVERKA_NOTE_TERMINOLOGY,
  SVERKA_NOTE_LENGTH,   SVERKA_NOTE_SPELLING,     SVERKA_NOTE_WEEKDAY,      SVERKA_NOTE_UNTRANSLATED,
  SVERKA_NOTE_MIXED_SCRIPT,
};

static const char *
kind_name (SverkaNoteKind kind)
{
  switch (kind) {
  case SVERKA_NOTE_NUMBER:
    return "Numbers";
  case SVERKA_NOTE_DATE:
    return "Dates";
  case SVERKA_NOTE_NAME:
    return "Names";
  case SVERKA_NOTE_TERMINOLOGY:
    return "Terminology";
  case SVERKA_NOTE_LENGTH:
    return "Length";
  case SVERKA_NOTE_WEEKDAY:
    return "Weekdays";
  case SVERKA_NOTE_TIME:
    return "Times of day";
  case SVERKA_NOTE_UNTRANSLATED:
    return "Left untranslated";
  case SVERKA_NOTE_MIXED_SCRIPT:
    return "Look-alike letters of the other script";
  case SVERKA_NOTE_MOVED:
    return "Moved blocks";
  case SVERKA_NOTE_SPELLING:
  default:
    return "Spelling";
  }
}

/* The heading of @kind's notes, for the languages named @first and @second
 * ("Russian", "English"). Returns: (transfer full). */
static char *
kind_title (SverkaNoteKind kind, const char *first, const char *second)
{
  if (kind == SVERKA_NOTE_ADDITION)
    return g_strdup_printf ("%s sentences with no counterpart (additions)", first);
  if (kind == SVERKA_NOTE_OMISSION)
    return g_strdup_printf ("%s sentences with no counterpart (omissions)", second);
  return g_strdup (kind_name (kind));
}

/* Markdown-safe text: no line breaks, and characters that start markup
 * escaped. */
static void
append_escaped (GString *out, const char *s)
{
  for (const char *p = s; *p != '\0'; p++) {
    if (*p == '\n' || *p == '\r' || *p == '\t')
      g_string_append_c (out, ' ');
    else if (strchr ("\\`*_[]<>|#", *p) != NULL) {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    } else
      g_string_append_c (out, *p);
  }
}

/* Is byte @at of sentence @s of @lang inside a mark of @note? Returns the
 * end of that mark, or 0. */
static gsize
mark_end (const SverkaNote *note, SverkaLanguage lang, guint s, gsize at)
{
  for (guint k = 0; k < note->n_marks; k++) {
    const SverkaNoteMark *m = &note->marks[k];
    if (m->language == lang && m->sentence == s && m->start <= at && at < m->end)
      return m->end;
  }
  return 0;
}

/* Sentence @s of @doc, escaped, with the words @note is about in bold: the
 * differing numbers, the unmatched names, the misspelled word. Runs of
 * white space become one space, as in the TSV. */
static void
append_marked (GString *out, SverkaDocument *doc, guint s, const SverkaNote *note)
{
  const SverkaSentence *st = sverka_document_get_sentence (doc, s);
  const char *data = sverka_document_get_data (doc, NULL);
  SverkaLanguage lang = sverka_document_get_language (doc);
  gsize open = 0; /* the end of the bold span open, or 0 */
  gboolean space = FALSE;

  for (gsize i = st->start; i < st->end;) {
    gsize next = (gsize) (g_utf8_next_char (data + i) - data);
    gunichar c = g_utf8_get_char (data + i);
    char one[8] = { 0 };
    if (open != 0 && i >= open) {
      g_string_append (out, "**");
      open = 0;
    }
    if (g_unichar_isspace (c)) {
      space = TRUE;
      i = next;
      continue;
    }
    if (space)
      g_string_append_c (out, ' ');
    space = FALSE;
    if (open == 0 && (open = mark_end (note, lang, s, i)) != 0)
      g_string_append (out, "**");
    memcpy (one, data + i, MIN (next - i, sizeof one - 1));
    append_escaped (out, one);
    i = next;
  }
  if (open != 0)
    g_string_append (out, "**");
}

static void
append_quote (GString *out, const char *lang, SverkaDocument *doc, const guint *ids, guint n,
              const SverkaNote *note)
{
  if (n == 0)
    return;
  g_string_append_printf (out, "  > **%s %u", lang, sverka_document_get_sentence_id (doc, ids[0]));
  for (guint k = 1; k < n; k++)
    g_string_append_printf (out, ",%u", sverka_document_get_sentence_id (doc, ids[k]));
  g_string_append (out, "**: ");
  for (guint k = 0; k < n; k++) {
    if (k > 0)
      g_string_append_c (out, ' ');
    append_marked (out, doc, ids[k], note);
  }
  g_string_append (out, "\n  >\n");
}

/* A bilingual file's units, escaped. */
static void
append_units (GString *out, SverkaDocument *ru, SverkaDocument *en, const SverkaNote *note)
{
  g_autoptr (GString) units = g_string_new (NULL);
  sverka_write_append_units (units, ru, note->ru, note->n_ru, en, note->en, note->n_en);
  append_escaped (out, units->str);
}

char *
sverka_write_notes_md (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new ("# sverka: discrepancy notes\n\n");
  guint n = sverka_notes_get_n_notes (notes);
  guint errors = sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR);
  guint warnings = sverka_notes_count_at_least (notes, SVERKA_SEVERITY_WARNING) - errors;

  g_string_append_printf (out, "%s: `", sverka_document_get_language_name (ru));
  append_escaped (out, sverka_document_get_name (ru));
  g_string_append_printf (out, "`, %s: `", sverka_document_get_language_name (en));
  append_escaped (out, sverka_document_get_name (en));
  g_string_append_printf (out, "`\n\nVerdict: **%s** (",
                          sverka_verdict_to_string (sverka_notes_get_verdict (notes)));
  append_escaped (out, sverka_notes_get_verdict_reason (notes));
  g_string_append (out, ")");
  if (sverka_notes_get_verdict (notes) == SVERKA_VERDICT_UNRELATED)
    g_string_append (out, ". The texts do not look like a translation of each other: check the "
                          "files; the notes below are mostly noise");
  else if (sverka_notes_get_verdict (notes) == SVERKA_VERDICT_UNTRANSLATED)
    g_string_append (out, ". One text looks like an untranslated copy of the other: check the "
                          "files");
  g_string_append_printf (out, ".\n\n%u notes: %u errors, %u warnings, %u for information.\n",
                          n, errors, warnings, n - errors - warnings);
  if (sverka_notes_get_skipped_checks (notes)[0] != NULL) {
    g_autofree char *skipped =
        g_strjoinv (", ", (char **) sverka_notes_get_skipped_checks (notes));
    g_string_append_printf (out, "\nNot checked for %s and %s: %s (these checks need data "
                                 "files the packs lack).\n",
                            sverka_document_get_language_name (ru),
                            sverka_document_get_language_name (en), skipped);
  }

  for (guint o = 0; o < G_N_ELEMENTS (kind_order); o++) {
    SverkaNoteKind kind = kind_order[o];
    guint count = 0;
    char *title;
    for (guint i = 0; i < n; i++)
      count += sverka_notes_get_note (notes, i)->kind == kind;
    if (count == 0)
      continue;
    title = kind_title (kind, sverka_document_get_language_name (ru),
                        sverka_document_get_language_name (en));
    g_string_append_printf (out, "\n## %s (%u)\n\n", title, count);
    g_free (title);
    for (int sev = SVERKA_SEVERITY_ERROR; sev >= SVERKA_SEVERITY_INFO; sev--) {
      for (guint i = 0; i < n; i++) {
        const SverkaNote *note = sverka_notes_get_note (notes, i);
        if (note->kind != kind || (int) note->severity != sev)
          continue;
        g_string_append_printf (out, "- **%s**: ", sverka_severity_to_string (note->severity));
        append_units (out, ru, en, note);
        append_escaped (out, note->message);
        g_string_append (out, "\n\n");
        append_quote (out, sverka_document_get_language_code (ru), ru, note->ru, note->n_ru, note);
        append_quote (out, sverka_document_get_language_code (en), en, note->en, note->n_en, note);
      }
    }
  }
  return g_string_free (out, FALSE);
}
