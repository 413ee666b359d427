# SPDX-License-Identifier: GPL-2.0-or-later
# make migtest: real migrations between two QEMU 10.0 builds per change, against the
# wire verdicts (testsuite/migtest/migtest.sh).  Long, never part of make check:
# one QEMU build with the plugin (minutes), then a relink per change.
#   make migtest [MIGTEST_CHANGES="rename cpu-field ..."]
.PHONY: migtest
migtest: $(BUILD)/vmstate.so $(BUILD)/vmstate-extract $(BUILD)/vmstate-check
	testsuite/migtest/migtest.sh $(BUILD) $(MIGTEST_CHANGES)
