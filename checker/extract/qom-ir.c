/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Decoding the QOM IR into typed nodes (qom-ir.h), once per recorded function. */
#include <stddef.h>
#include <string.h>
#include "qom-ir.h"

static const struct {
	const char *name;
	enum ir_kind kind;
} ops[] = {
	{ "addr", IR_ADDR }, { "addr_of", IR_ADDR_OF }, { "assign", IR_ASSIGN },
	{ "array", IR_ARRAY }, { "bin", IR_BIN }, { "bool", IR_BOOL }, { "call", IR_CALL },
	{ "cond", IR_COND }, { "decay", IR_DECAY }, { "incr", IR_INCR },
	{ "literal", IR_LITERAL }, { "ptradd", IR_PTRADD }, { "struct", IR_STRUCT },
	{ "seq", IR_SEQ }, { "un", IR_UN }, { "unknown", IR_UNKNOWN }, { "local", IR_LOCAL },
	{ "global", IR_GLOBAL }, { "field", IR_FIELD }, { "index", IR_INDEX },
	{ "deref", IR_DEREF },
};

static struct ir_label label_of(const json_t *v)
{
	struct ir_label l = { .present = v && !json_is_null(v), .is_null = json_is_null(v) };

	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		l.valid = true;
		l.id = json_integer_value(v);
	}
	return l;
}

static enum ir_kind kind_of(const json_t *v, const char **op)
{
	size_t i;

	switch (json_typeof(v)) {
	case JSON_NULL: return IR_NULL;
	case JSON_INTEGER: return IR_INT;
	case JSON_STRING: return IR_STR;
	case JSON_TRUE: return IR_TRUE;
	case JSON_FALSE: return IR_FALSE;
	case JSON_REAL: return IR_REAL;
	case JSON_ARRAY: return IR_LIST;
	case JSON_OBJECT: break;
	}
	*op = json_string_value(json_object_get(v, "op"));
	if (!*op)
		return IR_NO_OP;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(*op, ops[i].name))
			return ops[i].kind;
	return IR_OTHER_OP;
}

static void decode_items(struct arena *arena, struct ir_node *n, const json_t *list,
			 bool pairs)
{
	size_t i;
	json_t *x;

	n->item_count = json_array_size(list);
	n->items = arena_alloc(arena, (n->item_count + 1) * sizeof(*n->items));
	n->item_names = arena_alloc(arena, (n->item_count + 1) * sizeof(*n->item_names));
	json_array_foreach(list, i, x) {
		n->item_names[i] = pairs ? json_string_value(json_array_get(x, 0)) : NULL;
		n->items[i] = ir_decode(arena, pairs ? json_array_get(x, 1) : x);
	}
}

static void decode_cases(struct arena *arena, struct ir_stmt_info *s, const json_t *cases)
{
	size_t i;
	json_t *c;

	s->case_count = json_array_size(cases);
	s->cases = arena_alloc(arena, (s->case_count + 1) * sizeof(*s->cases));
	json_array_foreach(cases, i, c) {
		s->cases[i].lo = json_integer_value(json_array_get(c, 0));
		s->cases[i].hi = json_integer_value(json_array_get(c, 1));
		s->cases[i].target = label_of(json_array_get(c, 2));
	}
}

/* Statement keys, in the order that decides a statement's kind. */
static const char *const statement_keys[] = { "", "do", "decl", "label", "goto", "br",
					      "switch", "ret" };

/* What a member of an IR object is to the decoder. */
enum member_kind { M_NODE, M_STRING, M_ID, M_ELEM, M_AGG, M_FIRST, M_POST, M_LENGTH,
		   M_DECL, M_STMT };

struct member_rule {
	const char *key;
	enum member_kind kind;
	size_t offset;       /* M_NODE, M_STRING: the field */
};

#define NODE(k, f) { k, M_NODE, offsetof(struct ir_node, f) }
#define STRING(k, f) { k, M_STRING, offsetof(struct ir_node, f) }

