/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vmcheck.h"
#include "shape.h"
#include "vc_fail.h"
#include "vc_json.h"
#include "../common/alloc.h"

#include <stdlib.h>
#include <string.h>

struct vmc_state {
	struct vc_strings strings;
	struct vc_doc src, dest;
	struct strbuf out;
	struct vmc_run run;
	char *error_where, *error_text;
};

/* Where the two dumps come from. */
struct inputs {
	const char *path[2];                 /* files, or NULL for texts */
	const char *name[2];
	const char *text[2];
	size_t len[2];
};

static const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static void load(struct vmc_state *st, const struct inputs *in, int i, struct vc_doc *doc)
{
	if (in->path[i])
		vc_json_load(doc, &st->strings, in->path[i], display_name(in->path[i]));
	else
		vc_json_parse(doc, &st->strings, in->name[i], in->text[i], in->len[i]);
}

/* The sections of the run, for the waivers' stale check (vw_note_section): those of FROM
 * (the side migrated from) with whether TO has them too, then those only TO has. */
static void note_sections(struct vw_set *set, const struct vc_doc *from, const struct vc_doc *to)
{
	struct vc_value side[2];
	vc_item_root(from, &side[0]);
	vc_item_root(to, &side[1]);
	for (int s = 0; s < 2; s++) {
		for (uint32_t i = 0; i < side[s].len; i++) {
			uint32_t len;
			const char *key = vc_member_key(&side[s], i, &len);
			bool in_other = vc_dict_get(&side[!s], key, len) != NULL;
			if (memchr(key, '\0', len) || (s == 1 && in_other))
				continue;
			char *name = xstrndup(key, len);
			vw_note_section(set, name, s == 0 ? VW_IN_SRC | (in_other ? VW_IN_DEST : 0)
							 : VW_IN_DEST);
			free(name);
		}
	}
	vc_views_reset();
}

/* Everything that can fail (vc_fail) between the recovery point and the result. */
static void check(struct vmc_state *st, const struct inputs *in, const struct vmc_options *o)
{
	load(st, in, 0, &st->src);
	load(st, in, 1, &st->dest);
	vmc_require_dump_shape(&st->src);
	vmc_require_dump_shape(&st->dest);
	if (o->waivers)
		note_sections(o->waivers, o->reverse ? &st->dest : &st->src,
			      o->reverse ? &st->src : &st->dest);
	st->run.out = &st->out;
	st->run.renames = o->renames_10_0 ? VMC_RENAMES_10_0 : VMC_RENAMES_NEWEST;
	st->run.waivers = o->waivers;
	st->run.keep_findings = o->findings;
	if (o->reverse)
		vmc_compare_dumps(&st->run, &st->dest, &st->src);
	else
		vmc_compare_dumps(&st->run, &st->src, &st->dest);
}

/* check() under a recovery point: false after a vc_fail(). */
static bool check_protected(struct vmc_state *st, const struct inputs *in,
			    const struct vmc_options *o)
{
	jmp_buf *outer = vc_fail_target, here;
	vc_fail_target = &here;
	if (setjmp(here)) {
		vc_fail_target = outer;
		return false;
	}
	check(st, in, o);
	vc_fail_target = outer;
	return true;
}

/* The rules the other way on the same documents, for the waivers' use marks only. */
static void other_way(struct vmc_state *st, const struct vmc_options *o, struct strbuf *out)
{
	jmp_buf *outer = vc_fail_target, here;
	vc_fail_target = &here;
	if (setjmp(here)) {
		/* Where the other way raises, it marks no more records. */
		vc_views_reset();
		vc_fail_target = outer;
		return;
	}
	struct vc_doc *from = o->reverse ? &st->src : &st->dest;
	struct vc_doc *to = o->reverse ? &st->dest : &st->src;
	note_sections(o->waivers, from, to);
	struct vmc_run run = { .out = out, .waivers = o->waivers, .renames = st->run.renames };
	vmc_compare_dumps(&run, from, to);
	vc_fail_target = outer;
}

void vmc_mark_waivers_other_way(struct vmc_result *r, const struct vmc_options *o)
{
	if (!r->state || r->error_where || !o || !o->waivers)
		return;
	struct strbuf out = STRBUF_INIT;
	other_way(r->state, o, &out);
	sb_release(&out);
}

static int run(const struct inputs *in, const struct vmc_options *options,
	       struct vmc_result *r)
{
	static const struct vmc_options defaults;
	struct vmc_state *st = xcalloc(1, sizeof(*st));
	memset(r, 0, sizeof(*r));
	r->state = st;
	if (check_protected(st, in, options ? options : &defaults)) {
		r->status = r->problems = st->run.problems;
		r->waived = st->run.waived;
		r->report = st->out.data ? st->out.data : "";
		r->report_len = st->out.len;
		r->findings = st->run.findings;
		r->n_findings = st->run.n_findings;
		return r->status;
	}
	vc_views_reset();
	st->error_where = xstrdup(vc_fail_where());
	st->error_text = xstrdup(vc_fail_text());
	r->status = 255;
	r->report = "";
	r->error_where = st->error_where;
	r->error_text = st->error_text;
	return r->status;
}

int vmc_check_files(const char *src_path, const char *dest_path,
		    const struct vmc_options *options, struct vmc_result *result)
{
	struct inputs in = { .path = { src_path, dest_path } };
	return run(&in, options, result);
}

int vmc_check_texts(const char *src_name, const char *src, size_t src_len,
		    const char *dest_name, const char *dest, size_t dest_len,
		    const struct vmc_options *options, struct vmc_result *result)
{
	struct inputs in = { .name = { src_name, dest_name }, .text = { src, dest },
			     .len = { src_len, dest_len } };
	return run(&in, options, result);
}

void vmc_result_release(struct vmc_result *r)
{
	struct vmc_state *st = r->state;
	if (!st)
		return;
	vc_doc_release(&st->src);
	vc_doc_release(&st->dest);
	vc_strings_release(&st->strings);
	sb_release(&st->out);
	free(st->run.findings);
	arena_release(&st->run.finding_arena);
	free(st->error_where);
	free(st->error_text);
	free(st);
	memset(r, 0, sizeof(*r));
}
