/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "ninja.h"
#include "progress.h"
#include "run.h"
#include "../common/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *ninja_key(const struct vd_options *o, const char *build)
{
	char *bn = xasprintf("%s/build.ninja", build);
	struct stat st;
	char *key = NULL;
	if (stat(bn, &st) == 0) {
		struct strbuf b = { 0 };
		sb_printf(&b, "%lld %lld.%09ld", (long long)st.st_size,
			    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		for (size_t t = 0; t < o->ntargets; t++)
			sb_printf(&b, " %s", o->targets[t]);
		key = sb_take(&b);
	}
	free(bn);
	return key;
}

static char *ninja_capture(const char *build, const char *tool, char *const *targets, size_t n,
			   const char *log)
{
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, xstrdup("ninja"));
	vd_strv_push(&argv, xstrdup("-C"));
	vd_strv_push(&argv, xstrdup(build));
	vd_strv_push(&argv, xstrdup("-t"));
	vd_strv_push(&argv, xstrdup(tool));
	for (size_t i = 0; i < n; i++)
		vd_strv_push(&argv, xstrdup(targets[i]));
	int st;
	char *out = vd_run_capture(argv.v, NULL, log, &st, NULL);
	vd_strv_free(&argv);
	if (st != 0)
		vd_die_with_log(log, "ninja -t", st);
	return out;
}

static const char *rel_to(const char *root, const char *abs)
{
	size_t n = strlen(root);
	if (strncmp(abs, root, n) == 0 && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

/* Everything TARGET is built from, absolute and sorted. */
static void target_inputs(const char *build, const char *target, const char *log,
			  struct vd_strv *inputs)
{
	char *t[] = { (char *)target };
	char *out = ninja_capture(build, "inputs", t, 1, log);
	char *save;
	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		vd_strv_push(inputs, vd_normalize_path(build, l));
	free(out);
	vd_strv_sort_unique(inputs);
	if (inputs->n == 0)
		vd_die("ninja target %s in %s has no inputs", target, build);
}

/* The build-directory inputs of the objects REL (build-relative): generated files. */
static void generated_inputs(const char *build, struct vd_strv *rel, const char *log,
			     struct vd_strv *prereqs)
{
	if (!rel->n)
		return;
	char *out = ninja_capture(build, "query", rel->v, rel->n, log);
	bool in_input = false;
	char *save;
	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "  input:", 8) == 0) {
			in_input = true;
		} else if (strncmp(l, "  outputs:", 10) == 0 || l[0] != ' ') {
			in_input = false;
		} else if (in_input && strncmp(l, "    ", 4) == 0) {
			const char *p = l + 4;
			if (strncmp(p, "|| ", 3) == 0)
				p += 3;
			else if (strncmp(p, "| ", 2) == 0)
				p += 2;
			if (p[0] != '/' && strncmp(p, "../", 3) != 0)
				vd_strv_push(prereqs, xstrdup(p));
		}
	}
	free(out);
	vd_strv_sort_unique(prereqs);
}

/* Asks ninja: OBJS[t] gets the (absolute) objects of target t. */
static void plan_from_ninja(const struct vd_options *o, struct vd_side *s,
			    const struct vd_compdb *db, struct vd_strv *objs, struct vd_strv *prereqs,
			    const char *log)
{
	const char *build = s->roots.build;
	size_t nsets = vd_nsets(o);
	struct vd_strv rel = { 0 };
	for (size_t t = 0; t < nsets; t++) {
		struct vd_strv inputs = { 0 };
		if (o->ntargets)
			target_inputs(build, o->targets[t], log, &inputs);
		for (size_t i = 0; i < db->n; i++) {
			const struct vd_tu *tu = &db->tus[i];
			if (!tu->output || !vd_tu_is_c_like(tu))
				continue;
			if (o->ntargets && !bsearch(&tu->output, inputs.v, inputs.n,
						    sizeof *inputs.v, str_ptr_cmp))
				continue;
			const char *r = rel_to(build, tu->output);
			if (!r)
				continue;
			vd_strv_push(&objs[t], xstrdup(tu->output));
			vd_strv_push(&rel, xstrdup(r));
		}
		vd_strv_free(&inputs);
		if (o->ntargets && objs[t].n == 0)
			vd_die("%s: no unit of the compilation database is linked into %s", build,
			       o->targets[t]);
	}
	vd_strv_sort_unique(&rel);
	generated_inputs(build, &rel, log, prereqs);
	if (vd_verbose) {
		for (size_t t = 0; t < nsets; t++)
			vd_note("%s: %zu units linked into %s, %zu generated prerequisites", s->role,
				objs[t].n, o->ntargets ? o->targets[t] : "any target", prereqs->n);
	}
	vd_strv_free(&rel);
}

