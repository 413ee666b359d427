# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-check: the program, its tests (check-checker), difftest, bench, fuzz, install.
VMC_SRCS := $(addprefix checker/check/,main.c rules.c shape.c renames.c)
VMC_OBJS := $(VMC_SRCS:%.c=$(BUILD)/%.o)
VMC_BIN := $(BUILD)/vmstate-check

$(BUILD)/checker/check/%.o: checker/check/%.c checker/check/*.h checker/lib/*.h checker/waiver/waiver.h | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(VC_CFLAGS) -c $< -o $@

# --wire: the wire-level verdicts (checker/wire).
$(VMC_BIN): $(VMC_OBJS) $(VC_LIB) $(BUILD)/waiver/libwaiver.a $(WIRE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(VMC_OBJS) $(VC_LIB) $(BUILD)/waiver/libwaiver.a -lm \
		$(WIRE_LIB) $(WIRE_LIBS)

ALL_TARGETS += $(VMC_BIN)

-include testsuite/check/check-tests.mk
-include testsuite/fuzz-check/fuzz.mk

.PHONY: install-vmstate-check
install-vmstate-check: $(VMC_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	install -m 755 $(VMC_BIN) $(DESTDIR)$(BINDIR)/vmstate-check
	install -m 644 docs/man/vmstate-check.1 $(DESTDIR)$(MANDIR)/man1/vmstate-check.1
	install -m 644 docs/vmstate-check.md $(DESTDIR)$(DOCDIR)/vmstate-check.md
INSTALL_TARGETS += install-vmstate-check
