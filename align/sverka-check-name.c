/* sverka-check-name.c: a capitalised word inside a sentence, with no match
 * in its bead on the other side, while the other side has an unmatched name
 * too (one name put for another). In comparable mode, a name of the first
 * text found nowhere in the second. For any pair: names are told by the
 * packs' dictionaries (and `capitalised-nouns`), matched by their sound
 * skeletons (the spelling, in a pair of one script). */
#include <math.h>
#include <string.h>

#include "sverka-check-private.h"

/* One name put for another stands where the other stood: at most this far
 * apart, as shares of their sides of the bead, for an error. */
#define MAX_PLACE_SHIFT 0.35

static const char *
token_text (SverkaDocument *doc, const SverkaToken *t, GString *buf)
{
  const char *data = sverka_document_get_data (doc, NULL);
  g_string_assign (buf, "");
  g_string_append_len (buf, data + t->start, (gssize) (t->end - t->start));
  return buf->str;
}

/* Is folded word @fold a month's name, or a weekday's in @lang? */
static gboolean
is_calendar_word (SverkaContext *ctx, SverkaLanguage lang, const char *fold)
{
  const SverkaWeekdays *w = sverka_context_lang (ctx, lang)->weekdays;
  SverkaWeekdayKind kind;
  if (sverka_context_month_of_word (ctx, fold) != 0)
    return TRUE;
  return w != NULL && sverka_weekdays_lookup (w, fold, &kind) != 0
         && kind == SVERKA_WEEKDAY_NAME;
}

/* Is token @t of the first text (@first) or the second a name? */
static gboolean
is_name_token (SverkaChecker *c, gboolean first, const SverkaToken *t)
{
  SverkaDocument *doc = first ? c->ru : c->en;
  guint f = t->word->flags;
  SverkaLanguage lang;
  const SverkaLanguagePack *pack;

  if (!(f & SVERKA_WORD_LETTERS) || !(f & SVERKA_WORD_CAPITALIZED) || (f & SVERKA_WORD_UPPERCASE)
      || !(f & SVERKA_WORD_SPELL_CHECKED) || (t->flags & SVERKA_TOKEN_SENTENCE_INITIAL)
      || g_utf8_strlen (t->word->fold, -1) < 3
      || sverka_context_is_stopword (doc->ctx, t->word->fold))
    return FALSE;
  lang = sverka_context_script_language (
      doc->ctx, first ? SVERKA_LANGUAGE_FIRST : SVERKA_LANGUAGE_SECOND, f);
  pack = sverka_context_lang (doc->ctx, lang)->pack;
  /* Languages of the Latin script capitalise days, months and peoples too
   * ("Sunday", "Turks"); their short words and those with an apostrophe
   * are mostly no names. */
  if (pack->script == SVERKA_SCRIPT_LATIN
      && (strchr (t->word->fold, '\'') != NULL || g_utf8_strlen (t->word->fold, -1) < 4
          || is_calendar_word (doc->ctx, lang, t->word->fold)))
    return FALSE;
  /* Where every noun is capitalised (German), a name is a word the
   * dictionary does not know as written. Elsewhere a word known in lower
   * case is a common noun ("Программой", official style), and a name is
   * known only with its capital, or not at all ("Баку", "Rouhani"). */
  if (pack->capitalised_nouns)
    return !sverka_context_spell (doc->ctx, lang, token_text (doc, t, c->buf));
  return !sverka_context_spell (doc->ctx, lang, t->word->fold);
}

/* Appends to @names the unmatched name tokens of sentence @s. */
static void
unmatched_names (SverkaChecker *c, const SverkaBead *b, gboolean russian, guint s, GPtrArray *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSide *side = russian ? &c->sc->ru : &c->sc->en;
  const SverkaSentFeatures *f = sverka_side_sentence (side, s);
  guint64 mask = sverka_check_bead_mask (c, b, russian, s);

  for (guint u = 0; u < f->n_units && u < 63; u++) {
    const SverkaUnit *unit = &g_array_index (side->units, SverkaUnit, f->first_unit + u);
    const SverkaToken *t = sverka_document_get_token (doc, unit->token);
    if ((mask & (G_GUINT64_CONSTANT (1) << u)) || !is_name_token (c, russian, t))
      continue;
    g_ptr_array_add (names, (gpointer) t);
  }
}

/* Do two skeletons name one thing: alike (sverka_check_skeleton_similarity()
 * at least 0.5), or one holding the other's first four letters inside it
 * (Великобритания / British: "velikobritania" holds "brit"). */
static gboolean
sound_alike (const char *a, const char *b)
{
  char head[5];
  if (sverka_check_skeleton_similarity (a, b) >= 0.5)
    return TRUE;
  for (guint k = 0; k < 2; k++) {
    const char *x = k == 0 ? a : b, *y = k == 0 ? b : a;
    if (strlen (x) < 4 || strlen (y) <= strlen (x))
      continue;
    memcpy (head, x, 4);
    head[4] = '\0';
    if (strstr (y, head) != NULL)
      return TRUE;
  }
  return FALSE;
}

