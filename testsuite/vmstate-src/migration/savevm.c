// SPDX-License-Identifier: GPL-2.0-or-later
/* Save and load, written from QEMU's documented rules (migration/vmstate.c, savevm.c):
 * - a stream is a header, then sections: a byte QEMU_VM_SECTION_FULL, the section id,
 *   its name, instance id and version, its data, and a footer with the id again;
 * - the destination finds a section by name and instance id, and refuses a version
 *   outside [minimum_version_id, version_id];
 * - a field travels when field_exists(opaque, version) holds or, without a test, when
 *   its version_id <= version; VMSTATE_VALIDATE refuses a load when its test fails;
 * - after the fields, each subsection whose needed() holds (or that has none) travels
 *   by name with its own version; the destination must know the name;
 * - nested structures carry no version: each side uses its own description's;
 * - the VMStateInfo "virtio" writes the common state by hand, then the device class's
 *   description (loaded with the section's version), then the core's (version 1).
 * The state saved is made up by the harness (harness.c), and the values sent and loaded
 * are recorded by field path, so that a load that puts bytes into the wrong members is
 * seen too. */
#include "qemu/osdep.h"
#include "migration/savevm.h"
#include "migration/harness.h"
#include "hw/virtio/virtio.h"

#include <stdarg.h>

enum {
	QEMU_VM_FILE_MAGIC = 0x5145564d,
	QEMU_VM_FILE_VERSION = 3,
	QEMU_VM_EOF = 0x00,
	QEMU_VM_SECTION_FULL = 0x04,
	QEMU_VM_SUBSECTION = 0x05,
	QEMU_VM_SECTION_FOOTER = 0x7e,
};

struct stream {
	FILE *f;
	char why[512];           /* the first failure */
	struct harness_values *values;
	const char *type;        /* the section's device type, or NULL */
	int version;             /* the section's version: sent, or received */
};

__attribute__((format(printf, 2, 3)))
static int fail(struct stream *s, const char *fmt, ...)
{
	va_list ap;

	if (s->why[0])
		return -1;
	va_start(ap, fmt);
	vsnprintf(s->why, sizeof(s->why), fmt, ap);
	va_end(ap);
	return -1;
}

static void put_byte(FILE *f, unsigned v)
{
	fputc((int)(v & 0xff), f);
}

static void put_be32(FILE *f, uint32_t v)
{
	for (int shift = 24; shift >= 0; shift -= 8)
		put_byte(f, v >> shift);
}

static int get_byte(struct stream *s, unsigned *v)
{
	int c = fgetc(s->f);

	*v = 0;
	if (c == EOF)
		return fail(s, "the stream ends early");
	*v = (unsigned)c;
	return 0;
}

static int get_be32(struct stream *s, uint32_t *v)
{
	unsigned b;

	*v = 0;
	for (int i = 0; i < 4; i++) {
		if (get_byte(s, &b))
			return -1;
		*v = *v << 8 | b;
	}
	return 0;
}

/* A name: one length byte, then the bytes. */
static int get_name(struct stream *s, char name[256])
{
	unsigned len;

	if (get_byte(s, &len) || fread(name, 1, len, s->f) != len)
		return fail(s, "the stream ends in a name");
	name[len] = '\0';
	return 0;
}

static void put_name(FILE *f, const char *name)
{
	size_t len = strlen(name);

	put_byte(f, (unsigned)len);
	fwrite(name, 1, len, f);
}

static bool field_exists(const VMStateField *field, void *opaque, int version_id)
{
	if (field->field_exists)
		return field->field_exists(opaque, version_id);
	return field->version_id <= version_id;
}

static int state_save(struct stream *s, const VMStateDescription *vmsd, void *opaque,
		      const char *path);
static int state_load(struct stream *s, const VMStateDescription *vmsd, void *opaque,
		      int version_id, const char *path);

/* A field of the VMStateInfo "virtio", as QEMU's virtio_save and virtio_load. */
static int virtio_transfer(struct stream *s, const VMStateField *field, void *opaque,
			   const char *path, bool save)
{
	const VMStateDescription *dev = s->type ? virtio_device_vmsd(s->type) : NULL;
	const VMStateDescription *core = virtio_common_vmsd();
	char sub[512];

	if (save ? field->info->put(s->f, opaque, 0, field)
		 : field->info->get(s->f, opaque, 0, field))
		return fail(s, "field \"%s%s\": no common virtio state", path, field->name);
	snprintf(sub, sizeof(sub), "%s%s.", path, field->name);
	if (dev && save) {
		harness_populate(dev, opaque, sub);
		if (state_save(s, dev, opaque, sub))
			return -1;
	} else if (dev && state_load(s, dev, opaque, s->version, sub)) {
		return -1;
	}
	snprintf(sub, sizeof(sub), "%s%s/core.", path, field->name);
	if (!save)
		return state_load(s, core, opaque, 1, sub);
	harness_populate(core, opaque, sub);
	return state_save(s, core, opaque, sub);
}

