/* test-segment.c: sentence structure and trimming of page furniture. */
#include "test-common.h"

static void
test_spans_and_paragraphs (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  const char *text = "  Title line\n\nFirst sentence of the paragraph. Second\nsentence goes on.\n";
  g_autoptr (SverkaDocument) doc = test_document_new (ctx, text, TRUE);
  const SverkaSentence *s;
  g_autofree char *joined = test_sentences (doc);

  g_assert_cmpstr (joined, ==, "Title line\nFirst sentence of the paragraph.\nSecond sentence goes on.");
  s = sverka_document_get_sentence (doc, 0);
  g_assert_cmpuint (s->start, ==, 2);
  g_assert_cmpuint (s->end, ==, 12);
  g_assert_cmpuint (s->line, ==, 1);
  g_assert_cmpuint (s->paragraph, ==, 0);
  s = sverka_document_get_sentence (doc, 1);
  g_assert_cmpuint (s->line, ==, 3);
  g_assert_cmpuint (s->paragraph, ==, 1);
  s = sverka_document_get_sentence (doc, 2);
  g_assert_cmpuint (s->line, ==, 3);
  g_assert_cmpuint (s->paragraph, ==, 1);
  /* The span quotes the input exactly, line end included. */
  g_assert_cmpint (strncmp (text + s->start, "Second\nsentence goes on.", s->end - s->start), ==, 0);
}

static void
test_no_final_newline (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = test_document_new (ctx, "Один. Два", TRUE);
  g_autofree char *joined = test_sentences (doc);
  g_assert_cmpstr (joined, ==, "Один.\nДва");
  g_assert_cmpuint (sverka_document_get_n_lines (doc), ==, 1);
}

static SverkaDocument *
load_corpus (SverkaContext *ctx, const char *rel, gboolean keep_all)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (test_srcdir (), "corpus", rel, NULL);
  SverkaLoadOptions opts;
  SverkaDocument *doc;

  sverka_load_options_init (&opts);
  opts.keep_all = keep_all;
  doc = sverka_document_new_from_file (ctx, path, &opts, &error);
  g_assert_no_error (error);
  return doc;
}

static const char *
line_text (SverkaDocument *doc, const SverkaLine *line, GString *buf)
{
  const char *data = sverka_document_get_data (doc, NULL);
  g_string_assign (buf, "");
  g_string_append_len (buf, data + line->start, (gssize) (line->end - line->start));
  return buf->str;
}

static void
test_trim_press_conference (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = load_corpus (ctx, "2021-12-14-brussels/en.txt", FALSE);
  g_autoptr (SverkaDocument) all = load_corpus (ctx, "2021-12-14-brussels/en.txt", TRUE);
  g_autoptr (GString) buf = g_string_new (NULL);
  guint n = sverka_document_get_n_sentences (doc);
  g_autofree char *first = sverka_document_dup_sentence_text (doc, 0);
  g_autofree char *last = sverka_document_dup_sentence_text (doc, n - 1);
  guint kept_after_share = 0;
  gboolean after_share = FALSE;

  g_assert_cmpstr (first, ==,
                   "President Ilham Aliyev, NATO Secretary General Jens Stoltenberg held joint "
                   "press conference in Brussels VIDEO");
  g_assert_cmpstr (last, ==, "Secretary General Jens Stoltenberg: Thank you.");
  /* The headlines after the transcript are set aside, and counted. */
  g_assert_cmpuint (sverka_document_get_n_trimmed (doc), >=, 100);
  for (guint i = 0; i < sverka_document_get_n_lines (doc); i++) {
    const SverkaLine *line = sverka_document_get_line (doc, i);
    if (strcmp (line_text (doc, line, buf), "Share news on social media") == 0) {
      after_share = TRUE;
      g_assert_true (line->trimmed);
    }
    if (after_share && !line->trimmed)
      kept_after_share++;
  }
  g_assert_true (after_share);
  g_assert_cmpuint (kept_after_share, ==, 0);
  /* --keep-all keeps every line. */
  g_assert_cmpuint (sverka_document_get_n_trimmed (all), ==, 0);
  g_assert_cmpuint (sverka_document_get_n_sentences (all), >, n + 100);
}

static void
test_trim_interview (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc =
      load_corpus (ctx, "neighbours/2024-03-19-stoltenberg-interview.en.txt", FALSE);
  guint n = sverka_document_get_n_sentences (doc);
  g_autofree char *first = sverka_document_dup_sentence_text (doc, 0);
  g_autofree char *second = sverka_document_dup_sentence_text (doc, 1);
  g_autofree char *last = sverka_document_dup_sentence_text (doc, n - 1);

  g_assert_cmpstr (first, ==,
                   "Jens Stoltenberg: NATO, Azerbaijan nearing agreement on new partnership "
                   "framework");
  g_assert_cmpstr (second, ==, "19 March 2024 09:24");
  g_assert_true (g_str_has_suffix (last, "both for Azerbaijan and NATO allies."));
}

