/* bench-common.h: the clock and the memory figure the benchmarks print. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <sys/resource.h>

/* Returns: the monotonic clock in seconds (g_get_monotonic_time), for
 * differences between two calls. */
static inline double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Returns: the peak resident set size of the process so far in MB
 * (getrusage's ru_maxrss, which Linux counts in kB), or -1 if getrusage
 * fails. */
static inline double
bench_peak_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss / 1024.0;
}

/* Prints @error's message on standard error; returns 1, the exit status. */
static inline int
bench_die (const GError *error)
{
  fprintf (stderr, "%s\n", error->message);
  return 1;
}
