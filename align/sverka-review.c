/* sverka-review.c: reading a review file (see sverka-review.h). */
#include "sverka-review.h"

#include <stdlib.h>
#include <string.h>

#include "sverka-document-private.h"
#include "sverka-error.h"
#include "sverka-json-private.h"
#include "sverka-language-pack-private.h"

/* A review file of more lines than this is no review of a document pair. */
#define MAX_LINES 10000000u

typedef struct {
  guint report; /* 0-based */
  guint first;  /* into links */
  guint n;
  guint line;   /* 1-based, for the messages */
} Decision;

struct _SverkaReview {
  char *name;
  SverkaLanguage report; /* FIRST or SECOND: a side of code[] */
  char code[2][4];  /* the languages' codes, in the header's order, or the
                     * pair's once sverka_review_check() has matched them */
  guint n_sents[2]; /* by code */
  char *digest[2];
  guint header_line;
  GArray *decisions; /* Decision, by report sentence, one each */
  GArray *links;     /* guint, 0-based */
};

void
sverka_review_free (SverkaReview *review)
{
  if (review == NULL)
    return;
  g_free (review->name);
  g_free (review->digest[0]);
  g_free (review->digest[1]);
  g_array_unref (review->decisions);
  g_array_unref (review->links);
  g_free (review);
}

static gboolean
bad_line (SverkaReview *rv, guint line, GError **error, const char *what)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
               "%s: line %u: %s; a review file is what the HTML report's review editor "
               "exports (see `sverka align --help`, --review)",
               rv->name, line, what);
  return FALSE;
}

/* A positive integer of at most 9 digits, as JSON writes it. */
static gboolean
parse_count (const char *s, gsize len, guint *out)
{
  guint v = 0;
  if (len == 0 || len > 9 || s[0] == '0')
    return len == 1 && s[0] == '0' && (*out = 0, TRUE);
  for (gsize k = 0; k < len; k++) {
    if (s[k] < '0' || s[k] > '9')
      return FALSE;
    v = v * 10 + (guint) (s[k] - '0');
  }
  *out = v;
  return TRUE;
}

static const SverkaJsonMember *
number_member (GPtrArray *members, const char *key, guint *out)
{
  const SverkaJsonMember *m = sverka_json_find (members, key);
  if (m == NULL || m->string || !parse_count (m->value, m->value_len, out))
    return NULL;
  return m;
}

/* Parses the JSON array @s of sentence ids (1-based) into @links, 0-based.
 * Returns: FALSE when it is not an array of positive integers. */
static gboolean
parse_ids (const char *s, gsize len, GArray *links)
{
  gsize i = 0;
  gboolean want_value = TRUE, first = TRUE;

#define SKIP_SPACE()                                                                  \
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) \
    i++
  SKIP_SPACE ();
  if (i >= len || s[i] != '[')
    return FALSE;
  i++;
  for (;;) {
    SKIP_SPACE ();
    if (i >= len)
      return FALSE;
    if (s[i] == ']' && (first || !want_value)) {
      i++;
      break;
    }
    if (!want_value) {
      if (s[i] != ',')
        return FALSE;
      i++;
      want_value = TRUE;
      continue;
    }
    {
      gsize start = i;
      guint v;
      while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
      if (!parse_count (s + start, i - start, &v) || v == 0)
        return FALSE;
      v--;
      g_array_append_val (links, v);
    }
    want_value = FALSE;
    first = FALSE;
  }
  SKIP_SPACE ();
#undef SKIP_SPACE
  return i == len;
}

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* If @key is "<code>_sentences" or "<code>_sha256", the length of its
 * "<code>" part (valid or not); else 0. */
static gsize
code_key (const char *key, const char **suffix)
{
  static const char *const suffixes[] = { "_sentences", "_sha256" };
  gsize len = strlen (key);
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++) {
    gsize n = strlen (suffixes[k]);
    if (len > n && strcmp (key + len - n, suffixes[k]) == 0) {
      if (suffix != NULL)
        *suffix = suffixes[k];
      return len - n;
    }
  }
  return 0;
}

/* The header names the two languages by their codes, as the language packs
 * are named (sverka_language_code_valid()): "<code>_sentences" and
 * "<code>_sha256" for each, "report" one of them. */
