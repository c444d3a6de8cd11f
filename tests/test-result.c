/* test-result.c: the one-call interface, sverka_align_texts(), and the
 * writers of issue 5 on text that needs escaping. */
#include <stdio.h>

#include "test-common.h"

static char *
read_corpus (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (test_srcdir (), "corpus", "2021-12-14-brussels", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static SverkaResult *
align_with_seed (const char *ru, const char *en, SverkaMode mode, GError **error)
{
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  SverkaOptions opts;

  sverka_options_init (&opts);
  opts.dictionary_dir = dict;
  opts.mode = mode;
  return sverka_align_texts_full (ru, -1, en, -1, &opts, error);
}

/* The bundled pair through the default options (dictionaries found through
 * $SVERKA_DICT_DIR, as a program using the installed library would): every
 * sentence in the beads, the bead text as the documents give it, the notes
 * the CLI test expects. */
static void
test_bundled_pair (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ru = read_corpus ("ru.txt");
  g_autofree char *en = read_corpus ("en.txt");
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  g_autoptr (SverkaResult) r = NULL;
  SverkaDocument *ru_doc, *en_doc;
  g_autofree guint *ru_seen = NULL;
  g_autofree guint *en_seen = NULL;
  gboolean spelling = FALSE;

  g_setenv ("SVERKA_DICT_DIR", dict, TRUE);
  r = sverka_align_texts (ru, -1, en, (gssize) strlen (en), &error);
  g_unsetenv ("SVERKA_DICT_DIR");
  g_assert_no_error (error);
  g_assert_nonnull (r);

  g_assert_cmpint (sverka_result_get_mode (r), ==, SVERKA_MODE_COMPARABLE);
  ru_doc = sverka_result_get_document (r, SVERKA_LANGUAGE_RU);
  en_doc = sverka_result_get_document (r, SVERKA_LANGUAGE_EN);
  g_assert_cmpuint (sverka_document_get_n_sentences (ru_doc), ==, 18);
  g_assert_cmpstr (sverka_document_get_name (ru_doc), ==, "Russian text");
  ru_seen = g_new0 (guint, sverka_document_get_n_sentences (ru_doc));
  en_seen = g_new0 (guint, sverka_document_get_n_sentences (en_doc));
  g_assert_cmpuint (sverka_result_get_n_beads (r), >, 18);
  for (guint i = 0; i < sverka_result_get_n_beads (r); i++) {
    const SverkaBead *b = sverka_result_get_bead (r, i);
    g_autofree char *ru_text = sverka_result_dup_bead_text (r, i, SVERKA_LANGUAGE_RU);
    g_autofree char *en_text = sverka_result_dup_bead_text (r, i, SVERKA_LANGUAGE_EN);
    g_assert_true (b->score >= 0 && b->score <= 1);
    for (guint k = 0; k < b->n_ru; k++)
      ru_seen[b->ru[k]]++;
    for (guint k = 0; k < b->n_en; k++)
      en_seen[b->en[k]]++;
    g_assert_cmpuint (strlen (ru_text) > 0, ==, b->n_ru > 0);
    g_assert_cmpuint (strlen (en_text) > 0, ==, b->n_en > 0);
    if (b->n_ru == 1) {
      g_autofree char *s = sverka_document_dup_sentence_text (ru_doc, b->ru[0]);
      g_assert_cmpstr (ru_text, ==, s);
    }
  }
  for (guint i = 0; i < sverka_document_get_n_sentences (ru_doc); i++)
    g_assert_cmpuint (ru_seen[i], ==, 1);
  for (guint i = 0; i < sverka_document_get_n_sentences (en_doc); i++)
    g_assert_cmpuint (en_seen[i], >=, 1);

  g_assert_cmpuint (sverka_result_get_n_notes (r), >, 0);
  g_assert_true (sverka_result_get_notes (r) != NULL);
  for (guint i = 0; i < sverka_result_get_n_notes (r); i++) {
    const SverkaNote *n = sverka_result_get_note (r, i);
    spelling |= n->kind == SVERKA_NOTE_SPELLING && strstr (n->message, "центрв") != NULL;
  }
  g_assert_true (spelling);
}

/* Bad input comes back as a GError naming the side, line and byte; no
 * result. */
static void
test_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaResult) r = NULL;

  r = align_with_seed ("Первая строка.\nВторая \xff строка.\n", "Fine text.", SVERKA_MODE_AUTO,
                       &error);
  g_assert_null (r);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Russian text:2: invalid UTF-8 at byte"));
  g_clear_error (&error);

  r = align_with_seed ("Текст.", "", SVERKA_MODE_AUTO, &error);
  g_assert_null (r);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "English text"));
  g_clear_error (&error);

  {
    SverkaOptions opts;
    sverka_options_init (&opts);
    opts.dictionary_dir = "/nonexistent";
    r = sverka_align_texts_full ("Текст.", -1, "Text.", -1, &opts, &error);
    g_assert_null (r);
    g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  }
}

