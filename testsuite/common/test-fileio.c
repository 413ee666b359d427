/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/fileio: write_atomic() against what a shell redirect does (issue 11
 * item 6), and finish_stdout() on a full device. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/diag.h"
#include "../../checker/common/fileio.h"
#include "child.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test-fileio.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd);
}

static const char *in_dir(const char *name)
{
	static char path[4][128];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

static void assert_contents(const char *path, const char *want)
{
	char buf[256] = { 0 };
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	assert_true(n >= 0);
	assert_string_equal(buf, want);
}

/* Nothing but the names given is left in the directory (no temporary file). */
static int entries(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_new_file_gets_umask_mode(void **state)
{
	(void)state;
	mode_t old = umask(027);
	assert_true(write_atomic(in_dir("new"), "abc", 3));
	umask(old);
	struct stat st;
	assert_int_equal(stat(in_dir("new"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_contents(in_dir("new"), "abc");
	assert_int_equal(entries(), 1);
	unlink(in_dir("new"));
}

static void test_existing_file_keeps_its_mode(void **state)
{
	(void)state;
	int fd = open(in_dir("f"), O_WRONLY | O_CREAT, 0600);
	close(fd);
	chmod(in_dir("f"), 0751);
	assert_true(write_atomic(in_dir("f"), "new", 3));
	struct stat st;
	stat(in_dir("f"), &st);
	assert_int_equal(st.st_mode & 07777, 0751);
	assert_contents(in_dir("f"), "new");
	unlink(in_dir("f"));
}

static void test_symlink_is_followed(void **state)
{
	(void)state;
	int fd = open(in_dir("target"), O_WRONLY | O_CREAT, 0644);
	close(fd);
	assert_int_equal(symlink("target", in_dir("link")), 0);
	assert_true(write_atomic(in_dir("link"), "through", 7));
	struct stat st;
	assert_int_equal(lstat(in_dir("link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_contents(in_dir("target"), "through");
	/* A dangling link creates its target, as > does. */
	assert_int_equal(symlink("made", in_dir("dangling")), 0);
	assert_true(write_atomic(in_dir("dangling"), "x", 1));
	assert_contents(in_dir("made"), "x");
	assert_int_equal(entries(), 4);
	unlink(in_dir("target"));
	unlink(in_dir("link"));
	unlink(in_dir("dangling"));
	unlink(in_dir("made"));
}

/* As a user other than root: a read-only file is refused, as `> file` refuses it. */
static void read_only_as_nobody(void *arg)
{
	const char *path = arg;
	if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		_exit(98);
	errno = 0;
	bool ok = write_atomic(path, "no", 2);
	_exit(ok ? 1 : errno == EACCES ? 0 : 2);
}

static void test_read_only_file_is_refused(void **state)
{
	(void)state;
	const char *path = in_dir("ro");
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_int_equal(write(fd, "old", 3), 3);
	close(fd);
	chmod(path, 0444);
	chmod(dir, 0777);  /* so that the directory is not what stops the write */
	if (getuid() == 0)
		assert_int_equal(chown(path, 65534, 65534), 0);
	struct child_result r;
	run_child(read_only_as_nobody, (void *)path, &r);
	assert_int_equal(r.status, 0);
	assert_contents(path, "old");
	assert_int_equal(entries(), 1);
	unlink(path);
}

static void test_device_is_written_in_place(void **state)
{
	(void)state;
	assert_true(write_atomic("/dev/null", "data", 4));
	struct stat st;
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	errno = 0;
	assert_false(write_atomic("/dev/full", "data", 4));
	assert_int_equal(errno, ENOSPC);
}

static void print_to_full(void *arg)
{
	static const struct diag_exits exits = { 2, 3, 42 };
	(void)arg;
	diag_init("tool", &exits);
	if (!freopen("/dev/full", "w", stdout))
		_exit(99);
	printf("help text\n");
	_exit(finish_stdout(0));
}

static void test_finish_stdout(void **state)
{
	(void)state;
	struct child_result r;
	run_child(print_to_full, NULL, &r);
	assert_int_equal(r.status, 42);
	assert_string_equal(r.err, "tool: error: cannot write to standard output: No space left on device\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_file_gets_umask_mode),
		cmocka_unit_test(test_existing_file_keeps_its_mode),
		cmocka_unit_test(test_symlink_is_followed),
		cmocka_unit_test(test_read_only_file_is_refused),
		cmocka_unit_test(test_device_is_written_in_place),
		cmocka_unit_test(test_finish_stdout),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
