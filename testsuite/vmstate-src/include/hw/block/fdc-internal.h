/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floppy controller core, shared by its bus front ends. */
#ifndef VSRC_FDC_INTERNAL_H
#define VSRC_FDC_INTERNAL_H

#include "hw/qdev-core.h"

#define MAX_FD 2

typedef struct FDrive {
	uint8_t head;
	uint8_t track;
	uint8_t sect;
	uint8_t media_changed;
	uint8_t media_rate;
} FDrive;

typedef struct FDCtrl {
	uint8_t sra;
	uint8_t srb;
	uint8_t dor_vmstate;
	uint8_t tdr;
	uint8_t dsr;
	uint8_t msr;
	uint8_t status0;
	uint8_t status1;
	uint8_t status2;
	uint8_t *fifo;
	uint32_t fifo_size;
	int32_t data_pos;
	int32_t data_len;
	uint8_t data_state;
	uint8_t data_dir;
	uint8_t num_floppies;
	FDrive drives[MAX_FD];
} FDCtrl;

extern const VMStateDescription vmstate_fdc;

/* Fills in what every bus front end of the controller shares, migration included. */
void sysbus_fdc_common_class_init(ObjectClass *klass);

#endif
