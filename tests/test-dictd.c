/* test-dictd.c: importing a dictd dictionary (Mueller's, mueller7-dict) as a lexicon. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sverka-dictd-private.h"
#include "test-dictd-files.h"

/* Real articles, copied from /usr/share/dictd/mueller7.dict.dz (Debian package
 * mueller7-dict: V. K. Mueller's English-Russian Dictionary, GNU GPL). */
static const char article_airport[] =
  "airport\n"
  "   [↗eɜpɘ:t] _n. аэропорт\n";

static const char article_alliance[] =
  "alliance\n"
  "   [ɜ↗laɪɜns] _n.\n"
  "   1) союз; альянс; Holy A. _ист. Священный союз (1815 г.)\n"
  "   2) брачный союз\n"
  "   3) родство, общность\n"
  "   4) федерация, объединение\n";

static const char article_headquarters[] =
  "headquarters\n"
  "   [↗hɛd↗kwɘ:tɜz] _n. _pl. (употр. как _sg. и как _pl.)\n"
  "   1) _воен. штаб; штаб-квартира; орган управления войсками\n"
  "   2) главное управление, центр; центральный орган (какой-л. организации)\n"
  "   3) источник (сведений и т.п.)\n";

static const char article_peace[] =
  "peace\n"
  "   [pi:s] _n.\n"
  "   1) мир; peace of the world мир во всём мире; peace with honour почётный\n"
  "   мир; at peace with в мире с; to make peace\n"
  "      а) заключать мир;\n"
  "      б) мирить(ся); to make one's peace with smb. мириться с кемл.\n"
  "   2) спокойствие, тишина, общественный порядок (тж. the peace); peace of mind\n"
  "   спокойствие духа; peace! тише! замолчите!; to hold one's peace\n"
  "      а) молчать;\n"
  "      б) соблюдать спокойствие; in peace в покое; to keep the peace сохранять\n"
  "      мир; соблюдать порядок\n"
  "   3) мир, покой; may he rest in peace! мир праху его!\n"
  "   4) (обыкн. P.) мирный договор\n"
  "   5) _attr. мирный; peace treaty мирный договор; peace movement движение\n"
  "   сторонников мира; peace campaigner борец за мир, сторонник мира; peace\n"
  "   establishment _воен. штаты мирного времени; to be sworn of the peace\n"
  "   быть назначенным мировым судьёй; commission of the peace\n"
  "      а) патент на звание мирового судьи;\n"
  "      б) коллегия мировых судей\n";

static const char article_abandon[] =
  "abandon\n"
  "   [ɜ↗bændɜn]\n"
  "   1. _v.\n"
  "      1) покидать, оставлять\n"
  "      2) отказываться от\n"
  "      3) _refl. предаваться (страсти, отчаянию и т.п. - to); to abandon\n"
  "      oneself to the idea склоняться к мысли\n"
  "   2. _n. _книж. развязность, несдержанность\n";

static const char article_custom[] =
  "custom\n"
  "   [↗kʌstɜm]\n"
  "   1. _n.\n"
  "      1) обычай; привычка\n"
  "      2) клиентура; покупатели\n"
  "      3) заказы\n"
  "      4) _pl. таможенные пошлины\n"
  "      5) _attr. customs clearance таможенная очистка; customs duties\n"
  "      таможенные пошлины и сборы; customs policy таможенная полиция;\n"
  "      customs union таможенный союз\n"
  "   2. _a. _ам. изготовленный, сделанный на заказ; custom clothes платье,\n"
  "   сшитое на заказ\n";

static const char article_hopeful[] =
  "hopeful\n"
  "   [↗hɜʊpfʊl]\n"
  "   1. _a.\n"
  "      1) надеющийся; to feel hopeful надеяться\n"
  "      2) подающий надежды; многообещающий\n"
  "   2. _n. человек, подающий надежды; a young hopeful! _шутл. _ирон. далеко\n"
  "   пойдёт!\n";

static const char article_weekender[] =
  "weekender\n"
  "   [↗wi:k↗ɛndɜ] _n. уезжающий отдыхать на время с пятницы или субботы до\n"
  "понедельника\n";

static const char article_wiper[] =
  "wiper\n"
  "   [↗waɪpɜ] н\n"
  "   1) полотенце\n"
  "   2) тряпка для вытирания; приспособление для чистки\n"
  "   3) _разг. носовой платок\n"
  "   4) _авт. стеклоочиститель\n";

