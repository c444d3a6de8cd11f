/* test-batch.c: the JSON Lines reader and writer, the ordered worker pool,
 * contexts of several threads, and the lexicon learner. */
#include "test-common.h"

#include "sverka-json-private.h"
#include "sverka-lexicon-private.h"
#include "sverka-pool-private.h"
#include "sverka-write-json-private.h"

static GPtrArray *
parse (const char *line, GError **error)
{
  return sverka_json_parse_object (line, strlen (line), error);
}

static void
test_json_members (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) m =
      parse (" {\"id\": -12.5e+3, \"ru\": \"Он сказал: \\\"нет\\\"\\t\\u0451\\ud83d\\ude00\","
             " \"x\": {\"a\": [1, true, null, \"}\"]}, \"en\" : \"a\\/b\\\\\"} ",
             &error);
  const SverkaJsonMember *id, *ru, *x, *en;

  g_assert_no_error (error);
  g_assert_cmpuint (m->len, ==, 4);
  id = sverka_json_find (m, "id");
  g_assert_false (id->string);
  g_assert_cmpstr (id->value, ==, "-12.5e+3");
  ru = sverka_json_find (m, "ru");
  g_assert_true (ru->string);
  g_assert_cmpstr (ru->value, ==, "Он сказал: \"нет\"\tё\xF0\x9F\x98\x80");
  x = sverka_json_find (m, "x");
  g_assert_cmpstr (x->value, ==, "{\"a\": [1, true, null, \"}\"]}");
  en = sverka_json_find (m, "en");
  g_assert_cmpstr (en->value, ==, "a/b\\");
  g_assert_null (sverka_json_find (m, "nope"));
}

static void
test_json_errors (void)
{
  static const struct {
    const char *line;
    const char *message;
  } cases[] = {
    { "[1]", "byte 1: expected a JSON object '{', found '['" },
    { "{\"a\": 1} x", "byte 10: expected the end of the line after the object" },
    { "{\"a\": 1,}", "byte 9: expected a string, found '}'" },
    { "{\"a\" 1}", "byte 6: expected ':' after a member name, found '1'" },
    { "{\"a\": \"x\ty\"}", "byte 9: expected a character (control characters" },
    { "{\"a\": \"\\q\"}", "byte 9: expected one of" },
    { "{\"a\": \"\\udc00\"}", "byte 8: expected a character (a lone low surrogate" },
    { "{\"a\": \"\\ud800x\"}", "byte 14: expected \\u and a low surrogate" },
    { "{\"a\": \"\xff\"}", "byte 8: expected UTF-8 text (sverka reads UTF-8 only), found byte 0xFF" },
    { "{\"a\": 01}", "byte 8: expected ',' or '}', found '1'" },
    { "{\"a\": -}", "byte 8: expected a digit, found '}'" },
    { "{\"a\": tru}", "byte 7: expected a value" },
    { "{\"a\": \"open", "byte 12: expected the closing quote of a string, found the end" },
    { "", "byte 1: expected a JSON object '{', found the end of the line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) m = parse (cases[i].line, &error);
    g_assert_null (m);
    g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT);
    if (!g_str_has_prefix (error->message, cases[i].message))
      g_error ("case %u: %s\n  gave: %s\n  expected: %s...", i, cases[i].line, error->message,
               cases[i].message);
  }
  {
    /* Nesting is bounded: 64 levels are fine, 65 are not. */
    g_autoptr (GString) deep = g_string_new ("{\"a\": ");
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) m = NULL;
    for (guint i = 0; i < 63; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 63; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    m = parse (deep->str, &error);
    g_assert_no_error (error);
    g_clear_pointer (&m, g_ptr_array_unref);
    g_string_insert_c (deep, 6, '[');
    g_string_insert_c (deep, deep->len - 1, ']');
    m = parse (deep->str, &error);
    g_assert_null (m);
    g_assert_nonnull (strstr (error->message, "nested at most 64 deep"));
  }
}

static void
test_json_write (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) line = g_string_new ("{\"k\": ");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) m = NULL;
  g_autoptr (GPtrArray) nul = NULL;
  const char text[] = "q\"b\\n\n\r\t\x01\x1f ё";
  const SverkaJsonMember *k;

  /* What the shared writer writes reads back as it was, and the raw text
   * of a member is kept for echoing. */
  sverka_json_append_string (out, text);
  g_assert_cmpstr (out->str, ==, "\"q\\\"b\\\\n\\n\\r\\t\\u0001\\u001f ё\"");
  g_string_append (line, out->str);
  g_string_append_c (line, '}');
  m = parse (line->str, &error);
  g_assert_no_error (error);
  k = sverka_json_find (m, "k");
  g_assert_cmpstr (k->value, ==, text);
  g_assert_cmpstr (k->raw, ==, out->str);
  /* A decoded string may hold U+0000: its length says so. */
  nul = parse ("{\"k\": \"a\\u0000b\"}", &error);
  g_assert_no_error (error);
  k = sverka_json_find (nul, "k");
  g_assert_cmpuint (k->value_len, ==, 3);
  g_assert_cmpmem (k->value, 3, "a\0b", 3);
}

