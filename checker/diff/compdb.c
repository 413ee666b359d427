/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "compdb.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *vd_normalize_path(const char *dir, const char *path)
{
	char *joined = vd_join(dir, path);
	/* Components, with ".." popping the previous one. */
	size_t n = strlen(joined);
	char *out = xmalloc(n + 2);
	size_t len = 0;
	const char *p = joined;
	while (*p) {
		while (*p == '/')
			p++;
		const char *e = strchr(p, '/');
		size_t cl = e ? (size_t)(e - p) : strlen(p);
		if (cl == 0)
			break;
		if (cl == 1 && p[0] == '.') {
			/* nothing */
		} else if (cl == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else {
			out[len++] = '/';
			memcpy(out + len, p, cl);
			len += cl;
		}
		p += cl;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = 0;
	free(joined);
	return out;
}

bool vd_shell_split(const char *cmd, struct vd_strv *out)
{
	const char *p = cmd;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			return true;
		struct strbuf w = { 0 };
		sb_add(&w, "", 0);
		while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
			if (*p == '\\' && p[1]) {
				sb_add(&w, p + 1, 1);
				p += 2;
			} else if (*p == '\'') {
				const char *e = strchr(p + 1, '\'');
				if (!e) {
					free(w.data);
					return false;
				}
				sb_add(&w, p + 1, (size_t)(e - p - 1));
				p = e + 1;
			} else if (*p == '"') {
				p++;
				while (*p && *p != '"') {
					if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1]))
						p++;
					sb_add(&w, p, 1);
					p++;
				}
				if (*p != '"') {
					free(w.data);
					return false;
				}
				p++;
			} else {
				sb_add(&w, p, 1);
				p++;
			}
		}
		vd_strv_push(out, sb_take(&w));
	}
}

static const char *str_member(json_t *entry, const char *key, const char *path, size_t i,
			      bool required)
{
	json_t *v = json_object_get(entry, key);
	if (!v) {
		if (required)
			vd_die("%s: entry %zu: missing \"%s\"", path, i, key);
		return NULL;
	}
	if (!json_is_string(v))
		vd_die("%s: entry %zu: \"%s\" is not a string", path, i, key);
	return json_string_value(v);
}

