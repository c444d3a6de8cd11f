/* test-freedict.c: importing FreeDict dictionaries (dictd format) as a lexicon. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-freedict-private.h"
#include "test-dictd-files.h"

/* Real articles, copied from /usr/share/dictd/freedict-deu-fra.dict.dz and
 * freedict-fra-deu.dict.dz (Debian packages dict-freedict-deu-fra and
 * dict-freedict-fra-deu: FreeDict+WikDict German-French and French-German,
 * edition 2022.11.18, by Karl Bartel, from Wiktionary via DBnary; Creative
 * Commons Attribution-ShareAlike 3.0 Unported). */

/* one sense: translations, then the gloss */
static const char article_niedergeschlagen[] =
  "niedergeschlagen /ˈniːdɐɡəˌʃlaːɡn̩/ /ˈniːdɐɡəˌʃlaːɡŋ̩/ <adj>\n"
  "abattu, effondré\n"
  "durch Fehlschläge oder Enttäuschungen deprimiert, entmutigt\n";

/* numbered senses; the glosses of sense 1 numbered at its end and on a line */
static const char article_abend[] =
  "Abend /ˈaːbm̩t/ /ˈaːbn̩t/ <n, masc>\n"
  "1. soir 2.\n"
  "die Tageszeit nach dem Nachmittag, die beginnt, wenn die Sonne den Horizont erreicht, und "
  "bei völliger Dunkelheit endet; dem Abend geht der Tag voran und auf den Abend folgt die "
  "Nacht\n"
  " 3.\n"
  "Abschluss, Ende, Schluss (für Leben, Epochen, langandauernde Herrschaften und Ähnlichem)\n"
  "2. couchant, occident, ouest\n"
  "die Himmelsrichtung Westen\n"
  "3. soirée, soir\n"
  "Abendveranstaltung; Abend mit heiterem, vielgestaltigem Programm; Abendempfang\n";

static const char article_abfahren[] =
  "abfahren /ˈapˌfaːʁən/ <v>\n"
  "1. partir\n"
  "sich (fahrend, im Fahrzeug) von einem Ort wegbegeben\n"
  "2. transporter\n"
  "etwas von einem Ort (fahrend, mit einem Fahrzeug) an einen anderen Ort bringen\n"
  "3. conduire 2.\n"
  "etwas (fahrend, bei der Fahrt, mit einem Fahrzeug) abtrennen\n"
  " 3.\n"
  "eine bestimmte Strecke entlangfahren\n";

/* an odd one: "Meteorologie:" is a gloss, " 3." a gloss's number */
static const char article_abwind[] =
  "Abwind /ˈapvɪnt/ <n, masc>\n"
  "1. courant descendant, courant rabattant, vent descendant 2.\n"
  "Meteorologie:\n"
  " 3.\n"
  "Luftfahrt: durch Flugzeuge oder Hubschrauber bei Start und Landung erzeugte, abwärts "
  "gerichtete Luftströmung\n"
  "2. décadence, déclin\n"
  "übertragen: im Abwind → im Abstieg, Niedergang oder Verfall\n";

/* one sense whose glosses are numbered: " 2." ends the translations' line */
static const char article_a_dur[] =
  "A-Dur /ˈaːˈduːɐ̯/ /ˈaːˌduːɐ̯/ <n, neut>\n"
  "la majeur 2.\n"
  "meist ohne Artikel, Musik: eine Tonart des Tongeschlechts Dur\n"
  " 3.\n"
  "der Grundakkord dieser Tonart\n";

static const char article_er_suffix[] =
  "er /ɐ/ <suffix, masc>\n"
  "1. ien, ois 2.\n"
  "Wortbildungselement maskuliner Substantive mit der Bedeutung der Zugehörigkeit, des "
  "Bewohnens nach dem Muster „Ort“ + „er“\n"
  " 3.\n"
  "Wortbildungselement für Adjektive mit der Bedeutung der Zugehörigkeit oder Art und Weise "
  "einer Region nach dem Muster „Ort“ + „er“\n"
  "2. eur, lus\n"
  "Wortbildungselement maskuliner Substantive mit der Bedeutung des Ausübens einer Tätigkeit, "
  "eines Berufes nach dem Muster „Verbstamm“ + „er“\n";

static const char article_er[] =
  "Er /eːɐ̯/ <n, masc>\n"
  "masculin, mâle\n"
  "eine männliche Person, ein männliches Tier, ein männlicher Gegenstand oder ein männliches "
  "Abstraktum\n";