static gboolean
parse_header (SverkaReview *rv, GPtrArray *members, guint line, GError **error)
{
  const SverkaJsonMember *m = sverka_json_find (members, "sverka_review");
  guint version, n_codes = 0;

  if (m == NULL)
    return bad_line (rv, line, error, "expected the header, {\"sverka_review\":1,...}");
  if (m->string || !parse_count (m->value, m->value_len, &version) || version != 1)
    return bad_line (rv, line, error,
                     "this sverka reads review files of version 1 only (\"sverka_review\":1)");
  /* The codes, in the order of their sentence counts. */
  for (guint k = 0; k < members->len; k++) {
    const SverkaJsonMember *c = g_ptr_array_index (members, k);
    const char *suffix = NULL;
    gsize n = code_key (c->key, &suffix);
    g_autofree char *code = n > 0 ? g_strndup (c->key, n) : NULL;
    if (n == 0)
      continue;
    if (!sverka_language_code_valid (code)) {
      g_autofree char *what = g_strdup_printf (
          "\"%s\": '%s' is not a language code: expected two or three lower-case letters, "
          "the name of a language pack (ru, en, de, fr)",
          c->key, code);
      return bad_line (rv, line, error, what);
    }
    if (strcmp (suffix, "_sentences") != 0 || (n_codes > 0 && strcmp (rv->code[0], code) == 0)
        || (n_codes > 1 && strcmp (rv->code[1], code) == 0))
      continue;
    if (n_codes == 2) {
      g_autofree char *what = g_strdup_printf (
          "sentence counts for three languages (%s, %s, %s); a review is of one pair, "
          "\"<code>_sentences\" for each of its two languages",
          rv->code[0], rv->code[1], code);
      return bad_line (rv, line, error, what);
    }
    g_strlcpy (rv->code[n_codes++], code, sizeof rv->code[0]);
  }
  if (n_codes < 2) {
    g_autofree char *what = g_strdup_printf (
        "expected the sentence counts of the pair's two languages by their codes "
        "(\"ru_sentences\" and \"en_sentences\", \"de_sentences\" and \"fr_sentences\"), "
        "found %s",
        n_codes == 0 ? "none" : "one");
    return bad_line (rv, line, error, what);
  }
  /* A digest for a language without a sentence count is an error too. */
  for (guint k = 0; k < members->len; k++) {
    const SverkaJsonMember *c = g_ptr_array_index (members, k);
    const char *suffix = NULL;
    gsize n = code_key (c->key, &suffix);
    if (n > 0 && strcmp (suffix, "_sha256") == 0
        && !(strlen (rv->code[0]) == n && strncmp (c->key, rv->code[0], n) == 0)
        && !(strlen (rv->code[1]) == n && strncmp (c->key, rv->code[1], n) == 0)) {
      g_autofree char *what = g_strdup_printf (
          "\"%s\" names a language that has no sentence count; the pair is %s,%s", c->key,
          rv->code[0], rv->code[1]);
      return bad_line (rv, line, error, what);
    }
  }
  m = sverka_json_find (members, "report");
  if (m == NULL || !m->string
      || (strcmp (m->value, rv->code[0]) != 0 && strcmp (m->value, rv->code[1]) != 0)) {
    g_autofree char *what = g_strdup_printf ("\"report\" must be \"%s\" or \"%s\"",
                                             rv->code[0], rv->code[1]);
    return bad_line (rv, line, error, what);
  }
  rv->report
      = strcmp (m->value, rv->code[0]) == 0 ? SVERKA_LANGUAGE_FIRST : SVERKA_LANGUAGE_SECOND;
  for (guint side = 0; side < 2; side++) {
    g_autofree char *count = g_strdup_printf ("%s_sentences", rv->code[side]);
    g_autofree char *digest = g_strdup_printf ("%s_sha256", rv->code[side]);
    gboolean hex = TRUE;
    if (number_member (members, count, &rv->n_sents[side]) == NULL) {
      g_autofree char *what = g_strdup_printf ("\"%s\" must be a sentence count", count);
      return bad_line (rv, line, error, what);
    }
    m = sverka_json_find (members, digest);
    if (m != NULL && m->string && m->value_len == 64)
      for (guint k = 0; k < 64; k++)
        hex = hex && g_ascii_isxdigit (m->value[k]);
    if (m == NULL || !m->string || m->value_len != 64 || !hex) {
      g_autofree char *what = g_strdup_printf ("\"%s\" must be 64 hexadecimal digits", digest);
      return bad_line (rv, line, error, what);
    }
    rv->digest[side] = g_ascii_strdown (m->value, -1);
  }
  rv->header_line = line;
  return TRUE;
}

