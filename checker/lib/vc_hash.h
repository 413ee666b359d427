/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The string hash of the intern table: 8 bytes per step, since dumps hold millions of
 * short keys. */
#ifndef VC_HASH_H
#define VC_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t vc_hash(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return (uint32_t)h;
}

/* Hash of a string id, for the member index of big objects. */
static inline uint32_t vc_id_hash(uint32_t id)
{
	return id * 2654435761u;
}

/* Equality of two byte strings of length LEN, without a libc call for short ones. */
static inline int vc_same_bytes(const char *a, const char *b, size_t len)
{
	if (len > 16)
		return memcmp(a, b, len) == 0;
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

#endif
