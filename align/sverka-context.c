/* sverka-context.c: the analysis context and the resources it owns. */
#include "config.h"

#include "sverka-context-private.h"

#include <libxml/parser.h>
#include "sverka-document-private.h"

#include <string.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "sverka-dictfile-private.h"
#include "sverka-error.h"
#include "sverka-text.h"

gboolean
sverka_icu_check (UErrorCode status, const char *what, GError **error)
{
  if (U_SUCCESS (status))
    return TRUE;
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ICU, "%s: ICU error %s", what,
               u_errorName (status));
  return FALSE;
}

void
sverka_context_options_init (SverkaContextOptions *options)
{
  memset (options, 0, sizeof *options);
}

static gboolean
add_stopword (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
              GError **error)
{
  GHashTable *set = user_data;
  char *fold = sverka_normalize (fields[0], -1, SVERKA_NORMALIZE_FOR_MATCHING, error);
  if (fold == NULL) {
    g_prefix_error (error, "%s:%u: ", path, lineno);
    return FALSE;
  }
  g_hash_table_add (set, fold);
  return TRUE;
}

static gboolean
add_exception (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
               GError **error)
{
  SverkaLangData *ld = user_data;
  SverkaExceptionRule rule;
  gsize len = strlen (fields[0]);

  if (fields[0][len - 1] != '.') {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected an abbreviation ending in '.', found '%s'", path, lineno,
                 fields[0]);
    return FALSE;
  }
  if (strcmp (fields[1], "never") == 0)
    rule = SVERKA_EXCEPTION_NEVER;
  else if (strcmp (fields[1], "digit") == 0)
    rule = SVERKA_EXCEPTION_DIGIT;
  else if (strcmp (fields[1], "name") == 0)
    rule = SVERKA_EXCEPTION_NAME;
  else if (strcmp (fields[1], "break") == 0)
    rule = SVERKA_EXCEPTION_BREAK;
  else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected the rule 'never', 'digit', 'name' or 'break', found '%s'", path, lineno,
                 fields[1]);
    return FALSE;
  }
  if (g_unichar_isupper (g_utf8_get_char (fields[0])))
    rule |= SVERKA_EXCEPTION_CAPITALISED;
  {
    g_autoptr (GString) fold = g_string_new (NULL);
    gpointer old;
    sverka_simple_fold (fields[0], len, fold);
    /* "Vol." and "vol.": the form in lower case is an abbreviation too. */
    old = g_hash_table_lookup (ld->exceptions, fold->str);
    if (old != NULL && !(GPOINTER_TO_INT (old) & SVERKA_EXCEPTION_CAPITALISED))
      rule &= ~SVERKA_EXCEPTION_CAPITALISED;
    g_hash_table_insert (ld->exceptions, g_string_free (g_steal_pointer (&fold), FALSE),
                         GINT_TO_POINTER (rule));
  }
  return TRUE;
}

/* Adds ICU's own sentence-break suppressions (the list behind the locale
 * keyword ss=standard) with the name rule. ICU's filter matches them as bare
 * suffixes, so that "NATO." ends like "O." and never breaks; sverka matches
 * them as whole words instead. Entries that are function words ("To.",
 * "In.", "On.") can end a sentence and are left out; sverka's own entries
 * take precedence. */
