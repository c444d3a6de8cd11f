/* sverka-pool.c: an ordered worker pool, one context per worker thread.
 *
 * The two queues share one pthread mutex rather than GAsyncQueue: GLib's
 * futex-based locks are invisible to ThreadSanitizer, which then reports
 * every hand-over as a race; with pthreads a TSan build checks the pool. */
#include "sverka-pool-private.h"

#include <pthread.h>

#include "sverka-context-private.h"

typedef struct {
  guint64 seq;
  gpointer job;
} Item;

typedef struct {
  SverkaPool *pool;
  SverkaContext *ctx;
  GThread *thread;
} Worker;

struct _SverkaPool {
  SverkaPoolFunc func;
  gpointer user_data;
  char *dictionary_dir;
  char *hunspell_dir;
  char *first_language, *second_language; /* the pair's codes (NULL: ru, en) */
  guint max_cached_words;
  pthread_mutex_t lock; /* guards todo and done */
  pthread_cond_t todo_cond;
  pthread_cond_t done_cond;
  GQueue todo; /* Item; a NULL-job item stops a worker */
  GQueue done; /* Item */
  GHashTable *ready; /* seq -> Item, done but not yet due */
  guint64 next_push;
  guint64 next_pop;
  guint n_workers;
  Worker *workers;
};

guint
sverka_context_get_n_cached_words (SverkaContext *ctx)
{
  guint n = 0;
  for (guint i = 0; i < SVERKA_N_LANGUAGES; i++)
    n += (guint) ctx->langs[i].words.n;
  return n;
}

static void
queue_push (SverkaPool *pool, GQueue *q, pthread_cond_t *cond, Item *item)
{
  pthread_mutex_lock (&pool->lock);
  g_queue_push_tail (q, item);
  pthread_cond_signal (cond);
  pthread_mutex_unlock (&pool->lock);
}

/* The first item of @q, waiting for one if @wait, else NULL if none. */
static Item *
queue_pop (SverkaPool *pool, GQueue *q, pthread_cond_t *cond, gboolean wait)
{
  Item *item;
  pthread_mutex_lock (&pool->lock);
  while (wait && g_queue_is_empty (q))
    pthread_cond_wait (cond, &pool->lock);
  item = g_queue_pop_head (q);
  pthread_mutex_unlock (&pool->lock);
  return item;
}

static SverkaContext *
make_context (SverkaPool *pool, GError **error)
{
  SverkaContextOptions opts;

  sverka_context_options_init (&opts);
  opts.dictionary_dir = pool->dictionary_dir;
  opts.hunspell_dir = pool->hunspell_dir;
  opts.first_language = pool->first_language;
  opts.second_language = pool->second_language;
  return sverka_context_new (&opts, error);
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  SverkaPool *pool = w->pool;

  for (;;) {
    Item *item = queue_pop (pool, &pool->todo, &pool->todo_cond, TRUE);
    if (item->job == NULL) {
      g_free (item);
      break;
    }
    pool->func (w->ctx, item->job, pool->user_data);
    queue_push (pool, &pool->done, &pool->done_cond, item);
    if (pool->max_cached_words > 0
        && sverka_context_get_n_cached_words (w->ctx) > pool->max_cached_words) {
      /* The same files made the first context, so this rarely fails; if it
       * does, the old context simply goes on. */
      SverkaContext *fresh = make_context (pool, NULL);
      if (fresh != NULL) {
        sverka_context_unref (w->ctx);
        w->ctx = fresh;
      }
    }
  }
  return NULL;
}

