/* sverka-cli-stream.c: `sverka stream`, JSON Lines in and out.
 *
 * Each input line is a JSON object {"id": ..., "ru": "text", "en": "text"};
 * a side may also be an array of its sentences, ["s1", "s2"] (text already
 * split: sverka_document_new_from_lines(), "" a paragraph break), and
 * --split none takes a string side as one sentence a line;
 * each gives one output line, in input order, flushed at once: the contract
 * of Hadoop Streaming, Spark's RDD.pipe and GNU parallel --pipe. A line that
 * cannot be used gives an error record naming its line number, and the
 * stream goes on. Lines are parsed and aligned on the worker threads.
 *
 * Output record:
 *   {"id":ID,"mode":"parallel","verdict":"translation","verdict_reason":"…",
 *    "beads":[{"ru":"…","en":"…","score":0.953,"ru_ids":[1],"en_ids":[1,2]},…],
 *    "notes":[{"kind":"number","severity":"error","ru_ids":[3],"en_ids":[3],
 *    "message":"…"},…]}
 *   A bead of a moved block has "moved_block": the block's number, from 1 in
 *   row order of the whole alignment.
 * With --min-score X, "beads" holds only the beads scoring X or more (a
 * moved bead keeps its block's number), and "left_out" (after "beads") the
 * number of the others.
 * Error record:
 *   {"id":ID or null,"line":N,"error":"line N: …"}
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sverka-json-private.h"
#include "sverka-write-json-private.h"
#include "sverka-pool-private.h"
#include "sverka-cli-formats-private.h"
#include "sverka-cli-private.h"


typedef struct {
  const SverkaCliRunOptions *opts;
  SverkaLexicon *lex;
  SverkaMode mode;
  gboolean filter; /* --min-score */
  double min_score;
} Shared;

typedef struct {
  guint64 line;
  char *text;
  gsize len;
  char *record; /* the output line, with its newline */
  gboolean failed;
  guint n_rows, n_left_out; /* --min-score */
} Job;

static void
append_id (GString *out, GPtrArray *members)
{
  const SverkaJsonMember *id = members != NULL ? sverka_json_find (members, "id") : NULL;
  /* Echoed as written: it was checked as JSON on the way in. */
  g_string_append (out, id != NULL ? id->raw : "null");
}

static char *
error_record (GPtrArray *members, guint64 line, const char *message)
{
  GString *out = g_string_new ("{\"id\":");
  g_autofree char *msg = g_strdup_printf ("line %" G_GUINT64_FORMAT ": %s", line, message);

  append_id (out, members);
  g_string_append_printf (out, ",\"line\":%" G_GUINT64_FORMAT ",\"error\":", line);
  sverka_json_append_string (out, msg);
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

static const SverkaJsonMember *
text_member (GPtrArray *members, const char *key, GError **error)
{
  const SverkaJsonMember *m = sverka_json_find (members, key);
  if (m == NULL || (!m->string && m->value[0] != '[')) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "expected a member \"%s\": the %s text as a string, or its sentences as an "
                 "array of strings; found %s", key,
                 strcmp (key, "ru") == 0 ? "Russian" : "English",
                 m == NULL ? "none" : m->value);
    return NULL;
  }
  return m;
}

/* A side of a record: a string is the text (already split, one sentence a
 * line, with --split none); an array of strings is its sentences, each one
 * line of a document loaded from lines ("" a paragraph break). */
static SverkaDocument *
load_member (SverkaContext *ctx, const char *name, const SverkaJsonMember *m, gboolean split_none,
             const SverkaLoadOptions *lo, GError **error)
{
  g_autoptr (GString) lines = NULL;
  g_autoptr (GError) local = NULL;

  if (m->string)
    return split_none ? sverka_document_new_from_lines (ctx, name, m->value, m->value_len, lo,
                                                        error)
                      : sverka_document_new_from_data (ctx, name, m->value, m->value_len, lo,
                                                       error);
  lines = g_string_new (NULL);
  if (!sverka_json_parse_string_array (m->value, m->value_len, lines, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                 "%s: the sentences: %s (\"%s\" is a string of text or an array of strings)",
                 name, local->message, name);
    return NULL;
  }
  return sverka_document_new_from_lines (ctx, name, lines->str, lines->len, lo, error);
}

