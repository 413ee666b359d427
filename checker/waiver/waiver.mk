# SPDX-License-Identifier: GPL-2.0-or-later
# The waiver library (checker/waiver): a static library for vmstate-check and
# vmstate-diff, and its cmocka tests (testsuite/waiver/test-waiver.c).  It carries the
# common objects it uses (the kinds table, allocation, diagnostics), so that a tool that
# links it alone still links.
WAIVER_LIB := $(BUILD)/waiver/libwaiver.a
WAIVER_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS)
WAIVER_OBJS := $(addprefix $(BUILD)/waiver/,waiver.o waiver_file.o waiver_report.o)

$(BUILD)/waiver/%.o: checker/waiver/%.c checker/waiver/waiver.h checker/waiver/waiver_set.h \
		$(COMMON_HDRS)
	@mkdir -p $(@D)
	$(CC) $(WAIVER_CFLAGS) -c -o $@ $<

$(WAIVER_LIB): $(WAIVER_OBJS) $(COMMON_OBJS)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/waiver/test-waiver: testsuite/waiver/test-waiver.c $(WAIVER_LIB)
	$(CC) $(WAIVER_CFLAGS) -Ichecker/waiver -o $@ $< $(WAIVER_LIB) -lcmocka

.PHONY: check-waiver
check-waiver: $(BUILD)/waiver/test-waiver
	@echo "  RUN  $<"; $<

CHECK_TARGETS += check-waiver
