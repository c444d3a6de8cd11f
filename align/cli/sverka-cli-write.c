/* sverka-cli-write.c: the command line's atomic file output. */
#include "sverka-cli-write-private.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sverka-error.h"

/* The temporary file being written, for the signal handler: the CLI's
 * only global state. */
static volatile sig_atomic_t have_temp;
static char temp_path[4096];

static void
on_fatal_signal (int sig)
{
  if (have_temp)
    unlink (temp_path);
  signal (sig, SIG_DFL);
  raise (sig);
}

void
sverka_cli_write_init (void)
{
  struct sigaction sa;
  const int fatal[] = { SIGINT, SIGTERM, SIGHUP };

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (fatal); i++) {
    struct sigaction old;
    /* A signal ignored by the parent (nohup) stays ignored. */
    if (sigaction (fatal[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
      sigaction (fatal[i], &sa, NULL);
  }
  signal (SIGXFSZ, SIG_IGN);
}

static void
block_signals (sigset_t *old)
{
  sigset_t all;
  sigfillset (&all);
  sigprocmask (SIG_BLOCK, &all, old);
}

static gboolean
fail_errno (GError **error, int err, const char *what)
{
  g_set_error (error, SVERKA_ERROR, SVERKA_ERROR_IO, "%s: %s", what, g_strerror (err));
  return FALSE;
}

gboolean
sverka_cli_write_file (const char *path, const char *text, gsize len, GError **error)
{
  g_autofree char *tmpl = g_strdup_printf ("%s.XXXXXX", path);
  struct stat st;
  mode_t mode;
  sigset_t old;
  int fd, err;
  gsize done = 0;

  if (strlen (tmpl) >= sizeof temp_path)
    return fail_errno (error, ENAMETOOLONG, "cannot create a temporary file");
  if (stat (path, &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = umask (0);
    umask (mask);
    mode = 0666 & ~mask;
  }
  /* The handler must never see a half-made name, nor miss a made file. */
  block_signals (&old);
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  err = errno;
  if (fd >= 0) {
    memcpy (temp_path, tmpl, strlen (tmpl) + 1);
    have_temp = 1;
  }
  sigprocmask (SIG_SETMASK, &old, NULL);
  if (fd < 0)
    return fail_errno (error, err, "cannot create a temporary file in its folder");

  while (done < len) {
    ssize_t n = write (fd, text + done, MIN (len - done, (gsize) 1 << 20));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      err = n < 0 ? errno : EIO;
      goto fail;
    }
    done += (gsize) n;
  }
  if (fchmod (fd, mode) != 0 || fsync (fd) != 0) {
    err = errno;
    goto fail;
  }
  if (close (fd) != 0) {
    err = errno;
    fd = -1;
    goto fail;
  }
  fd = -1;
  block_signals (&old);
  if (rename (tmpl, path) != 0) {
    err = errno;
    sigprocmask (SIG_SETMASK, &old, NULL);
    goto fail;
  }
  have_temp = 0;
  sigprocmask (SIG_SETMASK, &old, NULL);
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  block_signals (&old);
  unlink (tmpl);
  have_temp = 0;
  sigprocmask (SIG_SETMASK, &old, NULL);
  return fail_errno (error, err, "write failed");
}
