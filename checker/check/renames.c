/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Facts carried over from QEMU 10.0's scripts/vmstate-static-checker.py: the same
 * scopes and names, in the same order (the section table is searched in order). */
#include "renames.h"

#define NAMES(...) ((const char *const[]){ __VA_ARGS__, NULL })

const struct vmc_field_renames vmc_field_renames[] = {
	{ "apic", NAMES("timer", "timer_expiry") },
	{ "e1000", NAMES("dev", "parent_obj") },
	{ "ehci", NAMES("dev", "pcidev") },
	{ "I440FX", NAMES("dev", "parent_obj") },
	{ "ich9_ahci", NAMES("card", "parent_obj") },
	{ "ich9-ahci", NAMES("ahci", "ich9_ahci") },
	{ "ioh3420", NAMES("PCIDevice", "PCIEDevice") },
	{ "ioh-3240-express-root-port",
	  NAMES("port.br.dev", "parent_obj.parent_obj.parent_obj", "port.br.dev.exp.aer_log",
		"parent_obj.parent_obj.parent_obj.exp.aer_log") },
	{ "cirrus_vga",
	  NAMES("hw_cursor_x", "vga.hw_cursor_x", "hw_cursor_y", "vga.hw_cursor_y") },
	{ "lsiscsi", NAMES("dev", "parent_obj") },
	{ "mch", NAMES("d", "parent_obj") },
	{ "pci_bridge", NAMES("bridge.dev", "parent_obj", "bridge.dev.shpc", "shpc") },
	{ "pcnet", NAMES("pci_dev", "parent_obj") },
	{ "PIIX3", NAMES("pci_irq_levels", "pci_irq_levels_vmstate") },
	{ "piix4_pm",
	  NAMES("dev", "parent_obj", "pci0_status", "acpi_pci_hotplug.acpi_pcihp_pci_status[0x0]",
		"pm1a.sts", "ar.pm1.evt.sts", "pm1a.en", "ar.pm1.evt.en", "pm1_cnt.cnt",
		"ar.pm1.cnt.cnt", "tmr.timer", "ar.tmr.timer", "tmr.overflow_time",
		"ar.tmr.overflow_time", "gpe", "ar.gpe") },
	{ "rtl8139", NAMES("dev", "parent_obj") },
	{ "qxl", NAMES("num_surfaces", "ssd.num_surfaces") },
	{ "usb-ccid", NAMES("abProtocolDataStructure", "abProtocolDataStructure.data") },
	{ "usb-host", NAMES("dev", "parent_obj") },
	{ "usb-mouse", NAMES("usb-ptr-queue", "HIDPointerEventQueue") },
	{ "usb-tablet", NAMES("usb-ptr-queue", "HIDPointerEventQueue") },
	{ "vmware_vga", NAMES("card", "parent_obj") },
	{ "vmware_vga_internal", NAMES("depth", "new_depth") },
	{ "xhci", NAMES("pci_dev", "parent_obj") },
	{ "x3130-upstream", NAMES("PCIDevice", "PCIEDevice") },
	{ "xio3130-express-downstream-port",
	  NAMES("port.br.dev", "parent_obj.parent_obj.parent_obj", "port.br.dev.exp.aer_log",
		"parent_obj.parent_obj.parent_obj.exp.aer_log") },
	{ "xio3130-downstream", NAMES("PCIDevice", "PCIEDevice") },
	{ "xio3130-express-upstream-port",
	  NAMES("br.dev", "parent_obj.parent_obj", "br.dev.exp.aer_log",
		"parent_obj.parent_obj.exp.aer_log") },
	{ "spapr_pci",
	  NAMES("dma_liobn[0]", "mig_liobn", "mem_win_addr", "mig_mem_win_addr", "mem_win_size",
		"mig_mem_win_size", "io_win_addr", "mig_io_win_addr", "io_win_size",
		"mig_io_win_size") },
};
const size_t vmc_n_field_renames = sizeof(vmc_field_renames) / sizeof(vmc_field_renames[0]);

const struct vmc_section_rename vmc_section_renames[] = {
	{ "ICH9 LPC", "ICH9-LPC" },
	{ "e1000-82540em", "e1000" },
};
const size_t vmc_n_section_renames =
	sizeof(vmc_section_renames) / sizeof(vmc_section_renames[0]);
