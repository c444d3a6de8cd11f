/* sverka-token.c: words.
 *
 * ICU word break finds the words of each sentence; every distinct surface
 * form is analysed once per context (hunspell is slow per call) and the
 * analysis is shared by all its tokens. A word is analysed in the language
 * of its script, whatever the document's language: a Latin word in a
 * Russian text gets the English stemmer and dictionary.
 */
#include <string.h>
#include <unicode/utext.h>

#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-lexicon-private.h"
#include "sverka-text.h"
#include "sverka-word-break-private.h"

/* Longer words are not given to hunspell or the stemmer. */
#define MAX_ANALYSED_BYTES 256

static guint
script_flags (const char *form, gsize len, gboolean *all_upper, gboolean *first_upper)
{
  guint flags = 0;
  guint n_letters = 0, n_upper = 0;
  gboolean first = TRUE;

  *first_upper = FALSE;
  for (const char *p = form; p < form + len; p = g_utf8_next_char (p)) {
    guchar b0 = (guchar) p[0], b1 = b0 >= 0x80 && p + 1 < form + len ? (guchar) p[1] : 0;
    gunichar c;
    /* ASCII and the Russian letters А-я, Ё, ё without GLib's Unicode
     * tables: the same answers, found faster. */
    if (b0 < 0x80 || (b0 == 0xD0 && ((b1 >= 0x90 && b1 <= 0xBF) || b1 == 0x81))
        || (b0 == 0xD1 && ((b1 >= 0x80 && b1 <= 0x8F) || b1 == 0x91))) {
      gboolean upper;
      if (b0 < 0x80 && !g_ascii_isalpha ((char) b0))
        continue;
      upper = b0 < 0x80 ? g_ascii_isupper ((char) b0)
                        : b0 == 0xD0 && ((b1 >= 0x90 && b1 <= 0xAF) || b1 == 0x81);
      n_letters++;
      if (upper) {
        n_upper++;
        if (first)
          *first_upper = TRUE;
      }
      first = FALSE;
      flags |= b0 < 0x80 ? SVERKA_WORD_LATIN : SVERKA_WORD_CYRILLIC;
      continue;
    }
    c = g_utf8_get_char (p);
    if (!g_unichar_isalpha (c))
      continue;
    n_letters++;
    if (g_unichar_isupper (c) || g_unichar_istitle (c)) {
      n_upper++;
      if (first)
        *first_upper = TRUE;
    }
    first = FALSE;
    switch (g_unichar_get_script (c)) {
    case G_UNICODE_SCRIPT_LATIN:
      flags |= SVERKA_WORD_LATIN;
      break;
    case G_UNICODE_SCRIPT_CYRILLIC:
      flags |= SVERKA_WORD_CYRILLIC;
      break;
    default:
      break;
    }
  }
  *all_upper = n_letters >= 2 && n_upper == n_letters;
  if ((flags & SVERKA_WORD_LATIN) && (flags & SVERKA_WORD_CYRILLIC))
    flags |= SVERKA_WORD_MIXED_SCRIPT;
  return flags;
}

/* The language of the pair whose pack is in @script. */
static SverkaLanguage
language_in_script (SverkaContext *ctx, SverkaScript script)
{
  return ctx->langs[SVERKA_LANGUAGE_FIRST].pack->script == script ? SVERKA_LANGUAGE_FIRST
                                                                   : SVERKA_LANGUAGE_SECOND;
}

SverkaLanguage
sverka_context_script_language (SverkaContext *ctx, SverkaLanguage side, guint flags)
{
  if (ctx->same_script) {
    g_assert (side == SVERKA_LANGUAGE_FIRST || side == SVERKA_LANGUAGE_SECOND);
    return side;
  }
  return language_in_script (ctx, (flags & SVERKA_WORD_CYRILLIC) ? SVERKA_SCRIPT_CYRILLIC
                                                                  : SVERKA_SCRIPT_LATIN);
}

