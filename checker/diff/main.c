/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-diff: static dumps of two revisions of a QEMU-like tree, without running
 * anything they build, compared in both migration directions: by the wire model
 * (checker/wire), or with --reference by vmstate-check's reference rules. */
#include "../common/diag.h"
#include "../common/version.h"
#include "compile.h"
#include "progress.h"
#include "run.h"
#include "series.h"
#include "side.h"
#include "verdict.h"
#include "wirecheck.h"
#include "../wire/render.h"
#include "../wire/wire.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <fcntl.h>

static void usage(FILE *f)
{
	fputs("Usage: vmstate-diff [OPTION]... SRC-REV [DEST-REV]\n"
	      "  or:  vmstate-diff [OPTION]... --each BASE..TIP\n"
	      "Make the static vmstate dumps of two git revisions of a QEMU-like tree (DEST-REV\n"
	      "omitted: the working tree) with the vmstate plugin under -fsyntax-only, and check\n"
	      "migration both ways, SRC -> DEST (forward) and DEST -> SRC (backward), by what\n"
	      "QEMU puts on the wire (extended dumps, docs/wire-rules.md); with --reference, by\n"
	      "vmstate-check's reference rules, as QEMU's vmstate-static-checker.py does.\n"
	      "Fragments are cached by the content of each unit's inputs.\n"
	      "\n"
	      "      --reference          the reference mode: -dump-vmstate dumps, vmstate-check's\n"
	      "                           report and exit statuses\n"
	      "      --format=FORMAT      the wire report: text (default), json, sarif or gitlab\n"
	      "                           (one comparison: not with --each or several --target)\n"
	      "      --benign             the wire report shows wire-compatible differences too\n"
	      "  -C, --repo=DIR           the git repository (default: .)\n"
	      "      --configure=CMD      shell command that sets up an empty build directory,\n"
	      "                           run in it once (again when CMD changes)\n"
	      "      --compdb-cmd=CMD     shell command, run in the source tree on every use,\n"
	      "                           that writes the compilation database $VMSTATE_COMPDB\n"
	      "      --compdb=FILE        the compilation database, relative to the build\n"
	      "                           directory (default: compile_commands.json)\n"
	      "  -t, --target=NAME        ninja target (the emulator binary): compile only the\n"
	      "                           units linked into it; several times: one report per\n"
	      "                           target, each shared unit compiled once\n"
	      "      --each=BASE..TIP     check each commit of the series against its parent,\n"
	      "                           naming the commit that brings or removes a finding\n"
	      "      --cc=COMPILER        compile every unit with COMPILER (a GCC that can load\n"
	      "                           the plugin), whatever the build uses (clang)\n"
	      "  -M, --machine=NAME       machine type recorded in both dumps (default: none)\n"
	      "      --src-machine=NAME, --dest-machine=NAME   per side\n"
	      "      --src-dump=FILE, --dest-dump=FILE   take that side's dump as it is (a\n"
	      "                           baseline) instead of a revision\n"
	      "      --layout=LAYOUT      vmstate-extract's dump layout (8.1 or pre-8.1;\n"
	      "                           --reference)\n"
	      "  -w, --waivers=FILE       accepted differences (docs/waivers.md): its waive-wire\n"
	      "                           records in the wire mode, its waive records with\n"
	      "                           --reference; warns about records that match nothing\n"
	      "  -o, --output-dir=DIR     also write DIR/src.json and DIR/dest.json (the dumps\n"
	      "                           compared: extended ones unless --reference)\n"
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
	      "      --plugin=FILE, --extract=FILE   the project's programs\n"
	      "                           (default: beside vmstate-diff, then installed ones)\n"
	      "      --config=FILE        options, one \"name = value\" a line (default:\n"
	      "                           REPO/.vmstate-diff when it exists)\n"
	      "  -v, --verbose            say what is done and how long it takes (twice: commands)\n"
	      "  -q, --quiet              no progress (a status line on a terminal, plain lines\n"
	      "                           otherwise)\n"
	      "  -h, --help               print this help and exit\n"
	      "      --version            print the version and exit\n"
	      "\n"
	      "Exit status, a bit field: 0 nothing breaks and nothing needs review, 4 some\n"
	      "difference needs review, 8 some difference breaks migration (12: both; waived\n"
	      "differences do not count), 1 failure (git, configure, compilation, extraction, a\n"
	      "dump that cannot be compared), 3 usage error or a bad waiver file.  With\n"
	      "--reference: 0 no problem either way, 1 problems (the checker's messages are\n"
	      "printed), 2 usage error or a bad waiver file, 3 failure.\n",
	      f);
}

