/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fragments an ELF image carries in its .vmstate_fragment sections, and the source
 * files a linked program's symbol table names (to tell units without a fragment). */
#ifndef VMSTATE_EXTRACT_ELF_FRAGMENTS_H
#define VMSTATE_EXTRACT_ELF_FRAGMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include "fragment.h"

struct elf_sink {
	/* Each fragment's text (not NUL-terminated); false when it is bad (reported). */
	bool (*fragment)(void *ctx, const struct fragment_origin *origin, const char *text,
			 size_t len);
	/* Bytes that libelf frees with the image (a decompressed section), as the sink may
	 * keep them: a copy, or BYTES itself. */
	const char *(*lasting)(void *ctx, const char *bytes, size_t len);
	/* Optional: each STT_FILE name of an executable or shared object. */
	void (*file_symbol)(void *ctx, const char *input, const char *file);
	void *ctx;
};

static inline bool elf_is(const char *data, size_t size)
{
	return size >= 4 && data[0] == '\177' && data[1] == 'E' && data[2] == 'L' &&
	       data[3] == 'F';
}

/* Reads the image DATA (from NAME, for messages; writable, libelf may write to it).
 * *FOUND counts the fragments.  Returns false after reporting a bad image or when the
 * sink refused a fragment. */
bool elf_read_fragments(const char *name, char *data, size_t size,
			const struct elf_sink *sink, size_t *found);

#endif