gboolean
sverka_context_word_in_own_script (SverkaContext *ctx, SverkaLanguage side, guint flags)
{
  guint own;
  if (ctx->same_script)
    return TRUE;
  own = sverka_context_lang (ctx, side)->pack->script == SVERKA_SCRIPT_CYRILLIC
            ? SVERKA_WORD_CYRILLIC
            : SVERKA_WORD_LATIN;
  return (flags & own) != 0;
}

/* The language the word @form (@len bytes, of script @flags) found in a
 * text of @side is analysed in: @side's when the pair's languages share
 * their script, else that of the word's script (a word of both, the one
 * of most of its letters; a word of neither, the Latin one). */
static SverkaLanguage
word_language (SverkaContext *ctx, SverkaLanguage side, const char *form, gsize len,
               guint flags)
{
  if (ctx->same_script) {
    g_assert (side == SVERKA_LANGUAGE_FIRST || side == SVERKA_LANGUAGE_SECOND);
    return side;
  }
  if (!(flags & SVERKA_WORD_CYRILLIC))
    return language_in_script (ctx, SVERKA_SCRIPT_LATIN);
  if (!(flags & SVERKA_WORD_LATIN))
    return language_in_script (ctx, SVERKA_SCRIPT_CYRILLIC);
  return language_in_script (ctx, sverka_language_detect (form, (gssize) len, NULL)
                                          == SVERKA_LANGUAGE_RU
                                      ? SVERKA_SCRIPT_CYRILLIC
                                      : SVERKA_SCRIPT_LATIN);
}

/* Returns: (transfer full) the Snowball stem of folded @fold. */
static char *
stem_of (SverkaLangData *ld, const char *fold)
{
  gsize len = strlen (fold);
  const sb_symbol *s;
  if (len > MAX_ANALYSED_BYTES)
    return g_strdup (fold);
  s = sb_stemmer_stem (ld->stemmer, (const sb_symbol *) fold, (int) len);
  return s != NULL ? g_strndup ((const char *) s, (gsize) sb_stemmer_length (ld->stemmer))
                   : g_strdup (fold);
}

/* The stem of @lemma, the lemma of a word whose fold is @fold and stem
 * @stem: Snowball's stem (2,700 instructions a word for Russian) is reused
 * when the lemma is the word itself or a word analysed before, whose fold
 * it is; the same stem either way. */
static char *
lemma_stem_of (SverkaLangData *ld, const char *lemma, const char *fold, const char *stem)
{
  gsize len = strlen (lemma);
  const SverkaWord *w;

  if (strcmp (lemma, fold) == 0)
    return g_strdup (stem);
  w = sverka_word_table_lookup (&ld->words, lemma, len, sverka_word_table_hash (lemma, len));
  if (w != NULL && !(w->flags & SVERKA_WORD_NUMBER) && strcmp (w->fold, lemma) == 0)
    return g_strdup (w->stem);
  return stem_of (ld, lemma);
}

static char *
arena_copy (SverkaLangData *ld, const char *text)
{
  return text != NULL ? g_string_chunk_insert (ld->word_strings, text) : NULL;
}

/* Analyses the word @form (@len bytes) and keeps it in @ld's arena.
 * Returns: (transfer none) the word, or NULL with @error set. */
