/* sverka-weekdays.c: a pack's weekdays.tsv (see sverka-weekdays-private.h). */
#include <string.h>

#include "sverka-dictfile-private.h"
#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-weekdays-private.h"

typedef struct {
  SverkaWeekdays *w;
  gboolean capitalised_seen;
} WeekdaysReader;

void
sverka_weekdays_free (SverkaWeekdays *w)
{
  if (w == NULL)
    return;
  g_clear_pointer (&w->forms, g_hash_table_unref);
  g_clear_pointer (&w->guards, g_ptr_array_unref);
  g_clear_pointer (&w->not_followed_by, g_ptr_array_unref);
  g_clear_pointer (&w->leads, g_ptr_array_unref);
  g_clear_pointer (&w->trails, g_ptr_array_unref);
  g_clear_pointer (&w->year_words, g_ptr_array_unref);
  g_clear_pointer (&w->day_suffixes, g_ptr_array_unref);
  g_clear_pointer (&w->day_month_words, g_ptr_array_unref);
  g_free (w);
}

static gboolean
add_line (const char *path, guint lineno, char **fields, guint n_fields, gpointer user_data,
          GError **error)
{
  static const struct {
    const char *name;
    SverkaWeekdayKind kind;
  } form_kinds[] = { { "name", SVERKA_WEEKDAY_NAME },
                     { "guarded", SVERKA_WEEKDAY_GUARDED },
                     { "number-only", SVERKA_WEEKDAY_NUMBER_ONLY },
                     { "abbreviation", SVERKA_WEEKDAY_ABBREVIATION } };
  WeekdaysReader *r = user_data;
  SverkaWeekdays *w = r->w;
  const char *kind = fields[0];
  GPtrArray *list = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GString) fold = g_string_new (NULL);

  if (strcmp (kind, "abbreviations-capitalised") == 0) {
    static const char *const yes_no[] = { "yes", "no" };
    guint value = 0;
    if (!sverka_dict_file_rule (path, lineno, fields, n_fields, yes_no, G_N_ELEMENTS (yes_no),
                                &r->capitalised_seen, &value, error))
      return FALSE;
    w->abbreviations_capitalised = value == 0;
    return TRUE;
  }
  lower = g_utf8_strdown (fields[1], -1);
  if (strcmp (lower, fields[1]) != 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: expected a word in lower case, found '%s'", path, lineno, fields[1]);
    return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (form_kinds); i++) {
    char *end = NULL;
    guint64 day;
    if (strcmp (kind, form_kinds[i].name) != 0)
      continue;
    if (n_fields != 3) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: a %s line has 3 fields, found %u", path, lineno, kind, n_fields);
      return FALSE;
    }
    day = g_ascii_strtoull (fields[2], &end, 10);
    if (end == fields[2] || *end != '\0' || day < 1 || day > 7) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: expected a day from 1 (Monday) to 7 (Sunday) in field 3, found '%s'",
                   path, lineno, fields[2]);
      return FALSE;
    }
    sverka_simple_fold (fields[1], strlen (fields[1]), fold);
    if (g_hash_table_contains (w->forms, fold->str)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                   "%s:%u: '%s' is listed twice", path, lineno, fields[1]);
      return FALSE;
    }
    sverka_start_filter_add (&w->starts, fold->str);
    g_hash_table_insert (w->forms, g_string_free (g_steal_pointer (&fold), FALSE),
                         GUINT_TO_POINTER ((guint) day | (guint) form_kinds[i].kind << 4));
    return TRUE;
  }
  if (strcmp (kind, "guard") == 0)
    list = w->guards;
  else if (strcmp (kind, "not-followed-by") == 0)
    list = w->not_followed_by;
  else if (strcmp (kind, "lead") == 0)
    list = w->leads;
  else if (strcmp (kind, "trail") == 0)
    list = w->trails;
  else if (strcmp (kind, "year-word") == 0)
    list = w->year_words;
  else if (strcmp (kind, "day-suffix") == 0)
    list = w->day_suffixes;
  else if (strcmp (kind, "day-month-word") == 0)
    list = w->day_month_words;
  else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: unknown kind '%s' (expected name, guarded, number-only, abbreviation, "
                 "guard, not-followed-by, lead, trail, year-word, day-suffix, day-month-word or "
                 "abbreviations-capitalised)",
                 path, lineno, kind);
    return FALSE;
  }
  if (n_fields != 2) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s:%u: a %s line has 2 fields, found %u", path, lineno, kind, n_fields);
    return FALSE;
  }
  if (list == w->guards || list == w->not_followed_by) {
    sverka_simple_fold (fields[1], strlen (fields[1]), fold);
    g_ptr_array_add (list, g_string_free (g_steal_pointer (&fold), FALSE));
  } else {
    g_ptr_array_add (list, g_steal_pointer (&lower));
  }
  return TRUE;
}

SverkaWeekdays *
sverka_weekdays_load (const char *path, GError **error)
{
  g_autoptr (SverkaWeekdays) w = g_new0 (SverkaWeekdays, 1);
  WeekdaysReader r = { w, FALSE };

  w->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->guards = g_ptr_array_new_with_free_func (g_free);
  w->not_followed_by = g_ptr_array_new_with_free_func (g_free);
  w->leads = g_ptr_array_new_with_free_func (g_free);
  w->trails = g_ptr_array_new_with_free_func (g_free);
  w->year_words = g_ptr_array_new_with_free_func (g_free);
  w->day_suffixes = g_ptr_array_new_with_free_func (g_free);
  w->day_month_words = g_ptr_array_new_with_free_func (g_free);
  if (!sverka_dict_file_foreach (path, "sverka-weekdays", 1, 2, 3, add_line, &r, error))
    return NULL;
  if (!r.capitalised_seen) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: no abbreviations-capitalised line (yes or no)", path);
    return NULL;
  }
  return g_steal_pointer (&w);
}

guint
sverka_weekdays_lookup (const SverkaWeekdays *w, const char *fold, SverkaWeekdayKind *kind)
{
  gpointer v;
  if (!sverka_start_filter_may_hold (&w->starts, fold))
    return 0;
  v = g_hash_table_lookup (w->forms, fold);
  if (v == NULL)
    return 0;
  *kind = (SverkaWeekdayKind) (GPOINTER_TO_UINT (v) >> 4);
  return GPOINTER_TO_UINT (v) & 15u;
}

gboolean
sverka_weekdays_in (GPtrArray *words, const char *fold)
{
  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), fold) == 0)
      return TRUE;
  return FALSE;
}
