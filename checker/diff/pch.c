/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "pch.h"
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A unit's options as one string (with its directory: relative paths depend on it). */
static char *options_key(const struct vd_tu *tu)
{
	struct vd_strv opts = { 0 };
	vd_pch_options(tu, &opts);
	struct strbuf k = { 0 };
	sb_puts(&k, tu->directory);
	for (size_t i = 0; i < opts.n; i++) {
		sb_add(&k, "\n", 1);
		sb_puts(&k, opts.v[i]);
	}
	vd_strv_free(&opts);
	return sb_take(&k);
}

struct keyed {
	char *key;
	size_t unit;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->unit > y->unit) - (x->unit < y->unit);
}

void vd_pch_build(struct vd_pch *p, const char *header, const char *root,
		  const struct vd_tu *const *tus, size_t n, unsigned jobs)
{
	memset(p, 0, sizeof *p);
	p->root = xstrdup(root);
	p->header = xstrdup(header);
	p->group_of = xmalloc(sizeof *p->group_of * (n ? n : 1));
	struct keyed *keys = xmalloc(sizeof *keys * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		keys[i] = (struct keyed){ options_key(tus[i]), i };
		p->group_of[i] = -1;
	}
	qsort(keys, n, sizeof *keys, cmp_keyed);

	/* One group per run of equal keys of two units or more; its first unit speaks for it. */
	size_t *first = xmalloc(sizeof *first * (n ? n : 1));
	p->groups = xmalloc(sizeof *p->groups * (n ? n : 1));
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && strcmp(keys[j].key, keys[i].key) == 0)
			j++;
		if (j - i >= 2) {
			size_t g = p->ngroups++;
			first[g] = keys[i].unit;
			p->groups[g] = (struct vd_pch_group){ .units = j - i };
			for (size_t k = i; k < j; k++)
				p->group_of[keys[k].unit] = (long)g;
		}
		i = j;
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);

	struct vd_job *jobv = xmalloc(sizeof *jobv * (p->ngroups ? p->ngroups : 1));
	for (size_t g = 0; g < p->ngroups; g++) {
		struct vd_pch_group *grp = &p->groups[g];
		const struct vd_tu *tu = tus[first[g]];
		char *dir = xasprintf("%s/%zu", root, g);
		grp->include_dir = xasprintf("%s/include", dir);
		grp->wrapper = xasprintf("%s/pch.h", dir);
		char *gch = xasprintf("%s/%s.gch", grp->include_dir, header);
		char *gch_dir = xstrdup(gch);
		*strrchr(gch_dir, '/') = 0;
		vd_mkdirs(gch_dir);
		free(gch_dir);
		/* Beside it, a HEADER that reads the real one: GCC opens the file found
		 * with the precompiled header when the unit includes HEADER a second time. */
		char *stub = xasprintf("%s/%s", grp->include_dir, header);
		const char *next = "#include_next \"";
		char *stub_text = xasprintf("%s%s\"\n", next, header);
		if (!write_atomic(stub, stub_text, strlen(stub_text)))
			vd_die("cannot write %s: %s", stub, strerror(errno));
		free(stub_text);
		free(stub);
		/* A header that includes HEADER, found from the unit's directory as the unit
		 * finds it. */
		const char *wrapper = grp->wrapper;
		char *text = xasprintf("#include \"%s\"\n", header);
		if (!write_atomic(wrapper, text, strlen(text)))
			vd_die("cannot write %s: %s", wrapper, strerror(errno));
		/* Recorded in the header for the units' -fpch-deps. */
		char *depfile = xasprintf("%s/pch.d", dir);
		free(text);
		struct vd_strv argv = { 0 };
		vd_pch_options(tu, &argv);
		const char *tail[] = { "-w", "-x", "c-header", wrapper, "-o", gch, "-MD", "-MF",
				       depfile, "-MT", "pch" };
		for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
			vd_strv_push(&argv, xstrdup(tail[i]));
		jobv[g] = (struct vd_job){ .argv = argv.v, .cwd = tu->directory,
					   .log = xasprintf("%s/log", dir) };
		free(depfile);
		free(gch);
		free(dir);
	}
	if (p->ngroups)
		vd_run_jobs(jobv, p->ngroups, jobs, true, NULL);
	size_t built = 0;
	for (size_t g = 0; g < p->ngroups; g++) {
		p->groups[g].ok = jobv[g].status == 0;
		if (p->groups[g].ok)
			built++;
		else if (vd_verbose)
			vd_note("precompiled %s for %zu units failed (log: %s); they go without",
				header, p->groups[g].units, jobv[g].log);
		for (size_t i = 0; jobv[g].argv[i]; i++)
			free(jobv[g].argv[i]);
		free(jobv[g].argv);
		free(jobv[g].log);
	}
	if (vd_verbose)
		vd_note("precompiled %s for %zu groups of units with the same options", header,
			built);
	free(jobv);
	free(first);
}

static const struct vd_pch_group *group(const struct vd_pch *p, size_t unit)
{
	if (!p->group_of || p->group_of[unit] < 0)
		return NULL;
	const struct vd_pch_group *g = &p->groups[p->group_of[unit]];
	return g->ok ? g : NULL;
}

void vd_pch_use(const struct vd_pch *p, size_t unit, struct vd_strv *argv)
{
	const struct vd_pch_group *g = group(p, unit);
	if (!g)
		return;
	/* "-iquote DIR" right after the compiler: searched before the build's own
	 * directories for #include "HEADER". */
	vd_strv_push(argv, NULL);
	vd_strv_push(argv, NULL);
	memmove(argv->v + 3, argv->v + 1, sizeof *argv->v * (argv->n - 3));
	argv->v[1] = xstrdup("-iquote");
	argv->v[2] = xstrdup(g->include_dir);
	vd_strv_push(argv, xstrdup("-fpch-deps"));
}

bool vd_pch_was_used(const struct vd_pch *p, size_t unit, const char *depfile)
{
	if (!group(p, unit))
		return false;
	char *text = vd_read_file(depfile, NULL);
	if (!text)
		return false;
	const char *wrapper = group(p, unit)->wrapper;
	size_t n = strlen(wrapper);
	bool named = false;
	for (const char *q = text; !named && (q = strstr(q, wrapper)); q += n)
		named = q[n] == 0 || q[n] == ' ' || q[n] == '\n' || q[n] == '\\';
	free(text);
	return named;
}

void vd_pch_free(struct vd_pch *p)
{
	for (size_t g = 0; g < p->ngroups; g++) {
		free(p->groups[g].include_dir);
		free(p->groups[g].wrapper);
	}
	free(p->groups);
	free(p->group_of);
	free(p->root);
	free(p->header);
	memset(p, 0, sizeof *p);
}