static SverkaWord *
analyze_word (SverkaContext *ctx, SverkaLangData *ld, const char *form, gsize len,
              gboolean is_number, guint script, gboolean all_upper, gboolean first_upper,
              GError **error)
{
  g_autofree char *fold = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *skeleton = NULL;
  g_autofree char *lemma = NULL;
  g_autofree char *lemma_stem = NULL;
  guint flags = script;
  SverkaWord *block, *w;

  fold = sverka_normalize (form, (gssize) len, SVERKA_NORMALIZE_FOR_MATCHING, error);
  if (fold == NULL)
    return NULL;
  flags |= is_number ? SVERKA_WORD_NUMBER : SVERKA_WORD_LETTERS;
  if (first_upper)
    flags |= SVERKA_WORD_CAPITALIZED;
  if (all_upper)
    flags |= SVERKA_WORD_UPPERCASE;

  if (is_number || len > MAX_ANALYSED_BYTES) {
    stem = g_strdup (fold);
  } else {
    skeleton = sverka_translit_skeleton (ctx, ld->lang, fold, error);
    if (skeleton == NULL)
      return NULL;
    stem = stem_of (ld, fold);
    if (!(flags & SVERKA_WORD_MIXED_SCRIPT)
        && (script & (SVERKA_WORD_LATIN | SVERKA_WORD_CYRILLIC))) {
      /* hunspell knows the apostrophe ' only: give it the form with quotes
       * folded but its case kept. */
      g_autofree char *spell_form = sverka_normalize (form, (gssize) len,
                                                      SVERKA_NORMALIZE_FOLD_QUOTES, NULL);
      g_autofree char *copy = spell_form != NULL ? NULL : g_strndup (form, len);
      const char *f = spell_form != NULL ? spell_form : copy;
      gboolean known = TRUE;
      if (!ctx->no_spelling) {
        sverka_context_open_forms (ctx, ld->lang);
        known = sverka_context_spell_first (ctx, ld->lang, f);
        flags |= SVERKA_WORD_SPELL_CHECKED;
        if (known
            || sverka_context_spell_alt (ctx, ld->lang, f))
          flags |= SVERKA_WORD_SPELL_OK;
      } else {
        ctx->analysed_without_spelling = TRUE;
        /* hunspell gives a word with digits that it rejects the lemma of
         * its number ("9ins": "9"): such words are still asked */
        if (strpbrk (f, "0123456789") != NULL)
          known = sverka_context_spell_first (ctx, ld->lang, f);
      }
      lemma = g_strdup (g_hash_table_lookup (ld->lemmas, fold));
      /* hunspell has no lemma for a word it does not know (of the forms of
       * the WMT newstest sets it rejects, 3 of 10,382 Russian and 10 of 8,000
       * English have one, each the word itself): it is not asked. Without
       * the spelling, every word of letters is asked: a lemma that is the
       * word itself stems as the word does, which the scorer and the checks
       * of a word's stem ignore, so the alignment is the same (of the
       * 1,052,582 words of the newstest sets and the bundled pair, 45 got a
       * lemma so, each the word itself). */
      if (lemma == NULL && known)
        lemma = sverka_context_hunspell_lemma (ctx, ld->lang, f);
      if (lemma != NULL)
        lemma_stem = lemma_stem_of (ld, lemma, fold, stem);
    }
  }

  /* as number_word() (sverka-numbers.c) reads it, once per word */
  {
    SverkaLangData *nd = sverka_context_lang (ctx,
                                              sverka_context_script_language (ctx, ld->lang, flags));
    if (g_hash_table_contains (nd->numbers, fold)
        || (nd->pack->inflected_numbers && lemma != NULL
            && g_hash_table_contains (nd->numbers, lemma)))
      flags |= SVERKA_WORD_NUMBER_WORD;
  }

  if (ld->word_blocks->len == 0 || ld->word_block_used == SVERKA_WORD_BLOCK) {
    g_ptr_array_add (ld->word_blocks, g_new (SverkaWord, SVERKA_WORD_BLOCK));
    ld->word_block_used = 0;
  }
  block = g_ptr_array_index (ld->word_blocks, ld->word_blocks->len - 1);
  w = &block[ld->word_block_used++];
  w->form = g_string_chunk_insert_len (ld->word_strings, form, (gssize) len);
  w->fold = arena_copy (ld, fold);
  w->stem = arena_copy (ld, stem);
  w->lemma = arena_copy (ld, lemma);
  w->lemma_stem = arena_copy (ld, lemma_stem);
  w->skeleton = arena_copy (ld, skeleton);
  w->flags = flags;
  return w;
}