/* Options: parallel mode on request, no notes, explicit lexicons, length
 * instead of NUL termination. */
static void
test_options (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  g_autofree char *seed = g_build_filename (dict, "ru-en.tsv", NULL);
  const char *lexicons[] = { seed, NULL };
  const char *ru = "Мир важен.\nВойна ужасна.\nХВОСТ";
  const char *en = "Peace is important.\nWar is terrible.\nTAIL";
  g_autoptr (SverkaResult) r = NULL;
  SverkaOptions opts;

  sverka_options_init (&opts);
  g_assert_cmpint (opts.mode, ==, SVERKA_MODE_AUTO);
  g_assert_false (opts.keep_all);
  opts.dictionary_dir = dict;
  opts.mode = SVERKA_MODE_PARALLEL;
  opts.no_notes = TRUE;
  opts.lexicons = lexicons;
  /* Without the last line of each text. */
  r = sverka_align_texts_full (ru, (gssize) (strstr (ru, "\nХВОСТ") - ru), en,
                               (gssize) (strstr (en, "\nTAIL") - en), &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sverka_result_get_mode (r), ==, SVERKA_MODE_PARALLEL);
  g_assert_cmpuint (sverka_result_get_n_beads (r), ==, 2);
  g_assert_null (sverka_result_get_notes (r));
  g_assert_cmpuint (sverka_result_get_n_notes (r), ==, 0);
  {
    g_autofree char *t = sverka_result_dup_bead_text (r, 1, SVERKA_LANGUAGE_EN);
    g_assert_cmpstr (t, ==, "War is terrible.");
  }
}

static const char escapes_ru[] = "Цитата \"в кавычках\", \\ и <тег> & амп.\n"
                                 "Управляющий \x01 символ \x1b и \x7f.\n"
                                 "Разделитель\xe2\x80\xa8строк и \xf0\x9f\x98\x80 тут.\n"
                                 "Несимвол \xef\xbf\xbe здесь.\n";
static const char escapes_en[] = "A quote \"in quotes\", \\ and <tag> & amp.\n"
                                 "A control \x01 character \x1b and \x7f.\n"
                                 "A line\xe2\x80\xa8separator and \xf0\x9f\x98\x80 here.\n"
                                 "A non-character \xef\xbf\xbe here.\n";

