/* SPDX-License-Identifier: GPL-2.0-or-later */
/* git for vmstate-diff: revisions, the working tree as a commit, the sides' worktrees
 * and what a worktree needs from the user's tree (fetched subprojects, submodules).
 * Every git failure is reported with git's own message. */
#ifndef VD_GIT_H
#define VD_GIT_H

#include "util.h"

/* git -C DIR ARGS...: the first line of its output; dies "WHAT: <git's message>" when
 * it fails. */
char *vd_git_line(const char *dir, char *const args[], const char *what);

/* The same, its whole output. */
char *vd_git_lines(const char *dir, char *const args[], const char *what);

/* The commit REV names in REPO, or NULL when it names none. */
char *vd_git_resolve(const char *repo, const char *rev);

/* The working tree of REPO as a commit object whose parent is HEAD: what `git add -A`
 * would commit (tracked files as they are, intent-to-add and untracked files that
 * .gitignore does not exclude), made with a temporary index in TMP_DIR, so that the
 * user's index, working tree and stash are left alone; LEAVE_OUT (a path relative to
 * REPO), when untracked, is not taken in.  UNTRACKED gets the untracked files it took in
 * (relative to REPO). */
char *vd_git_snapshot(const char *repo, const char *tmp_dir, const char *leave_out,
		      struct vd_strv *untracked);

/* Checks out COMMIT in DIR, a worktree of REPO (made the first time); git's output goes
 * to LOG.  Returns true when the worktree was made or moved. */
bool vd_git_checkout(const char *repo, const char *dir, const char *commit, const char *log);

/* Gives the worktree DIR what it needs from the user's tree REPO without downloading
 * anything: the subprojects meson fetched there (untracked directories in
 * subprojects/, copied with hard links) and the submodules REPO has checked out (local
 * clones sharing REPO's objects, at the commit DIR's revision records). */
void vd_git_borrow_dependencies(const char *repo, const char *dir, const char *log);

/* Whether revisions A and B of REPO differ in .c and .h files only. */
bool vd_git_differ_in_c_only(const char *repo, const char *a, const char *b);

#endif
