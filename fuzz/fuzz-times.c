/* fuzz-times.c: libFuzzer harness for the reader of a language pack's
 * times.tsv (sverka-times-private.h).
 *
 * The input is written as a times.tsv in a temporary folder and read. The
 * reader must never crash, and give the words or an error, never both: a
 * clock of 12 or 24, phrases in lower case and never empty, each list
 * longest phrase first (the list of words that are times aside); an error
 * naming the file. The input's own bytes are then searched for every list's
 * phrases, which must end within them. The same bytes give the same answer.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-times-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_list (GArray *list, gboolean sorted, GString *out, const uint8_t *data, size_t size)
{
  gsize last = G_MAXSIZE;
  for (guint i = 0; i < list->len; i++) {
    const SverkaTimePhrase *ph = &g_array_index (list, SverkaTimePhrase, i);
    g_autofree char *lower = g_utf8_strdown (ph->phrase, -1);
    gsize len = strlen (ph->phrase);
    fuzz_check (len > 0 && g_utf8_validate (ph->phrase, -1, NULL));
    fuzz_check (strcmp (lower, ph->phrase) == 0);
    if (sorted)
      fuzz_check (len <= last);
    last = len;
    g_string_append_printf (out, "%s%s=%u,", ph->phrase, ph->start ? "*" : "", ph->value);
  }
  g_string_append_c (out, '|');
  for (size_t at = 0; at < size; at++) {
    const char *p = (const char *) data + at, *end = (const char *) data + size, *after = NULL;
    const SverkaTimePhrase *ph = sverka_time_words_match (list, p, end, &after);
    if (ph != NULL)
      fuzz_check (after >= p && after <= end);
  }
}

/* The answer as one string: the lists, or the error's message. */
static char *
answer (const char *path, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaTimeWords) w = sverka_time_words_load (path, &error);
  GString *out;

  if (w == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    fuzz_check (strstr (error->message, "times.tsv") != NULL);
    return g_strdup (error->message);
  }
  fuzz_check (error == NULL);
  fuzz_check (w->clock == 12 || w->clock == 24);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%u|%d|%d|", w->clock, w->needs_before, w->bare_minutes);
  check_list (w->before, FALSE, out, data, size);
  check_list (w->hours, TRUE, out, data, size);
  check_list (w->minutes, TRUE, out, data, size);
  check_list (w->parts, TRUE, out, data, size);
  check_list (w->words, FALSE, out, data, size);
  for (guint i = 0; i < w->parts->len; i++) {
    guint v = g_array_index (w->parts, SverkaTimePhrase, i).value;
    fuzz_check (v >= SVERKA_TIME_PART_AM && v <= SVERKA_TIME_PART_NIGHT);
  }
  for (guint i = 0; i < w->words->len; i++)
    fuzz_check (g_array_index (w->words, SverkaTimePhrase, i).value < 24 * 60);
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *path = fuzz_input_file ("times.tsv", data, size);
  g_autofree char *first = answer (path, data, size);
  g_autofree char *second = answer (path, data, size);

  fuzz_check (strcmp (first, second) == 0);
  return 0;
}
