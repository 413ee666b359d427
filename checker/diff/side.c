/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "side.h"
#include "compile.h"
#include "configure.h"
#include "git.h"
#include "ninja.h"
#include "progress.h"
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool is_source_name(const char *path)
{
	static const char *const ends[] = { ".c", ".h", ".inc", "meson.build" };
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && strcmp(path + n - k, ends[i]) == 0)
			return true;
	}
	return false;
}

/* The working tree as a commit object, checked out in the side's worktree like any
 * revision: one layout for every side, so generated files that name source paths
 * (trace headers' #line) are the same and the fragments are shared. */
static void resolve_working_tree(const struct vd_options *o, struct vd_side *s)
{
	struct vd_strv untracked = { 0 };
	s->commit = vd_git_snapshot(o->repo, o->state_dir, ".vmstate-diff", &untracked);
	s->label = xstrdup("working tree");
	size_t named = 0;
	for (size_t i = 0; i < untracked.n; i++) {
		if (!is_source_name(untracked.v[i]))
			continue;
		if (named++ < 10)
			vd_warn("%s/%s: untracked, included in the working tree's side (git add it, "
				"or ignore it in .gitignore)", o->repo, untracked.v[i]);
	}
	if (named > 10)
		vd_warn("and %zu more untracked source files, included", named - 10);
	vd_strv_free(&untracked);
}

void vd_side_resolve(const struct vd_options *o, struct vd_side *s)
{
	if (s->dump_file) {
		if (!vd_is_file(s->dump_file))
			vd_die("%s: no such dump file", s->dump_file);
		s->dump = vd_absolute(s->dump_file);
		s->dumps = xmalloc(sizeof *s->dumps);
		s->dumps[0] = s->dump;
		s->label = xasprintf("dump %s", s->dump_file);
		return;
	}
	if (!s->rev) {
		resolve_working_tree(o, s);
		return;
	}
	s->commit = vd_git_resolve(o->repo, s->rev);
	if (!s->commit)
		vd_die("%s: not a revision of the git repository %s", s->rev, o->repo);
	s->label = xasprintf("%s (%.12s)", s->rev, s->commit);
}

static void checkout(const struct vd_options *o, struct vd_side *s)
{
	s->slot = xasprintf("%s/%s", o->state_dir, s->role);
	char *src = xasprintf("%s/src", s->slot);
	s->roots.src = src;
	vd_mkdirs(s->slot);
	char *log = xasprintf("%s/git.log", s->slot);
	vd_progress_phase(s->role, "checkout", 0);
	if (vd_git_checkout(o->repo, src, s->commit, log) && vd_verbose)
		vd_note("%s: worktree %s at %s", s->role, src, s->label);
	vd_git_borrow_dependencies(o->repo, src, log);
	free(log);
	s->roots.build = xasprintf("%s/build", s->slot);
	vd_mkdirs(s->roots.build);
}

bool vd_side_share_build(const struct vd_options *o, struct vd_side *src, struct vd_side *dest)
{
	if (!o->share_build || !o->configure_cmd || src->dump_file || dest->dump_file ||
	    !src->commit || !dest->commit)
		return false;
	if (!vd_git_differ_in_c_only(o->repo, src->commit, dest->commit))
		return false;
	dest->shares = src;
	if (vd_verbose)
		vd_note("dest: uses the build directory of src: the revisions differ in C sources "
			"and headers only");
	return true;
}

void vd_side_start(const struct vd_options *o, struct vd_side *s)
{
	if (s->dump_file || s->started)
		return;
	s->started = true;
	checkout(o, s);
	if (s->shares) {
		free((char *)s->roots.build);
		s->roots.build = xstrdup(s->shares->roots.build);
		return;
	}
	vd_configure_start(o, s);
}

static bool **new_sets(const struct vd_options *o, size_t n)
{
	bool **sets = xmalloc(sizeof *sets * vd_nsets(o));
	for (size_t t = 0; t < vd_nsets(o); t++) {
		sets[t] = xmalloc(n + 1);
		memset(sets[t], 0, n + 1);
	}
	return sets;
}

