#!/usr/bin/env python3
"""Writes Sources/IntakeCore/Text/WidthTables.swift from the Unicode data files.

The tables are what `DisplayWidth` and `Wrap` measure and break text with:

- wide: East_Asian_Width W or F (EastAsianWidth.txt, with the file's own
  defaults for unlisted code points in the CJK ideograph blocks), and, as
  glibc adds, the circled numbers U+3248..U+324F and the Yijing hexagrams
  U+4DC0..U+4DFF: two columns.
- zeroWidth: general category Mn, Me or Cf (DerivedGeneralCategory.txt),
  except U+00AD SOFT HYPHEN and the Prepended_Concatenation_Mark signs
  (PropList.txt: Arabic number sign U+0600 and the like, drawn above the
  digits after them but taking a column), plus the Hangul jungseong and jongseong
  U+1160..U+11FF and U+D7B0..U+D7FF. This is the rule of glibc's wcwidth
  (localedata/unicode-gen/utf8_gen.py), which xterm, tmux, the Linux console
  and curses follow. Spacing marks (Mc, e.g. Devanagari AA U+093E, Khmer AA
  U+17B6) and Thai SARA AM U+0E33 (Lo) are not listed, so they take one
  column of their own, as glibc says.
- extendedPictographic: Extended_Pictographic (emoji/emoji-data.txt), for
  telling an emoji ZWJ sequence from a ZERO WIDTH JOINER inside Indic text.
- breaksBetweenClusters: Line_Break ID, H2, H3, JL, JV, JT or CJ
  (LineBreak.txt, with its default ID ranges): ideographs, kana and Hangul,
  where a line may break between any two clusters. Every other script breaks
  at spaces (Thai, Lao, Khmer and Burmese write none between words, so a run
  wider than the line breaks between clusters as a last resort).

Usage: scripts/gen-width-tables.py [--data DIR] [--output FILE]
DIR defaults to /usr/share/unicode (Debian's unicode-data package); FILE to
the Swift file above ("-" for standard output). Controls (C0, C1, DEL) and
U+0000..U+02FF are measured in code, not here.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "IntakeCore", "Text", "WidthTables.swift")


def parse(path, wanted):
    """(lo, hi) ranges whose property value (second field) is in `wanted`."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            if fields[1] not in wanted:
                continue
            cps = fields[0].split("..")
            lo = int(cps[0], 16)
            hi = int(cps[-1], 16)
            out.append((lo, hi))
    return out


def version(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    m = re.search(r"-(\d+\.\d+\.\d+)\.txt", first)
    if not m:
        sys.exit(f"{path}: no Unicode version on its first line")
    return m.group(1)


def merge(ranges):
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def subtract(ranges, holes):
    points = set()
    for lo, hi in ranges:
        points.update(range(lo, hi + 1))
    for lo, hi in holes:
        points.difference_update(range(lo, hi + 1))
    return merge((p, p) for p in points)


def clip(ranges, start):
    """Drops what lies below `start` (those code points are measured in code)."""
    return [(max(lo, start), hi) for lo, hi in ranges if hi >= start]


def swift_table(name, doc, ranges):
    lines = [f"    /// {doc}", f"    static let {name}: [UInt32] = ["]
    row = []
    for lo, hi in ranges:
        row.append(f"0x{lo:X}, 0x{hi:X},")
        if len(row) == 4:
            lines.append("        " + " ".join(row))
            row = []
    if row:
        lines.append("        " + " ".join(row))
    lines.append("    ]")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/usr/share/unicode")
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    args = ap.parse_args()
    d = args.data
    eaw = os.path.join(d, "EastAsianWidth.txt")
    gc = os.path.join(d, "extracted", "DerivedGeneralCategory.txt")
    lb = os.path.join(d, "LineBreak.txt")
    emoji = os.path.join(d, "emoji", "emoji-data.txt")
    versions = {version(p) for p in (eaw, gc, lb, os.path.join(d, "PropList.txt"))}
    if len(versions) != 1:
        sys.exit(f"Unicode data files of different versions: {sorted(versions)}")
    uv = versions.pop()

    # EastAsianWidth.txt: unlisted code points in these blocks default to W.
    cjk_defaults = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]
    zero = parse(gc, {"Mn", "Me", "Cf"}) + [(0x1160, 0x11FF), (0xD7B0, 0xD7FF)]
    prepended = parse(os.path.join(d, "PropList.txt"), {"Prepended_Concatenation_Mark"})
    zero = clip(subtract(zero, [(0x00AD, 0x00AD)] + prepended), 0x300)
    wide = merge(parse(eaw, {"W", "F"}) + cjk_defaults + [(0x3248, 0x324F), (0x4DC0, 0x4DFF)])
    # A zero-width mark inside a wide block (U+302A..U+302D, U+3099) stays zero.
    wide = clip(subtract(wide, zero), 0x300)
    pict = merge(parse(emoji, {"Extended_Pictographic"}))
    # LineBreak.txt: unlisted code points in these blocks default to ID.
    lb_defaults = cjk_defaults + [(0x1F000, 0x1FAFF), (0x1FC00, 0x1FFFD)]
    lb_listed = parse(lb, {"ID", "H2", "H3", "JL", "JV", "JT", "CJ"})
    other = parse(lb, {c for c in ("AI", "AL", "B2", "BA", "BB", "BK", "CB", "CL", "CM", "CP", "CR", "EB", "EM",
                                   "EX", "GL", "HL", "HY", "IN", "IS", "LF", "NL", "NS", "NU", "OP", "PO", "PR",
                                   "QU", "RI", "SA", "SG", "SP", "SY", "WJ", "XX", "ZW", "ZWJ")})
    breaks = merge(lb_listed + subtract(lb_defaults, other))

    text = f"""// Generated by scripts/gen-width-tables.py from Unicode {uv} data
// (EastAsianWidth.txt, extracted/DerivedGeneralCategory.txt, PropList.txt,
// LineBreak.txt, emoji/emoji-data.txt; Debian's unicode-data package). Do not edit: run the
// script again when the Unicode data changes.

/// Code point ranges for `DisplayWidth` and `Wrap`, as flat lists of
/// inclusive (first, last) pairs in ascending order.
enum WidthTables {{
    /// The Unicode version the tables come from.
    static let unicodeVersion = "{uv}"

{swift_table("wide", "East_Asian_Width W or F: two columns.", wide)}

{swift_table("zeroWidth", "Mn, Me, Cf (not U+00AD nor prepended concatenation marks), Hangul jungseong and jongseong: no column (glibc's wcwidth).", zero)}

{swift_table("extendedPictographic", "Extended_Pictographic: what a ZERO WIDTH JOINER joins into one emoji.", pict)}

{swift_table("breaksBetweenClusters", "Line_Break ID, H2, H3, JL, JV, JT, CJ: a line may break before and after each.", breaks)}
}}
"""
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
