/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "waiver.h"

#include "../common/alloc.h"
#include "../common/fileio.h"
#include "../common/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define WAIVER_MAGIC "vmstate-waivers"
#define WAIVER_VERSION 1

struct waiver {
	enum finding_kind kind;
	char *section, *description, *field; /* NULL: any */
	char *reason;
	char *where;                         /* FILE:LINE */
	unsigned long used;
};

struct vw_set {
	struct waiver *w;
	size_t n;
};

size_t vw_count(const struct vw_set *set)
{
	return set->n;
}

const char *vw_reason(const struct vw_set *set, size_t i)
{
	return set->w[i].reason;
}

const char *vw_where(const struct vw_set *set, size_t i)
{
	return set->w[i].where;
}

void vw_free(struct vw_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->w[i].section);
		free(set->w[i].description);
		free(set->w[i].field);
		free(set->w[i].reason);
		free(set->w[i].where);
	}
	free(set->w);
	free(set);
}

static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *p;
	if (vasprintf(&p, f, ap) < 0)
		p = NULL;
	va_end(ap);
	return p;
}

static bool eq_or_any(const char *pattern, const char *value)
{
	/* An omitted key matches anything; a given one must equal a value that exists. */
	return !pattern || (value && strcmp(pattern, value) == 0);
}

long vw_match(struct vw_set *set, const struct vw_message *msg)
{
	for (size_t i = 0; i < set->n; i++) {
		struct waiver *w = &set->w[i];
		if (w->kind == msg->kind && eq_or_any(w->section, msg->section) &&
		    eq_or_any(w->description, msg->description) && eq_or_any(w->field, msg->field)) {
			w->used++;
			return (long)i;
		}
	}
	return -1;
}

size_t vw_report_stale(const struct vw_set *set, FILE *out)
{
	size_t n = 0;
	for (size_t i = 0; i < set->n; i++) {
		const struct waiver *w = &set->w[i];
		if (w->used)
			continue;
		n++;
		fprintf(out, "%s: warning: stale waiver: no %s message", w->where,
			finding_kind_name(w->kind));
		fprintf(out, " in section \"%s\"", w->section);
		if (w->description)
			fprintf(out, ", description \"%s\"", w->description);
		if (w->field)
			fprintf(out, ", field \"%s\"", w->field);
		fprintf(out, " (reason: %s)\n", w->reason);
	}
	return n;
}

/* ---- the file: see docs/waivers.md */

struct parser {
	const char *name;
	const char *p;     /* current position */
	const char *line0; /* start of the current line */
	int line;
	char *error;
};

static bool fail(struct parser *ps, const char *at, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	char *m;
	if (vasprintf(&m, what, ap) < 0)
		m = NULL;
	va_end(ap);
	ps->error = fmt("%s:%d:%d: error: %s", ps->name, ps->line, (int)(at - ps->line0) + 1,
			m ? m : "out of memory");
	free(m);
	return false;
}

static void skip_blanks(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static bool at_line_end(const struct parser *ps)
{
	return *ps->p == 0 || *ps->p == '\n' || *ps->p == '#' ||
	       (*ps->p == '\r' && ps->p[1] == '\n');
}

/* A word: letters, digits, '-' and '_'. */
static bool word(struct parser *ps, char *out, size_t size)
{
	const char *s = ps->p;
	size_t n = 0;
	while ((*ps->p >= 'a' && *ps->p <= 'z') || (*ps->p >= 'A' && *ps->p <= 'Z') ||
	       (*ps->p >= '0' && *ps->p <= '9') || *ps->p == '-' || *ps->p == '_')
		ps->p++, n++;
	if (n == 0)
		return fail(ps, s, "expected a word");
	if (n >= size)
		return fail(ps, s, "word too long");
	memcpy(out, s, n);
	out[n] = 0;
	return true;
}

/* "text" with \" and \\ escapes; on one line. */
static bool quoted(struct parser *ps, char **out)
{
	const char *s = ps->p;
	if (*ps->p != '"')
		return fail(ps, s, "expected a double-quoted string");
	ps->p++;
	size_t cap = 64, len = 0;
	char *b = malloc(cap);
	if (!b)
		return fail(ps, s, "out of memory");
	for (;;) {
		char ch = *ps->p;
		if (ch == 0 || ch == '\n') {
			free(b);
			return fail(ps, s, "unterminated string");
		}
		ps->p++;
		if (ch == '"')
			break;
		if (ch == '\\') {
			ch = *ps->p;
			if (ch != '"' && ch != '\\') {
				free(b);
				return fail(ps, ps->p - 1, "unknown escape (only \\\" and \\\\)");
			}
			ps->p++;
		}
		if (len + 2 > cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb) {
				free(b);
				return fail(ps, s, "out of memory");
			}
			b = nb;
		}
		b[len++] = ch;
	}
	b[len] = 0;
	*out = b;
	return true;
}

