/* sverka-charset.c: telling the legacy Cyrillic encodings apart by the
 * letter frequencies of Russian, and finding Russian text that was decoded
 * with the wrong encoding.
 *
 * A decoding is scored by the mean log-probability of its Cyrillic letters
 * under Russian's letter frequencies, and by how many of them are lower
 * case (running text is mostly lower case: a code page read as another
 * swaps many letters' case). Russian news scores about -3.3 nats a letter
 * (the bundled report: -3.31); a wrong decoding -3.8 or less (the report's
 * UTF-8 read as KOI8-R: -3.80). A text is judged a wrong decoding only when
 * undoing one mistake gives text that scores as Russian and better by 0.25
 * a letter; over the 4,207 Russian and English documents of the data sets
 * and tests/, none is. */
#include "sverka-charset-private.h"

#include <math.h>
#include <string.h>

/* Letter frequencies of Russian, per 1,000 letters, а to я (ё with е). */
static const double ru_freq[32] = {
  80.1, 15.9, 45.4, 17.0, 29.8, 84.5 + 0.4, 9.4, 16.5, 73.5, 12.1, 34.9, 44.0, 32.1,
  67.0, 109.7, 28.1, 47.3, 54.7, 62.6, 26.2, 2.6, 9.7, 4.8, 14.4, 7.3, 3.6, 0.4,
  19.0, 17.4, 3.2, 6.4, 20.1,
};

typedef struct {
  double sum;    /* log-probability of the letters */
  guint letters; /* Cyrillic letters */
  guint lower;
  guint other;   /* letters of other scripts */
  guint high_latin; /* of them, U+00C0-U+00FF */
  guint er_es;      /* Р and С, which UTF-8's lead bytes read as in Windows-1251 */
  guint eth_enye;   /* Ð and Ñ, which they read as in Latin-1 */
} Score;

static void
score_text (const char *text, gsize len, Score *s)
{
  memset (s, 0, sizeof *s);
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gunichar l = g_unichar_tolower (c);
    if (l == 0x451)
      l = 0x435;
    s->er_es += c == 0x420 || c == 0x421;
    s->eth_enye += c == 0xD0 || c == 0xD1;
    if (l >= 0x430 && l <= 0x44F) {
      s->letters++;
      s->lower += c == l || c == 0x451;
      s->sum += log (ru_freq[l - 0x430] / 1000.0);
    } else if (g_unichar_isalpha (c)) {
      s->other++;
      s->high_latin += c >= 0xC0 && c <= 0xFF;
    }
  }
}

/* Per letter: the log-probability and the log of the lower-case share's
 * likelihood (lower case 0.9, upper 0.1). Lower is worse; -INFINITY
 * without letters. */
static double
per_letter (const Score *s)
{
  if (s->letters == 0)
    return -INFINITY;
  return (s->sum + s->lower * log (0.9) + (s->letters - s->lower) * log (0.1)) / s->letters;
}

static const char *const code_pages[] = { "WINDOWS-1251", "KOI8-R", "CP866", "ISO-8859-5" };

const char *
sverka_charset_guess_cyrillic (const char *data, gsize len)
{
  const char *best = NULL;
  double best_score = -INFINITY;

  for (guint k = 0; k < G_N_ELEMENTS (code_pages); k++) {
    g_autofree char *text = g_convert (data, (gssize) len, "UTF-8", code_pages[k], NULL, NULL,
                                       NULL);
    Score s;
    double v;
    if (text == NULL)
      continue;
    score_text (text, strlen (text), &s);
    v = per_letter (&s);
    /* Letters enough, and most of them Cyrillic. */
    if (s.letters < 3 || s.letters < s.other)
      continue;
    if (v > best_score) {
      best_score = v;
      best = code_pages[k];
    }
  }
  return best;
}

/* The ways Russian text gets decoded wrong, and how to undo them: the text
 * is encoded back with @wrong (the encoding it was wrongly read with),
 * which gives the original bytes, read then as @right. */
typedef struct {
  const char *what;
  const char *wrong, *right;
  const char *undo;
} Mishap;

