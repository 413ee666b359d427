/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Each function here matches one function of the reference script and evaluates its
 * lookups, comparisons and messages in the same order, so that the same inputs succeed,
 * print the same text, or fail. */
#include "rules.h"
#include "renames.h"
#include "vc_fail.h"
#include "vc_pyops.h"
#include "vc_pystr.h"
#include "../common/alloc.h"
#include "../common/findings.h"

#include <stdarg.h>
#include <string.h>

struct field_iter {
	const struct vc_value *list;
	uint32_t next;
};

/* The keys the rules look up, by their string ids in the run (found once per run:
 * lookups by id are a fraction of the cost of lookups by text). */
enum key {
	K_DESCRIPTION, K_FIELDS, K_SECTION_NAME, K_FIELD, K_MINIMUM_VERSION_ID, K_NAME, K_NUM,
	K_SIZE, K_VERSION_ID, N_KEYS
};
static const char *const key_text[N_KEYS] = {
	"Description", "Fields", "Name", "field", "minimum_version_id", "name", "num",
	"size", "version_id"
};
static int64_t key_id[N_KEYS];  /* -1: no dump has the key */
static enum vmc_renames renames_in_use;  /* of the run */

static void find_keys(const struct vc_strings *strings)
{
	for (int k = 0; k < N_KEYS; k++)
		key_id[k] = vc_strings_find(strings, key_text[k], strlen(key_text[k]));
}

static const struct vc_value *lookup(const struct vc_value *obj, enum key k)
{
	return key_id[k] < 0 ? NULL : vc_dict_get_id(obj, (uint32_t)key_id[k]);
}

/* x[key] on an object. */
static const struct vc_value *get(const struct vc_value *obj, enum key k)
{
	if (obj->kind != VC_DICT)
		vc_fail_at(obj, "is a %s, not an object with \"%s\"", vc_type_name(obj),
			   key_text[k]);
	const struct vc_value *v = lookup(obj, k);
	if (!v)
		vc_fail_at(obj, "missing \"%s\"", key_text[k]);
	return v;
}

static bool has(const struct vc_value *obj, enum key k)
{
	return lookup(obj, k) != NULL;
}

static bool is_text(const struct vc_value *v, const char *s)
{
	size_t n = strlen(s);
	return v->kind == VC_STR && v->len == n && memcmp(v->u.s, s, n) == 0;
}

/* A slot of a message template: a value, or a key to look up in an object when the
 * text reaches it (the reference builds its messages left to right, so a lookup that
 * fails does so after the names before it were joined). */
struct slot {
	const struct vc_value *v;
	const struct vc_value *obj;
	enum key key;
};

#define VALUE(x) ((struct slot){ .v = (x) })
#define LOOKUP(o, k) ((struct slot){ .obj = (o), .key = (k) })

/* The slots of a template by letter (findings.h): S D F G H a b. */
enum { SLOT_S, SLOT_D, SLOT_F, SLOT_G, SLOT_H, SLOT_A, SLOT_B, N_SLOTS };
static const char slot_letters[N_SLOTS + 1] = "SDFGHab";

struct message {
	struct slot slot[N_SLOTS];
};

static int slot_index(char letter)
{
	return (int)(strchr(slot_letters, letter) - slot_letters);
}

static bool slot_given(const struct slot *s)
{
	return s->v || s->obj;
}

/* Writes slot WHICH of M: a name joined into the text (it must be a string), or a
 * value as print() shows it. */
static void write_slot(struct vmc_run *run, struct message *m, int which)
{
	struct slot *s = &m->slot[which];
	if (!s->v)
		s->v = get(s->obj, s->key);
	if (which >= SLOT_A) {
		vc_py_str(run->out, s->v);
		return;
	}
	if (s->v->kind != VC_STR)
		vc_fail_at(s->v, "is a %s where the reference joins a string into its message "
			   "(TypeError)", vc_type_name(s->v));
	vc_py_write_text(run->out, s->v->u.s, s->v->len, s->v);
}

/* Writes TEMPLATE (findings.h) with the slots of M. */
static void render(struct vmc_run *run, const char *template, struct message *m)
{
	for (const char *p = template; *p;) {
		if (*p == '[') {
			/* An optional part: kept when the slot inside it is given. */
			int which = slot_index(strchr(p, '{')[1]);
			p = slot_given(&m->slot[which]) ? p + 1 : strchr(p, ']') + 1;
		} else if (*p == ']') {
			p++;
		} else if (*p == '{') {
			write_slot(run, m, slot_index(p[1]));
			p += 3;
		} else {
			size_t n = strcspn(p, "[]{");
			sb_add(run->out, p, n);
			p += n;
		}
	}
}

