/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "side.h"
#include "pch.h"
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *git_line(const char *dir, char *const rest[], int *status)
{
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, vd_xstrdup("git"));
	vd_strv_push(&argv, vd_xstrdup("-C"));
	vd_strv_push(&argv, vd_xstrdup(dir));
	for (size_t i = 0; rest[i]; i++)
		vd_strv_push(&argv, vd_xstrdup(rest[i]));
	char *out = vd_run_capture(argv.v, NULL, "/dev/null", status, NULL);
	vd_strv_free(&argv);
	out[strcspn(out, "\n")] = 0;
	return out;
}

void vd_side_resolve(const struct vd_options *o, struct vd_side *s)
{
	if (s->dump_file) {
		if (!vd_is_file(s->dump_file))
			vd_die("%s: no such dump file", s->dump_file);
		s->dump = vd_absolute(s->dump_file);
		s->label = vd_printf("dump %s", s->dump_file);
		return;
	}
	if (!s->rev) {
		/* The working tree as a commit object (git stash create leaves the tree, the
		 * index and the stash list alone), checked out in the side's worktree like any
		 * revision: one layout for every side, so generated files that name source
		 * paths (trace headers' #line) are the same and the fragments are shared. */
		int st;
		char *stash[] = { "stash", "create", "vmstate-diff: the working tree", NULL };
		char *commit = git_line(o->repo, stash, &st);
		if (st != 0)
			vd_die("%s: git stash create failed (exit status %d)", o->repo, st);
		if (!commit[0]) {
			free(commit);
			char *head[] = { "rev-parse", "--verify", "--quiet", "HEAD^{commit}", NULL };
			commit = git_line(o->repo, head, &st);
			if (st != 0 || !commit[0])
				vd_die("%s: the repository has no commit yet", o->repo);
		}
		s->commit = commit;
		s->label = vd_xstrdup("working tree");
		return;
	}
	char *spec = vd_printf("%s^{commit}", s->rev);
	int st;
	char *argv[] = { "rev-parse", "--verify", "--quiet", spec, NULL };
	s->commit = git_line(o->repo, argv, &st);
	free(spec);
	if (st != 0 || !s->commit[0])
		vd_die("%s: not a revision of the git repository %s", s->rev, o->repo);
	s->label = vd_printf("%s (%.12s)", s->rev, s->commit);
}

static void set_env(const char *name, const char *value)
{
	if (setenv(name, value ? value : "", 1) != 0)
		vd_die("setenv %s: %s", name, strerror(errno));
}

static void show_log_and_die(const char *log, const char *what, int status)
{
	size_t len;
	char *text = vd_read_file(log, &len);
	if (text && len) {
		/* The end of the log: where the failure is. */
		const char *p = text + len;
		for (int lines = 0; p > text && lines < 30; p--)
			if (p[-1] == '\n')
				lines++;
		fputs(p, stderr);
		if (len && text[len - 1] != '\n')
			fputc('\n', stderr);
	}
	free(text);
	vd_die("%s failed (exit status %d); the full output is in %s", what, status, log);
}

static void checkout(const struct vd_options *o, struct vd_side *s)
{
	if (!s->commit) {
		s->slot = vd_printf("%s/work", o->state_dir);
		s->roots.src = vd_xstrdup(o->repo);
		vd_mkdirs(s->slot);
	} else {
		s->slot = vd_printf("%s/%s", o->state_dir, s->role);
		char *src = vd_printf("%s/src", s->slot);
		s->roots.src = src;
		vd_mkdirs(s->slot);
		char *log = vd_printf("%s/git.log", s->slot);
		int st;
		char *head = NULL;
		if (vd_is_dir(src)) {
			char *argv[] = { "rev-parse", "HEAD", NULL };
			head = git_line(src, argv, &st);
			if (st != 0) {
				free(head);
				head = NULL;
			}
		}
		if (!head) {
			/* A worktree of this repository, created once and reused. */
			if (vd_is_dir(src))
				vd_remove_tree(src);
			char *prune[] = { "git", "-C", (char *)o->repo, "worktree", "prune", NULL };
			vd_run(prune, NULL, log, log);
			char *add[] = { "git", "-C", (char *)o->repo, "worktree", "add", "--detach",
					"-f", src, s->commit, NULL };
			if ((st = vd_run(add, NULL, log, log)) != 0)
				show_log_and_die(log, "git worktree add", st);
			if (vd_verbose)
				vd_note("%s: new worktree %s at %s", s->role, src, s->label);
		} else if (strcmp(head, s->commit) != 0) {
			char *co[] = { "git", "-C", src, "checkout", "-q", "--detach", "-f",
				       s->commit, NULL };
			if ((st = vd_run(co, NULL, log, log)) != 0)
				show_log_and_die(log, "git checkout", st);
			if (vd_verbose)
				vd_note("%s: worktree %s moved to %s", s->role, src, s->label);
		}
		free(head);
		free(log);
	}
	s->roots.build = vd_printf("%s/build", s->slot);
	vd_mkdirs(s->roots.build);
}

