# SPDX-License-Identifier: GPL-2.0-or-later
# vmstate-dumpcmp: compares a runtime -dump-vmstate truth with a static dump.
# Included from checker/checker.mk (or, until then, from scripts/qemu.mk): guard
# against a second inclusion.
ifndef DUMPCMP_MK_INCLUDED
DUMPCMP_MK_INCLUDED := 1

DUMPCMP_LIB_SRCS := checker/dumpcmp/jsondiff.c
DUMPCMP_SRCS     := checker/dumpcmp/dumpcmp.c $(DUMPCMP_LIB_SRCS)
DUMPCMP_HDRS     := checker/dumpcmp/jsondiff.h
DUMPCMP_CFLAGS    = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS)

$(BUILD)/vmstate-dumpcmp: $(DUMPCMP_SRCS) $(DUMPCMP_HDRS) $(COMMON_LIB) | $(BUILD)
	$(CC) $(DUMPCMP_CFLAGS) -o $@ $(DUMPCMP_SRCS) $(COMMON_LIB) -ljansson

$(BUILD)/tests/test-jsondiff: testsuite/dumpcmp/test-jsondiff.c $(DUMPCMP_LIB_SRCS) $(DUMPCMP_HDRS)
	@mkdir -p $(@D)
	$(CC) $(DUMPCMP_CFLAGS) -Ichecker/dumpcmp -o $@ $< $(DUMPCMP_LIB_SRCS) -ljansson -lcmocka

$(BUILD)/tests/test-dumpcmp-cli: testsuite/dumpcmp/test-dumpcmp-cli.c
	@mkdir -p $(@D)
	$(CC) $(DUMPCMP_CFLAGS) -o $@ $< -lcmocka

.PHONY: check-dumpcmp
check-dumpcmp: $(BUILD)/vmstate-dumpcmp $(BUILD)/tests/test-jsondiff $(BUILD)/tests/test-dumpcmp-cli
	$(BUILD)/tests/test-jsondiff
	DUMPCMP=$(BUILD)/vmstate-dumpcmp DUMPCMP_DATA=testsuite/dumpcmp/data $(BUILD)/tests/test-dumpcmp-cli

ALL_TARGETS   += $(BUILD)/vmstate-dumpcmp
CHECK_TARGETS += check-dumpcmp
endif
