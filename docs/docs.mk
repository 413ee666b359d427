# SPDX-License-Identifier: GPL-2.0-or-later
# The user documentation: every page of docs/ with the README and the license, into
# $(DOCDIR); the man pages of every tool, with the version and $(DOCDIR) written in.
# check-docs installs into a scratch DESTDIR and checks what a user gets.

# The project's one version, defined in plugin/vmstate-plugin.h; the C tools print it
# from there, the man pages and the shell tools get it here.
VMSTATE_VERSION := $(shell sed -n 's/^\#define VMSTATE_PLUGIN_VERSION "\(.*\)"$$/\1/p' plugin/vmstate-plugin.h)
MAN_PAGES := $(wildcard docs/man/*.1)
MAN_BUILT := $(MAN_PAGES:docs/man/%=$(BUILD)/man/%)

$(BUILD)/man/%.1: docs/man/%.1 plugin/vmstate-plugin.h docs/docs.mk | $(BUILD)
	@mkdir -p $(@D)
	sed -e 's|@VERSION@|$(VMSTATE_VERSION)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' $< >$@.tmp && mv $@.tmp $@

# The pages name $(DOCDIR): rebuilt when it changes.
$(BUILD)/man/.docdir: FORCE | $(BUILD)
	@mkdir -p $(@D)
	@echo '$(DOCDIR)' | cmp -s - $@ || echo '$(DOCDIR)' >$@
$(MAN_BUILT): $(BUILD)/man/.docdir
.PHONY: FORCE
FORCE:

.PHONY: install-docs install-man check-docs
install-docs:
	install -d $(DESTDIR)$(DOCDIR)
	install -m 644 README.md COPYING $(wildcard docs/*.md) $(DESTDIR)$(DOCDIR)/
install-man: $(MAN_BUILT)
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(MAN_BUILT) $(DESTDIR)$(MANDIR)/man1/

check-docs:
	@sh docs/docs-test.sh $(abspath $(BUILD))/docs-test

ALL_TARGETS     += $(MAN_BUILT)
INSTALL_TARGETS += install-docs install-man
CHECK_TARGETS   += check-docs