/* Do name @r of the first text and name @e of the second sound alike, by
 * the plain skeletons (their spelling in a pair of one script) or, when
 * the second language is English, by its skeleton read as English is
 * spoken? */
static gboolean
pair_alike (gboolean english, const SverkaToken *r, const SverkaToken *e)
{
  g_autofree char *spoken = NULL;
  if (r->word->skeleton == NULL || e->word->skeleton == NULL)
    return FALSE;
  if (sound_alike (r->word->skeleton, e->word->skeleton))
    return TRUE;
  if (!english)
    return FALSE;
  spoken = sverka_translit_english_sound (e->word->fold);
  return spoken != NULL && sound_alike (r->word->skeleton, spoken);
}

/* Transliterations vary (Мерриуэзер / Merriweather, Сейнсбери /
 * Sainsbury's): an unmatched name on one side that sounds like one on the
 * other is the same name, and both go. */
static void
drop_similar_names (gboolean english, GPtrArray *rn, GPtrArray *en)
{
  for (guint i = 0; i < rn->len; i++) {
    const SverkaToken *r = g_ptr_array_index (rn, i);
    for (guint j = 0; j < en->len; j++) {
      const SverkaToken *e = g_ptr_array_index (en, j);
      if (pair_alike (english, r, e)) {
        g_ptr_array_remove_index (rn, i);
        g_ptr_array_remove_index (en, j);
        i--;
        break;
      }
    }
  }
}

/* The words of sentence @s that may be a name, matched or not: any
 * capitalised word of three letters or more that is no stop word, known to
 * the dictionary or not, at the start of the sentence or not. A name the
 * dictionary knows ("Dan", "West", "Lewis", "Тарой") or one that starts
 * the sentence is no name for the note, but it is there for the other
 * side's name to be found in. */
static void
bead_names (SverkaChecker *c, gboolean russian, guint s, GPtrArray *names)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const SverkaSentence *se = sverka_document_get_sentence (doc, s);
  for (guint i = 0; i < se->n_tokens; i++) {
    const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
    guint f = t->word->flags;
    if ((f & SVERKA_WORD_LETTERS) && (f & SVERKA_WORD_CAPITALIZED) && t->word->skeleton != NULL
        && g_utf8_strlen (t->word->fold, -1) >= 3
        && !sverka_context_is_stopword (doc->ctx, t->word->fold))
      g_ptr_array_add (names, (gpointer) t);
  }
}

/* Removes from @names (Russian ones if @russian) those that sound like one
 * of @others (of the other language). */
static void
drop_sounding_like (gboolean english, GPtrArray *names, GPtrArray *others, gboolean russian)
{
  for (guint i = 0; i < names->len; i++) {
    const SverkaToken *r = g_ptr_array_index (names, i);
    for (guint j = 0; j < others->len; j++) {
      const SverkaToken *e = g_ptr_array_index (others, j);
      if (russian ? pair_alike (english, r, e) : pair_alike (english, e, r)) {
        g_ptr_array_remove_index (names, i);
        i--;
        break;
      }
    }
  }
}

/* Does any key of the unit starting at Russian token @t occur anywhere in
 * the English text (@en_keys: per key id, does the English text hold it?) */
static gboolean
unit_in_english (SverkaChecker *c, const gboolean *en_keys, const SverkaToken *t)
{
  const SverkaSentFeatures *f = sverka_side_sentence (&c->sc->ru, t->sentence);
  for (guint u = 0; u < f->n_units; u++) {
    const SverkaUnit *unit = &g_array_index (c->sc->ru.units, SverkaUnit, f->first_unit + u);
    if (sverka_document_get_token (c->ru, unit->token) != t)
      continue;
    for (guint k = 0; k < unit->n_keys; k++)
      if (en_keys[g_array_index (c->sc->ru.keys, guint, unit->first_key + k)])
        return TRUE;
    return FALSE;
  }
  return FALSE;
}

/* Does a sentence of the bead on one side hold a personal pronoun of the
 * third person singular, which may stand for a name the other side gives
 * ("Канье Уэст выступит..." / "He replaces...")? Not they or their, which
 * stand for groups ("thanked the ministers for their hospitality"). The
 * pronouns are the pack's (`pronouns`); a pack without them has none. */
static gboolean
has_pronoun (SverkaChecker *c, const SverkaBead *b, gboolean russian)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  char **list = sverka_context_lang (doc->ctx, russian ? SVERKA_LANGUAGE_FIRST
                                                       : SVERKA_LANGUAGE_SECOND)->pack->pronouns;

  for (guint k = 0; list != NULL && k < (russian ? b->n_ru : b->n_en); k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, russian ? b->ru[k] : b->en[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      const SverkaToken *t = sverka_document_get_token (doc, se->first_token + i);
      if (g_strv_contains ((const char *const *) list, t->word->fold))
        return TRUE;
    }
  }
  return FALSE;
}

/* Where token @t stands in its side of bead @b, from 0 (its first token)
 * to 1 (its last). */
