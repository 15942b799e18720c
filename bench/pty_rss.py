#!/usr/bin/env python3
"""Peak RSS of a full-screen program run to a given screen in an 80x24 pty.

Usage: pty_rss.py [--until TEXT] [--timeout S] -- COMMAND...

Starts COMMAND in a pseudo-terminal (TERM=xterm-256color, 80x24), reads its
output continuously, waits until TEXT appears in the output (or the program
exits, or --timeout seconds pass), quits it (F10, Enter, y; then SIGTERM and
SIGKILL as fallbacks) and prints one JSON object: the peak resident set size
from wait4 (ru_maxrss, KiB), CPU seconds, wall seconds, and whether TEXT was
seen. Used for `intake demo PERSONA --autoplay 0.01`, which plays the whole
interview and stops on the summary screen.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keys  # noqa: E402


def main():
    a = sys.argv[1:]
    if "--" not in a:
        sys.exit(__doc__)
    k = a.index("--")
    opts, cmd = a[:k], a[k + 1:]
    o = {"--until": "", "--timeout": "120"}
    for i in range(0, len(opts), 2):
        o[opts[i]] = opts[i + 1]
    until = o["--until"].encode()
    s = keys.Session(cmd, keys.ROWS, keys.COLS)
    t0 = time.monotonic()
    seen = False
    window = b""
    while s.alive() and time.monotonic() - t0 < float(o["--timeout"]):
        before = len(s.tail)
        s.read(0.1)
        window = (window + s.tail[-max(0, len(s.tail) - before):] if len(s.tail) > before else window)[-8000:]
        if until and until in s.tail:
            seen = True
            break
    wall = time.monotonic() - t0
    s.quiesce(0.2, 2.0)
    cpu = s.quit([b"\x1b[21~", b"\r", b"y"])
    print(json.dumps({"maxrss_kib": s.rusage.ru_maxrss, "cpu_s": round(cpu, 3), "wall_s": round(wall, 2),
                      "seen": seen, "exit_status": s.status}))


if __name__ == "__main__":
    main()
