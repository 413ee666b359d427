# SPDX-License-Identifier: GPL-2.0-or-later
# The GCC plugin build/vmstate.so: every plugin/*.cc (the QOM recorder's files too).

PLUGIN_GCC      ?= $(CC)
# The C++ compiler of the same GCC (gcc-14 -> g++-14): a plugin is compiled by the GCC
# whose headers it includes.
PLUGIN_CXX      ?= $(if $(findstring gcc,$(notdir $(PLUGIN_GCC))),$(subst gcc,g++,$(PLUGIN_GCC)),$(CXX))
# GCC's own plugin directory: its headers, and where -fplugin=vmstate finds vmstate.so.
GCC_PLUGINDIR   ?= $(shell $(PLUGIN_GCC) -print-file-name=plugin)
PLUGIN_INCDIR   := $(GCC_PLUGINDIR)/include
# jansson.h goes first in every unit: GCC 11's options.h defines warn_unused_result as a
# macro, which breaks jansson's attributes when it is included after GCC's headers.
PLUGIN_CXXFLAGS := -O2 -g -fPIC -fvisibility=hidden -fno-rtti -fno-exceptions -Wall -Wextra \
                   -Wno-unused-parameter -include jansson.h -I$(PLUGIN_INCDIR) -Iplugin
PLUGIN_SRCS     := $(sort $(wildcard plugin/*.cc))
PLUGIN_OBJS     := $(PLUGIN_SRCS:plugin/%.cc=$(BUILD)/plugin/%.o)
PLUGIN_SO       := $(BUILD)/vmstate.so
OBJCOPY         ?= objcopy

ALL_TARGETS     += $(PLUGIN_SO)
CHECK_TARGETS   += check-plugin
INSTALL_TARGETS += install-plugin

# Which GCC the objects were compiled for: `make install CC=gcc-14` after `make` must
# rebuild the plugin, not install the one built for the other GCC.
PLUGIN_GCC_ID   := $(PLUGIN_GCC) $(PLUGIN_CXX) $(PLUGIN_INCDIR) \
                   $(shell $(PLUGIN_CXX) -dumpfullversion 2>/dev/null)
$(BUILD)/plugin/gcc-id: FORCE
	@mkdir -p $(@D)
	@echo '$(PLUGIN_GCC_ID)' | cmp -s - $@ || echo '$(PLUGIN_GCC_ID)' >$@
.PHONY: FORCE

# gcc-compat.h is the only file that includes GCC's headers: every other quoted include
# must name a file of plugin/ (and gcc-compat.h refuses to follow a GCC header).
PLUGIN_OWN_HEADERS := $(notdir $(wildcard plugin/*.h))
plugin_nothing :=
plugin_space := $(plugin_nothing) $(plugin_nothing)
PLUGIN_INCLUDE_OK := $(subst $(plugin_space),\|,$(PLUGIN_OWN_HEADERS))
$(BUILD)/plugin/includes.ok: $(PLUGIN_SRCS) $(wildcard plugin/*.h) plugin/plugin.mk
	@mkdir -p $(@D)
	@bad=$$(grep -H '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' \
		$(filter-out plugin/gcc-compat.h,$(PLUGIN_SRCS) $(wildcard plugin/*.h)) \
		| grep -v -e '"\($(PLUGIN_INCLUDE_OK)\)"'); \
	if [ -n "$$bad" ]; then \
		echo "plugin: only plugin/gcc-compat.h may include GCC's headers:" >&2; \
		echo "$$bad" >&2; exit 1; fi
	@touch $@

$(BUILD)/plugin/%.o: plugin/%.cc $(wildcard plugin/*.h) plugin/plugin.mk $(BUILD)/plugin/includes.ok \
		$(BUILD)/plugin/gcc-id
	@mkdir -p $(@D)
	$(PLUGIN_CXX) $(PLUGIN_CXXFLAGS) -MMD -MP -c $< -o $@

# Not linked with libstdc++: cc1 carries its own and exports operator new and delete, the
# only C++ run time the plugin uses (no exceptions, no RTTI).  Loading libstdc++.so, libm
# and libgcc_s into every compilation cost about 1 ms of CPU per unit.
# Every symbol is made weak first: GCC loads a plugin with RTLD_NOW, and in another GCC
# a function that GCC lacks (GCC 15's ggc_internal_cleared_alloc_no_dtor in GCC 12)
# would stop dlopen with "undefined symbol" before plugin_init could say which GCC the
# plugin is for.  Weak, it stays NULL, and plugin_init refuses before anything calls it.
# --no-as-needed: with weak references only, ld would leave out jansson and libc.
$(PLUGIN_SO): $(PLUGIN_OBJS)
	@mkdir -p $(BUILD)/plugin/weak
	@for o in $^; do $(OBJCOPY) --weaken $$o $(BUILD)/plugin/weak/$${o##*/} || exit 1; done
	$(PLUGIN_CXX) -shared -nodefaultlibs -o $@ $(PLUGIN_OBJS:$(BUILD)/plugin/%=$(BUILD)/plugin/weak/%) \
		-Wl,--no-as-needed -ljansson -lc -lgcc

-include $(PLUGIN_OBJS:.o=.d)

.PHONY: check-plugin install-plugin
check-plugin: $(PLUGIN_SO)
	@testsuite/plugin/run-tests.sh $(abspath $(PLUGIN_SO)) $(PLUGIN_GCC) \
		$(abspath $(BUILD))/testsuite/plugin

# The same plugin sources built for and tested with GCC 11, where it is installed
# (Debian 12: apt-get install gcc-11 g++-11 gcc-11-plugin-dev).
PLUGIN11_INCDIR := $(shell gcc-11 -print-file-name=plugin 2>/dev/null)/include
ifneq ($(wildcard $(PLUGIN11_INCDIR)/plugin-version.h),)
ifneq ($(shell command -v g++-11),)
CHECK_TARGETS   += check-plugin-gcc11
.PHONY: check-plugin-gcc11
check-plugin-gcc11:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/gcc11 PLUGIN_CXX=g++-11 PLUGIN_GCC=gcc-11 \
		$(BUILD)/gcc11/vmstate.so check-plugin
endif
endif

# Twice: where GCC looks for -fplugin=vmstate (its own plugin directory, so one plugin
# per installed GCC: `make install CC=gcc-14`), and at the explicit path
# $(PLUGINDIR)/vmstate.so, which holds the one built for the GCC installed last.
install-plugin: $(PLUGIN_SO)
	@case '$(GCC_PLUGINDIR)' in /*) ;; *) echo "install-plugin: $(PLUGIN_GCC) has no plugin" \
		"directory ($(PLUGIN_GCC) -print-file-name=plugin gives '$(GCC_PLUGINDIR)')" >&2; exit 1 ;; esac
	install -d $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(GCC_PLUGINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(PLUGIN_SO) $(DESTDIR)$(GCC_PLUGINDIR)/vmstate.so
	install -m 644 $(PLUGIN_SO) $(DESTDIR)$(PLUGINDIR)/vmstate.so

# The GCC matrix (docs/gcc-matrix.md); not part of `make check`.  GCC is 11 to 15: 11 and
# 12 from the host, 13 and 14 in a Debian trixie root, 15 in a sid root
# (scripts/gcc/roots.sh makes them).
GCC ?= 14
.PHONY: gcc-roots check-gcc torture gcc-matrix
gcc-matrix:
	scripts/gcc/matrix.sh
gcc-roots:
	scripts/gcc/roots.sh
check-gcc:
	scripts/gcc/check-gcc.sh $(GCC)
torture:
	scripts/gcc/torture.sh $(GCC)
# QEMU's fidelity run (make fidelity) with everything built by GCC N in its root.
.PHONY: fidelity-gcc
fidelity-gcc:
	scripts/gcc/fidelity.sh $(GCC) $(or $(QEMU),10.0) $(or $(TARGET),x86_64)