const SverkaWord *
sverka_context_lookup_word (SverkaContext *ctx, SverkaLanguage side, const char *form, gsize len,
                            gboolean is_number, GError **error)
{
  gboolean all_upper, first_upper;
  guint32 hash = sverka_word_table_hash (form, len);
  guint script;
  SverkaLanguage lang;
  gboolean own = side == SVERKA_LANGUAGE_FIRST || side == SVERKA_LANGUAGE_SECOND;
  SverkaLangData *ld;
  const SverkaWord *found;
  SverkaWord *w;

  /* Most words are @side's own, and were seen before: a word's language
   * depends on @side only when the pair's languages share their script, and
   * then it is @side's, so a form in @side's table is @side's word. */
  if (own) {
    ld = sverka_context_lang (ctx, side);
    found = sverka_word_table_lookup (&ld->words, form, len, hash);
    if (found != NULL)
      return found;
  }
  script = script_flags (form, len, &all_upper, &first_upper);
  lang = word_language (ctx, side, form, len, script);
  if (!own || lang != side) {
    ld = sverka_context_lang (ctx, lang);
    found = sverka_word_table_lookup (&ld->words, form, len, hash);
    if (found != NULL)
      return found;
  }
  if (!sverka_context_open_analysis (ctx, lang, error))
    return NULL;
  w = analyze_word (ctx, ld, form, len, is_number, script, all_upper, first_upper, error);
  if (w == NULL)
    return NULL;
  /* hunspell, opened at the first word its table could not answer, did not
   * open: the word is not kept, and the analysis fails */
  if (!sverka_context_hunspell_ok (ctx, error))
    return NULL;
  sverka_word_table_add (&ld->words, w, hash);
  return w;
}

/* Joins "Alliance", "`", "s" into one token: ICU takes ' and ’ inside a
 * word but not the backtick some texts use for an apostrophe. */
static gboolean
joins_previous (const SverkaDocument *doc, const GArray *tokens, guint sentence_first,
                gsize start)
{
  const SverkaToken *prev;
  if (tokens->len <= sentence_first)
    return FALSE;
  prev = &g_array_index (tokens, SverkaToken, tokens->len - 1);
  return prev->end + 1 == start && doc->data[prev->end] == '`'
         && g_unichar_isalpha (g_utf8_get_char (doc->data + start));
}

/* Appends to @doc's tokens the word at [@start, @end) of sentence @si
 * (whose first token is @first; @number when ICU's status is a number's). */
static gboolean
add_token (SverkaDocument *doc, guint si, guint first, gsize start, gsize end, gboolean number,
           GError **error)
{
  SverkaToken t = { 0 };

  t.start = start;
  t.end = end;
  t.sentence = si;
  if (joins_previous (doc, doc->tokens, first, t.start)) {
    SverkaToken *last = &g_array_index (doc->tokens, SverkaToken, doc->tokens->len - 1);
    t.start = last->start;
    t.flags = last->flags;
    g_array_set_size (doc->tokens, doc->tokens->len - 1);
  }
  t.word = sverka_context_lookup_word (doc->ctx, doc->language, doc->data + t.start,
                                       t.end - t.start, number, error);
  if (t.word == NULL) {
    g_prefix_error (error, "%s: ", doc->name);
    return FALSE;
  }
  if (doc->tokens->len == first)
    t.flags |= SVERKA_TOKEN_SENTENCE_INITIAL;
  /* in the other language's script: a Latin word in a Russian text (in a
   * pair of one script, no word is seen so) */
  if ((t.word->flags & SVERKA_WORD_LETTERS) && !doc->ctx->same_script) {
    gboolean cyr = (t.word->flags & SVERKA_WORD_CYRILLIC) != 0;
    gboolean lat = (t.word->flags & SVERKA_WORD_LATIN) != 0;
    SverkaScript own = sverka_context_lang (doc->ctx, doc->language)->pack->script;
    if ((own == SVERKA_SCRIPT_CYRILLIC && lat && !cyr) || (own == SVERKA_SCRIPT_LATIN && cyr && !lat))
      t.flags |= SVERKA_TOKEN_FOREIGN;
  }
  g_array_append_val (doc->tokens, t);
  return TRUE;
}