/* a digit; 5 words */
static const char article_allradantrieb[] =
  "Allradantrieb /ˈalʁaːtˌʔantʁiːp/ <n, masc>\n"
  "4x4, transmission intégrale\n"
  "Funktionsweise beziehungsweise Art eines Antriebs (bezieht sich normalerweise auf "
  "Automobile), bei der alle (meist vier) Räder aktiv den Wagen fortbewegen\n";

static const char article_alltagssprache[] =
  "Alltagssprache /ˈaltaːksˌʃpʁaːxə/ <n, fem>\n"
  "langage courant, langage de tous les jours, langage quotidien, langue commune, langue "
  "courante, langue de tous les jours\n"
  "zwischen Standard- und Umgangssprache stehende Sprachform, die für alltägliche Zwecke "
  "verwendet wird\n";

static const char article_bank[] =
  "Bank /baŋk/ <n, fem>\n"
  "1. banc, banque\n"
  "Sitz- oder Ablagegelegenheit für mehrere Personen oder Dinge nebeneinander\n"
  "2. banque, banc\n"
  "Geldinstitut für Finanzdienstleistungen\n";

/* no gloss; two spaces inside */
static const char article_geldschein[] =
  "Geldschein /ˈɡɛltˌʃaɪ̯n/ <n, masc>\n"
  "billet de  banque\n";

/* a headword that is not a plain word */
static const char article_flasche[] =
  "0,2-Liter-Flasche /nʊlkɔmat͡svaɪ̯ˈliːtɐˌflaʃə/ <n, fem>\n"
  "bouteille de 20 centilitres\n"
  "Flasche, in die 200 Milliliter eines flüssigen Stoffes gefüllt werden können\n";

/* indexed under "": dictfmt keeps letters and digits it knows */
static const char article_eszett[] =
  "ẞ /ˈɛstsɛt/ <letter, neut>\n"
  "ẞ\n"
  "Großbuchstabe des ß, der am 23. Juni 2008 in Unicode aufgenommen wurde und seit dem 29. "
  "Juni 2017 Bestandteil der offiziellen Orthographie ist\n";

/* French-German */

/* the glosses "Soirée", "Long siège", "Commerce" would pass as words */
static const char article_soir[] =
  "soir /swaʁ/ <n, masc>\n"
  "Abend\n"
  "Soirée\n";

static const char article_soiree[] =
  "soirée /swa.ʁe/ <n, fem>\n"
  "1. Abend\n"
  "espace de temps\n"
  "2. Party, Soiree\n"
  "fête\n";

static const char article_banc[] =
  "banc /bɑ̃/ <n, masc>\n"
  "Bank, Sitzbank\n"
  "Long siège\n";

static const char article_banque[] =
  "banque /bɑ̃k/ <n, fem>\n"
  "Bank\n"
  "Commerce\n";

/* soft hyphens */
static const char article_abattu[] =
  "abattu /a.ba.ty/ <adj, masc>\n"
  "1. nie\u00adder\u00adge\u00adschla\u00adgen, erschlagen\n"
  "2. abgeschrägt\n"
  "Un angle dont l'arête a été adoucie\n";

/* a no-break space */
static const char article_arsouiller[] =
  "arsouiller /aʁ.su.je/ <v>\n"
  "beschimpfen, randalieren, sich\u00a0besaufen\n";

static const char article_se_vendre[] =
  "se vendre /sə vɑ̃dʁ/ <v>\n"
  "1. sich bestechen lassen, sich verkaufen\n"
  "fournir un de ses services contre de l’argent\n"
  "2. sich  prostituieren\n"
  "se prostituer\n"
  "3. verraten\n"
  "trahir pour un autre camp\n"
  "4. verkauft werden\n"
  "être acheté\n";

/* not numbered: there is no sense 2 */
static const char article_premiere_classe[] =
  "1re classe /pʁə.mjɛʁ klɑs/ <n, fem>\n"
  "1. Klasse\n";

/* Asserts that @article (from @source into @target) gives exactly
 * @expected (NULL-terminated), in order, and the headword @headword (NULL:
 * none). */
