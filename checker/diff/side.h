/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One side of a comparison: a git revision (checked out in a cached worktree with its own
 * build directory), the working tree, or a dump file; and how its static dumps (one per
 * target) are made.  The steps live in git.c, configure.c, ninja.c and compile.c; this
 * file puts them in order. */
#ifndef VD_SIDE_H
#define VD_SIDE_H

#include "cache.h"

struct vd_options {
	const char *repo;          /* top level of the git work tree */
	const char *state_dir;     /* per-repository state: worktrees, build dirs, dumps */
	const char *plugin, *extract;
	const char *configure_cmd; /* run once per build directory (and when it changes) */
	const char *compdb_cmd;    /* run on every use, writes $VMSTATE_COMPDB */
	const char *compdb;        /* the compilation database, relative to the build dir */
	const char *const *targets; /* ninja targets whose linked units are compiled */
	size_t ntargets;           /* 0: every unit of the compilation database */
	const char *layout;        /* passed to vmstate-extract --layout */
	const char *pch;           /* header to precompile for the units (--pch), or NULL */
	const char *cc;            /* --cc: the compiler for every unit, or NULL */
	bool share_build;          /* let the second side use the first's build directory */
	bool wire;                 /* make extended dumps (the wire model), not -dump-vmstate's */
	unsigned jobs;
};

/* The dumps a side makes: one per target, or one when no target is given. */
static inline size_t vd_nsets(const struct vd_options *o)
{
	return o->ntargets ? o->ntargets : 1;
}

struct vd_side {
	const char *role;      /* "src" or "dest": the slot of its worktree */
	const char *rev;       /* git revision; NULL for the working tree or a dump */
	const char *dump_file; /* a dump given as is */
	const char *machine;
	char *commit;          /* resolved revision */
	char *label;           /* for messages: "v1 (1a2b3c4d5e6f)" or "working tree" */
	struct vd_roots roots;
	char *slot;            /* state directory of this side */
	char **dumps;          /* per target: the dump to check (extended in the wire mode,
				* with the user's paths) */
	char *dump;            /* dumps[0] */
	size_t units, compiled;
	bool started;
	int configure_pid;     /* a configure command running in the background */
	char *configure_log;
	struct vd_side *shares; /* the side whose build directory this one uses, or NULL */
	struct vd_compdb db;    /* after vd_side_make_dump: the units, */
	bool **in_set;          /* those of each target, */
	bool *selected;         /* and those that were compiled (any target's) */
};

/* Resolves the side's revision and names it (the working tree: recorded as a commit,
 * untracked source files named in a warning); dies on an unknown revision. */
void vd_side_resolve(const struct vd_options *o, struct vd_side *s);
/* Lets DEST use SRC's build directory (configure, generated files, compilation database)
 * when the two revisions differ in C sources and headers only: configure and the
 * generators read neither, so SRC's generated files are DEST's.  Call before starting
 * either side; returns whether DEST shares. */
bool vd_side_share_build(const struct vd_options *o, struct vd_side *src, struct vd_side *dest);
/* Checks out the side and starts its configure command in the background. */
void vd_side_start(const struct vd_options *o, struct vd_side *s);
/* Checks out and configures (unless started), compiles what is missing from the cache,
 * extracts one dump per target. */
void vd_side_make_dump(const struct vd_options *o, struct vd_cache *c, struct vd_side *s);
/* TEXT (compiler or extractor messages about units run in DIR) with the side's worktree
 * paths, absolute or relative to DIR, made the user's: the same file under REPO. */
char *vd_side_user_paths(const struct vd_options *o, const struct vd_side *s, const char *dir,
			 const char *text);

#endif