static bool parse_waiver(struct parser *ps, struct waiver *w)
{
	skip_blanks(ps);
	const char *start = ps->p;
	bool have_kind = false;
	const char *seen[5] = { 0 };
	static const char *const keys[5] = { "kind", "section", "description", "field", "reason" };
	for (;;) {
		skip_blanks(ps);
		if (at_line_end(ps))
			break;
		const char *kat = ps->p;
		char key[32];
		if (!word(ps, key, sizeof key))
			return false;
		int k = -1;
		for (int i = 0; i < 5; i++)
			if (strcmp(key, keys[i]) == 0)
				k = i;
		if (k < 0)
			return fail(ps, kat, "unknown key \"%s\" (expected kind, section, description, "
					     "field or reason)", key);
		if (seen[k])
			return fail(ps, kat, "\"%s\" given twice", key);
		seen[k] = kat;
		if (*ps->p != '=')
			return fail(ps, ps->p, "expected '=' after \"%s\"", key);
		ps->p++;
		if (k == 0) {
			const char *vat = ps->p;
			char kind[32];
			if (!word(ps, kind, sizeof kind))
				return false;
			int kv = finding_kind_from_name(kind);
			if (kv < 0 || !finding_kinds[kv].counted)
				return fail(ps, vat, "unknown kind \"%s\" (see docs/waivers.md)", kind);
			w->kind = (enum finding_kind)kv;
			have_kind = true;
			continue;
		}
		char **slot = k == 1 ? &w->section : k == 2 ? &w->description : k == 3 ? &w->field
										: &w->reason;
		const char *vat = ps->p;
		if (!quoted(ps, slot))
			return false;
		if (**slot == 0 && k != 4)
			return fail(ps, vat, "empty %s (leave the key out to match any)", key);
	}
	if (!have_kind)
		return fail(ps, start, "a waiver needs kind=");
	if (!w->section)
		return fail(ps, start, "a waiver needs section=\"...\"");
	if (!w->reason || !*w->reason)
		return fail(ps, start, "a waiver needs a reason=\"...\" that says why the "
				       "difference is accepted");
	return true;
}

struct vw_set *vw_parse(const char *text, const char *name, char **error)
{
	struct parser ps = { .name = name, .p = text, .line0 = text, .line = 1 };
	struct vw_set *set = calloc(1, sizeof *set);
	size_t cap = 0;
	bool header = false;
	if (!set)
		goto oom;
	while (*ps.p) {
		skip_blanks(&ps);
		if (!at_line_end(&ps)) {
			const char *at = ps.p;
			char w[32];
			if (!word(&ps, w, sizeof w))
				goto bad;
			if (!header) {
				if (strcmp(w, WAIVER_MAGIC) != 0) {
					fail(&ps, at, "expected the header \"" WAIVER_MAGIC " %d\"",
					     WAIVER_VERSION);
					goto bad;
				}
				skip_blanks(&ps);
				const char *vat = ps.p;
				char *end;
				long v = strtol(ps.p, &end, 10);
				if (end == ps.p) {
					fail(&ps, vat, "expected the format version after \"" WAIVER_MAGIC "\"");
					goto bad;
				}
				if (v != WAIVER_VERSION) {
					fail(&ps, vat, "format version %ld is not supported (this reader "
						       "knows %d)", v, WAIVER_VERSION);
					goto bad;
				}
				ps.p = end;
				header = true;
			} else if (strcmp(w, "waive") == 0) {
				if (set->n == cap) {
					cap = cap ? cap * 2 : 16;
					struct waiver *nw = realloc(set->w, cap * sizeof *nw);
					if (!nw)
						goto oom;
					set->w = nw;
				}
				struct waiver *wv = &set->w[set->n];
				memset(wv, 0, sizeof *wv);
				set->n++;
				wv->where = fmt("%s:%d", name, ps.line);
				if (!parse_waiver(&ps, wv))
					goto bad;
			} else {
				fail(&ps, at, "expected \"waive\", got \"%s\"", w);
				goto bad;
			}
			skip_blanks(&ps);
			if (!at_line_end(&ps)) {
				fail(&ps, ps.p, "unexpected text at the end of the line");
				goto bad;
			}
		}
		/* Rest of the line (a comment) and the newline. */
		while (*ps.p && *ps.p != '\n')
			ps.p++;
		if (*ps.p == '\n') {
			ps.p++;
			ps.line++;
			ps.line0 = ps.p;
		}
	}
	if (!header) {
		ps.error = fmt("%s:%d:1: error: empty waiver file (expected the header \""
			       WAIVER_MAGIC " %d\")", name, ps.line, WAIVER_VERSION);
		goto bad;
	}
	return set;
oom:
	ps.error = fmt("%s: error: out of memory", name);
bad:
	*error = ps.error;
	vw_free(set);
	return NULL;
}

