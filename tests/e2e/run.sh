#!/usr/bin/env bash
# Runs every tests/e2e/*.test.sh against the intake binary given as $1 and
# prints "e2e: N passed, N failed". Each test gets INTAKE (the binary), ROOT
# (the checkout) and a private TMPDIR, and fails by exiting non-zero.
set -uo pipefail
bin=$(realpath "${1:?usage: tests/e2e/run.sh path/to/intake}")
root=$(cd "$(dirname "$0")/../.." && pwd)
passed=0; failed=0; failures=()
for t in "$root"/tests/e2e/*.test.sh; do
  [[ -e $t ]] || continue
  name=$(basename "$t" .test.sh)
  dir=$(mktemp -d)
  chmod 700 "$dir"
  if INTAKE="$bin" ROOT="$root" TMPDIR="$dir" timeout 300 bash "$t" >"$dir/log" 2>&1; then
    passed=$((passed + 1)); echo "✔ e2e $name"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "✘ e2e $name"; sed 's/^/    /' "$dir/log" | tail -40
  fi
  rm -rf "$dir"
done
echo "e2e: $passed passed, $failed failed"
((failed == 0))
