/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A parsed JSON document with the value model of Python's json module: integers of any
 * size, NaN and infinities, strings that may hold NUL and lone surrogates, objects that
 * keep the first position and the last value of a repeated key.  Every node knows its
 * parent, so an error can name the file and the JSON path of the value it is about. */
#ifndef VC_VALUE_H
#define VC_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum vc_kind {
	VC_NULL,
	VC_BOOL,
	VC_INT,     /* fits in int64_t: u.i */
	VC_BIGINT,  /* does not: sign in .negative, decimal digits in u.s/.len */
	VC_FLOAT,   /* u.f */
	VC_STR,     /* u.s/.len, UTF-8 with surrogates encoded one by one (3 bytes each) */
	VC_LIST,    /* u.items/.len */
	VC_DICT,    /* u.dict/.len */
	VC_REPEAT,  /* computed: u.repeat.base (a VC_STR or VC_LIST) repeated u.repeat.count times */
	VC_DOC,     /* parent of a document's root: u.s is the file name shown in messages */
};

struct vc_value;

struct vc_member {
	const char *key;
	uint32_t key_len;
	struct vc_value *value;
};

struct vc_value {
	uint8_t kind;
	bool boolean;    /* VC_BOOL */
	bool negative;   /* VC_BIGINT */
	bool computed;   /* made by arithmetic; .parent is the value it was computed from */
	uint32_t len;
	struct vc_value *parent;
	uint32_t slot;   /* index in the parent list or member index in the parent dict */
	union {
		int64_t i;
		double f;
		const char *s;
		struct vc_value **items;
		struct {
			struct vc_member *members;
			uint32_t *index;  /* open-addressing table of member numbers + 1, or NULL */
			uint32_t index_mask;
		} dict;
		struct {
			const struct vc_value *base;
			int64_t count;
		} repeat;
	} u;
};

/* The member value for KEY (LEN bytes) of dict D, or NULL. */
struct vc_value *vc_dict_get(const struct vc_value *d, const char *key, size_t len);
struct vc_value *vc_dict_gets(const struct vc_value *d, const char *key);

/* Name of the file V belongs to (the VC_DOC above its root). */
const char *vc_value_file(const struct vc_value *v);
/* Appends the JSON path of V, e.g. "usb-kbd"."Fields"[3], to BUF (NUL-terminated,
 * truncated with "..." when longer than SIZE). */
void vc_value_path(const struct vc_value *v, char *buf, size_t size);
/* vc_fail() with "FILE: PATH: " + message, naming the place of V. */
_Noreturn void vc_fail_at(const struct vc_value *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Python's name for the type of V ("int", "str", "list", ...). */
const char *vc_type_name(const struct vc_value *v);

#endif
