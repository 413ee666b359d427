/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "verdict.h"
#include "run.h"
#include "../waiver/waiver.h"

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
	struct vd_waivers *w = xmalloc(sizeof *w);
	w->set = set;
	return w;
}

void vd_check_run(const char *check, const char *from, const char *to,
		  struct vd_waivers *waivers, const char *state, const char *tag,
		  struct vd_check *r)
{
	memset(r, 0, sizeof *r);
	char *err = xasprintf("%s/check-%s.stderr", state, tag);
	char *argv[] = { (char *)check, "-s", (char *)from, "-d", (char *)to, NULL };
	int st;
	char *out = vd_run_capture(argv, NULL, err, &st, NULL);
	size_t elen = 0;
	char *etext = vd_read_file(err, &elen);
	/* Its exit status is its count of problems (2 is also its usage error): only a
	 * message on standard error or a signal says it failed. */
	if (elen || st > 255) {
		if (etext)
			fputs(etext, stderr);
		vd_die("vmstate-check failed on %s -> %s (exit status %d)", from, to, st);
	}
	free(etext);
	free(err);
	/* Each line is one counted problem, except the machine-type warning. */
	int counted = 0, waived = 0;
	char *save;
	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		struct vw_message m;
		char buf[4096];
		bool problem = strncmp(l, "Warning: ", 9) != 0;
		if (waivers && vw_parse_report_line(l, &m, buf, sizeof buf)) {
			long i = vw_match(waivers->set, &m);
			if (i >= 0) {
				waived++;
				vd_strv_push(&r->waived, xasprintf("(waived by %s) %s",
								   vw_where(waivers->set, (size_t)i), l));
				continue;
			}
		}
		if (problem)
			counted++;
		vd_strv_push(&r->lines, xstrdup(l));
	}
	/* The checker counts up to 255; lines tell the same unless a message was waived. */
	r->problems = waived ? counted : st;
	free(out);
}

void vd_check_print(const char *heading, const struct vd_check *r)
{
	printf("== %s\n", heading);
	if (vd_verbose)
		for (size_t i = 0; i < r->waived.n; i++)
			printf("%s\n", r->waived.v[i]);
	for (size_t i = 0; i < r->lines.n; i++)
		printf("%s\n", r->lines.v[i]);
	fflush(stdout);
}

void vd_check_free(struct vd_check *r)
{
	vd_strv_free(&r->lines);
	vd_strv_free(&r->waived);
}

void vd_verdict_add(struct vd_verdict *v, int direction, const struct vd_check *r)
{
	v->problems[direction] += r->problems;
	v->waived += (int)r->waived.n;
}

void vd_verdict_counts(struct strbuf *b, const int problems[2], bool forward, bool backward)
{
	if (forward)
		sb_printf(b, " forward %d problem%s", problems[0], problems[0] == 1 ? "" : "s");
	if (backward)
		sb_printf(b, "%s backward %d problem%s", forward ? "," : "", problems[1],
			    problems[1] == 1 ? "" : "s");
}

int vd_verdict_finish(const struct vd_verdict *v, struct vd_waivers *waivers, const char *prefix,
		      bool forward, bool backward)
{
	size_t stale = 0;
	fflush(stdout);
	if (waivers)
		stale = vw_report_stale(waivers->set, stderr);
	struct strbuf b = { 0 };
	sb_printf(&b, "== vmstate-diff:%s", prefix ? prefix : "");
	vd_verdict_counts(&b, v->problems, forward, backward);
	if (waivers)
		sb_printf(&b, "; %d message%s waived, %zu stale waiver%s", v->waived,
			    v->waived == 1 ? "" : "s", stale, stale == 1 ? "" : "s");
	printf("%s\n", b.data);
	free(b.data);
	return (v->problems[0] || v->problems[1]) ? VD_EXIT_PROBLEMS : VD_EXIT_OK;
}
