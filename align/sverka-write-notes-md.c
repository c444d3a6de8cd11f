/* sverka-write-notes-md.c: the notes as a Markdown report, grouped by kind,
 * errors first within each kind, with the sentence pair quoted. */
#include <string.h>

#include "sverka-write.h"

static const SverkaNoteKind kind_order[] = {
  SVERKA_NOTE_NUMBER,   SVERKA_NOTE_DATE,        SVERKA_NOTE_NAME,   SVERKA_NOTE_ADDITION,
  SVERKA_NOTE_OMISSION, SVERKA_NOTE_MOVED,       SVERKA_NOTE_TERMINOLOGY, SVERKA_NOTE_LENGTH,
  SVERKA_NOTE_SPELLING, SVERKA_NOTE_WEEKDAY,     SVERKA_NOTE_UNTRANSLATED, SVERKA_NOTE_MIXED_SCRIPT,
};

static const char *
kind_title (SverkaNoteKind kind)
{
  switch (kind) {
  case SVERKA_NOTE_NUMBER:
    return "Numbers";
  case SVERKA_NOTE_DATE:
    return "Dates";
  case SVERKA_NOTE_NAME:
    return "Names";
  case SVERKA_NOTE_ADDITION:
    return "Russian sentences with no counterpart (additions)";
  case SVERKA_NOTE_OMISSION:
    return "English sentences with no counterpart (omissions)";
  case SVERKA_NOTE_TERMINOLOGY:
    return "Terminology";
  case SVERKA_NOTE_LENGTH:
    return "Length";
  case SVERKA_NOTE_WEEKDAY:
    return "Weekdays";
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

static void
append_quote (GString *out, const char *lang, SverkaDocument *doc, const guint *ids, guint n)
{
  if (n == 0)
    return;
  g_string_append_printf (out, "  > **%s %u", lang, ids[0] + 1);
  for (guint k = 1; k < n; k++)
    g_string_append_printf (out, ",%u", ids[k] + 1);
  g_string_append (out, "**: ");
  for (guint k = 0; k < n; k++) {
    g_autofree char *s = sverka_document_dup_sentence_text (doc, ids[k]);
    if (k > 0)
      g_string_append_c (out, ' ');
    append_escaped (out, s);
  }
  g_string_append (out, "\n  >\n");
}

char *
sverka_write_notes_md (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new ("# sverka: discrepancy notes\n\n");
  guint n = sverka_notes_get_n_notes (notes);
  guint errors = sverka_notes_count_at_least (notes, SVERKA_SEVERITY_ERROR);
  guint warnings = sverka_notes_count_at_least (notes, SVERKA_SEVERITY_WARNING) - errors;

  g_string_append (out, "Russian: `");
  append_escaped (out, sverka_document_get_name (ru));
  g_string_append (out, "`, English: `");
  append_escaped (out, sverka_document_get_name (en));
  g_string_append_printf (out, "`\n\n%u notes: %u errors, %u warnings, %u for information.\n",
                          n, errors, warnings, n - errors - warnings);

  for (guint o = 0; o < G_N_ELEMENTS (kind_order); o++) {
    SverkaNoteKind kind = kind_order[o];
    guint count = 0;
    for (guint i = 0; i < n; i++)
      count += sverka_notes_get_note (notes, i)->kind == kind;
    if (count == 0)
      continue;
    g_string_append_printf (out, "\n## %s (%u)\n\n", kind_title (kind), count);
    for (int sev = SVERKA_SEVERITY_ERROR; sev >= SVERKA_SEVERITY_INFO; sev--) {
      for (guint i = 0; i < n; i++) {
        const SverkaNote *note = sverka_notes_get_note (notes, i);
        if (note->kind != kind || (int) note->severity != sev)
          continue;
        g_string_append_printf (out, "- **%s**: ", sverka_severity_to_string (note->severity));
        append_escaped (out, note->message);
        g_string_append (out, "\n\n");
        append_quote (out, "ru", ru, note->ru, note->n_ru);
        append_quote (out, "en", en, note->en, note->n_en);
      }
    }
  }
  return g_string_free (out, FALSE);
}
