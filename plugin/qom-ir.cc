/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GENERIC -> QOM IR (docs/fragment-qom.md).  Bodies are flattened into a list of
 * statements with labels and jumps; structured constructs (if, loops, switch) keep the
 * label where their arms meet so that the evaluator can step over an undecidable one. */
#include "qom-ir.h"
#include "tree-eval.h"

#include <stdio.h>
#include <string.h>


struct ir_ctx {
	const struct qom_ir_sink *sink;
	const char *context;        /* symbol of what is translated, for unknowns */
	tree fndecl;                /* NULL for static initializers */
	hash_map<tree, int> *locals;
	hash_map<tree, int> *labels;
	int next_local;
	int next_label;
	json_t *body;
	json_t *calls;
	bool writes_vmsd;
	bool indirect_calls;
	int break_label;            /* -1 outside loops/switches */
	int continue_label;
	location_t loc;             /* nearest location, for nodes without one */
};

static json_t *expr (ir_ctx *c, tree t);
static void stmt (ir_ctx *c, tree t);

static json_t *
unknown (ir_ctx *c, const char *why, location_t loc)
{
	if (loc == UNKNOWN_LOCATION)
		loc = c->loc;
	c->sink->unknown (why, loc, c->context);
	return json_pack ("{s:s, s:o, s:o}", "op", "unknown", "why", vx_json_string (why),
			  "loc", vx_loc_json (loc));
}

static json_t *
unknown_code (ir_ctx *c, const char *what, tree t)
{
	char why[128];
	snprintf (why, sizeof why, "%s %s is not evaluated", what,
		  get_tree_code_name (TREE_CODE (t)));
	return unknown (c, why, EXPR_LOCATION (t));
}

static location_t
loc_of (ir_ctx *c, tree t)
{
	location_t loc = EXPR_P (t) ? EXPR_LOCATION (t) : UNKNOWN_LOCATION;
	return loc == UNKNOWN_LOCATION ? c->loc : loc;
}

static int
local_id (ir_ctx *c, tree decl)
{
	bool existed;
	int &id = c->locals->get_or_insert (decl, &existed);
	if (!existed)
		id = ++c->next_local;
	return id;
}

static int
label_id (ir_ctx *c, tree label)
{
	bool existed;
	int &id = c->labels->get_or_insert (label, &existed);
	if (!existed)
		id = ++c->next_label;
	return id;
}

static int
new_label (ir_ctx *c)
{
	return ++c->next_label;
}

static void
emit (ir_ctx *c, json_t *s)
{
	json_array_append_new (c->body, s);
}

static void
emit_label (ir_ctx *c, int label)
{
	emit (c, json_pack ("{s:i}", "label", label));
}

static void
emit_goto (ir_ctx *c, int label)
{
	emit (c, json_pack ("{s:i}", "goto", label));
}

static bool
is_local (ir_ctx *c, tree decl)
{
	if (TREE_CODE (decl) == PARM_DECL || TREE_CODE (decl) == RESULT_DECL)
		return true;
	return TREE_CODE (decl) == VAR_DECL && !TREE_STATIC (decl) && !DECL_EXTERNAL (decl)
	       && c->fndecl && DECL_CONTEXT (decl) == c->fndecl;
}

static json_t *
decl_ref (ir_ctx *c, tree decl)
{
	if (is_local (c, decl)) {
		const char *name = DECL_NAME (decl) ? IDENTIFIER_POINTER (DECL_NAME (decl)) : "";
		return json_pack ("{s:s, s:i, s:o}", "op", "local", "id", local_id (c, decl),
				  "name", vx_json_string (name));
	}
	c->sink->want_data (decl);
	return json_pack ("{s:s, s:o}", "op", "global", "sym", vx_symbol_json (decl));
}

