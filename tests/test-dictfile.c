/* test-dictfile.c: dictionary files and their FILE:LINE errors. */
#include <glib/gstdio.h>

#include "sverka-context-private.h"
#include "test-common.h"

static const char *const pack_files[] = { "language.tsv", "stopwords.txt",
                                          "segment-exceptions.tsv", "numbers.tsv",
                                          "lemmas.tsv", "months.tsv", "times.tsv",
                                          "weekdays.tsv" };
static const char *const pack_codes[] = { "ru", "en" };

/* A copy of the ru and en packs, whose English stop words are @stop_en
 * (NULL: as they are). */
static char *
write_dict_dir (const char *stop_en)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("sverka-dict-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (pack_codes); c++) {
    g_autofree char *sub = g_build_filename (dir, pack_codes[c], NULL);
    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (pack_files); i++) {
      g_autofree char *src = g_build_filename (test_srcdir (), "dictionaries", pack_codes[c],
                                               pack_files[i], NULL);
      g_autofree char *dst = g_build_filename (sub, pack_files[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (dst, contents, (gssize) len, NULL));
    }
  }
  if (stop_en != NULL) {
    g_autofree char *dst = g_build_filename (dir, "en", "stopwords.txt", NULL);
    g_assert_true (g_file_set_contents (dst, stop_en, -1, NULL));
  }
  return dir;
}

static void
remove_dir (const char *dir)
{
  for (guint c = 0; c < G_N_ELEMENTS (pack_codes); c++) {
    g_autofree char *sub = g_build_filename (dir, pack_codes[c], NULL);
    for (guint i = 0; i < G_N_ELEMENTS (pack_files); i++) {
      g_autofree char *p = g_build_filename (sub, pack_files[i], NULL);
      g_remove (p);
    }
    g_rmdir (sub);
  }
  g_rmdir (dir);
}

static void
assert_context_error (const char *stop_en, const char *fragment)
{
  g_autofree char *dir = write_dict_dir (stop_en);
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
  remove_dir (dir);
}

static void
test_errors (void)
{
  assert_context_error ("the\nand\n", "en/stopwords.txt:1: expected the format line "
                                      "'# sverka-stopwords 1', found 'the'");
  assert_context_error ("# sverka-stopwords 2\nthe\n", "en/stopwords.txt:1: unsupported version");
  assert_context_error ("# sverka-stopwords 1\nthe\nand\tor\n",
                        "en/stopwords.txt:3: expected 1 tab-separated field, found 2");
  assert_context_error ("# sverka-stopwords 1\n\xFF\n", "en/stopwords.txt:2: not UTF-8");
  assert_context_error ("", "en/stopwords.txt:1: expected the format line");
}

/* The English pack's data file @file with @contents beside good copies of
 * the other files. */
static void
assert_file_error (const char *file, const char *contents, const char *fragment)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  dir = write_dict_dir (NULL);
  path = g_build_filename (dir, "en", file, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
  remove_dir (dir);
}

static void
test_lemma_errors (void)
{
  assert_file_error ("lemmas.tsv", "# sverka-lemmas 1\nwent\tgo\ngo\tgo\n",
                     "en/lemmas.tsv:3: the form 'go' is its own lemma; remove the line");
  assert_file_error ("lemmas.tsv", "# sverka-lemmas 1\nwent\n",
                     "en/lemmas.tsv:2: expected 2 tab-separated");
  assert_file_error ("lemmas.tsv", "went\tgo\n", "en/lemmas.tsv:1: expected the format line");
}

static void
test_month_errors (void)
{
  assert_file_error ("months.tsv", "# sverka-months 1\njanuary\t1\nfoo\t13\n",
                     "en/months.tsv:3: expected a month from 1 to 12 in field 2, found '13'");
  assert_file_error ("months.tsv", "# sverka-months 1\nmay\tfive\n",
                     "en/months.tsv:2: expected a month from 1 to 12 in field 2, found 'five'");
  assert_file_error ("months.tsv", "# sverka-months 1\nm*\t5\n",
                     "en/months.tsv:2: expected a month word of two letters or more, found 'm*'");
  assert_file_error ("months.tsv", "january\t1\n", "en/months.tsv:1: expected the format line");
}