/* The units of the side whose build directory S shares, made to read S's sources. */
static void shared_units(const struct vd_options *o, struct vd_side *s)
{
	const struct vd_side *from = s->shares;
	const char *a = from->roots.src, *b = s->roots.src;
	s->db.n = from->db.n;
	s->db.tus = xmalloc(sizeof *s->db.tus * (s->db.n ? s->db.n : 1));
	for (size_t i = 0; i < s->db.n; i++) {
		const struct vd_tu *t = &from->db.tus[i];
		struct vd_tu *u = &s->db.tus[i];
		memset(u, 0, sizeof *u);
		u->directory = xstrdup(t->directory);
		u->file = vd_rebase_arg(a, b, "/", t->file);
		u->output = t->output ? xstrdup(t->output) : NULL;
		for (size_t k = 0; k < t->args.n; k++)
			vd_strv_push(&u->args, vd_rebase_arg(a, b, t->directory, t->args.v[k]));
	}
	s->in_set = new_sets(o, s->db.n);
	for (size_t t = 0; t < vd_nsets(o); t++)
		memcpy(s->in_set[t], from->in_set[t], s->db.n + 1);
}

static char *prepared_stamp_text(const struct vd_options *o, const struct vd_side *s)
{
	if (!s->commit)
		return NULL;
	struct strbuf b = { 0 };
	sb_printf(&b, "%s\n%s\n", s->commit, o->configure_cmd ? o->configure_cmd : "");
	for (size_t t = 0; t < o->ntargets; t++)
		sb_printf(&b, "%s\n", o->targets[t]);
	return sb_take(&b);
}

/* A ninja build directory: the targets' units and their generated files, built (unless
 * built already for this very commit and configuration).  The stamp lives in the build
 * directory, so that configuring it afresh also forgets what was built there. */
static void ninja_units(const struct vd_options *o, struct vd_side *s, const char *compdb)
{
	char *stamp = xasprintf("%s/.vmstate-diff-prepared", s->roots.build);
	char *want = prepared_stamp_text(o, s);
	char *have = vd_read_file(stamp, NULL);
	bool prepared = want && have && strcmp(want, have) == 0;
	free(have);
	unlink(stamp);
	for (int round = 0;; round++) {
		struct vd_strv prereqs = { 0 };
		vd_ninja_plan(o, s, &s->db, s->in_set, &prereqs);
		bool changed = !prepared && vd_ninja_prepare(o, s, &prereqs);
		vd_strv_free(&prereqs);
		if (!changed) {
			if (want && !write_atomic(stamp, want, strlen(want)))
				vd_die("cannot write %s: %s", stamp, strerror(errno));
			break;
		}
		if (round == 1)
			vd_die("%s: build.ninja keeps changing", s->roots.build);
		/* Regenerated: so is the compilation database. */
		vd_compdb_read(compdb, &s->db);
		if (o->cc)
			vd_compdb_set_compiler(&s->db, o->cc);
		s->in_set = new_sets(o, s->db.n);
	}
	free(stamp);
	free(want);
}

/* The side's own units: configure, compilation database, and with ninja the targets'
 * units and generated files.  Sets S->db and S->in_set; returns the database's path. */
static char *own_units(const struct vd_options *o, struct vd_side *s)
{
	vd_configure_wait(o, s);
	vd_side_env(s);
	char *compdb = vd_join(s->roots.build, o->compdb);
	vd_make_compdb(o, s, compdb);
	if (!vd_is_file(compdb))
		vd_die("%s: no compilation database (give --configure or --compdb-cmd; see "
		       "vmstate-diff(1))", compdb);
	vd_compdb_read(compdb, &s->db);
	if (o->cc)
		vd_compdb_set_compiler(&s->db, o->cc);
	s->in_set = new_sets(o, s->db.n);
	char *bn = xasprintf("%s/build.ninja", s->roots.build);
	if (vd_is_file(bn)) {
		ninja_units(o, s, compdb);
	} else {
		if (o->ntargets)
			vd_die("--target %s needs a ninja build directory; %s has no build.ninja",
			       o->targets[0], s->roots.build);
		for (size_t i = 0; i < s->db.n; i++)
			s->in_set[0][i] = vd_tu_is_c_like(&s->db.tus[i]);
	}
	free(bn);
	return compdb;
}