static char *
align_record (SverkaContext *ctx, const Shared *sh, GPtrArray *members, Job *job,
              GError **error)
{
  const SverkaJsonMember *ru_text = text_member (members, "ru", error);
  const SverkaJsonMember *en_text = ru_text != NULL ? text_member (members, "en", error) : NULL;
  SverkaLoadOptions lo;
  SverkaAlignOptions ao;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  g_autoptr (SverkaAlignment) kept = NULL;
  SverkaAlignment *rows;
  GString *out;
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  if (en_text == NULL)
    return NULL;
  sverka_load_options_init (&lo);
  lo.keep_all = sh->opts->keep_all;
  lo.language = SVERKA_LANGUAGE_RU;
  ru = load_member (ctx, "ru", ru_text, sh->opts->split_none, &lo, error);
  if (ru == NULL)
    return NULL;
  lo.language = SVERKA_LANGUAGE_EN;
  en = load_member (ctx, "en", en_text, sh->opts->split_none, &lo, error);
  if (en == NULL)
    return NULL;
  sverka_align_options_init (&ao);
  ao.mode = sh->mode;
  al = sverka_align (sh->lex, ru, en, &ao, error);
  if (al == NULL)
    return NULL;
  if (!sh->opts->no_notes) {
    notes = sverka_notes_new (sh->lex, al, ru, en, error);
    if (notes == NULL)
      return NULL;
  }
  job->n_rows = sverka_alignment_get_n_beads (al);
  if (sh->filter)
    kept = sverka_alignment_filter (al, sh->min_score, &job->n_left_out);
  rows = kept != NULL ? kept : al;
  out = g_string_new ("{\"id\":");
  append_id (out, members);
  g_string_append_printf (out, ",\"mode\":\"%s\",\"verdict\":\"%s\",\"verdict_reason\":",
                          sverka_mode_to_string (sverka_alignment_get_mode (al)),
                          sverka_verdict_to_string (sverka_alignment_get_verdict (al)));
  sverka_json_append_string (out, sverka_alignment_get_verdict_reason (al));
  g_string_append (out, ",\"beads\":[");
  for (guint i = 0; i < sverka_alignment_get_n_beads (rows); i++) {
    const SverkaBead *b = sverka_alignment_get_bead (rows, i);
    g_string_append (out, i > 0 ? ",{\"ru\":" : "{\"ru\":");
    sverka_json_append_text (out, ru, b->ru, b->n_ru);
    g_string_append (out, ",\"en\":");
    sverka_json_append_text (out, en, b->en, b->n_en);
    g_string_append_printf (out, ",\"score\":%s,\"ru_ids\":",
                            g_ascii_formatd (num, sizeof num, "%.3f", b->score));
    sverka_json_append_ids (out, ru, b->ru, b->n_ru);
    g_string_append (out, ",\"en_ids\":");
    sverka_json_append_ids (out, en, b->en, b->n_en);
    if (b->flags & SVERKA_BEAD_MOVED)
      g_string_append_printf (out, ",\"moved_block\":%u", b->moved_block);
    g_string_append_c (out, '}');
  }
  g_string_append (out, "]");
  if (sh->filter)
    g_string_append_printf (out, ",\"left_out\":%u", job->n_left_out);
  g_string_append (out, ",\"notes\":[");
  for (guint i = 0; notes != NULL && i < sverka_notes_get_n_notes (notes); i++) {
    const SverkaNote *n = sverka_notes_get_note (notes, i);
    g_string_append_printf (out, "%s{\"kind\":\"%s\",\"severity\":\"%s\",\"ru_ids\":",
                            i > 0 ? "," : "", sverka_note_kind_to_string (n->kind),
                            sverka_severity_to_string (n->severity));
    sverka_json_append_ids (out, ru, n->ru, n->n_ru);
    g_string_append (out, ",\"en_ids\":");
    sverka_json_append_ids (out, en, n->en, n->n_en);
    g_string_append (out, ",\"message\":");
    sverka_json_append_string (out, n->message);
    g_string_append_c (out, '}');
  }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

static void
work (SverkaContext *ctx, gpointer data, gpointer user_data)
{
  Job *job = data;
  const Shared *sh = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;

  /* without notes no word needs its spelling */
  if (sh->opts->no_notes)
    sverka_context_set_spelling (ctx, FALSE);
  members = sverka_json_parse_object (job->text, job->len, &error);
  if (members != NULL)
    job->record = align_record (ctx, sh, members, job, &error);
  if (job->record == NULL) {
    job->failed = TRUE;
    job->record = error_record (members, job->line, error->message);
  }
  g_clear_pointer (&job->text, g_free);
}

/* Standard input read by hand, so that finished records can be written
 * while waiting for more input. */
typedef struct {
  GString *buf;
  gsize start; /* first byte not yet returned */
  gboolean eof;
  gboolean failed;
} Reader;

/* Returns a line (without its newline) if one is whole in the buffer, or the
 * rest at the end of the input. */
static char *
reader_take_line (Reader *r, gsize *len)
{
  const char *nl = memchr (r->buf->str + r->start, '\n', r->buf->len - r->start);
  gsize end;
  char *line;

  if (nl == NULL && !(r->eof && r->start < r->buf->len))
    return NULL;
  end = nl != NULL ? (gsize) (nl - r->buf->str) : r->buf->len;
  *len = end - r->start;
  if (*len > 0 && r->buf->str[r->start + *len - 1] == '\r')
    (*len)--;
  line = g_strndup (r->buf->str + r->start, *len);
  r->start = nl != NULL ? end + 1 : end;
  if (r->start > 65536 && r->start * 2 > r->buf->len) {
    g_string_erase (r->buf, 0, (gssize) r->start);
    r->start = 0;
  }
  return line;
}

/* Reads more input, waiting at most @timeout_ms (-1: as long as needed). */
static void
reader_fill (Reader *r, int timeout_ms)
{
  char chunk[65536];
  struct pollfd pfd = { .fd = 0, .events = POLLIN };
  ssize_t n;

  if (timeout_ms >= 0 && poll (&pfd, 1, timeout_ms) <= 0)
    return;
  n = read (0, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN))
    return;
  if (n < 0)
    r->failed = TRUE;
  if (n <= 0)
    r->eof = TRUE;
  else
    g_string_append_len (r->buf, chunk, n);
}

