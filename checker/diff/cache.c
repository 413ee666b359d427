/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when the key or the manifest changes meaning. */
#define CACHE_FORMAT "vmstate-diff-cache 1"
/* Manifest entries kept per unit key (one per set of header contents seen). */
#define MAX_ENTRIES 8

/* A file's content hash, known in this run (CHECKED) or from the last run's stat cache,
 * valid while the file's size, times and inode are those recorded. */
struct memo_slot {
	char *path;
	char hash[VD_HEX_LEN];
	bool checked;
	long long size, mtime_s, mtime_ns, ctime_s, ctime_ns, ino;
};

struct vd_hash_memo {
	struct memo_slot *slots;
	size_t cap, used;
};

static size_t str_hash(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct memo_slot *memo_find(struct vd_hash_memo *m, const char *path)
{
	size_t i = str_hash(path) & (m->cap - 1);
	while (m->slots[i].path && strcmp(m->slots[i].path, path) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void memo_grow(struct vd_hash_memo *m)
{
	struct vd_hash_memo old = *m;
	m->cap = old.cap ? old.cap * 2 : 4096;
	m->slots = calloc(m->cap, sizeof *m->slots);
	if (!m->slots)
		vd_die("out of memory");
	m->used = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].path)
			continue;
		*memo_find(m, old.slots[i].path) = old.slots[i];
		m->used++;
	}
	free(old.slots);
}

static void hash_file(const char *path, char out[VD_HEX_LEN])
{
	size_t len;
	char *data = vd_read_file(path, &len);
	if (!data) {
		snprintf(out, VD_HEX_LEN, "missing");
		return;
	}
	struct vd_sha256 s;
	vd_sha256_init(&s);
	vd_sha256_update(&s, data, len);
	vd_sha256_hex(&s, out);
	free(data);
}

static void take_stat(struct memo_slot *s, const struct stat *st)
{
	s->size = (long long)st->st_size;
	s->mtime_s = (long long)st->st_mtim.tv_sec;
	s->mtime_ns = st->st_mtim.tv_nsec;
	s->ctime_s = (long long)st->st_ctim.tv_sec;
	s->ctime_ns = st->st_ctim.tv_nsec;
	s->ino = (long long)st->st_ino;
}

const char *vd_cache_file_hash(struct vd_cache *c, const char *path)
{
	struct vd_hash_memo *m = c->memo;
	if ((m->used + 1) * 2 > m->cap)
		memo_grow(m);
	struct memo_slot *s = memo_find(m, path);
	if (s->path && s->checked)
		return s->hash;
	struct stat st;
	bool have_stat = stat(path, &st) == 0;
	if (s->path && have_stat) {
		struct memo_slot now = *s;
		take_stat(&now, &st);
		if (now.size == s->size && now.mtime_s == s->mtime_s && now.mtime_ns == s->mtime_ns &&
		    now.ctime_s == s->ctime_s && now.ctime_ns == s->ctime_ns && now.ino == s->ino) {
			s->checked = true;
			return s->hash;
		}
	}
	if (!s->path) {
		s->path = xstrdup(path);
		m->used++;
	}
	hash_file(path, s->hash);
	s->checked = true;
	c->stat_cache_dirty = true;
	if (have_stat)
		take_stat(s, &st);
	else
		s->size = -1;
	return s->hash;
}

void vd_cache_recheck(struct vd_cache *c)
{
	for (size_t i = 0; i < c->memo->cap; i++)
		c->memo->slots[i].checked = false;
}

/* The stat cache: "HASH SIZE MTIME_S MTIME_NS CTIME_S CTIME_NS INO PATH" lines. */
static char *stat_cache_path(struct vd_cache *c)
{
	return xasprintf("%s/stat-cache", c->dir);
}

static void load_stat_cache(struct vd_cache *c)
{
	char *path = stat_cache_path(c);
	char *text = vd_read_file(path, NULL);
	free(path);
	if (!text)
		return;
	char *save;
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		struct memo_slot e = { 0 };
		char hash[VD_HEX_LEN];
		int off = 0;
		if (sscanf(l, "%64s %lld %lld %lld %lld %lld %lld %n", hash, &e.size, &e.mtime_s,
			   &e.mtime_ns, &e.ctime_s, &e.ctime_ns, &e.ino, &off) != 7 || !off || !l[off])
			continue;
		struct vd_hash_memo *m = c->memo;
		if ((m->used + 1) * 2 > m->cap)
			memo_grow(m);
		struct memo_slot *s = memo_find(m, l + off);
		if (s->path)
			continue;
		e.path = xstrdup(l + off);
		memcpy(e.hash, hash, VD_HEX_LEN);
		*s = e;
		m->used++;
	}
	free(text);
}

