/* sverka-text.c: loading checks, normalisation, lines, blocks and trimming. */
#include "sverka-text.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "sverka-bilingual.h"
#include "sverka-charset-private.h"
#include "sverka-document-private.h"
#include "sverka-error.h"

/* ---------------------------------------------------------------------- */
/* Normalisation                                                          */

static UChar
fold_quote (UChar c)
{
  switch (c) {
  case 0x2019: /* ’ */
  case 0x2018: /* ‘ */
  case 0x0060: /* ` */
  case 0x00B4: /* ´ */
  case 0x02BC: /* ʼ */
  case 0x2032: /* ′ */
    return '\'';
  case 0x201C: /* “ */
  case 0x201D: /* ” */
  case 0x201E: /* „ */
  case 0x00AB: /* « */
  case 0x00BB: /* » */
  case 0x2033: /* ″ */
    return '"';
  default:
    return c;
  }
}

static char *
normalize_ascii (const char *text, gsize len, SverkaNormalizeFlags flags)
{
  char *out = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++) {
    char c = text[i];
    if ((flags & SVERKA_NORMALIZE_FOLD_QUOTES) && c == '`')
      c = '\'';
    if ((flags & SVERKA_NORMALIZE_FOLD_CASE) && c >= 'A' && c <= 'Z')
      c = (char) (c - 'A' + 'a');
    out[i] = c;
  }
  out[len] = '\0';
  return out;
}

/* The length of the Russian letter А-я, Ё or ё at @p (before @end), or 0. */
static gsize
russian_letter_len (const char *p, const char *end)
{
  guchar b0 = (guchar) p[0], b1;
  if (end - p < 2)
    return 0;
  b1 = (guchar) p[1];
  if ((b0 == 0xD0 && ((b1 >= 0x90 && b1 <= 0xBF) || b1 == 0x81))
      || (b0 == 0xD1 && ((b1 >= 0x80 && b1 <= 0x8F) || b1 == 0x91)))
    return 2;
  return 0;
}

/* sverka_normalize() of text made of ASCII (no NUL) and the Russian letters
 * А-я, Ё, ё only, or NULL for any other text. Such text is in NFC already
 * (no letter of it composes with another), and folding maps each letter to
 * one of the same length. */
static char *
normalize_simple (const char *text, gsize len, SverkaNormalizeFlags flags)
{
  const char *end = text + len;
  g_autofree char *out = g_malloc (len + 1);
  char *o = out;

  for (const char *p = text; p < end;) {
    guchar b0 = (guchar) p[0], b1;
    if (b0 < 0x80) {
      char c = (char) b0;
      if (c == '\0')
        return NULL;
      if ((flags & SVERKA_NORMALIZE_FOLD_QUOTES) && c == '`')
        c = '\'';
      if ((flags & SVERKA_NORMALIZE_FOLD_CASE) && c >= 'A' && c <= 'Z')
        c = (char) (c - 'A' + 'a');
      *o++ = c;
      p++;
      continue;
    }
    if (russian_letter_len (p, end) == 0)
      return NULL;
    b1 = (guchar) p[1];
    if (b0 == 0xD0 && b1 == 0x81) { /* Ё */
      if (flags & SVERKA_NORMALIZE_FOLD_YO) {
        b0 = 0xD0; /* Е, or е if folding case */
        b1 = (flags & SVERKA_NORMALIZE_FOLD_CASE) ? 0xB5 : 0x95;
      } else if (flags & SVERKA_NORMALIZE_FOLD_CASE) {
        b0 = 0xD1; /* ё */
        b1 = 0x91;
      }
    } else if (b0 == 0xD1 && b1 == 0x91) { /* ё */
      if (flags & SVERKA_NORMALIZE_FOLD_YO) {
        b0 = 0xD0; /* е */
        b1 = 0xB5;
      }
    } else if ((flags & SVERKA_NORMALIZE_FOLD_CASE) && b0 == 0xD0 && b1 < 0xB0) {
      /* А-П -> а-п, Р-Я -> р-я */
      if (b1 < 0xA0) {
        b1 += 0x20;
      } else {
        b0 = 0xD1;
        b1 -= 0x20;
      }
    }
    *o++ = (char) b0;
    *o++ = (char) b1;
    p += 2;
  }
  *o = '\0';
  return g_steal_pointer (&out);
}