/* Sorted by key, for bsearch. */
static const struct member_rule member_rules[] = {
	NODE("a", a), { "agg", M_AGG, 0 }, NODE("b", b), { "br", M_STMT, 0 }, NODE("by", by),
	NODE("bytes", bytes), STRING("code", code), { "decl", M_DECL, 0 }, { "do", M_STMT, 0 },
	{ "elem", M_ELEM, 0 }, NODE("else", otherwise), { "first", M_FIRST, 0 }, NODE("fn", fn),
	{ "goto", M_STMT, 0 }, { "id", M_ID, 0 }, NODE("if", cond), NODE("index", index),
	NODE("init", init), { "label", M_STMT, 0 }, { "length", M_LENGTH, 0 },
	STRING("loc", loc), STRING("name", name), NODE("of", of), { "post", M_POST, 0 },
	NODE("ptr", ptr), { "ret", M_STMT, 0 }, STRING("struct", struct_name),
	{ "switch", M_STMT, 0 }, STRING("sym", sym), NODE("then", then), NODE("to", to),
	NODE("value", value), STRING("why", why),
};

#undef NODE
#undef STRING

static int compare_rule(const void *key, const void *rule)
{
	return strcmp(key, ((const struct member_rule *)rule)->key);
}

/* Member KEY (value V, decoded as NODE when it is one) of object N. */
static void set_member(struct ir_node *n, const struct member_rule *r, const json_t *v,
		       struct ir_node *node)
{
	switch (r->kind) {
	case M_NODE:
		*(struct ir_node **)((char *)n + r->offset) = node;
		break;
	case M_STRING:
		if (json_is_string(v))
			*(const char **)((char *)n + r->offset) = json_string_value(v);
		break;
	case M_ID:
		n->id = json_integer_value(v);
		n->id_is_int = json_is_integer(v);
		break;
	case M_ELEM:
		n->elem = json_integer_value(v);
		break;
	case M_AGG:
		n->agg = json_is_true(v);
		break;
	case M_FIRST:
		n->first = json_is_true(v);
		break;
	case M_POST:
		n->post = json_is_true(v);
		break;
	case M_LENGTH:
		n->has_length = json_is_integer(v);
		n->length = json_integer_value(v);
		break;
	case M_DECL:
		n->decl = json_integer_value(v);
		n->decl_is_int = json_is_integer(v);
		break;
	case M_STMT:
		break;
	}
}

static void decode_object(struct arena *arena, struct ir_node *n, const json_t *v)
{
	size_t count = 0;
	const char *key;
	json_t *x;

	json_object_foreach((json_t *)v, key, x)
		count += json_is_object(x) || json_is_array(x);
	n->kids = arena_alloc(arena, (count + 1) * sizeof(*n->kids));
	json_object_foreach((json_t *)v, key, x) {
		const struct member_rule *r = bsearch(key, member_rules,
						      sizeof(member_rules) / sizeof(member_rules[0]),
						      sizeof(member_rules[0]), compare_rule);
		bool composite = json_is_object(x) || json_is_array(x);
		/* Scalars are nodes only where an expression or a statement reads them. */
		struct ir_node *node = composite || (r && (r->kind == M_NODE || r->kind == M_STMT ||
							   r->kind == M_DECL))
			? ir_decode(arena, x) : NULL;

		if (composite)
			n->kids[n->kid_count++] = node;
		if (r)
			set_member(n, r, x, node);
		if (r && r->kind == M_NODE && !strcmp(key, "init") && !json_is_null(x))
			n->decl_init = node;
	}
	if (n->kind == IR_CALL)
		decode_items(arena, n, json_object_get(v, "args"), false);
	else if (n->kind == IR_ARRAY)
		decode_items(arena, n, json_object_get(v, "elems"), false);
	else if (n->kind == IR_STRUCT)
		decode_items(arena, n, json_object_get(v, "fields"), true);
}

