/* test-token.c: words, their analyses and flags. */
#include "sverka-document-private.h"
#include "sverka-lexicon-private.h"
#include "test-common.h"

/* The first token of @doc whose text is @form. */
static const SverkaToken *
find_token (SverkaDocument *doc, const char *form)
{
  const char *data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    if (t->end - t->start == strlen (form) && memcmp (data + t->start, form, strlen (form)) == 0)
      return t;
  }
  g_error ("no token '%s'", form);
  return NULL;
}

static SverkaDocument *
analysed (SverkaContext *ctx, const char *text)
{
  g_autoptr (GError) error = NULL;
  SverkaDocument *doc = test_document_new (ctx, text, TRUE);
  g_assert_true (sverka_document_analyze (doc, &error));
  g_assert_no_error (error);
  return doc;
}

static void
test_russian (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc =
      analysed (ctx, "Столтенберг встретил Ильхама Алиева в Брюсселе и поблагодарил "
                     "Вооруженные силы. НАТО ценит логистического центрв.");
  const SverkaToken *t;

  t = find_token (doc, "Брюсселе");
  g_assert_cmpstr (t->word->fold, ==, "брюсселе");
  g_assert_cmpstr (t->word->stem, ==, "брюссел");
  g_assert_cmpstr (t->word->lemma, ==, "брюссель");
  g_assert_true (t->word->flags & SVERKA_WORD_CAPITALIZED);
  g_assert_true (t->word->flags & SVERKA_WORD_CYRILLIC);
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_OK);

  t = find_token (doc, "Вооруженные");
  g_assert_cmpstr (t->word->lemma, ==, "вооруженный");

  t = find_token (doc, "Столтенберг");
  g_assert_true (t->flags & SVERKA_TOKEN_SENTENCE_INITIAL);
  t = find_token (doc, "НАТО");
  g_assert_true (t->flags & SVERKA_TOKEN_SENTENCE_INITIAL);
  g_assert_true (t->word->flags & SVERKA_WORD_UPPERCASE);
  t = find_token (doc, "встретил");
  g_assert_false (t->flags & SVERKA_TOKEN_SENTENCE_INITIAL);
  g_assert_false (t->word->flags & SVERKA_WORD_CAPITALIZED);

  /* A real typo of the bundled report. */
  t = find_token (doc, "центрв");
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_CHECKED);
  g_assert_false (t->word->flags & SVERKA_WORD_SPELL_OK);
}

/* Number words are marked once per word, by their form or, Russian,
 * their lemma ("двадцати": "двадцать"). */
