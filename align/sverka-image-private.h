/* sverka-image-private.h: what every compiled file (sverka-lexicon-compiled.c,
 * sverka-wordforms.c) is made of: sections 8-byte aligned in one buffer,
 * checked against the file's length when mapped, and the size and hash of
 * each file it was compiled from, to tell when it is out of date. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size and a 64-bit FNV-1a hash of the bytes of @path, read in pieces
 * so that memory does not grow with the file; FALSE with @error set when it
 * cannot be read. */
gboolean sverka_image_hash_file (const char *path, guint64 *size, guint64 *hash, GError **error);

/* Appends @len bytes of @data to @out, after zeros up to a multiple of 8.
 * Returns: the offset of the section. */
guint64 sverka_image_append_section (GByteArray *out, gconstpointer data, gsize len);

/* Does the section of @n items of @size bytes at @off lie in a file of
 * @len bytes, aligned to @align? */
gboolean sverka_image_section_ok (guint64 off, guint64 n, guint64 size, guint64 align,
                                  guint64 len);

G_END_DECLS
