/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fileio.h"
#include "alloc.h"
#include "diag.h"
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PATH with its symbolic links followed (the last one may dangle), allocated. */
static char *follow_links(const char *path)
{
	char *cur = xstrdup(path);
	for (int hops = 0;; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		if (hops == 40) {
			free(cur);
			errno = ELOOP;
			return NULL;
		}
		char target[PATH_MAX];
		ssize_t n = readlink(cur, target, sizeof(target) - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		target[n] = '\0';
		const char *slash = strrchr(cur, '/');
		char *next = target[0] == '/' || !slash
				     ? xstrdup(target)
				     : xasprintf("%.*s/%s", (int)(slash - cur), cur, target);
		free(cur);
		cur = next;
	}
}

static bool write_fd(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

static bool write_in_place(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666);
	if (fd < 0)
		return false;
	if (!write_fd(fd, data, len)) {
		int e = errno;
		close(fd);
		errno = e;
		return false;
	}
	return close(fd) == 0;
}

/* Through a temporary file renamed over TARGET; OLD is TARGET's stat when it exists. */
static bool write_replacing(const char *target, const struct stat *old, const void *data,
			    size_t len)
{
	char *tmp = xasprintf("%s.XXXXXX", target);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		if (old)
			return write_in_place(target, data, len);
		errno = e;
		return false;
	}
	mode_t mode;
	if (old) {
		mode = old->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	bool owner_kept = !old || (old->st_uid == geteuid() && old->st_gid == getegid()) ||
			  fchown(fd, old->st_uid, old->st_gid) == 0;
	if (!owner_kept) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return write_in_place(target, data, len);
	}
	bool ok = write_fd(fd, data, len) && fchmod(fd, mode) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && rename(tmp, target) != 0) {
		ok = false;
		e = errno;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	errno = e;
	return ok;
}

bool write_atomic(const char *path, const void *data, size_t len)
{
	char *target = follow_links(path);
	if (!target)
		return false;
	struct stat st;
	bool exists = stat(target, &st) == 0;
	bool ok;
	if (exists && !S_ISREG(st.st_mode)) {
		ok = write_in_place(target, data, len);
	} else if (exists && faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0) {
		ok = false;  /* errno from faccessat: EACCES or EROFS, as > gives */
	} else {
		ok = write_replacing(target, exists ? &st : NULL, data, len);
	}
	int e = errno;
	free(target);
	errno = e;
	return ok;
}

const char *check_input_kind(int fd, const struct stat *st)
{
	if (S_ISREG(st->st_mode) || S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode))
		return NULL;
	if (S_ISDIR(st->st_mode))
		return strerror(EISDIR);
	if (S_ISCHR(st->st_mode) && isatty(fd))
		return NULL;
	return "not a regular file or a pipe";
}

bool read_input(int fd, size_t max, struct strbuf *sb, const char **error)
{
	static char too_big[64];
	for (;;) {
		sb_reserve(sb, 65536);
		size_t room = sb->cap - sb->len - 1;
		ssize_t r = read(fd, sb->data + sb->len, room);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*error = strerror(errno);
			return false;
		}
		if (r == 0)
			break;
		sb->len += (size_t)r;
		if (sb->len > max) {
			snprintf(too_big, sizeof(too_big), "more than %zu bytes", max);
			*error = too_big;
			return false;
		}
	}
	sb->data[sb->len] = '\0';
	return true;
}

int finish_stdout(int status)
{
	errno = 0;
	bool bad = fflush(stdout) != 0 || ferror(stdout);
	if (!bad)
		return status;
	if (errno)
		diag_error(NULL, "cannot write to standard output: %s", strerror(errno));
	else
		diag_error(NULL, "cannot write to standard output");
	return diag_exits()->internal;
}
