/* sverka-write-moses.c: one side of the alignment as a Moses corpus file.
 *
 * Moses (and most machine translation toolkits) take a parallel corpus as
 * two files, one per language, where line k of one translates line k of the
 * other. Each bead with text on both sides gives one line on each side;
 * beads with one side empty are left out, since an empty line pairs a
 * sentence with nothing. */
#include "sverka-write.h"
#include "sverka-write-private.h"

/* Appends @s with the characters that some readers take as line ends beside
 * '\n' (U+0085, U+2028, U+2029: Python's str.splitlines()) as spaces, so that
 * the two files keep their lines in step. */
static void
append_line (GString *out, const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == 0x85 || c == 0x2028 || c == 0x2029)
      g_string_append_c (out, ' ');
    else
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  }
  g_string_append_c (out, '\n');
}

char *
sverka_write_moses (SverkaAlignment *alignment,
                    SverkaDocument *ru,
                    SverkaDocument *en,
                    SverkaLanguage side)
{
  GString *out;
  g_autoptr (GString) text = NULL;

  g_return_val_if_fail (side == SVERKA_LANGUAGE_RU || side == SVERKA_LANGUAGE_EN, NULL);
  out = g_string_new (NULL);
  text = g_string_new (NULL);
  for (guint i = 0; i < sverka_alignment_get_n_beads (alignment); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (alignment, i);
    if (b->n_ru == 0 || b->n_en == 0)
      continue;
    g_string_truncate (text, 0);
    if (side == SVERKA_LANGUAGE_RU)
      sverka_write_append_text (text, ru, b->ru, b->n_ru);
    else
      sverka_write_append_text (text, en, b->en, b->n_en);
    append_line (out, text->str);
  }
  return g_string_free (out, FALSE);
}
