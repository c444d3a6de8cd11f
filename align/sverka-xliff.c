/* sverka-xliff.c: XLIFF 1.2 and 2.x files as two documents and the units
 * that pair them (sverka-bilingual.h), read with libxml2's XML parser
 * (no network, no external entities).
 *
 * XLIFF 2: <xliff srcLang trgLang> <file> (<group>)* <unit id> <segment id>
 * <source>/<target>. XLIFF 1.2: <xliff> <file source-language
 * target-language> <body> (<group>)* <trans-unit id> <source>/<target>,
 * with <seg-source> and <mrk mtype="seg" mid> when the unit is split into
 * segments. Elements are matched by local name whatever their namespace,
 * since real files vary. */
#include <libxml/parser.h>
#include <string.h>

#include "sverka-bilingual.h"
#include "sverka-context-private.h"
#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-xml-private.h"

struct _SverkaBilingual {
  SverkaDocument *ru, *en;
  SverkaLanguage source;
  GArray *units; /* SverkaBilingualUnit */
  guint n_left_out;
};

/* One side as it is read: its lines and their origins. */
typedef struct {
  GString *text;
  GPtrArray *origins;
  guint n;
} Side;

typedef struct {
  int version;         /* 1 or 2 */
  const char *codes[2]; /* the pair's language codes, FIRST's and SECOND's */
  Side source, target; /* by role; which is the pair's first language is decided at the end */
  GArray *units;
  guint n_left_out;
} Reader;

static gboolean
translate_no (const xmlNode *node)
{
  g_autofree char *t = sverka_xml_attr (node, "translate");
  return t != NULL && g_ascii_strcasecmp (t, "no") == 0;
}

/* Inline elements whose content is no text of the segment: codes of the
 * original format (1.2: <ph>, <bpt>, <ept>, <it>, sub-flows in <sub>;
 * 2: the empty <ph/>, <sc/>, <ec/>, <sm/>, <em/>). */
static const char *const xliff_codes[] = { "x",  "bx", "ex", "ph", "bpt", "ept", "it",
                                           "sub", "sc", "ec", "sm", "em", NULL };

/* The text of @node (NULL: none) with white space collapsed and trimmed. */
static char *
segment_text (const xmlNode *node)
{
  return sverka_xml_segment_text (node, xliff_codes);
}

static void
side_add (Side *side, const char *text, const char *origin)
{
  g_string_append (side->text, text);
  g_string_append_c (side->text, '\n');
  g_ptr_array_add (side->origins, g_strdup (origin));
  side->n++;
}

/* One segment: @src and @tgt (either NULL) at @origin. */
static void
add_segment (Reader *rd, const xmlNode *src, const xmlNode *tgt, const char *origin)
{
  g_autofree char *s = segment_text (src);
  g_autofree char *t = segment_text (tgt);
  SverkaBilingualUnit unit = { s[0] != '\0', t[0] != '\0' };

  if (unit.n_ru == 0 && unit.n_en == 0)
    return;
  /* By role for now: n_ru counts the source, n_en the target. */
  if (unit.n_ru)
    side_add (&rd->source, s, origin);
  if (unit.n_en)
    side_add (&rd->target, t, origin);
  g_array_append_val (rd->units, unit);
}

static const xmlNode *
child (const xmlNode *node, const char *local)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (sverka_xml_is (c, local))
      return c;
  return NULL;
}

/* The <mrk mtype="seg" mid=@mid> under @node, or NULL. */
static const xmlNode *
find_mrk (const xmlNode *node, const char *mid)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next) {
    const xmlNode *found;
    if (sverka_xml_is (c, "mrk")) {
      g_autofree char *mtype = sverka_xml_attr (c, "mtype");
      g_autofree char *m = sverka_xml_attr (c, "mid");
      if (mtype != NULL && strcmp (mtype, "seg") == 0 && m != NULL && strcmp (m, mid) == 0)
        return c;
    }
    if (c->type == XML_ELEMENT_NODE && (found = find_mrk (c, mid)) != NULL)
      return found;
  }
  return NULL;
}

/* Appends the <mrk mtype="seg"> under @node to @out (in document order). */
static void
seg_mrks (const xmlNode *node, GPtrArray *out)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next) {
    if (sverka_xml_is (c, "mrk")) {
      g_autofree char *mtype = sverka_xml_attr (c, "mtype");
      if (mtype != NULL && strcmp (mtype, "seg") == 0) {
        g_ptr_array_add (out, (gpointer) c);
        continue;
      }
    }
    if (c->type == XML_ELEMENT_NODE)
      seg_mrks (c, out);
  }
}

