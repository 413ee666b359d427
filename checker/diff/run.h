/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Running other programs: git, ninja, the user's shell commands, compilers in parallel. */
#ifndef VD_RUN_H
#define VD_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* fork() after flushing our output; dies when it fails. */
pid_t vd_fork(void);

/* Runs ARGV in CWD (NULL: here).  Its standard output goes to OUT_PATH when set (else to
 * ours), its standard error to ERR_PATH when set.  Returns the exit status, or 256+signal;
 * dies when it cannot be started. */
int vd_run(char *const argv[], const char *cwd, const char *out_path, const char *err_path);

/* Runs ARGV in CWD and returns its standard output; *STATUS gets its exit status.
 * Standard error goes to ERR_PATH when set, else to ours. */
char *vd_run_capture(char *const argv[], const char *cwd, const char *err_path, int *status,
		     size_t *len);

/* The same, with standard error into *ERR_TEXT (git's own message on a failure). */
char *vd_run_capture_err(char *const argv[], const char *cwd, int *status, size_t *len,
			 char **err_text);

/* Shows the end of LOG and dies with "WHAT failed (exit status STATUS)". */
_Noreturn void vd_die_with_log(const char *log, const char *what, int status);

/* Runs the shell command CMD with /bin/sh -c in CWD, output to LOG when set. */
int vd_run_shell(const char *cmd, const char *cwd, const char *log);

/* Waits for a child started with fork() (the jobs below may have reaped it) and returns
 * its exit status, or 256+signal. */
int vd_wait_pid(int pid);

struct vd_job {
	char **argv;
	const char *cwd;
	char *log;    /* standard output and error of the job */
	int status;   /* set when it ends */
};

/* Runs the jobs, at most PARALLEL at once.  Returns the number of jobs that failed; with
 * KEEP_GOING false it starts no new job after a failure (the unstarted ones get status -1).
 * ON_END, when not NULL, is called as each job ends. */
size_t vd_run_jobs(struct vd_job *jobs, size_t n, unsigned parallel, bool keep_going,
		   void (*on_end)(const struct vd_job *));

/* On SIGINT, SIGTERM, SIGHUP and SIGQUIT: stop the jobs and the background commands,
 * remove the directory last given to vd_cleanup_dir(), then die of the signal.  At exit:
 * stop the background commands. */
void vd_cleanup_init(void);
/* In a forked child that does not exec: nothing of the parent's to clean up. */
void vd_cleanup_reset(void);
/* The temporary directory to remove when interrupted (NULL: none). */
void vd_cleanup_dir(const char *dir);
/* A background command's process group to stop (ADD false: it ended). */
void vd_cleanup_group(int pgid, bool add);

#endif