/* What the user's commands are told about the side. */
static void side_env(const struct vd_side *s)
{
	set_env("VMSTATE_SRC", s->roots.src);
	set_env("VMSTATE_BUILD", s->roots.build);
	set_env("VMSTATE_REV", s->commit);
	set_env("VMSTATE_SIDE", s->role);
}

/* Background configure commands still running when we exit (on an error) are stopped. */
static pid_t background[2];
static unsigned nbackground;

static void stop_background(void)
{
	for (unsigned i = 0; i < nbackground; i++)
		if (background[i] > 0)
			kill(-background[i], SIGTERM);
}

static void forget_background(pid_t pid)
{
	for (unsigned i = 0; i < nbackground; i++)
		if (background[i] == pid)
			background[i] = 0;
}

static void configure_done(const struct vd_options *o, struct vd_side *s)
{
	const char *want = o->configure_cmd ? o->configure_cmd : "";
	char *stamp = vd_printf("%s/.vmstate-diff-configured", s->slot);
	if (!vd_write_file(stamp, want, strlen(want)))
		vd_die("cannot write %s: %s", stamp, strerror(errno));
	free(stamp);
}

/* The build directory belongs to one configure command (or to none): another command
 * starts it afresh.  The command runs in the background (both sides configure at once);
 * configure_wait() collects it. */
static void configure_start(const struct vd_options *o, struct vd_side *s)
{
	const char *want = o->configure_cmd ? o->configure_cmd : "";
	char *stamp = vd_printf("%s/.vmstate-diff-configured", s->slot);
	char *old = vd_read_file(stamp, NULL);
	bool fresh = strcmp(old ? old : "", want) == 0;
	free(old);
	if (fresh) {
		free(stamp);
		return;
	}
	vd_remove_tree(s->roots.build);
	vd_mkdirs(s->roots.build);
	unlink(stamp);
	free(stamp);
	if (!o->configure_cmd) {
		configure_done(o, s);
		return;
	}
	s->configure_log = vd_printf("%s/configure.log", s->slot);
	vd_note("%s: configuring %s (log: %s)", s->role, s->roots.build, s->configure_log);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		vd_die("fork: %s", strerror(errno));
	if (pid == 0) {
		/* Its own process group, so that a failing run can stop all of it. */
		setpgid(0, 0);
		side_env(s);
		int st = vd_run_shell(o->configure_cmd, s->roots.build, s->configure_log);
		_exit(st > 255 ? 255 : st);
	}
	setpgid(pid, pid);
	s->configure_pid = pid;
	background[nbackground++] = pid;
	if (nbackground == 1)
		atexit(stop_background);
}

static void configure_wait(const struct vd_options *o, struct vd_side *s)
{
	if (!s->configure_pid)
		return;
	int status = vd_wait_pid(s->configure_pid);
	forget_background(s->configure_pid);
	s->configure_pid = 0;
	if (status != 0)
		show_log_and_die(s->configure_log, "the configure command", status);
	configure_done(o, s);
}

