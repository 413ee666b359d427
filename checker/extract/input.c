/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command's inputs: a path is a directory of fragment files or one file, and a file
 * is classified by its first bytes (ELF, archive, thin archive, JSON fragment). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "archive.h"
#include "../common/diag.h"
#include "elf_fragments.h"
#include "input.h"
#include "../common/alloc.h"
#include "../common/strbuf.h"

#define FRAGMENT_FILE_SUFFIX ".vmfrag.json"

/* Where the contents being read come from. */
struct contents {
	const char *name;         /* for messages: "FILE" or "ARCHIVE(MEMBER)" */
	const char *path;         /* the file on disk that holds them */
	char *data;
	size_t size;
	bool member;              /* of an archive: may hold no fragment */
};

static bool read_contents(struct input_walk *walk, const struct contents *c,
			  size_t *found);

/* Releases FILE, unless its texts must outlive this reader. */
static void done_with(struct input_walk *walk, struct input_file *file)
{
	if (walk->keep_texts)
		input_store_keep(&walk->store, file);
	else
		input_file_unload(file);
}

static const char *lasting(void *ctx, const char *bytes, size_t len)
{
	struct input_walk *walk = ctx;

	return walk->keep_texts ? input_store_copy(&walk->store, bytes, len) : bytes;
}

static bool to_sink(void *ctx, const struct fragment_origin *origin, const char *text,
		    size_t len)
{
	struct input_walk *walk = ctx;

	return walk->sink(walk->ctx, origin, text, len);
}

static void to_file_symbol(void *ctx, const char *input, const char *file)
{
	struct input_walk *walk = ctx;

	walk->file_symbol(walk->units_ctx, input, file);
}

static bool read_fragment_file(struct input_walk *walk, const char *name, const char *data,
			       size_t size)
{
	struct fragment_origin origin = { .input = name, .index = -1 };

	/* A trailing NUL (as in the section) or newline is not part of the JSON text. */
	while (size && (data[size - 1] == '\0' || data[size - 1] == '\n' ||
			data[size - 1] == ' ' || data[size - 1] == '\r' ||
			data[size - 1] == '\t'))
		size--;
	return walk->sink(walk->ctx, &origin, data, size);
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

/* Where a thin archive's member lives: absolute, or relative to the archive's folder. */
static char *thin_member_path(const char *archive_path, const char *member)
{
	const char *slash = strrchr(archive_path, '/');

	if (member[0] == '/' || !slash)
		return xstrdup(member);
	return xasprintf("%.*s/%s", (int)(slash - archive_path), archive_path, member);
}

struct archive_walk {
	struct input_walk *walk;
	const struct contents *archive;
	size_t found;
};

static bool read_member(void *ctx, const struct archive_member *m)
{
	struct archive_walk *aw = ctx;
	char *display = xasprintf("%s(%s)", aw->archive->name, m->name);
	struct contents c = { .name = display, .path = aw->archive->path,
			      .data = m->data, .size = m->size, .member = true };
	struct input_file file;
	char *path = NULL;
	bool ok = false;

	if (m->data) {
		ok = read_contents(aw->walk, &c, &aw->found);
	} else {
		path = thin_member_path(aw->archive->path, m->name);
		if (input_file_load(path, false, &file)) {
			c.path = path;
			c.data = file.data;
			c.size = file.size;
			ok = read_contents(aw->walk, &c, &aw->found);
			done_with(aw->walk, &file);
		} else {
			diag_note(aw->archive->name, "member '%s' of this thin archive (a file "
				  "of its own) cannot be read", m->name);
		}
	}
	free(path);
	free(display);
	return ok;
}

static bool read_elf(struct input_walk *walk, const struct contents *c, size_t *found)
{
	struct elf_sink sink = {
		.fragment = to_sink, .lasting = lasting,
		.file_symbol = walk->file_symbol ? to_file_symbol : NULL, .ctx = walk,
	};
	size_t here = 0;
	bool ok = elf_read_fragments(c->name, c->data, c->size, &sink, &here);

	*found += here;
	if (!ok || here)
		return ok;
	if (!c->member) {
		diag_error(c->name, "no %s section: not compiled with -fplugin=vmstate.so?",
			   FRAGMENT_SECTION);
		return false;
	}
	if (walk->member_without_fragment)
		walk->member_without_fragment(walk->units_ctx, c->name);
	return true;
}

static bool read_archive(struct input_walk *walk, const struct contents *c, size_t *found)
{
	struct archive_walk aw = { .walk = walk, .archive = c };
	bool ok = archive_read(c->name, c->data, c->size, read_member, &aw);

	*found += aw.found;
	if (ok && !aw.found && !c->member) {
		diag_error(c->name, "no member of the archive has a %s section: not compiled "
			   "with -fplugin=vmstate.so?", FRAGMENT_SECTION);
		return false;
	}
	return ok;
}

static bool read_contents(struct input_walk *walk, const struct contents *c,
			  size_t *found)
{
	if (elf_is(c->data, c->size))
		return read_elf(walk, c, found);
	if (archive_is(c->data, c->size))
		return read_archive(walk, c, found);
	if (starts_like_json(c->data, c->size)) {
		++*found;
		return read_fragment_file(walk, c->name, c->data, c->size);
	}
	/* Archives may hold other things too (__.LIBDEP, data files): they have no fragments. */
	if (c->member)
		return true;
	if (!c->size)
		diag_error(c->name, "empty file: not an ELF file, archive or fragment file");
	else
		diag_error(c->name, "not an ELF file, archive or fragment file");
	return false;
}

bool input_read_bytes(struct input_walk *walk, const char *name, const char *path,
		      char *data, size_t size)
{
	struct contents c = { .name = name, .path = path, .data = data, .size = size };
	size_t found = 0;

	return read_contents(walk, &c, &found);
}

static bool is_fragment_file_name(const char *name)
{
	size_t n = strlen(name), k = strlen(FRAGMENT_FILE_SUFFIX);

	return n > k && !strcmp(name + n - k, FRAGMENT_FILE_SUFFIX);
}

static bool read_directory_entry(struct input_walk *walk, const char *file)
{
	struct input_file f;
	bool ok;

	if (!input_file_load(file, false, &f))
		return false;
	if (!starts_like_json(f.data, f.size)) {
		diag_error(file, "not a JSON fragment file");
		ok = false;
	} else {
		ok = read_fragment_file(walk, file, f.data, f.size);
	}
	done_with(walk, &f);
	return ok;
}

/* A dump directory: its *.vmfrag.json files, in name order so that runs are stable. */
static bool read_directory(struct input_walk *walk, const char *path)
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
	qsort(names, count, sizeof(*names), str_ptr_cmp);
	for (i = 0; i < count; i++) {
		char *file = xasprintf("%s/%s", path, names[i]);

		if (!read_directory_entry(walk, file))
			ok = false;
		free(file);
		free(names[i]);
	}
	free(names);
	return ok;
}

bool input_read(struct input_walk *walk, const char *path)
{
	struct input_file file;
	struct stat st;
	bool ok;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return read_directory(walk, path);
	if (!input_file_load(path, true, &file))
		return false;
	ok = input_read_bytes(walk, path, path, file.data, file.size);
	done_with(walk, &file);
	return ok;
}

void input_walk_end(struct input_walk *walk)
{
	input_store_free(&walk->store);
}