static const char article_abnormity[] =
  "abnormity\n"
  "   [æb↗nɘ:mɪtɪ] = abnormality\n";

static const char article_distraction[] =
  "distraction\n"
  "   [dɪs↗trækʃɜn] _n.\n"
  "   1) отвлечение внимания\n"
  "   2) то, что отвлекает внимание, развлекает; noise is a distraction when one\n"
  "   is working шум очень мешает, когда человек работает\n"
  "   3) развлечение\n"
  "   4) рассеянность\n"
  "   5) раздражение; сильное возбуждение, отчаяние\n"
  "   6) безумие; to love to distraction любить до безумия; to be driven to\n"
  "   distraction быть доведённым до безумия\n";

static const char article_security[] =
  "security\n"
  "   [sɪ↗kjʊɜrɪtɪ] _n.\n"
  "   1) безопасность; надёжность\n"
  "   2) уверенность\n"
  "   3) охрана, защита\n"
  "   4) обеспечение, гарантия; залог; in security for в залог; в качестве\n"
  "   гарантии\n"
  "   5) поручитель\n"
  "   6) поручительство, порука\n"
  "   7) органы безопасности\n"
  "   8) _pl. ценные бумаги\n"
  "   9) _attr. относящийся к охране, защите; security suspect обвиняемый в\n"
  "   подрывной деятельности; security officer офицер контрразведки; security\n"
  "   risk неблагонадёжный человек, подозрительная личность\n";

static const char article_argentine_cap[] =
  "Argentine\n"
  "   [↗ɑ:dʒɜntaɪn]\n"
  "   1. _a. аргентинский\n"
  "   2. _n. аргентинец; аргентинка\n";

static const char article_argentine[] =
  "argentine\n"
  "   [↗ɑ:dʒɜntaɪn] _a. серебряный; серебристый\n";

static const char article_boston[] =
  "Boston\n"
  "   [↗bɘstɜn] _n.\n"
  "   1) вальс-бостон\n"
  "   2) _карт. бостон\n";

static const char article_hullo[] =
  "hullo, hulloa\n"
  "   [↗hʌ↗lɜʊ] _interj. алло!\n";

static const char article_ok[] =
  "O.K.\n"
  "   [↗ɜʊ↗kɛɪ] _разг.\n"
  "   1. _n. одобрение\n"
  "   2. _a. _predic. всё в порядке; хорошо; правильно\n"
  "   3. _v. (_p. и _p-p. O. K.'d [d]) одобрять (устно или письменно)\n"
  "   4. _interj. хорошо!, ладно!, есть!, идёт!\n";

static const char article_aglet[] =
  "aglet\n"
  "   [↗æglɪt] = aiglet [↗æglɪt] _n.\n"
  "   1) аксельбант\n"
  "   2) металлический наконечник шнурка\n"
  "   3) _бот. серёжка (форма соцветия)\n";

static const char article_aiglet[] =
  "aiglet\n"
  "   [↗æglɪt] = aglet\n";

/* Asserts that @article gives exactly @expected (NULL-terminated), in order. */
static void
assert_translations (const char *headword, const char *article, const char *const *expected)
{
  g_auto (GStrv) got = sverka_dictd_parse_article (headword, article);
  g_autofree char *got_text = NULL;
  g_autofree char *expected_text = g_strjoinv (" | ", (GStrv) expected);

  g_assert_nonnull (got);
  got_text = g_strjoinv (" | ", got);
  if (strcmp (got_text, expected_text) != 0) /* g_assert_cmpstr would escape the Cyrillic */
    g_error ("%s: got '%s', expected '%s'", headword, got_text, expected_text);
}

static void
assert_lacks (const char *headword, const char *article, const char *junk)
{
  g_auto (GStrv) got = sverka_dictd_parse_article (headword, article);
  if (g_strv_contains ((const char *const *) got, junk))
    g_error ("%s: '%s' should have been dropped", headword, junk);
}

