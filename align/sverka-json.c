/* sverka-json.c: reading one JSON Lines record. */
#include "sverka-json-private.h"

#include <string.h>

#include "sverka-error.h"

#define MAX_DEPTH 64

typedef struct {
  const char *s;
  gsize len;
  gsize pos;
  GError **error;
} Parser;

static void
member_free (gpointer data)
{
  SverkaJsonMember *m = data;
  g_free (m->key);
  g_free (m->value);
  g_free (m->raw);
  g_free (m);
}

static gboolean
fail (Parser *p, const char *expected)
{
  if (p->pos >= p->len)
    g_set_error (p->error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "byte %" G_GSIZE_FORMAT ": expected %s, found the end of the line",
                 p->pos + 1, expected);
  else if ((guchar) p->s[p->pos] < 0x20 || (guchar) p->s[p->pos] >= 0x7f)
    g_set_error (p->error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "byte %" G_GSIZE_FORMAT ": expected %s, found byte 0x%02X", p->pos + 1,
                 expected, (guchar) p->s[p->pos]);
  else
    g_set_error (p->error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "byte %" G_GSIZE_FORMAT ": expected %s, found '%c'", p->pos + 1, expected,
                 p->s[p->pos]);
  return FALSE;
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->len
         && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\r'
             || p->s[p->pos] == '\n'))
    p->pos++;
}

static gboolean
expect_char (Parser *p, char c, const char *what)
{
  skip_space (p);
  if (p->pos < p->len && p->s[p->pos] == c) {
    p->pos++;
    return TRUE;
  }
  return fail (p, what);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser *p, gunichar *out)
{
  gunichar v = 0;
  for (guint i = 0; i < 4; i++) {
    int h = p->pos < p->len ? hex_value (p->s[p->pos]) : -1;
    if (h < 0)
      return fail (p, "four hexadecimal digits after \\u");
    v = v * 16 + (gunichar) h;
    p->pos++;
  }
  *out = v;
  return TRUE;
}

/* Reads a string at p->pos (at its opening quote); appends its decoded
 * text to @out if not NULL. */
