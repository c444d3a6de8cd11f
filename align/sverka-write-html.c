/* sverka-write-html.c: the HTML report, one self-contained page.
 *
 * The page, top to bottom:
 * - a header: the file names, the mode and why, counts, and a legend;
 * - the alignment map: an SVG dot plot, Russian sentences down and English
 *   ones across. Grey dots are the similarity map (darker is more similar),
 *   red squares the links the alignment chose (purple those of a moved
 *   block, off the diagonal), ticks outside the frame the sentences left
 *   without a counterpart. Each kind is one <path>, so the
 *   map stays light at 10,000 rows; clicking it goes to the row;
 * - the notes, each linked to its row(s);
 * - the rows: in parallel mode the two texts side by side, one row per
 *   bead, the score as a coloured band, the words each note is about
 *   highlighted and linked to the note, and the rows with one side empty or
 *   of a moved block marked; in comparable mode the report's sentences, each
 *   with its support quoted and its candidates, beside the source in a pane
 *   of its own (append_report_rows()).
 *
 * Rows are CSS-grid divs with content-visibility: auto, so the browser lays
 * out only the rows on screen; the script is the map's click and the "rows
 * with notes only" switch, and in comparable mode the review editor
 * (align/html/review.js, embedded), where the translator confirms and
 * corrects the links and exports their decisions for --review. Every text
 * is HTML-escaped, and the page loads nothing from outside.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sverka.h"
#include "sverka-html-review.h"
#include "sverka-write-xml-private.h"

/* The plot area of the map, in pixels. */
#define MAP_W 440.0
#define MAP_H 440.0
#define MAP_LEFT 44.0
#define MAP_TOP 10.0
#define MAP_RIGHT 12.0
#define MAP_BOTTOM 40.0
/* Dots smaller than this are drawn at this size, in pixels. */
#define MAP_MIN_DOT 2.0
/* Similarity below this is not drawn. */
#define MAP_MIN_SIM 0.1

typedef struct {
  SverkaLanguage language;
  guint sentence;
  gsize start, end;
  guint note; /* 0-based */
} Mark;

typedef struct {
  guint row, note;
} RowNote;

typedef struct {
  GString *out;
  SverkaAlignment *al;
  SverkaNotes *notes;
  SverkaDocument *docs[2]; /* ru, en */
  guint n_sents[2];
  guint *first_row[2]; /* per sentence: the first row (0-based) holding it */
  GArray *marks;       /* Mark, by language, sentence, start */
  guint *mark_at[2];   /* per sentence: its first mark; [n] = the end */
  GArray *row_notes;   /* RowNote, by row then note */
  guint *note_row;     /* per note: its first row */
  int report;          /* comparable mode: the report's side (0 ru, 1 en); -1 otherwise */
  /* per side: its language's code (lang attributes) and name (what the
   * page says); the ids, classes and data attributes keep "ru" and "en"
   * for the sides, as the scripts read them (the review file's keys are
   * the codes: data-langs for a pair other than ru-en) */
  const char *code[2];
  const char *name[2];
} Html;

static void
append_escaped_str (GString *out, const char *s)
{
  sverka_xml_append_escaped (out, s, -1);
}

static void
append_double (GString *out, const char *format, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, v));
}

static const char style[] =
  ":root{--err:#c62828;--warn:#d98200;--info:#5b7896;--line:#e2e4e8;--ink:#1f2328;"
  "--muted:#6a7079}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;font:15px/1.5 'DejaVu Sans','Noto Sans',system-ui,sans-serif;"
  "color:var(--ink);background:#f3f4f6}\n"
  "header{background:#1f2d44;color:#fff;padding:14px 24px}\n"
  "header h1{margin:0;font-size:20px;font-weight:600}\n"
  "header p{margin:4px 0 0;color:#d3dae6;font-size:13px}\n"
  ".legend{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}\n"
  ".legend .band{display:inline-block;width:34px;text-align:center;border-radius:3px;"
  "font-size:11px}\n"
  "main{padding:16px 24px}\n"
  ".top{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin-bottom:16px}\n"
  ".panel{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px}\n"
  ".panel h2,#rows h2{margin:0 0 6px;font-size:15px}\n"
  "#map{flex:0 0 auto}\n"
  "#map svg{display:block;cursor:crosshair}\n"
  "#map .cap{font-size:12px;color:var(--muted);max-width:500px;margin:6px 0 0}\n"
  "#notes{flex:1 1 420px;min-width:320px}\n"
  "#notes .list{max-height:470px;overflow:auto;padding-right:4px}\n"
  "#notes ol{margin:0;padding:0;list-style:none}\n"
  "#notes summary{cursor:pointer;padding:6px;color:var(--muted);font-size:13px}\n"
  "#notes li{padding:5px 6px;border-bottom:1px solid var(--line);font-size:13px;"
  "border-left:4px solid var(--info)}\n"
  "#notes li.error{border-left-color:var(--err)}\n"
  "#notes li.warning{border-left-color:var(--warn)}\n"
  "#notes li:target{background:#fff4cc}\n"
  "#notes .kind{font-weight:600;margin-right:6px}\n"
  "#notes .sev{font-size:11px;text-transform:uppercase;color:var(--muted);margin-right:6px}\n"
  "#notes .to{margin-right:8px;font-size:12px;white-space:nowrap}\n"
  ".filter{font-size:13px;margin:0 0 6px;color:var(--muted)}\n"
  "#rows{background:#fff;border:1px solid var(--line);border-radius:6px}\n"
  "#rows h2{padding:10px 14px 0}\n"
  ".row{display:grid;grid-template-columns:3.4em 3.6em 1fr 1fr 8em;gap:0 14px;"
  "padding:7px 14px;border-top:1px solid var(--line);content-visibility:auto;"
  "contain-intrinsic-size:auto 3.4em;scroll-margin-top:2.4em}\n"
  ".row.head{position:sticky;top:0;z-index:1;background:#f7f8fa;font-size:12px;"
  "font-weight:600;color:var(--muted);content-visibility:visible}\n"
  ".row .n{color:var(--muted);font-size:12px;text-decoration:none;padding-top:2px}\n"
  ".band{align-self:start;border-radius:3px;color:#fff;font-size:12px;text-align:center;"
  "padding:1px 0;font-variant-numeric:tabular-nums}\n"
  ".b0{background:#b3261e}.b1{background:#e8710a}.b2{background:#e6b800;color:#222}"
  ".b3{background:#7cb342;color:#102}.b4{background:#2e7d32}"
  ".nc{color:var(--muted);background:none;border:1px dashed #c3c7cd}\n"
  ".verdict{margin-top:6px;padding:4px 8px;border-radius:3px;background:#2c3d5a}\n"
  ".verdict.bad{background:var(--err);color:#fff;font-weight:600}\n"
  ".gap{color:var(--muted);font-style:italic;font-size:13px;border-radius:3px;"
  "padding:2px 8px;background:repeating-linear-gradient(135deg,#f7f7f7 0 6px,#ececec 6px "
  "12px)}\n"
  ".row.alone{background:#fffaf0}\n"
  ".row:target{background:#eaf2ff;box-shadow:inset 4px 0 #2f6fde}\n"
  ".s{margin-right:4px}\n"
  ".s sup{color:var(--muted);font-size:10px;margin-right:3px}\n"
  ".s.again{color:var(--muted)}\n"
  ".moved{display:inline-block;font-size:11px;color:#7b3fb3;border:1px solid #c9a7e8;"
  "border-radius:3px;padding:0 4px;margin-right:6px}\n"
  ".row.moved{background:#f8f3fd}\n"
  ".spk{display:inline-block;font-size:11px;font-weight:600;color:#1f4f86;"
  "background:#e6eef8;border-radius:3px;padding:0 5px;margin-right:5px}\n"
  ".spk.host{color:var(--muted);background:#eef0f2}\n"
  ".cands{font-size:12px;color:var(--muted);margin-top:3px}\n"
  ".panes{display:flex;align-items:flex-start}\n"
  ".rep-pane{flex:3 1 0;min-width:0}\n"
  ".src-pane{flex:2 1 0;min-width:0;position:sticky;top:0;max-height:100vh;overflow:auto;"
  "border-left:1px solid var(--line);padding:0 14px;font-size:14px}\n"
  ".src-pane h2{font-size:15px;margin:10px 0 6px}\n"
  ".src-pane p{margin:0 0 10px}\n"
  ".src{color:var(--muted)}.src sup{font-size:10px;margin-right:2px}\n"
  ".src.cited{color:var(--ink);background:#e8f1e4;border-radius:2px}\n"
  ".src:target{background:#fff4cc;outline:2px solid #e6b800}\n"
  ".report-view .row{grid-template-columns:3.4em 3.6em 1fr 1fr 6em}\n"
  ".why{font-size:11px;color:var(--muted);margin:2px 0 0}\n"
  ".why .m{display:inline-block;border-radius:3px;padding:0 4px;margin:1px 0 0 4px;"
  "color:var(--ink);white-space:nowrap}\n"
  ".why .lex{background:#e6eef8}.why .name{background:#f3e6f8}.why .num{background:#fdf0d5}"
  ".why .same{background:#e8f1e4}\n"
  "blockquote.q{margin:0 0 4px;padding:0 0 0 8px;border-left:3px solid #b7cbe3;font-size:14px}\n"
  "blockquote.q .at{font-size:11px;color:var(--muted);margin-right:4px;text-decoration:none}\n"
  ".cands a{color:#1f4f86;margin-left:6px;text-decoration:none;white-space:nowrap}\n"
  ".cands a.linked{font-weight:600}\n"
  "mark{background:#cfe3ff;border-bottom:2px solid var(--info);border-radius:2px;"
  "padding:0 1px}\n"
  "mark.warning{background:#ffe7a8;border-bottom-color:var(--warn)}\n"
  "mark.error{background:#ffc9c6;border-bottom-color:var(--err)}\n"
  "mark a{color:inherit;text-decoration:none}\n"
  ".tags a{display:inline-block;font-size:11px;border-radius:3px;padding:0 5px;"
  "margin:0 4px 3px 0;color:#fff;background:var(--info);text-decoration:none}\n"
  ".tags a.error{background:var(--err)}.tags a.warning{background:var(--warn)}\n"
  "body.only-notes .row.plain{display:none}\n";