void vd_cache_close(struct vd_cache *c)
{
	if (!c->stat_cache_dirty)
		return;
	/* A file changed in the last seconds may change again within its time stamp's
	 * granularity: such entries are not kept. */
	long long recent = (long long)time(NULL) - 2;
	struct strbuf b = { 0 };
	for (size_t i = 0; i < c->memo->cap; i++) {
		const struct memo_slot *s = &c->memo->slots[i];
		if (!s->path || s->size < 0 || strcmp(s->hash, "missing") == 0 ||
		    s->mtime_s >= recent || s->ctime_s >= recent || strchr(s->path, '\n'))
			continue;
		sb_printf(&b, "%s %lld %lld %lld %lld %lld %lld %s\n", s->hash, s->size, s->mtime_s,
			    s->mtime_ns, s->ctime_s, s->ctime_ns, s->ino, s->path);
	}
	char *path = stat_cache_path(c);
	if (!write_atomic(path, b.data ? b.data : "", b.len))
		vd_warn("cannot write %s: %s", path, strerror(errno));
	free(path);
	free(b.data);
}

void vd_cache_open(struct vd_cache *c, const char *dir, const char *plugin)
{
	memset(c, 0, sizeof *c);
	c->dir = xstrdup(dir);
	c->memo = calloc(1, sizeof *c->memo);
	if (!c->memo)
		vd_die("out of memory");
	memo_grow(c->memo);
	load_stat_cache(c);
	char *p = xasprintf("%s/manifests", dir);
	vd_mkdirs(p);
	free(p);
	p = xasprintf("%s/fragments", dir);
	vd_mkdirs(p);
	free(p);
	const char *h = vd_cache_file_hash(c, plugin);
	if (strcmp(h, "missing") == 0)
		vd_die("%s: cannot read the plugin: %s", plugin, strerror(errno));
	memcpy(c->plugin_hash, h, VD_HEX_LEN);
}

static bool under(const char *path, const char *root, const char **rest)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0 || (path[n] != '/' && path[n] != 0))
		return false;
	*rest = path[n] ? path + n + 1 : "";
	return true;
}

/* An absolute path as recorded: "@S@/rel", "@B@/rel" or itself. */
static char *portable_path(const struct vd_roots *r, const char *abs)
{
	const char *rest;
	/* The build root may lie inside the source root: test it first. */
	if (under(abs, r->build, &rest))
		return xasprintf("@B@/%s", rest);
	if (under(abs, r->src, &rest))
		return xasprintf("@S@/%s", rest);
	return xstrdup(abs);
}

/* A recorded path made absolute for this side, in a reused buffer. */
static const char *local_path_buf(const struct vd_roots *r, const char *portable, struct strbuf *b)
{
	const char *root = NULL;
	if (strncmp(portable, "@B@/", 4) == 0)
		root = r->build;
	else if (strncmp(portable, "@S@/", 4) == 0)
		root = r->src;
	if (!root)
		return portable;
	b->len = 0;
	sb_puts(b, root);
	sb_add(b, "/", 1);
	sb_puts(b, portable + 4);
	return b->data;
}

/* The path in a compile command argument: a plain word, or the path glued to a
 * directory option (*PREFIX gets the option); NULL for any other option. */
static const char *arg_path(const char *arg, const char **prefix)
{
	static const char *const prefixes[] = { "-I", "-isystem", "-iquote", "-idirafter",
						"-include", "-imacros", "--sysroot=", "-B" };
	*prefix = "";
	if (arg[0] != '-')
		return arg;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(arg, prefixes[i], n) == 0 && arg[n]) {
			*prefix = prefixes[i];
			return arg + n;
		}
	}
	return NULL;
}

/* An argument with the paths in it made portable (relative to the unit's directory). */
static char *portable_arg(const struct vd_roots *r, const char *dir, const char *arg)
{
	const char *prefix, *path = arg_path(arg, &prefix);
	if (!path)
		return xstrdup(arg);
	char *abs = vd_normalize_path(dir, path);
	char *p = portable_path(r, abs);
	free(abs);
	/* A word that names nothing under a root stays as it was. */
	if (p[0] != '@') {
		free(p);
		return xstrdup(arg);
	}
	char *out = xasprintf("%s%s", prefix, p);
	free(p);
	return out;
}

char *vd_rebase_arg(const char *from, const char *to, const char *dir, const char *arg)
{
	const char *prefix, *path = arg_path(arg, &prefix);
	if (!path)
		return xstrdup(arg);
	char *abs = vd_normalize_path(dir, path);
	const char *rest;
	char *out = under(abs, from, &rest) ? xasprintf("%s%s%s%s", prefix, to, *rest ? "/" : "",
						       rest)
					    : xstrdup(arg);
	free(abs);
	return out;
}