/* Saves (SAVE) or loads one field's elements. */
static int field_transfer(struct stream *s, const VMStateField *field, void *opaque,
			  const char *path, bool save)
{
	uint8_t *base = (uint8_t *)opaque + field->offset;
	size_t n = harness_count(field, opaque), size = harness_size(field, opaque);
	long offset = ftell(s->f);
	char sub[512];

	if (field->info == &virtio_vmstate_info)
		return virtio_transfer(s, field, opaque, path, save);
	if (field->flags & VMS_POINTER)
		base = *(uint8_t **)base;
	if (field->flags & VMS_STRUCT) {
		for (size_t i = 0; i < n; i++) {
			snprintf(sub, sizeof(sub), "%s%s[%zu].", path, field->name, i);
			int rc = save ? state_save(s, field->vmsd, base + i * size, sub)
				      : state_load(s, field->vmsd, base + i * size,
						   field->vmsd->version_id, sub);
			if (rc)
				return -1;
		}
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		int rc = save ? field->info->put(s->f, base + i * size, size, field)
			      : field->info->get(s->f, base + i * size, size, field);
		if (rc)
			return fail(s, "field \"%s%s\": the stream ends early", path, field->name);
	}
	if (n * size == 0)
		return 0;
	/* The source's padding is recorded by place: a member that loads it gets zeros. */
	if (field->info == &vmstate_info_unused_buffer) {
		if (save) {
			uint8_t *zeros = vsrc_alloc0(n * size);
			harness_values_add(s->values, HARNESS_PADDING, offset, zeros, n * size);
		}
		return 0;
	}
	snprintf(sub, sizeof(sub), "%s%s", path, field->name);
	harness_values_add(s->values, sub, offset, base, n * size);
	return 0;
}

static int state_save(struct stream *s, const VMStateDescription *vmsd, void *opaque,
		      const char *path)
{
	for (const VMStateField *field = vmsd->fields; field && field->name; field++) {
		if (!field_exists(field, opaque, vmsd->version_id)) {
			if (field->flags & VMS_MUST_EXIST)
				return fail(s, "save: check \"%s\" fails", field->name);
			continue;
		}
		if (field_transfer(s, field, opaque, path, true))
			return -1;
	}
	for (const VMStateDescription *const *sub = vmsd->subsections; sub && *sub; sub++) {
		char subpath[512];
		if ((*sub)->needed && !(*sub)->needed(opaque))
			continue;
		put_byte(s->f, QEMU_VM_SUBSECTION);
		put_name(s->f, (*sub)->name);
		put_be32(s->f, (uint32_t)(*sub)->version_id);
		snprintf(subpath, sizeof(subpath), "%s%s:", path, (*sub)->name);
		if (state_save(s, *sub, opaque, subpath))
			return -1;
	}
	return 0;
}

static int subsections_load(struct stream *s, const VMStateDescription *vmsd, void *opaque,
			    const char *path)
{
	for (;;) {
		int c = fgetc(s->f);
		char name[256], subpath[512];
		uint32_t version;

		if (c != EOF)
			ungetc(c, s->f);
		if (c != QEMU_VM_SUBSECTION)
			return 0;
		/* A subsection is named "PARENT/...": another name belongs to an outer level. */
		long at = ftell(s->f);
		fgetc(s->f);
		if (get_name(s, name))
			return -1;
		if (strncmp(name, vmsd->name, strlen(vmsd->name)) != 0) {
			fseek(s->f, at, SEEK_SET);
			return 0;
		}
		if (get_be32(s, &version))
			return -1;
		const VMStateDescription *const *sub = vmsd->subsections;
		while (sub && *sub && strcmp((*sub)->name, name) != 0)
			sub++;
		if (!sub || !*sub)
			return fail(s, "unknown subsection \"%s\" of \"%s\"", name, vmsd->name);
		snprintf(subpath, sizeof(subpath), "%s%s:", path, name);
		if (state_load(s, *sub, opaque, (int)version, subpath))
			return -1;
	}
}

static int state_load(struct stream *s, const VMStateDescription *vmsd, void *opaque,
		      int version_id, const char *path)
{
	if (version_id > vmsd->version_id)
		return fail(s, "\"%s\": version %d is above %d", vmsd->name, version_id,
			    vmsd->version_id);
	if (version_id < vmsd->minimum_version_id)
		return fail(s, "\"%s\": version %d is below the minimum %d", vmsd->name,
			    version_id, vmsd->minimum_version_id);
	for (const VMStateField *field = vmsd->fields; field && field->name; field++) {
		if (!field_exists(field, opaque, version_id)) {
			if (field->flags & VMS_MUST_EXIST)
				return fail(s, "\"%s\": check \"%s\" fails", vmsd->name, field->name);
			continue;
		}
		if (field_transfer(s, field, opaque, path, false))
			return -1;
	}
	return subsections_load(s, vmsd, opaque, path);
}

