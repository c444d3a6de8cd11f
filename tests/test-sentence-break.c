/* test-sentence-break.c: the sentence breaks of simple text
 * (sverka-sentence-break-private.h) against ICU's sentence break, which
 * they stand in for, in both ICU locales sverka opens (ru, en):
 *   - every string of up to four characters drawn from a set with each
 *     class of the simple set, of six from a smaller one, and 200,000
 *     random strings of up to 40;
 *   - the paragraphs of the corpus's texts, and their lines, and those of
 *     any files given as arguments (test-sentence-break FILE...: more
 *     text, checked by hand).
 * Wherever the scan does not refuse the text, its breaks must be ICU's;
 * and it must refuse characters outside its set. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sverka-sentence-break-private.h"
#include "test-common.h"

static const char *const chars[] = {
  "a", "A", "ж", "Ж", "1", ".", "!", "?", " ", "\u00a0", ",", "-", ":", ";", "\"", "(",
  ")", "\u00ab", "\u00bb", "\u2019", "\u2014", "\u2026", "#",
};
static const char *const few[] = { "a", "A", "1", ".", "?", " ", ",", "\"", ")", "#" };
/* outside the set: refused */
static const char *const outside[] = { "\n", "\r", "\u2028", "\xc2\x85", "\u00ad", "é", "\u0301",
                                       "\x01", "і", "\u3002" };

typedef struct {
  UBreakIterator *bi[2];
  GArray *breaks;
  guint compared, refused;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const char *locales[2] = { "ru", "en" };
  for (guint i = 0; i < 2; i++) {
    UErrorCode status = U_ZERO_ERROR;
    f->bi[i] = ubrk_open (UBRK_SENTENCE, locales[i], NULL, 0, &status);
    g_assert_true (U_SUCCESS (status));
  }
  f->breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  f->compared = f->refused = 0;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ubrk_close (f->bi[0]);
  ubrk_close (f->bi[1]);
  g_array_unref (f->breaks);
}

/* ICU's breaks strictly inside @text, as "b," */
static char *
icu_breaks (UBreakIterator *bi, const char *text, gsize len)
{
  static const UChar no_text[1] = { 0 };
  GString *out = g_string_new (NULL);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;

  utext_openUTF8 (&ut, text, (int64_t) len, &status);
  ubrk_setUText (bi, &ut, &status);
  g_assert_true (U_SUCCESS (status));
  for (int32_t pos = ubrk_first (bi); pos != UBRK_DONE; pos = ubrk_next (bi))
    if (pos > 0 && (gsize) pos < len)
      g_string_append_printf (out, "%d,", pos);
  ubrk_setText (bi, no_text, 0, &status);
  utext_close (&ut);
  return g_string_free (out, FALSE);
}

/* Compares the scan with ICU on @text; returns whether the scan took it. */
static gboolean
compare (Fixture *f, const char *text, gsize len)
{
  g_autoptr (GString) ours = g_string_new (NULL);
  gsize mark = 12345;

  g_array_set_size (f->breaks, 0);
  g_array_append_val (f->breaks, mark); /* a break already there stays */
  if (!sverka_sentence_break_simple (text, len, f->breaks)) {
    g_assert_cmpuint (f->breaks->len, ==, 1);
    f->refused++;
    return FALSE;
  }
  g_assert_cmpuint (g_array_index (f->breaks, gsize, 0), ==, mark);
  for (guint k = 1; k < f->breaks->len; k++)
    g_string_append_printf (ours, "%" G_GSIZE_FORMAT ",", g_array_index (f->breaks, gsize, k));
  for (guint i = 0; i < 2; i++) {
    g_autofree char *theirs = icu_breaks (f->bi[i], text, len);
    if (strcmp (ours->str, theirs) != 0)
      g_error ("\"%.*s\": ICU breaks at %s, the scan at %s", (int) len, text, theirs, ours->str);
  }
  f->compared++;
  return TRUE;
}

static void
test_short (Fixture *f, gconstpointer data)
{
  guint n = G_N_ELEMENTS (chars);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b <= n; b++)
      for (guint c = 0; c <= n; c++)
        for (guint d = 0; d <= n; d++) {
          g_autofree char *s = g_strconcat (chars[a], b < n ? chars[b] : "",
                                            c < n ? chars[c] : "", d < n ? chars[d] : "", NULL);
          compare (f, s, strlen (s));
        }
  g_test_message ("%u strings compared", f->compared);
  g_assert_cmpuint (f->compared, >, 250000);
}

