/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The waiver file format (docs/waivers.md): reading it, and writing suggestions. */
#include "waiver_set.h"
#include "../common/alloc.h"
#include "../common/diag.h"
#include "../common/fileio.h"
#include "../common/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WAIVER_MAGIC "vmstate-waivers"
/* 1: exact names, one kind a record.  2: shell patterns, kind lists, other=, change=.
 * 3: waive-wire records, for the wire findings (checker/wire). */
#define WAIVER_VERSION 3
#define WAIVER_WIRE_VERSION 3

/* Where a waiver file is wrong ("FILE:LINE:COL") and what is wrong. */
struct failure {
	char *where;
	char *text;
};

__attribute__((format(printf, 3, 4)))
static void set_failure(struct failure *f, char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	f->where = where;
	f->text = xvasprintf(fmt, ap);
	va_end(ap);
}

struct parser {
	const char *name;
	const char *p;     /* current position */
	const char *line0; /* start of the current line */
	int line;
	int version;       /* of the file, once its header is read */
	struct failure *error;
};

__attribute__((format(printf, 3, 4)))
static bool fail(struct parser *ps, const char *at, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	ps->error->where = xasprintf("%s:%d:%d", ps->name, ps->line, (int)(at - ps->line0) + 1);
	ps->error->text = xvasprintf(what, ap);
	va_end(ap);
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
	struct strbuf b = STRBUF_INIT;
	sb_reserve(&b, 0);
	for (;;) {
		char ch = *ps->p;
		if (ch == 0 || ch == '\n') {
			sb_release(&b);
			return fail(ps, s, "unterminated string");
		}
		ps->p++;
		if (ch == '"')
			break;
		if (ch == '\\') {
			ch = *ps->p;
			if (ch != '"' && ch != '\\') {
				sb_release(&b);
				return fail(ps, ps->p - 1, "unknown escape (only \\\" and \\\\)");
			}
			ps->p++;
		}
		sb_putc(&b, ch);
	}
	*out = sb_take(&b);
	return true;
}

/* kind=K or, in format 2, kind=K,K... or kind=counted (every counted kind); in a
 * waive-wire record the wire kinds, or kind=all (every wire kind). */
static bool kinds(struct parser *ps, struct waiver *w)
{
	bool wire = w->family == FINDING_WIRE;
	enum finding_family other = wire ? FINDING_REFERENCE : FINDING_WIRE;
	for (;;) {
		const char *at = ps->p;
		char name[32];
		if (!word(ps, name, sizeof name))
			return false;
		int k = finding_kind_from_name(w->family, name);
		if (strcmp(name, wire ? "all" : "counted") == 0 && ps->version >= 2) {
			for (k = 0; k < FINDING_KIND_COUNT; k++)
				if (finding_kinds[k].family == w->family && vw_waivable(k))
					w->kinds |= FINDING_BIT(k);
		} else if (k < 0 && vw_waivable(finding_kind_from_name(other, name))) {
			return fail(ps, at, "unknown %skind \"%s\" (%s, see docs/waivers.md)",
				    wire ? "wire " : "", name,
				    wire ? "a reference kind: a waive record"
					 : "a wire kind: a waive-wire record, format 3");
		} else if (k < 0 || !vw_waivable(k)) {
			return fail(ps, at, "unknown %skind \"%s\" (see docs/waivers.md)",
				    wire ? "wire " : "", name);
		} else {
			w->kinds |= FINDING_BIT(k);
		}
		if (*ps->p != ',')
			return true;
		if (ps->version < 2)
			return fail(ps, ps->p, "a list of kinds needs format version 2");
		ps->p++;
	}
}

/* change="FROM -> TO": for kinds whose rename reads both ways. */
static bool change(struct parser *ps, struct waiver *w, const char *at, char *text)
{
	char *arrow = strstr(text, " -> ");
	if (!arrow || arrow == text || !arrow[4] || strstr(arrow + 4, " -> ")) {
		free(text);
		return fail(ps, at, "change= takes \"OLD -> NEW\"");
	}
	w->change_from = xstrndup(text, (size_t)(arrow - text));
	w->change_to = xstrdup(arrow + 4);
	free(text);
	return true;
}

enum key { KEY_KIND, KEY_SECTION, KEY_DESCRIPTION, KEY_FIELD, KEY_OTHER, KEY_CHANGE,
	   KEY_REASON, N_KEYS };
