# SPDX-License-Identifier: GPL-2.0-or-later
# End-to-end tests of the QOM recorder (plugin) and evaluator (vmstate-extract): the
# sources of testsuite/extract/qom-src are compiled with the plugin, run, and their
# run-time classes compared with the static evaluation.  (The evaluator's cmocka test,
# qom-test-eval.c, is built and run by checker/extract/extract.mk.)

.PHONY: check-qom
check-qom: $(BUILD)/vmstate.so $(BUILD)/vmstate-extract
	@sh testsuite/extract/qom-e2e.sh $(abspath $(BUILD)/vmstate.so) \
		$(abspath $(BUILD)/vmstate-extract) $(abspath $(BUILD)/qom-e2e)

CHECK_TARGETS += check-qom
