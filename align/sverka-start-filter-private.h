/* sverka-start-filter-private.h: a filter of word beginnings, for word
 * lists that most words of a text are not in (month words, weekdays).
 *
 * The first two bytes of a word are hashed to one of 256 bits; a list sets
 * the bits of its words, and a word whose bit is clear is in no list
 * without being looked up. A word of fewer than two bytes gets a bit of its
 * own byte (a list of such words sets it too). A cleared SverkaStartFilter
 * is empty. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint8 bits[32];
} SverkaStartFilter;

static inline guint
sverka_start_filter_bit (const char *s)
{
  return ((guint) (guchar) s[0] * 131u + (s[0] != '\0' ? (guchar) s[1] : 0u)) & 255u;
}

/* Sets the bit of words beginning as @s does. */
static inline void
sverka_start_filter_add (SverkaStartFilter *f, const char *s)
{
  guint bit = sverka_start_filter_bit (s);
  f->bits[bit / 8] |= (guint8) (1u << (bit % 8));
}

/* May a word of the list begin as @s does? FALSE: none does. */
static inline gboolean
sverka_start_filter_may_hold (const SverkaStartFilter *f, const char *s)
{
  guint bit = sverka_start_filter_bit (s);
  return (f->bits[bit / 8] & (1u << (bit % 8))) != 0;
}

G_END_DECLS
