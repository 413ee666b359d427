/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Runs a function in a child process and collects its exit status and stderr: the
 * common library ends the program on fatal errors, which a test must observe from
 * outside. */
#ifndef TEST_COMMON_CHILD_H
#define TEST_COMMON_CHILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct child_result {
	int status;        /* exit status, or -1 when killed */
	char err[4096];    /* what it wrote to stderr */
};

static inline void run_child(void (*fn)(void *), void *arg, struct child_result *r)
{
	int pipefd[2];
	if (pipe(pipefd) != 0)
		abort();
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		close(pipefd[0]);
		dup2(pipefd[1], 2);
		fn(arg);
		_exit(0);
	}
	close(pipefd[1]);
	size_t n = 0;
	ssize_t got;
	while (n + 1 < sizeof(r->err) && (got = read(pipefd[0], r->err + n, sizeof(r->err) - 1 - n)) > 0)
		n += (size_t)got;
	r->err[n] = '\0';
	close(pipefd[0]);
	int st;
	waitpid(pid, &st, 0);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

#endif
