/* sverka-cli-formats.c: which files `sverka align` writes, and what goes in
 * each (see sverka-cli-formats-private.h). */
#include <math.h>
#include <string.h>

#include "sverka-cli-formats-private.h"
#include "sverka-language-pack-private.h"

const char sverka_cli_out_dir_help[] =
  "--out-dir DIR writes every output into DIR (created if needed), each file\n"
  "atomically:\n"
  "  alignment.tsv     the parallel TSV (--format tsv)\n"
  "  alignment.tmx     TMX 1.4b translation memory (--format tmx)\n"
  "  alignment.jsonl   JSON Lines, one object per bead (--format jsonl)\n"
  "  alignment.ladder  hunalign's ladder (--format ladder)\n"
  "  alignment.vecalign  vecalign's and Bertalign's format (--format vecalign)\n"
  "  alignment.xces    XCES (OPUS) link file (--format xces)\n"
  "  alignment.xces.ru.xml  its Russian sentence file\n"
  "  alignment.xces.en.xml  its English sentence file\n"
  "  alignment.ru      Moses corpus, Russian side (--format moses)\n"
  "  alignment.en      Moses corpus, English side\n"
  "  notes.tsv         the discrepancy notes (--notes)\n"
  "  notes.jsonl       the notes as JSON Lines (--notes-jsonl)\n"
  "  notes.md          the notes as a Markdown report (--notes-md)\n"
  "  report.html       the HTML report: texts side by side, notes, alignment map (--html)\n"
  "With --langs L1,L2 (a pair other than ru,en) .ru and .en are .L1 and .L2.\n";

static const char *const format_names[] = { "tsv", "tmx", "jsonl", "ladder", "moses", "vecalign", "xces" };

static gboolean
is_stdout (const char *path)
{
  return path == NULL || strcmp (path, "-") == 0;
}

/* --tmx-lang L1,L2 and $SOURCE_DATE_EPOCH into f->tmx. */
static gboolean
check_tmx (SverkaCliFormats *f, GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  const char *l1 = f->codes[0] != NULL ? f->codes[0] : "ru";
  const char *l2 = f->codes[1] != NULL ? f->codes[1] : "en";

  sverka_tmx_options_init (&f->tmx);
  f->tmx.one_to_one = f->tmx_1to1;
  if (f->tmx_lang != NULL) {
    const char *comma = strchr (f->tmx_lang, ',');
    g_autofree char *first = comma != NULL ? g_strndup (f->tmx_lang, (gsize) (comma - f->tmx_lang))
                                           : NULL;
    if (comma == NULL || !sverka_tmx_language_is_valid (first)
        || !sverka_tmx_language_is_valid (comma + 1) || !sverka_language_tag_is_of (first, l1)
        || !sverka_language_tag_is_of (comma + 1, l2)) {
      if (strcmp (l1, "ru") == 0 && strcmp (l2, "en") == 0)
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                     "--tmx-lang: expected the Russian and the English language tags, "
                     "comma-separated (e.g. ru-RU,en-US), found '%s'",
                     f->tmx_lang);
      else
        g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                     "--tmx-lang: expected the language tags of %s and %s, comma-separated "
                     "(e.g. %s-XX,%s-XX), found '%s'",
                     l1, l2, l1, l2, f->tmx_lang);
      return FALSE;
    }
    /* Valid tags are at most 35 bytes. */
    g_strlcpy (f->tmx_tags[0], first, sizeof f->tmx_tags[0]);
    g_strlcpy (f->tmx_tags[1], comma + 1, sizeof f->tmx_tags[1]);
    f->tmx.ru_lang = f->tmx_tags[0];
    f->tmx.en_lang = f->tmx_tags[1];
  }
  if (epoch != NULL && *epoch != '\0') {
    char *end = NULL;
    gint64 v = g_ascii_strtoll (epoch, &end, 10);
    if (end == NULL || *end != '\0' || v < 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "SOURCE_DATE_EPOCH: expected seconds since 1970, found '%s'", epoch);
      return FALSE;
    }
    f->tmx.creation_date = v;
  }
  return TRUE;
}

