/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_value.h"
#include "vc_fail.h"
#include "../common/alloc.h"
#include "vc_hash.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static struct arena views;

struct vc_value *vc_view_alloc(void)
{
	return arena_alloc(&views, sizeof(struct vc_value));
}

struct arena *vc_computed_arena(void)
{
	return &views;
}

void vc_views_reset(void)
{
	arena_reset(&views);
}

static void fill(struct vc_value *v, const struct vc_doc *doc, uint32_t parent, uint32_t index,
		 const struct vc_slot *s)
{
	memset(v, 0, sizeof(*v));
	v->kind = s->kind;
	v->doc = doc;
	v->parent = parent;
	v->slot = index;
	/* Tests in the order of frequency in dumps: a switch here was an indirect jump that
	 * the branch predictor missed half of the time. */
	if (s->kind == VC_STR) {
		v->u.s = doc->strings->text[s->payload];
		v->len = doc->strings->len[s->payload];
	} else if (s->kind == VC_INT) {
		v->u.i = s->flag ? doc->wide[s->payload].i : (int64_t)(int32_t)s->payload;
	} else if (s->kind == VC_DICT || s->kind == VC_LIST) {
		v->node = s->payload;
		v->len = doc->nodes[s->payload].len;
	} else if (s->kind == VC_BOOL) {
		v->boolean = s->flag;
	} else if (s->kind == VC_FLOAT) {
		v->u.f = doc->wide[s->payload].f;
	} else if (s->kind == VC_BIGINT) {
		v->negative = s->flag;
		v->u.s = doc->bigs[s->payload].digits;
		v->len = doc->bigs[s->payload].len;
	}
}

static const struct vc_value *view(const struct vc_doc *doc, uint32_t parent, uint32_t index,
				   const struct vc_slot *s)
{
	/* Views are made by the million; fill() does the zeroing. */
	struct vc_value *v = arena_take(&views, sizeof(*v));
	fill(v, doc, parent, index, s);
	return v;
}

const struct vc_value *vc_root(const struct vc_doc *doc)
{
	return view(doc, VC_NO_NODE, 0, &doc->root);
}

void vc_item_root(const struct vc_doc *doc, struct vc_value *out)
{
	fill(out, doc, VC_NO_NODE, 0, &doc->root);
}

static const struct vc_slot *slot_of(const struct vc_value *c, uint32_t i)
{
	return &c->doc->slots[c->doc->nodes[c->node].first + i];
}

const struct vc_value *vc_item(const struct vc_value *list, uint32_t i)
{
	return view(list->doc, list->node, i, slot_of(list, i));
}

void vc_item_at(const struct vc_value *c, uint32_t i, struct vc_value *out)
{
	fill(out, c->doc, c->node, i, slot_of(c, i));
}

const struct vc_value *vc_member_value(const struct vc_value *dict, uint32_t i)
{
	return view(dict->doc, dict->node, i, slot_of(dict, i));
}

const char *vc_member_key(const struct vc_value *dict, uint32_t i, uint32_t *len)
{
	uint32_t id = slot_of(dict, i)->key;
	*len = dict->doc->strings->len[id];
	return dict->doc->strings->text[id];
}

const struct vc_value *vc_member_key_value(const struct vc_value *dict, uint32_t i)
{
	struct vc_value *k = vc_view_alloc();
	k->kind = VC_STR;
	k->computed = true;
	k->origin = vc_member_value(dict, i);
	k->u.s = vc_member_key(dict, i, &k->len);
	return k;
}

