/* test-align.c: numbers, skeletons, lexicons, alignment and the TSV. */
#include <glib/gstdio.h>
#include <math.h>

#include "sverka-numbers-private.h"
#include "test-common.h"

static SverkaDocument *
analysed_as (SverkaContext *ctx, const char *text, SverkaLanguage lang)
{
  g_autoptr (GError) error = NULL;
  SverkaDocument *doc = test_document_new_as (ctx, text, TRUE, lang);

  g_assert_true (sverka_document_analyze (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* The values of the numbers of the first sentence of @text, as "v1 v2 ...". */
static char *
numbers_of (SverkaContext *ctx, const char *text)
{
  g_autoptr (SverkaDocument) doc = analysed_as (ctx, text, SVERKA_LANGUAGE_AUTO);
  g_autoptr (GArray) nums = g_array_new (FALSE, FALSE, sizeof (SverkaNumber));
  GString *out = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  sverka_numbers_find (doc, 0, nums);
  for (guint i = 0; i < nums->len; i++) {
    const SverkaNumber *n = &g_array_index (nums, SverkaNumber, i);
    if (i > 0)
      g_string_append_c (out, ' ');
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", n->value));
    if (n->ordinal)
      g_string_append_c (out, 'o');
  }
  return g_string_free (out, FALSE);
}

static void
assert_numbers (SverkaContext *ctx, const char *text, const char *expected)
{
  g_autofree char *got = numbers_of (ctx, text);
  if (strcmp (got, expected) != 0)
    g_error ("numbers of '%s': expected '%s', got '%s'", text, expected, got);
}

static void
test_numbers (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();

  assert_numbers (ctx, "эвакуацию более 120 тысяч человек", "120000");
  assert_numbers (ctx, "airlift more than hundred and 20 thousand people", "120000");
  assert_numbers (ctx, "airlift 120,000 people", "120000");
  assert_numbers (ctx, "эвакуировано 120 000 человек", "120000");
  assert_numbers (ctx, "сто двадцать тысяч человек", "120000");
  assert_numbers (ctx, "экспорт 2,5 млрд кубометров", "2500000000");
  assert_numbers (ctx, "it lasted 2.5 hours", "2.5");
  assert_numbers (ctx, "это его седьмой визит", "7o");
  assert_numbers (ctx, "it's seventh time", "7o");
  assert_numbers (ctx, "с 2002 года до августа 2021 года", "2002 2021");
  assert_numbers (ctx, "14 декабря 2021, 18:45", "14 2021 18 45");
  assert_numbers (ctx, "twenty-five years and two months", "25 2");
  assert_numbers (ctx, "двух стран", "2");
  assert_numbers (ctx, "four NATO members and 30 allies", "4 30");
  /* Digit groups of any length, with any space between them. */
  assert_numbers (ctx, "заразились 6 152 524 человека", "6152524");
  assert_numbers (ctx, "бюджет 1 000 000 рублей", "1000000");
  assert_numbers (ctx, "бюджет 12\u00a0345\u00a0678 рублей", "12345678");
  assert_numbers (ctx, "бюджет 12\u202f345\u202f678 рублей", "12345678");
  assert_numbers (ctx, "бюджет 12\u2009345\u2009678 рублей", "12345678");
  assert_numbers (ctx, "в 2020 году 150 человек", "2020 150");
  assert_numbers (ctx, "с 1 по 150 000", "1 150000");
  /* Abbreviated multipliers, with and without the full stop. */
  assert_numbers (ctx, "выручка 95,2 млн руб.", "95200000");
  assert_numbers (ctx, "revenue of RUB 95.2 mn", "95200000");
  assert_numbers (ctx, "121 mln doses", "121000000");
  assert_numbers (ctx, "2 bln, 3 bn", "2000000000 3000000000");
  assert_numbers (ctx, "потратили 2 трлн 784 млрд рублей", "2.784e+12");
  assert_numbers (ctx, "около 3 трлн. рублей", "3e+12");
  assert_numbers (ctx, "88 тыс. пациентов", "88000");
  assert_numbers (ctx, "25-тысячную толпу", "25000");
}

static void
test_skeletons (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) ru =
      analysed_as (ctx, "Столтенберг Алиев Йенс Брюссель Афганистан конференция",
                   SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en =
      analysed_as (ctx, "Stoltenberg Aliyev Jens Brussels Afghanistan conference",
                   SVERKA_LANGUAGE_EN);

  g_assert_cmpuint (sverka_document_get_n_tokens (ru), ==, 6);
  g_assert_cmpuint (sverka_document_get_n_tokens (en), ==, 6);
  for (guint i = 0; i < 6; i++) {
    const char *a = sverka_document_get_token (ru, i)->word->skeleton;
    const char *b = sverka_document_get_token (en, i)->word->skeleton;
    /* Equal over the first five letters, what the scorer compares. */
    if (strncmp (a, b, 5) != 0)
      g_error ("skeletons differ: %s / %s", a, b);
  }
  g_assert_cmpstr (sverka_document_get_token (ru, 0)->word->skeleton, ==, "stoltenberg");
  g_assert_cmpstr (sverka_document_get_token (en, 1)->word->skeleton, ==, "aliev");
}

/* Writes @contents to @name in a fresh temporary folder of its own, so
 * that test runs side by side do not share the file. */
static char *
write_temp (const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sverka-test-XXXXXX", &error);
  char *path;
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_remove (path);
  g_rmdir (dir);
}

static void
assert_lexicon_error (const char *contents, const char *fragment)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("sverka-test-lexicon.tsv", contents);

  g_assert_false (sverka_lexicon_load (lex, path, &error));
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
  remove_temp (path);
}

static void
test_lexicon_errors (void)
{
  assert_lexicon_error ("# sverka-lexicon 2\n", "sverka-test-lexicon.tsv:1: unsupported version");
  assert_lexicon_error ("# sverka-lexicon 1\nаэропорт\tairport\nмир\n",
                        "sverka-test-lexicon.tsv:3: expected 2 to 3 tab-separated fields, found 1");
  assert_lexicon_error ("# sverka-lexicon 1\nмир\tpeace\tfoo\n",
                        "sverka-test-lexicon.tsv:2: unknown tag 'foo'");
  assert_lexicon_error ("# sverka-lexicon 1\nсемь\tseven\tnum=x\n",
                        "sverka-test-lexicon.tsv:2: expected a finite number after 'num='");
  /* strtod reads these; a compiled lexicon would refuse them */
  assert_lexicon_error ("# sverka-lexicon 1\nсто\thundred\tnum=inf\n",
                        "sverka-test-lexicon.tsv:2: expected a finite number after 'num=', found 'inf'");
  assert_lexicon_error ("# sverka-lexicon 1\nсто\thundred\tnum=nan\n",
                        "sverka-test-lexicon.tsv:2: expected a finite number after 'num='");
  assert_lexicon_error ("# sverka-lexicon 1\nсто\thundred\tnum=1e999\n",
                        "sverka-test-lexicon.tsv:2: expected a finite number after 'num='");
  assert_lexicon_error ("# sverka-lexicon 1\n—\tpeace\n",
                        "sverka-test-lexicon.tsv:2: expected words on both sides");
}

static SverkaLexicon *
small_lexicon (SverkaContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp (
      "sverka-test-small.tsv",
      "# sverka-lexicon 1\n"
      "генеральный секретарь\tsecretary general\tterm,title\n"
      "встреча\tmeeting\n"
      "аэропорт\tairport\n"
      "эвакуация\tevacuation\n"
      "человек\tpeople\n"
      "мир\tpeace\n"
      "соглашение\tagreement\n"
      "газ\tgas\n"
      "поставщик\tsupplier\n"
      "надежный\treliable\n"
      "сегодня\ttoday\n"
      "обсудить\tdiscuss\n"
      "безопасность\tsecurity\n"
      "энергетический\tenergy\n");
  SverkaLexicon *lex = sverka_lexicon_new (ctx);
  g_assert_true (sverka_lexicon_load (lex, path, &error));
  g_assert_no_error (error);
  remove_temp (path);
  return lex;
}

/* Every sentence of both sides in exactly one bead, in order. */
static void
assert_parallel_complete (SverkaAlignment *al, guint n_ru, guint n_en)
{
  guint next_ru = 0, next_en = 0;
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    g_assert_true (b->n_ru + b->n_en > 0);
    g_assert_cmpfloat (b->score, >=, 0.0);
    g_assert_cmpfloat (b->score, <=, 1.0);
    for (guint k = 0; k < b->n_ru; k++)
      g_assert_cmpuint (b->ru[k], ==, next_ru++);
    for (guint k = 0; k < b->n_en; k++)
      g_assert_cmpuint (b->en[k], ==, next_en++);
  }
  g_assert_cmpuint (next_ru, ==, n_ru);
  g_assert_cmpuint (next_en, ==, n_en);
}

static const char parallel_ru[] =
    "Генеральный секретарь провел встречу в Брюсселе.\n"
    "Аэропорт Кабула сыграл важную роль в эвакуации 120 тысяч человек.\n"
    "Азербайджан является надежным поставщиком газа.\n"
    "Сегодня мы обсудили энергетическую безопасность.\n"
    "Мирное соглашение важно для региона.\n";
/* The English lacks the fourth sentence and splits the third. */
static const char parallel_en[] =
    "The Secretary General held a meeting in Brussels.\n"
    "Kabul airport played an important role in the evacuation of 120,000 people.\n"
    "Azerbaijan is a reliable supplier.\n"
    "It supplies gas.\n"
    "A peace agreement is important for the region.\n";

static void
test_align_parallel (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  g_autoptr (SverkaDocument) ru = analysed_as (ctx, parallel_ru, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, parallel_en, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;
  SverkaAlignOptions opts;

  sverka_align_options_init (&opts);
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sverka_alignment_get_mode (al), ==, SVERKA_MODE_PARALLEL);
  assert_parallel_complete (al, 5, 5);
  tsv = sverka_write_tsv (al, ru, en);
  g_assert_true (g_str_has_prefix (tsv, "ru\ten\tscore\tru_ids\ten_ids\n"));
  /* 1-1, 1-1, 1-2, 1-0, 1-1 */
  g_assert_nonnull (strstr (tsv, "\t1\t1\n"));
  g_assert_nonnull (strstr (tsv, "\t2\t2\n"));
  g_assert_nonnull (strstr (tsv, "\t3\t3,4\n"));
  g_assert_nonnull (strstr (tsv, "\t4\t\n"));
  g_assert_nonnull (strstr (tsv, "\t5\t5\n"));
}

/* Words analysed without their spelling (sverka_context_set_spelling):
 * the same alignment and TSV, no spelling status on any word, and the notes
 * refused rather than made without it. */
static void
test_align_without_spelling (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaContext) quick = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  g_autoptr (SverkaLexicon) lex2 = small_lexicon (quick);
  g_autoptr (SverkaDocument) ru = analysed_as (ctx, parallel_ru, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, parallel_en, SVERKA_LANGUAGE_EN);
  g_autoptr (SverkaDocument) ru2 = NULL;
  g_autoptr (SverkaDocument) en2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaAlignment) al2 = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaNotes) notes2 = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *tsv2 = NULL;
  SverkaAlignOptions opts;

  sverka_context_set_spelling (quick, FALSE);
  ru2 = analysed_as (quick, parallel_ru, SVERKA_LANGUAGE_RU);
  en2 = analysed_as (quick, parallel_en, SVERKA_LANGUAGE_EN);
  sverka_align_options_init (&opts);
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  al2 = sverka_align (lex2, ru2, en2, &opts, &error);
  g_assert_no_error (error);
  tsv = sverka_write_tsv (al, ru, en);
  tsv2 = sverka_write_tsv (al2, ru2, en2);
  g_assert_cmpstr (tsv, ==, tsv2);
  /* The same lemmas, but where hunspell, not asked before for a word it
   * rejects, now gives the word itself, which stems as the word does. */
  for (guint d = 0; d < 2; d++) {
    SverkaDocument *with = d == 0 ? ru : en, *without = d == 0 ? ru2 : en2;
    g_assert_cmpuint (sverka_document_get_n_tokens (without), ==,
                      sverka_document_get_n_tokens (with));
    for (guint i = 0; i < sverka_document_get_n_tokens (without); i++) {
      const SverkaWord *w = sverka_document_get_token (with, i)->word;
      const SverkaWord *w2 = sverka_document_get_token (without, i)->word;
      g_assert_false (w2->flags & SVERKA_WORD_SPELL_CHECKED);
      if (g_strcmp0 (w->lemma, w2->lemma) != 0) {
        g_assert_null (w->lemma);
        g_assert_cmpstr (w2->lemma_stem, ==, w2->stem);
      }
    }
  }
  notes = sverka_notes_new (lex, al, ru, en, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notes);
  notes2 = sverka_notes_new (lex2, al2, ru2, en2, &error);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (notes2);
}

