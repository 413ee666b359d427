/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-diff: static dumps of two revisions of a QEMU-like tree, without running
 * anything they build, checked by vmstate-check in both migration directions. */
#include "run.h"
#include "side.h"
#include "verdict.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <fcntl.h>

#define VERSION "0.1.0"

static void usage(FILE *f)
{
	fputs("Usage: vmstate-diff [OPTION]... SRC-REV [DEST-REV]\n"
	      "Make the static vmstate dumps of two git revisions of a QEMU-like tree (DEST-REV\n"
	      "omitted: the working tree) with the vmstate plugin under -fsyntax-only, and check\n"
	      "migration both ways with vmstate-check: SRC -> DEST (forward) and DEST -> SRC\n"
	      "(backward).  Fragments are cached by the content of each unit's inputs.\n"
	      "\n"
	      "  -C, --repo=DIR           the git repository (default: .)\n"
	      "      --configure=CMD      shell command that sets up an empty build directory,\n"
	      "                           run in it once (again when CMD changes)\n"
	      "      --compdb-cmd=CMD     shell command, run in the source tree on every use,\n"
	      "                           that writes the compilation database $VMSTATE_COMPDB\n"
	      "      --compdb=FILE        the compilation database, relative to the build\n"
	      "                           directory (default: compile_commands.json)\n"
	      "  -t, --target=NAME        ninja target (the emulator binary): compile only the\n"
	      "                           units linked into it\n"
	      "  -M, --machine=NAME       machine type recorded in both dumps (default: none)\n"
	      "      --src-machine=NAME, --dest-machine=NAME   per side\n"
	      "      --src-dump=FILE, --dest-dump=FILE   take that side's dump as it is (a\n"
	      "                           baseline) instead of a revision\n"
	      "      --layout=LAYOUT      vmstate-extract's dump layout (8.1 or pre-8.1)\n"
	      "  -w, --waivers=FILE       accepted differences (docs/waivers.md)\n"
	      "  -o, --output-dir=DIR     also write DIR/src.json and DIR/dest.json\n"
	      "      --direction=WHICH    both (default), forward or backward\n"
	      "      --dump-to=FILE       only make the dump of SRC-REV (or the working tree\n"
	      "                           when no revision is given) into FILE; no check\n"
	      "  -j, --jobs=N             parallel compilations (default: online CPUs)\n"
	      "      --pch=HEADER         precompile HEADER, the header every unit includes\n"
	      "                           first (QEMU: qemu/osdep.h), once per set of compile\n"
	      "                           options: units compile in about 60% of the time\n"
	      "      --share-build=WHEN   auto (default): when the two revisions differ in .c\n"
	      "                           and .h files only, the second uses the first's\n"
	      "                           configured build directory; never: one each\n"
	      "      --cache-dir=DIR      default: $VMSTATE_CACHE/diff, else\n"
	      "                           ~/.cache/vmstate-plugin/diff\n"
	      "      --plugin=FILE, --extract=FILE, --check=FILE   the project's programs\n"
	      "                           (default: beside vmstate-diff, then installed ones)\n"
	      "      --config=FILE        options, one \"name = value\" a line (default:\n"
	      "                           REPO/.vmstate-diff when it exists)\n"
	      "  -v, --verbose            say what is done and how long it takes (twice: commands)\n"
	      "  -h, --help               print this help and exit\n"
	      "      --version            print the version and exit\n"
	      "\n"
	      "Exit status: 0 no problem either way, 1 problems (the checker's messages are\n"
	      "printed), 2 usage error, 3 failure (git, configure, compilation, extraction,\n"
	      "or the checker's own error).\n",
	      f);
}

struct opt_value {
	const char *name;
	const char **value;
	bool from_command_line;
};

static const char *opt_repo, *opt_configure, *opt_compdb_cmd, *opt_compdb, *opt_target,
	*opt_machine, *opt_src_machine, *opt_dest_machine, *opt_src_dump, *opt_dest_dump,
	*opt_layout, *opt_waivers, *opt_output_dir, *opt_direction, *opt_jobs, *opt_cache_dir,
	*opt_plugin, *opt_extract, *opt_check, *opt_config, *opt_dump_to, *opt_pch, *opt_share_build;

