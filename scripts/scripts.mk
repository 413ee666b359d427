# SPDX-License-Identifier: GPL-2.0-or-later
# The test of `make demo` (its recipe is in testsuite/vmstate-src/vmstate-src.mk):
# scripts/demo-test.sh runs scripts/demo.sh and checks its exit statuses and key lines.
.PHONY: check-demo
check-demo: $(BUILD)/vmstate-src/v1/static.json $(BUILD)/vmstate-src/v2/static.json \
		$(BUILD)/vmstate-check $(BUILD)/vmstate-diff $(BUILD)/vmstate.so $(BUILD)/vmstate-extract
	@sh scripts/demo-test.sh $(BUILD)
CHECK_TARGETS += check-demo
