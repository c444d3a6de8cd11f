/* test-segment-case.c: one data-driven segmentation case through the library.
 *
 * Usage: test-segment-case INPUT EXPECTED
 * Segments INPUT (with trimming) and compares the sentences, one per line,
 * with EXPECTED. Also checks that nothing is lost: the sentences, white space
 * removed, concatenate to the kept lines of INPUT, white space removed.
 * Prints a TAP report.
 */
#include <stdio.h>

#include "test-common.h"

static char *
strip_space (const char *s, gsize len)
{
  GString *out = g_string_new (NULL);
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!g_unichar_isspace (c))
      g_string_append_unichar (out, c);
  }
  return g_string_free (out, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = NULL;
  g_autoptr (SverkaDocument) doc = NULL;
  g_autofree char *expected = NULL;
  g_auto (GStrv) want = NULL;
  g_autoptr (GString) kept = g_string_new (NULL);
  g_autoptr (GString) got_all = g_string_new (NULL);
  g_autofree char *kept_stripped = NULL;
  g_autofree char *got_stripped = NULL;
  const char *data;
  guint n_want, n_got;
  int failures = 0;

  if (argc != 3) {
    fprintf (stderr, "usage: %s INPUT EXPECTED\n", argv[0]);
    return 2;
  }
  ctx = test_context_new ();
  doc = sverka_document_new_from_file (ctx, argv[1], NULL, &error);
  if (doc == NULL) {
    printf ("1..1\nnot ok 1 - %s: %s\n", argv[1], error->message);
    return 1;
  }
  if (!g_file_get_contents (argv[2], &expected, NULL, &error)) {
    printf ("1..1\nnot ok 1 - %s\n", error->message);
    return 1;
  }
  g_strchomp (expected);
  want = g_strsplit (expected, "\n", -1);
  n_want = g_strv_length (want);
  n_got = sverka_document_get_n_sentences (doc);

  printf ("1..2\n");
  for (guint i = 0; i < MAX (n_want, n_got); i++) {
    g_autofree char *got = i < n_got ? sverka_document_dup_sentence_text (doc, i) : NULL;
    const char *w = i < n_want ? want[i] : NULL;
    if (g_strcmp0 (got, w) != 0) {
      printf ("# sentence %u differs\n#   expected: %s\n#   got:      %s\n", i + 1,
              w != NULL ? w : "(none)", got != NULL ? got : "(none)");
      failures++;
      break;
    }
  }
  printf ("%s 1 - %s: %u sentences as expected\n", failures == 0 ? "ok" : "not ok", argv[1],
          n_want);

  data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < sverka_document_get_n_lines (doc); i++) {
    const SverkaLine *l = sverka_document_get_line (doc, i);
    if (!l->trimmed)
      g_string_append_len (kept, data + l->start, (gssize) (l->end - l->start));
  }
  for (guint i = 0; i < n_got; i++) {
    const SverkaSentence *s = sverka_document_get_sentence (doc, i);
    g_string_append_len (got_all, data + s->start, (gssize) (s->end - s->start));
  }
  kept_stripped = strip_space (kept->str, kept->len);
  got_stripped = strip_space (got_all->str, got_all->len);
  if (strcmp (kept_stripped, got_stripped) != 0) {
    printf ("# the sentences do not cover the kept text\n");
    failures++;
    printf ("not ok 2 - nothing lost\n");
  } else {
    printf ("ok 2 - nothing lost\n");
  }
  return failures == 0 ? 0 : 1;
}
