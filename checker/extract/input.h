/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading the command's inputs: ELF files (executables, shared objects, relocatable
 * objects), static archives (thin ones too), fragment files and directories of them.
 * Each fragment text found is handed to a sink, in input order. */
#ifndef VMSTATE_EXTRACT_INPUT_H
#define VMSTATE_EXTRACT_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "fragment.h"
#include "input_file.h"

/* Receives one fragment's text (not NUL-terminated).  Returns false when the fragment
 * is bad (after reporting it). */
typedef bool (*fragment_sink)(void *ctx, const struct fragment_origin *origin,
			      const char *text, size_t len);

/* One walk over inputs: what it hands out, and to whom. */
struct input_walk {
	fragment_sink sink;
	void *ctx;
	/* The texts stay valid until input_walk_end() (for parsing them later, in a
	 * batch); otherwise only during the sink's call. */
	bool keep_texts;
	/* Optional, to tell units that have no fragment: an archive member that is an
	 * ELF object without one, and each source file a linked program's symbol table
	 * names (STT_FILE). */
	void (*member_without_fragment)(void *ctx, const char *member);
	void (*file_symbol)(void *ctx, const char *input, const char *file);
	void *units_ctx;            /* their CTX */
	struct input_store store;   /* private: what keep_texts keeps */
};

/* Reads PATH (a file or a directory of fragment files).  Returns false after reporting
 * each problem (an unreadable or unknown file, an ELF file without fragments, a
 * fragment the sink rejected). */
bool input_read(struct input_walk *walk, const char *path);

/* The same for the bytes of one file already in memory (DATA is written to, as a
 * mapped copy-on-write file may be).  PATH is where it lives on disk (to find the
 * members of a thin archive), NAME how messages call it. */
bool input_read_bytes(struct input_walk *walk, const char *name, const char *path,
		      char *data, size_t size);

/* Frees what the walk kept. */
void input_walk_end(struct input_walk *walk);

#endif
