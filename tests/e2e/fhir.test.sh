# intake export-fhir (issue 18): both bundled questionnaires as FHIR R4
# Questionnaire resources, parsed by an independent FHIR model library
# (fhir.resources 6.5, the R4 models, from PyPI in a cached venv), with the
# references checked: every enableWhen names an earlier item and one of its
# answer codes, link ids are unique, translations are there.
set -euo pipefail
cd "$ROOT"
source "$(dirname "$0")/fhir-venv.bash"

"$INTAKE" export-fhir --questionnaire quick-screen --output "$TMPDIR/quick.json"
[[ $(stat -c %a "$TMPDIR/quick.json") == 600 ]]
"$INTAKE" export-fhir >"$TMPDIR/full.json"
"$INTAKE" export-fhir --questionnaire quick-screen --language es >"$TMPDIR/quick-es.json"

"$FHIR_PY" - "$TMPDIR/quick.json" "$TMPDIR/full.json" "$TMPDIR/quick-es.json" <<'PY'
import json, sys
from fhir.resources.questionnaire import Questionnaire

def items(xs):
    for x in xs or []:
        yield x
        yield from items(x.item)

def check(path, want_questions, want_languages):
    q = Questionnaire.parse_file(path)          # raises on anything R4 does not allow
    assert q.status == "active" and q.url.startswith("urn:intake:questionnaire:"), (q.status, q.url)
    all_items = list(items(q.item))
    ids = [i.linkId for i in all_items]
    assert len(ids) == len(set(ids)), "duplicate linkId"
    questions = [i for i in all_items if i.type not in ("group", "display")]   # 89 and 21: the questions that take an answer
    assert len(questions) == want_questions, (path, len(questions))
    seen = {}
    for i in all_items:
        for w in i.enableWhen or []:
            assert w.question in seen, f"{i.linkId}: enableWhen on {w.question}, not an earlier item"
            if w.answerCoding is not None:
                codes = [o.valueCoding.code for o in seen[w.question].answerOption or []]
                assert w.answerCoding.code in codes, f"{i.linkId}: {w.answerCoding.code} not an answer of {w.question}"
        seen[i.linkId] = i
    consent = seen["consent"]
    langs = sorted(e.extension[0].valueCode for e in consent.text__ext.extension)
    assert langs == want_languages, langs
    return q

check(sys.argv[1], 21, ["es", "fa", "ko", "ne", "th", "zh-Hans"])
check(sys.argv[2], 89, ["es", "fa", "ko", "ne", "th", "zh-Hans"])
check(sys.argv[3], 21, ["es"])
PY
echo ok