static gboolean
parse_decision (SverkaReview *rv, GPtrArray *members, guint line, GError **error)
{
  const SverkaJsonMember *m;
  Decision d = { 0, rv->links->len, 0, line };
  guint id;

  if (number_member (members, "report_id", &id) == NULL || id == 0)
    return bad_line (rv, line, error, "\"report_id\" must be a sentence number (from 1)");
  d.report = id - 1;
  m = sverka_json_find (members, "links");
  if (m == NULL || m->string || !parse_ids (m->value, m->value_len, rv->links))
    return bad_line (rv, line, error,
                     "\"links\" must be a list of source sentence numbers (from 1), "
                     "[] for no support");
  /* Ascending, each once. */
  {
    guint n = rv->links->len - d.first, kept = 0;
    guint *ids = n > 0 ? (guint *) (void *) rv->links->data + d.first : NULL;
    if (n > 0)
      qsort (ids, n, sizeof (guint), compare_guint);
    for (guint k = 0; k < n; k++)
      if (kept == 0 || ids[k] != ids[kept - 1])
        ids[kept++] = ids[k];
    g_array_set_size (rv->links, d.first + kept);
    d.n = kept;
  }
  g_array_append_val (rv->decisions, d);
  return TRUE;
}

static int
compare_decisions (gconstpointer a, gconstpointer b)
{
  const Decision *x = a, *y = b;
  if (x->report != y->report)
    return x->report < y->report ? -1 : 1;
  /* The later line wins: it comes first, the others are dropped. */
  return x->line > y->line ? -1 : x->line < y->line;
}

SverkaReview *
sverka_review_new_from_data (const char *data, gsize len, const char *name, GError **error)
{
  g_autoptr (SverkaReview) rv = g_new0 (SverkaReview, 1);
  const char *end;
  gsize pos = 0;
  guint line = 0;

  rv->name = g_strdup (name != NULL ? name : "review");
  rv->decisions = g_array_new (FALSE, FALSE, sizeof (Decision));
  rv->links = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!g_utf8_validate_len (data, len, &end)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_ENCODING,
                 "%s: byte %" G_GSIZE_FORMAT ": not UTF-8; a review file is UTF-8 JSON Lines",
                 rv->name, (gsize) (end - data) + 1);
    return NULL;
  }
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    gsize next = nl != NULL ? (gsize) (nl - data) + 1 : len;
    gsize stop = nl != NULL ? (gsize) (nl - data) : len;
    g_autoptr (GPtrArray) members = NULL;
    g_autoptr (GError) local = NULL;
    gboolean blank = TRUE;

    line++;
    if (line > MAX_LINES) {
      bad_line (rv, line, error, "too many lines for a review of two documents");
      return NULL;
    }
    if (stop > pos && data[stop - 1] == '\r')
      stop--;
    for (gsize k = pos; k < stop && blank; k++)
      blank = data[k] == ' ' || data[k] == '\t';
    if (blank) {
      pos = next;
      continue;
    }
    members = sverka_json_parse_object (data + pos, stop - pos, &local);
    if (members == NULL) {
      bad_line (rv, line, error, local->message);
      return NULL;
    }
    if (rv->header_line == 0 ? !parse_header (rv, members, line, error)
                             : !parse_decision (rv, members, line, error))
      return NULL;
    pos = next;
  }
  if (rv->header_line == 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: empty: a review file starts with a header line, {\"sverka_review\":1,...}; "
                 "export one from the HTML report's review editor",
                 rv->name);
    return NULL;
  }
  /* One decision per report sentence, the last given. */
  g_array_sort (rv->decisions, compare_decisions);
  {
    guint kept = 0;
    for (guint k = 0; k < rv->decisions->len; k++) {
      Decision *d = &g_array_index (rv->decisions, Decision, k);
      if (kept == 0 || d->report != g_array_index (rv->decisions, Decision, kept - 1).report)
        g_array_index (rv->decisions, Decision, kept++) = *d;
    }
    g_array_set_size (rv->decisions, kept);
  }
  return g_steal_pointer (&rv);
}

SverkaReview *
sverka_review_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &data, &len, &local)) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: cannot read the review file: %s",
                 path, local->message);
    return NULL;
  }
  return sverka_review_new_from_data (data, len, path, error);
}

SverkaLanguage
sverka_review_get_report_language (SverkaReview *review)
{
  return review->report;
}

const char *
sverka_review_get_language_code (SverkaReview *review, SverkaLanguage lang)
{
  g_return_val_if_fail (lang == SVERKA_LANGUAGE_FIRST || lang == SVERKA_LANGUAGE_SECOND, NULL);
  return review->code[lang == SVERKA_LANGUAGE_FIRST ? 0 : 1];
}