/* Two texts of different stories: a recipe and a football report. */
static const char recipe_ru[] =
    "Для теста возьмите два стакана муки и щепотку соли.\n"
    "Яйца взбейте с сахаром до белой пены.\n"
    "Добавьте растопленное масло и тщательно перемешайте.\n"
    "Тесто должно отдохнуть в холодильнике полчаса.\n"
    "Раскатайте его тонким слоем и вырежьте круги стаканом.\n"
    "Выпекайте печенье до золотистого цвета.\n";
static const char football_en[] =
    "The visitors scored twice in the first half.\n"
    "Their goalkeeper saved a penalty just before the break.\n"
    "After the interval the home side pressed hard but found no way through.\n"
    "A late header hit the crossbar.\n"
    "The coach praised the defence at the press conference.\n"
    "The next match will be played on Saturday.\n";

static void
test_verdict (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  struct {
    const char *ru, *en;
    SverkaMode mode;
    SverkaVerdict want;
  } cases[] = {
    { parallel_ru, parallel_en, SVERKA_MODE_AUTO, SVERKA_VERDICT_TRANSLATION },
    { recipe_ru, football_en, SVERKA_MODE_AUTO, SVERKA_VERDICT_UNRELATED },
    { recipe_ru, football_en, SVERKA_MODE_PARALLEL, SVERKA_VERDICT_UNRELATED },
    { recipe_ru, football_en, SVERKA_MODE_COMPARABLE, SVERKA_VERDICT_UNRELATED },
    /* The Russian text given as the English one too, and the English one
     * as both. */
    { parallel_ru, parallel_ru, SVERKA_MODE_AUTO, SVERKA_VERDICT_UNTRANSLATED },
    { parallel_en, parallel_en, SVERKA_MODE_PARALLEL, SVERKA_VERDICT_UNTRANSLATED },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++) {
    g_autoptr (SverkaDocument) ru = analysed_as (ctx, cases[c].ru, SVERKA_LANGUAGE_RU);
    g_autoptr (SverkaDocument) en = analysed_as (ctx, cases[c].en, SVERKA_LANGUAGE_EN);
    g_autoptr (GError) error = NULL;
    g_autoptr (SverkaAlignment) al = NULL;
    g_autofree char *prefix = NULL;
    SverkaAlignOptions opts;
    SverkaVerdict got;

    sverka_align_options_init (&opts);
    opts.mode = cases[c].mode;
    al = sverka_align (lex, ru, en, &opts, &error);
    g_assert_no_error (error);
    got = sverka_alignment_get_verdict (al);
    if (got != cases[c].want)
      g_error ("case %u: verdict %s (%s), expected %s", c, sverka_verdict_to_string (got),
               sverka_alignment_get_verdict_reason (al), sverka_verdict_to_string (cases[c].want));
    /* The evidence starts with the verdict's name. */
    prefix = g_strconcat (sverka_verdict_to_string (got), ": ", NULL);
    g_assert_true (g_str_has_prefix (sverka_alignment_get_verdict_reason (al), prefix));
    /* Texts that are no translation of each other: no bead with both sides
     * is likely right, and a sentence alone likely has no counterpart. */
    for (guint i = 0; got != SVERKA_VERDICT_TRANSLATION && i < sverka_alignment_get_n_beads (al);
         i++) {
      const SverkaBead *b = sverka_alignment_get_bead (al, i);
      if (b->n_ru > 0 && b->n_en > 0)
        g_assert_cmpfloat (b->score, <, 0.5);
      else
        g_assert_cmpfloat (b->score, >, 0.5);
    }
  }
}

