#!/usr/bin/env bash
# The whole test suite: unit tests (swift test), gettext round trips, and the
# end-to-end tests that drive the real binary in tmux. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
export INTAKE_TEST_ROOT="$PWD"
swift build --build-tests
swift test --skip-build
swift build --product intake
tests/e2e/run.sh .build/debug/intake
