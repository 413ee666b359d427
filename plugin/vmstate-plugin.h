/* SPDX-License-Identifier: GPL-2.0-or-later */
/* State shared by the plugin's parts: its name and the user's -fplugin-arg options. */
#ifndef VMSTATE_PLUGIN_H
#define VMSTATE_PLUGIN_H

#define VMSTATE_PLUGIN_VERSION "0.1.0"

struct vx_options {
	const char *dump_dir;	/* -fplugin-arg-vmstate-dump-dir=DIR, or NULL */
	bool verbose;		/* -fplugin-arg-vmstate-verbose: notes for unknowns */
};

extern struct vx_options vx_options;
extern const char *vx_plugin_name;
extern const char *vx_gcc_basever;	/* the GCC version the plugin was built for */

#endif
