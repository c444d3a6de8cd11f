/* sverka-cli-batch.c: `sverka batch MANIFEST`, aligning many document pairs
 * on a thread pool.
 *
 * The manifest is a TSV of `id<TAB>ru_path<TAB>en_path` (relative paths are
 * taken from the manifest's folder). Each pair is aligned by a worker thread
 * with its own context and the shared lexicon; the worker writes the pair's
 * outputs under OUT/pairs/ atomically (a temporary file, then a rename).
 * The main thread takes the finished pairs back in manifest order and
 * streams their rows into the combined corpus, so memory holds a bounded
 * window of pairs whatever the size of the batch.
 *
 * A pair is complete when every one of its per-pair outputs exists; as each
 * is renamed into place only once written, an existing file is a whole file.
 * With --resume a complete pair is read back from its files instead of being
 * aligned again, and the combined corpus, the failure list and the summary
 * are rebuilt from all pairs, so an interrupted batch is finished, not
 * restarted.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sverka-learn.h"
#include "sverka-pool-private.h"
#include "sverka-cli-formats-private.h"
#include "sverka-cli-private.h"
#include "sverka-write-json-private.h"
#include "sverka-write-xml-private.h"

#define N_KINDS (SVERKA_NOTE_TIME + 1)
#define N_VERDICTS (SVERKA_VERDICT_UNTRANSLATED + 1)
/* A worker makes a fresh context beyond this many cached word forms. */
#define MAX_CACHED_WORDS 400000


/* The outputs of one pair, each a file OUT/pairs/ID.SUFFIX. To add a
 * format, add a writer here: --resume and the summary follow. */
typedef struct _BatchOptions BatchOptions;
static SverkaJsonlStyle batch_jsonl_style (const BatchOptions *opts);
typedef char *(*PairWriter) (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                             SverkaDocument *en, const char *id, const BatchOptions *opts);

static char *
write_pair_tsv (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en,
                const char *id, const BatchOptions *opts)
{
  return sverka_write_tsv (al, ru, en);
}

static char *
write_pair_notes (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                  SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_notes_tsv (notes, ru, en);
}

/* "verdict<TAB>reason", one line: what the two texts are to each other. */
static char *
write_pair_verdict (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                    SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  g_autofree char *reason = g_strdelimit (g_strdup (sverka_alignment_get_verdict_reason (al)),
                                          "\t\n\r", ' ');
  return g_strdup_printf ("%s\t%s\n", sverka_verdict_to_string (sverka_alignment_get_verdict (al)),
                          reason);
}

/* The formats --format adds, each pair's alignment as `sverka align` writes it. */
static char *
write_pair_jsonl (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en,
                  const char *id, const BatchOptions *opts)
{
  return sverka_write_jsonl (al, ru, en, batch_jsonl_style (opts));
}

static char *
write_pair_tmx (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en,
                const char *id, const BatchOptions *opts)
{
  return sverka_write_tmx (al, ru, en);
}

static char *
write_pair_vecalign (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                     SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_vecalign (al, ru, en);
}

static char *
write_pair_moses_ru (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                     SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_moses (al, ru, en, SVERKA_LANGUAGE_RU);
}

static char *
write_pair_moses_en (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                     SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_moses (al, ru, en, SVERKA_LANGUAGE_EN);
}

static char *
write_pair_xces (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru, SverkaDocument *en,
                 const char *id, const BatchOptions *opts)
{
  g_autofree char *ru_file = g_strconcat (id, ".xces.", sverka_document_get_language_code (ru),
                                          ".xml", NULL);
  g_autofree char *en_file = g_strconcat (id, ".xces.", sverka_document_get_language_code (en),
                                          ".xml", NULL);
  return sverka_write_xces (al, ru, en, ru_file, en_file);
}

static char *
write_pair_xces_ru (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                    SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_xces_sentences (ru);
}

static char *
write_pair_xces_en (SverkaAlignment *al, SverkaNotes *notes, SverkaDocument *ru,
                    SverkaDocument *en, const char *id, const BatchOptions *opts)
{
  return sverka_write_xces_sentences (en);
}

typedef struct {
  const char *format; /* the --format name that asks for it; NULL: always */
  const char *suffix; /* "@1" and "@2" stand for the pair's codes: "ru", "en" */
  PairWriter write;
  gboolean needs_notes;
} PairOutput;

/* The TSV is the first: the combined corpus is made from it; the verdict
 * second; the notes, which --no-notes leaves out, third; then the formats
 * of --format, in this order. */
enum { OUTPUT_TSV, OUTPUT_VERDICT, OUTPUT_NOTES };
static const PairOutput pair_outputs[] = {
  { NULL, "tsv", write_pair_tsv, FALSE },
  { NULL, "verdict", write_pair_verdict, FALSE },
  { NULL, "notes.tsv", write_pair_notes, TRUE },
  { "jsonl", "jsonl", write_pair_jsonl, FALSE },
  { "tmx", "tmx", write_pair_tmx, FALSE },
  { "vecalign", "vecalign", write_pair_vecalign, FALSE },
  { "moses", "@1", write_pair_moses_ru, FALSE },
  { "moses", "@2", write_pair_moses_en, FALSE },
  { "xces", "xces", write_pair_xces, FALSE },
  { "xces", "xces.@1.xml", write_pair_xces_ru, FALSE },
  { "xces", "xces.@2.xml", write_pair_xces_en, FALSE },
};

/* The formats batch writes besides the TSV, each per pair and, but
 * vecalign, combined into OUT/corpus.FORMAT. */
static const char *const batch_formats[] = { "tsv", "jsonl", "tmx", "vecalign", "moses", "xces" };

struct _BatchOptions {
  SverkaCliRunOptions run;
  char *out_dir;
  gboolean resume;
  gboolean learn;
  char *learned_lexicon;
  gboolean filter; /* --min-score: corpus.tsv keeps the rows scoring min_score or more */
  double min_score;
  char *format;    /* --format LIST, comma-separated */
  gboolean formats[G_N_ELEMENTS (batch_formats)]; /* asked for, by batch_formats */
  char *shard;     /* --shard K/N */
  guint shard_k;   /* 1-based */
  guint shard_n;   /* 0: no --shard */
  char *jsonl_style_name;       /* --jsonl-style */
  SverkaJsonlStyle jsonl_style; /* the shape of the jsonl outputs */
};

static SverkaJsonlStyle
batch_jsonl_style (const BatchOptions *opts)
{
  return opts->jsonl_style;
}

typedef enum {
  PASS_LEARN, /* align and count for learning; no outputs */
  PASS_OUTPUT,
} Pass;

/* What the workers share (read only while they run). */
typedef struct {
  const BatchOptions *opts;
  SverkaLexicon *lex;
  SverkaMode mode;
  Pass pass;
  char *pairs_dir;
  GPtrArray *outputs; /* const PairOutput *: the per-pair files, TSV first */
  SverkaLearnOptions learn_opts;
  guint64 lo, hi; /* the pairs of this run, in manifest order (--shard) */
  char codes[2][4]; /* the pair's language codes: "ru", "en" */
} Shared;

typedef struct {
  guint line; /* in the manifest */
  char *id;
  char *ru_path;
  char *en_path;
  gboolean resumed; /* complete: read back, not aligned */
  /* Results. */
  gboolean failed;
  gboolean output_failed;
  char *error;
  int exit_code;
  char *rows; /* the combined corpus rows */
  guint n_ru, n_en, n_beads;
  guint n_left_out; /* rows --min-score left out of the corpus */
  SverkaVerdict verdict;
  char *verdict_line; /* "verdict<TAB>reason\n" */
  guint notes[N_KINDS];
  SverkaLearner *learner;
} Job;

