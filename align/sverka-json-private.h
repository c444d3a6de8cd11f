/* sverka-json-private.h: the little JSON that `sverka stream` needs.
 *
 * Reading: one JSON Lines record, an object whose members are strings,
 * numbers, true, false, null, arrays or objects (RFC 8259). The whole line is
 * checked; the top-level members are returned, strings decoded (escapes and
 * surrogate pairs) and other values as their JSON text. Input must be UTF-8:
 * invalid bytes, raw control characters in strings, lone surrogates and
 * nesting deeper than 64 are errors that give the byte (1-based) at fault.
 *
 * Writing is sverka-write-json-private.h's, shared with the JSON Lines
 * writers.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *key;        /* (owned) decoded */
  gboolean string;  /* the value is a JSON string */
  char *value;      /* (owned) decoded string, or the JSON text of the value */
  gsize value_len;  /* bytes in @value (a decoded string may hold U+0000) */
  char *raw;        /* (owned) the JSON text of the value, as in the input */
} SverkaJsonMember;

/* Parses @line (@len bytes, no line end) as one JSON object.
 * Returns: (transfer full) a GPtrArray of SverkaJsonMember in their order,
 * or NULL with @error set ("byte B: expected ..., found ..."). */
GPtrArray *sverka_json_parse_object (const char *line, gsize len, GError **error);

/* Parses @text (@len bytes) as a JSON array of strings and appends each
 * string, decoded, its line ends made spaces, to @out as one line (ending in
 * a line feed): ["a", "", "b"] gives "a\n\nb\n".
 * Returns: FALSE with @error set ("byte B: expected ...", B counted in
 * @text) when it is not such an array. */
gboolean sverka_json_parse_string_array (const char *text, gsize len, GString *out,
                                         GError **error);

/* Returns: (transfer none) the last member named @key, or NULL. */
const SverkaJsonMember *sverka_json_find (GPtrArray *members, const char *key);

G_END_DECLS