static gboolean
add_icu_suppressions (SverkaLangData *ld, const char *code, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle *bundle = ures_open (U_ICUDATA_NAME "-brkitr", code, &status);
  UResourceBundle *exceptions = NULL;
  UResourceBundle *list = NULL;
  g_autoptr (GString) fold = g_string_new (NULL);
  gboolean ok = TRUE;

  exceptions = ures_getByKey (bundle, "exceptions", NULL, &status);
  list = ures_getByKey (exceptions, "SentenceBreak", NULL, &status);
  if (status == U_MISSING_RESOURCE_ERROR) {
    /* This ICU has no list for the language: our own lists serve. */
    goto out;
  }
  if (!sverka_icu_check (status, "cannot read ICU's sentence-break exceptions", error)) {
    ok = FALSE;
    goto out;
  }
  while (ures_hasNext (list)) {
    int32_t len16 = 0, len8 = 0;
    const UChar *s16 = ures_getNextString (list, &len16, NULL, &status);
    char buf[128];
    gboolean capitalised;
    gpointer old;
    if (U_FAILURE (status))
      break;
    u_strToUTF8 (buf, sizeof buf, &len8, s16, len16, &status);
    if (U_FAILURE (status) || len8 < 2 || len8 >= (int32_t) sizeof buf) {
      status = U_ZERO_ERROR;
      continue;
    }
    sverka_simple_fold (buf, (gsize) len8 - 1, fold); /* without the dot */
    if (g_hash_table_contains (ld->stopwords, fold->str))
      continue;
    g_string_append_c (fold, '.');
    capitalised = g_unichar_isupper (g_utf8_get_char (buf));
    if (g_hash_table_lookup_extended (ld->exceptions, fold->str, NULL, &old)) {
      /* Ours take precedence; a form in lower case clears the flag. */
      if (!capitalised)
        g_hash_table_insert (ld->exceptions, g_strdup (fold->str),
                             GINT_TO_POINTER (GPOINTER_TO_INT (old)
                                              & ~SVERKA_EXCEPTION_CAPITALISED));
      continue;
    }
    g_hash_table_insert (ld->exceptions, g_strdup (fold->str),
                         GINT_TO_POINTER (SVERKA_EXCEPTION_NAME
                                          | (capitalised ? SVERKA_EXCEPTION_CAPITALISED : 0)));
  }
  ok = sverka_icu_check (status, "cannot read ICU's sentence-break exceptions", error);
out:
  g_clear_pointer (&list, ures_close);
  g_clear_pointer (&exceptions, ures_close);
  g_clear_pointer (&bundle, ures_close);
  return ok;
}

static gboolean
add_number_word (const char *path, guint lineno, char **fields, guint n_fields,
                 gpointer user_data, GError **error)
{
  SverkaLangData *ld = user_data;
  SverkaNumWord nw = { 0 };
  char *end = NULL;
  g_autoptr (GString) fold = g_string_new (NULL);

  nw.value = g_ascii_strtod (fields[1], &end);
  if (end == fields[1] || *end != '\0') {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a number in field 2, found '%s'", path, lineno, fields[1]);
    return FALSE;
  }
  if (strcmp (fields[2], "cardinal") == 0)
    nw.kind = SVERKA_NUMWORD_CARDINAL;
  else if (strcmp (fields[2], "hundred") == 0)
    nw.kind = SVERKA_NUMWORD_HUNDRED;
  else if (strcmp (fields[2], "multiplier") == 0)
    nw.kind = SVERKA_NUMWORD_MULTIPLIER;
  else if (strcmp (fields[2], "ordinal") == 0)
    nw.kind = SVERKA_NUMWORD_ORDINAL;
  else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected the kind 'cardinal', 'hundred', 'multiplier' or 'ordinal', "
                 "found '%s'",
                 path, lineno, fields[2]);
    return FALSE;
  }
  sverka_simple_fold (fields[0], strlen (fields[0]), fold);
  g_hash_table_insert (ld->numbers, g_string_free (g_steal_pointer (&fold), FALSE),
                       g_memdup2 (&nw, sizeof nw));
  return TRUE;
}

static gboolean
add_lemma (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
           GError **error)
{
  GHashTable *lemmas = user_data;
  g_autoptr (GString) form = g_string_new (NULL);
  g_autoptr (GString) lemma = g_string_new (NULL);

  sverka_simple_fold (fields[0], strlen (fields[0]), form);
  sverka_simple_fold (fields[1], strlen (fields[1]), lemma);
  if (strcmp (form->str, lemma->str) == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: the form '%s' is its own lemma; remove the line", path, lineno,
                 fields[0]);
    return FALSE;
  }
  g_hash_table_insert (lemmas, g_string_free (g_steal_pointer (&form), FALSE),
                       g_string_free (g_steal_pointer (&lemma), FALSE));
  return TRUE;
}

