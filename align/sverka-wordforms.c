/* sverka-wordforms.c: the word forms of a hunspell dictionary, expanded
 * from its .aff and .dic files and compiled to a table of hashes (see
 * sverka-wordforms-private.h for what the table promises).
 *
 * A compiled file, in the byte order of the machine that wrote it:
 *
 *   Header, then the sections it names, each 8-byte aligned:
 *   sources  n_sources × SverkaImageSource: the .aff and .dic it was compiled from
 *   index    (INDEX_SIZE + 1) × guint32: where the hashes of each value of
 *            their top INDEX_BITS bits begin
 *   hashes   n_hashes × guint32, ascending and distinct
 *   names    names_len bytes: the sources' file names, NUL-terminated
 *
 * Mapping checks every section against the file's length, the index
 * against the hashes, and that the hashes ascend, before anything is used.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-error.h"
#include "sverka-image-private.h"
#include "sverka-wordforms-private.h"

#define MAGIC "SVKFRM\r\n"
#define BYTE_ORDER_MARK 0x01020304u
#define FORMAT_VERSION 1u
#define INDEX_BITS 16
#define INDEX_SIZE (1u << INDEX_BITS)

typedef struct {
  char magic[8];
  guint32 byte_order;
  guint32 version;
  guint32 n_hashes;
  guint32 covers;
  guint32 n_sources;
  guint32 names_len;
  guint64 sources_off;
  guint64 index_off;
  guint64 hashes_off;
  guint64 names_off;
  guint64 file_len;
} Header;


G_STATIC_ASSERT (sizeof (Header) == 72);

struct _SverkaWordforms {
  GMappedFile *mapped; /* (nullable) */
  const guint32 *index;
  const guint32 *hashes;
  guint32 n_hashes;
  /* One bit per value of the hashes' low bits, set for those in the table,
   * made on mapping (at least 8 bits per hash): most strings are turned
   * away by one bit, without the search in the hashes. */
  guint64 *bits;
  guint32 bits_mask;
};

/* The hash of a lower-case form: 64-bit FNV-1a, folded to 32 bits. */
static guint32
form_hash (const char *s, gsize len)
{
  guint64 h = sverka_image_fnv64 (SVERKA_IMAGE_FNV64_SEED, s, len);
  return (guint32) (h ^ (h >> 32));
}

/* ---- reading the .aff ---------------------------------------------- */

/* One element of an affix's condition: any character ('.'), one of a set
 * ("[аеи]"), or none of a set ("[^с]"); a single character is a set of one. */
typedef struct {
  gboolean any;
  gboolean negate;
  gunichar *set;
  guint n_set;
} CondElem;

typedef struct {
  char *strip; /* "" for 0 */
  char *add;
  gsize strip_len, add_len;
  CondElem *cond;
  guint n_cond;
} Affix;

typedef struct {
  gboolean cross; /* combines with affixes of the other kind */
  GArray *affixes; /* Affix */
} AffixClass;

typedef struct {
  AffixClass *sfx[256]; /* by flag byte (hunspell's default FLAG mode) */
  AffixClass *pfx[256];
  gboolean compound_flag[256]; /* flags named in COMPOUNDRULE */
  /* the characters hunspell does not look up as they are: those ICONV
   * converts, those BREAK breaks a word at ("-" when the .aff names no
   * BREAK), and the other characters than letters of the roots that
   * compound rules join */
  GHashTable *special; /* gunichar set */
  gboolean has_break;
  gboolean covers;
  char *why_not;
} Aff;

static void
affix_clear (gpointer data)
{
  Affix *a = data;
  g_free (a->strip);
  g_free (a->add);
  for (guint i = 0; i < a->n_cond; i++)
    g_free (a->cond[i].set);
  g_free (a->cond);
}

