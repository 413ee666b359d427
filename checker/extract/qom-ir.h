/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM IR (docs/fragment-qom.md) decoded once into typed nodes, so that the
 * interpreter and the analyses switch on a kind instead of comparing op strings.
 *
 * Every JSON value of a recorded function body (or of a DATA initializer) becomes one
 * node; an absent member is a NULL node pointer.  Besides its typed members, a node
 * keeps every member that is an object or an array, in the JSON's order, as KIDS: the
 * analyses that look for stores anywhere (may it store a vmsd, which locals may it
 * change) walk those, so malformed IR is walked as far as the JSON goes. */
#ifndef VMSTATE_EXTRACT_QOM_IR_H
#define VMSTATE_EXTRACT_QOM_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "../common/arena.h"

enum ir_kind {
	/* JSON values that are not objects */
	IR_NULL, IR_INT, IR_STR, IR_TRUE, IR_FALSE, IR_REAL, IR_LIST,
	/* objects, by "op" */
	IR_ADDR, IR_ADDR_OF, IR_ASSIGN, IR_ARRAY, IR_BIN, IR_BOOL, IR_CALL, IR_COND,
	IR_DECAY, IR_INCR, IR_LITERAL, IR_PTRADD, IR_STRUCT, IR_SEQ, IR_UN, IR_UNKNOWN,
	IR_LOCAL, IR_GLOBAL, IR_FIELD, IR_INDEX, IR_DEREF,
	IR_OTHER_OP,      /* an op this reader does not know (its text in OP) */
	IR_NO_OP,         /* an object without "op": a statement, or malformed IR */
};

/* What a statement (an IR_NO_OP node of a body) does, by the first key it has of
 * do, decl, label, goto, br, switch, ret. */
enum ir_stmt { STMT_NONE, STMT_DO, STMT_DECL, STMT_LABEL, STMT_GOTO, STMT_BR, STMT_SWITCH,
	       STMT_RET };

/* A jump target: a label id when the JSON holds an integer. */
struct ir_label {
	int64_t id;
	bool present;     /* there and not null */
	bool is_null;     /* there and null */
	bool valid;       /* an integer, not negative */
};

struct ir_case {
	int64_t lo, hi;
	struct ir_label target;
};

/* How a statement (an element of a function's body) continues. */
struct ir_stmt_info {
	enum ir_stmt stmt;
	struct ir_node *expr;       /* do, br, switch, ret (IR_NULL when null) */
	bool has_ret;               /* a "ret" member, whatever the statement's kind */
	struct ir_label label, jump, on_true, on_false, join, fallback, loop;
	struct ir_case *cases;
	size_t case_count;
};

struct ir_node {
	enum ir_kind kind;
	const char *op;             /* the op's text (IR_OTHER_OP) */
	/* Scalars: IR_INT's value, IR_STR's text. */
	int64_t num;
	const char *str;
	/* Typed members ("" for an absent string, 0 for a number). */
	const char *sym;            /* addr, global */
	const char *name;           /* local, field, statements' "name" */
	const char *struct_name;    /* field */
	const char *code;           /* bin, un */
	const char *why;            /* unknown */
	const char *loc;            /* call, unknown, statements */
	int64_t id;                 /* local */
	int64_t elem;               /* incr, ptradd */
	int64_t length;             /* array */
	int64_t decl;               /* a declaration's local id */
	bool id_is_int;             /* local: "id" is an integer */
	bool agg, first, post;      /* field, field, incr */
	bool has_length;            /* array: "length" is an integer */
	bool decl_is_int;           /* "decl" is an integer */
	struct ir_node *of, *to, *value, *a, *b, *ptr, *bytes, *by, *init, *fn, *index;
	struct ir_node *cond, *then, *otherwise;
	struct ir_node *decl_init;  /* "init" unless null */
	struct ir_node **items;     /* call args, array elems, struct field values */
	const char **item_names;    /* struct: each field's name (NULL when not a string) */
	size_t item_count;
	/* Every object or array member, in order. */
	struct ir_node **kids;
	size_t kid_count;
	/* Elements of a function's body only. */
	struct ir_stmt_info *s;
};

/* A recorded function's body, decoded, with its labels resolved. */
struct ir_function {
	struct ir_node **body;
	size_t count;
	int64_t *params;
	size_t param_count;
	size_t *label_at;           /* statement index of each label id, or SIZE_MAX */
	size_t label_count;
};

/* The node of JSON value V (NULL for NULL), allocated in ARENA. */
struct ir_node *ir_decode(struct arena *arena, const json_t *v);
/* FN (a FUNCTION of docs/fragment-qom.md) decoded. */
struct ir_function *ir_decode_function(struct arena *arena, const json_t *fn);
/* The statement index of label L in FN, or SIZE_MAX. */
size_t ir_label_index(const struct ir_function *fn, struct ir_label l);

#endif
