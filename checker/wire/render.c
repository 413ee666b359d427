/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The renderers of a wire report: GCC-style text, JSON, SARIF 2.1.0 and GitLab code
 * quality.  Each reads the findings as data; none parses another's text. */
#include "render.h"
#include "../common/alloc.h"
#include "../common/diag.h"
#include "../common/strbuf.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where `make install` puts docs/wire-rules.md (SARIF's informationUri). */
#ifndef VMW_DOCDIR
#define VMW_DOCDIR "/usr/local/share/doc/vmstate-plugin"
#endif

/* FILE:LINE:COL split from the right, since a file name may hold ':'. */
struct place {
	char file[1024];
	long line, column;
};

static bool split_loc(const char *loc, struct place *p)
{
	const char *c2, *c1;
	char *end;

	if (!loc || !(c2 = strrchr(loc, ':')) || c2 == loc)
		return false;
	for (c1 = c2 - 1; c1 > loc && *c1 != ':'; c1--)
		;
	if (*c1 != ':' || (size_t)(c1 - loc) >= sizeof(p->file))
		return false;
	p->line = strtol(c1 + 1, &end, 10);
	if (end != c2 || p->line <= 0)
		return false;
	p->column = strtol(c2 + 1, &end, 10);
	if (*end || p->column < 0)
		return false;
	memcpy(p->file, loc, (size_t)(c1 - loc));
	p->file[c1 - loc] = '\0';
	return true;
}

static bool shown(const struct vmw_finding *f, const struct vmw_render_options *o)
{
	return f->severity != FINDING_BENIGN || o->show_benign;
}

/* Text and GitLab leave a waived finding out; JSON and SARIF keep it, marked, so that CI
 * keeps the record of what was accepted and why. */
static bool waived(const struct vmw_finding *f)
{
	return f->waiver >= 0;
}

/* The primary place: the new side's, else the old side's. */
static const char *primary_loc(const struct vmw_finding *f)
{
	return f->new_loc ? f->new_loc : f->old_loc;
}

/* Where a finding without a source place is shown: the dump that has what it is about. */
static const char *fallback_file(const struct vmw_report *r, const struct vmw_finding *f)
{
	return f->kind == FINDING_WIRE_SECTION_REMOVED ? r->old_dump->path : r->new_dump->path;
}

static const char *direction_text(const struct vmw_finding *f, char *buf, size_t size)
{
	enum vmw_outcome a = f->forward, b = f->backward;
	const char *pred = f->predicate.symbol;

	if (f->severity == FINDING_BENIGN && b == VMW_FAILS)
		return "the old version cannot load it, as with any device it does not have";
	if (a == VMW_FAILS && b == VMW_FAILS)
		return "breaks migration both ways";
	if (a == VMW_FAILS || b == VMW_FAILS) {
		snprintf(buf, size, "breaks migration from %s", a == VMW_FAILS ? "old to new"
										: "new to old");
		return buf;
	}
	if (f->kind == FINDING_WIRE_UNKNOWN)
		return "what it does to migration depends on what the tools could not evaluate";
	if (a == VMW_DEPENDS || b == VMW_DEPENDS) {
		/* Without a predicate, what decides is the finding's own subject. */
		const char *what = pred ? pred
			: f->kind == FINDING_WIRE_PADDING ? "whether zeros suit the field that loads them"
			: f->kind == FINDING_WIRE_SECTION_REMOVED ? "whether a machine creates the device"
			: "a run-time condition";
		snprintf(buf, size, "migration %s depends on %s%s",
			 a == VMW_DEPENDS && b == VMW_DEPENDS ? "both ways"
			 : a == VMW_DEPENDS ? "from old to new" : "from new to old",
			 what, pred ? "()" : "");
		return buf;
	}
	return "wire-compatible";
}

static const char *level_text(enum finding_severity s)
{
	return s == FINDING_BREAKS ? "error" : s == FINDING_REVIEW ? "warning" : "note";
}

