/* sverka-check-spelling.c: a lower-case word hunspell does not know, one
 * edit from words it knows (the one offered: one the document uses, else
 * the first in hunspell's order of suggestions); a capitalised word only
 * when a known word one edit away stands in the document ("Azarbaijan"
 * beside "Azerbaijan"), or a dictionary name one edit away sounds more like
 * the other side. */
#include <string.h>

#include "sverka-check-private.h"

/* Per side (0 English, 1 Russian): the words already looked at, the word
 * forms of the document for corrections, and how often each capitalised
 * word stands inside a sentence (a name). */
typedef struct {
  GHashTable *seen[2];
  GHashTable *forms[2];
  GHashTable *names[2];
  GArray *known_names[2];
} Spelling;

/* Part of a hyphenated word ("30-летие", "Нагорно-Карабах"): hunspell
 * judges the whole, not the parts. */
static gboolean
hyphen_part (SverkaDocument *doc, const SverkaToken *t)
{
  gsize len;
  const char *data = sverka_document_get_data (doc, &len);
  return (t->start > 0 && data[t->start - 1] == '-') || (t->end < len && data[t->end] == '-');
}

/* Part of a word joined by an apostrophe ("aujourd'hui", "hui"; in a text
 * already tokenised, "aujourd' hui"): of three letters or fewer after one,
 * hunspell judges the whole, not the part. */
static gboolean
apostrophe_part (SverkaDocument *doc, const SverkaToken *t)
{
  const char *data = sverka_document_get_data (doc, NULL);
  gsize at = t->start;

  if (g_utf8_strlen (t->word->fold, -1) > 3)
    return FALSE;
  if (at >= 1 && data[at - 1] == ' ')
    at--;
  return (at >= 1 && data[at - 1] == '\'')
         || (at >= 3 && memcmp (data + at - 3, "\xe2\x80\x99", 3) == 0);
}

/* An abbreviation: a lower-case word with a full stop right after it that
 * does not end its sentence ("capt. Evans", "usw. und"). */
static gboolean
abbreviation (SverkaDocument *doc, const SverkaToken *t)
{
  gsize len;
  const char *data = sverka_document_get_data (doc, &len);
  const SverkaSentence *se = sverka_document_get_sentence (doc, t->sentence);
  const SverkaToken *last = sverka_document_get_token (doc, se->first_token + se->n_tokens - 1);
  return t->end < len && data[t->end] == '.' && last != t && last->start > t->end;
}

/* Is @fold written with "oe" or "ae" for the ligature ("coeur", "oeuvre",
 * "moeurs") a word @lang's dictionary knows with it ("cœur")? */
static gboolean
known_with_ligature (SverkaContext *ctx, SverkaLanguage lang, const char *fold)
{
  static const char *const pairs[][2] = { { "oe", "\xc5\x93" }, { "ae", "\xc3\xa6" } };
  for (guint k = 0; k < G_N_ELEMENTS (pairs); k++) {
    if (strstr (fold, pairs[k][0]) != NULL) {
      g_autoptr (GString) w = g_string_new (fold);
      g_string_replace (w, pairs[k][0], pairs[k][1], 0);
      if (sverka_context_spell (ctx, lang, w->str))
        return TRUE;
    }
  }
  return FALSE;
}

/* In a pair of one script, is the word one of the other language (known to
 * its dictionary as written: "Alpen" in a French text)? Not a typo. */
static gboolean
other_language_word (SverkaChecker *c, gboolean russian, const SverkaToken *t)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  return doc->ctx->same_script
         && sverka_context_spell (doc->ctx, russian ? SVERKA_LANGUAGE_SECOND : SVERKA_LANGUAGE_FIRST,
                                  t->word->form);
}

/* The same word, transliterated, on the other side of the bead ("оглу" /
 * "oglu"): a name or a loan, not a typo. With @names_only, only names and
 * words the other side's dictionary lacks count: "profesional" beside
 * "профессиональный" is still a typo. */