/* --min-score's copy of an alignment: the rows scoring enough, as written
 * (three decimals), in order, with the mode and the verdict. */
static void
test_filter (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  g_autoptr (SverkaDocument) ru = analysed_as (ctx, parallel_ru, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, parallel_en, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  guint n;

  al = sverka_align (lex, ru, en, NULL, &error);
  g_assert_no_error (error);
  n = sverka_alignment_get_n_beads (al);
  for (guint i = 0; i < n; i++) {
    /* At each row's score as written, and just above it. */
    double x = round (sverka_alignment_get_bead (al, i)->score * 1000) / 1000;
    for (guint above = 0; above < 2; above++) {
      double min = above ? x + 0.001 : x;
      guint left = G_MAXUINT, want = 0, k = 0;
      g_autoptr (SverkaAlignment) kept = sverka_alignment_filter (al, min, &left);
      g_assert_cmpint (sverka_alignment_get_mode (kept), ==, sverka_alignment_get_mode (al));
      g_assert_cmpint (sverka_alignment_get_verdict (kept), ==, sverka_alignment_get_verdict (al));
      g_assert_cmpstr (sverka_alignment_get_verdict_reason (kept), ==,
                       sverka_alignment_get_verdict_reason (al));
      for (guint j = 0; j < n; j++) {
        const SverkaBead *b = sverka_alignment_get_bead (al, j);
        const SverkaBead *c;
        if (round (b->score * 1000) / 1000 < min) {
          want++;
          continue;
        }
        g_assert_cmpuint (k, <, sverka_alignment_get_n_beads (kept));
        c = sverka_alignment_get_bead (kept, k++);
        g_assert_cmpfloat (c->score, ==, b->score);
        g_assert_cmpuint (c->n_ru, ==, b->n_ru);
        g_assert_cmpuint (c->n_en, ==, b->n_en);
        g_assert_true (c->n_ru == 0 || memcmp (c->ru, b->ru, b->n_ru * sizeof (guint)) == 0);
        g_assert_true (c->n_en == 0 || memcmp (c->en, b->en, b->n_en * sizeof (guint)) == 0);
      }
      g_assert_cmpuint (k, ==, sverka_alignment_get_n_beads (kept));
      g_assert_cmpuint (left, ==, want);
      g_assert_cmpuint (left + k, ==, n);
      /* The row the threshold was taken from is kept at its own score. */
      g_assert_true (above || k > 0);
    }
  }
}

/* One long Russian sentence, typed with commas only, against six English
 * ones: a bead of 1 and 6, not 1-3 and three English sentences alone. */
static const char long_ru[] =
    "Генеральный секретарь провел встречу в Брюсселе.\n"
    "в понедельник 14 декабря генеральный секретарь провел встречу с президентом Азербайджана, "
    "они обсудили энергетическую безопасность и мирное соглашение, Азербайджан является "
    "надежным поставщиком газа для четырех стран, аэропорт Кабула сыграл важную роль в "
    "эвакуации 120 тысяч человек, сегодня в Брюсселе прошла пресс-конференция, в ней "
    "участвовали 30 журналистов\n"
    "Мирное соглашение важно для региона.\n";
static const char long_en[] =
    "The Secretary General held a meeting in Brussels.\n"
    "On Monday 14 December the Secretary General held a meeting with the President of "
    "Azerbaijan. They discussed energy security and the peace agreement. Azerbaijan is a "
    "reliable supplier of gas to four countries. Kabul airport played an important role in the "
    "evacuation of 120,000 people. Today a press conference was held in Brussels. 30 "
    "journalists took part in it.\n"
    "A peace agreement is important for the region.\n";

static void
test_align_long_sentence (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  g_autoptr (SverkaDocument) ru = analysed_as (ctx, long_ru, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, long_en, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;
  SverkaAlignOptions opts;

  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_PARALLEL;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_document_get_n_sentences (ru), ==, 3);
  g_assert_cmpuint (sverka_document_get_n_sentences (en), ==, 8);
  assert_parallel_complete (al, 3, 8);
  tsv = sverka_write_tsv (al, ru, en);
  g_assert_nonnull (strstr (tsv, "\t1\t1\n"));
  g_assert_nonnull (strstr (tsv, "\t2\t2,3,4,5,6,7\n"));
  g_assert_nonnull (strstr (tsv, "\t3\t8\n"));
  g_assert_cmpuint (sverka_alignment_get_n_beads (al), ==, 3);
}

/* Ten Russian sentences each rendered as two English ones, then two
 * Russian sentences whose boundary falls inside the second of three
 * English ones (when @restructured), or ten sentences rendered one for one
 * before the same three. */
static void
restructured_texts (gboolean restructured, char **ru_out, char **en_out)
{
  static const char *const ru_names[] = { "Иванов", "Петров",  "Сидоров", "Орлов",   "Волков",
                                          "Зайцев", "Соколов", "Лебедев", "Козлов", "Новиков" };
  static const char *const en_names[] = { "Ivanov", "Petrov",  "Sidorov", "Orlov",  "Volkov",
                                          "Zaytsev", "Sokolov", "Lebedev", "Kozlov", "Novikov" };
  GString *ru = g_string_new (NULL), *en = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (ru_names); k++) {
    guint year = 1900 + 2 * k;
    if (restructured) {
      g_string_append_printf (ru, "В %u году %s приехал в город, а в %u году он уехал на север.\n",
                              year, ru_names[k], year + 1);
      g_string_append_printf (en, "In %u %s came to the town.\nIn %u he left for the north.\n",
                              year, en_names[k], year + 1);
    } else {
      g_string_append_printf (ru, "В %u году %s приехал в город.\n", year, ru_names[k]);
      g_string_append_printf (en, "In %u %s came to the town.\n", year, en_names[k]);
    }
  }
  g_string_append (ru, "В 1950 году Смирнов написал книгу, а в 1951 году Кузнецов ее прочел.\n"
                       "В 1952 году Попов снял фильм, а в 1953 году Васильев его увидел.\n");
  g_string_append (en, "In 1950 Smirnov wrote a book.\n"
                       "In 1951 Kuznetsov read it, and in 1952 Popov made a film.\n"
                       "In 1953 Vasiliev saw it.\n");
  *ru_out = g_string_free (ru, FALSE);
  *en_out = g_string_free (en, FALSE);
}