gboolean
sverka_cli_formats_check (SverkaCliFormats *f, GError **error)
{
  SverkaJsonlStyle style;
  gboolean known = f->format == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (format_names) && !known; i++)
    known = strcmp (f->format, format_names[i]) == 0;
  if (!known) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--format: expected tsv, tmx, jsonl, ladder, moses, vecalign or xces, found '%s'", f->format);
    return FALSE;
  }
  if (f->jsonl_style != NULL && !sverka_jsonl_style_from_string (f->jsonl_style, &style)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--jsonl-style: expected sverka or hf, found '%s'", f->jsonl_style);
    return FALSE;
  }
  if (g_strcmp0 (f->format, "moses") == 0
      && (g_strcmp0 (f->output, "-") == 0 || (f->output == NULL && f->out_dir == NULL))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--format moses writes two files, which standard output cannot hold: give "
                 "-o PREFIX to write PREFIX.ru and PREFIX.en, or --out-dir DIR");
    return FALSE;
  }
  if (g_strcmp0 (f->format, "xces") == 0
      && (g_strcmp0 (f->output, "-") == 0 || (f->output == NULL && f->out_dir == NULL))) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--format xces writes three files, which standard output cannot hold: give "
                 "-o FILE to write the link file FILE and the sentence files FILE.ru.xml and "
                 "FILE.en.xml, or --out-dir DIR");
    return FALSE;
  }
  if (!check_tmx (f, error))
    return FALSE;
  if (f->out_dir != NULL && *f->out_dir == '\0') {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--out-dir: expected a folder, found an empty name");
    return FALSE;
  }
  return TRUE;
}

gboolean
sverka_cli_parse_split (const char *value, gboolean *none, GError **error)
{
  *none = value != NULL && strcmp (value, "none") == 0;
  if (value != NULL && !*none && strcmp (value, "sentences") != 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--split: expected sentences or none, found '%s'", value);
    return FALSE;
  }
  return TRUE;
}

gboolean
sverka_cli_parse_min_score (const char *value, double *out, GError **error)
{
  char *end = NULL;
  double v = value != NULL && *value != '\0' ? g_ascii_strtod (value, &end) : NAN;

  if (end == NULL || *end != '\0' || !isfinite (v) || v < 0.0 || v > 1.0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "--min-score: expected a number from 0 to 1 (the least score of the rows to "
                 "keep, e.g. 0.9), found '%s'",
                 value != NULL ? value : "");
    return FALSE;
  }
  *out = v;
  return TRUE;
}

char *
sverka_cli_min_score_message (double min_score, guint64 n_left_out, guint64 n_rows,
                               const char *what)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("--min-score %s: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                          " rows scored less and were left out of %s",
                          g_ascii_formatd (num, sizeof num, "%g", min_score), n_left_out, n_rows,
                          what);
}

gboolean
sverka_cli_formats_need_notes (const SverkaCliFormats *f)
{
  return f->notes != NULL || f->notes_md != NULL || f->notes_jsonl != NULL || f->html != NULL
         || f->out_dir != NULL;
}

gboolean
sverka_cli_formats_need_map (const SverkaCliFormats *f)
{
  return f->html != NULL || f->out_dir != NULL;
}

static void
add (GPtrArray *outputs, char *path, char *text)
{
  SverkaCliOutput *o = g_new (SverkaCliOutput, 1);
  o->path = path;
  o->text = text;
  g_ptr_array_add (outputs, o);
}

static void
output_free (gpointer data)
{
  SverkaCliOutput *o = data;
  g_free (o->path);
  g_free (o->text);
  g_free (o);
}

