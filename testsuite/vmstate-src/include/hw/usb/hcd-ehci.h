/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The EHCI controller core, shared by its bus front ends. */
#ifndef VSRC_HCD_EHCI_H
#define VSRC_HCD_EHCI_H

#include "hw/qdev-core.h"

#define EHCI_PORTS 6

typedef struct EHCIState {
	uint32_t usbcmd;
	uint32_t usbsts;
	uint32_t usbsts_pending;
	uint32_t usbintr;
	uint32_t frindex;
	uint32_t ctrldssegment;
	uint32_t periodiclistbase;
	uint32_t asynclistaddr;
	uint32_t configflag;
	uint32_t portsc[EHCI_PORTS];
	uint64_t last_run_ns;
	uint32_t async_stepdown;
} EHCIState;

extern const VMStateDescription vmstate_ehci;

#endif