static struct opt_value values[] = {
	{ "repo", &opt_repo, false },
	{ "configure", &opt_configure, false },
	{ "compdb-cmd", &opt_compdb_cmd, false },
	{ "compdb", &opt_compdb, false },
	{ "target", &opt_target, false },
	{ "machine", &opt_machine, false },
	{ "src-machine", &opt_src_machine, false },
	{ "dest-machine", &opt_dest_machine, false },
	{ "src-dump", &opt_src_dump, false },
	{ "dest-dump", &opt_dest_dump, false },
	{ "layout", &opt_layout, false },
	{ "waivers", &opt_waivers, false },
	{ "output-dir", &opt_output_dir, false },
	{ "direction", &opt_direction, false },
	{ "jobs", &opt_jobs, false },
	{ "cache-dir", &opt_cache_dir, false },
	{ "plugin", &opt_plugin, false },
	{ "extract", &opt_extract, false },
	{ "check", &opt_check, false },
	{ "config", &opt_config, false },
	{ "dump-to", &opt_dump_to, false },
	{ "pch", &opt_pch, false },
	{ "share-build", &opt_share_build, false },
};
#define NVALUES (sizeof values / sizeof values[0])

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", vd_progname);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'vmstate-diff --help' for more information.\n");
	exit(VD_EXIT_USAGE);
}

static struct opt_value *find_value(const char *name)
{
	for (size_t i = 0; i < NVALUES; i++)
		if (strcmp(values[i].name, name) == 0)
			return &values[i];
	return NULL;
}

/* "name = value" lines; '#' starts a comment line.  Paths in it are taken as written
 * (relative ones against the repository). */
static void read_config(const char *path, bool must_exist, const char *repo)
{
	char *text = vd_read_file(path, NULL);
	if (!text) {
		if (!must_exist && errno == ENOENT)
			return;
		fprintf(stderr, "%s: error: %s: %s\n", vd_progname, path, strerror(errno));
		exit(VD_EXIT_USAGE);
	}
	int lineno = 0;
	char *save;
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		lineno++;
		while (*l == ' ' || *l == '\t')
			l++;
		if (!*l || *l == '#')
			continue;
		char *eq = strchr(l, '=');
		if (!eq) {
			fprintf(stderr, "%s:%d: error: expected \"name = value\"\n", path, lineno);
			exit(VD_EXIT_USAGE);
		}
		char *end = eq;
		while (end > l && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		*end = 0;
		char *v = eq + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		size_t vl = strlen(v);
		while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t' || v[vl - 1] == '\r'))
			v[--vl] = 0;
		struct opt_value *ov = find_value(l);
		if (!ov || strcmp(l, "config") == 0 || strcmp(l, "repo") == 0) {
			fprintf(stderr, "%s:%d: error: unknown option \"%s\"\n", path, lineno, l);
			exit(VD_EXIT_USAGE);
		}
		/* File names in the config are relative to the repository's top level. */
		bool is_path = strcmp(l, "waivers") == 0 || strcmp(l, "src-dump") == 0 ||
			       strcmp(l, "dest-dump") == 0 || strcmp(l, "dump-to") == 0;
		if (!ov->from_command_line)
			*ov->value = is_path && v[0] != '/' ? vd_printf("%s/%s", repo, v) : vd_xstrdup(v);
	}
	/* The strings are kept: values point into their copies. */
	free(text);
}

static char *self_dir(void)
{
	char *exe = realpath("/proc/self/exe", NULL);
	if (!exe)
		return NULL;
	char *slash = strrchr(exe, '/');
	*slash = 0;
	return exe;
}

/* FILE beside this program, else at ALT relative to it, else NAME on $PATH. */
static char *find_tool(const char *dir, const char *file, const char *alt, const char *name)
{
	if (dir) {
		char *p = vd_printf("%s/%s", dir, file);
		if (access(p, F_OK) == 0)
			return p;
		free(p);
		if (alt) {
			p = vd_printf("%s/%s", dir, alt);
			if (access(p, F_OK) == 0)
				return p;
			free(p);
		}
	}
	return name ? vd_xstrdup(name) : NULL;
}