/* The writers on characters that need escaping: exact output. */
static void
test_writers_escape (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaResult) r = align_with_seed (escapes_ru, escapes_en, SVERKA_MODE_PARALLEL,
                                                &error);
  SverkaAlignment *al;
  SverkaDocument *ru, *en;
  g_autofree char *jsonl = NULL;
  g_autofree char *hf = NULL;
  g_autofree char *tmx = NULL;
  g_autofree char *ladder = NULL;
  g_autofree char *moses_ru = NULL;
  g_autofree char *moses_en = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_no_error (error);
  al = sverka_result_get_alignment (r);
  ru = sverka_result_get_document (r, SVERKA_LANGUAGE_RU);
  en = sverka_result_get_document (r, SVERKA_LANGUAGE_EN);
  g_assert_cmpuint (sverka_result_get_n_beads (r), ==, 4);

  jsonl = sverka_write_jsonl (al, ru, en, SVERKA_JSONL_SVERKA);
  lines = g_strsplit (jsonl, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (
      lines[0], "{\"ru\": \"Цитата \\\"в кавычках\\\", \\\\ и <тег> & амп.\", "
                "\"en\": \"A quote \\\"in quotes\\\", \\\\ and <tag> & amp.\", \"score\": "));
  g_assert_true (g_str_has_suffix (lines[0], ", \"ru_ids\": [1], \"en_ids\": [1]}"));
  /* The documents give control characters and line separators as spaces
   * (sverka_document_dup_sentence_text()), so none reaches the writers. */
  g_assert_true (g_str_has_prefix (lines[1], "{\"ru\": \"Управляющий "));
  g_assert_nonnull (strstr (lines[1], " символ "));
  g_assert_null (strstr (lines[1], "\\u00"));
  g_assert_null (strchr (lines[1], '\x7f'));
  g_assert_true (g_str_has_prefix (lines[2], "{\"ru\": \"Разделитель строк и \xf0\x9f\x98\x80 тут.\""));
  g_assert_cmpstr (lines[4], ==, "");

  hf = sverka_write_jsonl (al, ru, en, SVERKA_JSONL_HF);
  g_assert_true (g_str_has_prefix (hf, "{\"translation\": {\"ru\": \"Цитата \\\"в кавычках\\\", "));
  g_assert_nonnull (strstr (hf, "\"en\": \"A control "));
  g_assert_null (strstr (hf, "\\u0001"));

  tmx = sverka_write_tmx (al, ru, en);
  g_assert_true (g_str_has_prefix (tmx, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_assert_nonnull (strstr (
      tmx, "<tuv xml:lang=\"ru\"><seg>Цитата &quot;в кавычках&quot;, \\ и &lt;тег&gt; &amp; амп.</seg></tuv>"));
  g_assert_nonnull (strstr (tmx, "<tuv xml:lang=\"en\"><seg>A control "));
  g_assert_nonnull (strstr (tmx, "<seg>A non-character \xef\xbf\xbd here.</seg>"));
  g_assert_null (strstr (tmx, "\x01"));
  g_assert_null (strstr (tmx, "\xef\xbf\xbe"));
  g_assert_nonnull (strstr (tmx, "<prop type=\"x-sverka-en-ids\">4</prop>"));
  {
    guint units = 0;
    for (const char *p = strstr (tmx, "<tu>"); p != NULL; p = strstr (p + 1, "<tu>"))
      units++;
    g_assert_cmpuint (units, ==, 4);
  }

  ladder = sverka_write_ladder (al, ru, en);
  g_assert_true (g_str_has_prefix (ladder, "0\t0\t"));
  g_assert_true (g_str_has_suffix (ladder, "\n4\t4\t0.000\n"));

  moses_ru = sverka_write_moses (al, ru, en, SVERKA_LANGUAGE_RU);
  moses_en = sverka_write_moses (al, ru, en, SVERKA_LANGUAGE_EN);
  g_assert_nonnull (strstr (moses_ru, "\nРазделитель строк и \xf0\x9f\x98\x80 тут.\n"));
  g_assert_cmpstr (moses_en,
                   ==,
                   "A quote \"in quotes\", \\ and <tag> & amp.\n"
                   "A control character and .\n"
                   "A line separator and \xf0\x9f\x98\x80 here.\n"
                   "A non-character \xef\xbf\xbe here.\n");
}

/* A comparable alignment with crossing links: the ladder keeps a
 * non-crossing chain and never goes back. */
static void
test_ladder_crossing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaResult) r =
      align_with_seed ("Азербайджан поставляет газ в Европу.\nСтолтенберг встретил Алиева в Брюсселе.\n"
                       "Мирное соглашение важно для региона.\n",
                       "Stoltenberg met Aliyev in Brussels.\nA peace agreement is important for the "
                       "region.\nAzerbaijan supplies gas to Europe.\n",
                       SVERKA_MODE_COMPARABLE, &error);
  g_autofree char *ladder = NULL;
  g_auto (GStrv) lines = NULL;
  guint pi = 0, pj = 0, two_sided = 0;

  g_assert_no_error (error);
  ladder = sverka_write_ladder (sverka_result_get_alignment (r),
                                sverka_result_get_document (r, SVERKA_LANGUAGE_RU),
                                sverka_result_get_document (r, SVERKA_LANGUAGE_EN));
  lines = g_strsplit (ladder, "\n", -1);
  for (guint k = 0; lines[k] != NULL && *lines[k] != '\0'; k++) {
    guint i, j;
    g_assert_cmpint (sscanf (lines[k], "%u\t%u\t", &i, &j), ==, 2);
    if (k == 0) {
      g_assert_cmpuint (i, ==, 0);
      g_assert_cmpuint (j, ==, 0);
    } else {
      g_assert_true (i >= pi && j >= pj && (i > pi || j > pj));
      two_sided += i > pi && j > pj;
    }
    pi = i;
    pj = j;
  }
  g_assert_cmpuint (pi, ==, 3);
  g_assert_cmpuint (pj, ==, 3);
  /* Ru 2-3 match en 1-2 in order; ru 1 (en 3) crosses them. */
  g_assert_cmpuint (two_sided, ==, 2);
}

