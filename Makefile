# SPDX-License-Identifier: GPL-2.0-or-later
# Root Makefile of vmstate-plugin.
#
# Each component keeps its rules in its own fragment (*.mk) and adds itself to the
# lists below; this file only holds what they share.  Everything built goes to build/.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/vmstate-plugin
PLUGINDIR ?= $(LIBDIR)/vmstate-plugin

CC      ?= gcc
CXX     ?= g++
CFLAGS  ?= -O2 -g
WARN_CFLAGS := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
STD_CFLAGS  := -std=c11 -D_GNU_SOURCE

BUILD   := build
# Where long-running targets (QEMU sources, QEMU builds, references) keep their downloads.
VMSTATE_CACHE ?= $(HOME)/.cache/vmstate-plugin
export VMSTATE_CACHE

# Components append to these.
ALL_TARGETS     :=
CHECK_TARGETS   :=
INSTALL_TARGETS :=
CLEAN_FILES     :=

.PHONY: all check install clean deps demo bench
all: deps-build

# The README promises that `make demo` and `make check` work on a fresh Debian 12
# machine: they install the Debian packages they need when those are missing.
.PHONY: deps-build deps-check
deps-build:
	@scripts/deps.sh build
deps-check:
	@scripts/deps.sh check

$(BUILD):
	@mkdir -p $@

include checker/checker.mk
include plugin/plugin.mk
include testsuite/vmstate-src/vmstate-src.mk
include testsuite/migtest/migtest.mk
include scripts/qemu.mk
include scripts/scripts.mk
include contrib/contrib.mk
include docs/docs.mk

all: $(ALL_TARGETS)
demo: deps-build

check: deps-check all
	@$(MAKE) --no-print-directory $(CHECK_TARGETS)
	@echo "make check: all test groups passed ($(CHECK_TARGETS))"

install: all $(INSTALL_TARGETS)

clean:
	rm -rf $(BUILD) $(CLEAN_FILES)
