/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "configure.h"
#include "git.h"
#include "progress.h"
#include "run.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void set_env(const char *name, const char *value)
{
	if (setenv(name, value ? value : "", 1) != 0)
		vd_die("setenv %s: %s", name, strerror(errno));
}

/* What the user's commands are told about the side. */
void vd_side_env(const struct vd_side *s)
{
	set_env("VMSTATE_SRC", s->roots.src);
	set_env("VMSTATE_BUILD", s->roots.build);
	set_env("VMSTATE_REV", s->commit);
	set_env("VMSTATE_SIDE", s->role);
}

/* The stamp of a configured build directory: the revision it was configured for
 * ("-" for none) on the first line, then the configure command. */
static char *stamp_text(const struct vd_options *o, const struct vd_side *s)
{
	return xasprintf("%s\n%s", s->commit ? s->commit : "-",
			 o->configure_cmd ? o->configure_cmd : "");
}

static void configure_done(const struct vd_options *o, struct vd_side *s)
{
	char *want = stamp_text(o, s);
	char *stamp = xasprintf("%s/.vmstate-diff-configured", s->slot);
	if (!write_atomic(stamp, want, strlen(want)))
		vd_die("cannot write %s: %s", stamp, strerror(errno));
	free(stamp);
	free(want);
}

/* Whether a build directory configured as OLD (a stamp) serves S as it is: the same
 * command, and a revision that differs from S's in C sources and headers only.  Any
 * other change (meson.build, configure itself, a release apart) may change what is
 * built and how, and a build directory left from another revision would plan with
 * its targets. */
static bool still_configured(const struct vd_options *o, const struct vd_side *s,
			     const char *old)
{
	const char *nl = old ? strchr(old, '\n') : NULL;
	if (!nl || strcmp(nl + 1, o->configure_cmd ? o->configure_cmd : "") != 0)
		return false;
	size_t n = (size_t)(nl - old);
	const char *was = n == 1 && old[0] == '-' ? NULL : old;
	if (!was || !s->commit)
		return !was && !s->commit;
	char *commit = xstrndup(was, n);
	char *known = strcmp(commit, s->commit) == 0 ? NULL : vd_git_resolve(o->repo, commit);
	/* A revision git no longer has (a working tree's snapshot, collected) is another. */
	bool same = strcmp(commit, s->commit) == 0 ||
		    (known && vd_git_differ_in_c_only(o->repo, known, s->commit));
	free(known);
	free(commit);
	return same;
}

/* The build directory belongs to one configure command (or to none) and to revisions
 * that differ from the one it was configured for in C sources and headers only: any
 * other starts it afresh.  The command runs in the background (both sides configure at
 * once); configure_wait() collects it. */
void vd_configure_start(const struct vd_options *o, struct vd_side *s)
{
	char *stamp = xasprintf("%s/.vmstate-diff-configured", s->slot);
	char *old = vd_read_file(stamp, NULL);
	bool fresh = still_configured(o, s, old);
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
	s->configure_log = xasprintf("%s/configure.log", s->slot);
	vd_note("%s: configuring %s (log: %s)", s->role, s->roots.build, s->configure_log);
	vd_progress_phase(s->role, "configure", 0);
	pid_t pid = vd_fork();
	if (pid == 0) {
		/* Its own process group, so that a failing run can stop all of it. */
		setpgid(0, 0);
		vd_cleanup_reset();
		vd_side_env(s);
		int st = vd_run_shell(o->configure_cmd, s->roots.build, s->configure_log);
		_exit(st > 255 ? 255 : st);
	}
	setpgid(pid, pid);
	s->configure_pid = pid;
	vd_cleanup_group(pid, true);
}

void vd_configure_wait(const struct vd_options *o, struct vd_side *s)
{
	if (!s->configure_pid)
		return;
	int status = vd_wait_pid(s->configure_pid);
	vd_cleanup_group(s->configure_pid, false);
	s->configure_pid = 0;
	if (status != 0)
		vd_die_with_log(s->configure_log, "the configure command", status);
	configure_done(o, s);
}

void vd_make_compdb(const struct vd_options *o, struct vd_side *s, const char *compdb)
{
	if (!o->compdb_cmd)
		return;
	set_env("VMSTATE_COMPDB", compdb);
	char *log = xasprintf("%s/compdb.log", s->slot);
	vd_side_env(s);
	int st = vd_run_shell(o->compdb_cmd, s->roots.src, log);
	if (st != 0)
		vd_die_with_log(log, "the compile-commands command", st);
	free(log);
}