static void
job_free (Job *job)
{
  g_free (job->id);
  g_free (job->ru_path);
  g_free (job->en_path);
  g_free (job->error);
  g_free (job->rows);
  g_free (job->verdict_line);
  g_clear_pointer (&job->learner, sverka_learner_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static gboolean
format_asked (const BatchOptions *opts, const char *format)
{
  for (guint f = 0; f < G_N_ELEMENTS (batch_formats); f++)
    if (strcmp (batch_formats[f], format) == 0)
      return opts->formats[f];
  return FALSE;
}

/* The per-pair outputs of this run: the TSV, the verdict, the notes (not
 * with --no-notes), then those of --format. */
static GPtrArray *
active_outputs (const BatchOptions *opts)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint k = 0; k < G_N_ELEMENTS (pair_outputs); k++) {
    const PairOutput *o = &pair_outputs[k];
    if ((o->needs_notes && opts->run.no_notes)
        || (o->format != NULL && !format_asked (opts, o->format)))
      continue;
    g_ptr_array_add (out, (gpointer) o);
  }
  return out;
}

static const PairOutput *
output_at (const Shared *sh, guint k)
{
  return g_ptr_array_index (sh->outputs, k);
}

/* The suffix of @o with "@1" and "@2" replaced by the pair's codes.
 * Returns: (transfer full). */
static char *
suffix_of (const Shared *sh, const PairOutput *o)
{
  GString *s = g_string_new (NULL);
  for (const char *p = o->suffix; *p != '\0'; p++) {
    if (p[0] == '@' && (p[1] == '1' || p[1] == '2')) {
      g_string_append (s, sh->codes[p[1] - '1']);
      p++;
    } else {
      g_string_append_c (s, *p);
    }
  }
  return g_string_free (s, FALSE);
}

static char *
pair_path_of (const Shared *sh, const char *id, const PairOutput *o)
{
  g_autofree char *suffix = suffix_of (sh, o);
  g_autofree char *name = g_strdup_printf ("%s.%s", id, suffix);
  return g_build_filename (sh->pairs_dir, name, NULL);
}

static char *
pair_path (const Shared *sh, const char *id, guint output)
{
  return pair_path_of (sh, id, &pair_outputs[output]);
}

/* Writes @len bytes of @text to @path through a temporary file in the same
 * folder and a rename, so that @path is either absent or whole. */
static gboolean
write_atomic (const char *path, const char *text, gsize len, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, base);
  int fd = g_mkstemp (tmp);
  gsize done = 0;

  if (fd < 0) {
    int e = errno;
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot write: %s", path,
                 g_strerror (e));
    return FALSE;
  }
  while (done < len) {
    ssize_t n = write (fd, text + done, len - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int e = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot write: %s", path,
                   g_strerror (e));
      return FALSE;
    }
    done += (gsize) n;
  }
  if (close (fd) != 0 || g_rename (tmp, path) != 0) {
    int e = errno;
    g_unlink (tmp);
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot write: %s", path,
                 g_strerror (e));
    return FALSE;
  }
  return TRUE;
}

/* The score of a row of the parallel TSV (its third field). */
static double
row_score (const char *row)
{
  const char *p = row;
  for (guint field = 0; field < 2 && p != NULL; field++) {
    p = strchr (p, '\t');
    p = p != NULL ? p + 1 : NULL;
  }
  return p != NULL ? g_ascii_strtod (p, NULL) : 0.0;
}

/* The rows of a parallel TSV, each with "ID<TAB>" in front; with --min-score
 * only those scoring enough, the others counted in *@n_left_out. */
static char *
corpus_rows (const BatchOptions *opts, const char *id, const char *tsv, guint *n_left_out)
{
  GString *out = g_string_new (NULL);
  const char *p = strchr (tsv, '\n');

  *n_left_out = 0;
  p = p != NULL ? p + 1 : tsv + strlen (tsv);
  while (*p != '\0') {
    const char *end = strchr (p, '\n');
    gsize n = end != NULL ? (gsize) (end - p + 1) : strlen (p);
    if (opts->filter && row_score (p) < opts->min_score) {
      (*n_left_out)++;
      p += n;
      continue;
    }
    g_string_append (out, id);
    g_string_append_c (out, '\t');
    g_string_append_len (out, p, (gssize) n);
    if (end == NULL)
      g_string_append_c (out, '\n');
    p += n;
  }
  return g_string_free (out, FALSE);
}

