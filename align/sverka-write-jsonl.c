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

/* Appends to @out the distinct speakers of sentences @ids of @doc as a JSON
 * array, after @key; nothing when none has a speaker. Returns whether it
 * appended. */
static gboolean
append_speakers (GString *out, const char *key, gboolean first, SverkaDocument *doc,
                 const guint *ids, guint n)
{
  const char *last = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++) {
    const char *sp = sverka_document_get_speaker (doc, ids[i], NULL);
    if (sp == NULL || (last != NULL && strcmp (sp, last) == 0))
      continue;
    if (!any)
      g_string_append_printf (out, "%s\"%s\": [", first ? "" : ", ", key);
    else
      g_string_append (out, ", ");
    sverka_json_append_string (out, sp);
    last = sp;
    any = TRUE;
  }
  if (any)
    g_string_append_c (out, ']');
  return any;
}

static void
append_speaker (GString *out, const SverkaBead *b, SverkaDocument *ru, SverkaDocument *en)
{
  GString *inner = g_string_new (NULL);
  gboolean any = append_speakers (inner, "ru", TRUE, ru, b->ru, b->n_ru);
  any = append_speakers (inner, "en", !any, en, b->en, b->n_en) || any;
  if (any)
    g_string_append_printf (out, ", \"speaker\": {%s}", inner->str);
  g_string_free (inner, TRUE);
}

/* Per side read from a web page, the element paths its sentences came
 * from, each once in order: "origin": {"ru": ["body/main/article/p[3]"]}. */
static gboolean
append_origins (GString *out, const char *key, gboolean first, SverkaDocument *doc,
                const guint *ids, guint n)
{
  const char *last = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++) {
    const char *o = sverka_document_get_sentence_origin (doc, ids[i]);
    if (o == NULL || (last != NULL && strcmp (o, last) == 0))
      continue;
    g_string_append_printf (out, any ? ", " : "%s\"%s\": [", first ? "" : ", ", key);
    sverka_json_append_string (out, o);
    last = o;
    any = TRUE;
  }
  if (any)
    g_string_append_c (out, ']');
  return any;
}

static void
append_origin (GString *out, const SverkaBead *b, SverkaDocument *ru, SverkaDocument *en)
{
  GString *inner = g_string_new (NULL);
  gboolean any = append_origins (inner, "ru", TRUE, ru, b->ru, b->n_ru);
  any = append_origins (inner, "en", !any, en, b->en, b->n_en) || any;
  if (any)
    g_string_append_printf (out, ", \"origin\": {%s}", inner->str);
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

  g_string_append (out, "{\"ru\": ");
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append (out, ", \"en\": ");
  sverka_json_append_text (out, en, b->en, b->n_en);
  g_string_append (out, ", \"score\": ");
  g_string_append (out, g_ascii_formatd (num, sizeof num, "%.3f", b->score));
  g_string_append (out, ", \"ru_ids\": ");
  sverka_json_append_ids (out, ru, b->ru, b->n_ru);
  g_string_append (out, ", \"en_ids\": ");
  sverka_json_append_ids (out, en, b->en, b->n_en);
  if (block > 0)
    g_string_append_printf (out, ", \"moved_block\": %u", block);
  if (b->flags & SVERKA_BEAD_REVIEWED)
    g_string_append (out, ", \"reviewed\": true");
  append_speaker (out, b, ru, en);
  append_origin (out, b, ru, en);
  append_candidates (out, al, b,
                     sverka_alignment_get_report_language (al) == SVERKA_LANGUAGE_RU ? en : ru);
  g_string_append (out, "}\n");
}

static void
append_hf (GString *out, const SverkaBead *b, SverkaDocument *ru, SverkaDocument *en)
{
  if (b->n_ru == 0 || b->n_en == 0)
    return;
  g_string_append (out, "{\"translation\": {\"ru\": ");
  sverka_json_append_text (out, ru, b->ru, b->n_ru);
  g_string_append (out, ", \"en\": ");
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