static void note_sections(const char *where, const struct vmw_finding *f)
{
	struct strbuf list = STRBUF_INIT;

	for (size_t i = 0; i < f->nsections; i++)
		sb_printf(&list, "%s\"%s\"", i ? ", " : "", f->sections[i]);
	diag_note(where, "in section%s %s", f->nsections == 1 ? "" : "s",
		  list.len ? list.data : "");
	sb_release(&list);
}

/* GCC's form, through the common diagnostics (colour as GCC). */
static void render_text(FILE *out, const struct vmw_report *r, const struct vmw_render_options *o)
{
	static const enum diag_kind kinds[] = { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };
	char dir[256];

	diag_set_stream(out);
	for (size_t i = 0; i < r->n; i++) {
		const struct vmw_finding *f = &r->items[i];
		if (!shown(f, o) || waived(f))
			continue;
		const char *where = primary_loc(f) ? primary_loc(f) : fallback_file(r, f);
		diag_report(kinds[f->severity], where, "%s; %s [vmstate-%s]", f->message,
			    direction_text(f, dir, sizeof(dir)), finding_kinds[f->kind].name);
		if (f->new_loc && f->old_loc)
			diag_note(f->old_loc, "the old version's side of this difference");
		if (f->predicate.symbol && f->severity == FINDING_REVIEW)
			diag_note(f->predicate.loc ? f->predicate.loc : where,
				  "%s() decides at run time", f->predicate.symbol);
		note_sections(where, f);
	}
	diag_set_stream(NULL);
	char waived_text[64] = "";
	if (r->waivers)
		snprintf(waived_text, sizeof(waived_text), ", %zu waived", r->waived);
	fprintf(out, "%s: %zu breaking, %zu to review, %zu benign%s%s, in %zu sections\n", o->prog,
		r->count[FINDING_BREAKS], r->count[FINDING_REVIEW], r->count[FINDING_BENIGN],
		o->show_benign || !r->count[FINDING_BENIGN] ? "" : " (not shown: --benign)",
		waived_text, r->sections_compared);
}

