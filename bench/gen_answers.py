#!/usr/bin/env python3
"""Generate answer files for the batch-summary benchmark.

Usage: gen_answers.py COUNT PERSONAS_DIR OUTDIR [QUESTIONNAIRE_ID]

Writes COUNT answer files (docs/answer-file-format.md) into OUTDIR, made from
the persona files in PERSONAS_DIR that use QUESTIONNAIRE_ID (default
trafficking-screening): file k is persona k mod P, unchanged for the first P
files and otherwise varied (deterministically): about 15% of its yes/no
answers flipped, numbers moved a little. The `persona:` block (name, story,
expected result) is dropped from variations, since a varied file no longer
has that expected result. Lines are edited as text so every scalar keeps
its exact YAML spelling (a YAML 1.1 round trip would turn `yes` into `true`).
"""
import os
import random
import re
import sys


def load(path):
    return open(path, encoding="utf-8").read().split("\n")


def drop_persona(lines):
    out, skipping = [], False
    for ln in lines:
        if re.match(r"^persona:", ln):
            skipping = True
            continue
        if skipping and (ln.startswith(" ") or ln == ""):
            continue
        skipping = False
        out.append(ln)
    return out


def vary(lines, rng):
    out, in_answers = [], False
    for ln in lines:
        if re.match(r"^\S", ln):
            in_answers = ln.startswith("answers:")
        if in_answers:
            m = re.match(r"^(\s+\w+): (yes|no)\s*$", ln)
            if m and rng.random() < 0.15:
                ln = f"{m.group(1)}: {'no' if m.group(2) == 'yes' else 'yes'}"
            m = re.match(r"^(\s+\w+): (\d+)\s*$", ln)
            if m:
                v = max(0, int(m.group(2)) + rng.randint(-2, 2))
                ln = f"{m.group(1)}: {v}"
        out.append(ln)
    return out


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    count, pdir, outdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    qid = sys.argv[4] if len(sys.argv) == 5 else "trafficking-screening"
    personas = []
    for name in sorted(os.listdir(pdir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        lines = load(os.path.join(pdir, name))
        if any(ln.strip() == f"questionnaire: {qid}" for ln in lines):
            personas.append((name.rsplit(".", 1)[0], lines))
    if not personas:
        sys.exit(f"gen_answers: no persona in {pdir} uses {qid}")
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".yaml"):
            os.remove(os.path.join(outdir, f))
    rng = random.Random(20261129)
    for k in range(count):
        name, lines = personas[k % len(personas)]
        if k >= len(personas):
            lines = vary(drop_persona(lines), rng)
        with open(os.path.join(outdir, f"{k:05d}-{name}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    print(f"gen_answers: {count} files from {len(personas)} personas in {outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
