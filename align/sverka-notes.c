/* sverka-notes.c: discrepancy notes (see the header).
 *
 * Kinds and their evidence:
 * - omission / addition: a bead with one side empty. An error in parallel
 *   mode; in comparable mode a Russian sentence with no support in the
 *   English text is a warning and an English sentence the report does not
 *   cover is information.
 * - number: the values of a bead's numbers differ, however they are written
 *   (sverka-numbers.c). In comparable mode a Russian number is looked for in
 *   the whole English text before it is called missing.
 * - date: an explicit year on one side against a relative one ("this year",
 *   "в этом году") on the other; a warning naming both.
 * - name: a capitalised word inside a sentence, with no match in its bead on
 *   the other side, while the other side has an unmatched name too (one name
 *   put for another). In comparable mode, a Russian name found nowhere in the
 *   English text.
 * - spelling: a word hunspell does not know, and for which hunspell suggests
 *   a word one or two edits away (at most SUGGEST_BUDGET words a side); a
 *   capitalised word only when a known word one edit away stands in the
 *   document ("Azarbaijan" beside "Azerbaijan").
 * - terminology: one name spelled two ways in a document, letters differing
 *   in one place away from the ending ("Zangezur" / "Zangazur").
 * - length: in parallel mode, a 1-1 bead whose length ratio is far outside
 *   what the document's other 1-1 beads show (a partial translation).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sverka-notes.h"
#include "sverka-numbers-private.h"
#include "sverka-score-private.h"
#include "sverka-lexicon-private.h"

/* Lower-case words unknown to hunspell checked for a close suggestion, per
 * side and document. */
#define SUGGEST_BUDGET 100

/* Length notes: a bead's log length ratio at least LENGTH_RATIO from the
 * document's median with most of the longer side unmatched, or at least
 * LENGTH_RUN_RATIO from it with LENGTH_RUN_UNITS words in a row, and
 * LENGTH_RUN_SHARE of the longer sentence's weight, unmatched, while
 * LENGTH_RUN_REST of the shorter sentence and of the rest of the longer one
 * is matched. */
#define LENGTH_RATIO 0.45
#define LENGTH_RUN_RATIO 0.25
#define LENGTH_RUN_SHARE 0.45
#define LENGTH_RUN_UNITS 5
#define LENGTH_RUN_REST 0.6

/* A sentence inside a larger bead whose own evidence (what no other member
 * of its side matches) is at most this share of its weight has no
 * counterpart in the bead. */
#define MEMBER_UNIQUE_SHARE 0.05

typedef struct {
  SverkaNoteKind kind;
  SverkaSeverity severity;
  guint ru_off, n_ru, en_off, n_en;
  guint order; /* row of the TSV the note belongs to */
  guint seq;   /* creation order, for stable sorting */
  char *message;
  guint mark_off, n_marks; /* into SverkaNotes.marks */
} NoteSpan;

struct _SverkaNotes {
  GArray *spans; /* NoteSpan */
  GArray *ids;   /* guint */
  GArray *notes; /* SverkaNote, pointing into ids and spans' messages */
  GArray *marks; /* SverkaNoteMark */
  SverkaVerdict verdict; /* of the alignment checked */
  char *verdict_reason;
};

typedef struct {
  SverkaAlignment *al;
  SverkaDocument *ru, *en;
  SverkaScorer *sc;
  SverkaLexicon *lex; /* may be NULL */
  SverkaNotes *out;
  gboolean parallel;
  guint *ru_row, *en_row; /* row of each sentence */
  GString *buf;
  double doc_year; /* the year of the Russian text's dateline, or 0 */
  gboolean *en_keys; /* per key id: does the English text hold it? */
  /* hunspell's suggestions are slow: at most this many words a side are
   * checked, in text order (en, ru). */
  guint suggest_budget[2];
} Checker;

static const char *const kind_names[] = {
  "number", "date", "name", "omission", "addition", "spelling", "terminology", "length",
};
static const char *const severity_names[] = { "info", "warning", "error" };

const char *
sverka_note_kind_to_string (SverkaNoteKind kind)
{
  return kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : "unknown";
}

const char *
sverka_severity_to_string (SverkaSeverity severity)
{
  return severity < G_N_ELEMENTS (severity_names) ? severity_names[severity] : "unknown";
}

gboolean
sverka_severity_from_string (const char *s, SverkaSeverity *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++) {
    if (g_strcmp0 (s, severity_names[i]) == 0) {
      *out = (SverkaSeverity) i;
      return TRUE;
    }
  }
  return FALSE;
}

static void
add_note (Checker *c, SverkaNoteKind kind, SverkaSeverity severity, const guint *ru, guint n_ru,
          const guint *en, guint n_en, char *message)
{
  NoteSpan span = { kind, severity, c->out->ids->len, n_ru, 0, n_en, 0, c->out->spans->len,
                    message };
  g_array_append_vals (c->out->ids, ru, n_ru);
  span.en_off = c->out->ids->len;
  g_array_append_vals (c->out->ids, en, n_en);
  span.order = n_ru > 0 ? c->ru_row[ru[0]] : n_en > 0 ? c->en_row[en[0]] : 0;
  span.mark_off = c->out->marks->len;
  g_array_append_val (c->out->spans, span);
}

/* Marks the bytes [@start, @end) of the Russian or English text as what the
 * note added last is about. */
static void
add_mark (Checker *c, gboolean russian, gsize start, gsize end)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaNoteMark mark = { russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN, 0, start, end };
  guint lo = 0, hi = sverka_document_get_n_sentences (doc);

  /* The last sentence starting at or before @start. */
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (sverka_document_get_sentence (doc, mid)->start <= start)
      lo = mid;
    else
      hi = mid;
  }
  mark.sentence = lo;
  g_array_append_val (c->out->marks, mark);
  g_array_index (c->out->spans, NoteSpan, c->out->spans->len - 1).n_marks++;
}

static void
add_token_mark (Checker *c, gboolean russian, const SverkaToken *t)
{
  add_mark (c, russian, t->start, t->end);
}

static const char *
token_text (SverkaDocument *doc, const SverkaToken *t, GString *buf)
{
  const char *data = sverka_document_get_data (doc, NULL);
  g_string_assign (buf, "");
  g_string_append_len (buf, data + t->start, (gssize) (t->end - t->start));
  return buf->str;
}

/* ---------------------------------------------------------------------- */
/* Numbers and dates                                                       */

typedef struct {
  double value;
  gboolean from_words_one; /* "one", "один", "second": too common as words to compare */
  gboolean in_words;       /* written without digits ("two", "двадцати") */
  gsize start, end;        /* its span in the text */
} Num;

static void
collect_numbers (SverkaDocument *doc, const guint *sents, guint n, GArray *out)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (SverkaNumber));
  for (guint k = 0; k < n; k++) {
    g_array_set_size (found, 0);
    sverka_numbers_find (doc, sents[k], found);
    for (guint i = 0; i < found->len; i++) {
      const SverkaNumber *num = &g_array_index (found, SverkaNumber, i);
      const SverkaToken *first = sverka_document_get_token (doc, num->first_token);
      const SverkaToken *last = sverka_document_get_token (doc, num->first_token + num->n_tokens - 1);
      const char *data = sverka_document_get_data (doc, NULL);
      gsize len;
      Num x = { num->value, FALSE, !(first->word->flags & SVERKA_WORD_NUMBER), first->start,
                last->end };
      sverka_document_get_data (doc, &len);
      /* Digits joined to a word by a hyphen name a thing ("COP-29",
       * "Су-35", "F-16"): a code, not a quantity. */
      if (!x.in_words && x.start > 1 && data[x.start - 1] == '-'
          && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (data + x.start - 1))))
        continue;
      /* "one", "один", "second", "второй" (also "a second", "во-вторых") are
       * words first and numbers only sometimes. */
      x.from_words_one = (num->value == 1 || (num->ordinal && num->value == 2))
                         && !(first->word->flags & SVERKA_WORD_NUMBER);
      /* A time of day ("18:45") is the publishing time, not a fact. */
      if ((x.end < len && data[x.end] == ':' && g_ascii_isdigit (data[x.end + 1]))
          || (x.start > 1 && data[x.start - 1] == ':' && g_ascii_isdigit (data[x.start - 2])))
        continue;
      g_array_append_val (out, x);
    }
  }
}

/* The numbers of @nums that are compared (not "one" or "second"). */
static guint
n_comparable (GArray *nums)
{
  guint n = 0;
  for (guint i = 0; i < nums->len; i++)
    n += !g_array_index (nums, Num, i).from_words_one;
  return n;
}

static gboolean
all_in_words (GArray *nums)
{
  for (guint i = 0; i < nums->len; i++)
    if (!g_array_index (nums, Num, i).in_words)
      return FALSE;
  return TRUE;
}

static gboolean
has_value (GArray *nums, double v)
{
  for (guint i = 0; i < nums->len; i++)
    if (fabs (g_array_index (nums, Num, i).value - v) < 1e-9)
      return TRUE;
  return FALSE;
}

/* A relative year ("this year", "в этом году") in the sentences? */
static const char *
relative_year (SverkaDocument *doc, const guint *sents, guint n)
{
  static const char *const en[] = { "this year", "last year", "next year", "that year" };
  static const char *const ru[] = { "этом году", "прошлом году", "следующем году", "текущего года",
                                    "прошлого года", "этого года" };
  gboolean russian = sverka_document_get_language (doc) == SVERKA_LANGUAGE_RU;
  for (guint k = 0; k < n; k++) {
    g_autofree char *text = sverka_document_dup_sentence_text (doc, sents[k]);
    g_autofree char *fold = g_utf8_casefold (text, -1);
    const char *const *list = russian ? ru : en;
    guint nl = russian ? G_N_ELEMENTS (ru) : G_N_ELEMENTS (en);
    for (guint i = 0; i < nl; i++)
      if (strstr (fold, list[i]) != NULL)
        return list[i];
  }
  return NULL;
}

/* Marks the first place of @phrase (ASCII, any case) in sentences @sents. */
static void
mark_phrase (Checker *c, gboolean russian, const guint *sents, guint n, const char *phrase)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const char *data = sverka_document_get_data (doc, NULL);
  gsize len = strlen (phrase);

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, sents[k]);
    for (gsize at = s->start; at + len <= s->end; at++) {
      if (g_ascii_strncasecmp (data + at, phrase, len) == 0) {
        add_mark (c, russian, at, at + len);
        return;
      }
    }
  }
}

static gboolean
is_year (double v)
{
  return v >= 1900 && v <= 2100 && v == floor (v);
}