static void
test_article_plain (void)
{
  const char *const airport[] = { "аэропорт", NULL };
  /* "Holy A. _ист. Священный союз (1815 г.)" is an example */
  const char *const alliance[] = { "союз",     "альянс",    "брачный союз", "родство",
                                   "общность", "федерация", "объединение",  NULL };
  /* the marks "_n. _pl." and "_воен.", the comments in parentheses go */
  const char *const headquarters[] = { "штаб",
                                       "штаб-квартира",
                                       "орган управления войсками",
                                       "главное управление",
                                       "центр",
                                       "центральный орган",
                                       "источник",
                                       NULL };
  const char *const abandon[] = { "покидать",    "оставлять",     "отказываться от", "предаваться",
                                  "развязность", "несдержанность", NULL };

  assert_translations ("airport", article_airport, airport);
  assert_translations ("alliance", article_alliance, alliance);
  assert_translations ("headquarters", article_headquarters, headquarters);
  assert_translations ("abandon", article_abandon, abandon);
  assert_lacks ("alliance", article_alliance, "Священный союз");
  assert_lacks ("abandon", article_abandon, "склоняться к мысли");
}

static void
test_article_examples (void)
{
  /* The lettered sub-senses of "to make peace" and "to hold one's peace"
   * translate those phrases; "мир во всём мире" translates "peace of the
   * world"; "спокойствие духа" follows an example in its sense. */
  const char *const peace[] = { "мир",     "спокойствие",    "тишина", "общественный порядок",
                                "покой",   "мирный договор", "мирный", NULL };

  assert_translations ("peace", article_peace, peace);
  assert_lacks ("peace", article_peace, "заключать мир");
  assert_lacks ("peace", article_peace, "молчать");
  assert_lacks ("peace", article_peace, "мир во всем мире");
  assert_lacks ("peace", article_peace, "спокойствие духа");
  assert_lacks ("peace", article_peace, "патент на звание");
}

static void
test_article_limit (void)
{
  /* The first SVERKA_DICTD_MAX_TRANSLATIONS, ё written е; "в качестве
   * гарантии" translates "in security for". */
  const char *const security[] = { "безопасность", "надежность", "уверенность", "охрана",
                                   "защита",       "обеспечение", "гарантия",   "залог",
                                   NULL };
  const char *const custom[] = { "обычай",   "привычка",           "клиентура",    "покупатели",
                                 "заказы",   "таможенные пошлины", "изготовленный",
                                 "сделанный на заказ", NULL };

  g_assert_cmpint (SVERKA_DICTD_MAX_TRANSLATIONS, ==, 8);
  assert_translations ("security", article_security, security);
  assert_translations ("custom", article_custom, custom);
}

static void
test_article_definitions (void)
{
  /* "человек, подающий надежды" and "то, что отвлекает внимание, развлекает"
   * are definitions, not lists of synonyms. */
  const char *const hopeful[] = { "надеющийся", "подающий надежды", "многообещающий", NULL };
  const char *const distraction[] = { "отвлечение внимания", "развлечение", "рассеянность",
                                      "раздражение",         "сильное возбуждение",
                                      "отчаяние",            "безумие",     NULL };

  assert_translations ("hopeful", article_hopeful, hopeful);
  assert_lacks ("hopeful", article_hopeful, "человек");
  assert_translations ("distraction", article_distraction, distraction);
  assert_lacks ("distraction", article_distraction, "то");
}

static void
test_article_nothing (void)
{
  const char *const none[] = { NULL };
  /* the stray "н" after the transcription is a damaged mark */
  const char *const wiper[] = { "полотенце", "тряпка для вытирания", "приспособление для чистки",
                                "носовой платок", "стеклоочиститель", NULL };
  /* "всё в порядке" is 3 words; "одобрять (устно или письменно)" drops its comment */
  const char *const ok[] = { "одобрение", "все в порядке", "хорошо", "правильно",
                             "одобрять",  "ладно",         "есть",   "идет",      NULL };

  assert_translations ("abnormity", article_abnormity, none); /* a cross-reference */
  assert_translations ("weekender", article_weekender, none); /* a long description */
  assert_translations ("wiper", article_wiper, wiper);
  assert_translations ("o.k.", article_ok, ok);
  assert_translations ("x", "", none);
  assert_translations ("x", "x\n   _n. \xFF\xFE\n", none); /* not UTF-8 */
}

static void
test_article_body_only (void)
{
  /* Without its headword line the article gives the same. */
  const char *body = strchr (article_alliance, '\n') + 1;
  g_auto (GStrv) with = sverka_dictd_parse_article ("alliance", article_alliance);
  g_auto (GStrv) without = sverka_dictd_parse_article ("alliance", body);

  g_assert_true (g_strv_equal ((const char *const *) with, (const char *const *) without));
}

/* ---- import ---- */

