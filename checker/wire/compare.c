/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The wire rules (docs/wire-rules.md): two extended dumps compared by what QEMU puts on
 * the wire and how its load reads it, in both directions.  Each difference becomes one
 * finding at the new side's location; a description reached from several sections is
 * compared once, and its findings list every section. */
#include "finding.h"
#include "../common/alloc.h"
#include "../common/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One comparison of a description pair, remembered so that a shared description is
 * compared once; FINDINGS are every finding it reaches, nested ones included. */
struct memo {
	const struct vmw_desc *o, *n;
	bool top;
	size_t *findings;
	size_t nfindings, cap;
};

struct cmp {
	struct vmw_report *rep;
	const char *section;
	struct memo *memo;
	size_t nmemo, memo_cap;
	size_t stack[64];       /* memo entries being compared, innermost last */
	size_t depth;
	unsigned reach[2];      /* does the data compared now reach the wire (VMW_REACH_*)? */
	const struct vmw_func *reach_why[2];  /* the predicate that makes it depend */
};

static void add_section(struct vmw_finding *f, const char *section)
{
	for (size_t i = 0; i < f->nsections; i++)
		if (strcmp(f->sections[i], section) == 0)
			return;
	xgrow(&f->sections, &f->sections_cap, f->nsections + 1, sizeof(char *));
	f->sections[f->nsections++] = xstrdup(section);
}

/* Widens what F reaches by the current place, and lists the section when it matters. */
static void reach_note(struct cmp *c, struct vmw_finding *f)
{
	if (c->reach[0] > f->reach_forward)
		f->reach_forward = (unsigned char)c->reach[0];
	if (c->reach[1] > f->reach_backward)
		f->reach_backward = (unsigned char)c->reach[1];
	if (c->reach[0] != VMW_REACH_NEVER || c->reach[1] != VMW_REACH_NEVER)
		add_section(f, c->section);
	for (int d = 0; d < 2 && !f->predicate.symbol; d++)
		if (c->reach[d] == VMW_REACH_DEPENDS && c->reach_why[d])
			f->predicate = *c->reach_why[d];
}

static void memo_note(struct cmp *c, size_t finding)
{
	for (size_t d = 0; d < c->depth; d++) {
		struct memo *m = &c->memo[c->stack[d]];
		xgrow(&m->findings, &m->cap, m->nfindings + 1, sizeof(size_t));
		m->findings[m->nfindings++] = finding;
	}
}

static struct vmw_finding *finding(struct cmp *c, enum finding_kind kind, const char *desc,
				   const char *field, const char *new_loc, const char *old_loc)
{
	struct vmw_report *r = c->rep;

	xgrow(&r->items, &r->cap, r->n + 1, sizeof(*r->items));
	struct vmw_finding *f = &r->items[r->n];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->description = desc;
	f->field = field;
	f->new_loc = new_loc;
	f->old_loc = old_loc;
	reach_note(c, f);
	memo_note(c, r->n);
	r->n++;
	return f;
}

/* ---- fields: existence and shape ---- */

enum tri { NO, YES, DEPENDS };

static bool has_predicate(const struct vmw_field *f)
{
	return f->exists.symbol || f->exists_unknown;
}

/* Is F on the wire at stream version V?  With FORCED >= 0 a predicate is taken as that
 * value. */
static enum tri exists_at(const struct vmw_field *f, long long v, int forced)
{
	if (has_predicate(f))
		return forced < 0 ? DEPENDS : forced ? YES : NO;
	return f->version_id.value <= v ? YES : NO;
}

static bool is_unused(const struct vmw_field *f)
{
	return f->info && strcmp(f->info, "unused_buffer") == 0;
}

static bool is_variable(const struct vmw_field *f)
{
	return f->flags & (VMW_F_VARRAY | VMW_F_VBUFFER);
}

/* Bytes on the wire when fixed, else -1. */
static long long fixed_bytes(const struct vmw_field *f)
{
	if (f->vmsd || is_variable(f) || f->size.unknown || f->num.unknown)
		return -1;
	return f->size.value * ((f->flags & VMW_F_ARRAY) ? f->num.value : 1);
}

/* Integer encodings whose bytes are the same whatever the signedness. */
static bool same_bytes(const char *a, const char *b)
{
	const char *ua = a[0] == 'u' ? a + 1 : a, *ub = b[0] == 'u' ? b + 1 : b;

	return strncmp(ua, "int", 3) == 0 && strcmp(ua, ub) == 0;
}

static const char *shape_unknown(const struct vmw_field *f)
{
	return f->unknown ? f->unknown : f->size.unknown ? f->size.unknown
		: f->num.unknown ? f->num.unknown : f->version_id.unknown;
}

/* The first difference between the wire shapes of O and N, or -1. */
static int shape_kind(const struct vmw_field *o, const struct vmw_field *n)
{
	if (shape_unknown(o) || shape_unknown(n))
		return FINDING_WIRE_UNKNOWN;
	if (!o->vmsd != !n->vmsd)
		return FINDING_WIRE_STRUCT;
	if (o->info && n->info && strcmp(o->info, n->info) != 0)
		return same_bytes(o->info, n->info) ? FINDING_WIRE_ENCODING_SAME_BYTES : FINDING_WIRE_ENCODING;
	if (!o->vmsd && !(o->flags & VMW_F_VBUFFER) && o->size.value != n->size.value)
		return FINDING_WIRE_SIZE;
	bool oa = o->flags & VMW_F_ARRAY, na = n->flags & VMW_F_ARRAY;
	if (is_variable(o) != is_variable(n) || oa != na || (oa && o->num.value != n->num.value))
		return FINDING_WIRE_COUNT;
	return -1;
}

static const char *bytes_word(long long n)
{
	return n == 1 ? "byte" : "bytes";
}