static bool
is_string_literal (tree t, const char **s, size_t *len)
{
	if (TREE_CODE (t) != STRING_CST)
		return false;
	*s = TREE_STRING_POINTER (t);
	*len = TREE_STRING_LENGTH (t);
	/* The literal's array includes its terminating NUL. */
	if (*len > 0 && (*s)[*len - 1] == '\0')
		(*len)--;
	const char *nul = (const char *) memchr (*s, '\0', *len);
	if (nul)
		*len = nul - *s;
	return true;
}

static json_t *
string_json (tree t)
{
	const char *s = "";
	size_t len = 0;
	is_string_literal (t, &s, &len);
	/* Up to the first NUL, as C reads it. */
	char *text = xstrndup (s, len);
	json_t *j = vx_json_string (text);
	free (text);
	return j;
}

/* A member access: the member's struct, name and whether it is an aggregate. */
static json_t *
field_ref (ir_ctx *c, tree t)
{
	tree field = TREE_OPERAND (t, 1);
	tree rec = DECL_CONTEXT (field);
	const char *sname = vx_type_name (rec);
	const char *fname = DECL_NAME (field) ? IDENTIFIER_POINTER (DECL_NAME (field)) : "";
	tree ftype = TREE_TYPE (field);
	bool agg = RECORD_OR_UNION_TYPE_P (ftype) || TREE_CODE (ftype) == ARRAY_TYPE;
	tree first = TYPE_FIELDS (rec);
	while (first && TREE_CODE (first) != FIELD_DECL)
		first = DECL_CHAIN (first);
	return json_pack ("{s:s, s:o, s:o, s:o, s:b, s:b}", "op", "field",
			  "of", expr (c, TREE_OPERAND (t, 0)),
			  "struct", vx_json_string (sname ? sname : ""),
			  "name", vx_json_string (fname), "agg", agg, "first", first == field);
}

bool
qom_is_vmsd_store (tree lhs)
{
	if (TREE_CODE (lhs) != COMPONENT_REF)
		return false;
	tree field = TREE_OPERAND (lhs, 1);
	if (!DECL_NAME (field))
		return false;
	const char *name = IDENTIFIER_POINTER (DECL_NAME (field));
	tree record = DECL_CONTEXT (field);
	if (strcmp (name, "vmsd") == 0)
		return vx_struct_named (record, "DeviceClass")
		       || vx_struct_named (record, "CPUClass");
	return strcmp (name, "sysemu_ops") == 0 && vx_struct_named (record, "CPUClass");
}

static json_t *
constructor (ir_ctx *c, tree t)
{
	tree type = TREE_TYPE (t);
	unsigned HOST_WIDE_INT i;
	tree index, value;
	if (TREE_CODE (type) == ARRAY_TYPE) {
		json_t *elems = json_array ();
		HOST_WIDE_INT next = 0;
		FOR_EACH_CONSTRUCTOR_ELT (CONSTRUCTOR_ELTS (t), i, index, value) {
			HOST_WIDE_INT lo = next, hi = next;
			if (index && TREE_CODE (index) == INTEGER_CST)
				lo = hi = tree_to_shwi (index);
			else if (index && TREE_CODE (index) == RANGE_EXPR
				 && tree_fits_shwi_p (TREE_OPERAND (index, 0))
				 && tree_fits_shwi_p (TREE_OPERAND (index, 1))) {
				lo = tree_to_shwi (TREE_OPERAND (index, 0));
				hi = tree_to_shwi (TREE_OPERAND (index, 1));
			}
			if (lo < 0 || hi - lo > 100000) {
				json_decref (elems);
				return unknown (c, "array initializer index out of range",
						loc_of (c, t));
			}
			while ((HOST_WIDE_INT) json_array_size (elems) < lo)
				json_array_append_new (elems, json_integer (0));
			for (HOST_WIDE_INT k = lo; k <= hi; k++) {
				json_t *e = expr (c, value);
				if ((HOST_WIDE_INT) json_array_size (elems) > k)
					json_array_set_new (elems, k, e);
				else
					json_array_append_new (elems, e);
			}
			next = hi + 1;
		}
		json_t *length = json_null ();
		tree domain = TYPE_DOMAIN (type);
		if (domain && TYPE_MAX_VALUE (domain)
		    && tree_fits_shwi_p (TYPE_MAX_VALUE (domain)))
			length = json_integer (tree_to_shwi (TYPE_MAX_VALUE (domain)) + 1);
		return json_pack ("{s:s, s:o, s:o}", "op", "array", "elems", elems,
				  "length", length);
	}
	if (RECORD_OR_UNION_TYPE_P (type)) {
		json_t *fields = json_array ();
		tree next_field = TYPE_FIELDS (type);
		FOR_EACH_CONSTRUCTOR_ELT (CONSTRUCTOR_ELTS (t), i, index, value) {
			tree field = index;
			if (!field || TREE_CODE (field) != FIELD_DECL) {
				while (next_field && TREE_CODE (next_field) != FIELD_DECL)
					next_field = DECL_CHAIN (next_field);
				field = next_field;
			}
			if (!field)
				break;
			next_field = DECL_CHAIN (field);
			const char *fname = DECL_NAME (field)
				? IDENTIFIER_POINTER (DECL_NAME (field)) : "";
			json_array_append_new (fields, json_pack ("[o, o]", vx_json_string (fname),
								  expr (c, value)));
		}
		const char *sname = vx_type_name (type);
		return json_pack ("{s:s, s:o, s:o}", "op", "struct",
				  "type", vx_json_string (sname ? sname : ""), "fields", fields);
	}
	return unknown (c, "initializer of a scalar in braces is not evaluated", loc_of (c, t));
}

