// SPDX-License-Identifier: GPL-2.0-or-later
// Reading C initializers by name: see tree-eval.h.
/* The string sanitizer lives here: the only user of jansson's string constructors. */
#define VX_STRING_SANITIZER
#include "tree-eval.h"

#include <string.h>

static const char *
type_name_string (tree type)
{
	tree name = TYPE_NAME (type);
	if (name && TREE_CODE (name) == TYPE_DECL)
		name = DECL_NAME (name);
	if (name && TREE_CODE (name) == IDENTIFIER_NODE)
		return IDENTIFIER_POINTER (name);
	return NULL;
}

const char *
vx_type_name (tree type)
{
	if (!type)
		return NULL;
	const char *name = type_name_string (TYPE_MAIN_VARIANT (type));
	return name ? name : type_name_string (type);
}

bool
vx_type_named (tree type, const char *name)
{
	if (!type || type == error_mark_node)
		return false;
	/* A typedef name (typedef struct X Y) is a variant of the tagged type. */
	const char *own = type_name_string (type);
	if (own && strcmp (own, name) == 0)
		return true;
	tree main = TYPE_MAIN_VARIANT (type);
	if (TREE_CODE (main) != RECORD_TYPE && TREE_CODE (main) != UNION_TYPE
	    && TREE_CODE (main) != ENUMERAL_TYPE)
		return false;
	own = type_name_string (main);
	return own && strcmp (own, name) == 0;
}

bool
vx_struct_named (tree type, const char *name)
{
	while (type && TREE_CODE (type) == ARRAY_TYPE)
		type = TREE_TYPE (type);
	return type && TREE_CODE (TYPE_MAIN_VARIANT (type)) == RECORD_TYPE
	       && vx_type_named (type, name);
}

tree
vx_strip_casts (tree t)
{
	while (t && (CONVERT_EXPR_P (t) || TREE_CODE (t) == NON_LVALUE_EXPR
		     || TREE_CODE (t) == VIEW_CONVERT_EXPR))
		t = TREE_OPERAND (t, 0);
	return t;
}

tree
vx_field (tree type, const char *name)
{
	type = TYPE_MAIN_VARIANT (type);
	if (TREE_CODE (type) != RECORD_TYPE && TREE_CODE (type) != UNION_TYPE)
		return NULL_TREE;
	for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
		if (TREE_CODE (f) == FIELD_DECL && DECL_NAME (f)
		    && strcmp (IDENTIFIER_POINTER (DECL_NAME (f)), name) == 0)
			return f;
	return NULL_TREE;
}

tree
vx_member (tree ctor, const char *name, bool *present)
{
	*present = false;
	if (!ctor || TREE_CODE (ctor) != CONSTRUCTOR)
		return NULL_TREE;
	tree field = vx_field (TREE_TYPE (ctor), name);
	if (!field)
		return NULL_TREE;
	/* Elements without an index follow the previous one in declaration order. */
	tree next = TYPE_FIELDS (TYPE_MAIN_VARIANT (TREE_TYPE (ctor)));
	unsigned i;
	tree index, value;
	FOR_EACH_CONSTRUCTOR_ELT (CONSTRUCTOR_ELTS (ctor), i, index, value) {
		while (!index && next && TREE_CODE (next) != FIELD_DECL)
			next = DECL_CHAIN (next);
		tree which = index ? index : next;
		if (which == field) {
			*present = true;
			return value;
		}
		next = which ? DECL_CHAIN (which) : NULL_TREE;
	}
	return NULL_TREE;
}

bool
vx_int (tree t, long long *value)
{
	if (!t)
		return false;
	if (TREE_CODE (t) != INTEGER_CST)
		t = fold (t);
	t = vx_strip_casts (t);
	if (TREE_CODE (t) != INTEGER_CST)
		return false;
	if (tree_fits_shwi_p (t))
		*value = tree_to_shwi (t);
	else if (tree_fits_uhwi_p (t))
		*value = (long long) tree_to_uhwi (t);
	else
		return false;
	return true;
}

const char *
vx_linkage (tree decl)
{
	return TREE_PUBLIC (decl) ? "global" : "static";
}

json_t *
vx_loc_json (location_t loc)
{
	expanded_location x = expand_location (loc);
	/* Where GCC keeps no place at all: the unit itself, line 0. */
	if (loc == UNKNOWN_LOCATION || !x.file) {
		x.file = main_input_filename ? main_input_filename : "";
		x.line = x.column = 0;
	}
	char *text = xasprintf ("%s:%d:%d", x.file, x.line, x.column);
	json_t *j = vx_json_string (text);
	free (text);
	return j;
}

