/* sverka-language.h: the two languages of a pair.
 *
 * A context (sverka-context.h) works with a pair of languages, each
 * described by a language pack of the dictionary folder (Russian and
 * English by default). SverkaLanguage names a language by its place in the
 * pair: SVERKA_LANGUAGE_FIRST and _SECOND, whose older names
 * SVERKA_LANGUAGE_RU and _EN they keep (source compatible for ru-en
 * callers); sverka_context_get_language_code() gives its code. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SVERKA_LANGUAGE_AUTO = 0, /* detect from the script of the letters */
  SVERKA_LANGUAGE_RU, /* the pair's first language (Russian by default) */
  SVERKA_LANGUAGE_EN, /* its second (English by default) */
  SVERKA_LANGUAGE_FIRST = SVERKA_LANGUAGE_RU,
  SVERKA_LANGUAGE_SECOND = SVERKA_LANGUAGE_EN,
} SverkaLanguage;

#define SVERKA_N_LANGUAGES 3

/* Returns: (transfer none) "ru", "en" or "auto". */
const char *sverka_language_to_string (SverkaLanguage lang);

/* Parses "ru", "en" or "auto"; returns FALSE for anything else. */
gboolean sverka_language_from_string (const char *s, SverkaLanguage *out);

/* Detects the language of UTF-8 @text (@len bytes, or -1 if NUL-terminated)
 * from the share of Cyrillic and Latin letters. Never returns AUTO: text
 * without letters counts as English. If @cyrillic_share is not NULL it gets
 * the share of Cyrillic among Cyrillic and Latin letters (0 without letters). */
SverkaLanguage sverka_language_detect (const char *text, gssize len, double *cyrillic_share);

/* Counts the Cyrillic and Latin letters of UTF-8 @text (@len bytes, or -1
 * if NUL-terminated) into *@n_cyrillic and *@n_latin. Returns the language
 * of the script that has more of them, or AUTO if there are none. */
SverkaLanguage sverka_language_count_letters (const char *text, gssize len, guint64 *n_cyrillic,
                                              guint64 *n_latin);

G_END_DECLS
