# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-extract: every checker/extract/*.c (the QOM evaluator's qom*.c included) into
# build/vmstate-extract; its cmocka and command-line tests; its speed benchmark.

EXTRACT_SRCS := $(wildcard checker/extract/*.c)
EXTRACT_OBJS := $(patsubst checker/extract/%.c,$(BUILD)/extract/%.o,$(EXTRACT_SRCS))
EXTRACT_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) \
	$(shell pkg-config --cflags jansson 2>/dev/null)
EXTRACT_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) -lelf -pthread

$(BUILD)/extract/%.o: checker/extract/%.c $(wildcard checker/extract/*.h) checker/extract/extract.mk \
		$(COMMON_HDRS)
	@mkdir -p $(@D)
	$(CC) $(EXTRACT_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/vmstate-extract: $(EXTRACT_OBJS) $(COMMON_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(EXTRACT_LIBS)

-include $(EXTRACT_OBJS:.o=.d)

# The parts of the tool without main(), for the unit tests.
EXTRACT_LIB_OBJS := $(filter-out $(BUILD)/extract/main.o,$(EXTRACT_OBJS))

# cmocka tests: testsuite/extract/test-*.c (and the QOM helper's qom*test*.c).
EXTRACT_TEST_SRCS := $(wildcard testsuite/extract/test-*.c testsuite/extract/qom*test*.c)
EXTRACT_TESTS := $(patsubst testsuite/extract/%.c,$(BUILD)/extract-tests/%,$(EXTRACT_TEST_SRCS))

$(BUILD)/extract-tests/%: testsuite/extract/%.c $(EXTRACT_LIB_OBJS) $(COMMON_LIB) \
		$(wildcard testsuite/extract/*.h)
	@mkdir -p $(@D)
	$(CC) $(EXTRACT_CFLAGS) -Wno-unused-parameter -Ichecker/extract -Itestsuite/extract \
		-DEXTRACT_TEST_DATA=\"$(abspath testsuite/extract/data)\" -o $@ $< \
		$(EXTRACT_LIB_OBJS) $(COMMON_LIB) -lcmocka $(EXTRACT_LIBS)

.PHONY: check-extract check-extract-unit check-extract-cli bench-extract install-extract
check-extract: check-extract-unit check-extract-cli

check-extract-unit: $(EXTRACT_TESTS)
	@set -e; for t in $(EXTRACT_TESTS); do echo "  RUN  $$t"; $$t; done

check-extract-cli: $(BUILD)/vmstate-extract
	@sh testsuite/extract/cli-test.sh $(BUILD)/vmstate-extract $(BUILD)/extract-cli

# Extraction speed on a QEMU binary built with the plugin (goal: under 0.1 s).
# QEMU_BIN defaults to the x86_64 binary that `make fidelity QEMU=7.2` builds;
# BENCH_RT=1 runs it at a real-time priority (root), for a shared machine;
# EXTRACT_BASELINE=path/to/vmstate-extract adds it to the same run, side by side.
# Without QEMU: testsuite/extract/bench-input.sh makes a QEMU-sized input from
# testsuite/vmstate-src (docs/benchmarks.md).
EXTRACT_BENCH_QEMU ?= 7.2
QEMU_BIN ?= $(VMSTATE_CACHE)/build/qemu-$(EXTRACT_BENCH_QEMU)-x86_64-plugin/qemu-system-x86_64
bench-extract: $(BUILD)/vmstate-extract
	@BENCH_RT=$(BENCH_RT) BASELINE=$(EXTRACT_BASELINE) sh testsuite/extract/bench.sh \
		$(BUILD)/vmstate-extract "$(QEMU_BIN)"
bench: bench-extract

install-extract: $(BUILD)/vmstate-extract
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/vmstate-extract $(DESTDIR)$(BINDIR)/vmstate-extract

ALL_TARGETS     += $(BUILD)/vmstate-extract
CHECK_TARGETS   += check-extract
INSTALL_TARGETS += install-extract

# libFuzzer with ASan and UBSan over the whole tool but main(): the input readers, the
# fragment checker, the linker, the QOM evaluator and the dump writer (clang;
# long-running, not part of `make check`).  FUZZ_SECONDS is the variable every fuzz
# target of the tree reads (testsuite/fuzz-check/fuzz.mk too).  The corpus is kept in
# the tree: new inputs found go to build/, `make fuzz-extract-merge` folds them in.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang-14
FUZZ_EXTRACT_DIR := $(BUILD)/fuzz-extract
FUZZ_EXTRACT_CORPUS := testsuite/extract/fuzz-corpus
FUZZ_EXTRACT_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_EXTRACT_SRCS := $(filter-out checker/extract/main.c,$(EXTRACT_SRCS)) $(COMMON_SRCS)
FUZZ_EXTRACT_RUN := -max_len=65536 -rss_limit_mb=2048 -timeout=30 \
	-dict=testsuite/extract/fuzz-extract.dict

$(FUZZ_EXTRACT_DIR)/fuzz-extract: testsuite/extract/fuzz-extract.c $(FUZZ_EXTRACT_SRCS) \
		$(wildcard checker/extract/*.h) $(COMMON_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(STD_CFLAGS) $(FUZZ_EXTRACT_FLAGS) -fsanitize=fuzzer -Ichecker/extract -o $@ \
		testsuite/extract/fuzz-extract.c $(FUZZ_EXTRACT_SRCS) $(EXTRACT_LIBS)

.PHONY: fuzz fuzz-extract fuzz-extract-merge
fuzz: fuzz-extract
fuzz-extract: $(FUZZ_EXTRACT_DIR)/fuzz-extract
	@mkdir -p $(FUZZ_EXTRACT_DIR)/new $(FUZZ_EXTRACT_DIR)/artifacts
	$(FUZZ_EXTRACT_DIR)/fuzz-extract $(FUZZ_EXTRACT_RUN) -max_total_time=$(FUZZ_SECONDS) \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_EXTRACT_DIR)/artifacts/ \
		$(FUZZ_EXTRACT_DIR)/new $(FUZZ_EXTRACT_CORPUS)

fuzz-extract-merge: $(FUZZ_EXTRACT_DIR)/fuzz-extract
	$(FUZZ_EXTRACT_DIR)/fuzz-extract $(FUZZ_EXTRACT_RUN) -merge=1 $(FUZZ_EXTRACT_CORPUS) \
		$(FUZZ_EXTRACT_DIR)/new

# The QOM helper's end-to-end tests (testsuite/extract/qom.mk adds check-qom).
-include testsuite/extract/qom.mk