static guint
max_id (const char *field, gsize len)
{
  guint best = 0;
  g_auto (GStrv) ids = NULL;
  g_autofree char *copy = g_strndup (field, len);

  ids = g_strsplit (copy, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    best = MAX (best, (guint) g_ascii_strtoull (ids[i], NULL, 10));
  return best;
}

/* Counts a complete pair from its files. Every sentence of both sides is in
 * the TSV, so the largest ids are the sentence counts. */
static gboolean
read_back (const Shared *sh, Job *job, GError **error)
{
  g_autofree char *path = pair_path (sh, job->id, OUTPUT_TSV);
  g_autofree char *vpath = pair_path (sh, job->id, OUTPUT_VERDICT);
  g_autofree char *tsv = NULL;
  g_autofree char *all_rows = NULL;
  guint none;

  if (!g_file_get_contents (path, &tsv, NULL, error))
    return FALSE;
  all_rows = corpus_rows (&(BatchOptions) { 0 }, job->id, tsv, &none);
  for (const char *p = all_rows; *p != '\0';) {
    const char *end = strchr (p, '\n');
    g_auto (GStrv) f = g_strsplit (p, "\t", 7);
    job->n_beads++;
    if (g_strv_length (f) >= 6) {
      job->n_ru = MAX (job->n_ru, max_id (f[4], strlen (f[4])));
      job->n_en = MAX (job->n_en, max_id (f[5], strcspn (f[5], "\n")));
    }
    p = end != NULL ? end + 1 : p + strlen (p);
  }
  job->rows = corpus_rows (sh->opts, job->id, tsv, &job->n_left_out);
  if (!g_file_get_contents (vpath, &job->verdict_line, NULL, error))
    return FALSE;
  job->verdict = SVERKA_VERDICT_TRANSLATION;
  for (guint v = 0; v < N_VERDICTS; v++) {
    const char *name = sverka_verdict_to_string (v);
    if (g_str_has_prefix (job->verdict_line, name)
        && job->verdict_line[strlen (name)] == '\t')
      job->verdict = v;
  }
  if (!sh->opts->run.no_notes) {
    g_autofree char *npath = pair_path (sh, job->id, OUTPUT_NOTES);
    g_autofree char *notes = NULL;
    const char *p;
    if (!g_file_get_contents (npath, &notes, NULL, error))
      return FALSE;
    p = strchr (notes, '\n');
    for (p = p != NULL ? p + 1 : ""; *p != '\0';) {
      gsize klen = strcspn (p, "\t\n");
      const char *end = strchr (p, '\n');
      for (guint k = 0; k < N_KINDS; k++) {
        const char *name = sverka_note_kind_to_string (k);
        if (strlen (name) == klen && strncmp (p, name, klen) == 0)
          job->notes[k]++;
      }
      p = end != NULL ? end + 1 : p + strlen (p);
    }
  }
  return TRUE;
}

static gboolean
align_job (SverkaContext *ctx, const Shared *sh, Job *job, GError **error)
{
  SverkaLoadOptions lo;
  g_autoptr (SverkaDocument) ru = NULL;
  g_autoptr (SverkaDocument) en = NULL;
  g_autoptr (SverkaAlignment) al = NULL;
  g_autoptr (SverkaNotes) notes = NULL;
  SverkaAlignOptions ao;
  g_autofree char *tsv = NULL;

  sverka_load_options_init (&lo);
  lo.keep_all = sh->opts->run.keep_all;
  lo.language = SVERKA_LANGUAGE_RU;
  ru = sh->opts->run.split_none ? sverka_document_new_from_lines_file (ctx, job->ru_path, &lo, error)
                                : sverka_document_new_from_file (ctx, job->ru_path, &lo, error);
  if (ru == NULL)
    return FALSE;
  lo.language = SVERKA_LANGUAGE_EN;
  en = sh->opts->run.split_none ? sverka_document_new_from_lines_file (ctx, job->en_path, &lo, error)
                                : sverka_document_new_from_file (ctx, job->en_path, &lo, error);
  if (en == NULL)
    return FALSE;
  sverka_align_options_init (&ao);
  ao.mode = sh->mode;
  al = sverka_align (sh->lex, ru, en, &ao, error);
  if (al == NULL)
    return FALSE;
  job->n_ru = sverka_document_get_n_sentences (ru);
  job->n_en = sverka_document_get_n_sentences (en);
  job->n_beads = sverka_alignment_get_n_beads (al);
  job->verdict = sverka_alignment_get_verdict (al);
  if (sh->pass == PASS_LEARN) {
    job->learner = sverka_learner_new (&sh->learn_opts);
    sverka_learner_add (job->learner, al, ru, en);
    return TRUE;
  }
  if (!sh->opts->run.no_notes) {
    notes = sverka_notes_new (sh->lex, al, ru, en, error);
    if (notes == NULL)
      return FALSE;
    for (guint i = 0; i < sverka_notes_get_n_notes (notes); i++)
      job->notes[sverka_notes_get_note (notes, i)->kind]++;
  }
  /* The TSV last: a pair whose TSV exists has all its files. */
  for (guint k = sh->outputs->len; k > 0; k--) {
    const PairOutput *o = output_at (sh, k - 1);
    g_autofree char *path = pair_path_of (sh, job->id, o);
    g_autofree char *text = o->write (al, notes, ru, en, job->id, sh->opts);
    if (!write_atomic (path, text, strlen (text), error)) {
      job->output_failed = TRUE;
      return FALSE;
    }
    if (o == &pair_outputs[OUTPUT_VERDICT])
      job->verdict_line = g_steal_pointer (&text);
    else if (o == &pair_outputs[OUTPUT_TSV])
      tsv = g_steal_pointer (&text);
  }
  job->rows = corpus_rows (sh->opts, job->id, tsv, &job->n_left_out);
  return TRUE;
}

static void
work (SverkaContext *ctx, gpointer data, gpointer user_data)
{
  Job *job = data;
  const Shared *sh = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  /* without notes no word needs its spelling (a worker's context is
   * used with this one setting throughout) */
  if (sh->opts->run.no_notes)
    sverka_context_set_spelling (ctx, FALSE);
  ok = job->resumed ? read_back (sh, job, &error) : align_job (ctx, sh, job, &error);

  if (!ok) {
    job->failed = TRUE;
    job->error = g_strdup (error->message);
    job->exit_code = job->output_failed ? EXIT_OUTPUT : sverka_cli_exit_code (error);
    if (job->exit_code == EXIT_USAGE)
      job->exit_code = EXIT_INPUT;
  }
}

/* ---- The manifest ---- */

typedef struct {
  char *path;
  char *dir;
  FILE *f;
  guint line;
  gboolean content; /* a line other than a comment was read */
  char *buf;
  size_t cap;
  guint64 index;    /* pairs read so far */
  guint64 lo, hi;   /* only the pairs [lo, hi) in manifest order are returned (--shard) */
} Manifest;

static void
manifest_close (Manifest *m)
{
  if (m->f != NULL)
    fclose (m->f);
  g_free (m->path);
  g_free (m->dir);
  free (m->buf);
  memset (m, 0, sizeof *m);
}

static gboolean
manifest_open (Manifest *m, const char *path, GError **error)
{
  memset (m, 0, sizeof *m);
  m->f = fopen (path, "rb");
  if (m->f == NULL) {
    int e = errno;
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: cannot open the manifest: %s", path, g_strerror (e));
    return FALSE;
  }
  m->path = g_strdup (path);
  m->dir = g_path_get_dirname (path);
  m->hi = G_MAXUINT64;
  return TRUE;
}

static gboolean
id_is_safe (const char *id)
{
  if (id[0] == '\0' || id[0] == '.' || strlen (id) > 200)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* A path of the manifest: relative ones are taken from its folder. */
static char *
manifest_path (const Manifest *m, const char *path)
{
  if (g_path_is_absolute (path) || strcmp (m->dir, ".") == 0)
    return g_strdup (path);
  return g_build_filename (m->dir, path, NULL);
}

/* Reads the next pair; *@job is NULL at the end. */
static gboolean
manifest_next (Manifest *m, Job **job, GError **error)
{
  ssize_t n;

  *job = NULL;
  while ((n = getline (&m->buf, &m->cap, m->f)) >= 0) {
    char *line = m->buf;
    g_auto (GStrv) f = NULL;
    Job *j;
    m->line++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (!g_utf8_validate (line, n, NULL)) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8; the manifest must be UTF-8 text", m->path, m->line);
      return FALSE;
    }
    if (n == 0 || line[0] == '#')
      continue;
    f = g_strsplit (line, "\t", -1);
    if (!m->content && g_strv_length (f) == 3 && strcmp (f[0], "id") == 0) {
      m->content = TRUE;
      continue; /* a header row */
    }
    m->content = TRUE;
    if (g_strv_length (f) != 3 || f[1][0] == '\0' || f[2][0] == '\0') {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s:%u: expected 'id<TAB>ru_path<TAB>en_path', found %u field%s", m->path,
                   m->line, g_strv_length (f), g_strv_length (f) == 1 ? "" : "s");
      return FALSE;
    }
    if (!id_is_safe (f[0])) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s:%u: the id '%s' cannot name a file; use letters, digits, '.', '_' "
                   "and '-' (not first '.'), at most 200 bytes",
                   m->path, m->line, f[0]);
      return FALSE;
    }
    if (m->index++ < m->lo || m->index > m->hi)
      continue; /* another shard's */
    j = g_new0 (Job, 1);
    j->line = m->line;
    j->id = g_strdup (f[0]);
    j->ru_path = manifest_path (m, f[1]);
    j->en_path = manifest_path (m, f[2]);
    *job = j;
    return TRUE;
  }
  if (ferror (m->f)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read", m->path);
    return FALSE;
  }
  return TRUE;
}

/* Checks the whole manifest before any work: fields, ids, duplicates.
 * Returns the number of pairs, or -1 with @error set. */
static gint64
manifest_check (const char *path, GError **error)
{
  Manifest m;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO,
                 "%s: the manifest must be a regular file (it is read once to check it, then "
                 "again to run it); save it to a file first",
                 path);
    return -1;
  }
  if (!manifest_open (&m, path, error))
    return -1;
  for (;;) {
    g_autoptr (Job) job = NULL;
    guint first;
    if (!manifest_next (&m, &job, error)) {
      manifest_close (&m);
      return -1;
    }
    if (job == NULL)
      break;
    first = GPOINTER_TO_UINT (g_hash_table_lookup (ids, job->id));
    if (first != 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_INVALID_ARGUMENT,
                   "%s:%u: the id '%s' is already used on line %u; ids name the output files "
                   "and must be unique",
                   path, job->line, job->id, first);
      manifest_close (&m);
      return -1;
    }
    g_hash_table_insert (ids, g_steal_pointer (&job->id), GUINT_TO_POINTER (job->line));
    n++;
  }
  manifest_close (&m);
  if (n == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_EMPTY,
                 "%s: no pairs; expected lines 'id<TAB>ru_path<TAB>en_path'", path);
    return -1;
  }
  return n;
}

