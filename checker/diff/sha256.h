/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SHA-256 (FIPS 180-4): the content hashes that key the fragment cache. */
#ifndef VD_SHA256_H
#define VD_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct vd_sha256 {
	uint32_t h[8];
	uint64_t total;
	unsigned char block[64];
	size_t used;
};

/* 64 lower-case hex digits and a NUL. */
#define VD_HEX_LEN 65

void vd_sha256_init(struct vd_sha256 *c);
void vd_sha256_update(struct vd_sha256 *c, const void *data, size_t len);
/* Adds a string and its terminating NUL, so that "ab","c" and "a","bc" differ. */
void vd_sha256_update_str(struct vd_sha256 *c, const char *s);
void vd_sha256_hex(struct vd_sha256 *c, char hex[VD_HEX_LEN]);

#endif
