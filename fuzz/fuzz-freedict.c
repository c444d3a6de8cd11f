/* fuzz-freedict.c: libFuzzer harness for the parser of FreeDict's articles
 * (sverka-freedict-private.h).
 *
 * The input is one byte choosing the languages (mod 6: de-fr, fr-de, ru-en,
 * en-ru, deu-ell, de and a language the table does not know), then an
 * article. The parser must never fail, and what it keeps must be plain: at
 * most SVERKA_DICTD_MAX_TRANSLATIONS translations, none twice, each (and
 * the headword) non-empty NFC text of at most 3 words joined by single
 * spaces, without digits, brackets, tabs, line breaks or other signs, which
 * keeps the lexicon's lines whole. The same article gives the same result.
 */
#include "fuzz-common.h"

#include <stdint.h>
#include <string.h>

#include "sverka-freedict-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_plain (const char *s)
{
  g_autofree char *nfc = NULL;
  guint words = 1;
  gunichar prev = ' ';

  fuzz_check (g_utf8_validate (s, -1, NULL));
  fuzz_check (s[0] != '\0' && s[0] != ' ' && s[strlen (s) - 1] != ' ');
  nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  fuzz_check (nfc != NULL && strcmp (nfc, s) == 0);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ' ') {
      fuzz_check (prev != ' ');
      words++;
    } else {
      fuzz_check (g_unichar_isalpha (c) || g_unichar_ismark (c) || c == '-' || c == '\'' ||
                  c == 0x2019);
    }
    prev = c;
  }
  fuzz_check (words <= 3);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const pairs[][2] = {
    { "de", "fr" }, { "fr", "de" }, { "ru", "en" }, { "en", "ru" }, { "deu", "ell" }, { "de", "xyz" },
  };
  g_autofree char *article = NULL;
  g_autofree char *headword = NULL;
  g_autofree char *again_headword = NULL;
  g_auto (GStrv) got = NULL;
  g_auto (GStrv) again = NULL;
  const char *source, *target;
  guint n;

  if (size == 0)
    return 0;
  source = pairs[data[0] % G_N_ELEMENTS (pairs)][0];
  target = pairs[data[0] % G_N_ELEMENTS (pairs)][1];
  article = g_strndup ((const char *) data + 1, size - 1); /* up to a NUL */

  got = sverka_freedict_parse_article (article, source, target, &headword);
  fuzz_check (got != NULL);
  n = g_strv_length (got);
  fuzz_check (n <= SVERKA_DICTD_MAX_TRANSLATIONS);
  for (guint i = 0; i < n; i++) {
    check_plain (got[i]);
    for (guint j = 0; j < i; j++)
      fuzz_check (strcmp (got[i], got[j]) != 0);
  }
  if (headword != NULL)
    check_plain (headword);

  again = sverka_freedict_parse_article (article, source, target, &again_headword);
  fuzz_check (g_strv_equal ((const char *const *) got, (const char *const *) again));
  fuzz_check (g_strcmp0 (headword, again_headword) == 0);
  return 0;
}
