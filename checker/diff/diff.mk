# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-diff (checker/diff) and its tests (testsuite/diff); install with its man page.
DIFF_SRCS := $(wildcard checker/diff/*.c)
DIFF_OBJS := $(patsubst checker/diff/%.c,$(BUILD)/diff/%.o,$(DIFF_SRCS))
DIFF_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags jansson 2>/dev/null)
DIFF_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
DIFF_BIN := $(BUILD)/vmstate-diff

$(BUILD)/diff/%.o: checker/diff/%.c $(wildcard checker/diff/*.h) checker/waiver/waiver.h \
		$(COMMON_HDRS) $(wildcard checker/check/*.h) $(wildcard checker/wire/*.h)
	@mkdir -p $(@D)
	$(CC) $(DIFF_CFLAGS) -c -o $@ $<

# The reference rules in process (checker/check/check.mk's VMC_LIB), the waiver library
# and the wire model (checker/waiver/waiver.mk and checker/wire/wire.mk, included after
# this file).
DIFF_WAIVER_LIB := $(BUILD)/waiver/libwaiver.a
DIFF_WIRE_LIB := $(BUILD)/wire/libwire.a
$(DIFF_BIN): $(DIFF_OBJS) $(VMC_LIB) $(DIFF_WAIVER_LIB) $(DIFF_WIRE_LIB) $(COMMON_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(DIFF_OBJS) $(VMC_LIB) $(DIFF_WIRE_LIB) $(DIFF_WAIVER_LIB) \
		$(COMMON_LIB) $(DIFF_LIBS) -lm

# cmocka tests of the parts without main().
$(BUILD)/diff/test-compdb: testsuite/diff/test-compdb.c $(BUILD)/diff/compdb.o $(BUILD)/diff/util.o \
		$(BUILD)/diff/progress.o $(COMMON_LIB)
	$(CC) $(DIFF_CFLAGS) -o $@ $^ -lcmocka $(DIFF_LIBS)

.PHONY: check-diff check-diff-unit install-diff bench-diff
check-diff-unit: $(BUILD)/diff/test-compdb
	@echo "  RUN  $<"; $<

# QEMU 10.0 x86_64: cold cache, warm, one-file change (and with DIFF_BENCH=normal a normal
# build to compare with).  Long: it configures QEMU once (twice with normal) and compiles
# every unit of the target once with -fsyntax-only (and once in full with normal).
# DIFF_BENCH=clone5: QEMU as a clone, five targets, two releases, against configure +
# ninja of the five emulators (testsuite/diff/bench-qemu-clone.sh; about 45 minutes on
# 2 CPUs);
# DIFF_BENCH=clone5-repo only makes its repository; DIFF_BENCH=clone5-one-file measures
# only the one-file change again, on the cache of the last clone5 run.
bench-diff: $(DIFF_BIN) $(BUILD)/vmstate.so $(BUILD)/vmstate-extract $(BUILD)/vmstate-check \
		$(BUILD)/vmstate-dumpcmp
	$(if $(filter clone5,$(DIFF_BENCH)),testsuite/diff/bench-qemu-clone.sh $(abspath $(BUILD)),\
	$(if $(filter clone5-repo,$(DIFF_BENCH)),testsuite/diff/bench-qemu-clone.sh $(abspath $(BUILD)) repo,\
	$(if $(filter clone5-one-file,$(DIFF_BENCH)),testsuite/diff/bench-qemu-clone.sh $(abspath $(BUILD)) one-file,\
	testsuite/diff/bench-qemu.sh $(abspath $(BUILD)) $(DIFF_BENCH))))
bench: bench-diff

# The end-to-end tests build the example tree's v1 and v2 as two commits of a temporary
# git repository (testsuite/diff/run-tests.sh).
check-diff: $(DIFF_BIN) $(BUILD)/vmstate.so $(BUILD)/vmstate-extract $(BUILD)/vmstate-check \
		$(BUILD)/vmstate-src/v1/static.json $(BUILD)/vmstate-src/v2/static.json
	@sh testsuite/diff/run-tests.sh $(abspath $(BUILD))

install-diff: $(DIFF_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	install -m 755 $(DIFF_BIN) $(DESTDIR)$(BINDIR)/vmstate-diff
	install -m 644 docs/vmstate-diff.md docs/baselines.md docs/waivers.md $(DESTDIR)$(DOCDIR)/
	install -d $(DESTDIR)$(DOCDIR)/contrib
	install -m 755 contrib/vmstate-pre-push $(DESTDIR)$(DOCDIR)/contrib/

ALL_TARGETS     += $(DIFF_BIN)
CHECK_TARGETS   += check-diff-unit check-diff
INSTALL_TARGETS += install-diff
