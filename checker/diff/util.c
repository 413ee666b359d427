/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *vd_progname = "vmstate-diff";
int vd_verbose;

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
	vd_progress_clear();
	fflush(stdout);
	fprintf(stderr, "%s: %s", vd_progname, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void vd_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage("error: ", fmt, ap);
	va_end(ap);
	exit(VD_EXIT_FAIL);
}

void vd_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

void vd_note(const char *fmt, ...)
{
	if (vd_progress_quiet())
		return;
	va_list ap;
	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void *vd_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		vd_die("out of memory");
	return p;
}

void *vd_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		vd_die("out of memory");
	return p;
}

char *vd_xstrdup(const char *s)
{
	return vd_xstrndup(s, strlen(s));
}

char *vd_xstrndup(const char *s, size_t n)
{
	char *p = vd_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *vd_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p;
	if (vasprintf(&p, fmt, ap) < 0)
		vd_die("out of memory");
	va_end(ap);
	return p;
}

void vd_str_add(struct vd_str *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = vd_xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void vd_str_adds(struct vd_str *b, const char *s)
{
	vd_str_add(b, s, strlen(s));
}

void vd_str_addf(struct vd_str *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p;
	if (vasprintf(&p, fmt, ap) < 0)
		vd_die("out of memory");
	va_end(ap);
	vd_str_adds(b, p);
	free(p);
}

char *vd_str_take(struct vd_str *b)
{
	char *s = b->s ? b->s : vd_xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void vd_strv_push(struct vd_strv *a, char *s)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = vd_xrealloc(a->v, a->cap * sizeof *a->v);
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
	struct vd_str b = { 0 };
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			free(b.s);
			errno = e;
			return NULL;
		}
		if (n == 0)
			break;
		vd_str_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (lenp)
		*lenp = b.len;
	return vd_str_take(&b);
}

bool vd_write_file(const char *path, const char *data, size_t len)
{
	/* Not a regular file (/dev/null, a FIFO): written as it is, never renamed over. */
	struct stat st;
	bool direct = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
	char *tmp = direct ? vd_xstrdup(path) : vd_printf("%s.tmp.%ld", path, (long)getpid());
	int fd = open(tmp, direct ? O_WRONLY | O_CLOEXEC : O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		      0644);
	if (fd < 0) {
		free(tmp);
		return false;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			if (!direct)
				unlink(tmp);
			free(tmp);
			errno = e;
			return false;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0 || (!direct && rename(tmp, path) != 0)) {
		int e = errno;
		if (!direct)
			unlink(tmp);
		free(tmp);
		errno = e;
		return false;
	}
	free(tmp);
	return true;
}

void vd_mkdirs(const char *path)
{
	char *p = vd_xstrdup(path);
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
		return vd_xstrdup(path);
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		vd_die("cannot get the current directory: %s", strerror(errno));
	char *r = strcmp(path, ".") == 0 ? vd_xstrdup(cwd) : vd_printf("%s/%s", cwd, path);
	free(cwd);
	return r;
}

char *vd_join(const char *dir, const char *path)
{
	if (path[0] == '/')
		return vd_xstrdup(path);
	return vd_printf("%s/%s", dir, path);
}

void vd_copy_file(const char *src, const char *dst)
{
	size_t len;
	char *data = vd_read_file(src, &len);
	if (!data)
		vd_die("cannot read %s: %s", src, strerror(errno));
	if (!vd_write_file(dst, data, len))
		vd_die("cannot write %s: %s", dst, strerror(errno));
	free(data);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void vd_strv_sort_unique(struct vd_strv *v)
{
	if (v->n == 0)
		return;
	qsort(v->v, v->n, sizeof *v->v, cmp_str);
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