/* A line of months.tsv: a month word, or a beginning ending in '*'. */
static gboolean
add_month (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
           GError **error)
{
  SverkaLangData *ld = user_data;
  g_autoptr (GString) fold = g_string_new (NULL);
  gsize len = strlen (fields[0]);
  gboolean start = len > 0 && fields[0][len - 1] == '*';
  char *end = NULL;
  guint64 month = g_ascii_strtoull (fields[1], &end, 10);

  if (end == fields[1] || *end != '\0' || month < 1 || month > 12) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a month from 1 to 12 in field 2, found '%s'", path, lineno,
                 fields[1]);
    return FALSE;
  }
  sverka_simple_fold (fields[0], start ? len - 1 : len, fold);
  /* a beginning of fewer than two bytes would take most words for months */
  if (fold->len < 2) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a month word of two letters or more, found '%s'", path, lineno,
                 fields[0]);
    return FALSE;
  }
  sverka_start_filter_add (&ld->month_filter, fold->str);
  if (start) {
    g_string_append_c (fold, (char) month);
    g_ptr_array_add (ld->month_starts, g_string_free (g_steal_pointer (&fold), FALSE));
  } else {
    g_hash_table_insert (ld->months, g_string_free (g_steal_pointer (&fold), FALSE),
                         GUINT_TO_POINTER ((guint) month));
  }
  return TRUE;
}

static gboolean
lang_data_init (SverkaContext *ctx, SverkaLanguage lang, const char *code, GError **error)
{
  SverkaLangData *ld = &ctx->langs[lang];
  g_autofree char *stop_path = NULL;
  g_autofree char *exc_path = NULL;
  g_autofree char *num_path = NULL;
  g_autofree char *lemma_path = NULL;
  g_autofree char *month_path = NULL;
  g_autofree char *times_path = NULL;
  g_autofree char *weekdays_path = NULL;
  UErrorCode status = U_ZERO_ERROR;

  ld->lang = lang;
  ld->pack = sverka_language_pack_load (ctx->dictionary_dir, code, error);
  if (ld->pack == NULL)
    return FALSE;
  stop_path = sverka_language_pack_file (ld->pack, "stopwords.txt");
  exc_path = sverka_language_pack_file (ld->pack, "segment-exceptions.tsv");
  num_path = sverka_language_pack_file (ld->pack, "numbers.tsv");
  lemma_path = sverka_language_pack_file (ld->pack, "lemmas.tsv");
  month_path = sverka_language_pack_file (ld->pack, "months.tsv");
  times_path = sverka_language_pack_file (ld->pack, "times.tsv");
  weekdays_path = sverka_language_pack_file (ld->pack, "weekdays.tsv");
  ld->stopwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ld->exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ld->word_blocks = g_ptr_array_new_with_free_func (g_free);
  ld->word_strings = g_string_chunk_new (64 * 1024);
  ld->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ld->lemmas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ld->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ld->month_starts = g_ptr_array_new_with_free_func (g_free);

  if ((ld->pack->files & SVERKA_PACK_STOPWORDS)
      && !sverka_dict_file_foreach (stop_path, "sverka-stopwords", 1, 1, 1, add_stopword,
                                    ld->stopwords, error))
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_SEGMENT_EXCEPTIONS)
      && !sverka_dict_file_foreach (exc_path, "sverka-segment-exceptions", 1, 2, 2,
                                    add_exception, ld, error))
    return FALSE;
  if (!add_icu_suppressions (ld, ld->pack->locale, error))
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_NUMBERS)
      && !sverka_dict_file_foreach (num_path, "sverka-numbers", 1, 3, 3, add_number_word, ld,
                                    error))
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_LEMMAS)
      && !sverka_dict_file_foreach (lemma_path, "sverka-lemmas", 1, 2, 2, add_lemma,
                                    ld->lemmas, error))
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_MONTHS)
      && !sverka_dict_file_foreach (month_path, "sverka-months", 1, 2, 2, add_month, ld, error))
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_TIMES)
      && (ld->times = sverka_time_words_load (times_path, error)) == NULL)
    return FALSE;
  if ((ld->pack->files & SVERKA_PACK_WEEKDAYS)
      && (ld->weekdays = sverka_weekdays_load (weekdays_path, error)) == NULL)
    return FALSE;

  ld->sentence_bi = ubrk_open (UBRK_SENTENCE, ld->pack->locale, NULL, 0, &status);
  if (!sverka_icu_check (status, "cannot open the sentence break iterator", error))
    return FALSE;
  ld->word_bi = ubrk_open (UBRK_WORD, ld->pack->locale, NULL, 0, &status);
  if (!sverka_icu_check (status, "cannot open the word break iterator", error))
    return FALSE;
  return TRUE;
}

