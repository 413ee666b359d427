/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Loading input files, and the store that keeps their bytes alive. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../common/diag.h"
#include "input_file.h"
#include "../common/alloc.h"

/* Reads FD to its end (a pipe, or a file that cannot be mapped). */
static bool read_to_end(const char *path, int fd, struct input_file *file)
{
	size_t cap = 0;

	for (;;) {
		ssize_t n;

		xgrow(&file->data, &cap, file->size + 65536, 1);
		n = read(fd, file->data + file->size, cap - file->size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(path, "cannot read: %s", strerror(errno));
			free(file->data);
			file->data = NULL;
			return false;
		}
		if (n == 0)
			return true;
		file->size += (size_t)n;
	}
}

bool input_file_load(const char *path, bool named, struct input_file *file)
{
	struct stat st;
	bool ok;
	int fd;

	memset(file, 0, sizeof(*file));
	/* Opening a FIFO blocks until it has a writer: only for a file the user named. */
	fd = open(path, O_RDONLY | O_CLOEXEC | (named ? 0 : O_NONBLOCK));
	if (fd < 0 || fstat(fd, &st) < 0) {
		diag_error(path, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_error(path, "is a directory");
		close(fd);
		return false;
	}
	/* Devices never end (/dev/zero); pipes do, and are read to their end when named
	 * (a member or directory entry that is a FIFO would wait for a writer for ever). */
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode) ||
	    (!named && !S_ISREG(st.st_mode))) {
		diag_error(path, "not a regular file");
		close(fd);
		return false;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE,
			       fd, 0);

		if (p != MAP_FAILED) {
			file->data = p;
			file->size = (size_t)st.st_size;
			file->mapped = true;
			close(fd);
			return true;
		}
	}
	ok = read_to_end(path, fd, file);
	close(fd);
	return ok;
}

void input_file_unload(struct input_file *file)
{
	if (file->mapped)
		munmap(file->data, file->size);
	else
		free(file->data);
	memset(file, 0, sizeof(*file));
}

void input_store_keep(struct input_store *store, struct input_file *file)
{
	xgrow(&store->files, &store->cap, store->count + 1, sizeof(*store->files));
	store->files[store->count++] = *file;
	memset(file, 0, sizeof(*file));
}

const char *input_store_copy(struct input_store *store, const char *bytes, size_t len)
{
	struct input_file copy = { .data = xmalloc(len ? len : 1), .size = len };

	memcpy(copy.data, bytes, len);
	input_store_keep(store, &copy);
	return store->files[store->count - 1].data;
}

void input_store_free(struct input_store *store)
{
	size_t i;

	for (i = 0; i < store->count; i++)
		input_file_unload(&store->files[i]);
	free(store->files);
	memset(store, 0, sizeof(*store));
}