static void
aff_clear (Aff *aff)
{
  for (guint f = 0; f < 256; f++) {
    for (guint k = 0; k < 2; k++) {
      AffixClass *c = k == 0 ? aff->sfx[f] : aff->pfx[f];
      if (c != NULL) {
        g_array_unref (c->affixes);
        g_free (c);
      }
    }
  }
  g_free (aff->why_not);
  g_clear_pointer (&aff->special, g_hash_table_unref);
}

/* Adds the characters of @s that are not letters (all of them unless
 * @letters_too) to @aff's special ones, but a BREAK pattern's anchors. */
static void
add_special (Aff *aff, const char *s, gboolean letters_too, gboolean anchors)
{
  gsize len = strlen (s);
  for (gsize i = 0; i < len; i = (gsize) (g_utf8_next_char (s + i) - s)) {
    gunichar c = g_utf8_get_char (s + i);
    if (anchors && ((i == 0 && c == '^') || (i == len - 1 && c == '$')))
      continue;
    if (letters_too || !g_unichar_isalpha (c))
      g_hash_table_add (aff->special, GUINT_TO_POINTER (c));
  }
}

static void
not_covered (Aff *aff, const char *path, guint line, const char *what)
{
  if (!aff->covers)
    return;
  aff->covers = FALSE;
  aff->why_not = g_strdup_printf ("%s:%u: %s", path, line, what);
}

static gboolean
has_letter (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Parses hunspell's condition @text into @a; FALSE if it is malformed (an
 * unclosed bracket). */
static gboolean
parse_condition (Affix *a, const char *text)
{
  GArray *elems = g_array_new (FALSE, TRUE, sizeof (CondElem));
  const char *p = text;

  if (strcmp (text, ".") == 0) {
    a->cond = NULL;
    a->n_cond = 0;
    g_array_unref (elems);
    return TRUE;
  }
  while (*p != '\0') {
    CondElem e = { 0 };
    if (*p == '.') {
      e.any = TRUE;
      p++;
    } else if (*p == '[') {
      const char *close;
      GArray *set = g_array_new (FALSE, FALSE, sizeof (gunichar));
      p++;
      if (*p == '^') {
        e.negate = TRUE;
        p++;
      }
      close = strchr (p, ']');
      if (close == NULL) {
        g_array_unref (set);
        for (guint i = 0; i < elems->len; i++)
          g_free (g_array_index (elems, CondElem, i).set);
        g_array_unref (elems);
        return FALSE;
      }
      for (; p < close; p = g_utf8_next_char (p)) {
        gunichar c = g_utf8_get_char (p);
        g_array_append_val (set, c);
      }
      p = close + 1;
      e.n_set = set->len;
      e.set = (gunichar *) (void *) g_array_free (set, FALSE);
    } else {
      e.set = g_new (gunichar, 1);
      e.set[0] = g_utf8_get_char (p);
      e.n_set = 1;
      p = g_utf8_next_char (p);
    }
    g_array_append_val (elems, e);
  }
  a->n_cond = elems->len;
  a->cond = (CondElem *) (void *) g_array_free (elems, FALSE);
  return TRUE;
}

static gboolean
elem_matches (const CondElem *e, gunichar c)
{
  gboolean in = FALSE;
  if (e->any)
    return TRUE;
  for (guint i = 0; i < e->n_set && !in; i++)
    in = e->set[i] == c;
  return in != e->negate;
}

/* Does @a's condition hold at the end (@suffix) or the start of @word? */
static gboolean
condition_holds (const Affix *a, const char *word, gsize len, gboolean suffix)
{
  if (suffix) {
    const char *p = word + len;
    for (guint i = a->n_cond; i-- > 0;) {
      if (p == word)
        return FALSE;
      p = g_utf8_find_prev_char (word, p);
      if (p == NULL || !elem_matches (&a->cond[i], g_utf8_get_char (p)))
        return FALSE;
    }
    return TRUE;
  }
  for (const char *p = word, *end = word + len; p != NULL;) {
    for (guint i = 0; i < a->n_cond; i++) {
      if (p >= end || !elem_matches (&a->cond[i], g_utf8_get_char (p)))
        return FALSE;
      p = g_utf8_next_char (p);
    }
    break;
  }
  return TRUE;
}