static json_t *
call (ir_ctx *c, tree t)
{
	location_t loc = loc_of (c, t);
	tree fn = CALL_EXPR_FN (t);
	if (!fn)
		return unknown (c, "internal function call is not evaluated", loc);
	json_t *callee;
	tree fndecl = get_callee_fndecl (t);
	if (fndecl) {
		callee = json_pack ("{s:s, s:o}", "op", "addr", "sym", vx_symbol_json (fndecl));
		json_array_append_new (c->calls, vx_symbol_json (fndecl));
		c->sink->want_function (fndecl);
	} else {
		callee = expr (c, fn);
		c->indirect_calls = true;
	}
	json_t *args = json_array ();
	int n = call_expr_nargs (t);
	for (int i = 0; i < n; i++)
		json_array_append_new (args, expr (c, CALL_EXPR_ARG (t, i)));
	return json_pack ("{s:s, s:o, s:o, s:o}", "op", "call", "fn", callee, "args", args,
			  "loc", vx_loc_json (loc));
}

static json_t *
binary (ir_ctx *c, const char *code, tree t)
{
	return json_pack ("{s:s, s:s, s:o, s:o}", "op", "bin", "code", code,
			  "a", expr (c, TREE_OPERAND (t, 0)), "b", expr (c, TREE_OPERAND (t, 1)));
}

static json_t *
unary (ir_ctx *c, const char *code, tree t)
{
	return json_pack ("{s:s, s:s, s:o}", "op", "un", "code", code,
			  "a", expr (c, TREE_OPERAND (t, 0)));
}

static HOST_WIDE_INT
pointee_size (tree ptr_type)
{
	if (!POINTER_TYPE_P (ptr_type) || VOID_TYPE_P (TREE_TYPE (ptr_type)))
		return 0;
	tree size = TYPE_SIZE_UNIT (TREE_TYPE (ptr_type));
	return size && tree_fits_shwi_p (size) ? tree_to_shwi (size) : 0;
}

