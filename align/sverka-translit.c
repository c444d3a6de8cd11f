/* sverka-translit.c: sound skeletons for names and cognates.
 *
 * A Russian word is transliterated with ICU's Russian-Latin/BGN; an English
 * word with letters beyond ASCII goes through ICU's Latin-ASCII (Türkiye ->
 * turkiye). Only ASCII letters are kept. Both are then simplified alike, so that the spellings of one
 * name, or of a shared loanword, in the two languages come out equal or
 * nearly so: Столтенберг/Stoltenberg -> stoltenberg, Брюссель/Brussels ->
 * brusel/brusels, Йенс/Jens -> iens, Алиев/Aliyev -> aliev,
 * конференция/conference -> konferentsia/konferenke (compared over five letters).
 *
 * Rules, in order: keep letters only; yu -> u, ya -> a, dzh -> i, kh -> h, ph -> f,
 * gh -> g, th -> t, ch -> c (the one sound), ck -> k; then c -> k, q -> k,
 * x -> ks, w -> v, z -> s, y -> i, j -> i; then runs of one letter -> one.
 */
#include <string.h>
#include <unicode/ustring.h>

#include "sverka-context-private.h"
#include "sverka-error.h"

/* Words come case-folded; the simplification below keeps ASCII letters
 * only, so the transliterators need not fold further. ASCII words skip ICU. */
static gboolean
open_translit (SverkaLangData *ld, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar id[64];

  if (ld->translit != NULL)
    return TRUE;
  /* the pack's transliterator: Russian-Latin/BGN, Latin-ASCII */
  u_uastrncpy (id, ld->pack->transliteration, G_N_ELEMENTS (id));
  ld->translit = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  return sverka_icu_check (status, "cannot open the ICU transliterator", error);
}

/* Russian-Latin/BGN for a word of the lower-case letters а-я, as ICU's
 * rules (CLDR's ru-ru_Latn-BGN) give it, without ICU: its two passes are
 * followed exactly, the separators (·, ʹ, ʺ) written as '.', which the
 * simplification drops but which still keep letters apart ("йа" -> "y.a",
 * not "ya"). The word may also hold digits, which the rules count as part
 * of a word ("1е" -> "1e"), and '.', ',', ':', apostrophes and soft
 * hyphens, which they count as word boundaries ("т.е" -> "t.ye"); ICU
 * keeps both as they are, and they are written as '.', which the
 * simplification drops alike ("т.е." of most Russian texts then needs no
 * ICU). Returns FALSE, with
 * @out undefined, for any other word; unit tests compare it with ICU over
 * a large vocabulary and over every short string of those characters. */
#define RU_MAX_LETTERS 64
/* Its output: at most four bytes a letter ("shch"), and a NUL. */
#define RU_LATIN_MAX (RU_MAX_LETTERS * 4 + 1)

/* '.', ',', ':', the apostrophe and the soft hyphen: not letters, marks
 * nor digits, so a word boundary to the rules. */
static gboolean
ru_is_boundary (gunichar c)
{
  return c == '.' || c == ',' || c == ':' || c == '\'' || c == 0xAD;
}

static gboolean
ru_is_letter (gunichar c)
{
  return c >= 0x430 && c <= 0x44F;
}

static gboolean
ru_is_vowel (gunichar c)
{
  return c == 0x430 || c == 0x435 || c == 0x451 || c == 0x44D || c == 0x438 || c == 0x43E
         || c == 0x443 || c == 0x44B || c == 0x44E || c == 0x44F; /* аеёэиоуыюя */
}

static gboolean
ru_is_consonant (gunichar c)
{
  /* бвгджзйклмнпрстфхцчшщ, ъ and ь: the lower-case Cyrillic letters of the
   * word that are not vowels */
  return (c >= 0x431 && c <= 0x434) || c == 0x436 || c == 0x437 || (c >= 0x439 && c <= 0x43D)
         || (c >= 0x43F && c <= 0x442) || (c >= 0x444 && c <= 0x44A) || c == 0x44C;
}

/* Writes @s at @len of @out; returns the new length. */
static inline gsize
put (char *out, gsize len, const char *s)
{
  while (*s != '\0')
    out[len++] = *s++;
  return len;
}