/* The tokens of sentence @si of @doc by ICU's word break. */
static gboolean
icu_tokens (SverkaDocument *doc, SverkaLangData *ld, guint si, GError **error)
{
  static const UChar no_text[1] = { 0 };
  SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, si);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  gboolean ok = TRUE;
  int32_t prev, pos;

  utext_openUTF8 (&ut, doc->data + s->start, (int64_t) (s->end - s->start), &status);
  ubrk_setUText (ld->word_bi, &ut, &status);
  if (!sverka_icu_check (status, "cannot split the text into words", error)) {
    utext_close (&ut);
    return FALSE;
  }
  prev = ubrk_first (ld->word_bi);
  for (pos = ubrk_next (ld->word_bi); ok && pos != UBRK_DONE;
       prev = pos, pos = ubrk_next (ld->word_bi)) {
    int32_t rule = ubrk_getRuleStatus (ld->word_bi);
    if (rule >= UBRK_WORD_NONE_LIMIT)
      ok = add_token (doc, si, s->first_token, s->start + (gsize) prev, s->start + (gsize) pos,
                      rule < UBRK_WORD_NUMBER_LIMIT, error);
  }
  ubrk_setText (ld->word_bi, no_text, 0, &status);
  utext_close (&ut);
  return ok;
}

gboolean
sverka_token_analyze_document (SverkaDocument *doc, GError **error)
{
  SverkaLangData *ld = sverka_context_lang (doc->ctx, doc->language);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (SverkaWordSpan));

  g_array_set_size (doc->tokens, 0);
  sverka_context_allow_lemma_tables (doc->ctx);
  for (guint si = 0; si < doc->sentences->len; si++) {
    SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, si);

    s->first_token = doc->tokens->len;
    g_array_set_size (spans, 0);
    if (sverka_word_break_simple (doc->data + s->start, s->end - s->start, spans)) {
      for (guint k = 0; k < spans->len; k++) {
        const SverkaWordSpan *w = &g_array_index (spans, SverkaWordSpan, k);
        if (!add_token (doc, si, s->first_token, s->start + w->start, s->start + w->end,
                        w->number, error))
          return FALSE;
      }
    } else if (!icu_tokens (doc, ld, si, error)) {
      return FALSE;
    }
    s->n_tokens = doc->tokens->len - s->first_token;
  }
  doc->analyzed = TRUE;
  return TRUE;
}

/* Is @text one word of ASCII letters only, or of Russian letters (А-я, Ё, ё)
 * only, which ICU's word break would give whole? */
static gboolean
is_plain_word (const char *text)
{
  gboolean ascii = FALSE, cyrillic = FALSE;

  if (*text == '\0')
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p != '\0';) {
    if (g_ascii_isalpha (*p)) {
      ascii = TRUE;
      p++;
    } else if ((p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0xBF) /* А-п */
               || (p[0] == 0xD1 && p[1] >= 0x80 && p[1] <= 0x8F) /* р-я */
               || (p[0] == 0xD0 && p[1] == 0x81) || (p[0] == 0xD1 && p[1] == 0x91)) { /* Ёё */
      cyrillic = TRUE;
      p += 2;
    } else {
      return FALSE;
    }
  }
  return !(ascii && cyrillic);
}

