/* test-html.c: the notes' marks, the similarity map and the HTML report.
 *
 * The report is written so that it is also well-formed XML (void elements
 * closed, every attribute quoted and escaped), so GMarkup can check its
 * structure here: unique ids, links to existing ids, one row per bead, the
 * text of highlights, and markup in the input kept as text.
 */
#include <glib/gstdio.h>

#include "test-common.h"

static SverkaDocument *
load_file (SverkaContext *ctx, const char *path, SverkaLanguage lang)
{
  g_autoptr (GError) error = NULL;
  SverkaLoadOptions opts;
  SverkaDocument *doc;

  sverka_load_options_init (&opts);
  opts.language = lang;
  doc = sverka_document_new_from_file (ctx, path, &opts, &error);
  g_assert_no_error (error);
  g_assert_true (sverka_document_analyze (doc, &error));
  g_assert_no_error (error);
  return doc;
}

static SverkaDocument *
load_text (SverkaContext *ctx, const char *text, SverkaLanguage lang)
{
  g_autoptr (GError) error = NULL;
  SverkaDocument *doc = test_document_new_as (ctx, text, TRUE, lang);
  g_assert_true (sverka_document_analyze (doc, &error));
  g_assert_no_error (error);
  return doc;
}

static SverkaLexicon *
seed_lexicon (SverkaContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (test_srcdir (), "dictionaries", "ru-en.tsv", NULL);
  SverkaLexicon *lex = sverka_lexicon_new (ctx);
  g_assert_true (sverka_lexicon_load (lex, path, &error));
  g_assert_no_error (error);
  return lex;
}

/* ---------------------------------------------------------------------- */
/* The page as XML                                                         */

typedef struct {
  GHashTable *ids;   /* id -> element name */
  GPtrArray *hrefs;  /* "#x" targets */
  guint n_rows;      /* div.row with an id */
  guint n_notes;     /* li with id note-N */
  guint n_paths;
  guint mark_depth;  /* inside a <mark> */
  GString *marks;    /* the text of every highlight, one a line */
  GString *rows_text;
  gboolean in_rows;
  GPtrArray *elements; /* every element name, for forbidden ones */
} Page;

static void
page_start (GMarkupParseContext *context, const char *name, const char **attr_names,
            const char **attr_values, gpointer data, GError **error)
{
  Page *p = data;
  const char *id = NULL, *cls = NULL, *href = NULL;

  g_ptr_array_add (p->elements, g_strdup (name));
  for (guint i = 0; attr_names[i] != NULL; i++) {
    if (strcmp (attr_names[i], "id") == 0)
      id = attr_values[i];
    else if (strcmp (attr_names[i], "class") == 0)
      cls = attr_values[i];
    else if (strcmp (attr_names[i], "href") == 0)
      href = attr_values[i];
  }
  if (id != NULL) {
    if (g_hash_table_contains (p->ids, id))
      g_error ("id '%s' used twice", id);
    g_hash_table_insert (p->ids, g_strdup (id), g_strdup (name));
    if (strcmp (id, "rows") == 0)
      p->in_rows = TRUE;
  }
  if (href != NULL) {
    g_assert_true (href[0] == '#');
    g_ptr_array_add (p->hrefs, g_strdup (href + 1));
  }
  if (strcmp (name, "div") == 0 && cls != NULL && g_str_has_prefix (cls, "row") && id != NULL)
    p->n_rows++;
  if (strcmp (name, "li") == 0 && id != NULL && g_str_has_prefix (id, "note-"))
    p->n_notes++;
  if (strcmp (name, "path") == 0)
    p->n_paths++;
  if (strcmp (name, "mark") == 0 && p->in_rows)
    p->mark_depth++;
}

static void
page_end (GMarkupParseContext *context, const char *name, gpointer data, GError **error)
{
  Page *p = data;
  if (strcmp (name, "mark") == 0 && p->mark_depth > 0) {
    p->mark_depth--;
    g_string_append_c (p->marks, '\n');
  }
}

static void
page_text (GMarkupParseContext *context, const char *text, gsize len, gpointer data,
           GError **error)
{
  Page *p = data;
  if (p->mark_depth > 0)
    g_string_append_len (p->marks, text, (gssize) len);
  if (p->in_rows)
    g_string_append_len (p->rows_text, text, (gssize) len);
}

static void
page_clear (Page *p)
{
  g_hash_table_unref (p->ids);
  g_ptr_array_unref (p->hrefs);
  g_ptr_array_unref (p->elements);
  g_string_free (p->marks, TRUE);
  g_string_free (p->rows_text, TRUE);
}

