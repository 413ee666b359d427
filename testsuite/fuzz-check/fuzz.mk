# SPDX-License-Identifier: GPL-2.0-or-later
# make fuzz-check [FUZZ_SECONDS=n]: libFuzzer (clang-14, ASan + UBSan) on the vmstate-check
# reader, rules and in-process API, starting from the corpus kept in
# testsuite/fuzz-check/corpus.  New inputs go to build/fuzz/new; `make fuzz-merge`
# minimizes them into the kept corpus.
# `make fuzz` runs every fuzz target, each for FUZZ_SECONDS: a target adds itself with
# `fuzz: fuzz-NAME` and reads $(FUZZ_SECONDS), the one variable that drives them all.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang-14
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer -std=c11 -D_GNU_SOURCE
FUZZ_BIN := $(BUILD)/fuzz/fuzz-check
FUZZ_SRCS := testsuite/fuzz-check/fuzz_check.c checker/check/vmcheck.c checker/check/rules.c checker/check/shape.c \
	checker/check/renames.c checker/waiver/waiver.c checker/waiver/waiver_file.c checker/waiver/waiver_report.c $(VMC_PY_SRCS) $(COMMON_SRCS)
FUZZ_CORPUS := testsuite/fuzz-check/corpus
FUZZ_RUN := -dict=testsuite/fuzz-check/fuzz.dict -max_len=8192 -rss_limit_mb=2048 \
	-timeout=10

$(FUZZ_BIN): $(FUZZ_SRCS) checker/common/*.h checker/check/*.h checker/waiver/waiver.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_SRCS) -lm -o $@

.PHONY: fuzz fuzz-check fuzz-merge
fuzz: fuzz-check
fuzz-check: $(FUZZ_BIN)
	@mkdir -p $(BUILD)/fuzz/new $(BUILD)/fuzz/artifacts
	$(FUZZ_BIN) $(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=$(BUILD)/fuzz/artifacts/ $(BUILD)/fuzz/new $(FUZZ_CORPUS)

fuzz-merge: $(FUZZ_BIN)
	$(FUZZ_BIN) $(FUZZ_RUN) -merge=1 $(FUZZ_CORPUS) $(BUILD)/fuzz/new
