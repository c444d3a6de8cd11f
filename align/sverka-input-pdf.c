/* sverka-input-pdf.c: the text of a PDF document, read with poppler
 * (poppler-glib) from memory, as paragraphs.
 *
 * Each page's text comes in poppler's reading order, a line at a time, with
 * a box per character. Lines make paragraphs:
 * - a new paragraph begins where the gap above a line is clearly larger
 *   than the document's line spacing (1.3 times it; see line_spacing()),
 *   where the line's height differs from the one before by more than a
 *   fifth (a heading), or where the line before ends well short of the
 *   text's right edge and either ends a sentence or lies more than 1.6 of
 *   its heights above (paragraphs of one line each);
 * - a paragraph that ends a page without a sentence's end continues on the
 *   next page when that page ended with a full line or the next page's
 *   first line begins in lower case.
 * Words hyphenated at a line's end are joined: a letter and a hyphen end the
 * line and a lower-case letter begins the next; a soft hyphen (U+00AD) at a
 * line's end always joins, and soft hyphens elsewhere are dropped. The
 * hyphen stays when the joined form occurs with a hyphen elsewhere in the
 * document's lines ("северо-западный") or the part before it is a number or
 * in capitals ("NATO-led"). Running headers and footers, and page numbers,
 * are furniture and left out, peeled off a page's top and bottom a line at
 * a time, at most three lines deep at each end: a line that, digits aside,
 * is among the top (or bottom) lines of half the pages or more (documents
 * of two pages or more), or that is only a page number ("3", "- 3 -",
 * "3/7", "Page 3 of 7", "Стр. 3"); the first line that is neither ends the
 * peeling, so a header over a page number, or a page number over a footer,
 * both go, and nothing below the body's first line does. When that would
 * leave no text at all (the same line on every page), only page numbers go.
 * Each line of the text knows its page and paragraph: "page[3]/p[2]". */
#include "sverka-input-pdf-private.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

#include "sverka-error.h"

/* A line of a page: its text and box. */
typedef struct {
  char *text;            /* UTF-8, trimmed */
  double x1, y1, x2, y2; /* from the page's top left, in points */
} Line;

typedef struct {
  GArray *lines; /* Line */
  double width, height;
  guint first, last; /* the body: lines [first, last); the rest is furniture */
} Page;

/* How many lines deep furniture is looked for at a page's top and bottom. */
#define FURNITURE_DEPTH 3

/* @s without its soft hyphens (U+00AD) but one that ends it, in place. */
static void
drop_soft_hyphens (char *s)
{
  char *w = s;
  for (const char *r = s; *r != '\0';) {
    if (g_str_has_prefix (r, "\u00AD") && r[2] != '\0') {
      r += 2;
      continue;
    }
    *w++ = *r++;
  }
  *w = '\0';
}

static void
line_clear (gpointer p)
{
  g_free (((Line *) p)->text);
}

gboolean
sverka_input_is_pdf (const char *data, gsize len)
{
  /* Readers take "%PDF-" within the first kilobyte. */
  gsize n = MIN (len, (gsize) 1024);
  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/* The lines of @page, in poppler's order. */
static void
read_page (PopplerPage *page, Page *out)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *p, *start;
  guint ci = 0, start_ci = 0;

  poppler_page_get_size (page, &out->width, &out->height);
  out->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (out->lines, line_clear);
  if (text == NULL)
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  for (p = start = text;; p = g_utf8_next_char (p), ci++) {
    if (*p == '\n' || *p == '\0') {
      Line line = { 0 };
      g_autofree char *raw = g_strndup (start, (gsize) (p - start));
      gboolean any = FALSE;
      line.text = g_strdup (g_strstrip (raw));
      drop_soft_hyphens (line.text);
      for (guint k = start_ci; k < ci && k < n_rects; k++) {
        const PopplerRectangle *r = &rects[k];
        if (r->x2 <= r->x1 && r->y2 <= r->y1)
          continue;
        line.x1 = any ? MIN (line.x1, r->x1) : r->x1;
        line.y1 = any ? MIN (line.y1, r->y1) : r->y1;
        line.x2 = any ? MAX (line.x2, r->x2) : r->x2;
        line.y2 = any ? MAX (line.y2, r->y2) : r->y2;
        any = TRUE;
      }
      if (line.text[0] != '\0' && g_utf8_validate (line.text, -1, NULL))
        g_array_append_val (out->lines, line);
      else
        g_free (line.text);
      if (*p == '\0')
        break;
      start = p + 1;
      start_ci = ci + 1;
    }
  }
}

/* @s with each run of digits as one '#' and spaces dropped: running headers
 * and footers compare so ("Page 3 of 7" as "Page#of#"). */
