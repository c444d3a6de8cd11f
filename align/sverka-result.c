/* sverka-result.c: the one-call interface, sverka_align_texts(). */
#include <string.h>

#include "sverka.h"
#include "sverka-lexicon-private.h"
#include "sverka-write-private.h"

struct _SverkaResult {
  SverkaContext *ctx;
  SverkaLexicon *lex;
  SverkaDocument *ru;
  SverkaDocument *en;
  SverkaAlignment *alignment;
  SverkaNotes *notes; /* NULL with no_notes */
};

void
sverka_options_init (SverkaOptions *options)
{
  memset (options, 0, sizeof *options);
  options->mode = SVERKA_MODE_AUTO;
}

void
sverka_result_free (SverkaResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->notes, sverka_notes_free);
  g_clear_pointer (&result->alignment, sverka_alignment_free);
  g_clear_pointer (&result->lex, sverka_lexicon_free);
  g_clear_pointer (&result->ru, sverka_document_free);
  g_clear_pointer (&result->en, sverka_document_free);
  g_clear_pointer (&result->ctx, sverka_context_unref);
  g_free (result);
}

/* The default lexicons: ru-en.tsv of the dictionary folder, then the
 * learned table and the imported Mueller dictionary beside it when the
 * build made them (the command line's order); compiled-ru-en.lex instead
 * when it was compiled from these very files. */
static gboolean
load_default_lexicons (SverkaLexicon *lex, const char *dir, GError **error)
{
  g_autofree char *seed = g_build_filename (dir, "ru-en.tsv", NULL);
  g_autofree char *learned = g_build_filename (dir, "learned-ru-en.tsv", NULL);
  g_autofree char *mueller = g_build_filename (dir, "mueller7-ru-en.tsv", NULL);
  g_autofree char *compiled = sverka_lexicon_find_compiled (dir);
  const char *sources[4] = { seed, NULL, NULL, NULL };
  guint n = 1;

  if (g_file_test (learned, G_FILE_TEST_IS_REGULAR))
    sources[n++] = learned;
  if (g_file_test (mueller, G_FILE_TEST_IS_REGULAR))
    sources[n++] = mueller;
  return sverka_lexicon_load_sources (lex, compiled, sources, NULL, error);
}

static SverkaDocument *
load_side (SverkaContext *ctx, const char *name, const char *text, gssize len,
           SverkaLanguage lang, const SverkaOptions *options, GError **error)
{
  SverkaLoadOptions load;

  if (text == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT, "%s: no text given (NULL)",
                 name);
    return NULL;
  }
  sverka_load_options_init (&load);
  load.language = lang;
  load.keep_all = options->keep_all;
  return sverka_document_new_from_data (ctx, name, text, len < 0 ? strlen (text) : (gsize) len,
                                        &load, error);
}

SverkaResult *
sverka_align_texts_full (const char *ru,
                         gssize ru_len,
                         const char *en,
                         gssize en_len,
                         const SverkaOptions *options,
                         GError **error)
{
  g_autoptr (SverkaResult) r = g_new0 (SverkaResult, 1);
  SverkaOptions defaults;
  SverkaContextOptions ctx_opts;
  SverkaAlignOptions align_opts;
  const char *env = g_getenv ("SVERKA_DICT_DIR");

  if (options == NULL) {
    sverka_options_init (&defaults);
    options = &defaults;
  }
  sverka_context_options_init (&ctx_opts);
  ctx_opts.dictionary_dir = options->dictionary_dir;
  if (ctx_opts.dictionary_dir == NULL && env != NULL && *env != '\0')
    ctx_opts.dictionary_dir = env;
  ctx_opts.hunspell_dir = options->hunspell_dir;
  r->ctx = sverka_context_new (&ctx_opts, error);
  if (r->ctx == NULL)
    return NULL;

  r->ru = load_side (r->ctx, "Russian text", ru, ru_len, SVERKA_LANGUAGE_RU, options, error);
  if (r->ru == NULL)
    return NULL;
  r->en = load_side (r->ctx, "English text", en, en_len, SVERKA_LANGUAGE_EN, options, error);
  if (r->en == NULL)
    return NULL;

  r->lex = sverka_lexicon_new (r->ctx);
  if (options->lexicons != NULL) {
    for (guint i = 0; options->lexicons[i] != NULL; i++) {
      if (!sverka_lexicon_load (r->lex, options->lexicons[i], error))
        return NULL;
    }
  } else if (!load_default_lexicons (r->lex, sverka_context_get_dictionary_dir (r->ctx), error)) {
    return NULL;
  }

  sverka_align_options_init (&align_opts);
  align_opts.mode = options->mode;
  r->alignment = sverka_align (r->lex, r->ru, r->en, &align_opts, error);
  if (r->alignment == NULL)
    return NULL;
  if (!options->no_notes) {
    r->notes = sverka_notes_new (r->lex, r->alignment, r->ru, r->en, error);
    if (r->notes == NULL)
      return NULL;
  }
  return g_steal_pointer (&r);
}

SverkaResult *
sverka_align_texts (const char *ru, gssize ru_len, const char *en, gssize en_len, GError **error)
{
  return sverka_align_texts_full (ru, ru_len, en, en_len, NULL, error);
}

SverkaMode
sverka_result_get_mode (SverkaResult *result)
{
  return sverka_alignment_get_mode (result->alignment);
}

guint
sverka_result_get_n_beads (SverkaResult *result)
{
  return sverka_alignment_get_n_beads (result->alignment);
}

const SverkaBead *
sverka_result_get_bead (SverkaResult *result, guint i)
{
  return sverka_alignment_get_bead (result->alignment, i);
}

char *
sverka_result_dup_bead_text (SverkaResult *result, guint i, SverkaLanguage lang)
{
  const SverkaBead *b;
  GString *out;

  g_return_val_if_fail (i < sverka_result_get_n_beads (result), NULL);
  g_return_val_if_fail (lang == SVERKA_LANGUAGE_RU || lang == SVERKA_LANGUAGE_EN, NULL);
  b = sverka_result_get_bead (result, i);
  out = g_string_new (NULL);
  if (lang == SVERKA_LANGUAGE_RU)
    sverka_write_append_text (out, result->ru, b->ru, b->n_ru);
  else
    sverka_write_append_text (out, result->en, b->en, b->n_en);
  return g_string_free (out, FALSE);
}

guint
sverka_result_get_n_notes (SverkaResult *result)
{
  return result->notes != NULL ? sverka_notes_get_n_notes (result->notes) : 0;
}

const SverkaNote *
sverka_result_get_note (SverkaResult *result, guint i)
{
  g_return_val_if_fail (i < sverka_result_get_n_notes (result), NULL);
  return sverka_notes_get_note (result->notes, i);
}

SverkaDocument *
sverka_result_get_document (SverkaResult *result, SverkaLanguage lang)
{
  g_return_val_if_fail (lang == SVERKA_LANGUAGE_RU || lang == SVERKA_LANGUAGE_EN, NULL);
  return lang == SVERKA_LANGUAGE_RU ? result->ru : result->en;
}

SverkaAlignment *
sverka_result_get_alignment (SverkaResult *result)
{
  return result->alignment;
}

SverkaNotes *
sverka_result_get_notes (SverkaResult *result)
{
  return result->notes;
}