/* Member X of V as a node: a composite one is among N's kids already. */
static struct ir_node *decoded_member(struct arena *arena, const struct ir_node *n,
				      const json_t *v, const json_t *x)
{
	size_t i = 0;
	const char *key;
	json_t *m;

	if (!json_is_object(x) && !json_is_array(x))
		return ir_decode(arena, x);
	json_object_foreach((json_t *)v, key, m) {
		if (m == x)
			return n->kids[i];
		i += json_is_object(m) || json_is_array(m);
	}
	return ir_decode(arena, x);
}

/* The statement view of body element N (from V): its kind, by the first key it has of
 * statement_keys, and its jumps. */
static void decode_statement(struct arena *arena, struct ir_node *n, const json_t *v)
{
	struct ir_stmt_info *s = arena_alloc(arena, sizeof(*s));
	size_t i;

	n->s = s;
	for (i = 1; i < sizeof(statement_keys) / sizeof(statement_keys[0]); i++) {
		const json_t *x = json_object_get(v, statement_keys[i]);

		if (!x)
			continue;
		s->stmt = (enum ir_stmt)i;
		s->expr = decoded_member(arena, n, v, x);
		break;
	}
	s->has_ret = json_object_get(v, "ret") != NULL;
	s->label = label_of(json_object_get(v, "label"));
	s->jump = label_of(json_object_get(v, "goto"));
	s->on_true = label_of(json_object_get(v, "then"));
	s->on_false = label_of(json_object_get(v, "else"));
	s->join = label_of(json_object_get(v, "join"));
	s->fallback = label_of(json_object_get(v, "default"));
	s->loop = label_of(json_object_get(v, "loop"));
	decode_cases(arena, s, json_object_get(v, "cases"));
}

struct ir_node *ir_decode(struct arena *arena, const json_t *v)
{
	struct ir_node *n;
	size_t i;
	json_t *x;

	if (!v)
		return NULL;
	n = arena_alloc(arena, sizeof(*n));
	n->sym = n->name = n->struct_name = n->code = n->why = n->loc = "";
	n->kind = kind_of(v, &n->op);
	n->num = json_integer_value(v);
	n->str = json_string_value(v);
	if (json_is_array(v)) {
		n->kid_count = json_array_size(v);
		n->kids = arena_alloc(arena, (n->kid_count + 1) * sizeof(*n->kids));
		json_array_foreach(v, i, x)
			n->kids[i] = ir_decode(arena, x);
	} else if (json_is_object(v)) {
		decode_object(arena, n, v);
	}
	return n;
}

struct ir_function *ir_decode_function(struct arena *arena, const json_t *fn)
{
	struct ir_function *f = arena_alloc(arena, sizeof(*f));
	const json_t *body = json_object_get(fn, "body"), *params = json_object_get(fn, "params");
	size_t i, k;
	json_t *x;

	f->count = json_array_size(body);
	f->body = arena_alloc(arena, (f->count + 1) * sizeof(*f->body));
	json_array_foreach(body, i, x) {
		struct ir_label label;

		f->body[i] = ir_decode(arena, x);
		decode_statement(arena, f->body[i], x);
		label = f->body[i]->s->label;
		if (!label.valid || label.id > 1000000)
			continue;
		if ((size_t)label.id >= f->label_count) {
			size_t n = (size_t)label.id + 16;
			size_t *at = arena_alloc(arena, n * sizeof(*at));

			for (k = 0; k < n; k++)
				at[k] = k < f->label_count ? f->label_at[k] : SIZE_MAX;
			f->label_at = at;
			f->label_count = n;
		}
		f->label_at[label.id] = i;
	}
	f->param_count = json_array_size(params);
	f->params = arena_alloc(arena, (f->param_count + 1) * sizeof(*f->params));
	json_array_foreach(params, i, x)
		f->params[i] = json_integer_value(x);
	return f;
}

size_t ir_label_index(const struct ir_function *fn, struct ir_label l)
{
	if (!l.valid || (uint64_t)l.id >= fn->label_count)
		return SIZE_MAX;
	return fn->label_at[l.id];
}
