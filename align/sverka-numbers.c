/* sverka-numbers.c: reading numbers from tokens.
 *
 * Digits with thousands separators in either convention (120,000 / 120 000
 * / 120.000.000) and decimals (2.5 / 2,5), number words from
 * dictionaries/<code>/numbers.tsv matched on the folded form or the hunspell
 * lemma, and their combinations: cardinals add, "hundred" multiplies what
 * precedes it, thousand/тысяча and larger close a group ("hundred and 20
 * thousand" = 120000, "сто двадцать тысяч" = 120000, "2,5 млрд" = 2.5e9).
 */
#include <math.h>
#include <string.h>

#include "sverka-numbers-private.h"

static const SverkaNumWord *
number_word (SverkaDocument *doc, const SverkaWord *w)
{
  SverkaLangData *ld = sverka_context_lang (
      doc->ctx, sverka_context_script_language (doc->ctx, doc->language, w->flags));
  GHashTable *table = ld->numbers;
  const SverkaNumWord *nw;

  if (!(w->flags & SVERKA_WORD_NUMBER_WORD))
    return NULL;
  nw = g_hash_table_lookup (table, w->fold);
  /* Russian number words inflect ("двадцати"); an English plural is no
   * number ("hundreds of people"). */
  if (nw == NULL && w->lemma != NULL && ld->pack->inflected_numbers)
    nw = g_hash_table_lookup (table, w->lemma);
  return nw;
}

/* Parses a digit token: "120,000", "2,5", "2.5", "1.000.000". */
static gboolean parse_plain_digits (const char *s, gsize len, gboolean decimal_comma,
                                    double *value);

static gboolean parse_digits_bytes (const char *s, gsize len, gboolean decimal_comma,
                                    char **ordinal_suffixes, double *value, double *alt);

/* A token may hold no-break or thin spaces between digit groups
 * ("12\u00a0345\u00a0678"): they are dropped when every group after one has
 * three digits, and the token is not read otherwise. */
static gboolean
parse_digits (const char *s, gsize len, gboolean decimal_comma, char **ordinal_suffixes,
              double *value, double *alt)
{
  g_autoptr (GString) joined = NULL;
  const char *end = s + len;
  gsize run = 0;
  gboolean after_space = FALSE;

  if (memchr (s, 0xC2, len) == NULL && memchr (s, 0xE2, len) == NULL)
    return parse_digits_bytes (s, len, decimal_comma, ordinal_suffixes, value, alt);
  joined = g_string_sized_new (len);
  for (const char *p = s; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char_validated (p, end - p);
    if (c == 0xA0 || c == 0x202F || c == 0x2009) {
      if (run == 0 || (after_space && run != 3))
        return FALSE;
      after_space = TRUE;
      run = 0;
      continue;
    }
    if (c == (gunichar) -1 || c == (gunichar) -2)
      return FALSE;
    if (g_ascii_isdigit (*p))
      run++;
    else if (after_space && run != 3)
      return FALSE;
    else
      after_space = FALSE; /* ",5" or a suffix: the groups are over */
    g_string_append_len (joined, p, g_utf8_next_char (p) - p);
  }
  if (after_space && run != 3)
    return FALSE;
  return parse_digits_bytes (joined->str, joined->len, decimal_comma, ordinal_suffixes, value,
                             alt);
}

/* Digits with a multiplier glued on: "125m", "2.8bn", "11million", "10k",
 * "5млн"; or an ordinal or decade suffix: "125th", "2000s", or one of the
 * language's @ordinal_suffixes (nullable; "2e" in French), in lower case. A
 * glued "m" is also metres ("a 60m tower"): *@alt is then the plain figure,
 * and -1 otherwise. */
static gboolean
parse_digits_bytes (const char *s, gsize len, gboolean decimal_comma, char **ordinal_suffixes,
                    double *value, double *alt)
{
  static const struct {
    const char *suffix;
    double mult;
  } suffixes[] = {
    { "k", 1e3 },   { "m", 1e6 },         { "mn", 1e6 },        { "mln", 1e6 },
    { "bn", 1e9 },  { "bln", 1e9 },       { "trln", 1e12 },
    { "b", 1e9 },   { "tn", 1e12 },       { "thousand", 1e3 },  { "million", 1e6 },
    { "billion", 1e9 }, { "trillion", 1e12 }, { "тыс", 1e3 },   { "млн", 1e6 },
    { "млрд", 1e9 }, { "трлн", 1e12 },
    /* ordinals and decades keep their value: "125th", "2000s" */
    { "st", 1 },    { "nd", 1 },          { "rd", 1 },          { "th", 1 },
    { "s", 1 },
  };
  gsize d = 0;
  *alt = -1;
  while (d < len && (g_ascii_isdigit (s[d]) || s[d] == ',' || s[d] == '.'))
    d++;
  if (d == len)
    return parse_plain_digits (s, len, decimal_comma, value);
  if (d == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++) {
    gsize sl = strlen (suffixes[i].suffix);
    if (len - d == sl && g_ascii_strncasecmp (s + d, suffixes[i].suffix, sl) == 0) {
      if (!parse_plain_digits (s, d, decimal_comma, value))
        return FALSE;
      if (g_ascii_strcasecmp (suffixes[i].suffix, "m") == 0)
        *alt = *value;
      *value *= suffixes[i].mult;
      return TRUE;
    }
  }
  for (guint i = 0; ordinal_suffixes != NULL && ordinal_suffixes[i] != NULL; i++)
    if (len - d == strlen (ordinal_suffixes[i])
        && memcmp (s + d, ordinal_suffixes[i], len - d) == 0)
      return parse_plain_digits (s, d, decimal_comma, value);
  return FALSE;
}

