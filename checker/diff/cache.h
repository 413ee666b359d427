/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fragment cache: one fragment per translation unit, found again by the content of
 * everything the unit's compilation read (its command, its source and every header), so
 * that a one-file change recompiles one file, and both revisions share what they share.
 *
 * Paths under a side's source or build root are recorded relative to that root, so that
 * the entries of one worktree serve the other and the working tree. */
#ifndef VD_CACHE_H
#define VD_CACHE_H

#include "compdb.h"
#include "sha256.h"

struct vd_roots {
	const char *src;    /* absolute source root of the side */
	const char *build;  /* absolute build root of the side */
};

struct vd_hash_memo;

struct vd_cache {
	char *dir;
	char plugin_hash[VD_HEX_LEN];
	struct vd_hash_memo *memo;   /* content hash of each file read in this run */
	unsigned long hits, misses;
	bool stat_cache_dirty;
};

/* Opens (creates) the cache in DIR for fragments made by PLUGIN. */
void vd_cache_open(struct vd_cache *c, const char *dir, const char *plugin);

/* Saves the file hashes of this run (the stat cache) for the next one. */
void vd_cache_close(struct vd_cache *c);

/* The key of TU's compilation before its headers are known: the plugin, the compiler,
 * the command with root-relative paths, and the source's content. */
void vd_cache_unit_key(struct vd_cache *c, const struct vd_tu *tu, const struct vd_roots *r,
		       char key[VD_HEX_LEN]);

/* The cached fragment of the unit with KEY whose recorded headers all still have the
 * recorded contents; NULL when there is none. */
char *vd_cache_lookup(struct vd_cache *c, const char *key, const struct vd_roots *r);

/* Records the result of a compilation: the fragment FRAGMENT (a file, moved into the
 * cache) and the dependency file DEPFILE that the compiler wrote (DIR: its directory),
 * less the files under IGNORE_UNDER (when not NULL: this run's precompiled headers).
 * Returns the fragment's path in the cache. */
char *vd_cache_store(struct vd_cache *c, const char *key, const struct vd_roots *r,
		     const char *dir, const char *fragment, const char *depfile,
		     const char *ignore_under);

/* A compile command argument of a unit run in DIR, with the source root FROM made TO
 * (an absolute path then); build-relative and other words are left as they are. */
char *vd_rebase_arg(const char *from, const char *to, const char *dir, const char *arg);

/* Content hash of a file (memoized for the run); "missing" when it cannot be read. */
/* Makes the next hashes check each file's stat data again: a worktree moved to another
 * commit in the same run (--each). */
void vd_cache_recheck(struct vd_cache *c);
const char *vd_cache_file_hash(struct vd_cache *c, const char *path);

#endif