static json_t *
address (ir_ctx *c, tree t)
{
	tree x = TREE_OPERAND (t, 0);
	const char *s;
	size_t len;
	if (is_string_literal (x, &s, &len))
		return string_json (x);
	if (TREE_CODE (x) == FUNCTION_DECL) {
		/* Only called functions are pulled in: referenced ones (class_init in a
		 * TypeInfo, realize in a class) are recorded by their own signature. */
		return json_pack ("{s:s, s:o}", "op", "addr", "sym", vx_symbol_json (x));
	}
	if (TREE_CODE (x) == VAR_DECL && !is_local (c, x)) {
		c->sink->want_data (x);
		return json_pack ("{s:s, s:o}", "op", "addr", "sym", vx_symbol_json (x));
	}
	if (TREE_CODE (x) == LABEL_DECL)
		return unknown (c, "address of a label is not evaluated", loc_of (c, t));
	return json_pack ("{s:s, s:o}", "op", "addr_of", "of", expr (c, x));
}

static json_t *
conversion (ir_ctx *c, tree t)
{
	tree to = TREE_TYPE (t), inner = TREE_OPERAND (t, 0);
	tree from = TREE_TYPE (inner);
	if (TREE_CODE (to) == BOOLEAN_TYPE && TREE_CODE (from) != BOOLEAN_TYPE)
		return json_pack ("{s:s, s:o}", "op", "bool", "a", expr (c, inner));
	if (POINTER_TYPE_P (to) && from && POINTER_TYPE_P (from)
	    && TREE_CODE (TREE_TYPE (from)) == ARRAY_TYPE
	    && TREE_CODE (TREE_TYPE (to)) != ARRAY_TYPE)
		return json_pack ("{s:s, s:o}", "op", "decay", "ptr", expr (c, inner));
	return expr (c, inner);
}

