/* sverka-cli-write-private.h: the command line's atomic file output.
 *
 * Part of the CLI, not of the library: it installs signal handlers, which a
 * library must not do. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes an interrupted run (SIGINT, SIGTERM, SIGHUP) remove the temporary
 * file of a write in progress before it dies, and makes exceeding the file
 * size limit (SIGXFSZ) a write error rather than death. Call once, first. */
void sverka_cli_write_init (void);

/* Writes @len bytes of @text to @path atomically: into a temporary file in
 * the same folder (@path.XXXXXX), flushed to disk, then renamed over @path. A failed or
 * interrupted write leaves @path as it was (or absent) and no temporary
 * file behind. A new file gets the mode 0666 less the umask; an existing
 * file keeps its mode.
 * Returns: TRUE, or FALSE with @error set (a message without the path). */
gboolean sverka_cli_write_file (const char *path, const char *text, gsize len, GError **error);

G_END_DECLS
