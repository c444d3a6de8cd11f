/* test-word-break.c: the words of simple text (sverka-word-break-private.h)
 * against ICU's word break, which they stand in for:
 *   - every string of up to three characters drawn from the simple set and
 *     from characters just outside it, and of four from a smaller set, in
 *     both ICU locales sverka opens (ru, en);
 *   - the lines of the corpus's texts, and of any files given as arguments
 *     (test-word-break FILE...: a larger set checked by hand).
 * Wherever the scan does not refuse the text, its words must be exactly
 * ICU's spans of a letter's or a number's status; and it must refuse what
 * lies outside its set. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sverka-word-break-private.h"
#include "test-common.h"

/* The simple set, a few of each class, and characters just outside it. */
static const char *const chars[] = {
  "a", "Z", "ж", "Ё", "ё", "я", "А", "0", "9", ".", "'", "\u2018", "\u2019", ",", ";", ":",
  " ", "-", "\"", "(", "!", "?", "/", "%", "`", "\t", "\n", "\u00a0", "\u00ab", "\u00bb",
  "\u00b0", "\u2013", "\u2014", "\u201c", "\u201d", "\u2026", "\u2116",
  /* outside: they must be refused */
  "_", "@", "é", "і", "\u00ad", "\u0301", "\u2024", "\u200b", "\u00b7", "\u2019\u0301",
};
static const char *const few[] = { "a", "ж", "1", ".", "'", "\u2019", ",", ";", " ", "-", "_" };

typedef struct {
  UBreakIterator *bi[2];
  GArray *spans;
  guint compared, refused;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const char *locales[2] = { "ru", "en" };
  for (guint i = 0; i < 2; i++) {
    UErrorCode status = U_ZERO_ERROR;
    f->bi[i] = ubrk_open (UBRK_WORD, locales[i], NULL, 0, &status);
    g_assert_true (U_SUCCESS (status));
  }
  f->spans = g_array_new (FALSE, FALSE, sizeof (SverkaWordSpan));
  f->compared = f->refused = 0;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ubrk_close (f->bi[0]);
  ubrk_close (f->bi[1]);
  g_array_unref (f->spans);
}

/* ICU's words of @text as "start-end:status-kind," */
static char *
icu_words (UBreakIterator *bi, const char *text, gsize len)
{
  static const UChar no_text[1] = { 0 };
  GString *out = g_string_new (NULL);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  int32_t prev, pos;

  utext_openUTF8 (&ut, text, (int64_t) len, &status);
  ubrk_setUText (bi, &ut, &status);
  g_assert_true (U_SUCCESS (status));
  prev = ubrk_first (bi);
  for (pos = ubrk_next (bi); pos != UBRK_DONE; prev = pos, pos = ubrk_next (bi)) {
    int32_t rule = ubrk_getRuleStatus (bi);
    if (rule >= UBRK_WORD_NONE_LIMIT)
      g_string_append_printf (out, "%d-%d:%c,", prev, pos,
                              rule < UBRK_WORD_NUMBER_LIMIT ? 'n' : 'w');
  }
  ubrk_setText (bi, no_text, 0, &status);
  utext_close (&ut);
  return g_string_free (out, FALSE);
}

/* Compares the scan with ICU on @text; returns whether the scan took it. */
static gboolean
compare (Fixture *f, const char *text, gsize len)
{
  g_autoptr (GString) ours = g_string_new (NULL);

  g_array_set_size (f->spans, 1); /* a span already there stays */
  if (!sverka_word_break_simple (text, len, f->spans)) {
    g_assert_cmpuint (f->spans->len, ==, 1);
    f->refused++;
    return FALSE;
  }
  for (guint k = 1; k < f->spans->len; k++) {
    const SverkaWordSpan *s = &g_array_index (f->spans, SverkaWordSpan, k);
    g_string_append_printf (ours, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ":%c,", s->start,
                            s->end, s->number ? 'n' : 'w');
  }
  for (guint i = 0; i < 2; i++) {
    g_autofree char *theirs = icu_words (f->bi[i], text, len);
    if (strcmp (ours->str, theirs) != 0)
      g_error ("\"%.*s\": ICU gives %s, the scan %s", (int) len, text, theirs, ours->str);
  }
  f->compared++;
  return TRUE;
}

