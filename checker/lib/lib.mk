# SPDX-License-Identifier: GPL-2.0-or-later
# checker/lib: the JSON reader and Python value semantics shared by the checker tools.
VC_LIB_SRCS := $(addprefix checker/lib/,vc_arena.c vc_buf.c vc_fail.c vc_value.c vc_json.c \
	vc_bigint.c vc_pyops.c vc_pystr.c)
VC_LIB := $(BUILD)/checker/libvc.a
# -O3 after CFLAGS: the reader is the hot path of vmstate-check (make bench).
VC_CFLAGS := $(STD_CFLAGS) $(WARN_CFLAGS) $(CFLAGS) -O3
VC_LIB_OBJS := $(VC_LIB_SRCS:%.c=$(BUILD)/%.o)

$(BUILD)/checker/lib/%.o: checker/lib/%.c checker/lib/*.h | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(VC_CFLAGS) -c $< -o $@

$(VC_LIB): $(VC_LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

# Regenerates the table of characters repr() escapes, from the Python running the reference.
.PHONY: vc-regen-printable
vc-regen-printable:
	python3 checker/lib/gen-printable.py > checker/lib/vc_printable.h