/* hunspell keeps a table of its own for every process, made by the first
 * Hunspell_create() and freed by the last Hunspell_destroy() with a count
 * that no lock guards: contexts of two threads opening or closing hunspell
 * at once would make it twice (one leaked) or free it in use. This lock,
 * the one piece of state sverka keeps for the process, serialises the two
 * calls; a context's hunspell is used by its own thread only. */
static GMutex hunspell_lock;

Hunhandle *
sverka_hunspell_create (const char *aff, const char *dic)
{
  Hunhandle *h;
  g_mutex_lock (&hunspell_lock);
  h = Hunspell_create (aff, dic);
  g_mutex_unlock (&hunspell_lock);
  return h;
}

void
sverka_hunspell_destroy (Hunhandle *h)
{
  g_mutex_lock (&hunspell_lock);
  Hunspell_destroy (h);
  g_mutex_unlock (&hunspell_lock);
}

static void
lang_data_clear (SverkaLangData *ld)
{
  g_clear_pointer (&ld->stopwords, g_hash_table_unref);
  g_clear_pointer (&ld->exceptions, g_hash_table_unref);
  sverka_word_table_clear (&ld->words);
  g_clear_pointer (&ld->word_blocks, g_ptr_array_unref);
  g_clear_pointer (&ld->word_strings, g_string_chunk_free);
  g_clear_pointer (&ld->numbers, g_hash_table_unref);
  g_clear_pointer (&ld->lemmas, g_hash_table_unref);
  g_clear_pointer (&ld->months, g_hash_table_unref);
  g_clear_pointer (&ld->month_starts, g_ptr_array_unref);
  g_clear_pointer (&ld->times, sverka_time_words_free);
  g_clear_pointer (&ld->weekdays, sverka_weekdays_free);
  g_clear_pointer (&ld->sentence_bi, ubrk_close);
  g_clear_pointer (&ld->word_bi, ubrk_close);
  g_clear_pointer (&ld->stemmer, sb_stemmer_delete);
  g_clear_pointer (&ld->hunspell, sverka_hunspell_destroy);
  g_clear_pointer (&ld->hunspell_alt, sverka_hunspell_destroy);
  g_clear_pointer (&ld->forms, sverka_wordforms_free);
  g_clear_pointer (&ld->forms_alt, sverka_wordforms_free);
  g_clear_pointer (&ld->lemma_table, sverka_lemmas_free);
  g_clear_pointer (&ld->suggest_order, sverka_suggest_order_free);
  g_clear_pointer (&ld->translit, utrans_close);
  g_clear_pointer (&ld->pack, sverka_language_pack_free);
}

SverkaContext *
sverka_context_new (const SverkaContextOptions *options, GError **error)
{
  g_autoptr (SverkaContext) ctx = g_new0 (SverkaContext, 1);
  const char *first, *second;

  /* libxml2 (web pages, sverka-input-html.c) sets itself up once per
   * process; done here, before any worker thread reads a page. */
  xmlInitParser ();
  ctx->ref_count = 1;
  ctx->dictionary_dir = g_strdup (options != NULL && options->dictionary_dir != NULL
                                      ? options->dictionary_dir
                                      : SVERKA_DICT_DIR);
  ctx->hunspell_dir = g_strdup (options != NULL && options->hunspell_dir != NULL
                                    ? options->hunspell_dir
                                    : SVERKA_HUNSPELL_DIR);
  if (!g_file_test (ctx->dictionary_dir, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "dictionary folder %s not found; install sverka (sverka-data) or name a "
                 "folder of sverka's dictionaries, such as the source tree's dictionaries/, "
                 "in SverkaContextOptions.dictionary_dir ($SVERKA_DICT_DIR for "
                 "sverka_align_texts(), --dict-dir on the command line)",
                 ctx->dictionary_dir);
    return NULL;
  }
  first = options != NULL && options->first_language != NULL ? options->first_language : "ru";
  second = options != NULL && options->second_language != NULL ? options->second_language
                                                                : "en";
  if (strcmp (first, second) == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "the pair's two languages are both '%s'; name two different ones", first);
    return NULL;
  }
  if (!lang_data_init (ctx, SVERKA_LANGUAGE_FIRST, first, error)
      || !lang_data_init (ctx, SVERKA_LANGUAGE_SECOND, second, error))
    return NULL;
  ctx->same_script = ctx->langs[SVERKA_LANGUAGE_FIRST].pack->script
                     == ctx->langs[SVERKA_LANGUAGE_SECOND].pack->script;
  /* One look-up instead of two for sverka_context_is_stopword(). */
  ctx->stopwords = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = SVERKA_LANGUAGE_RU; l <= SVERKA_LANGUAGE_EN; l++) {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, ctx->langs[l].stopwords);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (ctx->stopwords, key);
  }
  return g_steal_pointer (&ctx);
}

