/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Static archives ("!<arch>\n") and thin ones ("!<thin>\n"): their members, one by one,
 * to a callback (the symbol and name tables are read here, not handed on). */
#ifndef VMSTATE_EXTRACT_ARCHIVE_H
#define VMSTATE_EXTRACT_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>

struct archive_member {
	const char *name;     /* as the archive names it */
	char *data;           /* its bytes; NULL for a thin archive's member, which lives
				 in a file of its own, NAME relative to the archive's folder */
	size_t size;
};

/* Returns false when the member was bad (after reporting it). */
typedef bool (*archive_member_fn)(void *ctx, const struct archive_member *member);

/* True when DATA starts as an archive does. */
bool archive_is(const char *data, size_t size);

/* Hands every member of the archive DATA (read from NAME, for messages) to EACH, in
 * order.  Returns false after reporting a corrupt archive or when EACH did. */
bool archive_read(const char *name, char *data, size_t size, archive_member_fn each,
		  void *ctx);

#endif
