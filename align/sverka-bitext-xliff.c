/* sverka-bitext-xliff.c: the segments of an XLIFF file (a translator's
 * bilingual file) as pairs of Russian and English segments
 * (sverka-bitext-private.h), read by sverka-xliff.c. */
#include "sverka-bilingual.h"
#include "sverka-bitext-private.h"

gboolean
sverka_bitext_read_xliff (SverkaContext *ctx, const char *name, const char *data, gsize len,
                          SverkaBitextFunc func, gpointer user_data, SverkaBitextStats *stats,
                          GError **error)
{
  SverkaBitextStats local = { 0 };
  g_autoptr (SverkaBilingual) b = sverka_bilingual_new_from_data (ctx, name, data, len, error);
  const SverkaBilingualUnit *units;
  SverkaDocument *ru, *en;
  guint n_units, r = 0, e = 0;

  if (b == NULL)
    return FALSE;
  if (stats == NULL)
    stats = &local;
  ru = sverka_bilingual_get_ru (b);
  en = sverka_bilingual_get_en (b);
  units = sverka_bilingual_get_units (b, &n_units);
  for (guint k = 0; k < n_units; k++) {
    g_autofree char *rtext = NULL;
    g_autofree char *etext = NULL;
    SverkaBitextPair pair;

    if (units[k].n_ru != 1 || units[k].n_en != 1) {
      /* a segment without its target */
      r += units[k].n_ru;
      e += units[k].n_en;
      stats->skipped++;
      continue;
    }
    rtext = sverka_document_dup_sentence_text (ru, r++);
    etext = sverka_document_dup_sentence_text (en, e++);
    pair.ru = rtext;
    pair.en = etext;
    pair.line = k + 1; /* the segment's number */
    stats->pairs++;
    if (!func (&pair, user_data, error))
      return FALSE;
  }
  return TRUE;
}
