/* sverka-cli-segment.c: `sverka segment FILE`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"

static int
cmd_segment (const SverkaCliOptions *opts, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = sverka_cli_make_context (opts, &error);
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (ctx == NULL)
    return sverka_cli_fail (error);
  doc = sverka_cli_load (ctx, path, opts, &error);
  if (doc == NULL)
    return sverka_cli_fail (error);
  sverka_cli_report_trimmed (doc, opts);
  for (guint i = 0; i < sverka_document_get_n_sentences (doc); i++) {
    g_autofree char *text = sverka_document_dup_sentence_text (doc, i);
    if (opts->ids)
      g_string_append_printf (out, "%u\t", sverka_document_get_sentence_id (doc, i));
    g_string_append (out, text);
    g_string_append_c (out, '\n');
  }
  return sverka_cli_write_output (opts->output, out->str, out->len);
}

int
sverka_cli_segment (int argc, char **argv)
{
  static const char *const names[] = {
    "output-text", "ids", "lang", "split", "input-format", "encoding", "keep-all", "show-trimmed",
    "dict-dir", "hunspell-dir", "quiet", NULL,
  };
  return sverka_cli_run_on_file (
      argc, argv, "segment", names,
      "Print the sentences of FILE (- for standard input), one per line.",
      cmd_segment);
}