/* Parses @html as XML, checking that ids are unique and links land. */
static void
parse_page (const char *html, Page *p)
{
  static const GMarkupParser parser = { page_start, page_end, page_text, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) ctx = NULL;

  memset (p, 0, sizeof *p);
  p->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->hrefs = g_ptr_array_new_with_free_func (g_free);
  p->elements = g_ptr_array_new_with_free_func (g_free);
  p->marks = g_string_new (NULL);
  p->rows_text = g_string_new (NULL);
  ctx = g_markup_parse_context_new (&parser, 0, p, NULL);
  if (!g_markup_parse_context_parse (ctx, html, -1, &error)
      || !g_markup_parse_context_end_parse (ctx, &error))
    g_error ("the report is not well-formed: %s", error->message);
  for (guint i = 0; i < p->hrefs->len; i++)
    if (!g_hash_table_contains (p->ids, g_ptr_array_index (p->hrefs, i)))
      g_error ("link to #%s, which is not on the page", (char *) g_ptr_array_index (p->hrefs, i));
}

/* ---------------------------------------------------------------------- */

/* The text of @m as the page shows it (runs of white space as one space). */
static char *
mark_text (SverkaDocument *doc, const SverkaNoteMark *m)
{
  const char *data = sverka_document_get_data (doc, NULL);
  g_autofree char *raw = g_strndup (data + m->start, m->end - m->start);
  g_auto (GStrv) words = g_strsplit_set (raw, " \t\r\n\f", -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++) {
    if (*words[i] == '\0')
      continue;
    if (out->len > 0)
      g_string_append_c (out, ' ');
    g_string_append (out, words[i]);
  }
  return g_string_free (out, FALSE);
}

/* Does @word stand in @text as a whole word (not inside a longer one)? */
static gboolean
has_word (const char *text, const char *word)
{
  gsize len = strlen (word);
  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word)) {
    const char *before = at > text ? g_utf8_find_prev_char (text, at) : NULL;
    if ((before == NULL || !g_unichar_isalnum (g_utf8_get_char (before)))
        && (at[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (at + len))))
      return TRUE;
  }
  return FALSE;
}

static gboolean
has_id (const guint *ids, guint n, guint id)
{
  for (guint k = 0; k < n; k++)
    if (ids[k] == id)
      return TRUE;
  return FALSE;
}

/* The marks of every note lie in the note's sentences, and where a note
 * quotes the words it is about, they are what it quotes. Returns the number
 * of marks. */
static guint
check_marks (SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en, const char *name)
{
  guint total = 0;
  for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *note = sverka_notes_get_note (notes, i);
    gboolean quotes = note->kind == SVERKA_NOTE_NUMBER || note->kind == SVERKA_NOTE_DATE
                      || note->kind == SVERKA_NOTE_NAME || note->kind == SVERKA_NOTE_SPELLING;
    gboolean words = quotes || note->kind == SVERKA_NOTE_TERMINOLOGY;
    if (words && note->n_marks == 0)
      g_error ("%s: %s note \"%s\" has no marks", name, sverka_note_kind_to_string (note->kind),
               note->message);
    for (guint k = 0; k < note->n_marks; k++) {
      const SverkaNoteMark *m = &note->marks[k];
      gboolean russian = m->language == SVERKA_LANGUAGE_RU;
      SverkaDocument *doc = russian ? ru : en;
      const SverkaSentence *s;
      g_autofree char *text = NULL;
      g_assert_true (russian || m->language == SVERKA_LANGUAGE_EN);
      g_assert_cmpuint (m->sentence, <, sverka_document_get_n_sentences (doc));
      s = sverka_document_get_sentence (doc, m->sentence);
      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->start, >=, s->start);
      g_assert_cmpuint (m->end, <=, s->end);
      if (!has_id (russian ? note->ru : note->en, russian ? note->n_ru : note->n_en,
                   m->sentence))
        g_error ("%s: a mark of \"%s\" is in %s sentence %u, not one of the note's", name,
                 note->message, russian ? "ru" : "en", m->sentence + 1);
      text = mark_text (doc, m);
      if (quotes && !has_word (note->message, text))
        g_error ("%s: mark \"%s\" is not what \"%s\" quotes", name, text, note->message);
      total++;
    }
  }
  return total;
}

