/* sverka-cli-tokens.c: `sverka tokens FILE`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sverka-cli-private.h"

static void
append_flag (GString *out, gboolean on, const char *name)
{
  if (!on)
    return;
  if (out->len > 0 && out->str[out->len - 1] != '\t')
    g_string_append_c (out, ',');
  g_string_append (out, name);
}

static int
cmd_tokens (const SverkaCliOptions *opts, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SverkaContext) ctx = sverka_cli_make_context (opts, &error);
  g_autoptr (SverkaDocument) doc = NULL;
  g_autoptr (GString) out = g_string_new ("sentence\ttoken\tfold\tstem\tlemma\tskeleton\tflags\n");
  const char *data;

  if (ctx == NULL)
    return sverka_cli_fail (error);
  doc = sverka_cli_load (ctx, path, opts, &error);
  if (doc == NULL)
    return sverka_cli_fail (error);
  if (!sverka_document_analyze (doc, &error))
    return sverka_cli_fail (error);
  sverka_cli_report_trimmed (doc, opts);
  data = sverka_document_get_data (doc, NULL);
  for (guint i = 0; i < sverka_document_get_n_tokens (doc); i++) {
    const SverkaToken *t = sverka_document_get_token (doc, i);
    const SverkaWord *w = t->word;
    guint f = w->flags;
    g_string_append_printf (out, "%u\t%.*s\t%s\t%s\t%s\t%s\t", t->sentence + 1,
                            (int) (t->end - t->start), data + t->start, w->fold, w->stem,
                            w->lemma != NULL ? w->lemma : "",
                            w->skeleton != NULL ? w->skeleton : "");
    append_flag (out, f & SVERKA_WORD_NUMBER, "number");
    append_flag (out, f & SVERKA_WORD_CAPITALIZED, "capitalized");
    append_flag (out, f & SVERKA_WORD_UPPERCASE, "uppercase");
    append_flag (out, f & SVERKA_WORD_LATIN, "latin");
    append_flag (out, f & SVERKA_WORD_CYRILLIC, "cyrillic");
    append_flag (out, f & SVERKA_WORD_MIXED_SCRIPT, "mixed-script");
    append_flag (out, (f & SVERKA_WORD_SPELL_CHECKED) && !(f & SVERKA_WORD_SPELL_OK),
                 "misspelled");
    append_flag (out, t->flags & SVERKA_TOKEN_SENTENCE_INITIAL, "initial");
    append_flag (out, t->flags & SVERKA_TOKEN_FOREIGN, "foreign");
    g_string_append_c (out, '\n');
  }
  return sverka_cli_write_output (opts->output, out->str, out->len);
}

int
sverka_cli_tokens (int argc, char **argv)
{
  static const char *const names[] = {
    "output-text", "lang", "input-format", "encoding", "keep-all", "show-trimmed", "dict-dir",
    "hunspell-dir", "quiet", NULL,
  };
  return sverka_cli_run_on_file (
      argc, argv, "tokens", names,
      "Print the words of FILE (- for standard input) with their analyses, as TSV: sentence,\n"
      "token, fold, Snowball stem, hunspell lemma, sound skeleton and flags.",
      cmd_tokens);
}