/* ---- Progress ---- */

typedef struct {
  gboolean quiet;
  gboolean tty;
  const char *what;
  gint64 total;
  gint64 done;
  gint64 shown; /* done at the last line printed */
  gint64 resumed;
  guint64 sentences; /* of the pairs aligned in this run */
  gint64 start;
  gint64 last_draw;
  int last_decile;
  gboolean drawn;
} Progress;

static void
format_duration (GString *out, double s)
{
  guint64 t = (guint64) (s + 0.5);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT ":%02u:%02u", t / 3600,
                          (guint) (t / 60 % 60), (guint) (t % 60));
}

static void
progress_show (Progress *p, gboolean final)
{
  gint64 now = g_get_monotonic_time ();
  double elapsed = (double) (now - p->start) / G_USEC_PER_SEC;
  gint64 aligned = p->done - p->resumed;
  int decile = p->total > 0 ? (int) (10 * p->done / p->total) : 10;
  g_autoptr (GString) line = g_string_new (NULL);

  if (p->quiet || (final && !p->tty && p->shown == p->done))
    return;
  if (p->tty ? (!final && now - p->last_draw < G_USEC_PER_SEC / 5)
             : (!final && decile == p->last_decile && now - p->last_draw < 60 * G_USEC_PER_SEC))
    return;
  p->last_draw = now;
  p->last_decile = decile;
  p->shown = p->done;
  if (p->tty) {
    guint width = 24, fill = p->total > 0 ? (guint) (width * p->done / p->total) : width;
    g_string_append (line, "\r[");
    for (guint i = 0; i < width; i++)
      g_string_append_c (line, i < fill ? '#' : '.');
    g_string_append (line, "] ");
  } else {
    g_string_append (line, "sverka batch: ");
  }
  g_string_append_printf (line, "%s%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " pairs",
                          p->what, p->done, p->total);
  if (elapsed > 0)
    g_string_append_printf (line, ", %.0f sentences/s", (double) p->sentences / elapsed);
  if (aligned > 0 && p->done < p->total) {
    g_string_append (line, ", ");
    format_duration (line, elapsed / (double) aligned * (double) (p->total - p->done));
    g_string_append (line, " left");
  } else {
    g_string_append (line, ", ");
    format_duration (line, elapsed);
    g_string_append (line, " elapsed");
  }
  if (p->tty)
    g_string_append (line, "   ");
  if (!p->tty || final)
    g_string_append_c (line, '\n');
  fputs (line->str, stderr);
  fflush (stderr);
  p->drawn = p->tty && !final;
}

/* Prints a line on standard error without breaking the bar. */
static void
progress_message (Progress *p, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
progress_message (Progress *p, const char *fmt, ...)
{
  va_list ap;
  if (p->drawn) {
    fputs ("\r\033[K", stderr);
    p->drawn = FALSE;
  }
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
}

/* ---- The combined corpus in the formats of --format ---- */

/* OUT/corpus.FORMAT (and corpus.en for moses), written to temporary files
 * as the pairs come back in manifest order, from their corpus rows
 * ("ID<TAB>ru<TAB>en<TAB>score<TAB>ru_ids<TAB>en_ids"), so that pairs read
 * back by --resume and pairs aligned now give the same lines; renamed into
 * place at the end with corpus.tsv. */
typedef struct {
  FILE *f[2];
  char *path[2], *tmp[2];
} Combined;

static void
combined_close (Combined *c, gboolean keep, gboolean *ok)
{
  for (guint k = 0; k < 2; k++) {
    if (c->f[k] == NULL)
      continue;
    if (fclose (c->f[k]) != 0)
      *ok = FALSE;
    if (keep && *ok && g_rename (c->tmp[k], c->path[k]) != 0)
      *ok = FALSE;
    if (!keep || !*ok)
      g_unlink (c->tmp[k]);
    c->f[k] = NULL;
  }
  for (guint k = 0; k < 2; k++) {
    g_clear_pointer (&c->path[k], g_free);
    g_clear_pointer (&c->tmp[k], g_free);
  }
}

static gboolean
combined_open (Combined *c, const char *dir, const char *name, guint k)
{
  int fd;
  c->path[k] = g_build_filename (dir, name, NULL);
  c->tmp[k] = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, name);
  fd = g_mkstemp (c->tmp[k]);
  c->f[k] = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (c->f[k] == NULL && fd >= 0)
    close (fd);
  return c->f[k] != NULL;
}

static void
append_json_ids (GString *out, const char *ids)
{
  g_string_append_c (out, '[');
  g_string_append (out, ids);
  g_string_append_c (out, ']');
}

/* One pair's corpus rows in @format, appended to @c; @l1 and @l2 are the
 * pair's codes ("ru", "en"). */
static gboolean
combined_write (Combined *c, const char *format, const char *id, const char *rows,
                SverkaJsonlStyle style, const char *l1, const char *l2)
{
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);

  if (strcmp (format, "xces") == 0) {
    g_string_append (a, "<linkGrp targType=\"s\" fromDoc=\"pairs/");
    sverka_xml_append_escaped (a, id, -1);
    g_string_append_printf (a, ".xces.%s.xml\" toDoc=\"pairs/", l1);
    sverka_xml_append_escaped (a, id, -1);
    g_string_append_printf (a, ".xces.%s.xml\">\n", l2);
  }
  for (guint i = 0; lines[i] != NULL; i++) {
    g_auto (GStrv) f = NULL;
    if (lines[i][0] == '\0')
      continue;
    f = g_strsplit (lines[i], "\t", 6);
    if (g_strv_length (f) != 6)
      continue;
    if (strcmp (format, "jsonl") == 0 && style == SVERKA_JSONL_HF) {
      /* As sverka_write_jsonl() writes the HF style: both sides only. */
      if (f[1][0] == '\0' || f[2][0] == '\0')
        continue;
      g_string_append_printf (a, "{\"translation\": {\"%s\": ", l1);
      sverka_json_append_string (a, f[1]);
      g_string_append_printf (a, ", \"%s\": ", l2);
      sverka_json_append_string (a, f[2]);
      g_string_append (a, "}}\n");
    } else if (strcmp (format, "jsonl") == 0) {
      g_string_append (a, "{\"id\": ");
      sverka_json_append_string (a, id);
      g_string_append_printf (a, ", \"%s\": ", l1);
      sverka_json_append_string (a, f[1]);
      g_string_append_printf (a, ", \"%s\": ", l2);
      sverka_json_append_string (a, f[2]);
      g_string_append_printf (a, ", \"score\": %s, \"%s_ids\": ", f[3], l1);
      append_json_ids (a, f[4]);
      g_string_append_printf (a, ", \"%s_ids\": ", l2);
      append_json_ids (a, f[5]);
      g_string_append (a, "}\n");
    } else if (strcmp (format, "moses") == 0) {
      if (f[1][0] == '\0' || f[2][0] == '\0')
        continue;
      g_string_append_printf (a, "%s\n", f[1]);
      g_string_append_printf (b, "%s\n", f[2]);
    } else if (strcmp (format, "tmx") == 0) {
      if (f[1][0] == '\0' || f[2][0] == '\0')
        continue;
      g_string_append (a, "    <tu>\n      <prop type=\"x-sverka-pair\">");
      sverka_xml_append_escaped (a, id, -1);
      g_string_append_printf (a, "</prop>\n      <prop type=\"x-sverka-score\">%s</prop>\n"
                                 "      <prop type=\"x-sverka-%s-ids\">%s</prop>\n"
                                 "      <prop type=\"x-sverka-%s-ids\">%s</prop>\n"
                                 "      <tuv xml:lang=\"%s\"><seg>",
                              f[3], l1, f[4], l2, f[5], l1);
      sverka_xml_append_escaped (a, f[1], -1);
      g_string_append_printf (a, "</seg></tuv>\n      <tuv xml:lang=\"%s\"><seg>", l2);
      sverka_xml_append_escaped (a, f[2], -1);
      g_string_append (a, "</seg></tuv>\n    </tu>\n");
    } else if (strcmp (format, "xces") == 0) {
      g_strdelimit (f[4], ",", ' ');
      g_strdelimit (f[5], ",", ' ');
      g_string_append_printf (a, "<link xtargets=\"%s;%s\" certainty=\"%s\"/>\n", f[4], f[5],
                              f[3]);
    }
  }
  if (strcmp (format, "xces") == 0)
    g_string_append (a, "</linkGrp>\n");
  if (fwrite (a->str, 1, a->len, c->f[0]) != a->len)
    return FALSE;
  return c->f[1] == NULL || fwrite (b->str, 1, b->len, c->f[1]) == b->len;
}

