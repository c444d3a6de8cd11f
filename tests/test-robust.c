/* test-robust.c: the library's side of issue 7: what loading refuses and
 * how, language detection, and output text that never breaks a TSV row. */
#include "test-common.h"

static SverkaDocument *
load (SverkaContext *ctx, const char *data, gsize len, GError **error)
{
  return sverka_document_new_from_data (ctx, "in.txt", data, len, NULL, error);
}

static void
test_refused (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  static const struct {
    const char *data;
    gsize len;
    int code;
    const char *message;
  } cases[] = {
    { "H\0\0\0i\0\0\0.\0\0\0 \0\0\0", 16, SVERKA_ERROR_ENCODING,
      "in.txt: the text looks like UTF-32LE without a byte order mark; sverka reads UTF-8: "
      "convert it with 'iconv -f UTF-32LE -t UTF-8 in.txt > in.txt.utf8'" },
    { "\0\0\0H\0\0\0i\0\0\0.\0\0\0 ", 16, SVERKA_ERROR_ENCODING,
      "in.txt: the text looks like UTF-32BE without a byte order mark; sverka reads UTF-8: "
      "convert it with 'iconv -f UTF-32BE -t UTF-8 in.txt > in.txt.utf8'" },
    { "H\0i\0.\0 \0", 8, SVERKA_ERROR_ENCODING,
      "in.txt: the text looks like UTF-16LE without a byte order mark; sverka reads UTF-8: "
      "convert it with 'iconv -f UTF-16LE -t UTF-8 in.txt > in.txt.utf8'" },
    { "ok\nA\x01\x02\x03\x04 b.", 11, SVERKA_ERROR_BINARY,
      "in.txt:2: control character U+0001 at byte 4 (column 2), one of 4 in 11 characters: "
      "this is binary data, not text; give a plain UTF-8 text file" },
    { "\n\f\v\r\n \t", 7, SVERKA_ERROR_EMPTY,
      "in.txt: the file holds only white space (7 bytes); give a text with at least one "
      "sentence" },
    { "\x01\n\xe2\x80\x8b\n\xef\xbb\xbf", 9, SVERKA_ERROR_EMPTY,
      "in.txt: the file holds nothing visible, only white space and control or format "
      "characters (9 bytes); give a text with at least one sentence" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (SverkaDocument) doc = load (ctx, cases[i].data, cases[i].len, &error);
    g_assert_null (doc);
    g_assert_error (error, SVERKA_ERROR, cases[i].code);
    g_assert_cmpstr (error->message, ==, cases[i].message);
  }
}

/* A stray control character is text, written as a space. */
static void
test_controls_become_spaces (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  const char text[] = "One\x1b two\xc2\x85three\xe2\x80\xa8" "four\x7f five\tsix\f seven \xc2\xa0 eight.";
  g_autoptr (SverkaDocument) doc = load (ctx, text, sizeof text - 1, &error);
  g_autofree char *s = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (sverka_document_get_n_sentences (doc), ==, 1);
  s = sverka_document_dup_sentence_text (doc, 0);
  /* Runs of spaces alone are kept; NBSP is not a control. */
  g_assert_cmpstr (s, ==, "One two three four five six seven \xc2\xa0 eight.");
  {
    /* Spaces before a control join its run; spaces alone stay. */
    const char two[] = "Alpha  \x01 beta  gamma \xe2\x80\x94 delta\x02.";
    g_autoptr (SverkaDocument) d2 = load (ctx, two, sizeof two - 1, &error);
    g_autofree char *s2 = NULL;
    g_assert_no_error (error);
    s2 = sverka_document_dup_sentence_text (d2, 0);
    g_assert_cmpstr (s2, ==, "Alpha beta  gamma \xe2\x80\x94 delta .");
  }
}

/* A line of invisible characters (a control, ZWSP, a byte order mark left
 * by joining files) is blank: no sentence of its own. */
static void
test_invisible_lines (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = test_document_new (
      ctx, "Hello there.\n\x01\n\xe2\x80\x8b\n\xef\xbb\xbf\n\xe2\x80\x8b Bye.\x01\n", TRUE);
  g_autofree char *text = test_sentences (doc);

  g_assert_cmpstr (text, ==, "Hello there.\nBye.");
}

static void
test_detected_language (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  static const struct {
    const char *text;
    SverkaLanguage asked, detected;
  } cases[] = {
    { "Москва — столица России.", SVERKA_LANGUAGE_EN, SVERKA_LANGUAGE_RU },
    { "London is the capital, not Москва.", SVERKA_LANGUAGE_RU, SVERKA_LANGUAGE_EN },
    { "2021 — 1994.", SVERKA_LANGUAGE_RU, SVERKA_LANGUAGE_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (SverkaDocument) doc = test_document_new_as (ctx, cases[i].text, FALSE,
                                                           cases[i].asked);
    g_assert_cmpint (sverka_document_get_language (doc), ==, cases[i].asked);
    g_assert_cmpint (sverka_document_get_detected_language (doc), ==, cases[i].detected);
  }
  {
    guint64 cyr = 0, lat = 0;
    g_assert_cmpint (sverka_language_count_letters ("KАМАЗ 5", -1, &cyr, &lat), ==,
                     SVERKA_LANGUAGE_RU);
    g_assert_cmpuint (cyr, ==, 4);
    g_assert_cmpuint (lat, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/robust/refused", test_refused);
  g_test_add_func ("/robust/controls-become-spaces", test_controls_become_spaces);
  g_test_add_func ("/robust/invisible-lines", test_invisible_lines);
  g_test_add_func ("/robust/detected-language", test_detected_language);
  return g_test_run ();
}
