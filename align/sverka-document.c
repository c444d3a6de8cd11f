/* sverka-document.c: loading a document and the accessors. */
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-input-private.h"
#include "sverka-error.h"

void
sverka_load_options_init (SverkaLoadOptions *options)
{
  memset (options, 0, sizeof *options);
}

void
sverka_document_free (SverkaDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->lines, g_array_unref);
  g_clear_pointer (&doc->blocks, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->turns, g_ptr_array_unref);
  g_clear_pointer (&doc->turn_of, g_array_unref);
  g_free (doc->name);
  g_free (doc->data);
  g_clear_pointer (&doc->origins, g_ptr_array_unref);
  g_clear_pointer (&doc->ctx, sverka_context_unref);
  g_free (doc);
}

/* Takes @data (g_malloc'ed, NUL-terminated after @len bytes). */
static SverkaDocument *
document_new_take (SverkaContext *ctx, const char *name, char *data, gsize len,
                   const SverkaLoadOptions *options, gboolean from_lines, GError **error)
{
  g_autoptr (SverkaDocument) doc = g_new0 (SverkaDocument, 1);
  SverkaLanguage lang = options != NULL ? options->language : SVERKA_LANGUAGE_AUTO;
  gboolean keep_all = options != NULL && options->keep_all;
  const char *format = options != NULL ? options->format : NULL;

  doc->ctx = sverka_context_ref (ctx);
  doc->name = g_strdup (name);
  doc->data = data;
  doc->len = len;
  doc->lines = g_array_new (FALSE, FALSE, sizeof (SverkaLine));
  doc->blocks = g_array_new (FALSE, FALSE, sizeof (SverkaBlock));
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (SverkaSentence));
  doc->tokens = g_array_new (FALSE, FALSE, sizeof (SverkaToken));
  doc->turns = g_ptr_array_new_with_free_func (sverka_turn_free);
  doc->turn_of = g_array_new (FALSE, FALSE, sizeof (guint));

  doc->format = "text";
  if (!from_lines) {
    /* A web page, a Word or OpenDocument file: its text, paragraph by
     * paragraph, takes the place of the bytes read, and each line
     * remembers its element. */
    g_autoptr (GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
    char *text = NULL;
    if (!sverka_input_read (data, len, name, format, &text, &doc->format, origins, error))
      return NULL;
    if (text != NULL) {
      g_free (doc->data);
      doc->data = data = text;
      doc->len = len = strlen (text);
      doc->origins = g_steal_pointer (&origins);
    }
  } else if (!sverka_input_format_known (format, name, error)) {
    return NULL;
  } else if (format != NULL && strcmp (format, "auto") != 0 && strcmp (format, "text") != 0) {
    /* Pre-split text is lines of text: no reader applies. */
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: input format '%s' does not apply to text already split into sentences "
                 "(one per line); give the %s file without --split none, or its sentences as "
                 "text",
                 name, format, format);
    return NULL;
  }
  if (!sverka_text_validate (name, data, len, &doc->bom_len, error))
    return NULL;
  {
    guint64 cyr, lat;
    doc->detected = sverka_language_count_letters (data + doc->bom_len,
                                                   (gssize) (len - doc->bom_len), &cyr, &lat);
    doc->cyrillic_share = cyr + lat > 0 ? (double) cyr / (double) (cyr + lat) : 0.0;
    doc->language = lang != SVERKA_LANGUAGE_AUTO ? lang
                    : doc->detected == SVERKA_LANGUAGE_RU ? SVERKA_LANGUAGE_RU
                                                          : SVERKA_LANGUAGE_EN;
  }
  sverka_text_split_lines (doc);
  doc->from_lines = from_lines;
  if (from_lines) {
    sverka_segment_lines (doc);
  } else {
    sverka_text_find_blocks (doc);
    if (!keep_all)
      sverka_text_trim (doc);
    if (!sverka_segment_document (doc, error))
      return NULL;
  }
  sverka_turns_find (doc);
  return g_steal_pointer (&doc);
}

static SverkaDocument *
new_from_data (SverkaContext *ctx, const char *name, const char *data, gsize len,
               const SverkaLoadOptions *options, gboolean from_lines, GError **error)
{
  char *copy = g_malloc (len + 1);
  if (len > 0) /* empty data may come as NULL */
    memcpy (copy, data, len);
  copy[len] = '\0';
  return document_new_take (ctx, name, copy, len, options, from_lines, error);
}

SverkaDocument *
sverka_document_new_from_data (SverkaContext *ctx, const char *name, const char *data, gsize len,
                               const SverkaLoadOptions *options, GError **error)
{
  return new_from_data (ctx, name, data, len, options, FALSE, error);
}

SverkaDocument *
sverka_document_new_from_lines (SverkaContext *ctx, const char *name, const char *data, gsize len,
                                const SverkaLoadOptions *options, GError **error)
{
  return new_from_data (ctx, name, data, len, options, TRUE, error);
}

static SverkaDocument *
new_from_file (SverkaContext *ctx, const char *path, const SverkaLoadOptions *options,
               gboolean from_lines, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: is a directory; give a text file", path);
    return NULL;
  }
  if (!g_file_get_contents (path, &data, &len, &local)) {
    if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                   "%s: no such file; check the path", path);
    else if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ACCES))
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                   "%s: permission denied; make the file readable", path);
    else
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                   "%s: cannot read: %s; give a readable text file", path, local->message);
    return NULL;
  }
  return document_new_take (ctx, path, data, len, options, from_lines, error);
}

SverkaDocument *
sverka_document_new_from_file (SverkaContext *ctx, const char *path,
                               const SverkaLoadOptions *options, GError **error)
{
  return new_from_file (ctx, path, options, FALSE, error);
}