/* A relative path from the absolute directory FROM to the absolute TO. */
static char *relative(const char *from, const char *to)
{
	size_t common = 0, i = 0;
	for (; from[i] && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i;
	if ((!from[i] && (to[i] == '/' || !to[i])) || (!to[i] && from[i] == '/'))
		common = i;
	struct strbuf b = { 0 };
	for (const char *p = from + common; *p; p++)
		if (*p == '/')
			sb_puts(&b, "../");
	const char *rest = to + common;
	sb_puts(&b, *rest == '/' ? rest + 1 : rest);
	if (!b.len)
		sb_puts(&b, ".");
	else if (b.data[b.len - 1] == '/')
		b.data[--b.len] = 0;
	return sb_take(&b);
}

/* TEXT with each FROM at the start of a word replaced by TO. */
static char *replace_words(const char *text, const char *from, const char *to)
{
	struct strbuf b = { 0 };
	size_t n = strlen(from);
	for (const char *p = text; *p;) {
		bool word_start = p == text || strchr(" \t\n'\"`(<", p[-1]);
		if (word_start && strncmp(p, from, n) == 0) {
			sb_puts(&b, to);
			p += n;
		} else {
			sb_add(&b, p++, 1);
		}
	}
	if (!b.data)
		sb_puts(&b, "");
	return sb_take(&b);
}

char *vd_side_user_paths(const struct vd_options *o, const struct vd_side *s, const char *dir,
			 const char *text)
{
	if (!s->roots.src)
		return xstrdup(text);
	char *abs = xasprintf("%s/", s->roots.src);
	char *mine = xasprintf("%s/", o->repo);
	char *step = replace_words(text, abs, mine);
	char *rel = relative(dir, s->roots.src);
	char *rel_slash = xasprintf("%s/", rel);
	char *out = strcmp(rel, ".") ? replace_words(step, rel_slash, mine) : xstrdup(step);
	free(rel_slash);
	free(rel);
	free(step);
	free(mine);
	free(abs);
	return out;
}

/* vmstate-extract's reports (conflicts, unknowns): the first lines, in the user's paths. */
static void show_extract_log(const struct vd_options *o, const struct vd_side *s,
			     const char *log, const char *target)
{
	size_t len;
	char *raw = vd_read_file(log, &len);
	if (!raw || !len) {
		free(raw);
		return;
	}
	char *text = vd_side_user_paths(o, s, s->roots.build, raw);
	len = strlen(text);
	enum { SHOWN = 10 };
	size_t lines = 0, cut = len;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n' && ++lines == SHOWN)
			cut = i + 1;
	if (text[len - 1] != '\n')
		lines++;
	vd_warn("%s%s%s: vmstate-extract reported:", s->label, target ? ", " : "",
		target ? target : "");
	fwrite(text, 1, cut, stderr);
	if (lines > SHOWN)
		fprintf(stderr, "(%zu more lines in %s)\n", lines - SHOWN, log);
	free(text);
	free(raw);
}

/* The extended dump's places (FILE:LINE:COL) made the user's files, so that the wire
 * report names them whatever its format.  A fragment from the cache may have been
 * compiled in either slot's worktree, run in either slot's build directory. */
static void user_paths_in_dump(const struct vd_options *o, const char *dump)
{
	static const char *const slots[] = { "src", "dest" };
	char *text = vd_read_file(dump, NULL);
	if (!text)
		vd_die("%s: %s", dump, strerror(errno));
	for (size_t w = 0; w < 2; w++) {
		for (size_t b = 0; b < 2; b++) {
			struct vd_side slot = { .role = slots[w] };
			slot.roots.src = xasprintf("%s/%s/src", o->state_dir, slots[w]);
			char *build = xasprintf("%s/%s/build", o->state_dir, slots[b]);
			char *next = vd_side_user_paths(o, &slot, build, text);
			free(text);
			text = next;
			free(build);
			free((char *)slot.roots.src);
		}
	}
	if (!write_atomic(dump, text, strlen(text)))
		vd_die("cannot write %s: %s", dump, strerror(errno));
	free(text);
}

/* The dump of set T: the fragments of its units, linked into one directory (what
 * vmstate-extract reads). */
static void extract(const struct vd_options *o, struct vd_side *s, size_t t, char **frag_of)
{
	bool one = vd_nsets(o) == 1;
	const char *target = o->ntargets ? o->targets[t] : NULL;
	char *dir = one ? xasprintf("%s/fragments", s->slot)
			: xasprintf("%s/fragments-%s", s->slot, target);
	if (vd_is_dir(dir))
		vd_remove_tree(dir);
	vd_mkdirs(dir);
	struct vd_strv frags = { 0 };
	for (size_t i = 0; i < s->db.n; i++)
		if (s->in_set[t][i] && frag_of[i])
			vd_strv_push(&frags, xstrdup(frag_of[i]));
	vd_strv_sort_unique(&frags);
	for (size_t i = 0; i < frags.n; i++) {
		char *name = xasprintf("%s/%06zu.vmfrag.json", dir, i);
		if (link(frags.v[i], name) != 0 && symlink(frags.v[i], name) != 0)
			vd_die("cannot link %s to %s: %s", frags.v[i], name, strerror(errno));
		free(name);
	}
	vd_strv_free(&frags);
	const char *kind = o->wire ? "extended" : "dump";
	s->dumps[t] = one ? xasprintf("%s/%s.json", s->slot, kind)
			  : xasprintf("%s/%s-%s.json", s->slot, kind, target);
	char *log = one ? xasprintf("%s/extract.log", s->slot)
			: xasprintf("%s/extract-%s.log", s->slot, target);
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, xstrdup(o->extract));
	vd_strv_push(&argv, xasprintf("--machine=%s", s->machine ? s->machine : "none"));
	if (o->wire)
		vd_strv_push(&argv, xstrdup("--extended"));
	else if (o->layout)
		vd_strv_push(&argv, xasprintf("--layout=%s", o->layout));
	vd_strv_push(&argv, xasprintf("--output=%s", s->dumps[t]));
	vd_strv_push(&argv, xstrdup(dir));
	int st = vd_run(argv.v, NULL, "/dev/null", log);
	vd_strv_free(&argv);
	if (st != 0) {
		show_extract_log(o, s, log, target);
		vd_die("vmstate-extract failed (exit status %d); its output is in %s", st, log);
	}
	show_extract_log(o, s, log, target);
	if (o->wire)
		user_paths_in_dump(o, s->dumps[t]);
	free(log);
	free(dir);
}