static void
test_number_words (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) ru = analysed (ctx, "Двадцати трем домам дали миллион рублей.");
  g_autoptr (SverkaDocument) en = test_document_new_as (ctx, "Twenty houses got a million.",
                                                       TRUE, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;

  g_assert_true (sverka_document_analyze (en, &error));
  g_assert_true (find_token (ru, "Двадцати")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_true (find_token (ru, "трем")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_true (find_token (ru, "миллион")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_false (find_token (ru, "домам")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_true (find_token (en, "Twenty")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_true (find_token (en, "million")->word->flags & SVERKA_WORD_NUMBER_WORD);
  g_assert_false (find_token (en, "houses")->word->flags & SVERKA_WORD_NUMBER_WORD);
}

/* The lexicon's mark of the stems that start an entry of several Russian
 * words holds for every such entry, loaded from files, and holds for few
 * other stems. */
static void
test_multi_starts (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *seed = g_build_filename (test_srcdir (), "dictionaries", "ru-en.tsv", NULL);
  guint multi = 0, single_marked = 0, single = 0;

  g_assert_true (sverka_lexicon_load (lex, seed, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < sverka_lexicon_n_entries (lex); i++) {
    const SverkaLexEntry *e = sverka_lexicon_entry (lex, i);
    const char *stem = sverka_lex_ru_stem (lex, e, 0);
    if (e->n_ru > 1) {
      multi++;
      g_assert_true (sverka_lexicon_may_start_multi (lex, stem));
    } else {
      single++;
      single_marked += sverka_lexicon_may_start_multi (lex, stem);
    }
  }
  g_assert_cmpuint (multi, >, 100);
  g_assert_cmpuint (single_marked, <, single / 4);
}

static void
test_english (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc =
      analysed (ctx, "It’s the Alliance`s headquarters. Our policy is vey open to "
                     "Azarbaijan. They airlifted 120,000 people in 2.5 days.");
  const SverkaToken *t;

  t = find_token (doc, "It’s");
  g_assert_cmpstr (t->word->fold, ==, "it's");
  /* The backtick apostrophe joins the word, and hunspell knows it. */
  t = find_token (doc, "Alliance`s");
  g_assert_cmpstr (t->word->fold, ==, "alliance's");
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_OK);
  t = find_token (doc, "headquarters");
  g_assert_cmpstr (t->word->stem, ==, "headquart");
  t = find_token (doc, "airlifted");
  g_assert_cmpstr (t->word->lemma, ==, "airlift");
  t = find_token (doc, "vey");
  g_assert_false (t->word->flags & SVERKA_WORD_SPELL_OK);
  t = find_token (doc, "Azarbaijan");
  g_assert_false (t->word->flags & SVERKA_WORD_SPELL_OK);
  t = find_token (doc, "120,000");
  g_assert_true (t->word->flags & SVERKA_WORD_NUMBER);
  g_assert_false (t->word->flags & SVERKA_WORD_LETTERS);
  t = find_token (doc, "2.5");
  g_assert_true (t->word->flags & SVERKA_WORD_NUMBER);
}

static void
test_scripts (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  /* "Aзербайджан" starts with a Latin A. */
  g_autoptr (SverkaDocument) doc =
      analysed (ctx, "Генсек NATO посетил Aзербайджан и встретил Президента.");
  const SverkaToken *t;

  t = find_token (doc, "NATO");
  g_assert_true (t->flags & SVERKA_TOKEN_FOREIGN);
  g_assert_true (t->word->flags & SVERKA_WORD_LATIN);
  /* Analysed as English: the English stemmer, the English dictionary. */
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_OK);
  t = find_token (doc, "Aзербайджан");
  g_assert_true (t->word->flags & SVERKA_WORD_MIXED_SCRIPT);
  g_assert_false (t->word->flags & SVERKA_WORD_SPELL_CHECKED);
  t = find_token (doc, "посетил");
  g_assert_false (t->flags & SVERKA_TOKEN_FOREIGN);
}

/* A pair of one script: each word is analysed in its text's language, by
 * that language's stemmer and hunspell, and one spelling in both texts is
 * two words. */
static void
test_same_script_pair (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaDocument) de = NULL;
  g_autoptr (SverkaDocument) fr = NULL;
  SverkaContextOptions opts;
  const SverkaToken *t;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dict;
  opts.first_language = "de";
  opts.second_language = "fr";
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST), ==, "de");
  de = test_document_new_as (ctx, "Die Träger erreichten die Hütten unter den Gletschern.", TRUE,
                             SVERKA_LANGUAGE_FIRST);
  fr = test_document_new_as (ctx, "Les porteurs atteignirent les glaciers et les cabanes.", TRUE,
                             SVERKA_LANGUAGE_SECOND);
  g_assert_true (sverka_document_analyze (de, &error));
  g_assert_true (sverka_document_analyze (fr, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sverka_document_get_language_code (fr), ==, "fr");
  /* German Snowball (English's would keep "gletschern" whole) */
  t = find_token (de, "Gletschern");
  g_assert_cmpstr (t->word->stem, ==, "gletsch");
  g_assert_false (t->flags & SVERKA_TOKEN_FOREIGN);
  t = find_token (de, "Hütten");
  g_assert_cmpstr (t->word->stem, ==, "hutt");
  /* German hunspell knows it, and gives its lemma */
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_OK);
  /* French Snowball: "glaci" (English's: "glacier") */
  t = find_token (fr, "glaciers");
  g_assert_cmpstr (t->word->stem, ==, "glaci");
  g_assert_true (t->word->flags & SVERKA_WORD_SPELL_OK);
  /* "die" of a German text is the German article, and no English word */
  t = find_token (de, "Die");
  g_assert_true (sverka_context_is_stopword (ctx, t->word->fold));

  /* aligned; the notes of every check, each with the packs' data */
  {
    g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
    g_autoptr (SverkaAlignment) al = sverka_align (lex, de, fr, NULL, &error);
    SverkaNotes *notes;
    const char *const *skipped;
    g_assert_no_error (error);
    g_assert_cmpuint (sverka_alignment_get_n_beads (al), ==, 1);
    notes = sverka_notes_new (lex, al, de, fr, &error);
    g_assert_no_error (error);
    skipped = sverka_notes_get_skipped_checks (notes);
    g_assert_cmpuint (g_strv_length ((char **) skipped), ==, 0);
    g_assert_false (g_strv_contains (skipped, "name"));
    g_assert_false (g_strv_contains (skipped, "spelling"));
    g_assert_false (g_strv_contains (skipped, "unaligned"));
    /* the scripts, the months, the times and the weekdays are the packs';
     * numbers are read in their ways */
    g_assert_false (g_strv_contains (skipped, "mixed-script"));
    g_assert_false (g_strv_contains (skipped, "date"));
    g_assert_false (g_strv_contains (skipped, "number"));
    g_assert_false (g_strv_contains (skipped, "time"));
    g_assert_false (g_strv_contains (skipped, "weekday"));
    g_assert_false (g_strv_contains (skipped, "untranslated"));
    sverka_notes_free (notes);
  }
}

static void
test_cache_shared (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) a = analysed (ctx, "NATO met Azerbaijan. NATO left.");
  g_autoptr (SverkaDocument) b = analysed (ctx, "Azerbaijan and NATO.");
  const SverkaToken *t1 = sverka_document_get_token (a, 0);
  const SverkaToken *t2 = sverka_document_get_token (a, 3);
  const SverkaToken *t3 = sverka_document_get_token (b, 2);

  /* One analysis per distinct form, shared by documents of one context. */
  g_assert_true (t1->word == t2->word);
  g_assert_true (t1->word == t3->word);
  g_assert_cmpuint (sverka_document_get_sentence (a, 1)->first_token, ==, 3);
  g_assert_cmpuint (sverka_document_get_sentence (a, 1)->n_tokens, ==, 2);
}