SverkaPool *
sverka_pool_new (const SverkaContextOptions *ctx_options, guint n_threads,
                 guint max_cached_words, SverkaPoolFunc func, gpointer user_data, GError **error)
{
  SverkaPool *pool = g_new0 (SverkaPool, 1);

  pool->func = func;
  pool->user_data = user_data;
  pool->dictionary_dir = g_strdup (ctx_options != NULL ? ctx_options->dictionary_dir : NULL);
  pool->hunspell_dir = g_strdup (ctx_options != NULL ? ctx_options->hunspell_dir : NULL);
  pool->first_language = g_strdup (ctx_options != NULL ? ctx_options->first_language : NULL);
  pool->second_language = g_strdup (ctx_options != NULL ? ctx_options->second_language : NULL);
  pool->max_cached_words = max_cached_words;
  pthread_mutex_init (&pool->lock, NULL);
  pthread_cond_init (&pool->todo_cond, NULL);
  pthread_cond_init (&pool->done_cond, NULL);
  g_queue_init (&pool->todo);
  g_queue_init (&pool->done);
  pool->ready = g_hash_table_new (g_int64_hash, g_int64_equal);
  pool->n_workers = MAX (n_threads, 1);
  pool->workers = g_new0 (Worker, pool->n_workers);
  /* Contexts are made here, on the caller's thread, so that a missing
   * dictionary is reported before any work starts. */
  for (guint i = 0; i < pool->n_workers; i++) {
    pool->workers[i].pool = pool;
    pool->workers[i].ctx = make_context (pool, error);
    if (pool->workers[i].ctx == NULL) {
      sverka_pool_free (pool);
      return NULL;
    }
  }
  for (guint i = 0; i < pool->n_workers; i++) {
    g_autofree char *name = g_strdup_printf ("sverka-%u", i + 1);
    pool->workers[i].thread = g_thread_new (name, worker_main, &pool->workers[i]);
  }
  return pool;
}

void
sverka_pool_push (SverkaPool *pool, gpointer job)
{
  Item *item = g_new (Item, 1);

  g_return_if_fail (job != NULL);
  item->seq = pool->next_push++;
  item->job = job;
  queue_push (pool, &pool->todo, &pool->todo_cond, item);
}

guint
sverka_pool_get_n_pending (SverkaPool *pool)
{
  return (guint) (pool->next_push - pool->next_pop);
}

gpointer
sverka_pool_pop (SverkaPool *pool, gboolean wait)
{
  Item *item;
  gpointer job;

  if (pool->next_pop == pool->next_push)
    return NULL;
  /* Done jobs arrive in any order; keep them until their turn. */
  while ((item = g_hash_table_lookup (pool->ready, &pool->next_pop)) == NULL) {
    Item *got = queue_pop (pool, &pool->done, &pool->done_cond, wait);
    if (got == NULL)
      return NULL;
    g_hash_table_insert (pool->ready, &got->seq, got);
  }
  g_hash_table_remove (pool->ready, &pool->next_pop);
  pool->next_pop++;
  job = item->job;
  g_free (item);
  return job;
}

void
sverka_pool_free (SverkaPool *pool)
{
  if (pool == NULL)
    return;
  for (guint i = 0; i < pool->n_workers; i++) {
    if (pool->workers[i].thread != NULL) {
      Item *stop = g_new0 (Item, 1);
      queue_push (pool, &pool->todo, &pool->todo_cond, stop);
    }
  }
  for (guint i = 0; i < pool->n_workers; i++) {
    if (pool->workers[i].thread != NULL)
      g_thread_join (pool->workers[i].thread);
    g_clear_pointer (&pool->workers[i].ctx, sverka_context_unref);
  }
  /* Jobs still queued or done but not popped belong to the caller; only the
   * items are freed. */
  {
    Item *item;
    while ((item = g_queue_pop_head (&pool->todo)) != NULL)
      g_free (item);
    while ((item = g_queue_pop_head (&pool->done)) != NULL)
      g_free (item);
  }
  {
    GHashTableIter iter;
    gpointer value;
    g_hash_table_iter_init (&iter, pool->ready);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_free (value);
  }
  g_hash_table_unref (pool->ready);
  pthread_cond_destroy (&pool->todo_cond);
  pthread_cond_destroy (&pool->done_cond);
  pthread_mutex_destroy (&pool->lock);
  g_free (pool->workers);
  g_free (pool->dictionary_dir);
  g_free (pool->hunspell_dir);
  g_free (pool->first_language);
  g_free (pool->second_language);
  g_free (pool);
}
