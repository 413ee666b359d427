/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "compile.h"
#include "pch.h"
#include "progress.h"
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The one fragment file the plugin wrote into DIR, whatever its unit id. */
static char *find_fragment(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		vd_die("cannot read %s: %s", dir, strerror(errno));
	char *found = NULL;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n > 12 && strcmp(e->d_name + n - 12, ".vmfrag.json") == 0) {
			if (found)
				vd_die("%s: the plugin wrote more than one fragment", dir);
			found = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	return found;
}

void vd_compile_sweep_stale(const char *cache_dir)
{
	char *root = xasprintf("%s/tmp", cache_dir);
	DIR *d = opendir(root);
	if (!d) {
		free(root);
		return;
	}
	for (struct dirent *e; (e = readdir(d));) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char *dir = xasprintf("%s/%s", root, e->d_name);
		vd_remove_tree(dir);
		if (vd_verbose)
			vd_note("removed %s, left by an interrupted run", dir);
		free(dir);
	}
	closedir(d);
	free(root);
}

struct pending {
	size_t tu;
	char key[VD_HEX_LEN];
	char *tmp;
	struct vd_strv argv;
};

static void unit_done(const struct vd_job *j)
{
	(void)j;
	vd_progress_step();
}

/* Dies with the compiler's messages, in the user's paths. */
static void compile_failed(const struct vd_options *o, const struct vd_side *s,
			   const struct vd_tu *tu, const struct vd_job *job)
{
	char *text = vd_read_file(job->log, NULL);
	if (text) {
		char *mine = vd_side_user_paths(o, s, tu->directory, text);
		vd_progress_clear();
		fputs(mine, stderr);
		free(mine);
	}
	free(text);
	char *file = vd_side_user_paths(o, s, tu->directory, tu->file);
	vd_die("%s: the plugin's compilation failed (exit status %d)%s%s", file, job->status,
	       strcmp(s->label, "working tree") ? " in " : "",
	       strcmp(s->label, "working tree") ? s->label : "");
}

/* The units the cache lacks, with their -fsyntax-only commands; FRAG_OF gets the rest. */
static size_t plan_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
			 const struct vd_compdb *db, const bool *selected, char **frag_of,
			 const char *tmp_root, struct pending *pend)
{
	size_t npend = 0;
	for (size_t i = 0; i < db->n; i++) {
		if (!selected[i])
			continue;
		s->units++;
		char key[VD_HEX_LEN];
		vd_cache_unit_key(c, &db->tus[i], &s->roots, key);
		char *hit = vd_cache_lookup(c, key, &s->roots);
		if (hit) {
			frag_of[i] = hit;
			continue;
		}
		if (!o->cc && vd_tu_is_clang(&db->tus[i]))
			vd_die("%s is compiled with %s, which cannot load a GCC plugin: give --cc gcc "
			       "(see vmstate-diff(1))", db->tus[i].file, vd_tu_compiler(&db->tus[i]));
		struct pending *p = &pend[npend];
		p->tu = i;
		memcpy(p->key, key, VD_HEX_LEN);
		p->tmp = xasprintf("%s/%zu", tmp_root, npend);
		vd_mkdirs(p->tmp);
		p->argv = (struct vd_strv){ 0 };
		char *depfile = xasprintf("%s/deps.d", p->tmp);
		vd_syntax_only_args(&db->tus[i], o->plugin, p->tmp, depfile, &p->argv);
		free(depfile);
		npend++;
	}
	return npend;
}

/* Moves each compiled unit's fragment into the cache. */
static void store_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
			const struct vd_compdb *db, struct pending *pend, size_t npend,
			const struct vd_pch *pch, char **frag_of)
{
	size_t pch_used = 0;
	for (size_t k = 0; k < npend; k++) {
		struct pending *p = &pend[k];
		char *depfile = xasprintf("%s/deps.d", p->tmp);
		if (vd_verbose && o->pch && vd_pch_was_used(pch, k, depfile))
			pch_used++;
		char *frag = find_fragment(p->tmp);
		if (!frag)
			vd_die("%s: the plugin wrote no fragment (is %s the vmstate plugin?)",
			       db->tus[p->tu].file, o->plugin);
		frag_of[p->tu] = vd_cache_store(c, p->key, &s->roots, db->tus[p->tu].directory, frag,
						depfile, pch->root);
		free(frag);
		free(depfile);
		s->compiled++;
	}
	if (vd_verbose && o->pch)
		vd_note("%s: %zu of %zu units read the precompiled %s", s->role, pch_used, npend,
			o->pch);
}

static void run_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
		      const struct vd_compdb *db, struct pending *pend, size_t npend,
		      const char *tmp_root, char **frag_of)
{
	double t0 = vd_now();
	vd_note("%s: compiling %zu of %zu units with the plugin (-fsyntax-only, -j%u%s%s)", s->role,
		npend, s->units, o->jobs, o->pch ? ", precompiled " : "", o->pch ? o->pch : "");
	struct vd_pch pch = { 0 };
	if (o->pch) {
		vd_progress_phase(s->role, "precompiled headers", 0);
		const struct vd_tu **tus = xmalloc(sizeof *tus * npend);
		for (size_t k = 0; k < npend; k++)
			tus[k] = &db->tus[pend[k].tu];
		char *root = xasprintf("%s/pch", tmp_root);
		vd_pch_build(&pch, o->pch, root, tus, npend, o->jobs);
		free(root);
		free(tus);
	}
	struct vd_job *jobs = xmalloc(sizeof *jobs * npend);
	for (size_t k = 0; k < npend; k++) {
		vd_pch_use(&pch, k, &pend[k].argv);
		jobs[k].argv = pend[k].argv.v;
		jobs[k].cwd = db->tus[pend[k].tu].directory;
		jobs[k].log = xasprintf("%s/log", pend[k].tmp);
	}
	vd_progress_phase(s->role, "compile", npend);
	if (vd_run_jobs(jobs, npend, o->jobs, false, unit_done)) {
		for (size_t k = 0; k < npend; k++)
			if (jobs[k].status > 0)
				compile_failed(o, s, &db->tus[pend[k].tu], &jobs[k]);
	}
	store_units(o, c, s, db, pend, npend, &pch, frag_of);
	if (vd_verbose)
		vd_note("%s: compiled %zu units in %.1f s", s->role, npend, vd_now() - t0);
	for (size_t k = 0; k < npend; k++) {
		vd_strv_free(&pend[k].argv);
		free(jobs[k].log);
		free(pend[k].tmp);
	}
	vd_pch_free(&pch);
	free(jobs);
}

void vd_compile_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
		      const struct vd_compdb *db, const bool *selected, char **frag_of)
{
	struct pending *pend = xmalloc(sizeof *pend * (db->n ? db->n : 1));
	char *tmp_root = xasprintf("%s/tmp/%ld", c->dir, (long)getpid());
	/* Set before the first directory is made in it. */
	vd_cleanup_dir(tmp_root);
	size_t npend = plan_units(o, c, s, db, selected, frag_of, tmp_root, pend);
	if (npend)
		run_units(o, c, s, db, pend, npend, tmp_root, frag_of);
	if (vd_is_dir(tmp_root))
		vd_remove_tree(tmp_root);
	vd_cleanup_dir(NULL);
	free(tmp_root);
	free(pend);
}