char *
sverka_normalize (const char *text, gssize len, SverkaNormalizeFlags flags, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc;
  int32_t n16 = 0, n_out = 0;
  g_autofree UChar *buf = NULL;
  g_autofree UChar *tmp = NULL;
  g_autofree char *out = NULL;
  gboolean ascii = TRUE;

  if (len < 0)
    len = (gssize) strlen (text);
  if (len > G_MAXINT32 / 4) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "text of %" G_GSSIZE_FORMAT " bytes is too long to normalise", len);
    return NULL;
  }
  for (gssize i = 0; i < len; i++) {
    if ((guchar) text[i] >= 0x80 || text[i] == '\0') {
      ascii = FALSE;
      break;
    }
  }
  if (ascii)
    return normalize_ascii (text, (gsize) len, flags);
  out = normalize_simple (text, (gsize) len, flags);
  if (out != NULL)
    return g_steal_pointer (&out);
  if (!g_utf8_validate (text, len, NULL)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING, "text to normalise is not UTF-8");
    return NULL;
  }

  buf = g_new (UChar, len + 1);
  u_strFromUTF8 (buf, (int32_t) len + 1, &n16, text, (int32_t) len, &status);
  if (!sverka_icu_check (status, "cannot convert text to UTF-16", error))
    return NULL;
  if (flags & SVERKA_NORMALIZE_FOLD_QUOTES) {
    for (int32_t i = 0; i < n16; i++)
      buf[i] = fold_quote (buf[i]);
  }
  if (flags & SVERKA_NORMALIZE_FOLD_CASE) {
    /* Case folding can lengthen the text (ß -> ss): at most 3 units each. */
    int32_t cap = n16 * 3 + 1;
    int32_t n;
    tmp = g_new (UChar, cap);
    n = u_strFoldCase (tmp, cap, buf, n16, U_FOLD_CASE_DEFAULT, &status);
    if (!sverka_icu_check (status, "cannot fold case", error))
      return NULL;
    g_free (buf);
    buf = g_steal_pointer (&tmp);
    n16 = n;
  }
  if (flags & SVERKA_NORMALIZE_FOLD_YO) {
    for (int32_t i = 0; i < n16; i++) {
      if (buf[i] == 0x0451)
        buf[i] = 0x0435;
      else if (buf[i] == 0x0401)
        buf[i] = 0x0415;
    }
  }
  nfc = unorm2_getNFCInstance (&status);
  if (!sverka_icu_check (status, "cannot load the NFC normaliser", error))
    return NULL;
  if (!unorm2_isNormalized (nfc, buf, n16, &status)) {
    int32_t cap = n16 * 3 + 1;
    int32_t n;
    status = U_ZERO_ERROR;
    tmp = g_new (UChar, cap);
    n = unorm2_normalize (nfc, buf, n16, tmp, cap, &status);
    if (!sverka_icu_check (status, "cannot normalise to NFC", error))
      return NULL;
    g_free (buf);
    buf = g_steal_pointer (&tmp);
    n16 = n;
  }
  status = U_ZERO_ERROR;
  out = g_malloc ((gsize) n16 * 3 + 1);
  u_strToUTF8 (out, n16 * 3 + 1, &n_out, buf, n16, &status);
  if (!sverka_icu_check (status, "cannot convert text to UTF-8", error))
    return NULL;
  out[n_out] = '\0';
  return g_steal_pointer (&out);
}

/* ---------------------------------------------------------------------- */
/* Character helpers                                                       */

gboolean
sverka_is_final_punct (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x203C /* ‼ */
         || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

gboolean
sverka_is_closing_punct (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x00BB /* » */
         || c == 0x201D /* ” */ || c == 0x2019 /* ’ */ || c == 0x201C /* “ closes in ru */;
}

void
sverka_simple_fold (const char *word, gsize len, GString *out)
{
  const char *p = word;
  const char *end = word + len;
  char *o;

  /* ASCII and the Russian letters keep their length: written in place,
   * in room for the word as it is (any other character is appended). */
  g_string_set_size (out, len);
  o = out->str;
  while (p < end) {
    guchar b0 = (guchar) p[0], b1 = b0 >= 0x80 && p + 1 < end ? (guchar) p[1] : 0;
    gunichar c;
    /* What g_unichar_tolower() does, without the calls, for ASCII and for
     * the Russian letters А-я (U+0410-U+044F), Ё and ё. */
    if (b0 < 0x80) {
      *o++ = g_ascii_tolower ((char) b0);
      p++;
      continue;
    }
    if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xBF) { /* А-Я, а-п */
      *o++ = (char) (b1 >= 0xA0 && b1 < 0xB0 ? 0xD1 : 0xD0);
      *o++ = (char) (b1 < 0xA0 ? b1 + 0x20 : b1 < 0xB0 ? b1 - 0x20 : b1);
      p += 2;
      continue;
    }
    if (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F) { /* р-я */
      *o++ = (char) b0;
      *o++ = (char) b1;
      p += 2;
      continue;
    }
    if ((b0 == 0xD0 && b1 == 0x81) || (b0 == 0xD1 && b1 == 0x91)) { /* Ё and ё as е */
      *o++ = '\xD0';
      *o++ = '\xB5';
      p += 2;
      continue;
    }
    /* another character, whose lower case may be longer: the rest is
     * appended */
    g_string_truncate (out, (gsize) (o - out->str));
    c = g_unichar_tolower (g_utf8_get_char (p));
    if (c == 0x0451)
      c = 0x0435;
    g_string_append_unichar (out, c);
    p = g_utf8_next_char (p);
    while (p < end) {
      c = g_unichar_tolower (g_utf8_get_char (p));
      if (c == 0x0451)
        c = 0x0435;
      g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
    return;
  }
  g_string_truncate (out, (gsize) (o - out->str));
}

gboolean
sverka_is_invisible (gunichar c)
{
  GUnicodeType t;
  if (g_unichar_isspace (c) || c == '\v')
    return TRUE;
  t = g_unichar_type (c);
  return t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT || t == G_UNICODE_LINE_SEPARATOR
         || t == G_UNICODE_PARAGRAPH_SEPARATOR;
}

gboolean
sverka_letter_at (const char *p, const char *end)
{
  gunichar c;
  if (p >= end)
    return FALSE;
  c = g_utf8_get_char_validated (p, end - p);
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalpha (c);
}

/* ---------------------------------------------------------------------- */
/* Validation                                                              */

static void
locate (const char *data, gsize offset, guint *line, guint *column)
{
  guint l = 1, col = 1;
  for (gsize i = 0; i < offset; i++) {
    if (data[i] == '\n') {
      l++;
      col = 1;
    } else if (((guchar) data[i] & 0xC0) != 0x80) {
      col++;
    }
  }
  *line = l;
  *column = col;
}

/* UTF-32 without a byte order mark: in the first KB, the two high bytes of
 * every 4-byte unit NUL, and the low byte mostly not. */
static const char *
guess_utf32 (const char *data, gsize len)
{
  gsize n = MIN (len, 1024) / 4 * 4;
  guint nul[4] = { 0 };
  for (gsize i = 0; i < n; i++)
    nul[i % 4] += data[i] == '\0';
  if (n < 8)
    return NULL;
  if (nul[2] == n / 4 && nul[3] == n / 4 && nul[0] < n / 8)
    return "UTF-32LE";
  if (nul[0] == n / 4 && nul[1] == n / 4 && nul[3] < n / 8)
    return "UTF-32BE";
  return NULL;
}

/* A control character that has no place in text: C0 other than tab, line
 * feed, vertical tab, form feed and carriage return; DEL; C1. */
static gboolean
is_binary_control (gunichar c)
{
  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85);
}

