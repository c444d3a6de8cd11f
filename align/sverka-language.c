/* sverka-language.c: language names and detection by script. */
#include "sverka-language.h"

#include <string.h>

const char *
sverka_language_to_string (SverkaLanguage lang)
{
  switch (lang) {
  case SVERKA_LANGUAGE_RU:
    return "ru";
  case SVERKA_LANGUAGE_EN:
    return "en";
  case SVERKA_LANGUAGE_AUTO:
  default:
    return "auto";
  }
}

gboolean
sverka_language_from_string (const char *s, SverkaLanguage *out)
{
  if (g_strcmp0 (s, "ru") == 0)
    *out = SVERKA_LANGUAGE_RU;
  else if (g_strcmp0 (s, "en") == 0)
    *out = SVERKA_LANGUAGE_EN;
  else if (g_strcmp0 (s, "auto") == 0)
    *out = SVERKA_LANGUAGE_AUTO;
  else
    return FALSE;
  return TRUE;
}

SverkaLanguage
sverka_language_count_letters (const char *text, gssize len, guint64 *n_cyrillic,
                               guint64 *n_latin)
{
  const char *p = text;
  const char *end;
  guint64 cyr = 0, lat = 0;

  if (len < 0)
    len = (gssize) strlen (text);
  end = text + len;
  while (p < end) {
    guchar b0 = (guchar) p[0], b1 = end - p >= 2 ? (guchar) p[1] : 0;
    gunichar c;
    /* ASCII and the Russian letters А-я, Ё, ё without GLib's tables. */
    if (b0 < 0x80) {
      lat += g_ascii_isalpha ((char) b0) ? 1 : 0;
      p++;
      continue;
    }
    if ((b0 == 0xD0 && ((b1 >= 0x90 && b1 <= 0xBF) || b1 == 0x81))
        || (b0 == 0xD1 && ((b1 >= 0x80 && b1 <= 0x8F) || b1 == 0x91))) {
      cyr++;
      p += 2;
      continue;
    }
    c = g_utf8_get_char_validated (p, end - p);
    if (c == (gunichar) -1 || c == (gunichar) -2) {
      p++;
      continue;
    }
    if (g_unichar_isalpha (c)) {
      GUnicodeScript s = g_unichar_get_script (c);
      if (s == G_UNICODE_SCRIPT_CYRILLIC)
        cyr++;
      else if (s == G_UNICODE_SCRIPT_LATIN)
        lat++;
    }
    p = g_utf8_next_char (p);
  }
  *n_cyrillic = cyr;
  *n_latin = lat;
  if (cyr + lat == 0)
    return SVERKA_LANGUAGE_AUTO;
  return cyr > lat ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
}

SverkaLanguage
sverka_language_detect (const char *text, gssize len, double *cyrillic_share)
{
  guint64 cyr, lat;

  sverka_language_count_letters (text, len, &cyr, &lat);
  if (cyrillic_share != NULL)
    *cyrillic_share = (cyr + lat) > 0 ? (double) cyr / (double) (cyr + lat) : 0.0;
  return cyr > lat ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
}
