/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "git.h"
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* git -C DIR ARGS...: its whole output; dies with git's message when it fails. */
static char *git_capture(const char *dir, char *const args[], const char *what, size_t *len)
{
	struct vd_strv argv = { 0 };
	vd_strv_push(&argv, xstrdup("git"));
	vd_strv_push(&argv, xstrdup("-C"));
	vd_strv_push(&argv, xstrdup(dir));
	for (size_t i = 0; args[i]; i++)
		vd_strv_push(&argv, xstrdup(args[i]));
	int st;
	char *err = NULL;
	char *out = vd_run_capture_err(argv.v, NULL, &st, len, &err);
	vd_strv_free(&argv);
	if (st != 0) {
		size_t n = strlen(err);
		while (n && (err[n - 1] == '\n' || err[n - 1] == '\r'))
			err[--n] = 0;
		vd_die("%s: git %s failed (exit status %d)%s%s", what, args[0], st,
		       n ? ": " : "", err);
	}
	free(err);
	return out;
}

char *vd_git_line(const char *dir, char *const args[], const char *what)
{
	char *out = git_capture(dir, args, what, NULL);
	out[strcspn(out, "\n")] = 0;
	return out;
}

char *vd_git_lines(const char *dir, char *const args[], const char *what)
{
	return git_capture(dir, args, what, NULL);
}

char *vd_git_resolve(const char *repo, const char *rev)
{
	char *spec = xasprintf("%s^{commit}", rev);
	char *argv[] = { "git", "-C", (char *)repo, "rev-parse", "--verify", "--quiet", spec, NULL };
	int st;
	char *out = vd_run_capture(argv, NULL, "/dev/null", &st, NULL);
	free(spec);
	out[strcspn(out, "\n")] = 0;
	if (st != 0 || !out[0]) {
		free(out);
		return NULL;
	}
	return out;
}

static void set_env(const char *name, const char *value)
{
	if (setenv(name, value, 1) != 0)
		vd_die("setenv %s: %s", name, strerror(errno));
}

char *vd_git_snapshot(const char *repo, const char *tmp_dir, const char *leave_out,
		      struct vd_strv *untracked)
{
	char *head = vd_git_resolve(repo, "HEAD");
	if (!head)
		vd_die("%s: the repository has no commit yet", repo);
	const char *what = "the working tree";
	size_t len;
	char *ls[] = { "ls-files", "-z", "--others", "--exclude-standard", NULL };
	char *others = git_capture(repo, ls, what, &len);
	for (size_t i = 0; i < len; i += strlen(others + i) + 1)
		vd_strv_push(untracked, xstrdup(others + i));
	free(others);

	/* A copy of the user's index (its stat data makes `git add -A` fast). */
	char *index_arg[] = { "rev-parse", "--git-path", "index", NULL };
	char *rel = vd_git_line(repo, index_arg, what);
	char *index = vd_join(repo, rel);
	char *tmp_index = xasprintf("%s/index.%ld", tmp_dir, (long)getpid());
	if (vd_is_file(index))
		vd_copy_file(index, tmp_index);
	set_env("GIT_INDEX_FILE", tmp_index);
	char *add[] = { "add", "-A", NULL };
	free(git_capture(repo, add, what, NULL));
	/* vmstate-diff's own untracked config is no source of the build. */
	for (size_t i = 0; i < untracked->n; i++) {
		if (strcmp(untracked->v[i], leave_out) != 0)
			continue;
		char *rm[] = { "rm", "-q", "--cached", "--", (char *)leave_out, NULL };
		free(git_capture(repo, rm, what, NULL));
		free(untracked->v[i]);
		untracked->v[i] = untracked->v[--untracked->n];
		untracked->v[untracked->n] = NULL;
		break;
	}
	char *write[] = { "write-tree", NULL };
	char *tree = vd_git_line(repo, write, what);
	unsetenv("GIT_INDEX_FILE");
	unlink(tmp_index);