static const TestDictdEntry fixture[] = {
  { "00-database-short", "00-database-short\n     Tiny Test Dictionary\n" },
  { "00-database-url", "http://example.org/tiny\n" },
  { "airport", article_airport },
  { "alliance", article_alliance },
  { "argentine", article_argentine_cap },
  { "argentine", article_argentine },
  { "boston", article_boston },
  { "boston", article_boston },
  { "hullo, hulloa", article_hullo },
  { "o.k.", article_ok },
  { "abnormity", article_abnormity }, /* "= abnormality", not in the fixture */
  { "aglet", article_aglet },
  { "aiglet", article_aiglet }, /* "= aglet": takes aglet's translations */
  { "weekender", article_weekender },
};

/* The pairs the fixture gives, sorted bytewise, without duplicates, each tagged general. */
static const char expected_pairs[] =
  "аксельбант\taglet\tgeneral\n"
  "аксельбант\taiglet\tgeneral\n"
  "алло\thullo\tgeneral\n"
  "алло\thulloa\tgeneral\n"
  "альянс\talliance\tgeneral\n"
  "аргентинец\tArgentine\tgeneral\n"
  "аргентинка\tArgentine\tgeneral\n"
  "аргентинский\tArgentine\tgeneral\n"
  "аэропорт\tairport\tgeneral\n"
  "бостон\tBoston\tgeneral\n"
  "брачный союз\talliance\tgeneral\n"
  "вальс-бостон\tBoston\tgeneral\n"
  "металлический наконечник шнурка\taglet\tgeneral\n"
  "металлический наконечник шнурка\taiglet\tgeneral\n"
  "общность\talliance\tgeneral\n"
  "объединение\talliance\tgeneral\n"
  "родство\talliance\tgeneral\n"
  "серебристый\targentine\tgeneral\n"
  "серебряный\targentine\tgeneral\n"
  "сережка\taglet\tgeneral\n"
  "сережка\taiglet\tgeneral\n"
  "союз\talliance\tgeneral\n"
  "федерация\talliance\tgeneral\n";

/* Writes the fixture as DIR/tiny.index and DIR/tiny.dict (or tiny.dict.dz). */
static char *
write_fixture (gboolean compressed)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("sverka-dictd-XXXXXX", &error);

  g_assert_no_error (error);
  test_dictd_write (dir, "tiny", fixture, G_N_ELEMENTS (fixture), TRUE, compressed);
  return dir;
}

static void
check_import (gboolean compressed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = write_fixture (compressed);
  g_autofree char *index_path = g_build_filename (dir, "tiny.index", NULL);
  g_autofree char *pairs = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  SverkaDictdStats stats;

  text = sverka_dictd_import (index_path, &stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "# sverka-lexicon 1\n"));
  g_assert_nonnull (strstr (text, compressed ? "tiny.index + tiny.dict.dz" : "tiny.index + tiny.dict "));
  g_assert_nonnull (strstr (text, "(Tiny Test Dictionary)"));
  g_assert_nonnull (strstr (text, "# Source: http://example.org/tiny\n"));
  g_assert_null (strstr (text, "mueller7-dict")); /* named only for mueller7.index */
  pairs = test_dictd_pairs_of (text);
  g_assert_cmpstr (pairs, ==, expected_pairs);

  g_assert_cmpuint (stats.headwords, ==, G_N_ELEMENTS (fixture));
  /* airport, alliance, 2 argentine, 2 boston, hullo, aglet, aiglet */
  g_assert_cmpuint (stats.entries_used, ==, 9);
  g_assert_cmpuint (stats.pairs, ==, 23);
  g_assert_cmpuint (stats.skipped, ==, 5); /* 2 00-database-*, o.k., abnormity, weekender */

  /* Deterministic: the same files give the same bytes. */
  again = sverka_dictd_import (index_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
  test_dictd_remove_dir (dir);
}

static void
test_import_plain (void)
{
  check_import (FALSE);
}

static void
test_import_dictzip (void)
{
  check_import (TRUE);
}

static void
test_import_prefers_dict (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = write_fixture (FALSE);
  g_autofree char *index_path = g_build_filename (dir, "tiny.index", NULL);
  g_autofree char *text = NULL;

  test_dictd_write_file (dir, "tiny.dict.dz", "not gzip", 8); /* ignored: tiny.dict exists */
  text = sverka_dictd_import (index_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "tiny.index + tiny.dict "));
  test_dictd_remove_dir (dir);
}

