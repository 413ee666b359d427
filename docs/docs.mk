# SPDX-License-Identifier: GPL-2.0-or-later
# The user documentation: every page of docs/, with the README and the license.
# (Each tool installs its own man page.)
INSTALL_TARGETS += install-docs

.PHONY: install-docs
install-docs:
	install -d $(DESTDIR)$(DOCDIR)
	install -m 644 README.md COPYING $(wildcard docs/*.md) $(DESTDIR)$(DOCDIR)/
