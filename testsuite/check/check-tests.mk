# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of vmstate-check: cmocka unit tests and golden tests (part of make check).
VMC_TEST_NAMES := test_rules test_json test_pyops test_vmcheck
VMC_TESTS := $(VMC_TEST_NAMES:%=$(BUILD)/testsuite/check/%)
VMC_TEST_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
VMC_JANSSON_LIBS := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
VMC_LIB_OBJS := $(filter-out $(BUILD)/checker/check/main.o,$(VMC_OBJS))

$(BUILD)/testsuite/check/%: testsuite/check/%.c $(VMC_LIB_OBJS) $(BUILD)/waiver/libwaiver.a \
		$(COMMON_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(VMC_CFLAGS) -Wno-missing-prototypes -o $@ $< $(VMC_LIB_OBJS) \
		$(BUILD)/waiver/libwaiver.a $(COMMON_LIB) $(VMC_TEST_LIBS) $(VMC_JANSSON_LIBS) -lm

.PHONY: check-checker check-checker-unit check-checker-golden check-checker-cli
check-checker: check-checker-unit check-checker-golden check-checker-cli
check-checker-unit: $(VMC_TESTS)
	@for t in $(VMC_TESTS); do $$t || exit 1; done
check-checker-golden: $(VMC_BIN)
	@testsuite/check/run-golden.sh $(VMC_BIN)
check-checker-cli: $(VMC_BIN)
	@testsuite/check/run-cli.sh $(VMC_BIN)
CHECK_TARGETS += check-checker

# Expected outputs of the golden tests come from the reference script, never by hand.
.PHONY: regen-golden
regen-golden:
	testsuite/check/regen-golden.sh

# Differential test against the reference on mutated real dumps (minutes; not in check).
DIFFTEST_CASES ?= 1000
DIFFTEST_SEED ?= 1
# 10.0: QEMU 10.0's script and --renames=10.0; newest: the newest tables (renames.c).
DIFFTEST_TABLES ?= 10.0
.PHONY: difftest
difftest: $(VMC_BIN)
	testsuite/check/difftest.sh $(VMC_BIN) $(DIFFTEST_CASES) $(DIFFTEST_SEED) $(DIFFTEST_TABLES)

# Speed and memory against the reference (docs/benchmarks.md).
BENCH_RUNS ?= 10
.PHONY: bench-check
bench-check: $(VMC_BIN)
	testsuite/check/bench.sh $(VMC_BIN) $(BENCH_RUNS)
bench: bench-check