typedef struct {
  guint index;
  SverkaContext *ctx;
} PoolJob;

static void
pool_work (SverkaContext *ctx, gpointer data, gpointer user_data)
{
  PoolJob *job = data;
  /* Later jobs finish first now and then. */
  g_usleep ((job->index * 7919) % 13 * 100);
  job->ctx = ctx;
  g_atomic_int_inc ((gint *) user_data);
}

static void
test_pool_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  SverkaContextOptions co;
  gint done = 0;
  g_autoptr (SverkaPool) pool = NULL;
  g_autoptr (GHashTable) contexts = g_hash_table_new (NULL, NULL);
  PoolJob jobs[300];
  guint next = 0;

  sverka_context_options_init (&co);
  co.dictionary_dir = dict;
  pool = sverka_pool_new (&co, 4, 0, pool_work, &done, &error);
  g_assert_no_error (error);
  g_assert_null (sverka_pool_pop (pool, TRUE)); /* nothing pending */
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++) {
    PoolJob *got;
    jobs[i].index = i;
    jobs[i].ctx = NULL;
    sverka_pool_push (pool, &jobs[i]);
    while ((got = sverka_pool_pop (pool, sverka_pool_get_n_pending (pool) >= 10)) != NULL) {
      g_assert_true (got == &jobs[next]);
      g_assert_nonnull (got->ctx);
      g_hash_table_add (contexts, got->ctx);
      next++;
    }
    g_assert_cmpuint (sverka_pool_get_n_pending (pool), <, 10);
  }
  for (PoolJob *got; (got = sverka_pool_pop (pool, TRUE)) != NULL; next++)
    g_assert_true (got == &jobs[next]);
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (jobs));
  g_assert_cmpint (done, ==, G_N_ELEMENTS (jobs));
  /* One context per worker, not per job. */
  g_assert_cmpuint (g_hash_table_size (contexts), >=, 1);
  g_assert_cmpuint (g_hash_table_size (contexts), <=, 4);
}

static void
test_pool_bad_dictionary (void)
{
  g_autoptr (GError) error = NULL;
  SverkaContextOptions co;
  g_autoptr (SverkaPool) pool = NULL;

  sverka_context_options_init (&co);
  co.dictionary_dir = "/nonexistent/sverka-dictionaries";
  pool = sverka_pool_new (&co, 2, 0, pool_work, NULL, &error);
  g_assert_null (pool);
  g_assert_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY);
}

/* Threads that make their own context at once and analyse a word, which
 * opens hunspell in each: hunspell's table for the whole process must be
 * made once and freed once (AddressSanitizer's leak check sees a second
 * one, as it did when sverka batch's workers raced to it). */
typedef struct {
  GMutex lock;
  GCond cond;
  guint waiting;
} Barrier;

