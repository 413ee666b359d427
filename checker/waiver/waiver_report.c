/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading a line of vmstate-check's report back into a message, for tools that only see
 * the text.  The patterns come from the templates of checker/common/findings.h.  Tools
 * that can should run the rules in process instead (checker/check/vmcheck.h). */
#include "waiver.h"

#include <string.h>

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
enum { MAX_OPTIONAL = 3, MAX_PATTERNS = FINDING_REFERENCE_COUNT << MAX_OPTIONAL };
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
	for (int k = 0; k < FINDING_REFERENCE_COUNT; k++) {
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