static void
format_value (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

/* A day or a year of a date: a number beside a month's name, or a year. */
static gboolean
in_date (SverkaDocument *doc, const Num *x)
{
  guint n = sverka_document_get_n_tokens (doc);
  guint lo = 0, hi = n;
  const SverkaToken *first, *after;

  if (is_year (x->value))
    return TRUE;
  /* The first token at or after the number's start. */
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (sverka_document_get_token (doc, mid)->start < x->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo >= n)
    return FALSE;
  first = sverka_document_get_token (doc, lo);
  if (lo > 0) {
    const SverkaToken *before = sverka_document_get_token (doc, lo - 1);
    if (before->sentence == first->sentence && sverka_is_month_word (before->word->fold))
      return TRUE;
  }
  while (lo < n && sverka_document_get_token (doc, lo)->start < x->end)
    lo++;
  if (lo >= n)
    return FALSE;
  after = sverka_document_get_token (doc, lo);
  return after->sentence == first->sentence && sverka_is_month_word (after->word->fold);
}

static void
describe_numbers (GString *out, const char *side, SverkaDocument *doc, GArray *nums,
                  GArray *other)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gboolean any = FALSE;
  g_string_append_printf (out, "%s ", side);
  for (guint i = 0; i < nums->len; i++) {
    const Num *x = &g_array_index (nums, Num, i);
    if (x->from_words_one || has_value (other, x->value))
      continue;
    if (any)
      g_string_append (out, ", ");
    g_string_append_len (out, data + x->start, (gssize) (x->end - x->start));
    g_string_append (out, " = ");
    format_value (out, x->value);
    any = TRUE;
  }
  if (!any)
    g_string_append (out, "none");
}

/* Imperial units a translation converts to metric ("30 yards" / "27
 * метрах"): the English word, the Russian unit (a prefix of the folded word,
 * or the whole word for an abbreviation), and what one English unit makes. */
typedef struct {
  const char *en;
  const char *ru;
  double factor;
} UnitConversion;

static const UnitConversion unit_conversions[] = {
  { "mile", "километр", 1.609 }, { "mile", "км", 1.609 }, { "mile", "кв", 2.59 },
  { "yard", "метр", 0.9144 },    { "yard", "м", 0.9144 },  { "feet", "метр", 0.3048 },
  { "foot", "метр", 0.3048 },    { "feet", "м", 0.3048 },  { "foot", "м", 0.3048 },
  { "inch", "сантиметр", 2.54 }, { "inch", "см", 2.54 },   { "inch", "миллиметр", 25.4 },
  { "inch", "мм", 25.4 },        { "pound", "килограмм", 0.4536 }, { "pound", "кг", 0.4536 },
  { "lb", "кг", 0.4536 },        { "ounc", "грамм", 28.35 }, { "acr", "гектар", 0.4047 },
  { "acr", "га", 0.4047 },       { "gallon", "литр", 3.785 },
};

/* Does a word of sentences @sents begin with @prefix (for a prefix of three
 * letters or more) or equal it? */
static gboolean
has_word (SverkaDocument *doc, const guint *sents, guint n, const char *prefix, gboolean stem)
{
  gsize len = strlen (prefix);
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (doc, se->first_token + i)->word;
      const char *f = stem ? w->stem : w->fold;
      if (g_utf8_strlen (prefix, -1) >= 3 ? strncmp (f, prefix, len) == 0 : strcmp (f, prefix) == 0)
        return TRUE;
    }
  }
  return FALSE;
}

/* Drops from @rn and @en the pairs of values that are one quantity in
 * imperial and metric units, when the bead names both units. */
static void
drop_converted (Checker *c, const SverkaBead *b, GArray *rn, GArray *en)
{
  for (guint u = 0; u < G_N_ELEMENTS (unit_conversions); u++) {
    const UnitConversion *uc = &unit_conversions[u];
    if (!has_word (c->en, b->en, b->n_en, uc->en, TRUE)
        || !has_word (c->ru, b->ru, b->n_ru, uc->ru, FALSE))
      continue;
    for (guint i = 0; i < rn->len; i++) {
      double v = g_array_index (rn, Num, i).value;
      for (guint j = 0; j < en->len; j++) {
        double w = g_array_index (en, Num, j).value * uc->factor;
        if (v > 0 && fabs (v - w) <= 0.15 * v && !has_value (en, v)) {
          g_array_remove_index (rn, i);
          g_array_remove_index (en, j);
          i--;
          break;
        }
      }
    }
  }
}

static void
check_numbers (Checker *c, const SverkaBead *b, GArray *en_all)
{
  g_autoptr (GArray) rn = g_array_new (FALSE, FALSE, sizeof (Num));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (Num));
  g_autoptr (GArray) missing_ru = g_array_new (FALSE, FALSE, sizeof (Num));
  gboolean en_missing = FALSE;
  const char *rel;

  collect_numbers (c->ru, b->ru, b->n_ru, rn);
  collect_numbers (c->en, b->en, b->n_en, en);
  if (c->parallel)
    drop_converted (c, b, rn, en);
  rel = relative_year (c->en, b->en, b->n_en);
  for (guint i = 0; i < rn->len; i++) {
    const Num *x = &g_array_index (rn, Num, i);
    if (x->from_words_one || has_value (en, x->value))
      continue;
    if (rel != NULL && is_year (x->value)) {
      g_array_append_val (missing_ru, *x); /* a date note below */
      continue;
    }
    /* A report may take a number from another sentence of the transcript,
     * and gives its own date (the year of its dateline). */
    if (!c->parallel && (has_value (en_all, x->value) || x->value == c->doc_year))
      continue;
    g_array_append_val (missing_ru, *x);
  }
  if (c->parallel) {
    for (guint i = 0; i < en->len; i++) {
      const Num *x = &g_array_index (en, Num, i);
      if (!x->from_words_one && !has_value (rn, x->value))
        en_missing = TRUE;
    }
  }
  if (missing_ru->len == 0 && !en_missing)
    return;

  /* An explicit year against a relative one is a date note. */
  if (rel != NULL) {
    for (guint i = 0; i < missing_ru->len; i++) {
      const Num *x = &g_array_index (missing_ru, Num, i);
      if (is_year (x->value)) {
        GString *msg = g_string_new ("ru ");
        const char *data = sverka_document_get_data (c->ru, NULL);
        g_string_append_len (msg, data + x->start, (gssize) (x->end - x->start));
        g_string_append (msg, " (an explicit year); en \"");
        g_string_append (msg, rel);
        if (c->doc_year > 0 && strstr (rel, "this") != NULL)
          g_string_append_printf (msg, "\" (relative; %s by the document's date %.0f)",
                                  c->doc_year == x->value ? "the same year" : "another year",
                                  c->doc_year);
        else
          g_string_append (msg, "\" (relative): check that they are the same year");
        add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, b->en, b->n_en,
                  g_string_free (msg, FALSE));
        add_mark (c, TRUE, x->start, x->end);
        mark_phrase (c, FALSE, b->en, b->n_en, rel);
        g_array_remove_index (missing_ru, i);
        i--;
      }
    }
    if (missing_ru->len == 0 && !en_missing)
      return;
  }
  {
    GString *msg = g_string_new (NULL);
    gboolean date = FALSE;
    SverkaSeverity severity;
    for (guint i = 0; i < missing_ru->len && !date; i++)
      date = in_date (c->ru, &g_array_index (missing_ru, Num, i));
    for (guint i = 0; c->parallel && i < en->len && !date; i++) {
      const Num *x = &g_array_index (en, Num, i);
      if (!x->from_words_one && !has_value (rn, x->value))
        date = in_date (c->en, x);
    }
    describe_numbers (msg, "ru", c->ru, rn, c->parallel ? en : en_all);
    g_string_append (msg, "; ");
    if (c->parallel)
      describe_numbers (msg, "en", c->en, en, rn);
    else
      g_string_append (msg, "en: not in the English text");
    /* A value put for another is an error; a number on one side only may
     * be rendered in words the reader must check ("a decade" for "10 лет");
     * a number word on one side only, with no number on the other, is
     * mostly a turn of phrase ("two" for "оба", "трое" for "three of them"):
     * information. */
    severity = SVERKA_SEVERITY_WARNING;
    if (c->parallel && missing_ru->len > 0 && en_missing)
      severity = SVERKA_SEVERITY_ERROR;
    else if (c->parallel && (n_comparable (rn) == 0 || n_comparable (en) == 0)
             && all_in_words (rn) && all_in_words (en))
      severity = SVERKA_SEVERITY_INFO;
    add_note (c, date ? SVERKA_NOTE_DATE : SVERKA_NOTE_NUMBER, severity,
              b->ru, b->n_ru, b->en, b->n_en, g_string_free (msg, FALSE));
    for (guint i = 0; i < missing_ru->len; i++)
      add_mark (c, TRUE, g_array_index (missing_ru, Num, i).start,
                g_array_index (missing_ru, Num, i).end);
    for (guint i = 0; c->parallel && i < en->len; i++) {
      const Num *x = &g_array_index (en, Num, i);
      if (!x->from_words_one && !has_value (rn, x->value))
        add_mark (c, FALSE, x->start, x->end);
    }
  }
}

/* Days counted from the day of speaking: "вчера", "the day after tomorrow",
 * "через три дня", "in two days". Appends each one's offset in days to @out
 * (of gint) and the span of its words to @spans (of gsize pairs). */
static void
relative_days (Checker *c, gboolean russian, const guint *sents, guint n, GArray *out,
               GArray *spans)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaLanguage lang = russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  GHashTable *numbers = sverka_context_lang (doc->ctx, lang)->numbers;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      const char *f = t->word->fold;
      const char *prev = i > 0 ? sverka_document_get_token (doc, se->first_token + i - 1)->word->fold
                               : "";
      gboolean found = TRUE;
      gint days = 0;
      if (russian && strcmp (f, "позавчера") == 0)
        days = -2;
      else if (russian && strcmp (f, "вчера") == 0)
        days = -1;
      else if (russian && strcmp (f, "завтра") == 0)
        days = 1;
      else if (russian && strcmp (f, "послезавтра") == 0)
        days = 2;
      else if (!russian && strcmp (f, "yesterday") == 0)
        days = strcmp (prev, "before") == 0 ? -2 : -1;
      else if (!russian && strcmp (f, "tomorrow") == 0)
        days = strcmp (prev, "after") == 0 ? 2 : 1;
      else if (i + 2 < se->n_tokens
               && strcmp (f, russian ? "через" : "in") == 0) {
        /* через N дней, in N days */
        const SverkaWord *num = sverka_document_get_token (doc, se->first_token + i + 1)->word;
        const SverkaWord *unit = sverka_document_get_token (doc, se->first_token + i + 2)->word;
        const SverkaNumWord *nw = g_hash_table_lookup (numbers, num->fold);
        gboolean day = russian ? g_str_has_prefix (unit->fold, "дн") || strcmp (unit->fold, "день") == 0
                               : strcmp (unit->fold, "days") == 0;
        found = day && ((num->flags & SVERKA_WORD_NUMBER) || (nw != NULL && nw->kind == SVERKA_NUMWORD_CARDINAL));
        if (found)
          days = (num->flags & SVERKA_WORD_NUMBER) ? atoi (num->fold) : (gint) nw->value;
      } else {
        found = FALSE;
      }
      if (found) {
        gsize span[2] = { t->start, t->end };
        if (i + 2 < se->n_tokens && strcmp (f, russian ? "через" : "in") == 0)
          span[1] = sverka_document_get_token (doc, se->first_token + i + 2)->end;
        else if (!russian && (days == 2 || days == -2) && i >= 2)
          span[0] = sverka_document_get_token (doc, se->first_token + i - 2)->start;
        g_array_append_val (out, days);
        g_array_append_vals (spans, span, 2);
      }
    }
  }
}