static gboolean
ru_latin_fast (const char *text, char out[RU_LATIN_MAX])
{
  static const char *const plain[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", ".", "y", ".", "e", "yu", "ya",
  };
  gunichar c[RU_MAX_LETTERS];
  const char *done[RU_MAX_LETTERS]; /* pass one's output, or NULL: not yet */
  guint n = 0;
  gsize len = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar u = g_utf8_get_char (p);
    if (!(ru_is_letter (u) || g_ascii_isdigit (u) || ru_is_boundary (u)) || n == RU_MAX_LETTERS)
      return FALSE;
    c[n] = u;
    done[n++] = NULL;
  }
  /* Pass one: rules with a letter before; later letters see the output.
   * (A digit or a boundary before a letter is neither vowel nor consonant.) */
  for (guint i = 1; i < n; i++) {
    gunichar prev = done[i - 1] == NULL ? c[i - 1] : 0;
    if (c[i] == 0x44B && prev != 0 && ru_is_vowel (prev))
      done[i] = ".y"; /* ы after a vowel */
    else if (c[i] == 0x44D && (prev == 0 || (ru_is_consonant (prev) && prev != 0x439)))
      done[i] = ".e"; /* э after a lower-case letter, not a vowel nor й: pass
                       * one's Latin output counts */
    else if (c[i] == 0x435 && prev != 0
             && (ru_is_vowel (prev) || prev == 0x439 || prev == 0x44A || prev == 0x44C))
      done[i] = "ye"; /* е after a vowel, й, ъ or ь */
  }
  /* Pass two: the rest, with the letters after them. */
  for (guint i = 0; i < n; i++) {
    gunichar next = i + 1 < n && done[i + 1] == NULL ? c[i + 1] : 0;
    gboolean next_auye = next == 0x430 || next == 0x443 || next == 0x44B || next == 0x44D;
    if (done[i] != NULL)
      len = put (out, len, done[i]);
    else if (!ru_is_letter (c[i]))
      out[len++] = '.'; /* a digit or a boundary */
    else if (c[i] == 0x435 && (i == 0 || ru_is_boundary (c[i - 1])))
      len = put (out, len, "ye"); /* е at the start of the word */
    else if (c[i] == 0x439 && next_auye)
      len = put (out, len, "y."); /* й before а, у, ы, э */
    else if (c[i] == 0x44B && next_auye)
      len = put (out, len, "y."); /* ы before а, у, ы, э */
    else if (c[i] == 0x442 && next == 0x441)
      len = put (out, len, "t."); /* тс: t·s */
    else if (c[i] == 0x448 && next == 0x447)
      len = put (out, len, "sh."); /* шч: sh·ch */
    else
      len = put (out, len, plain[c[i] - 0x430]);
  }
  out[len] = '\0';
  return TRUE;
}

/* ICU's Latin-ASCII for a word of ASCII and the precomposed Latin letters
 * U+00C0-U+024F whose canonical decomposition is an ASCII letter and
 * combining marks (é, č, ö, ş: the letter), without ICU, whose
 * transliterators take longer to open than most documents take to read.
 * Returns FALSE, with @out undefined, for a word with any other character
 * (ß, ø, æ, ł, other scripts); a unit test compares it with ICU over that
 * range. */
static gboolean
latin_ascii_fast (const char *text, GString *out)
{
  g_string_truncate (out, 0);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p), d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n;
    if (c < 0x80) {
      g_string_append_c (out, (char) c);
      continue;
    }
    if (c < 0xC0 || c > 0x24F)
      return FALSE;
    n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));
    if (n < 2 || d[0] >= 0x80 || !g_ascii_isalpha ((char) d[0]))
      return FALSE;
    for (gsize k = 1; k < n; k++)
      if (g_unichar_type (d[k]) != G_UNICODE_NON_SPACING_MARK)
        return FALSE;
    g_string_append_c (out, (char) d[0]);
  }
  return TRUE;
}

static void
simplify (const char *in, GString *out)
{
  /* each byte of @in gives at most two letters ('x': "ks") */
  gsize in_len = strlen (in), a_len = 0;
  char stack[512];
  g_autofree char *heap = 2 * in_len + 1 > sizeof stack ? g_malloc (2 * in_len + 1) : NULL;
  char *a = heap != NULL ? heap : stack;

  for (const char *p = in; *p != '\0'; p++) {
    char c = *p;
    char n = p[1];
    if (!g_ascii_isalpha (c))
      continue;
    c = g_ascii_tolower (c);
    n = g_ascii_tolower (n);
    if (c == 'y' && (n == 'u' || n == 'a')) {
      continue; /* yu -> u, ya -> a */
    }
    if (c == 'd' && n == 'z' && g_ascii_tolower (p[2]) == 'h') {
      a[a_len++] = 'i'; /* dzh (Дж) -> j -> i: Джоко / Joko */
      p += 2;
      continue;
    }
    if (n == 'h' && (c == 'k' || c == 'p' || c == 'g' || c == 't' || c == 'c')) {
      a[a_len++] = c == 'k' ? 'h' : c == 'p' ? 'f' : c == 'c' ? 'c' : c;
      p++;
      if (c == 'c')
        a[a_len - 1] = '\x01'; /* ch: its own sound, kept apart from c */
      continue;
    }
    if (c == 'c' && n == 'k') {
      continue; /* ck -> k */
    }
    switch (c) {
    case 'c':
    case 'q':
      c = 'k';
      break;
    case 'x':
      a[a_len++] = 'k';
      c = 's';
      break;
    case 'w':
      c = 'v';
      break;
    case 'z':
      c = 's';
      break;
    case 'y':
    case 'j':
      c = 'i';
      break;
    default:
      break;
    }
    a[a_len++] = c;
  }
  g_string_truncate (out, 0);
  for (gsize i = 0; i < a_len; i++) {
    char c = a[i] == '\x01' ? 'c' : a[i];
    if (out->len > 0 && out->str[out->len - 1] == c)
      continue;
    g_string_append_c (out, c);
  }
}

