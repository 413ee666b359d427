// SPDX-License-Identifier: GPL-2.0-or-later
/* The floppy controller core state.
 * Patterns: subsections as a named NULL-terminated array; an array of nested
 * structures; a variable-size buffer behind a pointer (VMS_VBUFFER); a check
 * (VMSTATE_VALIDATE); the helper that sets vmsd for the bus front ends. */
#include "qemu/osdep.h"
#include "hw/block/fdc-internal.h"

static bool fdrive_media_changed_needed(void *opaque)
{
	FDrive *drive = opaque;

	return drive->media_changed != 0 && vmstate_test_condition;
}

static const VMStateDescription vmstate_fdrive_media_changed = {
	.name = "fdrive/media_changed",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = fdrive_media_changed_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(media_changed, FDrive),
		VMSTATE_END_OF_LIST()
	}
};

static bool fdrive_media_rate_needed(void *opaque)
{
	FDrive *drive = opaque;

	return drive->media_rate != 0 && vmstate_test_condition;
}

static const VMStateDescription vmstate_fdrive_media_rate = {
	.name = "fdrive/media_rate",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = fdrive_media_rate_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(media_rate, FDrive),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription *const fdrive_subsections[] = {
	&vmstate_fdrive_media_changed,
	&vmstate_fdrive_media_rate,
	NULL
};

static const VMStateDescription vmstate_fdrive = {
	.name = "fdrive",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(head, FDrive),
		VMSTATE_UINT8(track, FDrive),
		VMSTATE_UINT8(sect, FDrive),
		VMSTATE_END_OF_LIST()
	},
	.subsections = fdrive_subsections,
};

static bool fdc_data_pos_valid(void *opaque, int version_id)
{
	FDCtrl *s = opaque;

	(void)version_id;
	return s->data_pos >= 0 && (uint32_t)s->data_pos <= s->fifo_size;
}

const VMStateDescription vmstate_fdc = {
	.name = "fdc",
	.version_id = 2,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(sra, FDCtrl),
		VMSTATE_UINT8(srb, FDCtrl),
		VMSTATE_UINT8(dor_vmstate, FDCtrl),
		VMSTATE_UINT8(tdr, FDCtrl),
		VMSTATE_UINT8(dsr, FDCtrl),
		VMSTATE_UINT8(msr, FDCtrl),
		VMSTATE_UINT8(status0, FDCtrl),
		VMSTATE_UINT8(status1, FDCtrl),
		VMSTATE_UINT8(status2, FDCtrl),
		VMSTATE_VBUFFER_UINT32(fifo, FDCtrl, 0, NULL, fifo_size),
		VMSTATE_INT32(data_pos, FDCtrl),
		VMSTATE_INT32(data_len, FDCtrl),
		VMSTATE_VALIDATE("data_pos in fifo", fdc_data_pos_valid),
		VMSTATE_UINT8(data_state, FDCtrl),
		VMSTATE_UINT8(data_dir, FDCtrl),
		VMSTATE_UINT8(num_floppies, FDCtrl),
		VMSTATE_STRUCT_ARRAY(drives, FDCtrl, MAX_FD, 1, vmstate_fdrive, FDrive),
		VMSTATE_END_OF_LIST()
	}
};