/* The map's click goes to the row of the Russian sentence under the
 * pointer (or to the sentence in the source pane of the report view); the
 * switch hides the rows without notes. */
static const char script[] =
  "(function(){\n"
  "var svg=document.getElementById('map-svg');\n"
  "if(svg){svg.addEventListener('click',function(ev){\n"
  "var b=svg.querySelector('.plot').getBoundingClientRect();\n"
  "var n=+svg.getAttribute('data-n-ru');\n"
  "var r=Math.max(1,Math.min(n,Math.floor((ev.clientY-b.top)/b.height*n)+1));\n"
  "var el=document.getElementById('ru-'+r);\n"
  "if(el){var row=el.closest('.row');location.hash=row?row.id:el.id;}\n"
  "});}\n"
  "var only=document.getElementById('only-notes');\n"
  "if(only){only.addEventListener('change',function(){"
  "document.body.classList.toggle('only-notes',only.checked);});}\n"
  "})();\n";

static guint
band_of (double score)
{
  return score >= 0.8 ? 4 : score >= 0.6 ? 3 : score >= 0.4 ? 2 : score >= 0.2 ? 1 : 0;
}

static int
compare_marks (gconstpointer a, gconstpointer b)
{
  const Mark *x = a, *y = b;
  if (x->language != y->language)
    return x->language < y->language ? -1 : 1;
  if (x->sentence != y->sentence)
    return x->sentence < y->sentence ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->note < y->note ? -1 : x->note > y->note;
}

static int
compare_row_notes (gconstpointer a, gconstpointer b)
{
  const RowNote *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->note < y->note ? -1 : x->note > y->note;
}

static int
side_of (SverkaLanguage language)
{
  return language == SVERKA_LANGUAGE_EN ? 1 : 0;
}

/* Indexes the rows of sentences, the marks of sentences and the rows of
 * notes. */
static void
index_document (Html *h)
{
  guint nb = sverka_alignment_get_n_beads (h->al);
  guint nn = h->notes != NULL ? sverka_notes_get_n_notes (h->notes) : 0;

  for (int side = 0; side < 2; side++) {
    h->n_sents[side] = sverka_document_get_n_sentences (h->docs[side]);
    h->first_row[side] = g_new (guint, h->n_sents[side] + 1);
    for (guint s = 0; s < h->n_sents[side]; s++)
      h->first_row[side][s] = G_MAXUINT;
  }
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (h->al, i);
    /* The report view shows no rows of source sentences alone: they are
     * in the source pane. */
    if (h->report >= 0 && (h->report == 0 ? b->n_ru : b->n_en) == 0)
      continue;
    for (guint k = 0; k < b->n_ru; k++)
      if (h->first_row[0][b->ru[k]] == G_MAXUINT)
        h->first_row[0][b->ru[k]] = i;
    for (guint k = 0; k < b->n_en; k++)
      if (h->first_row[1][b->en[k]] == G_MAXUINT)
        h->first_row[1][b->en[k]] = i;
  }

  h->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  h->row_notes = g_array_new (FALSE, FALSE, sizeof (RowNote));
  h->note_row = g_new0 (guint, MAX (nn, 1));
  for (guint i = 0; i < nn; i++) {
    const SverkaNote *note = sverka_notes_get_note (h->notes, i);
    guint first = G_MAXUINT;
    for (guint k = 0; k < note->n_marks; k++) {
      const SverkaNoteMark *m = &note->marks[k];
      int side = side_of (m->language);
      Mark mark = { m->language, m->sentence, m->start, m->end, i };
      if (m->sentence < h->n_sents[side] && m->end > m->start)
        g_array_append_val (h->marks, mark);
    }
    for (int side = 0; side < 2; side++) {
      const guint *ids = side == 0 ? note->ru : note->en;
      guint n = side == 0 ? note->n_ru : note->n_en;
      for (guint k = 0; k < n; k++) {
        RowNote rn = { ids[k] < h->n_sents[side] ? h->first_row[side][ids[k]] : G_MAXUINT, i };
        if (rn.row == G_MAXUINT)
          continue;
        if (first == G_MAXUINT)
          first = rn.row;
        g_array_append_val (h->row_notes, rn);
      }
    }
    h->note_row[i] = first;
  }
  g_array_sort (h->marks, compare_marks);
  g_array_sort (h->row_notes, compare_row_notes);
  /* Drop repeats: a note names several sentences of one row. */
  for (guint i = 1; i < h->row_notes->len; i++) {
    if (compare_row_notes (&g_array_index (h->row_notes, RowNote, i - 1),
                           &g_array_index (h->row_notes, RowNote, i)) == 0)
      g_array_remove_index (h->row_notes, i--);
  }

  for (int side = 0; side < 2; side++) {
    guint k = 0;
    h->mark_at[side] = g_new (guint, h->n_sents[side] + 1);
    while (k < h->marks->len && side_of (g_array_index (h->marks, Mark, k).language) < side)
      k++;
    for (guint s = 0; s <= h->n_sents[side]; s++) {
      while (k < h->marks->len && side_of (g_array_index (h->marks, Mark, k).language) == side
             && g_array_index (h->marks, Mark, k).sentence < s)
        k++;
      h->mark_at[side][s] = k;
    }
  }
}