void vd_side_make_dump(const struct vd_options *o, struct vd_cache *c, struct vd_side *s)
{
	if (s->dump_file)
		return;
	double t0 = vd_now();
	vd_side_start(o, s);
	char *units_from;  /* for messages */
	if (s->shares) {
		if (!s->shares->in_set)
			vd_die("%s: the build directory of %s is not ready", s->label,
			       s->shares->label);
		vd_side_env(s);
		shared_units(o, s);
		units_from = xstrdup(s->label);
	} else {
		units_from = own_units(o, s);
	}
	/* Every unit of any target, compiled once. */
	s->selected = xmalloc(s->db.n + 1);
	for (size_t i = 0; i <= s->db.n; i++) {
		s->selected[i] = false;
		for (size_t t = 0; t < vd_nsets(o); t++)
			s->selected[i] = s->selected[i] || s->in_set[t][i];
	}

	double t_lookup = vd_now();
	if (vd_verbose)
		vd_note("%s: checkout, configure and build plan: %.1f s", s->role, t_lookup - t0);
	char **frag_of = xmalloc(sizeof *frag_of * (s->db.n + 1));
	memset(frag_of, 0, sizeof *frag_of * (s->db.n + 1));
	vd_compile_units(o, c, s, &s->db, s->selected, frag_of);
	double t_extract = vd_now();
	if (s->units == 0)
		vd_die("%s: no C unit to compile", units_from);
	vd_progress_phase(s->role, "extract", vd_nsets(o));
	s->dumps = xmalloc(sizeof *s->dumps * vd_nsets(o));
	for (size_t t = 0; t < vd_nsets(o); t++) {
		extract(o, s, t, frag_of);
		vd_progress_step();
	}
	s->dump = s->dumps[0];
	for (size_t i = 0; i < s->db.n; i++)
		free(frag_of[i]);
	free(frag_of);
	free(units_from);
	if (vd_verbose)
		vd_note("%s: %s: %zu units, %zu compiled, dump %s (%.1f s: cache and compile %.1f s, "
			"extract %.1f s)", s->role, s->label, s->units, s->compiled, s->dump,
			vd_now() - t0, t_extract - t_lookup, vd_now() - t_extract);
}
