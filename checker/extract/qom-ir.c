/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Decoding the QOM IR into typed nodes (qom-ir.h), once per recorded function. */
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

static const char *text(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

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

/* The decoded member KEY of V, found among the kids already decoded. */
static struct ir_node *member(struct ir_node *n, const json_t *v, const char *key)
{
	const json_t *m = json_object_get(v, key);
	size_t i = 0;
	const char *k;
	json_t *x;

	if (!m)
		return NULL;
	if (!json_is_object(m) && !json_is_array(m))
		return NULL;   /* the caller decodes scalars itself */
	json_object_foreach((json_t *)v, k, x) {
		if (!json_is_object(x) && !json_is_array(x))
			continue;
		if (x == m)
			return n->kids[i];
		i++;
	}
	return NULL;
}

/* Member KEY as a node, scalars included (an absent member is NULL). */
static struct ir_node *child(struct arena *arena, struct ir_node *n, const json_t *v,
			     const char *key)
{
	const json_t *m = json_object_get(v, key);

	if (!m)
		return NULL;
	if (json_is_object(m) || json_is_array(m))
		return member(n, v, key);
	return ir_decode(arena, m);
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

static void decode_expression(struct arena *arena, struct ir_node *n, const json_t *v)
{
	const json_t *length = json_object_get(v, "length");

	n->sym = text(v, "sym");
	n->name = text(v, "name");
	n->struct_name = text(v, "struct");
	n->code = text(v, "code");
	n->why = text(v, "why");
	n->loc = text(v, "loc");
	n->id = json_integer_value(json_object_get(v, "id"));
	n->id_is_int = json_is_integer(json_object_get(v, "id"));
	n->elem = json_integer_value(json_object_get(v, "elem"));
	n->agg = json_is_true(json_object_get(v, "agg"));
	n->first = json_is_true(json_object_get(v, "first"));
	n->post = json_is_true(json_object_get(v, "post"));
	n->has_length = json_is_integer(length);
	n->length = json_integer_value(length);
	n->of = child(arena, n, v, "of");
	n->to = child(arena, n, v, "to");
	n->value = child(arena, n, v, "value");
	n->a = child(arena, n, v, "a");
	n->b = child(arena, n, v, "b");
	n->ptr = child(arena, n, v, "ptr");
	n->bytes = child(arena, n, v, "bytes");
	n->by = child(arena, n, v, "by");
	n->init = child(arena, n, v, "init");
	n->fn = child(arena, n, v, "fn");
	n->index = child(arena, n, v, "index");
	n->cond = child(arena, n, v, "if");
	n->then = child(arena, n, v, "then");
	n->otherwise = child(arena, n, v, "else");
	if (n->kind == IR_CALL)
		decode_items(arena, n, json_object_get(v, "args"), false);
	else if (n->kind == IR_ARRAY)
		decode_items(arena, n, json_object_get(v, "elems"), false);
	else if (n->kind == IR_STRUCT)
		decode_items(arena, n, json_object_get(v, "fields"), true);
}

static void decode_statement(struct arena *arena, struct ir_node *n, const json_t *v)
{
	static const struct { const char *key; enum ir_stmt stmt; } kinds[] = {
		{ "do", STMT_DO }, { "decl", STMT_DECL }, { "label", STMT_LABEL },
		{ "goto", STMT_GOTO }, { "br", STMT_BR }, { "switch", STMT_SWITCH },
		{ "ret", STMT_RET },
	};
	const json_t *decl = json_object_get(v, "decl"), *init = json_object_get(v, "init");
	size_t i;
	json_t *c;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && !n->stmt; i++)
		if (json_object_get(v, kinds[i].key))
			n->stmt = kinds[i].stmt;
	n->has_ret = json_object_get(v, "ret") != NULL;
	n->decl = json_integer_value(decl);
	n->decl_is_int = json_is_integer(decl);
	n->decl_init = init && !json_is_null(init) ? child(arena, n, v, "init") : NULL;
	if (n->stmt == STMT_DO || n->stmt == STMT_BR || n->stmt == STMT_SWITCH ||
	    n->stmt == STMT_RET)
		n->expr = child(arena, n, v, n->stmt == STMT_DO ? "do" : n->stmt == STMT_BR ? "br"
				: n->stmt == STMT_SWITCH ? "switch" : "ret");
	n->label = label_of(json_object_get(v, "label"));
	n->jump = label_of(json_object_get(v, "goto"));
	n->on_true = label_of(json_object_get(v, "then"));
	n->on_false = label_of(json_object_get(v, "else"));
	n->join = label_of(json_object_get(v, "join"));
	n->fallback = label_of(json_object_get(v, "default"));
	n->loop = label_of(json_object_get(v, "loop"));
	n->case_count = json_array_size(json_object_get(v, "cases"));
	n->cases = arena_alloc(arena, (n->case_count + 1) * sizeof(*n->cases));
	json_array_foreach(json_object_get(v, "cases"), i, c) {
		n->cases[i].lo = json_integer_value(json_array_get(c, 0));
		n->cases[i].hi = json_integer_value(json_array_get(c, 1));
		n->cases[i].target = label_of(json_array_get(c, 2));
	}
}

struct ir_node *ir_decode(struct arena *arena, const json_t *v)
{
	struct ir_node *n;
	size_t count = 0, i = 0;
	const char *key;
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
		return n;
	}
	if (!json_is_object(v))
		return n;
	json_object_foreach((json_t *)v, key, x)
		count += json_is_object(x) || json_is_array(x);
	n->kids = arena_alloc(arena, (count + 1) * sizeof(*n->kids));
	json_object_foreach((json_t *)v, key, x)
		if (json_is_object(x) || json_is_array(x))
			n->kids[n->kid_count++] = ir_decode(arena, x);
	/* Both views of every object: the interpreter and the analyses read statement keys
	 * wherever they are, as they read expression keys. */
	decode_expression(arena, n, v);
	decode_statement(arena, n, v);
	return n;
}

struct ir_function *ir_decode_function(struct arena *arena, const json_t *fn)
{
	struct ir_function *f = arena_alloc(arena, sizeof(*f));
	const json_t *body = json_object_get(fn, "body"), *params = json_object_get(fn, "params");
	size_t i, k;
	json_t *x;

	f->may_matter = -1;
	f->count = json_array_size(body);
	f->body = arena_alloc(arena, (f->count + 1) * sizeof(*f->body));
	json_array_foreach(body, i, x) {
		f->body[i] = ir_decode(arena, x);
		if (!f->body[i]->label.valid || f->body[i]->label.id > 1000000)
			continue;
		if ((size_t)f->body[i]->label.id >= f->label_count) {
			size_t n = (size_t)f->body[i]->label.id + 16;
			size_t *at = arena_alloc(arena, n * sizeof(*at));

			for (k = 0; k < n; k++)
				at[k] = k < f->label_count ? f->label_at[k] : SIZE_MAX;
			f->label_at = at;
			f->label_count = n;
		}
		f->label_at[f->body[i]->label.id] = i;
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