/* UTF-16 without a byte order mark: every other byte NUL in the first KB. */
static const char *
guess_utf16 (const char *data, gsize len)
{
  gsize n = MIN (len, 1024);
  guint even = 0, odd = 0;
  for (gsize i = 0; i < n; i++) {
    if (data[i] == '\0') {
      if (i % 2 == 0)
        even++;
      else
        odd++;
    }
  }
  if (n >= 4 && odd >= n / 2 * 3 / 4 && even == 0)
    return "UTF-16LE";
  if (n >= 4 && even >= n / 2 * 3 / 4 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

gboolean
sverka_text_validate (const char *name, const char *data, gsize len, gsize *bom_len,
                      GError **error)
{
  const guchar *u = (const guchar *) data;
  const char *bad = NULL;
  const char *nul;
  const char *enc;
  gsize start = 0;
  gboolean blank = TRUE;      /* nothing visible */
  gboolean only_space = TRUE; /* white space only */

  *bom_len = 0;
  if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
                   || (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                 "%s: the text is UTF-32 (byte order mark %02X %02X %02X %02X); sverka reads "
                 "UTF-8: convert it with 'iconv -f UTF-32 -t UTF-8 %s > %s.utf8'",
                 name, u[0], u[1], u[2], u[3], name, name);
    return FALSE;
  }
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                 "%s: the text is %s (byte order mark %02X %02X); sverka reads UTF-8: convert "
                 "it with 'iconv -f UTF-16 -t UTF-8 %s > %s.utf8'",
                 name, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", u[0], u[1], name, name);
    return FALSE;
  }
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    start = 3;
  {
    /* Files of other kinds, by their first bytes: what they are and what to
     * do, rather than "binary data" or text aligned as garbage. */
    static const struct {
      const char *magic;
      gsize n;
      const char *what;
    } kinds[] = {
      { "%PDF-", 5, "a PDF document, not text: let sverka read it by its content (without "
                    "--split none or --input-format text), or save its text with 'pdftotext "
                    "FILE FILE.txt' (Debian poppler-utils)" },
      { "PK\x03\x04", 4, "a ZIP archive (a Word DOCX or OpenDocument ODT file is one), not "
                         "text: let sverka read it by its content (without --split none or "
                         "--input-format text), or save its text as plain text (UTF-8)" },
      { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an old Microsoft Office file (DOC, XLS); save "
                                              "the document as plain text (UTF-8)" },
      { "{\\rtf", 5, "an RTF document; save it as plain text (UTF-8)" },
      { "\x89PNG", 4, "a PNG image, not text" },
      { "\xFF\xD8\xFF", 3, "a JPEG image, not text" },
      { "GIF8", 4, "a GIF image, not text" },
    };
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++) {
      if (len >= kinds[k].n && memcmp (data, kinds[k].magic, kinds[k].n) == 0) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_BINARY, "%s: this is %s", name,
                     kinds[k].what);
        return FALSE;
      }
    }
    /* XLIFF, the bilingual files of CAT tools: markup from the start (after
     * white space), an <xliff> element near it. A text that only mentions
     * <xliff> is text. */
    if (sverka_bilingual_is_xliff (data, len)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: this is an XLIFF file, which holds both sides: check it alone "
                   "('sverka align FILE'), or export the source and target texts as plain "
                   "text (UTF-8)",
                   name);
      return FALSE;
    }
  }

  nul = memchr (data, '\0', len);
  if (nul != NULL) {
    guint line, column;
    enc = guess_utf32 (data, len);
    if (enc == NULL)
      enc = guess_utf16 (data, len);
    if (enc != NULL) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                   "%s: the text looks like %s without a byte order mark; sverka reads UTF-8: "
                   "convert it with 'iconv -f %s -t UTF-8 %s > %s.utf8'",
                   name, enc, enc, name, name);
      return FALSE;
    }
    locate (data, (gsize) (nul - data), &line, &column);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_BINARY,
                 "%s:%u: NUL byte at byte %" G_GSIZE_FORMAT " (column %u): this is binary "
                 "data, not text; give a plain UTF-8 text file",
                 name, line, (gsize) (nul - data), column);
    return FALSE;
  }

  if (!g_utf8_validate (data + start, (gssize) (len - start), &bad)) {
    guint line, column;
    gsize off = (gsize) (bad - data);
    const char *cyr = sverka_charset_guess_cyrillic (data + start, len - start);
    locate (data, off, &line, &column);
    if (cyr != NULL)
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 at byte %" G_GSIZE_FORMAT " (column %u, byte 0x%02X); "
                   "sverka reads UTF-8, and the bytes read as Russian in %s: convert the file "
                   "with 'iconv -f %s -t UTF-8 %s > %s.utf8' (or read it as %s: the command "
                   "line's --encoding %s)",
                   name, line, off, column, (guchar) *bad, cyr, cyr, name, name, cyr, cyr);
    else
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 at byte %" G_GSIZE_FORMAT " (column %u, byte 0x%02X); "
                   "sverka reads UTF-8: convert the file with iconv from its encoding "
                   "('iconv -f ENCODING -t UTF-8 %s > %s.utf8')",
                   name, line, off, column, (guchar) *bad, name, name);
    return FALSE;
  }

  {
    const char *what, *undo;
    if (sverka_charset_is_mojibake (data + start, len - start, &what, &undo)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                   "%s: the text looks like Russian decoded with the wrong encoding (%s), not "
                   "text to align; get the file again from its source, or undo the mistake "
                   "with 'iconv %s %s > %s.fixed' and check the result",
                   name, what, undo, name, name);
      return FALSE;
    }
  }
  {
    /* Other binary data: control characters make up 1% of the text or more
     * (a stray one is let through and written as a space). */
    const char *first = NULL;
    gsize n_chars = sverka_text_count_chars (data + start, len - start), n_control = 0;
    for (const char *p = data + start; p < data + len; p = g_utf8_next_char (p)) {
      guchar b0 = (guchar) p[0];
      gunichar c;
      /* Once something visible and something not white space were seen,
       * only the control characters are looked for: C0 and DEL are single
       * bytes below 0x20 or 0x7F, C1 two bytes from 0xC2. */
      if (!blank && !only_space) {
        while (p < data + len && (guchar) *p >= 0x20 && *p != 0x7F && (guchar) *p != 0xC2)
          p++;
        if (p >= data + len)
          break;
        b0 = (guchar) p[0];
      }
      /* Valid UTF-8 (checked above): one- and two-byte characters decoded
       * here, longer ones by GLib. */
      c = b0 < 0x80                 ? (gunichar) b0
          : b0 >= 0xC2 && b0 < 0xE0 ? ((gunichar) (b0 & 0x1F) << 6) | ((guchar) p[1] & 0x3F)
                                    : g_utf8_get_char (p);
      if (is_binary_control (c)) {
        n_control++;
        if (first == NULL)
          first = p;
      }
      if (blank && !sverka_is_invisible (c))
        blank = FALSE;
      if (only_space && !g_unichar_isspace (c) && c != '\v')
        only_space = FALSE;
    }
    if (n_control >= 4 && n_control * 100 >= n_chars) {
      guint line, column;
      gsize off = (gsize) (first - data);
      locate (data, off, &line, &column);
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_BINARY,
                   "%s:%u: control character U+%04X at byte %" G_GSIZE_FORMAT " (column %u), "
                   "one of %" G_GSIZE_FORMAT " in %" G_GSIZE_FORMAT " characters: this is "
                   "binary data, not text; give a plain UTF-8 text file",
                   name, line, g_utf8_get_char (first), off, column, n_control, n_chars);
      return FALSE;
    }
  }
  if (blank) {
    if (len == start)
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                   "%s: the file is empty; give a text with at least one sentence", name);
    else if (only_space)
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                   "%s: the file holds only white space (%" G_GSIZE_FORMAT
                   " bytes); give a text with at least one sentence",
                   name, len - start);
    else
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                   "%s: the file holds nothing visible, only white space and control or "
                   "format characters (%" G_GSIZE_FORMAT " bytes); give a text with at least "
                   "one sentence",
                   name, len - start);
    return FALSE;
  }
  *bom_len = start;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Lines and blocks                                                        */

