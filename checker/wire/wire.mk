# SPDX-License-Identifier: GPL-2.0-or-later
# checker/wire: the wire-level verdicts (docs/wire-rules.md), a library that
# vmstate-check --wire and vmstate-diff call; its tests (check-wire).  It uses the
# waiver library (checker/waiver): link $(WIRE_LIB) before libwaiver.a.
WIRE_SRCS := $(addprefix checker/wire/,model.c finding.c compare.c render.c wire.c)
WIRE_OBJS := $(WIRE_SRCS:checker/wire/%.c=$(BUILD)/wire/%.o)
WIRE_LIB := $(BUILD)/wire/libwire.a
WIRE_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags jansson 2>/dev/null) \
	-DVMW_DOCDIR='"$(DOCDIR)"'

WIRE_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)

$(BUILD)/wire/%.o: checker/wire/%.c $(wildcard checker/wire/*.h) checker/waiver/waiver.h \
		$(COMMON_HDRS)
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

# The extended dump of a plugin build of QEMU against QEMU's own description of a
# migration to a file, for -M pc and -M q35 (issue 12, item 5; docs/fidelity.md), on the
# last `make qemu-build-plugin QEMU=...`.  make fidelity runs the same for x86_64.
WIRE_QEMU_BUILD = $(VMSTATE_CACHE)/build/qemu-$(QEMU)-x86_64-plugin
.PHONY: wire-qemu-oracle
wire-qemu-oracle: $(BUILD)/vmstate-extract
	@test -x $(WIRE_QEMU_BUILD)/qemu-system-x86_64 || \
		{ echo "wire-qemu-oracle: no $(WIRE_QEMU_BUILD); run make qemu-build-plugin QEMU=$(QEMU)" >&2; exit 1; }
	testsuite/wire/qemu-oracle.sh $(BUILD)/vmstate-extract $(WIRE_QEMU_BUILD)/qemu-system-x86_64 \
		$$(cat $(VMSTATE_CACHE)/debian-src/qemu-$(QEMU).srcdir) $(WIRE_QEMU_BUILD)

# Mutated dumps against an ASan and UBSan build of the wire mode (minutes; not in check).
WIRE_MUTATE_CASES ?= 2000
WIRE_MUTATE_SEED ?= 1
WIRE_WAIVER_SRCS := $(wildcard checker/waiver/*.c)
$(BUILD)/wire/wire-asan: $(WIRE_SRCS) $(wildcard checker/wire/*.h) $(WIRE_WAIVER_SRCS) \
		$(COMMON_SRCS) $(COMMON_HDRS)
	@mkdir -p $(@D)
	printf '#include "checker/wire/wire.h"\nint main(int c, char **v) { return vmw_main(c, v, "vmstate-check"); }\n' \
		>$(BUILD)/wire/wire-asan-main.c
	$(CC) $(STD_CFLAGS) -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -I. \
		-o $@ $(BUILD)/wire/wire-asan-main.c $(WIRE_SRCS) $(WIRE_WAIVER_SRCS) $(COMMON_SRCS) \
		$(WIRE_LIBS)
.PHONY: wire-mutate
wire-mutate: $(BUILD)/wire/wire-asan $(BUILD)/vmstate-src/v1/plain/vmstate-src \
		$(BUILD)/vmstate-src/v2/plain/vmstate-src
	$(BUILD)/vmstate-src/v1/plain/vmstate-src --dump-extended $(BUILD)/wire/v1.json
	$(BUILD)/vmstate-src/v2/plain/vmstate-src --dump-extended $(BUILD)/wire/v2.json
	testsuite/wire/mutate.py $(BUILD)/wire/wire-asan $(WIRE_MUTATE_SEED) $(WIRE_MUTATE_CASES) \
		$(BUILD)/wire/v1.json $(BUILD)/wire/v2.json