	char *head_tree_arg[] = { "rev-parse", "HEAD^{tree}", NULL };
	char *head_tree = vd_git_line(repo, head_tree_arg, what);
	char *commit;
	if (strcmp(tree, head_tree) == 0) {
		commit = xstrdup(head);
	} else {
		/* A fixed author and date: the same working tree gives the same commit, so a
		 * rerun finds its worktree and generated files ready. */
		set_env("GIT_AUTHOR_NAME", "vmstate-diff");
		set_env("GIT_AUTHOR_EMAIL", "vmstate-diff@localhost");
		set_env("GIT_AUTHOR_DATE", "@0 +0000");
		set_env("GIT_COMMITTER_NAME", "vmstate-diff");
		set_env("GIT_COMMITTER_EMAIL", "vmstate-diff@localhost");
		set_env("GIT_COMMITTER_DATE", "@0 +0000");
		char *ct[] = { "commit-tree", tree, "-p", head, "-m", "vmstate-diff: the working tree",
			       NULL };
		commit = vd_git_line(repo, ct, what);
	}
	free(head_tree);
	free(tree);
	free(tmp_index);
	free(index);
	free(rel);
	free(head);
	return commit;
}

bool vd_git_checkout(const char *repo, const char *dir, const char *commit, const char *log)
{
	char *head = NULL;
	if (vd_is_dir(dir)) {
		char *argv[] = { "git", "-C", (char *)dir, "rev-parse", "HEAD", NULL };
		int st;
		head = vd_run_capture(argv, NULL, "/dev/null", &st, NULL);
		head[strcspn(head, "\n")] = 0;
		if (st != 0 || !head[0]) {
			free(head);
			head = NULL;
		}
	}
	bool moved = true;
	int st;
	if (!head) {
		/* A worktree of this repository, made once and reused. */
		if (vd_is_dir(dir))
			vd_remove_tree(dir);
		char *prune[] = { "git", "-C", (char *)repo, "worktree", "prune", NULL };
		vd_run(prune, NULL, log, log);
		char *add[] = { "git", "-C", (char *)repo, "worktree", "add", "--detach", "-f",
				(char *)dir, (char *)commit, NULL };
		if ((st = vd_run(add, NULL, log, log)) != 0)
			vd_die_with_log(log, "git worktree add", st);
	} else if (strcmp(head, commit) != 0) {
		char *co[] = { "git", "-C", (char *)dir, "checkout", "-q", "--detach", "-f",
			       (char *)commit, NULL };
		if ((st = vd_run(co, NULL, log, log)) != 0)
			vd_die_with_log(log, "git checkout", st);
	} else {
		moved = false;
	}
	free(head);
	return moved;
}

/* The identity of a fetched subproject: its directory's and its git HEAD's times. */
static char *subproject_stamp(const char *path)
{
	struct stat st;
	char *head = xasprintf("%s/.git/HEAD", path);
	long long h = 0, hn = 0;
	if (stat(head, &st) == 0) {
		h = (long long)st.st_mtim.tv_sec;
		hn = st.st_mtim.tv_nsec;
	}
	free(head);
	if (stat(path, &st) != 0)
		return xstrdup("");
	return xasprintf("%lld.%09ld %lld.%09lld\n", (long long)st.st_mtim.tv_sec,
			 st.st_mtim.tv_nsec, h, hn);
}

static bool tracked_under(const char *dir, const char *path)
{
	char *ls[] = { "ls-files", "-z", "--", (char *)path, NULL };
	size_t len;
	char *out = git_capture(dir, ls, dir, &len);
	free(out);
	return len > 0;
}

