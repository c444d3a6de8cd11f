/* sverka-error.h: the error domain of libsverka.
 *
 * Every function that can fail takes a GError ** as its last argument and
 * either returns a gboolean (FALSE on error) or a pointer (NULL on error).
 * Messages name the file, the line or byte, and what to do.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SVERKA_ERROR (sverka_error_quark ())

typedef enum {
  SVERKA_ERROR_FAILED,       /* anything not covered below */
  SVERKA_ERROR_IO,           /* a file cannot be opened, read or written */
  SVERKA_ERROR_ENCODING,     /* input is not valid UTF-8 (or is UTF-16/32) */
  SVERKA_ERROR_BINARY,       /* input holds NUL bytes or other binary data */
  SVERKA_ERROR_EMPTY,        /* input holds no text */
  SVERKA_ERROR_DICTIONARY,   /* a dictionary or resource is missing or malformed */
  SVERKA_ERROR_ICU,          /* ICU reported an error */
  SVERKA_ERROR_INVALID_ARGUMENT,
  SVERKA_ERROR_FORMAT,       /* a file sverka reads (a review file) is malformed,
                              * or does not fit the documents */
} SverkaError;

GQuark sverka_error_quark (void);

G_END_DECLS
