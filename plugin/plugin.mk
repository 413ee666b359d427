# SPDX-License-Identifier: GPL-2.0-or-later
# The GCC plugin build/vmstate.so: every plugin/*.cc (the QOM recorder's files too).

PLUGIN_CXX      ?= $(CXX)
PLUGIN_GCC      ?= $(CC)
PLUGIN_INCDIR   := $(shell $(PLUGIN_GCC) -print-file-name=plugin)/include
# jansson.h goes first in every unit: GCC 11's options.h defines warn_unused_result as a
# macro, which breaks jansson's attributes when it is included after GCC's headers.
PLUGIN_CXXFLAGS := -O2 -g -fPIC -fvisibility=hidden -fno-rtti -fno-exceptions -Wall -Wextra \
                   -Wno-unused-parameter -include jansson.h -I$(PLUGIN_INCDIR) -Iplugin
PLUGIN_SRCS     := $(sort $(wildcard plugin/*.cc))
PLUGIN_OBJS     := $(PLUGIN_SRCS:plugin/%.cc=$(BUILD)/plugin/%.o)
PLUGIN_SO       := $(BUILD)/vmstate.so

ALL_TARGETS     += $(PLUGIN_SO)
CHECK_TARGETS   += check-plugin
INSTALL_TARGETS += install-plugin

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

$(BUILD)/plugin/%.o: plugin/%.cc $(wildcard plugin/*.h) plugin/plugin.mk $(BUILD)/plugin/includes.ok
	@mkdir -p $(@D)
	$(PLUGIN_CXX) $(PLUGIN_CXXFLAGS) -MMD -MP -c $< -o $@

# Not linked with libstdc++: cc1 carries its own and exports operator new and delete, the
# only C++ run time the plugin uses (no exceptions, no RTTI).  Loading libstdc++.so, libm
# and libgcc_s into every compilation cost about 1 ms of CPU per unit.
$(PLUGIN_SO): $(PLUGIN_OBJS)
	$(PLUGIN_CXX) -shared -nodefaultlibs -o $@ $^ -ljansson -lc -lgcc

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

install-plugin: $(PLUGIN_SO)
	install -d $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(PLUGIN_SO) $(DESTDIR)$(PLUGINDIR)/vmstate.so