/* Aligns, notes and writes one pair; checks the marks and the page. */
static void
check_pair (SverkaContext *ctx, SverkaLexicon *lex, SverkaDocument *ru, SverkaDocument *en,
            SverkaMode mode, const char *name, guint *n_marks)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaSimMap) map = NULL;
  g_autofree char *html = NULL;
  SverkaAlignOptions opts;
  Page page;
  guint n_beads;

  sverka_align_options_init (&opts);
  opts.mode = mode;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  notes = sverka_notes_new (lex, al, ru, en, &error);
  g_assert_no_error (error);
  map = sverka_simmap_new (lex, ru, en, 3, &error);
  g_assert_no_error (error);
  *n_marks += check_marks (notes, ru, en, name);

  html = sverka_write_html (al, notes, map, ru, en);
  parse_page (html, &page);
  n_beads = sverka_alignment_get_n_beads (al);
  g_assert_cmpuint (page.n_notes, ==, sverka_notes_get_n_notes (notes));
  if (sverka_alignment_get_report_language (al) == SVERKA_LANGUAGE_AUTO) {
    /* One row per bead. */
    g_assert_cmpuint (page.n_rows, ==, n_beads);
    for (guint i = 1; i <= n_beads; i++) {
      g_autofree char *id = g_strdup_printf ("row-%u", i);
      g_assert_true (g_hash_table_contains (page.ids, id));
    }
  } else {
    /* The report view: one row per bead with a report sentence; the
     * source's sentences in their pane. */
    gboolean ru_reports = sverka_alignment_get_report_language (al) == SVERKA_LANGUAGE_RU;
    guint n_report_rows = 0;
    for (guint i = 0; i < n_beads; i++) {
      const SverkaBead *b = sverka_alignment_get_bead (al, i);
      g_autofree char *id = g_strdup_printf ("row-%u", i + 1);
      gboolean shown = (ru_reports ? b->n_ru : b->n_en) > 0;
      n_report_rows += shown;
      g_assert_true (g_hash_table_contains (page.ids, id) == shown);
    }
    g_assert_cmpuint (page.n_rows, ==, n_report_rows);
    g_assert_true (g_hash_table_contains (page.ids, "source"));
  }
  /* Every sentence of both sides has its anchor on the page. */
  for (guint s = 1; s <= sverka_document_get_n_sentences (ru); s++) {
    g_autofree char *id = g_strdup_printf ("ru-%u", s);
    g_assert_true (g_hash_table_contains (page.ids, id));
  }
  for (guint s = 1; s <= sverka_document_get_n_sentences (en); s++) {
    g_autofree char *id = g_strdup_printf ("en-%u", s);
    g_assert_true (g_hash_table_contains (page.ids, id));
  }
  g_assert_true (g_hash_table_contains (page.ids, "map-svg"));
  g_assert_cmpuint (page.n_paths, >=, 4);
  page_clear (&page);
}

/* The injected test set (tests/notes) in parallel mode and the bundled pair
 * in comparable mode. */
static void
test_marks_and_pages (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = seed_lexicon (ctx);
  g_autofree char *dir = g_build_filename (test_srcdir (), "tests", "notes", NULL);
  g_autofree char *pair = g_build_filename (test_srcdir (), "corpus", "2021-12-14-brussels", NULL);
  g_autofree char *bru = g_build_filename (pair, "ru.txt", NULL);
  g_autofree char *ben = g_build_filename (pair, "en.txt", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  const char *entry;
  guint n_marks = 0;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".ru"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 3));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 20);
  for (guint i = 0; i < names->len; i++) {
    const char *name = g_ptr_array_index (names, i);
    g_autofree char *rp = g_strdup_printf ("%s/%s.ru", dir, name);
    g_autofree char *ep = g_strdup_printf ("%s/%s.en", dir, name);
    g_autoptr (SverkaDocument) r = load_file (ctx, rp, SVERKA_LANGUAGE_RU);
    g_autoptr (SverkaDocument) e = load_file (ctx, ep, SVERKA_LANGUAGE_EN);
    check_pair (ctx, lex, r, e, SVERKA_MODE_PARALLEL, name, &n_marks);
  }
  ru = load_file (ctx, bru, SVERKA_LANGUAGE_RU);
  en = load_file (ctx, ben, SVERKA_LANGUAGE_EN);
  check_pair (ctx, lex, ru, en, SVERKA_MODE_COMPARABLE, "brussels", &n_marks);
  g_test_message ("%u marks checked", n_marks);
  g_assert_cmpuint (n_marks, >=, 50);
}

static const char markup_ru[] =
    "Он написал: <b>да</b> & \"нет\" \x01.\n"
    "Аэропорт Кабула сыграл важную роль в эвакуации 120 тысяч человек.\n"
    "Мирное соглашение важно для региона.\n";
static const char markup_en[] =
    "He wrote: <b>yes</b> & 'no'.\n"
    "Kabul airport played an important role in the evacuation of 130,000 people.\n"
    "A peace agreement is important for the region.\n";