static const char *const key_names[N_KEYS] = { "kind", "section", "description", "field",
					       "other", "change", "reason" };

static char **slot_of(struct waiver *w, enum key k)
{
	switch (k) {
	case KEY_SECTION: return &w->section;
	case KEY_DESCRIPTION: return &w->description;
	case KEY_FIELD: return &w->field;
	case KEY_OTHER: return &w->other;
	default: return &w->reason;
	}
}

/* The key at ps->p, which must be one of this file's version and of the record's
 * family: a wire finding has no other name (other=, change=). */
static bool key(struct parser *ps, const struct waiver *w, enum key *out)
{
	const char *at = ps->p;
	char name[32];
	if (!word(ps, name, sizeof name))
		return false;
	for (int k = 0; k < N_KEYS; k++) {
		if (strcmp(name, key_names[k]) != 0)
			continue;
		if (ps->version < 2 && (k == KEY_OTHER || k == KEY_CHANGE))
			return fail(ps, at, "\"%s\" needs format version 2 (" WAIVER_MAGIC " 2)",
				    name);
		if (w->family == FINDING_WIRE && (k == KEY_OTHER || k == KEY_CHANGE))
			break;
		*out = (enum key)k;
		return true;
	}
	if (ps->version < 2 || w->family == FINDING_WIRE)
		return fail(ps, at, "unknown key \"%s\"%s (expected kind, section, description, "
				    "field or reason)", name,
			    w->family == FINDING_WIRE ? " in a waive-wire record" : "");
	return fail(ps, at, "unknown key \"%s\" (expected kind, section, description, field, "
			    "other, change or reason)", name);
}

/* What a record needs once all its keys are read. */
static bool complete(struct parser *ps, const char *start, struct waiver *w)
{
	if (!w->kinds)
		return fail(ps, start, "a waiver needs kind=");
	if (!w->section)
		return fail(ps, start, "a waiver needs section=\"...\"");
	if (!w->reason || !*w->reason)
		return fail(ps, start, "a waiver needs a reason=\"...\" that says why the "
				       "difference is accepted");
	for (int k = 0; w->change_from && k < FINDING_REFERENCE_COUNT; k++) {
		if (!(w->kinds & FINDING_BIT(k)))
			continue;
		char slot = finding_kinds[k].renamed_slot;
		if (!slot)
			return fail(ps, start, "change= fits only kinds of a rename "
					       "(field-mismatch, description-renamed), not %s",
				    finding_kinds[k].name);
		if (w->other || (slot == 'F' ? w->field : w->description))
			return fail(ps, start, "change= already names the %s and other= of %s",
				    slot == 'F' ? "field" : "description", finding_kinds[k].name);
	}
	return true;
}

static bool parse_waiver(struct parser *ps, struct waiver *w)
{
	skip_blanks(ps);
	const char *start = ps->p;
	bool seen[N_KEYS] = { false };
	w->patterns = ps->version >= 2;
	for (;;) {
		skip_blanks(ps);
		if (at_line_end(ps))
			break;
		const char *kat = ps->p;
		enum key k = KEY_KIND;
		if (!key(ps, w, &k))
			return false;
		if (seen[k])
			return fail(ps, kat, "\"%s\" given twice", key_names[k]);
		seen[k] = true;
		if (*ps->p != '=')
			return fail(ps, ps->p, "expected '=' after \"%s\"", key_names[k]);
		ps->p++;
		if (k == KEY_KIND) {
			if (!kinds(ps, w))
				return false;
			continue;
		}
		const char *vat = ps->p;
		char *value = NULL;
		if (!quoted(ps, &value))
			return false;
		if (!*value && k != KEY_REASON) {
			free(value);
			return fail(ps, vat, "empty %s (leave the key out to match any)",
				    key_names[k]);
		}
		if (k == KEY_CHANGE) {
			if (!change(ps, w, vat, value))
				return false;
			continue;
		}
		*slot_of(w, k) = value;
	}
	return complete(ps, start, w);
}

/* The header "vmstate-waivers N" at ps->p. */
static bool header(struct parser *ps)
{
	const char *at = ps->p;
	char w[32];
	if (!word(ps, w, sizeof w))
		return false;
	if (strcmp(w, WAIVER_MAGIC) != 0)
		return fail(ps, at, "expected the header \"" WAIVER_MAGIC " %d\"", WAIVER_VERSION);
	skip_blanks(ps);
	const char *vat = ps->p;
	char *end;
	long v = strtol(ps->p, &end, 10);
	if (end == ps->p)
		return fail(ps, vat, "expected the format version after \"" WAIVER_MAGIC "\"");
	if (v < 1 || v > WAIVER_VERSION)
		return fail(ps, vat, "format version %ld is not supported (this reader knows 1 to %d)",
			    v, WAIVER_VERSION);
	ps->p = end;
	ps->version = (int)v;
	return true;
}