static char *shape_text(const struct vmw_field *f)
{
	if (shape_unknown(f))
		return xasprintf("unknown (%s)", shape_unknown(f));
	const char *what = f->vmsd ? f->vmsd->name : f->info ? f->info : "?";
	long long size = f->size.value;
	if (is_variable(f))
		return xasprintf("%s, %lld %s each, count in \"%s\"", what, size, bytes_word(size),
				 f->num_field ? f->num_field : "?");
	if (f->flags & VMW_F_ARRAY)
		return xasprintf("%s, %lld x %lld %s", what, f->num.value, size, bytes_word(size));
	return xasprintf("%s, %lld %s", what, size, bytes_word(size));
}

/* ---- one direction: SAVE saves at version VS, LOAD loads at version VL ---- */

struct side {
	const struct vmw_field *f;   /* first field of the run */
	size_t n;
	long long v;
};

/* The loader's fields that take bytes the saver sends as padding: zeros, into a member
 * the saver no longer has (or does not have yet). */
struct zeros {
	const struct vmw_field **f;
	size_t n, cap;
};

static void zeros_add(struct zeros *z, const struct vmw_field *f)
{
	for (size_t k = 0; k < z->n; k++)
		if (z->f[k] == f)
			return;
	xgrow(&z->f, &z->cap, z->n + 1, sizeof(*z->f));
	z->f[z->n++] = f;
}

/* A group of fields of the same total bytes, S's I0..I1 against L's J0..J1: L's data
 * that overlaps S's padding takes zeros. */
static void group_zeros(struct side s, size_t i0, size_t i1, struct side l, size_t j0,
			size_t j1, int forced, struct zeros *z)
{
	long long sa = 0;

	for (size_t i = i0; i <= i1; i++) {
		if (exists_at(&s.f[i], s.v, forced) == NO)
			continue;
		long long sb = sa + fixed_bytes(&s.f[i]), la = 0;
		for (size_t j = j0; j <= j1 && is_unused(&s.f[i]); j++) {
			if (exists_at(&l.f[j], l.v, forced) == NO)
				continue;
			long long lb = la + fixed_bytes(&l.f[j]);
			if (!is_unused(&l.f[j]) && la < sb && sa < lb)
				zeros_add(z, &l.f[j]);
			la = lb;
		}
		sa = sb;
	}
}

enum match { MATCH_NO, MATCH_YES, MATCH_ZEROS };

/* Do the fields of S that are on the wire load as the fields of L that are on the wire,
 * predicates taken as FORCED?  Padding matches any fixed-size bytes; when L has data
 * where S sends padding, it matches with zeros, and Z gets those fields of L. */
static enum match run_matches(struct side s, struct side l, int forced, struct zeros *z)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < s.n && exists_at(&s.f[i], s.v, forced) == NO)
			i++;
		while (j < l.n && exists_at(&l.f[j], l.v, forced) == NO)
			j++;
		if (i == s.n || j == l.n)
			return i < s.n || j < l.n ? MATCH_NO : z->n ? MATCH_ZEROS : MATCH_YES;
		const struct vmw_field *a = &s.f[i], *b = &l.f[j];
		if (is_unused(a) || is_unused(b)) {
			size_t i0 = i, j0 = j;
			long long ra = fixed_bytes(a), rb = fixed_bytes(b);
			while (ra >= 0 && rb >= 0 && ra != rb) {
				if (ra < rb) {
					if (++i == s.n)
						return MATCH_NO;
					ra = exists_at(&s.f[i], s.v, forced) == NO ? ra
						: fixed_bytes(&s.f[i]) < 0 ? -1 : ra + fixed_bytes(&s.f[i]);
				} else {
					if (++j == l.n)
						return MATCH_NO;
					rb = exists_at(&l.f[j], l.v, forced) == NO ? rb
						: fixed_bytes(&l.f[j]) < 0 ? -1 : rb + fixed_bytes(&l.f[j]);
				}
			}
			if (ra < 0 || rb < 0)
				return MATCH_NO;
			group_zeros(s, i0, i, l, j0, j, forced, z);
		} else {
			/* Nested descriptions are compared on their own (compare_desc). */
			int k = shape_kind(a, b);
			if (k >= 0 && k != FINDING_WIRE_ENCODING_SAME_BYTES)
				return MATCH_NO;
		}
		i++;
		j++;
	}
}

static bool run_unknown(struct side s)
{
	for (size_t i = 0; i < s.n; i++)
		if (shape_unknown(&s.f[i]))
			return true;
	return false;
}

/* ZEROS, when not NULL, gets the loader's fields that take the saver's padding in a
 * case that loads: whether zero harms them only the device can tell, so that case
 * depends. */
static enum vmw_outcome run_outcome(struct side s, struct side l, bool accepted,
				    bool moved_data, struct zeros *zeros)
{
	if (!accepted)
		return VMW_UNAFFECTED;
	/* What the tools could not evaluate may or may not match. */
	if (run_unknown(s) || run_unknown(l))
		return VMW_DEPENDS;
	struct zeros z[2] = { { 0 }, { 0 } };
	enum match when[2] = { run_matches(s, l, 1, &z[0]), run_matches(s, l, 0, &z[1]) };
	for (int k = 0; k < 2; k++) {
		/* A moved field's bytes land in another member even when the shapes agree. */
		if (moved_data)
			when[k] = MATCH_NO;
		for (size_t m = 0; zeros && when[k] == MATCH_ZEROS && m < z[k].n; m++)
			zeros_add(zeros, z[k].f[m]);
		free(z[k].f);
	}
	if (when[0] != when[1] || when[0] == MATCH_ZEROS)
		return VMW_DEPENDS;
	return when[0] == MATCH_YES ? VMW_LOADS : VMW_FAILS;
}

/* Do A and B decide by different tests whether they are on the wire?  Each side calls
 * its own function, so the same bytes under another test may travel on one side only. */
