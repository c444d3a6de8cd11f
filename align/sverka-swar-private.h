/* sverka-swar-private.h: eight bytes of text tested at once (SIMD within a
 * register), for the loops that look for a few ASCII bytes in a whole text
 * and can step over the eight bytes that hold none of them. */
#pragma once

#include <glib.h>
#include <string.h>

#define SVERKA_SWAR_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define SVERKA_SWAR_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The eight bytes at @p (no alignment needed). */
static inline guint64
sverka_swar_load (const char *p)
{
  guint64 x;
  memcpy (&x, p, sizeof x);
  return x;
}

/* Does @x hold a byte below @n (at most 128)? Exact: no false answers. */
static inline gboolean
sverka_swar_has_less (guint64 x, guint n)
{
  return ((x - SVERKA_SWAR_ONES * n) & ~x & SVERKA_SWAR_HIGHS) != 0;
}

/* Does @x hold the byte @b? Exact. */
static inline gboolean
sverka_swar_has_byte (guint64 x, guchar b)
{
  return sverka_swar_has_less (x ^ (SVERKA_SWAR_ONES * b), 1);
}