struct vw_set *vw_load(const char *path, char **error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*error = xasprintf("%s: error: cannot read the waiver file: %s", path,
				   strerror(errno));
		return NULL;
	}
	struct stat st;
	struct strbuf text = STRBUF_INIT;
	const char *why = fstat(fd, &st) != 0 ? strerror(errno) : check_input_kind(fd, &st);
	if (!why)
		read_input(fd, VW_MAX_FILE, &text, &why);
	close(fd);
	if (why) {
		sb_release(&text);
		*error = xasprintf("%s: error: cannot read the waiver file: %s", path, why);
		return NULL;
	}
	if (strlen(text.data) != text.len) {
		sb_release(&text);
		*error = xasprintf("%s: error: the waiver file contains a NUL byte", path);
		return NULL;
	}
	struct vw_set *set = vw_parse(text.data, path, error);
	sb_release(&text);
	return set;
}

/* ---- the checker's report, read back */

/* Matches LINE against PATTERN, where %S %D %F %G capture a name and %* skips the rest
 * of the line.  Captures are the shortest that let the rest match and never contain a
 * closing quote, so that each line reads back one way only. */
static bool match(const char *p, const char *s, const char *caps[4], size_t lens[4])
{
	for (; *p; p++, s++) {
		if (*p == '%') {
			char c = *++p;
			if (c == '*')
				return true;
			int slot = (int)(strchr("SDFG", c) - "SDFG");
			for (const char *e = s;; e++) {
				const char *save = caps[slot];
				size_t save_len = lens[slot];
				caps[slot] = s;
				lens[slot] = (size_t)(e - s);
				if (match(p + 1, e, caps, lens))
					return true;
				caps[slot] = save;
				lens[slot] = save_len;
				/* A name never spans the quote that closes it: '"' then ' ', ',',
				 * ':' or ';' (the texts around names in the checker's messages). */
				if (!*e || (e[0] == '"' && e[1] && strchr(" ,:;", e[1])))
					return false;
			}
		}
		if (*p != *s)
			return false;
	}
	return *s == 0;
}

/* The report patterns of the counted kinds, made from their templates (findings.h):
 * every optional part in or out (in first), {S} {D} {F} {G} captured, {H} as {G}, and
 * the text from the first printed value on skipped. */
enum { MAX_OPTIONAL = 3, MAX_PATTERNS = FINDING_KIND_COUNT << MAX_OPTIONAL };
static struct report_pattern {
	enum finding_kind kind;
	char text[256];
} patterns[MAX_PATTERNS];
static size_t n_patterns;

static void make_pattern(enum finding_kind kind, unsigned leave_out)
{
	struct report_pattern *rp = &patterns[n_patterns++];
	char *o = rp->text;
	unsigned optional = 0;
	bool skipping = false;
	rp->kind = kind;
	for (const char *p = finding_kinds[kind].template; *p; p++) {
		if (*p == '[') {
			skipping = leave_out & (1u << optional++);
		} else if (*p == ']') {
			skipping = false;
		} else if (skipping) {
			continue;
		} else if (*p == '{') {
			char c = p[1] == 'H' ? 'G' : p[1];
			*o++ = '%';
			if (c == 'a' || c == 'b')
				break;
			*o++ = c;
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	if (o[-1] == '%')
		*o++ = '*';
	*o = '\0';
}

static void make_patterns(void)
{
	if (n_patterns)
		return;
	for (int k = 0; k < FINDING_KIND_COUNT; k++) {
		if (!finding_kinds[k].counted)
			continue;
		unsigned optional = 0;
		for (const char *p = finding_kinds[k].template; (p = strchr(p, '[')); p++)
			optional++;
		for (unsigned out = 0; out < 1u << optional; out++)
			make_pattern((enum finding_kind)k, out);
	}
}

static const char *copy_out(char **b, size_t *room, const char *s, size_t n, bool *ok)
{
	if (!s)
		return NULL;
	if (n + 1 > *room) {
		*ok = false;
		return NULL;
	}
	char *d = *b;
	memcpy(d, s, n);
	d[n] = 0;
	*b += n + 1;
	*room -= n + 1;
	return d;
}

bool vw_parse_report_line(const char *line, struct vw_message *msg, char *buf, size_t size)
{
	/* The dangling section-level prefix: Section "S" followed by another message. */
	if (strncmp(line, "Section \"", 9) == 0) {
		const char *q = strchr(line + 9, '"');
		if (q && q[1] == ' ' && (strncmp(q + 2, "Section \"", 9) == 0 ||
					 strncmp(q + 2, "Warning: ", 9) == 0))
			line = q + 2;
	}
	make_patterns();
	for (size_t i = 0; i < n_patterns; i++) {
		const char *caps[4] = { NULL, NULL, NULL, NULL };
		size_t lens[4] = { 0, 0, 0, 0 };
		if (!match(patterns[i].text, line, caps, lens))
			continue;
		bool ok = true;
		char *b = buf;
		size_t room = size;
		msg->kind = patterns[i].kind;
		msg->section = copy_out(&b, &room, caps[0], lens[0], &ok);
		msg->description = copy_out(&b, &room, caps[1], lens[1], &ok);
		msg->field = copy_out(&b, &room, caps[2], lens[2], &ok);
		msg->other = copy_out(&b, &room, caps[3], lens[3], &ok);
		return ok;
	}
	return false;
}
