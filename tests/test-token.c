/* test-token.c: words, their analyses and flags. */
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/token/russian", test_russian);
  g_test_add_func ("/token/english", test_english);
  g_test_add_func ("/token/scripts", test_scripts);
  g_test_add_func ("/token/cache-shared", test_cache_shared);
  g_test_add_func ("/token/missing-hunspell", test_missing_hunspell);
  return g_test_run ();
}
