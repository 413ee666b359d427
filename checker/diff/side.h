/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One side of a comparison: a git revision (checked out in a cached worktree with its own
 * build directory), the working tree, or a dump file; and how its static dump is made. */
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
	const char *target;        /* ninja target whose linked units are compiled */
	const char *layout;        /* passed to vmstate-extract --layout */
	const char *pch;           /* header to precompile for the units (--pch), or NULL */
	bool share_build;          /* let the second side use the first's build directory */
	unsigned jobs;
	bool keep_logs;
};

struct vd_side {
	const char *role;      /* "src" or "dest": the slot of its worktree */
	const char *rev;       /* git revision; NULL for the working tree or a dump */
	const char *dump_file; /* a dump given as is */
	const char *machine;
	char *commit;          /* resolved revision */
	char *label;           /* for messages: "v1 (1a2b3c4d5e6f)" or "working tree" */
	struct vd_roots roots;
	char *slot;            /* state directory of this side */
	char *dump;            /* the dump to check */
	size_t units, compiled;
	bool started;
	int configure_pid;     /* a configure command running in the background */
	char *configure_log;
	struct vd_side *shares; /* the side whose build directory this one uses, or NULL */
	struct vd_compdb db;    /* after vd_side_make_dump: the units, */
	bool *selected;         /* and those that were compiled */
};

/* Resolves the side's revision and names it; dies on an unknown revision. */
void vd_side_resolve(const struct vd_options *o, struct vd_side *s);
/* Lets DEST use SRC's build directory (configure, generated files, compilation database)
 * when the two revisions differ in C sources and headers only: configure and the
 * generators read neither, so SRC's generated files are DEST's.  Call before starting
 * either side; returns whether DEST shares. */
bool vd_side_share_build(const struct vd_options *o, struct vd_side *src, struct vd_side *dest);
/* Checks out the side and starts its configure command in the background. */
void vd_side_start(const struct vd_options *o, struct vd_side *s);
/* Checks out and configures (unless started), compiles what is missing from the cache,
 * extracts. */
void vd_side_make_dump(const struct vd_options *o, struct vd_cache *c, struct vd_side *s);

#endif