static void
html_clear (Html *h)
{
  for (int side = 0; side < 2; side++) {
    g_free (h->first_row[side]);
    g_free (h->mark_at[side]);
  }
  g_clear_pointer (&h->marks, g_array_unref);
  g_clear_pointer (&h->row_notes, g_array_unref);
  g_free (h->note_row);
}

static const char *
severity_class (SverkaSeverity severity)
{
  return sverka_severity_to_string (severity);
}

/* Appends one sentence's text: white space runs holding a tab, line end or
 * form feed become one space, as in the TSV; the marks of its notes become
 * <mark> elements linked to the note. */
static void
append_sentence_text (Html *h, int side, guint s)
{
  SverkaDocument *doc = h->docs[side];
  const SverkaSentence *sent = sverka_document_get_sentence (doc, s);
  const char *data = sverka_document_get_data (doc, NULL);
  guint m = h->mark_at[side][s], m_end = h->mark_at[side][s + 1];
  gsize open_end = 0; /* the end of the open mark, or 0 */
  gsize i = sent->start;

  while (i < sent->end) {
    if (open_end != 0 && i >= open_end) {
      g_string_append (h->out, "</a></mark>");
      open_end = 0;
    }
    /* Marks that start before here (overlapping an earlier one) are
     * skipped. */
    while (m < m_end && g_array_index (h->marks, Mark, m).start < i)
      m++;
    if (open_end == 0 && m < m_end && g_array_index (h->marks, Mark, m).start == i) {
      /* Every note marking a span from here (a name that is also a typo)
       * goes into one <mark>: the most severe colours it, the first is
       * linked, all are in its tooltip. */
      const Mark *mk = &g_array_index (h->marks, Mark, m);
      SverkaSeverity severity = SVERKA_SEVERITY_INFO;
      guint same = m;
      while (same < m_end && g_array_index (h->marks, Mark, same).start == i) {
        const SverkaNote *note = sverka_notes_get_note (h->notes,
                                                        g_array_index (h->marks, Mark, same).note);
        severity = MAX (severity, note->severity);
        same++;
      }
      g_string_append_printf (h->out, "<mark class=\"%s\" title=\"", severity_class (severity));
      for (guint k = m; k < same; k++) {
        const SverkaNote *note = sverka_notes_get_note (h->notes,
                                                        g_array_index (h->marks, Mark, k).note);
        if (k > m)
          g_string_append (h->out, "&#10;");
        g_string_append_printf (h->out, "%s: ", sverka_note_kind_to_string (note->kind));
        append_escaped_str (h->out, note->message);
      }
      g_string_append_printf (h->out, "\"><a href=\"#note-%u\">", mk->note + 1);
      open_end = MIN (mk->end, sent->end);
      m = same;
    }
    if (g_ascii_isspace (data[i])) {
      gsize j = i;
      gboolean control = FALSE;
      while (j < sent->end && g_ascii_isspace (data[j]) && (open_end == 0 || j < open_end)) {
        control |= data[j] != ' ';
        j++;
      }
      if (control)
        g_string_append_c (h->out, ' ');
      else
        g_string_append_len (h->out, data + i, (gssize) (j - i));
      i = j;
    } else {
      gsize j = i + 1;
      while (j < sent->end && !g_ascii_isspace (data[j]) && (open_end == 0 || j < open_end)
             && (m >= m_end || g_array_index (h->marks, Mark, m).start > j))
        j++;
      sverka_xml_append_escaped (h->out, data + i, j - i);
      i = j;
    }
  }
  if (open_end != 0)
    g_string_append (h->out, "</a></mark>");
}

static void
append_ids_attr (GString *out, const char *name, const guint *ids, guint n)
{
  g_string_append_printf (out, " %s=\"", name);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, k > 0 ? ",%u" : "%u", ids[k] + 1);
  g_string_append_c (out, '"');
}

/* One side of a row: its sentences, or a placeholder when it has none. */
/* Comparable mode, in the report's cell: the report sentence's best
 * candidates in the source (sverka_alignment_get_candidates()), each a link
 * to the source sentence with its probability, ticked when linked. */
static void
append_candidates (Html *h, int side, const guint *ids, guint n)
{
  static const char *const lang[] = { "ru", "en" };
  SverkaLanguage report = sverka_alignment_get_report_language (h->al);
  const SverkaCandidate *c;
  guint nc = 0;
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  if (report == SVERKA_LANGUAGE_AUTO || n == 0 || side != side_of (report))
    return;
  c = sverka_alignment_get_candidates (h->al, ids[0], &nc);
  if (nc == 0)
    return;
  g_string_append (h->out, "<div class=\"cands\">candidates:");
  for (guint i = 0; i < nc; i++) {
    const char *p = g_ascii_formatd (num, sizeof num, "%.2f", c[i].probability);
    g_string_append_printf (h->out,
                            " <a href=\"#%s-%u\" class=\"%s\" title=\"probability %s that "
                            "%s sentence %u supports this one%s\">%u&#xa0;&#xb7;&#xa0;%s%s</a>",
                            lang[1 - side], c[i].sentence + 1, c[i].linked ? "linked" : "", p,
                            h->name[1 - side], c[i].sentence + 1,
                            c[i].linked ? "; linked" : "", c[i].sentence + 1, p,
                            c[i].linked ? "&#xa0;&#x2713;" : "");
  }
  g_string_append (h->out, "</div>");
}

/* For a sentence of a web page, the element it came from, as a
 * data-origin attribute ("body/main/article/p[3]"). */
static void
append_origin (Html *h, int side, guint s, gboolean titled)
{
  const char *o = sverka_document_get_sentence_origin (h->docs[side], s);
  if (o == NULL)
    return;
  g_string_append (h->out, " data-origin=\"");
  append_escaped_str (h->out, o);
  g_string_append_c (h->out, '"');
  /* Shown on hover, unless the element has a title already. */
  if (!titled) {
    g_string_append (h->out, " title=\"from the page's ");
    append_escaped_str (h->out, o);
    g_string_append_c (h->out, '"');
  }
}

/* A transcript's speaker before sentence @s, where a turn starts or the
 * speaker changes from the sentence before, or in the first sentence of a
 * cell (@first): "Moderator", in grey for a host's turn. */
static void
append_speaker (Html *h, int side, guint s, gboolean first)
{
  gboolean host = FALSE;
  const char *sp = sverka_document_get_speaker (h->docs[side], s, &host);
  const char *before = s > 0 ? sverka_document_get_speaker (h->docs[side], s - 1, NULL) : NULL;

  if (sp == NULL || (!first && before == sp))
    return;
  g_string_append_printf (h->out, "<span class=\"spk%s\" title=\"%s\">", host ? " host" : "",
                          host ? "a moderator's, a journalist's or a question's turn"
                               : "speaker's turn");
  append_escaped_str (h->out, sp);
  g_string_append (h->out, "</span>");
}