static void
assert_article (const char *article, const char *source, const char *target,
                const char *headword, const char *const *expected)
{
  g_autofree char *got_headword = NULL;
  g_auto (GStrv) got = sverka_freedict_parse_article (article, source, target, &got_headword);
  g_autofree char *got_text = NULL;
  g_autofree char *expected_text = g_strjoinv (" | ", (GStrv) expected);
  int first = (int) strcspn (article, "\n"); /* the headword's line */

  g_assert_nonnull (got);
  got_text = g_strjoinv (" | ", got);
  if (strcmp (got_text, expected_text) != 0)
    g_error ("%.*s: got '%s', expected '%s'", first, article, got_text, expected_text);
  if (g_strcmp0 (got_headword, headword) != 0)
    g_error ("%.*s: got the headword '%s', expected '%s'", first, article,
             got_headword != NULL ? got_headword : "(none)",
             headword != NULL ? headword : "(none)");
}

static void
test_article_one_sense (void)
{
  const char *const niedergeschlagen[] = { "abattu", "effondré", NULL };
  const char *const er[] = { "masculin", "mâle", NULL };
  const char *const geldschein[] = { "billet de banque", NULL };
  const char *const soir[] = { "Abend", NULL };
  const char *const banc[] = { "Bank", "Sitzbank", NULL };
  const char *const banque[] = { "Bank", NULL };

  assert_article (article_niedergeschlagen, "de", "fr", "niedergeschlagen", niedergeschlagen);
  assert_article (article_er, "de", "fr", "Er", er);
  assert_article (article_geldschein, "de", "fr", "Geldschein", geldschein);
  /* the glosses are words of the source language, never translations */
  assert_article (article_soir, "fr", "de", "soir", soir);
  assert_article (article_banc, "fr", "de", "banc", banc);
  assert_article (article_banque, "fr", "de", "banque", banque);
}

static void
test_article_numbered (void)
{
  /* "soir" once; the glosses' numbers " 2." and " 3." are not senses */
  const char *const abend[] = { "soir", "couchant", "occident", "ouest", "soirée", NULL };
  const char *const abfahren[] = { "partir", "transporter", "conduire", NULL };
  const char *const bank[] = { "banc", "banque", NULL };
  const char *const soiree[] = { "Abend", "Party", "Soiree", NULL };
  const char *const se_vendre[] = { "sich bestechen lassen", "sich verkaufen",
                                    "sich prostituieren",    "verraten",
                                    "verkauft werden",       NULL };

  assert_article (article_abend, "de", "fr", "Abend", abend);
  assert_article (article_abfahren, "de", "fr", "abfahren", abfahren);
  assert_article (article_bank, "de", "fr", "Bank", bank);
  assert_article (article_soiree, "fr", "de", "soirée", soiree);
  assert_article (article_se_vendre, "fr", "de", "se vendre", se_vendre);
}

static void
test_article_odd (void)
{
  const char *const abwind[] = { "courant descendant", "courant rabattant", "vent descendant",
                                 "décadence", "déclin", NULL };
  const char *const a_dur[] = { "la majeur", NULL };
  const char *const er_suffix[] = { "ien", "ois", "eur", "lus", NULL };
  const char *const none[] = { NULL };
  /* a gloss opening "1." where sense 2 is due, and one opening "2." in an
   * article of one sense */
  const char *const genesis[] = { "Genèse", "genèse", NULL };
  const char *const brumaire[] = { "brumaire", NULL };
  const char *const y[] = { "y", NULL };

  assert_article (article_abwind, "de", "fr", "Abwind", abwind);
  assert_article (article_a_dur, "de", "fr", "A-Dur", a_dur);
  assert_article (article_er_suffix, "de", "fr", "er", er_suffix);
  /* "1. Klasse" is one sense's translation, with a digit */
  assert_article (article_premiere_classe, "fr", "de", NULL, none);
  assert_article ("Genesis /ˈɡeːnezɪs/ <n, fem>\n1. Genèse\n1. Buch Mose\n2. genèse\n", "de",
                  "fr", "Genesis", genesis);
  assert_article ("Brumaire <n, masc>\nbrumaire\n2. Monat nach dem republikanischen Kalender\n",
                  "de", "fr", "Brumaire", brumaire);
  /* a sense without translations still counts */
  assert_article ("x\n1.\nGlosse\n2. y\nGlosse\n3.\n", "de", "fr", "x", y);
  /* broken and empty articles */
  assert_article ("", "de", "fr", NULL, none);
  assert_article ("Haus /haʊ̯s/ <n, neut>", "de", "fr", "Haus", none);
  assert_article ("Haus\n", "de", "fr", "Haus", none);
  assert_article ("\n\n\n", "de", "fr", NULL, none);
  assert_article ("Haus\n\xff\xfe maison\n", "de", "fr", NULL, none);
  assert_article ("1.\n1.\n2.\n 3.\n2.", "de", "fr", NULL, none);
  assert_article ("Haus\n99999999999999999999. maison\n2. x\n", "de", "fr", "Haus", none);
}

