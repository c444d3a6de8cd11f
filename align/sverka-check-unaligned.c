/* sverka-check-unaligned.c: omission and addition, a bead with one side
 * empty. An error in parallel mode, except for a label: sentences holding
 * one word of letters at most and no number ("Q.", "Ответ:", "Фото"), which
 * a translator may leave out or the other side's segmenter may have joined
 * to the next sentence ("A. Unless stated otherwise..."); that is a
 * warning. In comparable mode a Russian sentence with no support in the
 * English text is a warning and an English sentence the report does not
 * cover is information. In a bilingual (XLIFF) file, whose source side is
 * known, a segment without target is an omission and a target without
 * source an addition. */
#include "sverka-document-private.h"
#include "sverka-notes-private.h"

/* Whether sentences @ids of @doc hold one word of letters at most and no
 * number: a label or a one-word heading. */
static gboolean
is_label (SverkaDocument *doc, const guint *ids, guint n)
{
  guint words = 0;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, ids[k]);
    for (guint t = 0; t < se->n_tokens; t++) {
      guint f = sverka_document_get_token (doc, se->first_token + t)->word->flags;
      if (f & SVERKA_WORD_NUMBER)
        return FALSE;
      if ((f & SVERKA_WORD_LETTERS) && ++words > 1)
        return FALSE;
    }
  }
  return TRUE;
}

/* The severity of a sentence with no counterpart in parallel mode. */
static SverkaSeverity
parallel_severity (SverkaDocument *doc, const guint *ids, guint n)
{
  return is_label (doc, ids, n) ? SVERKA_SEVERITY_WARNING : SVERKA_SEVERITY_ERROR;
}

/* A bilingual file's segment with one side empty. */
static void
check_segment (SverkaChecker *c, const SverkaBead *b)
{
  gboolean ru_only = b->n_ru > 0;
  gboolean missing_target = ru_only == c->ru->source;
  /* "ru segment with no English translation (empty target)" */
  char *message = g_strdup_printf (missing_target ? "%s segment with no %s translation "
                                                    "(empty target)"
                                                  : "%s target with no %s source text",
                                   sverka_checker_code (c, ru_only),
                                   sverka_checker_language (c, !ru_only));
  sverka_checker_add_note (c, missing_target ? SVERKA_NOTE_OMISSION : SVERKA_NOTE_ADDITION,
                           SVERKA_SEVERITY_ERROR, b->ru, b->n_ru, b->en, b->n_en, message);
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  if ((b->n_ru == 0) != (b->n_en == 0) && (c->ru->source || c->en->source))
    check_segment (c, b);
  else if (b->n_ru > 0 && b->n_en == 0) {
    sverka_checker_add_note (c, SVERKA_NOTE_ADDITION,
                             c->parallel ? parallel_severity (c->ru, b->ru, b->n_ru)
                                         : SVERKA_SEVERITY_WARNING,
                             b->ru, b->n_ru, NULL, 0,
                             g_strdup_printf (c->parallel ? "%s sentence with no %s counterpart"
                                                          : "%s sentence with no support in the "
                                                            "%s text",
                                              sverka_checker_code (c, TRUE),
                                              sverka_checker_language (c, FALSE)));
  } else if (b->n_ru == 0 && b->n_en > 0) {
    sverka_checker_add_note (c, SVERKA_NOTE_OMISSION,
                             c->parallel ? parallel_severity (c->en, b->en, b->n_en)
                                         : SVERKA_SEVERITY_INFO,
                             NULL, 0, b->en, b->n_en,
                             g_strdup_printf (c->parallel ? "%s sentence with no %s counterpart"
                                                          : "%s sentence the %s text does not "
                                                            "cover",
                                              sverka_checker_code (c, FALSE),
                                              sverka_checker_language (c, TRUE)));
  }
}

const SverkaCheck sverka_check_unaligned = {
  .name = "unaligned",
  .bead = check_bead,
};