struct opt_value {
	const char *name;
	const char **value;
	bool from_command_line;
};

static const char *opt_repo, *opt_configure, *opt_compdb_cmd, *opt_compdb, *opt_machine,
	*opt_src_machine, *opt_dest_machine, *opt_src_dump, *opt_dest_dump, *opt_layout,
	*opt_waivers, *opt_output_dir, *opt_direction, *opt_jobs, *opt_cache_dir, *opt_plugin,
	*opt_extract, *opt_config, *opt_dump_to, *opt_pch, *opt_share_build, *opt_each,
	*opt_cc, *opt_reference, *opt_format, *opt_benign;
/* --target may be given several times, on the command line or in the config. */
static struct vd_strv opt_targets;
static bool targets_from_command_line;

static struct opt_value values[] = {
	{ "repo", &opt_repo, false },
	{ "configure", &opt_configure, false },
	{ "compdb-cmd", &opt_compdb_cmd, false },
	{ "compdb", &opt_compdb, false },
	{ "target", NULL, false },
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
	{ "config", &opt_config, false },
	{ "dump-to", &opt_dump_to, false },
	{ "pch", &opt_pch, false },
	{ "share-build", &opt_share_build, false },
	{ "each", &opt_each, false },
	{ "cc", &opt_cc, false },
	{ "reference", &opt_reference, false },
	{ "format", &opt_format, false },
	{ "benign", &opt_benign, false },
};
#define NVALUES (sizeof values / sizeof values[0])

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(DIAG_ERROR, NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'vmstate-diff --help' for more information.\n");
	exit(VD_EXIT_USAGE);
}

static struct opt_value *find_value(const char *name)
{
	for (size_t i = 0; i < NVALUES; i++)
		if (strcmp(values[i].name, name) == 0)
			return &values[i];
	return NULL;
}

/* One "name = value" of the config: command-line options win; file names are relative to
 * the repository's top level. */
static void config_value(const char *path, int lineno, const char *name, const char *v,
			 const char *repo)
{
	struct opt_value *ov = find_value(name);
	if (!ov || strcmp(name, "config") == 0 || strcmp(name, "repo") == 0) {
		diag_error_at(path, (unsigned long)lineno, 0, "unknown option \"%s\"", name);
		exit(VD_EXIT_USAGE);
	}
	if (!ov->value) {
		if (!targets_from_command_line)
			vd_strv_push(&opt_targets, xstrdup(v));
		return;
	}
	bool is_path = strcmp(name, "waivers") == 0 || strcmp(name, "src-dump") == 0 ||
		       strcmp(name, "dest-dump") == 0 || strcmp(name, "dump-to") == 0;
	if (!ov->from_command_line)
		*ov->value = is_path && v[0] != '/' ? xasprintf("%s/%s", repo, v) : xstrdup(v);
}

/* "name = value" lines; '#' starts a comment line. */
static void read_config(const char *path, bool must_exist, const char *repo)
{
	char *text = vd_read_file(path, NULL);
	if (!text) {
		if (!must_exist && errno == ENOENT)
			return;
		diag_fatal(VD_EXIT_USAGE, path, "%s", strerror(errno));
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
			diag_error_at(path, (unsigned long)lineno, 0, "expected \"name = value\"");
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
		config_value(path, lineno, l, v, repo);
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
		char *p = xasprintf("%s/%s", dir, file);
		if (access(p, F_OK) == 0)
			return p;
		free(p);
		if (alt) {
			p = xasprintf("%s/%s", dir, alt);
			if (access(p, F_OK) == 0)
				return p;
			free(p);
		}
	}
	return name ? xstrdup(name) : NULL;
}

static char *repo_key(const char *repo)
{
	struct vd_sha256 s;
	char hex[VD_HEX_LEN];
	vd_sha256_init(&s);
	vd_sha256_update_str(&s, repo);
	vd_sha256_hex(&s, hex);
	const char *base = strrchr(repo, '/');
	return xasprintf("%s-%.12s", base && base[1] ? base + 1 : "repo", hex);
}