static void
test_article_plain (void)
{
  const char *const allrad[] = { "transmission intégrale", NULL };
  const char *const alltag[] = { "langage courant", "langage quotidien", "langue commune",
                                 "langue courante", NULL };
  const char *const abattu[] = { "niedergeschlagen", "erschlagen", "abgeschrägt", NULL };
  const char *const arsouiller[] = { "beschimpfen", "randalieren", "sich besaufen", NULL };
  const char *const eszett[] = { "ẞ", NULL };
  const char *const signs[] = { "i", "l’eau", "aujourd'hui", "bof", "c’est parti", NULL };
  const char *const crlf[] = { "maison", "demeure", NULL };
  const char *const nfc[] = { "café", NULL };
  const char *const none[] = { NULL };

  assert_article (article_allradantrieb, "de", "fr", "Allradantrieb", allrad);
  assert_article (article_alltagssprache, "de", "fr", "Alltagssprache", alltag);
  assert_article (article_abattu, "fr", "de", "abattu", abattu);
  assert_article (article_arsouiller, "fr", "de", "arsouiller", arsouiller);
  assert_article (article_eszett, "de", "fr", "ẞ", eszett);
  assert_article (article_flasche, "de", "fr", NULL, none);
  /* parentheses (a comma inside them separates nothing), arrows, colons,
   * "#", ellipses, digits, hyphens and apostrophes out of place */
  assert_article ("x\nfoo → bar, a:b, c#d, (e), f (g, h), i, à tel point … que …, 4x4, l’eau, "
                  "aujourd'hui, -ment, x-, a--b, 'a, a'-b, bof!, c’est parti!, d´accord, "
                  "Altenberg (Saxe)\n",
                  "de", "fr", "x", signs);
  assert_article ("Haus /haʊ̯s/ <n, neut>\r\nmaison, demeure\r\nGebäude\r\n", "de", "fr", "Haus",
                  crlf);
  /* decomposed accents are composed (NFC), also once a mark between is dropped */
  assert_article ("Cafe\xcc\x81 <n>\ncafe\xcc\x81\n", "de", "fr", "Café", nfc);
  assert_article ("Cafe\u200f\xcc\x81 <n>\ncaf\u200ee\u200f\xcc\x81\n", "de", "fr", "Café", nfc);
}

static void
test_article_scripts (void)
{
  const char *const ru_en[] = { "peace", "world", NULL };
  const char *const en_ru[] = { "мир", "покой", NULL };
  const char *const fr[] = { "paix", NULL };
  const char *const none[] = { NULL };
  const char *const any[] = { "平和", NULL };

  assert_article ("мир /mir/ <n, masc>\npeace, world\nотсутствие войны\n", "ru", "en", "мир",
                  ru_en);
  assert_article ("peace /piːs/ <n>\nмир, покой, peace\nfreedom from war\n", "en", "ru", "peace",
                  en_ru);
  /* letters of another script than the language's */
  assert_article ("Frieden <n>\nмир, paix\n", "de", "fr", "Frieden", fr);
  assert_article ("мир <n>\npaix\n", "de", "fr", NULL, fr);
  assert_article ("Frieden <n>\npax\n", "deu", "ell", "Frieden", none);
  /* a language the table does not know takes any letter */
  assert_article ("Frieden <n>\n平和\n", "de", "xyz", "Frieden", any);
}

static void
test_article_limit (void)
{
  const char *const first[] = { "a", "b", "c", "d", "e", "f", "g", "h", NULL };

  g_assert_cmpint (SVERKA_DICTD_MAX_TRANSLATIONS, ==, 8);
  assert_article ("x\na, b, c, d, e, f, g, h, i, j\n", "de", "fr", "x", first);
  assert_article ("x\n1. a, b, c, d, e\ng\n2. f, a, g, h, i\ng\n3. j\n", "de", "fr", "x", first);
}