/* Slot index of the key with string id ID in D, or -1. */
static int64_t find_member_id(const struct vc_value *d, uint32_t id)
{
	const struct vc_node *n = &d->doc->nodes[d->node];
	if (n->len == 0)
		return -1;
	const struct vc_slot *slots = &d->doc->slots[n->first];
	if (n->index != VC_NO_NODE) {
		const uint32_t *table = &d->doc->index_pool[n->index + 1];
		uint32_t mask = d->doc->index_pool[n->index];
		for (uint32_t h = vc_id_hash(id) & mask;; h = (h + 1) & mask) {
			uint32_t e = table[h];
			if (!e)
				return -1;
			if (slots[e - 1].key == id)
				return e - 1;
		}
	}
	/* Objects of a dump repeat the same keys in the same order: try where this key was
	 * found last.  Otherwise compare all keys of a small object with no early exit: the
	 * branch predictor cannot guess where a scan stops (or that the key is absent). */
	static uint8_t last_position[1024];
	uint32_t guess = last_position[id & 1023];
	if (guess < n->len && slots[guess].key == id)
		return guess;
	if (n->len <= 32) {
		uint32_t found = 0;
		for (uint32_t i = 0; i < n->len; i++)
			found |= (uint32_t)(slots[i].key == id) << i;
		if (!found)
			return -1;
		last_position[id & 1023] = (uint8_t)__builtin_ctz(found);
		return __builtin_ctz(found);
	}
	for (uint32_t i = 0; i < n->len; i++)
		if (slots[i].key == id)
			return i;
	return -1;
}

static int64_t find_member(const struct vc_value *d, const char *key, size_t len)
{
	int64_t id = vc_strings_find(d->doc->strings, key, len);
	return id < 0 ? -1 : find_member_id(d, (uint32_t)id);
}

const struct vc_value *vc_dict_get_id(const struct vc_value *d, uint32_t id)
{
	int64_t i = find_member_id(d, id);
	return i < 0 ? NULL : view(d->doc, d->node, (uint32_t)i, slot_of(d, (uint32_t)i));
}

uint32_t vc_member_key_id(const struct vc_value *dict, uint32_t i)
{
	return slot_of(dict, i)->key;
}

/* Lookups with the same few literal keys dominate: remember their ids by address. */
static int64_t literal_id(const struct vc_strings *st, const char *key)
{
	static struct {
		const char *key;
		uint32_t generation;
		uint32_t count;  /* table size when looked up: a miss may become a hit */
		int64_t id;
	} cache[64];
	unsigned slot = (unsigned)(((uintptr_t)key * 0x9e3779b97f4a7c15ull) >> 58);
	if (cache[slot].key != key || cache[slot].generation != st->generation ||
	    (cache[slot].id < 0 && cache[slot].count != st->count)) {
		cache[slot].key = key;
		cache[slot].generation = st->generation;
		cache[slot].count = st->count;
		cache[slot].id = vc_strings_find(st, key, strlen(key));
	}
	return cache[slot].id;
}

const struct vc_value *vc_dict_get_literal(const struct vc_value *d, const char *key)
{
	int64_t id = literal_id(d->doc->strings, key);
	return id < 0 ? NULL : vc_dict_get_id(d, (uint32_t)id);
}

bool vc_dict_get_literal_at(const struct vc_value *d, const char *key, struct vc_value *out)
{
	int64_t id = literal_id(d->doc->strings, key);
	int64_t i = id < 0 ? -1 : find_member_id(d, (uint32_t)id);
	if (i >= 0)
		fill(out, d->doc, d->node, (uint32_t)i, slot_of(d, (uint32_t)i));
	return i >= 0;
}

const struct vc_value *vc_dict_get(const struct vc_value *d, const char *key, size_t len)
{
	int64_t i = find_member(d, key, len);
	return i < 0 ? NULL : view(d->doc, d->node, (uint32_t)i, slot_of(d, (uint32_t)i));
}

bool vc_dict_get_at(const struct vc_value *d, const char *key, size_t len, struct vc_value *out)
{
	int64_t i = find_member(d, key, len);
	if (i >= 0)
		fill(out, d->doc, d->node, (uint32_t)i, slot_of(d, (uint32_t)i));
	return i >= 0;
}

const struct vc_value *vc_dict_gets(const struct vc_value *d, const char *key)
{
	return vc_dict_get(d, key, strlen(key));
}

static void grow_strings(struct vc_strings *st)
{
	static uint32_t generations;
	if (!st->cap)
		st->generation = ++generations;
	uint32_t cap = st->cap ? st->cap * 2 : 1024;
	st->text = xreallocarray(st->text, cap, sizeof(*st->text));
	st->len = xreallocarray(st->len, cap, sizeof(*st->len));
	st->plain = xrealloc(st->plain, cap);
	uint32_t *table = xcalloc(2 * (size_t)cap, sizeof(*table));
	uint32_t mask = 2 * cap - 1;
	for (uint32_t id = 0; id < st->count; id++) {
		uint32_t h = vc_hash(st->text[id], st->len[id]) & mask;
		while (table[h])
			h = (h + 1) & mask;
		table[h] = id + 1;
	}
	free(st->table);
	st->table = table;
	st->mask = mask;
	st->cap = cap;
}

