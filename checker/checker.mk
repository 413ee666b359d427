# SPDX-License-Identifier: GPL-2.0-or-later
# The tools: each keeps its own rules.
include checker/common/common.mk
# Before check.mk: vmstate-check links the wire library.
-include checker/wire/wire.mk
-include checker/check/check.mk
-include checker/extract/extract.mk
-include checker/dumpcmp/dumpcmp.mk
-include checker/diff/diff.mk
-include checker/waiver/waiver.mk