void
sverka_text_split_lines (SverkaDocument *doc)
{
  gsize i = doc->bom_len;
  guint number = 1;

  while (i < doc->len || (i == doc->len && number == 1)) {
    SverkaLine line = { .start = i, .number = number, .blank = TRUE };
    gsize next;

    while (i < doc->len && doc->data[i] != '\n' && doc->data[i] != '\r')
      i++;
    line.end = i;
    if (i < doc->len && doc->data[i] == '\r' && i + 1 < doc->len && doc->data[i + 1] == '\n')
      next = i + 2;
    else
      next = i < doc->len ? i + 1 : i;
    for (const char *p = doc->data + line.start; p < doc->data + line.end;
         p = g_utf8_next_char (p)) {
      if (!sverka_is_invisible (g_utf8_get_char (p))) {
        line.blank = FALSE;
        break;
      }
    }
    g_array_append_val (doc->lines, line);
    number++;
    if (next == i)
      break;
    i = next;
  }
}

/* The last character of @line that is not white space or closing punctuation,
 * and whether closing punctuation followed it. */
static gunichar
line_last_char (SverkaDocument *doc, const SverkaLine *line)
{
  const char *start = doc->data + line->start;
  const char *p = doc->data + line->end;

  while (p > start) {
    gunichar c;
    p = g_utf8_find_prev_char (start, p);
    if (p == NULL)
      break;
    c = g_utf8_get_char (p);
    if (g_unichar_isspace (c) || sverka_is_closing_punct (c))
      continue;
    return c;
  }
  return 0;
}

