/* sverka-check-mixed-script.c: look-alike letters, a word written mostly in
 * one script with letters of the other that look the same ("Аliyev" with a
 * Cyrillic А, "Москвa" with a Latin a, "KАМАЗ" with a Latin K). Search,
 * spelling and sorting all fail on such a word: an error, once per word
 * and document, in either mode, naming the letters and their code points,
 * with the word marked at its first use; beyond 20 such words on a side
 * (a text typed in the wrong keyboard layout), one note counts the rest.
 *
 * Only look-alikes count: a word whose letters of the minority script
 * include one that looks like no letter of the other script is mixed on
 * purpose ("Apple'ом", "SMSка"), and so is a Latin name with a Russian
 * ending after an apostrophe ("iPhone'а", "Twitter'е"; but "O'Нилл" with
 * a Latin O is a look-alike). A word wholly in the other script is a
 * foreign word, not a look-alike. The minority script is the one with
 * fewer letters in the word; on a tie, the one that is not the document's
 * language's. Any pair: the scripts are the packs' (in German and French,
 * a Cyrillic letter in a Latin word is a look-alike as well). */
#include <string.h>

#include "sverka-check-private.h"
#include "sverka-context-private.h"

/* Cyrillic letters that look like a Latin letter, and the Latin letters
 * that look like a Cyrillic one. */
static const gunichar cyrillic_lookalikes[] = {
  0x0410, 0x0412, 0x0415, 0x041A, 0x041C, 0x041D, 0x041E, 0x0420, 0x0421, 0x0422, 0x0425,
  0x0423, /* А В Е К М Н О Р С Т Х У */
  0x0430, 0x0435, 0x043E, 0x0440, 0x0441, 0x0443, 0x0445, /* а е о р с у х */
  0x0406, 0x0456, 0x0408, 0x0458, 0x0405, 0x0455, 0x0401, 0x0451, 0x0407, 0x0457,
  /* І і Ј ј Ѕ ѕ Ё ё Ї ї */
  0x051A, 0x051B, 0x051C, 0x051D, 0x04BB, 0x0501, /* Ԛ ԛ Ԝ ԝ һ ԁ */
};
static const gunichar latin_lookalikes[] = {
  'A', 'B', 'E', 'K', 'M', 'H', 'O', 'P', 'C', 'T', 'X', 'Y', 'a', 'e', 'o', 'p', 'c', 'y', 'x',
  'I', 'i', 'J', 'j', 'S', 's', 0x00CB, 0x00EB, 0x00CF, 0x00EF, 'Q', 'q', 'W', 'w', 'h', 'd',
};

/* Words noted one by one in a document's side. */
#define MAX_WORDS 20

static gboolean
is_cyrillic (gunichar ch)
{
  return g_unichar_get_script (ch) == G_UNICODE_SCRIPT_CYRILLIC;
}

static gboolean
is_latin (gunichar ch)
{
  return g_unichar_get_script (ch) == G_UNICODE_SCRIPT_LATIN;
}

static gboolean
looks_like_other (gunichar ch, gboolean cyrillic)
{
  const gunichar *set = cyrillic ? cyrillic_lookalikes : latin_lookalikes;
  guint n = cyrillic ? G_N_ELEMENTS (cyrillic_lookalikes) : G_N_ELEMENTS (latin_lookalikes);
  for (guint i = 0; i < n; i++)
    if (set[i] == ch)
      return TRUE;
  return FALSE;
}

/* Writes to @msg the letters of @form of the minority script and their code
 * points; returns FALSE if the word is not a look-alike. */
