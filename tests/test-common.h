/* test-common.h: shared set-up for the unit tests. */
#pragma once

#include <glib.h>
#include <string.h>

#include "sverka.h"

/* The source tree, from SVERKA_TEST_SRCDIR (set by meson). */
static inline const char *
test_srcdir (void)
{
  const char *dir = g_getenv ("SVERKA_TEST_SRCDIR");
  g_assert_nonnull (dir);
  return dir;
}

#ifdef SVERKA_HUNSPELL_DIR
/* The file @name.@ext of the hunspell folder ($SVERKA_HUNSPELL_DIR, else
 * the one configured; config.h defines it). Returns: (transfer full). */
static inline char *
test_hunspell_file (const char *name, const char *ext)
{
  const char *dir = g_getenv ("SVERKA_HUNSPELL_DIR");
  if (dir == NULL || *dir == '\0')
    dir = SVERKA_HUNSPELL_DIR;
  return g_strdup_printf ("%s/%s.%s", dir, name, ext);
}
#endif

/* Returns: (transfer full) a context on the source tree's dictionaries. */
static inline SverkaContext *
test_context_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict = g_build_filename (test_srcdir (), "dictionaries", NULL);
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = dict;
  ctx = sverka_context_new (&opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctx);
  return ctx;
}

/* Loads @text (NUL-terminated) as a document in @lang; asserts success. */
static inline SverkaDocument *
test_document_new_as (SverkaContext *ctx, const char *text, gboolean keep_all,
                      SverkaLanguage lang)
{
  g_autoptr (GError) error = NULL;
  SverkaLoadOptions opts;
  SverkaDocument *doc;

  sverka_load_options_init (&opts);
  opts.keep_all = keep_all;
  opts.language = lang;
  doc = sverka_document_new_from_data (ctx, "test", text, strlen (text), &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Loads @text as a document of the language its script says. */
static inline SverkaDocument *
test_document_new (SverkaContext *ctx, const char *text, gboolean keep_all)
{
  return test_document_new_as (ctx, text, keep_all, SVERKA_LANGUAGE_AUTO);
}

/* Returns: (transfer full) the sentences of @doc joined by "\n", each with
 * its white space cleaned as in the output. */
static inline char *
test_sentences (SverkaDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    g_autofree char *s = sverka_document_dup_sentence_text (doc, i);
    if (i > 0)
      g_string_append_c (out, '\n');
    g_string_append (out, s);
  }
  return g_string_free (out, FALSE);
}
