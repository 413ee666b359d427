/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_value.h"
#include "vc_fail.h"
#include "vc_hash.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct vc_value *vc_dict_get(const struct vc_value *d, const char *key, size_t len)
{
	const struct vc_member *m = d->u.dict.members;
	if (d->u.dict.index) {
		uint32_t mask = d->u.dict.index_mask;
		for (uint32_t h = vc_hash(key, len) & mask;; h = (h + 1) & mask) {
			uint32_t slot = d->u.dict.index[h];
			if (!slot)
				return NULL;
			const struct vc_member *c = &m[slot - 1];
			if (c->key_len == len && memcmp(c->key, key, len) == 0)
				return c->value;
		}
	}
	for (uint32_t i = 0; i < d->len; i++)
		if (m[i].key_len == len && memcmp(m[i].key, key, len) == 0)
			return m[i].value;
	return NULL;
}

struct vc_value *vc_dict_gets(const struct vc_value *d, const char *key)
{
	return vc_dict_get(d, key, strlen(key));
}

const char *vc_value_file(const struct vc_value *v)
{
	while (v->computed || (v->parent && v->kind != VC_DOC))
		v = v->parent;
	return v->kind == VC_DOC ? v->u.s : "<computed>";
}

struct path_out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct path_out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (o->len + 4 >= o->size) {
			if (o->size >= 4)
				strcpy(o->buf + o->size - 4, "...");
			o->len = o->size;
			return;
		}
		o->buf[o->len++] = s[i];
	}
	o->buf[o->len] = '\0';
}

/* A key as a JSON string literal, so that quotes and control bytes stay readable. */
static void put_key(struct path_out *o, const char *key, size_t len)
{
	put(o, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)key[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(o, esc, 2);
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(o, esc, 6);
		} else if (c == 0xed && i + 2 < len && (unsigned char)key[i + 1] >= 0xa0) {
			/* A lone surrogate: not valid UTF-8 on a terminal, so escape it. */
			unsigned cp = 0xd000 | (((unsigned char)key[i + 1] & 0x3fu) << 6) |
				      ((unsigned char)key[i + 2] & 0x3fu);
			snprintf(esc, sizeof(esc), "\\u%04x", cp);
			put(o, esc, 6);
			i += 2;
		} else {
			put(o, (const char *)&key[i], 1);
		}
	}
	put(o, "\"", 1);
}

static void put_path(struct path_out *o, const struct vc_value *v)
{
	while (v->computed)
		v = v->parent;
	const struct vc_value *p = v->parent;
	if (!p || p->kind == VC_DOC)
		return;
	put_path(o, p);
	if (p->kind == VC_LIST) {
		char idx[24];
		int n = snprintf(idx, sizeof(idx), "[%u]", (unsigned)v->slot);
		put(o, idx, (size_t)n);
	} else {
		const struct vc_member *m = &p->u.dict.members[v->slot];
		const struct vc_value *gp = p->parent;
		if (gp && gp->kind != VC_DOC)
			put(o, ".", 1);
		put_key(o, m->key, m->key_len);
	}
}

void vc_value_path(const struct vc_value *v, char *buf, size_t size)
{
	struct path_out o = { buf, size, 0 };
	if (size)
		buf[0] = '\0';
	put_path(&o, v);
	if (o.len == 0)
		put(&o, "top level", 9);
}

_Noreturn void vc_fail_at(const struct vc_value *v, const char *fmt, ...)
{
	char path[512], msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	vc_value_path(v, path, sizeof(path));
	vc_fail("%s: %s: %s", vc_value_file(v), path, msg);
}

const char *vc_type_name(const struct vc_value *v)
{
	switch (v->kind) {
	case VC_NULL: return "NoneType";
	case VC_BOOL: return "bool";
	case VC_INT:
	case VC_BIGINT: return "int";
	case VC_FLOAT: return "float";
	case VC_STR: return "str";
	case VC_LIST: return "list";
	case VC_DICT: return "dict";
	case VC_REPEAT: return v->u.repeat.base->kind == VC_STR ? "str" : "list";
	default: return "document";
	}
}
