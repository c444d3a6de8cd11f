/* sverka-wordforms-private.h: the word forms of a hunspell dictionary,
 * compiled to answer "does hunspell surely reject this word?" without
 * asking it.
 *
 * The spelling notes ask hunspell about every string one edit from an
 * unknown word (hundreds per word; about 1% are words), and hunspell takes
 * microseconds for each. A table compiled at build time from the
 * dictionary's .aff and .dic files holds a 32-bit hash of every form the
 * dictionary makes (each root, with each of its prefixes and suffixes, and
 * both where they combine), lower-cased. A word of letters whose hash is
 * not in the table is one hunspell rejects; one whose hash is there is
 * still asked (a hash may collide, and the table holds forms hunspell
 * refuses for flags it ignores here), so hunspell's verdicts are unchanged:
 * the table only spares it the strings it would reject.
 *
 * That holds for dictionaries whose words hunspell accepts only as a root
 * with affixes, in any capitalisation: no compounds of letters, no affixes
 * on affixes, no flag aliases or multi-character flags, no characters
 * ignored or converted to letters. A dictionary using any of that is
 * compiled as a table that covers nothing, and its words are all asked
 * (sverka_wordforms_compile() says why). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SverkaWordforms SverkaWordforms;

/* The file name of the compiled table of hunspell dictionary @name (such as
 * ru_RU), as the build writes it. */
#define SVERKA_WORDFORMS_FILE(name) "forms-" name ".svk"

/* What sverka_wordforms_compile() found. */
typedef struct {
  guint roots;        /* entries of the .dic */
  guint forms;        /* distinct lower-case forms made */
  gboolean covers;    /* FALSE: the dictionary uses what the table cannot
                       * cover; it covers nothing */
  char *why_not;      /* (nullable) (transfer full) why, when it does not */
} SverkaWordformsStats;

/* Expands the hunspell dictionary @aff and @dic and writes the table to
 * @path (atomically: never half a file). A dictionary the table cannot
 * cover is written as a table that covers nothing, with @stats saying why.
 * FALSE with @error set when the files cannot be read or @path written. */
gboolean sverka_wordforms_compile (const char *aff, const char *dic, const char *path,
                                   SverkaWordformsStats *stats, GError **error);

/* Calls @fn with each form (not lower-cased) the dictionary @aff and @dic
 * makes, the same expansion sverka_wordforms_compile() hashes. FALSE with
 * @error set if the files cannot be read; @covers as in
 * SverkaWordformsStats (the forms are given either way). @special
 * (nullable): (transfer full) the characters hunspell does not look up as
 * they are, in code point order: those its ICONV converts, those it breaks
 * a word at (BREAK, "-" by default), and, when compound rules join roots
 * with other characters than letters, those characters (en_US: the
 * digits). A word without them is accepted only as a form of the
 * expansion, in a capitalisation hunspell allows. */
gboolean sverka_wordforms_expand (const char *aff, const char *dic,
                                  void (*fn) (const char *form, gpointer data), gpointer data,
                                  gboolean *covers, char **special, GError **error);

/* The same on the texts of an .aff and a .dic, which it changes (the fuzz
 * harness). */
void sverka_wordforms_expand_texts (char *aff_text, char *dic_text,
                                    void (*fn) (const char *form, gpointer data), gpointer data,
                                    gboolean *covers);

/* Maps the table @path compiled from @aff and @dic. NULL with @error set
 * when it cannot be read, is damaged, or was compiled from other files
 * (the dictionaries were updated: compile it again); NULL without an error
 * when it covers nothing.
 * Returns: (transfer full) (nullable) the table, read-only: threads may
 * share it. */
SverkaWordforms *sverka_wordforms_map (const char *path, const char *aff, const char *dic,
                                       GError **error);

/* Maps @len bytes at @data as a table, without its sources checked (the
 * fuzz harness); @data must outlive the table. */
SverkaWordforms *sverka_wordforms_map_bytes (const char *data, gsize len, GError **error);

void sverka_wordforms_free (SverkaWordforms *wf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaWordforms, sverka_wordforms_free)

/* FALSE when hunspell surely rejects @word (UTF-8): a word of letters
 * whose lower-case form the dictionary does not make. TRUE otherwise,
 * including every word with a character other than a letter, about which
 * the table says nothing. */
gboolean sverka_wordforms_may_know (const SverkaWordforms *wf, const char *word);

/* The hash the table keeps of lower-case form @lower (@len bytes). */
guint32 sverka_wordforms_hash (const char *lower, gsize len);

/* sverka_wordforms_may_know() of a word of letters whose lower case has the
 * hash @h. */
gboolean sverka_wordforms_may_know_hash (const SverkaWordforms *wf, guint32 h);

/* Starts reading the part of @wf that sverka_wordforms_may_know_hash()
 * reads first for hash @h, so that a caller with many strings to ask
 * about can ask while the memory comes (the table's bits do not fit in
 * the processor's caches). */
void sverka_wordforms_prefetch (const SverkaWordforms *wf, guint32 h);

/* The number of hashes in @wf. */
guint sverka_wordforms_get_n_forms (const SverkaWordforms *wf);

G_END_DECLS
