/* sverka-segment.c: sentences.
 *
 * Each block (paragraph) is split separately, so a paragraph break always
 * ends a sentence. Inside a block, ICU's sentence break iterator proposes the
 * breaks; the abbreviations of ICU's "ss=standard" suppression list and of
 * our lists in dictionaries/<code>/segment-exceptions.tsv, matched as whole words,
 * and a rule for initials take back the ones that are not sentence ends
 * ("Mr. Aliyev", "2002 г. Азербайджан", "И. Алиев", "No. 5").
 *
 * Breaks ICU does not propose are added where informal or hurried text
 * ends a sentence (see add_informal_breaks()): a full stop before a digit
 * or, in a text typed in lower case, before a lower-case word; a question
 * or exclamation mark before a lower-case word; brackets and emoticons
 * ("классно))) купили", ":)"); a full stop with no space after it
 * ("хорошо.Купили"); an ellipsis before a capital; a list item after a
 * hyphen ("... muscles. -Helps ...").
 */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-sentence-break-private.h"
#include "sverka-swar-private.h"

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

/* The rule of the abbreviation @word (@len bytes, its dot included), or 0;
 * @next is the character that follows (0 at the end). An abbreviation of
 * one word listed only capitalised ("Long.", "Act.", "Link.") is one
 * before a word only when written so: "the rail link. Several rounds ..."
 * ends a sentence, "art. 210" and "7 p.m. ET" do not. */
