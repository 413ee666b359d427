# SPDX-License-Identifier: GPL-2.0-or-later
# contrib/: the pre-commit hook, the CI script and the GitLab CI job for vmstate-diff,
# installed as examples under $(DOCDIR)/contrib; their tests (check-contrib).
.PHONY: install-contrib check-contrib ci-lint-tools
install-contrib:
	install -d $(DESTDIR)$(DOCDIR)/contrib
	install -m 755 contrib/vmstate-pre-commit contrib/vmstate-ci.sh $(DESTDIR)$(DOCDIR)/contrib/
	install -m 644 contrib/gitlab-ci-vmstate.yml contrib/qemu.vmstate-diff $(DESTDIR)$(DOCDIR)/contrib/
INSTALL_TARGETS += install-contrib

# The GitLab CI job is checked with gitlab-ci-local, which ships GitLab's CI JSON schema
# and evaluates rules offline.  4.65.1 is the newest release that runs on Node 18 and
# 20 (Debian 12 has 18).  `make ci-lint-tools` installs it into the cache; without it
# check-contrib skips that part and says so.
GITLAB_CI_LOCAL_VERSION := 4.65.1
CI_LINT_PREFIX := $(VMSTATE_CACHE)/tools/npm
GITLAB_CI_LOCAL ?= $(firstword $(wildcard $(CI_LINT_PREFIX)/node_modules/.bin/gitlab-ci-local) \
	$(shell command -v gitlab-ci-local 2>/dev/null))
# QEMU's own .gitlab-ci.d (base.yml, stages.yml), from the source make qemu-fetch unpacks.
CI_LINT_QEMU ?= $(shell cat $(VMSTATE_CACHE)/debian-src/qemu-10.0.srcdir 2>/dev/null || \
	echo $(VMSTATE_CACHE)/src/qemu-10.0)

ci-lint-tools:
	npm install --no-audit --no-fund --prefix $(CI_LINT_PREFIX) gitlab-ci-local@$(GITLAB_CI_LOCAL_VERSION)

# On a fresh machine check-contrib installs the linter first when npm can reach its
# registry, so that CI checks the job instead of skipping.
check-contrib:
	@sh contrib/vmstate-ci-test.sh $(abspath $(BUILD))/contrib-tests
	@lint="$(GITLAB_CI_LOCAL)"; \
	if [ -z "$$lint" ] && command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory ci-lint-tools >/dev/null 2>&1 || \
			echo "check-contrib: could not install gitlab-ci-local" >&2; \
		[ -x $(CI_LINT_PREFIX)/node_modules/.bin/gitlab-ci-local ] && \
			lint=$(CI_LINT_PREFIX)/node_modules/.bin/gitlab-ci-local; \
	fi; \
	if [ -n "$$lint" ]; then \
		sh contrib/gitlab-ci-test.sh "$$lint" "$(CI_LINT_QEMU)" $(abspath $(BUILD))/contrib-tests; \
	else \
		echo "check-contrib: SKIP: contrib/gitlab-ci-vmstate.yml against GitLab's CI schema" \
			"(no gitlab-ci-local: make ci-lint-tools)"; \
	fi
CHECK_TARGETS += check-contrib