/* Opens corpus.FORMAT for each format of --format but tsv and vecalign, with
 * its header. */
static gboolean
combined_start (Combined *combined, const BatchOptions *opts, const char *l1, const char *l2)
{
  g_autofree char *moses_1 = g_strconcat ("corpus.", l1, NULL);
  g_autofree char *moses_2 = g_strconcat ("corpus.", l2, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (batch_formats); k++) {
    const char *format = batch_formats[k];
    Combined *c = &combined[k];
    if (!opts->formats[k] || strcmp (format, "tsv") == 0 || strcmp (format, "vecalign") == 0)
      continue;
    if (strcmp (format, "moses") == 0) {
      if (!combined_open (c, opts->out_dir, moses_1, 0)
          || !combined_open (c, opts->out_dir, moses_2, 1))
        return FALSE;
      continue;
    }
    {
      g_autofree char *name = g_strconcat ("corpus.", format, NULL);
      if (!combined_open (c, opts->out_dir, name, 0))
        return FALSE;
    }
    if (strcmp (format, "tmx") == 0)
      fprintf (c->f[0],
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
               "<tmx version=\"1.4\">\n  <header creationtool=\"sverka\" creationtoolversion=\""
               SVERKA_VERSION "\" segtype=\"sentence\" o-tmf=\"sverka\" adminlang=\"en\" "
               "srclang=\"%s\" datatype=\"plaintext\"/>\n  <body>\n",
               l1);
    else if (strcmp (format, "xces") == 0)
      fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!DOCTYPE cesAlign PUBLIC \"-//CES//DTD XML cesAlign//EN\" \"\">\n"
             "<cesAlign version=\"1.0\">\n",
             c->f[0]);
  }
  return TRUE;
}

/* Writes the footers and renames the files into place (@keep), or removes
 * them. */
static gboolean
combined_finish (Combined *combined, gboolean keep)
{
  gboolean ok = TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (batch_formats); k++) {
    Combined *c = &combined[k];
    if (c->f[0] != NULL && strcmp (batch_formats[k], "tmx") == 0)
      fputs ("  </body>\n</tmx>\n", c->f[0]);
    else if (c->f[0] != NULL && strcmp (batch_formats[k], "xces") == 0)
      fputs ("</cesAlign>\n", c->f[0]);
    combined_close (c, keep, &ok);
  }
  return ok;
}

/* ---- Running a pass ---- */

typedef struct {
  guint64 pairs, aligned, resumed, failed;
  guint64 n_ru, n_en, beads;
  guint64 notes[N_KINDS];
  guint64 verdicts[N_VERDICTS];
  guint64 left_out; /* rows --min-score left out of the corpus */
  int exit_code;
} Totals;

typedef struct {
  const Shared *sh;
  const char *manifest;
  Progress *progress;
  Totals *totals;
  FILE *corpus;   /* PASS_OUTPUT */
  Combined *combined; /* PASS_OUTPUT: corpus.FORMAT of --format, by batch_formats */
  GString *failures;
  GString *verdicts; /* PASS_OUTPUT: verdicts.tsv */
  SverkaLearner *learner; /* PASS_LEARN */
  gboolean abort;
  char *abort_message;
  int abort_code;
} Sink;

static void
take (Sink *s, Job *job)
{
  Totals *t = s->totals;

  t->pairs++;
  s->progress->done++;
  if (job->failed) {
    g_autofree char *msg = g_strdelimit (g_strdup (job->error), "\t\n\r", ' ');
    t->failed++;
    if (job->exit_code != EXIT_INPUT) {
      /* Not the pair's fault (an output that cannot be written, a missing
       * dictionary): the next pairs would fail alike. */
      if (!s->abort) {
        s->abort_message = g_strdup (job->error);
        s->abort_code = job->exit_code;
      }
      s->abort = TRUE;
    } else if (s->sh->pass == PASS_OUTPUT) {
      progress_message (s->progress, "sverka batch: %s:%u: pair %s skipped: %s\n",
                        s->manifest, job->line, job->id, job->error);
    }
    if (t->exit_code == EXIT_OK || job->exit_code > t->exit_code)
      t->exit_code = job->exit_code;
    if (s->failures != NULL)
      g_string_append_printf (s->failures, "%s\t%u\t%s\n", job->id, job->line, msg);
  } else {
    if (job->resumed) {
      t->resumed++;
      s->progress->resumed++;
    } else {
      t->aligned++;
      s->progress->sentences += job->n_ru + job->n_en;
    }
    t->n_ru += job->n_ru;
    t->n_en += job->n_en;
    t->beads += job->n_beads;
    t->left_out += job->n_left_out;
    for (guint k = 0; k < N_KINDS; k++)
      t->notes[k] += job->notes[k];
    if (s->verdicts != NULL && job->verdict_line != NULL) {
      t->verdicts[job->verdict]++;
      g_string_append_printf (s->verdicts, "%s\t%s", job->id, job->verdict_line);
    }
    if (s->corpus != NULL && job->rows != NULL && fputs (job->rows, s->corpus) == EOF
        && !s->abort) {
      s->abort = TRUE;
      s->abort_code = EXIT_OUTPUT;
    }
    for (guint k = 0; s->combined != NULL && job->rows != NULL && k < G_N_ELEMENTS (batch_formats);
         k++) {
      if (s->combined[k].f[0] != NULL
          && !combined_write (&s->combined[k], batch_formats[k], job->id, job->rows,
                             s->sh->opts->jsonl_style, s->sh->codes[0], s->sh->codes[1])
          && !s->abort) {
        s->abort = TRUE;
        s->abort_code = EXIT_OUTPUT;
      }
    }
    if (s->learner != NULL && job->learner != NULL)
      sverka_learner_merge (s->learner, job->learner);
  }
  progress_show (s->progress, FALSE);
  job_free (job);
}

static gboolean
pair_complete (const Shared *sh, const char *id)
{
  for (guint k = 0; k < sh->outputs->len; k++) {
    g_autofree char *path = pair_path_of (sh, id, output_at (sh, k));
    if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
      return FALSE;
  }
  return TRUE;
}

