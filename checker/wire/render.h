/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output formats of the wire verdicts (docs/wire-rules.md, "Output"). */
#ifndef VMW_RENDER_H
#define VMW_RENDER_H

#include "finding.h"

#include <stdio.h>

enum vmw_format { VMW_FORMAT_TEXT, VMW_FORMAT_JSON, VMW_FORMAT_SARIF, VMW_FORMAT_GITLAB };

struct vmw_render_options {
	enum vmw_format format;
	bool show_benign;
	const char *prog;            /* the tool, for the summary and SARIF's driver */
	const char *version;
	const char *direction_name;  /* "both", "forward" or "backward" */
};

/* Writes R to OUT; -1 when OUT fails. */
int vmw_render(FILE *out, const struct vmw_report *r, const struct vmw_render_options *o);

#endif