static bool tests_differ(const struct vmw_field *a, const struct vmw_field *b)
{
	return has_predicate(a) != has_predicate(b) ||
		(a->exists.symbol && b->exists.symbol && strcmp(a->exists.symbol, b->exists.symbol));
}

/* Has a run of fields other tests than the run it replaces (the tests of each side, as
 * sets: a field without a test counts as one test)? */
static bool run_tests_differ(const struct vmw_field *o, size_t on, const struct vmw_field *n,
			     size_t nn)
{
	for (int side = 0; side < 2; side++) {
		const struct vmw_field *x = side ? n : o, *y = side ? o : n;
		size_t xn = side ? nn : on, yn = side ? on : nn;
		for (size_t i = 0; i < xn; i++) {
			bool found = false;
			for (size_t k = 0; k < yn && !found; k++)
				found = !tests_differ(&x[i], &y[k]);
			if (!found && yn)
				return true;
		}
	}
	return false;
}

/* "esp_is_version_5()", "its version_id (2)" or why it is not known; malloc'd.  Places
 * stay out of messages: they are the findings' data (vmstate-diff maps them). */
static char *test_text(const struct vmw_field *f)
{
	if (f->exists.symbol)
		return xasprintf("%s()", f->exists.symbol);
	if (f->exists_unknown)
		return xasprintf("a test the tools could not evaluate (%s)", f->exists_unknown);
	return xasprintf("its version_id (%lld)", f->version_id.value);
}

/* ---- descriptions ---- */

static bool has_needed(const struct vmw_desc *d)
{
	return d->needed.symbol || d->needed_unknown;
}

/* What reaches the wire inside a field that the saver sends as S and the loader reads
 * as L, within data that reaches it as OUTER. */
static unsigned narrow(unsigned outer, enum tri s, enum tri l, bool accepted)
{
	unsigned here = !accepted || (s == NO && l == NO) ? VMW_REACH_NEVER
		: s == DEPENDS || l == DEPENDS ? VMW_REACH_DEPENDS : VMW_REACH_ALWAYS;
	return here < outer ? here : outer;
}

struct versions {
	long long old_save, old_load, new_save, new_load;  /* VS/VL for each side */
	bool fwd, bwd;          /* does the stream version pass the load's check? */
};

static void compare_desc(struct cmp *c, const struct vmw_desc *o, const struct vmw_desc *n,
			 bool top);

static const struct vmw_func *first_predicate(const struct vmw_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (f[i].exists.symbol)
			return &f[i].exists;
	return NULL;
}

/* A description's fields that are data: validators put nothing on the wire. */
struct data {
	const struct vmw_desc *d;
	struct vmw_field *f;
	size_t n;
};

static bool is_validator(const struct vmw_field *f)
{
	return f->flags & VMW_F_MUST_EXIST;
}

static struct data data_fields(const struct vmw_desc *d)
{
	struct data x = { .d = d, .f = xcalloc(d->nfields + 1, sizeof(*x.f)) };

	for (size_t i = 0; i < d->nfields; i++)
		if (!is_validator(&d->fields[i]))
			x.f[x.n++] = d->fields[i];
	return x;
}

/* The place of data field I, or of the description when there is none. */
static const char *field_or_desc_loc(const struct data *x, size_t i)
{
	return i < x->n && x->f[i].loc ? x->f[i].loc : x->d->loc;
}

/* ---- a field of the VMStateInfo "virtio": what its put saves after the common state
 * (docs/extended-dump.md, "VIRTIO"; wire-rules.md, "Virtio devices") ---- */

static void virtio_unknown(struct cmp *c, const struct vmw_desc *nd,
			   const struct vmw_field *o, const struct vmw_field *n, const char *why)
{
	struct vmw_finding *f = finding(c, FINDING_WIRE_UNKNOWN, nd->name, n->name, n->loc,
					o->loc);
	f->forward = f->backward = VMW_DEPENDS;
	f->message = xasprintf("field \"%s\" of \"%s\": %s", n->name, nd->name, why);
}

/* The device class's description, one side NULL: the other side's loader reads what
 * was never sent, or leaves unread what was. */
static void virtio_vmsd_alone(struct cmp *c, const struct vmw_desc *nd,
			      const struct vmw_field *o, const struct vmw_field *n)
{
	const struct vmw_desc *ov = o->virtio->vmsd, *nv = n->virtio->vmsd;
	struct vmw_finding *f = finding(c, FINDING_WIRE_STRUCT, nd->name, n->name,
					nv ? nv->loc : n->loc, ov ? ov->loc : o->loc);

	f->forward = f->backward = VMW_FAILS;
	f->old_value = xstrdup(ov ? ov->name : "none");
	f->new_value = xstrdup(nv ? nv->name : "none");
	f->message = xasprintf("field \"%s\" of \"%s\" saves the device state \"%s\" after "
			       "the common virtio state, was \"%s\"", n->name, nd->name,
			       f->new_value, f->old_value);
}

/* QEMU loads the class's description with the section's stream version: as a
 * section's own description when each side's version_id is its section's. */