static char *
field_value (const char *field)
{
  return g_strdup (strcmp (field, "0") == 0 ? "" : field);
}

/* Reads the affix file @text (of @path) into @aff. */
static void
parse_aff (Aff *aff, const char *path, char *text)
{
  gboolean utf8 = FALSE;
  char *save = NULL;
  guint line_no = 0;
  AffixClass *current = NULL;
  guint remaining = 0;
  gboolean current_suffix = FALSE;
  char current_flag = 0;

  aff->covers = TRUE;
  aff->special = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (char *line = text; line != NULL; line = save) {
    char *nl = strchr (line, '\n');
    g_auto (GStrv) f = NULL;
    guint n;
    save = nl != NULL ? nl + 1 : NULL;
    if (nl != NULL)
      *nl = '\0';
    line_no++;
    if (line_no == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
      line += 3;
    g_strchomp (line);
    if (!g_utf8_validate (line, -1, NULL)) {
      not_covered (aff, path, line_no, "a line that is not UTF-8");
      remaining = 0;
      continue;
    }
    f = g_strsplit_set (line, " \t", -1);
    /* drop the empty fields runs of blanks make */
    n = 0;
    for (guint i = 0; f[i] != NULL; i++) {
      if (f[i][0] != '\0')
        f[n++] = f[i];
      else
        g_free (f[i]);
    }
    f[n] = NULL;
    if (n == 0 || f[0][0] == '#')
      continue;
    if (remaining > 0 && n >= 4 && strcmp (f[0], current_suffix ? "SFX" : "PFX") == 0
        && strlen (f[1]) == 1 && f[1][0] == current_flag) {
      Affix a = { 0 };
      char *slash = strchr (f[3], '/');
      remaining--;
      if (slash != NULL) {
        if (slash[1] != '\0')
          not_covered (aff, path, line_no, "an affix with affixes of its own");
        *slash = '\0';
      }
      a.strip = field_value (f[2]);
      a.add = field_value (f[3]);
      a.strip_len = strlen (a.strip);
      a.add_len = strlen (a.add);
      if (!parse_condition (&a, n >= 5 ? f[4] : ".")) {
        not_covered (aff, path, line_no, "a condition with an unclosed bracket");
        affix_clear (&a);
        continue;
      }
      g_array_append_val (current->affixes, a);
      continue;
    }
    remaining = 0;
    if ((strcmp (f[0], "SFX") == 0 || strcmp (f[0], "PFX") == 0) && n >= 4) {
      gboolean suffix = f[0][0] == 'S';
      AffixClass **slot;
      guint64 count;
      if (strlen (f[1]) != 1 || !g_ascii_string_to_unsigned (f[3], 10, 0, G_MAXUINT, &count,
                                                             NULL)) {
        not_covered (aff, path, line_no, "an affix class header sverka cannot read");
        continue;
      }
      slot = suffix ? &aff->sfx[(guchar) f[1][0]] : &aff->pfx[(guchar) f[1][0]];
      if (*slot == NULL) {
        *slot = g_new0 (AffixClass, 1);
        (*slot)->affixes = g_array_new (FALSE, TRUE, sizeof (Affix));
        g_array_set_clear_func ((*slot)->affixes, affix_clear);
      }
      (*slot)->cross = strcmp (f[2], "Y") == 0;
      current = *slot;
      current_suffix = suffix;
      current_flag = f[1][0];
      remaining = (guint) count;
    } else if (strcmp (f[0], "SET") == 0 && n >= 2) {
      utf8 = strcmp (f[1], "UTF-8") == 0;
    } else if (strcmp (f[0], "FLAG") == 0 || strcmp (f[0], "AF") == 0
               || strcmp (f[0], "COMPLEXPREFIXES") == 0 || strcmp (f[0], "IGNORE") == 0
               || strcmp (f[0], "CHECKSHARPS") == 0 || strcmp (f[0], "COMPOUNDFLAG") == 0
               || strcmp (f[0], "COMPOUNDBEGIN") == 0 || strcmp (f[0], "COMPOUNDMIDDLE") == 0
               || strcmp (f[0], "COMPOUNDEND") == 0 || strcmp (f[0], "COMPOUNDLAST") == 0
               || strcmp (f[0], "COMPOUNDFIRST") == 0) {
      g_autofree char *what = g_strdup_printf ("%s, which sverka's table does not cover", f[0]);
      not_covered (aff, path, line_no, what);
    } else if (strcmp (f[0], "LANG") == 0 && n >= 2
               && (g_str_has_prefix (f[1], "tr") || g_str_has_prefix (f[1], "az")
                   || g_str_has_prefix (f[1], "crh"))) {
      not_covered (aff, path, line_no, "a language with hunspell's Turkic case rules");
    } else if (strcmp (f[0], "ICONV") == 0 && n >= 3 && has_letter (f[1])) {
      not_covered (aff, path, line_no, "ICONV turning letters into others");
    } else if (strcmp (f[0], "ICONV") == 0 && n >= 3) {
      add_special (aff, f[1], TRUE, FALSE);
    } else if (strcmp (f[0], "BREAK") == 0 && n >= 2) {
      guint64 dummy;
      aff->has_break = TRUE;
      if (!g_ascii_string_to_unsigned (f[1], 10, 0, G_MAXUINT, &dummy, NULL))
        add_special (aff, f[1], TRUE, TRUE);
    } else if (strcmp (f[0], "COMPOUNDRULE") == 0 && n >= 2) {
      /* the header "COMPOUNDRULE 2" names no flags; a rule's flags are
       * every character but its operators */
      guint64 dummy;
      if (!g_ascii_string_to_unsigned (f[1], 10, 0, G_MAXUINT, &dummy, NULL))
        for (const char *p = f[1]; *p != '\0'; p++)
          if (*p != '*' && *p != '?' && *p != '(' && *p != ')')
            aff->compound_flag[(guchar) *p] = TRUE;
    }
  }
  if (!utf8)
    not_covered (aff, path, 1, "a dictionary not in UTF-8 (no SET UTF-8)");
  if (!aff->has_break)
    g_hash_table_add (aff->special, GUINT_TO_POINTER ('-'));
}

/* ---- expanding the .dic -------------------------------------------- */

typedef struct {
  void (*fn) (const char *form, gpointer data);
  gpointer data;
  GArray *cross; /* char *: the forms with a suffix that combines */
} Expansion;

static void
emit (Expansion *x, const char *form)
{
  if (form[0] != '\0')
    x->fn (form, x->data);
}

/* @form with @a in place of its strip at the end (@suffix) or the start,
 * or NULL when @a does not apply to it. */
static char *
apply (const Affix *a, const char *form, gsize len, gboolean suffix)
{
  gsize keep = len - a->strip_len;
  char *out;

  if (len < a->strip_len || !condition_holds (a, form, len, suffix))
    return NULL;
  if (memcmp (suffix ? form + keep : form, a->strip, a->strip_len) != 0)
    return NULL;
  out = g_malloc (keep + a->add_len + 1);
  if (suffix) {
    memcpy (out, form, keep);
    memcpy (out + keep, a->add, a->add_len + 1);
  } else {
    memcpy (out, a->add, a->add_len);
    memcpy (out + a->add_len, form + a->strip_len, keep + 1);
  }
  return out;
}

/* Every form of @root with the flags @flags. */
static void
expand_root (const Aff *aff, Expansion *x, const char *root, const char *flags)
{
  gsize len = strlen (root);

  emit (x, root);
  g_array_set_size (x->cross, 0);
  for (const char *f = flags; *f != '\0'; f++) {
    const AffixClass *c = aff->sfx[(guchar) *f];
    for (guint i = 0; c != NULL && i < c->affixes->len; i++) {
      char *form = apply (&g_array_index (c->affixes, Affix, i), root, len, TRUE);
      if (form == NULL)
        continue;
      emit (x, form);
      if (c->cross)
        g_array_append_val (x->cross, form);
      else
        g_free (form);
    }
  }
  for (const char *f = flags; *f != '\0'; f++) {
    const AffixClass *c = aff->pfx[(guchar) *f];
    for (guint i = 0; c != NULL && i < c->affixes->len; i++) {
      const Affix *a = &g_array_index (c->affixes, Affix, i);
      g_autofree char *form = apply (a, root, len, FALSE);
      if (form != NULL)
        emit (x, form);
      /* hunspell checks the prefix's condition on the form with the
       * suffix, the root's on the suffix's */
      for (guint k = 0; c->cross && k < x->cross->len; k++) {
        const char *s = g_array_index (x->cross, char *, k);
        g_autofree char *both = apply (a, s, strlen (s), FALSE);
        if (both != NULL)
          emit (x, both);
      }
    }
  }
  for (guint k = 0; k < x->cross->len; k++)
    g_free (g_array_index (x->cross, char *, k));
  g_array_set_size (x->cross, 0);
}

static gboolean
read_text (const char *path, char **text, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s: no such hunspell dictionary file; name the folder that holds it with "
                 "--hunspell-dir",
                 path);
    return FALSE;
  }
  if (!g_file_get_contents (path, text, NULL, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s", local->message);
    return FALSE;
  }
  return TRUE;
}

