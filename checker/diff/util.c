/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"
#include "progress.h"
#include "../common/diag.h"
#include "../common/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int vd_verbose;

static void vmessage(enum diag_kind kind, const char *fmt, va_list ap)
{
	vd_progress_clear();
	fflush(stdout);
	diag_vreport(kind, NULL, fmt, ap);
}

void vd_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(DIAG_ERROR, fmt, ap);
	va_end(ap);
	exit(VD_EXIT_FAIL);
}

void vd_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(DIAG_WARNING, fmt, ap);
	va_end(ap);
}

/* Not a diagnostic: what is being done ("vmstate-diff: src: compiling ..."). */
void vd_note(const char *fmt, ...)
{
	if (vd_progress_quiet())
		return;
	vd_progress_clear();
	fflush(stdout);
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", diag_program());
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void vd_strv_push(struct vd_strv *a, char *s)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

void vd_strv_free(struct vd_strv *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

char *vd_read_file(const char *path, size_t *lenp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct strbuf b = { 0 };
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			free(b.data);
			errno = e;
			return NULL;
		}
		if (n == 0)
			break;
		sb_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (lenp)
		*lenp = b.len;
	return sb_take(&b);
}

void vd_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			vd_die("cannot create directory %s: %s", p, strerror(errno));
		*s = '/';
	}
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		vd_die("cannot create directory %s: %s", p, strerror(errno));
	free(p);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void vd_remove_tree(const char *path)
{
	if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
		vd_die("cannot remove %s: %s", path, strerror(errno));
}

bool vd_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool vd_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *vd_absolute(const char *path)
{
	if (path[0] == '/')
		return xstrdup(path);
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		vd_die("cannot get the current directory: %s", strerror(errno));
	char *r = strcmp(path, ".") == 0 ? xstrdup(cwd) : xasprintf("%s/%s", cwd, path);
	free(cwd);
	return r;
}

char *vd_join(const char *dir, const char *path)
{
	if (path[0] == '/')
		return xstrdup(path);
	return xasprintf("%s/%s", dir, path);
}

void vd_copy_file(const char *src, const char *dst)
{
	size_t len;
	char *data = vd_read_file(src, &len);
	if (!data)
		vd_die("cannot read %s: %s", src, strerror(errno));
	if (!write_atomic(dst, data, len))
		vd_die("cannot write %s: %s", dst, strerror(errno));
	free(data);
}

void vd_strv_sort_unique(struct vd_strv *v)
{
	if (v->n == 0)
		return;
	qsort(v->v, v->n, sizeof *v->v, str_ptr_cmp);
	size_t w = 1;
	for (size_t i = 1; i < v->n; i++) {
		if (strcmp(v->v[i], v->v[w - 1]) == 0)
			free(v->v[i]);
		else
			v->v[w++] = v->v[i];
	}
	v->n = w;
	v->v[w] = NULL;
}

double vd_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