static int
compare_gint (gconstpointer a, gconstpointer b)
{
  gint x = *(const gint *) a, y = *(const gint *) b;
  return x < y ? -1 : x > y;
}

/* Do @a and @b (of gint) hold the same values, in any order? */
static gboolean
same_values (GArray *a, GArray *b)
{
  g_autoptr (GArray) x = g_array_copy (a);
  g_autoptr (GArray) y = g_array_copy (b);
  g_array_sort (x, compare_gint);
  g_array_sort (y, compare_gint);
  return x->len == y->len && memcmp (x->data, y->data, sizeof (gint) * x->len) == 0;
}

/* The months of a date in sentences @sents: a month's name next to a number
 * ("October 2020", "14 декабря", "ноябре 2020"), so that the verb "may" or
 * "march" is no month. Appends each month (1-12) to @out (of gint) and its
 * token to @tokens. */
static void
date_months (Checker *c, gboolean russian, const guint *sents, guint n, GArray *out,
             GPtrArray *tokens)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      gint month = (gint) sverka_month_of_word (t->word->fold);
      gboolean by_number =
          (i > 0 && (sverka_document_get_token (doc, se->first_token + i - 1)->word->flags
                     & SVERKA_WORD_NUMBER))
          || (i + 1 < se->n_tokens
              && (sverka_document_get_token (doc, se->first_token + i + 1)->word->flags
                  & SVERKA_WORD_NUMBER));
      if (month == 0 || !by_number)
        continue;
      g_array_append_val (out, month);
      g_ptr_array_add (tokens, (gpointer) t);
    }
  }
}

/* Parallel mode: the months of the dates differ ("ноябре 2020" / "October
 * 2020"). */
static void
check_months (Checker *c, const SverkaBead *b)
{
  static const char *const names[] = { "January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December" };
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GPtrArray) ru_tok = g_ptr_array_new ();
  g_autoptr (GPtrArray) en_tok = g_ptr_array_new ();
  GString *msg;

  date_months (c, TRUE, b->ru, b->n_ru, ru, ru_tok);
  date_months (c, FALSE, b->en, b->n_en, en, en_tok);
  if (ru->len == 0 || en->len == 0)
    return;
  if (same_values (ru, en))
    return;
  msg = g_string_new ("ru");
  for (guint i = 0; i < ru->len; i++)
    g_string_append_printf (msg, "%s \"%s\" = %s", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (ru_tok, i))->word->form,
                            names[g_array_index (ru, gint, i) - 1]);
  g_string_append (msg, "; en");
  for (guint i = 0; i < en->len; i++)
    g_string_append_printf (msg, "%s \"%s\"", i > 0 ? "," : "",
                            ((const SverkaToken *) g_ptr_array_index (en_tok, i))->word->form);
  g_string_append (msg, ": the months differ");
  add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, b->en, b->n_en,
            g_string_free (msg, FALSE));
  for (guint i = 0; i < ru_tok->len; i++)
    add_token_mark (c, TRUE, g_ptr_array_index (ru_tok, i));
  for (guint i = 0; i < en_tok->len; i++)
    add_token_mark (c, FALSE, g_ptr_array_index (en_tok, i));
}

/* Appends ' "через три дня" = day +3' for each of @days, in text order. */
static void
append_relative_days (GString *msg, SverkaDocument *doc, GArray *days, GArray *spans)
{
  const char *data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < days->len; i++) {
    gsize start = g_array_index (spans, gsize, 2 * i), end = g_array_index (spans, gsize, 2 * i + 1);
    g_string_append_printf (msg, "%s \"%.*s\" = day %+d", i > 0 ? "," : "", (int) (end - start),
                            data + start, g_array_index (days, gint, i));
  }
}

/* Parallel mode: the days counted from the day of speaking differ
 * ("позавчера" / "yesterday"). */
static void
check_relative_days (Checker *c, const SverkaBead *b)
{
  g_autoptr (GArray) ru = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) en = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) ru_spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GArray) en_spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *msg;

  relative_days (c, TRUE, b->ru, b->n_ru, ru, ru_spans);
  relative_days (c, FALSE, b->en, b->n_en, en, en_spans);
  if (ru->len == 0 || en->len == 0)
    return;
  if (same_values (ru, en))
    return;
  msg = g_string_new ("ru");
  append_relative_days (msg, c->ru, ru, ru_spans);
  g_string_append (msg, "; en");
  append_relative_days (msg, c->en, en, en_spans);
  g_string_append (msg, " (days from the day of speaking)");
  add_note (c, SVERKA_NOTE_DATE, SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, b->en, b->n_en,
            g_string_free (msg, FALSE));
  for (guint i = 0; i + 1 < ru_spans->len; i += 2)
    add_mark (c, TRUE, g_array_index (ru_spans, gsize, i), g_array_index (ru_spans, gsize, i + 1));
  for (guint i = 0; i + 1 < en_spans->len; i += 2)
    add_mark (c, FALSE, g_array_index (en_spans, gsize, i), g_array_index (en_spans, gsize, i + 1));
}

/* ---------------------------------------------------------------------- */
/* Names and spelling                                                      */

/* The units of sentence @s matched by the bead's other side. */
static guint64
bead_mask (Checker *c, const SverkaBead *b, gboolean russian, guint s)
{
  guint64 mask = 0;
  if (russian) {
    sverka_scorer_mark (c->sc, s);
    for (guint k = 0; k < b->n_en; k++) {
      SverkaPair p;
      sverka_scorer_pair (c->sc, s, b->en[k], &p);
      mask |= p.mask;
    }
  } else {
    for (guint k = 0; k < b->n_ru; k++) {
      SverkaPair p;
      sverka_scorer_mark (c->sc, b->ru[k]);
      sverka_scorer_pair (c->sc, b->ru[k], s, &p);
      mask |= p.mask_en;
    }
  }
  return mask;
}

static gboolean
is_name_token (SverkaDocument *doc, const SverkaToken *t)
{
  guint f = t->word->flags;
  /* A capitalised common noun ("Программой", official style) is known to
   * the dictionary; a name mostly is not. */
  SverkaLanguage lang = (f & SVERKA_WORD_CYRILLIC) ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  if (!(f & SVERKA_WORD_LETTERS) || !(f & SVERKA_WORD_CAPITALIZED) || (f & SVERKA_WORD_UPPERCASE)
      || !(f & SVERKA_WORD_SPELL_CHECKED) || (t->flags & SVERKA_TOKEN_SENTENCE_INITIAL)
      || g_utf8_strlen (t->word->fold, -1) < 3
      || sverka_context_is_stopword (doc->ctx, t->word->fold))
    return FALSE;
  /* Russian: known in lower case, a common noun ("Программой"); known only
   * with its capital, or not at all, a name ("Баку"). English capitalises
   * days, months and peoples too ("Sunday", "Turks"): there a name is a word
   * the dictionary does not know ("Rouhani"). */
  if (lang == SVERKA_LANGUAGE_EN) {
    static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday" };
    if (strchr (t->word->fold, '\'') != NULL || g_utf8_strlen (t->word->fold, -1) < 4
        || sverka_is_month_word (t->word->fold))
      return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      if (strcmp (t->word->fold, days[i]) == 0)
        return FALSE;
    return !sverka_context_spell (doc->ctx, lang, t->word->fold);
  }
  return !sverka_context_spell (doc->ctx, lang, t->word->fold);
}

/* Appends to @names the unmatched name tokens of sentence @s. */
static void
unmatched_names (Checker *c, const SverkaBead *b, gboolean russian, guint s, GPtrArray *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  guint64 mask = bead_mask (c, b, russian, s);

  for (guint u = 0; u < f->n_units && u < 63; u++) {
    const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
    const SverkaToken *t = sverka_document_get_token (doc, unit->token);
    if ((mask & (G_GUINT64_CONSTANT (1) << u)) || !is_name_token (doc, t))
      continue;
    g_ptr_array_add (names, (gpointer) t);
  }
}

/* Similarity of two sound skeletons over the length of the shorter one (a
 * Russian name carries its case ending): 1 - edits / length. */
static double
skeleton_similarity (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b), l = MIN (la, lb);
  g_autofree guint *prev = NULL, *cur = NULL;
  if (l == 0)
    return 0;
  prev = g_new (guint, l + 1);
  cur = g_new (guint, l + 1);
  for (gsize j = 0; j <= l; j++)
    prev[j] = (guint) j;
  for (gsize i = 1; i <= l; i++) {
    cur[0] = (guint) i;
    for (gsize j = 1; j <= l; j++) {
      /* у stands for English w as often as в does: Уэйд / Wayde. */
      gboolean same = a[i - 1] == b[j - 1] || (a[i - 1] == 'u' && b[j - 1] == 'v')
                      || (a[i - 1] == 'v' && b[j - 1] == 'u');
      cur[j] = MIN (prev[j - 1] + !same, MIN (prev[j] + 1, cur[j - 1] + 1));
    }
    memcpy (prev, cur, sizeof (guint) * (l + 1));
  }
  return 1.0 - (double) prev[l] / (double) l;
}

/* Transliterations vary (Мерриуэзер / Merriweather, Сейнсбери /
 * Sainsbury's): an unmatched name on one side that sounds like one on the
 * other is the same name, and both go. */
static void
drop_similar_names (GPtrArray *rn, GPtrArray *en)
{
  for (guint i = 0; i < rn->len; i++) {
    const SverkaToken *r = g_ptr_array_index (rn, i);
    for (guint j = 0; j < en->len; j++) {
      const SverkaToken *e = g_ptr_array_index (en, j);
      if (r->word->skeleton != NULL && e->word->skeleton != NULL
          && skeleton_similarity (r->word->skeleton, e->word->skeleton) >= 0.5) {
        g_ptr_array_remove_index (rn, i);
        g_ptr_array_remove_index (en, j);
        i--;
        break;
      }
    }
  }
}

/* The name tokens of sentence @s, matched or not. */
static void
bead_names (Checker *c, gboolean russian, guint s, GPtrArray *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSentence *se = sverka_document_get_sentence (doc, s);
  for (guint i = 0; i < se->n_tokens; i++) {
    const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
    if (is_name_token (doc, t))
      g_ptr_array_add (names, (gpointer) t);
  }
}