/* Walks the entries of the .dic @text: the first line is their count. */
static guint
expand_dic (Aff *aff, const char *path, char *text, Expansion *x)
{
  char *save = NULL;
  guint line_no = 0, roots = 0;

  for (char *line = text; line != NULL; line = save) {
    char *nl = strchr (line, '\n');
    char *end, *slash = NULL;
    const char *flags = "";
    save = nl != NULL ? nl + 1 : NULL;
    if (nl != NULL)
      *nl = '\0';
    line_no++;
    if (line_no == 1)
      continue;
    /* the word ends at a tab or a blank (a morphological field follows) */
    end = line + strcspn (line, "\t \r");
    *end = '\0';
    if (line[0] == '\0')
      continue;
    for (char *p = line; *p != '\0'; p++) {
      if (*p == '\\' && p[1] == '/') {
        memmove (p, p + 1, strlen (p));
        continue;
      }
      if (*p == '/') {
        slash = p;
        break;
      }
    }
    if (slash != NULL) {
      *slash = '\0';
      flags = slash + 1;
    }
    if (!g_utf8_validate (line, -1, NULL)) {
      not_covered (aff, path, line_no, "a word that is not UTF-8");
      continue;
    }
    roots++;
    /* a word of letters in a compound rule: compounds of letters; any
     * other, a compound has its other characters */
    for (const char *f = flags; *f != '\0'; f++) {
      gboolean letters = TRUE;
      if (!aff->compound_flag[(guchar) *f])
        continue;
      for (const char *p = line; *p != '\0' && letters; p = g_utf8_next_char (p))
        letters = g_unichar_isalpha (g_utf8_get_char (p));
      if (letters)
        not_covered (aff, path, line_no, "a word of letters in a compound rule");
      add_special (aff, line, FALSE, FALSE);
      break;
    }
    expand_root (aff, x, line, flags);
  }
  return roots;
}

