/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Facts carried over from QEMU's scripts/vmstate-static-checker.py: the same scopes and
 * names, in the same order (the section table is searched in order).  Every entry is in
 * 10.0's script but the two marked VMC_RENAMES_NEWEST, which upstream added after 10.0
 * (docs/vmstate-check.md, "Rename tables"). */
#include "renames.h"

#include <string.h>

#define NAMES(...) ((const char *const[]){ __VA_ARGS__, NULL })

const struct vmc_field_renames vmc_field_renames[] = {
	{ "apic", NAMES("timer", "timer_expiry"), VMC_RENAMES_10_0 },
	{ "e1000", NAMES("dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "ehci", NAMES("dev", "pcidev"), VMC_RENAMES_10_0 },
	{ "I440FX", NAMES("dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "ich9_ahci", NAMES("card", "parent_obj"), VMC_RENAMES_10_0 },
	{ "ich9-ahci", NAMES("ahci", "ich9_ahci"), VMC_RENAMES_10_0 },
	{ "ioh3420", NAMES("PCIDevice", "PCIEDevice"), VMC_RENAMES_10_0 },
	{ "ioh-3240-express-root-port",
	  NAMES("port.br.dev", "parent_obj.parent_obj.parent_obj", "port.br.dev.exp.aer_log",
		"parent_obj.parent_obj.parent_obj.exp.aer_log"), VMC_RENAMES_10_0 },
	{ "cirrus_vga",
	  NAMES("hw_cursor_x", "vga.hw_cursor_x", "hw_cursor_y", "vga.hw_cursor_y"), VMC_RENAMES_10_0 },
	{ "lsiscsi", NAMES("dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "mch", NAMES("d", "parent_obj"), VMC_RENAMES_10_0 },
	{ "pci_bridge", NAMES("bridge.dev", "parent_obj", "bridge.dev.shpc", "shpc"), VMC_RENAMES_10_0 },
	{ "pcnet", NAMES("pci_dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "PIIX3", NAMES("pci_irq_levels", "pci_irq_levels_vmstate"), VMC_RENAMES_10_0 },
	{ "piix4_pm",
	  NAMES("dev", "parent_obj", "pci0_status", "acpi_pci_hotplug.acpi_pcihp_pci_status[0x0]",
		"pm1a.sts", "ar.pm1.evt.sts", "pm1a.en", "ar.pm1.evt.en", "pm1_cnt.cnt",
		"ar.pm1.cnt.cnt", "tmr.timer", "ar.tmr.timer", "tmr.overflow_time",
		"ar.tmr.overflow_time", "gpe", "ar.gpe"), VMC_RENAMES_10_0 },
	{ "rtl8139", NAMES("dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "qxl", NAMES("num_surfaces", "ssd.num_surfaces"), VMC_RENAMES_10_0 },
	{ "usb-ccid", NAMES("abProtocolDataStructure", "abProtocolDataStructure.data"), VMC_RENAMES_10_0 },
	{ "usb-host", NAMES("dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "usb-mouse", NAMES("usb-ptr-queue", "HIDPointerEventQueue"), VMC_RENAMES_10_0 },
	{ "usb-tablet", NAMES("usb-ptr-queue", "HIDPointerEventQueue"), VMC_RENAMES_10_0 },
	{ "vmware_vga", NAMES("card", "parent_obj"), VMC_RENAMES_10_0 },
	{ "vmware_vga_internal", NAMES("depth", "new_depth"), VMC_RENAMES_10_0 },
	{ "xhci", NAMES("pci_dev", "parent_obj"), VMC_RENAMES_10_0 },
	{ "x3130-upstream", NAMES("PCIDevice", "PCIEDevice"), VMC_RENAMES_10_0 },
	{ "xio3130-express-downstream-port",
	  NAMES("port.br.dev", "parent_obj.parent_obj.parent_obj", "port.br.dev.exp.aer_log",
		"parent_obj.parent_obj.parent_obj.exp.aer_log"), VMC_RENAMES_10_0 },
	{ "xio3130-downstream", NAMES("PCIDevice", "PCIEDevice"), VMC_RENAMES_10_0 },
	{ "xio3130-express-upstream-port",
	  NAMES("br.dev", "parent_obj.parent_obj", "br.dev.exp.aer_log",
		"parent_obj.parent_obj.exp.aer_log"), VMC_RENAMES_10_0 },
	{ "spapr_pci",
	  NAMES("dma_liobn[0]", "mig_liobn", "mem_win_addr", "mig_mem_win_addr", "mem_win_size",
		"mig_mem_win_size", "io_win_addr", "mig_io_win_addr", "io_win_size",
		"mig_io_win_size"), VMC_RENAMES_10_0 },
	/* Added upstream after 10.0. */
	{ "acpi-ghes", NAMES("ghes_addr_le", "hw_error_le"), VMC_RENAMES_NEWEST },
	{ "hpet", NAMES("num_timers", "num_timers_save"), VMC_RENAMES_NEWEST },
};
const size_t vmc_n_field_renames = sizeof(vmc_field_renames) / sizeof(vmc_field_renames[0]);

const struct vmc_section_rename vmc_section_renames[] = {
	{ "ICH9 LPC", "ICH9-LPC" },
	{ "e1000-82540em", "e1000" },
};
const size_t vmc_n_section_renames =
	sizeof(vmc_section_renames) / sizeof(vmc_section_renames[0]);

int vmc_renames_from_name(const char *name)
{
	if (strcmp(name, "10.0") == 0)
		return VMC_RENAMES_10_0;
	if (strcmp(name, "newest") == 0)
		return VMC_RENAMES_NEWEST;
	return -1;
}