static void compare_virtio(struct cmp *c, const struct vmw_desc *od, const struct vmw_desc *nd,
			   const struct vmw_field *o, const struct vmw_field *n)
{
	const struct vmw_virtio *ov = o->virtio, *nv = n->virtio;

	if (!ov || !nv) {
		virtio_unknown(c, nd, o, n, "what it saves after the common virtio state is "
			       "not in both dumps (one is from an older vmstate-extract)");
		return;
	}
	/* State written by hand is not read: the same functions are taken to agree. */
	if ((ov->by_hand || nv->by_hand) &&
	    (!ov->by_hand || !nv->by_hand || strcmp(ov->by_hand, nv->by_hand)))
		virtio_unknown(c, nd, o, n, nv->by_hand ? nv->by_hand : ov->by_hand);
	if (ov->vmsd_unknown || nv->vmsd_unknown) {
		virtio_unknown(c, nd, o, n, nv->vmsd_unknown ? nv->vmsd_unknown
			       : ov->vmsd_unknown);
	} else if (ov->vmsd && nv->vmsd) {
		bool stream = ov->vmsd->version_id.value == od->version_id.value &&
			      nv->vmsd->version_id.value == nd->version_id.value &&
			      !ov->vmsd->version_id.unknown && !nv->vmsd->version_id.unknown;
		if (!stream)
			virtio_unknown(c, nd, o, n, "the device class's description is loaded "
				       "with the section's version, which differs from its own");
		compare_desc(c, ov->vmsd, nv->vmsd, stream);
	} else if (ov->vmsd || nv->vmsd) {
		if (!(ov->vmsd ? nv->by_hand : ov->by_hand))
			virtio_vmsd_alone(c, nd, o, n);
	}
	if (ov->common_unknown || nv->common_unknown)
		virtio_unknown(c, nd, o, n, nv->common_unknown ? nv->common_unknown
			       : ov->common_unknown);
	else if (ov->common && nv->common)
		compare_desc(c, ov->common, nv->common, false);
}

static void compare_pair(struct cmp *c, const struct vmw_desc *od, const struct vmw_desc *nd,
			 const struct vmw_field *o, const struct vmw_field *n,
			 const struct versions *v)
{
	struct side so = { o, 1, v->old_save }, sn = { n, 1, v->new_save };
	struct side lo = { o, 1, v->old_load }, ln = { n, 1, v->new_load };
	int kind = shape_kind(o, n);
	bool preds_differ = tests_differ(o, n);
	enum vmw_outcome fwd = run_outcome(so, ln, v->fwd, false, NULL);
	enum vmw_outcome bwd = run_outcome(sn, lo, v->bwd, false, NULL);

	if ((o->vmsd && n->vmsd) || o->virtio || n->virtio) {
		struct cmp saved = *c;
		c->reach[0] = narrow(saved.reach[0], exists_at(o, v->old_save, -1),
				     exists_at(n, v->new_load, -1), v->fwd);
		c->reach[1] = narrow(saved.reach[1], exists_at(n, v->new_save, -1),
				     exists_at(o, v->old_load, -1), v->bwd);
		if (c->reach[0] != saved.reach[0])
			c->reach_why[0] = o->exists.symbol ? &o->exists : &n->exists;
		if (c->reach[1] != saved.reach[1])
			c->reach_why[1] = n->exists.symbol ? &n->exists : &o->exists;
		if (o->vmsd && n->vmsd)
			compare_desc(c, o->vmsd, n->vmsd, false);
		else
			compare_virtio(c, od, nd, o, n);
		memcpy(c->reach, saved.reach, sizeof(c->reach));
		memcpy(c->reach_why, saved.reach_why, sizeof(c->reach_why));
	}
	if (preds_differ) {
		/* Different tests may disagree at run time, whatever the shapes say. */
		if (fwd == VMW_LOADS)
			fwd = VMW_DEPENDS;
		if (bwd == VMW_LOADS)
			bwd = VMW_DEPENDS;
		if (kind < 0)
			kind = FINDING_WIRE_FIELD_EXISTS;
	}
	if (kind < 0 && o->version_id.value != n->version_id.value)
		kind = FINDING_WIRE_FIELD_VERSION;
	if (kind < 0)
		return;
	struct vmw_finding *f = finding(c, kind, nd->name, n->name, n->loc, o->loc);
	f->forward = fwd;
	f->backward = bwd;
	f->predicate = n->exists.symbol ? n->exists : o->exists;
	f->old_value = shape_text(o);
	f->new_value = shape_text(n);
	switch (kind) {
	case FINDING_WIRE_FIELD_VERSION:
		f->message = xasprintf("field \"%s\" of \"%s\" is on the wire from version %lld, "
				  "was %lld", n->name, nd->name, n->version_id.value,
				  o->version_id.value);
		break;
	case FINDING_WIRE_FIELD_EXISTS: {
		char *nt = test_text(n), *ot = test_text(o);
		f->message = xasprintf("field \"%s\" of \"%s\": whether it is on the wire is "
				  "decided by %s, was by %s", n->name, nd->name, nt, ot);
		free(nt);
		free(ot);
		break;
	}
	case FINDING_WIRE_UNKNOWN:
		f->message = xasprintf("field \"%s\" of \"%s\": %s", n->name, nd->name,
				  shape_unknown(n) ? shape_unknown(n) : shape_unknown(o));
		f->forward = f->forward == VMW_UNAFFECTED ? VMW_UNAFFECTED : VMW_DEPENDS;
		f->backward = f->backward == VMW_UNAFFECTED ? VMW_UNAFFECTED : VMW_DEPENDS;
		break;
	default:
		f->message = xasprintf("field \"%s\" of \"%s\" changed on the wire: %s, was %s",
				  n->name, nd->name, f->new_value, f->old_value);
	}
	(void)od;
}

/* Is a field of FIELD's name in X (padding is not data of a name)? */
static bool name_in(const struct data *x, const struct vmw_field *field)
{
	if (is_unused(field))
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (!is_unused(&x->f[i]) && strcmp(x->f[i].name, field->name) == 0)
			return true;
	return false;
}

/* "\"a\" (uint32, 4 bytes), \"b\" (...)", malloc'd; NULL for no field. */
static char *field_list(const struct vmw_field *f, size_t n)
{
	struct strbuf list = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		char *shape = shape_text(&f[i]);
		sb_printf(&list, "%s\"%s\" (%s)", i ? ", " : "", f[i].name, shape);
		free(shape);
	}
	return n ? sb_take(&list) : NULL;
}

/* "; from new to old the old version loads zeros into \"a\", \"b\", which it may
 * still use", or "" when Z is empty; malloc'd. */
