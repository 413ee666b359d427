# SPDX-License-Identifier: GPL-2.0-or-later
# contrib/: the pre-commit hook, the CI script and job example for vmstate-diff.
.PHONY: install-contrib
install-contrib:
	install -d $(DESTDIR)$(DOCDIR)/contrib
	install -m 755 contrib/vmstate-pre-commit contrib/vmstate-ci.sh $(DESTDIR)$(DOCDIR)/contrib/
	install -m 644 contrib/gitlab-ci-vmstate.yml contrib/qemu.vmstate-diff $(DESTDIR)$(DOCDIR)/contrib/
INSTALL_TARGETS += install-contrib
