# SPDX-License-Identifier: GPL-2.0-or-later
# checker/wire: the wire-level verdicts (docs/wire-rules.md), a library that
# vmstate-check --wire (and later vmstate-diff) calls; its tests (check-wire).
WIRE_SRCS := $(addprefix checker/wire/,model.c kinds.c compare.c render.c wire.c)
WIRE_OBJS := $(WIRE_SRCS:checker/wire/%.c=$(BUILD)/wire/%.o)
WIRE_LIB := $(BUILD)/wire/libwire.a
WIRE_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags jansson 2>/dev/null) \
	-DVMW_DOCDIR='"$(DOCDIR)"'

WIRE_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)

$(BUILD)/wire/%.o: checker/wire/%.c $(wildcard checker/wire/*.h)
	@mkdir -p $(@D)
	$(CC) $(WIRE_CFLAGS) -c -o $@ $<

$(WIRE_LIB): $(WIRE_OBJS)
	rm -f $@ && $(AR) rcs $@ $^

# SARIF names docs/wire-rules.md as the tool's information.
.PHONY: install-wire
install-wire:
	install -d $(DESTDIR)$(DOCDIR)
	install -m 644 docs/wire-rules.md $(DESTDIR)$(DOCDIR)/wire-rules.md
INSTALL_TARGETS += install-wire

-include testsuite/wire/wire-tests.mk