static void make_compdb(const struct vd_options *o, struct vd_side *s, const char *compdb)
{
	if (!o->compdb_cmd)
		return;
	set_env("VMSTATE_COMPDB", compdb);
	char *log = vd_printf("%s/compdb.log", s->slot);
	side_env(s);
	int st = vd_run_shell(o->compdb_cmd, s->roots.src, log);
	if (st != 0)
		show_log_and_die(log, "the compile-commands command", st);
	free(log);
}

/* ---- ninja trees: the units linked into the target and the generated files they need */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(struct vd_strv *v)
{
	if (v->n == 0)
		return;
	qsort(v->v, v->n, sizeof *v->v, cmp_str);
	size_t w = 1;
	for (size_t i = 1; i < v->n; i++) {
		if (strcmp(v->v[i], v->v[w - 1]) == 0)
			free(v->v[i]);
		else
			v->v[w++] = v->v[i];
	}
	v->n = w;
	v->v[w] = NULL;
}

static char *ninja_key(const char *build, const char *target)
{
	char *bn = vd_printf("%s/build.ninja", build);
	struct stat st;
	char *key = NULL;
	if (stat(bn, &st) == 0)
		key = vd_printf("%lld %lld.%09ld %s", (long long)st.st_size,
				(long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, target ? target : "");
	free(bn);
	return key;
}

static char *ninja_capture(const char *build, const char *tool, struct vd_strv *targets,
			   const char *log)
{
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, vd_xstrdup("ninja"));
	vd_strv_push(&argv, vd_xstrdup("-C"));
	vd_strv_push(&argv, vd_xstrdup(build));
	vd_strv_push(&argv, vd_xstrdup("-t"));
	vd_strv_push(&argv, vd_xstrdup(tool));
	for (size_t i = 0; i < targets->n; i++)
		vd_strv_push(&argv, vd_xstrdup(targets->v[i]));
	int st;
	char *out = vd_run_capture(argv.v, NULL, log, &st, NULL);
	vd_strv_free(&argv);
	if (st != 0)
		show_log_and_die(log, "ninja -t", st);
	return out;
}