static char *
furniture_key (const char *s)
{
  GString *k = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p++) {
    if (g_ascii_isdigit (*p)) {
      if (k->len == 0 || k->str[k->len - 1] != '#')
        g_string_append_c (k, '#');
    } else if (!g_ascii_isspace (*p)) {
      g_string_append_c (k, *p);
    }
  }
  return g_string_free (k, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* @p past a dash ("-", en or em dash), or NULL. */
static const char *
skip_dash (const char *p)
{
  if (*p == '-')
    return p + 1;
  if (g_str_has_prefix (p, "\u2013") || g_str_has_prefix (p, "\u2014"))
    return p + 3;
  return NULL;
}

/* @p past 1 to 4 digits, or NULL. */
static const char *
skip_number (const char *p)
{
  const char *q = p;
  while (g_ascii_isdigit (*q) && q - p < 5)
    q++;
  return q > p && q - p <= 4 ? q : NULL;
}

/* Whether @s is only a page number: "3", "- 3 -", "3/7", "Page 3 of 7",
 * "Стр. 3", "с. 3 из 7". */
static gboolean
is_page_number (const char *s)
{
  static const char *const words[] = { "page", "p.", "стр.", "стр", "страница", "с.", NULL };
  const char *p = skip_spaces (s), *q;
  g_autofree char *lower = g_utf8_strdown (p, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (lower, words[i])) {
      p += strlen (words[i]); /* the same length in bytes: these case-fold in place */
      break;
    }
  p = skip_spaces (p);
  if ((q = skip_dash (p)) != NULL)
    p = skip_spaces (q);
  if ((p = skip_number (p)) == NULL)
    return FALSE;
  p = skip_spaces (p);
  if ((q = skip_dash (p)) != NULL) {
    p = skip_spaces (q);
  } else if (*p == '/' || g_str_has_prefix (p, "of") || g_str_has_prefix (p, "из")) {
    p = skip_spaces (p + (*p == '/' ? 1 : *p == 'o' ? 2 : strlen ("из")));
    if ((p = skip_number (p)) == NULL)
      return FALSE;
    p = skip_spaces (p);
  }
  return *p == '\0';
}

/* The line @depth lines from the top (@end 0) or bottom (@end 1) of @pg,
 * or NULL: a page of one line has no bottom lines apart from its top. */
static const Line *
end_line (const Page *pg, guint end, guint depth)
{
  guint len = pg->lines->len;
  if (depth >= len || (end == 1 && depth + 1 >= len))
    return NULL;
  return &g_array_index (pg->lines, Line, end == 0 ? depth : len - 1 - depth);
}

static char *
end_key (const Line *l, guint end)
{
  g_autofree char *fk = furniture_key (l->text);
  return g_strdup_printf ("%u:%s", end, fk);
}

/* Whether @l, a top (@end 0) or bottom (@end 1) line, is furniture by its
 * @counts over @n pages (none: page numbers only). */
static gboolean
is_furniture (const Line *l, guint end, GHashTable *counts, guint n)
{
  g_autofree char *key = NULL;
  guint c;
  if (is_page_number (l->text))
    return TRUE;
  if (counts == NULL || n < 2)
    return FALSE;
  key = end_key (l, end);
  c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
  return c >= 2 && 2 * c >= n;
}

/* Peels the furniture off each of @pages (@n), by is_furniture(); returns
 * whether any body is left. */
static gboolean
peel (Page *pages, guint n, GHashTable *counts)
{
  gboolean any = FALSE;
  for (guint i = 0; i < n; i++) {
    Page *pg = &pages[i];
    guint len = pg->lines->len;
    pg->first = 0;
    pg->last = len;
    while (pg->first < MIN (len, (guint) FURNITURE_DEPTH)
           && is_furniture (&g_array_index (pg->lines, Line, pg->first), 0, counts, n))
      pg->first++;
    while (pg->last > MAX (pg->first, 1u) && len - pg->last < FURNITURE_DEPTH
           && is_furniture (&g_array_index (pg->lines, Line, pg->last - 1), 1, counts, n))
      pg->last--;
    any = any || pg->first < pg->last;
  }
  return any;
}

/* Sets the body of each of @pages (@n of them): what is left when the
 * furniture is peeled off (see the file's header). */
static void
find_furniture (Page *pages, guint n)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* On how many pages each key is among the top or bottom lines. */
  for (guint i = 0; i < n; i++) {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint end = 0; end < 2; end++)
      for (guint depth = 0; depth < FURNITURE_DEPTH; depth++) {
        const Line *l = end_line (&pages[i], end, depth);
        char *key;
        if (l == NULL)
          break;
        key = end_key (l, end);
        if (!g_hash_table_add (seen, key))
          continue;
        g_hash_table_insert (counts, g_strdup (key),
                             GUINT_TO_POINTER (
                                 GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }
  }
  /* Lines that are all furniture are the text after all (the same line on
   * each page): then only page numbers are left out. */
  if (!peel (pages, n, counts))
    peel (pages, n, NULL);
}

/* The lower-cased words with a hyphen inside that the lines of @pages hold
 * ("северо-западный"), for the hyphenation rule. */
static GHashTable *
hyphenated_words (const Page *pages, guint n)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < pages[i].lines->len; k++) {
      g_auto (GStrv) words = g_strsplit (g_array_index (pages[i].lines, Line, k).text, " ", -1);
      for (guint w = 0; words[w] != NULL; w++) {
        const char *h = strchr (words[w], '-');
        if (h != NULL && h > words[w] && h[1] != '\0') {
          char *key = g_utf8_strdown (words[w], -1);
          g_strstrip (g_strdelimit (key, ".,;:!?\"()«»", ' '));
          g_hash_table_add (set, key);
        }
      }
    }
  return set;
}

