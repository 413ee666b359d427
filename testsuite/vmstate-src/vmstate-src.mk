# SPDX-License-Identifier: GPL-2.0-or-later
# The example emulator tree (testsuite/vmstate-src): v1 and v2 (v1 + v2.patch), each
# built plain, with the plugin and with the plugin and -flto, plus a thin archive and
# -fsyntax-only fragment files; `make demo`; the check-vmstate-src test group, which
# compares the static dumps with the programs' own (scripts/check-tree.sh).

VSRC_DIR   := testsuite/vmstate-src
VSRC_BUILD := $(BUILD)/vmstate-src
VSRC_SCRIPTS := $(VSRC_DIR)/scripts
# The machine type each version offers by default (hw/i386/pc_piix.c); the extractor
# cannot run the program, so it is told.
VSRC_MACHINE_v1 := pc-i440fx-2.1
VSRC_MACHINE_v2 := pc-i440fx-2.2

VSRC_SRCS := vl.c $(patsubst $(VSRC_DIR)/%,%,$(sort $(wildcard $(VSRC_DIR)/hw/*/*.c \
	$(VSRC_DIR)/migration/*.c $(VSRC_DIR)/qom/*.c $(VSRC_DIR)/util/*.c)))
VSRC_HDRS := $(shell find $(VSRC_DIR)/include -name '*.h')
# Positional initializers (pflash) leave members out on purpose.
VSRC_CFLAGS = -std=c11 -pedantic -D_GNU_SOURCE $(CFLAGS) $(WARN_CFLAGS) -Wno-missing-field-initializers
VSRC_PLUGIN := $(BUILD)/vmstate.so
VSRC_EXTRACT := $(BUILD)/vmstate-extract
VSRC_CHECKER := $(BUILD)/vmstate-check
# Names the sections that differ when the static dump is not the runtime one.
VSRC_DUMPCMP := $(BUILD)/vmstate-dumpcmp
# Compile lines are short unless V=1.
VSRC_Q := $(if $(V),,@)
# QEMU 10.0's checker, from the source that scripts/qemu-fetch.sh QEMU=10.0 unpacks.
VSRC_REFERENCE ?= $(shell cat $(VMSTATE_CACHE)/debian-src/qemu-10.0.srcdir 2>/dev/null || \
	echo $(VMSTATE_CACHE)/src/qemu-10.0)/scripts/vmstate-static-checker.py

# v1 compiles in place; v2 is a patched copy.
VSRC_ROOT_v1 := $(VSRC_DIR)
VSRC_ROOT_v2 := $(VSRC_BUILD)/v2-src
VSRC_V2_STAMP := $(VSRC_ROOT_v2)/.patched

$(VSRC_V2_STAMP): $(addprefix $(VSRC_DIR)/,$(VSRC_SRCS)) $(VSRC_HDRS) $(VSRC_DIR)/v2.patch \
		$(VSRC_SCRIPTS)/make-v2-tree.sh
	$(VSRC_SCRIPTS)/make-v2-tree.sh $(VSRC_DIR) $(VSRC_ROOT_v2)
	@touch $@

# Flavours: plain gcc; with the plugin; with the plugin and -flto (the fragments must
# travel through the LTO link).
VSRC_FLAVOURS := plain plugin plugin-lto
VSRC_FLAGS_plain :=
VSRC_FLAGS_plugin := -fplugin=$(VSRC_PLUGIN)
VSRC_FLAGS_plugin-lto := -fplugin=$(VSRC_PLUGIN) -flto
VSRC_LDFLAGS_plugin-lto := -flto

# $(1): v1 or v2; $(2): a flavour.  Objects go to build/vmstate-src/V/FLAVOUR/obj/,
# the program to build/vmstate-src/V/FLAVOUR/vmstate-src.
define VSRC_PROGRAM
VSRC_OBJS_$(1)_$(2) := $$(addprefix $(VSRC_BUILD)/$(1)/$(2)/obj/,$$(VSRC_SRCS:.c=.o))
$$(VSRC_OBJS_$(1)_$(2)): $(VSRC_BUILD)/$(1)/$(2)/obj/%.o: \
		$(if $(filter v1,$(1)),$(VSRC_DIR)/%.c $(VSRC_HDRS),$(VSRC_V2_STAMP)) \
		$(if $(findstring plugin,$(2)),$(VSRC_PLUGIN)) $(VSRC_DIR)/vmstate-src.mk
	@mkdir -p $$(@D)
	$(if $(V),,@echo "  CC    $(1)/$(2)  $$*.c")
	$$(VSRC_Q)$$(CC) $$(VSRC_CFLAGS) $(VSRC_FLAGS_$(2)) \
		-I$(VSRC_ROOT_$(1))/include -c $(VSRC_ROOT_$(1))/$$*.c -o $$@
$(VSRC_BUILD)/$(1)/$(2)/libvsrc.a: $$(VSRC_OBJS_$(1)_$(2))
	rm -f $$@ && ar rcT $$@ $$^
$(VSRC_BUILD)/$(1)/$(2)/vmstate-src: $$(VSRC_OBJS_$(1)_$(2))
	$(if $(V),,@echo "  LINK  $$@")
	$$(VSRC_Q)$$(CC) $$(CFLAGS) $(VSRC_LDFLAGS_$(2)) -o $$@ $$^
endef
$(foreach v,v1 v2,$(foreach f,$(VSRC_FLAVOURS),$(eval $(call VSRC_PROGRAM,$(v),$(f)))))

# Runtime truth (what the program prints about itself) and the static dump from the
# plugin-built program, for the demo and for vmstate-src-record.  check-vmstate-src
# makes its own, every way (scripts/check-tree.sh).
$(VSRC_BUILD)/%/runtime.json: $(VSRC_BUILD)/%/plain/vmstate-src
	$< -M $(VSRC_MACHINE_$*) -dump-vmstate $@
$(VSRC_BUILD)/%/static.json: $(VSRC_BUILD)/%/plugin/vmstate-src $(VSRC_EXTRACT)
	$(VSRC_EXTRACT) --machine $(VSRC_MACHINE_$*) -o $@ $<

# Without building: the plugin under -fsyntax-only writes fragment files into a
# directory (dump-dir), which vmstate-extract reads.
# $(1): v1 or v2.  A fresh directory each time: unit ids differ between compilations.
define VSRC_FRAGMENTS
$(VSRC_BUILD)/$(1)/fragments/.done: \
		$(if $(filter v1,$(1)),$(addprefix $(VSRC_DIR)/,$(VSRC_SRCS)) $(VSRC_HDRS),$(VSRC_V2_STAMP)) \
		$(VSRC_PLUGIN) $(VSRC_DIR)/vmstate-src.mk
	rm -rf $$(@D) && mkdir -p $$(@D)
	$(if $(V),,@echo "  SYNTAX-ONLY $(1) -> $$(@D)")
	$$(VSRC_Q)for src in $(VSRC_SRCS); do \
		$$(CC) $$(VSRC_CFLAGS) -fsyntax-only -fplugin=$(VSRC_PLUGIN) \
			-fplugin-arg-vmstate-dump-dir=$$(@D) -I$(VSRC_ROOT_$(1))/include \
			$(VSRC_ROOT_$(1))/$$$$src || exit 1; \
	done
	@touch $$@
endef
$(foreach v,v1 v2,$(eval $(call VSRC_FRAGMENTS,$(v))))

.PHONY: demo check-vmstate-src vmstate-src vmstate-src-record
vmstate-src: $(foreach v,v1 v2,$(foreach f,$(VSRC_FLAVOURS),$(VSRC_BUILD)/$(v)/$(f)/vmstate-src))

# The README's first command: both versions built with the plugin, both dumps
# extracted, v1 -> v2 checked; then vmstate-diff, a waiver and the pre-commit hook on a
# git repository of the tree (scripts/demo.sh).
# deps-build first: on a fresh machine it installs what the plugin and tools need.
demo: deps-build $(VSRC_BUILD)/v1/static.json $(VSRC_BUILD)/v2/static.json $(VSRC_CHECKER) \
		$(BUILD)/vmstate-diff $(VSRC_PLUGIN) $(VSRC_EXTRACT)
	@sh scripts/demo.sh $(BUILD)

# Rewrites expected-findings.txt from the reference checker on the runtime dumps.
vmstate-src-record: $(VSRC_BUILD)/v1/runtime.json $(VSRC_BUILD)/v2/runtime.json
	$(VSRC_SCRIPTS)/record-findings.sh $(VSRC_REFERENCE) $^ $(VSRC_DIR)/expected-findings.txt

# Unit tests of the runtime's type system (cmocka).
VSRC_TEST_QOM_SRCS := $(VSRC_DIR)/tests/test-qom.c $(VSRC_DIR)/qom/object.c \
	$(VSRC_DIR)/util/osdep.c $(VSRC_DIR)/util/glib-lite.c $(VSRC_DIR)/util/module.c
$(VSRC_BUILD)/test-qom: $(VSRC_TEST_QOM_SRCS) $(VSRC_HDRS) $(VSRC_DIR)/vmstate-src.mk
	@mkdir -p $(@D)
	$(CC) $(VSRC_CFLAGS) -I$(VSRC_DIR)/include -o $@ $(VSRC_TEST_QOM_SRCS) -lcmocka

CHECK_TARGETS += check-vmstate-src

check-vmstate-src: $(foreach v,v1 v2,$(foreach f,$(VSRC_FLAVOURS),$(VSRC_BUILD)/$(v)/$(f)/vmstate-src) \
		$(VSRC_BUILD)/$(v)/plugin/libvsrc.a $(VSRC_BUILD)/$(v)/fragments/.done) \
		$(VSRC_CHECKER) $(VSRC_EXTRACT) $(VSRC_DUMPCMP) $(VSRC_BUILD)/test-qom
	@$(VSRC_BUILD)/test-qom >$(VSRC_BUILD)/test-qom.log 2>&1 || \
		{ cat $(VSRC_BUILD)/test-qom.log; echo "check-vmstate-src: FAIL: test-qom" >&2; exit 1; }
	@echo "check-vmstate-src: PASS: test-qom ($$(grep -c '^\[       OK' $(VSRC_BUILD)/test-qom.log) cmocka tests)"
	@$(VSRC_SCRIPTS)/check-tree.sh $(VSRC_DIR) $(VSRC_BUILD) $(VSRC_CHECKER) $(VSRC_EXTRACT) \
		$(VSRC_DUMPCMP) $(VSRC_MACHINE_v1) $(VSRC_MACHINE_v2)
	@$(VSRC_SCRIPTS)/check-wire.sh $(VSRC_BUILD) $(VSRC_CHECKER) $(VSRC_EXTRACT)