/* Beads of two sentences against three are tried only in a translation
 * that restructures its sentences (a fifth of its beads or more join
 * sentences): there they find a boundary moved across a sentence; in a
 * translation of one sentence for one, the same sentences make smaller
 * beads, as they always did. */
static void
test_align_restructured (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);

  for (guint pass = 0; pass < 2; pass++) {
    gboolean restructured = pass == 0;
    g_autofree char *ru_text = NULL, *en_text = NULL, *tsv = NULL;
    g_autoptr (SverkaDocument) ru = NULL;
    g_autoptr (SverkaDocument) en = NULL;
    g_autoptr (SverkaAlignment) al = NULL;
    g_autoptr (GError) error = NULL;
    SverkaAlignOptions opts;
    guint n_ru, n_en;
    const SverkaBead *last;

    restructured_texts (restructured, &ru_text, &en_text);
    ru = analysed_as (ctx, ru_text, SVERKA_LANGUAGE_RU);
    en = analysed_as (ctx, en_text, SVERKA_LANGUAGE_EN);
    n_ru = sverka_document_get_n_sentences (ru);
    n_en = sverka_document_get_n_sentences (en);
    g_assert_cmpuint (n_ru, ==, 12);
    g_assert_cmpuint (n_en, ==, restructured ? 23 : 13);
    sverka_align_options_init (&opts);
    opts.mode = SVERKA_MODE_PARALLEL;
    al = sverka_align (lex, ru, en, &opts, &error);
    g_assert_no_error (error);
    assert_parallel_complete (al, n_ru, n_en);
    last = sverka_alignment_get_bead (al, sverka_alignment_get_n_beads (al) - 1);
    if (restructured) {
      g_assert_cmpuint (last->n_ru, ==, 2);
      g_assert_cmpuint (last->n_en, ==, 3);
      g_assert_cmpuint (last->ru[0], ==, 10);
      g_assert_cmpuint (last->en[0], ==, 20);
    } else {
      g_assert_cmpuint (last->n_ru + last->n_en, <, 5);
    }
  }
}