/* Removes from @names those that sound like one of @others. */
static void
drop_sounding_like (GPtrArray *names, GPtrArray *others)
{
  for (guint i = 0; i < names->len; i++) {
    const SverkaToken *r = g_ptr_array_index (names, i);
    for (guint j = 0; j < others->len; j++) {
      const SverkaToken *e = g_ptr_array_index (others, j);
      if (r->word->skeleton != NULL && e->word->skeleton != NULL
          && skeleton_similarity (r->word->skeleton, e->word->skeleton) >= 0.5) {
        g_ptr_array_remove_index (names, i);
        i--;
        break;
      }
    }
  }
}

/* Does any key of the unit starting at Russian token @t occur anywhere in
 * the English text? */
static gboolean
unit_in_english (Checker *c, const SverkaToken *t)
{
  const SverkaSentFeatures *f = sverka_side_sentence (&c->sc->ru, t->sentence);
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (c->sc->ru.units, SverkaUnit, f->first_unit + u);
    if (sverka_document_get_token (c->ru, unit->token) != t)
      continue;
    for (guint k = 0; k < unit->n_keys; k++)
      if (c->en_keys[g_array_index (c->sc->ru.keys, guint, unit->first_key + k)])
        return TRUE;
    return FALSE;
  }
  return FALSE;
}

static void
check_names (Checker *c, const SverkaBead *b)
{
  g_autoptr (GPtrArray) rn = g_ptr_array_new ();
  g_autoptr (GPtrArray) en = g_ptr_array_new ();
  GString *msg;
  SverkaSeverity severity;

  for (guint k = 0; k < b->n_ru; k++)
    unmatched_names (c, b, TRUE, b->ru[k], rn);
  for (guint k = 0; k < b->n_en; k++)
    unmatched_names (c, b, FALSE, b->en[k], en);
  drop_similar_names (rn, en);
  /* A name that sounds like any name of the other side, matched there or
   * not, has its counterpart: the word-level matching may have paired the
   * names otherwise ("Дэн ... Тарой" / "Dan ... Tara"). */
  if (rn->len > 0 && en->len > 0) {
    g_autoptr (GPtrArray) all_ru = g_ptr_array_new ();
    g_autoptr (GPtrArray) all_en = g_ptr_array_new ();
    for (guint k = 0; k < b->n_ru; k++)
      bead_names (c, TRUE, b->ru[k], all_ru);
    for (guint k = 0; k < b->n_en; k++)
      bead_names (c, FALSE, b->en[k], all_en);
    drop_sounding_like (rn, all_en);
    drop_sounding_like (en, all_ru);
  }
  if (rn->len == 0 || (c->parallel && en->len == 0))
    return;
  if (!c->parallel) {
    /* Comparable: only names with no key anywhere in the English text. */
    g_autoptr (GPtrArray) still = g_ptr_array_new ();
    for (guint i = 0; i < rn->len; i++) {
      const SverkaToken *t = g_ptr_array_index (rn, i);
      if (!unit_in_english (c, t))
        g_ptr_array_add (still, (gpointer) t);
    }
    if (still->len == 0)
      return;
    g_ptr_array_set_size (rn, 0);
    for (guint i = 0; i < still->len; i++)
      g_ptr_array_add (rn, g_ptr_array_index (still, i));
    g_ptr_array_set_size (en, 0);
  }
  msg = g_string_new ("ru ");
  for (guint i = 0; i < rn->len; i++) {
    if (i > 0)
      g_string_append (msg, ", ");
    g_string_append (msg, token_text (c->ru, g_ptr_array_index (rn, i), c->buf));
  }
  severity = SVERKA_SEVERITY_WARNING;
  if (c->parallel) {
    /* One name put for another is an error when the two sound nothing
     * alike; transliterations that only drift apart are worth a look. */
    double most = 0;
    g_string_append (msg, "; en ");
    for (guint i = 0; i < en->len; i++) {
      const SverkaToken *e = g_ptr_array_index (en, i);
      if (i > 0)
        g_string_append (msg, ", ");
      g_string_append (msg, token_text (c->en, e, c->buf));
      for (guint j = 0; j < rn->len; j++) {
        const SverkaToken *r = g_ptr_array_index (rn, j);
        if (r->word->skeleton != NULL && e->word->skeleton != NULL) {
          most = MAX (most, skeleton_similarity (r->word->skeleton, e->word->skeleton));
          /* English spelling is no guide to sound ("Michael" / "Майкл"),
           * but a transliteration keeps the first letter. */
          if (r->word->skeleton[0] == e->word->skeleton[0])
            most = 1;
        }
      }
    }
    g_string_append (msg, ": no match for these names on the other side");
    /* One name each side: one put for the other ("Эрдоганом" / "Rouhani").
     * Several, or unequal numbers, are mostly names added, dropped or
     * replaced by a description, which a reader should look at. */
    if (most < 0.25 && rn->len == 1 && en->len == 1)
      severity = SVERKA_SEVERITY_ERROR;
  } else {
    g_string_append (msg, ": not in the English text");
  }
  add_note (c, SVERKA_NOTE_NAME, severity, b->ru, b->n_ru, b->en, b->n_en,
            g_string_free (msg, FALSE));
  for (guint i = 0; i < rn->len; i++)
    add_token_mark (c, TRUE, g_ptr_array_index (rn, i));
  for (guint i = 0; i < en->len; i++)
    add_token_mark (c, FALSE, g_ptr_array_index (en, i));
}

/* Edit distance of two UTF-8 strings, in characters, up to 3. */
static guint
edit_distance (const char *a, const char *b)
{
  glong la, lb;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *prev = NULL, *cur = NULL;

  if (ABS (la - lb) > 3)
    return 3;
  prev = g_new (guint, lb + 1);
  cur = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= la; i++) {
    cur[0] = (guint) i;
    for (glong j = 1; j <= lb; j++) {
      guint sub = prev[j - 1] + (g_unichar_tolower (x[i - 1]) != g_unichar_tolower (y[j - 1]));
      cur[j] = MIN (sub, MIN (prev[j] + 1, cur[j - 1] + 1));
    }
    memcpy (prev, cur, sizeof (guint) * (lb + 1));
  }
  return MIN (prev[lb], 3u);
}

/* Part of a hyphenated word ("30-летие", "Нагорно-Карабах"): hunspell
 * judges the whole, not the parts. */
static gboolean
hyphen_part (SverkaDocument *doc, const SverkaToken *t)
{
  gsize len;
  const char *data = sverka_document_get_data (doc, &len);
  return (t->start > 0 && data[t->start - 1] == '-') || (t->end < len && data[t->end] == '-');
}

/* The same word, transliterated, on the other side of the bead ("оглу" /
 * "oglu"): a name or a loan, not a typo. With @names_only, only names and
 * words the other side's dictionary lacks count: "profesional" beside
 * "профессиональный" is still a typo. */
static gboolean
sounds_like_other_side (Checker *c, const SverkaBead *b, gboolean russian, const char *skeleton,
                        gboolean names_only)
{
  SverkaDocument *other = russian ? c->en : c->ru;
  const guint *sents = russian ? b->en : b->ru;
  guint n = russian ? b->n_en : b->n_ru;
  if (skeleton == NULL || strlen (skeleton) < 3)
    return FALSE;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (other, sents[k]);
    for (guint i = 0; i < s->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (other, s->first_token + i)->word;
      if (names_only && (w->flags & SVERKA_WORD_SPELL_OK) && !(w->flags & SVERKA_WORD_CAPITALIZED))
        continue;
      if (w->skeleton != NULL && strlen (w->skeleton) >= 3
          && skeleton_similarity (skeleton, w->skeleton) >= 0.75
          && ABS ((int) strlen (w->skeleton) - (int) strlen (skeleton)) <= 2)
        return TRUE;
    }
  }
  return FALSE;
}

/* The correction to offer for lower-case @t, unknown to hunspell, or NULL if
 * it is no typo: a word one edit away that hunspell knows (one the document
 * uses first, then hunspell's own choice while the budget lasts, then the
 * first in order). An English inflection of such a word ("cargos") is no
 * typo. */
static char *
one_edit_correction (Checker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
                     SverkaLanguage lang, GHashTable *forms)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  g_autofree char *lower = g_utf8_strdown (t->word->form, -1);
  g_auto (GStrv) cands = sverka_context_one_edit_words (doc->ctx, lang, lower);
  const char *pick = NULL;

  if (cands[0] == NULL)
    return NULL;
  for (guint i = 0; cands[i] != NULL; i++) {
    if (lang == SVERKA_LANGUAGE_EN && g_str_has_prefix (lower, cands[i])) {
      const char *rest = lower + strlen (cands[i]);
      if (strcmp (rest, "s") == 0 || strcmp (rest, "d") == 0)
        return NULL;
    }
    if (pick == NULL && g_hash_table_contains (forms, cands[i]))
      pick = cands[i];
  }
  if (pick == NULL && c->suggest_budget[russian] > 0) {
    g_auto (GStrv) sugg = sverka_context_suggest (doc->ctx, lang, lower);
    c->suggest_budget[russian]--;
    for (guint i = 0; sugg[i] != NULL && pick == NULL; i++) {
      for (guint j = 0; cands[j] != NULL; j++) {
        if (strcmp (cands[j], sugg[i]) == 0)
          pick = cands[j];
      }
    }
  }
  if (pick == NULL)
    pick = cands[0];
  return g_strdup (pick);
}

/* The right spelling of capitalised @word, unknown to the dictionary, if the
 * document has it: a name one edit away, written capitalised inside a
 * sentence, and used at least NAME_TYPO_RATIO times as often ("Azarbaijan"
 * once beside "Azerbaijan" throughout). Two names one letter apart used
 * alike ("Hollande", "Holland") are two names. NULL if there is none. */
#define NAME_TYPO_RATIO 3

static char *
close_form (const SverkaWord *word, GHashTable *names)
{
  GHashTableIter it;
  gpointer key, value;
  const char *best = NULL;
  glong len = g_utf8_strlen (word->form, -1);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (names, word));

  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    const SverkaWord *w = key;
    glong l;
    if (w == word || GPOINTER_TO_UINT (value) < NAME_TYPO_RATIO * MAX (count, 1u)
        || !(w->flags & SVERKA_WORD_SPELL_OK))
      continue;
    l = g_utf8_strlen (w->form, -1);
    if (ABS (l - len) > 1 || edit_distance (word->form, w->form) > 1)
      continue;
    if (best == NULL || strcmp (w->form, best) < 0)
      best = w->form;
  }
  return g_strdup (best);
}