static const char *rel_to(const char *root, const char *abs)
{
	size_t n = strlen(root);
	if (strncmp(abs, root, n) == 0 && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

/* Fills SELECTED (indices into DB) and PREREQS (build-relative generated files). */
static void ninja_plan(const struct vd_options *o, struct vd_side *s, const struct vd_compdb *db,
		       bool *selected, struct vd_strv *prereqs)
{
	const char *build = s->roots.build;
	char *log = vd_printf("%s/ninja-query.log", s->slot);
	char *plan_path = vd_printf("%s/ninja-plan", s->slot);
	char *key = ninja_key(build, o->target);
	struct vd_strv objs = { 0 };

	/* The plan is reused while build.ninja is unchanged. */
	char *plan = vd_read_file(plan_path, NULL);
	if (plan && key && strncmp(plan, key, strlen(key)) == 0 && plan[strlen(key)] == '\n') {
		char *save;
		strtok_r(plan, "\n", &save);
		for (char *l; (l = strtok_r(NULL, "\n", &save));) {
			if (strncmp(l, "obj ", 4) == 0)
				vd_strv_push(&objs, vd_printf("%s/%s", build, l + 4));
			else if (strncmp(l, "pre ", 4) == 0)
				vd_strv_push(prereqs, vd_xstrdup(l + 4));
		}
		free(plan);
	} else {
		free(plan);
		double t0 = now();
		struct vd_strv inputs = { 0 };
		if (o->target) {
			struct vd_strv t = { 0 };
			vd_strv_push(&t, vd_xstrdup(o->target));
			char *out = ninja_capture(build, "inputs", &t, log);
			vd_strv_free(&t);
			char *save;
			for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
				vd_strv_push(&inputs, vd_normalize_path(build, l));
			free(out);
			sort_unique(&inputs);
			if (inputs.n == 0)
				vd_die("ninja target %s in %s has no inputs", o->target, build);
		}
		struct vd_strv rel = { 0 };
		for (size_t i = 0; i < db->n; i++) {
			const struct vd_tu *tu = &db->tus[i];
			if (!tu->output || !vd_tu_is_c_like(tu))
				continue;
			if (o->target && !bsearch(&tu->output, inputs.v, inputs.n, sizeof *inputs.v,
						  cmp_str))
				continue;
			const char *r = rel_to(build, tu->output);
			if (!r)
				continue;
			vd_strv_push(&objs, vd_xstrdup(tu->output));
			vd_strv_push(&rel, vd_xstrdup(r));
		}
		vd_strv_free(&inputs);
		if (o->target && objs.n == 0)
			vd_die("%s: no unit of the compilation database is linked into %s", build,
			       o->target);
		/* Generated files the units need: their inputs inside the build directory. */
		if (rel.n) {
			char *out = ninja_capture(build, "query", &rel, log);
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
						vd_strv_push(prereqs, vd_xstrdup(p));
				}
			}
			free(out);
		}
		vd_strv_free(&rel);
		sort_unique(prereqs);
		if (key) {
			struct vd_str b = { 0 };
			vd_str_addf(&b, "%s\n", key);
			for (size_t i = 0; i < objs.n; i++)
				vd_str_addf(&b, "obj %s\n", rel_to(build, objs.v[i]));
			for (size_t i = 0; i < prereqs->n; i++)
				vd_str_addf(&b, "pre %s\n", prereqs->v[i]);
			if (!vd_write_file(plan_path, b.s, b.len))
				vd_die("cannot write %s: %s", plan_path, strerror(errno));
			free(b.s);
		}
		if (vd_verbose)
			vd_note("%s: %zu units linked into %s, %zu generated prerequisites (%.1f s)",
				s->role, objs.n, o->target ? o->target : "any target", prereqs->n,
				now() - t0);
	}
	sort_unique(&objs);
	for (size_t i = 0; i < db->n; i++)
		selected[i] = db->tus[i].output &&
			      bsearch(&db->tus[i].output, objs.v, objs.n, sizeof *objs.v, cmp_str);
	vd_strv_free(&objs);
	free(key);
	free(plan_path);
	free(log);
}

/* Builds the generated files; true when build.ninja changed meanwhile (plan again). */
static bool ninja_prepare(const struct vd_options *o, struct vd_side *s, struct vd_strv *prereqs)
{
	if (prereqs->n == 0)
		return false;
	char *before = ninja_key(s->roots.build, o->target);
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, vd_xstrdup("ninja"));
	vd_strv_push(&argv, vd_xstrdup("-C"));
	vd_strv_push(&argv, vd_xstrdup(s->roots.build));
	vd_strv_push(&argv, vd_printf("-j%u", o->jobs));
	for (size_t i = 0; i < prereqs->n; i++)
		vd_strv_push(&argv, vd_xstrdup(prereqs->v[i]));
	char *log = vd_printf("%s/ninja.log", s->slot);
	int st = vd_run(argv.v, NULL, log, log);
	vd_strv_free(&argv);
	if (st != 0)
		show_log_and_die(log, "ninja (generated files)", st);
	free(log);
	char *after = ninja_key(s->roots.build, o->target);
	bool changed = !before || !after || strcmp(before, after) != 0;
	free(before);
	free(after);
	return changed;
}

/* ---- compiling what the cache lacks */

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
			found = vd_printf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	return found;
}

struct pending {
	size_t tu;
	char key[VD_HEX_LEN];
	char *tmp;
	struct vd_strv argv;
};

