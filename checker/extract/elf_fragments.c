/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fragments embedded in an ELF image: every section named .vmstate_fragment holds
 * NUL-terminated fragment texts, concatenated by the linker (empty pieces are padding). */
#include <gelf.h>
#include <string.h>
#include "diag.h"
#include "input.h"

static bool split_section(const char *name, const char *bytes, size_t len,
			  size_t *index, fragment_sink sink, void *ctx)
{
	size_t start = 0, end;
	bool ok = true;

	while (start < len) {
		const char *nul = memchr(bytes + start, '\0', len - start);

		end = nul ? (size_t)(nul - bytes) : len;
		if (end > start) {
			struct fragment_origin origin = {
				.input = name, .index = (int)*index, .offset = start,
			};

			if (!sink(ctx, &origin, bytes + start, end - start))
				ok = false;
			++*index;
		}
		start = end + 1;
	}
	return ok;
}

/* libelf reads a file cut short as one without sections; say what it is. */
static bool headers_inside(Elf *elf, size_t size)
{
	GElf_Ehdr ehdr;
	size_t count;

	if (!gelf_getehdr(elf, &ehdr))
		return false;
	if (!ehdr.e_shoff)
		return true;
	/* e_shnum is 0 when the count lives in section 0 (extended numbering). */
	count = ehdr.e_shnum ? ehdr.e_shnum : 1;
	if (!ehdr.e_shentsize)
		return false;
	return ehdr.e_shoff <= size && count <= (size - ehdr.e_shoff) / ehdr.e_shentsize;
}

bool elf_read_fragments(const char *name, char *data, size_t size, size_t *found,
			fragment_sink sink, void *ctx)
{
	static bool initialized;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	bool ok = true;
	Elf *elf;

	if (!initialized) {
		elf_version(EV_CURRENT);
		initialized = true;
	}
	elf = elf_memory(data, size);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		diag_error(name, "invalid ELF file: %s", elf_errmsg(-1));
		if (elf)
			elf_end(elf);
		return false;
	}
	if (!headers_inside(elf, size)) {
		diag_error(name, "invalid ELF file: truncated (its section headers lie beyond "
			   "its %zu bytes)", size);
		elf_end(elf);
		return false;
	}
	if (elf_getshdrstrndx(elf, &shstrndx) != 0) {
		diag_error(name, "invalid ELF file: %s", elf_errmsg(-1));
		elf_end(elf);
		return false;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;
		const char *scn_name, *bytes;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &shdr)) {
			diag_error(name, "invalid ELF section header: %s", elf_errmsg(-1));
			ok = false;
			break;
		}
		scn_name = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (!scn_name || strcmp(scn_name, FRAGMENT_SECTION) || shdr.sh_type == SHT_NOBITS)
			continue;
		if ((shdr.sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0) {
			diag_error(name, "cannot decompress section %s: %s", FRAGMENT_SECTION,
				   elf_errmsg(-1));
			ok = false;
			continue;
		}
		d = elf_rawdata(scn, NULL);
		if (!d) {
			diag_error(name, "cannot read section %s: %s", FRAGMENT_SECTION,
				   elf_errmsg(-1));
			ok = false;
			continue;
		}
		if (!d->d_buf)
			continue;
		/* Decompressed contents belong to libelf, which frees them below. */
		bytes = d->d_buf;
		if (bytes < data || bytes + d->d_size > data + size)
			bytes = input_lasting(bytes, d->d_size);
		if (!split_section(name, bytes, d->d_size, found, sink, ctx))
			ok = false;
	}
	elf_end(elf);
	return ok;
}
