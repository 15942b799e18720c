#!/usr/bin/env python3
"""Runs commands under bench/ptyrun in turn (A B C A B C ...) and prints
medians of wall time, CPU time and peak memory, and each command's ratio to
the first, taken run by run so that drift on a shared machine cancels.

    bench/ptypair.py PTYRUN RUNS NAME=CMD [NAME=CMD ...]   (CMD split like a shell)

Prints a Markdown table and, with --json FILE, writes every run's figures.
"""
import json
import shlex
import statistics
import subprocess
import sys


def main() -> None:
    args = sys.argv[1:]
    out_json = None
    if "--json" in args:
        i = args.index("--json")
        out_json = args[i + 1]
        del args[i:i + 2]
    ptyrun, runs, pairs = args[0], int(args[1]), args[2:]
    cmds = [(p.split("=", 1)[0], shlex.split(p.split("=", 1)[1])) for p in pairs]
    data = {name: [] for name, _ in cmds}
    for _ in range(2):  # warm-up: page cache, not counted
        for _, cmd in cmds:
            subprocess.run([ptyrun, *cmd], capture_output=True, check=True)
    for _ in range(runs):
        for name, cmd in cmds:
            line = subprocess.run([ptyrun, *cmd], capture_output=True, text=True, check=True).stdout.split()
            wall, cpu, rss, status = (int(x) for x in line)
            if status != 0:
                sys.exit(f"{name}: exit {status}")
            data[name].append({"wall_ms": wall / 1000, "cpu_ms": cpu / 1000, "rss_mib": rss / 1024})
    base = cmds[0][0]
    summary = {}
    print(f"| command ({runs} runs, medians) | wall ms | CPU ms | peak MiB | wall / {base} | CPU / {base} |")
    print("|---|---|---|---|---|---|")
    for name, _ in cmds:
        d = data[name]
        med = {k: statistics.median(r[k] for r in d) for k in ("wall_ms", "cpu_ms", "rss_mib")}
        ratio = {k: statistics.median(a[k] / b[k] for a, b in zip(d, data[base]) if b[k] > 0)
                 for k in ("wall_ms", "cpu_ms")}
        summary[name] = {"median": med, "ratio": ratio}
        print(f"| {name} | {med['wall_ms']:.1f} | {med['cpu_ms']:.1f} | {med['rss_mib']:.1f} "
              f"| {ratio['wall_ms']:.2f}x | {ratio['cpu_ms']:.2f}x |")
    if out_json:
        json.dump({"runs": data, "summary": summary}, open(out_json, "w"), indent=1)


if __name__ == "__main__":
    main()