/* Expands the texts of an .aff and a .dic (named @aff_path and @dic_path in
 * what @why_not says), changing them in place; returns the roots read. */
static int
compare_unichars (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return x < y ? -1 : x > y;
}

/* @set's characters, in order, as UTF-8. Returns: (transfer full). */
static char *
special_string (GHashTable *set)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, set);
  while (g_hash_table_iter_next (&it, &key, NULL)) {
    gunichar c = GPOINTER_TO_UINT (key);
    g_array_append_val (chars, c);
  }
  g_array_sort (chars, compare_unichars);
  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (out, g_array_index (chars, gunichar, i));
  return g_string_free (out, FALSE);
}

static guint
expand_texts (const char *aff_path, char *aff_text, const char *dic_path, char *dic_text,
              void (*fn) (const char *form, gpointer data), gpointer data, gboolean *covers,
              char **special, char **why_not)
{
  Aff aff = { 0 };
  Expansion x = { fn, data, g_array_new (FALSE, FALSE, sizeof (char *)) };
  guint roots;

  parse_aff (&aff, aff_path, aff_text);
  roots = expand_dic (&aff, dic_path, dic_text, &x);
  *covers = aff.covers;
  if (special != NULL)
    *special = special_string (aff.special);
  if (why_not != NULL)
    *why_not = g_steal_pointer (&aff.why_not);
  g_array_unref (x.cross);
  aff_clear (&aff);
  return roots;
}