static void borrow_subprojects(const char *repo, const char *dir, const char *log)
{
	/* A revision without subprojects/ has no use for them. */
	char *to_root = xasprintf("%s/subprojects", dir);
	bool wanted = vd_is_dir(to_root);
	free(to_root);
	char *from_root = xasprintf("%s/subprojects", repo);
	DIR *d = wanted ? opendir(from_root) : NULL;
	if (!d) {
		free(from_root);
		return;
	}
	for (struct dirent *e; (e = readdir(d));) {
		/* meson's download cache is not needed once a subproject is unpacked. */
		if (e->d_name[0] == '.' || strcmp(e->d_name, "packagecache") == 0)
			continue;
		char *rel = xasprintf("subprojects/%s", e->d_name);
		char *from = xasprintf("%s/%s", repo, rel);
		char *to = xasprintf("%s/%s", dir, rel);
		if (vd_is_dir(from) && !tracked_under(repo, rel) && !tracked_under(dir, rel)) {
			char *stamp_path = xasprintf("%s/subprojects/.vmstate-diff-%s", dir, e->d_name);
			char *want = subproject_stamp(from);
			char *have = vd_read_file(stamp_path, NULL);
			if (!have || strcmp(have, want) != 0 || !vd_is_dir(to)) {
				if (vd_is_dir(to))
					vd_remove_tree(to);
				char *link[] = { "cp", "-R", "-l", from, to, NULL };
				char *copy[] = { "cp", "-R", "-p", from, to, NULL };
				int st = vd_run(link, NULL, log, log);
				if (st != 0) {
					vd_remove_tree(to);
					if ((st = vd_run(copy, NULL, log, log)) != 0)
						vd_die_with_log(log, "copying a subproject", st);
				}
				if (!write_atomic(stamp_path, want, strlen(want)))
					vd_die("cannot write %s: %s", stamp_path, strerror(errno));
				if (vd_verbose)
					vd_note("%s: subproject from %s", to, from);
			}
			free(have);
			free(want);
			free(stamp_path);
		}
		free(to);
		free(from);
		free(rel);
	}
	closedir(d);
	free(from_root);
}

/* Submodules: a local clone of the user's checked-out submodule (objects shared, never
 * a download), at the commit the worktree's revision records. */
static void borrow_submodules(const char *repo, const char *dir, const char *log)
{
	char *ls[] = { "ls-files", "-z", "-s", NULL };
	size_t len;
	char *out = git_capture(dir, ls, dir, &len);
	for (size_t i = 0; i < len; i += strlen(out + i) + 1) {
		char *entry = out + i;
		if (strncmp(entry, "160000 ", 7) != 0)
			continue;
		char sha[41];
		memcpy(sha, entry + 7, 40);
		sha[40] = 0;
		const char *path = strchr(entry, '\t');
		if (!path)
			continue;
		path++;
		char *from = xasprintf("%s/%s", repo, path);
		char *from_git = xasprintf("%s/.git", from);
		char *to = xasprintf("%s/%s", dir, path);
		char *to_git = xasprintf("%s/.git", to);
		if (access(from_git, F_OK) == 0) {
			int st = 0;
			if (access(to_git, F_OK) != 0) {
				if (vd_is_dir(to))
					vd_remove_tree(to);
				char *clone[] = { "git", "clone", "-q", "--shared", "--no-checkout", from,
						  to, NULL };
				if ((st = vd_run(clone, NULL, log, log)) != 0)
					vd_die_with_log(log, "git clone of a submodule", st);
			}
			char *head_arg[] = { "git", "-C", to, "rev-parse", "HEAD", NULL };
			char *head = vd_run_capture(head_arg, NULL, "/dev/null", &st, NULL);
			char *marker = xasprintf("%s/.vmstate-diff-checked-out", to_git);
			if (strncmp(head, sha, 40) != 0 || access(marker, F_OK) != 0) {
				char *co[] = { "git", "-C", to, "checkout", "-q", "--detach", "-f", sha,
					       NULL };
				if (vd_run(co, NULL, log, log) != 0)
					vd_warn("submodule %s: commit %.12s is not in %s; left out (fetch "
						"it there)", path, sha, from);
				else if (!write_atomic(marker, "", 0))
					vd_die("cannot write %s: %s", marker, strerror(errno));
			}
			free(marker);
			free(head);
		}
		free(to_git);
		free(to);
		free(from_git);
		free(from);
	}
	free(out);
}

void vd_git_borrow_dependencies(const char *repo, const char *dir, const char *log)
{
	borrow_subprojects(repo, dir, log);
	borrow_submodules(repo, dir, log);
}

static bool is_c_source_or_header(const char *path)
{
	size_t n = strlen(path);
	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

bool vd_git_differ_in_c_only(const char *repo, const char *a, const char *b)
{
	char *argv[] = { "diff", "--name-only", "--no-renames", "-z", (char *)a, (char *)b, NULL };
	size_t len;
	char *out = git_capture(repo, argv, repo, &len);
	bool only = true;
	for (size_t i = 0; only && i < len; i += strlen(out + i) + 1)
		only = is_c_source_or_header(out + i);
	free(out);
	return only;
}