static gpointer
open_and_analyse (gpointer data)
{
  Barrier *bar = data;
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  g_mutex_lock (&bar->lock);
  if (--bar->waiting == 0)
    g_cond_broadcast (&bar->cond);
  while (bar->waiting > 0)
    g_cond_wait (&bar->cond, &bar->lock);
  g_mutex_unlock (&bar->lock);
  doc = test_document_new_as (ctx, "Мир.", TRUE, SVERKA_LANGUAGE_RU);
  g_assert_true (sverka_document_analyze (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sverka_document_get_n_sentences (doc), ==, 1);
  return NULL;
}

static void
test_contexts_in_threads (void)
{
  for (guint round = 0; round < 6; round++) {
    Barrier bar = { .waiting = 3 };
    GThread *threads[3];
    g_mutex_init (&bar.lock);
    g_cond_init (&bar.cond);
    for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
      threads[i] = g_thread_new ("context", open_and_analyse, &bar);
    for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
      g_thread_join (threads[i]);
    g_mutex_clear (&bar.lock);
    g_cond_clear (&bar.cond);
  }
}

/* A parallel text where "зубробизон" always stands for "wisent", amid
 * sentences without it; the other words vary independently of it. */
static void
learn_texts (guint first, guint n, char **ru, char **en)
{
  static const char *verbs[][2] = { { "увидел", "saw" }, { "нашёл", "found" },
                                    { "покинул", "left" }, { "посетил", "visited" },
                                    { "искал", "sought" } };
  static const char *nouns[][2] = { { "деревню", "village" }, { "реку", "river" },
                                    { "поле", "field" }, { "город", "city" },
                                    { "лес", "forest" }, { "озеро", "lake" },
                                    { "гору", "mountain" } };
  GString *r = g_string_new (NULL), *e = g_string_new (NULL);
  for (guint i = first; i < first + n; i++) {
    gboolean wisent = i % 2 == 0;
    g_string_append_printf (r, "%s %s %s %u раз.\n\n", wisent ? "Зубробизон" : "Президент",
                            verbs[i % 5][0], nouns[i % 7][0], i + 2);
    g_string_append_printf (e, "The %s %s the %s %u times.\n\n", wisent ? "wisent" : "president",
                            verbs[i % 5][1], nouns[i % 7][1], i + 2);
  }
  *ru = g_string_free (r, FALSE);
  *en = g_string_free (e, FALSE);
}

static SverkaLearner *
learn_from (SverkaContext *ctx, SverkaLexicon *lex, const SverkaLearnOptions *opts,
            guint first, guint n)
{
  g_autofree char *rt = NULL, *et = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  SverkaAlignOptions ao;
  SverkaLearner *l = sverka_learner_new (opts);

  learn_texts (first, n, &rt, &et);
  ru = test_document_new_as (ctx, rt, TRUE, SVERKA_LANGUAGE_RU);
  en = test_document_new_as (ctx, et, TRUE, SVERKA_LANGUAGE_EN);
  sverka_align_options_init (&ao);
  ao.mode = SVERKA_MODE_PARALLEL;
  al = sverka_align (lex, ru, en, &ao, &error);
  g_assert_no_error (error);
  sverka_learner_add (l, al, ru, en);
  return l;
}

static void
test_learn (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = sverka_lexicon_new (ctx);
  g_autoptr (SverkaLexicon) lex2 = sverka_lexicon_new (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *seed = g_build_filename (test_srcdir (), "dictionaries", "ru-en.tsv", NULL);
  g_autoptr (SverkaLearner) all = NULL;
  g_autoptr (SverkaLearner) a = NULL;
  g_autoptr (SverkaLearner) b = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *again = NULL;
  SverkaLearnOptions opts;
  guint before, added = 0, added2 = 0, added3 = 0;

  g_assert_true (sverka_lexicon_load (lex, seed, &error));
  g_assert_true (sverka_lexicon_load (lex2, seed, &error));
  before = sverka_lexicon_get_n_entries (lex);
  sverka_learn_options_init (&opts);
  opts.min_score = 0.0; /* the beads of such short sentences score low */
  all = learn_from (ctx, lex, &opts, 0, 40);
  g_assert_cmpuint (sverka_learner_get_n_beads (all), ==, 40);
  text = sverka_learner_learn (all, lex, &added, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "# sverka-lexicon 1\n"));
  if (strstr (text, "\nзубробизон\twisent\n") == NULL)
    g_error ("not learned:\n%s", text);
  /* Known pairs are not learned again: президент = president is in the seed. */
  g_assert_null (strstr (text, "\nпрезидент\t"));
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (sverka_lexicon_get_n_entries (lex), ==, before + added);
  g_assert_cmpuint (sverka_lexicon_first (lex, "зубробизон"), !=, SVERKA_LEX_END);

  /* Two halves merged in order count as the whole. */
  a = learn_from (ctx, lex2, &opts, 0, 20);
  b = learn_from (ctx, lex2, &opts, 20, 20);
  sverka_learner_merge (a, b);
  text2 = sverka_learner_learn (a, lex2, &added2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text2, ==, text);
  g_assert_cmpuint (added2, ==, added);

  /* Learning again adds nothing: every pair is now known. */
  again = sverka_learner_learn (all, lex, &added3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added3, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/members", test_json_members);
  g_test_add_func ("/json/errors", test_json_errors);
  g_test_add_func ("/json/write", test_json_write);
  g_test_add_func ("/pool/order", test_pool_order);
  g_test_add_func ("/pool/bad-dictionary", test_pool_bad_dictionary);
  g_test_add_func ("/context/threads", test_contexts_in_threads);
  g_test_add_func ("/learn/pairs", test_learn);
  return g_test_run ();
}
