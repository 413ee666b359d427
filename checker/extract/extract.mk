# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-extract: every checker/extract/*.c (the QOM evaluator's qom*.c included) into
# build/vmstate-extract; its cmocka and command-line tests; its speed benchmark.

EXTRACT_SRCS := $(wildcard checker/extract/*.c)
EXTRACT_OBJS := $(patsubst checker/extract/%.c,$(BUILD)/extract/%.o,$(EXTRACT_SRCS))
# Until the QOM evaluator (qom.c, defining qom_evaluate) is in the tree the tool builds
# without it (and says so at run time); the tests of the other parts need no QOM.
EXTRACT_QOM_SRCS := $(wildcard checker/extract/qom.c)
EXTRACT_QOM_FLAG := $(if $(EXTRACT_QOM_SRCS),,-DVX_NO_QOM)
EXTRACT_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) $(EXTRACT_QOM_FLAG) \
	$(shell pkg-config --cflags jansson 2>/dev/null)
EXTRACT_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) -lelf -pthread

# Rebuild when the QOM evaluator arrives or leaves: the flag is kept in a file.
EXTRACT_CONFIG := $(BUILD)/extract/config
$(shell mkdir -p $(BUILD)/extract && { echo '$(EXTRACT_QOM_FLAG)' | cmp -s - $(EXTRACT_CONFIG) || \
	echo '$(EXTRACT_QOM_FLAG)' > $(EXTRACT_CONFIG); })

$(BUILD)/extract/%.o: checker/extract/%.c $(wildcard checker/extract/*.h) checker/extract/extract.mk \
		$(EXTRACT_CONFIG)
	@mkdir -p $(@D)
	$(CC) $(EXTRACT_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/vmstate-extract: $(EXTRACT_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(EXTRACT_LIBS)

-include $(EXTRACT_OBJS:.o=.d)

# The parts of the tool without main(), for the unit tests.
EXTRACT_LIB_OBJS := $(filter-out $(BUILD)/extract/main.o,$(EXTRACT_OBJS))

# cmocka tests: testsuite/extract/test-*.c (and the QOM helper's qom*test*.c).
EXTRACT_TEST_SRCS := $(wildcard testsuite/extract/test-*.c testsuite/extract/qom*test*.c)
EXTRACT_TESTS := $(patsubst testsuite/extract/%.c,$(BUILD)/extract-tests/%,$(EXTRACT_TEST_SRCS))

$(BUILD)/extract-tests/%: testsuite/extract/%.c $(EXTRACT_LIB_OBJS) $(wildcard testsuite/extract/*.h)
	@mkdir -p $(@D)
	$(CC) $(EXTRACT_CFLAGS) -Wno-unused-parameter -Ichecker/extract -Itestsuite/extract \
		-DEXTRACT_TEST_DATA=\"$(abspath testsuite/extract/data)\" -o $@ $< \
		$(EXTRACT_LIB_OBJS) -lcmocka $(EXTRACT_LIBS)

.PHONY: check-extract check-extract-unit check-extract-cli bench-extract install-extract
check-extract: check-extract-unit check-extract-cli

check-extract-unit: $(EXTRACT_TESTS)
	@set -e; for t in $(EXTRACT_TESTS); do echo "  RUN  $$t"; $$t; done

check-extract-cli: $(BUILD)/vmstate-extract
	@sh testsuite/extract/cli-test.sh $(BUILD)/vmstate-extract $(BUILD)/extract-cli

# Extraction speed on a QEMU binary built with the plugin (goal: under 0.1 s).
# QEMU_BIN defaults to the x86_64 binary that `make fidelity QEMU=7.2` builds;
# BENCH_RT=1 runs it at a real-time priority (root), for a shared machine.
EXTRACT_BENCH_QEMU ?= 7.2
QEMU_BIN ?= $(VMSTATE_CACHE)/build/qemu-$(EXTRACT_BENCH_QEMU)-x86_64-plugin/qemu-system-x86_64
bench-extract: $(BUILD)/vmstate-extract
	@BENCH_RT=$(BENCH_RT) sh testsuite/extract/bench.sh $(BUILD)/vmstate-extract "$(QEMU_BIN)"
bench: bench-extract

install-extract: $(BUILD)/vmstate-extract
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/vmstate-extract $(DESTDIR)$(BINDIR)/vmstate-extract

ALL_TARGETS     += $(BUILD)/vmstate-extract
CHECK_TARGETS   += check-extract
INSTALL_TARGETS += install-extract

# libFuzzer with ASan and UBSan over the input readers, the fragment checker, the linker
# and the dump writer (clang; long-running, not part of `make check`).
FUZZ_EXTRACT_TIME ?= 300
FUZZ_EXTRACT_DIR := $(BUILD)/fuzz-extract
FUZZ_EXTRACT_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_EXTRACT_SRCS := $(filter-out checker/extract/main.c $(wildcard checker/extract/qom*.c),$(EXTRACT_SRCS))

$(FUZZ_EXTRACT_DIR)/fuzz-extract: testsuite/extract/fuzz-extract.c $(FUZZ_EXTRACT_SRCS) \
		$(wildcard checker/extract/*.h)
	@mkdir -p $(@D)
	clang $(STD_CFLAGS) $(FUZZ_EXTRACT_FLAGS) -fsanitize=fuzzer -Ichecker/extract -o $@ \
		testsuite/extract/fuzz-extract.c $(FUZZ_EXTRACT_SRCS) $(EXTRACT_LIBS)

.PHONY: fuzz-extract
fuzz-extract: $(FUZZ_EXTRACT_DIR)/fuzz-extract $(BUILD)/vmstate-extract
	@mkdir -p $(FUZZ_EXTRACT_DIR)/corpus $(FUZZ_EXTRACT_DIR)/artifacts
	cp testsuite/extract/data/*.vmfrag.json $(FUZZ_EXTRACT_DIR)/corpus/
	@# Objects, archives and a linked program, made by the command-line tests.
	@if [ -d $(BUILD)/extract-cli ]; then cp $(BUILD)/extract-cli/a.o \
		$(BUILD)/extract-cli/lib.a $(BUILD)/extract-cli/prog $(FUZZ_EXTRACT_DIR)/corpus/ \
		2>/dev/null || true; fi
	$(FUZZ_EXTRACT_DIR)/fuzz-extract -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
		-max_total_time=$(FUZZ_EXTRACT_TIME) -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_EXTRACT_DIR)/artifacts/ $(FUZZ_EXTRACT_DIR)/corpus

# The QOM helper's end-to-end tests (testsuite/extract/qom.mk adds check-qom).
-include testsuite/extract/qom.mk
