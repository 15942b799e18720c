#!/usr/bin/env bash
# Quick start: installs what is missing, builds intake, and starts the
# interview on the bundled questionnaire. Extra arguments go to intake.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
swift build -c release --product intake >&2
exec .build/release/intake --data-dir "$PWD" "$@"