static gboolean
sounds_like_other_side (SverkaChecker *c, const SverkaBead *b, gboolean russian,
                        const char *skeleton, gboolean names_only)
{
  SverkaDocument *other = russian ? c->en : c->ru;
  const guint *sents = russian ? b->en : b->ru;
  guint n = russian ? b->n_en : b->n_ru;
  if (skeleton == NULL)
    return FALSE;
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (other, sents[k]);
    for (guint i = 0; i < s->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (other, s->first_token + i)->word;
      if (names_only && (w->flags & SVERKA_WORD_SPELL_OK) && !(w->flags & SVERKA_WORD_CAPITALIZED))
        continue;
      if (w->skeleton != NULL && strlen (w->skeleton) >= 3
          && sverka_check_skeleton_similarity (skeleton, w->skeleton) >= 0.75
          && ABS ((int) strlen (w->skeleton) - (int) strlen (skeleton)) <= 2)
        return TRUE;
    }
  }
  return FALSE;
}

/* The correction to offer for lower-case @t, unknown to hunspell, or NULL if
 * it is no typo: a word one edit away that hunspell knows (one the document
 * uses first, then the first hunspell would suggest, then the first in
 * alphabetical order). An English inflection of such a word ("cargos") is
 * no typo. */
static char *
one_edit_correction (SverkaChecker *c, Spelling *s, gboolean russian, const SverkaToken *t,
                     SverkaLanguage lang)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  g_autofree char *lower = g_utf8_strdown (t->word->form, -1);
  g_auto (GStrv) cands = sverka_context_one_edit_words (doc->ctx, lang, lower);
  const char *pick = NULL;
  gboolean english = strcmp (sverka_context_get_language_code (doc->ctx, lang), "en") == 0;

  if (cands[0] == NULL)
    return NULL;
  for (guint i = 0; cands[i] != NULL; i++) {
    if (english && g_str_has_prefix (lower, cands[i])) {
      const char *rest = lower + strlen (cands[i]);
      if (strcmp (rest, "s") == 0 || strcmp (rest, "d") == 0)
        return NULL;
    }
    if (pick == NULL && g_hash_table_contains (s->forms[russian], cands[i]))
      pick = cands[i];
  }
  if (pick == NULL && cands[1] != NULL)
    pick = sverka_context_suggest_first (doc->ctx, lang, lower, (const char *const *) cands);
  if (pick == NULL)
    pick = cands[0];
  return g_strdup (pick);
}

/* A name the dictionary knows, with its characters in lower case (owned),
 * their number, and how often it stands capitalised inside a sentence. */
typedef struct {
  const SverkaWord *word;
  gunichar *folded;
  glong len;
  guint count;
} KnownName;

static int
compare_known_names (gconstpointer a, gconstpointer b)
{
  const KnownName *x = a, *y = b;
  return x->len < y->len ? -1 : x->len > y->len;
}

static void
known_name_clear (gpointer data)
{
  g_free (((KnownName *) data)->folded);
}

/* Each character of @s in lower case, as sverka_check_edit_distance()
 * compares them; their number in *@n. */
static gunichar *
fold_chars (const char *s, glong *n)
{
  gunichar *u = g_utf8_to_ucs4_fast (s, -1, n);
  for (glong i = 0; i < *n; i++)
    u[i] = g_unichar_tolower (u[i]);
  return u;
}

/* sverka_check_edit_distance() <= 1 of the folded characters @a and @b:
 * what is left of them between their longest common start and end is at
 * most one character each. */
static gboolean
within_one_edit (const gunichar *a, glong la, const gunichar *b, glong lb)
{
  glong m = MIN (la, lb), p = 0, q = 0;
  if (ABS (la - lb) > 1)
    return FALSE;
  while (p < m && a[p] == b[p])
    p++;
  while (q < m - p && a[la - 1 - q] == b[lb - 1 - q])
    q++;
  return la - p - q <= 1 && lb - p - q <= 1;
}

