# Conveniences around SwiftPM. The quick start in README.md needs only
# scripts/run.sh and scripts/test.sh; `make install` puts intake and its data
# under PREFIX so that it runs from any folder, built with the release
# settings in scripts/release-flags.
PREFIX ?= /usr/local
SWIFT_RELEASE_FLAGS ?= $(shell grep -v '^\#' scripts/release-flags)

.PHONY: build release release-collection test run install install-collection uninstall bench clean

build:
	swift build

release:
	swift build $(SWIFT_RELEASE_FLAGS) --product intake

# The collection programs that `intake server`, `intake sessions submit` and
# `intake org pull` run from beside intake (they hold the network code).
release-collection:
	swift build $(SWIFT_RELEASE_FLAGS) --product intake-server
	swift build $(SWIFT_RELEASE_FLAGS) --product intake-sync

test:
	scripts/test.sh

run:
	scripts/run.sh

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/intake/questionnaires" "$(DESTDIR)$(PREFIX)/share/intake/locales" "$(DESTDIR)$(PREFIX)/share/intake/personas" "$(DESTDIR)$(PREFIX)/share/intake/directories"
	install -s -m 0755 "$$(swift build $(SWIFT_RELEASE_FLAGS) --show-bin-path)/intake" "$(DESTDIR)$(PREFIX)/bin/intake"
	install -m 0644 questionnaires/*.yaml "$(DESTDIR)$(PREFIX)/share/intake/questionnaires/"
	install -m 0644 locales/*.po locales/*.yaml "$(DESTDIR)$(PREFIX)/share/intake/locales/"
	install -m 0644 personas/*.yaml "$(DESTDIR)$(PREFIX)/share/intake/personas/"
	install -m 0644 directories/*.yaml "$(DESTDIR)$(PREFIX)/share/intake/directories/"

install-collection: release-collection
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -s -m 0755 "$$(swift build $(SWIFT_RELEASE_FLAGS) --show-bin-path)/intake-server" "$(DESTDIR)$(PREFIX)/bin/intake-server"
	install -s -m 0755 "$$(swift build $(SWIFT_RELEASE_FLAGS) --show-bin-path)/intake-sync" "$(DESTDIR)$(PREFIX)/bin/intake-sync"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/intake" "$(DESTDIR)$(PREFIX)/bin/intake-server" "$(DESTDIR)$(PREFIX)/bin/intake-sync"
	rm -rf "$(DESTDIR)$(PREFIX)/share/intake"

bench:
	bench/run.sh

clean:
	rm -rf .build