/* Command-line options into the opt_* values; returns the index of the first operand. */
static int parse_command_line(int argc, char **argv)
{
	enum { O_CONFIGURE = 256, O_COMPDB_CMD, O_COMPDB, O_SRC_MACHINE, O_DEST_MACHINE,
	       O_SRC_DUMP, O_DEST_DUMP, O_LAYOUT, O_DIRECTION, O_CACHE_DIR, O_PLUGIN, O_EXTRACT,
	       O_CONFIG, O_VERSION, O_DUMP_TO, O_PCH, O_SHARE_BUILD, O_EACH, O_CC, O_REFERENCE,
	       O_FORMAT, O_BENIGN };
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
		{ "config", required_argument, NULL, O_CONFIG },
		{ "dump-to", required_argument, NULL, O_DUMP_TO },
		{ "pch", required_argument, NULL, O_PCH },
		{ "share-build", required_argument, NULL, O_SHARE_BUILD },
		{ "each", required_argument, NULL, O_EACH },
		{ "cc", required_argument, NULL, O_CC },
		{ "reference", no_argument, NULL, O_REFERENCE },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "benign", no_argument, NULL, O_BENIGN },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c, li;
	bool quiet = false;
	while ((c = getopt_long(argc, argv, "C:t:M:w:o:j:vqh", longs, &li)) != -1) {
		const char *name = NULL;
		switch (c) {
		case 'C': name = "repo"; break;
		case 't':
			vd_strv_push(&opt_targets, xstrdup(optarg));
			targets_from_command_line = true;
			continue;
		case 'M': name = "machine"; break;
		case 'w': name = "waivers"; break;
		case 'o': name = "output-dir"; break;
		case 'j': name = "jobs"; break;
		case O_REFERENCE: name = "reference"; optarg = "yes"; break;
		case O_BENIGN: name = "benign"; optarg = "yes"; break;
		case 'v': vd_verbose++; continue;
		case 'q': quiet = true; continue;
		case 'h': usage(stdout); exit(finish_stdout(0));
		case O_VERSION: exit(print_version("vmstate-diff"));
		case '?': fprintf(stderr, "Try 'vmstate-diff --help' for more information.\n");
			  exit(VD_EXIT_USAGE);
		default: name = longs[li].name; break;
		}
		struct opt_value *ov = find_value(name);
		*ov->value = optarg;
		ov->from_command_line = true;
	}
	vd_progress_init(quiet);
	return optind;
}

