/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: the reader, the shape check and the rules of vmstate-check on one
 * input = FLAG byte (bit 0: --reverse, bit 1: --waivers with the set below), then the
 * src text, a NUL byte, the dest text.
 * Any crash, sanitizer report or leak is a finding, and so is a result whose findings
 * disagree with its report or count; an input error (status 255) is a normal outcome. */
#include "../../checker/check/vmcheck.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

/* What the findings say must agree with the report and the count. */
static void check_findings(const struct vmc_result *r)
{
	int counted = 0;
	size_t waived = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct vmc_finding *f = &r->findings[i];
		if (f->waiver >= 0)
			waived++;
		else if (finding_kinds[f->kind].counted)
			counted++;
		if (f->waiver < 0 && !memmem(r->report, r->report_len, f->text, f->text_len))
			abort();
	}
	if ((counted < 255 ? counted : 255) != r->problems || waived != r->waived)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct vmc_options options = { .reverse = data[0] & 1, .findings = true };
	if (data[0] & 2) {
		char *error = NULL;
		options.waivers = vw_parse(waiver_text, "fuzz-waivers", &error);
		if (!options.waivers)
			abort();
	}
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	const char *nul = memchr(text, '\0', len);
	size_t src_len = nul ? (size_t)(nul - text) : len;
	const char *dest_text = nul ? nul + 1 : "";
	size_t dest_len = nul ? len - src_len - 1 : 0;
	struct vmc_result r;
	int status = vmc_check_texts("src.json", text, src_len, "dest.json", dest_text, dest_len,
				     &options, &r);
	if (status < 0 || status > 255 || (status == 255 && !r.error_where && r.problems != 255))
		abort();
	if (!r.error_where)
		check_findings(&r);
	vmc_result_release(&r);
	vw_free(options.waivers);
	return 0;
}
