#!/bin/sh
# Writes scripts/link-order.txt: the functions a keystroke runs, then those
# the persona demo runs, which the release build's linker places first and
# together (see the intake
# target in Package.swift and bench/README.md, "Issue 19, round 3").
#
#   scripts/link-order.sh BINARY      (a release build: .build-bench/release/intake)
#
# Runs `intake demo domestic-passport-debt --autoplay 0.01` to its summary
# screen under callgrind (about 20 s), in an 80x24 pty, with a warm cache of
# compiled files in a temporary folder (as an interview usually starts), and lists every function that ran,
# by its symbol name. Needs valgrind and python3. Regenerate after large
# changes to the code: names that no longer exist are ignored by the linker,
# and new functions are only placed after the listed ones, so a stale list
# costs memory, never correctness.
set -eu
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strip --strip-debug -o "$tmp/intake" "$bin"   # valgrind cannot read Swift 6.3's DWARF
export XDG_CACHE_HOME="$tmp/cache"
# The cache is written under valgrind too: the compiled files are keyed by
# the running executable's size and time, and under valgrind that is the
# tool's own executable (callgrind's, so the warming run uses callgrind too).
python3 "$root/bench/pty_rss.py" --until "saves the summary" --timeout 120 -- \
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file=/dev/null "$tmp/intake" run --ready-only --data-dir "$root" >/dev/null
python3 "$root/bench/pty_rss.py" --until "saves the summary" --timeout 300 -- \
  valgrind --tool=callgrind --demangle=no --log-file="$tmp/cg.log" --callgrind-out-file="$tmp/cg.out" \
  "$tmp/intake" demo domestic-passport-debt --autoplay 0.01 --data-dir "$root" >/dev/null
# The keystroke loop alone (up and down on a question, the run loop only),
# listed first: a key runs a few hundred functions, and placed together
# they share pages of the instruction cache and the TLB with each other
# instead of with the start-up code around them.
python3 "$root/bench/keys.py" --keys 300 --key-wait 0.2 --profile late --mark "callgrind_control -z $tmp/intake >/dev/null 2>&1" -- \
  valgrind -q --tool=callgrind --demangle=no --toggle-collect='*RunnerC3run*' --callgrind-out-file="$tmp/keys.out" \
  "$tmp/intake" run --ephemeral --data-dir "$root" >/dev/null
python3 - "$root/scripts/link-order.txt" "$tmp"/keys.out* "$tmp/cg.out" <<'PYEOF'
import re, sys
seen, out = set(), []
for path in sys.argv[2:]:
    names = {}
    for line in open(path):
        m = re.match(r"c?fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        if m.group(2):
            names[m.group(1)] = m.group(2)
        if not line.startswith("fn="):
            continue
        name = re.sub(r"'\d+$", "", names.get(m.group(1), ""))  # callgrind marks recursion levels with 'N
        if name and not name.startswith("0x") and name not in seen:
            seen.add(name)
            out.append(name)
open(sys.argv[1], "w").write("\n".join(out) + "\n")
print(f"{len(out)} functions written to {sys.argv[1]}")
PYEOF