static json_t *
expr (ir_ctx *c, tree t)
{
	if (!t)
		return json_null ();
	switch (TREE_CODE (t)) {
	case INTEGER_CST:
		if (POINTER_TYPE_P (TREE_TYPE (t)) && integer_zerop (t))
			return json_null ();
		if (tree_fits_shwi_p (t))
			return json_integer (tree_to_shwi (t));
		if (tree_fits_uhwi_p (t))
			return json_integer ((json_int_t) tree_to_uhwi (t));
		return unknown (c, "integer constant does not fit 64 bits", c->loc);
	case STRING_CST:
		return string_json (t);
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		return decl_ref (c, t);
	case FUNCTION_DECL:
		return json_pack ("{s:s, s:o}", "op", "addr", "sym", vx_symbol_json (t));
	case CONST_DECL:
		return expr (c, DECL_INITIAL (t));
	case ADDR_EXPR:
		return address (c, t);
	case COMPONENT_REF:
		return field_ref (c, t);
	case ARRAY_REF:
		return json_pack ("{s:s, s:o, s:o}", "op", "index",
				  "of", expr (c, TREE_OPERAND (t, 0)),
				  "index", expr (c, TREE_OPERAND (t, 1)));
	case INDIRECT_REF:
		return json_pack ("{s:s, s:o}", "op", "deref", "ptr",
				  expr (c, TREE_OPERAND (t, 0)));
	case MEM_REF:
		if (integer_zerop (TREE_OPERAND (t, 1)))
			return json_pack ("{s:s, s:o}", "op", "deref", "ptr",
					  expr (c, TREE_OPERAND (t, 0)));
		return unknown_code (c, "expression", t);
	case COMPOUND_LITERAL_EXPR: {
		tree decl = COMPOUND_LITERAL_EXPR_DECL (t);
		return json_pack ("{s:s, s:o}", "op", "literal", "init",
				  expr (c, DECL_INITIAL (decl)));
	}
	case CONSTRUCTOR:
		return constructor (c, t);
	case NOP_EXPR:
	case CONVERT_EXPR:
	case NON_LVALUE_EXPR:
	case VIEW_CONVERT_EXPR:
		return conversion (c, t);
	case SAVE_EXPR:
	case EXCESS_PRECISION_EXPR:
	case PAREN_EXPR:
		return expr (c, TREE_OPERAND (t, 0));
	case C_MAYBE_CONST_EXPR:
		return expr (c, C_MAYBE_CONST_EXPR_EXPR (t));
	case TARGET_EXPR:
		return expr (c, TARGET_EXPR_INITIAL (t));
	case PLUS_EXPR: return binary (c, "+", t);
	case MINUS_EXPR: return binary (c, "-", t);
	case MULT_EXPR: return binary (c, "*", t);
	case TRUNC_DIV_EXPR:
	case EXACT_DIV_EXPR: return binary (c, "/", t);
	case TRUNC_MOD_EXPR: return binary (c, "%", t);
	case BIT_AND_EXPR: return binary (c, "&", t);
	case BIT_IOR_EXPR: return binary (c, "|", t);
	case BIT_XOR_EXPR: return binary (c, "^", t);
	case LSHIFT_EXPR: return binary (c, "<<", t);
	case RSHIFT_EXPR: return binary (c, ">>", t);
	case EQ_EXPR: return binary (c, "==", t);
	case NE_EXPR: return binary (c, "!=", t);
	case LT_EXPR: return binary (c, "<", t);
	case LE_EXPR: return binary (c, "<=", t);
	case GT_EXPR: return binary (c, ">", t);
	case GE_EXPR: return binary (c, ">=", t);
	case TRUTH_ANDIF_EXPR:
	case TRUTH_AND_EXPR: return binary (c, "&&", t);
	case TRUTH_ORIF_EXPR:
	case TRUTH_OR_EXPR: return binary (c, "||", t);
	case TRUTH_NOT_EXPR: return unary (c, "!", t);
	case NEGATE_EXPR: return unary (c, "-", t);
	case BIT_NOT_EXPR: return unary (c, "~", t);
	case POINTER_PLUS_EXPR: {
		/* The sum may have been folded into a void pointer: the element size is
		 * then that of the pointer operand, seen through its conversions. */
		HOST_WIDE_INT elem = pointee_size (TREE_TYPE (t));
		for (tree p = TREE_OPERAND (t, 0); !elem && p; ) {
			tree pt = TREE_TYPE (p);
			/* An array's address folded into a void pointer: the array decayed. */
			if (pt && POINTER_TYPE_P (pt) && TREE_CODE (TREE_TYPE (pt)) == ARRAY_TYPE)
				pt = build_pointer_type (TREE_TYPE (TREE_TYPE (pt)));
			elem = pointee_size (pt);
			if (!CONVERT_EXPR_P (p) && TREE_CODE (p) != NON_LVALUE_EXPR)
				break;
			p = TREE_OPERAND (p, 0);
		}
		return json_pack ("{s:s, s:o, s:o, s:I}", "op", "ptradd",
				  "ptr", expr (c, TREE_OPERAND (t, 0)),
				  "bytes", expr (c, TREE_OPERAND (t, 1)),
				  "elem", (json_int_t) elem);
	}
	case COND_EXPR:
		return json_pack ("{s:s, s:o, s:o, s:o}", "op", "cond",
				  "if", expr (c, TREE_OPERAND (t, 0)),
				  "then", expr (c, TREE_OPERAND (t, 1)),
				  "else", expr (c, TREE_OPERAND (t, 2)));
	case MODIFY_EXPR:
	case INIT_EXPR:
		if (qom_is_vmsd_store (TREE_OPERAND (t, 0)))
			c->writes_vmsd = true;
		return json_pack ("{s:s, s:o, s:o}", "op", "assign",
				  "to", expr (c, TREE_OPERAND (t, 0)),
				  "value", expr (c, TREE_OPERAND (t, 1)));
	case PREINCREMENT_EXPR:
	case PREDECREMENT_EXPR:
	case POSTINCREMENT_EXPR:
	case POSTDECREMENT_EXPR: {
		bool dec = TREE_CODE (t) == PREDECREMENT_EXPR
			   || TREE_CODE (t) == POSTDECREMENT_EXPR;
		bool post = TREE_CODE (t) == POSTINCREMENT_EXPR
			    || TREE_CODE (t) == POSTDECREMENT_EXPR;
		json_t *by = expr (c, TREE_OPERAND (t, 1));
		if (dec)
			by = json_pack ("{s:s, s:s, s:o}", "op", "un", "code", "-", "a", by);
		return json_pack ("{s:s, s:o, s:o, s:b, s:I}", "op", "incr",
				  "to", expr (c, TREE_OPERAND (t, 0)), "by", by, "post", post,
				  "elem", (json_int_t) pointee_size (TREE_TYPE (t)));
	}
	case COMPOUND_EXPR:
		return json_pack ("{s:s, s:o, s:o}", "op", "seq",
				  "a", expr (c, TREE_OPERAND (t, 0)),
				  "b", expr (c, TREE_OPERAND (t, 1)));
	case CALL_EXPR:
		return call (c, t);
	default:
		return unknown_code (c, "expression", t);
	}
}