SverkaContext *
sverka_context_ref (SverkaContext *ctx)
{
  g_atomic_int_inc (&ctx->ref_count);
  return ctx;
}

void
sverka_context_unref (SverkaContext *ctx)
{
  if (ctx == NULL || !g_atomic_int_dec_and_test (&ctx->ref_count))
    return;
  g_clear_pointer (&ctx->stopwords, g_hash_table_unref);
  for (guint i = 0; i < SVERKA_N_LANGUAGES; i++)
    lang_data_clear (&ctx->langs[i]);
  g_free (ctx->dictionary_dir);
  g_free (ctx->hunspell_dir);
  g_free (ctx->compiled_dir);
  g_clear_error (&ctx->hunspell_error);
  g_free (ctx);
}

void
sverka_context_set_spelling (SverkaContext *ctx, gboolean spelling)
{
  ctx->no_spelling = !spelling;
}

void
sverka_context_close_hunspell (SverkaContext *ctx)
{
  for (guint i = 0; i < SVERKA_N_LANGUAGES; i++) {
    g_clear_pointer (&ctx->langs[i].hunspell, sverka_hunspell_destroy);
    g_clear_pointer (&ctx->langs[i].hunspell_alt, sverka_hunspell_destroy);
    g_clear_pointer (&ctx->langs[i].lemma_table, sverka_lemmas_free);
    ctx->langs[i].lemma_table_tried = FALSE;
  }
}

const char *
sverka_context_get_language_code (SverkaContext *ctx, SverkaLanguage lang)
{
  return sverka_context_lang (ctx, lang)->pack->code;
}

guint
sverka_context_month_of_word (SverkaContext *ctx, const char *fold)
{
  for (guint l = SVERKA_LANGUAGE_FIRST; l <= SVERKA_LANGUAGE_SECOND; l++) {
    const SverkaLangData *ld = &ctx->langs[l];
    gpointer m;
    /* Most words begin as no month word does. */
    if (ld->months == NULL || !sverka_start_filter_may_hold (&ld->month_filter, fold))
      continue;
    for (guint i = 0; i < ld->month_starts->len; i++) {
      const char *s = g_ptr_array_index (ld->month_starts, i);
      gsize n = strlen (s) - 1;
      if (s[0] == fold[0] && strncmp (s, fold, n) == 0)
        return (guchar) s[n];
    }
    m = g_hash_table_lookup (ld->months, fold);
    if (m != NULL)
      return GPOINTER_TO_UINT (m);
  }
  return 0;
}

gboolean
sverka_context_packs_have (SverkaContext *ctx, guint files)
{
  return (ctx->langs[SVERKA_LANGUAGE_FIRST].pack->files & files) == files
         && (ctx->langs[SVERKA_LANGUAGE_SECOND].pack->files & files) == files;
}

gboolean
sverka_context_is_ru_en (SverkaContext *ctx)
{
  return strcmp (ctx->langs[SVERKA_LANGUAGE_FIRST].pack->code, "ru") == 0
         && strcmp (ctx->langs[SVERKA_LANGUAGE_SECOND].pack->code, "en") == 0;
}

const char *
sverka_context_get_dictionary_dir (SverkaContext *ctx)
{
  return ctx->dictionary_dir;
}

gboolean
sverka_context_is_stopword (SverkaContext *ctx, const char *folded)
{
  return g_hash_table_contains (ctx->stopwords, folded);
}

/* The hunspell dictionary of @ld that is asked first (en_US; en_GB beside
 * it is asked second). */
static const char *
first_dic_name (const SverkaLangData *ld)
{
  return ld->pack->hunspell;
}