static void
append_cell (Html *h, int side, guint row, const guint *ids, guint n, const char *moved)
{
  static const char *const lang[] = { "ru", "en" };
  g_string_append_printf (h->out, "<div class=\"%s\" lang=\"%s\">", lang[side], h->code[side]);
  if (n == 0)
    g_string_append_printf (h->out, "<span class=\"gap\">no %s counterpart</span>",
                            h->name[side]);
  if (moved != NULL) {
    g_string_append (h->out, "<span class=\"moved\" title=\"");
    append_escaped_str (h->out, moved);
    g_string_append (h->out, "\">&#x21c5; moved</span>");
  }
  for (guint k = 0; k < n; k++) {
    guint s = ids[k];
    gboolean first = h->first_row[side][s] == row;
    g_string_append (h->out, "<span class=\"s");
    if (!first)
      g_string_append (h->out, " again");
    g_string_append_c (h->out, '"');
    if (first)
      g_string_append_printf (h->out, " id=\"%s-%u\"", lang[side], s + 1);
    else
      g_string_append_printf (h->out, " title=\"also in row %u\"", h->first_row[side][s] + 1);
    append_origin (h, side, s, !first);
    g_string_append_printf (h->out, "><sup>%u</sup>", s + 1);
    append_speaker (h, side, s, k == 0);
    append_sentence_text (h, side, s);
    g_string_append (h->out, "</span>");
  }
  append_candidates (h, side, ids, n);
  g_string_append (h->out, "</div>");
}

/* The moved blocks (SVERKA_BEAD_MOVED): per block, in row order, its
 * first and last Russian and English sentences. */
typedef struct {
  guint ru_first, ru_last, en_first, en_last;
} Block;

static GArray *
moved_blocks (SverkaAlignment *al)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  for (guint i = 0; i < sverka_alignment_get_n_beads (al); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    Block *k;
    if (!(b->flags & SVERKA_BEAD_MOVED))
      continue;
    if ((b->flags & SVERKA_BEAD_BLOCK_START) || blocks->len == 0) {
      Block nk = { G_MAXUINT, 0, G_MAXUINT, 0 };
      g_array_append_val (blocks, nk);
    }
    k = &g_array_index (blocks, Block, blocks->len - 1);
    for (guint x = 0; x < b->n_ru; x++) {
      k->ru_first = MIN (k->ru_first, b->ru[x]);
      k->ru_last = MAX (k->ru_last, b->ru[x]);
    }
    for (guint y = 0; y < b->n_en; y++) {
      k->en_first = MIN (k->en_first, b->en[y]);
      k->en_last = MAX (k->en_last, b->en[y]);
    }
  }
  return blocks;
}

/* A row's score as a coloured band. A sentence alone has no link to be
 * sure of: its score, the probability that it has no counterpart, is shown
 * without colour. */
static void
append_band (Html *h, double score, gboolean alone)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text = g_ascii_formatd (num, sizeof num, "%.2f", score);
  if (alone)
    g_string_append_printf (h->out,
                            "<span class=\"band nc\" title=\"probability that it has no "
                            "counterpart\">%s</span>",
                            text);
  else
    g_string_append_printf (h->out, "<span class=\"band b%u\" title=\"confidence\">%s</span>",
                            band_of (score), text);
}

static void append_report_rows (Html *h);
static void append_tags (Html *h, guint first_note, guint end);

static void
append_rows (Html *h)
{
  guint nb = sverka_alignment_get_n_beads (h->al);
  g_autoptr (GArray) blocks = moved_blocks (h->al);
  g_autofree char *moved = NULL;
  guint block = 0;
  guint rn = 0;

  if (h->report >= 0) {
    append_report_rows (h);
    return;
  }
  g_string_append_printf (h->out,
                          "<section id=\"rows\"><h2>Aligned text</h2>\n"
                          "<div class=\"row head\"><span>row</span><span>score</span>"
                          "<span>%s</span><span>%s</span><span>notes</span></div>\n",
                          h->name[0], h->name[1]);
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (h->al, i);
    guint first_note = rn;
    gboolean alone = b->n_ru == 0 || b->n_en == 0;

    while (rn < h->row_notes->len && g_array_index (h->row_notes, RowNote, rn).row == i)
      rn++;
    if ((b->flags & SVERKA_BEAD_MOVED) && ((b->flags & SVERKA_BEAD_BLOCK_START) || moved == NULL)) {
      const Block *k = &g_array_index (blocks, Block, MIN (block, blocks->len - 1));
      block++;
      g_free (moved);
      moved = g_strdup_printf ("A moved block: %s sentences %u-%u are translated by %s "
                               "sentences %u-%u, which the %s text gives elsewhere",
                               h->name[0], k->ru_first + 1, k->ru_last + 1, h->name[1],
                               k->en_first + 1, k->en_last + 1, h->name[1]);
    }
    g_string_append_printf (h->out, "<div class=\"row%s%s%s\" id=\"row-%u\"",
                            alone ? " alone" : "", (b->flags & SVERKA_BEAD_MOVED) ? " moved" : "",
                            rn > first_note ? "" : " plain", i + 1);
    append_ids_attr (h->out, "data-ru", b->ru, b->n_ru);
    append_ids_attr (h->out, "data-en", b->en, b->n_en);
    g_string_append_printf (h->out, "><a class=\"n\" href=\"#row-%u\">%u</a>", i + 1, i + 1);
    append_band (h, b->score, alone);
    append_cell (h, 0, i, b->ru, b->n_ru, NULL);
    append_cell (h, 1, i, b->en, b->n_en, (b->flags & SVERKA_BEAD_MOVED) ? moved : NULL);
    append_tags (h, first_note, rn);
    g_string_append (h->out, "</div>\n");
  }
  g_string_append (h->out, "</section>\n");
}

static void
free_gstring (gpointer s)
{
  if (s != NULL)
    g_string_free (s, TRUE);
}

/* Why a link holds, under its quote: the word pairs through which Russian
 * sentence @r and English sentence @e match, each with its reason
 * ("Столтенберг = Stoltenberg", a name). */
static void
append_matches (Html *h, guint r, guint e)
{
  guint n = 0;
  const SverkaMatch *m = sverka_alignment_get_matches (h->al, r, e, &n);
  const char *ru = sverka_document_get_data (h->docs[0], NULL);
  const char *en = sverka_document_get_data (h->docs[1], NULL);

  if (n == 0)
    return;
  g_string_append (h->out, "<div class=\"why\">matched:");
  for (guint i = 0; i < n; i++) {
    g_autofree char *a = g_strndup (ru + m[i].ru_start, m[i].ru_end - m[i].ru_start);
    g_autofree char *b = g_strndup (en + m[i].en_start, m[i].en_end - m[i].en_start);
    g_string_append_printf (h->out, " <span class=\"m %s\" title=\"%s\">",
                            m[i].reason == SVERKA_MATCH_NUMBER   ? "num"
                            : m[i].reason == SVERKA_MATCH_NAME   ? "name"
                            : m[i].reason == SVERKA_MATCH_LEXICON ? "lex"
                                                                  : "same",
                            sverka_match_reason_to_string (m[i].reason));
    append_escaped_str (h->out, a);
    if (m[i].reason != SVERKA_MATCH_SAME) {
      g_string_append (h->out, "&#xa0;=&#xa0;");
      append_escaped_str (h->out, b);
    }
    g_string_append (h->out, "</span>");
  }
  g_string_append (h->out, "</div>");
}