int savevm_save_one(const SaveSection *sec, const char *path)
{
	struct stream s = { .values = harness_values_new(), .type = savevm_device_type(sec),
			    .version = sec->vmsd->version_id };
	char values_path[4096];
	void *opaque = harness_state(sec->vmsd);

	/* A section whose needed() says no is not sent at all (no stream is written). */
	if (sec->vmsd->needed && !sec->vmsd->needed(opaque))
		return 0;
	s.f = fopen(path, "wb");
	if (!s.f)
		return -1;
	put_be32(s.f, QEMU_VM_FILE_MAGIC);
	put_be32(s.f, QEMU_VM_FILE_VERSION);
	put_byte(s.f, QEMU_VM_SECTION_FULL);
	put_be32(s.f, 1);
	put_name(s.f, sec->vmsd->name);
	put_be32(s.f, (uint32_t)savevm_instance_id(sec));
	put_be32(s.f, (uint32_t)sec->vmsd->version_id);
	int rc = state_save(&s, sec->vmsd, opaque, "");
	put_byte(s.f, QEMU_VM_SECTION_FOOTER);
	put_be32(s.f, 1);
	put_byte(s.f, QEMU_VM_EOF);
	if (fclose(s.f) != 0 || rc) {
		fprintf(stderr, "vmstate-src: error: cannot save \"%s\": %s\n", sec->vmsd->name,
			s.why[0] ? s.why : strerror(errno));
		return -1;
	}
	snprintf(values_path, sizeof(values_path), "%s.values", path);
	return harness_values_write(s.values, values_path);
}

static const SaveSection *section_by_id(const char *name, uint32_t instance_id)
{
	const SaveSection *secs;
	int n = savevm_sections(&secs);

	for (int i = 0; i < n; i++)
		if (strcmp(secs[i].vmsd->name, name) == 0 &&
		    (uint32_t)savevm_instance_id(&secs[i]) == instance_id)
			return &secs[i];
	return NULL;
}

/* One section, as QEMU's qemu_loadvm_state reads it. */
static int stream_load(struct stream *s, char name[256])
{
	uint32_t magic, version, id, instance, footer_id, section_version;
	unsigned type = 0;

	if (get_be32(s, &magic) || get_be32(s, &version))
		return -1;
	if (magic != QEMU_VM_FILE_MAGIC || version != QEMU_VM_FILE_VERSION)
		return fail(s, "not a migration stream");
	if (get_byte(s, &type) || type != QEMU_VM_SECTION_FULL)
		return fail(s, "no section");
	if (get_be32(s, &id) || get_name(s, name) || get_be32(s, &instance) ||
	    get_be32(s, &section_version))
		return -1;
	const SaveSection *sec = section_by_id(name, instance);
	if (!sec)
		return fail(s, "unknown section \"%s\" instance %u", name, instance);
	const VMStateDescription *vmsd = sec->vmsd;
	s->type = savevm_device_type(sec);
	s->version = (int)section_version;
	void *opaque = harness_state(vmsd);
	if (state_load(s, vmsd, opaque, (int)section_version, ""))
		return -1;
	if (get_byte(s, &type) || type != QEMU_VM_SECTION_FOOTER || get_be32(s, &footer_id) ||
	    footer_id != id)
		return fail(s, "section \"%s\": no footer where the data should end", name);
	if (get_byte(s, &type) || type != QEMU_VM_EOF)
		return fail(s, "no end of stream after \"%s\"", name);
	return 0;
}

int savevm_load_one(const char *path, FILE *report)
{
	struct stream s = { .values = harness_values_new() };
	char name[256] = "?", values_path[4096], corrupt[512];

	s.f = fopen(path, "rb");
	if (!s.f) {
		fprintf(stderr, "vmstate-src: error: cannot read '%s': %s\n", path, strerror(errno));
		return -1;
	}
	int rc = stream_load(&s, name);
	fclose(s.f);
	if (rc) {
		fprintf(report, "%s: fails: %s\n", name, s.why);
		return 1;
	}
	snprintf(values_path, sizeof(values_path), "%s.values", path);
	rc = harness_values_compare(s.values, values_path, corrupt, sizeof(corrupt));
	if (rc < 0)
		return -1;
	if (rc == 1) {
		fprintf(report, "%s: corrupts: %s\n", name, corrupt);
		return 1;
	}
	/* Loaded as sent, but a member the source no longer has got zeros: QEMU loads
	 * without complaint, and only the device can tell whether zero does it harm. */
	if (rc == 2) {
		fprintf(report, "%s: zeros: %s\n", name, corrupt);
		return 0;
	}
	fprintf(report, "%s: loads\n", name);
	return 0;
}
