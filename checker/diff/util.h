/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small helpers of vmstate-diff: fatal errors, allocation, growable strings, files. */
#ifndef VD_UTIL_H
#define VD_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Exit statuses (see docs/vmstate-diff.md). */
enum { VD_EXIT_OK = 0, VD_EXIT_PROBLEMS = 1, VD_EXIT_USAGE = 2, VD_EXIT_FAIL = 3 };

extern const char *vd_progname;
extern int vd_verbose;

_Noreturn void vd_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vd_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *vd_xmalloc(size_t n);
void *vd_xrealloc(void *p, size_t n);
char *vd_xstrdup(const char *s);
char *vd_xstrndup(const char *s, size_t n);
char *vd_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct vd_str {
	char *s;
	size_t len, cap;
};
void vd_str_add(struct vd_str *b, const char *s, size_t n);
void vd_str_adds(struct vd_str *b, const char *s);
void vd_str_addf(struct vd_str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *vd_str_take(struct vd_str *b);

struct vd_strv {
	char **v;
	size_t n, cap;
};
void vd_strv_push(struct vd_strv *a, char *s);
void vd_strv_free(struct vd_strv *a);
/* Sorts and drops duplicates. */
void vd_strv_sort_unique(struct vd_strv *v);

/* Whole file into memory (NUL-terminated); NULL with errno set on failure. */
char *vd_read_file(const char *path, size_t *len);
/* Writes atomically (temporary file + rename), or in place when PATH exists and is not a
 * regular file (/dev/null, a FIFO); false with errno set on failure. */
bool vd_write_file(const char *path, const char *data, size_t len);
/* mkdir -p; dies on failure. */
void vd_mkdirs(const char *path);
/* rm -rf of a directory we created; dies on failure. */
void vd_remove_tree(const char *path);
bool vd_is_dir(const char *path);
bool vd_is_file(const char *path);
/* PATH made absolute against the current directory, without resolving links. */
char *vd_absolute(const char *path);
/* A path joined to DIR unless it is absolute. */
char *vd_join(const char *dir, const char *path);
/* Copies SRC to DST (atomically); dies on failure. */
void vd_copy_file(const char *src, const char *dst);

#endif