static char *repo_key(const char *repo)
{
	struct vd_sha256 s;
	char hex[VD_HEX_LEN];
	vd_sha256_init(&s);
	vd_sha256_update_str(&s, repo);
	vd_sha256_hex(&s, hex);
	const char *base = strrchr(repo, '/');
	return vd_printf("%s-%.12s", base && base[1] ? base + 1 : "repo", hex);
}

int main(int argc, char **argv)
{
	enum { O_CONFIGURE = 256, O_COMPDB_CMD, O_COMPDB, O_SRC_MACHINE, O_DEST_MACHINE,
	       O_SRC_DUMP, O_DEST_DUMP, O_LAYOUT, O_DIRECTION, O_CACHE_DIR, O_PLUGIN, O_EXTRACT,
	       O_CHECK, O_CONFIG, O_VERSION, O_DUMP_TO, O_PCH, O_SHARE_BUILD };
	static const struct option longs[] = {
		{ "repo", required_argument, NULL, 'C' },
		{ "configure", required_argument, NULL, O_CONFIGURE },
		{ "compdb-cmd", required_argument, NULL, O_COMPDB_CMD },
		{ "compdb", required_argument, NULL, O_COMPDB },
		{ "target", required_argument, NULL, 't' },
		{ "machine", required_argument, NULL, 'M' },
		{ "src-machine", required_argument, NULL, O_SRC_MACHINE },
		{ "dest-machine", required_argument, NULL, O_DEST_MACHINE },
		{ "src-dump", required_argument, NULL, O_SRC_DUMP },
		{ "dest-dump", required_argument, NULL, O_DEST_DUMP },
		{ "layout", required_argument, NULL, O_LAYOUT },
		{ "waivers", required_argument, NULL, 'w' },
		{ "output-dir", required_argument, NULL, 'o' },
		{ "direction", required_argument, NULL, O_DIRECTION },
		{ "jobs", required_argument, NULL, 'j' },
		{ "cache-dir", required_argument, NULL, O_CACHE_DIR },
		{ "plugin", required_argument, NULL, O_PLUGIN },
		{ "extract", required_argument, NULL, O_EXTRACT },
		{ "check", required_argument, NULL, O_CHECK },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "dump-to", required_argument, NULL, O_DUMP_TO },
		{ "pch", required_argument, NULL, O_PCH },
		{ "share-build", required_argument, NULL, O_SHARE_BUILD },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c, li;
	while ((c = getopt_long(argc, argv, "C:t:M:w:o:j:vh", longs, &li)) != -1) {
		const char *name = NULL;
		switch (c) {
		case 'C': name = "repo"; break;
		case 't': name = "target"; break;
		case 'M': name = "machine"; break;
		case 'w': name = "waivers"; break;
		case 'o': name = "output-dir"; break;
		case 'j': name = "jobs"; break;
		case 'v': vd_verbose++; continue;
		case 'h': usage(stdout); return 0;
		case O_VERSION: printf("vmstate-diff %s\n", VERSION); return 0;
		case '?': fprintf(stderr, "Try 'vmstate-diff --help' for more information.\n");
			  return VD_EXIT_USAGE;
		default: name = longs[li].name; break;
		}
		struct opt_value *ov = find_value(name);
		*ov->value = optarg;
		ov->from_command_line = true;
	}
	const char *pos[2] = { NULL, NULL };
	int npos = argc - optind;
	if (npos > 2)
		usage_error("too many arguments (at most SRC-REV and DEST-REV): '%s'", argv[optind + 2]);
	for (int i = 0; i < npos; i++)
		pos[i] = argv[optind + i];

	/* The repository's top level; the config file lives there. */
	const char *repo_arg = opt_repo ? opt_repo : ".";
	if (!vd_is_dir(repo_arg))
		usage_error("--repo: '%s' is not a directory", repo_arg);
	char *top_argv[] = { "git", "-C", (char *)repo_arg, "rev-parse", "--show-toplevel", NULL };
	int st;
	char *repo = vd_run_capture(top_argv, NULL, "/dev/null", &st, NULL);
	repo[strcspn(repo, "\n")] = 0;
	if (st != 0 || !repo[0]) {
		fprintf(stderr, "%s: error: %s is not inside a git work tree\n", vd_progname, repo_arg);
		return VD_EXIT_FAIL;
	}
	/* The repository is found; git's own variables (set in hooks) would make the git
	 * commands in our worktrees act on the caller's index or repository. */
	static const char *const git_vars[] = { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
						"GIT_PREFIX", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY" };
	for (size_t i = 0; i < sizeof git_vars / sizeof git_vars[0]; i++)
		unsetenv(git_vars[i]);
	if (opt_config)
		read_config(opt_config, true, repo);
	else {
		char *def = vd_printf("%s/.vmstate-diff", repo);
		read_config(def, false, repo);
		free(def);
	}

	/* The sides: positional revisions fill the sides that have no dump file. */
	struct vd_side src = { .role = "src" }, dest = { .role = "dest" };
	src.dump_file = opt_src_dump;
	dest.dump_file = opt_dest_dump;
	int k = 0;
	if (!src.dump_file)
		src.rev = pos[k++];
	if (!dest.dump_file)
		dest.rev = pos[k++];
	if (k < npos)
		usage_error("too many arguments for the sides given as dumps: '%s'", pos[k]);
	if (opt_dump_to) {
		if (npos > 1 || src.dump_file || dest.dump_file)
			usage_error("%s", "--dump-to takes at most one revision and no --src-dump or --dest-dump");
		/* The one side to dump is the revision given, else the working tree. */
		dest.rev = NULL;
	} else if (!src.dump_file && !src.rev) {
		usage_error("%s", "missing SRC-REV (or --src-dump)");
	}
	src.machine = opt_src_machine ? opt_src_machine : opt_machine;
	dest.machine = opt_dest_machine ? opt_dest_machine : opt_machine;

	bool forward = true, backward = true;
	if (opt_direction) {
		if (strcmp(opt_direction, "forward") == 0)
			backward = false;
		else if (strcmp(opt_direction, "backward") == 0)
			forward = false;
		else if (strcmp(opt_direction, "both") != 0)
			usage_error("--direction: '%s' is not both, forward or backward", opt_direction);
	}
	struct vd_options o = { .repo = repo, .compdb = opt_compdb ? opt_compdb : "compile_commands.json",
				.configure_cmd = opt_configure, .compdb_cmd = opt_compdb_cmd,
				.target = opt_target, .layout = opt_layout };
	if (opt_pch) {
		if (!opt_pch[0] || opt_pch[0] == '/' || strstr(opt_pch, "..") || strchr(opt_pch, '"'))
			usage_error("--pch: '%s' is not a header name as in #include \"NAME\"",
				    opt_pch);
		o.pch = opt_pch;
	}
	o.share_build = true;
	if (opt_share_build) {
		if (strcmp(opt_share_build, "never") == 0)
			o.share_build = false;
		else if (strcmp(opt_share_build, "auto") != 0)
			usage_error("--share-build: '%s' is not auto or never", opt_share_build);
	}
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	if (opt_jobs) {
		char *end;
		jobs = strtol(opt_jobs, &end, 10);
		if (*end || jobs < 1 || jobs > 1024)
			usage_error("--jobs: '%s' is not a number from 1 to 1024", opt_jobs);
	}
	o.jobs = jobs > 0 ? (unsigned)jobs : 1;
	if (opt_layout && strcmp(opt_layout, "8.1") != 0 && strcmp(opt_layout, "pre-8.1") != 0)
		usage_error("--layout: '%s' is not 8.1 or pre-8.1", opt_layout);

	char *here = self_dir();
	char *plugin = opt_plugin ? vd_absolute(opt_plugin)
				  : find_tool(here, "vmstate.so", "../lib/vmstate-plugin/vmstate.so", NULL);
	char *extract = opt_extract ? vd_xstrdup(opt_extract)
				    : find_tool(here, "vmstate-extract", NULL, "vmstate-extract");
	char *check = opt_check ? vd_xstrdup(opt_check)
				: find_tool(here, "vmstate-check", NULL, "vmstate-check");
	bool need_build = opt_dump_to || !src.dump_file || !dest.dump_file;
	if (need_build && (!plugin || !vd_is_file(plugin)))
		vd_die("cannot find the plugin vmstate.so%s%s; give --plugin", plugin ? ": " : "",
		       plugin ? plugin : "");
	o.plugin = plugin;
	o.extract = extract;

	struct vd_waivers *waivers = NULL;
	if (opt_waivers)
		waivers = vd_waivers_load(opt_waivers);

	/* State: $cache/trees/<repo>/ (worktrees, build dirs, dumps), $cache/units/. */
	char *cache_dir;
	if (opt_cache_dir)
		cache_dir = vd_absolute(opt_cache_dir);
	else if (getenv("VMSTATE_CACHE") && *getenv("VMSTATE_CACHE"))
		cache_dir = vd_printf("%s/diff", getenv("VMSTATE_CACHE"));
	else if (getenv("HOME"))
		cache_dir = vd_printf("%s/.cache/vmstate-plugin/diff", getenv("HOME"));
	else
		vd_die("no cache directory: set HOME or VMSTATE_CACHE, or give --cache-dir");
	/* Real paths: the fragment cache compares them with normalized compiler paths. */
	vd_mkdirs(cache_dir);
	char *real_cache = realpath(cache_dir, NULL);
	if (!real_cache)
		vd_die("%s: %s", cache_dir, strerror(errno));
	free(cache_dir);
	cache_dir = real_cache;
	char *key = repo_key(repo);
	char *state = vd_printf("%s/trees/%s", cache_dir, key);
	vd_mkdirs(state);
	o.state_dir = state;
	/* One run at a time per repository: the worktrees are shared. */
	char *lock = vd_printf("%s/lock", state);
	int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (lfd < 0 || flock(lfd, LOCK_EX | LOCK_NB) != 0) {
		if (lfd >= 0 && errno == EWOULDBLOCK) {
			vd_note("waiting for another vmstate-diff on %s", repo);
			if (flock(lfd, LOCK_EX) != 0)
				vd_die("%s: cannot lock: %s", lock, strerror(errno));
		} else {
			vd_die("%s: cannot lock: %s", lock, strerror(errno));
		}
	}

	struct vd_cache cache;
	if (need_build) {
		char *units = vd_printf("%s/units", cache_dir);
		vd_cache_open(&cache, units, plugin);
		free(units);
	}
	if (opt_dump_to) {
		/* Baselines: one dump, no check. */
		struct vd_side *one = src.rev ? &src : &dest;
		one->machine = opt_machine;
		vd_side_resolve(&o, one);
		vd_side_make_dump(&o, &cache, one);
		vd_cache_close(&cache);
		vd_copy_file(one->dump, opt_dump_to);
		if (vd_verbose)
			vd_note("dump of %s written to %s", one->label, opt_dump_to);
		return VD_EXIT_OK;
	}
	vd_side_resolve(&o, &src);
	vd_side_resolve(&o, &dest);
	vd_side_share_build(&o, &src, &dest);
	/* Both build directories (or one, when shared) configure at once; then each side
	 * compiles in turn, the second mostly from the first one's fragments. */
	vd_side_start(&o, &src);
	vd_side_start(&o, &dest);
	vd_side_make_dump(&o, &cache, &src);
	vd_side_make_dump(&o, &cache, &dest);
	if (need_build) {
		vd_cache_close(&cache);
		if (vd_verbose)
			vd_note("fragment cache: %lu hits, %lu misses", cache.hits, cache.misses);
	}

	if (opt_output_dir) {
		vd_mkdirs(opt_output_dir);
		char *p = vd_printf("%s/src.json", opt_output_dir);
		vd_copy_file(src.dump, p);
		free(p);
		p = vd_printf("%s/dest.json", opt_output_dir);
		vd_copy_file(dest.dump, p);
		free(p);
	}

	struct vd_verdict v = { 0 };
	if (forward)
		vd_check_direction(check, "forward", &src, &dest, waivers, state, &v);
	if (backward)
		vd_check_direction(check, "backward", &dest, &src, waivers, state, &v);
	return vd_verdict_finish(&v, waivers, forward, backward);
}
