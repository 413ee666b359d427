/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The key hash shared by the parser (which builds dict indexes) and lookups. */
#ifndef VC_HASH_H
#define VC_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t vc_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;  /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#endif
