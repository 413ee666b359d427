/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Getting a tool's bytes out to files and standard output.
 *
 * write_atomic(PATH, DATA, LEN) writes as a shell redirect (> PATH) would, except that
 * a reader never sees a partial regular file:
 * - a symbolic link is followed (a dangling one creates its target, as > does), so the
 *   link stays and its target gets the data;
 * - an existing regular file that the caller may not write (a read-only file, for a
 *   user other than root) is refused with EACCES, as > refuses it;
 * - otherwise the data goes to a temporary file beside the target, which takes the
 *   target's mode (and owner, where it can; when it cannot the file is written in
 *   place, as > would) and is renamed over it; a new file gets 0666 minus the umask;
 * - when no temporary file can be made beside it (a directory the caller cannot
 *   write), an existing writable file is written in place, as > would;
 * - an existing target that is not a regular file (/dev/null, a FIFO, a terminal) is
 *   written in place: renaming over it would replace the device.
 * It returns true, or false with errno set and nothing changed (no temporary left).
 *
 * read_input(FD, NAME, MAX, SB, &ERROR) reads a whole input that is not a regular file
 * (a pipe, a socket, a terminal) into SB, from where FD stands: at most MAX bytes, so
 * that an endless pipe ends.  Anything else that is not a regular file (/dev/zero, a
 * disk, a directory) is refused at once: check_input_kind().  On failure it returns
 * false and sets *ERROR to a static text ("not a regular file or a pipe", "more than
 * N bytes", or strerror's).  Regular files are the caller's to map or read.
 *
 * finish_stdout() flushes standard output and checks that everything written to it
 * got out (a full disk, /dev/full, a closed pipe): a tool calls it before exiting with
 * success, so that "--help > /dev/full" does not exit 0. */
#ifndef VMSTATE_COMMON_FILEIO_H
#define VMSTATE_COMMON_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

bool write_atomic(const char *path, const void *data, size_t len);

struct stat;
struct strbuf;
/* NULL when ST (of an open input) is a regular file, a pipe, a socket or a terminal
 * (FD); otherwise why it cannot be read: "is a directory", "not a regular file or a
 * pipe". */
const char *check_input_kind(int fd, const struct stat *st);
bool read_input(int fd, size_t max, struct strbuf *sb, const char **error);

/* STATUS when standard output is good; otherwise one error
 * "PROG: error: cannot write to standard output: REASON" and the internal status. */
int finish_stdout(int status);

#endif
