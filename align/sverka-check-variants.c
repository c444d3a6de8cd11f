/* sverka-check-variants.c: terminology, one name spelled two ways in a
 * document: capitalised words unknown to the dictionary whose letters differ
 * in one place away from the ending ("Zangezur" / "Zangazur"). */
#include <string.h>

#include "sverka-check-private.h"

typedef struct {
  const SverkaWord *word;
  guint count;
  guint first_sentence;
  const SverkaToken *first; /* its first use */
} Variant;

/* Are @a and @b (stems of capitalised words unknown to the dictionary) one
 * name spelled two ways: a letter apart, or two in a long name ("Zangezur" /
 * "Zangazur", "Нахчыван" / "Нахичеван")? The difference must not be in the
 * last two letters, where inflection and Snowball's cuts differ. */
static gboolean
spelling_variants (const char *a, const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  const char *ea = a + strlen (a), *eb = b + strlen (b);
  guint suffix = 0, d;

  if (MIN (la, lb) < 6)
    return FALSE;
  while (ea > a && eb > b) {
    const char *pa = g_utf8_prev_char (ea), *pb = g_utf8_prev_char (eb);
    if (g_utf8_get_char (pa) != g_utf8_get_char (pb))
      break;
    ea = pa;
    eb = pb;
    suffix++;
  }
  if (suffix < 2)
    return FALSE;
  d = sverka_check_edit_distance (a, b);
  return d == 1 || (d == 2 && MIN (la, lb) >= 8);
}

static void
check_terminology (SverkaChecker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  g_autoptr (GHashTable) by_word = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) variants = g_array_new (FALSE, FALSE, sizeof (Variant));
  /* first character of a stem -> the indices of variants with it (owned);
   * per variant, the place in its list of the next one */
  g_autoptr (GHashTable) by_first
      = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr (GArray) place = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    gpointer idx;
    /* Two dictionary words are two words ("Nation"/"Nature"); a dictionary
     * word beside an unknown one is a spelling matter ("Azerbaijan" /
     * "Azarbaijan"). Two unknown spellings of one name are terminology. */
    if (!(t->word->flags & SVERKA_WORD_CAPITALIZED) || !(t->word->flags & SVERKA_WORD_LETTERS)
        || (t->word->flags & SVERKA_WORD_SPELL_OK))
      continue;
    idx = g_hash_table_lookup (by_word, t->word);
    if (idx == NULL) {
      Variant v = { t->word, 1, t->sentence, t };
      g_array_append_val (variants, v);
      g_hash_table_insert (by_word, (gpointer) t->word, GUINT_TO_POINTER (variants->len));
    } else {
      g_array_index (variants, Variant, GPOINTER_TO_UINT (idx) - 1).count++;
    }
  }
  /* Variants of a name begin alike: each is compared with the later ones
   * whose stem begins with the same character (in the order found). */
  for (guint i = 0; i < variants->len; i++) {
    gunichar first = g_utf8_get_char (g_array_index (variants, Variant, i).word->stem);
    GArray *same = g_hash_table_lookup (by_first, GUINT_TO_POINTER (first));
    if (same == NULL) {
      same = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (by_first, GUINT_TO_POINTER (first), same);
    }
    g_array_append_val (same, i);
    g_array_append_val (place, same->len);
  }
  for (guint i = 0; i < variants->len; i++) {
    const Variant *a = &g_array_index (variants, Variant, i);
    GArray *same = g_hash_table_lookup (
        by_first, GUINT_TO_POINTER (g_utf8_get_char (a->word->stem)));
    for (guint k = g_array_index (place, guint, i); k < same->len; k++) {
      const Variant *b = &g_array_index (variants, Variant, g_array_index (same, guint, k));
      guint s[2];
      if (!spelling_variants (a->word->stem, b->word->stem)
          || strcmp (a->word->stem, b->word->stem) == 0)
        continue;
      s[0] = MIN (a->first_sentence, b->first_sentence);
      s[1] = MAX (a->first_sentence, b->first_sentence);
      sverka_checker_add_side_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING,
                                    russian, s, 2,
                               g_strdup_printf ("%s \"%s\" (%u×) and \"%s\" (%u×): one name "
                                                "spelled two ways?",
                                                sverka_checker_code (c, russian), a->word->form,
                                                a->count,
                                                b->word->form, b->count));
      sverka_checker_add_token_mark (c, russian, a->first);
      sverka_checker_add_token_mark (c, russian, b->first);
    }
  }
}

static void
check_document (SverkaChecker *c, gpointer state)
{
  check_terminology (c, TRUE);
  check_terminology (c, FALSE);
}

const SverkaCheck sverka_check_variants = {
  .name = "variants",
  .document = check_document,
};
