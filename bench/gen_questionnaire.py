#!/usr/bin/env python3
"""Generate a large questionnaire for the loading benchmark.

Usage: gen_questionnaire.py N LANGS OUTDIR [--intake PATH] [--no-xlsx]

Writes, for N questions and LANGS languages (at most 10):
  OUTDIR/questionnaires/bench-N.yaml   intake questionnaire (docs/questionnaire-format.md)
  OUTDIR/locales/<lang>.po             fully "translated" PO files (docs/locale-format.md)
  OUTDIR/form.xlsx                     the equivalent XLSForm (survey/choices/settings sheets)

The questionnaire mixes yes_no / single / multiple / number / text questions
in sections of 20, with `relevant` conditions on earlier questions, indicators
on answers, top-level indicators, scores, domains and referrals. Everything is
deterministic (seeded by N).

PO files: the exact key list comes from the intake binary itself
(`intake locales new LANG --data-dir OUTDIR`, which also writes the right
Plural-Forms header); every msgstr is then filled with a generated
"translation" of the same length (letters shifted per language, placeholders
such as {count} kept), so nothing is untranslated, fuzzy or a plain copy.
The binary is --intake PATH, $INTAKE, or .build-bench/release/intake.
"""
import os
import random
import re
import subprocess
import sys

LANGS = [  # tag, XLSForm language name, letter mapping
    ("es", "Spanish"), ("fr", "French"), ("de", "German"), ("pt-BR", "Portuguese"),
    ("it", "Italian"), ("ru", "Russian"), ("uk", "Ukrainian"), ("pl", "Polish"),
    ("vi", "Vietnamese"), ("tr", "Turkish"),
]
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщ"  # 25 letters + 'я' below = 26
CYRILLIC += "я"

DOMAINS = [
    ("force", "Force", True, "tiers"),
    ("fraud", "Fraud and deception", True, "tiers"),
    ("coercion", "Coercion and threats", True, "tiers"),
    ("debt_bondage", "Debt bondage and control of earnings", True, "tiers"),
    ("restricted_movement", "Movement restricted or watched", False, "any"),
    ("isolation", "Isolation from family, language and community", False, "any"),
    ("document_retention", "Identity documents held by others", False, "any"),
    ("withheld_necessities", "Food, rest or medical care withheld", False, "any"),
    ("excessive_hours", "Excessive working hours", False, "strong(excessive_hours) >= 1 or medium(excessive_hours) >= 2"),
    ("abusive_conditions", "Abusive living or working conditions", False, "tiers"),
    ("abuse_of_vulnerability", "Abuse of a vulnerable position", False, "any"),
]
WORDS = ("work employer housing money debt passport papers hours day week family phone "
         "contact agency travel promise wage pay rest food doctor safe leave door locked "
         "watched threat police visa job recruiter contract fee loan share room sleep "
         "children sister brother mother father friend language country city farm kitchen").split()
TYPES = ["yes_no"] * 8 + ["single"] * 4 + ["multiple"] * 3 + ["number"] * 3 + ["text"] * 2


def sentence(rng, lo, hi, question=False):
    n = rng.randint(lo, hi)
    w = [rng.choice(WORDS) for _ in range(n)]
    s = " ".join(w)
    s = s[0].upper() + s[1:]
    return s + ("?" if question else ".")


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Cond:
    """A condition rendered both in intake syntax and in XLSForm syntax."""

    def __init__(self, intake, xls, refs):
        self.intake, self.xls, self.refs = intake, xls, refs

    def __and__(self, o):
        return Cond(f"({self.intake}) and ({o.intake})", f"({self.xls}) and ({o.xls})", self.refs + o.refs)

    def __or__(self, o):
        return Cond(f"({self.intake}) or ({o.intake})", f"({self.xls}) or ({o.xls})", self.refs + o.refs)


def cond_on(rng, q):
    qid, t = q["id"], q["type"]
    if t == "yes_no":
        return Cond(f"{qid} == yes", f"${{{qid}}} = 'yes'", [qid])
    if t == "single":
        a, b = rng.sample([o for o, _ in q["options"]], 2)
        return Cond(f"{qid} in [{a}, {b}]", f"${{{qid}}} = '{a}' or ${{{qid}}} = '{b}'", [qid])
    if t == "multiple":
        a = rng.choice([o for o, _ in q["options"]])
        return Cond(f"{qid} has {a}", f"selected(${{{qid}}}, '{a}')", [qid])
    if t == "number":
        v = rng.randint(1, 50)
        return Cond(f"{qid} >= {v}", f"${{{qid}}} >= {v}", [qid])
    raise ValueError(t)


