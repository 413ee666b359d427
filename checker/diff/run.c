/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "run.h"
#include "../common/diag.h"
#include "progress.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void redirect(const char *path, int fd)
{
	int f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f < 0) {
		diag_error(path, "cannot open: %s", strerror(errno));
		_exit(127);
	}
	dup2(f, fd);
	close(f);
}

/* In the child: chdir, redirect, exec; never returns. */
static _Noreturn void child(char *const argv[], const char *cwd, const char *out, const char *err,
			    int out_fd, int err_fd)
{
	if (cwd && chdir(cwd) != 0) {
		diag_error(cwd, "cannot enter: %s", strerror(errno));
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
	if (err_fd >= 0) {
		dup2(err_fd, 2);
		close(err_fd);
	} else if (err && out && strcmp(err, out) == 0)
		dup2(1, 2);
	else if (err)
		redirect(err, 2);
	execvp(argv[0], argv);
	diag_error(NULL, "cannot run %s: %s", argv[0], strerror(errno));
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

pid_t vd_fork(void)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		vd_die("fork: %s", strerror(errno));
	return pid;
}

/* Children that vd_run_jobs() reaped but did not start (a background configure): their
 * statuses, for vd_wait_pid(). */
static struct {
	pid_t pid;
	int status;
} reaped[16];
static unsigned nreaped;

/* ---- What an interrupted run must not leave behind: the temporary directory of the
 * compilations, the compilers, and the configure commands (in their own process groups,
 * which a terminal's ^C does not reach). */
static char cleanup_dir[4096];
static volatile pid_t groups[4];
static volatile pid_t job_pids[64];

static void stop_children(void)
{
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (groups[i] > 0)
			kill(-groups[i], SIGTERM);
	for (size_t i = 0; i < sizeof job_pids / sizeof job_pids[0]; i++)
		if (job_pids[i] > 0) {
			kill(job_pids[i], SIGTERM);
			waitpid(job_pids[i], NULL, 0);
		}
}

/* Only async-signal-safe calls: the directory goes with a forked rm. */
static void on_signal(int sig)
{
	stop_children();
	if (cleanup_dir[0]) {
		pid_t pid = fork();
		if (pid == 0) {
			execl("/bin/rm", "rm", "-rf", "--", cleanup_dir, (char *)NULL);
			_exit(127);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void vd_cleanup_reset(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	cleanup_dir[0] = 0;
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		groups[i] = 0;
}

static void at_exit(void)
{
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (groups[i] > 0)
			kill(-groups[i], SIGTERM);
}

void vd_cleanup_init(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], on_signal);
	atexit(at_exit);
}

void vd_cleanup_dir(const char *dir)
{
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	if (!dir)
		cleanup_dir[0] = 0;
	else if (strlen(dir) < sizeof cleanup_dir)
		strcpy(cleanup_dir, dir);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void vd_cleanup_group(int pgid, bool add)
{
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		if (add && groups[i] <= 0) {
			groups[i] = pgid;
			return;
		}
		if (!add && groups[i] == pgid)
			groups[i] = 0;
	}
	if (add)
		vd_die("too many background commands");
}

static void track_job(pid_t pid, pid_t replace)
{
	for (size_t i = 0; i < sizeof job_pids / sizeof job_pids[0]; i++)
		if (job_pids[i] == replace) {
			job_pids[i] = pid;
			return;
		}
}

static int wait_for(pid_t pid)
{
	for (unsigned i = 0; i < nreaped; i++) {
		if (reaped[i].pid == pid) {
			int status = reaped[i].status;
			reaped[i] = reaped[--nreaped];
			return status;
		}
	}
	/* Polled, so that the progress line's time moves during a long command. */
	int st;
	long delay_us = 1000;
	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR)
			vd_die("waitpid: %s", strerror(errno));
		vd_progress_tick();
		struct timespec ts = { 0, delay_us * 1000 };
		nanosleep(&ts, NULL);
		if (delay_us < 100000)
			delay_us *= 2;
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
	fprintf(stderr, "%s: run%s%s:", diag_program(), cwd ? " in " : "", cwd ? cwd : "");
	for (size_t i = 0; argv[i]; i++)
		fprintf(stderr, " %s", argv[i]);
	fputc('\n', stderr);
}

int vd_run(char *const argv[], const char *cwd, const char *out_path, const char *err_path)
{
	trace(argv, cwd);
	pid_t pid = vd_fork();
	if (pid == 0)
		child(argv, cwd, out_path, err_path, -1, -1);
	return wait_for(pid);
}

static char *read_all(int fd, size_t *lenp)
{
	struct strbuf b = { 0 };
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_add(&b, chunk, (size_t)n);
	}
	if (lenp)
		*lenp = b.len;
	return sb_take(&b);
}

/* Standard error goes to ERR_PATH, or into *ERR_TEXT when that is not NULL (an unnamed
 * temporary file: no deadlock between two pipes), else to ours. */
static char *capture(char *const argv[], const char *cwd, const char *err_path, int *status,
		     size_t *lenp, char **err_text)
{
	trace(argv, cwd);
	int p[2];
	if (pipe(p) != 0)
		vd_die("pipe: %s", strerror(errno));
	FILE *err_file = NULL;
	if (err_text && !(err_file = tmpfile()))
		vd_die("cannot make a temporary file: %s", strerror(errno));
	pid_t pid = vd_fork();
	if (pid == 0) {
		close(p[0]);
		child(argv, cwd, NULL, err_path, p[1], err_file ? dup(fileno(err_file)) : -1);
	}
	close(p[1]);
	char *out = read_all(p[0], lenp);
	close(p[0]);
	*status = wait_for(pid);
	if (err_file) {
		lseek(fileno(err_file), 0, SEEK_SET);
		*err_text = read_all(fileno(err_file), NULL);
		fclose(err_file);
	}
	return out;
}

char *vd_run_capture(char *const argv[], const char *cwd, const char *err_path, int *status,
		     size_t *lenp)
{
	return capture(argv, cwd, err_path, status, lenp, NULL);
}

char *vd_run_capture_err(char *const argv[], const char *cwd, int *status, size_t *lenp,
			 char **err_text)
{
	return capture(argv, cwd, NULL, status, lenp, err_text);
}

void vd_die_with_log(const char *log, const char *what, int status)
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

int vd_run_shell(const char *cmd, const char *cwd, const char *log)
{
	char *argv[] = { "/bin/sh", "-c", (char *)cmd, NULL };
	return vd_run(argv, cwd, log, log);
}

size_t vd_run_jobs(struct vd_job *jobs, size_t n, unsigned parallel, bool keep_going,
		   void (*on_end)(const struct vd_job *))
{
	pid_t *pids = xmalloc(sizeof *pids * (parallel ? parallel : 1));
	size_t *slot_job = xmalloc(sizeof *slot_job * (parallel ? parallel : 1));
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
			pid_t pid = vd_fork();
			if (pid == 0)
				child(j->argv, j->cwd, j->log, j->log, -1, -1);
			track_job(pid, 0);
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
			track_job(0, pid);
			if (j->status != 0)
				failed++;
			if (on_end)
				on_end(j);
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
