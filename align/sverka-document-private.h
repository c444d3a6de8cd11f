/* sverka-document-private.h: the inside of SverkaDocument, shared by the
 * modules that build it: text (validation, lines, blocks, trimming),
 * segment (sentences) and token (words). */
#pragma once

#include "sverka-context-private.h"
#include "sverka-document.h"

G_BEGIN_DECLS

/* A block is a run of adjacent non-blank lines that form one paragraph:
 * lines are joined when a line without final punctuation is followed by one
 * that starts in lower case, or when a short speaker label ending in ':'
 * stands on a line of its own. */
typedef struct {
  guint first_line; /* index into lines */
  guint last_line;  /* inclusive */
} SverkaBlock;

struct _SverkaDocument {
  SverkaContext *ctx; /* (owned) reference */
  char *name;
  char *data; /* the input exactly as read, NUL-terminated */
  gsize len;
  gsize bom_len; /* 3 if a UTF-8 byte order mark was skipped */
  SverkaLanguage language;
  double cyrillic_share;
  SverkaLanguage detected; /* by script; AUTO without letters */
  GArray *lines;     /* SverkaLine */
  GArray *blocks;    /* SverkaBlock, not trimmed ones */
  guint n_trimmed;
  GArray *sentences; /* SverkaSentence */
  GArray *tokens;    /* SverkaToken */
  GPtrArray *turns;  /* SverkaTurn, of a transcript (sverka-turns.c) */
  GArray *turn_of;   /* guint per sentence: its turn, or G_MAXUINT */
  gboolean analyzed;
  gboolean from_lines; /* one sentence per line (sverka_document_new_from_lines()) */
  const char *format;  /* "text", "html", "docx", ...: what the input was */
  GPtrArray *origins;  /* char *, per line of an HTML page's text: its element path */
  gboolean source;     /* the source side of a bilingual (XLIFF) file */
};

/* A speaker's turn in a transcript. */
typedef struct {
  char *speaker;   /* the label without its colon: "Secretary General Jens Stoltenberg" */
  gboolean host;   /* a moderator's, a journalist's or a question's turn */
  guint first;     /* the sentence that opens with the label */
  gsize label_end; /* the label's end, in bytes from that sentence's start */
} SverkaTurn;

/* sverka-document.c: sverka_document_dup_sentence_text() appended to
 * @out, without a copy of its own. */
void sverka_document_append_sentence_text (SverkaDocument *doc, guint i, GString *out);

/* sverka-text.c */
gboolean sverka_text_validate (const char *name, const char *data, gsize len, gsize *bom_len,
                               GError **error);
void sverka_text_split_lines (SverkaDocument *doc);
void sverka_text_find_blocks (SverkaDocument *doc);
void sverka_text_trim (SverkaDocument *doc);
/* g_utf8_strlen (@p, @len) of valid UTF-8, without decoding: the bytes
 * that start a character, up to a NUL. */
gsize sverka_text_count_chars (const char *p, gsize len);
/* g_utf8_casefold (@p, @len) of valid UTF-8 (@len -1: up to the NUL),
 * without GLib's tables for ASCII, the Russian letters and common
 * punctuation. Returns: (transfer full). */
char *sverka_text_casefold (const char *p, gssize len);

/* sverka-segment.c */
gboolean sverka_segment_document (SverkaDocument *doc, GError **error);
/* One sentence per non-blank line, a run of blank lines a paragraph break. */
void sverka_segment_lines (SverkaDocument *doc);

/* sverka-turns.c */
/* Sets the turns of @doc from its sentences. */
void sverka_turns_find (SverkaDocument *doc);
void sverka_turn_free (gpointer turn);

/* sverka-token.c */
gboolean sverka_token_analyze_document (SverkaDocument *doc, GError **error);


/* Small character helpers shared by the modules. */
gboolean sverka_is_final_punct (gunichar c);
gboolean sverka_is_closing_punct (gunichar c);
/* TRUE for a character that shows nothing: white space (vertical tab
 * included), a control, a format character (ZWSP, a byte order mark inside
 * the text) or a line or paragraph separator. A line of such characters is
 * blank; a sentence neither starts nor ends with one. */
gboolean sverka_is_invisible (gunichar c);
/* Does a letter begin at @p, before @end (FALSE at @end, or where the
 * bytes are not valid UTF-8)? */
gboolean sverka_letter_at (const char *p, const char *end);
/* Lower-cases @word (@len bytes) character by character without regard to
 * the locale, folding ё to е, into @out (cleared first). */
void sverka_simple_fold (const char *word, gsize len, GString *out);

G_END_DECLS