void vd_compdb_read(const char *path, struct vd_compdb *db)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root) {
		if (err.line <= 0)
			vd_die("%s: %s", path, err.text);
		vd_die("%s:%d:%d: %s", path, err.line, err.column, err.text);
	}
	if (!json_is_array(root))
		vd_die("%s: not a compilation database (the top level is not an array)", path);
	db->n = json_array_size(root);
	db->tus = xmalloc(sizeof *db->tus * (db->n ? db->n : 1));
	for (size_t i = 0; i < db->n; i++) {
		json_t *e = json_array_get(root, i);
		if (!json_is_object(e))
			vd_die("%s: entry %zu: not an object", path, i);
		struct vd_tu *tu = &db->tus[i];
		memset(tu, 0, sizeof *tu);
		const char *dir = str_member(e, "directory", path, i, true);
		const char *file = str_member(e, "file", path, i, true);
		const char *output = str_member(e, "output", path, i, false);
		if (dir[0] != '/')
			vd_die("%s: entry %zu: \"directory\" is not absolute: %s", path, i, dir);
		tu->directory = vd_normalize_path("/", dir);
		tu->file = vd_normalize_path(tu->directory, file);
		tu->output = output ? vd_normalize_path(tu->directory, output) : NULL;
		json_t *args = json_object_get(e, "arguments");
		if (args) {
			if (!json_is_array(args) || json_array_size(args) == 0)
				vd_die("%s: entry %zu: \"arguments\" is not a non-empty array", path, i);
			for (size_t k = 0; k < json_array_size(args); k++) {
				json_t *a = json_array_get(args, k);
				if (!json_is_string(a))
					vd_die("%s: entry %zu: \"arguments\"[%zu] is not a string", path,
					       i, k);
				vd_strv_push(&tu->args, xstrdup(json_string_value(a)));
			}
		} else {
			const char *cmd = str_member(e, "command", path, i, false);
			if (!cmd)
				vd_die("%s: entry %zu: neither \"arguments\" nor \"command\"", path, i);
			if (!vd_shell_split(cmd, &tu->args))
				vd_die("%s: entry %zu: \"command\" has an unterminated quote", path, i);
			if (tu->args.n == 0)
				vd_die("%s: entry %zu: \"command\" is empty", path, i);
		}
		/* The object, when the entry does not name it: the argument of -o. */
		if (!tu->output) {
			for (size_t k = 0; k + 1 < tu->args.n; k++)
				if (strcmp(tu->args.v[k], "-o") == 0)
					tu->output = vd_normalize_path(tu->directory, tu->args.v[k + 1]);
		}
	}
	json_decref(root);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool vd_tu_is_c_like(const struct vd_tu *tu)
{
	static const char *const exts[] = { ".c", ".cc", ".cpp", ".cxx", ".C" };
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (ends_with(tu->file, exts[i]))
			return true;
	return false;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static bool is_launcher(const char *arg)
{
	const char *b = base_name(arg);
	return strcmp(b, "ccache") == 0 || strcmp(b, "sccache") == 0 || strcmp(b, "distcc") == 0;
}

const char *vd_tu_compiler(const struct vd_tu *tu)
{
	size_t k = 0;
	while (k + 1 < tu->args.n && is_launcher(tu->args.v[k]))
		k++;
	return tu->args.n ? tu->args.v[k] : "";
}

bool vd_tu_is_clang(const struct vd_tu *tu)
{
	return strncmp(base_name(vd_tu_compiler(tu)), "clang", 5) == 0;
}

void vd_compdb_set_compiler(struct vd_compdb *db, const char *cc)
{
	for (size_t i = 0; i < db->n; i++) {
		struct vd_tu *tu = &db->tus[i];
		size_t k = 0;
		while (k + 1 < tu->args.n && is_launcher(tu->args.v[k]))
			k++;
		if (k >= tu->args.n)
			continue;
		free(tu->args.v[k]);
		tu->args.v[k] = xstrdup(cc);
		size_t w = k + 1;
		for (size_t r = k + 1; r < tu->args.n; r++) {
			const char *a = tu->args.v[r];
			bool warning = strncmp(a, "-W", 2) == 0 && strncmp(a, "-Wp,", 4) != 0 &&
				       strncmp(a, "-Wa,", 4) != 0 && strncmp(a, "-Wl,", 4) != 0;
			if (warning)
				free(tu->args.v[r]);
			else
				tu->args.v[w++] = tu->args.v[r];
		}
		tu->args.n = w;
		tu->args.v[w] = NULL;
	}
}

/* TU's compiler and options without the launcher, the object and dependency options and
 * the build's own vmstate plugin; without the source file too when DROP_SOURCE. */
static void plain_args(const struct vd_tu *tu, bool drop_source, struct vd_strv *out)
{
	size_t k = 0;
	while (k + 1 < tu->args.n && is_launcher(tu->args.v[k]))
		k++;
	vd_strv_push(out, xstrdup(tu->args.v[k++]));
	for (; k < tu->args.n; k++) {
		const char *a = tu->args.v[k];
		/* Options with a separate argument that we drop together. */
		if (strcmp(a, "-o") == 0 || strcmp(a, "-MF") == 0 || strcmp(a, "-MT") == 0 ||
		    strcmp(a, "-MQ") == 0) {
			k++;
			continue;
		}
		if (strcmp(a, "-c") == 0 || strcmp(a, "-MD") == 0 || strcmp(a, "-MMD") == 0 ||
		    strcmp(a, "-MP") == 0 || strcmp(a, "-M") == 0 || strcmp(a, "-MM") == 0 ||
		    strncmp(a, "-o", 2) == 0 || strncmp(a, "-MF", 3) == 0 ||
		    strncmp(a, "-MT", 3) == 0 || strncmp(a, "-MQ", 3) == 0 ||
		    strncmp(a, "-save-temps", 11) == 0 || strncmp(a, "-fplugin-arg-vmstate-", 21) == 0 ||
		    (strncmp(a, "-fplugin=", 9) == 0 && strstr(base_name(a + 9), "vmstate")))
			continue;
		if (drop_source && a[0] != '-') {
			char *abs = vd_normalize_path(tu->directory, a);
			bool is_source = strcmp(abs, tu->file) == 0;
			free(abs);
			if (is_source)
				continue;
		}
		vd_strv_push(out, xstrdup(a));
	}
}

void vd_syntax_only_args(const struct vd_tu *tu, const char *plugin, const char *dump_dir,
			 const char *depfile, struct vd_strv *out)
{
	plain_args(tu, false, out);
	vd_strv_push(out, xstrdup("-fsyntax-only"));
	vd_strv_push(out, xstrdup("-w"));
	vd_strv_push(out, xasprintf("-fplugin=%s", plugin));
	vd_strv_push(out, xasprintf("-fplugin-arg-vmstate-dump-dir=%s", dump_dir));
	vd_strv_push(out, xstrdup("-MD"));
	vd_strv_push(out, xstrdup("-MF"));
	vd_strv_push(out, xstrdup(depfile));
	vd_strv_push(out, xstrdup("-MT"));
	vd_strv_push(out, xstrdup("unit"));
}

void vd_pch_options(const struct vd_tu *tu, struct vd_strv *out)
{
	plain_args(tu, true, out);
}