/* The compiler: its resolved file and that file's size and time, so that an upgraded
 * compiler misses the cache. */
static void add_compiler(struct vd_sha256 *s, const char *compiler)
{
	/* Most units share one compiler: its identity is looked up once. */
	static char *last_compiler, *last_identity;
	if (last_compiler && strcmp(last_compiler, compiler) == 0) {
		vd_sha256_update_str(s, last_identity);
		return;
	}
	struct strbuf id = { 0 };
	char *found = NULL;
	if (strchr(compiler, '/')) {
		found = xstrdup(compiler);
	} else {
		const char *path = getenv("PATH");
		char *copy = xstrdup(path ? path : "/usr/bin:/bin");
		for (char *save, *d = strtok_r(copy, ":", &save); d && !found;
		     d = strtok_r(NULL, ":", &save)) {
			char *cand = xasprintf("%s/%s", d, compiler);
			if (access(cand, X_OK) == 0)
				found = cand;
			else
				free(cand);
		}
		free(copy);
	}
	struct stat st;
	char buf[128] = "unknown";
	if (found) {
		char *real = realpath(found, NULL);
		if (real && stat(real, &st) == 0)
			snprintf(buf, sizeof buf, "%lld:%lld.%09ld", (long long)st.st_size,
				 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		sb_puts(&id, real ? real : found);
		free(real);
	}
	sb_printf(&id, "|%s|%s", compiler, buf);
	free(found);
	free(last_compiler);
	free(last_identity);
	last_compiler = xstrdup(compiler);
	last_identity = sb_take(&id);
	vd_sha256_update_str(s, last_identity);
}

void vd_cache_unit_key(struct vd_cache *c, const struct vd_tu *tu, const struct vd_roots *r,
		       char key[VD_HEX_LEN])
{
	struct vd_sha256 s;
	vd_sha256_init(&s);
	vd_sha256_update_str(&s, CACHE_FORMAT);
	vd_sha256_update_str(&s, c->plugin_hash);
	size_t k = 0;
	while (k + 1 < tu->args.n && (strstr(tu->args.v[k], "ccache") || strstr(tu->args.v[k], "distcc")))
		k++;
	add_compiler(&s, tu->args.v[k]);
	char *dir = portable_path(r, tu->directory);
	vd_sha256_update_str(&s, dir);
	free(dir);
	for (; k < tu->args.n; k++) {
		char *a = portable_arg(r, tu->directory, tu->args.v[k]);
		vd_sha256_update_str(&s, a);
		free(a);
	}
	char *file = portable_path(r, tu->file);
	vd_sha256_update_str(&s, file);
	free(file);
	vd_sha256_update_str(&s, vd_cache_file_hash(c, tu->file));
	vd_sha256_hex(&s, key);
}

static char *manifest_path(struct vd_cache *c, const char *key)
{
	return xasprintf("%s/manifests/%.2s/%s", c->dir, key, key);
}

static char *fragment_path(struct vd_cache *c, const char *fkey)
{
	return xasprintf("%s/fragments/%.2s/%s.vmfrag.json", c->dir, fkey, fkey);
}

/* A manifest is text:
 *   vmstate-diff-cache 1
 *   entry FRAGMENT-KEY
 *   dep HASH PORTABLE-PATH      (one per file the compilation read)
 *   end
 * with the newest entry first. */
char *vd_cache_lookup(struct vd_cache *c, const char *key, const struct vd_roots *r)
{
	char *mpath = manifest_path(c, key);
	char *text = vd_read_file(mpath, NULL);
	free(mpath);
	if (!text) {
		c->misses++;
		return NULL;
	}
	char *result = NULL;
	struct strbuf buf = { 0 };
	char *save;
	char *line = strtok_r(text, "\n", &save);
	if (!line || strcmp(line, CACHE_FORMAT) != 0)
		goto out;
	char fkey[VD_HEX_LEN] = "";
	bool ok = false;
	while ((line = strtok_r(NULL, "\n", &save))) {
		if (strncmp(line, "entry ", 6) == 0) {
			snprintf(fkey, sizeof fkey, "%s", line + 6);
			ok = true;
		} else if (strncmp(line, "dep ", 4) == 0 && ok) {
			char *sp = strchr(line + 4, ' ');
			if (!sp) {
				ok = false;
				continue;
			}
			*sp = 0;
			const char *local = local_path_buf(r, sp + 1, &buf);
			ok = strcmp(vd_cache_file_hash(c, local), line + 4) == 0;
		} else if (strcmp(line, "end") == 0 && ok) {
			char *f = fragment_path(c, fkey);
			if (vd_is_file(f)) {
				result = f;
				break;
			}
			free(f);
			ok = false;
		}
	}
out:
	free(text);
	free(buf.data);
	if (result)
		c->hits++;
	else
		c->misses++;
	return result;
}

/* The dependencies of a make rule written by -MD: words after the colon, with
 * backslash-newline continuations and backslash-escaped spaces. */
static void parse_depfile(const char *text, struct vd_strv *deps)
{
	const char *p = strchr(text, ':');
	/* A colon inside a path is escaped; the first unescaped one ends the target. */
	while (p && p > text && p[-1] == '\\')
		p = strchr(p + 1, ':');
	if (!p)
		return;
	p++;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || (*p == '\\' && p[1] == '\n'))
			p += (*p == '\\') ? 2 : 1;
		if (!*p)
			return;
		struct strbuf w = { 0 };
		while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
			if (*p == '\\' && p[1] == '\n')
				break;
			if (*p == '\\' && (p[1] == ' ' || p[1] == '#' || p[1] == ':')) {
				sb_add(&w, p + 1, 1);
				p += 2;
				continue;
			}
			if (*p == '$' && p[1] == '$') {
				sb_add(&w, "$", 1);
				p += 2;
				continue;
			}
			sb_add(&w, p, 1);
			p++;
		}
		/* A second rule (from -MP) ends the list. */
		if (w.len && w.data[w.len - 1] == ':') {
			free(w.data);
			return;
		}
		vd_strv_push(deps, sb_take(&w));
	}
}

