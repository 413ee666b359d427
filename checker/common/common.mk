# SPDX-License-Identifier: GPL-2.0-or-later
# checker/common: what every tool needs once (each header states its contract):
# allocation, buffers, arenas, the JSON string lexer, atomic writes, diagnostics,
# --version.  A static library; a tool links $(COMMON_LIB) and includes
# "../common/NAME.h".  Tests: testsuite/common (make check-common).
COMMON_SRCS := $(addprefix checker/common/,alloc.c arena.c diag.c fileio.c findings.c json_lex.c \
	strbuf.c version.c)
COMMON_HDRS := $(wildcard checker/common/*.h) plugin/vmstate-plugin.h
COMMON_OBJS := $(COMMON_SRCS:%.c=$(BUILD)/%.o)
COMMON_LIB := $(BUILD)/checker/libcommon.a
# -O3 after CFLAGS: the arena and the buffer are on the hot path of vmstate-check.
COMMON_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) -O3

$(BUILD)/checker/common/%.o: checker/common/%.c $(COMMON_HDRS) | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(COMMON_CFLAGS) -c $< -o $@

$(COMMON_LIB): $(COMMON_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

COMMON_TEST_NAMES := test-alloc test-strbuf test-arena test-json-lex test-diag test-fileio
COMMON_TESTS := $(COMMON_TEST_NAMES:%=$(BUILD)/testsuite/common/%)

$(BUILD)/testsuite/common/%: testsuite/common/%.c $(COMMON_LIB) $(COMMON_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(COMMON_CFLAGS) -Wno-missing-prototypes -o $@ $< $(COMMON_LIB) -lcmocka

.PHONY: check-common
check-common: $(COMMON_TESTS)
	@for t in $(COMMON_TESTS); do echo "  RUN  $$t"; $$t || exit 1; done
CHECK_TARGETS += check-common