static void compile_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
			  const struct vd_compdb *db, const bool *selected, struct vd_strv *frags)
{
	struct pending *pend = vd_xmalloc(sizeof *pend * (db->n ? db->n : 1));
	struct vd_job *jobs = vd_xmalloc(sizeof *jobs * (db->n ? db->n : 1));
	size_t npend = 0;
	char *tmp_root = vd_printf("%s/tmp/%ld", c->dir, (long)getpid());
	for (size_t i = 0; i < db->n; i++) {
		if (!selected[i])
			continue;
		s->units++;
		char key[VD_HEX_LEN];
		vd_cache_unit_key(c, &db->tus[i], &s->roots, key);
		char *hit = vd_cache_lookup(c, key, &s->roots);
		if (hit) {
			vd_strv_push(frags, hit);
			continue;
		}
		struct pending *p = &pend[npend];
		p->tu = i;
		memcpy(p->key, key, VD_HEX_LEN);
		p->tmp = vd_printf("%s/%zu", tmp_root, npend);
		vd_mkdirs(p->tmp);
		p->argv = (struct vd_strv){ 0 };
		char *depfile = vd_printf("%s/deps.d", p->tmp);
		vd_syntax_only_args(&db->tus[i], o->plugin, p->tmp, depfile, &p->argv);
		free(depfile);
		npend++;
	}
	struct vd_pch pch = { 0 };
	if (npend) {
		double t0 = now();
		vd_note("%s: compiling %zu of %zu units with the plugin (-fsyntax-only, -j%u%s%s)",
			s->role, npend, s->units, o->jobs, o->pch ? ", precompiled " : "",
			o->pch ? o->pch : "");
		if (o->pch) {
			const struct vd_tu **tus = vd_xmalloc(sizeof *tus * npend);
			for (size_t k = 0; k < npend; k++)
				tus[k] = &db->tus[pend[k].tu];
			char *root = vd_printf("%s/pch", tmp_root);
			vd_pch_build(&pch, o->pch, root, tus, npend, o->jobs);
			free(root);
			free(tus);
		}
		for (size_t k = 0; k < npend; k++) {
			vd_pch_use(&pch, k, &pend[k].argv);
			jobs[k].argv = pend[k].argv.v;
			jobs[k].cwd = db->tus[pend[k].tu].directory;
			jobs[k].log = vd_printf("%s/log", pend[k].tmp);
		}
		size_t failed = vd_run_jobs(jobs, npend, o->jobs, false);
		if (failed) {
			for (size_t k = 0; k < npend; k++) {
				if (jobs[k].status <= 0)
					continue;
				char *text = vd_read_file(jobs[k].log, NULL);
				if (text)
					fputs(text, stderr);
				free(text);
				vd_die("%s: the plugin's compilation failed (exit status %d)",
				       db->tus[pend[k].tu].file, jobs[k].status);
			}
		}
		size_t pch_used = 0;
		for (size_t k = 0; k < npend; k++) {
			struct pending *p = &pend[k];
			char *depfile = vd_printf("%s/deps.d", p->tmp);
			if (vd_verbose && o->pch && vd_pch_was_used(&pch, k, depfile))
				pch_used++;
			/* The one fragment the plugin wrote, whatever its unit id. */
			char *frag = find_fragment(p->tmp);
			if (!frag)
				vd_die("%s: the plugin wrote no fragment (is %s the vmstate plugin?)",
				       db->tus[p->tu].file, o->plugin);
			vd_strv_push(frags, vd_cache_store(c, p->key, &s->roots,
							   db->tus[p->tu].directory, frag, depfile,
							   pch.root));
			free(frag);
			free(depfile);
			s->compiled++;
		}
		if (vd_verbose && o->pch)
			vd_note("%s: %zu of %zu units read the precompiled %s", s->role, pch_used,
				npend, o->pch);
		if (vd_verbose)
			vd_note("%s: compiled %zu units in %.1f s", s->role, npend, now() - t0);
	}
	for (size_t k = 0; k < npend; k++) {
		char **a = jobs[k].argv;
		for (size_t i = 0; a[i]; i++)
			free(a[i]);
		free(a);
		free(jobs[k].log);
		free(pend[k].tmp);
	}
	vd_pch_free(&pch);
	if (npend)
		vd_remove_tree(tmp_root);
	free(tmp_root);
	free(jobs);
	free(pend);
}