static gboolean
run_pass (SverkaPool *pool, const char *manifest, guint window, Sink *sink, GError **error)
{
  Manifest m;
  Job *job;

  if (!manifest_open (&m, manifest, error))
    return FALSE;
  m.lo = sink->sh->lo;
  m.hi = sink->sh->hi;
  for (;;) {
    if (sink->abort)
      break;
    if (!manifest_next (&m, &job, error)) {
      manifest_close (&m);
      while ((job = sverka_pool_pop (pool, TRUE)) != NULL)
        job_free (job);
      return FALSE;
    }
    if (job == NULL)
      break;
    if (sink->sh->pass == PASS_OUTPUT && sink->sh->opts->resume
        && pair_complete (sink->sh, job->id))
      job->resumed = TRUE;
    sverka_pool_push (pool, job);
    while ((job = sverka_pool_pop (pool, sverka_pool_get_n_pending (pool) >= window)) != NULL)
      take (sink, job);
  }
  manifest_close (&m);
  while ((job = sverka_pool_pop (pool, TRUE)) != NULL)
    take (sink, job);
  progress_show (sink->progress, TRUE);
  return TRUE;
}

static void
write_summary (GString *out, const Totals *t, double seconds, guint learned)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out,
                          "pairs\t%" G_GUINT64_FORMAT "\naligned\t%" G_GUINT64_FORMAT
                          "\nresumed\t%" G_GUINT64_FORMAT "\nfailed\t%" G_GUINT64_FORMAT
                          "\nsentences_ru\t%" G_GUINT64_FORMAT "\nsentences_en\t%" G_GUINT64_FORMAT
                          "\nbeads\t%" G_GUINT64_FORMAT "\n",
                          t->pairs, t->aligned, t->resumed, t->failed, t->n_ru, t->n_en,
                          t->beads);
  for (guint k = 0; k < N_KINDS; k++)
    g_string_append_printf (out, "notes_%s\t%" G_GUINT64_FORMAT "\n",
                            sverka_note_kind_to_string (k), t->notes[k]);
  for (guint v = 0; v < N_VERDICTS; v++)
    g_string_append_printf (out, "verdict_%s\t%" G_GUINT64_FORMAT "\n",
                            sverka_verdict_to_string (v), t->verdicts[v]);
  g_string_append_printf (out, "corpus_rows_left_out\t%" G_GUINT64_FORMAT "\n", t->left_out);
  g_string_append_printf (out, "learned_entries\t%u\n", learned);
  g_string_append_printf (out, "seconds\t%s\n",
                          g_ascii_formatd (num, sizeof num, "%.1f", seconds));
}

