/* sverka-pool-private.h: an ordered worker pool for batch and stream work.
 *
 * A SverkaContext may be used by one thread at a time (its word cache,
 * hunspell handles and ICU break iterators are not thread-safe), so each
 * worker thread owns a context of its own, made once when the pool starts,
 * not once per job. A SverkaLexicon is only read while aligning (its index is
 * built at loading), so one lexicon may be shared by all workers as long as
 * nobody adds to it while jobs are running.
 *
 * Jobs are pushed by one thread (the caller) and come back through
 * sverka_pool_pop() in the order they were pushed, whatever the number of
 * threads: the output of a batch is the same for any -j. The pool never
 * blocks in push; the caller bounds memory by popping once
 * sverka_pool_get_n_pending() reaches its window.
 */
#pragma once

#include "sverka-context.h"

G_BEGIN_DECLS

typedef struct _SverkaPool SverkaPool;

/* Does @job with the worker's context @ctx; runs on a worker thread. The
 * job is returned through sverka_pool_pop() once done. */
typedef void (*SverkaPoolFunc) (SverkaContext *ctx, gpointer job, gpointer user_data);

/* Starts @n_threads workers (at least 1), each with a context made from
 * @ctx_options. A worker whose context caches more than @max_cached_words
 * word forms replaces it with a fresh one between jobs, so memory stays
 * bounded on a batch with an open vocabulary (0: never).
 * Returns: (transfer full) the pool, or NULL with @error set if a context
 * cannot be made. */
SverkaPool *sverka_pool_new (const SverkaContextOptions *ctx_options, guint n_threads,
                             guint max_cached_words, SverkaPoolFunc func, gpointer user_data,
                             GError **error);

/* Queues @job (transfer none: the caller gets it back from pop). */
void sverka_pool_push (SverkaPool *pool, gpointer job);

/* The number of jobs pushed and not yet popped. */
guint sverka_pool_get_n_pending (SverkaPool *pool);

/* Returns: (transfer none) the oldest job pushed and not yet popped, once it
 * is done. With @wait FALSE, returns NULL if it is not done yet; returns
 * NULL at once if no job is pending. */
gpointer sverka_pool_pop (SverkaPool *pool, gboolean wait);

/* Stops the workers and frees the pool; call it when no job is pending. */
void sverka_pool_free (SverkaPool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SverkaPool, sverka_pool_free)

/* The number of word forms cached by @ctx (both languages). */
guint sverka_context_get_n_cached_words (SverkaContext *ctx);

G_END_DECLS