static void
test_time_errors (void)
{
#define RULES "clock\t24\nneeds-before\tyes\nbare-minutes\tno\n"
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "clock\t12\n",
                     "en/times.tsv:5: clock given twice");
  assert_file_error ("times.tsv", "# sverka-times 1\nclock\t13\n",
                     "en/times.tsv:2: clock takes one field, 12 or 24, found '13'");
  assert_file_error ("times.tsv", "# sverka-times 1\nneeds-before\tmaybe\n",
                     "en/times.tsv:2: needs-before takes one field, yes or no, found 'maybe'");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "hours\tuhr\n",
                     "en/times.tsv:5: unknown kind 'hours'");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "part\tpm\n",
                     "en/times.tsv:5: a part line has 3 fields, found 2");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "part\tpm\tevening\n",
                     "en/times.tsv:5: expected am, pm or night in field 3, found 'evening'");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "word\tnoon\t12:60\n",
                     "en/times.tsv:5: expected a time HH:MM in field 3, found '12:60'");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "hour\tUhr\n",
                     "en/times.tsv:5: expected a phrase in lower case, found 'Uhr'");
  assert_file_error ("times.tsv", "# sverka-times 1\n" RULES "before\tat 10\n",
                     "en/times.tsv:5: a before is one word of letters, found 'at 10'");
  assert_file_error ("times.tsv", "# sverka-times 1\nclock\t24\nneeds-before\tno\n",
                     "en/times.tsv: no bare-minutes line");
#undef RULES
}

static void
test_weekday_errors (void)
{
  assert_file_error ("weekdays.tsv", "# sverka-weekdays 1\nname\tmonday\t1\n",
                     "en/weekdays.tsv: no abbreviations-capitalised line");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tyes\nname\tmonday\t8\n",
                     "en/weekdays.tsv:3: expected a day from 1 (Monday) to 7 (Sunday) in field 3, "
                     "found '8'");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tyes\nname\tmonday\t1\n"
                     "abbreviation\tmonday\t1\n",
                     "en/weekdays.tsv:4: 'monday' is listed twice");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tyes\nname\tMonday\t1\n",
                     "en/weekdays.tsv:3: expected a word in lower case, found 'Monday'");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tyes\nguard\ton\t1\n",
                     "en/weekdays.tsv:3: a guard line has 2 fields, found 3");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tyes\nday\tmonday\t1\n",
                     "en/weekdays.tsv:3: unknown kind 'day'");
  assert_file_error ("weekdays.tsv",
                     "# sverka-weekdays 1\nabbreviations-capitalised\tmaybe\n",
                     "en/weekdays.tsv:2: abbreviations-capitalised takes one field, yes or no");
}

/* The packs' weekdays: forms whole, with their kinds. */
static void
test_weekdays (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ru = g_build_filename (test_srcdir (), "dictionaries", "ru", "weekdays.tsv",
                                          NULL);
  g_autoptr (SverkaWeekdays) w = sverka_weekdays_load (ru, &error);
  SverkaWeekdayKind kind = 0;

  g_assert_no_error (error);
  g_assert_false (w->abbreviations_capitalised);
  g_assert_cmpuint (sverka_weekdays_lookup (w, "понедельника", &kind), ==, 1);
  g_assert_cmpint (kind, ==, SVERKA_WEEKDAY_NAME);
  g_assert_cmpuint (sverka_weekdays_lookup (w, "понедельничный", &kind), ==, 0);
  g_assert_cmpuint (sverka_weekdays_lookup (w, "среду", &kind), ==, 3);
  g_assert_cmpint (kind, ==, SVERKA_WEEKDAY_GUARDED);
  g_assert_cmpuint (sverka_weekdays_lookup (w, "среде", &kind), ==, 3);
  g_assert_cmpint (kind, ==, SVERKA_WEEKDAY_NUMBER_ONLY);
  g_assert_cmpuint (sverka_weekdays_lookup (w, "вс", &kind), ==, 7);
  g_assert_cmpint (kind, ==, SVERKA_WEEKDAY_ABBREVIATION);
  g_assert_true (sverka_weekdays_in (w->guards, "по"));
  g_assert_true (sverka_weekdays_in (w->not_followed_by, "обитания"));
}

/* The packs' times: phrases matched in any case, never running on into a
 * letter, longest first; a beginning runs on to the word's end. */