static void
test_languages (void)
{
  static const char *const codes[][2] = {
    { "deu", "de" }, { "fra", "fr" }, { "eng", "en" }, { "rus", "ru" }, { "DEU", "de" },
    { "de", "de" },  { "kha", "kha" }, { "Xy", "xy" },  { "d", NULL },   { "deut", NULL },
    { "de1", NULL }, { "", NULL },     { "dé", NULL },
  };
  static const char *const names[][3] = {
    { "/usr/share/dictd/freedict-deu-fra.index", "de", "fr" },
    { "freedict-fra-deu.index", "fr", "de" },
    { "freedict-eng-rus.index", "en", "ru" },
    { "freedict-kha-deu.index", "kha", "de" },
    { "freedict-deu.index", NULL, NULL },
    { "freedict-deu-fra-eng.index", NULL, NULL },
    { "freedict-deu-fra.dict.dz", NULL, NULL },
    { "freedict-de1-fra.index", NULL, NULL },
    { "/usr/share/dictd/mueller7.index", NULL, NULL },
    { "/x/freedict-deu-fra/tiny.index", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++) {
    g_autofree char *got = sverka_freedict_language (codes[i][0]);
    g_assert_cmpstr (got, ==, codes[i][1]);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *source = NULL;
    g_autofree char *target = NULL;
    gboolean ok = sverka_freedict_languages_from_name (names[i][0], &source, &target);
    g_assert_cmpint (ok, ==, names[i][1] != NULL);
    g_assert_cmpstr (source, ==, names[i][1]);
    g_assert_cmpstr (target, ==, names[i][2]);
  }
}

/* ---- import ---- */

/* (TestDictdEntry: the headword as dictfmt indexes it, folded, without
 * punctuation.) */

static const char info_deu_fra[] =
  "Deutsch-français FreeDict+WikDict dictionary\n\n"
  "Maintainer: Karl Bartel\n\n"
  "Edition: 2022.11.18\n"
  "Size: 47432 headwords\n\n"
  "Publisher: Karl Bartel.\n\n\n"
  "Availability:\n\n"
  "    Licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported\n"
  "  license\n\n"
  "Publication date: 2022-11-18.\n";

static const char info_fra_deu[] =
  "français-Deutsch FreeDict+WikDict dictionary\n\n"
  "Maintainer: Karl Bartel\n\n"
  "Edition: 2022.11.18\n"
  "Size: 41438 headwords\n\n"
  "Availability:\n\n"
  "    Licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported\n"
  "  license\n\n";

static const TestDictdEntry fixture_deu_fra[] = {
  { "", article_eszett },
  { "00databasedictfmt1130", "00-database-dictfmt-1.13.0\n" },
  { "00databaseinfo", info_deu_fra },
  { "00databaseshort", "Deutsch-français FreeDict+WikDict dictionary ver. 2022.11.18\n" },
  { "00databaseurl", "http://www.wikdict.com/\n" },
  { "02literflasche", article_flasche },
  { "abend", article_abend },
  { "abfahren", article_abfahren },
  { "abwind", article_abwind },
  { "adur", article_a_dur },
  { "allradantrieb", article_allradantrieb },
  { "alltagssprache", article_alltagssprache },
  { "bank", article_bank },
  { "er", article_er_suffix },
  { "er", article_er },
  { "geldschein", article_geldschein },
  { "niedergeschlagen", article_niedergeschlagen },
};

static const TestDictdEntry fixture_fra_deu[] = {
  { "00databaseinfo", info_fra_deu },
  { "00databaseshort", "français-Deutsch FreeDict+WikDict dictionary ver. 2022.11.18\n" },
  { "00databaseurl", "http://www.wikdict.com/\n" },
  { "1re classe", article_premiere_classe },
  { "abattu", article_abattu },
  { "arsouiller", article_arsouiller },
  { "banc", article_banc },
  { "banque", article_banque },
  { "se vendre", article_se_vendre },
  { "soir", article_soir },
  { "soirée", article_soiree },
};

/* The pairs of freedict-deu-fra, German first, sorted bytewise. */
static const char pairs_deu_fra[] =
  "A-Dur\tla majeur\tgeneral\n"
  "Abend\tcouchant\tgeneral\n"
  "Abend\toccident\tgeneral\n"
  "Abend\touest\tgeneral\n"
  "Abend\tsoir\tgeneral\n"
  "Abend\tsoirée\tgeneral\n"
  "Abwind\tcourant descendant\tgeneral\n"
  "Abwind\tcourant rabattant\tgeneral\n"
  "Abwind\tdécadence\tgeneral\n"
  "Abwind\tdéclin\tgeneral\n"
  "Abwind\tvent descendant\tgeneral\n"
  "Allradantrieb\ttransmission intégrale\tgeneral\n"
  "Alltagssprache\tlangage courant\tgeneral\n"
  "Alltagssprache\tlangage quotidien\tgeneral\n"
  "Alltagssprache\tlangue commune\tgeneral\n"
  "Alltagssprache\tlangue courante\tgeneral\n"
  "Bank\tbanc\tgeneral\n"
  "Bank\tbanque\tgeneral\n"
  "Er\tmasculin\tgeneral\n"
  "Er\tmâle\tgeneral\n"
  "Geldschein\tbillet de banque\tgeneral\n"
  "abfahren\tconduire\tgeneral\n"
  "abfahren\tpartir\tgeneral\n"
  "abfahren\ttransporter\tgeneral\n"
  "er\teur\tgeneral\n"
  "er\tien\tgeneral\n"
  "er\tlus\tgeneral\n"
  "er\tois\tgeneral\n"
  "niedergeschlagen\tabattu\tgeneral\n"
  "niedergeschlagen\teffondré\tgeneral\n"
  "ẞ\tẞ\tgeneral\n";

/* The pairs of freedict-fra-deu, swapped: German first. */
static const char pairs_fra_deu[] =
  "Abend\tsoir\tgeneral\n"
  "Abend\tsoirée\tgeneral\n"
  "Bank\tbanc\tgeneral\n"
  "Bank\tbanque\tgeneral\n"
  "Party\tsoirée\tgeneral\n"
  "Sitzbank\tbanc\tgeneral\n"
  "Soiree\tsoirée\tgeneral\n"
  "abgeschrägt\tabattu\tgeneral\n"
  "beschimpfen\tarsouiller\tgeneral\n"
  "erschlagen\tabattu\tgeneral\n"
  "niedergeschlagen\tabattu\tgeneral\n"
  "randalieren\tarsouiller\tgeneral\n"
  "sich besaufen\tarsouiller\tgeneral\n"
  "sich bestechen lassen\tse vendre\tgeneral\n"
  "sich prostituieren\tse vendre\tgeneral\n"
  "sich verkaufen\tse vendre\tgeneral\n"
  "verkauft werden\tse vendre\tgeneral\n"
  "verraten\tse vendre\tgeneral\n";

/* A temporary folder with freedict-deu-fra (.dict) and freedict-fra-deu (.dict.dz). */
typedef struct {
  char *dir;
  char *deu_fra;
  char *fra_deu;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("sverka-freedict-XXXXXX", &error);
  g_assert_no_error (error);
  test_dictd_write (f->dir, "freedict-deu-fra", fixture_deu_fra, G_N_ELEMENTS (fixture_deu_fra),
                    FALSE, FALSE);
  test_dictd_write (f->dir, "freedict-fra-deu", fixture_fra_deu, G_N_ELEMENTS (fixture_fra_deu),
                    FALSE, TRUE);
  f->deu_fra = g_build_filename (f->dir, "freedict-deu-fra.index", NULL);
  f->fra_deu = g_build_filename (f->dir, "freedict-fra-deu.index", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_dictd_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->deu_fra);
  g_free (f->fra_deu);
}

static SverkaDictdFile *
open_freedict (const char *path)
{
  g_autoptr (GError) error = NULL;
  SverkaDictdFile *file = sverka_dictd_file_open (path, SVERKA_DICTD_OPEN_EMPTY_HEADWORDS, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static void
assert_text (const char *got, const char *expected)
{
  if (strcmp (got, expected) != 0) /* g_assert_cmpstr would escape the accents */
    g_error ("got:\n%s\nexpected:\n%s", got, expected);
}

static int
compare_lines (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Returns: (transfer full) the lines of @a and @b sorted bytewise, without
 * repeated ones. */
static char *
merged (const char *a, const char *b)
{
  g_autofree char *both = g_strconcat (a, b, NULL);
  g_auto (GStrv) lines = g_strsplit (both, "\n", -1);
  guint n = g_strv_length (lines);
  GString *out = g_string_new (NULL);

  qsort (lines, n, sizeof (char *), compare_lines);
  for (guint i = 0; i < n; i++) {
    if (lines[i][0] != '\0' && (i == 0 || strcmp (lines[i], lines[i - 1]) != 0))
      g_string_append_printf (out, "%s\n", lines[i]);
  }
  return g_string_free (out, FALSE);
}

static void
test_import_one (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDictdFile) file = open_freedict (f->deu_fra);
  SverkaFreedictDictionary dict = { file, "de", "fr" };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *pairs = NULL;
  SverkaDictdStats stats;

  text = sverka_freedict_import (&dict, 1, "de", "fr", &stats, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "# sverka-lexicon 1\n"));
  g_assert_nonnull (strstr (text, "\n# Imported from the FreeDict dictionary "
                                  "freedict-deu-fra.index + freedict-deu-fra.dict "
                                  "(Deutsch-français FreeDict+WikDict dictionary ver. "
                                  "2022.11.18), de to fr, edition 2022.11.18.\n"));
  g_assert_nonnull (strstr (text, "\n# Source: http://www.wikdict.com/\n"));
  g_assert_nonnull (strstr (text, "\n# Licence, as the dictionary states it: Licensed under the "
                                  "Creative Commons Attribution-ShareAlike 3.0 Unported "
                                  "license\n"));
  g_assert_nonnull (strstr (text, "\n# de word<TAB>fr word<TAB>general: "));
  pairs = test_dictd_pairs_of (text);
  assert_text (pairs, pairs_deu_fra);

  g_assert_cmpuint (stats.headwords, ==, G_N_ELEMENTS (fixture_deu_fra));
  /* all but the 4 00-database-* entries and 0,2-Liter-Flasche */
  g_assert_cmpuint (stats.entries_used, ==, G_N_ELEMENTS (fixture_deu_fra) - 5);
  g_assert_cmpuint (stats.skipped, ==, 5);
  g_assert_cmpuint (stats.pairs, ==, 31);

  /* Deterministic: the same files give the same bytes. */
  again = sverka_freedict_import (&dict, 1, "de", "fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
}

static void
test_import_swapped (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDictdFile) file = open_freedict (f->fra_deu);
  SverkaFreedictDictionary dict = { file, "fr", "de" };
  g_autofree char *text = NULL;
  g_autofree char *pairs = NULL;
  g_autofree char *forward = NULL;
  g_autofree char *forward_pairs = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) expected = g_string_new (NULL);

  /* fr-de written de<TAB>fr */
  text = sverka_freedict_import (&dict, 1, "de", "fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "freedict-fra-deu.index + freedict-fra-deu.dict.dz "
                                  "(français-Deutsch FreeDict+WikDict dictionary ver. "
                                  "2022.11.18), fr to de, edition 2022.11.18.\n"));
  g_assert_nonnull (strstr (text, "(the pairs of a fr-de dictionary swapped)"));
  pairs = test_dictd_pairs_of (text);
  assert_text (pairs, pairs_fra_deu);

  /* the same dictionary written fr<TAB>de: its own order, each line swapped */
  forward = sverka_freedict_import (&dict, 1, "fr", "de", NULL, &error);
  g_assert_no_error (error);
  forward_pairs = test_dictd_pairs_of (forward);
  lines = g_strsplit (pairs_fra_deu, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++) {
    g_auto (GStrv) cols = g_strsplit (lines[i], "\t", 3);
    g_string_append_printf (expected, "%s\t%s\t%s\n", cols[1], cols[0], cols[2]);
  }
  {
    g_autofree char *sorted = merged (expected->str, "");
    assert_text (forward_pairs, sorted);
  }
}

