#!/usr/bin/env python3
"""Which parts of a running intake binary are resident in memory.

Usage: resident_pages.py PID BINARY

Reads /proc/PID/pagemap for the mappings of BINARY, and attributes every
resident page to an ELF section (readelf -S) and, in .text, to the Swift
module or C library of the symbol it belongs to (nm); in .rodata, to the
symbol. Used to find what made the demo's peak RSS: run the demo in tmux,
let it reach the summary screen, then run this on its pid.
"""
import bisect
import collections
import re
import struct
import subprocess
import sys


def module(name):
    m = re.match(r"_?\$s(\d+)([A-Za-z_]+)", name)
    if m:
        return m.group(2)[: int(m.group(1))]
    for prefix, label in (("_Z", "C++"), ("swift_", "Swift runtime"), ("_swift", "Swift runtime"), ("yaml_", "libyaml"),
                          ("CCryptoBoringSSL", "BoringSSL"), ("sqlite3", "SQLite"), ("u_", "ICU"), ("CF", "CoreFoundation"),
                          ("__CF", "CoreFoundation")):
        if name.startswith(prefix):
            return label
    return "other"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pid, binary = int(sys.argv[1]), sys.argv[2]
    base, resident = None, []
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in open(f"/proc/{pid}/maps"):
            parts = line.split()
            if len(parts) < 6 or not parts[5].endswith(binary.split("/")[-1]):
                continue
            start, end = (int(x, 16) for x in parts[0].split("-"))
            if base is None:
                base = start - int(parts[2], 16)
            for page in range(start, end, 4096):
                pagemap.seek(page // 4096 * 8)
                if struct.unpack("Q", pagemap.read(8))[0] >> 63:
                    resident.append(page - base)
    sections = []
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if m:
            sections.append((int(m.group(2), 16), int(m.group(3), 16), m.group(1)))
    addrs, names = [], []
    for line in subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
        p = line.split(" ", 2)
        if len(p) == 3:
            try:
                addrs.append(int(p[0], 16))
                names.append(p[2])
            except ValueError:
                pass
    by_section, by_module, by_rodata = collections.Counter(), collections.Counter(), collections.Counter()
    for r in resident:
        sec = next((n for a, size, n in sections if a <= r < a + size), "?")
        by_section[sec] += 1
        i = bisect.bisect_right(addrs, r) - 1
        if sec == ".text":
            by_module[module(names[i]) if i >= 0 else "?"] += 1
        elif sec == ".rodata":
            by_rodata[names[i][:60] if i >= 0 else "?"] += 1
    print(f"{len(resident)} resident pages ({len(resident) * 4 / 1024:.1f} MiB) of {binary}")
    for title, counter in (("by section", by_section), (".text by module", by_module), (".rodata by symbol", by_rodata)):
        print(f"\n{title}:")
        for k, v in counter.most_common(15):
            print(f"  {v * 4:6d} KiB  {k}")


if __name__ == "__main__":
    main()
