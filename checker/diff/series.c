/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "series.h"
#include "git.h"
#include "progress.h"
#include "run.h"
#include "verdict.h"
#include "wirecheck.h"
#include "../wire/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A commit of the series and its dumps (one per target), copied out of the worktree's
 * slot, which the next commit reuses. */
struct step {
	char *commit;
	char *name;    /* "1a2b3c4d5e6f subject" */
	char **dumps;
};

static void commits_of(const char *repo, const char *range, struct vd_strv *base_tip,
		       struct vd_strv *commits)
{
	const char *dots = strstr(range, "..");
	if (!dots || dots == range || !dots[2] || dots[2] == '.')
		vd_die("--each %s: expected BASE..TIP", range);
	char *ends[2] = { xstrndup(range, (size_t)(dots - range)), xstrdup(dots + 2) };
	for (int i = 0; i < 2; i++) {
		char *c = vd_git_resolve(repo, ends[i]);
		if (!c)
			vd_die("%s: not a revision of the git repository %s", ends[i], repo);
		vd_strv_push(base_tip, c);
		free(ends[i]);
	}
	char *spec = xasprintf("%s..%s", base_tip->v[0], base_tip->v[1]);
	char *args[] = { "rev-list", "--reverse", "--first-parent", spec, NULL };
	char *out = vd_git_lines(repo, args, "--each");
	char *save;
	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		vd_strv_push(commits, xstrdup(l));
	free(out);
	free(spec);
}

static void make_step(const struct vd_options *o, struct vd_cache *c, const struct vd_series *a,
		      const char *commit, struct step *st)
{
	st->commit = xstrdup(commit);
	char *args[] = { "log", "-1", "--format=%s", (char *)commit, NULL };
	char *subject = vd_git_line(o->repo, args, "--each");
	st->name = xasprintf("%.12s %s", commit, subject);
	free(subject);
	struct vd_side s = { .role = "src", .rev = commit, .machine = a->machine };
	vd_side_resolve(o, &s);
	free(s.label);
	s.label = xasprintf("%.12s", commit);
	vd_cache_recheck(c);
	vd_side_make_dump(o, c, &s);
	char *dir = xasprintf("%s/series", o->state_dir);
	vd_mkdirs(dir);
	st->dumps = xmalloc(sizeof *st->dumps * vd_nsets(o));
	for (size_t t = 0; t < vd_nsets(o); t++) {
		st->dumps[t] = xasprintf("%s/%s-%zu.json", dir, commit, t);
		vd_copy_file(s.dumps[t], st->dumps[t]);
	}
	free(dir);
}

/* The wire model from FROM to TO for every target: the reports when PRINT, one key per
 * finding shown, "TARGET: [vmstate-KIND] SEVERITY: MESSAGE".  Returns the wire bits. */
static int wire_steps(const struct vd_options *o, const struct vd_series *a,
		      const struct step *from, const struct step *to, bool print,
		      struct vd_strv *keys)
{
	int status = 0;
	for (size_t t = 0; t < vd_nsets(o); t++) {
		const char *target = o->ntargets > 1 ? o->targets[t] : NULL;
		char *prefix = target ? xasprintf("%s: ", target) : xstrdup("");
		if (print) {
			vd_progress_clear();
			printf("== %s%.12s -> %.12s\n", prefix, from->commit, to->commit);
			status |= vd_wire_print(a->wire, from->dumps[t], to->dumps[t]);
		}
		if (keys)
			vd_wire_keys(a->wire, from->dumps[t], to->dumps[t], prefix, keys);
		free(prefix);
	}
	if (keys)
		vd_strv_sort_unique(keys);
	return status;
}

/* Both directions between FROM and TO for every target: one key per finding line,
 * "TARGET: DIRECTION: LINE" (problems only, not the checker's warnings). */