static void
test_times (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ru = g_build_filename (test_srcdir (), "dictionaries", "ru", "times.tsv", NULL);
  g_autofree char *fr = g_build_filename (test_srcdir (), "dictionaries", "fr", "times.tsv", NULL);
  g_autoptr (SverkaTimeWords) r = sverka_time_words_load (ru, &error);
  g_autoptr (SverkaTimeWords) f = NULL;
  const SverkaTimePhrase *ph;
  const char *after;
  const char *text;

  g_assert_no_error (error);
  f = sverka_time_words_load (fr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->clock, ==, 24);
  g_assert_true (r->needs_before);
  g_assert_false (r->bare_minutes);
  g_assert_true (f->bare_minutes);
  text = "Ч. 30 мин";
  ph = sverka_time_words_match (r->hours, text, text + strlen (text), &after);
  g_assert_nonnull (ph);
  g_assert_cmpstr (ph->phrase, ==, "ч.");
  g_assert_cmpstr (after, ==, " 30 мин");
  text = "часовой";
  g_assert_null (sverka_time_words_match (r->hours, text, text + strlen (text), &after));
  text = "минуты.";
  ph = sverka_time_words_match (r->minutes, text, text + strlen (text), &after);
  g_assert_nonnull (ph);
  g_assert_true (ph->start);
  g_assert_cmpstr (after, ==, ".");
  text = "du Soir";
  ph = sverka_time_words_match (f->parts, text, text + strlen (text), &after);
  g_assert_nonnull (ph);
  g_assert_cmpuint (ph->value, ==, SVERKA_TIME_PART_PM);
  g_assert_cmpstr (after, ==, "");
  text = "h30";
  ph = sverka_time_words_match (f->hours, text, text + strlen (text), &after);
  g_assert_nonnull (ph);
  g_assert_cmpstr (after, ==, "30");
  g_assert_nonnull (sverka_time_words_find (r->before, "около"));
  ph = sverka_time_words_find (f->words, "minuit");
  g_assert_nonnull (ph);
  g_assert_cmpuint (ph->value, ==, 0);
}

/* Month words of both packs, words and beginnings, as the checks ask. */
static void
test_months (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  SverkaContextOptions opts;
  g_autoptr (SverkaContext) ctx = NULL;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dict;
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "декабря"), ==, 12);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "декабрьский"), ==, 12);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "мая"), ==, 5);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "маяк"), ==, 0);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "sept"), ==, 9);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "may"), ==, 5);
  /* English months are listed whole: no "market" for March, "Jana" for
   * January or "decades" for December */
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "market"), ==, 0);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "jana"), ==, 0);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "decades"), ==, 0);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, ""), ==, 0);
  g_clear_pointer (&ctx, sverka_context_unref);
  opts.first_language = "de";
  opts.second_language = "fr";
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "märz"), ==, 3);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "jänner"), ==, 1);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "août"), ==, 8);
  g_assert_cmpuint (sverka_context_month_of_word (ctx, "декабря"), ==, 0);
}

/* The ru and en packs with the English pack's language.tsv @desc: NULL
 * if the context opens, else its error. */
static GError *
context_error_with_desc (const char *desc, const char *first, const char *second)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  dir = write_dict_dir (NULL);
  path = g_build_filename (dir, "en", "language.tsv", NULL);
  if (desc != NULL)
    g_assert_true (g_file_set_contents (path, desc, -1, NULL));
  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  opts.first_language = first;
  opts.second_language = second;
  ctx = sverka_context_new (&opts, &error);
  if (ctx != NULL) {
    g_assert_cmpstr (sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST), ==,
                     first != NULL ? first : "ru");
    g_assert_cmpstr (sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_SECOND), ==,
                     second != NULL ? second : "en");
    sverka_context_unref (ctx);
  }
  remove_dir (dir);
  return error;
}

