/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "verdict.h"
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vd_waivers {
	struct vw_set *set;
};

struct vd_waivers *vd_waivers_load(const char *file)
{
	char *error = NULL;
	struct vw_set *set = vw_load(file, &error);
	if (!set) {
		fprintf(stderr, "%s\n", error ? error : "cannot load waivers");
		exit(VD_EXIT_USAGE);
	}
	struct vd_waivers *w = vd_xmalloc(sizeof *w);
	w->set = set;
	return w;
}

void vd_check_direction(const char *check, const char *name, const struct vd_side *from,
			const struct vd_side *to, struct vd_waivers *waivers, const char *state,
			struct vd_verdict *v)
{
	int which = strcmp(name, "forward") == 0 ? 0 : 1;
	char *err = vd_printf("%s/check-%s.stderr", state, name);
	char *argv[] = { (char *)check, "-s", from->dump, "-d", to->dump, NULL };
	int st;
	size_t len;
	char *out = vd_run_capture(argv, NULL, err, &st, &len);
	size_t elen = 0;
	char *etext = vd_read_file(err, &elen);
	/* Its exit status is its count of problems (2 is also its usage error): only a
	 * message on standard error or a signal says it failed. */
	if (elen || st > 255) {
		if (etext)
			fputs(etext, stderr);
		vd_die("vmstate-check failed on %s -> %s (exit status %d)", from->dump, to->dump, st);
	}
	free(etext);
	free(err);

	printf("== %s migration: %s -> %s\n", name, from->label, to->label);
	/* Each line is one counted problem, except the machine-type warning. */
	int counted = 0, waived = 0;
	char *save;
	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		struct vw_message m;
		char buf[4096];
		bool problem = strncmp(l, "Warning: ", 9) != 0;
		bool parsed = vw_parse_report_line(l, &m, buf, sizeof buf);
		if (waivers && parsed) {
			long i = vw_match(waivers->set, &m);
			if (i >= 0) {
				waived++;
				if (vd_verbose)
					printf("(waived by %s) %s\n", vw_where(waivers->set, (size_t)i), l);
				continue;
			}
		}
		if (problem)
			counted++;
		printf("%s\n", l);
	}
	/* The checker counts up to 255; lines tell the same unless a message was waived. */
	int problems = waived ? counted : st;
	v->problems[which] = problems;
	v->waived += waived;
	fflush(stdout);
	free(out);
	(void)len;
}

int vd_verdict_finish(struct vd_verdict *v, struct vd_waivers *waivers, bool forward,
		      bool backward)
{
	size_t stale = 0;
	fflush(stdout);
	if (waivers)
		stale = vw_report_stale(waivers->set, stderr);
	struct vd_str b = { 0 };
	vd_str_adds(&b, "== vmstate-diff:");
	if (forward)
		vd_str_addf(&b, " forward %d problem%s", v->problems[0], v->problems[0] == 1 ? "" : "s");
	if (backward)
		vd_str_addf(&b, "%s backward %d problem%s", forward ? "," : "", v->problems[1],
			    v->problems[1] == 1 ? "" : "s");
	if (waivers)
		vd_str_addf(&b, "; %d message%s waived, %zu stale waiver%s", v->waived,
			    v->waived == 1 ? "" : "s", stale, stale == 1 ? "" : "s");
	printf("%s\n", b.s);
	free(b.s);
	return (v->problems[0] || v->problems[1]) ? VD_EXIT_PROBLEMS : VD_EXIT_OK;
}