static gboolean
outside (const char *c)
{
  for (guint i = G_N_ELEMENTS (chars) - 10; i < G_N_ELEMENTS (chars); i++)
    if (strcmp (chars[i], c) == 0)
      return TRUE;
  return FALSE;
}

static void
test_triples (Fixture *f, gconstpointer data)
{
  guint n = G_N_ELEMENTS (chars);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b <= n; b++)
      for (guint c = 0; c <= n; c++) {
        g_autofree char *s = g_strconcat (chars[a], b < n ? chars[b] : "", c < n ? chars[c] : "",
                                          NULL);
        gboolean took = compare (f, s, strlen (s));
        if (outside (chars[a]) || (b < n && outside (chars[b])) || (c < n && outside (chars[c])))
          g_assert_false (took);
      }
  g_test_message ("%u strings compared, %u refused", f->compared, f->refused);
  g_assert_cmpuint (f->compared, >, 10000);
}

static void
test_quadruples (Fixture *f, gconstpointer data)
{
  guint n = G_N_ELEMENTS (few);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      for (guint c = 0; c < n; c++)
        for (guint d = 0; d < n; d++) {
          g_autofree char *s = g_strconcat (few[a], few[b], few[c], few[d], NULL);
          compare (f, s, strlen (s));
        }
  g_assert_cmpuint (f->compared, >, 5000);
}

/* Known cases, with the words spelled out. */
static void
test_known (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *text, *words;
  } cases[] = {
    { "e.g. don't 3.14, 1,000 и т.д.", "0-3:w,5-10:w,11-15:n,17-22:n,23-25:w,26-31:w," },
    { "НАТО’s «Партнёрство» — 12:30", "0-12:w,15-37:w,44-46:n,47-49:n," },
    { "a:b 1;2 a;b", "0-1:w,2-3:w,4-7:n,8-9:w,10-11:w," },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GString) ours = g_string_new (NULL);
    g_array_set_size (f->spans, 0);
    g_assert_true (sverka_word_break_simple (cases[i].text, strlen (cases[i].text), f->spans));
    for (guint k = 0; k < f->spans->len; k++) {
      const SverkaWordSpan *s = &g_array_index (f->spans, SverkaWordSpan, k);
      g_string_append_printf (ours, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ":%c,", s->start,
                              s->end, s->number ? 'n' : 'w');
    }
    g_assert_cmpstr (ours->str, ==, cases[i].words);
    compare (f, cases[i].text, strlen (cases[i].text));
  }
  /* a letter next to a digit, and letters of other alphabets: refused */
  g_assert_false (compare (f, "4C", 2));
  g_assert_false (compare (f, "C4 x", 4));
  g_assert_false (compare (f, "café", strlen ("café")));
}

static void
compare_file (Fixture *f, const char *path)
{
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  gsize len;
  guint before = f->compared;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (!g_utf8_validate (data, (gssize) len, NULL))
    return;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    compare (f, lines[i], strlen (lines[i]));
  g_test_message ("%s: %u lines compared", path, f->compared - before);
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
  /* most lines of news are simple text */
  g_assert_cmpuint (f->compared, >, f->refused);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    extra_files = argv + 1;
  g_test_add ("/word-break/triples", Fixture, NULL, fixture_set_up, test_triples,
              fixture_tear_down);
  g_test_add ("/word-break/quadruples", Fixture, NULL, fixture_set_up, test_quadruples,
              fixture_tear_down);
  g_test_add ("/word-break/known", Fixture, NULL, fixture_set_up, test_known, fixture_tear_down);
  g_test_add ("/word-break/corpus", Fixture, NULL, fixture_set_up, test_corpus,
              fixture_tear_down);
  return g_test_run ();
}