/* Reads @path into *@text and cuts it into lines in place, with memchr:
 * g_strsplit's strstr is quadratic under ASan, whose interceptor measures
 * the rest of the text at each call. Returns: (transfer container) the
 * lines, pointing into *@text. */
static GPtrArray *
read_lines (const char *path, char **text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new ();
  gsize len;

  g_assert_true (g_file_get_contents (path, text, &len, &error));
  g_assert_no_error (error);
  for (char *line = *text, *end = *text + len, *nl; line < end; line = nl + 1) {
    nl = memchr (line, '\n', (gsize) (end - line));
    if (nl == NULL)
      nl = end;
    *nl = '\0';
    g_ptr_array_add (lines, line);
  }
  return lines;
}

/* The words of hunspell's dictionary @name ("ru_RU"): each line but the
 * first (the count), up to its flags. Returns: (transfer container), the
 * words pointing into *@text. */
static GPtrArray *
hunspell_words (const char *name, char **text)
{
  const char *dir = g_getenv ("SVERKA_HUNSPELL_DIR");
  g_autofree char *file = g_strconcat (name, ".dic", NULL);
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "/usr/share/hunspell", file, NULL);
  GPtrArray *words = read_lines (path, text);

  g_ptr_array_remove_index (words, 0);
  for (guint i = 0; i < words->len; i++) {
    char *slash = strchr (g_ptr_array_index (words, i), '/');
    if (slash != NULL)
      *slash = '\0';
  }
  return words;
}

static void
check_skeleton (SverkaContext *ctx, const char *word, guint *n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fast = sverka_translit_skeleton (ctx, SVERKA_LANGUAGE_RU, word, &error);
  g_autofree char *icu = sverka_translit_skeleton_icu (ctx, SVERKA_LANGUAGE_RU, word, &error);

  g_assert_no_error (error);
  if (g_strcmp0 (fast, icu) != 0)
    g_error ("skeleton of '%s': '%s' without ICU, '%s' through ICU", word, fast, icu);
  (*n)++;
}

/* The Russian skeleton's own Russian-Latin/BGN gives what ICU's does: for
 * every word of hunspell's ru_RU of the letters а-я (ё as е), and every
 * string of one to three of those letters (the rules look one letter
 * back and one ahead). */