/* A name of a finding as text, for the waivers and the findings' data; NULL when the
 * message names none.  A name no waiver can spell (with a NUL byte) becomes "\n", which
 * no waiver record holds. */
static const char *name_text(struct arena *arena, const struct slot *s)
{
	const struct vc_value *v = s->v;
	if (!v)
		return NULL;
	if (v->kind != VC_STR || memchr(v->u.s, '\0', v->len))
		return "\n";
	return arena_strndup(arena, v->u.s, v->len);
}

/* Keeps the finding just written from START as data (vmc_run.keep_findings). */
static void keep_finding(struct vmc_run *run, enum finding_kind kind, const struct message *m,
			 size_t start, long waiver)
{
	if (run->n_findings == run->cap_findings)
		xgrow(&run->findings, &run->cap_findings, run->n_findings + 1,
		      sizeof(*run->findings));
	struct vmc_finding *f = &run->findings[run->n_findings++];
	struct arena *a = &run->finding_arena;
	f->kind = kind;
	f->section = name_text(a, &m->slot[SLOT_S]);
	f->description = name_text(a, &m->slot[SLOT_D]);
	f->field = name_text(a, &m->slot[SLOT_F]);
	f->other[0] = name_text(a, &m->slot[SLOT_G]);
	f->other[1] = name_text(a, &m->slot[SLOT_H]);
	size_t end = run->out->len - (finding_kinds[kind].open_line ? 0 : 1);
	f->text = arena_strndup(a, run->out->data + start, end - start);
	f->text_len = end - start;
	f->waiver = waiver;
}

/* Writes one message of KIND to the report, then counts it, or, when a waiver accepts
 * it, takes it back out of the report and counts it as waived. */
static void emit(struct vmc_run *run, enum finding_kind kind, struct message m)
{
	const struct finding_kind_info *info = &finding_kinds[kind];
	size_t start = run->out->len;
	render(run, info->template, &m);
	if (!info->open_line)
		sb_putc(run->out, '\n');
	long waiver = -1;
	if (info->counted && run->waivers) {
		struct arena *a = vc_computed_arena();
		struct vw_message w = {
			.kind = kind,
			.section = name_text(a, &m.slot[SLOT_S]),
			.description = name_text(a, &m.slot[SLOT_D]),
			.field = name_text(a, &m.slot[SLOT_F]),
			.other = name_text(a, &m.slot[SLOT_G]),
		};
		waiver = vw_match(run->waivers, &w);
	}
	if (run->keep_findings && kind != FINDING_SECTION_PREFIX)
		keep_finding(run, kind, &m, start, waiver);
	if (waiver >= 0) {
		sb_truncate(run->out, start);
		run->waived++;
	} else if (info->counted && run->problems < 255) {
		run->problems++;
	}
}

