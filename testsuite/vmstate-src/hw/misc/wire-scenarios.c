// SPDX-License-Identifier: GPL-2.0-or-later
/* One registered section per wire rule, each of which v2.patch changes in one way
 * (docs/scenarios.md, "Wire-level scenarios"): a rename, a swap, padding, subsections
 * with and without needed(), a field_exists test, a raised minimum version, a change
 * of encoding with the same bytes, a version bump, a rename whose test changes, padding
 * given to a new member.
 * Patterns: vmstate_register_any() and vmstate_register() at start-up. */
#include "qemu/osdep.h"
#include "migration/vmstate.h"

typedef struct WireState {
	uint32_t serial;
	uint32_t count;
	uint32_t lo;
	uint32_t hi;
	uint32_t legacy;
	uint32_t extra;
	uint64_t extra_wide;
	int32_t level;
	uint32_t tail;
	uint8_t flags;
} WireState;

static WireState wire_state;

/* The instance id "wire-instance" is registered under. */
#define WIRE_INSTANCE_ID 0

static const VMStateDescription vmstate_wire_rename = {
	.name = "wire-rename",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(serial, WireState),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_swap = {
	.name = "wire-swap",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(lo, WireState),
		VMSTATE_UINT32(hi, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_padding = {
	.name = "wire-padding",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_UINT32(legacy, WireState),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static bool wire_extra_needed(void *opaque)
{
	(void)opaque;
	return vmstate_test_condition;
}

static const VMStateDescription vmstate_wire_needed_extra = {
	.name = "wire-subsection-needed/extra",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = wire_extra_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(extra, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_subsection_needed = {
	.name = "wire-subsection-needed",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription * const []) {
		&vmstate_wire_needed_extra,
		NULL
	}
};

static bool wire_changed_extra_needed(void *opaque)
{
	(void)opaque;
	return vmstate_test_condition;
}

static const VMStateDescription vmstate_wire_changed_extra = {
	.name = "wire-subsection-changed/extra",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = wire_changed_extra_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(extra, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_subsection_changed = {
	.name = "wire-subsection-changed",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription * const []) {
		&vmstate_wire_changed_extra,
		NULL
	}
};

static const VMStateDescription vmstate_wire_subsection_always = {
	.name = "wire-subsection-always",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_field_exists = {
	.name = "wire-field-exists",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_min_version = {
	.name = "wire-min-version",
	.version_id = 3,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_encoding = {
	.name = "wire-encoding",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_INT32(level, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_instance = {
	.name = "wire-instance",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static bool wire_count_valid(void *opaque, int version_id)
{
	WireState *s = opaque;

	(void)version_id;
	return s->count <= 255;
}

static const VMStateDescription vmstate_wire_validator = {
	.name = "wire-validator",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_UINT32(serial, WireState),
		VMSTATE_VALIDATE("count in range", wire_count_valid),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_wire_version_bump = {
	.name = "wire-version-bump",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_END_OF_LIST()
	}
};

static bool wire_serial_exists(void *opaque, int version_id)
{
	(void)opaque;
	(void)version_id;
	return vmstate_test_condition;
}

/* v2 renames the field and gives it a test of its own (QEMU 10.0's esp "ti_cmd" became
 * "mig_ti_cmd" with another field_exists): the bytes agree, the tests need not. */
static const VMStateDescription vmstate_wire_rename_test = {
	.name = "wire-rename-test",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32_TEST(serial, WireState, wire_serial_exists),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

/* v2 gives the padding to a new member, which then loads v1's zeros. */
static const VMStateDescription vmstate_wire_padding_reused = {
	.name = "wire-padding-reused",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(count, WireState),
		VMSTATE_UNUSED(4),
		VMSTATE_UINT8(flags, WireState),
		VMSTATE_END_OF_LIST()
	}
};

void wire_scenarios_init(void);
void wire_scenarios_init(void)
{
	vmstate_register_any(NULL, &vmstate_wire_rename, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_swap, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_padding, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_subsection_needed, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_subsection_always, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_subsection_changed, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_field_exists, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_min_version, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_encoding, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_version_bump, &wire_state);
	vmstate_register(NULL, WIRE_INSTANCE_ID, &vmstate_wire_instance, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_validator, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_rename_test, &wire_state);
	vmstate_register(NULL, 0, &vmstate_wire_padding_reused, &wire_state);
}
