/* sverka-suggest.c: the order of hunspell's suggestions one edit from a
 * word (see sverka-suggest-private.h). */
#include <string.h>

#include "sverka-error.h"
#include "sverka-suggest-private.h"

/* Longest word ordered, in characters: longer ones get no order (hunspell
 * is not asked about words this long either). */
#define MAX_CHARS 200

/* How the .aff writes flags (its FLAG line). */
typedef enum {
  FLAG_CHAR, /* one byte each (the default) */
  FLAG_UTF8, /* one character each */
  FLAG_LONG, /* two bytes each */
  FLAG_NUM,  /* decimal numbers, comma-separated */
} FlagMode;

struct _SverkaSuggestOrder {
  gunichar *try_chars; /* the TRY line, in its order */
  glong n_try;
  gunichar *key;       /* the KEY line, rows split by '|' */
  glong n_key;
  GHashTable *nosuggest; /* root -> itself (owned): roots with the flag */
};

/* The characters of @text (valid UTF-8 up to @len bytes), or NULL. */
static gunichar *
decode (const char *text, gssize len, glong *n)
{
  if (!g_utf8_validate (text, len, NULL))
    return NULL;
  return g_utf8_to_ucs4_fast (text, len, n);
}

/* The second field of aff line @line (after its keyword), up to white
 * space: (transfer full), NULL if none. */
static char *
second_field (const char *line)
{
  const char *p = line, *end;
  while (*p != '\0' && *p != ' ' && *p != '\t')
    p++;
  while (*p == ' ' || *p == '\t')
    p++;
  end = p;
  while (*end != '\0' && *end != ' ' && *end != '\t' && *end != '\r')
    end++;
  return end > p ? g_strndup (p, (gsize) (end - p)) : NULL;
}

static gboolean
is_keyword (const char *line, const char *keyword)
{
  gsize len = strlen (keyword);
  return strncmp (line, keyword, len) == 0 && (line[len] == ' ' || line[len] == '\t');
}

/* Whether flag @flag (in @mode) is one of @flags (a .dic's or an AF line's
 * flags, in @mode). */
static gboolean
has_flag (FlagMode mode, const char *flags, const char *flag)
{
  gsize flag_len = strlen (flag);
  const char *p = flags;

  if (flag_len == 0)
    return FALSE;
  switch (mode) {
  case FLAG_CHAR:
    return flag_len == 1 && strchr (flags, flag[0]) != NULL;
  case FLAG_LONG:
    for (; p[0] != '\0' && p[1] != '\0'; p += 2)
      if (flag_len == 2 && p[0] == flag[0] && p[1] == flag[1])
        return TRUE;
    return FALSE;
  case FLAG_UTF8:
    if (!g_utf8_validate (flags, -1, NULL))
      return FALSE;
    for (; *p != '\0'; p = g_utf8_next_char (p))
      if ((gsize) (g_utf8_next_char (p) - p) == flag_len && memcmp (p, flag, flag_len) == 0)
        return TRUE;
    return FALSE;
  case FLAG_NUM:
    while (*p != '\0') {
      gsize len = strcspn (p, ",");
      if (len == flag_len && memcmp (p, flag, len) == 0)
        return TRUE;
      p += len;
      if (*p == ',')
        p++;
    }
    return FALSE;
  }
  return FALSE;
}

/* The roots of dic text @dic (its lines after the first) whose flags, or
 * whose flag alias among @aliases, hold @flag. */
