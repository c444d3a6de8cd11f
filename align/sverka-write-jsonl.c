/* sverka-write-jsonl.c: the alignment as JSON Lines, one object per bead, in
 * sverka's own shape or in the {"translation": {...}} shape of corpus hubs.
 * A bead of a moved block (SVERKA_BEAD_MOVED) has one more member in
 * sverka's shape, "moved_block": the block's number, from 1 in row order of
 * the whole alignment (SverkaBead.moved_block: with --min-score, the rows
 * left keep the numbers they had). A bead with sentences in a transcript's
 * speaker turns (sverka_document_get_speaker()) has "speaker": per side
 * that has turns, the speakers of its sentences in order, each once:
 * {"en": ["Moderator", "President Ilham Aliyev"]}. In comparable mode a bead
 * with a report sentence has "candidates": the report sentence's best
 * source sentences (sverka_alignment_get_candidates()), linked or not:
 * [{"en_id": 17, "probability": 0.612, "evidence": 3.105, "linked": true},
 * ...], the key naming the source's language. A bead with sentences of a
 * web page (sverka_document_get_sentence_origin()) has "origin": per side
 * read from a page, the element paths of its sentences, each once:
 * {"ru": ["body/main/article/p[3]"]}. A row the translator decided
 * (SVERKA_BEAD_REVIEWED, sverka_align_reviewed()) has "reviewed": true. */
#include <string.h>

#include "sverka-write.h"
#include "sverka-write-json-private.h"

/* What a bead's sentences carry per side: the speaker of a transcript's
 * sentence, the element of a web page's; NULL for none. */
typedef const char *(*SentenceLabel) (SverkaDocument *doc, guint s);

static const char *
speaker_of (SverkaDocument *doc, guint s)
{
  return sverka_document_get_speaker (doc, s, NULL);
}

/* Appends to @out, after @key, the distinct labels of sentences @ids of
 * @doc as a JSON array, each once in a run; nothing when none has one.
 * Returns whether it appended. */
static gboolean
append_labels (GString *out, const char *key, gboolean first, SverkaDocument *doc,
               const guint *ids, guint n, SentenceLabel label)
{
  const char *last = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++) {
    const char *l = label (doc, ids[i]);
    if (l == NULL || (last != NULL && strcmp (l, last) == 0))
      continue;
    if (!any)
      g_string_append_printf (out, "%s\"%s\": [", first ? "" : ", ", key);
    else
      g_string_append (out, ", ");
    sverka_json_append_string (out, l);
    last = l;
    any = TRUE;
  }
  if (any)
    g_string_append_c (out, ']');
  return any;
}

/* ", \"@member\": {\"ru\": [...], \"en\": [...]}" for the sides whose
 * sentences have labels; nothing when neither has. */
static void
append_side_labels (GString *out, const char *member, const SverkaBead *b, SverkaDocument *ru,
                    SverkaDocument *en, SentenceLabel label)
{
  GString *inner = g_string_new (NULL);
  gboolean any = append_labels (inner, "ru", TRUE, ru, b->ru, b->n_ru, label);
  any = append_labels (inner, "en", !any, en, b->en, b->n_en, label) || any;
  if (any)
    g_string_append_printf (out, ", \"%s\": {%s}", member, inner->str);
  g_string_free (inner, TRUE);
}



/* @block: the 1-based number of the moved block of @b, 0 if it is not
 * moved. */
static void
append_candidates (GString *out, SverkaAlignment *al, const SverkaBead *b, SverkaDocument *source)
{
  SverkaLanguage report = sverka_alignment_get_report_language (al);
  const guint *ids = report == SVERKA_LANGUAGE_RU ? b->ru : b->en;
  guint n_ids = report == SVERKA_LANGUAGE_RU ? b->n_ru : b->n_en, n = 0;
  const SverkaCandidate *c;
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  if (report == SVERKA_LANGUAGE_AUTO || n_ids == 0)
    return;
  c = sverka_alignment_get_candidates (al, ids[0], &n);
  g_string_append (out, ", \"candidates\": [");
  for (guint i = 0; i < n; i++)
  {
    g_string_append_printf (out, "%s{\"%s_id\": %u, \"probability\": ", i > 0 ? ", " : "",
                            report == SVERKA_LANGUAGE_RU ? "en" : "ru",
                            sverka_document_get_sentence_id (source, c[i].sentence));
    g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", c[i].probability));
    g_string_append (out, ", \"evidence\": ");
    g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", c[i].evidence));
    g_string_append_printf (out, ", \"linked\": %s}", c[i].linked ? "true" : "false");
  }
  g_string_append_c (out, ']');
}

static void
append_plain (GString *out, SverkaAlignment *al, const SverkaBead *b, guint block,
              SverkaDocument *ru, SverkaDocument *en)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  /* the pair's codes: "ru" and "en", "de" and "fr"... */
  const char *l1 = sverka_document_get_language_code (ru);
  const char *l2 = sverka_document_get_language_code (en);

  g_string_append_printf (out, "{\"%s\": ", l1);
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append_printf (out, ", \"%s\": ", l2);
  sverka_json_append_text (out, en, b->en, b->n_en);
  g_string_append (out, ", \"score\": ");
  g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", b->score));
  g_string_append_printf (out, ", \"%s_ids\": ", l1);
  sverka_json_append_ids (out, ru, b->ru, b->n_ru);
  g_string_append_printf (out, ", \"%s_ids\": ", l2);
  sverka_json_append_ids (out, en, b->en, b->n_en);
  if (block > 0)
    g_string_append_printf (out, ", \"moved_block\": %u", block);
  if (b->flags & SVERKA_BEAD_REVIEWED)
    g_string_append (out, ", \"reviewed\": true");
  append_side_labels (out, "speaker", b, ru, en, speaker_of);
  append_side_labels (out, "origin", b, ru, en, sverka_document_get_sentence_origin);
  append_candidates (out, al, b,
                     sverka_alignment_get_report_language (al) == SVERKA_LANGUAGE_RU ? en : ru);
  g_string_append (out, "}\n");
}

static void
append_hf (GString *out, const SverkaBead *b, SverkaDocument *ru, SverkaDocument *en)
{
  if (b->n_ru == 0 || b->n_en == 0)
    return;
  g_string_append_printf (out, "{\"translation\": {\"%s\": ",
                          sverka_document_get_language_code (ru));
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append_printf (out, ", \"%s\": ", sverka_document_get_language_code (en));
  sverka_json_append_text (out, en, b->en, b->n_en);
  g_string_append (out, "}}\n");
}

char *
sverka_write_jsonl (SverkaAlignment *alignment,
                    SverkaDocument *ru,
                    SverkaDocument *en,
                    SverkaJsonlStyle style)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    if (style == SVERKA_JSONL_HF)
      append_hf (out, b, ru, en);
    else
      append_plain (out, alignment, b, b->moved_block, ru, en);
  }
  return g_string_free (out, FALSE);
}

gboolean
sverka_jsonl_style_from_string (const char *s, SverkaJsonlStyle *out)
{
  if (g_strcmp0 (s, "sverka") == 0)
    *out = SVERKA_JSONL_SVERKA;
  else if (g_strcmp0 (s, "hf") == 0)
    *out = SVERKA_JSONL_HF;
  else
    return FALSE;
  return TRUE;
}