static void
test_skeleton_without_icu (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dic = NULL;
  g_autoptr (GPtrArray) words = hunspell_words ("ru_RU", &dic);
  g_autoptr (GString) word = g_string_new (NULL);
  guint n = 0;

  g_assert_true (sverka_context_open_analysis (ctx, SVERKA_LANGUAGE_RU, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < words->len; i++) {
    const char *w = g_ptr_array_index (words, i);
    gboolean plain = TRUE;
    g_string_truncate (word, 0);
    sverka_simple_fold (w, strlen (w), word);
    for (const char *p = word->str; *p != '\0' && plain; p = g_utf8_next_char (p)) {
      gunichar c = g_utf8_get_char (p);
      plain = c >= 0x430 && c <= 0x44F;
    }
    if (plain && word->len > 0)
      check_skeleton (ctx, word->str, &n);
  }
  g_assert_cmpuint (n, >, 100000);
  for (gunichar a = 0x430; a <= 0x44F; a++) {
    for (gunichar b = 0x42F; b <= 0x44F; b++) {
      for (gunichar c = 0x42F; c <= 0x44F; c++) {
        g_string_truncate (word, 0);
        g_string_append_unichar (word, a);
        if (b >= 0x430)
          g_string_append_unichar (word, b);
        if (b >= 0x430 && c >= 0x430)
          g_string_append_unichar (word, c);
        if (b < 0x430 && c > 0x430)
          continue; /* each string once */
        check_skeleton (ctx, word->str, &n);
      }
    }
  }
}

/* With digits and word boundaries ('.', ',', ':', apostrophe, soft hyphen)
 * in a Russian word, the skeleton without ICU is still ICU's: for each of
 * them between, before and after letters of every kind the rules tell
 * apart (vowels, й, ъ, ь, ы, э, е and the consonants of тс and шч), alone
 * and doubled. */
static void
test_skeleton_separators_without_icu (void)
{
  static const char *const seps[] = { ".", ",", ":", "'", "\u00AD", "1", "0", "..", ".1", "1.", "1,1" };
  static const char *const letters[] = { "а", "е", "и", "й", "о", "у", "ы", "э", "ю", "я",
                                         "ъ", "ь", "т", "с", "ш", "ч", "д", "ж", "к" };
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) word = g_string_new (NULL);
  guint n = 0;

  g_assert_true (sverka_context_open_analysis (ctx, SVERKA_LANGUAGE_RU, &error));
  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (seps); s++) {
    for (guint a = 0; a < G_N_ELEMENTS (letters); a++) {
      /* the separator at either end */
      g_string_printf (word, "%s%s", seps[s], letters[a]);
      check_skeleton (ctx, word->str, &n);
      g_string_printf (word, "%s%s", letters[a], seps[s]);
      check_skeleton (ctx, word->str, &n);
      for (guint b = 0; b < G_N_ELEMENTS (letters); b++) {
        g_string_printf (word, "%s%s%s", letters[a], seps[s], letters[b]);
        check_skeleton (ctx, word->str, &n);
        for (guint c = 0; c < G_N_ELEMENTS (letters); c++) {
          g_string_printf (word, "%s%s%s%s", letters[a], letters[b], seps[s], letters[c]);
          check_skeleton (ctx, word->str, &n);
          g_string_printf (word, "%s%s%s%s", letters[a], seps[s], letters[b], letters[c]);
          check_skeleton (ctx, word->str, &n);
        }
      }
    }
  }
  /* and as the words of real texts have them */
  {
    static const char *const words[] = { "т.е", "т.д", "и.о", "к.э.н", "ленты.ру", "о'коннор",
                                         "д'ивуаре", "зай\u00ADмут", "1980х", "а350", "2010г",
                                         "м24", "с1978", "е.е", "ы.ы", "т.с", "ш.ч", "0,62л", "10:30ч" };
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      check_skeleton (ctx, words[i], &n);
  }
  g_assert_cmpuint (n, >, 50000);
}

/* The English skeleton's own Latin-ASCII gives what ICU's does: for every
 * character U+00C0-U+024F alone, between letters and doubled, in lower
 * and upper case, and for words with letters the fast path leaves to ICU. */
static void
test_latin_skeleton_without_icu (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (GString) word = g_string_new (NULL);
  static const char *const words[] = { "café", "českých", "říčany", "şükür", "ötztal",
                                       "straße", "ørsted", "łódź", "æsir", "λcdm", "prospeсt" };
  guint n = 0;

  for (gunichar c = 0xC0; c <= 0x24F; c++) {
    static const char *const frames[][2] = { { "", "" }, { "k", "t" }, { "", "s" } };
    for (guint f = 0; f < G_N_ELEMENTS (frames); f++) {
      g_autoptr (GError) error = NULL;
      g_autofree char *fast = NULL, *icu = NULL;
      g_string_assign (word, frames[f][0]);
      g_string_append_unichar (word, c);
      if (f == 2)
        g_string_append_unichar (word, c);
      g_string_append (word, frames[f][1]);
      fast = sverka_translit_skeleton (ctx, SVERKA_LANGUAGE_EN, word->str, &error);
      icu = sverka_translit_skeleton_icu (ctx, SVERKA_LANGUAGE_EN, word->str, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (fast, icu) != 0)
        g_error ("skeleton of '%s' (U+%04X): '%s' without ICU, '%s' through ICU", word->str, c,
                 fast, icu);
      n++;
    }
  }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    g_autoptr (GError) error = NULL;
    g_autofree char *fast = sverka_translit_skeleton (ctx, SVERKA_LANGUAGE_EN, words[i], &error);
    g_autofree char *icu = sverka_translit_skeleton_icu (ctx, SVERKA_LANGUAGE_EN, words[i], &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fast, ==, icu);
    n++;
  }
  g_assert_cmpuint (n, ==, 3 * (0x24F - 0xC0 + 1) + G_N_ELEMENTS (words));
}

