/* fuzz-common.h: what the libFuzzer harnesses share.
 *
 * The harnesses keep one SverkaContext for many inputs (opening hunspell
 * costs a tenth of a second), and make a new one every FUZZ_CONTEXT_RUNS
 * inputs so that the context's word cache does not grow without bound. The
 * dictionaries come from $SVERKA_DICT_DIR, else the source tree.
 *
 * A harness calls fuzz_check() for each property it verifies: a broken
 * property aborts, which libFuzzer reports as a crash with the input saved.
 */
#pragma once

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sverka.h"

#ifndef FUZZ_CONTEXT_RUNS
#define FUZZ_CONTEXT_RUNS 5000
#endif

#define fuzz_check(cond)                                                           \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      fprintf (stderr, "fuzz: property failed at %s:%d: %s\n", __FILE__, __LINE__, \
               #cond);                                                             \
      abort ();                                                                    \
    }                                                                              \
  } while (0)

static inline const char *
fuzz_dict_dir (void)
{
  const char *env = g_getenv ("SVERKA_DICT_DIR");
  return env != NULL && *env != '\0' ? env : SVERKA_SOURCE_DICT_DIR;
}

/* Returns: (transfer full) a context on the dictionaries; aborts if it
 * cannot be made, since every input would then test nothing. */
static inline SverkaContext *
fuzz_context_new (void)
{
  g_autoptr (GError) error = NULL;
  SverkaContextOptions opts;
  SverkaContext *ctx;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = fuzz_dict_dir ();
  ctx = sverka_context_new (&opts, &error);
  if (ctx == NULL) {
    fprintf (stderr, "fuzz: cannot make a context: %s\n", error->message);
    abort ();
  }
  return ctx;
}

/* The temporary folder and file of fuzz_input_file(). */
static inline char **
fuzz_input_paths (void)
{
  static char *paths[2];
  return paths;
}

static inline void
fuzz_input_cleanup (void)
{
  char **paths = fuzz_input_paths ();
  g_remove (paths[1]);
  g_rmdir (paths[0]);
}

/* For a harness that reads its input from a file named @name (a pack's
 * times.tsv): writes @data (@size bytes) there, in a temporary folder made
 * at the first call and removed with the file at exit, and returns the
 * file's path (transfer none; the same at every call). */
static inline const char *
fuzz_input_file (const char *name, const uint8_t *data, size_t size)
{
  char **paths = fuzz_input_paths ();
  if (paths[0] == NULL) {
    paths[0] = g_dir_make_tmp ("fuzz-input-XXXXXX", NULL);
    fuzz_check (paths[0] != NULL);
    paths[1] = g_build_filename (paths[0], name, NULL);
    atexit (fuzz_input_cleanup);
  }
  fuzz_check (g_file_set_contents (paths[1], (const char *) data, (gssize) size, NULL));
  return paths[1];
}

/* TRUE for what the nothing-lost check ignores: what shows nothing (white
 * space, control and format characters, separators), which the writers turn
 * into spaces or sentences may leave out at their edges. */
static inline gboolean
fuzz_is_ignorable (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return g_unichar_isspace (c) || t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT
         || t == G_UNICODE_LINE_SEPARATOR || t == G_UNICODE_PARAGRAPH_SEPARATOR
         || t == G_UNICODE_SPACE_SEPARATOR;
}

/* Appends the characters of @text (@len bytes of valid UTF-8) that are not
 * ignorable to @out. */
static inline void
fuzz_append_visible (GString *out, const char *text, gsize len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!fuzz_is_ignorable (c))
      g_string_append_unichar (out, c);
  }
}

/* Checks that no cleaned sentence text of @doc holds a character that
 * would break a TSV row or a line-based reader. */
static inline void
fuzz_check_clean (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    fuzz_check (c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f');
    fuzz_check (g_unichar_type (c) != G_UNICODE_CONTROL);
    fuzz_check (c != 0x2028 && c != 0x2029);
  }
}

/* Checks a document read from a file of another format: its text is valid
 * UTF-8, its sentences lie in order within it and are clean, and, with
 * @origin_prefix, each knows where it came from (an origin beginning so;
 * "" for any). */
static inline void
fuzz_check_read_document (SverkaDocument *doc, const char *origin_prefix)
{
  gsize len, prev_end = 0;
  const char *text = sverka_document_get_data (doc, &len);

  fuzz_check (g_utf8_validate (text, (gssize) len, NULL));
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, i);
    g_autofree char *clean = sverka_document_dup_sentence_text (doc, i);
    const char *origin = sverka_document_get_sentence_origin (doc, i);
    fuzz_check (s->start < s->end && s->end <= len && s->start >= prev_end);
    prev_end = s->end;
    fuzz_check_clean (clean);
    if (origin_prefix != NULL)
      fuzz_check (origin != NULL && g_str_has_prefix (origin, origin_prefix));
  }
}