static json_t *loc_json(const char *loc)
{
	struct place p;

	if (!loc)
		return json_null();
	if (!split_loc(loc, &p))
		return json_pack("{s:s}", "text", loc);
	return json_pack("{s:s,s:I,s:I}", "file", p.file, "line", (json_int_t)p.line,
			 "column", (json_int_t)p.column);
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *sections_json(const struct vmw_finding *f)
{
	json_t *a = json_array();
	for (size_t i = 0; i < f->nsections; i++)
		json_array_append_new(a, json_string(f->sections[i]));
	return a;
}

static json_t *render_json(const struct vmw_report *r, const struct vmw_render_options *o)
{
	json_t *findings = json_array();

	for (size_t i = 0; i < r->n; i++) {
		const struct vmw_finding *f = &r->items[i];
		if (!shown(f, o))
			continue;
		json_t *pred = f->predicate.symbol
			? json_pack("{s:s,s:o}", "symbol", f->predicate.symbol, "loc",
				    loc_json(f->predicate.loc))
			: json_null();
		json_t *item = json_pack(
			"{s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:{s:s,s:s},s:o}",
			"kind", finding_kinds[f->kind].name,
			"severity", vmw_severity_name(f->severity),
			"message", f->message ? f->message : "",
			"sections", sections_json(f),
			"description", string_or_null(f->description),
			"field", string_or_null(f->field),
			"new_loc", loc_json(f->new_loc),
			"old_loc", loc_json(f->old_loc),
			"old_value", string_or_null(f->old_value),
			"new_value", string_or_null(f->new_value),
			"outcomes", "old-to-new", vmw_outcome_name(f->forward),
			"new-to-old", vmw_outcome_name(f->backward),
			"predicate", pred);
		/* With a waiver file: the record that accepts the finding, or null. */
		if (r->waivers)
			json_object_set_new(item, "waived", waived(f)
				? json_pack("{s:s,s:s}", "waiver", vw_where(r->waivers, (size_t)f->waiver),
					    "reason", vw_reason(r->waivers, (size_t)f->waiver))
				: json_null());
		json_array_append_new(findings, item);
	}
	json_t *doc = json_pack("{s:i,s:s,s:s,s:s,s:{s:I,s:I,s:I,s:I},s:o}",
				"vmstate-wire-report", 1, "old", r->old_dump->path,
				"new", r->new_dump->path, "directions", o->direction_name,
				"summary", "breaks", (json_int_t)r->count[FINDING_BREAKS],
				"review", (json_int_t)r->count[FINDING_REVIEW],
				"benign", (json_int_t)r->count[FINDING_BENIGN],
				"sections", (json_int_t)r->sections_compared,
				"findings", findings);
	if (doc && r->waivers)
		json_object_set_new(json_object_get(doc, "summary"), "waived",
				    json_integer((json_int_t)r->waived));
	return doc;
}

/* Lines of a file, for a region that covers a whole dump; 1 when it cannot be read. */
static long line_count(const char *path)
{
	FILE *f = fopen(path, "r");
	long lines = 0;
	int c, last = '\n';

	if (!f)
		return 1;
	while ((c = getc(f)) != EOF) {
		lines += c == '\n';
		last = c;
	}
	fclose(f);
	lines += last != '\n';
	return lines ? lines : 1;
}

/* A path as a URI reference: absolute paths become file:// URIs (SARIF1004). */
static json_t *artifact(const char *path)
{
	if (path[0] != '/')
		return json_pack("{s:s}", "uri", path);
	char *uri = xasprintf("file://%s", path);
	json_t *a = json_pack("{s:s}", "uri", uri);
	free(uri);
	return a;
}

/* LOC, or the whole of FALLBACK_FILE (a dump) when LOC is not a source place. */
static json_t *sarif_location(const char *loc, const char *fallback_file)
{
	struct place p;
	json_t *region;

	if (split_loc(loc, &p)) {
		region = json_pack("{s:I}", "startLine", (json_int_t)p.line);
		if (p.column > 0)
			json_object_set_new(region, "startColumn", json_integer(p.column));
		return json_pack("{s:{s:o,s:o}}", "physicalLocation", "artifactLocation",
				 artifact(p.file), "region", region);
	}
	region = json_pack("{s:i,s:I}", "startLine", 1, "endLine",
			   (json_int_t)line_count(fallback_file));
	return json_pack("{s:{s:o,s:o}}", "physicalLocation", "artifactLocation",
			 artifact(fallback_file), "region", region);
}

static json_t *render_sarif(const struct vmw_report *r, const struct vmw_render_options *o)
{
	json_t *rules = json_array(), *results = json_array();
	char dir[256];

	for (int k = FINDING_WIRE_FIRST; k < FINDING_KIND_COUNT; k++) {
		char id[64], name[64];
		size_t n = 0;
		snprintf(id, sizeof(id), "vmstate-%s", finding_kinds[k].name);
		/* The friendly name SARIF asks for: "field-removed" -> "FieldRemoved". */
		for (const char *c = finding_kinds[k].name; *c && n + 1 < sizeof(name); c++)
			if (*c != '-')
				name[n++] = (char)(c == finding_kinds[k].name || c[-1] == '-'
						   ? toupper((unsigned char)*c) : *c);
		name[n] = '\0';
		json_array_append_new(rules, json_pack("{s:s,s:s,s:{s:s}}", "id", id, "name", name,
			"shortDescription", "text", finding_kinds[k].description));
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct vmw_finding *f = &r->items[i];
		if (!shown(f, o))
			continue;
		char id[64], *msg;
		snprintf(id, sizeof(id), "vmstate-%s", finding_kinds[f->kind].name);
		msg = xasprintf("%s; %s.", f->message, direction_text(f, dir, sizeof(dir)));
		json_t *res = json_pack("{s:s,s:i,s:s,s:{s:s}}", "ruleId", id, "ruleIndex",
					(int)(f->kind - FINDING_WIRE_FIRST), "level", level_text(f->severity),
					"message", "text", msg ? msg : "");
		free(msg);
		const char *where = primary_loc(f);
		const char *fallback = fallback_file(r, f);
		json_object_set_new(res, "locations",
				    json_pack("[o]", sarif_location(where, fallback)));
		if (f->new_loc && f->old_loc) {
			json_t *rel = sarif_location(f->old_loc, r->old_dump->path);
			json_object_set_new(rel, "id", json_integer(1));
			json_object_set_new(rel, "message",
					    json_pack("{s:s}", "text",
						      "the old version's side of this difference"));
			json_object_set_new(res, "relatedLocations", json_pack("[o]", rel));
		}
		/* A waived finding stays, suppressed: SARIF viewers hide it and keep why. */
		if (waived(f))
			json_object_set_new(res, "suppressions", json_pack(
				"[{s:s,s:s,s:s,s:{s:s}}]", "kind", "external", "status", "accepted",
				"justification", vw_reason(r->waivers, (size_t)f->waiver),
				"properties", "waiver", vw_where(r->waivers, (size_t)f->waiver)));
		json_object_set_new(res, "properties", json_pack(
			"{s:s,s:o,s:s,s:s}", "severity", vmw_severity_name(f->severity),
			"sections", sections_json(f), "old-to-new", vmw_outcome_name(f->forward),
			"new-to-old", vmw_outcome_name(f->backward)));
		json_array_append_new(results, res);
	}
	return json_pack("{s:s,s:s,s:[{s:{s:{s:s,s:s,s:s,s:o}},s:o}]}",
			 "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
			 "version", "2.1.0", "runs", "tool", "driver", "name", o->prog,
			 "version", o->version, "informationUri", "file://" VMW_DOCDIR "/wire-rules.md",
			 "rules", rules, "results", results);
}

/* FNV-1a, 64 bits: a stable fingerprint for GitLab to follow a finding across runs. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static json_t *render_gitlab(const struct vmw_report *r, const struct vmw_render_options *o)
{
	static const char *const severity[] = { "info", "major", "critical" };
	json_t *issues = json_array();
	char dir[256], fp[17];

	for (size_t i = 0; i < r->n; i++) {
		const struct vmw_finding *f = &r->items[i];
		struct place p;
		if (!shown(f, o) || waived(f))
			continue;
		if (!split_loc(primary_loc(f), &p)) {
			snprintf(p.file, sizeof(p.file), "%s", fallback_file(r, f));
			p.line = 1;
		}
		uint64_t h = fnv1a(0xcbf29ce484222325ULL, finding_kinds[f->kind].name);
		h = fnv1a(fnv1a(fnv1a(h, f->description), f->field), f->message);
		snprintf(fp, sizeof(fp), "%016" PRIx64, h);
		char *desc = xasprintf("%s; %s", f->message, direction_text(f, dir, sizeof(dir)));
		char check[64];
		snprintf(check, sizeof(check), "vmstate-%s", finding_kinds[f->kind].name);
		json_array_append_new(issues, json_pack("{s:s,s:s,s:s,s:s,s:{s:s,s:{s:I}}}",
			"description", desc ? desc : "", "check_name", check, "fingerprint", fp,
			"severity", severity[f->severity], "location", "path", p.file,
			"lines", "begin", (json_int_t)p.line));
		free(desc);
	}
	return issues;
}

int vmw_render(FILE *out, const struct vmw_report *r, const struct vmw_render_options *o)
{
	json_t *doc;

	switch (o->format) {
	case VMW_FORMAT_TEXT:
		render_text(out, r, o);
		return ferror(out) ? -1 : 0;
	case VMW_FORMAT_JSON:
		doc = render_json(r, o);
		break;
	case VMW_FORMAT_SARIF:
		doc = render_sarif(r, o);
		break;
	default:
		doc = render_gitlab(r, o);
	}
	int rc = doc ? json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
	json_decref(doc);
	if (rc == 0)
		fputc('\n', out);
	return rc != 0 || ferror(out) ? -1 : 0;
}
