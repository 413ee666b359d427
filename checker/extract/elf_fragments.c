/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fragments embedded in an ELF image: every section named .vmstate_fragment holds
 * NUL-terminated fragment texts, concatenated by the linker (empty pieces are padding). */
#include <gelf.h>
#include <string.h>
#include "../common/diag.h"
#include "elf_fragments.h"

static bool split_section(const char *name, const char *bytes, size_t len,
			  size_t *index, const struct elf_sink *sink)
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

			if (!sink->fragment(sink->ctx, &origin, bytes + start, end - start))
				ok = false;
			++*index;
		}
		start = end + 1;
	}
	return ok;
}

/* libelf answers a bad identification with "no error": name the byte instead. */
static bool ident_valid(const char *name, const unsigned char *data, size_t size)
{
	size_t ehdr_size;

	if (size < EI_NIDENT) {
		diag_error(name, "invalid ELF file: truncated (%zu bytes, shorter than the "
			   "%d-byte identification)", size, EI_NIDENT);
		return false;
	}
	if (data[EI_CLASS] != ELFCLASS32 && data[EI_CLASS] != ELFCLASS64) {
		diag_error(name, "invalid ELF file: unknown class 0x%02x (byte %d, EI_CLASS)",
			   data[EI_CLASS], EI_CLASS);
		return false;
	}
	if (data[EI_DATA] != ELFDATA2LSB && data[EI_DATA] != ELFDATA2MSB) {
		diag_error(name, "invalid ELF file: unknown data encoding 0x%02x (byte %d, "
			   "EI_DATA)", data[EI_DATA], EI_DATA);
		return false;
	}
	if (data[EI_VERSION] != EV_CURRENT) {
		diag_error(name, "invalid ELF file: unknown version %u (byte %d, EI_VERSION)",
			   data[EI_VERSION], EI_VERSION);
		return false;
	}
	ehdr_size = data[EI_CLASS] == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
	if (size < ehdr_size) {
		diag_error(name, "invalid ELF file: truncated (%zu bytes, shorter than its "
			   "%zu-byte header)", size, ehdr_size);
		return false;
	}
	return true;
}

/* The section-name table must be a string table, or every name lookup fails and the
 * file would look like one built without the plugin. */
static bool names_valid(const char *name, Elf *elf, size_t shstrndx)
{
	Elf_Scn *scn = elf_getscn(elf, shstrndx);
	GElf_Shdr shdr;

	if (shstrndx == SHN_UNDEF || !scn || !gelf_getshdr(scn, &shdr) ||
	    shdr.sh_type != SHT_STRTAB) {
		diag_error(name, "invalid ELF file: its section-name table (e_shstrndx %zu) is "
			   "not a string table section", shstrndx);
		return false;
	}
	return true;
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

/* The STT_FILE names of the symbol table SCN (SHDR), for a linked program. */
static void list_file_symbols(const char *name, Elf *elf, Elf_Scn *scn,
			      const GElf_Shdr *shdr, const struct elf_sink *sink)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t i, count;
	GElf_Sym sym;

	if (!d || !shdr->sh_entsize)
		return;
	count = shdr->sh_size / shdr->sh_entsize;
	for (i = 0; i < count && gelf_getsym(d, (int)i, &sym); i++) {
		const char *file;

		if (GELF_ST_TYPE(sym.st_info) != STT_FILE)
			continue;
		file = elf_strptr(elf, shdr->sh_link, sym.st_name);
		if (file && *file)
			sink->file_symbol(sink->ctx, name, file);
	}
}

/* One .vmstate_fragment section: its texts to the sink. */
static bool read_section(const char *name, const char *data, size_t size, Elf_Scn *scn,
			 const GElf_Shdr *shdr, const struct elf_sink *sink, size_t *found)
{
	const char *bytes;
	Elf_Data *d;

	if ((shdr->sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0) {
		diag_error(name, "cannot decompress section %s: %s", FRAGMENT_SECTION,
			   elf_errmsg(-1));
		return false;
	}
	d = elf_rawdata(scn, NULL);
	if (!d) {
		diag_error(name, "cannot read section %s: %s", FRAGMENT_SECTION,
			   elf_errmsg(-1));
		return false;
	}
	if (!d->d_buf)
		return true;
	/* Decompressed contents belong to libelf, which frees them with the image. */
	bytes = d->d_buf;
	if (bytes < data || bytes + d->d_size > data + size)
		bytes = sink->lasting(sink->ctx, bytes, d->d_size);
	return split_section(name, bytes, d->d_size, found, sink);
}

bool elf_read_fragments(const char *name, char *data, size_t size,
			const struct elf_sink *sink, size_t *found)
{
	static bool initialized;
	Elf_Scn *scn = NULL;
	GElf_Ehdr ehdr;
	size_t shstrndx;
	bool ok = true, linked;
	Elf *elf;

	if (!initialized) {
		elf_version(EV_CURRENT);
		initialized = true;
	}
	if (!ident_valid(name, (const unsigned char *)data, size))
		return false;
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
	if (elf_nextscn(elf, NULL) && !names_valid(name, elf, shstrndx)) {
		elf_end(elf);
		return false;
	}
	linked = gelf_getehdr(elf, &ehdr) && (ehdr.e_type == ET_EXEC || ehdr.e_type == ET_DYN);
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;
		const char *scn_name;

		if (!gelf_getshdr(scn, &shdr)) {
			diag_error(name, "invalid ELF section header: %s", elf_errmsg(-1));
			ok = false;
			break;
		}
		if (linked && shdr.sh_type == SHT_SYMTAB && sink->file_symbol)
			list_file_symbols(name, elf, scn, &shdr, sink);
		scn_name = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (!scn_name) {
			diag_error(name, "invalid ELF file: section %zu has a name offset (%lu) "
				   "outside the section-name table", elf_ndxscn(scn),
				   (unsigned long)shdr.sh_name);
			ok = false;
			break;
		}
		if (strcmp(scn_name, FRAGMENT_SECTION) || shdr.sh_type == SHT_NOBITS)
			continue;
		if (!read_section(name, data, size, scn, &shdr, sink, found))
			ok = false;
	}
	elf_end(elf);
	return ok;
}