static void
trans_unit (Reader *rd, const xmlNode *tu)
{
  g_autofree char *id = sverka_xml_attr (tu, "id");
  g_autofree char *base = g_strdup_printf ("trans-unit[%s]", id != NULL ? id : "");
  const xmlNode *src = child (tu, "source"), *tgt = child (tu, "target");
  const xmlNode *seg_source = child (tu, "seg-source");
  g_autoptr (GPtrArray) mrks = g_ptr_array_new ();

  if (seg_source != NULL)
    seg_mrks (seg_source, mrks);
  if (mrks->len == 0) {
    add_segment (rd, src, tgt, base);
    return;
  }
  for (guint k = 0; k < mrks->len; k++) {
    const xmlNode *m = g_ptr_array_index (mrks, k);
    g_autofree char *mid = sverka_xml_attr (m, "mid");
    g_autofree char *origin = g_strdup_printf ("%s/mrk[%s]", base, mid != NULL ? mid : "");
    add_segment (rd, m, tgt != NULL && mid != NULL ? find_mrk (tgt, mid) : NULL, origin);
  }
}

static void
unit2 (Reader *rd, const xmlNode *unit)
{
  g_autofree char *id = sverka_xml_attr (unit, "id");
  guint k = 0;

  for (const xmlNode *c = unit->children; c != NULL; c = c->next) {
    g_autofree char *sid = NULL;
    g_autofree char *origin = NULL;
    if (!sverka_xml_is (c, "segment"))
      continue;
    k++;
    sid = sverka_xml_attr (c, "id");
    origin = sid != NULL ? g_strdup_printf ("unit[%s]/segment[%s]", id != NULL ? id : "", sid)
                         : g_strdup_printf ("unit[%s]/segment[%u]", id != NULL ? id : "", k);
    add_segment (rd, child (c, "source"), child (c, "target"), origin);
  }
}

/* Every unit under @node, in document order; @no: translate="no" above. */
static void
walk (Reader *rd, const xmlNode *node, gboolean no)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next) {
    gboolean unit = rd->version == 1 ? sverka_xml_is (c, "trans-unit") : sverka_xml_is (c, "unit");
    gboolean skip;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    skip = no || translate_no (c);
    if (unit) {
      if (skip)
        rd->n_left_out++;
      else if (rd->version == 1)
        trans_unit (rd, c);
      else
        unit2 (rd, c);
    } else if (!sverka_xml_is (c, "notes") && !sverka_xml_is (c, "note") && !sverka_xml_is (c, "header")
               && !sverka_xml_is (c, "skeleton")) {
      walk (rd, c, skip);
    }
  }
}

/* The side of the pair whose language the tag @tag names (for ru-en: "ru",
 * "ru-RU", "en_US"): FIRST, SECOND, AUTO for none; FALSE for another
 * language. */
static gboolean
tag_language (const Reader *rd, const char *tag, SverkaLanguage *out)
{
  *out = SVERKA_LANGUAGE_AUTO;
  if (tag == NULL || tag[0] == '\0')
    return TRUE;
  if (sverka_language_tag_is_of (tag, rd->codes[0]))
    *out = SVERKA_LANGUAGE_FIRST;
  else if (sverka_language_tag_is_of (tag, rd->codes[1]))
    *out = SVERKA_LANGUAGE_SECOND;
  else
    return FALSE;
  return TRUE;
}

/* The source and target languages the file names: XLIFF 2 on the root,
 * 1.2 on each <file> (which must agree). */
static gboolean
file_languages (const Reader *rd, const xmlNode *root, const char *name, SverkaLanguage *src,
                SverkaLanguage *tgt, GError **error)
{
  g_autofree char *s = NULL;
  g_autofree char *t = NULL;

  if (rd->version == 2) {
    s = sverka_xml_attr (root, "srcLang");
    t = sverka_xml_attr (root, "trgLang");
  } else {
    for (const xmlNode *f = root->children; f != NULL; f = f->next) {
      g_autofree char *fs = NULL;
      g_autofree char *ft = NULL;
      if (!sverka_xml_is (f, "file"))
        continue;
      fs = sverka_xml_attr (f, "source-language");
      ft = sverka_xml_attr (f, "target-language");
      if (s == NULL && t == NULL) {
        s = g_steal_pointer (&fs);
        t = g_steal_pointer (&ft);
      } else if (g_strcmp0 (s, fs) != 0 || g_strcmp0 (t, ft) != 0) {
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                     "%s: its <file> elements are in different languages (%s to %s, then %s "
                     "to %s); give one language pair per file",
                     name, s ? s : "?", t ? t : "?", fs ? fs : "?", ft ? ft : "?");
        return FALSE;
      }
    }
  }
  if (!tag_language (rd, s, src) || !tag_language (rd, t, tgt)
      || (*src != SVERKA_LANGUAGE_AUTO && *src == *tgt)) {
    if (strcmp (rd->codes[0], "ru") == 0 && strcmp (rd->codes[1], "en") == 0)
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: an XLIFF file from %s to %s; sverka checks Russian against English "
                   "(another pair: --langs)",
                   name, s ? s : "(none)", t ? t : "(none)");
    else
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: an XLIFF file from %s to %s; the pair asked for is %s and %s", name,
                   s ? s : "(none)", t ? t : "(none)", rd->codes[0], rd->codes[1]);
    return FALSE;
  }
  return TRUE;
}

