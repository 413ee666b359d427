/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Static archives, including thin ones (whose members stay in their own files, named
 * relative to the archive).  The ar format: an 8-byte magic, then per member a 60-byte
 * header (name[16] date[12] uid[6] gid[6] mode[8] size[10] "`\n") and its data padded
 * to an even size.  GNU long names live in the "//" member; BSD ones ("#1/LEN") lead
 * the member's data. */
#include <stdlib.h>
#include <string.h>
#include "archive.h"
#include "../common/diag.h"
#include "../common/alloc.h"

#define HEADER_SIZE 60

struct archive {
	const char *name;
	const char *data;
	size_t size;
	bool thin;
	const char *long_names;
	size_t long_names_size;
};

/* The decimal number in FIELD (LEN bytes, space-padded); false when it is not one. */
static bool parse_decimal(const char *field, size_t len, size_t *value)
{
	size_t i = 0, v = 0;

	while (i < len && field[i] == ' ')
		i++;
	if (i == len || field[i] < '0' || field[i] > '9')
		return false;
	for (; i < len && field[i] >= '0' && field[i] <= '9'; i++) {
		if (v > ((size_t)-1 - 9) / 10)
			return false;
		v = v * 10 + (size_t)(field[i] - '0');
	}
	for (; i < len; i++)
		if (field[i] != ' ')
			return false;
	*value = v;
	return true;
}

/* The member name from header field RAW; an allocated string, or NULL after reporting. */
static char *member_name(const struct archive *ar, const char *raw, size_t offset)
{
	size_t len = 16, index, end;

	if (raw[0] == '/' && raw[1] >= '0' && raw[1] <= '9') {
		/* GNU ar 2.40 leaves a stray '/' at the end of the field when the member's
		 * name is 15 characters long; like binutils, read the digits only. */
		size_t digits = 1;

		while (digits < 15 && raw[1 + digits] >= '0' && raw[1 + digits] <= '9')
			digits++;
		if (!parse_decimal(raw + 1, digits, &index) || !ar->long_names ||
		    index >= ar->long_names_size) {
			diag_error(ar->name, "member header at byte %zu: bad long name "
				   "reference '%.16s'", offset, raw);
			return NULL;
		}
		for (end = index; end < ar->long_names_size; end++)
			if (ar->long_names[end] == '\n' || ar->long_names[end] == '\0')
				break;
		if (end > index && ar->long_names[end - 1] == '/')
			end--;
		return xasprintf("%.*s", (int)(end - index), ar->long_names + index);
	}
	while (len && raw[len - 1] == ' ')
		len--;
	if (len && raw[len - 1] == '/')
		len--;
	return xasprintf("%.*s", (int)len, raw);
}

bool archive_is(const char *data, size_t size)
{
	return size >= 8 && (!memcmp(data, "!<arch>\n", 8) || !memcmp(data, "!<thin>\n", 8));
}

bool archive_read(const char *name, char *data, size_t size, archive_member_fn each,
		  void *ctx)
{
	struct archive ar = {
		.name = name, .data = data, .size = size,
		.thin = !memcmp(data, "!<thin>\n", 8),
	};
	size_t offset = 8;
	bool ok = true;

	while (offset < size) {
		const char *hdr = data + offset;
		size_t member_size, data_offset, stored;
		struct archive_member m;
		char *member;

		if (size - offset < HEADER_SIZE || memcmp(hdr + 58, "`\n", 2)) {
			/* A lone padding newline at the end is fine. */
			if (size - offset == 1 && data[offset] == '\n')
				break;
			diag_error(name, "truncated or corrupt archive: bad member header at "
				   "byte %zu", offset);
			return false;
		}
		if (!parse_decimal(hdr + 48, 10, &member_size)) {
			diag_error(name, "corrupt archive: bad member size at byte %zu", offset);
			return false;
		}
		data_offset = offset + HEADER_SIZE;
		/* Thin archives store only their symbol and name tables. */
		bool table = hdr[0] == '/' && (hdr[1] == ' ' || hdr[1] == '/' ||
					       !memcmp(hdr, "/SYM64/", 7));
		stored = (!ar.thin || table) ? member_size : 0;
		if (stored > size - data_offset) {
			diag_error(name, "truncated archive: member at byte %zu needs %zu bytes, "
				   "%zu left", offset, stored, size - data_offset);
			return false;
		}
		offset = data_offset + stored + (stored & 1);

		if (table) {
			if (hdr[1] == '/') {
				ar.long_names = data + data_offset;
				ar.long_names_size = member_size;
			}
			continue;
		}
		if (!memcmp(hdr, "__.SYMDEF", 9))
			continue;
		if (!memcmp(hdr, "#1/", 3)) {
			size_t name_len;

			if (!parse_decimal(hdr + 3, 13, &name_len) || name_len > stored) {
				diag_error(name, "corrupt archive: bad BSD member name at byte %zu",
					   data_offset - HEADER_SIZE);
				return false;
			}
			member = xasprintf("%.*s", (int)strnlen(data + data_offset, name_len),
					   data + data_offset);
			data_offset += name_len;
			stored -= name_len;
		} else {
			member = member_name(&ar, hdr, data_offset - HEADER_SIZE);
			if (!member)
				return false;
		}
		m.name = member;
		m.data = ar.thin ? NULL : data + data_offset;
		m.size = stored;
		if (!each(ctx, &m))
			ok = false;
		free(member);
	}
	return ok;
}