typedef struct {
  guint64 errors;
  guint64 rows, left_out; /* --min-score */
} Counts;

static gboolean
emit (Job *job, Counts *counts)
{
  gboolean ok = fputs (job->record, stdout) != EOF && fflush (stdout) == 0;
  if (job->failed)
    counts->errors++;
  counts->rows += job->n_rows;
  counts->left_out += job->n_left_out;
  g_free (job->record);
  g_free (job);
  return ok;
}

static int
run_stream (const SverkaCliRunOptions *opts)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict_dir = sverka_cli_find_dictionary_dir (opts->dict_dir);
  SverkaContextOptions co;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaPool) pool = NULL;
  Shared sh = { opts, NULL, SVERKA_MODE_AUTO };
  Reader r = { g_string_new (NULL), 0, FALSE, FALSE };
  guint threads = opts->jobs > 0 ? (guint) opts->jobs : g_get_num_processors ();
  guint window = 4 * threads + 4;
  guint64 line = 0;
  Counts counts = { 0 };
  gboolean out_ok = TRUE;
  Job *job;

  if (opts->mode != NULL && !sverka_mode_from_string (opts->mode, &sh.mode)) {
    fprintf (stderr, "sverka stream: --mode: expected auto, parallel or comparable, found '%s'\n",
             opts->mode);
    g_string_free (r.buf, TRUE);
    return EXIT_USAGE;
  }
  if (opts->min_score != NULL) {
    if (!sverka_cli_parse_min_score (opts->min_score, &sh.min_score, &error)) {
      fprintf (stderr, "sverka stream: %s\n", error->message);
      g_string_free (r.buf, TRUE);
      return EXIT_USAGE;
    }
    sh.filter = TRUE;
  }
  sverka_context_options_init (&co);
  co.dictionary_dir = dict_dir;
  co.hunspell_dir = sverka_cli_hunspell_dir (opts->hunspell_dir);
  ctx = sverka_context_new (&co, &error);
  if (ctx != NULL)
    lex = sverka_cli_load_lexicons (ctx, opts->lexicons, opts->quiet, &error);
  if (lex != NULL)
    pool = sverka_pool_new (&co, threads, 400000, work, &sh, &error);
  if (pool == NULL) {
    fprintf (stderr, "sverka stream: %s\n", error->message);
    g_string_free (r.buf, TRUE);
    return sverka_cli_exit_code (error);
  }
  sh.lex = lex;
  while (out_ok) {
    gsize len;
    char *text = reader_take_line (&r, &len);
    if (text == NULL) {
      if (r.eof)
        break;
      /* Waiting for input: write what is done meanwhile. */
      while (out_ok && (job = sverka_pool_pop (pool, FALSE)) != NULL)
        out_ok = emit (job, &counts);
      reader_fill (&r, sverka_pool_get_n_pending (pool) > 0 ? 20 : -1);
      continue;
    }
    line++;
    if (len == 0 || strspn (text, " \t") == len) {
      g_free (text);
      continue; /* blank lines are not records */
    }
    job = g_new0 (Job, 1);
    job->line = line;
    job->text = text;
    job->len = len;
    sverka_pool_push (pool, job);
    while (out_ok
           && (job = sverka_pool_pop (pool, sverka_pool_get_n_pending (pool) >= window)) != NULL)
      out_ok = emit (job, &counts);
  }
  while ((job = sverka_pool_pop (pool, TRUE)) != NULL) {
    if (out_ok)
      out_ok = emit (job, &counts);
    else {
      g_free (job->record);
      g_free (job);
    }
  }
  g_string_free (r.buf, TRUE);
  if (r.failed) {
    fprintf (stderr, "sverka stream: standard input: cannot read\n");
    return 3;
  }
  if (!out_ok) {
    fprintf (stderr, "sverka stream: standard output: write failed\n");
    return EXIT_OUTPUT;
  }
  if (!opts->quiet && counts.errors > 0)
    fprintf (stderr, "sverka stream: %" G_GUINT64_FORMAT " of the input lines gave error records\n",
             counts.errors);
  /* Not silenced by -q: rows that were asked for are missing. */
  if (sh.filter) {
    g_autofree char *msg = sverka_cli_min_score_message (
        sh.min_score, counts.left_out, counts.rows,
        "the records' beads (each record's \"left_out\" counts its own)");
    fprintf (stderr, "sverka stream: %s\n", msg);
  }
  return EXIT_OK;
}