static void
side_init (Side *side)
{
  side->text = g_string_new (NULL);
  side->origins = g_ptr_array_new_with_free_func (g_free);
  side->n = 0;
}

static void
side_clear (Side *side)
{
  g_string_free (side->text, TRUE);
  g_ptr_array_unref (side->origins);
}

static SverkaDocument *
side_document (SverkaContext *ctx, Side *side, const char *name, SverkaLanguage lang,
               gboolean source, GError **error)
{
  SverkaLoadOptions opts;
  g_autofree char *doc_name
      = g_strdup_printf ("%s#%s", name, sverka_context_get_language_code (ctx, lang));
  SverkaDocument *doc;

  sverka_load_options_init (&opts);
  opts.language = lang;
  doc = sverka_document_new_from_lines (ctx, doc_name, side->text->str, side->text->len, &opts,
                                        error);
  if (doc != NULL) {
    doc->origins = g_ptr_array_ref (side->origins);
    doc->format = "xliff";
    doc->source = source;
  }
  return doc;
}

gboolean
sverka_bilingual_is_xliff (const char *data, gsize len)
{
  gsize i = 0;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<'
         && g_strstr_len (data + i, (gssize) MIN (len - i, (gsize) 1024), "<xliff") != NULL;
}

/* Reads the units of the parsed file @xml into @rd. */
static gboolean
read_units (Reader *rd, xmlDoc *xml, const char *name, SverkaLanguage *src, SverkaLanguage *tgt,
            GError **error)
{
  xmlNode *root = xmlDocGetRootElement (xml);
  g_autofree char *version = NULL;

  if (root == NULL || !sverka_xml_is (root, "xliff")) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: the root element is <%s>, not <xliff>; give an XLIFF file", name,
                 root != NULL ? (const char *) root->name : "");
    return FALSE;
  }
  version = sverka_xml_attr (root, "version");
  if (version != NULL && (version[0] == '1' || version[0] == '2') && version[1] == '.')
    rd->version = version[0] - '0';
  else if (root->ns != NULL && root->ns->href != NULL
           && strstr ((const char *) root->ns->href, "xliff:document:2") != NULL)
    rd->version = 2;
  else if (root->ns != NULL && root->ns->href != NULL
           && strstr ((const char *) root->ns->href, "xliff:document:1") != NULL)
    rd->version = 1;
  else {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: XLIFF version '%s' unknown; sverka reads XLIFF 1.2 and 2.x", name,
                 version != NULL ? version : "(none)");
    return FALSE;
  }
  if (!file_languages (rd, root, name, src, tgt, error))
    return FALSE;
  walk (rd, root, FALSE);
  if (rd->units->len == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                 "%s: an XLIFF file with no segment to check%s; give the file with the "
                 "translation",
                 name, rd->n_left_out > 0 ? " (every unit is translate=\"no\")" : "");
    return FALSE;
  }
  if (rd->target.n == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                 "%s: no segment of the XLIFF file has a target; translate it first, or give "
                 "the source and the translation as two files",
                 name);
    return FALSE;
  }
  return TRUE;
}