static void check_steps(const struct vd_options *o, const struct vd_series *a,
			const struct step *from, const struct step *to, bool print,
			struct vd_verdict *v, struct vd_strv *keys)
{
	for (size_t t = 0; t < vd_nsets(o); t++) {
		const char *target = o->ntargets > 1 ? o->targets[t] : NULL;
		for (int dir = 0; dir < 2; dir++) {
			if (!(dir ? a->backward : a->forward))
				continue;
			const struct step *x = dir ? to : from, *y = dir ? from : to;
			const char *name = dir ? "backward" : "forward";
			struct vd_check r;
			vd_check_run(x->dumps[t], y->dumps[t], a->waivers,
				     !(a->forward && a->backward), &r);
			if (print) {
				char *heading = xasprintf("%s%s%s migration: %.12s -> %.12s",
							  target ? target : "", target ? ": " : "",
							  name, x->commit, y->commit);
				vd_progress_clear();
				vd_check_print(heading, &r);
				free(heading);
			}
			if (v)
				vd_verdict_add(v, dir, &r);
			for (size_t i = 0; keys && i < r.lines.n; i++)
				if (strncmp(r.lines.v[i], "Warning: ", 9) != 0)
					vd_strv_push(keys, xasprintf("%s%s%s: %s", target ? target : "",
								     target ? ": " : "", name,
								     r.lines.v[i]));
			vd_check_free(&r);
		}
	}
	if (keys)
		vd_strv_sort_unique(keys);
}

static bool contains(const struct vd_strv *sorted, const char *s)
{
	size_t lo = 0, hi = sorted->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(sorted->v[mid], s);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Each finding of BASE -> commit that the previous commit did not have (brought), and each
 * one it had that this commit no longer has (removed). */
static void trace_findings(const struct vd_options *o, const struct vd_series *a,
			   const struct step *steps, size_t n)
{
	struct vd_strv before = { 0 };
	bool any = false;
	for (size_t k = 1; k < n; k++) {
		struct vd_strv now = { 0 };
		if (a->wire)
			wire_steps(o, a, &steps[0], &steps[k], false, &now);
		else
			check_steps(o, a, &steps[0], &steps[k], false, NULL, &now);
		for (size_t i = 0; i < now.n; i++)
			if (!contains(&before, now.v[i])) {
				printf("%.12s brings %s\n", steps[k].commit, now.v[i]);
				any = true;
			}
		for (size_t i = 0; i < before.n; i++)
			if (!contains(&now, before.v[i])) {
				printf("%.12s removes %s\n", steps[k].commit, before.v[i]);
				any = true;
			}
		vd_strv_free(&before);
		before = now;
	}
	vd_strv_free(&before);
	if (!any)
		printf("(no finding against %.12s)\n", steps[0].commit);
}

int vd_series_run(const struct vd_options *o, struct vd_cache *c, const struct vd_series *a)
{
	struct vd_strv ends = { 0 }, commits = { 0 };
	commits_of(o->repo, a->range, &ends, &commits);
	size_t n = commits.n + 1;
	struct step *steps = xmalloc(sizeof *steps * n);
	make_step(o, c, a, ends.v[0], &steps[0]);
	for (size_t k = 1; k < n; k++)
		make_step(o, c, a, commits.v[k - 1], &steps[k]);
	vd_cache_close(c);

	struct vd_verdict total = { { 0, 0 }, 0 };
	size_t broken = 0, review = 0;
	int wire_status = 0;
	for (size_t k = 1; k < n; k++) {
		vd_progress_clear();
		printf("== commit %s\n", steps[k].name);
		if (a->wire) {
			int st = wire_steps(o, a, &steps[k - 1], &steps[k], true, NULL);
			broken += (st & VMW_EXIT_INCOMPATIBLE) != 0;
			review += (st & VMW_EXIT_INCOMPATIBLE) == 0 && (st & VMW_EXIT_REVIEW) != 0;
			wire_status |= st;
			continue;
		}
		struct vd_verdict v = { { 0, 0 }, 0 };
		check_steps(o, a, &steps[k - 1], &steps[k], true, &v, NULL);
		broken += v.problems[0] || v.problems[1];
		for (int d = 0; d < 2; d++)
			total.problems[d] += v.problems[d];
		total.waived += v.waived;
	}
	printf("== series %s: findings against %.12s, by the commit that brings or removes "
	       "them\n", a->range, steps[0].commit);
	trace_findings(o, a, steps, n);
	if (a->wire) {
		printf("== vmstate-diff: %zu commit%s, %zu incompatible, %zu to review\n", commits.n,
		       commits.n == 1 ? "" : "s", broken, review);
		vd_wire_report_stale(a->wire);
		vd_strv_free(&commits);
		vd_strv_free(&ends);
		return wire_status;
	}
	char *prefix = xasprintf(" %zu commit%s, %zu with problems:", commits.n,
				 commits.n == 1 ? "" : "s", broken);
	int status = vd_verdict_finish(&total, a->waivers, prefix, a->forward, a->backward);
	free(prefix);
	vd_strv_free(&commits);
	vd_strv_free(&ends);
	return status;
}