static void
test_import_merged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDictdFile) deu_fra = open_freedict (f->deu_fra);
  g_autoptr (SverkaDictdFile) fra_deu = open_freedict (f->fra_deu);
  SverkaFreedictDictionary both[] = { { deu_fra, "de", "fr" }, { fra_deu, "fr", "de" } };
  SverkaFreedictDictionary reversed[] = { { fra_deu, "fr", "de" }, { deu_fra, "de", "fr" } };
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  g_autofree char *pairs = NULL;
  g_autofree char *other_pairs = NULL;
  g_autofree char *expected = merged (pairs_deu_fra, pairs_fra_deu);
  SverkaDictdStats stats;
  const char *a, *b;

  text = sverka_freedict_import (both, 2, "de", "fr", &stats, &error);
  g_assert_no_error (error);
  pairs = test_dictd_pairs_of (text);
  assert_text (pairs, expected);
  /* "Abend soir", "Bank banc", ... are in both: written once */
  g_assert_cmpuint (stats.pairs, ==, 31 + 18 - 5);
  g_assert_cmpuint (stats.headwords,
                    ==, G_N_ELEMENTS (fixture_deu_fra) + G_N_ELEMENTS (fixture_fra_deu));
  /* both named, in the order given */
  a = strstr (text, "# Imported from the FreeDict dictionary freedict-deu-fra.index");
  b = strstr (text, "# Imported from the FreeDict dictionary freedict-fra-deu.index");
  g_assert_true (a != NULL && b != NULL && a < b);

  /* the order of the dictionaries changes the comments only */
  other = sverka_freedict_import (reversed, 2, "de", "fr", NULL, &error);
  g_assert_no_error (error);
  other_pairs = test_dictd_pairs_of (other);
  g_assert_cmpstr (other_pairs, ==, pairs);
}