static gunichar
last_char (const GString *s)
{
  const char *p = s->len > 0 ? g_utf8_find_prev_char (s->str, s->str + s->len) : NULL;
  return p != NULL ? g_utf8_get_char (p) : 0;
}

/* Whether @s ends a sentence: its last character (after closing quotes and
 * brackets) is a full stop, a question or exclamation mark, an ellipsis or
 * a colon. */
static gboolean
ends_sentence (const char *s, gsize len)
{
  const char *end = s + len;
  while (end > s) {
    const char *p = g_utf8_find_prev_char (s, end);
    gunichar c = g_utf8_get_char (p);
    if (c == '"' || c == ')' || c == 0xBB || c == 0x201D || c == 0x2019 || c == '\'') {
      end = p;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':';
  }
  return FALSE;
}

static gboolean
starts_lower (const char *s)
{
  return g_unichar_islower (g_utf8_get_char (s));
}

/* Appends @line to the paragraph @para, joining a word hyphenated at the
 * end of the line before (see the file's header). */
static void
join_line (GString *para, const char *line, GHashTable *hyphenated)
{
  gunichar last = last_char (para);
  const char *word;

  if (para->len == 0) {
    g_string_append (para, line);
    return;
  }
  if (last == 0xAD) {
    /* A soft hyphen: the word was broken here, whatever follows. */
    g_string_truncate (para, para->len - 2);
    g_string_append (para, line);
    return;
  }
  if (last == '-' && para->len > 1 && starts_lower (line)) {
    const char *before = g_utf8_find_prev_char (para->str, para->str + para->len - 1);
    if (before != NULL && g_unichar_isalpha (g_utf8_get_char (before))) {
      g_autofree char *head = NULL;
      g_autofree char *tail = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *key = NULL;
      g_autofree char *up = NULL;
      gboolean keep;
      const char *sp = strrchr (para->str, ' ');
      const char *tail_end = line + strcspn (line, " ");
      word = sp != NULL ? sp + 1 : para->str;
      head = g_strndup (word, (gsize) (para->str + para->len - 1 - word));
      tail = g_strndup (line, (gsize) (tail_end - line));
      up = g_utf8_strup (head, -1);
      joined = g_strconcat (head, "-", tail, NULL);
      key = g_utf8_strdown (joined, -1);
      g_strstrip (g_strdelimit (key, ".,;:!?\"()«»", ' '));
      keep = g_hash_table_contains (hyphenated, key)
             || (g_utf8_strlen (head, -1) >= 2 && strcmp (up, head) == 0);
      if (!keep)
        g_string_truncate (para, para->len - 1);
      g_string_append (para, line);
      return;
    }
  }
  g_string_append_c (para, ' ');
  g_string_append (para, line);
}

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The line spacing of @pages: of the gaps between the tops of consecutive
 * lines of a page, the smallest that a tenth of them or more come within
 * 8% of (the gaps within paragraphs, even where paragraphs of one line
 * are many); 0 if there are none. */
static double
line_spacing (const Page *pages, guint n)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++) {
    const GArray *lines = pages[i].lines;
    for (guint k = pages[i].first; k + 1 < pages[i].last; k++) {
      double g = g_array_index (lines, Line, k + 1).y1 - g_array_index (lines, Line, k).y1;
      if (g > 0)
        g_array_append_val (gaps, g);
    }
  }
  if (gaps->len == 0)
    return 0;
  g_array_sort (gaps, compare_doubles);
  for (guint k = 0; k < gaps->len; k++) {
    double g = g_array_index (gaps, double, k);
    guint near = 0;
    for (guint j = k; j < gaps->len && g_array_index (gaps, double, j) <= g * 1.08; j++)
      near++;
    if (10 * near >= gaps->len)
      return g;
  }
  return g_array_index (gaps, double, gaps->len / 2);
}