void
sverka_wordforms_expand_texts (char *aff_text, char *dic_text,
                               void (*fn) (const char *form, gpointer data), gpointer data,
                               gboolean *covers)
{
  gboolean c;
  expand_texts ("(aff)", aff_text, "(dic)", dic_text, fn, data, &c, NULL, NULL);
  if (covers != NULL)
    *covers = c;
}

gboolean
sverka_wordforms_expand (const char *aff_path, const char *dic_path,
                         void (*fn) (const char *form, gpointer data), gpointer data,
                         gboolean *covers, char **special, GError **error)
{
  g_autofree char *aff_text = NULL;
  g_autofree char *dic_text = NULL;
  gboolean c;

  if (!read_text (aff_path, &aff_text, error) || !read_text (dic_path, &dic_text, error))
    return FALSE;
  expand_texts (aff_path, aff_text, dic_path, dic_text, fn, data, &c, special, NULL);
  if (covers != NULL)
    *covers = c;
  return TRUE;
}

/* ---- compiling ----------------------------------------------------- */

static void
add_hash (const char *form, gpointer data)
{
  g_autofree char *lower = g_utf8_strdown (form, -1);
  guint32 h = form_hash (lower, strlen (lower));
  g_array_append_val ((GArray *) data, h);
}

static int
compare_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

gboolean
sverka_wordforms_compile (const char *aff_path, const char *dic_path, const char *path,
                          SverkaWordformsStats *stats, GError **error)
{
  g_autofree char *aff_text = NULL;
  g_autofree char *dic_text = NULL;
  g_autoptr (GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GByteArray) names = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  g_autofree guint32 *index = g_new0 (guint32, INDEX_SIZE + 1);
  const char *sources[2] = { aff_path, dic_path };
  SverkaImageSource srcs[2] = { { 0 } };
  Header h = { 0 };
  guint n = 0;

  memset (stats, 0, sizeof *stats);
  if (!read_text (aff_path, &aff_text, error) || !read_text (dic_path, &dic_text, error))
    return FALSE;
  for (guint i = 0; i < 2; i++) {
    g_autofree char *name = g_path_get_basename (sources[i]);
    if (!sverka_image_hash_file (sources[i], &srcs[i].size, &srcs[i].hash, error))
      return FALSE;
    srcs[i].name = names->len;
    g_byte_array_append (names, (const guint8 *) name, (guint) strlen (name) + 1);
  }
  stats->roots = expand_texts (aff_path, aff_text, dic_path, dic_text, add_hash, hashes,
                               &stats->covers, NULL, &stats->why_not);
  if (!stats->covers)
    g_array_set_size (hashes, 0);

  g_array_sort (hashes, compare_u32);
  for (guint i = 0; i < hashes->len; i++) {
    guint32 v = g_array_index (hashes, guint32, i);
    if (n == 0 || g_array_index (hashes, guint32, n - 1) != v)
      g_array_index (hashes, guint32, n++) = v;
  }
  g_array_set_size (hashes, n);
  stats->forms = n;
  /* index[k]: the first hash whose top bits are k or more */
  for (guint k = 0, i = 0; k <= INDEX_SIZE; k++) {
    while (i < n && (g_array_index (hashes, guint32, i) >> (32 - INDEX_BITS)) < k)
      i++;
    index[k] = i;
  }

  memcpy (h.magic, MAGIC, sizeof h.magic);
  h.byte_order = BYTE_ORDER_MARK;
  h.version = FORMAT_VERSION;
  h.n_hashes = n;
  h.covers = stats->covers ? 1 : 0;
  h.n_sources = 2;
  h.names_len = names->len;
  g_byte_array_append (out, (const guint8 *) &h, sizeof h);
  h.sources_off = sverka_image_append_section (out, srcs, sizeof srcs);
  h.index_off = sverka_image_append_section (out, index, (INDEX_SIZE + 1) * sizeof (guint32));
  h.hashes_off = sverka_image_append_section (out, hashes->data, n * sizeof (guint32));
  h.names_off = sverka_image_append_section (out, names->data, names->len);
  h.file_len = out->len;
  memcpy (out->data, &h, sizeof h);
  if (!g_file_set_contents (path, (const char *) out->data, out->len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: cannot write the table of word forms (%s); check that its folder "
                 "exists and is writable",
                 path, local->message);
    return FALSE;
  }
  return TRUE;
}