static char *zero_takers(const struct zeros *z, const char *direction, const char *side)
{
	struct strbuf list = STRBUF_INIT;

	if (!z->n)
		return xstrdup("");
	for (size_t k = 0; k < z->n; k++)
		sb_printf(&list, "%s\"%s\"", k ? ", " : "", z->f[k]->name);
	char *text = xasprintf("; from %s the %s version loads zeros (the padding) into %s, "
			       "which it may still use", direction, side, list.data);
	sb_release(&list);
	return text;
}

static bool same_padding(const struct vmw_field *a, const struct vmw_field *b)
{
	return is_unused(a) && is_unused(b) && shape_kind(a, b) < 0 &&
	       a->version_id.value == b->version_id.value;
}

/* A run of old fields OR (ON of them) against new fields NR (NN) between two fields
 * both sides keep. */
static void compare_run(struct cmp *c, const struct data *o, const struct data *n,
			size_t oi, size_t on, size_t ni, size_t nn, const struct versions *v)
{
	const struct vmw_desc *nd = n->d;
	bool moved = false, only_moved = true;

	/* Padding never aligns by name: the same padding at either end of both runs is
	 * not part of the change (a field renamed next to VMSTATE_UNUSED is a rename). */
	while (on && nn && same_padding(&o->f[oi + on - 1], &n->f[ni + nn - 1]))
		on--, nn--;
	while (on && nn && same_padding(&o->f[oi], &n->f[ni]))
		oi++, ni++, on--, nn--;
	if (on == 0 && nn == 0)
		return;
	const struct vmw_field *orun = o->f + oi, *nrun = n->f + ni;
	for (size_t i = 0; i < on; i++) {
		bool m = name_in(n, &orun[i]);
		moved |= m;
		only_moved &= m;
	}
	for (size_t i = 0; i < nn; i++) {
		bool m = name_in(o, &nrun[i]);
		moved |= m;
		only_moved &= m;
	}
	struct side so = { orun, on, v->old_save }, lo = { orun, on, v->old_load };
	struct side sn = { nrun, nn, v->new_save }, ln = { nrun, nn, v->new_load };
	struct zeros zf = { 0 }, zb = { 0 };  /* new fields (forward), old ones, taking zeros */
	enum vmw_outcome fwd = run_outcome(so, ln, v->fwd, moved, &zf);
	enum vmw_outcome bwd = run_outcome(sn, lo, v->bwd, moved, &zb);
	bool retested = run_tests_differ(orun, on, nrun, nn);
	if (retested) {
		if (fwd == VMW_LOADS)
			fwd = VMW_DEPENDS;
		if (bwd == VMW_LOADS)
			bwd = VMW_DEPENDS;
	}
	bool padding = false;
	for (size_t i = 0; i < on; i++)
		padding |= is_unused(&orun[i]);
	for (size_t i = 0; i < nn; i++)
		padding |= is_unused(&nrun[i]);

	enum finding_kind kind = moved ? FINDING_WIRE_FIELD_MOVED : nn == 0 ? FINDING_WIRE_FIELD_REMOVED
		: on == 0 ? FINDING_WIRE_FIELD_ADDED : padding ? FINDING_WIRE_PADDING
		: on == 1 && nn == 1 ? FINDING_WIRE_FIELD_RENAMED : FINDING_WIRE_FIELDS_CHANGED;
	if (kind == FINDING_WIRE_FIELD_RENAMED && (fwd == VMW_FAILS || bwd == VMW_FAILS))
		kind = FINDING_WIRE_FIELDS_CHANGED;
	if (kind == FINDING_WIRE_PADDING && (fwd == VMW_FAILS || bwd == VMW_FAILS))
		kind = FINDING_WIRE_FIELDS_CHANGED;
	if (kind == FINDING_WIRE_FIELD_RENAMED && retested)
		kind = FINDING_WIRE_FIELD_EXISTS;
	if (run_unknown(so) || run_unknown(sn))
		kind = FINDING_WIRE_UNKNOWN;
	/* A move shows in two runs: it is reported where the field now is. */
	if (only_moved && nn == 0) {
		free(zf.f);
		free(zb.f);
		return;
	}
	const char *field = nn ? nrun[0].name : orun[0].name;
	/* Padding's zeros are placed at the member that takes them. */
	const char *new_loc = zf.n && zf.f[0]->loc ? zf.f[0]->loc : field_or_desc_loc(n, ni);
	const char *old_loc = zb.n && zb.f[0]->loc ? zb.f[0]->loc : field_or_desc_loc(o, oi);
	struct vmw_finding *f = finding(c, kind, nd->name, field, new_loc, old_loc);
	f->forward = fwd;
	f->backward = bwd;
	const struct vmw_func *p = first_predicate(nrun, nn);
	if (!p)
		p = first_predicate(orun, on);
	if (p)
		f->predicate = *p;
	f->old_value = field_list(orun, on);
	f->new_value = field_list(nrun, nn);
	const char *olist = f->old_value ? f->old_value : "nothing";
	const char *nlist = f->new_value ? f->new_value : "nothing";
	switch (kind) {
	case FINDING_WIRE_FIELD_REMOVED:
		f->message = xasprintf("%s of \"%s\" removed", olist, nd->name);
		break;
	case FINDING_WIRE_FIELD_ADDED:
		f->message = xasprintf("%s added to \"%s\"", nlist, nd->name);
		break;
	case FINDING_WIRE_FIELD_RENAMED:
		f->message = xasprintf("field %s of \"%s\" renamed %s", olist, nd->name, nlist);
		break;
	case FINDING_WIRE_FIELD_EXISTS: {
		/* A rename under another test (run_tests_differ: one field each side). */
		char *nt = test_text(nrun), *ot = test_text(orun);
		f->message = xasprintf("field %s of \"%s\" renamed %s, and whether it is on the "
				  "wire is decided by %s, was by %s: each side decides by its own",
				  olist, nd->name, nlist, nt, ot);
		free(nt);
		free(ot);
		break;
	}
	case FINDING_WIRE_FIELD_MOVED:
		f->message = xasprintf("%s of \"%s\" moved: the bytes sent for one member load into "
				  "another", nn ? nlist : olist, nd->name);
		break;
	case FINDING_WIRE_PADDING: {
		char *to_new = zero_takers(&zf, "old to new", "new");
		char *to_old = zero_takers(&zb, "new to old", "old");
		f->message = xasprintf("padding in \"%s\": %s, was %s%s%s", nd->name,
				  nlist, olist, to_new, to_old);
		free(to_new);
		free(to_old);
		break;
	}
	default:
		f->message = xasprintf("fields of \"%s\" changed: %s, was %s", nd->name,
				  nlist, olist);
	}
	free(zf.f);
	free(zb.f);
}


