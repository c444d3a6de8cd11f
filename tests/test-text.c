/* test-text.c: loading checks, normalisation, language detection, lines. */
#include <locale.h>
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-swar-private.h"
#include "test-common.h"

static void
assert_normalized (const char *in, SverkaNormalizeFlags flags, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = sverka_normalize (in, -1, flags, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize (void)
{
  /* NFC: e + combining acute -> é; й from и + breve. */
  assert_normalized ("Caf\x65\xCC\x81", SVERKA_NORMALIZE_NFC, "Café");
  assert_normalized ("\xD0\xB8\xCC\x86", SVERKA_NORMALIZE_NFC, "й");
  /* Quotes and apostrophes fold for matching, case is kept without FOLD_CASE. */
  assert_normalized ("NATO’s «Партнерство» Alliance`s “peace”", SVERKA_NORMALIZE_FOLD_QUOTES,
                     "NATO's \"Партнерство\" Alliance's \"peace\"");
  assert_normalized ("Ёлка Столтенберг NATO", SVERKA_NORMALIZE_FOR_MATCHING,
                     "елка столтенберг nato");
  assert_normalized ("Straße", SVERKA_NORMALIZE_FOLD_CASE, "strasse");
  /* ASCII fast path agrees with ICU. */
  assert_normalized ("Alliance`s HQ", SVERKA_NORMALIZE_FOR_MATCHING, "alliance's hq");
  assert_normalized ("", SVERKA_NORMALIZE_FOR_MATCHING, "");
}

static void
test_normalize_locale_independent (void)
{
  /* Under a Turkish locale, a locale-sensitive lower-casing would give a
   * dotless ı for I. sverka's folding must not. */
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  a = sverka_normalize ("ILHAM İlham", -1, SVERKA_NORMALIZE_FOR_MATCHING, NULL);
  if (setlocale (LC_ALL, "tr_TR.UTF-8") == NULL) {
    g_test_skip ("the tr_TR.UTF-8 locale is not installed");
    return;
  }
  b = sverka_normalize ("ILHAM İlham", -1, SVERKA_NORMALIZE_FOR_MATCHING, NULL);
  setlocale (LC_ALL, saved);
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_str_has_prefix (a, "ilham "));
}

static void
test_normalize_invalid (void)
{
  g_autoptr (GError) error = NULL;
  char *out = sverka_normalize ("abc\xFF", -1, SVERKA_NORMALIZE_FOLD_CASE, &error);
  g_assert_null (out);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING);
}

static void
test_language_detect (void)
{
  double share = -1;
  g_assert_cmpint (sverka_language_detect ("Генеральный секретарь NATO", -1, &share), ==,
                   SVERKA_LANGUAGE_RU);
  g_assert_cmpfloat (share, >, 0.5);
  g_assert_cmpint (sverka_language_detect ("Secretary General НАТО", -1, NULL), ==,
                   SVERKA_LANGUAGE_EN);
  g_assert_cmpint (sverka_language_detect ("2021 18:45", -1, &share), ==, SVERKA_LANGUAGE_EN);
  g_assert_cmpfloat (share, ==, 0.0);
}

static void
assert_load_error (const char *data, gsize len, int code, const char *fragment)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) doc =
      sverka_document_new_from_data (ctx, "in.txt", data, len, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, SVERKA_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
}

static void
test_load_errors (void)
{
  /* Invalid UTF-8: the first bad byte with its line and offset. */
  assert_load_error ("first line\nsecond \xC0\xAF line\n", 25, SVERKA_ERROR_ENCODING,
                     "in.txt:2: invalid UTF-8 at byte 18 (column 8, byte 0xC0)");
  /* Windows-1251 text gets the iconv hint. */
  assert_load_error ("\xCF\xF0\xE8\xE2\xE5\xF2", 6, SVERKA_ERROR_ENCODING, "WINDOWS-1251");
  assert_load_error ("\xFF\xFEH\0i\0", 6, SVERKA_ERROR_ENCODING, "UTF-16LE");
  assert_load_error ("\xFE\xFF\0H\0i", 6, SVERKA_ERROR_ENCODING, "UTF-16BE");
  assert_load_error ("\xFF\xFE\0\0H\0\0\0", 8, SVERKA_ERROR_ENCODING, "UTF-32");
  assert_load_error ("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22, SVERKA_ERROR_ENCODING,
                     "UTF-16LE without a byte order mark");
  assert_load_error ("text\nmore\0binary", 16, SVERKA_ERROR_BINARY,
                     "in.txt:2: NUL byte at byte 9");
  assert_load_error ("", 0, SVERKA_ERROR_EMPTY, "the file is empty");
  assert_load_error (" \n\t\r\n  ", 7, SVERKA_ERROR_EMPTY, "only white space");
  assert_load_error ("\xEF\xBB\xBF", 3, SVERKA_ERROR_EMPTY, "the file is empty");
}

