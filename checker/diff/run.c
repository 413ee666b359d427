/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "run.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void redirect(const char *path, int fd)
{
	int f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f < 0) {
		fprintf(stderr, "%s: error: cannot open %s: %s\n", vd_progname, path, strerror(errno));
		_exit(127);
	}
	dup2(f, fd);
	close(f);
}

/* In the child: chdir, redirect, exec; never returns. */
static _Noreturn void child(char *const argv[], const char *cwd, const char *out, const char *err,
			    int out_fd)
{
	if (cwd && chdir(cwd) != 0) {
		fprintf(stderr, "%s: error: cannot enter %s: %s\n", vd_progname, cwd, strerror(errno));
		_exit(127);
	}
	/* Nothing we run reads our input (a "cc -E -" probe in a configure script would). */
	int null_fd = open("/dev/null", O_RDONLY);
	if (null_fd >= 0) {
		dup2(null_fd, 0);
		if (null_fd != 0)
			close(null_fd);
	}
	if (out_fd >= 0) {
		dup2(out_fd, 1);
		close(out_fd);
	} else if (out) {
		redirect(out, 1);
	}
	if (err && out && strcmp(err, out) == 0)
		dup2(1, 2);
	else if (err)
		redirect(err, 2);
	execvp(argv[0], argv);
	fprintf(stderr, "%s: error: cannot run %s: %s\n", vd_progname, argv[0], strerror(errno));
	_exit(127);
}

static int decode(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	/* Above any exit status: a checker's count of problems can be 129. */
	if (WIFSIGNALED(st))
		return 256 + WTERMSIG(st);
	return 511;
}

/* Children that vd_run_jobs() reaped but did not start (a background configure): their
 * statuses, for vd_wait_pid(). */
static struct {
	pid_t pid;
	int status;
} reaped[16];
static unsigned nreaped;

static int wait_for(pid_t pid)
{
	for (unsigned i = 0; i < nreaped; i++) {
		if (reaped[i].pid == pid) {
			int status = reaped[i].status;
			reaped[i] = reaped[--nreaped];
			return status;
		}
	}
	int st;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			vd_die("waitpid: %s", strerror(errno));
	}
	return decode(st);
}

int vd_wait_pid(int pid)
{
	return wait_for((pid_t)pid);
}

static void trace(char *const argv[], const char *cwd)
{
	if (vd_verbose < 2)
		return;
	fprintf(stderr, "%s: run%s%s:", vd_progname, cwd ? " in " : "", cwd ? cwd : "");
	for (size_t i = 0; argv[i]; i++)
		fprintf(stderr, " %s", argv[i]);
	fputc('\n', stderr);
}

int vd_run(char *const argv[], const char *cwd, const char *out_path, const char *err_path)
{
	trace(argv, cwd);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		vd_die("fork: %s", strerror(errno));
	if (pid == 0)
		child(argv, cwd, out_path, err_path, -1);
	return wait_for(pid);
}

char *vd_run_capture(char *const argv[], const char *cwd, const char *err_path, int *status,
		     size_t *lenp)
{
	trace(argv, cwd);
	int p[2];
	if (pipe(p) != 0)
		vd_die("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		vd_die("fork: %s", strerror(errno));
	if (pid == 0) {
		close(p[0]);
		child(argv, cwd, NULL, err_path, p[1]);
	}
	close(p[1]);
	struct vd_str b = { 0 };
	char chunk[65536];
	for (;;) {
		ssize_t n = read(p[0], chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		vd_str_add(&b, chunk, (size_t)n);
	}
	close(p[0]);
	*status = wait_for(pid);
	if (lenp)
		*lenp = b.len;
	return vd_str_take(&b);
}

int vd_run_shell(const char *cmd, const char *cwd, const char *log)
{
	char *argv[] = { "/bin/sh", "-c", (char *)cmd, NULL };
	return vd_run(argv, cwd, log, log);
}

size_t vd_run_jobs(struct vd_job *jobs, size_t n, unsigned parallel, bool keep_going)
{
	pid_t *pids = vd_xmalloc(sizeof *pids * (parallel ? parallel : 1));
	size_t *slot_job = vd_xmalloc(sizeof *slot_job * (parallel ? parallel : 1));
	unsigned running = 0;
	size_t next = 0, failed = 0;
	if (!parallel)
		parallel = 1;
	for (size_t i = 0; i < n; i++)
		jobs[i].status = -1;
	fflush(stdout);
	fflush(stderr);
	while (running || (next < n && (keep_going || !failed))) {
		while (running < parallel && next < n && (keep_going || !failed)) {
			struct vd_job *j = &jobs[next];
			trace(j->argv, j->cwd);
			pid_t pid = fork();
			if (pid < 0)
				vd_die("fork: %s", strerror(errno));
			if (pid == 0)
				child(j->argv, j->cwd, j->log, j->log, -1);
			pids[running] = pid;
			slot_job[running] = next++;
			running++;
		}
		int st;
		pid_t pid = wait(&st);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			vd_die("wait: %s", strerror(errno));
		}
		bool ours = false;
		for (unsigned s = 0; s < running; s++)
			ours = ours || pids[s] == pid;
		if (!ours) {
			if (nreaped == sizeof reaped / sizeof reaped[0])
				vd_die("too many background processes");
			reaped[nreaped].pid = pid;
			reaped[nreaped++].status = decode(st);
			continue;
		}
		for (unsigned s = 0; s < running; s++) {
			if (pids[s] != pid)
				continue;
			struct vd_job *j = &jobs[slot_job[s]];
			j->status = decode(st);
			if (j->status != 0)
				failed++;
			pids[s] = pids[running - 1];
			slot_job[s] = slot_job[running - 1];
			running--;
			break;
		}
	}
	free(pids);
	free(slot_job);
	return failed;
}
