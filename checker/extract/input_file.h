/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Input files in memory, and how long their bytes live: a file is unloaded when its
 * reader is done, unless a store keeps it (texts handed on to be parsed later). */
#ifndef VMSTATE_EXTRACT_INPUT_FILE_H
#define VMSTATE_EXTRACT_INPUT_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* A whole file in memory: mapped copy-on-write, or read when it cannot be mapped. */
struct input_file {
	char *data;
	size_t size;
	bool mapped;
};

/* Loads PATH.  NAMED: the user gave PATH, so a pipe is read to its end; otherwise (an
 * archive member, a directory entry) anything but a regular file is refused.  Returns
 * false after reporting. */
bool input_file_load(const char *path, bool named, struct input_file *file);
void input_file_unload(struct input_file *file);

/* Files and copies that must outlive their reader, freed together. */
struct input_store {
	struct input_file *files;
	size_t count, cap;
};

/* Takes FILE over (FILE is left empty). */
void input_store_keep(struct input_store *store, struct input_file *file);
/* A copy of BYTES that lives as long as the store. */
const char *input_store_copy(struct input_store *store, const char *bytes, size_t len);
void input_store_free(struct input_store *store);

#endif
