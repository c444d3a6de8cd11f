/* sverka-segment.c: sentences.
 *
 * Each block (paragraph) is split separately, so a paragraph break always
 * ends a sentence. Inside a block, ICU's sentence break iterator proposes the
 * breaks; the abbreviations of ICU's "ss=standard" suppression list and of
 * our lists in dictionaries/segment-exceptions-*.tsv, matched as whole words,
 * and a rule for initials take back the ones that are not sentence ends
 * ("Mr. Aliyev", "2002 г. Азербайджан", "И. Алиев", "No. 5").
 */
#include <string.h>
#include <unicode/utext.h>

#include "sverka-document-private.h"
#include "sverka-error.h"

static gboolean
is_opening (gunichar c)
{
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x00AB /* « */
         || c == 0x201C /* “ */ || c == 0x201E /* „ */ || c == 0x2018 /* ‘ */;
}

/* One letter followed by a dot, possibly repeated: "И.", "J.R.". */
static gboolean
is_initials (const char *word, gsize len)
{
  const char *p = word;
  const char *end = word + len;
  if (len < 2)
    return FALSE;
  while (p < end) {
    gunichar c = g_utf8_get_char (p);
    if (!g_unichar_isupper (c))
      return FALSE;
    p = g_utf8_next_char (p);
    if (p >= end || *p != '.')
      return FALSE;
    p++;
  }
  return TRUE;
}

static SverkaExceptionRule
lookup_rule (SverkaContext *ctx, const char *word, gsize len, GString *fold)
{
  gpointer rule;

  if (is_initials (word, len))
    return SVERKA_EXCEPTION_NAME;
  sverka_simple_fold (word, len, fold);
  for (guint l = SVERKA_LANGUAGE_RU; l <= SVERKA_LANGUAGE_EN; l++) {
    rule = g_hash_table_lookup (ctx->langs[l].exceptions, fold->str);
    if (rule != NULL)
      return (SverkaExceptionRule) GPOINTER_TO_INT (rule);
  }
  return 0;
}

/* The start of the word that ends at @end (exclusive), or @end. */
static const char *
word_start (const char *start, const char *end)
{
  const char *w = end;
  while (w > start) {
    const char *prev = g_utf8_find_prev_char (start, w);
    gunichar c = g_utf8_get_char (prev);
    if (g_unichar_isspace (c) || is_opening (c))
      break;
    w = prev;
  }
  return w;
}

/* Skips white space backwards from @end. */
static const char *
skip_space_back (const char *start, const char *end)
{
  while (end > start) {
    const char *prev = g_utf8_find_prev_char (start, end);
    if (!g_unichar_isspace (g_utf8_get_char (prev)))
      break;
    end = prev;
  }
  return end;
}

/* Whether the break ICU proposes at @b in @text (@len bytes) is to be
 * taken back. */
static gboolean
suppress_break (SverkaContext *ctx, const char *text, gsize len, gsize b, GString *fold)
{
  const char *start = text;
  const char *e = skip_space_back (start, text + b);
  const char *w = e;
  const char *next;
  const char *word_end;
  SverkaExceptionRule rule = 0;
  g_autoptr (GString) phrase = NULL;

  /* A sentence does not start in lower case: "“Is it true?” she asked." */
  next = text + b;
  while (next < text + len && g_unichar_isspace (g_utf8_get_char (next)))
    next = g_utf8_next_char (next);
  if (next < text + len && g_unichar_islower (g_utf8_get_char (next)))
    return TRUE;

  if (e == start || e[-1] != '.')
    return FALSE;
  /* The last word, then the last two and three words ("до н. э."). */
  for (guint n = 1; n <= 3 && rule == 0; n++) {
    const char *prev_end = n == 1 ? e : skip_space_back (start, w);
    const char *ws;
    if (prev_end == start && n > 1)
      break;
    ws = word_start (start, prev_end);
    if (ws == prev_end)
      break;
    if (n == 1) {
      phrase = g_string_new_len (ws, e - ws);
    } else {
      g_string_prepend_c (phrase, ' ');
      g_string_prepend_len (phrase, ws, prev_end - ws);
    }
    w = ws;
    rule = lookup_rule (ctx, phrase->str, phrase->len, fold);
  }
  if (rule == 0)
    return FALSE;
  if (rule == SVERKA_EXCEPTION_NEVER)
    return TRUE;

  /* The word after the break. */
  if (next >= text + len)
    return FALSE;
  if (rule == SVERKA_EXCEPTION_BREAK)
    return FALSE;
  if (rule == SVERKA_EXCEPTION_DIGIT)
    return g_unichar_isdigit (g_utf8_get_char (next));
  /* SVERKA_EXCEPTION_NAME: a capitalised word that is not a stop word, or
   * another initial ("С. В. Лавров"). */
  if (!g_unichar_isupper (g_utf8_get_char (next)))
    return FALSE;
  word_end = next;
  while (word_end < text + len && g_unichar_isalpha (g_utf8_get_char (word_end)))
    word_end = g_utf8_next_char (word_end);
  if (word_end < text + len && *word_end == '.' && is_initials (next, (gsize) (word_end - next) + 1))
    return TRUE;
  sverka_simple_fold (next, (gsize) (word_end - next), fold);
  return !sverka_context_is_stopword (ctx, fold->str);
}