static void
read_nosuggest (SverkaSuggestOrder *order, char *dic, FlagMode mode, const char *flag,
                GPtrArray *aliases)
{
  g_auto (GStrv) lines = g_strsplit (dic, "\n", -1);
  /* the first line counts the roots; an empty text has no line at all */
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++) {
    char *line = lines[i], *slash = NULL, *flags;
    GString *root;
    for (char *p = line; *p != '\0' && *p != '\t'; p++) {
      if (*p == '\\' && p[1] == '/') {
        p++;
      } else if (*p == '/') {
        slash = p;
        break;
      }
    }
    if (slash == NULL || slash == line)
      continue;
    flags = slash + 1;
    flags[strcspn (flags, " \t\r")] = '\0';
    if (aliases->len > 0) {
      guint64 k;
      if (!g_ascii_string_to_unsigned (flags, 10, 1, aliases->len, &k, NULL))
        continue;
      flags = g_ptr_array_index (aliases, k - 1);
    }
    if (!has_flag (mode, flags, flag))
      continue;
    root = g_string_new_len (line, slash - line);
    for (gsize k = 0; k + 1 < root->len; k++)
      if (root->str[k] == '\\' && root->str[k + 1] == '/')
        g_string_erase (root, (gssize) k, 1);
    g_hash_table_add (order->nosuggest, g_string_free (root, FALSE));
  }
}

SverkaSuggestOrder *
sverka_suggest_order_new_from_texts (const char *aff_text, const char *dic_text)
{
  SverkaSuggestOrder *order = g_new0 (SverkaSuggestOrder, 1);
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *nosuggest = NULL;
  g_autofree char *key = g_strdup ("qwertyuiop|asdfghjkl|zxcvbnm"); /* hunspell's default */
  FlagMode mode = FLAG_CHAR;
  gboolean af_count_seen = FALSE;

  order->nosuggest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_str_has_prefix (aff_text, "\xEF\xBB\xBF"))
    aff_text += 3;
  lines = g_strsplit (aff_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    const char *line = lines[i];
    g_autofree char *value = second_field (line);
    if (value == NULL)
      continue;
    if (is_keyword (line, "TRY") && order->try_chars == NULL) {
      order->try_chars = decode (value, -1, &order->n_try);
    } else if (is_keyword (line, "KEY")) {
      g_free (key);
      key = g_steal_pointer (&value);
    } else if (is_keyword (line, "FLAG")) {
      mode = strcmp (value, "long") == 0   ? FLAG_LONG
             : strcmp (value, "num") == 0  ? FLAG_NUM
             : strcmp (value, "UTF-8") == 0 ? FLAG_UTF8
                                           : FLAG_CHAR;
    } else if (is_keyword (line, "NOSUGGEST")) {
      g_free (nosuggest);
      nosuggest = g_steal_pointer (&value);
    } else if (is_keyword (line, "AF")) {
      /* the first AF line counts the aliases; each other is one, numbered
       * from 1 in the order given */
      if (af_count_seen)
        g_ptr_array_add (aliases, g_steal_pointer (&value));
      af_count_seen = TRUE;
    }
  }
  order->key = decode (key, -1, &order->n_key);
  if (nosuggest != NULL) {
    g_autofree char *dic = g_strdup (dic_text);
    read_nosuggest (order, dic, mode, nosuggest, aliases);
  }
  return order;
}

SverkaSuggestOrder *
sverka_suggest_order_new (const char *aff_path, const char *dic_path, GError **error)
{
  g_autofree char *aff = NULL, *dic = NULL;
  g_autoptr (GError) local = NULL;

  /* the .dic only for the roots with NOSUGGEST (none in ru_RU) */
  if (!g_file_get_contents (aff_path, &aff, NULL, &local)
      || (strstr (aff, "NOSUGGEST") != NULL
          && !g_file_get_contents (dic_path, &dic, NULL, &local))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_DICTIONARY, "%s", local->message);
    return NULL;
  }
  return sverka_suggest_order_new_from_texts (aff, dic != NULL ? dic : "");
}

void
sverka_suggest_order_free (SverkaSuggestOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->try_chars);
  g_free (order->key);
  g_hash_table_unref (order->nosuggest);
  g_free (order);
}

gboolean
sverka_suggest_order_is_nosuggest (const SverkaSuggestOrder *order, const char *root)
{
  return g_hash_table_contains (order->nosuggest, root);
}

/* One search: the candidates, and the index found (-1 until one is). */
typedef struct {
  const char *const *cands;
  guint n_cands;
  SverkaSuggestAccept accept;
  gpointer data;
  gint found;
} Search;