/* Length of the well-formed UTF-8 sequence at S (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0. */
static size_t
utf8_sequence (const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf;	/* the range of the second byte */
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* U+EF80..U+EFFF stand for single bytes 0x80..0xFF (fragment-format.md, "Strings"). */
static bool
is_byte_code_point (const unsigned char *s, size_t n)
{
	return n == 3 && s[0] == 0xee && s[1] >= 0xbe;
}

json_t *
vx_json_string (const char *s)
{
	const unsigned char *in = (const unsigned char *) s;
	size_t len = strlen (s);
	/* Each byte becomes at most one 3-byte code point. */
	char *clean = XNEWVEC (char, 3 * len + 1);
	char *out = clean;
	while (*in) {
		size_t n = utf8_sequence (in);
		if (n && !is_byte_code_point (in, n)) {
			memcpy (out, in, n);
			out += n;
			in += n;
			continue;
		}
		/* A byte outside well-formed UTF-8, or one of a code point that stands for a
		 * byte: U+EF00 + the byte, so that the mapping can be undone. */
		for (size_t i = 0; i < (n ? n : 1); i++, in++) {
			*out++ = (char) 0xee;
			*out++ = (char) (0xbc | (*in >> 6));
			*out++ = (char) (0x80 | (*in & 0x3f));
		}
	}
	json_t *j = json_stringn_nocheck (clean, out - clean);
	XDELETEVEC (clean);
	if (!j)
		fatal_error (UNKNOWN_LOCATION, "vmstate: out of memory");
	return j;
}

/* The string constant's text, up to its first NUL as C reads it. */
static const char *
string_cst_text (tree s, long long offset)
{
	if (offset < 0 || offset >= TREE_STRING_LENGTH (s))
		return NULL;
	const char *p = TREE_STRING_POINTER (s) + offset;
	size_t room = TREE_STRING_LENGTH (s) - offset;
	if (memchr (p, 0, room))
		return p;
	/* Not NUL-terminated inside the constant (char a[3] = "abc"): copy it. */
	char *copy = XNEWVEC (char, room + 1);
	memcpy (copy, p, room);
	copy[room] = 0;
	return copy;
}

bool
vx_string (tree t, const char **out)
{
	long long zero;
	t = vx_strip_casts (t);
	*out = NULL;
	if (!t)
		return true;
	if (vx_int (t, &zero) && zero == 0)
		return true;
	if (TREE_CODE (t) != ADDR_EXPR)
		return false;
	tree target = TREE_OPERAND (t, 0);
	long long offset = 0;
	if (TREE_CODE (target) == ARRAY_REF) {
		if (!vx_int (TREE_OPERAND (target, 1), &offset))
			return false;
		target = TREE_OPERAND (target, 0);
	}
	/* A named constant string (static const char name[] = "..."). */
	if (VAR_P (target) && DECL_INITIAL (target) && TREE_READONLY (target))
		target = DECL_INITIAL (target);
	if (TREE_CODE (target) != STRING_CST)
		return false;
	*out = string_cst_text (target, offset);
	return *out != NULL;
}

/* Symbols.  A file-scope or public decl's assembler name is its own name (or its asm
 * label): asking for it changes nothing.  A static inside a function gets a numbered
 * name ("x.0") from a counter when GCC first needs it, so asking early would renumber
 * the program's local symbols: until GCC has named it, the fragment spells it
 * "FUNCTION.NAME", which is unique in the unit and stable. */
const char *
vx_symbol (tree decl)
{
	bool local = DECL_CONTEXT (decl) && TREE_CODE (DECL_CONTEXT (decl)) == FUNCTION_DECL
		     && !TREE_PUBLIC (decl) && !DECL_EXTERNAL (decl);
	/* An asm label ("*name") is the user's own and set from the start; a numbered name
	 * GCC may have given by now is not used, so that every reference agrees. */
	bool labelled = DECL_ASSEMBLER_NAME_SET_P (decl)
			&& IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME_RAW (decl))[0] == '*';
	if (!local || labelled) {
		const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl));
		return name[0] == '*' ? name + 1 : name;
	}
	tree fn = DECL_CONTEXT (decl);
	const char *fn_name = IDENTIFIER_POINTER (DECL_NAME (fn));
	const char *own = DECL_NAME (decl) ? IDENTIFIER_POINTER (DECL_NAME (decl)) : "";
	char *name = concat (fn_name, ".", own, NULL);
	const char *kept = IDENTIFIER_POINTER (get_identifier (name));
	free (name);
	return kept;
}

json_t *
vx_symbol_json (tree decl)
{
	return vx_json_string (vx_symbol (decl));
}
