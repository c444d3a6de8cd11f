/* sverka-bitext-tmx.c: the translation units of a TMX file (any version)
 * as pairs of Russian and English segments (sverka-bitext-private.h). */
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-bitext-private.h"
#include "sverka-error.h"
#include "sverka-xml-private.h"

/* Inline elements of TMX whose content is code of the original format, or
 * a sub-flow, not text of the segment. */
static const char *const tmx_codes[] = { "bpt", "ept", "it", "ph", "ut", "sub", NULL };

gboolean
sverka_bitext_is_tmx (const char *data, gsize len)
{
  gsize n = MIN (len, (gsize) 2048);
  g_autofree char *head = NULL;
  gsize i = 0;

  if (n >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    head = g_convert (data + 2, (gssize) ((n - 2) & ~(gsize) 1), "UTF-8", "UTF-16LE", NULL,
                      NULL, NULL);
  else if (n >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    head = g_convert (data + 2, (gssize) ((n - 2) & ~(gsize) 1), "UTF-8", "UTF-16BE", NULL,
                      NULL, NULL);
  else
    head = g_strndup (data, n);
  if (head == NULL)
    return FALSE;
  if (g_str_has_prefix (head, "\xEF\xBB\xBF"))
    i = 3;
  while (head[i] != '\0' && g_ascii_isspace (head[i]))
    i++;
  return head[i] == '<' && strstr (head + i, "<tmx") != NULL;
}

/* Which language a <tuv>'s language tag names: 'r' for Russian ("ru",
 * "RU-ru", "ru_RU"), 'e' for English, 0 for another. */
static char
tag_language (const char *tag)
{
  if (tag == NULL || strlen (tag) < 2 || (tag[2] != '\0' && tag[2] != '-' && tag[2] != '_'))
    return 0;
  if (g_ascii_strncasecmp (tag, "ru", 2) == 0)
    return 'r';
  if (g_ascii_strncasecmp (tag, "en", 2) == 0)
    return 'e';
  return 0;
}

typedef struct {
  const char *name;
  SverkaBitextFunc func;
  gpointer user_data;
  SverkaBitextStats *stats;
  GHashTable *other_langs; /* language tags that are neither (owned keys) */
  guint n_tu;
} Reader;

/* The first <seg> of <tuv> @tuv. */
static const xmlNode *
seg_of (const xmlNode *tuv)
{
  for (const xmlNode *c = tuv->children; c != NULL; c = c->next)
    if (sverka_xml_is (c, "seg"))
      return c;
  return NULL;
}

static gboolean
read_tu (Reader *rd, const xmlNode *tu, GError **error)
{
  const xmlNode *ru = NULL, *en = NULL;
  g_autofree char *rtext = NULL;
  g_autofree char *etext = NULL;
  SverkaBitextPair pair;

  rd->n_tu++;
  for (const xmlNode *c = tu->children; c != NULL; c = c->next) {
    g_autofree char *lang = NULL;
    char which;
    if (!sverka_xml_is (c, "tuv"))
      continue;
    lang = sverka_xml_attr (c, "lang");
    which = tag_language (lang);
    if (which == 'r' && ru == NULL)
      ru = c;
    else if (which == 'e' && en == NULL)
      en = c;
    else if (which == 0 && lang != NULL && g_hash_table_size (rd->other_langs) < 8)
      g_hash_table_add (rd->other_langs, g_steal_pointer (&lang));
  }
  if (ru == NULL || en == NULL) {
    rd->stats->skipped++;
    return TRUE;
  }
  rtext = sverka_xml_segment_text (seg_of (ru), tmx_codes);
  etext = sverka_xml_segment_text (seg_of (en), tmx_codes);
  if (*rtext == '\0' || *etext == '\0') {
    rd->stats->skipped++;
    return TRUE;
  }
  pair.ru = rtext;
  pair.en = etext;
  pair.line = (guint) xmlGetLineNo (tu);
  rd->stats->pairs++;
  return rd->func (&pair, rd->user_data, error);
}

/* Reads the <tu> elements under @node, in <body> and any grouping. */
static gboolean
read_tus (Reader *rd, const xmlNode *node, GError **error)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || sverka_xml_is (c, "header"))
      continue;
    if (sverka_xml_is (c, "tu")) {
      if (!read_tu (rd, c, error))
        return FALSE;
    } else if (!read_tus (rd, c, error)) {
      return FALSE;
    }
  }
  return TRUE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
sverka_bitext_read_tmx (const char *name, const char *data, gsize len, SverkaBitextFunc func,
                        gpointer user_data, SverkaBitextStats *stats, GError **error)
{
  SverkaBitextStats local = { 0 };
  Reader rd = { name, func, user_data, stats != NULL ? stats : &local,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  guint pairs_before = rd.stats->pairs;
  xmlDoc *xml = sverka_xml_parse (name, data, len, "TMX",
                                  "fix the file or export it again from the CAT tool", error);
  xmlNode *root;
  gboolean ok = FALSE;

  if (xml == NULL)
    goto out;
  root = xmlDocGetRootElement (xml);
  if (root == NULL || !sverka_xml_is (root, "tmx")) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: the root element is <%s>, not <tmx>; give a TMX file", name,
                 root != NULL ? (const char *) root->name : "");
    goto out;
  }
  if (!read_tus (&rd, root, error))
    goto out;
  if (rd.stats->pairs == pairs_before && rd.n_tu > 0) {
    g_autofree const char **langs = (const char **) g_hash_table_get_keys_as_array (rd.other_langs, NULL);
    g_autofree char *list = NULL;
    qsort (langs, g_hash_table_size (rd.other_langs), sizeof *langs, compare_strings);
    list = g_strjoinv (", ", (char **) langs);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: none of its %u translation units holds both a Russian and an English "
                 "segment (<tuv xml:lang=\"ru\"> and \"en\")%s%s",
                 name, rd.n_tu, *list != '\0' ? "; other languages found: " : "", list);
    goto out;
  }
  ok = TRUE;
out:
  if (xml != NULL)
    xmlFreeDoc (xml);
  g_hash_table_unref (rd.other_langs);
  return ok;
}