SverkaBilingual *
sverka_bilingual_new_from_data (SverkaContext *ctx, const char *name, const char *data,
                                gsize len, GError **error)
{
  g_autoptr (SverkaBilingual) b = g_new0 (SverkaBilingual, 1);
  Reader rd = { 0 };
  xmlDoc *xml;
  SverkaLanguage src, tgt;
  gboolean ok;

  if (!sverka_bilingual_is_xliff (data, len)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: not an XLIFF file (no <xliff> element at its start)", name);
    return NULL;
  }
  xml = sverka_xml_parse (name, data, len, "XLIFF",
                          "fix the file or export it again from the CAT tool", error);
  if (xml == NULL)
    return NULL;

  side_init (&rd.source);
  side_init (&rd.target);
  rd.units = g_array_new (FALSE, FALSE, sizeof (SverkaBilingualUnit));
  rd.codes[0] = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST);
  rd.codes[1] = sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_SECOND);
  ok = read_units (&rd, xml, name, &src, &tgt, error);
  xmlFreeDoc (xml);
  if (ok && src == SVERKA_LANGUAGE_AUTO && tgt == SVERKA_LANGUAGE_AUTO && ctx->same_script) {
    /* No languages named, nor told by the script: the source is the
     * pair's first language, as --langs gives it. */
    src = SVERKA_LANGUAGE_FIRST;
  } else if (ok && src == SVERKA_LANGUAGE_AUTO && tgt == SVERKA_LANGUAGE_AUTO) {
    /* No languages named: the side with more Cyrillic is the pair's
     * language in Cyrillic letters (the Russian). */
    guint64 sc, sl, tc, tl;
    gboolean first_cyrillic
        = sverka_context_lang (ctx, SVERKA_LANGUAGE_FIRST)->pack->script == SVERKA_SCRIPT_CYRILLIC;
    sverka_language_count_letters (rd.source.text->str, (gssize) rd.source.text->len, &sc, &sl);
    sverka_language_count_letters (rd.target.text->str, (gssize) rd.target.text->len, &tc, &tl);
    src = ((double) sc / MAX (sc + sl, 1u) >= (double) tc / MAX (tc + tl, 1u)) == first_cyrillic
              ? SVERKA_LANGUAGE_FIRST
              : SVERKA_LANGUAGE_SECOND;
  } else if (ok && src == SVERKA_LANGUAGE_AUTO) {
    src = tgt == SVERKA_LANGUAGE_RU ? SVERKA_LANGUAGE_EN : SVERKA_LANGUAGE_RU;
  }
  if (ok) {
    gboolean ru_is_source = src == SVERKA_LANGUAGE_RU;
    b->source = src;
    b->n_left_out = rd.n_left_out;
    if (!ru_is_source)
      for (guint k = 0; k < rd.units->len; k++) {
        SverkaBilingualUnit *u = &g_array_index (rd.units, SverkaBilingualUnit, k);
        guint s = u->n_ru;
        u->n_ru = u->n_en;
        u->n_en = s;
      }
    b->units = g_steal_pointer (&rd.units);
    b->ru = side_document (ctx, ru_is_source ? &rd.source : &rd.target, name,
                           SVERKA_LANGUAGE_RU, ru_is_source, error);
    if (b->ru != NULL)
      b->en = side_document (ctx, ru_is_source ? &rd.target : &rd.source, name,
                             SVERKA_LANGUAGE_EN, !ru_is_source, error);
    ok = b->ru != NULL && b->en != NULL;
  }
  side_clear (&rd.source);
  side_clear (&rd.target);
  if (rd.units != NULL)
    g_array_unref (rd.units);
  return ok ? g_steal_pointer (&b) : NULL;
}

SverkaBilingual *
sverka_bilingual_new_from_file (SverkaContext *ctx, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &data, &len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read: %s", path,
                 local->message);
    return NULL;
  }
  return sverka_bilingual_new_from_data (ctx, path, data, len, error);
}

void
sverka_bilingual_free (SverkaBilingual *b)
{
  if (b == NULL)
    return;
  sverka_document_free (b->ru);
  sverka_document_free (b->en);
  if (b->units != NULL)
    g_array_unref (b->units);
  g_free (b);
}

const SverkaBilingualUnit *
sverka_bilingual_get_units (SverkaBilingual *b, guint *n_units)
{
  *n_units = b->units->len;
  return (const SverkaBilingualUnit *) (gpointer) b->units->data;
}

SverkaDocument *
sverka_bilingual_get_ru (SverkaBilingual *b)
{
  return b->ru;
}

SverkaDocument *
sverka_bilingual_get_en (SverkaBilingual *b)
{
  return b->en;
}

SverkaLanguage
sverka_bilingual_get_source_language (SverkaBilingual *b)
{
  return b->source;
}

guint
sverka_bilingual_get_n_units (SverkaBilingual *b)
{
  return b->units->len;
}

guint
sverka_bilingual_get_n_left_out (SverkaBilingual *b)
{
  return b->n_left_out;
}

SverkaAlignment *
sverka_bilingual_align (SverkaBilingual *b, SverkaLexicon *lex, GError **error)
{
  /* A file is read only with units (sverka_bilingual_new_from_data()). */
  return sverka_align_units (lex, b->ru, b->en, &g_array_index (b->units, SverkaBilingualUnit, 0),
                             b->units->len, error);
}
