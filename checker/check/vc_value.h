/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A parsed JSON document with the value model of Python's json module: integers of any
 * size, NaN and infinities, strings that may hold NUL and lone surrogates, objects that
 * keep the first position and the last value of a repeated key.
 *
 * Storage is compact (dumps reach tens of MB): a document is arrays of 8-byte slots and
 * 16-byte container nodes, strings are interned once per run.  Code reads it through
 * views (struct vc_value) made on access in a view arena that the caller resets between
 * independent steps (vc_views_reset).  A view knows where it sits, so errors can name
 * the file and the JSON path of the value they are about. */
#ifndef VC_VALUE_H
#define VC_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/arena.h"

enum vc_kind {
	VC_NULL,
	VC_BOOL,
	VC_INT,     /* fits in int64_t: u.i */
	VC_BIGINT,  /* does not: sign in .negative, decimal digits in u.s/.len */
	VC_FLOAT,   /* u.f */
	VC_STR,     /* u.s/.len, UTF-8 with surrogates encoded one by one (3 bytes each) */
	VC_LIST,    /* .len items: vc_item() */
	VC_DICT,    /* .len members: vc_member_key(), vc_member_value(), vc_dict_get() */
	VC_REPEAT,  /* computed: u.repeat.base (a VC_STR or VC_LIST) repeated u.repeat.count times */
};

/* Interned strings, shared by the documents of one run. */
struct vc_strings {
	struct arena arena;
	const char **text;
	uint32_t *len;
	uint8_t *plain;   /* read as is from the file: no escapes, so no quote inside */
	uint32_t count, cap;
	uint32_t *table;  /* open addressing: id + 1, or 0 */
	uint32_t mask;
	uint32_t generation;  /* tells apart tables that reuse an address */
};

/* One value inside a container (or the root): 8 bytes, so string ids are limited to
 * VC_MAX_STRINGS. */
struct vc_slot {
	uint32_t key : 27; /* member key (string id); unused in lists */
	uint32_t kind : 4;
	uint32_t flag : 1; /* VC_BOOL: value; VC_BIGINT: negative; VC_INT: payload is a wide index */
	uint32_t payload;  /* int32 value, string id, node index, wide index or big index */
};

#define VC_MAX_STRINGS (1u << 27)

/* A list or dict: 16 bytes.  Its kind is that of the slot holding it, its place in
 * the parent is found by a scan when an error message needs it. */
struct vc_node {
	uint32_t len;
	uint32_t parent;       /* node index, or VC_NO_NODE for the root */
	uint32_t first;        /* first slot in vc_doc.slots */
	uint32_t index;        /* dict hash index in vc_doc.index_pool, or VC_NO_NODE */
};

#define VC_NO_NODE UINT32_MAX

struct vc_big {
	const char *digits;
	uint32_t len;
};

struct vc_doc {
	const char *name;
	struct vc_strings *strings;
	struct vc_slot root;
	struct vc_node *nodes;
	uint32_t n_nodes, cap_nodes;
	struct vc_slot *slots;
	uint32_t n_slots, cap_slots;
	union { int64_t i; double f; } *wide;
	uint32_t n_wide, cap_wide;
	struct vc_big *bigs;
	uint32_t n_bigs, cap_bigs;
	uint32_t *index_pool;
	uint32_t n_index, cap_index;
	size_t mapped_size;     /* slots and nodes are one mapping of this size (big texts) */
	struct arena arena;  /* big-int digits */
};

/* A value as code sees it. */
struct vc_value {
	uint8_t kind;
	bool boolean;    /* VC_BOOL */
	bool negative;   /* VC_BIGINT */
	bool computed;   /* made by arithmetic or for a key; .origin names its place */
	uint32_t len;
	const struct vc_doc *doc;
	uint32_t node;   /* VC_LIST/VC_DICT: its node */
	uint32_t parent; /* node holding it, or VC_NO_NODE for the root */
	uint32_t slot;   /* index within the parent */
	const struct vc_value *origin;
	union {
		int64_t i;
		double f;
		const char *s;
		struct {
			const struct vc_value *base;
			int64_t count;
		} repeat;
	} u;
};

/* Views and computed values live in one arena; reset drops all of them at once. */
struct vc_value *vc_view_alloc(void);
void vc_views_reset(void);
/* The same arena, for the storage of computed values (big-int digits). */
struct arena *vc_computed_arena(void);

const struct vc_value *vc_root(const struct vc_doc *doc);
void vc_item_root(const struct vc_doc *doc, struct vc_value *out);
const struct vc_value *vc_item(const struct vc_value *list, uint32_t i);
const struct vc_value *vc_member_value(const struct vc_value *dict, uint32_t i);
const char *vc_member_key(const struct vc_value *dict, uint32_t i, uint32_t *len);
/* The member value for KEY (LEN bytes) of dict D, or NULL. */
const struct vc_value *vc_dict_get(const struct vc_value *d, const char *key, size_t len);
const struct vc_value *vc_dict_gets(const struct vc_value *d, const char *key);
/* The same into caller storage, for loops that must not grow the view arena:
 * vc_item_at also serves dict members (by position). */
void vc_item_at(const struct vc_value *container, uint32_t i, struct vc_value *out);
bool vc_dict_get_at(const struct vc_value *d, const char *key, size_t len, struct vc_value *out);
/* Faster forms: by string id (the documents of a run must share one vc_strings), and for
 * string literals (their ids are remembered by address). */
const struct vc_value *vc_dict_get_id(const struct vc_value *d, uint32_t id);
uint32_t vc_member_key_id(const struct vc_value *dict, uint32_t i);
const struct vc_value *vc_dict_get_literal(const struct vc_value *d, const char *literal);
bool vc_dict_get_literal_at(const struct vc_value *d, const char *literal, struct vc_value *out);
/* A string view of member I's key, placed at the member (for messages). */
const struct vc_value *vc_member_key_value(const struct vc_value *dict, uint32_t i);

/* Interning. */
/* Id of S (LEN bytes, hash vc_hash); PLAIN: S appeared as is, without escapes. */
uint32_t vc_strings_intern(struct vc_strings *st, const char *s, size_t len, uint32_t hash,
			   bool plain);
/* Id of S, or -1 when it was never interned (so no key equals it). */
int64_t vc_strings_find(const struct vc_strings *st, const char *s, size_t len);
void vc_strings_release(struct vc_strings *st);
void vc_doc_release(struct vc_doc *doc);

/* Name of the file V belongs to. */
const char *vc_value_file(const struct vc_value *v);
/* Appends the JSON path of V, e.g. "usb-kbd"."Fields"[3], to BUF (NUL-terminated,
 * truncated with "..." when longer than SIZE); "top level" for the root. */
void vc_value_path(const struct vc_value *v, char *buf, size_t size);
/* vc_fail() with "FILE: PATH: " + message, naming the place of V. */
_Noreturn void vc_fail_at(const struct vc_value *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Python's name for the type of V ("int", "str", "list", ...). */
const char *vc_type_name(const struct vc_value *v);

#endif
