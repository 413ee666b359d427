# SPDX-License-Identifier: GPL-2.0-or-later
# The changes `make migtest` builds, each a small edit of QEMU 10.0's source of the kind a
# patch makes, on state that -M pc migrates.  Sourced by migtest.sh.
#   MIGTEST_CHANGES   the names, in order
#   change_NAME       makes the edit in $MT_SRC with mt_edit (which fails when the edit
#                     does not apply) and says in one line what it is
# What a change does to migration is not written here: the two QEMU builds say it.

MIGTEST_CHANGES="rename padding field-added field-version cpu-field timer-field
subsection-off subsection-on"

# A member renamed everywhere it is used: the field's name changes, its bytes do not.
change_rename() {
	echo "mc146818rtc: member cmos_index renamed cmos_select (field \"cmos_index\")"
	local f
	for f in $(cd "$MT_SRC" && grep -rlw cmos_index hw include); do
		mt_edit "$f" 's/\bcmos_index\b/cmos_select/g'
	done
}

# A live field replaced by padding of the same size.
change_padding() {
	echo "i8254 channel: VMSTATE_UINT8(bcd) replaced by VMSTATE_UNUSED(1)"
	mt_edit hw/timer/i8254_common.c 's/VMSTATE_UINT8(bcd, PITChannelState),/VMSTATE_UNUSED(1),/'
}

# One more field, with no version bump.
change_field-added() {
	echo "i8254 channel: field irq_disabled added at the end, no version bump"
	mt_edit hw/timer/i8254_common.c \
		'/VMSTATE_INT64(next_transition_time, PITChannelState),/a\        VMSTATE_UINT32(irq_disabled, PITChannelState),'
}

# One more field at a new version, the documented way to add one.
change_field-version() {
	echo "i8254: version 3 -> 4, field channels[1].irq_disabled added at version 4"
	mt_edit hw/timer/i8254_common.c \
		'/\.name = "i8254",/{n;s/\.version_id = 3,/.version_id = 4,/}' \
		'/VMSTATE_INT64(channels\[0\]\.next_transition_time,/{n;a\        VMSTATE_UINT32_V(channels[1].irq_disabled, PITCommonState, 4),
}'
}

# CPU state: reaches migration through SysemuCPUOps.legacy_vmsd, not -dump-vmstate.
change_cpu-field() {
	echo "x86 CPU (vmstate_x86_cpu): field env.old_exception added at the end, no version bump"
	mt_edit target/i386/machine.c \
		'/VMSTATE_YMMH_REGS_VARS(env\.xmm_regs, X86CPU, 0, 12),/a\        VMSTATE_INT32(env.old_exception, X86CPU),'
}

# State registered with vmstate_register() ("timer"), also absent from -dump-vmstate.
change_timer-field() {
	echo "timer (vmstate_register): field cpu_ticks_prev added at the end, no version bump"
	mt_edit system/cpu-timers.c \
		'/VMSTATE_INT64_V(cpu_clock_offset, TimersState, 2),/a\        VMSTATE_INT64(cpu_ticks_prev, TimersState),'
}

# A new subsection: sent only when needed() says so.  Written for this test.
mt_subsection() { # NEEDED-EXPRESSION
	mt_edit hw/timer/i8254_common.c \
		"/^static const VMStateDescription vmstate_pit_common = {/i\\
static bool pit_migtest_needed(void *opaque)\\
{\\
    PITCommonState *s = opaque;\\
    return $1;\\
}\\
\\
static const VMStateDescription vmstate_pit_migtest = {\\
    .name = \"i8254/migtest\",\\
    .version_id = 1,\\
    .minimum_version_id = 1,\\
    .needed = pit_migtest_needed,\\
    .fields = (const VMStateField[]) {\\
        VMSTATE_UINT32(channels[2].irq_disabled, PITCommonState),\\
        VMSTATE_END_OF_LIST()\\
    }\\
};\\
" \
		'/\.post_load = pit_dispatch_post_load,/a\    .subsections = (const VMStateDescription * const []) { &vmstate_pit_migtest, NULL },'
}

change_subsection-off() {
	echo "i8254: subsection i8254/migtest added, needed() true only when channel 2's irq is disabled (not at reset)"
	mt_subsection 's->channels[2].irq_disabled != 0'
}

change_subsection-on() {
	echo "i8254: subsection i8254/migtest added, needed() true whenever channel 0 is in mode 0..5 (always)"
	mt_subsection 's->channels[0].mode <= 5'
}
