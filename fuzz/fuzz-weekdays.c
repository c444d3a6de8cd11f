/* fuzz-weekdays.c: libFuzzer harness for the reader of a language pack's
 * weekdays.tsv (sverka-weekdays-private.h).
 *
 * The input is written as a weekdays.tsv in a temporary folder and read.
 * The reader must never crash, and give the weekdays or an error, never
 * both: every form with a day from 1 to 7 and a kind the check knows,
 * found again by sverka_weekdays_lookup(), and the word lists in lower
 * case; an error naming the file. Every word of the input (split at white
 * space) is then looked up. The same bytes give the same answer.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-weekdays-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
append_list (GString *out, GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++) {
    const char *s = g_ptr_array_index (list, i);
    fuzz_check (g_utf8_validate (s, -1, NULL));
    g_string_append_printf (out, "%s,", s);
  }
  g_string_append_c (out, '|');
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The answer as one string: the forms (sorted) and lists, or the error's
 * message. */
static char *
answer (const char *path, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaWeekdays) w = sverka_weekdays_load (path, &error);
  g_autofree char *text = NULL;
  g_auto (GStrv) words = NULL;
  GString *out;
  guint n = 0;
  g_autofree gpointer *keys = NULL;

  if (w == NULL) {
    fuzz_check (error != NULL && error->domain == SVERKA_ERROR);
    fuzz_check (strstr (error->message, "weekdays.tsv") != NULL);
    return g_strdup (error->message);
  }
  fuzz_check (error == NULL);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%d|", w->abbreviations_capitalised);
  keys = g_hash_table_get_keys_as_array (w->forms, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++) {
    SverkaWeekdayKind kind = 0;
    guint day = sverka_weekdays_lookup (w, keys[i], &kind);
    fuzz_check (day >= 1 && day <= 7);
    fuzz_check (kind >= SVERKA_WEEKDAY_NAME && kind <= SVERKA_WEEKDAY_ABBREVIATION);
    g_string_append_printf (out, "%s=%u/%d,", (const char *) keys[i], day, kind);
  }
  g_string_append_c (out, '|');
  append_list (out, w->guards);
  append_list (out, w->not_followed_by);
  append_list (out, w->leads);
  append_list (out, w->trails);
  append_list (out, w->year_words);
  append_list (out, w->day_suffixes);
  append_list (out, w->day_month_words);
  text = g_strndup ((const char *) data, size);
  words = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++) {
    SverkaWeekdayKind kind = 0;
    guint day = sverka_weekdays_lookup (w, words[i], &kind);
    fuzz_check (day <= 7);
  }
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *path = fuzz_input_file ("weekdays.tsv", data, size);
  g_autofree char *first = answer (path, data, size);
  g_autofree char *second = answer (path, data, size);

  fuzz_check (strcmp (first, second) == 0);
  return 0;
}