/* A structured branch: both arms meet at the returned join label. */
static void
branch (ir_ctx *c, tree cond, location_t loc, int then_label, int else_label,
	int join_label, int loop_label)
{
	json_t *s = json_pack ("{s:o, s:i, s:i, s:i, s:o}", "br", expr (c, cond),
			       "then", then_label, "else", else_label, "join", join_label,
			       "loc", vx_loc_json (loc));
	if (loop_label >= 0)
		json_object_set_new (s, "loop", json_integer (loop_label));
	emit (c, s);
}

static bool
is_empty_stmt (tree t)
{
	if (!t)
		return true;
	if (TREE_CODE (t) == STATEMENT_LIST)
		return tsi_end_p (tsi_start (t));
	return false;
}

static void
if_stmt (ir_ctx *c, tree t)
{
	tree then_arm = TREE_OPERAND (t, 1), else_arm = TREE_OPERAND (t, 2);
	int then_label = new_label (c), join = new_label (c);
	int else_label = is_empty_stmt (else_arm) ? join : new_label (c);
	branch (c, TREE_OPERAND (t, 0), loc_of (c, t), then_label, else_label, join, -1);
	emit_label (c, then_label);
	stmt (c, then_arm);
	if (else_label != join) {
		emit_goto (c, join);
		emit_label (c, else_label);
		stmt (c, else_arm);
	}
	emit_label (c, join);
}

/* for/while/do (and GENERIC's LOOP_EXPR): top: [br cond body exit] body: BODY
 * cont: INCR; goto top; exit: */
static void
loop_stmt (ir_ctx *c, tree init, tree cond, tree incr, tree body, bool cond_first,
	   location_t loc)
{
	int saved_break = c->break_label, saved_continue = c->continue_label;
	int top = new_label (c), body_label = new_label (c), cont = new_label (c);
	int exit = new_label (c);
	if (init)
		stmt (c, init);
	emit_label (c, top);
	if (cond && cond_first && !integer_nonzerop (cond))
		branch (c, cond, loc, body_label, exit, exit, top);
	emit_label (c, body_label);
	c->break_label = exit;
	c->continue_label = cont;
	stmt (c, body);
	c->break_label = saved_break;
	c->continue_label = saved_continue;
	emit_label (c, cont);
	if (incr)
		emit (c, json_pack ("{s:o, s:o}", "do", expr (c, incr),
				    "loc", vx_loc_json (loc)));
	if (cond && !cond_first) {
		if (!integer_zerop (cond))
			branch (c, cond, loc, top, exit, exit, top);
	} else {
		emit_goto (c, top);
	}
	emit_label (c, exit);
}