/* The tags of a row's notes: @first_note to @end of h->row_notes. */
static void
append_tags (Html *h, guint first_note, guint end)
{
  g_string_append (h->out, "<div class=\"tags\">");
  for (guint k = first_note; k < end; k++) {
    guint note_i = g_array_index (h->row_notes, RowNote, k).note;
    const SverkaNote *note = sverka_notes_get_note (h->notes, note_i);
    g_string_append_printf (h->out, "<a class=\"%s\" href=\"#note-%u\" title=\"",
                            severity_class (note->severity), note_i + 1);
    append_escaped_str (h->out, note->message);
    g_string_append_printf (h->out, "\">%s</a>", sverka_note_kind_to_string (note->kind));
  }
  g_string_append (h->out, "</div>");
}

/* Comparable mode reads as the report: one row per report sentence, its
 * supporting source sentences quoted beside it (each a link into the source
 * pane, with the word pairs that match it and why), its candidates under it; the source in a second pane, sentence by
 * sentence in its paragraphs, with its speaker turns, the linked sentences
 * highlighted (each naming the rows that cite it). A source sentence that
 * no report sentence cites is context there, not a row with a score. */
static void
append_report_rows (Html *h)
{
  static const char *const lang[] = { "ru", "en" };
  const char *const *name = h->name;
  int rep = h->report, src = 1 - h->report;
  guint nb = sverka_alignment_get_n_beads (h->al);
  guint rn = 0, n_cited = 0;
  g_autoptr (GPtrArray) citing = g_ptr_array_new_with_free_func (free_gstring);

  g_ptr_array_set_size (citing, (gint) h->n_sents[src]);
  /* What the review editor (align/html/review.js) exports in the review
   * file's header, so that a review is applied to these texts only. */
  {
    g_autofree char *ru_sha = sverka_review_digest (h->docs[0]);
    g_autofree char *en_sha = sverka_review_digest (h->docs[1]);
    g_string_append_printf (h->out,
                            "<section id=\"rows\" class=\"report-view\" data-report=\"%s\" "
                            "data-n-ru=\"%u\" data-n-en=\"%u\" data-ru-sha256=\"%s\" "
                            "data-en-sha256=\"%s\"",
                            lang[rep], h->n_sents[0], h->n_sents[1], ru_sha, en_sha);
    /* The review file's keys are the pair's codes; the editor takes
     * "ru en" when this is not given, so that a ru-en page stays as it was. */
    if (strcmp (h->code[0], "ru") != 0 || strcmp (h->code[1], "en") != 0)
      g_string_append_printf (h->out, " data-langs=\"%s %s\"", h->code[0], h->code[1]);
    g_string_append_c (h->out, '>');
  }
  g_string_append_printf (h->out,
                          "<div class=\"panes\">"
                          "<div class=\"rep-pane\"><h2>The report (%s), sentence by sentence, "
                          "with what supports it in the source</h2>\n"
                          "<div class=\"row head\"><span>row</span><span>score</span><span>report "
                          "(%s)</span><span>support in the source (%s)</span><span>notes</span>"
                          "</div>\n",
                          name[rep], name[rep], name[src]);
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (h->al, i);
    const guint *rids = rep == 0 ? b->ru : b->en, *sids = rep == 0 ? b->en : b->ru;
    guint nr = rep == 0 ? b->n_ru : b->n_en, ns = rep == 0 ? b->n_en : b->n_ru;
    guint first_note = rn;

    while (rn < h->row_notes->len && g_array_index (h->row_notes, RowNote, rn).row == i)
      rn++;
    if (nr == 0)
      continue;
    for (guint k = 0; k < ns; k++) {
      GString *c = g_ptr_array_index (citing, sids[k]);
      if (c == NULL)
        g_ptr_array_index (citing, sids[k]) = c = g_string_new (NULL);
      g_string_append_printf (c, "%s%u", c->len > 0 ? " " : "", i + 1);
    }
    g_string_append_printf (h->out, "<div class=\"row%s%s%s\" id=\"row-%u\"", ns == 0 ? " alone" : "",
                            rn > first_note ? "" : " plain",
                            b->flags & SVERKA_BEAD_REVIEWED ? " reviewed" : "", i + 1);
    append_ids_attr (h->out, "data-ru", b->ru, b->n_ru);
    append_ids_attr (h->out, "data-en", b->en, b->n_en);
    g_string_append_printf (h->out, "><a class=\"n\" href=\"#row-%u\">%u</a>", i + 1, i + 1);
    append_band (h, b->score, ns == 0);
    append_cell (h, rep, i, rids, nr, NULL);
    g_string_append_printf (h->out, "<div class=\"%s support\" lang=\"%s\">", lang[src],
                            h->code[src]);
    if (ns == 0 && (b->flags & SVERKA_BEAD_REVIEWED))
      g_string_append (h->out, "<span class=\"gap\">no support: the reviewer's decision</span>");
    else if (ns == 0)
      g_string_append_printf (h->out, "<span class=\"gap\">no support found in the %s text</span>",
                              name[src]);
    for (guint k = 0; k < ns; k++) {
      g_string_append_printf (h->out, "<blockquote class=\"q\"><a class=\"at\" href=\"#%s-%u\" "
                                      "title=\"show it in the source\">%u</a>",
                              lang[src], sids[k] + 1, sids[k] + 1);
      append_speaker (h, src, sids[k], TRUE);
      append_sentence_text (h, src, sids[k]);
      append_matches (h, rep == 0 ? rids[0] : sids[k], rep == 0 ? sids[k] : rids[0]);
      g_string_append (h->out, "</blockquote>");
    }
    g_string_append (h->out, "</div>");
    append_tags (h, first_note, rn);
    g_string_append (h->out, "</div>\n");
  }
  for (guint s = 0; s < h->n_sents[src]; s++)
    n_cited += g_ptr_array_index (citing, s) != NULL;
  g_string_append_printf (h->out,
                          "</div><div class=\"src-pane\" id=\"source\" lang=\"%s\"><h2>The source "
                          "(%s): %u sentences, %u cited by the report</h2>\n<p>",
                          h->code[src], name[src], h->n_sents[src], n_cited);
  for (guint s = 0; s < h->n_sents[src]; s++) {
    GString *c = g_ptr_array_index (citing, s);
    if (s > 0 && sverka_document_get_sentence (h->docs[src], s)->paragraph
                     != sverka_document_get_sentence (h->docs[src], s - 1)->paragraph)
      g_string_append (h->out, "</p>\n<p>");
    append_speaker (h, src, s, FALSE);
    g_string_append_printf (h->out, "<span class=\"src%s\" id=\"%s-%u\"", c != NULL ? " cited" : "",
                            lang[src], s + 1);
    if (c != NULL)
      g_string_append_printf (h->out, " data-rows=\"%s\" title=\"cited by row %s\"", c->str,
                              c->str);
    append_origin (h, src, s, c != NULL);
    g_string_append_printf (h->out, "><sup>%u</sup>", s + 1);
    append_sentence_text (h, src, s);
    g_string_append (h->out, "</span> ");
  }
  g_string_append (h->out, "</p></div></div></section>\n");
}

