# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-check: the program, its tests (check-checker), difftest, bench, fuzz, install.
# The vc_* files are the JSON reader and Python value semantics of the reference
# script, which only this tool needs; the rest comes from checker/common.
VMC_PY_SRCS := $(addprefix checker/check/,vc_value.c vc_json.c vc_bigint.c vc_pyops.c \
	vc_pystr.c vc_fail.c)
VMC_SRCS := $(addprefix checker/check/,main.c vmcheck.c rules.c shape.c renames.c) \
	$(VMC_PY_SRCS)
VMC_OBJS := $(VMC_SRCS:%.c=$(BUILD)/%.o)
VMC_BIN := $(BUILD)/vmstate-check
# -O3 after CFLAGS: the reader is the hot path of vmstate-check (make bench).
VMC_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) -O3

$(BUILD)/checker/check/%.o: checker/check/%.c checker/check/*.h $(COMMON_HDRS) \
		checker/waiver/waiver.h | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(VMC_CFLAGS) -c $< -o $@

# --wire: the wire-level verdicts (checker/wire).
$(VMC_BIN): $(VMC_OBJS) $(BUILD)/waiver/libwaiver.a $(COMMON_LIB) $(WIRE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(VMC_OBJS) $(WIRE_LIB) $(BUILD)/waiver/libwaiver.a \
		$(COMMON_LIB) -lm $(WIRE_LIBS)

ALL_TARGETS += $(VMC_BIN)

# The rules in process (checker/check/vmcheck.h) for other tools, such as vmstate-diff:
# link $(VMC_LIB) $(BUILD)/waiver/libwaiver.a $(COMMON_LIB) -lm.
VMC_LIB := $(BUILD)/checker/libvmcheck.a
$(VMC_LIB): $(filter-out $(BUILD)/checker/check/main.o,$(VMC_OBJS))
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^
ALL_TARGETS += $(VMC_LIB)

-include testsuite/check/check-tests.mk
-include testsuite/fuzz-check/fuzz.mk

# Regenerates the table of characters repr() escapes, from the Python running the reference.
.PHONY: vc-regen-printable
vc-regen-printable:
	python3 checker/check/gen-printable.py > checker/check/vc_printable.generated.h

.PHONY: install-vmstate-check
install-vmstate-check: $(VMC_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	install -m 755 $(VMC_BIN) $(DESTDIR)$(BINDIR)/vmstate-check
	install -m 644 docs/vmstate-check.md $(DESTDIR)$(DOCDIR)/vmstate-check.md
INSTALL_TARGETS += install-vmstate-check