GStrv
sverka_context_phrase_stems (SverkaContext *ctx, SverkaLanguage side, const char *text,
                             GError **error)
{
  /* the word break of the pair's Latin language (ICU's rules are the same) */
  SverkaLangData *ld = sverka_context_lang (
      ctx, ctx->same_script ? side : language_in_script (ctx, SVERKA_SCRIPT_LATIN));
  g_autoptr (GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  static const UChar no_text[1] = { 0 };
  int32_t prev, pos;
  gboolean ok = TRUE;

  /* Most sides are one word of ASCII or Russian letters: no word break. */
  if (is_plain_word (text)) {
    gboolean all_upper, first_upper;
    gsize len = strlen (text);
    guint script = script_flags (text, len, &all_upper, &first_upper);
    SverkaLanguage lang = word_language (ctx, side, text, len, script);
    g_autofree char *fold = sverka_normalize (text, (gssize) len, SVERKA_NORMALIZE_FOR_MATCHING,
                                              error);
    if (fold == NULL || !sverka_context_open_stemmer (ctx, lang, error))
      return NULL;
    g_ptr_array_add (stems, stem_of (sverka_context_lang (ctx, lang), fold));
    g_ptr_array_add (stems, NULL);
    return (GStrv) g_ptr_array_steal (stems, NULL);
  }
  utext_openUTF8 (&ut, text, -1, &status);
  ubrk_setUText (ld->word_bi, &ut, &status);
  if (!sverka_icu_check (status, "cannot split the text into words", error)) {
    utext_close (&ut);
    return NULL;
  }
  prev = ubrk_first (ld->word_bi);
  for (pos = ubrk_next (ld->word_bi); pos != UBRK_DONE && ok;
       prev = pos, pos = ubrk_next (ld->word_bi)) {
    gboolean all_upper, first_upper;
    const char *form = text + prev;
    gsize len = (gsize) (pos - prev);
    guint script;
    SverkaLanguage lang;
    g_autofree char *fold = NULL;

    if (ubrk_getRuleStatus (ld->word_bi) < UBRK_WORD_NONE_LIMIT)
      continue;
    script = script_flags (form, len, &all_upper, &first_upper);
    lang = word_language (ctx, side, form, len, script);
    fold = sverka_normalize (form, (gssize) len, SVERKA_NORMALIZE_FOR_MATCHING, error);
    if (fold == NULL || !sverka_context_open_stemmer (ctx, lang, error)) {
      ok = FALSE;
      break;
    }
    g_ptr_array_add (stems, stem_of (sverka_context_lang (ctx, lang), fold));
  }
  ubrk_setText (ld->word_bi, no_text, 0, &status);
  utext_close (&ut);
  if (!ok)
    return NULL;
  g_ptr_array_add (stems, NULL);
  return (GStrv) g_ptr_array_steal (stems, NULL);
}

gboolean
sverka_context_form_gives_stem (SverkaContext *ctx, SverkaLanguage side, const char *form,
                                const char *stem, gboolean *gives, GError **error)
{
  g_auto (GStrv) stems = sverka_context_phrase_stems (ctx, side, form, error);
  if (stems == NULL)
    return FALSE;
  *gives = g_strv_length (stems) == 1 && strcmp (stems[0], stem) == 0;
  return TRUE;
}

gboolean
sverka_context_spell (SverkaContext *ctx, SverkaLanguage lang, const char *word)
{
  if (strlen (word) > MAX_ANALYSED_BYTES || !sverka_context_open_analysis (ctx, lang, NULL))
    return FALSE;
  sverka_context_open_forms (ctx, lang);
  return sverka_context_spell_first (ctx, lang, word)
         || sverka_context_spell_alt (ctx, lang, word);
}

char *
sverka_context_name_skeleton (SverkaContext *ctx, SverkaLanguage side, const char *form)
{
  gsize len = strlen (form);
  gboolean all_upper, first_upper;
  guint script = script_flags (form, len, &all_upper, &first_upper);
  SverkaLanguage lang;
  g_autofree char *fold = NULL;

  if (!first_upper || len > MAX_ANALYSED_BYTES)
    return NULL;
  lang = word_language (ctx, side, form, len, script);
  fold = sverka_normalize (form, (gssize) len, SVERKA_NORMALIZE_FOR_MATCHING, NULL);
  return fold != NULL ? sverka_translit_skeleton (ctx, lang, fold, NULL) : NULL;
}

/* Called with each string one edit from a word, NUL-terminated (@len
 * bytes), and, when the word is of ASCII or Russian letters, the same
 * string lower-cased (of the same length), else NULL. */
typedef void (*EditVisit) (const char *cand, gsize len, const char *lower, gpointer data);

/* The bytes of @src before @cut, then @mid_len of @mid, then @src from
 * @resume to @src_len, into @dst with a NUL; returns the length. */
static gsize
splice (char *dst, const char *src, gsize cut, const char *mid, gsize mid_len, gsize resume,
        gsize src_len)
{
  memcpy (dst, src, cut);
  memcpy (dst + cut, mid, mid_len);
  memcpy (dst + cut + mid_len, src + resume, src_len - resume);
  dst[cut + mid_len + src_len - resume] = '\0';
  return cut + mid_len + src_len - resume;
}

/* @word lower-cased when it is all ASCII or Russian letters, whose lower
 * case has the same length in UTF-8; else NULL. */
static char *
simple_lower (const char *word, gsize len)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!g_ascii_isalpha ((int) c) && !(c >= 0x410 && c <= 0x44F) && c != 0x401 && c != 0x451)
      return NULL;
  }
  return g_utf8_strdown (word, (gssize) len);
}