/* One line that is not blank: the header, or a record. */
static bool line(struct parser *ps, struct vw_set *set)
{
	if (!ps->version)
		return header(ps);
	const char *at = ps->p;
	char w[32];
	if (!word(ps, w, sizeof w))
		return false;
	bool wire = strcmp(w, "waive-wire") == 0;
	if (wire && ps->version < WAIVER_WIRE_VERSION)
		return fail(ps, at, "\"waive-wire\" needs format version %d (" WAIVER_MAGIC " %d)",
			    WAIVER_WIRE_VERSION, WAIVER_WIRE_VERSION);
	if (!wire && strcmp(w, "waive") != 0)
		return fail(ps, at, "expected \"waive\"%s, got \"%s\"",
			    ps->version >= WAIVER_WIRE_VERSION ? " or \"waive-wire\"" : "", w);
	xgrow(&set->w, &set->cap, set->n + 1, sizeof(*set->w));
	struct waiver *wv = &set->w[set->n++];
	memset(wv, 0, sizeof(*wv));
	wv->family = wire ? FINDING_WIRE : FINDING_REFERENCE;
	wv->where = xasprintf("%s:%d", ps->name, ps->line);
	return parse_waiver(ps, wv);
}

static struct vw_set *parse_set(const char *text, const char *name, struct failure *error)
{
	struct parser ps = { .name = name, .p = text, .line0 = text, .line = 1, .error = error };
	struct vw_set *set = xcalloc(1, sizeof(*set));
	while (*ps.p) {
		skip_blanks(&ps);
		if (!at_line_end(&ps)) {
			if (!line(&ps, set))
				goto bad;
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
	if (ps.version)
		return set;
	set_failure(error, xasprintf("%s:%d:1", name, ps.line), "empty waiver file (expected the "
		    "header \"" WAIVER_MAGIC " %d\")", WAIVER_VERSION);
bad:
	vw_free(set);
	return NULL;
}

static struct vw_set *load_set(const char *path, struct failure *error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		set_failure(error, xstrdup(path), "cannot read the waiver file: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	struct strbuf text = STRBUF_INIT;
	const char *why = fstat(fd, &st) != 0 ? strerror(errno) : check_input_kind(fd, &st);
	if (!why)
		read_input(fd, VW_MAX_FILE, &text, &why);
	close(fd);
	struct vw_set *set = NULL;
	if (why)
		set_failure(error, xstrdup(path), "cannot read the waiver file: %s", why);
	else if (strlen(text.data) != text.len)
		set_failure(error, xstrdup(path), "the waiver file contains a NUL byte");
	else
		set = parse_set(text.data, path, error);
	sb_release(&text);
	return set;
}

/* The failure as one line "WHERE: error: TEXT", for the string API. */
static char *failure_line(struct failure *f)
{
	char *line = xasprintf("%s: error: %s", f->where, f->text);
	free(f->where);
	free(f->text);
	return line;
}

struct vw_set *vw_parse(const char *text, const char *name, char **error)
{
	struct failure f;
	struct vw_set *set = parse_set(text, name, &f);
	if (!set)
		*error = failure_line(&f);
	return set;
}

struct vw_set *vw_load(const char *path, char **error)
{
	struct failure f;
	struct vw_set *set = load_set(path, &f);
	if (!set)
		*error = failure_line(&f);
	return set;
}

struct vw_set *vw_load_or_report(const char *path)
{
	struct failure f;
	struct vw_set *set = load_set(path, &f);
	if (!set) {
		diag_error(f.where, "%s", f.text);
		free(f.where);
		free(f.text);
	}
	return set;
}

/* ---- suggestions */

/* NAME so that a format-2 value matches exactly it: pattern characters escaped for
 * fnmatch, then quotes and backslashes for the file. */
static void put_name(struct strbuf *out, const char *name)
{
	for (const char *p = name; *p; p++) {
		if (strchr("*?[\\", *p))
			sb_puts(out, "\\\\");
		if (*p == '"' || *p == '\\')
			sb_putc(out, '\\');
		sb_putc(out, *p);
	}
}

static void put_value(struct strbuf *out, const char *key, const char *name)
{
	sb_printf(out, " %s=\"", key);
	put_name(out, name);
	sb_putc(out, '"');
}

/* One record (without its reason) that accepts MSG both ways where the kind allows. */
static void suggestion(const struct vw_message *msg, struct strbuf *out)
{
	const struct finding_kind_info *info = &finding_kinds[msg->kind];
	bool version = msg->kind == FINDING_VERSION || msg->kind == FINDING_MINIMUM_VERSION;
	if (info->family == FINDING_WIRE) {
		/* One finding covers both directions.  Several sections share its
		 * description: the record must match them all, so it names any section
		 * and leaves the description to say which. */
		sb_printf(out, "waive-wire kind=%s", info->name);
		if (msg->nsections > 1)
			sb_puts(out, " section=\"*\"");
		else
			put_value(out, "section", msg->nsections ? msg->sections[0] : msg->section);
	} else {
		/* A version raised one way is a minimum version the other way. */
		sb_printf(out, "waive kind=%s", version ? "version,minimum-version" : info->name);
		put_value(out, "section", msg->section);
	}
	if (msg->description && info->renamed_slot != 'D')
		put_value(out, "description", msg->description);
	if (msg->field && info->renamed_slot != 'F')
		put_value(out, "field", msg->field);
	if (info->renamed_slot && msg->other) {
		sb_puts(out, " change=\"");
		put_name(out, info->renamed_slot == 'F' ? msg->field : msg->description);
		sb_puts(out, " -> ");
		put_name(out, msg->other);
		sb_putc(out, '"');
	}
}

/* Whether the line from START to the end of OUT stands already between FIRST and START. */
static bool already_written(const struct strbuf *out, size_t first, size_t start)
{
	size_t len = out->len - start;
	for (size_t at = first; at < start;) {
		const char *nl = memchr(out->data + at, '\n', start - at);
		size_t line_len = (size_t)(nl - (out->data + at)) + 1;
		if (line_len == len && memcmp(out->data + at, out->data + start, len) == 0)
			return true;
		at += line_len;
	}
	return false;
}

static bool spellable(const char *name)
{
	return !name || !strchr(name, '\n');
}

/* Whether a record can name MSG: a section, and no name with a NUL byte (which the
 * checkers pass on as "\n"). */
static bool nameable(const struct vw_message *m)
{
	for (size_t i = 0; i < m->nsections; i++)
		if (!spellable(m->sections[i]))
			return false;
	return (m->section || m->nsections) && spellable(m->section) &&
	       spellable(m->description) && spellable(m->field) && spellable(m->other);
}

bool vw_save_suggestions(const char *path, const struct vw_message *msgs, size_t n,
			 const char *comment)
{
	struct strbuf out = STRBUF_INIT;
	vw_write_suggestions(msgs, n, comment, &out);
	bool ok = write_atomic(path, out.data, out.len);
	if (!ok)
		diag_error(path, "cannot write the suggested waivers: %s", strerror(errno));
	sb_release(&out);
	return ok;
}

void vw_write_suggestions(const struct vw_message *msgs, size_t n, const char *comment,
			  struct strbuf *out)
{
	/* The lowest format that reads the records, for older readers. */
	int version = 2;
	for (size_t i = 0; i < n; i++)
		if (vw_waivable(msgs[i].kind) && finding_kinds[msgs[i].kind].family == FINDING_WIRE)
			version = WAIVER_WIRE_VERSION;
	sb_printf(out, "# %s\n# Fill in each reason: the file does not load until every record "
		       "says why its\n# difference is accepted (docs/waivers.md).\n"
		       WAIVER_MAGIC " %d\n", comment, version);
	size_t first = out->len;
	for (size_t i = 0; i < n; i++) {
		const struct vw_message *m = &msgs[i];
		if (!vw_waivable(m->kind))
			continue;
		size_t start = out->len;
		if (!nameable(m)) {
			sb_printf(out, "# not suggested: a %s message whose names no waiver can "
				       "spell\n", finding_kinds[m->kind].name);
		} else {
			suggestion(m, out);
			sb_puts(out, " reason=\"\"\n");
		}
		/* Both directions of one change give one record. */
		if (already_written(out, first, start))
			sb_truncate(out, start);
	}
}