/* The .aff (@ext "aff") or .dic file of hunspell dictionary @dic_name in the
 * hunspell folder. Returns: (transfer full). */
static char *
hunspell_file (SverkaContext *ctx, const char *dic_name, const char *ext)
{
  return g_strdup_printf ("%s/%s.%s", ctx->hunspell_dir, dic_name, ext);
}

/* Are the files of hunspell dictionary @dic_name in the hunspell folder?
 * If not, the error names the Debian @package that provides them. */
static gboolean
hunspell_files_exist (SverkaContext *ctx, const char *dic_name, const char *package,
                      GError **error)
{
  g_autofree char *aff = hunspell_file (ctx, dic_name, "aff");
  g_autofree char *dic = hunspell_file (ctx, dic_name, "dic");

  if (!g_file_test (aff, G_FILE_TEST_IS_REGULAR) || !g_file_test (dic, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "hunspell dictionary %s not found; install the Debian package %s "
                 "(apt-get install %s)",
                 dic, package, package);
    return FALSE;
  }
  return TRUE;
}

/* Opens the hunspell dictionary @dic_name of the hunspell folder; the error
 * names the Debian @package that provides it. */
static Hunhandle *
open_hunspell (SverkaContext *ctx, const char *dic_name, const char *package, GError **error)
{
  g_autofree char *aff = hunspell_file (ctx, dic_name, "aff");
  g_autofree char *dic = hunspell_file (ctx, dic_name, "dic");
  Hunhandle *h;

  if (!hunspell_files_exist (ctx, dic_name, package, error))
    return NULL;
  h = sverka_hunspell_create (aff, dic);
  if (h == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "hunspell cannot open %s", dic);
    return NULL;
  }
  if (g_strcmp0 (Hunspell_get_dic_encoding (h), "UTF-8") != 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "hunspell dictionary %s is in %s; sverka needs a UTF-8 dictionary", dic,
                 Hunspell_get_dic_encoding (h));
    sverka_hunspell_destroy (h);
    return NULL;
  }
  return h;
}

gboolean
sverka_context_open_stemmer (SverkaContext *ctx, SverkaLanguage lang, GError **error)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  const char *algorithm = ld->pack->stemmer;

  if (ld->stemmer == NULL) {
    ld->stemmer = sb_stemmer_new (algorithm, "UTF_8");
    if (ld->stemmer == NULL) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "the Snowball stemmer '%s' is not available; install the Debian package "
                   "libstemmer0d",
                   algorithm);
      return FALSE;
    }
  }
  return TRUE;
}

void
sverka_context_release_lemma_tables (SverkaContext *ctx)
{
  for (guint i = SVERKA_LANGUAGE_RU; i <= SVERKA_LANGUAGE_EN; i++) {
    g_clear_pointer (&ctx->langs[i].lemma_table, sverka_lemmas_free);
    ctx->langs[i].lemma_table_tried = TRUE;
  }
}

void
sverka_context_allow_lemma_tables (SverkaContext *ctx)
{
  for (guint i = SVERKA_LANGUAGE_RU; i <= SVERKA_LANGUAGE_EN; i++)
    if (ctx->langs[i].lemma_table == NULL)
      ctx->langs[i].lemma_table_tried = FALSE;
}

void
sverka_context_set_compiled_dir (SverkaContext *ctx, const char *dir)
{
  g_free (ctx->compiled_dir);
  ctx->compiled_dir = g_strdup (dir);
}

/* Calls @map on each compiled table @kind-@dic_name.svk found (in the
 * compiled folder set, the dictionary folder, the installed one) until one
 * maps: one compiled from the dictionary as it is. NULL if none. */
static gpointer
map_compiled (SverkaContext *ctx, const char *kind, const char *dic_name,
              gpointer (*map) (const char *path, const char *aff, const char *dic,
                               gpointer data),
              gpointer data)
{
  g_autofree char *aff = hunspell_file (ctx, dic_name, "aff");
  g_autofree char *dic = hunspell_file (ctx, dic_name, "dic");
  g_autofree char *file = g_strdup_printf ("%s-%s.svk", kind, dic_name);
  const char *dirs[] = { ctx->compiled_dir, ctx->dictionary_dir, SVERKA_COMPILED_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++) {
    g_autofree char *path = dirs[i] != NULL ? g_build_filename (dirs[i], file, NULL) : NULL;
    gpointer table;
    if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
      continue;
    /* out of date, damaged or answering nothing: the next, else hunspell
     * alone (slower, the same answers) */
    table = map (path, aff, dic, data);
    if (table != NULL)
      return table;
  }
  return NULL;
}