/* Field names as alignment keys: padding never matches by name. */
static bool same_key(const struct vmw_field *a, const struct vmw_field *b)
{
	return !is_unused(a) && !is_unused(b) && strcmp(a->name, b->name) == 0;
}

static void compare_validators(struct cmp *c, const struct vmw_desc *od,
			       const struct vmw_desc *nd)
{
	for (size_t i = 0; i < nd->nfields; i++) {
		const struct vmw_field *nf = &nd->fields[i];
		bool known = false;
		if (!is_validator(nf))
			continue;
		for (size_t k = 0; k < od->nfields; k++)
			known |= is_validator(&od->fields[k]) && strcmp(od->fields[k].name, nf->name) == 0;
		if (known)
			continue;
		struct vmw_finding *f = finding(c, FINDING_WIRE_VALIDATOR_ADDED, nd->name, nf->name,
						nf->loc, od->loc);
		f->forward = VMW_DEPENDS;
		f->backward = VMW_UNAFFECTED;
		f->predicate = nf->exists;
		f->message = xasprintf("check \"%s\" of \"%s\" can refuse a stream from the old version",
				  nf->name, nd->name);
	}
}

/* Aligns the fields by name (longest common subsequence), then compares each kept pair
 * and each run in between. */
static void compare_fields(struct cmp *c, const struct vmw_desc *od, const struct vmw_desc *nd,
			   const struct versions *v)
{
	struct data o = data_fields(od), n = data_fields(nd);
	size_t *lcs = xcalloc((o.n + 1) * (n.n + 1), sizeof(size_t));
#define L(i, j) lcs[(i) * (n.n + 1) + (j)]
	for (size_t i = o.n; i-- > 0;)
		for (size_t j = n.n; j-- > 0;)
			L(i, j) = same_key(&o.f[i], &n.f[j]) ? L(i + 1, j + 1) + 1
				: L(i + 1, j) > L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
	size_t i = 0, j = 0, ri = 0, rj = 0;
	for (;;) {
		bool end = i == o.n && j == n.n;
		bool keep = !end && i < o.n && j < n.n && same_key(&o.f[i], &n.f[j]) &&
			L(i, j) == L(i + 1, j + 1) + 1;
		if (end || keep) {
			if (i > ri || j > rj)
				compare_run(c, &o, &n, ri, i - ri, rj, j - rj, v);
			if (end)
				break;
			compare_pair(c, od, nd, &o.f[i], &n.f[j], v);
			ri = ++i;
			rj = ++j;
		} else if (j == n.n || (i < o.n && L(i + 1, j) >= L(i, j + 1))) {
			i++;
		} else {
			j++;
		}
	}
#undef L
	free(lcs);
	free(o.f);
	free(n.f);
	compare_validators(c, od, nd);
}

static void version_findings(struct cmp *c, const struct vmw_desc *o, const struct vmw_desc *n,
			     struct versions *v)
{
	long long ov = o->version_id.value, nv = n->version_id.value;
	long long omin = o->minimum_version_id.value, nmin = n->minimum_version_id.value;
	bool fwd_high = ov > nv, bwd_high = nv > ov;
	bool fwd_low = ov < nmin, bwd_low = nv < omin;

	v->fwd = !fwd_high && !fwd_low;
	v->bwd = !bwd_high && !bwd_low;
	if (ov != nv) {
		struct vmw_finding *f = finding(c, FINDING_WIRE_VERSION, n->name, NULL, n->loc, o->loc);
		f->forward = fwd_high ? VMW_FAILS : VMW_LOADS;
		f->backward = bwd_high ? VMW_FAILS : VMW_LOADS;
		f->old_value = xasprintf("%lld", ov);
		f->new_value = xasprintf("%lld", nv);
		f->message = xasprintf("\"%s\" is version %lld, was %lld: %s", n->name, nv, ov,
				  fwd_high ? "the new version refuses the old stream"
					   : "the old version refuses the new stream");
	}
	if (omin != nmin) {
		struct vmw_finding *f = finding(c, FINDING_WIRE_MINIMUM_VERSION, n->name, NULL, n->loc,
						o->loc);
		f->forward = fwd_low ? VMW_FAILS : VMW_LOADS;
		f->backward = bwd_low ? VMW_FAILS : VMW_LOADS;
		f->old_value = xasprintf("%lld", omin);
		f->new_value = xasprintf("%lld", nmin);
		f->message = xasprintf("\"%s\" accepts versions from %lld, was %lld%s", n->name, nmin,
				  omin, fwd_low ? ": the old version sends an older one"
				  : bwd_low ? ": the new version sends one the old refuses"
				  : ", and both sides still accept each other's");
	}
}

