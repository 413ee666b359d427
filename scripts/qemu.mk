# SPDX-License-Identifier: GPL-2.0-or-later
# Real QEMU trees: fetch Debian's source, build it (plain or with the plugin), and
# measure the plugin's fidelity and compile cost on it.  These are long-running targets,
# never part of `make check`.  Downloads and builds go to $(VMSTATE_CACHE).
#   make qemu-build    QEMU=7.2|10.0 TARGET=x86_64   plain build + truth dump
#   make fidelity      QEMU=7.2|10.0 TARGET=x86_64   plugin build, extract, compare
#   make fidelity-compare                          same, reusing the last plugin build
#   make bench-plugin  QEMU=7.2|10.0 TARGET=x86_64   compile CPU time with/without plugin

# Until checker/checker.mk includes it (it guards against a second inclusion).
include checker/dumpcmp/dumpcmp.mk

QEMU_ARGS = QEMU=$(or $(QEMU),7.2) TARGET=$(or $(TARGET),x86_64)

.PHONY: qemu-fetch qemu-build qemu-build-plugin fidelity fidelity-compare bench-plugin
qemu-fetch:
	scripts/qemu-fetch.sh $(QEMU_ARGS)

qemu-build:
	scripts/qemu-build.sh $(QEMU_ARGS)

# Whole-tree build with the plugin: fails on any internal compiler error.
qemu-build-plugin: $(BUILD)/vmstate.so
	PLUGIN=$(BUILD)/vmstate.so scripts/qemu-build.sh $(QEMU_ARGS)

fidelity: $(BUILD)/vmstate.so $(BUILD)/vmstate-extract $(BUILD)/vmstate-dumpcmp
	scripts/qemu-fidelity.sh $(QEMU_ARGS) PLUGIN=$(BUILD)/vmstate.so \
		EXTRACT=$(BUILD)/vmstate-extract DUMPCMP=$(BUILD)/vmstate-dumpcmp

bench-plugin: $(BUILD)/vmstate.so
	scripts/qemu-bench-plugin.sh $(QEMU_ARGS) PLUGIN=$(BUILD)/vmstate.so $(if $(LIMIT),LIMIT=$(LIMIT))

# Rerun only extraction and comparison on the last plugin build (no QEMU rebuild).
fidelity-compare: $(BUILD)/vmstate-extract $(BUILD)/vmstate-dumpcmp
	REBUILD=no scripts/qemu-fidelity.sh $(QEMU_ARGS) PLUGIN=$(BUILD)/vmstate.so \
		EXTRACT=$(BUILD)/vmstate-extract DUMPCMP=$(BUILD)/vmstate-dumpcmp
