/* sverka-write-ladder.c: the alignment as hunalign's ladder.
 *
 * A ladder is a list of rungs "i<TAB>j<TAB>score": the first i Russian
 * sentences correspond to the first j English ones. Consecutive rungs bound
 * a segment (a bead), and the score of a rung is the score of the segment it
 * starts. The first rung is 0 0 and the last is N M, the numbers of
 * sentences (hunalign's own output leaves the last rung out; tools that read
 * rungs pairwise, like its ladder2text.py, need it to see the last segment).
 * A 1-0 bead is a step in i only, 0-1 a step in j only, n-m a step of n and m.
 *
 * Rungs cannot cross. A parallel alignment is written bead for bead, unless
 * it has moved blocks (SVERKA_BEAD_MOVED), whose links cross the others. A
 * comparable one may have crossing links and English sentences shared by
 * several rows. Both are then written as their largest non-crossing part:
 * the longest chain of beads whose sentences on each side are contiguous
 * and in order on both sides. The sentences outside the chain become 1-0
 * and 0-1 segments with the score 0: a moved block comes out as sentences
 * without counterpart (or, when it is the longer part, the sentences it
 * moved past do). */
#include "sverka-write.h"

typedef struct {
  guint ru_first, ru_end; /* [first, end) */
  guint en_first, en_end;
  double score;
} Span;

static void
append_rung (GString *out, guint i, guint j, double score)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (out, "%u\t%u\t%s\n", i, j,
                          g_ascii_formatd (num, sizeof num, "%.3f", score));
}

/* The span of @n contiguous ascending @ids, or FALSE. */
static gboolean
contiguous (const guint *ids, guint n, guint *first, guint *end)
{
  if (n == 0)
    return FALSE;
  for (guint k = 1; k < n; k++) {
    if (ids[k] != ids[k - 1] + 1)
      return FALSE;
  }
  *first = ids[0];
  *end = ids[n - 1] + 1;
  return TRUE;
}

/* TRUE if the beads cover both sides in order, each sentence once: the
 * alignment is a ladder already. */
static gboolean
is_monotonic (SverkaAlignment *al, guint n_ru, guint n_en)
{
  guint i = 0, j = 0;

  for (guint b = 0; b < sverka_alignment_get_n_beads (al); b++) {
    const SverkaBead *bead = sverka_alignment_get_bead (al, b);
    guint first, end;
    if (bead->n_ru > 0) {
      if (!contiguous (bead->ru, bead->n_ru, &first, &end) || first != i)
        return FALSE;
      i = end;
    }
    if (bead->n_en > 0) {
      if (!contiguous (bead->en, bead->n_en, &first, &end) || first != j)
        return FALSE;
      j = end;
    }
  }
  return i == n_ru && j == n_en;
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;
  if (x->ru_first != y->ru_first)
    return x->ru_first < y->ru_first ? -1 : 1;
  if (x->en_first != y->en_first)
    return x->en_first < y->en_first ? -1 : 1;
  return 0;
}

/* The longest chain of @spans (sorted by Russian start) strictly increasing
 * on both sides, by patience sorting: tails[k] is the chain of length k + 1
 * whose English end is least. Returns the chain's indices in order. */
static GArray *
longest_chain (const GArray *spans)
{
  guint n = spans->len;
  g_autofree guint *tails = g_new (guint, n + 1);
  g_autofree guint *prev = g_new (guint, n + 1);
  guint len = 0;
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint s = 0; s < n; s++) {
    const Span *sp = &g_array_index (spans, Span, s);
    guint lo = 0, hi = len;
    /* The longest chain that @sp can follow: the last k with the English end
     * of tails[k - 1] <= sp->en_first (ends are exclusive). The Russian
     * side increases: spans of different beads have disjoint Russian
     * sentences, and a span starting where the chain's last ended is
     * excluded by the check below. */
    while (lo < hi) {
      guint mid = (lo + hi) / 2;
      const Span *t = &g_array_index (spans, Span, tails[mid]);
      if (t->en_end <= sp->en_first)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo > 0 && g_array_index (spans, Span, tails[lo - 1]).ru_end > sp->ru_first)
      continue;
    prev[s] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
    if (lo == len || g_array_index (spans, Span, tails[lo]).en_end > sp->en_end)
      tails[lo] = s;
    if (lo == len)
      len++;
  }
  if (len > 0) {
    g_array_set_size (chain, len);
    for (guint s = tails[len - 1], k = len; k > 0; s = prev[s])
      g_array_index (chain, guint, --k) = s;
  }
  return chain;
}

static void
write_chain (GString *out, SverkaAlignment *al, guint n_ru, guint n_en)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) chain = NULL;
  guint i = 0, j = 0;

  for (guint b = 0; b < sverka_alignment_get_n_beads (al); b++) {
    const SverkaBead *bead = sverka_alignment_get_bead (al, b);
    Span sp = { .score = bead->score };
    if (contiguous (bead->ru, bead->n_ru, &sp.ru_first, &sp.ru_end)
        && contiguous (bead->en, bead->n_en, &sp.en_first, &sp.en_end))
      g_array_append_val (spans, sp);
  }
  g_array_sort (spans, compare_spans);
  chain = longest_chain (spans);

  for (guint k = 0; k <= chain->len; k++) {
    const Span *sp = k < chain->len ? &g_array_index (spans, Span, g_array_index (chain, guint, k))
                                    : NULL;
    guint ru_to = sp != NULL ? sp->ru_first : n_ru;
    guint en_to = sp != NULL ? sp->en_first : n_en;
    for (; i < ru_to; i++)
      append_rung (out, i, j, 0);
    for (; j < en_to; j++)
      append_rung (out, i, j, 0);
    if (sp != NULL) {
      append_rung (out, i, j, sp->score);
      i = sp->ru_end;
      j = sp->en_end;
    }
  }
}

char *
sverka_write_ladder (SverkaAlignment *alignment, SverkaDocument *ru, SverkaDocument *en)
{
  GString *out = g_string_new (NULL);
  guint n_ru = sverka_document_get_n_sentences (ru);
  guint n_en = sverka_document_get_n_sentences (en);

  if (is_monotonic (alignment, n_ru, n_en)) {
    guint i = 0, j = 0;
    for (guint b = 0; b < sverka_alignment_get_n_beads (alignment); b++) {
      const SverkaBead *bead = sverka_alignment_get_bead (alignment, b);
      append_rung (out, i, j, bead->score);
      i += bead->n_ru;
      j += bead->n_en;
    }
  } else {
    write_chain (out, alignment, n_ru, n_en);
  }
  append_rung (out, n_ru, n_en, 0);
  return g_string_free (out, FALSE);
}