static void
test_align_comparable (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  /* A report in another order, with a sentence of its own. */
  g_autoptr (SverkaDocument) ru = analysed_as (
      ctx,
      "Азербайджан является надежным поставщиком газа.\n"
      "Затем было сделано официальное фото.\n"
      "Аэропорт Кабула сыграл важную роль в эвакуации 120 тысяч человек.\n",
      SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, parallel_en, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;
  SverkaAlignOptions opts;
  guint seen_en[5] = { 0 };
  guint seen_ru[3] = { 0 };

  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_COMPARABLE;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    for (guint k = 0; k < b->n_ru; k++)
      seen_ru[b->ru[k]]++;
    for (guint k = 0; k < b->n_en; k++)
      seen_en[b->en[k]]++;
  }
  /* Each Russian sentence once, each English one at least once. */
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (seen_ru[k], ==, 1);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpuint (seen_en[k], >=, 1);
  tsv = sverka_write_tsv (al, ru, en);
  /* "It supplies gas." completes the first sentence. */
  g_assert_nonnull (strstr (tsv, "\t1\t3,4\n"));
  g_assert_nonnull (strstr (tsv, "\t2\t\n"));
  g_assert_nonnull (strstr (tsv, "\t3\t2\n"));
}

/* The row of Russian sentence @r (1-based) in @tsv names the English
 * sentences @en ("2", "3,4", "" for none). */