static void
collect_forms (SverkaDocument *doc, GHashTable *forms, GHashTable *names)
{
  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    g_hash_table_insert (forms, t->word->form, (gpointer) t->word);
    if ((t->word->flags & SVERKA_WORD_CAPITALIZED) && !(t->word->flags & SVERKA_WORD_UPPERCASE)
        && !(t->flags & SVERKA_TOKEN_SENTENCE_INITIAL)) {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (names, t->word));
      g_hash_table_insert (names, (gpointer) t->word, GUINT_TO_POINTER (n + 1));
    }
  }
}

/* Does folded Russian word @fold break the rules of Russian spelling: й
 * after a consonant ("санкцй"), ы after ж, ш, ч or щ, or one letter three
 * times in a row ("собственнные")? */
static gboolean
impossible_russian (const char *fold)
{
  gunichar prev2 = 0, prev = 0;
  for (const char *p = fold; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar ch = g_utf8_get_char (p);
    if (ch == 0x0439 /* й */ && prev != 0 && !g_utf8_strchr ("аеиоуыэюяё", -1, prev))
      return TRUE;
    if (ch == 0x044B /* ы */ && prev != 0 && g_utf8_strchr ("жшчщ", -1, prev))
      return TRUE;
    if (ch == prev && ch == prev2)
      return TRUE;
    /* The suffix -ственн- keeps both н before an ending ("единственная",
     * "естественно"); only the short masculine form ends in one. */
    if (g_utf8_strchr ("аеиоуыэюя", -1, ch) && prev == 0x043D /* н */ && p - fold >= 10
        && strncmp (p - 10, "ствен", 10) == 0)
      return TRUE;
    prev2 = prev;
    prev = ch;
  }
  return FALSE;
}

/* Does the lexicon know Russian word @w (a form hunspell lacks, such as
 * "урегулирований")? Its stem is all that is compared, so a word that breaks
 * the rules of spelling is not taken for a form of the entry. */
static gboolean
lexicon_knows (Checker *c, const SverkaWord *w)
{
  return c->lex != NULL && !impossible_russian (w->fold)
         && (sverka_lexicon_lookup (c->lex, w->stem) != NULL
             || (w->lemma_stem != NULL && sverka_lexicon_lookup (c->lex, w->lemma_stem) != NULL));
}

/* The best likeness of @skeleton to a word on the other side of @b, in [0, 1]. */
static double
best_likeness (Checker *c, const SverkaBead *b, gboolean russian, const char *skeleton)
{
  SverkaDocument *other = russian ? c->en : c->ru;
  const guint *sents = russian ? b->en : b->ru;
  guint n = russian ? b->n_en : b->n_ru;
  double best = 0;
  for (guint k = 0; k < n && skeleton != NULL; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (other, sents[k]);
    for (guint i = 0; i < s->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (other, s->first_token + i)->word;
      if (w->skeleton != NULL && strlen (w->skeleton) >= 3)
        best = MAX (best, skeleton_similarity (skeleton, w->skeleton));
    }
  }
  return best;
}

/* A rare capitalised word unknown to the dictionary that sounds like a name
 * on the other side is a typo when a dictionary name one edit away sounds
 * more like it ("Azarbaijan" / "Azerbaijan" against "Азербайджан"). */
#define RARE_NAME_COUNT 2
/* ... and by this much: a name a letter away from another sounds alike. */
#define LIKENESS_MARGIN 0.1
/* ... and sounds much like a name there. */
#define NAME_LIKENESS 0.9

/* The dictionary name one edit from rare @t that sounds most like the other
 * side, by NAME_LIKENESS at least and LIKENESS_MARGIN more than @t does, or
 * NULL. */
static char *
sounding_name (Checker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
               GHashTable *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaLanguage lang = russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  g_auto (GStrv) cands = NULL;
  double best;
  char *form = NULL;

  if (GPOINTER_TO_UINT (g_hash_table_lookup (names, t->word)) > RARE_NAME_COUNT)
    return NULL;
  cands = sverka_context_one_edit_words (doc->ctx, lang, t->word->form);
  best = best_likeness (c, b, russian, t->word->skeleton);
  for (guint i = 0; cands[i] != NULL; i++) {
    const SverkaWord *w = sverka_context_lookup_word (doc->ctx, cands[i], strlen (cands[i]),
                                                      FALSE, NULL);
    double l = w != NULL && (w->flags & SVERKA_WORD_CAPITALIZED)
                   ? best_likeness (c, b, russian, w->skeleton)
                   : 0;
    if (l >= NAME_LIKENESS && l > best + LIKENESS_MARGIN) {
      best = l;
      g_free (form);
      form = g_strdup (cands[i]);
    }
  }
  return form;
}

static gboolean
better_name_nearby (Checker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
                    GHashTable *names)
{
  g_autofree char *form = sounding_name (c, b, russian, t, names);
  return form != NULL;
}

/* The right spelling of capitalised @t: a name of the document
 * (close_form()), else a dictionary name one edit away that sounds more like
 * the other side. */
static char *
close_name (Checker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
            GHashTable *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  char *form = close_form (t->word, names);
  gboolean other_side = (russian ? b->n_en : b->n_ru) > 0;

  /* Where the bead has another side, the right spelling sounds more like
   * it; without one, a short name is too easily one letter from another. */
  if (form != NULL) {
    const SverkaWord *w = sverka_context_lookup_word (doc->ctx, form, strlen (form), FALSE, NULL);
    gboolean keep = other_side ? w != NULL
                                     && best_likeness (c, b, russian, w->skeleton)
                                            > best_likeness (c, b, russian, t->word->skeleton)
                               : g_utf8_strlen (form, -1) >= 5;
    if (keep)
      return form;
    g_clear_pointer (&form, g_free);
  }
  return sounding_name (c, b, russian, t, names);
}

static void
check_spelling (Checker *c, const SverkaBead *b, gboolean russian, GHashTable *seen,
                GHashTable *forms, GHashTable *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const guint *sents = russian ? b->ru : b->en;
  guint n = russian ? b->n_ru : b->n_en;

  for (guint k = 0; k < n; k++) {
    const SverkaSentFeatures *f = sverka_side_sentence (side, sents[k]);
    guint64 mask = (russian ? b->n_en : b->n_ru) > 0 ? bead_mask (c, b, russian, sents[k]) : 0;
    for (guint u = 0; u < f->n_units && u < 63; u++) {
      const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
      const SverkaToken *t = sverka_document_get_token (doc, unit->token);
      guint fl = t->word->flags;
      gboolean capital = (fl & SVERKA_WORD_CAPITALIZED) != 0;
      SverkaLanguage lang = (fl & SVERKA_WORD_CYRILLIC) ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
      g_autofree char *sugg = NULL;
      guint sentence[1] = { sents[k] };

      /* A capitalised word that matches the other side is a name there too;
       * a lower-case typo may still match through its sound skeleton. */
      if (!(fl & SVERKA_WORD_SPELL_CHECKED) || (fl & SVERKA_WORD_SPELL_OK)
          || (fl & SVERKA_WORD_UPPERCASE) || (capital && (mask & (G_GUINT64_CONSTANT (1) << u)))
          || g_utf8_strlen (t->word->fold, -1) < 3 || g_hash_table_contains (seen, t->word)
          || hyphen_part (doc, t)
          || (sounds_like_other_side (c, b, russian, t->word->skeleton, !capital)
              && !(capital && better_name_nearby (c, b, russian, t, names)))
          || (russian && lexicon_knows (c, t->word)))
        continue;
      g_hash_table_add (seen, (gpointer) t->word);
      /* A capitalised word is a typo only beside its right spelling: look
       * for that among the document's words rather than ask hunspell, which
       * is slow, for every name. */
      sugg = capital ? close_name (c, b, russian, t, names)
                     : one_edit_correction (c, b, russian, t, lang, forms);
      if (sugg == NULL)
        continue;
      add_note (c, SVERKA_NOTE_SPELLING, SVERKA_SEVERITY_WARNING, russian ? sentence : NULL,
                russian ? 1 : 0, russian ? NULL : sentence, russian ? 0 : 1,
                g_strdup_printf ("%s \"%s\": not in the %s dictionary; did you mean \"%s\"?",
                                 russian ? "ru" : "en", t->word->form,
                                 lang == SVERKA_LANGUAGE_RU ? "Russian" : "English", sugg));
      add_token_mark (c, russian, t);
    }
  }
}

/* ---------------------------------------------------------------------- */
/* Terminology: one name, two spellings                                    */

typedef struct {
  const SverkaWord *word;
  guint count;
  guint first_sentence;
  const SverkaToken *first; /* its first use */
} Variant;

/* Are @a and @b (stems of capitalised words unknown to the dictionary) one
 * name spelled two ways: a letter apart, or two in a long name ("Zangezur" /
 * "Zangazur", "Нахчыван" / "Нахичеван")? The difference must not be in the
 * last two letters, where inflection and Snowball's cuts differ. */
static gboolean
spelling_variants (const char *a, const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  const char *ea = a + strlen (a), *eb = b + strlen (b);
  guint suffix = 0, d;

  if (MIN (la, lb) < 6)
    return FALSE;
  while (ea > a && eb > b) {
    const char *pa = g_utf8_prev_char (ea), *pb = g_utf8_prev_char (eb);
    if (g_utf8_get_char (pa) != g_utf8_get_char (pb))
      break;
    ea = pa;
    eb = pb;
    suffix++;
  }
  if (suffix < 2)
    return FALSE;
  d = edit_distance (a, b);
  return d == 1 || (d == 2 && MIN (la, lb) >= 8);
}

static void
check_terminology (Checker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  g_autoptr (GHashTable) by_word = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) variants = g_array_new (FALSE, FALSE, sizeof (Variant));

  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    gpointer idx;
    /* Two dictionary words are two words ("Nation"/"Nature"); a dictionary
     * word beside an unknown one is a spelling matter ("Azerbaijan" /
     * "Azarbaijan"). Two unknown spellings of one name are terminology. */
    if (!(t->word->flags & SVERKA_WORD_CAPITALIZED) || !(t->word->flags & SVERKA_WORD_LETTERS)
        || (t->word->flags & SVERKA_WORD_SPELL_OK))
      continue;
    idx = g_hash_table_lookup (by_word, t->word);
    if (idx == NULL) {
      Variant v = { t->word, 1, t->sentence, t };
      g_array_append_val (variants, v);
      g_hash_table_insert (by_word, (gpointer) t->word, GUINT_TO_POINTER (variants->len));
    } else {
      g_array_index (variants, Variant, GPOINTER_TO_UINT (idx) - 1).count++;
    }
  }
  for (guint i = 0; i < variants->len; i++) {
    const Variant *a = &g_array_index (variants, Variant, i);
    for (guint j = i + 1; j < variants->len; j++) {
      const Variant *b = &g_array_index (variants, Variant, j);
      guint s[2];
      /* Variants of a name begin alike. */
      if (g_utf8_get_char (a->word->stem) != g_utf8_get_char (b->word->stem)
          || !spelling_variants (a->word->stem, b->word->stem)
          || strcmp (a->word->stem, b->word->stem) == 0)
        continue;
      s[0] = MIN (a->first_sentence, b->first_sentence);
      s[1] = MAX (a->first_sentence, b->first_sentence);
      add_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING, russian ? s : NULL,
                russian ? 2 : 0, russian ? NULL : s, russian ? 0 : 2,
                g_strdup_printf ("%s \"%s\" (%u×) and \"%s\" (%u×): one name spelled two ways?",
                                 russian ? "ru" : "en", a->word->form, a->count, b->word->form,
                                 b->count));
      add_token_mark (c, russian, a->first);
      add_token_mark (c, russian, b->first);
    }
  }
}

