#!/usr/bin/env bash
# Quick start: installs what is missing, builds intake, and starts the
# interview on the bundled questionnaire. Extra arguments go to intake.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
mapfile -t flags < <(grep -v '^#' scripts/release-flags)
swift build "${flags[@]}" --product intake >&2
exec "$(swift build "${flags[@]}" --show-bin-path)/intake" --data-dir "$PWD" "$@"