static int
run_batch (const BatchOptions *opts, const char *manifest)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dict_dir = sverka_cli_find_dictionary_dir (opts->run.dict_dir);
  SverkaContextOptions co;
  g_auto (GStrv) langs = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaLexicon) lex = NULL;
  g_autoptr (SverkaPool) pool = NULL;
  g_autoptr (SverkaLearner) learner = NULL;
  g_autoptr (GString) failures = g_string_new ("id\tline\terror\n");
  g_autoptr (GString) verdicts = g_string_new ("id\tverdict\treason\n");
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *corpus_path = NULL;
  g_autofree char *corpus_tmp = NULL;
  g_autoptr (GPtrArray) outputs = NULL;
  Combined combined[G_N_ELEMENTS (batch_formats)];
  Shared sh = { 0 };
  Totals totals = { 0 };
  Progress progress = { 0 };
  Sink sink = { 0 };
  gint64 n_pairs, start = g_get_monotonic_time ();
  guint threads = opts->run.jobs > 0 ? (guint) opts->run.jobs : g_get_num_processors ();
  guint window = 4 * threads + 4, learned = 0;
  int fd;
  FILE *corpus;
  double seconds;

  memset (combined, 0, sizeof combined);
  sh.opts = opts;
  outputs = active_outputs (opts);
  sh.outputs = outputs;
  sverka_learn_options_init (&sh.learn_opts);
  if (opts->run.mode != NULL && !sverka_mode_from_string (opts->run.mode, &sh.mode)) {
    fprintf (stderr, "sverka batch: --mode: expected auto, parallel or comparable, found '%s'\n",
             opts->run.mode);
    return EXIT_USAGE;
  }
  n_pairs = manifest_check (manifest, &error);
  if (n_pairs < 0) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    return EXIT_INPUT;
  }
  /* --shard K/N: the K-th of N runs of consecutive pairs, so that the
   * shards' corpora, concatenated in shard order, are the whole batch's. */
  sh.lo = 0;
  sh.hi = (guint64) n_pairs;
  if (opts->shard_n > 0) {
    sh.lo = (guint64) n_pairs * (opts->shard_k - 1) / opts->shard_n;
    sh.hi = (guint64) n_pairs * opts->shard_k / opts->shard_n;
    n_pairs = (gint64) (sh.hi - sh.lo);
  }
  sh.pairs_dir = g_build_filename (opts->out_dir, "pairs", NULL);
  if (g_mkdir_with_parents (sh.pairs_dir, 0777) != 0) {
    int e = errno;
    fprintf (stderr, "sverka batch: %s: cannot make the folder: %s\n", sh.pairs_dir,
             g_strerror (e));
    g_free (sh.pairs_dir);
    return EXIT_OUTPUT;
  }
  sverka_context_options_init (&co);
  co.dictionary_dir = dict_dir;
  co.hunspell_dir = sverka_cli_hunspell_dir (opts->run.hunspell_dir);
  if (opts->run.langs != NULL) {
    langs = g_strsplit (opts->run.langs, ",", -1);
    if (g_strv_length (langs) != 2) {
      fprintf (stderr, "sverka batch: --langs: expected two language codes separated by a comma "
                       "(de,fr), found '%s'\n",
               opts->run.langs);
      g_free (sh.pairs_dir);
      return EXIT_USAGE;
    }
    co.first_language = langs[0];
    co.second_language = langs[1];
  }
  ctx = sverka_context_new (&co, &error);
  if (ctx != NULL) {
    g_strlcpy (sh.codes[0], sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_FIRST),
               sizeof sh.codes[0]);
    g_strlcpy (sh.codes[1], sverka_context_get_language_code (ctx, SVERKA_LANGUAGE_SECOND),
               sizeof sh.codes[1]);
    lex = sverka_cli_load_lexicons (ctx, opts->run.lexicons, opts->run.quiet, &error);
  }
  if (lex != NULL)
    pool = sverka_pool_new (&co, threads, MAX_CACHED_WORDS, work, &sh, &error);
  if (pool == NULL) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    g_free (sh.pairs_dir);
    return sverka_cli_exit_code (error);
  }
  sh.lex = lex;
  progress.quiet = opts->run.quiet;
  progress.tty = isatty (fileno (stderr));
  progress.total = n_pairs;
  progress.last_decile = -1;
  sink.sh = &sh;
  sink.manifest = manifest;
  sink.progress = &progress;
  sink.totals = &totals;

  if (opts->learn) {
    g_autofree char *text = NULL;
    sh.pass = PASS_LEARN;
    learner = sverka_learner_new (&sh.learn_opts);
    sink.learner = learner;
    progress.what = "first pass: ";
    progress.start = g_get_monotonic_time ();
    if (!run_pass (pool, manifest, window, &sink, &error)) {
      fprintf (stderr, "sverka batch: %s\n", error->message);
      g_free (sh.pairs_dir);
      return EXIT_INPUT;
    }
    if (sink.abort) {
      fprintf (stderr, "sverka batch: %s; the batch stopped\n", sink.abort_message);
      g_free (sink.abort_message);
      g_free (sh.pairs_dir);
      return sink.abort_code;
    }
    text = sverka_learner_learn (learner, lex, &learned, &error);
    if (text == NULL) {
      fprintf (stderr, "sverka batch: learning: %s\n", error->message);
      g_free (sh.pairs_dir);
      return sverka_cli_exit_code (error);
    }
    if (!opts->run.quiet)
      fprintf (stderr, "sverka batch: learned %u lexicon entries from %u confident beads\n",
               learned, sverka_learner_get_n_beads (learner));
    if (opts->learned_lexicon != NULL
        && !write_atomic (opts->learned_lexicon, text, strlen (text), &error)) {
      fprintf (stderr, "sverka batch: %s\n", error->message);
      g_free (sh.pairs_dir);
      return EXIT_OUTPUT;
    }
    memset (&totals, 0, sizeof totals);
    sink.learner = NULL;
    progress.done = progress.resumed = progress.shown = 0;
    progress.sentences = 0;
    progress.last_decile = -1;
  }

  sh.pass = PASS_OUTPUT;
  progress.what = "";
  progress.start = g_get_monotonic_time ();
  corpus_path = g_build_filename (opts->out_dir, "corpus.tsv", NULL);
  corpus_tmp = g_build_filename (opts->out_dir, ".corpus.tsv.tmp-XXXXXX", NULL);
  fd = g_mkstemp (corpus_tmp);
  corpus = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (corpus == NULL) {
    int e = errno;
    fprintf (stderr, "sverka batch: %s: cannot write: %s\n", corpus_path, g_strerror (e));
    if (fd >= 0)
      close (fd);
    g_free (sh.pairs_dir);
    return EXIT_OUTPUT;
  }
  fprintf (corpus, "id\t%s\t%s\tscore\t%s_ids\t%s_ids\n", sh.codes[0], sh.codes[1], sh.codes[0],
           sh.codes[1]);
  if (!combined_start (combined, opts, sh.codes[0], sh.codes[1])) {
    fprintf (stderr, "sverka batch: %s: cannot write the combined corpus\n", opts->out_dir);
    combined_finish (combined, FALSE);
    fclose (corpus);
    g_unlink (corpus_tmp);
    g_free (sh.pairs_dir);
    return EXIT_OUTPUT;
  }
  sink.combined = combined;
  sink.corpus = corpus;
  sink.failures = failures;
  sink.verdicts = verdicts;
  if (!run_pass (pool, manifest, window, &sink, &error)) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    combined_finish (combined, FALSE);
    fclose (corpus);
    g_unlink (corpus_tmp);
    g_free (sh.pairs_dir);
    return EXIT_INPUT;
  }
  g_clear_pointer (&pool, sverka_pool_free);
  if (fclose (corpus) != 0 || sink.abort || !combined_finish (combined, TRUE)) {
    fprintf (stderr, "sverka batch: %s; the batch stopped (--resume goes on from here)\n",
             sink.abort_message != NULL ? sink.abort_message : "cannot write the corpus");
    combined_finish (combined, FALSE);
    g_unlink (corpus_tmp);
    g_free (sink.abort_message);
    g_free (sh.pairs_dir);
    return sink.abort_code != 0 ? sink.abort_code : EXIT_OUTPUT;
  }
  g_free (sh.pairs_dir);
  if (g_rename (corpus_tmp, corpus_path) != 0) {
    int e = errno;
    fprintf (stderr, "sverka batch: %s: cannot write: %s\n", corpus_path, g_strerror (e));
    g_unlink (corpus_tmp);
    return EXIT_OUTPUT;
  }
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  write_summary (summary, &totals, seconds, learned);
  {
    g_autofree char *fpath = g_build_filename (opts->out_dir, "failed.tsv", NULL);
    g_autofree char *vpath = g_build_filename (opts->out_dir, "verdicts.tsv", NULL);
    g_autofree char *spath = g_build_filename (opts->out_dir, "summary.tsv", NULL);
    if (!write_atomic (fpath, failures->str, failures->len, &error)
        || !write_atomic (vpath, verdicts->str, verdicts->len, &error)
        || !write_atomic (spath, summary->str, summary->len, &error)) {
      fprintf (stderr, "sverka batch: %s\n", error->message);
      return EXIT_OUTPUT;
    }
  }
  if (!opts->run.quiet) {
    fprintf (stderr,
             "sverka batch: %" G_GUINT64_FORMAT " pairs (%" G_GUINT64_FORMAT " aligned, %"
             G_GUINT64_FORMAT " resumed, %" G_GUINT64_FORMAT " failed), %" G_GUINT64_FORMAT
             " + %" G_GUINT64_FORMAT " sentences, %" G_GUINT64_FORMAT " beads",
             totals.pairs, totals.aligned, totals.resumed, totals.failed, totals.n_ru,
             totals.n_en, totals.beads);
    for (guint k = 0; !opts->run.no_notes && k < N_KINDS; k++)
      fprintf (stderr, "%s %s %" G_GUINT64_FORMAT, k == 0 ? ", notes:" : "",
               sverka_note_kind_to_string (k), totals.notes[k]);
    for (guint v = 0; v < N_VERDICTS; v++)
      fprintf (stderr, "%s %s %" G_GUINT64_FORMAT, v == 0 ? "; verdicts:" : "",
               sverka_verdict_to_string (v), totals.verdicts[v]);
    fprintf (stderr, "; %.1f s\n", seconds);
    if (totals.verdicts[SVERKA_VERDICT_UNRELATED] + totals.verdicts[SVERKA_VERDICT_UNTRANSLATED] > 0)
      fprintf (stderr, "sverka batch: warning: %" G_GUINT64_FORMAT " pairs look unrelated and %"
                       G_GUINT64_FORMAT " untranslated; verdicts.tsv lists them, and every bead "
                       "of theirs scores low\n",
               totals.verdicts[SVERKA_VERDICT_UNRELATED],
               totals.verdicts[SVERKA_VERDICT_UNTRANSLATED]);
  }
  /* Not silenced by -q: rows that were asked for are missing. */
  if (opts->filter) {
    g_autofree char *msg = sverka_cli_min_score_message (
        opts->min_score, totals.left_out, totals.beads,
        "corpus.tsv (pairs/ID.tsv keeps every row)");
    fprintf (stderr, "sverka batch: %s\n", msg);
  }
  return totals.failed > 0 ? totals.exit_code : EXIT_OK;
}



/* "jsonl,tmx": the formats of batch_formats, each once. */
static gboolean
parse_formats (const char *list, gboolean *asked)
{
  g_auto (GStrv) names = g_strsplit (list, ",", -1);
  if (names[0] == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++) {
    gboolean known = FALSE;
    for (guint f = 0; f < G_N_ELEMENTS (batch_formats); f++) {
      if (strcmp (names[i], batch_formats[f]) == 0) {
        if (asked[f])
          return FALSE;
        asked[f] = known = TRUE;
      }
    }
    if (!known)
      return FALSE;
  }
  return TRUE;
}

/* "K/N", 1 <= K <= N, both decimal. */
static gboolean
parse_shard (const char *s, guint *k, guint *n)
{
  guint64 a, b;
  char *end = NULL;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  a = g_ascii_strtoull (s, &end, 10);
  if (end == NULL || *end != '/' || !g_ascii_isdigit (end[1]))
    return FALSE;
  b = g_ascii_strtoull (end + 1, &end, 10);
  if (end == NULL || *end != '\0' || a < 1 || b < 1 || a > b || b > G_MAXUINT32)
    return FALSE;
  *k = (guint) a;
  *n = (guint) b;
  return TRUE;
}

