/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wirecheck.h"
#include "progress.h"
#include "../wire/finding.h"
#include "../wire/wire.h"
#include "../waiver/waiver.h"

#include <stdio.h>
#include <stdlib.h>

static _Noreturn void cannot_compare(const char *old_dump, const char *new_dump)
{
	vd_die("the wire model cannot compare %s -> %s: each side must be an extended dump "
	       "(vmstate-extract --extended, or vmstate-diff --dump-to); --reference compares "
	       "-dump-vmstate dumps", old_dump, new_dump);
}

int vd_wire_print(const struct vd_wire *w, const char *old_dump, const char *new_dump)
{
	struct vmw_run_options run = { .prog = "vmstate-diff", .format = w->format,
				       .show_benign = w->show_benign,
				       .direction = w->direction, .waivers = w->waivers };
	vd_progress_clear();
	fflush(stdout);
	/* Colour as GCC, decided for standard output (the report), then again for standard
	 * error (our messages): each is a terminal or not on its own. */
	diag_set_color(DIAG_COLOR_AUTO);
	int status = vmw_run(old_dump, new_dump, &run);
	diag_set_color(DIAG_COLOR_AUTO);
	if (status & VMW_EXIT_ERROR)
		cannot_compare(old_dump, new_dump);
	return status;
}

static void load(struct vmw_dump *dump, const char *path, const char *old_dump,
		 const char *new_dump)
{
	struct vmw_load_error e;
	if (vmw_dump_load(dump, path, &e))
		return;
	diag_error(path, "%s%s%s", e.place ? e.place : "", e.place ? ": " : "", e.message);
	cannot_compare(old_dump, new_dump);
}

void vd_wire_keys(const struct vd_wire *w, const char *old_dump, const char *new_dump,
		  const char *prefix, struct vd_strv *keys)
{
	struct vmw_dump old_d, new_d;
	struct vmw_report report;
	load(&old_d, old_dump, old_dump, new_dump);
	load(&new_d, new_dump, old_dump, new_dump);
	vmw_compare(&report, &old_d, &new_d);
	vmw_finalize(&report, (enum vmw_direction)w->direction, w->waivers);
	for (size_t i = 0; i < report.n; i++) {
		const struct vmw_finding *f = &report.items[i];
		if ((f->severity == FINDING_BENIGN && !w->show_benign) || f->waiver >= 0)
			continue;
		vd_strv_push(keys, xasprintf("%s[vmstate-%s] %s: %s", prefix,
					     finding_kinds[f->kind].name,
					     vmw_severity_name(f->severity), f->message));
	}
	vmw_report_free(&report);
	vmw_dump_free(&old_d);
	vmw_dump_free(&new_d);
}

void vd_wire_report_stale(const struct vd_wire *w)
{
	if (!w->waivers)
		return;
	vd_progress_clear();
	fflush(stdout);
	vw_report_stale(w->waivers, stderr);
}

const char *vd_wire_status_name(int status)
{
	return status & VMW_EXIT_INCOMPATIBLE ? "incompatible"
	       : status & VMW_EXIT_REVIEW ? "review needed" : "compatible";
}