static gpointer
map_forms (const char *path, const char *aff, const char *dic, gpointer data)
{
  (void) data;
  return sverka_wordforms_map (path, aff, dic, NULL);
}

static gpointer
map_lemmas (const char *path, const char *aff, const char *dic, gpointer data)
{
  (void) data;
  return sverka_lemmas_map (path, aff, dic, NULL);
}

void
sverka_context_open_forms (SverkaContext *ctx, SverkaLanguage lang)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  if (ld->forms_tried)
    return;
  ld->forms_tried = TRUE;
  ld->forms = map_compiled (ctx, "forms", first_dic_name (ld), map_forms, NULL);
  if (ld->pack->hunspell_alt != NULL)
    ld->forms_alt = map_compiled (ctx, "forms", ld->pack->hunspell_alt, map_forms, NULL);
}

/* The table of lemmas of @ld's first dictionary, mapped at the first
 * question; NULL when there is none made from the dictionary as it is by
 * this hunspell. */
static SverkaLemmas *
lemma_table (SverkaContext *ctx, SverkaLangData *ld)
{
  if (!ld->lemma_table_tried) {
    ld->lemma_table_tried = TRUE;
    ld->lemma_table = map_compiled (ctx, "lemmas", first_dic_name (ld), map_lemmas, NULL);
  }
  return ld->lemma_table;
}

gboolean
sverka_context_hunspell_ok (SverkaContext *ctx, GError **error)
{
  if (ctx->hunspell_error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (ctx->hunspell_error));
  return FALSE;
}

/* @ld's first hunspell dictionary, opened at the first word the table of
 * lemmas cannot answer; NULL if it cannot be opened, why kept in @ctx for
 * the analysis to give. */
static Hunhandle *
first_hunspell (SverkaContext *ctx, SverkaLangData *ld)
{
  if (ld->hunspell == NULL && ctx->hunspell_error == NULL)
    ld->hunspell = open_hunspell (ctx, first_dic_name (ld), ld->pack->hunspell_package,
                                  &ctx->hunspell_error);
  return ld->hunspell;
}

gboolean
sverka_context_spell_first (SverkaContext *ctx, SverkaLanguage lang, const char *word)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  SverkaLemmas *lm;
  Hunhandle *h;

  if (ld->forms != NULL && !sverka_wordforms_may_know (ld->forms, word))
    return FALSE;
  lm = lemma_table (ctx, ld);
  switch (lm != NULL ? sverka_lemmas_spell (lm, word) : SVERKA_SPELL_ASK) {
  case SVERKA_SPELL_REJECTED:
    return FALSE;
  case SVERKA_SPELL_KNOWN:
    return TRUE;
  case SVERKA_SPELL_ASK:
    break;
  }
  h = first_hunspell (ctx, ld);
  return h != NULL && Hunspell_spell (h, word) != 0;
}

char *
sverka_context_hunspell_lemma (SverkaContext *ctx, SverkaLanguage lang, const char *form)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  SverkaLemmas *lm = lemma_table (ctx, ld);
  const char *lemma = NULL;
  char **list = NULL;
  char *out = NULL;
  Hunhandle *h;
  int n;

  if (lm != NULL) {
    switch (sverka_lemmas_lookup (lm, form, &lemma)) {
    case SVERKA_LEMMA_NONE:
      return NULL;
    case SVERKA_LEMMA_FOUND:
      return sverka_normalize (lemma, -1, SVERKA_NORMALIZE_FOR_MATCHING, NULL);
    case SVERKA_LEMMA_ASK:
      break;
    }
  }
  h = first_hunspell (ctx, ld);
  if (h == NULL)
    return NULL;
  n = Hunspell_stem (h, &list, form);
  if (n > 0)
    out = sverka_normalize (list[0], -1, SVERKA_NORMALIZE_FOR_MATCHING, NULL);
  Hunspell_free_list (h, &list, n);
  return out;
}