SverkaDocument *
sverka_document_new_from_lines_file (SverkaContext *ctx, const char *path,
                                     const SverkaLoadOptions *options, GError **error)
{
  return new_from_file (ctx, path, options, TRUE, error);
}

gboolean
sverka_document_analyze (SverkaDocument *doc, GError **error)
{
  if (doc->analyzed)
    return TRUE;
  return sverka_token_analyze_document (doc, error);
}

const char *
sverka_document_get_name (SverkaDocument *doc)
{
  return doc->name;
}

const char *
sverka_document_get_data (SverkaDocument *doc, gsize *len)
{
  if (len != NULL)
    *len = doc->len;
  return doc->data;
}

SverkaLanguage
sverka_document_get_language (SverkaDocument *doc)
{
  return doc->language;
}

const char *
sverka_document_get_language_code (SverkaDocument *doc)
{
  return sverka_context_get_language_code (doc->ctx, doc->language);
}

const char *
sverka_document_get_language_name (SverkaDocument *doc)
{
  return sverka_context_lang (doc->ctx, doc->language)->pack->name;
}

double
sverka_document_get_cyrillic_share (SverkaDocument *doc)
{
  return doc->cyrillic_share;
}

SverkaLanguage
sverka_document_get_detected_language (SverkaDocument *doc)
{
  return doc->detected;
}

guint
sverka_document_get_n_lines (SverkaDocument *doc)
{
  return doc->lines->len;
}

const SverkaLine *
sverka_document_get_line (SverkaDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->lines->len, NULL);
  return &g_array_index (doc->lines, SverkaLine, i);
}

guint
sverka_document_get_n_trimmed (SverkaDocument *doc)
{
  return doc->n_trimmed;
}

guint
sverka_document_get_n_sentences (SverkaDocument *doc)
{
  return doc->sentences->len;
}

const char *
sverka_document_get_format (SverkaDocument *doc)
{
  return doc->format;
}

const char *
sverka_document_get_sentence_origin (SverkaDocument *doc, guint i)
{
  guint line;
  if (doc->origins == NULL)
    return NULL;
  line = g_array_index (doc->sentences, SverkaSentence, i).line;
  return line >= 1 && line <= doc->origins->len ? g_ptr_array_index (doc->origins, line - 1)
                                                : NULL;
}

guint
sverka_document_get_sentence_id (SverkaDocument *doc, guint i)
{
  return doc->from_lines ? g_array_index (doc->sentences, SverkaSentence, i).line : i + 1;
}

const SverkaSentence *
sverka_document_get_sentence (SverkaDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->sentences->len, NULL);
  return &g_array_index (doc->sentences, SverkaSentence, i);
}

/* The length of the character at @p (before @end) if the writers turn it
 * into a space: a space, a C0 or C1 control character (tab, line ends, form
 * feed, NEL U+0085 among them), DEL, or the line and paragraph separators
 * U+2028 and U+2029; 0 for any other character. */
static gsize
space_len (const char *p, const char *end)
{
  guchar c = (guchar) *p;

  if (c <= 0x20 || c == 0x7F)
    return 1;
  if (c == 0xC2 && end - p >= 2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F)
    return 2;
  if (c == 0xE2 && end - p >= 3 && (guchar) p[1] == 0x80
      && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
    return 3;
  return 0;
}

/* Can the byte @c start a character that space_len() turns into a space,
 * other than ' '? */
static inline gboolean
may_be_control (guchar c)
{
  return c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xE2;
}

void
sverka_document_append_sentence_text (SverkaDocument *doc, guint i, GString *out)
{
  const SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, i);
  const char *p = doc->data + s->start;
  const char *end = doc->data + s->end;

  /* A run of spaces is kept as it is; a run with anything else in it
   * becomes one space. The text between is copied in one piece. */
  while (p < end) {
    const char *q = p, *r;
    while (q < end && !may_be_control ((guchar) *q))
      q++;
    if (q == end || space_len (q, end) == 0) {
      /* the end, or a character that only starts like one (U+00A0) */
      q = q < end ? q + 1 : q;
      g_string_append_len (out, p, (gssize) (q - p));
      p = q;
      continue;
    }
    for (r = q; r > p && r[-1] == ' '; r--)
      ;
    g_string_append_len (out, p, (gssize) (r - p));
    g_string_append_c (out, ' ');
    for (gsize n; q < end && (n = space_len (q, end)) > 0;)
      q += n;
    p = q;
  }
}

char *
sverka_document_dup_sentence_text (SverkaDocument *doc, guint i)
{
  const SverkaSentence *s;
  GString *out;

  g_return_val_if_fail (i < doc->sentences->len, NULL);
  s = &g_array_index (doc->sentences, SverkaSentence, i);
  out = g_string_sized_new (s->end - s->start + 1);
  sverka_document_append_sentence_text (doc, i, out);
  return g_string_free (out, FALSE);
}

guint
sverka_document_get_n_tokens (SverkaDocument *doc)
{
  return doc->tokens->len;
}

const SverkaToken *
sverka_document_get_token (SverkaDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->tokens->len, NULL);
  return &g_array_index (doc->tokens, SverkaToken, i);
}

void
sverka_document_locate (SverkaDocument *doc, gsize offset, guint *line, guint *column)
{
  guint lo = 0, hi = doc->lines->len;
  const SverkaLine *l;

  /* The last line that starts at or before @offset. */
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (g_array_index (doc->lines, SverkaLine, mid).start <= offset)
      lo = mid;
    else
      hi = mid;
  }
  l = &g_array_index (doc->lines, SverkaLine, lo);
  *line = l->number;
  *column = 1 + (guint) g_utf8_strlen (doc->data + l->start,
                                       (gssize) (MIN (offset, doc->len) - MIN (l->start, offset)));
}
