/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small helpers of vmstate-diff: its messages (GCC-style diagnostics from checker/common,
 * cleared of the progress line), string vectors, files.  Allocation, buffers and atomic
 * writes come from checker/common. */
#ifndef VD_UTIL_H
#define VD_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/alloc.h"
#include "../common/diag.h"
#include "../common/fileio.h"
#include "../common/strbuf.h"

/* Exit statuses (see docs/vmstate-diff.md): the reference mode's are 0, 1 problems, 2 usage
 * error, 3 failure; the wire mode's are the wire library's bit field (checker/wire/wire.h).
 * main() sets the usage and failure statuses of the mode with diag_init(). */
enum { VD_EXIT_OK = 0, VD_EXIT_PROBLEMS = 1 };
#define VD_EXIT_USAGE (diag_exits()->usage)
#define VD_EXIT_FAIL (diag_exits()->input)

extern int vd_verbose;

_Noreturn void vd_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vd_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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
/* Seconds on the monotonic clock. */
double vd_now(void);
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