static void
append_notes (Html *h)
{
  guint nn = h->notes != NULL ? sverka_notes_get_n_notes (h->notes) : 0;
  guint rn = 0;
  g_autofree guint *rows_start = g_new0 (guint, nn + 1);
  g_autofree RowNote *by_note = NULL;

  g_string_append_printf (h->out, "<section id=\"notes\" class=\"panel\"><h2>Notes (%u)</h2>\n",
                          nn);
  if (h->notes == NULL) {
    g_string_append (h->out, "<p>Not computed.</p></section>\n");
    return;
  }
  g_string_append (h->out, "<p class=\"filter\"><label><input type=\"checkbox\" "
                           "id=\"only-notes\"/> show only the rows with notes</label></p>\n");
  if (nn == 0) {
    g_string_append (h->out, "<p>No discrepancies found.</p></section>\n");
    return;
  }
  /* The rows of each note, in row order. */
  by_note = g_new (RowNote, MAX (h->row_notes->len, 1));
  for (guint k = 0; k < h->row_notes->len; k++)
    rows_start[g_array_index (h->row_notes, RowNote, k).note + 1]++;
  for (guint i = 0; i < nn; i++)
    rows_start[i + 1] += rows_start[i];
  {
    g_autofree guint *fill = g_memdup2 (rows_start, sizeof (guint) * (nn + 1));
    for (guint k = 0; k < h->row_notes->len; k++) {
      const RowNote *r = &g_array_index (h->row_notes, RowNote, k);
      by_note[fill[r->note]++] = *r;
    }
  }
  g_string_append (h->out, "<div class=\"list\">\n");
  /* Errors and warnings first, in row order; the notes for information
   * (many in comparable mode) folded away below them. */
  for (int sev = SVERKA_SEVERITY_ERROR; sev >= SVERKA_SEVERITY_INFO; sev--) {
    guint count = 0;
    for (guint i = 0; i < nn; i++)
      count += sverka_notes_get_note (h->notes, i)->severity == (SverkaSeverity) sev;
    if (count == 0)
      continue;
    if (sev == SVERKA_SEVERITY_INFO && count < nn)
      g_string_append_printf (h->out, "<details><summary>%u note%s for information</summary>",
                              count, count == 1 ? "" : "s");
    g_string_append_printf (h->out, "<ol class=\"%s\">\n",
                            sverka_severity_to_string ((SverkaSeverity) sev));
    for (guint i = 0; i < nn; i++) {
      const SverkaNote *note = sverka_notes_get_note (h->notes, i);
      if (note->severity != (SverkaSeverity) sev)
        continue;
      g_string_append_printf (h->out, "<li id=\"note-%u\" class=\"%s\">", i + 1,
                              severity_class (note->severity));
      for (rn = rows_start[i]; rn < rows_start[i + 1]; rn++)
        g_string_append_printf (h->out, "<a class=\"to\" href=\"#row-%u\">row %u</a>",
                                by_note[rn].row + 1, by_note[rn].row + 1);
      /* The report view: a note on source sentences no row cites leads to
       * them in the source pane. */
      if (h->report >= 0 && rows_start[i] == rows_start[i + 1]) {
        const guint *sids = h->report == 0 ? note->en : note->ru;
        guint ns = h->report == 0 ? note->n_en : note->n_ru;
        for (guint k = 0; k < ns; k++)
          g_string_append_printf (h->out, "<a class=\"to\" href=\"#%s-%u\">%s %u</a>",
                                  h->report == 0 ? "en" : "ru", sids[k] + 1,
                                  h->report == 0 ? "en" : "ru", sids[k] + 1);
      }
      g_string_append_printf (h->out,
                              "<span class=\"kind\">%s</span><span class=\"sev\">%s</span>",
                              sverka_note_kind_to_string (note->kind),
                              sverka_severity_to_string (note->severity));
      append_escaped_str (h->out, note->message);
      g_string_append (h->out, "</li>\n");
    }
    g_string_append (h->out, "</ol>");
    if (sev == SVERKA_SEVERITY_INFO && count < nn)
      g_string_append (h->out, "</details>");
    g_string_append_c (h->out, '\n');
  }
  g_string_append (h->out, "</div></section>\n");
}

/* ---------------------------------------------------------------------- */
/* The map                                                                 */

typedef struct {
  guint x, y; /* cell, for merging dots that fall on one pixel */
  float sim;
} Dot;

static int
compare_dots (gconstpointer a, gconstpointer b)
{
  const Dot *p = a, *q = b;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->sim > q->sim ? -1 : p->sim < q->sim;
}

/* Map geometry: sentence cells scaled to the plot, and the pixel grid that
 * dots are merged on when cells are smaller than a pixel. */
typedef struct {
  guint n_ru, n_en;
  double cw, ch; /* a sentence cell, in pixels */
  double dw, dh; /* a dot, in pixels */
  guint gx, gy;  /* grid columns and lines */
} Geometry;

static void
dot_cell (const Geometry *g, guint r, guint e, guint *x, guint *y)
{
  *x = g->gx >= g->n_en ? e : (guint) ((double) e * g->gx / g->n_en);
  *y = g->gy >= g->n_ru ? r : (guint) ((double) r * g->gy / g->n_ru);
}

/* Appends the dots as subpaths "Mx yh.." of one path drawn with a stroke as
 * tall as a dot. */
static void
append_dots_path (GString *out, const Geometry *g, const Dot *dots, guint n, const char *cls)
{
  double cell_x = MAP_W / (g->gx >= g->n_en ? MAX (g->n_en, 1u) : g->gx);
  double cell_y = MAP_H / (g->gy >= g->n_ru ? MAX (g->n_ru, 1u) : g->gy);
  g_string_append_printf (out, "<path class=\"%s\" data-n=\"%u\" stroke-width=\"", cls, n);
  append_double (out, "%.2f", g->dh);
  g_string_append (out, "\" d=\"");
  for (guint i = 0; i < n; i++) {
    double x = MAP_LEFT + (dots[i].x + 0.5) * cell_x - g->dw / 2;
    double y = MAP_TOP + (dots[i].y + 0.5) * cell_y;
    g_string_append_c (out, 'M');
    append_double (out, "%.1f", x);
    g_string_append_c (out, ' ');
    append_double (out, "%.1f", y);
    g_string_append_c (out, 'h');
    append_double (out, "%.1f", g->dw);
  }
  g_string_append (out, "\"/>\n");
}

/* Sorts @dots by cell and keeps the most similar of each cell. */
static void
merge_dots (GArray *dots)
{
  guint kept = 0;
  g_array_sort (dots, compare_dots);
  for (guint i = 0; i < dots->len; i++) {
    const Dot *d = &g_array_index (dots, Dot, i);
    if (kept > 0 && g_array_index (dots, Dot, kept - 1).x == d->x
        && g_array_index (dots, Dot, kept - 1).y == d->y)
      continue;
    g_array_index (dots, Dot, kept++) = *d;
  }
  g_array_set_size (dots, kept);
}