static void check_version(struct vmc_run *run, const struct vc_value *s,
			  const struct vc_value *d, const struct vc_value *sec,
			  const struct vc_value *desc)
{
	const struct vc_value *sv = get(s, K_VERSION_ID), *dv = get(d, K_VERSION_ID);
	bool named = desc && vc_truthy(desc);
	if (vc_lt(dv, sv)) {
		emit(run, FINDING_VERSION, (struct message){ .slot = {
			[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(named ? desc : NULL),
			[SLOT_A] = VALUE(sv), [SLOT_B] = VALUE(dv) } });
	}
	const struct vc_value *dmin = lookup(d, K_MINIMUM_VERSION_ID);
	if (!dmin)
		return;
	if (vc_lt(sv, dmin)) {
		/* Kept from the reference: without a description name only the prefix is
		 * printed, nothing is counted, and the next message continues the line. */
		if (named)
			emit(run, FINDING_MINIMUM_VERSION, (struct message){ .slot = {
				[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc),
				[SLOT_A] = VALUE(sv), [SLOT_B] = VALUE(dmin) } });
		else
			emit(run, FINDING_SECTION_PREFIX,
			     (struct message){ .slot = { [SLOT_S] = VALUE(sec) } });
	}
}

static void check_size(struct vmc_run *run, const struct vc_value *s, const struct vc_value *d,
		       const struct vc_value *sec, const struct vc_value *desc,
		       const struct vc_value *field)
{
	const struct vc_value *ss = get(s, K_SIZE), *ds = get(d, K_SIZE);
	if (vc_eq(ss, ds))
		return;
	bool desc_named = vc_truthy(desc), field_named = vc_truthy(field);
	emit(run, FINDING_SIZE, (struct message){ .slot = {
		[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc_named ? desc : NULL),
		[SLOT_F] = VALUE(field_named ? field : NULL),
		[SLOT_A] = VALUE(ss), [SLOT_B] = VALUE(ds) } });
}

static bool in_names(const char *const *names, const struct vc_value *v)
{
	if (v->kind != VC_STR)
		return false;
	for (; *names; names++)
		if (strlen(*names) == v->len && memcmp(*names, v->u.s, v->len) == 0)
			return true;
	return false;
}

/* Same field, or two names of one field in the rename table of scope NAME. */
static bool fields_match(const struct vc_value *name, const struct vc_value *s_field,
			 const struct vc_value *d_field)
{
	if (vc_eq(s_field, d_field))
		return true;
	vc_require_hashable(name, "the description name");
	for (size_t i = 0; i < vmc_n_field_renames; i++) {
		const struct vmc_field_renames *r = &vmc_field_renames[i];
		if (r->since <= renames_in_use && is_text(name, r->scope))
			return in_names(r->names, s_field) && in_names(r->names, d_field);
	}
	return false;
}

/* The other name of a renamed section, or "" (which may itself be a section). */
static const char *renamed_section(const struct vc_value *sec)
{
	for (size_t i = 0; i < vmc_n_section_renames; i++) {
		if (is_text(sec, vmc_section_renames[i].old_name))
			return vmc_section_renames[i].new_name;
		if (is_text(sec, vmc_section_renames[i].new_name))
			return vmc_section_renames[i].old_name;
	}
	return "";
}

/* Whether FIELD holds a substructure whose first field matches ITEM (fields that moved
 * into a struct keep the wire format). */
static bool exists_in_substruct(const struct vc_value *field, const struct vc_value *item)
{
	if (!has(field, K_DESCRIPTION))
		return false;
	const struct vc_value *desc = get(field, K_DESCRIPTION);
	if (!has(desc, K_FIELDS))
		return false;
	const struct vc_value *sub = get(desc, K_FIELDS);
	if (sub->len == 0)
		return false;
	const struct vc_value *name = get(desc, K_NAME);
	return fields_match(name, get(vc_item(sub, 0), K_FIELD), item);
}

static const struct vc_value *size_total(const struct vc_value *entry)
{
	const struct vc_value *size = get(entry, K_SIZE);
	if (!has(entry, K_NUM))
		return size;
	return vc_mul(vc_computed_arena(), size, get(entry, K_NUM));
}

static void check_descriptions(struct vmc_run *run, const struct vc_value *sd,
			       const struct vc_value *dd, const struct vc_value *sec);
static int compare_roots(struct vmc_run *run, const struct vc_value *src,
			 const struct vc_value *dest);

/* S_DESC: the Description of S_ITEM (the caller looked it up already). */
static void check_description_in_list(struct vmc_run *run, const struct vc_value *s_item,
				      const struct vc_value *s_desc, const struct vc_value *d_item,
				      const struct vc_value *sec, const struct vc_value *desc)
{
	const struct vc_value *d_desc = lookup(d_item, K_DESCRIPTION);
	if (!d_desc) {
		emit(run, FINDING_MISSING_DESCRIPTION, (struct message){ .slot = {
			[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc),
			[SLOT_F] = LOOKUP(s_item, K_FIELD) } });
		return;
	}
	check_descriptions(run, s_desc, d_desc, sec);
}

/* Where the unused-padding message names its field. */
static void unused_mismatch(struct vmc_run *run, const struct vc_value *sec,
			    const struct vc_value *desc, const struct vc_value *item)
{
	emit(run, FINDING_UNUSED_SIZE, (struct message){ .slot = {
		[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc), [SLOT_F] = LOOKUP(item, K_FIELD) } });
}

/* Iterators of the enclosing levels while inside a substructure. */
struct iter_stack {
	struct field_iter *items;
	size_t depth, cap;
};

static void push(struct iter_stack *st, struct field_iter it)
{
	if (st->depth == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 8;
		struct field_iter *items = arena_alloc(vc_computed_arena(), cap * sizeof(*items));
		if (st->depth)
			memcpy(items, st->items, st->depth * sizeof(*items));
		st->items = items;
		st->cap = cap;
	}
	st->items[st->depth++] = it;
}

static bool next_item(struct field_iter *it, const struct vc_value **item)
{
	if (it->next >= it->list->len)
		return false;
	*item = vc_item(it->list, it->next++);
	return true;
}

/* Walks both field lists in step, descending into substructures that one side added
 * and skipping "unused" padding that covers several fields of the other side. */
static void check_fields(struct vmc_run *run, const struct vc_value *src_fields,
			 const struct vc_value *dest_fields, const struct vc_value *desc,
			 const struct vc_value *sec)
{
	struct field_iter s_it = { src_fields, 0 }, d_it = { dest_fields, 0 };
	struct iter_stack s_stack = { 0 }, d_stack = { 0 };
	bool advance_src = true, advance_dest = true;
	const struct vc_value *unused = vc_zero();
	const struct vc_value *zero = vc_zero();
	const struct vc_value *s_item = NULL, *d_item = NULL;

	for (;;) {
		if (advance_src) {
			if (!next_item(&s_it, &s_item)) {
				if (s_stack.depth == 0)
					break;
				s_it = s_stack.items[--s_stack.depth];
				continue;
			}
		} else if (vc_eq(unused, zero)) {
			advance_src = true;
		}

		if (advance_dest) {
			if (!next_item(&d_it, &d_item)) {
				if (d_stack.depth == 0) {
					emit(run, FINDING_FIELDS_ENDED, (struct message){ .slot = {
						[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc),
						[SLOT_F] = LOOKUP(s_item, K_FIELD) } });
					break;
				}
				d_it = d_stack.items[--d_stack.depth];
				advance_src = false;
				continue;
			}
		} else if (vc_eq(unused, zero)) {
			advance_dest = true;
		}

		if (!vc_eq(unused, zero)) {
			if (!advance_dest) {
				unused = vc_sub(vc_computed_arena(), unused, get(s_item, K_SIZE));
				if (vc_eq(unused, zero)) {
					advance_dest = true;
					continue;
				}
				if (vc_lt(unused, zero)) {
					unused_mismatch(run, sec, desc, s_item);
					break;
				}
				continue;
			}
			if (!advance_src) {
				unused = vc_sub(vc_computed_arena(), unused, get(d_item, K_SIZE));
				if (vc_eq(unused, zero)) {
					advance_src = true;
					continue;
				}
				if (vc_lt(unused, zero)) {
					unused_mismatch(run, sec, desc, d_item);
					break;
				}
				continue;
			}
		}

		const struct vc_value *s_field = get(s_item, K_FIELD);
		const struct vc_value *d_field = get(d_item, K_FIELD);
		if (!fields_match(desc, s_field, d_field)) {
			if (exists_in_substruct(d_item, s_field)) {
				push(&d_stack, d_it);
				d_it = (struct field_iter){ get(get(d_item, K_DESCRIPTION), K_FIELDS), 0 };
				advance_src = false;
				continue;
			}
			if (exists_in_substruct(s_item, d_field)) {
				push(&s_stack, s_it);
				s_it = (struct field_iter){ get(get(s_item, K_DESCRIPTION), K_FIELDS), 0 };
				advance_dest = false;
				continue;
			}
			if (is_text(s_field, "unused") || is_text(d_field, "unused")) {
				const struct vc_value *s_size = size_total(s_item);
				const struct vc_value *d_size = size_total(d_item);
				if (vc_eq(s_size, d_size))
					continue;
				if (is_text(d_field, "unused")) {
					advance_dest = false;
					unused = vc_sub(vc_computed_arena(), d_size, s_size);
					continue;
				}
				if (is_text(s_field, "unused")) {
					advance_src = false;
					unused = vc_sub(vc_computed_arena(), s_size, d_size);
					continue;
				}
			}
			emit(run, FINDING_FIELD_MISMATCH, (struct message){ .slot = {
				[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc),
				[SLOT_F] = VALUE(s_field), [SLOT_G] = VALUE(d_field) } });
			break;
		}

		check_version(run, s_item, d_item, sec, desc);
		/* The same lookups as the reference, each made once (the dumps do not change). */
		const struct vc_value *s_desc = lookup(s_item, K_DESCRIPTION);
		if (!s_desc)
			check_size(run, s_item, d_item, sec, desc, s_field);
		else
			check_description_in_list(run, s_item, s_desc, d_item, sec, desc);
	}
}

static void check_subsections(struct vmc_run *run, const struct vc_value *src_sub,
			      const struct vc_value *dest_sub, const struct vc_value *desc,
			      const struct vc_value *sec)
{
	for (uint32_t i = 0; i < src_sub->len; i++) {
		const struct vc_value *s_item = vc_item(src_sub, i);
		bool found = false;
		for (uint32_t j = 0; j < dest_sub->len; j++) {
			const struct vc_value *d_item = vc_item(dest_sub, j);
			if (!vc_eq(get(s_item, K_NAME), get(d_item, K_NAME)))
				continue;
			found = true;
			check_descriptions(run, s_item, d_item, sec);
		}
		if (!found) {
			emit(run, FINDING_SUBSECTION_MISSING, (struct message){ .slot = {
				[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(desc),
				[SLOT_F] = LOOKUP(s_item, K_NAME) } });
		}
	}
}

static void check_descriptions(struct vmc_run *run, const struct vc_value *sd,
			       const struct vc_value *dd, const struct vc_value *sec)
{
	check_version(run, sd, dd, sec, get(sd, K_NAME));
	const struct vc_value *s_name = get(sd, K_NAME);
	if (!fields_match(sec, s_name, get(dd, K_NAME))) {
		emit(run, FINDING_DESCRIPTION_RENAMED, (struct message){ .slot = {
			[SLOT_S] = VALUE(sec), [SLOT_D] = VALUE(s_name),
			[SLOT_G] = VALUE(get(dd, K_NAME)) } });
		return;
	}
	for (uint32_t i = 0; i < sd->len; i++) {
		uint32_t key_len;
		const char *key = vc_member_key(sd, i, &key_len);
		const struct vc_value *other = vc_dict_get_id(dd, vc_member_key_id(sd, i));
		if (!other) {
			emit(run, FINDING_ENTRY_MISSING, (struct message){ .slot = {
				[SLOT_S] = VALUE(sec), [SLOT_D] = LOOKUP(sd, K_NAME),
				[SLOT_F] = VALUE(vc_member_key_value(sd, i)) } });
			continue;
		}
		if (key_len == 6 && memcmp(key, "Fields", 6) == 0)
			check_fields(run, vc_member_value(sd, i), other, get(sd, K_NAME), sec);
		if (key_len == 11 && memcmp(key, "Subsections", 11) == 0)
			check_subsections(run, vc_member_value(sd, i), other, get(sd, K_NAME), sec);
	}
}

static void check_machine_type(struct vmc_run *run, const struct vc_value *s,
			       const struct vc_value *d)
{
	const struct vc_value *sn = get(s, K_SECTION_NAME), *dn = get(d, K_SECTION_NAME);
	if (vc_eq(sn, dn))
		return;
	emit(run, FINDING_MACHINE_TYPE,
	     (struct message){ .slot = { [SLOT_G] = VALUE(sn), [SLOT_H] = VALUE(dn) } });
}

int vmc_compare_dumps(struct vmc_run *run, const struct vc_doc *src_doc,
		      const struct vc_doc *dest_doc)
{
	/* The roots are copied: the view arena is reset for each section. */
	struct vc_value src, dest;
	find_keys(src_doc->strings);
	renames_in_use = run->renames;
	vc_item_root(src_doc, &src);
	vc_item_root(dest_doc, &dest);
	return compare_roots(run, &src, &dest);
}

static int compare_roots(struct vmc_run *run, const struct vc_value *src,
			 const struct vc_value *dest)
{
	for (uint32_t i = 0; i < src->len; i++) {
		/* Views and computed values of one section are not needed by the next. */
		vc_views_reset();
		const struct vc_value *sec = vc_member_key_value(src, i);
		const struct vc_value *d = vc_dict_get_id(dest, vc_member_key_id(src, i));
		if (!d) {
			d = vc_dict_gets(dest, renamed_section(sec));
			if (!d) {
				emit(run, FINDING_SECTION_MISSING,
				     (struct message){ .slot = { [SLOT_S] = VALUE(sec) } });
				continue;
			}
		}
		const struct vc_value *s = vc_member_value(src, i);
		if (is_text(sec, "vmschkmachine")) {
			check_machine_type(run, s, d);
			continue;
		}
		check_version(run, s, d, sec, NULL);
		for (uint32_t j = 0; j < s->len; j++) {
			uint32_t key_len;
			const char *key = vc_member_key(s, j, &key_len);
			const struct vc_value *other = vc_dict_get_id(d, vc_member_key_id(s, j));
			if (!other) {
				emit(run, FINDING_SECTION_ENTRY_MISSING, (struct message){ .slot = {
					[SLOT_S] = VALUE(sec), [SLOT_F] = VALUE(vc_member_key_value(s, j)) } });
				continue;
			}
			if (key_len == 11 && memcmp(key, "Description", 11) == 0)
				check_descriptions(run, vc_member_value(s, j), other, sec);
		}
	}
	vc_views_reset();
	return run->problems;
}