static char *
skeleton (SverkaContext *ctx, SverkaLanguage lang, const char *text, gboolean fast_ok,
          GError **error)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  UErrorCode status = U_ZERO_ERROR;
  int32_t len16 = 0, limit, cap, len8 = 0;
  g_autofree UChar *buf = NULL;
  g_autofree char *latin = NULL;
  GString *out = g_string_new (NULL);
  gboolean ascii = TRUE;

  for (const char *p = text; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii) {
    simplify (text, out);
    return g_string_free (out, FALSE);
  }
  if (lang == SVERKA_LANGUAGE_RU && fast_ok) {
    char fast[RU_LATIN_MAX];
    if (ru_latin_fast (text, fast)) {
      simplify (fast, out);
      return g_string_free (out, FALSE);
    }
  }
  if (fast_ok && strcmp (ld->pack->transliteration, "Latin-ASCII") == 0) {
    g_autoptr (GString) fast = g_string_new (NULL);
    if (latin_ascii_fast (text, fast)) {
      simplify (fast->str, out);
      return g_string_free (out, FALSE);
    }
  }
  if (!open_translit (ld, error)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  u_strFromUTF8 (NULL, 0, &len16, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && !sverka_icu_check (status, "transliteration", error)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  status = U_ZERO_ERROR;
  cap = len16 * 4 + 16;
  buf = g_new0 (UChar, cap);
  u_strFromUTF8 (buf, cap, &len16, text, -1, &status);
  limit = len16;
  utrans_transUChars (ld->translit, buf, &len16, cap, 0, &limit, &status);
  if (U_SUCCESS (status)) {
    latin = g_malloc ((gsize) len16 * 3 + 1);
    u_strToUTF8 (latin, len16 * 3 + 1, &len8, buf, len16, &status);
  }
  if (!sverka_icu_check (status, "transliteration", error)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  latin[len8] = '\0';
  simplify (latin, out);
  return g_string_free (out, FALSE);
}

static gboolean
en_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* English spelling is no guide to sound, and Russian writes names as they
 * sound: Jake/Джейк, George/Джордж, Lewis/Льюис, Wheeling/Уилинг, Yale/
 * Йельский. A second reading of an English name, by a few rules of English
 * spelling, brings such pairs together: y before a vowel at the start is
 * й; wh is w; ee and ea are и; au is о (Paul/Пол); ew is ю; g before e, i
 * or y is дж (and an e after it before a vowel or at the end is silent:
 * George); a before one consonant and a vowel is эй (Jason, Jake); a final
 * e after a consonant is silent. Each rule can be wrong (Gilbert has a hard
 * g): the reading is only ever a second chance, beside the plain skeleton. */
char *
sverka_translit_english_sound (const char *fold)
{
  g_autoptr (GString) a = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  gsize n = strlen (fold);

  for (gsize i = 0; i < n; i++) {
    char c = fold[i], d = i + 1 < n ? fold[i + 1] : '\0', e = i + 2 < n ? fold[i + 2] : '\0';
    if ((guchar) c >= 0x80) {
      g_string_free (out, TRUE);
      return NULL;
    }
    if (i == 0 && c == 'y' && en_vowel (d)) {
      g_string_append_c (a, 'i');
    } else if (c == 'w' && d == 'h') {
      g_string_append_c (a, 'w');
      i++;
    } else if (c == 'e' && (d == 'e' || d == 'a')) {
      g_string_append_c (a, 'i');
      i++;
    } else if (c == 'a' && d == 'u') {
      g_string_append_c (a, 'o');
      i++;
    } else if (c == 'e' && d == 'w') {
      g_string_append_c (a, 'u');
      i++;
    } else if (c == 'g' && (d == 'e' || d == 'i' || d == 'y')) {
      g_string_append (a, "dzh");
      if (d == 'e' && (e == '\0' || en_vowel (e)))
        i++;
    } else if (c == 'a' && d != '\0' && !en_vowel (d) && d != 'r' && d != 'w' && en_vowel (e)) {
      g_string_append (a, "ei");
    } else if (c == 'e' && d == '\0' && i > 0 && !en_vowel (fold[i - 1])) {
      /* silent */
    } else {
      g_string_append_c (a, c);
    }
  }
  simplify (a->str, out);
  return g_string_free (out, FALSE);
}

char *
sverka_translit_skeleton (SverkaContext *ctx, SverkaLanguage lang, const char *text,
                          GError **error)
{
  return skeleton (ctx, lang, text, TRUE, error);
}

char *
sverka_translit_skeleton_icu (SverkaContext *ctx, SverkaLanguage lang, const char *text,
                              GError **error)
{
  return skeleton (ctx, lang, text, FALSE, error);
}