static gunichar
line_first_char (SverkaDocument *doc, const SverkaLine *line)
{
  for (const char *p = doc->data + line->start; p < doc->data + line->end;
       p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!g_unichar_isspace (c))
      return c;
  }
  return 0;
}

/* g_unichar_isalnum() of the character at @p, without the calls for ASCII
 * and the Russian letters А-я. */
static gboolean
is_alnum_at (const char *p)
{
  guchar b0 = (guchar) p[0], b1;
  if (b0 < 0x80)
    return g_ascii_isalnum ((char) b0);
  b1 = (guchar) p[1];
  if ((b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xBF) || (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F))
    return TRUE;
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* The words of [p, end): runs of letters and digits. */
static guint
count_words (const char *p, const char *end)
{
  guint n = 0;
  gboolean in_word = FALSE;
  for (; p < end; p = g_utf8_next_char (p)) {
    gboolean alnum = is_alnum_at (p);
    n += alnum && !in_word;
    in_word = alnum;
  }
  return n;
}

/* A speaker label on a line of its own: "President Ilham Aliyev said:". */
static gboolean
is_label_line (SverkaDocument *doc, const SverkaLine *line)
{
  return line_last_char (doc, line) == ':'
         && count_words (doc->data + line->start, doc->data + line->end) <= 6;
}

/* A line cut by hard wrapping rather than a short item of its own ("apple
 * store" above "play market"): long enough, or ending in a comma or hyphen. */
static gboolean
is_wrapped_line (SverkaDocument *doc, const SverkaLine *line, gunichar last)
{
  if (last == ',' || last == ';' || last == '-' || last == 0x2013 || last == 0x2014)
    return TRUE;
  return g_utf8_strlen (doc->data + line->start, (gssize) (line->end - line->start)) >= 30;
}

void
sverka_text_find_blocks (SverkaDocument *doc)
{
  guint n = doc->lines->len;
  guint i = 0;

  g_array_set_size (doc->blocks, 0);
  while (i < n) {
    const SverkaLine *line = &g_array_index (doc->lines, SverkaLine, i);
    SverkaBlock block;

    if (line->blank || line->trimmed) {
      i++;
      continue;
    }
    block.first_line = i;
    while (i + 1 < n) {
      const SverkaLine *cur = &g_array_index (doc->lines, SverkaLine, i);
      const SverkaLine *next = &g_array_index (doc->lines, SverkaLine, i + 1);
      gunichar last, first;
      if (next->blank || next->trimmed)
        break;
      last = line_last_char (doc, cur);
      first = line_first_char (doc, next);
      if (is_label_line (doc, cur)
          || (!sverka_is_final_punct (last) && last != ':' && g_unichar_islower (first)
              && is_wrapped_line (doc, cur, last)))
        i++;
      else
        break;
    }
    block.last_line = i;
    g_array_append_val (doc->blocks, block);
    i++;
  }
}

/* ---------------------------------------------------------------------- */
/* Trimming                                                                */

typedef struct {
  guint n_words;      /* words with a letter or digit */
  guint n_stop;       /* stop words among them */
  gsize n_chars;      /* characters without surrounding white space */
  gboolean final;     /* ends with . ! ? … */
  gboolean dateline;  /* a short line with a date or a time */
  int score;
} BlockInfo;

/* Calls @func for every word (a run of letters and digits) of [p, end),
 * until it returns FALSE. */
typedef gboolean (*WordFunc) (const char *word, gsize len, gpointer user_data);

static void
foreach_word (const char *p, const char *end, WordFunc func, gpointer user_data)
{
  const char *word = NULL;
  for (; p <= end; p = p < end ? g_utf8_next_char (p) : end + 1) {
    gboolean alnum = p < end && is_alnum_at (p);
    if (alnum && word == NULL)
      word = p;
    else if (!alnum && word != NULL) {
      if (!func (word, (gsize) (p - word), user_data))
        return;
      word = NULL;
    }
  }
}

typedef struct {
  SverkaContext *ctx;
  GString *fold;
  BlockInfo *info;
  gboolean has_digit;
  gboolean has_month;
  GHashTable *keys;    /* when collecting: content-word keys */
  guint n_content;     /* when measuring overlap */
  guint n_shared;
  double stop_need;    /* when counting stop words: the share that settles */
} WordScan;

static gboolean
is_content_word (const char *word, gsize len, const GString *fold, SverkaContext *ctx)
{
  if (g_ascii_isdigit (word[0]) || g_utf8_strlen (word, (gssize) MIN (len, 12)) < 3)
    return FALSE;
  return !sverka_context_is_stopword (ctx, fold->str);
}

/* Cuts @fold to the matching key of a content word: its first five
 * characters, a crude stem that serves both languages for comparing a title
 * with its text. */
static void
cut_to_content_key (GString *fold)
{
  const char *end = g_utf8_offset_to_pointer (fold->str, MIN (5, g_utf8_strlen (fold->str, -1)));
  g_string_truncate (fold, (gsize) (end - fold->str));
}

/* The share of stop words that makes a block prose (with final punctuation
 * and 100 characters), and the share that makes a longer line without
 * final punctuation a line of text rather than a heading. */
#define PROSE_STOP_SHARE 0.15
#define LINE_STOP_SHARE 0.35

/* Do the stop words counted so far make @need's share of @info's words? */
static gboolean
stop_share_reached (const BlockInfo *info, double need)
{
  return info->n_words > 0 && (double) info->n_stop / info->n_words >= need;
}

static gboolean
scan_word (const char *word, gsize len, gpointer user_data)
{
  WordScan *scan = user_data;
  sverka_simple_fold (word, len, scan->fold);
  scan->info->n_words++;
  if (sverka_context_is_stopword (scan->ctx, scan->fold->str))
    scan->info->n_stop++;
  if (g_ascii_isdigit (word[0]))
    scan->has_digit = TRUE;
  /* a month makes a dateline of a block of at most eight words only */
  if (scan->info->n_words <= 8 && !scan->has_month && sverka_context_month_of_word (scan->ctx, scan->fold->str) != 0)
    scan->has_month = TRUE;
  return TRUE;
}

/* Counts stop words until they make scan->stop_need of the words. */
static gboolean
count_stop_word (const char *word, gsize len, gpointer user_data)
{
  WordScan *scan = user_data;
  sverka_simple_fold (word, len, scan->fold);
  if (sverka_context_is_stopword (scan->ctx, scan->fold->str))
    scan->info->n_stop++;
  return !stop_share_reached (scan->info, scan->stop_need);
}

static gboolean
collect_key (const char *word, gsize len, gpointer user_data)
{
  WordScan *scan = user_data;
  sverka_simple_fold (word, len, scan->fold);
  if (!is_content_word (word, len, scan->fold, scan->ctx))
    return TRUE;
  cut_to_content_key (scan->fold);
  if (!g_hash_table_contains (scan->keys, scan->fold->str))
    g_hash_table_add (scan->keys, g_strdup (scan->fold->str));
  return TRUE;
}

static gboolean
measure_overlap (const char *word, gsize len, gpointer user_data)
{
  WordScan *scan = user_data;
  sverka_simple_fold (word, len, scan->fold);
  if (!is_content_word (word, len, scan->fold, scan->ctx))
    return TRUE;
  cut_to_content_key (scan->fold);
  scan->n_content++;
  if (g_hash_table_contains (scan->keys, scan->fold->str))
    scan->n_shared++;
  return TRUE;
}

static gboolean
has_time (const char *p, const char *end)
{
  /* d:dd or dd:dd */
  for (const char *q = p; q + 2 < end; q++) {
    if (*q == ':' && q > p && g_ascii_isdigit (q[-1]) && g_ascii_isdigit (q[1])
        && g_ascii_isdigit (q[2]))
      return TRUE;
  }
  return FALSE;
}

/* Characters whose case fold is themselves for certain: white space and
 * punctuation of U+00A0-U+00BF but µ (a letter: μ), and the general
 * punctuation of U+2000-U+206F (dashes, quotes, the ellipsis). */
static gboolean
folds_to_itself (gunichar c)
{
  return (c >= 0xA0 && c <= 0xBF && c != 0xB5) || (c >= 0x2000 && c <= 0x206F);
}

char *
sverka_text_casefold (const char *p, gssize len)
{
  const char *end = p + (len < 0 ? strlen (p) : (gsize) len);
  GString *out = g_string_sized_new ((gsize) (end - p));

  while (p < end && *p != '\0') {
    guchar b0 = (guchar) p[0];
    const char *next;
    gunichar c;
    if (b0 < 0x80) {
      g_string_append_c (out, g_ascii_tolower ((char) b0));
      p++;
      continue;
    }
    c = g_utf8_get_char (p);
    next = g_utf8_next_char (p);
    if (c >= 0x400 && c <= 0x45F) /* Cyrillic: Ѐ-Џ and А-Я lower-cased */
      g_string_append_unichar (out, c <= 0x40F ? c + 0x50 : c <= 0x42F ? c + 0x20 : c);
    else if (folds_to_itself (c))
      g_string_append_len (out, p, next - p);
    else {
      g_autofree char *fold = g_utf8_casefold (p, next - p);
      g_string_append (out, fold);
    }
    p = next;
  }
  return g_string_free (out, FALSE);
}

gsize
sverka_text_count_chars (const char *p, gsize len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize n = 0, i = 0;

  /* Eight bytes at a time while none is NUL: the bytes 10xxxxxx continue
   * a character, the others start one. */
  for (; i + 8 <= len; i += 8) {
    guint64 x, cont;
    memcpy (&x, p + i, 8);
    if (((x - ones) & ~x & highs) != 0)
      break;
    cont = x & ~(x << 1) & highs;
    n += 8 - (gsize) ((((cont >> 7) * ones) >> 56) & 0xFF);
  }
  for (; i < len && p[i] != '\0'; i++)
    n += ((guchar) p[i] & 0xC0) != 0x80;
  return n;
}

static void
block_span (SverkaDocument *doc, const SverkaBlock *b, const char **start, const char **end)
{
  *start = doc->data + g_array_index (doc->lines, SverkaLine, b->first_line).start;
  *end = doc->data + g_array_index (doc->lines, SverkaLine, b->last_line).end;
}

static void
block_measure (SverkaDocument *doc, const SverkaBlock *b, GString *fold, BlockInfo *info)
{
  const char *start, *end;
  WordScan scan = { .ctx = doc->ctx, .fold = fold, .info = info };
  gunichar last = line_last_char (doc, &g_array_index (doc->lines, SverkaLine, b->last_line));
  gboolean prose;

  memset (info, 0, sizeof *info);
  block_span (doc, b, &start, &end);
  info->n_chars = sverka_text_count_chars (start, (gsize) (end - start));
  info->final = sverka_is_final_punct (last);
  /* The stop words' count matters only up to the share the block needs
   * (read until it is reached), and a block of more than eight words is no
   * dateline. */
  prose = info->final && info->n_chars >= 100;
  scan.stop_need = prose ? PROSE_STOP_SHARE : LINE_STOP_SHARE;
  info->n_words = count_words (start, end);
  if (info->n_words <= 8) {
    info->n_words = 0;
    foreach_word (start, end, scan_word, &scan);
  } else if (prose || (!info->final && last != ':')) {
    foreach_word (start, end, count_stop_word, &scan);
  }
  info->dateline = info->n_words <= 8 && scan.has_digit
                   && (scan.has_month || has_time (start, end));

  /* Prose scores by its length; short punctuated lines (dialogue turns,
   * "Thank you.") a little; labels nothing; headline-like lines count against. */
  if (prose && stop_share_reached (info, PROSE_STOP_SHARE))
    info->score = (int) MIN (info->n_words, 200);
  else if (info->final)
    info->score = 1;
  else if (last == ':' || (info->n_words >= 6 && stop_share_reached (info, LINE_STOP_SHARE)))
    info->score = 0;
  else
    info->score = -3;
}

/* Does block @b share at least half of its content words with the main text
 * (@keys)? Titles, summaries and datelines do; other pages' headlines,
 * share buttons and app-store links do not. */
static gboolean
shares_words (SverkaDocument *doc, guint b, GHashTable *keys, GString *fold)
{
  const char *start, *end;
  WordScan scan = { .ctx = doc->ctx, .fold = fold, .keys = keys };
  block_span (doc, &g_array_index (doc->blocks, SverkaBlock, b), &start, &end);
  foreach_word (start, end, measure_overlap, &scan);
  return scan.n_content >= 2 && scan.n_shared * 2 >= scan.n_content;
}

/* The blocks of [from, to) scoring below zero. */
static guint
count_negative (const BlockInfo *info, guint from, guint to)
{
  guint n = 0;
  for (guint b = from; b < to; b++)
    n += info[b].score < 0;
  return n;
}

/* A run of furniture: at least five blocks, two thirds of them scoring
 * below zero without sharing the main text's words. (A news article's title
 * and three summary lines are not one.) */
static gboolean
is_furniture_run (SverkaDocument *doc, const BlockInfo *info, guint from, guint to,
                  GHashTable *keys, GString *fold)
{
  guint n = 0;
  if (to < from + 5)
    return FALSE;
  for (guint b = from; b < to; b++) {
    if (info[b].score < 0 && !shares_words (doc, b, keys, fold))
      n++;
  }
  return n >= 5 && n * 3 >= (to - from) * 2;
}

void
sverka_text_trim (SverkaDocument *doc)
{
  guint nb = doc->blocks->len;
  g_autofree BlockInfo *info = NULL;
  g_autoptr (GString) fold = g_string_new (NULL);
  g_autoptr (GHashTable) keys = NULL;
  int best = 0, cur = 0;
  guint best_first = 0, best_last = 0, cur_first = 0;
  guint first, last;
  gboolean found = FALSE;
  gboolean want_title;

  /* Too little text to tell furniture from content: keep everything. */
  if (nb < 5)
    return;
  info = g_new0 (BlockInfo, nb);
  for (guint b = 0; b < nb; b++)
    block_measure (doc, &g_array_index (doc->blocks, SverkaBlock, b), fold, &info[b]);

  /* The best-scoring run of blocks (Kadane); ties keep the longer run. */
  for (guint b = 0; b < nb; b++) {
    if (cur <= 0) {
      cur = 0;
      cur_first = b;
    }
    cur += info[b].score;
    if (cur > best || (cur == best && found && cur_first == best_first)) {
      best = cur;
      best_first = cur_first;
      best_last = b;
      found = TRUE;
    }
  }
  if (!found || best <= 0)
    return;
  first = best_first;
  last = best_last;
  /* A run of furniture needs five blocks scoring below zero on one side of
   * the main text, and a title or dateline found below only narrows the
   * side above: without them, nothing is trimmed, and the words of the main
   * text need not be collected. */
  if (count_negative (info, 0, first) < 5 && count_negative (info, last + 1, nb) < 5)
    return;

  /* Title and dateline: short blocks just above the main text that share
   * its words (a title) or give a date (a dateline). Each is looked for
   * within six blocks of the current top, so bylines between them and the
   * text come along; above a title only a dateline is looked for, so a
   * site name above the title stays out. */
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint b = first; (first > 0 || last + 1 < nb) && b <= last; b++) {
    const char *start, *end;
    WordScan scan = { .ctx = doc->ctx, .fold = fold, .keys = keys };
    block_span (doc, &g_array_index (doc->blocks, SverkaBlock, b), &start, &end);
    foreach_word (start, end, collect_key, &scan);
  }
  want_title = TRUE;
  for (guint k = 1; k <= 6 && k <= first; k++) {
    guint b = first - k;
    gboolean title;
    if (info[b].n_words > 25 || best_first - b > 8)
      break;
    title = want_title && shares_words (doc, b, keys, fold);
    if (info[b].dateline || title) {
      first = b;
      k = 0; /* look further up from the new top */
      /* Above a title only a dateline, and above that another title. */
      want_title = info[b].dateline;
    }
  }

  /* Only a page with a real run of furniture on one side is trimmed (a list
   * of other pages' headlines, share buttons): a lone headline, a summary
   * that shares the text's words, or a closing quote that scores low stay,
   * and so does everything else. */
  if (!is_furniture_run (doc, info, 0, first, keys, fold)
      && !is_furniture_run (doc, info, last + 1, nb, keys, fold))
    return;
  /* And only around a main text of prose: at least three paragraphs of it,
   * holding most of the main text's characters. A thread of short posts
   * has no such centre and is left whole. */
  {
    guint n_prose = 0;
    gsize prose_chars = 0, all_chars = 0;
    for (guint b = first; b <= last; b++) {
      all_chars += info[b].n_chars;
      if (info[b].score > 1) {
        n_prose++;
        prose_chars += info[b].n_chars;
      }
    }
    if (n_prose < 3 || prose_chars * 2 < all_chars)
      return;
  }

  for (guint b = 0; b < nb; b++) {
    const SverkaBlock *block = &g_array_index (doc->blocks, SverkaBlock, b);
    if (b >= first && b <= last)
      continue;
    for (guint l = block->first_line; l <= block->last_line; l++) {
      SverkaLine *line = &g_array_index (doc->lines, SverkaLine, l);
      line->trimmed = TRUE;
      doc->n_trimmed++;
    }
  }
  /* Blank lines outside the main text go with it. */
  {
    gsize lo = g_array_index (doc->lines, SverkaLine,
                              g_array_index (doc->blocks, SverkaBlock, first).first_line)
                   .start;
    gsize hi = g_array_index (doc->lines, SverkaLine,
                              g_array_index (doc->blocks, SverkaBlock, last).last_line)
                   .end;
    for (guint l = 0; l < doc->lines->len; l++) {
      SverkaLine *line = &g_array_index (doc->lines, SverkaLine, l);
      if (line->blank && (line->end <= lo || line->start >= hi))
        line->trimmed = TRUE;
    }
  }
  sverka_text_find_blocks (doc);
}