uint32_t vc_strings_intern(struct vc_strings *st, const char *s, size_t len, uint32_t hash,
			   bool plain)
{
	if (st->count == st->cap)
		grow_strings(st);
	for (uint32_t h = hash & st->mask;; h = (h + 1) & st->mask) {
		uint32_t e = st->table[h];
		if (!e) {
			uint32_t id = st->count++;
			st->text[id] = arena_strndup(&st->arena, s, len);
			st->len[id] = (uint32_t)len;
			st->plain[id] = plain;
			st->table[h] = id + 1;
			return id;
		}
		if (st->len[e - 1] == len && vc_same_bytes(st->text[e - 1], s, len)) {
			st->plain[e - 1] |= plain;
			return e - 1;
		}
	}
}

int64_t vc_strings_find(const struct vc_strings *st, const char *s, size_t len)
{
	if (!st->table)
		return -1;
	for (uint32_t h = vc_hash(s, len) & st->mask;; h = (h + 1) & st->mask) {
		uint32_t e = st->table[h];
		if (!e)
			return -1;
		if (st->len[e - 1] == len && vc_same_bytes(st->text[e - 1], s, len))
			return e - 1;
	}
}

void vc_strings_release(struct vc_strings *st)
{
	arena_release(&st->arena);
	free(st->text);
	free(st->len);
	free(st->plain);
	free(st->table);
	memset(st, 0, sizeof(*st));
}

void vc_doc_release(struct vc_doc *doc)
{
	if (doc->mapped_size) {
		munmap(doc->slots, doc->mapped_size);
	} else {
		free(doc->nodes);
		free(doc->slots);
	}
	free(doc->wide);
	free(doc->bigs);
	free(doc->index_pool);
	arena_release(&doc->arena);
	memset(doc, 0, sizeof(*doc));
}

static const struct vc_value *placed(const struct vc_value *v)
{
	while (v->computed && v->origin)
		v = v->origin;
	return v;
}

const char *vc_value_file(const struct vc_value *v)
{
	v = placed(v);
	return v->doc ? v->doc->name : "<computed>";
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

/* Path of the value at index SLOT of node PARENT. */
static void put_path(struct path_out *o, const struct vc_doc *doc, uint32_t parent, uint32_t slot)
{
	if (parent == VC_NO_NODE)
		return;
	const struct vc_node *p = &doc->nodes[parent];
	/* Nodes do not store their kind and place: find the slot that holds this one. */
	uint32_t place = 0;
	uint8_t kind = doc->root.kind;
	if (p->parent != VC_NO_NODE) {
		const struct vc_node *up = &doc->nodes[p->parent];
		for (uint32_t i = 0; i < up->len; i++) {
			const struct vc_slot *s = &doc->slots[up->first + i];
			if ((s->kind == VC_LIST || s->kind == VC_DICT) && s->payload == parent) {
				place = i;
				kind = s->kind;
				break;
			}
		}
	}
	put_path(o, doc, p->parent, place);
	if (kind == VC_LIST) {
		char idx[24];
		int n = snprintf(idx, sizeof(idx), "[%u]", (unsigned)slot);
		put(o, idx, (size_t)n);
	} else {
		uint32_t id = doc->slots[p->first + slot].key;
		if (p->parent != VC_NO_NODE)
			put(o, ".", 1);
		put_key(o, doc->strings->text[id], doc->strings->len[id]);
	}
}

void vc_value_path(const struct vc_value *v, char *buf, size_t size)
{
	struct path_out o = { buf, size, 0 };
	if (size)
		buf[0] = '\0';
	v = placed(v);
	if (v->doc)
		put_path(&o, v->doc, v->parent, v->slot);
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
	vc_fail(vc_value_file(v), "%s: %s", path, msg);
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
	default: return "value";
	}
}