/* The names of @names hunspell knows, by length. */
static GArray *
known_names (GHashTable *names)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (KnownName));
  GHashTableIter it;
  gpointer key, value;
  g_array_set_clear_func (out, known_name_clear);
  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    const SverkaWord *w = key;
    KnownName k = { w, NULL, 0, GPOINTER_TO_UINT (value) };
    if (!(w->flags & SVERKA_WORD_SPELL_OK))
      continue;
    k.folded = fold_chars (w->form, &k.len);
    g_array_append_val (out, k);
  }
  g_array_sort (out, compare_known_names);
  return out;
}

/* The right spelling of capitalised @word, unknown to the dictionary, if the
 * document has it: a name one edit away, written capitalised inside a
 * sentence, and used at least NAME_TYPO_RATIO times as often ("Azarbaijan"
 * once beside "Azerbaijan" throughout). Two names one letter apart used
 * alike ("Hollande", "Holland") are two names. NULL if there is none. */
#define NAME_TYPO_RATIO 3

static char *
close_form (const SverkaWord *word, GHashTable *names, GArray *known)
{
  const char *best = NULL;
  glong len;
  g_autofree gunichar *folded = fold_chars (word->form, &len);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (names, word));
  guint lo = 0, hi = known->len;

  /* The first name of len - 1 letters or more. */
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (g_array_index (known, KnownName, mid).len < len - 1)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (guint i = lo; i < known->len; i++) {
    const KnownName *k = &g_array_index (known, KnownName, i);
    if (k->len > len + 1)
      break;
    if (k->word == word || k->count < NAME_TYPO_RATIO * MAX (count, 1u)
        || !within_one_edit (folded, len, k->folded, k->len))
      continue;
    if (best == NULL || strcmp (k->word->form, best) < 0)
      best = k->word->form;
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
lexicon_knows (SverkaChecker *c, const SverkaWord *w)
{
  return c->lex != NULL && !impossible_russian (w->fold)
         && (sverka_lexicon_first (c->lex, w->stem) != SVERKA_LEX_END
             || (w->lemma_stem != NULL
                 && sverka_lexicon_first (c->lex, w->lemma_stem) != SVERKA_LEX_END));
}

/* The best likeness of @skeleton to a word on the other side of @b, in [0, 1]. */
static double
best_likeness (SverkaChecker *c, const SverkaBead *b, gboolean russian, const char *skeleton)
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
        best = MAX (best, sverka_check_skeleton_similarity (skeleton, w->skeleton));
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

/* What a candidate for sounding_name() must beat: the skeletons of the
 * other side of the bead (3 letters or more) and @t's best likeness to
 * them. */
typedef struct {
  GPtrArray *others;
  double best;
  SverkaContext *ctx;
  SverkaLanguage lang; /* of the candidates' text */
} NameBar;

/* Is likeness (sverka_check_skeleton_similarity()) of @a and @b at least
 * NAME_LIKENESS and above @floor? Below 10 letters any difference leaves
 * less than 0.9 (1 - 1/9), so only a common start is measured. */
static gboolean
alike_enough (const char *a, const char *b, double floor)
{
  gsize l = MIN (strlen (a), strlen (b));
  double sim;
  /* (The shortcut holds while 1 - 1/9 falls short of NAME_LIKENESS.) */
  if (l < 10 && 1.0 - 1.0 / 9.0 < NAME_LIKENESS) {
    for (gsize i = 0; i < l; i++) {
      if (a[i] != b[i] && !((a[i] == 'u' && b[i] == 'v') || (a[i] == 'v' && b[i] == 'u')))
        return FALSE;
    }
  }
  sim = sverka_check_skeleton_similarity (a, b);
  return sim >= NAME_LIKENESS && sim > floor;
}

/* Could candidate @form pass sounding_name()'s test? The same test, on the
 * skeleton and capital its analysis will have, made before hunspell is
 * asked whether @form is a word at all: most candidates fail here, and
 * cheaply. */
static gboolean
may_sound_more_alike (const char *form, gpointer data)
{
  const NameBar *bar = data;
  g_autofree char *skeleton = sverka_context_name_skeleton (bar->ctx, bar->lang, form);

  if (skeleton == NULL)
    return FALSE;
  for (guint i = 0; i < bar->others->len; i++) {
    if (alike_enough (skeleton, g_ptr_array_index (bar->others, i), bar->best + LIKENESS_MARGIN))
      return TRUE;
  }
  return FALSE;
}

/* The skeletons of the words on the other side of @b, 3 letters or more. */
static GPtrArray *
other_side_skeletons (SverkaChecker *c, const SverkaBead *b, gboolean russian)
{
  SverkaDocument *other = russian ? c->en : c->ru;
  const guint *sents = russian ? b->en : b->ru;
  guint n = russian ? b->n_en : b->n_ru;
  GPtrArray *out = g_ptr_array_new ();
  for (guint k = 0; k < n; k++) {
    const SverkaSentence *s = sverka_document_get_sentence (other, sents[k]);
    for (guint i = 0; i < s->n_tokens; i++) {
      const SverkaWord *w = sverka_document_get_token (other, s->first_token + i)->word;
      if (w->skeleton != NULL && strlen (w->skeleton) >= 3)
        g_ptr_array_add (out, (gpointer) w->skeleton);
    }
  }
  return out;
}

/* The dictionary name one edit from rare @t that sounds most like the other
 * side, by NAME_LIKENESS at least and LIKENESS_MARGIN more than @t does, or
 * NULL. */
static char *
sounding_name (SverkaChecker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
               GHashTable *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  SverkaLanguage lang = russian ? SVERKA_LANGUAGE_RU : SVERKA_LANGUAGE_EN;
  g_auto (GStrv) cands = NULL;
  double best;
  char *form = NULL;
  NameBar bar;

  if (GPOINTER_TO_UINT (g_hash_table_lookup (names, t->word)) > RARE_NAME_COUNT)
    return NULL;
  best = best_likeness (c, b, russian, t->word->skeleton);
  /* No likeness exceeds 1: nothing can beat @t by the margin. */
  if (!(1.0 > best + LIKENESS_MARGIN))
    return NULL;
  bar = (NameBar) { other_side_skeletons (c, b, russian), best, doc->ctx, doc->language };
  cands = sverka_context_one_edit_words_filtered (doc->ctx, lang, t->word->form,
                                                  may_sound_more_alike, &bar);
  g_ptr_array_unref (bar.others);
  for (guint i = 0; cands[i] != NULL; i++) {
    const SverkaWord *w = sverka_context_lookup_word (doc->ctx, doc->language, cands[i],
                                                      strlen (cands[i]), FALSE, NULL);
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
better_name_nearby (SverkaChecker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
                    GHashTable *names)
{
  g_autofree char *form = sounding_name (c, b, russian, t, names);
  return form != NULL;
}

/* The right spelling of capitalised @t: a name of the document
 * (close_form()), else a dictionary name one edit away that sounds more like
 * the other side. */
static char *
close_name (SverkaChecker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t,
            GHashTable *names, GArray *known)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  char *form = close_form (t->word, names, known);
  gboolean other_side = (russian ? b->n_en : b->n_ru) > 0;

  /* Where the bead has another side, the right spelling sounds more like
   * it; without one, a short name is too easily one letter from another. */
  if (form != NULL) {
    const SverkaWord *w = sverka_context_lookup_word (doc->ctx, doc->language, form,
                                                      strlen (form), FALSE, NULL);
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
check_spelling (SverkaChecker *c, Spelling *sp, const SverkaBead *b, gboolean russian)
{
  GHashTable *seen = sp->seen[russian], *names = sp->names[russian];
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const guint *sents = russian ? b->ru : b->en;
  guint n = russian ? b->n_ru : b->n_en;

  for (guint k = 0; k < n; k++) {
    const SverkaSentFeatures *f = sverka_side_sentence (side, sents[k]);
    guint64 mask = (russian ? b->n_en : b->n_ru) > 0
                       ? sverka_check_bead_mask (c, b, russian, sents[k])
                       : 0;
    for (guint u = 0; u < f->n_units && u < 63; u++) {
      const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
      const SverkaToken *t = sverka_document_get_token (doc, unit->token);
      guint fl = t->word->flags;
      gboolean capital = (fl & SVERKA_WORD_CAPITALIZED) != 0;
      SverkaLanguage lang = sverka_context_script_language (
          doc->ctx, russian ? SVERKA_LANGUAGE_FIRST : SVERKA_LANGUAGE_SECOND, fl);
      g_autofree char *sugg = NULL;
      guint sentence[1] = { sents[k] };

      /* A capitalised word that matches the other side is a name there too;
       * a lower-case typo may still match through its sound skeleton. */
      if (!(fl & SVERKA_WORD_SPELL_CHECKED) || (fl & SVERKA_WORD_SPELL_OK)
          || (fl & SVERKA_WORD_UPPERCASE) || (capital && (mask & (G_GUINT64_CONSTANT (1) << u)))
          || g_utf8_strlen (t->word->fold, -1) < 3 || g_hash_table_contains (seen, t->word)
          /* a figure with a unit or multiplier glued on: "60m", "3bln" */
          || g_ascii_isdigit (t->word->fold[0])
          || hyphen_part (doc, t) || apostrophe_part (doc, t)
          || (!capital && abbreviation (doc, t))
          || known_with_ligature (doc->ctx, lang, t->word->fold)
          || other_language_word (c, russian, t)
          /* "a.m.", "p.m.": the times of day, not in hunspell's list */
          || strcmp (t->word->fold, "a.m") == 0 || strcmp (t->word->fold, "p.m") == 0
          || (sounds_like_other_side (c, b, russian, t->word->skeleton, !capital)
              && !(capital && better_name_nearby (c, b, russian, t, names)))
          || (russian && lexicon_knows (c, t->word)))
        continue;
      g_hash_table_add (seen, (gpointer) t->word);
      /* A capitalised word is a typo only beside its right spelling: look
       * for that among the document's words rather than ask hunspell, which
       * is slow, for every name. */
      sugg = capital ? close_name (c, b, russian, t, names, sp->known_names[russian])
                     : one_edit_correction (c, sp, russian, t, lang);
      if (sugg == NULL)
        continue;
      sverka_checker_add_side_note (c, SVERKA_NOTE_SPELLING, SVERKA_SEVERITY_WARNING,
                                    russian, sentence, 1,
                               g_strdup_printf ("%s \"%s\": not in the %s dictionary; did you "
                                                "mean \"%s\"?",
                                                sverka_checker_code (c, russian), t->word->form,
                                                sverka_context_lang (doc->ctx, lang)->pack->name,
                                                sugg));
      sverka_checker_add_token_mark (c, russian, t);
    }
  }
}

static void
spelling_free (gpointer data)
{
  Spelling *s = data;
  for (guint i = 0; i < 2; i++) {
    g_hash_table_unref (s->seen[i]);
    g_hash_table_unref (s->forms[i]);
    g_hash_table_unref (s->names[i]);
    g_array_unref (s->known_names[i]);
  }
  g_free (s);
}

static gpointer
begin (SverkaChecker *c)
{
  Spelling *s = g_new0 (Spelling, 1);
  for (guint i = 0; i < 2; i++) {
    s->seen[i] = g_hash_table_new (g_direct_hash, g_direct_equal);
    s->forms[i] = g_hash_table_new (g_str_hash, g_str_equal);
    s->names[i] = g_hash_table_new (g_direct_hash, g_direct_equal);
  }
  collect_forms (c->ru, s->forms[TRUE], s->names[TRUE]);
  collect_forms (c->en, s->forms[FALSE], s->names[FALSE]);
  for (guint i = 0; i < 2; i++)
    s->known_names[i] = known_names (s->names[i]);
  return s;
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  check_spelling (c, state, b, TRUE);
  check_spelling (c, state, b, FALSE);
}

const SverkaCheck sverka_check_spelling = {
  .name = "spelling",
  .begin = begin,
  .bead = check_bead,
  .free_state = spelling_free,
};