static void extract(const struct vd_options *o, struct vd_side *s, struct vd_strv *frags)
{
	/* The extractor reads a directory of fragments: links to the cached files. */
	char *dir = vd_printf("%s/fragments", s->slot);
	if (vd_is_dir(dir))
		vd_remove_tree(dir);
	vd_mkdirs(dir);
	sort_unique(frags);
	for (size_t i = 0; i < frags->n; i++) {
		char *name = vd_printf("%s/%06zu.vmfrag.json", dir, i);
		if (link(frags->v[i], name) != 0 && symlink(frags->v[i], name) != 0)
			vd_die("cannot link %s to %s: %s", frags->v[i], name, strerror(errno));
		free(name);
	}
	s->dump = vd_printf("%s/dump.json", s->slot);
	char *log = vd_printf("%s/extract.log", s->slot);
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, vd_xstrdup(o->extract));
	vd_strv_push(&argv, vd_printf("--machine=%s", s->machine ? s->machine : "none"));
	if (o->layout)
		vd_strv_push(&argv, vd_printf("--layout=%s", o->layout));
	vd_strv_push(&argv, vd_printf("--output=%s", s->dump));
	vd_strv_push(&argv, vd_xstrdup(dir));
	int st = vd_run(argv.v, NULL, "/dev/null", log);
	vd_strv_free(&argv);
	if (st != 0)
		show_log_and_die(log, "vmstate-extract", st);
	/* Its reports (conflicts, unknowns) matter to the reader of the verdict. */
	size_t len;
	char *text = vd_read_file(log, &len);
	if (text && len) {
		/* The first lines; a large tree can have many notes. */
		enum { SHOWN = 10 };
		size_t lines = 0, cut = len;
		for (size_t i = 0; i < len; i++)
			if (text[i] == '\n' && ++lines == SHOWN)
				cut = i + 1;
		if (text[len - 1] != '\n')
			lines++;
		vd_warn("%s: vmstate-extract reported:", s->label);
		fwrite(text, 1, cut, stderr);
		if (lines > SHOWN)
			fprintf(stderr, "(%zu more lines in %s)\n", lines - SHOWN, log);
	}
	free(text);
	free(log);
	free(dir);
}