/* ---- mapping ------------------------------------------------------- */

static SverkaWordforms *
refuse (GError **error, const char *path, const char *what)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
               "%s: not a usable table of word forms (%s); compile it again with "
               "'sverka lexicon compile-forms'",
               path, what);
  return NULL;
}

/* Checks the image at @base (@len bytes) and fills @wf and @h from it. */
static gboolean
image_ok (const char *base, guint64 len, const char *path, SverkaWordforms *wf, Header *h,
          GError **error)
{
  const char *names;

  if (len < sizeof *h)
    return refuse (error, path, "shorter than its header") != NULL;
  memcpy (h, base, sizeof *h);
  if (memcmp (h->magic, MAGIC, sizeof h->magic) != 0)
    return refuse (error, path, "it does not start with the mark of a table of word forms")
           != NULL;
  if (h->byte_order != BYTE_ORDER_MARK)
    return refuse (error, path, "written on a machine of another byte order") != NULL;
  if (h->version != FORMAT_VERSION)
    return refuse (error, path, "written in another version of the format") != NULL;
  if (h->file_len != len)
    return refuse (error, path, "truncated or extended") != NULL;
  if (!sverka_image_section_ok (h->sources_off, h->n_sources, sizeof (SverkaImageSource), 8, len)
      || !sverka_image_section_ok (h->index_off, INDEX_SIZE + 1, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->hashes_off, h->n_hashes, sizeof (guint32), 4, len)
      || !sverka_image_section_ok (h->names_off, h->names_len, 1, 1, len))
    return refuse (error, path, "a section lies outside the file") != NULL;
  names = base + h->names_off;
  if (h->names_len == 0 || names[h->names_len - 1] != '\0')
    return refuse (error, path, "the names of its sources are not closed") != NULL;
  for (guint32 i = 0; i < h->n_sources; i++) {
    SverkaImageSource s;
    memcpy (&s, base + h->sources_off + i * sizeof (SverkaImageSource), sizeof s);
    if (s.name >= h->names_len)
      return refuse (error, path, "a source's name lies outside the file") != NULL;
  }
  wf->index = (const guint32 *) (gconstpointer) (base + h->index_off);
  wf->hashes = (const guint32 *) (gconstpointer) (base + h->hashes_off);
  wf->n_hashes = h->n_hashes;
  {
    guint64 n_bits = 64;
    while (n_bits < 8 * (guint64) h->n_hashes && n_bits < (G_GUINT64_CONSTANT (1) << 32))
      n_bits *= 2;
    wf->bits_mask = (guint32) (n_bits - 1);
    wf->bits = g_new0 (guint64, n_bits / 64);
  }
  if (wf->index[0] != 0 || wf->index[INDEX_SIZE] != h->n_hashes)
    return refuse (error, path, "its index does not span its hashes") != NULL;
  /* the whole index first: no place it names lies beyond the hashes */
  for (guint k = 0; k < INDEX_SIZE; k++) {
    if (wf->index[k + 1] < wf->index[k])
      return refuse (error, path, "its index goes backwards") != NULL;
  }
  for (guint k = 0; k < INDEX_SIZE; k++) {
    for (guint32 i = wf->index[k]; i < wf->index[k + 1]; i++) {
      guint32 bit = wf->hashes[i] & wf->bits_mask;
      if ((wf->hashes[i] >> (32 - INDEX_BITS)) != k
          || (i > wf->index[k] && wf->hashes[i] <= wf->hashes[i - 1]))
        return refuse (error, path, "its hashes are out of order") != NULL;
      wf->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
  }
  return TRUE;
}

SverkaWordforms *
sverka_wordforms_map_bytes (const char *data, gsize len, GError **error)
{
  g_autoptr (SverkaWordforms) wf = g_new0 (SverkaWordforms, 1);
  Header h;
  if (!image_ok (data, len, "(bytes)", wf, &h, error))
    return NULL;
  return h.covers ? g_steal_pointer (&wf) : NULL;
}

SverkaWordforms *
sverka_wordforms_map (const char *path, const char *aff, const char *dic, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, &local);
  g_autoptr (SverkaWordforms) wf = g_new0 (SverkaWordforms, 1);
  const char *sources[2] = { aff, dic };
  const char *base;
  Header h;
  gint differ;

  if (mf == NULL) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s", local->message);
    return NULL;
  }
  base = g_mapped_file_get_contents (mf);
  if (!image_ok (base, g_mapped_file_get_length (mf), path, wf, &h, error))
    return NULL;
  differ = sverka_image_sources_differ (base + h.sources_off, h.n_sources, base + h.names_off, sources, 2);
  if (differ >= 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY,
                 "%s is out of date: it was not compiled from %s as it is now", path,
                 differ < 2 ? sources[differ] : "these two files only");
    return NULL;
  }
  if (!h.covers)
    return NULL;
  wf->mapped = g_steal_pointer (&mf);
  return g_steal_pointer (&wf);
}