def build(n):
    rng = random.Random(n)
    qs, sections = [], []
    conditionable = []  # earlier questions usable in conditions
    yes_nos = []
    ind_count = 0
    for s in range(0, (n + 19) // 20):
        sec = {"id": f"s{s:04d}", "title": sentence(rng, 3, 6), "questions": []}
        if s % 4 == 1:
            sec["intro"] = sentence(rng, 10, 20)
        if s % 5 == 3 and yes_nos:
            sec["relevant"] = cond_on(rng, rng.choice(yes_nos[-40:]))
        for i in range(s * 20, min(n, s * 20 + 20)):
            t = rng.choice(TYPES)
            q = {"id": f"q{i:05d}", "type": t, "text": sentence(rng, 6, 16, True)}
            if i % 3 == 0:
                q["guidance"] = sentence(rng, 8, 24)
            if t in ("single", "multiple"):
                q["options"] = [(f"o{k}", sentence(rng, 1, 4)) for k in range(1, rng.randint(3, 5) + 1)]
            if t == "number":
                q["min"], q["max"] = 0, 100
            if t == "text" and i % 2:
                q["multiline"] = True
            if conditionable and i % 20 and rng.random() < 0.35:
                c = cond_on(rng, rng.choice(conditionable[-60:]))
                if rng.random() < 0.3:
                    c = c & cond_on(rng, rng.choice(conditionable[-60:]))
                q["relevant"] = c
            if t in ("yes_no", "single") and rng.random() < 0.3:
                d = rng.choice(DOMAINS)[0]
                ans = "yes" if t == "yes_no" else rng.choice([o for o, _ in q["options"]])
                q["indicator"] = {"id": f"i_{q['id']}", "answer": ans, "domain": d,
                                  "strength": rng.choice(["strong", "medium", "weak"]),
                                  "phase": rng.choice(["recruitment", "travel", "destination", "any"]),
                                  "why": sentence(rng, 6, 14)}
                ind_count += 1
            sec["questions"].append(q)
            qs.append(q)
            if t != "text":
                conditionable.append(q)
            if t == "yes_no":
                yes_nos.append(q)
        sections.append(sec)

    top_inds = []
    for k in range(max(2, n // 100)):
        a, b = rng.sample(yes_nos, 2)
        top_inds.append({"id": f"t{k:04d}", "when": cond_on(rng, a) & cond_on(rng, b),
                         "domain": rng.choice(DOMAINS)[0], "strength": rng.choice(["strong", "medium"]),
                         "phase": "destination", "weight": rng.randint(1, 3), "why": sentence(rng, 6, 12)})
    scores = []
    for k in range(3):
        items = [(cond_on(rng, rng.choice(conditionable)), rng.randint(1, 3)) for _ in range(10)]
        scores.append({"id": f"score{k}", "items": items})
    referrals = []
    for k, (d, title, _, _) in enumerate(DOMAINS[:6]):
        referrals.append({"id": f"ref_{d}", "title": f"Help with {title.lower()}",
                          "when": Cond(f"positive({d}) or score{k % 3} >= 6", "", []),
                          "reason": sentence(rng, 8, 14)})
    urgent_q = yes_nos[0]
    return {"sections": sections, "questions": qs, "top": top_inds, "scores": scores,
            "referrals": referrals, "urgent": urgent_q, "rng": rng}


def write_yaml(m, n, path):
    qid = f"bench-{n}"
    out = []
    w = out.append
    w("# Generated by bench/gen_questionnaire.py; do not edit.")
    w("format: 1")
    w(f"id: {qid}")
    w('version: "1.0.0"')
    w("language: en")
    w(f"title: {yq('Benchmark screening with %d questions' % n)}")
    w(f"description: {yq('A generated questionnaire used only to measure loading time.')}")
    w(f"intro: {yq('This questionnaire is generated and is not a real screening.')}")
    w(f"end_message: {yq('Thank you. This was a generated benchmark.')}")
    w("parameters:")
    w("  score_cutoff: { default: 6, es: 7 }")
    w("domains:")
    for d, title, core, rule in DOMAINS:
        w(f"  - id: {d}")
        w(f"    title: {yq(title)}")
        if core:
            w("    core: true")
        if rule != "tiers":
            w(f"    rule: {rule}")
    w("sections:")
    for sec in m["sections"]:
        w(f"  - id: {sec['id']}")
        w(f"    title: {yq(sec['title'])}")
        if "intro" in sec:
            w(f"    intro: {yq(sec['intro'])}")
        if "relevant" in sec:
            w(f"    relevant: {yq(sec['relevant'].intake)}")
        w("    questions:")
        for q in sec["questions"]:
            w(f"      - id: {q['id']}")
            w(f"        type: {q['type']}")
            w(f"        text: {yq(q['text'])}")
            if "guidance" in q:
                w(f"        guidance: {yq(q['guidance'])}")
            if "relevant" in q:
                w(f"        relevant: {yq(q['relevant'].intake)}")
            if "options" in q:
                w("        options:")
                for o, t in q["options"]:
                    w(f"          - {{ id: {o}, text: {yq(t)} }}")
            if "min" in q:
                w(f"        min: {q['min']}")
                w(f"        max: {q['max']}")
            if q.get("multiline"):
                w("        multiline: true")
            if "indicator" in q:
                i = q["indicator"]
                w("        indicators:")
                w(f"          - {{ id: {i['id']}, answer: {i['answer']}, domain: {i['domain']}, "
                  f"strength: {i['strength']}, phase: {i['phase']}, why: {yq(i['why'])} }}")
    w("indicators:")
    for i in m["top"]:
        w(f"  - {{ id: {i['id']}, when: {yq(i['when'].intake)}, domain: {i['domain']}, strength: {i['strength']}, "
          f"phase: {i['phase']}, weight: {i['weight']}, why: {yq(i['why'])} }}")
    w("scores:")
    for s in m["scores"]:
        w(f"  - id: {s['id']}")
        w("    add:")
        for c, p in s["items"]:
            w(f"      - {{ when: {yq(c.intake)}, points: {p} }}")
    w("result:")
    w('  likely: "positive(force) or positive(fraud) or positive(coercion) or positive(debt_bondage)"')
    w('  possible: "indicators() >= 1 or score0 >= score_cutoff"')
    w(f"  urgent: {yq(m['urgent']['id'] + ' == yes')}")
    w("  overrides:")
    w(f"    - {{ id: high_weight, when: \"weight() >= 12\", at_least: possible, reason: {yq('Many weighted indicators together.')} }}")
    w("referrals:")
    for r in m["referrals"]:
        w(f"  - {{ id: {r['id']}, title: {yq(r['title'])}, when: {yq(r['when'].intake)}, reason: {yq(r['reason'])} }}")
    w("resources:")
    w(f"  - {{ id: hotline, title: \"Help line\", text: {yq('A generated help line entry.')} }}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- translation
def translate(text, k, tag):
    """Same-length pseudo translation: shift letters, keep {placeholders} and escapes."""
    def tr(seg):
        r = []
        for ch in seg:
            if "a" <= ch <= "z":
                r.append(CYRILLIC[(ord(ch) - 97 + k) % 26] if tag in ("ru", "uk") else chr((ord(ch) - 97 + k + 1) % 26 + 97))
            elif "A" <= ch <= "Z":
                r.append(CYRILLIC[(ord(ch) - 65 + k) % 26].upper() if tag in ("ru", "uk") else chr((ord(ch) - 65 + k + 1) % 26 + 65))
            else:
                r.append(ch)
        return "".join(r)
    # keep {placeholders} and backslash escapes (\n, \", \\) untouched
    parts = re.split(r"(\{[^{}]*\}|\\.)", text)
    return "".join(p if (p.startswith("{") or p.startswith("\\")) else tr(p) for p in parts)


def fill_po(path, k, tag):
    """Fill every msgstr / msgstr[i] of a PO file written by `intake locales new`."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    msgid, plural, cur = None, None, None
    while i < len(lines):
        ln = lines[i]
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', ln)
        if not m:
            out.append(ln)
            i += 1
            continue
        key, val = m.group(1), [m.group(2)]
        j = i + 1
        while j < len(lines) and lines[j].startswith('"'):
            val.append(lines[j][1:-1])
            j += 1
        text = "".join(val)
        if key == "msgid":
            msgid, plural = text, None
        elif key == "msgid_plural":
            plural = text
        if key.startswith("msgstr") and msgid:  # not the header
            idx = int(key[7:-1]) if "[" in key else 0
            src = plural if (plural is not None and idx > 0) else msgid
            out.append(f'{key} "{translate(src, k, tag)}"')
        else:
            out.append(ln)
            out.extend(lines[i + 1:j])
        i = j
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_locales(outdir, nlangs, intake):
    os.makedirs(os.path.join(outdir, "locales"), exist_ok=True)
    for k, (tag, _) in enumerate(LANGS[:nlangs]):
        p = os.path.join(outdir, "locales", f"{tag}.po")
        r = subprocess.run([intake, "locales", "new", tag, "--force", "--data-dir", outdir],
                           capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(p):
            sys.exit(f"gen_questionnaire: `intake locales new {tag}` failed: {r.stderr.strip()}")
        fill_po(p, k, tag)
        # mark the generated catalogue reviewed so no draft warnings are counted
        txt = open(p, encoding="utf-8").read()
        txt = txt.replace('"X-Intake-Status: draft\\n"', '"X-Intake-Status: reviewed\\n"', 1)
        txt = txt.replace('"X-Intake-Reviewed-By: \\n"', '"X-Intake-Reviewed-By: bench generator\\n"', 1)
        open(p, "w", encoding="utf-8").write(txt)


# ------------------------------------------------------------------- XLSForm
def write_xlsx(m, n, nlangs, path):
    from openpyxl import Workbook
    langs = LANGS[:nlangs]
    wb = Workbook(write_only=True)
    lab = ["label::English (en)"] + [f"label::{name} ({tag.split('-')[0]})" for tag, name in langs]
    hint = ["hint::English (en)"] + [f"hint::{name} ({tag.split('-')[0]})" for tag, name in langs]

    def tl(text):
        return [text] + [translate(text, k, tag) for k, (tag, _) in enumerate(langs)]

    survey = wb.create_sheet("survey")
    survey.append(["type", "name"] + lab + hint + ["relevant", "constraint", "calculation", "appearance"])
    empty_h = [""] * len(hint)
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name"] + lab)
    for o, t in [("yes", "Yes"), ("no", "No"), ("dont_know", "Don't know"), ("declined", "Prefers not to answer")]:
        choices.append(["yn", o] + tl(t))
    for sec in m["sections"]:
        rel = sec["relevant"].xls if "relevant" in sec else ""
        survey.append(["begin_group", sec["id"]] + tl(sec["title"]) + (tl(sec["intro"]) if "intro" in sec else empty_h)
                      + [rel, "", "", "field-list"])
        for q in sec["questions"]:
            t = q["type"]
            if t == "yes_no":
                typ, cons = "select_one yn", ""
            elif t in ("single", "multiple"):
                ln = f"c_{q['id']}"
                typ, cons = ("select_one " if t == "single" else "select_multiple ") + ln, ""
                for o, ot in q["options"]:
                    choices.append([ln, o] + tl(ot))
                for o, ot in [("dont_know", "Don't know"), ("declined", "Prefers not to answer")]:
                    choices.append([ln, o] + tl(ot))
            elif t == "number":
                typ, cons = "integer", f". >= {q['min']} and . <= {q['max']}"
            else:
                typ, cons = "text", ""
            rel = q["relevant"].xls if "relevant" in q else ""
            survey.append([typ, q["id"]] + tl(q["text"]) + (tl(q["guidance"]) if "guidance" in q else empty_h)
                          + [rel, cons, "", "multiline" if q.get("multiline") else ""])
        survey.append(["end_group", ""] + [""] * (len(lab) + len(hint)) + ["", "", "", ""])
    # indicators, scores and referrals as calculations
    blank = [""] * (len(lab) + len(hint))
    for q in m["questions"]:
        if "indicator" in q:
            i = q["indicator"]
            survey.append(["calculate", i["id"]] + blank + ["", "", f"if(${{{q['id']}}} = '{i['answer']}', 1, 0)", ""])
    for i in m["top"]:
        survey.append(["calculate", i["id"]] + blank + ["", "", f"if({i['when'].xls}, 1, 0)", ""])
    for s in m["scores"]:
        calc = " + ".join(f"if({c.xls}, {p}, 0)" for c, p in s["items"])
        survey.append(["calculate", s["id"]] + blank + ["", "", calc, ""])
    for d, _, _, _ in DOMAINS:
        ids = [q["indicator"]["id"] for q in m["questions"] if "indicator" in q and q["indicator"]["domain"] == d]
        ids += [i["id"] for i in m["top"] if i["domain"] == d]
        calc = " + ".join(f"${{{x}}}" for x in ids) or "0"
        survey.append(["calculate", f"dom_{d}"] + blank + ["", "", calc, ""])
    for k, r in enumerate(m["referrals"]):
        d = r["id"][4:]
        survey.append(["calculate", r["id"]] + blank + ["", "", f"if(${{dom_{d}}} >= 1 or ${{score{k % 3}}} >= 6, 1, 0)", ""])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([f"Benchmark screening with {n} questions", f"bench_{n}", "1", "English (en)"])
    wb.save(path)


def main():
    args = [a for a in sys.argv[1:]]
    intake = os.environ.get("INTAKE") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build-bench", "release", "intake")
    xlsx = True
    if "--intake" in args:
        k = args.index("--intake")
        intake = args[k + 1]
        del args[k:k + 2]
    if "--no-xlsx" in args:
        args.remove("--no-xlsx")
        xlsx = False
    if len(args) != 3:
        sys.exit(__doc__)
    n, nlangs, outdir = int(args[0]), min(int(args[1]), len(LANGS)), args[2]
    m = build(n)
    write_yaml(m, n, os.path.join(outdir, "questionnaires", f"bench-{n}.yaml"))
    write_locales(outdir, nlangs, intake)
    if xlsx:
        write_xlsx(m, n, nlangs, os.path.join(outdir, "form.xlsx"))


if __name__ == "__main__":
    main()