static SverkaExceptionRule
lookup_rule (SverkaContext *ctx, const char *word, gsize len, gunichar next, GString *fold)
{
  gpointer rule;

  if (is_initials (word, len))
    return SVERKA_EXCEPTION_NAME;
  sverka_simple_fold (word, len, fold);
  for (guint l = SVERKA_LANGUAGE_RU; l <= SVERKA_LANGUAGE_EN; l++) {
    rule = g_hash_table_lookup (ctx->langs[l].exceptions, fold->str);
    if (rule != NULL) {
      if ((GPOINTER_TO_INT (rule) & SVERKA_EXCEPTION_CAPITALISED) && g_unichar_isalpha (next)
          && !g_unichar_isupper (g_utf8_get_char (word)) && memchr (word, '.', len - 1) == NULL)
        return 0;
      return (SverkaExceptionRule) (GPOINTER_TO_INT (rule) & SVERKA_EXCEPTION_RULE_MASK);
    }
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

/* The character before @p (after @start), or 0. */
static gunichar
char_before (const char *start, const char *p)
{
  return p > start ? g_utf8_get_char (g_utf8_find_prev_char (start, p)) : 0;
}

static gboolean
is_question_or_exclamation (gunichar c)
{
  return c == '?' || c == '!' || c == 0x203C /* ‼ */ || c == 0x2047 || c == 0x2048
         || c == 0x2049;
}

/* Units written with a dot after a number: there they may end a sentence
 * before a capital ("высота матраса 23 см. Максимально ...", "до $135
 * млрд. Такие данные ..."), whatever their rule elsewhere ("см." is also
 * "see"). "г." and "гг." after a year are years ("в 2002 г. Азербайджан"). */
static const char *const units_after_number[] = {
  "см.", "мм.", "кг.", "км.", "г.", "гг.", "млн.", "млрд.", "трлн.", "тыс.", "руб.", "долл.", "коп.",
  "шт.",
};

/* Whether the word [@w, @e) (its dot included) is a unit after a number
 * in @text (a year before "г." does not count). */
static gboolean
is_unit_after_number (const char *text, const char *w, const char *e, GString *fold)
{
  const char *p = skip_space_back (text, w);
  const char *d = p;
  gboolean found = FALSE;
  guint64 value = 0;
  guint digits = 0;

  if (p == w || !g_unichar_isdigit (char_before (text, p)))
    return FALSE;
  sverka_simple_fold (w, (gsize) (e - w), fold);
  for (guint k = 0; k < G_N_ELEMENTS (units_after_number) && !found; k++)
    found = strcmp (fold->str, units_after_number[k]) == 0;
  if (!found)
    return FALSE;
  if (strcmp (fold->str, "г.") != 0 && strcmp (fold->str, "гг.") != 0)
    return TRUE;
  /* A year: an integer of 1000 to 2099 standing alone ("2002 г.", "1990-2000 гг."). */
  while (d > text && g_ascii_isdigit (d[-1])) {
    d--;
    digits++;
  }
  if (d > text && (d[-1] == ',' || d[-1] == '.'))
    return TRUE; /* "8,5 г." */
  for (const char *q = d; q < p; q++)
    value = value * 10 + (guint64) (*q - '0');
  return !(digits == 4 && value >= 1000 && value <= 2099);
}

/* Whether the break ICU proposes at @b in @text (@len bytes) is to be
 * taken back. */
static gboolean
suppress_break (SverkaContext *ctx, const char *text, gsize len, gsize b, gboolean lower_typed,
                GString *fold)
{
  const char *start = text;
  const char *e = skip_space_back (start, text + b);
  const char *w = e;
  const char *next;
  const char *word_end;
  SverkaExceptionRule rule = 0;
  g_autoptr (GString) phrase = NULL;

  /* A sentence does not start in lower case: "“Is it true?” she asked."
   * Unless, in a text typed in lower case (chat, reviews), a question or
   * exclamation mark ends the sentence before, with no closing quote or
   * bracket after it ("did you sign out? did you do the 2 procedures?").
   * In edited text such a word is reported speech or a name: "Why? she
   * asked", "the magazine Which? analysed". */
  next = text + b;
  while (next < text + len && g_unichar_isspace (g_utf8_get_char (next)))
    next = g_utf8_next_char (next);
  if (next < text + len && g_unichar_islower (g_utf8_get_char (next))) {
    const char *p = e;
    if (!lower_typed)
      return TRUE;
    /* "?..", "!!!", "?!" */
    while (p > start && char_before (start, p) == '.')
      p--;
    return !(e < next && g_unichar_isspace (g_utf8_get_char (e))
             && is_question_or_exclamation (char_before (start, p)));
  }

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
    rule = lookup_rule (ctx, phrase->str, phrase->len,
                        next < text + len ? g_utf8_get_char (next) : 0, fold);
  }
  if (rule == 0)
    return FALSE;
  if (next < text + len && g_unichar_isupper (g_utf8_get_char (next))
      && is_unit_after_number (start, w, e, fold))
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

/* Do the eight bytes @x hold '.', '!', '?' or 0xE2 (the first byte of
 * U+2026-U+2049)? Where none is, no sentence-final punctuation is. */
static inline gboolean
may_end_in (guint64 x)
{
  return sverka_swar_has_byte (x, '.') || sverka_swar_has_byte (x, '!')
         || sverka_swar_has_byte (x, '?') || sverka_swar_has_byte (x, 0xE2);
}

/* Russian dialogue: "... отметил он. — Спасибо." ICU keeps a dash after a
 * sentence end with the sentence (the dash may continue it); a dash followed
 * by a capital letter starts a new utterance, and so does a hyphen, with or
 * without a space after it: a list item ("... muscles. -Helps maintain",
 * "... your eReader. - Plug the charger"). Adds those breaks to @breaks. */
static void
add_dialogue_breaks (const char *text, gsize len, GArray *breaks)
{
  /* the final punctuation is '.', '!', '?' or a character U+2026-U+2049,
   * which UTF-8 writes from the byte 0xE2; no byte inside a character is
   * one of these, so the text is read byte by byte */
  static const guint8 may_end[256] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1 };
  const char *end = text + len;
  for (const char *p = text; p < end; p++) {
    const char *q;
    gunichar c;
    gsize dash;
    while (end - p >= 8 && !may_end_in (sverka_swar_load (p)))
      p += 8;
    if (p >= end)
      break;
    if (!may_end[(guchar) *p])
      continue;
    c = g_utf8_get_char (p);
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
    if (c != 0x2014 && c != 0x2013 && c != '-')
      continue;
    dash = (gsize) (q - text);
    q = g_utf8_next_char (q);
    if (q >= end || (c != '-' && !g_unichar_isspace (g_utf8_get_char (q))))
      continue;
    while (q < end && g_unichar_isspace (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    if (q < end && g_unichar_isupper (g_utf8_get_char (q)))
      g_array_append_val (breaks, dash);
  }
}

/* ---------------------------------------------------------------------- */
/* Breaks ICU does not propose                                             */

/* A vowel of English or Russian; any other letter that is not ASCII or
 * Cyrillic counts as one ("café"). */
static gboolean
is_vowel (gunichar c)
{
  static const gunichar vowels[] = { 'a',    'e',    'i',    'o',    'u',    'y',
                                     0x0430, 0x0435, 0x0438, 0x043E, 0x0443, 0x044B,
                                     0x044D, 0x044E, 0x044F, 0x0451 };
  c = g_unichar_tolower (c);
  if (c >= 0x80 && (c < 0x0400 || c > 0x04FF))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (vowels); k++)
    if (c == vowels[k])
      return TRUE;
  return FALSE;
}

/* A word of letters, with a hyphen or an apostrophe between two of them. */
typedef struct {
  const char *start, *end;
  guint letters;
  gboolean vowel;       /* a vowel among its letters */
  gboolean upper_first; /* its first letter is a capital */
} PlainWord;

/* The plain word that ends at @end in @text, closing quotes and brackets
 * after it skipped ("(see above)."): FALSE if there is none, or if the word
 * is glued to what comes before it ("example.com", "3.5", "user@mail"). */
static gboolean
word_before (const char *text, const char *end, PlainWord *w)
{
  const char *e = end;
  const char *s;
  gunichar c;

  while (e > text && sverka_is_closing_punct (char_before (text, e)))
    e = g_utf8_find_prev_char (text, e);
  s = e;
  w->letters = 0;
  w->vowel = FALSE;
  while (s > text) {
    const char *p = g_utf8_find_prev_char (text, s);
    c = g_utf8_get_char (p);
    if (g_unichar_isalpha (c)) {
      w->letters++;
      w->vowel |= is_vowel (c);
    } else if (!((c == '-' || c == '\'' || c == 0x2019) && s < e
                 && g_unichar_isalpha (g_utf8_get_char (s))
                 && g_unichar_isalpha (char_before (text, p)))) {
      break;
    }
    s = p;
  }
  if (w->letters == 0)
    return FALSE;
  c = char_before (text, s);
  if (c != 0 && !g_unichar_isspace (c) && !is_opening (c) && c != 0x2014 && c != 0x2013)
    return FALSE;
  w->start = s;
  w->end = e;
  w->upper_first = g_unichar_isupper (g_utf8_get_char (s));
  return TRUE;
}

/* Whether the plain word @w before the full stop at @dot is an abbreviation
 * or a unit rather than the last word of a sentence: one letter or no vowel
 * ("т.", "млн.", "Dr."), listed (see lookup_rule(); @next follows the
 * dot), or a word of three letters or fewer after a number ("5 см.
 * после"). */
static gboolean
is_abbreviation (SverkaContext *ctx, const char *text, const PlainWord *w, const char *dot,
                 gunichar next, GString *fold)
{
  const char *p;

  if (w->letters < 2 || !w->vowel)
    return TRUE;
  if (w->end == dot
      && lookup_rule (ctx, w->start, (gsize) (dot + 1 - w->start), next, fold) != 0)
    return TRUE;
  p = skip_space_back (text, w->start);
  return w->letters <= 3 && p < w->start && g_unichar_isdigit (char_before (text, p));
}

/* After the sentence mark that ends at @after: the start of the next word
 * if white space, and nothing else, lies between; else NULL. */
static const char *
next_word (const char *after, const char *end)
{
  const char *q = after;
  while (q < end && g_unichar_isspace (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  return q > after && q < end ? q : NULL;
}

/* A name that starts in lower case with a capital inside: "eBay",
 * "iPhone"; it may start a sentence. */
static gboolean
is_lower_camel (const char *p, const char *end)
{
  if (p >= end || !g_unichar_islower (g_utf8_get_char (p)))
    return FALSE;
  for (p = g_utf8_next_char (p); p < end && g_unichar_isalpha (g_utf8_get_char (p));
       p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether the full stop at @dot ends a sentence before @next, a lower-case
 * word or a digit: it follows a plain word that is no abbreviation, with
 * at most white space between ("the issue . 2 minutes"). */
static gboolean
dot_ends_sentence (SverkaContext *ctx, const char *text, const char *dot, const char *next,
                   GString *fold)
{
  PlainWord w;
  if (char_before (text, dot) == '.')
    return FALSE;
  if (!word_before (text, skip_space_back (text, dot), &w))
    return FALSE;
  return !is_abbreviation (ctx, text, &w, dot, g_utf8_get_char (next), fold);
}

/* Counts the sentences in @text (@len bytes) that end with a full stop, a
 * question or an exclamation mark after a plain word (no abbreviation) and
 * are followed by a word: in @n_lower those whose next word starts in lower
 * case, in @n_upper those where it starts with a capital. */
static void
count_sentence_starts (SverkaContext *ctx, const char *text, gsize len, guint *n_lower,
                       guint *n_upper, GString *fold)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p++) {
    const char *next;
    PlainWord w;
    gunichar c;
    while (end - p >= 8 && !may_end_in (sverka_swar_load (p)))
      p += 8;
    if (p >= end)
      break;
    if (*p != '.' && *p != '?' && *p != '!')
      continue;
    next = next_word (p + 1, end);
    if (next == NULL || !g_unichar_isalpha (c = g_utf8_get_char (next)))
      continue;
    if (*p == '.') {
      if (p + 1 < end && p[1] == '.')
        continue;
      if (!dot_ends_sentence (ctx, text, p, next, fold))
        continue;
    } else if (!word_before (text, skip_space_back (text, p), &w)) {
      continue;
    }
    if (g_unichar_islower (c))
      (*n_lower)++;
    else if (g_unichar_isupper (c))
      (*n_upper)++;
  }
}

/* The end of an emoticon written in ASCII that starts at @p (eyes ':', ';'
 * or '=', an optional nose '-', a mouth), or NULL. A mouth of a letter
 * (":D", ":P", ":Р") must stand alone: white space before the eyes, and no
 * letter or digit after it. */
static const char *
ascii_emoticon_end (const char *text, const char *p, const char *end)
{
  const char *q = p + 1;
  gunichar m;
  if (*p != ':' && *p != ';' && *p != '=')
    return NULL;
  if (q < end && *q == '-')
    q++;
  if (q >= end)
    return NULL;
  m = g_utf8_get_char (q);
  if (m == ')' || m == '(' || m == ']' || m == '[' || m == '*')
    return g_utf8_next_char (q);
  if (m == 'D' || m == 'P' || m == 'p' || m == 0x0420 /* Р */ || m == 0x0440 /* р */) {
    gunichar before = char_before (text, p);
    q = g_utf8_next_char (q);
    if (before != 0 && !g_unichar_isspace (before))
      return NULL;
    if (q < end && g_unichar_isalnum (g_utf8_get_char (q)))
      return NULL;
    return q;
  }
  return NULL;
}

/* An emoji that may end a sentence: a pictograph from U+1F000 on (faces,
 * hands, hearts; not ©, ™ or the check marks of a list). */
static gboolean
is_emoji (gunichar c)
{
  return c >= 0x1F000 && u_hasBinaryProperty ((UChar32) c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* Part of an emoji sequence: a variation selector, a joiner, a skin tone. */
static gboolean
is_emoji_part (gunichar c)
{
  return c == 0xFE0F || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF);
}

/* Whether the ')' run from @p (@n of them) is an enumerator ("a)", "1)",
 * "12)"): one bracket after a single letter or one or two digits. */
static gboolean
is_enumerator (const char *text, const char *p, guint n)
{
  const char *s = p;
  guint k = 0;
  gboolean digits = TRUE;
  if (n != 1)
    return FALSE;
  while (s > text) {
    gunichar c = char_before (text, s);
    if (!g_unichar_isalnum (c))
      break;
    digits &= g_unichar_isdigit (c);
    k++;
    s = g_utf8_find_prev_char (text, s);
  }
  return k >= 1 && (k == 1 || (digits && k <= 2));
}

static void
add_break_at (GArray *breaks, const char *text, const char *p)
{
  gsize b = (gsize) (p - text);
  g_array_append_val (breaks, b);
}

/* Adds to @breaks the sentence ends in @text (@len bytes) that ICU does not
 * propose; @lower_typed: the document is typed in lower case (see
 * sverka_segment_document()). Each break is put at the start of the next
 * sentence, as ICU puts its own:
 * - a full stop after a word that is no abbreviation, before a digit ("...
 *   через некоторое время. 10 числа ...", where ICU sees the lower-case
 *   word after the number) or a name like "eBay", and in a text typed in
 *   lower case, before a lower-case word ("ни ногой. покупали");
 * - a full stop between two words with no space ("хорошо.Купили"), where
 *   the first is a plain word in lower case and no abbreviation ("ул.Ленина"
 *   is), and the second a capitalised word standing alone, not a part of
 *   an address, a file name or a brand ("Яндекс.Маркет", "example.Com");
 * - an ellipsis "…" before a capital, as ICU does after "..." already, and
 *   either of them before a lower-case word in a text typed in lower case;
 * - brackets that close nothing (")))", a single ")" after a word) or open
 *   nothing ("((" or more before white space), ASCII emoticons (":)", ";-)", ":D")
 *   before a letter or a digit; an emoji that does not follow a sentence
 *   end, before a capital or a digit, or a lower-case word in a text typed
 *   in lower case. */
static void
add_informal_breaks (SverkaContext *ctx, const char *text, gsize len, gboolean lower_typed,
                     GArray *breaks, GString *fold)
{
  const char *end = text + len;
  guint depth = 0; /* brackets open */
  const char *p = text;

  while (p < end) {
    guchar b = (guchar) *p;
    gunichar c;
    const char *after;
    const char *next;
    const char *stop;
    gboolean smiley = FALSE;

    /* Only '.', ':', ';', '=', '(', ')', the ellipsis U+2026 and the
     * emoji (from U+1F000, four bytes in UTF-8) are looked at below. */
    if (b < 0x80 ? b != '.' && b != ':' && b != ';' && b != '=' && b != '(' && b != ')'
                 : b < 0xF0 && !(b == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xA6)) {
      p = g_utf8_next_char (p);
      continue;
    }
    c = g_utf8_get_char (p);
    after = g_utf8_next_char (p);

    if (c == '.' && char_before (text, p) != '.' && (after >= end || *after != '.')) {
      /* A single full stop. */
      next = next_word (after, end);
      if (next != NULL) {
        gunichar n = g_utf8_get_char (next);
        if ((g_unichar_isdigit (n) || (lower_typed && g_unichar_islower (n))
             || is_lower_camel (next, end))
            && dot_ends_sentence (ctx, text, p, next, fold))
          add_break_at (breaks, text, next);
      } else if (after < end && g_unichar_isupper (g_utf8_get_char (after))) {
        /* "хорошо.Купили" */
        PlainWord w;
        const char *q = after;
        guint upper = 0, lower = 0;
        gboolean alone = TRUE;
        while (q < end && g_unichar_isalpha (g_utf8_get_char (q))) {
          if (g_unichar_isupper (g_utf8_get_char (q)))
            upper++;
          else
            lower++;
          q = g_utf8_next_char (q);
        }
        /* Then only punctuation up to white space: "Купили," but not
         * "Final.docx", "Market/ru", "John@mail". */
        for (; q < end && !g_unichar_isspace (g_utf8_get_char (q)); q = g_utf8_next_char (q)) {
          gunichar t = g_utf8_get_char (q);
          if (g_unichar_isalnum (t) || t == '@' || t == '/' || t == '\\' || t == '_' || t == ':')
            alone = FALSE;
        }
        if (alone && upper == 1 && lower >= 1 && word_before (text, p, &w) && w.end == p
            && !w.upper_first && !is_abbreviation (ctx, text, &w, p, g_utf8_get_char (after), fold))
          add_break_at (breaks, text, after);
      }
      p = after;
      continue;
    }
    if (c == 0x2026 /* … */ || (c == '.' && after + 1 < end && after[0] == '.' && after[1] == '.')) {
      /* An ellipsis. */
      gboolean unicode = c == 0x2026;
      while (after < end && (*after == '.' || g_utf8_get_char (after) == 0x2026))
        after = g_utf8_next_char (after);
      while (after < end && sverka_is_closing_punct (g_utf8_get_char (after)))
        after = g_utf8_next_char (after);
      next = next_word (after, end);
      if (next != NULL) {
        gunichar n = g_utf8_get_char (next);
        if ((unicode && g_unichar_isupper (n)) || (lower_typed && g_unichar_islower (n)))
          add_break_at (breaks, text, next);
      }
      p = after;
      continue;
    }

    /* Emoticons. */
    stop = ascii_emoticon_end (text, p, end);
    if (stop != NULL) {
      smiley = TRUE;
      while (stop < end && (*stop == ')' || *stop == '('))
        stop++;
    } else if (c == '(') {
      guint n = 0;
      stop = p;
      while (stop < end && *stop == '(') {
        stop++;
        n++;
      }
      /* "плохо((( завтра"; not "( see above )" or "menu( 3 lines)" */
      if (n >= 2 && (stop >= end || g_unichar_isspace (g_utf8_get_char (stop))))
        smiley = TRUE;
      else
        depth += n;
    } else if (c == ')') {
      guint n = 0, closed;
      stop = p;
      while (stop < end && *stop == ')') {
        stop++;
        n++;
      }
      closed = MIN (n, depth);
      depth -= closed;
      smiley = closed < n && !is_enumerator (text, p, n);
      /* One bracket that closes nothing is a smile in Russian chat ("ок)
       * Купили"), but a slip in edited text ("Safety ISIS) bases"). */
      if (smiley && n == 1 && !lower_typed) {
        next = next_word (stop, end);
        smiley = next != NULL && !g_unichar_islower (g_utf8_get_char (next));
      }
    } else if (is_emoji (c)) {
      gunichar before = char_before (text, skip_space_back (text, p));
      stop = after;
      while (stop < end
             && (is_emoji (g_utf8_get_char (stop)) || is_emoji_part (g_utf8_get_char (stop))))
        stop = g_utf8_next_char (stop);
      next = next_word (stop, end);
      /* After a sentence end, an emoji opens the next sentence ("...
       * productive. 📺 Sometimes ..."). */
      if (next != NULL && !sverka_is_final_punct (before) && !sverka_is_closing_punct (before)) {
        gunichar n = g_utf8_get_char (next);
        if (g_unichar_isupper (n) || g_unichar_isdigit (n)
            || (lower_typed && g_unichar_islower (n)))
          add_break_at (breaks, text, next);
      }
    } else {
      stop = after;
    }
    if (smiley) {
      next = next_word (stop, end);
      if (next != NULL && g_unichar_isalnum (g_utf8_get_char (next)))
        add_break_at (breaks, text, next);
    }
    p = stop;
  }
}

/* Whether @text[@a, @b) holds a letter or a digit. */
static gboolean
has_alnum (const char *text, gsize a, gsize b)
{
  for (const char *p = text + a; p < text + b; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
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
  g_autoptr (GArray) icu_breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  static const UChar no_text[1] = { 0 };

  guint n_lower = 0, n_upper = 0;
  gboolean lower_typed;

  /* A text typed in lower case: of the sentences that end after a plain
   * word (no abbreviation) and are followed by a word, at least two and a
   * quarter start in lower case. On the development sets, edited text with
   * two such sentences or more has at most a seventh (a magazine called
   * "Which?", reported speech: "Why? she asked"), chat and reviews typed in
   * lower case have from 0.3 up. */
  for (guint p = 0; p < doc->blocks->len; p++) {
    const SverkaBlock *block = &g_array_index (doc->blocks, SverkaBlock, p);
    gsize bstart = g_array_index (doc->lines, SverkaLine, block->first_line).start;
    gsize bend = g_array_index (doc->lines, SverkaLine, block->last_line).end;
    count_sentence_starts (doc->ctx, doc->data + bstart, bend - bstart, &n_lower, &n_upper, fold);
  }
  lower_typed = n_lower >= 2 && n_lower * 4 >= n_lower + n_upper;

  g_array_set_size (doc->sentences, 0);
  for (guint p = 0; p < doc->blocks->len; p++) {
    const SverkaBlock *block = &g_array_index (doc->blocks, SverkaBlock, p);
    gsize bstart = g_array_index (doc->lines, SverkaLine, block->first_line).start;
    gsize bend = g_array_index (doc->lines, SverkaLine, block->last_line).end;
    gsize len = bend - bstart;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    gsize seg_start = 0;
    guint n_cuts = 0;
    int32_t pos;

    /* Line ends inside a block become spaces (same length) so that ICU
     * does not take them for paragraph separators. */
    g_string_truncate (buf, 0);
    g_string_append_len (buf, doc->data + bstart, (gssize) len);
    for (gsize i = 0; i < len; i++) {
      /* '\n', '\v', '\f' and '\r' are the bytes 10-13: none below 14,
       * none of them in the eight bytes */
      while (len - i >= 8 && !sverka_swar_has_less (sverka_swar_load (buf->str + i), '\r' + 1))
        i += 8;
      if (i < len && (guchar) (buf->str[i] - '\n') <= '\r' - '\n')
        buf->str[i] = ' ';
    }
    if (len > G_MAXINT32) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s:%u: a paragraph of %" G_GSIZE_FORMAT " bytes is too long (2 GB at most)",
                   doc->name, g_array_index (doc->lines, SverkaLine, block->first_line).number,
                   len);
      return FALSE;
    }
    /* ICU's breaks: found without ICU in simple text, which most is */
    g_array_set_size (icu_breaks, 0);
    if (!sverka_sentence_break_simple (buf->str, len, icu_breaks)) {
      utext_openUTF8 (&ut, buf->str, (int64_t) len, &status);
      ubrk_setUText (ld->sentence_bi, &ut, &status);
      if (!sverka_icu_check (status, "cannot segment the text", error)) {
        utext_close (&ut);
        return FALSE;
      }
      for (pos = ubrk_first (ld->sentence_bi); pos != UBRK_DONE;
           pos = ubrk_next (ld->sentence_bi)) {
        gsize b = (gsize) pos;
        if (b > 0 && b < len)
          g_array_append_val (icu_breaks, b);
      }
      /* The iterator must not keep a pointer to buf. */
      ubrk_setText (ld->sentence_bi, no_text, 0, &status);
      utext_close (&ut);
    }
    g_array_set_size (breaks, 0);
    for (guint i = 0; i < icu_breaks->len; i++) {
      gsize b = g_array_index (icu_breaks, gsize, i);
      if (!suppress_break (doc->ctx, buf->str, len, b, lower_typed, fold))
        g_array_append_val (breaks, b);
    }
    add_dialogue_breaks (buf->str, len, breaks);
    add_informal_breaks (doc->ctx, buf->str, len, lower_typed, breaks, fold);
    g_array_sort (breaks, compare_offsets);
    /* The cuts, in place: a piece with no letter or digit (an emoticon
     * after "!", a run of "!!!") stays with the sentence before it, or with
     * the one after it at the start of the block. */
    for (guint i = 0; i < breaks->len; i++) {
      gsize b = g_array_index (breaks, gsize, i);
      gsize last = n_cuts > 0 ? g_array_index (breaks, gsize, n_cuts - 1) : 0;
      if (b <= last || b >= len)
        continue;
      if (has_alnum (buf->str, last, b))
        g_array_index (breaks, gsize, n_cuts++) = b;
      else if (n_cuts > 0)
        g_array_index (breaks, gsize, n_cuts - 1) = b;
    }
    if (n_cuts > 0 && !has_alnum (buf->str, g_array_index (breaks, gsize, n_cuts - 1), len))
      n_cuts--;
    for (guint i = 0; i < n_cuts; i++) {
      gsize b = g_array_index (breaks, gsize, i);
      emit_sentence (doc, block, p, bstart + seg_start, bstart + b);
      seg_start = b;
    }
    if (seg_start < len)
      emit_sentence (doc, block, p, bstart + seg_start, bend);
  }
  return TRUE;
}

void
sverka_segment_lines (SverkaDocument *doc)
{
  guint paragraph = 0;
  gboolean blank_before = FALSE;

  g_array_set_size (doc->sentences, 0);
  for (guint l = 0; l < doc->lines->len; l++) {
    const SverkaLine *line = &g_array_index (doc->lines, SverkaLine, l);
    SverkaBlock block = { l, l };
    if (line->blank) {
      blank_before = doc->sentences->len > 0;
      continue;
    }
    if (blank_before)
      paragraph++;
    blank_before = FALSE;
    /* Not blank: a sentence, whatever invisible characters edge it. */
    emit_sentence (doc, &block, paragraph, line->start, line->end);
  }
}