void
sverka_wordforms_free (SverkaWordforms *wf)
{
  if (wf == NULL)
    return;
  g_clear_pointer (&wf->mapped, g_mapped_file_unref);
  g_free (wf->bits);
  g_free (wf);
}

guint
sverka_wordforms_get_n_forms (const SverkaWordforms *wf)
{
  return wf->n_hashes;
}

guint32
sverka_wordforms_hash (const char *lower, gsize len)
{
  return form_hash (lower, len);
}

gboolean
sverka_wordforms_may_know_hash (const SverkaWordforms *wf, guint32 h)
{
  guint32 bit = h & wf->bits_mask, lo, hi;
  if (!((wf->bits[bit / 64] >> (bit % 64)) & 1))
    return FALSE;
  lo = wf->index[h >> (32 - INDEX_BITS)];
  hi = wf->index[(h >> (32 - INDEX_BITS)) + 1];
  while (lo < hi) {
    guint32 mid = lo + (hi - lo) / 2;
    if (wf->hashes[mid] < h)
      lo = mid + 1;
    else if (wf->hashes[mid] > h)
      hi = mid;
    else
      return TRUE;
  }
  return FALSE;
}

void
sverka_wordforms_prefetch (const SverkaWordforms *wf, guint32 h)
{
  guint32 bit = h & wf->bits_mask;
  __builtin_prefetch (&wf->bits[bit / 64]);
}

gboolean
sverka_wordforms_may_know (const SverkaWordforms *wf, const char *word)
{
  g_autofree char *lower = NULL;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  lower = g_utf8_strdown (word, -1);
  return sverka_wordforms_may_know_hash (wf, form_hash (lower, strlen (lower)));
}
