/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command's inputs: a path is a directory of fragment files or one file, and a file
 * is classified by its first bytes (ELF, archive, thin archive, JSON fragment). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "diag.h"
#include "input.h"
#include "util.h"

#define FRAGMENT_FILE_SUFFIX ".vmfrag.json"

bool input_load_file(const char *path, bool named, struct input_file *file)
{
	struct stat st;
	size_t cap = 0;
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
	/* Pipes and other files that cannot be mapped. */
	for (;;) {
		ssize_t n;

		xgrow(&file->data, &cap, file->size + 65536, 1);
		n = read(fd, file->data + file->size, cap - file->size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(path, "cannot read: %s", strerror(errno));
			close(fd);
			free(file->data);
			file->data = NULL;
			return false;
		}
		if (n == 0)
			break;
		file->size += (size_t)n;
	}
	close(fd);
	return true;
}

static bool keeping;
static struct input_file *kept;
static size_t kept_count, kept_cap;

void input_keep_files(bool keep)
{
	keeping = keep;
}

void input_release_kept(void)
{
	size_t i;
	bool was = keeping;

	keeping = false;
	for (i = 0; i < kept_count; i++)
		input_release_file(&kept[i]);
	free(kept);
	kept = NULL;
	kept_count = kept_cap = 0;
	keeping = was;
}

const char *input_lasting(const char *bytes, size_t len)
{
	struct input_file copy = { .data = xmalloc(len ? len : 1), .size = len };

	if (!keeping) {
		free(copy.data);
		return bytes;
	}
	memcpy(copy.data, bytes, len);
	xgrow(&kept, &kept_cap, kept_count + 1, sizeof(*kept));
	kept[kept_count++] = copy;
	return copy.data;
}

void input_release_file(struct input_file *file)
{
	if (keeping) {
		xgrow(&kept, &kept_cap, kept_count + 1, sizeof(*kept));
		kept[kept_count++] = *file;
		file->data = NULL;
		file->size = 0;
		return;
	}
	if (file->mapped)
		munmap(file->data, file->size);
	else
		free(file->data);
	file->data = NULL;
	file->size = 0;
}

static bool read_fragment_file(const char *name, const char *data, size_t size,
			       fragment_sink sink, void *ctx)
{
	struct fragment_origin origin = { .input = name, .index = -1 };

	/* A trailing NUL (as in the section) or newline is not part of the JSON text. */
	while (size && (data[size - 1] == '\0' || data[size - 1] == '\n' ||
			data[size - 1] == ' ' || data[size - 1] == '\r' ||
			data[size - 1] == '\t'))
		size--;
	return sink(ctx, &origin, data, size);
}

static bool starts_like_json(const char *data, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++) {
		if (data[i] == '{')
			return true;
		if (!strchr(" \t\r\n", data[i]))
			return false;
	}
	return false;
}

bool input_read_contents(const char *name, const char *file_path, char *data,
			 size_t size, bool archive_member, size_t *found,
			 fragment_sink sink, void *ctx)
{
	size_t here = 0;
	bool ok;

	if (size >= 4 && !memcmp(data, "\177ELF", 4)) {
		ok = elf_read_fragments(name, data, size, &here, sink, ctx);
		*found += here;
		if (ok && !here && !archive_member) {
			diag_error(name, "no %s section: not compiled with "
				   "-fplugin=vmstate.so?", FRAGMENT_SECTION);
			return false;
		}
		return ok;
	}
	if (size >= 8 && (!memcmp(data, "!<arch>\n", 8) || !memcmp(data, "!<thin>\n", 8))) {
		ok = archive_read(name, file_path, data, size, &here, sink, ctx);
		*found += here;
		if (ok && !here && !archive_member) {
			diag_error(name, "no member of the archive has a %s section: "
				   "not compiled with -fplugin=vmstate.so?",
				   FRAGMENT_SECTION);
			return false;
		}
		return ok;
	}
	if (starts_like_json(data, size)) {
		++*found;
		return read_fragment_file(name, data, size, sink, ctx);
	}
	/* Archives may hold other things too (__.LIBDEP, data files): they have no fragments. */
	if (archive_member)
		return true;
	if (!size)
		diag_error(name, "empty file: not an ELF file, archive or fragment file");
	else
		diag_error(name, "not an ELF file, archive or fragment file");
	return false;
}

static bool is_fragment_file_name(const char *name)
{
	size_t n = strlen(name), k = strlen(FRAGMENT_FILE_SUFFIX);

	return n > k && !strcmp(name + n - k, FRAGMENT_FILE_SUFFIX);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A dump directory: its *.vmfrag.json files, in name order so that runs are stable. */
static bool read_directory(const char *path, fragment_sink sink, void *ctx)
{
	char **names = NULL;
	size_t count = 0, cap = 0, i;
	struct dirent *d;
	bool ok = true;
	DIR *dir;

	dir = opendir(path);
	if (!dir) {
		diag_error(path, "cannot read directory: %s", strerror(errno));
		return false;
	}
	while ((d = readdir(dir))) {
		if (!is_fragment_file_name(d->d_name))
			continue;
		xgrow(&names, &cap, count + 1, sizeof(*names));
		names[count++] = xstrdup(d->d_name);
	}
	closedir(dir);
	if (!count) {
		diag_error(path, "directory holds no *%s fragment files", FRAGMENT_FILE_SUFFIX);
		return false;
	}
	qsort(names, count, sizeof(*names), compare_names);
	for (i = 0; i < count; i++) {
		char *file = xasprintf("%s/%s", path, names[i]);
		struct input_file f;

		if (!input_load_file(file, false, &f)) {
			ok = false;
		} else {
			if (!starts_like_json(f.data, f.size)) {
				diag_error(file, "not a JSON fragment file");
				ok = false;
			} else if (!read_fragment_file(file, f.data, f.size, sink, ctx)) {
				ok = false;
			}
			input_release_file(&f);
		}
		free(file);
		free(names[i]);
	}
	free(names);
	return ok;
}

bool input_read(const char *path, fragment_sink sink, void *ctx)
{
	struct input_file file;
	struct stat st;
	size_t found = 0;
	bool ok;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return read_directory(path, sink, ctx);
	if (!input_load_file(path, true, &file))
		return false;
	ok = input_read_contents(path, path, file.data, file.size, false, &found, sink, ctx);
	input_release_file(&file);
	return ok;
}