/* SUB is only in the old description O (REMOVED) or only in the new one N. */
static void subsection_gone(struct cmp *c, const struct vmw_desc *o, const struct vmw_desc *n,
			    const struct vmw_desc *sub, bool removed)
{
	const struct vmw_desc *parent = removed ? o : n;
	struct vmw_finding *f = finding(c, removed ? FINDING_WIRE_SUBSECTION_REMOVED
					: FINDING_WIRE_SUBSECTION_ADDED, parent->name, sub->name,
					removed ? n->loc : sub->loc,
					removed ? sub->loc : o->loc);
	enum vmw_outcome sent = sub->needed.symbol || sub->needed_unknown ? VMW_DEPENDS : VMW_FAILS;

	f->forward = removed ? sent : VMW_UNAFFECTED;
	f->backward = removed ? VMW_UNAFFECTED : sent;
	f->predicate = sub->needed;
	f->message = xasprintf("subsection \"%s\" of \"%s\" %s: the %s version sends it %s", sub->name,
			  parent->name, removed ? "removed" : "added", removed ? "old" : "new",
			  sent == VMW_DEPENDS ? "when its needed() says so" : "always (no needed)");
}

static void compare_subsections(struct cmp *c, const struct vmw_desc *o,
				const struct vmw_desc *n)
{
	for (size_t i = 0; i < o->nsubsections; i++) {
		const struct vmw_desc *os = o->subsections[i], *match = NULL;
		for (size_t k = 0; k < n->nsubsections && !match; k++)
			if (strcmp(n->subsections[k]->name, os->name) == 0)
				match = n->subsections[k];
		if (match) {
			/* The saver sends it when its needed() says so. */
			struct cmp saved = *c;
			const struct vmw_desc *saver[2] = { os, match };
			for (int d = 0; d < 2; d++)
				if (has_needed(saver[d]) && c->reach[d] > VMW_REACH_DEPENDS) {
					c->reach[d] = VMW_REACH_DEPENDS;
					c->reach_why[d] = &saver[d]->needed;
				}
			compare_desc(c, os, match, true);
			memcpy(c->reach, saved.reach, sizeof(c->reach));
			memcpy(c->reach_why, saved.reach_why, sizeof(c->reach_why));
		} else
			subsection_gone(c, o, n, os, true);
	}
	for (size_t k = 0; k < n->nsubsections; k++) {
		bool known = false;
		for (size_t i = 0; i < o->nsubsections; i++)
			known |= strcmp(o->subsections[i]->name, n->subsections[k]->name) == 0;
		if (!known)
			subsection_gone(c, o, n, n->subsections[k], false);
	}
}

/* The same symbol on both sides, unknown for the same reason, with nothing else in it:
 * a stub's all-zero description (QEMU's vmstate_cpu_hotplug where hw/acpi/cpu.c is
 * not linked) is the same on both sides, and nothing sends it. */
static bool same_stub(const struct vmw_desc *o, const struct vmw_desc *n)
{
	return o->unknown && n->unknown && strcmp(o->unknown, n->unknown) == 0 &&
	       o->symbol && n->symbol && strcmp(o->symbol, n->symbol) == 0 &&
	       !o->has_fields && !n->has_fields && !o->has_subsections && !n->has_subsections;
}

/* A description whose versions, fields or subsections are not known cannot be compared:
 * one finding says so. */
static bool desc_unknown(struct cmp *c, const struct vmw_desc *o, const struct vmw_desc *n)
{
	const char *why[2];
	for (int k = 0; k < 2; k++) {
		const struct vmw_desc *d = k ? o : n;
		why[k] = d->unknown ? d->unknown : d->version_id.unknown ? d->version_id.unknown
			: d->minimum_version_id.unknown;
	}
	if (!why[0] && !why[1])
		return false;
	if (same_stub(o, n))
		return true;
	struct vmw_finding *f = finding(c, FINDING_WIRE_UNKNOWN, n->name, NULL, n->loc, o->loc);
	f->forward = f->backward = VMW_DEPENDS;
	f->message = xasprintf("\"%s\" cannot be compared: %s", n->name,
			       why[0] ? why[0] : why[1]);
	return true;
}

/* TOP: the description of a section or subsection, whose stream carries a version.  A
 * nested one is saved at its own version_id and loaded at the loader's. */
static void compare_desc(struct cmp *c, const struct vmw_desc *o, const struct vmw_desc *n,
			 bool top)
{
	for (size_t i = 0; i < c->nmemo; i++) {
		struct memo *m = &c->memo[i];
		if (m->o != o || m->n != n || m->top != top)
			continue;
		for (size_t k = 0; k < m->nfindings; k++) {
			reach_note(c, &c->rep->items[m->findings[k]]);
			memo_note(c, m->findings[k]);
		}
		return;
	}
	if (c->depth == sizeof(c->stack) / sizeof(c->stack[0]))
		return;  /* descriptions nest far less deeply in any real program */
	xgrow(&c->memo, &c->memo_cap, c->nmemo + 1, sizeof(*c->memo));
	c->memo[c->nmemo] = (struct memo){ .o = o, .n = n, .top = top };
	c->stack[c->depth++] = c->nmemo++;

	struct versions v = {
		.old_save = o->version_id.value, .new_save = n->version_id.value,
		.old_load = o->version_id.value, .new_load = n->version_id.value,
		.fwd = true, .bwd = true,
	};
	if (desc_unknown(c, o, n)) {
		c->depth--;
		return;
	}
	if (top) {
		version_findings(c, o, n, &v);
		/* One stream version for both sides: the saver's. */
		v.new_load = v.old_save;
		v.old_load = v.new_save;
	} else if (strcmp(o->name, n->name) != 0) {
		struct vmw_finding *f = finding(c, FINDING_WIRE_DESCRIPTION_RENAMED, n->name, NULL,
						n->loc, o->loc);
		f->forward = f->backward = VMW_LOADS;
		f->message = xasprintf("nested description \"%s\" renamed \"%s\"", o->name, n->name);
	}
	/* After a refused version nothing else of this stream is read. */
	unsigned saved[2] = { c->reach[0], c->reach[1] };
	if (!v.fwd)
		c->reach[0] = VMW_REACH_NEVER;
	if (!v.bwd)
		c->reach[1] = VMW_REACH_NEVER;
	compare_fields(c, o, n, &v);
	compare_subsections(c, o, n);
	memcpy(c->reach, saved, sizeof(saved));
	c->depth--;
}