static void
append_map (Html *h, SverkaSimMap *map)
{
  static const double levels[] = { MAP_MIN_SIM, 0.2, 0.35, 0.5 };
  Geometry g = { h->n_sents[0], h->n_sents[1] };
  guint nb = sverka_alignment_get_n_beads (h->al);
  g_autoptr (GArray) dots = g_array_new (FALSE, FALSE, sizeof (Dot));
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (Dot));
  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (Dot));
  g_autoptr (GString) ticks_ru = g_string_new (NULL);
  g_autoptr (GString) ticks_en = g_string_new (NULL);
  guint n_ticks_ru = 0, n_ticks_en = 0, n_links = 0;
  double width = MAP_LEFT + MAP_W + MAP_RIGHT, height = MAP_TOP + MAP_H + MAP_BOTTOM;

  g.cw = MAP_W / MAX (g.n_en, 1u);
  g.ch = MAP_H / MAX (g.n_ru, 1u);
  /* Cells smaller than a pixel share a pixel-sized grid cell. */
  g.gx = g.cw >= 1 ? g.n_en : (guint) (MAP_W / 1.0);
  g.gy = g.ch >= 1 ? g.n_ru : (guint) (MAP_H / 1.0);
  g.dw = MAX (g.cw * 0.8, MAP_MIN_DOT);
  /* Tall cells (few Russian sentences) get dashes, not bars. */
  g.dh = MAX (MIN (g.ch * 0.8, 3 * g.dw), MAP_MIN_DOT);

  g_string_append (h->out, "<section id=\"map\" class=\"panel\"><h2>Alignment map</h2>\n");
  g_string_append_printf (h->out,
                          "<svg id=\"map-svg\" xmlns=\"http://www.w3.org/2000/svg\" "
                          "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                          "data-n-ru=\"%u\" data-n-en=\"%u\" role=\"img\">\n",
                          width, height, width, height, g.n_ru, g.n_en);
  g_string_append_printf (h->out, "<title>Sentence similarity (grey) and the chosen links (red): "
                                  "%s sentences down, %s across. Click to go to the "
                                  "row.</title>\n",
                          h->name[0], h->name[1]);
  g_string_append_printf (h->out,
                          "<rect class=\"plot\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" "
                          "height=\"%.0f\" fill=\"#fbfbfd\" stroke=\"#9aa3ad\"/>\n",
                          MAP_LEFT, MAP_TOP, MAP_W, MAP_H);

  /* The similarity map, four shades. */
  if (map != NULL && sverka_simmap_get_n_ru (map) == g.n_ru
      && sverka_simmap_get_n_en (map) == g.n_en) {
    guint n;
    const SverkaSimPoint *pts = sverka_simmap_get_points (map, &n);
    for (guint level = G_N_ELEMENTS (levels); level-- > 0;) {
      double lo = levels[level], hi = level + 1 < G_N_ELEMENTS (levels) ? levels[level + 1] : 2;
      static const char *const shades[] = { "#e4e8ee", "#c3cad4", "#7d8a9b", "#27313f" };
      g_autofree char *cls = g_strdup_printf ("sim sim%u", level);
      g_array_set_size (dots, 0);
      for (guint i = 0; i < n; i++) {
        Dot d = { 0, 0, pts[i].similarity };
        if (pts[i].similarity < lo || pts[i].similarity >= hi || pts[i].ru >= g.n_ru
            || pts[i].en >= g.n_en)
          continue;
        dot_cell (&g, pts[i].ru, pts[i].en, &d.x, &d.y);
        g_array_append_val (dots, d);
      }
      merge_dots (dots);
      g_string_append_printf (h->out, "<g stroke=\"%s\" fill=\"none\">", shades[level]);
      append_dots_path (h->out, &g, (const Dot *) (void *) dots->data, dots->len, cls);
      g_string_append (h->out, "</g>\n");
    }
  }

  /* The links, and the sentences left alone as ticks outside the frame. */
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (h->al, i);
    for (guint k = 0; k < b->n_ru; k++)
      for (guint l = 0; l < b->n_en; l++) {
        Dot d = { 0, 0, 1 };
        dot_cell (&g, b->ru[k], b->en[l], &d.x, &d.y);
        g_array_append_val ((b->flags & SVERKA_BEAD_MOVED) ? moved : links, d);
        n_links++;
      }
    if (b->n_en == 0)
      for (guint k = 0; k < b->n_ru; k++) {
        g_string_append_c (ticks_ru, 'M');
        append_double (ticks_ru, "%.1f", MAP_LEFT - 8);
        g_string_append_c (ticks_ru, ' ');
        append_double (ticks_ru, "%.1f", MAP_TOP + (b->ru[k] + 0.5) * g.ch);
        g_string_append (ticks_ru, "h6");
        n_ticks_ru++;
      }
    if (b->n_ru == 0)
      for (guint k = 0; k < b->n_en; k++) {
        g_string_append_c (ticks_en, 'M');
        append_double (ticks_en, "%.1f", MAP_LEFT + (b->en[k] + 0.5) * g.cw);
        g_string_append_c (ticks_en, ' ');
        append_double (ticks_en, "%.1f", MAP_TOP + MAP_H + 2);
        g_string_append (ticks_en, "v6");
        n_ticks_en++;
      }
  }
  merge_dots (links);
  merge_dots (moved);
  /* data-links counts every link, those of moved blocks too. */
  g_string_append_printf (h->out,
                          "<g stroke=\"#d62828\" stroke-opacity=\"0.9\" fill=\"none\" "
                          "data-links=\"%u\">",
                          n_links);
  {
    /* Where cells are large, smaller than the dots, so that the shade of
     * the pair shows around its link; small cells are filled. */
    Geometry small = g;
    if (g.dw >= 6 && g.dh >= 6) {
      small.dw = g.dw * 0.55;
      small.dh = g.dh * 0.55;
    }
    append_dots_path (h->out, &small, (const Dot *) (void *) links->data, links->len, "links");
    if (moved->len > 0) {
      g_string_append (h->out, "<g stroke=\"#7b3fb3\">");
      append_dots_path (h->out, &small, (const Dot *) (void *) moved->data, moved->len,
                        "moved-links");
      g_string_append (h->out, "</g>");
    }
  }
  g_string_append (h->out, "</g>\n");
  /* Numbers with decimals go through g_ascii_formatd: the CLI runs in the
   * user's locale, and the page must not depend on it. */
  g_string_append_printf (h->out,
                          "<path class=\"alone-ru\" data-n=\"%u\" stroke=\"#e8710a\" "
                          "stroke-width=\"",
                          n_ticks_ru);
  append_double (h->out, "%.1f", MAX (MIN (g.ch * 0.8, 4.0), 1.0));
  g_string_append_printf (h->out, "\" d=\"%s\"/>\n", ticks_ru->str);
  g_string_append_printf (h->out,
                          "<path class=\"alone-en\" data-n=\"%u\" stroke=\"#e8710a\" "
                          "stroke-width=\"",
                          n_ticks_en);
  append_double (h->out, "%.1f", MAX (MIN (g.cw * 0.8, 4.0), 1.0));
  g_string_append_printf (h->out, "\" d=\"%s\"/>\n", ticks_en->str);

  /* Axes. */
  g_string_append_printf (h->out,
                          "<g font-size=\"11\" fill=\"#555\">"
                          "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">1</text>"
                          "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%u</text>"
                          "<text x=\"%.0f\" y=\"%.0f\">1</text>"
                          "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%u</text>"
                          "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%s sentence "
                          "&#x2192;</text>"
                          "<text transform=\"translate(%.0f %.0f) rotate(-90)\" "
                          "text-anchor=\"middle\">&#x2190; %s sentence</text></g>\n",
                          MAP_LEFT - 10, MAP_TOP + 10, MAP_LEFT - 10, MAP_TOP + MAP_H,
                          g.n_ru, MAP_LEFT, MAP_TOP + MAP_H + 20, MAP_LEFT + MAP_W,
                          MAP_TOP + MAP_H + 20, g.n_en, MAP_LEFT + MAP_W / 2,
                          MAP_TOP + MAP_H + 34, h->name[1], MAP_LEFT - 14, MAP_TOP + MAP_H / 2,
                          h->name[0]);
  g_string_append (h->out, "</svg>\n");
  g_string_append_printf (h->out,
                   "<p class=\"cap\">Grey: how similar each %s sentence is to its "
                   "closest %s ones (darker is closer). Red: the links chosen; purple: "
                   "those of a paragraph the translation moved, off the diagonal. Orange "
                   "ticks: sentences with no counterpart. A translation follows the "
                   "diagonal; a report that takes its facts from all over the transcript "
                   "scatters. Click the map to go to a row.</p></section>\n",
                   h->name[0], h->name[1]);
}