static gboolean
parse_plain_digits (const char *s, gsize len, gboolean decimal_comma, double *value)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  guint n_comma = 0, n_dot = 0;
  gsize last_sep = 0;
  char last_kind = 0;
  gboolean groups_of_three = TRUE;
  gsize run = 0;
  gboolean first_group = TRUE;
  char decimal = 0;

  for (gsize i = 0; i < len; i++) {
    char c = s[i];
    if (g_ascii_isdigit (c)) {
      run++;
      continue;
    }
    if (c != ',' && c != '.')
      return FALSE;
    if ((!first_group && run != 3) || (first_group && (run == 0 || run > 3)))
      groups_of_three = FALSE;
    first_group = FALSE;
    run = 0;
    n_comma += c == ',';
    n_dot += c == '.';
    last_sep = i;
    last_kind = c;
  }
  if (!first_group && run != 3)
    groups_of_three = FALSE;

  if (n_comma > 0 && n_dot > 0)
    decimal = last_kind; /* "1,234.5" or "1.234,5" */
  else if (n_comma + n_dot == 1) {
    /* One separator: "120,000" groups in English, "2,5" is a decimal in Russian. */
    if (last_kind == ',' && groups_of_three && !decimal_comma)
      decimal = 0;
    else
      decimal = last_kind;
  } else {
    decimal = 0; /* several: "1,000,000", "1.000.000" */
  }
  for (gsize i = 0; i < len; i++) {
    if (g_ascii_isdigit (s[i]))
      g_string_append_c (clean, s[i]);
    else if (decimal != 0 && i == last_sep && s[i] == decimal)
      g_string_append_c (clean, '.');
  }
  if (clean->len == 0)
    return FALSE;
  *value = g_ascii_strtod (clean->str, NULL);
  return TRUE;
}

/* Only white space between tokens @a and @b (no comma, colon, dash), or a
 * hyphen between two words ("twenty-five"). */
static gboolean
adjacent (SverkaDocument *doc, const SverkaToken *a, const SverkaToken *b)
{
  gboolean words = (a->word->flags & SVERKA_WORD_LETTERS) && (b->word->flags & SVERKA_WORD_LETTERS);
  for (const char *p = doc->data + a->end; p < doc->data + b->start; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    /* Any space: "1 000", a no-break (U+00A0), narrow no-break (U+202F)
     * or thin (U+2009) space between digit groups. */
    if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F || c == 0x2009)
      continue;
    if (c == '-' && words && b->start - a->end == 1)
      continue;
    return FALSE;
  }
  return TRUE;
}

static gboolean
all_digits (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return len > 0;
}