/* The case labels of a switch body, not those of nested switches. */
static void
collect_cases (ir_ctx *c, tree t, json_t *cases, int *default_label)
{
	if (!t)
		return;
	switch (TREE_CODE (t)) {
	case STATEMENT_LIST:
		for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i); tsi_next (&i))
			collect_cases (c, tsi_stmt (i), cases, default_label);
		return;
	case BIND_EXPR:
		collect_cases (c, BIND_EXPR_BODY (t), cases, default_label);
		return;
	case COND_EXPR:
		collect_cases (c, TREE_OPERAND (t, 1), cases, default_label);
		collect_cases (c, TREE_OPERAND (t, 2), cases, default_label);
		return;
	case FOR_STMT:
		collect_cases (c, FOR_BODY (t), cases, default_label);
		return;
	case WHILE_STMT:
		collect_cases (c, WHILE_BODY (t), cases, default_label);
		return;
	case DO_STMT:
		collect_cases (c, DO_BODY (t), cases, default_label);
		return;
	case TRY_FINALLY_EXPR:
		collect_cases (c, TREE_OPERAND (t, 0), cases, default_label);
		return;
	case CASE_LABEL_EXPR: {
		int id = label_id (c, t);
		tree low = CASE_LOW (t), high = CASE_HIGH (t);
		if (!low) {
			*default_label = id;
			return;
		}
		if (!high)
			high = low;
		if (tree_fits_shwi_p (low) && tree_fits_shwi_p (high))
			json_array_append_new (cases,
					       json_pack ("[I, I, i]", (json_int_t) tree_to_shwi (low),
							  (json_int_t) tree_to_shwi (high), id));
		return;
	}
	default:
		return;
	}
}

static void
switch_stmt (ir_ctx *c, tree cond, tree body, location_t loc)
{
	int saved_break = c->break_label;
	int exit = new_label (c);
	json_t *cases = json_array ();
	int default_label = -1;
	collect_cases (c, body, cases, &default_label);
	json_t *s = json_pack ("{s:o, s:o, s:o, s:i, s:o}", "switch", expr (c, cond),
			       "cases", cases,
			       "default", default_label >= 0 ? json_integer (default_label)
							     : json_null (),
			       "join", exit, "loc", vx_loc_json (loc));
	emit (c, s);
	c->break_label = exit;
	stmt (c, body);
	c->break_label = saved_break;
	emit_label (c, exit);
}

static void
stmt (ir_ctx *c, tree t)
{
	if (!t)
		return;
	location_t saved = c->loc;
	if (EXPR_P (t) && EXPR_HAS_LOCATION (t))
		c->loc = EXPR_LOCATION (t);
	location_t loc = c->loc;
	switch (TREE_CODE (t)) {
	case STATEMENT_LIST:
		for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i); tsi_next (&i))
			stmt (c, tsi_stmt (i));
		break;
	case BIND_EXPR:
		stmt (c, BIND_EXPR_BODY (t));
		break;
	case DECL_EXPR: {
		tree decl = DECL_EXPR_DECL (t);
		if (TREE_CODE (decl) != VAR_DECL)
			break;
		if (!is_local (c, decl)) {
			c->sink->want_data (decl);
			break;
		}
		tree init = DECL_INITIAL (decl);
		const char *name = DECL_NAME (decl) ? IDENTIFIER_POINTER (DECL_NAME (decl)) : "";
		emit (c, json_pack ("{s:i, s:o, s:o}", "decl", local_id (c, decl),
				    "name", vx_json_string (name),
				    "init", init && init != error_mark_node ? expr (c, init)
									    : json_null ()));
		break;
	}
	case LABEL_EXPR:
		emit_label (c, label_id (c, LABEL_EXPR_LABEL (t)));
		break;
	case CASE_LABEL_EXPR:
		emit_label (c, label_id (c, t));
		break;
	case GOTO_EXPR:
		if (TREE_CODE (GOTO_DESTINATION (t)) == LABEL_DECL)
			emit_goto (c, label_id (c, GOTO_DESTINATION (t)));
		else
			emit (c, json_pack ("{s:o, s:o}", "ret",
					    unknown (c, "computed goto is not evaluated", loc),
					    "loc", vx_loc_json (loc)));
		break;
	case COND_EXPR:
		if_stmt (c, t);
		break;
	case FOR_STMT:
		loop_stmt (c, FOR_INIT_STMT (t), FOR_COND (t), FOR_EXPR (t), FOR_BODY (t), true, loc);
		break;
	case WHILE_STMT:
		loop_stmt (c, NULL_TREE, WHILE_COND (t), NULL_TREE, WHILE_BODY (t), true, loc);
		break;
	case DO_STMT:
		loop_stmt (c, NULL_TREE, DO_COND (t), NULL_TREE, DO_BODY (t), false, loc);
		break;
	case LOOP_EXPR:
		loop_stmt (c, NULL_TREE, NULL_TREE, NULL_TREE, LOOP_EXPR_BODY (t), true, loc);
		break;
	case EXIT_EXPR: {
		/* Leaves the innermost loop when the condition holds. */
		int stay = new_label (c);
		branch (c, TREE_OPERAND (t, 0), loc, c->break_label, stay, stay, -1);
		emit_label (c, stay);
		break;
	}
	case BREAK_STMT:
		if (c->break_label >= 0)
			emit_goto (c, c->break_label);
		break;
	case CONTINUE_STMT:
		if (c->continue_label >= 0)
			emit_goto (c, c->continue_label);
		break;
	case SWITCH_STMT:
		switch_stmt (c, SWITCH_STMT_COND (t), SWITCH_STMT_BODY (t), loc);
		break;
	case SWITCH_EXPR:
		switch_stmt (c, SWITCH_COND (t), SWITCH_BODY (t), loc);
		break;
	case RETURN_EXPR: {
		tree val = TREE_OPERAND (t, 0);
		if (val && (TREE_CODE (val) == MODIFY_EXPR || TREE_CODE (val) == INIT_EXPR))
			val = TREE_OPERAND (val, 1);
		emit (c, json_pack ("{s:o, s:o}", "ret", expr (c, val),
				    "loc", vx_loc_json (loc)));
		break;
	}
	case TRY_FINALLY_EXPR:
		stmt (c, TREE_OPERAND (t, 0));
		stmt (c, TREE_OPERAND (t, 1));
		break;
	case DEBUG_BEGIN_STMT:
	case PREDICT_EXPR:
		break;
	default:
		emit (c, json_pack ("{s:o, s:o}", "do", expr (c, t), "loc", vx_loc_json (loc)));
		break;
	}
	c->loc = saved;
}


