/* sverka-check-hyphenation.c: terminology, one word written with and
 * without a hyphen in one document ("COP-29" and "COP29"). */
#include "sverka-notes-private.h"

/* One word written with and without a hyphen in one document ("COP-29" and
 * "COP29", "inter-operable" and "interoperable"). */
static void
check_hyphenation (SverkaChecker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint n = sverka_document_get_n_tokens (doc);
  g_autoptr (GHashTable) joined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);

  /* The hyphenated compounds, joined, with the token that starts each. */
  for (guint i = 0; i + 1 < n; i++) {
    const SverkaToken *a = sverka_document_get_token (doc, i);
    const SverkaToken *b = sverka_document_get_token (doc, i + 1);
    char *key;
    if (b->start != a->end + 1 || doc->data[a->end] != '-' || a->sentence != b->sentence)
      continue;
    key = g_strconcat (a->word->fold, b->word->fold, NULL);
    if (!g_hash_table_contains (joined, key))
      g_hash_table_insert (joined, key, GUINT_TO_POINTER (i + 1));
    else
      g_free (key);
  }
  if (g_hash_table_size (joined) == 0)
    return;
  for (guint i = 0; i < n; i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    gpointer orig, first;
    const SverkaToken *h, *tail;
    guint s[2];
    if (!g_hash_table_lookup_extended (joined, t->word->fold, &orig, &first)
        || g_hash_table_contains (reported, orig))
      continue;
    g_hash_table_add (reported, orig);
    h = sverka_document_get_token (doc, GPOINTER_TO_UINT (first) - 1);
    tail = sverka_document_get_token (doc, GPOINTER_TO_UINT (first));
    s[0] = MIN (h->sentence, t->sentence);
    s[1] = MAX (h->sentence, t->sentence);
    sverka_checker_add_side_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING,
                                  russian, s, (s[0] == s[1] ? 1 : 2),
                             g_strdup_printf ("%s \"%.*s\" and \"%s\": one word written with "
                                              "and without a hyphen",
                                              sverka_checker_code (c, russian),
                                              (int) (tail->end - h->start),
                                              doc->data + h->start, t->word->form));
    sverka_checker_add_mark (c, russian, h->start, tail->end);
    sverka_checker_add_token_mark (c, russian, t);
  }
}

static void
check_document (SverkaChecker *c, gpointer state)
{
  check_hyphenation (c, TRUE);
  check_hyphenation (c, FALSE);
}

const SverkaCheck sverka_check_hyphenation = {
  .name = "hyphenation",
  .document = check_document,
};