typedef struct {
  GString *text;
  GPtrArray *origins;
  GString *para;
  char *para_origin;
} Out;

static void
flush (Out *out)
{
  if (out->para->len > 0) {
    if (out->text->len > 0) {
      g_string_append_c (out->text, '\n');
      g_ptr_array_add (out->origins, g_strdup (""));
    }
    g_string_append_len (out->text, out->para->str, (gssize) out->para->len);
    g_string_append_c (out->text, '\n');
    g_ptr_array_add (out->origins, g_strdup (out->para_origin));
  }
  g_string_truncate (out->para, 0);
}

/* Lays out the body lines of @pages (@n) as paragraphs into @out. */
static void
lay_out (const Page *pages, guint n, GHashTable *hyphenated, Out *out)
{
  double spacing = line_spacing (pages, n);
  gboolean last_full = FALSE; /* the page before ended with a full line */

  for (guint i = 0; i < n; i++) {
    const Page *pg = &pages[i];
    g_autoptr (GPtrArray) body = g_ptr_array_new ();
    double right = 0, left = G_MAXDOUBLE;
    guint para_no = 0;

    for (guint k = pg->first; k < pg->last; k++) {
      const Line *l = &g_array_index (pg->lines, Line, k);
      g_ptr_array_add (body, (gpointer) l);
      right = MAX (right, l->x2);
      left = MIN (left, l->x1);
    }
    for (guint k = 0; k < body->len; k++) {
      const Line *l = g_ptr_array_index (body, k);
      gboolean fresh;
      if (k == 0) {
        /* A paragraph runs on from the page before when that one did not
         * end a sentence, and ended with a full line or this one begins in
         * lower case. */
        fresh = out->para->len == 0 || ends_sentence (out->para->str, out->para->len)
                || !(last_full || starts_lower (l->text));
      } else {
        const Line *prev = g_ptr_array_index (body, k - 1);
        double gap = l->y1 - prev->y1;
        double h = l->y2 - l->y1, ph = prev->y2 - prev->y1;
        gboolean short_prev = prev->x2 < right - 0.15 * (right - left);
        /* Lines far apart whatever the spacing: paragraphs of one line
         * each, or a double-spaced text; the short line tells. */
        gboolean wide = ph > 0 && gap > 1.6 * ph;
        fresh = gap <= 0 || (spacing > 0 && gap > 1.3 * spacing)
                || fabs (h - ph) > 0.2 * MAX (h, ph)
                || (short_prev && (wide || ends_sentence (prev->text, strlen (prev->text))));
      }
      if (fresh) {
        flush (out);
        g_free (out->para_origin);
        out->para_origin = g_strdup_printf ("page[%u]/p[%u]", i + 1, ++para_no);
      }
      join_line (out->para, l->text, hyphenated);
    }
    if (body->len > 0) {
      const Line *l = g_ptr_array_index (body, body->len - 1);
      last_full = l->x2 >= right - 0.15 * (right - left) && body->len > 1;
    }
  }
  flush (out);
}

char *
sverka_input_pdf_to_text (const char *data, gsize len, const char *name, GPtrArray *origins,
                          GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) hyphenated = NULL;
  PopplerDocument *doc;
  Page *pages;
  guint n;
  Out out;

  doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (doc == NULL) {
    if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: a PDF document protected by a password; save an unprotected copy "
                   "(or its text) and give that",
                   name);
    else
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: a PDF document that poppler cannot read (%s); check that the file is "
                   "whole, or save its text as plain UTF-8",
                   name, local != NULL ? local->message : "damaged");
    return NULL;
  }
  n = (guint) MAX (poppler_document_get_n_pages (doc), 0);
  pages = g_new0 (Page, MAX (n, 1u));
  for (guint i = 0; i < n; i++) {
    PopplerPage *page = poppler_document_get_page (doc, (int) i);
    if (page != NULL) {
      read_page (page, &pages[i]);
      g_object_unref (page);
    } else {
      pages[i].lines = g_array_new (FALSE, TRUE, sizeof (Line));
      g_array_set_clear_func (pages[i].lines, line_clear);
    }
  }
  g_object_unref (doc);
  find_furniture (pages, n);
  hyphenated = hyphenated_words (pages, n);
  out.text = g_string_new (NULL);
  out.origins = origins;
  out.para = g_string_new (NULL);
  out.para_origin = NULL;
  lay_out (pages, n, hyphenated, &out);
  g_string_free (out.para, TRUE);
  g_free (out.para_origin);
  for (guint i = 0; i < n; i++)
    g_array_unref (pages[i].lines);
  g_free (pages);
  return g_string_free (out.text, FALSE);
}
