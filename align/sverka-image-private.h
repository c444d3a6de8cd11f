/* sverka-image-private.h: what every compiled file (sverka-lexicon-compiled.c,
 * sverka-wordforms.c) is made of: sections 8-byte aligned in one buffer,
 * checked against the file's length when mapped, and the size and hash of
 * each file it was compiled from, to tell when it is out of date. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file a compiled file was made from, as its "sources" section records
 * it: 24 bytes, no padding. */
typedef struct {
  guint64 size;
  guint64 hash;
  guint32 name; /* offset of its file name, without folders, in the image's strings */
  guint32 reserved;
} SverkaImageSource;

G_STATIC_ASSERT (sizeof (SverkaImageSource) == 24);

#define SVERKA_IMAGE_FNV64_SEED G_GUINT64_CONSTANT (14695981039346656037)

/* 64-bit FNV-1a over @len bytes of @data, continuing from @h (start with
 * SVERKA_IMAGE_FNV64_SEED): the hash compiled files keep of their sources
 * and of word forms, so it never changes. */
static inline guint64
sverka_image_fnv64 (guint64 h, const void *data, gsize len)
{
  const guint8 *p = data;
  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

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

/* The first of @paths (@n_paths of them) that the @n_sources records at
 * @sources (names at @names + their offsets, already checked to lie in the
 * image) do not give as it is now: its name, size and hash; @n_paths when
 * they are all as recorded but more are recorded. -1 when the records are
 * exactly @paths. */
gint sverka_image_sources_differ (const char *sources, guint32 n_sources, const char *names,
                                  const char *const *paths, guint n_paths);

G_END_DECLS