int
sverka_cli_stream (int argc, char **argv)
{
  SverkaCliRunOptions opts = { 0 };
  g_autoptr (GOptionContext) octx = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *split = NULL;
  int rc;
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &opts.jobs,
      "Align N records at a time [default: the number of cores]", "N" },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &opts.mode,
      "Alignment mode: auto, parallel or comparable [default: auto]", "MODE" },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &opts.no_notes,
      "Do not compute the discrepancy notes [default: off]", NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.lexicons,
      "Use this lexicon file instead of the default ones; repeatable [default: ru-en.tsv, "
      "learned-ru-en.tsv and mueller7-ru-en.tsv of the dictionary folder]", "FILE" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      "none: a record's texts (strings) are already split, one sentence a line, as with align "
      "--split none; a side given as an array of strings is its sentences whatever this says "
      "[default: sentences]", "HOW" },
    { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all,
      "Do not set aside page furniture [default: off]", NULL },
    { "min-score", 0, 0, G_OPTION_ARG_STRING, &opts.min_score,
      "Keep only the beads scoring X or more (0 to 1) in each record; \"left_out\" counts the "
      "others [default: keep every bead]", "X" },
    { "dict-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.dict_dir,
      "Folder of sverka's dictionaries [default: $SVERKA_DICT_DIR, else the source tree's "
      "when run from the build tree, else " SVERKA_DICT_DIR "]", "DIR" },
    { "hunspell-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.hunspell_dir,
      "Folder of the hunspell dictionaries ru_RU, en_US and en_GB [default: "
      "$SVERKA_HUNSPELL_DIR, else " SVERKA_HUNSPELL_DIR "]",
      "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "No notices on standard error [default: off]", NULL },
    { NULL },
  };

  g_set_prgname ("sverka stream");
  octx = g_option_context_new (NULL);
  g_option_context_set_summary (octx,
                                "Reads JSON Lines {\"id\": ..., \"ru\": \"text\", \"en\": \"text\"} "
                                "on standard input\nand writes one JSON record per line, in "
                                "order, flushed at once.");
  g_option_context_add_main_entries (octx, entries, NULL);
  if (!g_option_context_parse (octx, &argc, &argv, &error)) {
    fprintf (stderr, "sverka stream: %s\n", error->message);
    rc = EXIT_USAGE;
  } else if (argc != 1) {
    fprintf (stderr, "sverka stream: expected no FILE (records come on standard input), "
                     "found %d\n", argc - 1);
    rc = EXIT_USAGE;
  } else if (opts.jobs < 0 || opts.jobs > 256) {
    fprintf (stderr, "sverka stream: --jobs: expected 1 to 256, found %d\n", opts.jobs);
    rc = EXIT_USAGE;
  } else if (!sverka_cli_parse_split (split, &opts.split_none, &error)) {
    fprintf (stderr, "sverka stream: %s\n", error->message);
    rc = EXIT_USAGE;
  } else {
    rc = run_stream (&opts);
  }
  g_free (opts.mode);
  g_free (opts.min_score);
  g_strfreev (opts.lexicons);
  g_free (opts.dict_dir);
  g_free (opts.hunspell_dir);
  return rc;
}
