# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of vmstate-check --wire (testsuite/wire/check-wire.sh); the verdicts are checked
# against real save and load in check-vmstate-src.
.PHONY: check-wire
check-wire: $(BUILD)/vmstate-check $(BUILD)/vmstate-src/v1/plain/vmstate-src \
		$(BUILD)/vmstate-src/v2/plain/vmstate-src
	@testsuite/wire/check-wire.sh $(BUILD)/vmstate-check \
		$(BUILD)/vmstate-src/v1/plain/vmstate-src $(BUILD)/vmstate-src/v2/plain/vmstate-src
CHECK_TARGETS += check-wire