/* One word written with and without a hyphen in one document ("COP-29" and
 * "COP29", "inter-operable" and "interoperable"). */
static void
check_hyphenation (Checker *c, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint n = sverka_document_get_n_tokens (doc);
  g_autoptr (GHashTable) joined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);

  /* The hyphenated compounds, joined, with the token that starts each. */
  for (guint i = 0; i + 1 < n; i++) {
    const SverkaToken *a = sverka_document_get_token (doc, i);
    const SverkaToken *b = sverka_document_get_token (doc, i + 1);
    char *key;
    if (b->start != a->end + 1 || doc->data[a->end] != '-' || a->sentence != b->sentence)
      continue;
    key = g_strconcat (a->word->fold, b->word->fold, NULL);
    if (!g_hash_table_contains (joined, key))
      g_hash_table_insert (joined, key, GUINT_TO_POINTER (i + 1));
    else
      g_free (key);
  }
  if (g_hash_table_size (joined) == 0)
    return;
  for (guint i = 0; i < n; i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    gpointer orig, first;
    const SverkaToken *h, *tail;
    guint s[2];
    if (!g_hash_table_lookup_extended (joined, t->word->fold, &orig, &first)
        || g_hash_table_contains (reported, orig))
      continue;
    g_hash_table_add (reported, orig);
    h = sverka_document_get_token (doc, GPOINTER_TO_UINT (first) - 1);
    tail = sverka_document_get_token (doc, GPOINTER_TO_UINT (first));
    s[0] = MIN (h->sentence, t->sentence);
    s[1] = MAX (h->sentence, t->sentence);
    add_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING, russian ? s : NULL,
              russian ? (s[0] == s[1] ? 1 : 2) : 0, russian ? NULL : s,
              russian ? 0 : (s[0] == s[1] ? 1 : 2),
              g_strdup_printf ("%s \"%.*s\" and \"%s\": one word written with and without a "
                               "hyphen",
                               russian ? "ru" : "en", (int) (tail->end - h->start),
                               doc->data + h->start, t->word->form));
    add_mark (c, russian, h->start, tail->end);
    add_token_mark (c, russian, t);
  }
}

/* ---------------------------------------------------------------------- */
/* Terminology: one term, two renderings                                  */

typedef struct {
  const char *en_phrase;  /* the English stems joined by spaces (owned by the table) */
  GPtrArray *entries;     /* SverkaLexEntry with that English side */
  GArray *rows;           /* per bead holding the phrase: bead index */
  GPtrArray *renderings;  /* per such bead: the entry found on the Russian side, or NULL */
} TermUse;

static void
term_use_free (gpointer data)
{
  TermUse *t = data;
  if (t == NULL)
    return;
  g_ptr_array_unref (t->entries);
  g_array_unref (t->rows);
  g_ptr_array_unref (t->renderings);
  g_free (t);
}

/* Where do @stems occur in a row among the tokens of sentences @sents? The
 * index of the first token, plus one; 0 if nowhere. */
static guint
phrase_find (SverkaDocument *doc, const guint *sents, guint n, char **stems, guint n_stems,
             gboolean russian)
{
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, sents[k]);
    for (guint i = 0; i + n_stems <= s->n_tokens; i++) {
      gboolean ok = TRUE;
      for (guint w = 0; w < n_stems && ok; w++) {
        const SverkaWord *word = sverka_document_get_token (doc, s->first_token + i + w)->word;
        ok = strcmp (word->stem, stems[w]) == 0
             || (russian && word->lemma_stem != NULL && strcmp (word->lemma_stem, stems[w]) == 0);
      }
      if (ok)
        return s->first_token + i + 1;
    }
  }
  return 0;
}

/* Do @stems occur in a row among the tokens of sentences @sents? */
static gboolean
phrase_in (SverkaDocument *doc, const guint *sents, guint n, char **stems, guint n_stems,
           gboolean russian)
{
  return phrase_find (doc, sents, n, stems, n_stems, russian) > 0;
}

/* Marks where @stems occur among the tokens of sentences @sents. */
static void
mark_stems (Checker *c, gboolean russian, const guint *sents, guint n, char **stems,
            guint n_stems)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  guint at = phrase_find (doc, sents, n, stems, n_stems, russian);
  if (at > 0 && n_stems > 0)
    add_mark (c, russian, sverka_document_get_token (doc, at - 1)->start,
              sverka_document_get_token (doc, at - 1 + n_stems - 1)->end);
}

/* Do two Russian stems share their root? Word formation changes the end of
 * a word (таможня, таможенный; эвакуация, эвакуировать): a common beginning
 * of ROOT_MIN_CHARS letters, or of all but two letters of the shorter. */
#define ROOT_MIN_CHARS 5

static gboolean
same_root (const char *a, const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  glong common = 0;
  while (*a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b)) {
    common++;
    a = g_utf8_next_char (a);
    b = g_utf8_next_char (b);
  }
  return common >= MIN (ROOT_MIN_CHARS, MAX (MIN (la, lb) - 2, 1));
}

/* Are two renderings of a term the same words up to word formation
 * (партнерство, партнерский)? */
static gboolean
same_rendering (const SverkaLexEntry *a, const SverkaLexEntry *b)
{
  if (a->n_ru != b->n_ru)
    return FALSE;
  for (guint w = 0; w < a->n_ru; w++) {
    if (!same_root (a->ru_stems[w], b->ru_stems[w]))
      return FALSE;
  }
  return TRUE;
}

/* An English term or name of the lexicon that a document renders in two
 * ways: one bead has one of its Russian renderings, another a different one
 * or none of those the lexicon knows. Parallel mode only: a summary may well
 * leave a term out. */
/* Is @a (of @na stems) the end of @b (of @nb)? */
static gboolean
stems_end_with (char **b, guint nb, char **a, guint na)
{
  if (na > nb)
    return FALSE;
  for (guint w = 0; w < na; w++)
    if (strcmp (a[w], b[nb - na + w]) != 0)
      return FALSE;
  return TRUE;
}

/* A rendering of the term @first related to it through its head word, in
 * the Russian side of bead @b, when none of the term's own renderings is
 * there: an entry tagged as a term, name or title whose English ends like
 * the term, or the term ends like it ("председатель" for "co-chair", since
 * "chair" ends "co-chair"; "Закавказье" for "Caucasus", since "Caucasus"
 * ends "South Caucasus"). A longer English phrase that the bead's English
 * holds itself is that phrase's rendering, not the term's. @heads: tagged
 * entries by their last English stem. */
static const SverkaLexEntry *
related_rendering (Checker *c, const SverkaBead *b, const SverkaLexEntry *first,
                   GHashTable *heads)
{
  GPtrArray *cands = g_hash_table_lookup (heads, first->en_stems[first->n_en - 1]);
  for (guint k = 0; cands != NULL && k < cands->len; k++) {
    const SverkaLexEntry *e = g_ptr_array_index (cands, k);
    gboolean shorter = stems_end_with (first->en_stems, first->n_en, e->en_stems, e->n_en);
    gboolean longer = stems_end_with (e->en_stems, e->n_en, first->en_stems, first->n_en);
    /* Part of a multiword term is a short reference to it ("the
     * corridor"); part of one written word ("co-chair") is another term. */
    if (shorter && strchr (first->en, ' ') != NULL)
      shorter = FALSE;
    if (e->n_en == first->n_en || !(shorter || longer))
      continue;
    if (longer && phrase_in (c->en, b->en, b->n_en, e->en_stems, e->n_en, FALSE))
      continue;
    if (phrase_in (c->ru, b->ru, b->n_ru, e->ru_stems, e->n_ru, TRUE))
      return e;
  }
  return NULL;
}