static double
place_in_bead (SverkaChecker *c, const SverkaBead *b, gboolean russian, const SverkaToken *t)
{
  SverkaDocument *doc = russian ? c->ru : c->en;
  const guint *ids = russian ? b->ru : b->en;
  guint n = russian ? b->n_ru : b->n_en, before = 0, total = 0;

  for (guint k = 0; k < n; k++) {
    const SverkaSentence *se = sverka_document_get_sentence (doc, ids[k]);
    for (guint i = 0; i < se->n_tokens; i++) {
      if (sverka_document_get_token (doc, se->first_token + i) == t)
        before = total;
      total++;
    }
  }
  return total > 1 ? (double) before / (double) (total - 1) : 0.5;
}

static void
check_names (SverkaChecker *c, const SverkaBead *b, const gboolean *en_keys)
{
  g_autoptr (GPtrArray) rn = g_ptr_array_new ();
  g_autoptr (GPtrArray) en = g_ptr_array_new ();
  GString *msg;
  SverkaSeverity severity;
  gboolean english = strcmp (sverka_checker_code (c, FALSE), "en") == 0;

  for (guint k = 0; k < b->n_ru; k++)
    unmatched_names (c, b, TRUE, b->ru[k], rn);
  for (guint k = 0; k < b->n_en; k++)
    unmatched_names (c, b, FALSE, b->en[k], en);
  drop_similar_names (english, rn, en);
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
    drop_sounding_like (english, rn, all_en, TRUE);
    drop_sounding_like (english, en, all_ru, FALSE);
  }
  if (rn->len == 0 || (c->parallel && en->len == 0))
    return;
  if (!c->parallel) {
    /* Comparable: only names with no key anywhere in the English text. */
    g_autoptr (GPtrArray) still = g_ptr_array_new ();
    for (guint i = 0; i < rn->len; i++) {
      const SverkaToken *t = g_ptr_array_index (rn, i);
      if (!unit_in_english (c, en_keys, t))
        g_ptr_array_add (still, (gpointer) t);
    }
    if (still->len == 0)
      return;
    g_ptr_array_set_size (rn, 0);
    for (guint i = 0; i < still->len; i++)
      g_ptr_array_add (rn, g_ptr_array_index (still, i));
    g_ptr_array_set_size (en, 0);
  }
  msg = g_string_new (sverka_checker_code (c, TRUE));
  g_string_append_c (msg, ' ');
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
    g_string_append_printf (msg, "; %s ", sverka_checker_code (c, FALSE));
    for (guint i = 0; i < en->len; i++) {
      const SverkaToken *e = g_ptr_array_index (en, i);
      if (i > 0)
        g_string_append (msg, ", ");
      g_string_append (msg, token_text (c->en, e, c->buf));
      for (guint j = 0; j < rn->len; j++) {
        const SverkaToken *r = g_ptr_array_index (rn, j);
        if (r->word->skeleton != NULL && e->word->skeleton != NULL) {
          most = MAX (most,
                      sverka_check_skeleton_similarity (r->word->skeleton, e->word->skeleton));
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
     * replaced by a description, which a reader should look at; so is a
     * name where the other side has a pronoun that may stand for it, and
     * two names far apart in their sentences (one added at the start, one
     * left out at the end: "кандидатуры Кавано ..." / "... Arizona Sen."). */
    if (most < 0.25 && rn->len == 1 && en->len == 1 && !has_pronoun (c, b, TRUE)
        && !has_pronoun (c, b, FALSE)
        && fabs (place_in_bead (c, b, TRUE, g_ptr_array_index (rn, 0))
                 - place_in_bead (c, b, FALSE, g_ptr_array_index (en, 0)))
               <= MAX_PLACE_SHIFT)
      severity = SVERKA_SEVERITY_ERROR;
  } else {
    g_string_append_printf (msg, ": not in the %s text", sverka_checker_language (c, FALSE));
  }
  sverka_checker_add_note (c, SVERKA_NOTE_NAME, severity, b->ru, b->n_ru, b->en, b->n_en,
                           g_string_free (msg, FALSE));
  for (guint i = 0; i < rn->len; i++)
    sverka_checker_add_token_mark (c, TRUE, g_ptr_array_index (rn, i));
  for (guint i = 0; i < en->len; i++)
    sverka_checker_add_token_mark (c, FALSE, g_ptr_array_index (en, i));
}

/* Per key id, does the English text hold it? Comparable mode looks for a
 * name in the whole English text; in parallel mode all stay FALSE, unread. */
static gpointer
begin (SverkaChecker *c)
{
  gboolean *en_keys = g_new0 (gboolean, MAX (c->sc->n_ids, 1));
  for (guint e = 0; !c->parallel && e < c->sc->en.sents->len; e++) {
    const SverkaSentFeatures *f = sverka_side_sentence (&c->sc->en, e);
    for (guint k = 0; k < f->n_sorted; k++)
      en_keys[g_array_index (c->sc->en.sorted_keys, guint, f->first_sorted + k)] = TRUE;
  }
  return en_keys;
}

static void
check_bead (SverkaChecker *c, gpointer state, const SverkaBead *b)
{
  if (b->n_ru > 0)
    check_names (c, b, state);
}

const SverkaCheck sverka_check_name = {
  .name = "name",
  .begin = begin,
  .bead = check_bead,
  .free_state = g_free,
};