static void
test_six (Fixture *f, gconstpointer data)
{
  guint n = G_N_ELEMENTS (few);
  guint idx[6] = { 0 };
  for (;;) {
    g_autoptr (GString) s = g_string_new (NULL);
    guint k = 0;
    for (guint i = 0; i < 6; i++)
      g_string_append (s, few[idx[i]]);
    compare (f, s->str, s->len);
    while (k < 6 && ++idx[k] == n)
      idx[k++] = 0;
    if (k == 6)
      break;
  }
  g_assert_cmpuint (f->compared, ==, 1000000);
}

static void
test_random (Fixture *f, gconstpointer data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261207);
  for (guint r = 0; r < 200000; r++) {
    g_autoptr (GString) s = g_string_new (NULL);
    guint len = (guint) g_rand_int_range (rand, 1, 41);
    for (guint i = 0; i < len; i++)
      g_string_append (s, chars[g_rand_int_range (rand, 0, G_N_ELEMENTS (chars))]);
    compare (f, s->str, s->len);
  }
  g_assert_cmpuint (f->compared, ==, 200000);
}

static void
test_outside (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++) {
    g_autofree char *s = g_strconcat ("Да. ", outside[i], " Нет.", NULL);
    g_assert_false (compare (f, s, strlen (s)));
  }
}

/* Known cases, spelled out: a dash after "?»" continues the sentence
 * (SB8a), a lower-case word after "e.g." too (SB8), "Mr. Smith" is broken
 * (ICU's root rules know no abbreviations: the segmenter's own rules put
 * it together again), and so is "U.S. 3.14", whose full stop stops SB8. */
static void
test_known (Fixture *f, gconstpointer data)
{
  const char *text = "Он ушёл. Она осталась! «Да?» — нет. Mr. Smith, e.g. the U.S. 3.14 cases.";
  g_autoptr (GString) ours = g_string_new (NULL);

  g_array_set_size (f->breaks, 0);
  g_assert_true (sverka_sentence_break_simple (text, strlen (text), f->breaks));
  for (guint k = 0; k < f->breaks->len; k++)
    g_string_append_printf (ours, "%" G_GSIZE_FORMAT ",", g_array_index (f->breaks, gsize, k));
  g_assert_cmpstr (ours->str, ==, "15,40,62,66,87,");
  compare (f, text, strlen (text));
}

static void
compare_file (Fixture *f, const char *path)
{
  g_autofree char *data = NULL;
  g_auto (GStrv) paragraphs = NULL;
  gsize len;
  guint before = f->compared;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (!g_utf8_validate (data, (gssize) len, NULL))
    return;
  /* paragraphs, line ends inside them as spaces (as the segmenter gives
   * them to ICU) */
  paragraphs = g_strsplit (data, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++) {
    g_auto (GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);
    /* each line alone, then the paragraph */
    for (guint k = 0; lines[k] != NULL && lines[1] != NULL; k++)
      compare (f, lines[k], strlen (lines[k]));
    g_strdelimit (paragraphs[i], "\r\n", ' ');
    compare (f, paragraphs[i], strlen (paragraphs[i]));
  }
  g_test_message ("%s: %u paragraphs and lines compared", path, f->compared - before);
}

static char **extra_files;

static void
test_corpus (Fixture *f, gconstpointer data)
{
  const char *names[] = { "2021-12-14-brussels/ru.txt", "2021-12-14-brussels/en.txt",
                          "comparable-dev/2016-04-06-aliyev-lavrov.ru.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = g_build_filename (g_getenv ("SVERKA_TEST_SRCDIR"), "corpus", names[i],
                                              NULL);
    compare_file (f, path);
  }
  for (guint i = 0; extra_files != NULL && extra_files[i] != NULL; i++)
    compare_file (f, extra_files[i]);
  g_assert_cmpuint (f->compared, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    extra_files = argv + 1;
  g_test_add ("/sentence-break/short", Fixture, NULL, fixture_set_up, test_short,
              fixture_tear_down);
  g_test_add ("/sentence-break/six", Fixture, NULL, fixture_set_up, test_six, fixture_tear_down);
  g_test_add ("/sentence-break/random", Fixture, NULL, fixture_set_up, test_random,
              fixture_tear_down);
  g_test_add ("/sentence-break/outside", Fixture, NULL, fixture_set_up, test_outside,
              fixture_tear_down);
  g_test_add ("/sentence-break/known", Fixture, NULL, fixture_set_up, test_known,
              fixture_tear_down);
  g_test_add ("/sentence-break/corpus", Fixture, NULL, fixture_set_up, test_corpus,
              fixture_tear_down);
  return g_test_run ();
}