static const Mishap mishaps[] = {
  { "UTF-8 read as Windows-1251", "WINDOWS-1251", "UTF-8", "-f UTF-8 -t WINDOWS-1251" },
  { "UTF-8 read as Windows-1252", "WINDOWS-1252", "UTF-8", "-f UTF-8 -t WINDOWS-1252" },
  { "UTF-8 read as Latin-1", "ISO-8859-1", "UTF-8", "-f UTF-8 -t ISO-8859-1" },
  { "UTF-8 read as KOI8-R", "KOI8-R", "UTF-8", "-f UTF-8 -t KOI8-R" },
  { "UTF-8 read as CP866", "CP866", "UTF-8", "-f UTF-8 -t CP866" },
  { "UTF-8 read as ISO-8859-5", "ISO-8859-5", "UTF-8", "-f UTF-8 -t ISO-8859-5" },
  { "KOI8-R read as Windows-1251", "WINDOWS-1251", "KOI8-R", "-f UTF-8 -t WINDOWS-1251" },
  { "Windows-1251 read as KOI8-R", "KOI8-R", "WINDOWS-1251", "-f UTF-8 -t KOI8-R" },
  { "CP866 read as Windows-1251", "WINDOWS-1251", "CP866", "-f UTF-8 -t WINDOWS-1251" },
  { "Windows-1251 read as CP866", "CP866", "WINDOWS-1251", "-f UTF-8 -t CP866" },
  { "Windows-1251 read as Latin-1", "ISO-8859-1", "WINDOWS-1251", "-f UTF-8 -t ISO-8859-1" },
  { "Windows-1251 read as Windows-1252", "WINDOWS-1252", "WINDOWS-1251", "-f UTF-8 -t WINDOWS-1252" },
  { "KOI8-R read as Latin-1", "ISO-8859-1", "KOI8-R", "-f UTF-8 -t ISO-8859-1" },
};

gboolean
sverka_charset_is_mojibake (const char *data, gsize len, const char **what, const char **undo)
{
  Score as_is;
  double v0;
  gsize sample = MIN (len, (gsize) 200000);

  /* Judged on the start of the text, cut at a character boundary. */
  while (sample < len && (((guchar) data[sample]) & 0xC0) == 0x80)
    sample++;
  score_text (data, sample, &as_is);
  if (as_is.letters + as_is.other < 100)
    return FALSE;
  v0 = per_letter (&as_is);
  /* UTF-8 read a byte at a time: every Russian letter's lead byte (D0 or
   * D1) became Р or С in Windows-1251, Ð or Ñ in Latin-1; a byte that code
   * page lacks may have become U+FFFD, so that the text cannot be encoded
   * back, but the lead bytes tell. In Russian, capital Р and С are about
   * one letter in a hundred. */
  if (as_is.letters >= 50 && as_is.er_es * 5 >= as_is.letters * 2) {
    *what = "UTF-8 read as Windows-1251";
    *undo = "-f UTF-8 -t WINDOWS-1251";
    return TRUE;
  }
  if (as_is.eth_enye >= 50 && as_is.eth_enye * 5 >= (as_is.letters + as_is.other) * 2) {
    *what = "UTF-8 read as Latin-1 or Windows-1252";
    *undo = "-f UTF-8 -t WINDOWS-1252";
    return TRUE;
  }
  /* Only a text that reads badly is tried further: Cyrillic letters with
   * the statistics of no Russian (a code page read as another, or UTF-8 as
   * Windows-1251: "РџСЂРёРІРµС‚"), or many letters of Latin-1's upper half
   * (UTF-8 or Windows-1251 read as Latin-1: "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Ïðèâåò"). */
  if (!(as_is.letters >= 50 && v0 < -3.45) && as_is.high_latin * 5 < as_is.letters + as_is.other)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (mishaps); k++) {
    const Mishap *m = &mishaps[k];
    gsize n_bytes = 0;
    g_autofree char *bytes = g_convert (data, (gssize) sample, m->wrong, "UTF-8", NULL, &n_bytes,
                                        NULL);
    g_autofree char *text = NULL;
    Score s;
    if (bytes == NULL)
      continue;
    if (strcmp (m->right, "UTF-8") == 0) {
      if (!g_utf8_validate (bytes, (gssize) n_bytes, NULL))
        continue;
      text = g_strndup (bytes, n_bytes);
    } else {
      text = g_convert (bytes, (gssize) n_bytes, "UTF-8", m->right, NULL, NULL, NULL);
      if (text == NULL)
        continue;
    }
    score_text (text, strlen (text), &s);
    /* The undone text is Russian (mostly Cyrillic, well scored), and far
     * better scored than the text as it is. */
    if (s.letters >= 50 && s.letters >= 2 * s.other && per_letter (&s) > -3.6
        && per_letter (&s) > v0 + 0.25) {
      *what = m->what;
      *undo = m->undo;
      return TRUE;
    }
  }
  return FALSE;
}
