/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "verdict.h"
#include "progress.h"
#include "../check/vmcheck.h"
#include "../common/diag.h"
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

struct vw_set *vd_waivers_set(struct vd_waivers *waivers)
{
	return waivers->set;
}

/* The report's lines (it may hold NUL bytes inside a name: kept as they are). */
static void split_lines(const char *text, size_t len, struct vd_strv *lines)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		vd_strv_push(lines, xstrndup(text + i, end - i));
		i = end + 1;
	}
}

void vd_check_run(const char *from, const char *to, struct vd_waivers *waivers,
		  bool mark_other_way, struct vd_check *r)
{
	memset(r, 0, sizeof *r);
	struct vmc_options opt = { .findings = waivers != NULL,
				   .waivers = waivers ? waivers->set : NULL };
	struct vmc_result res;
	vmc_check_files(from, to, &opt, &res);
	if (res.error_text) {
		vd_progress_clear();
		diag_error(res.error_where, "%s", res.error_text);
		vd_die("the checker cannot compare %s -> %s", from, to);
	}
	split_lines(res.report, res.report_len, &r->lines);
	for (size_t i = 0; i < res.n_findings; i++) {
		const struct vmc_finding *f = &res.findings[i];
		if (f->waiver >= 0)
			vd_strv_push(&r->waived, xasprintf("(waived by %s) %s",
							   vw_where(waivers->set, (size_t)f->waiver),
							   f->text));
	}
	r->problems = res.problems;
	if (waivers && mark_other_way)
		vmc_mark_waivers_other_way(&res, &opt);
	vmc_result_release(&res);
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