/* QEMU finds a section by name and instance id; vmstate_register()'s id is fixed at the
 * call, or the first free one for VMSTATE_INSTANCE_ID_ANY. */
static void compare_instance(struct cmp *c, const struct vmw_section *o,
			     const struct vmw_section *n)
{
	if (o->instance_kind == VMW_INSTANCE_NONE || n->instance_kind == VMW_INSTANCE_NONE)
		return;
	bool both_fixed = o->instance_kind == VMW_INSTANCE_CONSTANT &&
			  n->instance_kind == VMW_INSTANCE_CONSTANT;
	if (both_fixed && o->instance_id == n->instance_id)
		return;
	if (o->instance_kind == VMW_INSTANCE_ANY && n->instance_kind == VMW_INSTANCE_ANY)
		return;
	struct vmw_finding *f = finding(c, FINDING_WIRE_INSTANCE_ID, n->desc->name, NULL,
					n->register_loc ? n->register_loc : n->desc->loc,
					o->register_loc ? o->register_loc : o->desc->loc);
	f->forward = f->backward = both_fixed ? VMW_FAILS : VMW_DEPENDS;
	f->old_value = o->instance_kind == VMW_INSTANCE_ANY ? xstrdup("any")
			: xasprintf("%lld", o->instance_id);
	f->new_value = n->instance_kind == VMW_INSTANCE_ANY ? xstrdup("any")
			: xasprintf("%lld", n->instance_id);
	f->message = xasprintf("section \"%s\" is registered with instance id %s, was %s%s",
			       n->name, f->new_value, f->old_value,
			       both_fixed ? ": the destination does not find it"
			       : ": the first free id, which depends on what else is registered");
}

/* The first device type of section S (of the new version) that OLD has too, or NULL:
 * the device existed without this section (ramfb before QEMU 8.1 had no description). */
static const char *old_device(const struct vmw_section *s, const struct vmw_dump *old)
{
	for (const char **t = s->device_types; t && *t; t++)
		if (vmw_dump_has_device(old, *t))
			return *t;
	return NULL;
}

static void section_alone(struct cmp *c, const struct vmw_section *s, bool removed)
{
	const struct vmw_desc *d = s->desc;
	const char *had = removed ? NULL : old_device(s, c->rep->old_dump);
	struct vmw_finding *f = finding(c, removed ? FINDING_WIRE_SECTION_REMOVED
					: had ? FINDING_WIRE_DEVICE_SECTION_ADDED
					: FINDING_WIRE_SECTION_ADDED,
					d->name, NULL, removed ? NULL : d->loc,
					removed ? d->loc : NULL);
	enum vmw_outcome sent = has_needed(d) ? VMW_DEPENDS : VMW_FAILS;
	/* A device no user can create (sysbus devices) is sent only where a machine
	 * creates it: whether one does is not in the dump. */
	bool machine_only = s->not_user_creatable && sent == VMW_FAILS;

	if (machine_only)
		sent = VMW_DEPENDS;
	f->forward = removed ? sent : VMW_UNAFFECTED;
	f->backward = removed ? VMW_UNAFFECTED : sent;
	f->predicate = d->needed;
	if (had)
		f->message = xasprintf("section \"%s\" (%s) is only in the new version, but the "
				       "old version has device \"%s\" too and cannot load it",
				       s->name, s->registered && *s->registered ? s->registered
				       : "registered", had);
	else
		f->message = xasprintf("section \"%s\" (%s) is only in the %s version%s", s->name,
			  s->registered && *s->registered ? s->registered : "registered",
			  removed ? "old" : "new",
			  machine_only ? ": not user-creatable, so it breaks only if a machine "
			  "creates it" : "");
}

void vmw_compare(struct vmw_report *report, const struct vmw_dump *old_dump,
		 const struct vmw_dump *new_dump)
{
	struct cmp c = { .rep = report };

	memset(report, 0, sizeof(*report));
	report->old_dump = old_dump;
	report->new_dump = new_dump;
	for (size_t i = 0; i < old_dump->nsections; i++) {
		const struct vmw_section *os = &old_dump->sections[i];
		const struct vmw_section *ns = vmw_dump_section(new_dump, os->name,
								vmw_section_rank(old_dump, os));
		c.section = os->name;
		report->sections_compared++;
		if (ns) {
			/* savevm sends a section whose description has needed() only when it
			 * says so. */
			c.reach[0] = has_needed(os->desc) ? VMW_REACH_DEPENDS : VMW_REACH_ALWAYS;
			c.reach[1] = has_needed(ns->desc) ? VMW_REACH_DEPENDS : VMW_REACH_ALWAYS;
			c.reach_why[0] = &os->desc->needed;
			c.reach_why[1] = &ns->desc->needed;
			compare_instance(&c, os, ns);
			compare_desc(&c, os->desc, ns->desc, true);
		} else {
			c.reach[0] = c.reach[1] = VMW_REACH_ALWAYS;
			section_alone(&c, os, true);
		}
	}
	for (size_t i = 0; i < new_dump->nsections; i++) {
		const struct vmw_section *ns = &new_dump->sections[i];
		if (vmw_dump_section(old_dump, ns->name, vmw_section_rank(new_dump, ns)))
			continue;
		c.section = ns->name;
		c.reach[0] = c.reach[1] = VMW_REACH_ALWAYS;
		report->sections_compared++;
		section_alone(&c, ns, false);
	}
	for (size_t i = 0; i < c.nmemo; i++)
		free(c.memo[i].findings);
	free(c.memo);
}