/* Imports DIR/tiny.index written as @index_text next to the fixture's data,
 * and asserts the error @code with @fragment (after "PATH") in its message. */
static void
assert_import_error (const char *index_text, gboolean compressed, gint code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = write_fixture (compressed);
  g_autofree char *index_path = g_build_filename (dir, "tiny.index", NULL);
  g_autofree char *expected = g_strconcat (index_path, fragment, NULL);
  g_autofree char *text = NULL;

  if (index_text != NULL)
    test_dictd_write_file (dir, "tiny.index", index_text, strlen (index_text));
  text = sverka_dictd_import (index_path, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, expected);
  test_dictd_remove_dir (dir);
}

static void
test_import_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *dz = NULL;
  char *text;

  /* a missing index */
  text = sverka_dictd_import ("/nonexistent/sverka/mueller7.index", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/sverka/mueller7.index"));
  g_clear_error (&error);

  /* not an index */
  text = sverka_dictd_import ("/usr/share/dictd/mueller7.dict.dz", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* a missing data file */
  dir = g_dir_make_tmp ("sverka-dictd-XXXXXX", &error);
  g_assert_no_error (error);
  test_dictd_write_file (dir, "tiny.index", "airport\tA\tB\n", 12);
  index_path = g_build_filename (dir, "tiny.index", NULL);
  text = sverka_dictd_import (index_path, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "tiny.dict.dz"));
  g_clear_error (&error);

  /* a damaged .dict.dz */
  test_dictd_write_file (dir, "tiny.dict.dz", "not gzip at all", 15);
  dz = g_build_filename (dir, "tiny.dict.dz", NULL);
  text = sverka_dictd_import (index_path, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  g_assert_nonnull (strstr (error->message, dz));
  g_clear_error (&error);

  /* a truncated .dict.dz */
  {
    const char *article = article_airport;
    g_autoptr (GBytes) gz = test_dictd_gzip (article, strlen (article));
    gsize len;
    const char *bytes = g_bytes_get_data (gz, &len);
    test_dictd_write_file (dir, "tiny.dict.dz", bytes, len / 2);
  }
  text = sverka_dictd_import (index_path, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  g_assert_nonnull (strstr (error->message, dz));
  g_clear_error (&error);
  test_dictd_remove_dir (dir);

  /* malformed index lines, reported as FILE:LINE */
  assert_import_error ("airport\tA\tu\nalliance\tB\n", FALSE, SVERKA_ERROR_DICTIONARY,
                       ":2: expected 3 tab-separated fields (headword, offset, length), found 2");
  assert_import_error ("airport\tA\tu\n\talliance\tB\tC\n", TRUE, SVERKA_ERROR_DICTIONARY,
                       ":2: expected 3 tab-separated fields");
  assert_import_error ("airport\tA\tu\nalliance\tB*\tC\n", FALSE, SVERKA_ERROR_DICTIONARY,
                       ":2: expected the offset and length in dictd base64");
  assert_import_error ("airport\tA\tu\n\talliance\tB\n", FALSE, SVERKA_ERROR_DICTIONARY, ":2:");
  assert_import_error ("airport\tA\tu\n\tB\tC\n", FALSE, SVERKA_ERROR_DICTIONARY,
                       ":2: empty headword");
  assert_import_error ("airport\tA\tu\nalliance\tZZZZ\tC\n", FALSE, SVERKA_ERROR_DICTIONARY,
                       ":2: the article of 'alliance' (offset 6657625, length 2) lies past the end");
  assert_import_error ("airport\tA\tu\nalli\xE9nce\tB\tC\n", FALSE, SVERKA_ERROR_DICTIONARY,
                       ":2: not UTF-8 text");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dictd/article/plain", test_article_plain);
  g_test_add_func ("/dictd/article/examples", test_article_examples);
  g_test_add_func ("/dictd/article/limit", test_article_limit);
  g_test_add_func ("/dictd/article/definitions", test_article_definitions);
  g_test_add_func ("/dictd/article/nothing", test_article_nothing);
  g_test_add_func ("/dictd/article/body-only", test_article_body_only);
  g_test_add_func ("/dictd/import/plain", test_import_plain);
  g_test_add_func ("/dictd/import/dictzip", test_import_dictzip);
  g_test_add_func ("/dictd/import/prefers-dict", test_import_prefers_dict);
  g_test_add_func ("/dictd/import/errors", test_import_errors);
  return g_test_run ();
}