static void
one_edit_visit (SverkaLanguage lang, const char *word, EditVisit visit, gpointer data)
{
  /* The lower-case letters of each language; ё is folded to е in text. */
  static const char ru_letters[] = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
  static const char en_letters[] = "abcdefghijklmnopqrstuvwxyz";
  const char *letters = lang == SVERKA_LANGUAGE_RU ? ru_letters : en_letters;
  gsize len = strlen (word), n_letters = strlen (letters), letter_len = letters[0] & 0x80 ? 2 : 1;
  glong n = g_utf8_strlen (word, (gssize) len);
  g_autofree gsize *off = NULL;
  g_autofree char *lower = NULL;
  char buf[MAX_ANALYSED_BYTES + 16], lbuf[MAX_ANALYSED_BYTES + 16], mid[16];
  gsize k;

  if (n < 2 || len > MAX_ANALYSED_BYTES || !g_utf8_validate (word, (gssize) len, NULL))
    return;
  lower = simple_lower (word, len);
  if (lower != NULL && strlen (lower) != len)
    g_clear_pointer (&lower, g_free);
  off = g_new (gsize, n + 1);
  k = 0;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    off[k++] = (gsize) (p - word);
  off[n] = len;

#define VISIT(cut, m, m_len, resume)                                                     \
  do {                                                                                 \
    gsize l_ = splice (buf, word, (cut), (m), (m_len), (resume), len);                 \
    if (lower != NULL)                                                                 \
      splice (lbuf, lower, (cut), (m), (m_len), (resume), len);                        \
    visit (buf, l_, lower != NULL ? lbuf : NULL, data);                                \
  } while (0)

  for (glong i = 0; i < n; i++) {
    gsize c_len = off[i + 1] - off[i];
    /* delete letter i */
    VISIT (off[i], "", 0, off[i + 1]);
    /* swap letters i and i + 1 */
    if (i + 1 < n
        && (off[i + 2] - off[i + 1] != c_len
            || memcmp (word + off[i], word + off[i + 1], c_len) != 0)) {
      gsize d_len = off[i + 2] - off[i + 1];
      memcpy (mid, word + off[i + 1], d_len);
      memcpy (mid + d_len, word + off[i], c_len);
      {
        gsize l = splice (buf, word, off[i], mid, d_len + c_len, off[i + 2], len);
        if (lower != NULL) {
          memcpy (mid, lower + off[i + 1], d_len);
          memcpy (mid + d_len, lower + off[i], c_len);
          splice (lbuf, lower, off[i], mid, d_len + c_len, off[i + 2], len);
        }
        visit (buf, l, lower != NULL ? lbuf : NULL, data);
      }
    }
    /* replace letter i */
    for (gsize a = 0; a < n_letters; a += letter_len) {
      if (c_len == letter_len && memcmp (word + off[i], letters + a, c_len) == 0)
        continue;
      VISIT (off[i], letters + a, letter_len, off[i + 1]);
    }
  }
  /* add a letter at position i */
  for (glong i = 0; i <= n; i++)
    for (gsize a = 0; a < n_letters; a += letter_len)
      VISIT (off[i], letters + a, letter_len, off[i]);
#undef VISIT
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Sorts @all (owning its strings) and returns its distinct strings as a
 * NULL-terminated vector. */
static GStrv
sorted_distinct (GPtrArray *all)
{
  GPtrArray *out = g_ptr_array_new ();
  g_ptr_array_sort (all, compare_strings);
  for (guint i = 0; i < all->len; i++) {
    if (out->len == 0 || strcmp (g_ptr_array_index (out, out->len - 1), all->pdata[i]) != 0)
      g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
  }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

static void
collect_edit (const char *cand, gsize len, const char *lower, gpointer data)
{
  (void) lower;
  g_ptr_array_add (data, g_strndup (cand, len));
}

GStrv
sverka_one_edit_forms (SverkaLanguage lang, const char *word)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  one_edit_visit (lang, word, collect_edit, all);
  return sorted_distinct (all);
}

GStrv
sverka_context_one_edit_words (SverkaContext *ctx, SverkaLanguage lang, const char *word)
{
  return sverka_context_one_edit_words_filtered (ctx, lang, word, NULL, NULL);
}

/* Candidates whose table look-up waits for its memory (prefetched). */
#define N_PENDING 16

typedef struct {
  guint32 hash;
  gsize len;
  char cand[MAX_ANALYSED_BYTES + 16];
} Pending;

typedef struct {
  SverkaContext *ctx;
  SverkaLanguage lang;
  const SverkaWordforms *forms, *forms_alt; /* both NULL: no table */
  SverkaCandidateFilter keep;
  gpointer keep_data;
  GPtrArray *out;
  Pending pending[N_PENDING]; /* a ring, oldest at first */
  guint first, n_pending;
} Filtering;

/* The caller's filter, cheaper than hunspell, then hunspell. */
static void
keep_if_known (Filtering *f, const char *cand, gsize len)
{
  if ((f->keep == NULL || f->keep (cand, f->keep_data)) && sverka_context_spell (f->ctx, f->lang, cand))
    g_ptr_array_add (f->out, g_strndup (cand, len));
}

/* The oldest pending candidate, through the tables first (hunspell's
 * verdict is the same without them). */
static void
settle_oldest (Filtering *f)
{
  const Pending *p = &f->pending[f->first];
  if (sverka_wordforms_may_know_hash (f->forms, p->hash)
      || (f->forms_alt != NULL && sverka_wordforms_may_know_hash (f->forms_alt, p->hash)))
    keep_if_known (f, p->cand, p->len);
  f->first = (f->first + 1) % N_PENDING;
  f->n_pending--;
}

/* The candidates are asked of the tables some steps after their memory is
 * asked for: the words kept are the same (sorted at the end), sooner. */
static void
filter_edit (const char *cand, gsize len, const char *lower, gpointer data)
{
  Filtering *f = data;
  Pending *p;

  if (f->forms == NULL) {
    keep_if_known (f, cand, len);
    return;
  }
  if (lower == NULL) {
    if (sverka_wordforms_may_know (f->forms, cand)
        || (f->forms_alt != NULL && sverka_wordforms_may_know (f->forms_alt, cand)))
      keep_if_known (f, cand, len);
    return;
  }
  if (f->n_pending == N_PENDING)
    settle_oldest (f);
  p = &f->pending[(f->first + f->n_pending++) % N_PENDING];
  p->hash = sverka_wordforms_hash (lower, len);
  p->len = len;
  memcpy (p->cand, cand, len + 1);
  sverka_wordforms_prefetch (f->forms, p->hash);
}

GStrv
sverka_context_one_edit_words_filtered (SverkaContext *ctx, SverkaLanguage lang, const char *word,
                                        SverkaCandidateFilter keep, gpointer keep_data)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  Filtering f = { .ctx = ctx, .lang = lang, .keep = keep, .keep_data = keep_data, .out = out };

  sverka_context_open_forms (ctx, lang);
  /* English is asked of two dictionaries: a table for each, or none */
  if (ld->forms != NULL && (ld->pack->hunspell_alt == NULL || ld->forms_alt != NULL)) {
    f.forms = ld->forms;
    f.forms_alt = ld->forms_alt;
  }
  one_edit_visit (lang, word, filter_edit, &f);
  while (f.n_pending > 0)
    settle_oldest (&f);
  return sorted_distinct (out);
}