char *
sverka_review_digest (SverkaDocument *doc)
{
  gsize len = 0;
  const char *data = sverka_document_get_data (doc, &len);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

gboolean
sverka_review_check (SverkaReview *review, SverkaDocument *ru, SverkaDocument *en, GError **error)
{
  SverkaDocument *docs[2] = { ru, en };
  /* The pair's languages, by the documents' places (not by the language
   * each was loaded as). */
  const char *codes[2] = { sverka_context_get_language_code (ru->ctx, SVERKA_LANGUAGE_FIRST),
                           sverka_context_get_language_code (en->ctx, SVERKA_LANGUAGE_SECOND) };
  const char *names[2] = { sverka_context_lang (ru->ctx, SVERKA_LANGUAGE_FIRST)->pack->name,
                           sverka_context_lang (en->ctx, SVERKA_LANGUAGE_SECOND)->pack->name };
  guint report;

  /* The review's languages onto the documents': the pair's order. */
  if (strcmp (review->code[0], codes[1]) == 0 && strcmp (review->code[1], codes[0]) == 0) {
    char code[4];
    guint n = review->n_sents[0];
    char *digest = review->digest[0];
    memcpy (code, review->code[0], sizeof code);
    memcpy (review->code[0], review->code[1], sizeof code);
    memcpy (review->code[1], code, sizeof code);
    review->n_sents[0] = review->n_sents[1];
    review->n_sents[1] = n;
    review->digest[0] = review->digest[1];
    review->digest[1] = digest;
    review->report = review->report == SVERKA_LANGUAGE_FIRST ? SVERKA_LANGUAGE_SECOND
                                                             : SVERKA_LANGUAGE_FIRST;
  } else if (strcmp (review->code[0], codes[0]) != 0 || strcmp (review->code[1], codes[1]) != 0) {
    g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                 "%s: line %u: the review was made for the pair %s,%s, but %s and %s are "
                 "aligned as %s,%s; align the files the report was made from with --langs %s,%s",
                 review->name, review->header_line, review->code[0], review->code[1],
                 sverka_document_get_name (ru), sverka_document_get_name (en), codes[0],
                 codes[1], review->code[0], review->code[1]);
    return FALSE;
  }
  report = review->report == SVERKA_LANGUAGE_FIRST ? 0 : 1;
  for (guint side = 0; side < 2; side++) {
    guint n = sverka_document_get_n_sentences (docs[side]);
    g_autofree char *digest = sverka_review_digest (docs[side]);
    if (strcmp (digest, review->digest[side]) != 0) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: line %u: the review was made on another %s text than %s (its SHA-256 "
                   "differs); give the files the report was made from",
                   review->name, review->header_line, names[side],
                   sverka_document_get_name (docs[side]));
      return FALSE;
    }
    if (n != review->n_sents[side]) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: line %u: the review was made on %u %s sentences, %s has %u here; "
                   "run with the options the report was made with (--split, --keep-all, "
                   "--paragraphs)",
                   review->name, review->header_line, review->n_sents[side], names[side],
                   sverka_document_get_name (docs[side]), n);
      return FALSE;
    }
  }
  for (guint k = 0; k < review->decisions->len; k++) {
    const Decision *d = &g_array_index (review->decisions, Decision, k);
    guint n_source = review->n_sents[1 - report];
    if (d->report >= review->n_sents[report]) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: line %u: report sentence %u is past the end of the report (%u "
                   "sentences)",
                   review->name, d->line, d->report + 1, review->n_sents[report]);
      return FALSE;
    }
    if (d->n > 0 && g_array_index (review->links, guint, d->first + d->n - 1) >= n_source) {
      g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_FORMAT,
                   "%s: line %u: source sentence %u is past the end of the source (%u "
                   "sentences)",
                   review->name, d->line, g_array_index (review->links, guint, d->first + d->n - 1) + 1,
                   n_source);
      return FALSE;
    }
  }
  return TRUE;
}

guint
sverka_review_get_n_decisions (SverkaReview *review)
{
  return review->decisions->len;
}

const guint *
sverka_review_get_decision (SverkaReview *review, guint i, guint *report, guint *n_links)
{
  const Decision *d = &g_array_index (review->decisions, Decision, i);
  *report = d->report;
  *n_links = d->n;
  return d->n > 0 ? &g_array_index (review->links, guint, d->first) : NULL;
}