static gboolean
describe (const char *form, gboolean cyrillic_doc, GString *msg)
{
  guint n_cyr = 0, n_lat = 0;
  gboolean minority_cyr, after_apostrophe = FALSE, all_after_apostrophe = TRUE;
  const char *p;

  for (p = form; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar ch = g_utf8_get_char (p);
    n_cyr += is_cyrillic (ch) && g_unichar_isalpha (ch);
    n_lat += is_latin (ch) && g_unichar_isalpha (ch);
  }
  if (n_cyr == 0 || n_lat == 0)
    return FALSE;
  minority_cyr = n_cyr < n_lat || (n_cyr == n_lat && !cyrillic_doc);
  for (p = form; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar ch = g_utf8_get_char (p);
    if (ch == '\'' || ch == 0x2019)
      after_apostrophe = TRUE;
    else if ((minority_cyr ? is_cyrillic (ch) : is_latin (ch)) && g_unichar_isalpha (ch)) {
      if (!looks_like_other (ch, minority_cyr))
        return FALSE;
      all_after_apostrophe &= after_apostrophe;
    } else if (after_apostrophe && g_unichar_isalpha (ch)) {
      all_after_apostrophe = FALSE;
    }
  }
  /* A Russian ending joined to a Latin name by an apostrophe
   * ("iPhone'а", "Twitter'е"). */
  if (all_after_apostrophe && minority_cyr)
    return FALSE;
  g_string_truncate (msg, 0);
  for (p = form; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar ch = g_utf8_get_char (p);
    char utf8[8];
    if (!(minority_cyr ? is_cyrillic (ch) : is_latin (ch)) || !g_unichar_isalpha (ch))
      continue;
    utf8[g_unichar_to_utf8 (ch, utf8)] = '\0';
    /* Each letter once. */
    if (strstr (msg->str, utf8) != NULL && msg->len > 0)
      continue;
    g_string_append_printf (msg, "%s%s (U+%04X, %s)", msg->len > 0 ? ", " : "", utf8, ch,
                            minority_cyr ? "Cyrillic" : "Latin");
  }
  g_string_append_printf (msg, " in a %s word", minority_cyr ? "Latin" : "Cyrillic");
  return TRUE;
}

static void
check_side (SverkaChecker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  gboolean cyrillic_doc
      = sverka_context_lang (doc->ctx, russian ? SVERKA_LANGUAGE_FIRST : SVERKA_LANGUAGE_SECOND)
            ->pack->script
        == SVERKA_SCRIPT_CYRILLIC;
  guint n = sverka_document_get_n_tokens (doc);
  g_autoptr (GHashTable) seen = NULL; /* the SverkaWords looked at */
  g_autoptr (GString) letters = g_string_new (NULL);
  guint noted = 0, more = 0, first_more = 0;

  for (guint i = 0; i < n; i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    guint s;
    if (!(t->word->flags & SVERKA_WORD_MIXED_SCRIPT))
      continue;
    if (seen == NULL)
      seen = g_hash_table_new (NULL, NULL);
    if (g_hash_table_contains (seen, t->word))
      continue;
    g_hash_table_add (seen, (gpointer) t->word);
    if (!describe (t->word->form, cyrillic_doc, letters))
      continue;
    /* A text typed with the wrong keyboard layout has hundreds: the first
     * MAX_WORDS each get a note, the rest one together. */
    if (noted == MAX_WORDS) {
      if (more++ == 0)
        first_more = t->sentence;
      continue;
    }
    noted++;
    s = t->sentence;
    sverka_checker_add_side_note (c, SVERKA_NOTE_MIXED_SCRIPT, SVERKA_SEVERITY_ERROR,
                                  russian, &s, 1,
                             g_strdup_printf ("%s \"%s\": %s; search and spelling miss it",
                                              sverka_checker_code (c, russian), t->word->form,
                                              letters->str));
    sverka_checker_add_token_mark (c, russian, t);
  }
  if (more > 0)
    sverka_checker_add_side_note (c, SVERKA_NOTE_MIXED_SCRIPT, SVERKA_SEVERITY_ERROR,
                                  russian, &first_more, 1,
                             g_strdup_printf ("%s: %u more words with look-alike letters of the "
                                              "other script, the first in this sentence",
                                              sverka_checker_code (c, russian), more));
}

static void
mixed_script_document (SverkaChecker *c, gpointer state)
{
  check_side (c, TRUE);
  check_side (c, FALSE);
}

const SverkaCheck sverka_check_mixed_script = {
  .name = "mixed-script",
  .document = mixed_script_document,
};
