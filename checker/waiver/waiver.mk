# SPDX-License-Identifier: GPL-2.0-or-later
# The waiver library (checker/waiver): a static library for vmstate-check and
# vmstate-diff, and its cmocka tests (testsuite/waiver/test-waiver.c).
WAIVER_LIB := $(BUILD)/waiver/libwaiver.a
WAIVER_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS)

$(BUILD)/waiver/waiver.o: checker/waiver/waiver.c checker/waiver/waiver.h
	@mkdir -p $(@D)
	$(CC) $(WAIVER_CFLAGS) -c -o $@ $<

$(WAIVER_LIB): $(BUILD)/waiver/waiver.o
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/waiver/test-waiver: testsuite/waiver/test-waiver.c $(WAIVER_LIB)
	$(CC) $(WAIVER_CFLAGS) -Ichecker/waiver -o $@ $< $(WAIVER_LIB) -lcmocka

.PHONY: check-waiver
check-waiver: $(BUILD)/waiver/test-waiver
	@echo "  RUN  $<"; $<

CHECK_TARGETS += check-waiver