static gboolean
read_string (Parser *p, GString *out)
{
  if (p->pos >= p->len || p->s[p->pos] != '"')
    return fail (p, "a string");
  p->pos++;
  for (;;) {
    guchar c;
    if (p->pos >= p->len)
      return fail (p, "the closing quote of a string");
    c = (guchar) p->s[p->pos];
    if (c == '"') {
      p->pos++;
      return TRUE;
    }
    if (c < 0x20)
      return fail (p, "a character (control characters must be escaped in JSON strings)");
    if (c == '\\') {
      char e;
      p->pos++;
      if (p->pos >= p->len)
        return fail (p, "an escape after \\");
      e = p->s[p->pos++];
      switch (e) {
      case '"': case '\\': case '/':
        if (out) g_string_append_c (out, e);
        break;
      case 'b': if (out) g_string_append_c (out, '\b'); break;
      case 'f': if (out) g_string_append_c (out, '\f'); break;
      case 'n': if (out) g_string_append_c (out, '\n'); break;
      case 'r': if (out) g_string_append_c (out, '\r'); break;
      case 't': if (out) g_string_append_c (out, '\t'); break;
      case 'u': {
        gunichar u;
        if (!read_hex4 (p, &u))
          return FALSE;
        if (u >= 0xDC00 && u <= 0xDFFF) {
          p->pos -= 6;
          return fail (p, "a character (a lone low surrogate \\uDC00-\\uDFFF is not one)");
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
          gunichar lo;
          if (p->pos + 2 > p->len || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u')
            return fail (p, "\\u and a low surrogate after a high surrogate");
          p->pos += 2;
          if (!read_hex4 (p, &lo))
            return FALSE;
          if (lo < 0xDC00 || lo > 0xDFFF) {
            p->pos -= 6;
            return fail (p, "a low surrogate \\uDC00-\\uDFFF after a high surrogate");
          }
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (out)
          g_string_append_unichar (out, u);
        break;
      }
      default:
        p->pos--;
        return fail (p, "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
      continue;
    }
    if (c < 0x80) {
      if (out)
        g_string_append_c (out, (char) c);
      p->pos++;
      continue;
    }
    {
      const char *start = p->s + p->pos;
      gunichar u = g_utf8_get_char_validated (start, (gssize) (p->len - p->pos));
      gsize n;
      if (u == (gunichar) -1 || u == (gunichar) -2)
        return fail (p, "UTF-8 text (sverka reads UTF-8 only)");
      n = (gsize) (g_utf8_next_char (start) - start);
      if (out)
        g_string_append_len (out, start, (gssize) n);
      p->pos += n;
    }
  }
}

static gboolean
read_digits (Parser *p)
{
  gsize start = p->pos;
  while (p->pos < p->len && g_ascii_isdigit (p->s[p->pos]))
    p->pos++;
  return p->pos > start || fail (p, "a digit");
}

static gboolean
read_number (Parser *p)
{
  if (p->s[p->pos] == '-')
    p->pos++;
  if (p->pos < p->len && p->s[p->pos] == '0')
    p->pos++;
  else if (!read_digits (p))
    return FALSE;
  if (p->pos < p->len && p->s[p->pos] == '.') {
    p->pos++;
    if (!read_digits (p))
      return FALSE;
  }
  if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
    p->pos++;
    if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
      p->pos++;
    if (!read_digits (p))
      return FALSE;
  }
  return TRUE;
}

static gboolean read_value (Parser *p, guint depth);

static gboolean
read_container (Parser *p, guint depth, char close)
{
  if (depth >= MAX_DEPTH)
    return fail (p, "a value nested at most 64 deep");
  p->pos++;
  skip_space (p);
  if (p->pos < p->len && p->s[p->pos] == close) {
    p->pos++;
    return TRUE;
  }
  for (;;) {
    skip_space (p);
    if (close == '}') {
      if (!read_string (p, NULL) || !expect_char (p, ':', "':' after a member name"))
        return FALSE;
    }
    if (!read_value (p, depth + 1))
      return FALSE;
    skip_space (p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
      p->pos++;
      continue;
    }
    return expect_char (p, close, close == '}' ? "',' or '}'" : "',' or ']'");
  }
}

static gboolean
read_literal (Parser *p, const char *word)
{
  gsize n = strlen (word);
  if (p->len - p->pos >= n && memcmp (p->s + p->pos, word, n) == 0) {
    p->pos += n;
    return TRUE;
  }
  return fail (p, "a value (a string, number, object, array, true, false or null)");
}

static gboolean
read_value (Parser *p, guint depth)
{
  char c;
  skip_space (p);
  if (p->pos >= p->len)
    return fail (p, "a value");
  c = p->s[p->pos];
  switch (c) {
  case '"': return read_string (p, NULL);
  case '{': return read_container (p, depth, '}');
  case '[': return read_container (p, depth, ']');
  case 't': return read_literal (p, "true");
  case 'f': return read_literal (p, "false");
  case 'n': return read_literal (p, "null");
  default:
    if (c == '-' || g_ascii_isdigit (c))
      return read_number (p);
    return fail (p, "a value (a string, number, object, array, true, false or null)");
  }
}

GPtrArray *
sverka_json_parse_object (const char *line, gsize len, GError **error)
{
  Parser p = { line, len, 0, error };
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (member_free);

  skip_space (&p);
  if (p.pos >= p.len || line[p.pos] != '{') {
    fail (&p, "a JSON object '{'");
    return NULL;
  }
  p.pos++;
  skip_space (&p);
  if (p.pos < p.len && line[p.pos] == '}')
    p.pos++;
  else {
    for (;;) {
      g_autoptr (GString) key = g_string_new (NULL);
      SverkaJsonMember *m;
      gsize start;
      skip_space (&p);
      if (!read_string (&p, key) || !expect_char (&p, ':', "':' after a member name"))
        return NULL;
      skip_space (&p);
      m = g_new0 (SverkaJsonMember, 1);
      m->key = g_string_free (g_steal_pointer (&key), FALSE);
      g_ptr_array_add (members, m);
      start = p.pos;
      if (p.pos < p.len && line[p.pos] == '"') {
        GString *s = g_string_new (NULL);
        if (!read_string (&p, s)) {
          g_string_free (s, TRUE);
          return NULL;
        }
        m->string = TRUE;
        m->value_len = s->len;
        m->value = g_string_free (s, FALSE);
      } else {
        if (!read_value (&p, 1))
          return NULL;
        m->value_len = p.pos - start;
        m->value = g_strndup (line + start, m->value_len);
      }
      m->raw = g_strndup (line + start, p.pos - start);
      skip_space (&p);
      if (p.pos < p.len && line[p.pos] == ',') {
        p.pos++;
        continue;
      }
      if (!expect_char (&p, '}', "',' or '}'"))
        return NULL;
      break;
    }
  }
  skip_space (&p);
  if (p.pos < p.len) {
    fail (&p, "the end of the line after the object (one object per line)");
    return NULL;
  }
  return g_steal_pointer (&members);
}

const SverkaJsonMember *
sverka_json_find (GPtrArray *members, const char *key)
{
  for (guint i = members->len; i > 0; i--) {
    const SverkaJsonMember *m = g_ptr_array_index (members, i - 1);
    if (strcmp (m->key, key) == 0)
      return m;
  }
  return NULL;
}

gboolean
sverka_json_parse_string_array (const char *text, gsize len, GString *out, GError **error)
{
  Parser p = { text, len, 0, error };
  g_autoptr (GString) s = g_string_new (NULL);

  skip_space (&p);
  if (!expect_char (&p, '[', "an array of strings '['"))
    return FALSE;
  skip_space (&p);
  if (p.pos < p.len && text[p.pos] == ']') {
    p.pos++;
  } else {
    for (;;) {
      skip_space (&p);
      g_string_truncate (s, 0);
      if (p.pos >= p.len || text[p.pos] != '"')
        return fail (&p, "a string");
      if (!read_string (&p, s))
        return FALSE;
      /* One element, one line: its own line ends become spaces. */
      for (gsize k = 0; k < s->len; k++)
        if (s->str[k] == '\n' || s->str[k] == '\r')
          s->str[k] = ' ';
      g_string_append_len (out, s->str, (gssize) s->len);
      g_string_append_c (out, '\n');
      skip_space (&p);
      if (p.pos < p.len && text[p.pos] == ',') {
        p.pos++;
        continue;
      }
      if (!expect_char (&p, ']', "',' or ']'"))
        return FALSE;
      break;
    }
  }
  skip_space (&p);
  if (p.pos < p.len)
    return fail (&p, "the end of the array");
  return TRUE;
}
