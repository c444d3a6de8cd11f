/* no-stemmer.c: preloaded (LD_PRELOAD) by tests/robust.sh to make
 * libstemmer's sb_stemmer_new() fail, as when the stemmer is missing, so
 * that the message naming the Debian package can be tested. */
#include <stddef.h>

struct sb_stemmer;

struct sb_stemmer *sb_stemmer_new (const char *algorithm, const char *charenc);

struct sb_stemmer *
sb_stemmer_new (const char *algorithm, const char *charenc)
{
  (void) algorithm;
  (void) charenc;
  return NULL;
}