static char *
read_notes_pair (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (test_srcdir (), "tests", "notes", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* A paragraph the translation moved to the end: the beads of its sentences
 * are flagged moved, one block, and stand at their Russian place; every
 * sentence is in one bead; the Russian stays in order, and so does the
 * English of the other beads; JSON Lines and the HTML report say so, and the
 * ladder does not cross. */
static void
test_moved_block (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ru1 = read_notes_pair ("clean-nato-article-afghanistan.ru");
  g_autofree char *ru2 = read_notes_pair ("clean-nato-article-summits.ru");
  g_autofree char *en1 = read_notes_pair ("clean-nato-article-afghanistan.en");
  g_autofree char *en2 = read_notes_pair ("clean-nato-article-summits.en");
  g_auto (GStrv) paras = g_strsplit (en1, "\n", -1);
  g_autofree char *ru = g_strconcat (ru1, ru2, NULL);
  g_autoptr (GString) en = g_string_new (NULL);
  g_autoptr (SverkaResult) r = NULL;
  g_autofree char *jsonl = NULL, *html = NULL, *ladder = NULL;
  SverkaAlignment *al;
  SverkaDocument *ru_doc, *en_doc;
  const char *moved_para;
  guint n_moved = 0, n_starts = 0, next_ru = 0, last_en = 0;
  g_autofree guint *seen_en = NULL;

  /* The English of the first text without its second paragraph, the second
   * text, then that paragraph. */
  g_assert_cmpuint (g_strv_length (paras), >=, 3);
  moved_para = paras[1];
  for (guint k = 0; paras[k] != NULL; k++)
    if (k != 1 && *paras[k] != '\0')
      g_string_append_printf (en, "%s\n", paras[k]);
  g_string_append_printf (en, "%s%s\n", en2, moved_para);

  r = align_with_seed (ru, en->str, SVERKA_MODE_PARALLEL, &error);
  g_assert_no_error (error);
  al = sverka_result_get_alignment (r);
  ru_doc = sverka_result_get_document (r, SVERKA_LANGUAGE_RU);
  en_doc = sverka_result_get_document (r, SVERKA_LANGUAGE_EN);
  seen_en = g_new0 (guint, sverka_document_get_n_sentences (en_doc));
  for (guint i = 0; i < sverka_result_get_n_beads (r); i++) {
    const SverkaBead *b = sverka_result_get_bead (r, i);
    g_autofree char *en_text = sverka_result_dup_bead_text (r, i, SVERKA_LANGUAGE_EN);
    gboolean in_para = b->n_en > 0 && strstr (moved_para, en_text) != NULL;

    g_assert_cmpint (!!(b->flags & SVERKA_BEAD_MOVED), ==, in_para);
    n_moved += (b->flags & SVERKA_BEAD_MOVED) != 0;
    n_starts += (b->flags & SVERKA_BEAD_BLOCK_START) != 0;
    for (guint k = 0; k < b->n_ru; k++)
      g_assert_cmpuint (b->ru[k], ==, next_ru++);
    for (guint k = 0; k < b->n_en; k++) {
      seen_en[b->en[k]]++;
      if (!(b->flags & SVERKA_BEAD_MOVED)) {
        g_assert_cmpuint (b->en[k] + 1, >, last_en);
        last_en = b->en[k] + 1;
      }
    }
  }
  g_assert_cmpuint (next_ru, ==, sverka_document_get_n_sentences (ru_doc));
  for (guint e = 0; e < sverka_document_get_n_sentences (en_doc); e++)
    g_assert_cmpuint (seen_en[e], ==, 1);
  g_assert_cmpuint (n_moved, >=, 1);
  g_assert_cmpuint (n_starts, ==, 1);

  jsonl = sverka_write_jsonl (al, ru_doc, en_doc, SVERKA_JSONL_SVERKA);
  g_assert_nonnull (strstr (jsonl, ", \"moved_block\": 1}\n"));
  g_assert_null (strstr (jsonl, "\"moved_block\": 2"));
  html = sverka_write_html (al, NULL, NULL, ru_doc, en_doc);
  g_assert_nonnull (strstr (html, "<div class=\"row moved"));
  g_assert_nonnull (strstr (html, "class=\"moved-links\""));
  ladder = sverka_write_ladder (al, ru_doc, en_doc);
  {
    g_auto (GStrv) lines = g_strsplit (ladder, "\n", -1);
    guint pi = 0, pj = 0;
    for (guint k = 1; lines[k] != NULL && *lines[k] != '\0'; k++) {
      guint i, j;
      g_assert_cmpint (sscanf (lines[k], "%u\t%u\t", &i, &j), ==, 2);
      g_assert_true (i >= pi && j >= pj && (i > pi || j > pj));
      pi = i;
      pj = j;
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/result/bundled-pair", test_bundled_pair);
  g_test_add_func ("/result/errors", test_errors);
  g_test_add_func ("/result/options", test_options);
  g_test_add_func ("/write/escapes", test_writers_escape);
  g_test_add_func ("/write/ladder-crossing", test_ladder_crossing);
  g_test_add_func ("/result/moved-block", test_moved_block);
  return g_test_run ();
}