static void
check_term_renderings (Checker *c, SverkaLexicon *lex)
{
  g_autoptr (GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        term_use_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  guint nb = sverka_alignment_get_n_beads (c->al);

  g_autoptr (GHashTable) by_stem = NULL;
  g_autoptr (GHashTable) heads = NULL;

  if (lex == NULL)
    return;
  /* The beads holding each English stem, in order: a term is looked for
   * only where its first word is. */
  by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    for (guint k = 0; k < b->n_en; k++) {
      const SverkaSentence *se = sverka_document_get_sentence (c->en, b->en[k]);
      for (guint t = 0; t < se->n_tokens; t++) {
        const char *stem = sverka_document_get_token (c->en, se->first_token + t)->word->stem;
        GArray *list = g_hash_table_lookup (by_stem, stem);
        if (list == NULL) {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_stem, (gpointer) stem, list);
        }
        if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
          g_array_append_val (list, i);
      }
    }
  }
  /* The English phrases the lexicon marks as terms, names or titles in at
   * least one entry; every entry with that English side is a rendering. */
  for (guint i = 0; i < lex->entries->len; i++) {
    const SverkaLexEntry *e = g_ptr_array_index (lex->entries, i);
    g_autofree char *key = NULL;
    /* A one-word title ("general") is too often an ordinary word. */
    if (!(e->tags & (SVERKA_LEX_TERM | SVERKA_LEX_NAME))
        && !((e->tags & SVERKA_LEX_TITLE) && e->n_en > 1))
      continue;
    key = g_strjoinv (" ", e->en_stems);
    if (!g_hash_table_contains (terms, key))
      g_hash_table_insert (terms, g_steal_pointer (&key), NULL);
  }
  heads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < lex->entries->len; i++) {
    const SverkaLexEntry *e = g_ptr_array_index (lex->entries, i);
    GPtrArray *list;
    if (!(e->tags & (SVERKA_LEX_TERM | SVERKA_LEX_NAME | SVERKA_LEX_TITLE)) || e->n_en == 0)
      continue;
    list = g_hash_table_lookup (heads, e->en_stems[e->n_en - 1]);
    if (list == NULL) {
      list = g_ptr_array_new ();
      g_hash_table_insert (heads, e->en_stems[e->n_en - 1], list);
    }
    g_ptr_array_add (list, (gpointer) e);
  }
  for (guint i = 0; i < lex->entries->len; i++) {
    const SverkaLexEntry *e = g_ptr_array_index (lex->entries, i);
    g_autofree char *key = g_strjoinv (" ", e->en_stems);
    TermUse *t;
    gpointer orig_key;
    if (!g_hash_table_lookup_extended (terms, key, &orig_key, (gpointer *) &t))
      continue;
    if (t == NULL) {
      t = g_new0 (TermUse, 1);
      t->entries = g_ptr_array_new ();
      t->rows = g_array_new (FALSE, FALSE, sizeof (guint));
      t->renderings = g_ptr_array_new ();
      t->en_phrase = orig_key;
      g_hash_table_insert (terms, g_strdup (orig_key), t);
      g_ptr_array_add (order, t);
    }
    g_ptr_array_add (t->entries, (gpointer) e);
  }
  for (guint o = 0; o < order->len; o++) {
    TermUse *t = g_ptr_array_index (order, o);
    const SverkaLexEntry *first = g_ptr_array_index (t->entries, 0);
    const SverkaLexEntry *seen = NULL;
    gboolean differs = FALSE;
    GArray *holding = g_hash_table_lookup (by_stem, first->en_stems[0]);
    for (guint x = 0; holding != NULL && x < holding->len; x++) {
      guint i = g_array_index (holding, guint, x);
      const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
      const SverkaLexEntry *found = NULL;
      if (b->n_ru == 0 || b->n_en == 0
          || !phrase_in (c->en, b->en, b->n_en, first->en_stems, first->n_en, FALSE))
        continue;
      for (guint k = 0; k < t->entries->len && found == NULL; k++) {
        const SverkaLexEntry *e = g_ptr_array_index (t->entries, k);
        if (phrase_in (c->ru, b->ru, b->n_ru, e->ru_stems, e->n_ru, TRUE))
          found = e;
      }
      if (found == NULL)
        found = related_rendering (c, b, first, heads);
      /* Two renderings the lexicon knows; a bead with none of them may use
       * a word the lexicon lacks, which says nothing. */
      if (t->rows->len > 0 && found != NULL && seen != NULL && !same_rendering (found, seen))
        differs = TRUE;
      if (seen == NULL)
        seen = found;
      g_array_append_val (t->rows, i);
      g_ptr_array_add (t->renderings, (gpointer) found);
    }
    if (!differs)
      continue;
    /* One note at the first bead that renders the term otherwise than the
     * first one does. */
    for (guint r = 1; r < t->rows->len; r++) {
      guint f0 = 0;
      const SverkaLexEntry *a, *b2 = g_ptr_array_index (t->renderings, r);
      const SverkaBead *ba, *bb;
      g_autoptr (GArray) ru = NULL;
      g_autoptr (GArray) en = NULL;
      while (g_ptr_array_index (t->renderings, f0) == NULL)
        f0++;
      a = g_ptr_array_index (t->renderings, f0);
      if (b2 == NULL || same_rendering (a, b2))
        continue;
      ba = sverka_alignment_get_bead (c->al, g_array_index (t->rows, guint, f0));
      bb = sverka_alignment_get_bead (c->al, g_array_index (t->rows, guint, r));
      ru = g_array_new (FALSE, FALSE, sizeof (guint));
      en = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (ru, ba->ru, ba->n_ru);
      g_array_append_vals (ru, bb->ru, bb->n_ru);
      g_array_append_vals (en, ba->en, ba->n_en);
      g_array_append_vals (en, bb->en, bb->n_en);
      add_note (c, SVERKA_NOTE_TERMINOLOGY, SVERKA_SEVERITY_WARNING, (guint *) ru->data, ru->len,
                (guint *) en->data, en->len,
                g_strdup_printf ("en \"%s\" is rendered \"%s\" in ru %u but \"%s\" in ru %u: "
                                 "one term, two renderings?",
                                 first->en, a->ru, ba->ru[0] + 1, b2->ru, bb->ru[0] + 1));
      mark_stems (c, TRUE, ba->ru, ba->n_ru, a->ru_stems, a->n_ru);
      mark_stems (c, FALSE, ba->en, ba->n_en, first->en_stems, first->n_en);
      mark_stems (c, TRUE, bb->ru, bb->n_ru, b2->ru_stems, b2->n_ru);
      mark_stems (c, FALSE, bb->en, bb->n_en, first->en_stems, first->n_en);
      break;
    }
  }
}

/* ---------------------------------------------------------------------- */
/* Length                                                                  */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The matched share of each side of bead @b. */
static void
bead_shares (Checker *c, const SverkaBead *b, double *ru_share, double *en_share)
{
  double wr = 0, mr = 0, we = 0, me = 0;
  for (guint k = 0; k < b->n_ru; k++) {
    wr += sverka_side_sentence (&c->sc->ru, b->ru[k])->weight;
    mr += sverka_scorer_mask_weight (c->sc, b->ru[k], bead_mask (c, b, TRUE, b->ru[k]));
  }
  for (guint k = 0; k < b->n_en; k++) {
    we += sverka_side_sentence (&c->sc->en, b->en[k])->weight;
    me += sverka_scorer_mask_weight_en (c->sc, b->en[k], bead_mask (c, b, FALSE, b->en[k]));
  }
  *ru_share = wr > 0 ? mr / wr : 1.0;
  *en_share = we > 0 ? me / we : 1.0;
}

/* The longest run of consecutive units of sentence @s (of the side @russian)
 * that @mask leaves unmatched, as a share of the sentence's weight: a
 * clause dropped in translation is one stretch of words with no
 * counterpart, where a free translation leaves gaps here and there. */
static double
unmatched_run_share (Checker *c, gboolean russian, guint s, guint64 mask, guint *n_units)
{
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  double run = 0, best = 0;
  guint len = 0, best_len = 0;

  for (guint u = 0; u < f->n_units; u++) {
    if ((mask >> MIN (u, 63)) & 1) {
      run = 0;
      len = 0;
      continue;
    }
    run += g_array_index (side->units, SverkaUnit, f->first_unit + u).weight;
    len++;
    if (run > best) {
      best = run;
      best_len = len;
    }
  }
  *n_units = best_len;
  return f->weight > 0 ? best / f->weight : 0.0;
}

/* The log length ratio en/ru of a bead, from the characters of its sides. */
static double
bead_log_ratio (Checker *c, const SverkaBead *b, double *lr, double *le)
{
  *lr = *le = 0;
  for (guint k = 0; k < b->n_ru; k++)
    *lr += sverka_side_sentence (&c->sc->ru, b->ru[k])->n_chars;
  for (guint k = 0; k < b->n_en; k++)
    *le += sverka_side_sentence (&c->sc->en, b->en[k])->n_chars;
  return log ((*le + 10) / (*lr + 10));
}

/* Is @b, of the document's median log ratio @median, a partial translation?
 * Two kinds of evidence: the length ratio far outside the document's, with
 * much of the longer side unmatched; or a ratio clearly outside it, with
 * one long stretch of the longer sentence unmatched. */
static void
check_bead_length (Checker *c, const SverkaBead *b, double median, const SverkaBead *whole)
{
  double lr, le, v, ru_share, en_share, share, run = 0;
  guint run_units = 0;
  gboolean en_longer;

  v = bead_log_ratio (c, b, &lr, &le) - median;
  if (MAX (lr, le) < 40 || fabs (v) < LENGTH_RUN_RATIO)
    return;
  en_longer = v > 0;
  bead_shares (c, b, &ru_share, &en_share);
  share = en_longer ? en_share : ru_share;
  if (b->n_ru == 1 && b->n_en == 1)
    run = unmatched_run_share (c, !en_longer, en_longer ? b->en[0] : b->ru[0],
                               bead_mask (c, b, !en_longer, en_longer ? b->en[0] : b->ru[0]),
                               &run_units);
  /* The run rule wants the rest of both sentences to match: a weakly
   * matched pair says nothing about where the gap is. */
  if (!(fabs (v) >= LENGTH_RATIO && share <= 0.55)
      && !(run >= LENGTH_RUN_SHARE && run_units >= LENGTH_RUN_UNITS
           && (en_longer ? ru_share : en_share) >= LENGTH_RUN_REST
           && share >= LENGTH_RUN_REST * (1 - run)))
    return;
  /* A warning: the length is a symptom, and a translator may condense
   * (on clean ntrex translations, a third of the error notes were such). */
  g_string_printf (c->buf, "ru %.0f characters, en %.0f (the document's beads have en/ru about "
                   "%.2f), and %.0f%% of the %s side has no counterpart",
                   lr, le, exp (median), 100 * (1 - share), en_longer ? "English" : "Russian");
  if (run_units >= LENGTH_RUN_UNITS)
    g_string_append_printf (c->buf, ", %u words in a row", run_units);
  g_string_append (c->buf, ": is it translated only in part?");
  add_note (c, SVERKA_NOTE_LENGTH, SVERKA_SEVERITY_WARNING, whole->ru, whole->n_ru, whole->en,
            whole->n_en, g_strdup (c->buf->str));
}

/* The similarity of Russian sentence @r and English sentence @e. */
static double
pair_similarity (Checker *c, guint r, guint e)
{
  SverkaPair p;
  double w = sverka_side_sentence (&c->sc->ru, r)->weight + sverka_side_sentence (&c->sc->en, e)->weight;
  sverka_scorer_mark (c->sc, r);
  sverka_scorer_pair (c->sc, r, e, &p);
  return w > 0 ? (p.mr + p.me) / w : 0.0;
}

/* Is the n-n bead @b n pairs in order: does each Russian sentence match its
 * English one better than the others? A bead the alignment made of crossed
 * sentences is not. */
static gboolean
pairs_in_order (Checker *c, const SverkaBead *b)
{
  for (guint k = 0; k < b->n_ru; k++) {
    double own = pair_similarity (c, b->ru[k], b->en[k]);
    for (guint x = 0; x < b->n_en; x++)
      if (x != k && pair_similarity (c, b->ru[k], b->en[x]) > own)
        return FALSE;
  }
  return TRUE;
}

static void
check_length (Checker *c)
{
  g_autoptr (GArray) logs = g_array_new (FALSE, FALSE, sizeof (double));
  double median;
  guint n = sverka_alignment_get_n_beads (c->al);

  for (guint i = 0; i < n; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    double lr, le, v;
    if (b->n_ru != 1 || b->n_en != 1)
      continue;
    v = bead_log_ratio (c, b, &lr, &le);
    g_array_append_val (logs, v);
  }
  if (logs->len < 3)
    return;
  g_array_sort (logs, compare_double);
  median = g_array_index (logs, double, logs->len / 2);
  for (guint i = 0; i < n; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (c->al, i);
    if (b->n_ru == 0 || b->n_en == 0)
      continue;
    if (b->n_ru == b->n_en && b->n_ru > 1) {
      if (!pairs_in_order (c, b))
        continue;
      /* An n-n bead is often n pairs in order, one of them a partial
       * translation that the alignment hid by joining it to a neighbour:
       * each pair is checked. */
      for (guint k = 0; k < b->n_ru; k++) {
        SverkaBead pair = { 1, &b->ru[k], 1, &b->en[k], b->score };
        check_bead_length (c, &pair, median, b);
      }
    } else {
      check_bead_length (c, b, median, b);
    }
  }
}

