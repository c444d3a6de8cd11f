/* fuzz-lexicon.c: libFuzzer harness for the lexicon parser (and through it
 * the reader shared by every dictionaries/ file).
 *
 * The input is the content of a lexicon file; it is given to the parser
 * through a memfd, as a file. Loading must either succeed or fail with an
 * SVERKA_ERROR whose message starts with the file's name and a line number
 * (FILE:LINE:). On success the entry count is at most the number of lines.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SverkaContext *ctx;
static guint runs;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  int fd;
  gboolean ok;
  guint n_lines = 1;

  if (ctx == NULL || ++runs % FUZZ_CONTEXT_RUNS == 0) {
    g_clear_pointer (&ctx, sverka_context_unref);
    ctx = fuzz_context_new ();
  }
  fd = memfd_create ("lexicon", 0);
  fuzz_check (fd >= 0);
  fuzz_check (size == 0 || write (fd, data, size) == (ssize_t) size);
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  lex = sverka_lexicon_new (ctx);
  ok = sverka_lexicon_load (lex, path, &error);
  close (fd);
  for (size_t i = 0; i < size; i++)
    n_lines += data[i] == '\n';
  if (ok) {
    fuzz_check (error == NULL);
    fuzz_check (sverka_lexicon_get_n_entries (lex) < n_lines);
    return 0;
  }
  fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
  prefix = g_strdup_printf ("%s:", path);
  fuzz_check (g_str_has_prefix (error->message, prefix));
  /* Errors found on a line name it: FILE:LINE: with LINE within the file. */
  if (g_ascii_isdigit (error->message[strlen (prefix)])) {
    guint64 line = g_ascii_strtoull (error->message + strlen (prefix), NULL, 10);
    fuzz_check (line >= 1 && line <= n_lines);
  }
  return 0;
}
