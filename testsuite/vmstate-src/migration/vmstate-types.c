// SPDX-License-Identifier: GPL-2.0-or-later
/* The stock VMStateInfo objects.  Values travel as their bytes in host order: this
 * example tree only needs the transfer to round-trip on one host. */
#include "qemu/osdep.h"
#include "migration/vmstate.h"

static int get_bytes(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)field;
	return fread(pv, 1, size, f) == size ? 0 : -1;
}

static int put_bytes(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)field;
	return fwrite(pv, 1, size, f) == size ? 0 : -1;
}

/* Padding: written as zeros, skipped on load. */
static int get_unused(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)pv;
	(void)field;
	return fseek(f, (long)size, SEEK_CUR);
}

static int put_unused(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)pv;
	(void)field;
	for (size_t i = 0; i < size; i++)
		if (fputc(0, f) == EOF)
			return -1;
	return 0;
}

const VMStateInfo vmstate_info_bool   = { .name = "bool",   .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_int8   = { .name = "int8",   .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_int16  = { .name = "int16",  .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_int32  = { .name = "int32",  .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_int64  = { .name = "int64",  .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_uint8  = { .name = "uint8",  .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_uint16 = { .name = "uint16", .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_uint32 = { .name = "uint32", .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_uint64 = { .name = "uint64", .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_buffer = { .name = "buffer", .get = get_bytes, .put = put_bytes };
const VMStateInfo vmstate_info_unused_buffer = {
	.name = "unused_buffer", .get = get_unused, .put = put_unused,
};