/* Whether hunspell would suggest @cand: its first dictionary knows it as it
 * is (hunspell accepts "e." as an abbreviation of "e", but never suggests
 * it), and no root of it carries NOSUGGEST. */
typedef struct {
  SverkaContext *ctx;
  SverkaLanguage lang;
} Suggesting;

static gboolean
suggestible (const char *cand, gpointer data)
{
  const Suggesting *sg = data;
  SverkaLangData *ld = sverka_context_lang (sg->ctx, sg->lang);
  gsize len = strlen (cand);
  char **list = NULL;
  Hunhandle *h;
  gboolean ok;
  int n;

  if ((len > 0 && cand[len - 1] == '.') || !sverka_context_spell_first (sg->ctx, sg->lang, cand))
    return FALSE;
  h = first_hunspell (sg->ctx, ld);
  if (h == NULL)
    return FALSE;
  n = Hunspell_stem (h, &list, cand);
  ok = TRUE;
  for (int i = 0; i < n && ok; i++)
    ok = !sverka_suggest_order_is_nosuggest (ld->suggest_order, list[i]);
  Hunspell_free_list (h, &list, n);
  return ok;
}

const char *
sverka_context_suggest_first (SverkaContext *ctx, SverkaLanguage lang, const char *word,
                              const char *const *cands)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);
  Suggesting sg = { ctx, lang };
  gint k;

  if (!ld->suggest_order_tried) {
    g_autofree char *aff = hunspell_file (ctx, first_dic_name (ld), "aff");
    g_autofree char *dic = hunspell_file (ctx, first_dic_name (ld), "dic");
    ld->suggest_order_tried = TRUE;
    ld->suggest_order = sverka_suggest_order_new (aff, dic, NULL);
  }
  if (ld->suggest_order == NULL || !sverka_context_open_analysis (ctx, lang, NULL))
    return NULL;
  sverka_context_open_forms (ctx, lang);
  k = sverka_suggest_order_first (ld->suggest_order, word, cands, g_strv_length ((GStrv) cands),
                                  suggestible, &sg);
  return k >= 0 ? cands[k] : NULL;
}

gboolean
sverka_context_open_analysis (SverkaContext *ctx, SverkaLanguage lang, GError **error)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);

  if (!sverka_context_open_stemmer (ctx, lang, error))
    return FALSE;
  if (!sverka_context_hunspell_ok (ctx, error))
    return FALSE;
  /* with a table of its lemmas, at the first word the table cannot answer
   * (opening ru_RU takes 0.15 s and 25 MB) */
  if (ld->hunspell == NULL && lemma_table (ctx, ld) == NULL) {
    ld->hunspell = open_hunspell (ctx, first_dic_name (ld), ld->pack->hunspell_package, error);
    if (ld->hunspell == NULL)
      return FALSE;
  }
  /* British spellings (centre, organise, programme) are right too: a
   * spelling status only, so without one en_GB is not looked for; with
   * one, it is opened at the first word its word forms do not rule out
   * (sverka_context_spell_alt(): its opening and closing take 0.05 s), and
   * only its files are looked for here. */
  if (ld->pack->hunspell_alt != NULL && !ctx->no_spelling && ld->hunspell_alt == NULL
      && !hunspell_files_exist (ctx, ld->pack->hunspell_alt, ld->pack->hunspell_alt_package,
                                error)) {
    g_clear_pointer (&ld->hunspell, sverka_hunspell_destroy);
    return FALSE;
  }
  return TRUE;
}

gboolean
sverka_context_spell_alt (SverkaContext *ctx, SverkaLanguage lang, const char *word)
{
  SverkaLangData *ld = sverka_context_lang (ctx, lang);

  if (ld->pack->hunspell_alt == NULL || ctx->no_spelling)
    return FALSE;
  sverka_context_open_forms (ctx, lang);
  if (ld->forms_alt != NULL && !sverka_wordforms_may_know (ld->forms_alt, word))
    return FALSE;
  if (ld->hunspell_alt == NULL && ctx->hunspell_error == NULL)
    ld->hunspell_alt = open_hunspell (ctx, ld->pack->hunspell_alt,
                                      ld->pack->hunspell_alt_package, &ctx->hunspell_error);
  return ld->hunspell_alt != NULL && Hunspell_spell (ld->hunspell_alt, word) != 0;
}