static char *
in_dir (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* The XCES link file at @path (taken) and its sentence files beside it,
 * PATH.ru.xml and PATH.en.xml (the pair's codes), which it names by their
 * base names. */
static void
add_xces (GPtrArray *outputs, char *path, SverkaAlignment *rows, SverkaDocument *ru,
          SverkaDocument *en)
{
  char *ru_path = g_strconcat (path, ".", sverka_document_get_language_code (ru), ".xml", NULL);
  char *en_path = g_strconcat (path, ".", sverka_document_get_language_code (en), ".xml", NULL);
  g_autofree char *ru_base = g_path_get_basename (ru_path);
  g_autofree char *en_base = g_path_get_basename (en_path);

  add (outputs, path, sverka_write_xces (rows, ru, en, ru_base, en_base));
  add (outputs, ru_path, sverka_write_xces_sentences (ru));
  add (outputs, en_path, sverka_write_xces_sentences (en));
}

GPtrArray *
sverka_cli_formats_render (const SverkaCliFormats *f,
                            SverkaAlignment *al,
                            SverkaNotes *notes,
                            SverkaSimMap *map,
                            SverkaDocument *ru,
                            SverkaDocument *en,
                            guint *n_left_out)
{
  GPtrArray *outputs = g_ptr_array_new_with_free_func (output_free);
  SverkaJsonlStyle style = SVERKA_JSONL_SVERKA;
  const char *format = f->format != NULL ? f->format : "tsv";
  /* The rows of the formats that feed translation memories and corpora:
   * with --min-score, only those scoring enough. */
  g_autoptr (SverkaAlignment) kept = f->filter ? sverka_alignment_filter (al, f->min_score,
                                                                          n_left_out)
                                               : NULL;
  SverkaAlignment *rows = kept != NULL ? kept : al;
  /* the Moses files' extensions: .ru and .en, the pair's codes */
  g_autofree char *ru_ext = g_strconcat (".", sverka_document_get_language_code (ru), NULL);
  g_autofree char *en_ext = g_strconcat (".", sverka_document_get_language_code (en), NULL);

  if (!f->filter && n_left_out != NULL)
    *n_left_out = 0;
  if (f->jsonl_style != NULL)
    sverka_jsonl_style_from_string (f->jsonl_style, &style);

  if (notes != NULL) {
    if (f->notes != NULL)
      add (outputs, g_strdup (f->notes), sverka_write_notes_tsv (notes, ru, en));
    if (f->notes_md != NULL)
      add (outputs, g_strdup (f->notes_md), sverka_write_notes_md (notes, ru, en));
    if (f->notes_jsonl != NULL)
      add (outputs, g_strdup (f->notes_jsonl), sverka_write_notes_jsonl (notes, ru, en));
  }
  if (f->html != NULL)
    add (outputs, g_strdup (f->html), sverka_write_html (al, notes, map, ru, en));

  if (f->out_dir != NULL) {
    const char *d = f->out_dir;
    g_autofree char *moses_ru = g_strconcat ("alignment", ru_ext, NULL);
    g_autofree char *moses_en = g_strconcat ("alignment", en_ext, NULL);
    add (outputs, in_dir (d, "alignment.tsv"), sverka_write_tsv (rows, ru, en));
    add (outputs, in_dir (d, "alignment.tmx"), sverka_write_tmx_with_options (rows, ru, en, &f->tmx));
    add (outputs, in_dir (d, "alignment.jsonl"), sverka_write_jsonl (rows, ru, en, style));
    add (outputs, in_dir (d, "alignment.ladder"), sverka_write_ladder (al, ru, en));
    add (outputs, in_dir (d, "alignment.vecalign"), sverka_write_vecalign (rows, ru, en));
    add_xces (outputs, in_dir (d, "alignment.xces"), rows, ru, en);
    add (outputs, in_dir (d, moses_ru), sverka_write_moses (rows, ru, en, SVERKA_LANGUAGE_RU));
    add (outputs, in_dir (d, moses_en), sverka_write_moses (rows, ru, en, SVERKA_LANGUAGE_EN));
    if (notes != NULL) {
      add (outputs, in_dir (d, "notes.tsv"), sverka_write_notes_tsv (notes, ru, en));
      add (outputs, in_dir (d, "notes.jsonl"), sverka_write_notes_jsonl (notes, ru, en));
      add (outputs, in_dir (d, "notes.md"), sverka_write_notes_md (notes, ru, en));
    }
    add (outputs, in_dir (d, "report.html"), sverka_write_html (al, notes, map, ru, en));
    /* With --out-dir, the --format output goes only where -o says. */
    if (f->output == NULL)
      return outputs;
  }

  if (strcmp (format, "xces") == 0) {
    add_xces (outputs, g_strdup (f->output), rows, ru, en);
  } else if (strcmp (format, "moses") == 0) {
    add (outputs, g_strconcat (f->output, ru_ext, NULL),
         sverka_write_moses (rows, ru, en, SVERKA_LANGUAGE_RU));
    add (outputs, g_strconcat (f->output, en_ext, NULL),
         sverka_write_moses (rows, ru, en, SVERKA_LANGUAGE_EN));
  } else {
    char *text;
    if (strcmp (format, "tmx") == 0)
      text = sverka_write_tmx_with_options (rows, ru, en, &f->tmx);
    else if (strcmp (format, "jsonl") == 0)
      text = sverka_write_jsonl (rows, ru, en, style);
    else if (strcmp (format, "ladder") == 0)
      text = sverka_write_ladder (al, ru, en);
    else if (strcmp (format, "vecalign") == 0)
      text = sverka_write_vecalign (rows, ru, en);
    else
      text = sverka_write_tsv (rows, ru, en);
    add (outputs, is_stdout (f->output) ? NULL : g_strdup (f->output), text);
  }
  return outputs;
}