/* Whether string @u (@n characters) is a candidate the caller accepts; if
 * so it is the one found. */
static gboolean
reached (Search *s, const gunichar *u, glong n)
{
  char buf[(MAX_CHARS + 1) * 6 + 1];
  gsize len = 0;
  guint lo = 0, hi = s->n_cands;

  for (glong i = 0; i < n; i++)
    len += (gsize) g_unichar_to_utf8 (u[i], buf + len);
  buf[len] = '\0';
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    int cmp = strcmp (buf, s->cands[mid]);
    if (cmp == 0) {
      if (s->accept != NULL && !s->accept (s->cands[mid], s->data))
        return FALSE;
      s->found = (gint) mid;
      return TRUE;
    }
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return FALSE;
}

/* @w with its character @i replaced by @c (in @tmp): reached? */
static gboolean
replaced (Search *s, const gunichar *w, glong n, gunichar *tmp, glong i, gunichar c)
{
  memcpy (tmp, w, sizeof *w * (gsize) n);
  tmp[i] = c;
  return reached (s, tmp, n);
}

/* The edits of hunspell's order, each in turn (sverka-suggest-private.h). */
static gboolean
search (const SverkaSuggestOrder *o, Search *s, const gunichar *w, glong n, gunichar *tmp)
{
  /* two neighbours swapped */
  for (glong i = 0; i + 1 < n; i++) {
    memcpy (tmp, w, sizeof *w * (gsize) n);
    tmp[i] = w[i + 1];
    tmp[i + 1] = w[i];
    if (reached (s, tmp, n))
      return TRUE;
  }
  /* a capital, or a key beside the right one on its row */
  for (glong i = 0; i < n; i++) {
    if (g_unichar_toupper (w[i]) != w[i] && replaced (s, w, n, tmp, i, g_unichar_toupper (w[i])))
      return TRUE;
    for (glong loc = 0; loc < o->n_key; loc++) {
      if (o->key[loc] != w[i])
        continue;
      if (loc > 0 && o->key[loc - 1] != '|' && replaced (s, w, n, tmp, i, o->key[loc - 1]))
        return TRUE;
      if (loc + 1 < o->n_key && o->key[loc + 1] != '|'
          && replaced (s, w, n, tmp, i, o->key[loc + 1]))
        return TRUE;
    }
  }
  /* a letter too many, from the last */
  for (glong i = n - 1; i >= 0; i--) {
    memcpy (tmp, w, sizeof *w * (gsize) i);
    memcpy (tmp + i, w + i + 1, sizeof *w * (gsize) (n - i - 1));
    if (reached (s, tmp, n - 1))
      return TRUE;
  }
  /* a letter left out: each letter of TRY, at each place from the end */
  for (glong k = 0; k < o->n_try; k++) {
    for (glong i = n; i >= 0; i--) {
      memcpy (tmp, w, sizeof *w * (gsize) i);
      tmp[i] = o->try_chars[k];
      memcpy (tmp + i + 1, w + i, sizeof *w * (gsize) (n - i));
      if (reached (s, tmp, n + 1))
        return TRUE;
    }
  }
  /* a wrong letter: each letter of TRY, at each place from the end */
  for (glong k = 0; k < o->n_try; k++)
    for (glong i = n - 1; i >= 0; i--)
      if (w[i] != o->try_chars[k] && replaced (s, w, n, tmp, i, o->try_chars[k]))
        return TRUE;
  return FALSE;
}

gint
sverka_suggest_order_first (const SverkaSuggestOrder *order, const char *word,
                            const char *const *cands, guint n_cands, SverkaSuggestAccept accept,
                            gpointer data)
{
  Search s = { cands, n_cands, accept, data, -1 };
  g_autofree gunichar *w = NULL;
  gunichar tmp[MAX_CHARS + 1];
  glong n = 0;

  w = decode (word, -1, &n);
  if (w == NULL || n < 2 || n > MAX_CHARS || n_cands == 0)
    return -1;
  search (order, &s, w, n, tmp);
  return s.found;
}