/* ---------------------------------------------------------------------- */

static void
append_header (Html *h)
{
  SverkaAlignment *al = h->al;
  guint nn = h->notes != NULL ? sverka_notes_get_n_notes (h->notes) : 0;
  guint n_err = 0, n_warn = 0, n_alone = 0;
  guint nb = sverka_alignment_get_n_beads (al);
  SverkaVerdict verdict = sverka_alignment_get_verdict (al);

  for (guint i = 0; i < nn; i++) {
    SverkaSeverity sev = sverka_notes_get_note (h->notes, i)->severity;
    n_err += sev == SVERKA_SEVERITY_ERROR;
    n_warn += sev == SVERKA_SEVERITY_WARNING;
  }
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    n_alone += b->n_ru == 0 || b->n_en == 0;
  }
  g_string_append (h->out, "<header><h1>");
  append_escaped_str (h->out, sverka_document_get_name (h->docs[0]));
  g_string_append (h->out, " &#x21c4; ");
  append_escaped_str (h->out, sverka_document_get_name (h->docs[1]));
  g_string_append (h->out, "</h1>\n<p>Mode ");
  append_escaped_str (h->out, sverka_mode_to_string (sverka_alignment_get_mode (al)));
  g_string_append (h->out, " (");
  append_escaped_str (h->out, sverka_alignment_get_mode_reason (al));
  if (h->report >= 0) {
    guint n_rep = h->n_sents[h->report], unsupported = 0;
    for (guint i = 0; i < nb; i++) {
      const SverkaBead *b = sverka_alignment_get_bead (al, i);
      unsupported += h->report == 0 ? b->n_ru > 0 && b->n_en == 0 : b->n_en > 0 && b->n_ru == 0;
    }
    g_string_append_printf (h->out,
                            "). The %s text reports the %s one: %u report sentence%s, %u of "
                            "them with no support found (their score is the probability that "
                            "the source has none), against %u source sentences.",
                            h->name[h->report], h->name[1 - h->report], n_rep,
                            n_rep == 1 ? "" : "s",
                            unsupported, h->n_sents[1 - h->report]);
  } else {
    g_string_append_printf (h->out,
                            "). %u %s and %u %s sentence%s in %u row%s, %u of them "
                            "with one side empty (their score is the probability that the "
                            "sentence has no counterpart).",
                            h->n_sents[0], h->name[0], h->n_sents[1], h->name[1],
                            h->n_sents[1] == 1 ? "" : "s", nb,
                            nb == 1 ? "" : "s", n_alone);
  }
  if (h->notes != NULL)
    g_string_append_printf (h->out, " %u note%s: %u error%s, %u warning%s, %u for information.",
                            nn, nn == 1 ? "" : "s", n_err, n_err == 1 ? "" : "s", n_warn,
                            n_warn == 1 ? "" : "s", nn - n_err - n_warn);
  g_string_append_printf (h->out, "</p>\n<p class=\"verdict%s\" id=\"verdict\">Verdict: %s (",
                          verdict == SVERKA_VERDICT_UNRELATED
                                  || verdict == SVERKA_VERDICT_UNTRANSLATED
                              ? " bad"
                              : "",
                          sverka_verdict_to_string (verdict));
  append_escaped_str (h->out, sverka_alignment_get_verdict_reason (al));
  g_string_append (h->out, ")");
  if (verdict == SVERKA_VERDICT_UNRELATED)
    g_string_append (h->out, ". These texts do not look like a translation of each other: "
                             "check the files. Every row scores low.");
  else if (verdict == SVERKA_VERDICT_UNTRANSLATED)
    g_string_append (h->out, ". One text looks like an untranslated copy of the other: check "
                             "the files. Every row scores low.");
  g_string_append (h->out,
                   "</p>\n<p class=\"legend\">Confidence: "
                   "<span class=\"band b0\">&lt;.2</span><span class=\"band b1\">.2</span>"
                   "<span class=\"band b2\">.4</span><span class=\"band b3\">.6</span>"
                   "<span class=\"band b4\">.8+</span>"
                   "<span>Notes: <mark class=\"error\">error</mark> "
                   "<mark class=\"warning\">warning</mark> <mark class=\"info\">info</mark>"
                   "</span><span class=\"gap\">no counterpart</span>"
                   "<span><span class=\"band nc\">.82</span> no counterpart, with the "
                   "probability that it has none</span>"
                   "<span class=\"moved\">&#x21c5; moved</span></p></header>\n");
}

char *
sverka_write_html (SverkaAlignment *alignment, SverkaNotes *notes, SverkaSimMap *map,
                   SverkaDocument *ru, SverkaDocument *en)
{
  Html h = { g_string_sized_new (4096), alignment, notes, { ru, en } };
  SverkaLanguage report = sverka_alignment_get_report_language (alignment);
  gboolean editor;

  h.report = report == SVERKA_LANGUAGE_AUTO ? -1 : side_of (report);
  for (int side = 0; side < 2; side++) {
    h.code[side] = sverka_document_get_language_code (h.docs[side]);
    h.name[side] = sverka_document_get_language_name (h.docs[side]);
  }
  /* The review editor in comparable mode, for any pair: its review file
   * names the sides by the pair's codes (sverka-review.h). */
  editor = h.report >= 0;
  index_document (&h);
  g_string_append (h.out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\"/>\n<meta name=\"generator\" content=\"sverka "
                          SVERKA_VERSION_STRING "\"/>\n<title>sverka: ");
  append_escaped_str (h.out, sverka_document_get_name (ru));
  g_string_append (h.out, " &#x21c4; ");
  append_escaped_str (h.out, sverka_document_get_name (en));
  g_string_append (h.out, "</title>\n<style>\n");
  g_string_append (h.out, style);
  if (editor)
    g_string_append (h.out, review_style);
  g_string_append (h.out, "</style>\n</head>\n<body>\n");
  append_header (&h);
  g_string_append (h.out, "<main>\n<div class=\"top\">\n");
  append_map (&h, map);
  append_notes (&h);
  g_string_append (h.out, "</div>\n");
  append_rows (&h);
  /* In a CDATA section, commented out for HTML: the review editor's script
   * holds '<', and the page stays well-formed XML. */
  g_string_append (h.out, "</main>\n<script>\n//<![CDATA[\n");
  g_string_append (h.out, script);
  if (editor)
    g_string_append (h.out, review_script);
  g_string_append (h.out, "//]]>\n</script>\n</body>\n</html>\n");
  html_clear (&h);
  return g_string_free (h.out, FALSE);
}