static void
emit_sentence (SverkaDocument *doc, const SverkaBlock *block, guint paragraph, gsize start,
               gsize end)
{
  const char *data = doc->data;
  SverkaSentence s = { 0 };

  while (start < end && sverka_is_invisible (g_utf8_get_char (data + start)))
    start = (gsize) (g_utf8_next_char (data + start) - data);
  while (end > start) {
    const char *prev = g_utf8_find_prev_char (data + start, data + end);
    if (prev == NULL || !sverka_is_invisible (g_utf8_get_char (prev)))
      break;
    end = (gsize) (prev - data);
  }
  if (start >= end)
    return;
  s.start = start;
  s.end = end;
  s.paragraph = paragraph;
  s.line = g_array_index (doc->lines, SverkaLine, block->first_line).number;
  for (guint l = block->first_line; l <= block->last_line; l++) {
    const SverkaLine *line = &g_array_index (doc->lines, SverkaLine, l);
    if (start >= line->start)
      s.line = line->number;
  }
  g_array_append_val (doc->sentences, s);
}

/* Russian dialogue: "... отметил он. — Спасибо." ICU keeps a dash after a
 * sentence end with the sentence (the dash may continue it); a dash followed
 * by a capital letter starts a new utterance. Adds those breaks to @breaks. */
static void
add_dialogue_breaks (const char *text, gsize len, GArray *breaks)
{
  const char *end = text + len;
  for (const char *p = text; p < end; p = g_utf8_next_char (p)) {
    const char *q;
    gunichar c = g_utf8_get_char (p);
    gsize dash;
    if (!sverka_is_final_punct (c))
      continue;
    q = g_utf8_next_char (p);
    while (q < end && sverka_is_closing_punct (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    if (q >= end || !g_unichar_isspace (g_utf8_get_char (q)))
      continue;
    while (q < end && g_unichar_isspace (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    if (q >= end)
      continue;
    c = g_utf8_get_char (q);
    if (c != 0x2014 && c != 0x2013)
      continue;
    dash = (gsize) (q - text);
    q = g_utf8_next_char (q);
    if (q >= end || !g_unichar_isspace (g_utf8_get_char (q)))
      continue;
    while (q < end && g_unichar_isspace (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    if (q < end && g_unichar_isupper (g_utf8_get_char (q)))
      g_array_append_val (breaks, dash);
  }
}

static gint
compare_offsets (gconstpointer a, gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

gboolean
sverka_segment_document (SverkaDocument *doc, GError **error)
{
  SverkaLangData *ld = sverka_context_lang (doc->ctx, doc->language);
  g_autoptr (GString) buf = g_string_new (NULL);
  g_autoptr (GString) fold = g_string_new (NULL);
  g_autoptr (GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  static const UChar no_text[1] = { 0 };

  g_array_set_size (doc->sentences, 0);
  for (guint p = 0; p < doc->blocks->len; p++) {
    const SverkaBlock *block = &g_array_index (doc->blocks, SverkaBlock, p);
    gsize bstart = g_array_index (doc->lines, SverkaLine, block->first_line).start;
    gsize bend = g_array_index (doc->lines, SverkaLine, block->last_line).end;
    gsize len = bend - bstart;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    gsize seg_start = 0;
    int32_t pos;

    /* Line ends inside a block become spaces (same length) so that ICU
     * does not take them for paragraph separators. */
    g_string_truncate (buf, 0);
    g_string_append_len (buf, doc->data + bstart, (gssize) len);
    for (gsize i = 0; i < len; i++) {
      char c = buf->str[i];
      if (c == '\n' || c == '\r' || c == '\f' || c == '\v')
        buf->str[i] = ' ';
    }
    if (len > G_MAXINT32) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s:%u: a paragraph of %" G_GSIZE_FORMAT " bytes is too long (2 GB at most)",
                   doc->name, g_array_index (doc->lines, SverkaLine, block->first_line).number,
                   len);
      return FALSE;
    }
    utext_openUTF8 (&ut, buf->str, (int64_t) len, &status);
    ubrk_setUText (ld->sentence_bi, &ut, &status);
    if (!sverka_icu_check (status, "cannot segment the text", error)) {
      utext_close (&ut);
      return FALSE;
    }
    g_array_set_size (breaks, 0);
    for (pos = ubrk_first (ld->sentence_bi); pos != UBRK_DONE;
         pos = ubrk_next (ld->sentence_bi)) {
      gsize b = (gsize) pos;
      if (b > 0 && b < len && !suppress_break (doc->ctx, buf->str, len, b, fold))
        g_array_append_val (breaks, b);
    }
    add_dialogue_breaks (buf->str, len, breaks);
    g_array_sort (breaks, compare_offsets);
    for (guint i = 0; i < breaks->len; i++) {
      gsize b = g_array_index (breaks, gsize, i);
      if (b <= seg_start)
        continue;
      emit_sentence (doc, block, p, bstart + seg_start, bstart + b);
      seg_start = b;
    }
    if (seg_start < len)
      emit_sentence (doc, block, p, bstart + seg_start, bend);
    /* The iterator must not keep a pointer to buf. */
    ubrk_setText (ld->sentence_bi, no_text, 0, &status);
    utext_close (&ut);
  }
  return TRUE;
}