static bool is_c_source_or_header(const char *path)
{
	size_t n = strlen(path);
	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

bool vd_side_share_build(const struct vd_options *o, struct vd_side *src, struct vd_side *dest)
{
	if (!o->share_build || !o->configure_cmd || src->dump_file || dest->dump_file ||
	    !src->commit || !dest->commit)
		return false;
	char *argv[] = { "git", "-C", (char *)o->repo, "diff", "--name-only", "--no-renames",
			 "-z", src->commit, dest->commit, NULL };
	int st;
	size_t len;
	char *out = vd_run_capture(argv, NULL, "/dev/null", &st, &len);
	bool share = st == 0;
	for (size_t i = 0; share && i < len; i += strlen(out + i) + 1)
		share = is_c_source_or_header(out + i);
	free(out);
	if (share) {
		dest->shares = src;
		if (vd_verbose)
			vd_note("dest: uses the build directory of src: the revisions differ in C "
				"sources and headers only");
	}
	return share;
}

void vd_side_start(const struct vd_options *o, struct vd_side *s)
{
	if (s->dump_file || s->started)
		return;
	s->started = true;
	checkout(o, s);
	if (s->shares) {
		free((char *)s->roots.build);
		s->roots.build = vd_xstrdup(s->shares->roots.build);
		return;
	}
	configure_start(o, s);
}

/* The units of the side whose build directory S shares, made to read S's sources. */
static void shared_units(struct vd_side *s)
{
	const struct vd_side *from = s->shares;
	const char *a = from->roots.src, *b = s->roots.src;
	s->db.n = from->db.n;
	s->db.tus = vd_xmalloc(sizeof *s->db.tus * (s->db.n ? s->db.n : 1));
	for (size_t i = 0; i < s->db.n; i++) {
		const struct vd_tu *t = &from->db.tus[i];
		struct vd_tu *u = &s->db.tus[i];
		memset(u, 0, sizeof *u);
		u->directory = vd_xstrdup(t->directory);
		u->file = vd_rebase_arg(a, b, "/", t->file);
		u->output = t->output ? vd_xstrdup(t->output) : NULL;
		for (size_t k = 0; k < t->args.n; k++)
			vd_strv_push(&u->args, vd_rebase_arg(a, b, t->directory, t->args.v[k]));
	}
	s->selected = vd_xmalloc(s->db.n + 1);
	memcpy(s->selected, from->selected, s->db.n + 1);
}

/* The side's own units: configure, compilation database, and with ninja the target's
 * units and generated files.  Sets S->db and S->selected; returns the database's path. */
static char *own_units(const struct vd_options *o, struct vd_side *s)
{
	configure_wait(o, s);
	side_env(s);
	char *compdb = vd_join(s->roots.build, o->compdb);
	make_compdb(o, s, compdb);
	if (!vd_is_file(compdb))
		vd_die("%s: no compilation database (give --configure or --compdb-cmd; see "
		       "vmstate-diff(1))", compdb);

	struct vd_compdb db;
	vd_compdb_read(compdb, &db);
	bool *selected = vd_xmalloc(db.n + 1);
	char *bn = vd_printf("%s/build.ninja", s->roots.build);
	if (vd_is_file(bn)) {
		/* A revision whose generated files were built for this very commit and
		 * configuration needs no ninja run: its sources cannot have changed. */
		char *stamp = vd_printf("%s/.vmstate-diff-prepared", s->slot);
		char *want = s->commit ? vd_printf("%s\n%s\n%s\n", s->commit,
						   o->configure_cmd ? o->configure_cmd : "",
						   o->target ? o->target : "") : NULL;
		char *have = vd_read_file(stamp, NULL);
		bool prepared = want && have && strcmp(want, have) == 0;
		free(have);
		unlink(stamp);
		for (int round = 0;; round++) {
			struct vd_strv prereqs = { 0 };
			ninja_plan(o, s, &db, selected, &prereqs);
			bool changed = !prepared && ninja_prepare(o, s, &prereqs);
			vd_strv_free(&prereqs);
			if (!changed) {
				if (want && !vd_write_file(stamp, want, strlen(want)))
					vd_die("cannot write %s: %s", stamp, strerror(errno));
				break;
			}
			if (round == 1)
				vd_die("%s: build.ninja keeps changing", s->roots.build);
			/* Regenerated: so is the compilation database. */
			vd_compdb_read(compdb, &db);
			selected = vd_xrealloc(selected, db.n + 1);
		}
		free(stamp);
		free(want);
	} else {
		if (o->target)
			vd_die("--target %s needs a ninja build directory; %s has no build.ninja",
			       o->target, s->roots.build);
		for (size_t i = 0; i < db.n; i++)
			selected[i] = vd_tu_is_c_like(&db.tus[i]);
	}
	free(bn);
	/* Kept for a side that shares this build directory. */
	s->db = db;
	s->selected = selected;
	return compdb;
}

void vd_side_make_dump(const struct vd_options *o, struct vd_cache *c, struct vd_side *s)
{
	if (s->dump_file)
		return;
	double t0 = now();
	vd_side_start(o, s);
	char *units_from;  /* for messages */
	if (s->shares) {
		if (!s->shares->selected)
			vd_die("%s: the build directory of %s is not ready", s->label,
			       s->shares->label);
		side_env(s);
		shared_units(s);
		units_from = vd_xstrdup(s->label);
	} else {
		units_from = own_units(o, s);
	}

	double t_lookup = now();
	if (vd_verbose)
		vd_note("%s: checkout, configure and build plan: %.1f s", s->role, t_lookup - t0);
	struct vd_strv frags = { 0 };
	compile_units(o, c, s, &s->db, s->selected, &frags);
	double t_extract = now();
	if (s->units == 0)
		vd_die("%s: no C unit to compile", units_from);
	extract(o, s, &frags);
	vd_strv_free(&frags);
	free(units_from);
	if (vd_verbose)
		vd_note("%s: %s: %zu units, %zu compiled, dump %s (%.1f s: cache and compile %.1f s, "
			"extract %.1f s)", s->role, s->label, s->units, s->compiled, s->dump,
			now() - t0, t_extract - t_lookup, now() - t_extract);
}