static void
test_import_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDictdFile) file = open_freedict (f->deu_fra);
  SverkaFreedictDictionary dict = { file, "de", "fr" };
  char *text;

  /* a dictionary of another language pair */
  text = sverka_freedict_import (&dict, 1, "de", "en", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, f->deu_fra));
  g_assert_nonnull (strstr (error->message, "from de to fr, expected one between de and en"));
  g_clear_error (&error);

  text = sverka_freedict_import (&dict, 1, "fr", "fr", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* the index line of "ẞ" has an empty headword: refused unless asked for */
  g_assert_null (sverka_dictd_file_open (f->deu_fra, SVERKA_DICTD_OPEN_DEFAULT, &error));
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  g_assert_nonnull (strstr (error->message, ":1: empty headword"));
}

static void
test_recognise (Fixture *f, gconstpointer data)
{
  static const TestDictdEntry named[] = {
    { "00databaseshort", "Tiny FreeDict dictionary\n" },
    { "haus", "Haus\nmaison\n" },
  };
  static const TestDictdEntry url[] = {
    { "00-database-url", "00-database-url\n     https://freedict.org/\n" },
    { "haus", "Haus\nmaison\n" },
  };
  static const TestDictdEntry other[] = {
    { "00-database-short", "00-database-short\n     Tiny Test Dictionary\n" },
    { "haus", "Haus\nmaison\n" },
  };
  g_autoptr (SverkaDictdFile) deu_fra = open_freedict (f->deu_fra);
  g_autofree char *named_path = g_build_filename (f->dir, "named.index", NULL);
  g_autofree char *url_path = g_build_filename (f->dir, "url.index", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.index", NULL);
  g_autoptr (SverkaDictdFile) named_file = NULL;
  g_autoptr (SverkaDictdFile) url_file = NULL;
  g_autoptr (SverkaDictdFile) other_file = NULL;

  test_dictd_write (f->dir, "named", named, G_N_ELEMENTS (named), FALSE, FALSE);
  test_dictd_write (f->dir, "url", url, G_N_ELEMENTS (url), FALSE, FALSE);
  test_dictd_write (f->dir, "other", other, G_N_ELEMENTS (other), FALSE, FALSE);
  named_file = open_freedict (named_path);
  url_file = open_freedict (url_path);
  other_file = open_freedict (other_path);
  g_assert_true (sverka_freedict_recognise (deu_fra));    /* by its file name */
  g_assert_true (sverka_freedict_recognise (named_file)); /* 00-database-short */
  g_assert_true (sverka_freedict_recognise (url_file));   /* 00-database-url */
  g_assert_false (sverka_freedict_recognise (other_file));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/freedict/article/one-sense", test_article_one_sense);
  g_test_add_func ("/freedict/article/numbered", test_article_numbered);
  g_test_add_func ("/freedict/article/odd", test_article_odd);
  g_test_add_func ("/freedict/article/plain", test_article_plain);
  g_test_add_func ("/freedict/article/scripts", test_article_scripts);
  g_test_add_func ("/freedict/article/limit", test_article_limit);
  g_test_add_func ("/freedict/languages", test_languages);
  g_test_add ("/freedict/import/one", Fixture, NULL, fixture_set_up, test_import_one,
              fixture_tear_down);
  g_test_add ("/freedict/import/swapped", Fixture, NULL, fixture_set_up, test_import_swapped,
              fixture_tear_down);
  g_test_add ("/freedict/import/merged", Fixture, NULL, fixture_set_up, test_import_merged,
              fixture_tear_down);
  g_test_add ("/freedict/import/errors", Fixture, NULL, fixture_set_up, test_import_errors,
              fixture_tear_down);
  g_test_add ("/freedict/recognise", Fixture, NULL, fixture_set_up, test_recognise,
              fixture_tear_down);
  return g_test_run ();
}