/* The repository's top level (the config file lives there). */
static char *find_repo(void)
{
	const char *repo_arg = opt_repo ? opt_repo : ".";
	if (!vd_is_dir(repo_arg))
		usage_error("--repo: '%s' is not a directory", repo_arg);
	char *top_argv[] = { "git", "-C", (char *)repo_arg, "rev-parse", "--show-toplevel", NULL };
	int st;
	char *err = NULL;
	char *repo = vd_run_capture_err(top_argv, NULL, &st, NULL, &err);
	repo[strcspn(repo, "\n")] = 0;
	if (st != 0 || !repo[0]) {
		err[strcspn(err, "\n")] = 0;
		diag_fatal(VD_EXIT_FAIL, NULL, "%s is not inside a git work tree (git: %s)", repo_arg,
			   err);
	}
	free(err);
	/* The repository is found; git's own variables (set in hooks) would make the git
	 * commands in our worktrees act on the caller's index or repository. */
	static const char *const git_vars[] = { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
						"GIT_PREFIX", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY" };
	for (size_t i = 0; i < sizeof git_vars / sizeof git_vars[0]; i++)
		unsetenv(git_vars[i]);
	return repo;
}

/* The checked option values into O (the programs and the state directory come later). */
static void build_options(struct vd_options *o, const char *repo)
{
	*o = (struct vd_options){ .repo = repo,
				  .compdb = opt_compdb ? opt_compdb : "compile_commands.json",
				  .configure_cmd = opt_configure, .compdb_cmd = opt_compdb_cmd,
				  .layout = opt_layout, .cc = opt_cc };
	o->targets = (const char *const *)opt_targets.v;
	o->ntargets = opt_targets.n;
	for (size_t i = 0; i < o->ntargets; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(o->targets[i], o->targets[k]) == 0)
				usage_error("--target %s is given twice", o->targets[i]);
	if (opt_cc && !opt_cc[0])
		usage_error("%s", "--cc: empty compiler name");
	if (opt_pch) {
		if (!opt_pch[0] || opt_pch[0] == '/' || strstr(opt_pch, "..") || strchr(opt_pch, '"'))
			usage_error("--pch: '%s' is not a header name as in #include \"NAME\"",
				    opt_pch);
		o->pch = opt_pch;
	}
	o->share_build = true;
	if (opt_share_build) {
		if (strcmp(opt_share_build, "never") == 0)
			o->share_build = false;
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
	o->jobs = jobs > 0 ? (unsigned)jobs : 1;
	if (opt_layout && strcmp(opt_layout, "8.1") != 0 && strcmp(opt_layout, "pre-8.1") != 0)
		usage_error("--layout: '%s' is not 8.1 or pre-8.1", opt_layout);
}

static void parse_direction(bool *forward, bool *backward)
{
	*forward = *backward = true;
	if (!opt_direction)
		return;
	if (strcmp(opt_direction, "forward") == 0)
		*backward = false;
	else if (strcmp(opt_direction, "backward") == 0)
		*forward = false;
	else if (strcmp(opt_direction, "both") != 0)
		usage_error("--direction: '%s' is not both, forward or backward", opt_direction);
}

/* The sides: positional revisions fill the sides that have no dump file. */
static void assign_sides(struct vd_side *src, struct vd_side *dest, const char *const pos[2],
			 int npos, size_t ntargets)
{
	src->dump_file = opt_src_dump;
	dest->dump_file = opt_dest_dump;
	if (opt_each) {
		if (npos || opt_src_dump || opt_dest_dump || opt_dump_to || opt_output_dir)
			usage_error("%s", "--each takes no revision, and no --src-dump, --dest-dump, "
				    "--dump-to or --output-dir");
		return;
	}
	if ((opt_src_dump || opt_dest_dump || opt_dump_to) && ntargets > 1)
		usage_error("%s", "--src-dump, --dest-dump and --dump-to take one --target");
	int k = 0;
	if (!src->dump_file)
		src->rev = pos[k++];
	if (!dest->dump_file)
		dest->rev = pos[k++];
	if (k < npos)
		usage_error("too many arguments for the sides given as dumps: '%s'", pos[k]);
	if (opt_dump_to) {
		if (npos > 1 || src->dump_file || dest->dump_file)
			usage_error("%s", "--dump-to takes at most one revision and no --src-dump or --dest-dump");
		/* The one side to dump is the revision given, else the working tree. */
		dest->rev = NULL;
	} else if (!src->dump_file && !src->rev) {
		usage_error("%s", "missing SRC-REV (or --src-dump)");
	}
	src->machine = opt_src_machine ? opt_src_machine : opt_machine;
	dest->machine = opt_dest_machine ? opt_dest_machine : opt_machine;
}

/* The cache directory (real path: the fragment cache compares it with normalized
 * compiler paths). */
static char *cache_root(void)
{
	char *cache_dir;
	if (opt_cache_dir)
		cache_dir = vd_absolute(opt_cache_dir);
	else if (getenv("VMSTATE_CACHE") && *getenv("VMSTATE_CACHE"))
		cache_dir = xasprintf("%s/diff", getenv("VMSTATE_CACHE"));
	else if (getenv("HOME"))
		cache_dir = xasprintf("%s/.cache/vmstate-plugin/diff", getenv("HOME"));
	else
		vd_die("no cache directory: set HOME or VMSTATE_CACHE, or give --cache-dir");
	vd_mkdirs(cache_dir);
	char *real_cache = realpath(cache_dir, NULL);
	if (!real_cache)
		vd_die("%s: %s", cache_dir, strerror(errno));
	free(cache_dir);
	return real_cache;
}

/* One run at a time per repository: the worktrees are shared. */
static void lock_state(const char *state, const char *repo)
{
	char *lock = xasprintf("%s/lock", state);
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
	/* The descriptor stays open: the lock lasts the run. */
}

/* Both directions of each target, then the summary; returns the exit status. */
static int check_pair(const struct vd_options *o, struct vd_side *src,
		      struct vd_side *dest, struct vd_waivers *waivers, bool forward,
		      bool backward)
{
	struct vd_verdict total = { { 0, 0 }, 0 };
	struct vd_verdict *per = xmalloc(sizeof *per * vd_nsets(o));
	bool several = o->ntargets > 1;
	vd_progress_phase("both", "check", vd_nsets(o));
	for (size_t t = 0; t < vd_nsets(o); t++) {
		per[t] = (struct vd_verdict){ { 0, 0 }, 0 };
		const char *target = several ? o->targets[t] : NULL;
		char *prefix = target ? xasprintf("%s: ", target) : xstrdup("");
		for (int dir = 0; dir < 2; dir++) {
			if (!(dir ? backward : forward))
				continue;
			const struct vd_side *from = dir ? dest : src, *to = dir ? src : dest;
			const char *name = dir ? "backward" : "forward";
			struct vd_check r;
			vd_check_run(from->dumps[from->dump_file ? 0 : t],
				     to->dumps[to->dump_file ? 0 : t], waivers, !(forward && backward), &r);
			char *heading = xasprintf("%s%s migration: %s -> %s", prefix, name, from->label,
						  to->label);
			vd_progress_clear();
			vd_check_print(heading, &r);
			vd_verdict_add(&per[t], dir, &r);
			vd_verdict_add(&total, dir, &r);
			vd_check_free(&r);
			free(heading);
		}
		free(prefix);
		vd_progress_step();
	}
	vd_progress_clear();
	if (several) {
		for (size_t t = 0; t < o->ntargets; t++) {
			struct strbuf b = { 0 };
			sb_printf(&b, "== vmstate-diff: %s:", o->targets[t]);
			vd_verdict_counts(&b, per[t].problems, forward, backward);
			printf("%s\n", b.data);
			free(b.data);
		}
	}
	free(per);
	char *prefix = several ? xasprintf(" %zu targets:", o->ntargets) : NULL;
	int status = vd_verdict_finish(&total, waivers, prefix, forward, backward);
	free(prefix);
	return status;
}

/* The wire model for each target (one report each, both directions in it), then with
 * several targets one line of verdicts; returns the wire bits of them all. */
static int check_pair_wire(const struct vd_options *o, const struct vd_side *src,
			   const struct vd_side *dest, const struct vd_wire *w,
			   const char *direction)
{
	bool several = o->ntargets > 1;
	int status = 0;
	int *per = xmalloc(sizeof *per * vd_nsets(o));
	vd_progress_phase("both", "check", vd_nsets(o));
	for (size_t t = 0; t < vd_nsets(o); t++) {
		if (w->format == VMW_FORMAT_TEXT) {
			vd_progress_clear();
			printf("== %s%s%s -> %s (%s)\n", several ? o->targets[t] : "",
			       several ? ": " : "", src->label, dest->label, direction);
		}
		per[t] = vd_wire_print(w, src->dumps[src->dump_file ? 0 : t],
				       dest->dumps[dest->dump_file ? 0 : t]);
		status |= per[t];
		vd_progress_step();
	}
	vd_progress_clear();
	if (several) {
		struct strbuf b = { 0 };
		sb_printf(&b, "== vmstate-diff: %zu targets:", o->ntargets);
		for (size_t t = 0; t < o->ntargets; t++)
			sb_printf(&b, "%s %s %s", t ? "," : "", o->targets[t],
				  vd_wire_status_name(per[t]));
		printf("%s\n", b.data);
		free(b.data);
	}
	free(per);
	vd_wire_report_stale(w);
	return status;
}

static void copy_dumps(const char *dir, const struct vd_side *src, const struct vd_side *dest)
{
	vd_mkdirs(dir);
	char *p = xasprintf("%s/src.json", dir);
	vd_copy_file(src->dump, p);
	free(p);
	p = xasprintf("%s/dest.json", dir);
	vd_copy_file(dest->dump, p);
	free(p);
}

/* The usage and failure statuses of the mode: the wire library's bits, or the reference
 * mode's 2 and 3. */
static void set_exits(bool reference)
{
	static const struct diag_exits wire = { .usage = VMW_EXIT_ERROR | VMW_EXIT_USAGE,
						.input = VMW_EXIT_ERROR,
						.internal = VMW_EXIT_ERROR };
	static const struct diag_exits ref = { .usage = 2, .input = 3, .internal = 3 };
	diag_init("vmstate-diff", reference ? &ref : &wire);
}

/* "yes" or "no", from the command line or the config. */
static bool flag_value(const char *name, const char *v)
{
	if (!v || strcmp(v, "no") == 0)
		return false;
	if (strcmp(v, "yes") != 0)
		usage_error("%s: '%s' is not yes or no", name, v);
	return true;
}

/* The mode (set_exits() already told) and the wire report's options, checked against the
 * others. */
static void wire_options(struct vd_options *o, struct vd_wire *w)
{
	static const char *const formats[] = { "text", "json", "sarif", "gitlab" };
	o->wire = !flag_value("reference", opt_reference);
	*w = (struct vd_wire){ .show_benign = flag_value("benign", opt_benign),
			       .direction = !opt_direction || !strcmp(opt_direction, "both") ? 0
					    : strcmp(opt_direction, "forward") == 0 ? 1 : 2 };
	if (opt_format) {
		while (w->format < 4 && strcmp(formats[w->format], opt_format) != 0)
			w->format++;
		if (w->format == 4)
			usage_error("--format: '%s' is not text, json, sarif or gitlab", opt_format);
	}
	if (!o->wire) {
		if (opt_format || opt_benign)
			usage_error("%s", "--format and --benign are the wire report's: not with "
				    "--reference");
		return;
	}
	if (opt_layout)
		usage_error("%s", "--layout is the -dump-vmstate layout: give --reference");
	if (w->format != VMW_FORMAT_TEXT && (opt_each || o->ntargets > 1))
		usage_error("--format=%s writes one report: not with --each or several --target",
			    opt_format);
}

int main(int argc, char **argv)
{
	/* The config may say "reference = yes" too; until it is read, the command line
	 * decides which usage status a bad option gets. */
	bool reference_arg = false;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		reference_arg = reference_arg || strcmp(argv[i], "--reference") == 0;
	set_exits(reference_arg);
	int first = parse_command_line(argc, argv);
	const char *pos[2] = { NULL, NULL };
	int npos = argc - first;
	if (npos > 2)
		usage_error("too many arguments (at most SRC-REV and DEST-REV): '%s'", argv[first + 2]);
	for (int i = 0; i < npos; i++)
		pos[i] = argv[first + i];
	vd_cleanup_init();
	char *repo = find_repo();
	if (opt_config) {
		read_config(opt_config, true, repo);
	} else {
		char *def = xasprintf("%s/.vmstate-diff", repo);
		read_config(def, false, repo);
		free(def);
	}
	set_exits(flag_value("reference", opt_reference));
	struct vd_options o;
	build_options(&o, repo);
	struct vd_wire wire;
	wire_options(&o, &wire);
	struct vd_side src = { .role = "src" }, dest = { .role = "dest" };
	assign_sides(&src, &dest, pos, npos, o.ntargets);
	bool forward, backward;
	parse_direction(&forward, &backward);

	char *here = self_dir();
	char *plugin = opt_plugin ? vd_absolute(opt_plugin)
				  : find_tool(here, "vmstate.so", "../lib/vmstate-plugin/vmstate.so", NULL);
	o.extract = opt_extract ? xstrdup(opt_extract)
				: find_tool(here, "vmstate-extract", NULL, "vmstate-extract");
	bool need_build = opt_each || opt_dump_to || !src.dump_file || !dest.dump_file;
	if (need_build && (!plugin || !vd_is_file(plugin)))
		vd_die("cannot find the plugin vmstate.so%s%s; give --plugin", plugin ? ": " : "",
		       plugin ? plugin : "");
	o.plugin = plugin;
	struct vd_waivers *waivers = opt_waivers ? vd_waivers_load(opt_waivers) : NULL;
	wire.waivers = waivers ? vd_waivers_set(waivers) : NULL;

	/* State: $cache/trees/<repo>/ (worktrees, build dirs, dumps), $cache/units/. */
	char *cache_dir = cache_root();
	char *state = xasprintf("%s/trees/%s", cache_dir, repo_key(repo));
	vd_mkdirs(state);
	o.state_dir = state;
	lock_state(state, repo);
	struct vd_cache cache;
	if (need_build) {
		char *units = xasprintf("%s/units", cache_dir);
		vd_compile_sweep_stale(units);
		vd_cache_open(&cache, units, plugin);
		free(units);
	}
	if (opt_each) {
		struct vd_series series = { .range = opt_each, .waivers = waivers,
					    .machine = opt_machine, .forward = forward,
					    .backward = backward, .wire = o.wire ? &wire : NULL };
		return finish_stdout(vd_series_run(&o, &cache, &series));
	}
	if (opt_dump_to) {
		/* Baselines: one dump, no check. */
		struct vd_side *one = src.rev ? &src : &dest;
		one->machine = opt_machine;
		vd_side_resolve(&o, one);
		vd_side_make_dump(&o, &cache, one);
		vd_cache_close(&cache);
		vd_progress_clear();
		vd_copy_file(one->dump, opt_dump_to);
		if (vd_verbose)
			vd_note("dump of %s written to %s", one->label, opt_dump_to);
		return finish_stdout(VD_EXIT_OK);
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
	if (opt_output_dir)
		copy_dumps(opt_output_dir, &src, &dest);
	if (o.wire)
		return finish_stdout(check_pair_wire(&o, &src, &dest, &wire,
						     opt_direction ? opt_direction : "both"));
	return finish_stdout(check_pair(&o, &src, &dest, waivers, forward, backward));
}
