/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The string hash of the intern table: 8 bytes per step, since dumps hold millions of
 * short keys.  Only ever compared within a run: it may change freely. */
#ifndef VC_HASH_H
#define VC_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t vc_load64(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

/* The LEN (at most 8) bytes at S as one word, every byte counted once for a given LEN,
 * without a byte loop: overlapping 4-byte loads, or three single bytes. */
static inline uint64_t vc_short_word(const char *s, size_t len)
{
	if (len >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, s, 4);
		memcpy(&hi, s + len - 4, 4);
		return lo | (uint64_t)hi << 32;
	}
	if (len == 0)
		return 0;
	return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
	       (uint64_t)(unsigned char)s[len - 1] << 16;
}

static inline uint32_t vc_hash(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
	while (len > 8) {
		h = (h ^ vc_load64(s)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	h = (h ^ vc_short_word(s, len)) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return (uint32_t)h;
}

/* Hash of a string id, for the member index of big objects. */
static inline uint32_t vc_id_hash(uint32_t id)
{
	return id * 2654435761u;
}

/* Equality of two byte strings of length LEN, without a libc call or a byte loop for
 * short ones (keys are short). */
static inline int vc_same_bytes(const char *a, const char *b, size_t len)
{
	if (len > 16)
		return memcmp(a, b, len) == 0;
	if (len > 8)
		return vc_load64(a) == vc_load64(b) &&
		       vc_load64(a + len - 8) == vc_load64(b + len - 8);
	return vc_short_word(a, len) == vc_short_word(b, len);
}

#endif