json_t *
qom_ir_function (tree fndecl, const struct qom_ir_sink *sink)
{
	hash_map<tree, int> locals, labels;
	ir_ctx c = {};
	c.sink = sink;
	c.context = vx_symbol (fndecl);
	c.fndecl = fndecl;
	c.locals = &locals;
	c.labels = &labels;
	c.body = json_array ();
	c.calls = json_array ();
	c.break_label = c.continue_label = -1;
	c.loc = DECL_SOURCE_LOCATION (fndecl);

	json_t *params = json_array ();
	for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
		json_array_append_new (params, json_integer (local_id (&c, p)));
	stmt (&c, DECL_SAVED_TREE (fndecl));

	json_t *f = json_pack ("{s:o, s:s, s:o, s:o, s:b, s:o}",
			       "symbol", vx_symbol_json (fndecl),
			       "linkage", vx_linkage (fndecl),
			       "loc", vx_loc_json (DECL_SOURCE_LOCATION (fndecl)),
			       "params", params, "writes_vmsd", c.writes_vmsd,
			       "calls", c.calls);
	if (c.indirect_calls)
		json_object_set_new (f, "indirect_calls", json_true ());
	json_object_set_new (f, "body", c.body);
	return f;
}

json_t *
qom_ir_initializer (tree init, const char *context,
		    const struct qom_ir_sink *sink)
{
	hash_map<tree, int> locals, labels;
	ir_ctx c = {};
	c.sink = sink;
	c.context = context;
	c.locals = &locals;
	c.labels = &labels;
	c.body = json_array ();
	c.calls = json_array ();
	c.break_label = c.continue_label = -1;
	c.loc = EXPR_P (init) ? EXPR_LOCATION (init) : UNKNOWN_LOCATION;
	json_t *e = expr (&c, init);
	json_decref (c.body);
	json_decref (c.calls);
	return e;
}