/* Is the character before byte @at a currency sign ("$60m")? */
static gboolean
after_currency (SverkaDocument *doc, gsize at)
{
  gunichar c;
  if (at == 0)
    return FALSE;
  c = g_utf8_get_char (g_utf8_prev_char (doc->data + at));
  return g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

static gboolean
is_and (const SverkaToken *t)
{
  return strcmp (t->word->fold, "and") == 0;
}

void
sverka_numbers_find (SverkaDocument *doc, guint si, GArray *out)
{
  const SverkaSentence *s = &g_array_index (doc->sentences, SverkaSentence, si);
  const SverkaLanguagePack *pack = sverka_context_lang (doc->ctx, doc->language)->pack;
  gboolean decimal_comma = pack->decimal_comma;
  guint k = s->first_token;
  guint end = s->first_token + s->n_tokens;

  while (k < end) {
    const SverkaToken *t = &g_array_index (doc->tokens, SverkaToken, k);
    const SverkaNumWord *nw = NULL;
    double total = 0, current = 0;
    gboolean any = FALSE;
    guint first = k;
    gboolean grouped = FALSE;
    double alt = -1;
    SverkaNumber num = { 0 };

    /* Digits are read in the run below, where a token that does not read
     * as a number ends it at once; a word must be a number word. */
    if (!(t->word->flags & SVERKA_WORD_NUMBER) && !g_ascii_isdigit (doc->data[t->start])) {
      nw = number_word (doc, t->word);
      if (nw == NULL) {
        k++;
        continue;
      }
      if (nw->kind == SVERKA_NUMWORD_ORDINAL) {
        num.value = nw->value;
        num.first_token = k;
        num.n_tokens = 1;
        num.ordinal = TRUE;
        g_array_append_val (out, num);
        k++;
        continue;
      }
    }

    /* A run of number parts. */
    while (k < end) {
      const SverkaToken *cur = &g_array_index (doc->tokens, SverkaToken, k);
      const SverkaToken *prev = k > first ? &g_array_index (doc->tokens, SverkaToken, k - 1)
                                          : NULL;
      const SverkaNumWord *w = NULL;
      double dv = 0, dalt = -1;
      gboolean digits = FALSE;

      /* "25-тысячная толпа": a figure joined to "тысячный" is 25000. */
      if (prev != NULL && current > 0 && cur->start == prev->end + 1
          && doc->data[prev->end] == '-' && (prev->word->flags & SVERKA_WORD_NUMBER)
          && (cur->word->flags & SVERKA_WORD_CYRILLIC)
          && (w = number_word (doc, cur->word)) != NULL && w->kind == SVERKA_NUMWORD_ORDINAL
          && w->value >= 1000) {
        current *= w->value;
        k++;
        break;
      }
      if (prev != NULL && !adjacent (doc, prev, cur))
        break;
      if ((cur->word->flags & SVERKA_WORD_NUMBER) || g_ascii_isdigit (doc->data[cur->start])) {
        if (!parse_digits (doc->data + cur->start, cur->end - cur->start, decimal_comma,
                           pack->ordinal_suffixes, &dv, &dalt))
          break;
        digits = TRUE;
        if (k == first)
          alt = dalt;
        /* "120 000", "12 345 678": groups of three digits after a number
         * below 1000, or after such a group. */
        if (prev != NULL && (prev->word->flags & SVERKA_WORD_NUMBER)) {
          if (cur->end - cur->start == 3 && all_digits (doc->data + cur->start, 3)
              && current == floor (current)
              && (grouped || (current > 0 && current < 1000
                              && all_digits (doc->data + prev->start, prev->end - prev->start)))) {
            current = current * 1000 + dv;
            grouped = TRUE;
            k++;
            continue;
          }
          break;
        }
      } else if ((w = number_word (doc, cur->word)) == NULL
                 || w->kind == SVERKA_NUMWORD_ORDINAL) {
        /* "and" joins parts: "hundred and 20". */
        if (any && is_and (cur) && k + 1 < end) {
          const SverkaToken *next = &g_array_index (doc->tokens, SverkaToken, k + 1);
          const SverkaNumWord *nnw = number_word (doc, next->word);
          if ((next->word->flags & SVERKA_WORD_NUMBER)
              || (nnw != NULL && nnw->kind != SVERKA_NUMWORD_ORDINAL)) {
            k++;
            continue;
          }
        }
        break;
      }
      if (digits || w->kind == SVERKA_NUMWORD_CARDINAL) {
        double add = digits ? dv : w->value;
        /* Two plain numbers in a row are two numbers ("2002 2003"), unless
         * the second fills a place ("двадцать пять", "сто двадцать"). */
        if (any && current > 0 && !(current >= 10 && add < 10 && fmod (current, 10) == 0)
            && !(current >= 100 && add < 100 && fmod (current, 100) == 0))
          break;
        current += add;
      } else if (w->kind == SVERKA_NUMWORD_HUNDRED) {
        current = (current > 0 ? current : 1) * w->value;
      } else { /* multiplier */
        total += (current > 0 ? current : 1) * w->value;
        current = 0;
      }
      any = TRUE;
      k++;
    }
    if (!any) {
      k++;
      continue;
    }
    /* A lone "thousands", "миллионы", "hundred" is a vague quantity. */
    if (k - first == 1 && nw != NULL && nw->kind != SVERKA_NUMWORD_CARDINAL)
      continue;
    num.value = total + current;
    num.first_token = first;
    num.n_tokens = k - first;
    /* A lone "60m" has two readings; "$60m" and "£60m" only one. */
    num.has_alt = num.n_tokens == 1 && alt >= 0 && !after_currency (doc, t->start);
    num.alt = alt;
    /* A trailing "and" is not part of the number. */
    while (num.n_tokens > 1
           && is_and (&g_array_index (doc->tokens, SverkaToken, first + num.n_tokens - 1)))
      num.n_tokens--;
    g_array_append_val (out, num);
  }
}

void
sverka_number_key (double value, GString *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_assign (out, "#");
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}
