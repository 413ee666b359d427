# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/: vmstate-baseline-update (baseline-update.sh), installed with the project's
# version written in; the tests of it and of `make demo` (whose recipe is in
# testsuite/vmstate-src/vmstate-src.mk).
.PHONY: check-demo check-baseline-update install-baseline-update
check-demo: $(BUILD)/vmstate-src/v1/static.json $(BUILD)/vmstate-src/v2/static.json \
		$(BUILD)/vmstate-check $(BUILD)/vmstate-diff $(BUILD)/vmstate.so $(BUILD)/vmstate-extract
	@sh scripts/demo-test.sh $(BUILD)
check-baseline-update:
	@sh scripts/baseline-update-test.sh $(BUILD)/baseline-update-test

install-baseline-update:
	install -d $(DESTDIR)$(BINDIR)
	sed 's/^version=@VERSION@$$/version=$(VMSTATE_VERSION)/' scripts/baseline-update.sh \
		>$(DESTDIR)$(BINDIR)/vmstate-baseline-update.tmp
	chmod 755 $(DESTDIR)$(BINDIR)/vmstate-baseline-update.tmp
	mv $(DESTDIR)$(BINDIR)/vmstate-baseline-update.tmp $(DESTDIR)$(BINDIR)/vmstate-baseline-update

CHECK_TARGETS   += check-demo check-baseline-update
INSTALL_TARGETS += install-baseline-update