/* The stems of @side, through the fast path for one plain word, equal
 * those ICU's word break gives (forced by a trailing " ."). */
static void
check_side_stems (SverkaContext *ctx, const char *side, guint *n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *forced = g_strconcat (side, " .", NULL);
  g_auto (GStrv) a = sverka_context_phrase_stems (ctx, SVERKA_LANGUAGE_FIRST, side, &error);
  g_auto (GStrv) b = sverka_context_phrase_stems (ctx, SVERKA_LANGUAGE_FIRST, forced, &error);
  g_autofree char *ja = NULL, *jb = NULL;

  g_assert_no_error (error);
  ja = g_strjoinv ("|", a);
  jb = g_strjoinv ("|", b);
  if (strcmp (ja, jb) != 0)
    g_error ("stems of '%s': '%s' without word break, '%s' with", side, ja, jb);
  (*n)++;
}

static void
test_phrase_stems_fast (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autofree char *lexicon = g_build_filename (test_srcdir (), "dictionaries", "ru-en.tsv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dic = NULL;
  g_autoptr (GPtrArray) lines = read_lines (lexicon, &text);
  g_autoptr (GPtrArray) words = hunspell_words ("en_US", &dic);
  guint n = 0;

  for (guint i = 0; i < lines->len; i++) {
    const char *line = g_ptr_array_index (lines, i);
    g_auto (GStrv) fields = g_strsplit (line, "\t", 3);
    if (line[0] == '#' || g_strv_length (fields) < 2)
      continue;
    check_side_stems (ctx, fields[0], &n);
    check_side_stems (ctx, fields[1], &n);
  }
  for (guint i = 0; i < words->len; i++) {
    const char *w = g_ptr_array_index (words, i);
    if (w[0] != '\0')
      check_side_stems (ctx, w, &n);
  }
  g_assert_cmpuint (n, >, 50000);
}

static void
test_missing_hunspell (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaDocument) doc = NULL;
  SverkaContextOptions opts;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dict;
  opts.hunspell_dir = "/nonexistent";
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  doc = test_document_new (ctx, "Привет, мир.", TRUE);
  g_assert_false (sverka_document_analyze (doc, &error));
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "hunspell-ru"));
}

/* English read as spoken comes out as the Russian spelling's skeleton
 * (Джордж, Джейк, Джейсон, Льюис, Пол, Уилинг); a word beyond ASCII has
 * no such reading. */
static void
test_english_sound (void)
{
  static const char *const pairs[][2] = {
    { "george", "iori" }, { "jake", "ieik" }, { "jason", "ieison" },
    { "lewis", "luis" },  { "paul", "pol" },  { "wheeling", "viling" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++) {
    g_autofree char *spoken = sverka_translit_english_sound (pairs[i][0]);
    g_assert_cmpstr (spoken, ==, pairs[i][1]);
  }
  g_assert_null (sverka_translit_english_sound ("m\xc3\xbcller"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/token/russian", test_russian);
  g_test_add_func ("/token/english", test_english);
  g_test_add_func ("/token/number-words", test_number_words);
  g_test_add_func ("/token/multi-starts", test_multi_starts);
  g_test_add_func ("/token/scripts", test_scripts);
  g_test_add_func ("/token/cache-shared", test_cache_shared);
  g_test_add_func ("/token/same-script-pair", test_same_script_pair);
  g_test_add_func ("/token/skeleton-without-icu", test_skeleton_without_icu);
  g_test_add_func ("/token/skeleton-separators-without-icu", test_skeleton_separators_without_icu);
  g_test_add_func ("/token/latin-skeleton-without-icu", test_latin_skeleton_without_icu);
  g_test_add_func ("/token/english-sound", test_english_sound);
  g_test_add_func ("/token/phrase-stems-fast", test_phrase_stems_fast);
  g_test_add_func ("/token/missing-hunspell", test_missing_hunspell);
  return g_test_run ();
}