int
sverka_cli_batch (int argc, char **argv)
{
  BatchOptions opts = { 0 };
  g_autoptr (GOptionContext) octx = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *split = NULL;
  int rc;
  GOptionEntry entries[] = {
    { "out-dir", 'd', 0, G_OPTION_ARG_FILENAME, &opts.out_dir,
      "Write the outputs into DIR [default: none; required]", "DIR" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &opts.run.jobs,
      "Align N pairs at a time [default: the number of cores]", "N" },
    { "resume", 0, 0, G_OPTION_ARG_NONE, &opts.resume,
      "Read back the pairs whose outputs are complete instead of aligning them [default: off]", NULL },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &opts.run.mode,
      "Alignment mode: auto, parallel or comparable [default: auto]", "MODE" },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &opts.run.no_notes,
      "Do not compute the discrepancy notes [default: off]", NULL },
    { "learn", 0, 0, G_OPTION_ARG_NONE, &opts.learn,
      "Learn lexicon entries from a first pass, then align again with them [default: off]", NULL },
    { "learned-lexicon", 0, 0, G_OPTION_ARG_FILENAME, &opts.learned_lexicon,
      "Save the learned entries to FILE (lexicon format; implies --learn) [default: not saved]", "FILE" },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.run.lexicons,
      "Use this lexicon file instead of the default ones; repeatable [default: ru-en.tsv, "
      "learned-ru-en.tsv and mueller7-ru-en.tsv of the dictionary folder]", "FILE" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      "none: the files are already split, one sentence a line, as with align --split none "
      "[default: sentences]", "HOW" },
    { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.run.keep_all,
      "Do not set aside page furniture [default: off]", NULL },
    { "min-score", 0, 0, G_OPTION_ARG_STRING, &opts.run.min_score,
      "Keep only the rows scoring X or more (0 to 1) in corpus.tsv; pairs/ID.tsv keeps every "
      "row [default: keep every row]", "X" },
    { "dict-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.run.dict_dir,
      "Folder of sverka's dictionaries [default: $SVERKA_DICT_DIR, else the source tree's "
      "when run from the build tree, else " SVERKA_DICT_DIR "]", "DIR" },
    { "hunspell-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.run.hunspell_dir,
      "Folder of the hunspell dictionaries ru_RU, en_US and en_GB [default: "
      "$SVERKA_HUNSPELL_DIR, else " SVERKA_HUNSPELL_DIR "]",
      "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.run.quiet,
      "No progress or notices on standard error (failed pairs are still reported) "
      "[default: off]", NULL },
    { "langs", 0, 0, G_OPTION_ARG_STRING, &opts.run.langs,
      "The two languages of every pair, by the codes of their packs (de,fr), as align "
      "--langs: the corpus's columns and files are named by them, and the notes are those of "
      "the checks that need no Russian or English data [default: ru,en]", "L1,L2" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opts.format,
      "Also write each pair, and the combined corpus, in these formats: a comma-separated "
      "list of jsonl, tmx, vecalign, moses and xces (pairs/ID.FORMAT and corpus.FORMAT; "
      "vecalign per pair only) [default: tsv only]", "LIST" },
    { "jsonl-style", 0, 0, G_OPTION_ARG_STRING, &opts.jsonl_style_name,
      "The shape of the jsonl outputs of --format: sverka (text, score and ids of every row) "
      "or hf ({\"translation\": {\"ru\": ..., \"en\": ...}}, the rows with both sides, as "
      "corpus hubs take them) [default: sverka]", "STYLE" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &opts.shard,
      "Align only the K-th of N runs of consecutive pairs of MANIFEST (a job array's task K), "
      "each shard into its own DIR; the shards' corpus.tsv files, concatenated in order "
      "without their headers, are the whole batch's [default: every pair]", "K/N" },
    { NULL },
  };

  g_set_prgname ("sverka batch");
  octx = g_option_context_new ("MANIFEST");
  g_option_context_set_summary (octx,
                                "Aligns every pair of MANIFEST, a TSV of id<TAB>ru_path<TAB>en_path,\n"
                                "into DIR/pairs/ID.tsv, ID.verdict and ID.notes.tsv, DIR/corpus.tsv,\n"
                                "DIR/verdicts.tsv, DIR/failed.tsv and DIR/summary.tsv.");
  g_option_context_add_main_entries (octx, entries, NULL);
  if (!g_option_context_parse (octx, &argc, &argv, &error)) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    rc = EXIT_USAGE;
  } else if (argc != 2) {
    fprintf (stderr, "sverka batch: expected one MANIFEST, found %d\n", argc - 1);
    rc = EXIT_USAGE;
  } else if (opts.out_dir == NULL) {
    fprintf (stderr, "sverka batch: --out-dir DIR is required\n");
    rc = EXIT_USAGE;
  } else if (opts.run.jobs < 0 || opts.run.jobs > 256) {
    fprintf (stderr, "sverka batch: --jobs: expected 1 to 256, found %d\n", opts.run.jobs);
    rc = EXIT_USAGE;
  } else if (opts.run.min_score != NULL
             && !sverka_cli_parse_min_score (opts.run.min_score, &opts.min_score, &error)) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    rc = EXIT_USAGE;
  } else if (!sverka_cli_parse_split (split, &opts.run.split_none, &error)) {
    fprintf (stderr, "sverka batch: %s\n", error->message);
    rc = EXIT_USAGE;
  } else if (opts.format != NULL && !parse_formats (opts.format, opts.formats)) {
    fprintf (stderr, "sverka batch: --format: expected a comma-separated list of tsv, jsonl, "
                     "tmx, vecalign, moses and xces, found '%s'\n", opts.format);
    rc = EXIT_USAGE;
  } else if (opts.jsonl_style_name != NULL
             && !sverka_jsonl_style_from_string (opts.jsonl_style_name, &opts.jsonl_style)) {
    fprintf (stderr, "sverka batch: --jsonl-style: expected sverka or hf, found '%s'\n",
             opts.jsonl_style_name);
    rc = EXIT_USAGE;
  } else if (opts.shard != NULL && !parse_shard (opts.shard, &opts.shard_k, &opts.shard_n)) {
    fprintf (stderr, "sverka batch: --shard: expected K/N with 1 <= K <= N (e.g. 3/8), found "
                     "'%s'\n", opts.shard);
    rc = EXIT_USAGE;
  } else if (opts.shard != NULL && (opts.learn || opts.learned_lexicon != NULL)) {
    fprintf (stderr, "sverka batch: --shard with --learn: each shard would learn from its own "
                     "pairs only; learn once (--learned-lexicon FILE, unsharded), then give the "
                     "shards --lexicon FILE\n");
    rc = EXIT_USAGE;
  } else {
    opts.filter = opts.run.min_score != NULL;
    opts.learn = opts.learn || opts.learned_lexicon != NULL;
    rc = run_batch (&opts, argv[1]);
  }
  g_free (opts.out_dir);
  g_free (opts.shard);
  g_free (opts.format);
  g_free (opts.jsonl_style_name);
  g_free (opts.run.mode);
  g_free (opts.run.min_score);
  g_strfreev (opts.run.lexicons);
  g_free (opts.run.dict_dir);
  g_free (opts.run.hunspell_dir);
  g_free (opts.run.langs);
  g_free (opts.learned_lexicon);
  return rc;
}