static void
assert_pack_error (const char *desc, const char *first, const char *second, gint code,
                   const char *fragment)
{
  g_autoptr (GError) error = context_error_with_desc (desc, first, second);
  g_assert_error (error, SVERKA_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
}

#define EN_PACK                                                                          \
  "# sverka-language 1\ncode\ten\nname\tEnglish\nscript\tLatin\nlocale\ten\n"        \
  "stemmer\tenglish\nhunspell\ten_US\thunspell-en-us\ntransliteration\tLatin-ASCII\n" \
  "decimal-comma\tno\ninflected-numbers\tno\n"

static void
test_language_packs (void)
{
  g_autoptr (GError) ok = NULL;

  /* the packs as they are, in either order, and a pack that lists fewer files */
  ok = context_error_with_desc (NULL, NULL, NULL);
  g_assert_no_error (ok);
  ok = context_error_with_desc (NULL, "en", "ru");
  g_assert_no_error (ok);
  ok = context_error_with_desc (EN_PACK "files\tstopwords\n", NULL, NULL);
  g_assert_no_error (ok);

  assert_pack_error (NULL, "ru", "ru", SVERKA_ERROR_INVALID_ARGUMENT, "both 'ru'");
  assert_pack_error (NULL, "ru", "../en", SVERKA_ERROR_INVALID_ARGUMENT,
                     "'../en' is not a language code");
  assert_pack_error (NULL, "ru", "xx", SVERKA_ERROR_DICTIONARY,
                     "no language pack for 'xx'");
  assert_pack_error (NULL, "ru", "xx", SVERKA_ERROR_DICTIONARY, "(the packs in");
  assert_pack_error (NULL, "ru", "xx", SVERKA_ERROR_DICTIONARY, ": en, ru)");
  assert_pack_error (EN_PACK "files\tstopwords\nfiles\tlemmas\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY, "en/language.tsv:12: 'files' given twice");
  assert_pack_error (EN_PACK, NULL, NULL, SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv: 'files' is missing");
  assert_pack_error (EN_PACK "files\tstopwords wordlist\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY, "en/language.tsv:11: unknown file 'wordlist'");
  assert_pack_error (EN_PACK "files\tstopwords\ncolour\tblue\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY, "en/language.tsv:12: unknown key 'colour'");
  assert_pack_error ("# sverka-language 1\ncode\tde\n", NULL, NULL, SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: the pack says its code is 'de', but its folder is 'en'");
  assert_pack_error ("# sverka-language 1\nscript\tGreek\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: script 'Greek' is not one sverka reads");
  assert_pack_error ("# sverka-language 1\nhunspell\ten_US\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: hunspell takes a dictionary name and its Debian package");
  assert_pack_error ("# sverka-language 1\ndecimal-comma\tmaybe\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: decimal-comma is yes or no, found 'maybe'");
  assert_pack_error ("# sverka-language 2\n", NULL, NULL, SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:1: unsupported version");
  assert_pack_error ("# sverka-language 1\nordinal-suffixes\te Er\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: an ordinal suffix is lower-case letters, found 'Er'");
  assert_pack_error ("# sverka-language 1\npronouns\the Him\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: a pronoun is lower-case letters, found 'Him'");
  assert_pack_error ("# sverka-language 1\ncapitalised-nouns\tsometimes\n", NULL, NULL,
                     SVERKA_ERROR_DICTIONARY,
                     "en/language.tsv:2: capitalised-nouns is yes or no, found 'sometimes'");
}

/* A pack listing a file it does not hold. */
static void
test_language_pack_missing_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *numbers = NULL;
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  dir = write_dict_dir (NULL);
  numbers = g_build_filename (dir, "en", "numbers.tsv", NULL);
  g_remove (numbers);
  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  if (strstr (error->message, "the pack lists numbers, but") == NULL)
    g_error ("unexpected message '%s'", error->message);
  remove_dir (dir);
}

static void
test_missing_dir (void)
{
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = "/nonexistent/dictionaries";
  ctx = sverka_context_new (&opts, &error);
  g_assert_null (ctx);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
}

static void
test_comments_and_crlf (void)
{
  g_autofree char *dir = write_dict_dir ("# sverka-stopwords 1\r\n# a comment\r\n\r\nthe\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  SverkaContextOptions opts;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dir;
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctx);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dictfile/errors", test_errors);
  g_test_add_func ("/dictfile/lemma-errors", test_lemma_errors);
  g_test_add_func ("/dictfile/month-errors", test_month_errors);
  g_test_add_func ("/dictfile/months", test_months);
  g_test_add_func ("/dictfile/time-errors", test_time_errors);
  g_test_add_func ("/dictfile/times", test_times);
  g_test_add_func ("/dictfile/weekday-errors", test_weekday_errors);
  g_test_add_func ("/dictfile/weekdays", test_weekdays);
  g_test_add_func ("/dictfile/missing-dir", test_missing_dir);
  g_test_add_func ("/dictfile/language-packs", test_language_packs);
  g_test_add_func ("/dictfile/language-pack-missing-file", test_language_pack_missing_file);
  g_test_add_func ("/dictfile/comments-and-crlf", test_comments_and_crlf);
  return g_test_run ();
}