static void
test_load_file_errors (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  SverkaDocument *doc;

  doc = sverka_document_new_from_file (ctx, "/nonexistent/ru.txt", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ru.txt: no such file"));
  g_clear_error (&error);

  doc = sverka_document_new_from_file (ctx, test_srcdir (), NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a directory"));
}

static void
test_bom_and_crlf (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  const char text[] = "\xEF\xBB\xBFПервая строка.\r\nВторая строка.\r\n";
  g_autoptr (SverkaDocument) doc = test_document_new (ctx, text, TRUE);
  const SverkaSentence *s;
  const SverkaLine *line;
  gsize len;
  const char *data = sverka_document_get_data (doc, &len);
  g_autofree char *joined = test_sentences (doc);

  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_cmpstr (joined, ==, "Первая строка.\nВторая строка.");
  /* Spans are offsets into the input as read, byte order mark included. */
  s = sverka_document_get_sentence (doc, 0);
  g_assert_cmpuint (s->start, ==, 3);
  g_assert_cmpint (memcmp (data + s->start, "Первая", strlen ("Первая")), ==, 0);
  s = sverka_document_get_sentence (doc, 1);
  g_assert_cmpuint (s->line, ==, 2);
  g_assert_cmpint (data[s->end], ==, '\r');
  line = sverka_document_get_line (doc, 0);
  g_assert_cmpint (data[line->end], ==, '\r');
  g_assert_cmpint (sverka_document_get_language (doc), ==, SVERKA_LANGUAGE_RU);
}

static void
test_locate (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = test_document_new (ctx, "ab\nвгд е\n", TRUE);
  guint line, column;

  sverka_document_locate (doc, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  /* "е" is the 5th character of line 2, at byte 3 + 7. */
  sverka_document_locate (doc, 10, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 5);
}

static void
test_long_line (void)
{
  /* 10 MB in one line without a newline: loads and segments. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  gsize n = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (n + 1);
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  const char *unit = "Word after word, and then a full stop. ";
  gsize ulen = strlen (unit);
  gsize covered = 0;

  for (gsize i = 0; i < n; i++)
    text[i] = unit[i % ulen];
  text[n] = '\0';
  doc = sverka_document_new_from_data (ctx, "long", text, n, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_document_get_n_lines (doc), ==, 1);
  g_assert_cmpuint (sverka_document_get_n_sentences (doc), >=, n / ulen);
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, i);
    covered += s->end - s->start;
  }
  /* Nothing but the spaces between sentences is outside a sentence. */
  g_assert_cmpuint (covered + sverka_document_get_n_sentences (doc), >=, n - 1);
}

/* sverka_simple_fold(): each character lower-cased as g_unichar_tolower()
 * does, ё as е, whether it is written in place (ASCII, Russian letters) or
 * appended (any other), alone and between others of both kinds. */
static void
test_simple_fold (void)
{
  static const gunichar around[] = { 'A', 0x0416 /* Ж */, 0x00C9 /* É */, 0x0401 /* Ё */ };
  g_autoptr (GString) out = g_string_new ("left over");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);

  for (gunichar c = 1; c < 0x3000; c++) {
    if (!g_unichar_validate (c))
      continue;
    for (guint a = 0; a < G_N_ELEMENTS (around); a++) {
      gunichar seq[3] = { around[a], c, around[(a + 1) % G_N_ELEMENTS (around)] };
      g_string_truncate (text, 0);
      g_string_truncate (want, 0);
      for (guint k = 0; k < 3; k++) {
        gunichar l = g_unichar_tolower (seq[k]);
        g_string_append_unichar (text, seq[k]);
        g_string_append_unichar (want, l == 0x0451 ? 0x0435 : l);
      }
      sverka_simple_fold (text->str, text->len, out);
      g_assert_cmpstr (out->str, ==, want->str);
      g_assert_cmpuint (out->len, ==, strlen (out->str));
    }
  }
  /* a part of a longer text, by its length */
  sverka_simple_fold ("ЁЛКА и Straße", 8, out);
  g_assert_cmpstr (out->str, ==, "елка");
}

/* sverka_text_count_chars() is g_utf8_strlen() with a length: every start
 * and length over texts of one to four bytes a character, and with a NUL
 * in the middle. */
static void
test_count_chars (void)
{
  static const char text[] = "Москва — столица; Straße 12 €, 😀 ok. Ёжик\xc2\xa0и «ёлка»…";
  char with_nul[64];

  for (gsize start = 0; start < sizeof text - 1; start++) {
    if (((guchar) text[start] & 0xC0) == 0x80)
      continue;
    for (gsize len = 0; start + len <= sizeof text - 1; len++) {
      if (start + len < sizeof text - 1 && ((guchar) text[start + len] & 0xC0) == 0x80)
        continue;
      g_assert_cmpuint (sverka_text_count_chars (text + start, len), ==,
                        (gsize) g_utf8_strlen (text + start, (gssize) len));
    }
  }
  memcpy (with_nul, "abcdefghij\0klmnopqrstuvwxyz", 28);
  for (gsize len = 0; len <= 28; len++)
    g_assert_cmpuint (sverka_text_count_chars (with_nul, len), ==, MIN (len, 10));
}

/* sverka_text_casefold() is g_utf8_casefold(): for every character alone
 * (surrogates aside), and over a text of mixed scripts, whole, cut short
 * and with its length given. */
static void
test_casefold (void)
{
  static const char text[] = "МОСКВА Ёжик ЃЅЏ ß µ ΣΑΣ İ ﬁ Straße «Ёлка»—“OK”… ǅ Ⓐ 😀";

  for (gunichar c = 1; c <= 0x10FFFF; c++) {
    char buf[8];
    gint n;
    if (c >= 0xD800 && c <= 0xDFFF)
      continue;
    n = g_unichar_to_utf8 (c, buf);
    buf[n] = '\0';
    {
      g_autofree char *ours = sverka_text_casefold (buf, -1);
      g_autofree char *glib = g_utf8_casefold (buf, -1);
      if (strcmp (ours, glib) != 0)
        g_error ("casefold of U+%04X: '%s', GLib '%s'", c, ours, glib);
    }
  }
  for (gsize len = 0; len < sizeof text; len++) {
    g_autofree char *ours = NULL, *glib = NULL;
    if (len < sizeof text - 1 && ((guchar) text[len] & 0xC0) == 0x80)
      continue;
    ours = sverka_text_casefold (text, (gssize) len);
    glib = g_utf8_casefold (text, (gssize) len);
    g_assert_cmpstr (ours, ==, glib);
  }
  {
    g_autofree char *ours = sverka_text_casefold (text, -1);
    g_autofree char *glib = g_utf8_casefold (text, -1);
    g_assert_cmpstr (ours, ==, glib);
  }
}

/* The eight-byte tests answer as a byte-by-byte look would: every byte
 * value at every place, among fillers of every kind (zero, ASCII, 0x80,
 * 0xFF, the byte just above and below). */
static void
test_swar (void)
{
  static const guchar fillers[] = { 0x00, 0x20, 0x41, 0x7F, 0x80, 0xD0, 0xFF };
  static const guint limits[] = { 1, 14, 46, 128 };

  for (guint f = 0; f < G_N_ELEMENTS (fillers); f++) {
    for (guint b = 0; b < 256; b++) {
      for (guint at = 0; at < 8; at++) {
        guchar bytes[8];
        guint64 x;
        for (guint k = 0; k < 8; k++)
          bytes[k] = k == at ? (guchar) b : (k % 2 ? fillers[f] : (guchar) (b + 1));
        x = sverka_swar_load ((const char *) bytes);
        for (guint c = 0; c < 256; c += 17) {
          gboolean has = FALSE;
          for (guint k = 0; k < 8; k++)
            has = has || bytes[k] == c;
          g_assert_cmpint (sverka_swar_has_byte (x, (guchar) c), ==, has);
          g_assert_cmpint (sverka_swar_has_byte (x, (guchar) b), ==, TRUE);
        }
        for (guint l = 0; l < G_N_ELEMENTS (limits); l++) {
          gboolean less = FALSE;
          for (guint k = 0; k < 8; k++)
            less = less || bytes[k] < limits[l];
          g_assert_cmpint (sverka_swar_has_less (x, limits[l]), ==, less);
        }
      }
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/count-chars", test_count_chars);
  g_test_add_func ("/text/casefold", test_casefold);
  g_test_add_func ("/text/swar", test_swar);
  g_test_add_func ("/text/normalize-locale-independent", test_normalize_locale_independent);
  g_test_add_func ("/text/normalize-invalid", test_normalize_invalid);
  g_test_add_func ("/text/language-detect", test_language_detect);
  g_test_add_func ("/text/load-errors", test_load_errors);
  g_test_add_func ("/text/load-file-errors", test_load_file_errors);
  g_test_add_func ("/text/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/text/locate", test_locate);
  g_test_add_func ("/text/long-line", test_long_line);
  g_test_add_func ("/text/simple-fold", test_simple_fold);
  return g_test_run ();
}