static void
assert_row (const char *tsv, guint r, const char *en)
{
  g_autofree char *tail = g_strdup_printf ("\t%u\t%s\n", r, en);
  if (strstr (tsv, tail) == NULL)
    g_error ("no row ending '%u<TAB>%s' in:\n%s", r, en, tsv);
}

static void
test_align_comparable_transcript (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  /* Names of the speakers everywhere in the report; in the transcript they
   * are in the speaker labels only, which are left out of the evidence. */
  g_autoptr (SverkaDocument) ru = analysed_as (
      ctx,
      "Генеральный секретарь Йенс Столтенберг рассказал об эвакуации 120 тысяч человек через "
      "аэропорт.\n"
      "Президент Ильхам Алиев назвал Азербайджан надежным поставщиком газа.\n",
      SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (
      ctx,
      "Secretary General Jens Stoltenberg: Welcome to all of you.\n"
      "The airport saw the evacuation of 120,000 people.\n"
      "President Ilham Aliyev: Thank you very much.\n"
      "Azerbaijan is a reliable supplier of gas.\n"
      "Moderator: Questions from the floor, please.\n",
      SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;

  al = sverka_align (lex, ru, en, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sverka_alignment_get_mode (al), ==, SVERKA_MODE_COMPARABLE);
  tsv = sverka_write_tsv (al, ru, en);
  assert_row (tsv, 1, "2");
  assert_row (tsv, 2, "4");
  /* The label lines stand alone. */
  g_assert_nonnull (strstr (tsv, "\t\t1\n"));
  g_assert_nonnull (strstr (tsv, "\t\t3\n"));
  g_assert_nonnull (strstr (tsv, "\t\t5\n"));
  /* The report is the Russian text; its sentences' best candidates come
   * first, best first, and the linked one is marked. */
  g_assert_cmpint (sverka_alignment_get_report_language (al), ==, SVERKA_LANGUAGE_RU);
  for (guint r = 0; r < 2; r++) {
    guint n = 0;
    const SverkaCandidate *c = sverka_alignment_get_candidates (al, r, &n);
    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpuint (n, <=, SVERKA_MAX_CANDIDATES);
    g_assert_cmpuint (c[0].sentence, ==, r == 0 ? 1 : 3);
    g_assert_true (c[0].linked);
    for (guint i = 0; i < n; i++) {
      g_assert_cmpfloat (c[i].probability, >=, 0.0);
      g_assert_cmpfloat (c[i].probability, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (c[i].evidence, <=, c[i - 1].evidence);
    }
  }
  /* Why the first link holds: the figure and the airport. */
  {
    guint n = 0, n_number = 0, n_lexicon = 0;
    const SverkaMatch *m = sverka_alignment_get_matches (al, 0, 1, &n);
    const char *data = sverka_document_get_data (en, NULL);
    for (guint i = 0; i < n; i++) {
      if (m[i].reason == SVERKA_MATCH_NUMBER
          && strncmp (data + m[i].en_start, "120,000", m[i].en_end - m[i].en_start) == 0)
        n_number++;
      n_lexicon += m[i].reason == SVERKA_MATCH_LEXICON;
    }
    g_assert_cmpuint (n_number, ==, 1);
    g_assert_cmpuint (n_lexicon, >=, 1);
    g_assert_null (sverka_alignment_get_matches (al, 0, 3, &n));
    g_assert_cmpuint (n, ==, 0);
    g_assert_cmpstr (sverka_match_reason_to_string (SVERKA_MATCH_NAME), ==, "name");
  }
  /* The moderator's turn is a host's; the others are the principals'. */
  {
    gboolean host = FALSE;
    g_assert_cmpstr (sverka_document_get_speaker (en, 4, &host), ==, "Moderator");
    g_assert_true (host);
    g_assert_cmpstr (sverka_document_get_speaker (en, 1, &host), ==,
                     "Secretary General Jens Stoltenberg");
    g_assert_false (host);
  }
}

/* The word pairs shown for a link pair each word with its own rendering
 * before a phrase's: in "Генеральный секретарь НАТО" / "NATO Secretary
 * General" every Russian word gets the English word it stands for, though
 * the phrase's entry gives each of them all three. */
static void
test_align_explain_pairs (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("sverka-test-explain.tsv",
                                      "# sverka-lexicon 1\n"
                                      "генеральный секретарь НАТО\tNATO Secretary General\ttitle\n"
                                      "генеральный\tgeneral\n"
                                      "секретарь\tsecretary\n"
                                      "НАТО\tNATO\torg\n"
                                      "прибыть\tarrive\n");
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  SverkaAlignOptions opts;
  static const char *const want[][2] = {
    { "Генеральный", "General" }, { "секретарь", "Secretary" }, { "НАТО", "NATO" },
    { "прибыл", "arrived" } };
  const SverkaMatch *m;
  guint n = 0;

  g_assert_true (sverka_lexicon_load (lex, path, &error));
  g_assert_no_error (error);
  remove_temp (path);
  ru = analysed_as (ctx, "Генеральный секретарь НАТО прибыл в Брюссель.\n", SVERKA_LANGUAGE_RU);
  en = analysed_as (ctx,
                    "Good morning.\nThe NATO Secretary General arrived in Brussels today.\n",
                    SVERKA_LANGUAGE_EN);
  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_COMPARABLE;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  m = sverka_alignment_get_matches (al, 0, 1, &n);
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (want));
  for (guint k = 0; k < G_N_ELEMENTS (want); k++) {
    const char *ru_data = sverka_document_get_data (ru, NULL);
    const char *en_data = sverka_document_get_data (en, NULL);
    g_autofree char *a = g_strndup (ru_data + m[k].ru_start, m[k].ru_end - m[k].ru_start);
    g_autofree char *b = g_strndup (en_data + m[k].en_start, m[k].en_end - m[k].en_start);
    g_assert_cmpstr (a, ==, want[k][0]);
    g_assert_cmpstr (b, ==, want[k][1]);
    g_assert_cmpint (m[k].reason, ==, SVERKA_MATCH_LEXICON);
  }
}

static void
test_align_comparable_english_report (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = small_lexicon (ctx);
  /* The English text is the shorter: it reports the Russian one. Rows still
   * follow the Russian order, and a Russian sentence with no report
   * sentence has a row of its own. */
  g_autoptr (SverkaDocument) ru = analysed_as (
      ctx,
      "Сегодня мы обсудили энергетическую безопасность.\n"
      "Погода в Брюсселе была теплой.\n"
      "Азербайджан является надежным поставщиком.\n"
      "Он поставляет газ в Европу.\n"
      "Аэропорт Кабула сыграл важную роль в эвакуации 120 тысяч человек.\n",
      SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (
      ctx,
      "The airport evacuation saved 120,000 people.\n"
      "Azerbaijan, a reliable supplier, brings gas to Europe.\n",
      SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autofree char *tsv = NULL;
  SverkaAlignOptions opts;

  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_COMPARABLE;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  tsv = sverka_write_tsv (al, ru, en);
  assert_row (tsv, 2, "");
  assert_row (tsv, 3, "2");
  assert_row (tsv, 4, "2");
  assert_row (tsv, 5, "1");
  /* The English text reports: its sentences have the candidates. */
  g_assert_cmpint (sverka_alignment_get_report_language (al), ==, SVERKA_LANGUAGE_EN);
  {
    guint n = 0;
    const SverkaCandidate *c = sverka_alignment_get_candidates (al, 0, &n);
    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpuint (c[0].sentence, ==, 4);
    g_assert_null (sverka_alignment_get_candidates (al, 7, &n));
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_lexicon_general (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("sverka-test-general.tsv",
                                      "# sverka-lexicon 1\n"
                                      "мир\tpeace\tgeneral\n"
                                      "мир\tworld\tterm,general\n");

  g_assert_true (sverka_lexicon_load (lex, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_lexicon_get_n_entries (lex), ==, 2);
  remove_temp (path);
}

/* A lexicon file written the other way round (English first) read for a
 * Russian-English context gives the same entries; a compiled one is
 * refused. */
static void
test_lexicon_reversed (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (SverkaLexicon) forward = sverka_lexicon_new (ctx);
  g_autoptr (SverkaLexicon) other = sverka_lexicon_new (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("sverka-test-reversed.tsv",
                                      "# sverka-lexicon 1\n"
                                      "peace\tмир\n"
                                      "secretary general\tгенеральный секретарь\tterm\n");
  g_autofree char *compiled = g_build_filename (g_get_tmp_dir (), "sverka-test-reversed.lex", NULL);

  g_assert_true (sverka_lexicon_load_reversed (lex, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_lexicon_get_n_entries (lex), ==, 2);
  /* the same pairs, given the right way round, are already there */
  g_assert_true (sverka_lexicon_add (lex, "мир", "peace", &error));
  g_assert_true (sverka_lexicon_add (lex, "генеральный секретарь", "secretary general", &error));
  g_assert_cmpuint (sverka_lexicon_get_n_entries (lex), ==, 2);
  /* read forward, the same file is English on the Russian side: new pairs */
  g_assert_true (sverka_lexicon_load (forward, path, &error));
  g_assert_true (sverka_lexicon_add (forward, "мир", "peace", &error));
  g_assert_cmpuint (sverka_lexicon_get_n_entries (forward), ==, 3);

  g_assert_true (sverka_lexicon_compile (lex, compiled, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sverka_lexicon_load_reversed (other, compiled, &error));
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "cannot be read the other way round"));
  g_assert_cmpuint (sverka_lexicon_get_n_entries (other), ==, 0);
  g_remove (compiled);
  remove_temp (path);
}

static void
test_align_one_side_tiny (void)
{
  /* One sentence against many: parallel mode still places every sentence. */
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GString) many = g_string_new (NULL);
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (GError) error = NULL;
  SverkaAlignOptions opts;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (many, "Sentence number %u is here.\n", i);
  ru = analysed_as (ctx, "Одно предложение.", SVERKA_LANGUAGE_RU);
  en = analysed_as (ctx, many->str, SVERKA_LANGUAGE_EN);
  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_PARALLEL;
  al = sverka_align (NULL, ru, en, &opts, &error);
  g_assert_no_error (error);
  assert_parallel_complete (al, 1, 2000);
}

static void
test_tsv_escaping (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) ru = analysed_as (ctx, "Один\tдва.\n", SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = analysed_as (ctx, "One\ttwo.\n", SVERKA_LANGUAGE_EN);
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tsv = NULL;
  g_auto (GStrv) lines = NULL;

  al = sverka_align (NULL, ru, en, NULL, &error);
  g_assert_no_error (error);
  tsv = sverka_write_tsv (al, ru, en);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "Один два.\tOne two.\t"));
  g_assert_true (g_str_has_suffix (lines[1], "\t1\t1"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/align/numbers", test_numbers);
  g_test_add_func ("/align/skeletons", test_skeletons);
  g_test_add_func ("/align/lexicon-errors", test_lexicon_errors);
  g_test_add_func ("/align/parallel", test_align_parallel);
  g_test_add_func ("/align/without-spelling", test_align_without_spelling);
  g_test_add_func ("/align/verdict", test_verdict);
  g_test_add_func ("/align/filter", test_filter);
  g_test_add_func ("/align/long-sentence", test_align_long_sentence);
  g_test_add_func ("/align/restructured", test_align_restructured);
  g_test_add_func ("/align/comparable", test_align_comparable);
  g_test_add_func ("/align/comparable-transcript", test_align_comparable_transcript);
  g_test_add_func ("/align/comparable-english-report", test_align_comparable_english_report);
  g_test_add_func ("/align/explain-pairs", test_align_explain_pairs);
  g_test_add_func ("/align/lexicon-general", test_lexicon_general);
  g_test_add_func ("/align/lexicon-reversed", test_lexicon_reversed);
  g_test_add_func ("/align/one-side-tiny", test_align_one_side_tiny);
  g_test_add_func ("/align/tsv-escaping", test_tsv_escaping);
  return g_test_run ();
}