/* The evidence only member @s of bead @b brings: the weight of the units on
 * the other side that @s matches and no other member of its side does, over
 * the weight of @s. A sentence the alignment absorbed into a neighbour's
 * bead shares only the words its neighbour already matches. */
static double
member_unique_share (Checker *c, const SverkaBead *b, gboolean russian, guint s)
{
  const guint *mine = russian ? b->ru : b->en, *theirs = russian ? b->en : b->ru;
  guint n_mine = russian ? b->n_ru : b->n_en, n_theirs = russian ? b->n_en : b->n_ru;
  const SverkaSentFeatures *f = sverka_side_sentence (russian ? &c->sc->ru : &c->sc->en, s);
  double unique = 0;

  if (f->weight <= 0)
    return 1.0;
  for (guint y = 0; y < n_theirs; y++) {
    guint64 own = 0, rest = 0;
    for (guint k = 0; k < n_mine; k++) {
      SverkaPair p;
      guint r = russian ? mine[k] : theirs[y], e = russian ? theirs[y] : mine[k];
      sverka_scorer_mark (c->sc, r);
      sverka_scorer_pair (c->sc, r, e, &p);
      if (mine[k] == s)
        own |= russian ? p.mask_en : p.mask;
      else
        rest |= russian ? p.mask_en : p.mask;
    }
    unique += russian ? sverka_scorer_mask_weight_en (c->sc, theirs[y], own & ~rest)
                      : sverka_scorer_mask_weight (c->sc, theirs[y], own & ~rest);
  }
  return unique / f->weight;
}

/* A sentence inside a larger bead that nothing on the other side matches:
 * an addition or an omission the alignment absorbed. */
static void
check_bead_members (Checker *c, const SverkaBead *b)
{
  if (b->n_ru == 0 || b->n_en == 0 || b->n_ru + b->n_en < 3)
    return;
  for (guint side = 0; side < 2; side++) {
    gboolean russian = side == 0;
    const guint *sents = russian ? b->ru : b->en;
    guint n = russian ? b->n_ru : b->n_en;
    if (n < 2)
      continue;
    for (guint k = 0; k < n; k++) {
      const SverkaSentFeatures *f = sverka_side_sentence (russian ? &c->sc->ru : &c->sc->en, sents[k]);
      guint64 mask = bead_mask (c, b, russian, sents[k]);
      double share = f->weight > 0 ? (russian ? sverka_scorer_mask_weight (c->sc, sents[k], mask)
                                              : sverka_scorer_mask_weight_en (c->sc, sents[k], mask))
                                         / f->weight
                                   : 1.0;
      guint one[1] = { sents[k] };
      /* Nothing matched, or only what the other members match too. */
      if (f->n_units < 3
          || (share > 0.1
              && member_unique_share (c, b, russian, sents[k]) > MEMBER_UNIQUE_SHARE))
        continue;
      add_note (c, russian ? SVERKA_NOTE_ADDITION : SVERKA_NOTE_OMISSION, SVERKA_SEVERITY_ERROR,
                russian ? one : NULL, russian ? 1 : 0, russian ? NULL : one, russian ? 0 : 1,
                g_strdup_printf ("%s sentence aligned with others but matching nothing on the "
                                 "other side: no counterpart?",
                                 russian ? "ru" : "en"));
    }
  }
}

/* ---------------------------------------------------------------------- */

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const NoteSpan *x = a, *y = b;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

SverkaNotes *
sverka_notes_new (SverkaLexicon *lex, SverkaAlignment *al, SverkaDocument *ru,
                  SverkaDocument *en, GError **error)
{
  g_autoptr (SverkaNotes) notes = g_new0 (SverkaNotes, 1);
  g_autoptr (SverkaScorer) sc = NULL;
  g_autofree gboolean *en_keys = NULL;
  g_autoptr (GHashTable) seen_ru = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) seen_en = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) forms_ru = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) forms_en = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) names_ru = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) names_en = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) en_all = g_array_new (FALSE, FALSE, sizeof (Num));
  g_autofree guint *all_en = NULL;
  g_autoptr (GString) buf = g_string_new (NULL);
  guint n_ru = sverka_document_get_n_sentences (ru);
  guint n_en = sverka_document_get_n_sentences (en);
  g_autofree guint *ru_row = g_new0 (guint, MAX (n_ru, 1));
  g_autofree guint *en_row = g_new0 (guint, MAX (n_en, 1));
  Checker c = { al, ru, en, NULL, lex, NULL, sverka_alignment_get_mode (al) == SVERKA_MODE_PARALLEL,
                ru_row, en_row, buf };
  guint nb = sverka_alignment_get_n_beads (al);

  notes->verdict = sverka_alignment_get_verdict (al);
  notes->verdict_reason = g_strdup (sverka_alignment_get_verdict_reason (al));
  if (!sverka_document_analyze (ru, error) || !sverka_document_analyze (en, error))
    return NULL;
  sc = sverka_scorer_new (lex, ru, en, error);
  if (sc == NULL)
    return NULL;
  c.sc = sc;
  en_keys = g_new0 (gboolean, MAX (sc->n_ids, 1));
  for (guint e = 0; e < sc->en.sents->len; e++) {
    const SverkaSentFeatures *f = sverka_side_sentence (&sc->en, e);
    for (guint k = 0; k < f->n_sorted; k++)
      en_keys[g_array_index (sc->en.sorted_keys, guint, f->first_sorted + k)] = TRUE;
  }
  c.en_keys = en_keys;
  c.suggest_budget[0] = c.suggest_budget[1] = SUGGEST_BUDGET;
  notes->spans = g_array_new (FALSE, FALSE, sizeof (NoteSpan));
  notes->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  notes->notes = g_array_new (FALSE, FALSE, sizeof (SverkaNote));
  notes->marks = g_array_new (FALSE, FALSE, sizeof (SverkaNoteMark));
  c.out = notes;

  for (guint i = nb; i-- > 0;) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    for (guint k = 0; k < b->n_ru; k++)
      ru_row[b->ru[k]] = i;
    for (guint k = 0; k < b->n_en; k++)
      en_row[b->en[k]] = i;
  }
  /* The word forms of each document, for spelling suggestions, and how
   * often each capitalised word stands inside a sentence (a name). */
  collect_forms (ru, forms_ru, names_ru);
  collect_forms (en, forms_en, names_en);
  all_en = g_new (guint, MAX (n_en, 1));
  for (guint e = 0; e < n_en; e++)
    all_en[e] = e;
  collect_numbers (en, all_en, n_en, en_all);
  /* The document's date: a year in its first three sentences. */
  {
    g_autoptr (GArray) head = g_array_new (FALSE, FALSE, sizeof (Num));
    guint first[3] = { 0, 1, 2 };
    collect_numbers (ru, first, MIN (n_ru, 3u), head);
    for (guint i = 0; i < head->len && c.doc_year == 0; i++)
      if (is_year (g_array_index (head, Num, i).value))
        c.doc_year = g_array_index (head, Num, i).value;
  }

  for (guint i = 0; i < nb; i++) {
    const SverkaBead *b = sverka_alignment_get_bead (al, i);
    if (b->n_ru > 0 && b->n_en == 0) {
      add_note (&c, SVERKA_NOTE_ADDITION,
                c.parallel ? SVERKA_SEVERITY_ERROR : SVERKA_SEVERITY_WARNING, b->ru, b->n_ru, NULL,
                0,
                g_strdup (c.parallel ? "ru sentence with no English counterpart"
                                     : "ru sentence with no support in the English text"));
    } else if (b->n_ru == 0 && b->n_en > 0) {
      add_note (&c, SVERKA_NOTE_OMISSION,
                c.parallel ? SVERKA_SEVERITY_ERROR : SVERKA_SEVERITY_INFO, NULL, 0, b->en, b->n_en,
                g_strdup (c.parallel ? "en sentence with no Russian counterpart"
                                     : "en sentence the Russian text does not cover"));
    }
    if (b->n_ru > 0) {
      check_numbers (&c, b, en_all);
      check_names (&c, b);
    }
    if (c.parallel) {
      check_bead_members (&c, b);
      check_relative_days (&c, b);
      check_months (&c, b);
    }
    check_spelling (&c, b, TRUE, seen_ru, forms_ru, names_ru);
    check_spelling (&c, b, FALSE, seen_en, forms_en, names_en);
  }
  check_terminology (&c, TRUE);
  check_terminology (&c, FALSE);
  check_hyphenation (&c, TRUE);
  check_hyphenation (&c, FALSE);
  if (c.parallel) {
    check_term_renderings (&c, lex);
    check_length (&c);
  }

  g_array_sort (notes->spans, compare_spans);
  for (guint i = 0; i < notes->spans->len; i++) {
    const NoteSpan *s = &g_array_index (notes->spans, NoteSpan, i);
    SverkaNote note = { s->kind, s->severity, s->n_ru,
                        s->n_ru ? &g_array_index (notes->ids, guint, s->ru_off) : NULL, s->n_en,
                        s->n_en ? &g_array_index (notes->ids, guint, s->en_off) : NULL,
                        s->message, s->n_marks,
                        s->n_marks ? &g_array_index (notes->marks, SverkaNoteMark, s->mark_off)
                                   : NULL };
    g_array_append_val (notes->notes, note);
  }
  return g_steal_pointer (&notes);
}

void
sverka_notes_free (SverkaNotes *notes)
{
  if (notes == NULL)
    return;
  for (guint i = 0; notes->spans != NULL && i < notes->spans->len; i++)
    g_free (g_array_index (notes->spans, NoteSpan, i).message);
  g_clear_pointer (&notes->spans, g_array_unref);
  g_clear_pointer (&notes->ids, g_array_unref);
  g_clear_pointer (&notes->notes, g_array_unref);
  g_clear_pointer (&notes->marks, g_array_unref);
  g_free (notes->verdict_reason);
  g_free (notes);
}

SverkaVerdict
sverka_notes_get_verdict (SverkaNotes *notes)
{
  return notes->verdict;
}

const char *
sverka_notes_get_verdict_reason (SverkaNotes *notes)
{
  return notes->verdict_reason;
}

guint
sverka_notes_get_n_notes (SverkaNotes *notes)
{
  return notes->notes->len;
}

const SverkaNote *
sverka_notes_get_note (SverkaNotes *notes, guint i)
{
  g_return_val_if_fail (i < notes->notes->len, NULL);
  return &g_array_index (notes->notes, SverkaNote, i);
}

guint
sverka_notes_count_at_least (SverkaNotes *notes, SverkaSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < notes->notes->len; i++)
    n += g_array_index (notes->notes, SverkaNote, i).severity >= severity;
  return n;
}
