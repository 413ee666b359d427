/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading the command's inputs: ELF files (executables, shared objects, relocatable
 * objects), static archives (thin ones too), fragment files and directories of them.
 * Each fragment text found is handed to a sink, in input order. */
#ifndef VMSTATE_EXTRACT_INPUT_H
#define VMSTATE_EXTRACT_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "fragment.h"

/* Receives one fragment's text (not NUL-terminated, valid during the call only).
 * Returns false when the fragment is bad (after reporting it). */
typedef bool (*fragment_sink)(void *ctx, const struct fragment_origin *origin,
			      const char *text, size_t len);

/* Reads PATH.  Returns false after reporting each problem (an unreadable or unknown file,
 * an ELF file without fragments, a fragment the sink rejected). */
bool input_read(const char *path, fragment_sink sink, void *ctx);

/* For the readers of each kind: the contents of NAME (a file or an archive member),
 * classified by their first bytes.  FILE_PATH is where NAME lives on disk (to find the
 * members of a thin archive).  ARCHIVE_MEMBER: a member without fragments is skipped
 * rather than an error, and *FOUND counts the fragments seen. */
bool input_read_contents(const char *name, const char *file_path, char *data,
			 size_t size, bool archive_member, size_t *found,
			 fragment_sink sink, void *ctx);

/* archive.c: the members of an ar archive ("!<arch>\n") or a thin archive
 * ("!<thin>\n"), each read with input_read_contents. */
bool archive_read(const char *name, const char *file_path, char *data, size_t size,
		  size_t *found, fragment_sink sink, void *ctx);

/* elf_fragments.c: every fragment of the ELF image's .vmstate_fragment sections. */
bool elf_read_fragments(const char *name, char *data, size_t size, size_t *found,
			fragment_sink sink, void *ctx);

/* A whole file in memory: mapped copy-on-write, or read when it cannot be mapped. */
struct input_file {
	char *data;
	size_t size;
	bool mapped;
};

/* Loads PATH.  NAMED: the user gave PATH, so a pipe is read to its end; otherwise (an
 * archive member, a directory entry) anything but a regular file is refused.  Returns
 * false after reporting. */
bool input_load_file(const char *path, bool named, struct input_file *file);
void input_release_file(struct input_file *file);

/* While kept, released files stay in memory until input_release_kept(): the texts
 * handed to a sink stay valid after the call, for parsing them later in a batch. */
void input_keep_files(bool keep);
void input_release_kept(void);

/* BYTES as a sink may keep them: a copy kept until input_release_kept() while files
 * are kept (for bytes a reader is about to free), else BYTES itself. */
const char *input_lasting(const char *bytes, size_t len);

#endif