static void
test_trim_report_untouched (void)
{
  /* The Russian report has no furniture: nothing is set aside. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = load_corpus (ctx, "2021-12-14-brussels/ru.txt", FALSE);
  g_assert_cmpuint (sverka_document_get_n_trimmed (doc), ==, 0);
}

static void
test_trim_short_text_untouched (void)
{
  /* A handful of headline-like lines is too little to judge: keep all. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc =
      test_document_new (ctx, "apple store\nplay market\nNATO meets Azerbaijan\n", FALSE);
  g_assert_cmpuint (sverka_document_get_n_trimmed (doc), ==, 0);
  g_assert_cmpuint (sverka_document_get_n_sentences (doc), ==, 3);
}

static void
test_trim_news_summary_untouched (void)
{
  /* A news article: title and summary lines without final punctuation,
   * then the text, and a closing line. Nothing here is furniture. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = test_document_new (
      ctx,
      "New cancer vaccine can teach the immune system to see rogue cells\n\n"
      "Vaccine teaches immune system to recognise rogue cells\n\n"
      "Method involves extracting immune cells from a patient\n\n"
      "Scientists say the treatment could work for many cancers\n\n"
      "A new vaccine can teach the immune system to see rogue cells and kill them, "
      "according to a study published by scientists in the United States this week.\n\n"
      "The method involves extracting immune cells from a patient and altering them in "
      "the laboratory so that they can see a protein common to many cancers.\n\n"
      "They are then injected back into the patient, where they attack the rogue cells "
      "and leave the healthy ones alone, the scientists said in their report.\n\n"
      "Chris Smith is a science reporter\n",
      FALSE);
  g_assert_cmpuint (sverka_document_get_n_trimmed (doc), ==, 0);
}

static void
test_trim_thread_untouched (void)
{
  /* A thread of short posts: many short lines without punctuation around
   * one longer post. All of it is content. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = test_document_new (
      ctx,
      "Since I have so few followers here it will be easier to share my failures in the "
      "game. Tried three times to chop a tree with an axe and cut it to pieces instead.\n\n"
      "Make that four times\n\nDid a cool jumping flip and broke my raft\n\n"
      "Got myself stuck in a crevice with a big ball\n\nKilled myself with my own boomerang\n\n"
      "Hate lava\n\nStarting to hate sludge too\n\nps hire me\n\nor hire someone better\n",
      FALSE);
  g_assert_cmpuint (sverka_document_get_n_trimmed (doc), ==, 0);
}

/* Speaker turns: a label opens a turn that runs to the next one; the
 * moderator's turn holds the question after it; one label is no
 * transcript. */
static void
test_speaker_turns (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  const char *text = "Press conference in Brussels.\n\n"
                     "Moderator: Good afternoon. We start with the statements.\n\n"
                     "President Ilham Aliyev: Thank you. It is an honour.\n\n"
                     "Moderator: Questions now.\n\nJohn Smith from Radio Free Europe. Will you sign?\n\n"
                     "Вопрос: Что дальше?\n";
  g_autoptr (SverkaDocument) doc = test_document_new (ctx, text, TRUE);
  g_autoptr (SverkaDocument) headline =
      test_document_new (ctx, "Midsomer Norton attack: Four arrests.\n\nPolice said so.\n", TRUE);
  gboolean host = TRUE;
  g_autofree char *joined = test_sentences (doc);

  g_assert_cmpstr (joined, ==,
                   "Press conference in Brussels.\nModerator: Good afternoon.\nWe start with the "
                   "statements.\nPresident Ilham Aliyev: Thank you.\nIt is an honour.\nModerator: "
                   "Questions now.\nJohn Smith from Radio Free Europe.\nWill you sign?\nВопрос: Что "
                   "дальше?");
  g_assert_null (sverka_document_get_speaker (doc, 0, &host));
  g_assert_false (host);
  g_assert_cmpstr (sverka_document_get_speaker (doc, 2, &host), ==, "Moderator");
  g_assert_true (host);
  g_assert_cmpstr (sverka_document_get_speaker (doc, 4, &host), ==, "President Ilham Aliyev");
  g_assert_false (host);
  g_assert_cmpstr (sverka_document_get_speaker (doc, 7, &host), ==, "Moderator");
  g_assert_true (host);
  g_assert_cmpstr (sverka_document_get_speaker (doc, 8, &host), ==, "Вопрос");
  g_assert_true (host);
  g_assert_null (sverka_document_get_speaker (headline, 1, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segment/spans-and-paragraphs", test_spans_and_paragraphs);
  g_test_add_func ("/segment/no-final-newline", test_no_final_newline);
  g_test_add_func ("/segment/speaker-turns", test_speaker_turns);
  g_test_add_func ("/trim/press-conference", test_trim_press_conference);
  g_test_add_func ("/trim/interview", test_trim_interview);
  g_test_add_func ("/trim/report-untouched", test_trim_report_untouched);
  g_test_add_func ("/trim/short-text-untouched", test_trim_short_text_untouched);
  g_test_add_func ("/trim/news-summary-untouched", test_trim_news_summary_untouched);
  g_test_add_func ("/trim/thread-untouched", test_trim_thread_untouched);
  return g_test_run ();
}
