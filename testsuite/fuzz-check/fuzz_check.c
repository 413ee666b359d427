/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: the reader, the shape check and the rules of vmstate-check on one
 * input = FLAG byte (bit 0: --reverse, bit 1: --waivers with the set below), then the
 * src text, a NUL byte, the dest text.
 * Any crash, sanitizer report or leak is a finding; vc_fail() is a normal outcome. */
#include "../../checker/check/rules.h"
#include "../../checker/check/shape.h"
#include "../../checker/check/vc_fail.h"
#include "../../checker/check/vc_json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Static, so that they keep their values across the longjmp of vc_fail(). */
static struct vc_strings strings;
static struct vc_doc src, dest;
static struct strbuf out;

/* Short names the mutator finds easily, so that waived messages are taken back out of
 * the report mid-line and mid-section. */
static const char waiver_text[] =
	"vmstate-waivers 1\n"
	"waive kind=size section=\"a\" reason=\"fuzz\"\n"
	"waive kind=version section=\"a\" reason=\"fuzz\"\n"
	"waive kind=section-missing section=\"b\" reason=\"fuzz\"\n"
	"waive kind=entry-missing section=\"a\" field=\"a\" reason=\"fuzz\"\n"
	"waive kind=field-mismatch section=\"a\" description=\"a\" reason=\"fuzz\"\n"
	"waive kind=minimum-version section=\"a\" reason=\"fuzz\"\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int reverse = data[0] & 1;
	struct vw_set *waivers = NULL;
	if (data[0] & 2) {
		char *error = NULL;
		waivers = vw_parse(waiver_text, "fuzz-waivers", &error);
		if (!waivers)
			abort();
	}
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	const char *nul = memchr(text, '\0', len);
	size_t src_len = nul ? (size_t)(nul - text) : len;
	const char *dest_text = nul ? nul + 1 : "";
	size_t dest_len = nul ? len - src_len - 1 : 0;
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error) == 0) {
		vc_json_parse(&src, &strings, "src.json", text, src_len);
		vc_json_parse(&dest, &strings, "dest.json", dest_text, dest_len);
		vmc_require_dump_shape(&src);
		vmc_require_dump_shape(&dest);
		struct vmc_run run = { .out = &out, .waivers = waivers };
		int problems = reverse ? vmc_compare_dumps(&run, &dest, &src)
				       : vmc_compare_dumps(&run, &src, &dest);
		if (problems < 0 || problems > 255)
			abort();
	}
	vc_fail_target = NULL;
	vw_free(waivers);
	vc_doc_release(&src);
	vc_doc_release(&dest);
	vc_strings_release(&strings);
	vc_views_reset();
	sb_release(&out);
	return 0;
}