/* A plan saved for KEY: "obj T FILE" and "pre FILE" lines after the key. */
static bool read_plan(const char *path, const char *key, const char *build, size_t nsets,
		      struct vd_strv *objs, struct vd_strv *prereqs)
{
	char *plan = key ? vd_read_file(path, NULL) : NULL;
	size_t kl = key ? strlen(key) : 0;
	if (!plan || strncmp(plan, key, kl) != 0 || plan[kl] != '\n') {
		free(plan);
		return false;
	}
	char *save;
	strtok_r(plan, "\n", &save);
	for (char *l; (l = strtok_r(NULL, "\n", &save));) {
		char *end;
		if (strncmp(l, "obj ", 4) == 0) {
			unsigned long t = strtoul(l + 4, &end, 10);
			if (t < nsets && *end == ' ')
				vd_strv_push(&objs[t], xasprintf("%s/%s", build, end + 1));
		} else if (strncmp(l, "pre ", 4) == 0) {
			vd_strv_push(prereqs, xstrdup(l + 4));
		}
	}
	free(plan);
	return true;
}

static void write_plan(const char *path, const char *key, const char *build, size_t nsets,
		       struct vd_strv *objs, struct vd_strv *prereqs)
{
	struct strbuf b = { 0 };
	sb_printf(&b, "%s\n", key);
	for (size_t t = 0; t < nsets; t++)
		for (size_t i = 0; i < objs[t].n; i++)
			sb_printf(&b, "obj %zu %s\n", t, rel_to(build, objs[t].v[i]));
	for (size_t i = 0; i < prereqs->n; i++)
		sb_printf(&b, "pre %s\n", prereqs->v[i]);
	if (!write_atomic(path, b.data, b.len))
		vd_die("cannot write %s: %s", path, strerror(errno));
	free(b.data);
}

void vd_ninja_plan(const struct vd_options *o, struct vd_side *s, const struct vd_compdb *db,
		   bool **in_set, struct vd_strv *prereqs)
{
	const char *build = s->roots.build;
	size_t nsets = vd_nsets(o);
	char *log = xasprintf("%s/ninja-query.log", s->slot);
	char *plan_path = xasprintf("%s/ninja-plan", s->slot);
	char *key = ninja_key(o, build);
	struct vd_strv *objs = xmalloc(sizeof *objs * nsets);
	memset(objs, 0, sizeof *objs * nsets);

	/* The plan is reused while build.ninja is unchanged. */
	if (!read_plan(plan_path, key, build, nsets, objs, prereqs)) {
		plan_from_ninja(o, s, db, objs, prereqs, log);
		if (key)
			write_plan(plan_path, key, build, nsets, objs, prereqs);
	}
	for (size_t t = 0; t < nsets; t++) {
		vd_strv_sort_unique(&objs[t]);
		for (size_t i = 0; i < db->n; i++)
			in_set[t][i] = db->tus[i].output &&
				       bsearch(&db->tus[i].output, objs[t].v, objs[t].n,
					       sizeof *objs[t].v, str_ptr_cmp);
		vd_strv_free(&objs[t]);
	}
	free(objs);
	free(key);
	free(plan_path);
	free(log);
}

bool vd_ninja_prepare(const struct vd_options *o, struct vd_side *s, struct vd_strv *prereqs)
{
	if (prereqs->n == 0)
		return false;
	vd_progress_phase(s->role, "generated headers", prereqs->n);
	char *before = ninja_key(o, s->roots.build);
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, xstrdup("ninja"));
	vd_strv_push(&argv, xstrdup("-C"));
	vd_strv_push(&argv, xstrdup(s->roots.build));
	vd_strv_push(&argv, xasprintf("-j%u", o->jobs));
	for (size_t i = 0; i < prereqs->n; i++)
		vd_strv_push(&argv, xstrdup(prereqs->v[i]));
	char *log = xasprintf("%s/ninja.log", s->slot);
	int st = vd_run(argv.v, NULL, log, log);
	vd_strv_free(&argv);
	if (st != 0)
		vd_die_with_log(log, "ninja (generated files)", st);
	free(log);
	char *after = ninja_key(o, s->roots.build);
	bool changed = !before || !after || strcmp(before, after) != 0;
	free(before);
	free(after);
	return changed;
}