/* Markup in the input stays text; a number note highlights both numbers. */
static void
test_page_escaping (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  g_autoptr (SverkaLexicon) lex = seed_lexicon (ctx);
  g_autoptr (SverkaDocument) ru = load_text (ctx, markup_ru, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = load_text (ctx, markup_en, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autofree char *html = NULL;
  g_autofree char *bare = NULL;
  SverkaAlignOptions opts;
  Page page;

  sverka_align_options_init (&opts);
  opts.mode = SVERKA_MODE_PARALLEL;
  al = sverka_align (lex, ru, en, &opts, &error);
  g_assert_no_error (error);
  notes = sverka_notes_new (lex, al, ru, en, &error);
  g_assert_no_error (error);
  html = sverka_write_html (al, notes, NULL, ru, en);
  parse_page (html, &page);
  for (guint i = 0; i < page.elements->len; i++)
    g_assert_cmpstr (g_ptr_array_index (page.elements, i), !=, "b");
  g_assert_nonnull (strstr (page.rows_text->str, "<b>да</b> & \"нет\" \xef\xbf\xbd."));
  g_assert_nonnull (strstr (page.rows_text->str, "<b>yes</b> & 'no'"));
  g_assert_nonnull (strstr (page.marks->str, "120 тысяч\n"));
  g_assert_nonnull (strstr (page.marks->str, "130,000\n"));
  page_clear (&page);

  /* Without notes and map the page is still whole. */
  bare = sverka_write_html (al, NULL, NULL, ru, en);
  parse_page (bare, &page);
  g_assert_cmpuint (page.n_rows, ==, sverka_alignment_get_n_beads (al));
  g_assert_cmpuint (page.n_notes, ==, 0);
  g_assert_cmpuint (page.marks->len, ==, 0);
  page_clear (&page);
}

/* A document of @n sentences, each with two numbers of its own and one it
 * shares with the four others of its group of five. */
static char *
numbered_text (guint n, gboolean russian)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++) {
    if (russian)
      g_string_append_printf (out, "В %u году в городе было %u домов и %u школ.\n",
                              1000 + i, 20000 + 7 * (i / 5), 300000 + 13 * i);
    else
      g_string_append_printf (out, "In %u the town had %u houses and %u schools.\n",
                              1000 + i, 20000 + 7 * (i / 5), 300000 + 13 * i);
  }
  return g_string_free (out, FALSE);
}

static void
check_simmap (SverkaContext *ctx, guint n)
{
  g_autofree char *rt = numbered_text (n, TRUE);
  g_autofree char *et = numbered_text (n, FALSE);
  g_autoptr (SverkaDocument) ru = load_text (ctx, rt, SVERKA_LANGUAGE_RU);
  g_autoptr (SverkaDocument) en = load_text (ctx, et, SVERKA_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaSimMap) map = sverka_simmap_new (NULL, ru, en, 3, &error);
  const SverkaSimPoint *pts;
  guint n_pts, best_diagonal = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (sverka_simmap_get_n_ru (map), ==, n);
  g_assert_cmpuint (sverka_simmap_get_n_en (map), ==, n);
  pts = sverka_simmap_get_points (map, &n_pts);
  /* Each sentence is similar to five: itself and its group. */
  g_assert_cmpuint (n_pts, ==, 3 * n);
  for (guint i = 0; i < n_pts; i++) {
    g_assert_cmpuint (pts[i].ru, <, n);
    g_assert_cmpuint (pts[i].en, <, n);
    g_assert_cmpfloat (pts[i].similarity, >, 0);
    g_assert_cmpfloat (pts[i].similarity, <=, 1.0001);
    if (i > 0) {
      /* By Russian sentence, then most similar first. */
      g_assert_cmpuint (pts[i - 1].ru, <=, pts[i].ru);
      if (pts[i - 1].ru == pts[i].ru)
        g_assert_cmpfloat (pts[i - 1].similarity, >=, pts[i].similarity);
    }
    if ((i == 0 || pts[i - 1].ru != pts[i].ru) && pts[i].en == pts[i].ru)
      best_diagonal++;
  }
  /* Each sentence's own translation shares all three numbers with it, the
   * others of its group one. */
  g_assert_cmpuint (best_diagonal, ==, n);
}

/* Pair by pair for a short text, through the inverted index for a long one
 * (beyond 250,000 pairs): the same answer, and at most 3 points a sentence. */
static void
test_simmap (void)
{
  g_autoptr (SverkaContext) ctx = test_context_new ();
  check_simmap (ctx, 40);
  check_simmap (ctx, 1200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/marks-and-pages", test_marks_and_pages);
  g_test_add_func ("/html/escaping", test_page_escaping);
  g_test_add_func ("/html/simmap", test_simmap);
  return g_test_run ();
}
