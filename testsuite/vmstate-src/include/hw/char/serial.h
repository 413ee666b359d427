/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A 16550-like UART, embedded by the serial front ends. */
#ifndef VSRC_SERIAL_H
#define VSRC_SERIAL_H

#include "migration/vmstate.h"

typedef struct SerialState {
	uint16_t divider;
	uint8_t rbr;
	uint8_t ier;
	uint8_t iir;
	uint8_t lcr;
	uint8_t mcr;
	uint8_t lsr;
	uint8_t msr;
	uint8_t scr;
	uint8_t fcr_vmstate;
} SerialState;

extern const VMStateDescription vmstate_serial;

#endif