char *vd_cache_store(struct vd_cache *c, const char *key, const struct vd_roots *r,
		     const char *dir, const char *fragment, const char *depfile,
		     const char *ignore_under)
{
	char *dtext = vd_read_file(depfile, NULL);
	if (!dtext)
		vd_die("%s: cannot read the compiler's dependency file: %s", depfile, strerror(errno));
	struct vd_strv deps = { 0 };
	parse_depfile(dtext, &deps);
	free(dtext);
	if (deps.n == 0)
		vd_die("%s: the compiler's dependency file lists no input", depfile);
	if (ignore_under) {
		const char *rest;
		size_t w = 0;
		for (size_t i = 0; i < deps.n; i++) {
			char *abs = vd_normalize_path(dir, deps.v[i]);
			if (under(abs, ignore_under, &rest))
				free(deps.v[i]);
			else
				deps.v[w++] = deps.v[i];
			free(abs);
		}
		deps.n = w;
		deps.v[w] = NULL;
	}

	struct strbuf entry = { 0 };
	struct vd_sha256 s;
	vd_sha256_init(&s);
	vd_sha256_update_str(&s, key);
	for (size_t i = 0; i < deps.n; i++) {
		char *abs = vd_normalize_path(dir, deps.v[i]);
		const char *h = vd_cache_file_hash(c, abs);
		char *portable = portable_path(r, abs);
		sb_printf(&entry, "dep %s %s\n", h, portable);
		vd_sha256_update_str(&s, h);
		vd_sha256_update_str(&s, portable);
		free(portable);
		free(abs);
	}
	vd_strv_free(&deps);
	char fkey[VD_HEX_LEN];
	vd_sha256_hex(&s, fkey);

	char *fpath = fragment_path(c, fkey);
	char *fdir = xasprintf("%s/fragments/%.2s", c->dir, fkey);
	vd_mkdirs(fdir);
	free(fdir);
	if (rename(fragment, fpath) != 0)
		vd_die("cannot move %s to %s: %s", fragment, fpath, strerror(errno));

	/* The new entry first, then at most MAX_ENTRIES - 1 older ones. */
	char *mpath = manifest_path(c, key);
	char *mdir = xasprintf("%s/manifests/%.2s", c->dir, key);
	vd_mkdirs(mdir);
	free(mdir);
	struct strbuf m = { 0 };
	sb_printf(&m, "%s\nentry %s\n%send\n", CACHE_FORMAT, fkey, entry.data);
	free(entry.data);
	char *old = vd_read_file(mpath, NULL);
	if (old && strncmp(old, CACHE_FORMAT "\n", strlen(CACHE_FORMAT) + 1) == 0) {
		int kept = 1;
		const char *p = old + strlen(CACHE_FORMAT) + 1;
		while (*p && kept < MAX_ENTRIES) {
			const char *e = strstr(p, "\nend\n");
			if (!e)
				break;
			if (strncmp(p, "entry ", 6) == 0 && strncmp(p + 6, fkey, strlen(fkey)) != 0) {
				sb_add(&m, p, (size_t)(e - p) + 5);
				kept++;
			}
			p = e + 5;
		}
	}
	free(old);
	if (!write_atomic(mpath, m.data, m.len))
		vd_die("cannot write %s: %s", mpath, strerror(errno));
	free(m.data);
	free(mpath);
	return fpath;
}
