# intake summary: every persona's JSON validates against docs/summary.schema.json,
# text stays within 80 columns, and batch mode reports how many it did.
set -euo pipefail
cd "$ROOT"
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema >/dev/null 2>&1 || {
  echo "python3 jsonschema is missing and could not be installed (pip install jsonschema)"; exit 1; }

out="$TMPDIR/json"; mkdir -p "$out"
for p in personas/*.yaml; do
  name=$(basename "$p" .yaml)
  "$INTAKE" summary --answers "$p" --format json --output "$out/$name.json"
  "$INTAKE" summary --answers "$p" --format text > "$TMPDIR/$name.txt"
  python3 - "$TMPDIR/$name.txt" <<'PY'
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'): continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w
for i, line in enumerate(open(sys.argv[1], encoding='utf-8').read().split('\n'), 1):
    if width(line) > 80: sys.exit(f"{sys.argv[1]}:{i}: {width(line)} columns")
PY
done
python3 - "$out" docs/summary.schema.json <<'PY'
import json, sys, glob, jsonschema
schema = json.load(open(sys.argv[2]))
files = sorted(glob.glob(sys.argv[1] + '/*.json'))
assert len(files) >= 8, files
for f in files:
    jsonschema.validate(json.load(open(f)), schema)
print(f"{len(files)} summaries valid")
PY
# Exports are owner-only.
[[ $(stat -c %a "$out/domestic-passport-debt.json") == 600 ]] || { echo "export not 0600"; exit 1; }

# The summary is in the advocate's language when asked.
XDG_CACHE_HOME="$TMPDIR/cache" "$INTAKE" summary --answers personas/domestic-passport-debt.yaml --language es --format json > "$TMPDIR/es.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["language"]=="es", d["language"]' "$TMPDIR/es.json"
# It compiled no translation to the cache: a cache holding Spanish alone
# would tell which language a summary was printed in.
[[ ! -e "$TMPDIR/cache" ]] || { echo "summary wrote compiled translations:"; find "$TMPDIR/cache"; exit 1; }

# Batch: a folder in, a folder out, a count and a rate on stderr.
"$INTAKE" summary --answers personas --output "$TMPDIR/batch" --format markdown 2>"$TMPDIR/batch.log"
grep -Eq "^summarised [0-9]+ files in .* files/s\), 0 failed" "$TMPDIR/batch.log" || { cat "$TMPDIR/batch.log"; exit 1; }
[[ $(ls "$TMPDIR/batch" | wc -l) -eq $(ls personas/*.yaml | wc -l) ]]

# An answer naming an unknown question fails with its location.
printf 'consent: yes\nconsnet: no\n' > "$TMPDIR/bad.yaml"
set +e
msg=$("$INTAKE" summary --answers "$TMPDIR/bad.yaml" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "expected exit 1, got $code"; exit 1; }
grep -q "bad.yaml:2:1: error: unknown question 'consnet'" <<<"$msg" || { echo "$msg"; exit 1; }

# A summary that cannot be written whole (a full disk; here a file size
# limit, which intake meets as EFBIG) fails with a message and leaves the
# earlier file as it was, with no temporary file beside it.
cp "$out/domestic-passport-debt.json" "$TMPDIR/kept.json"
set +e
msg=$(ulimit -f 4; "$INTAKE" summary --answers personas/domestic-passport-debt.yaml --format text --output "$TMPDIR/kept.json" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "a summary too large to write: expected exit 1, got $code"; echo "$msg"; exit 1; }
grep -q "cannot write $TMPDIR/kept.json: File too large" <<<"$msg" || { echo "$msg"; exit 1; }
cmp -s "$TMPDIR/kept.json" "$out/domestic-passport-debt.json" || { echo "the earlier summary was overwritten"; exit 1; }
if ls -A "$TMPDIR" | grep -q '^\.kept\.json'; then echo "a temporary file was left behind"; ls -A "$TMPDIR"; exit 1; fi
# Written whole, it replaces the file; through a link, the file the link names.
"$INTAKE" summary --answers personas/domestic-passport-debt.yaml --format text --output "$TMPDIR/kept.json"
grep -q "^SCREENING SUMMARY" "$TMPDIR/kept.json" || { echo "the summary did not replace the file"; head -5 "$TMPDIR/kept.json"; exit 1; }
ln -s kept.json "$TMPDIR/link.json"
"$INTAKE" summary --answers personas/domestic-passport-debt.yaml --format json --output "$TMPDIR/link.json"
[[ -L "$TMPDIR/link.json" ]] || { echo "the link was replaced by a file"; exit 1; }
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMPDIR/kept.json"
[[ $(stat -c %a "$TMPDIR/kept.json") == 600 ]] || { echo "replaced export not 0600"; exit 1; }
# A pipe or terminal is written in place (--output /dev/stdout).
"$INTAKE" summary --answers personas/domestic-passport-debt.yaml --format json --output /dev/stdout | python3 -c 'import json,sys; json.load(sys.stdin)'

# A batch larger than one flush group (256 files): every summary under its
# name, each as the file alone gives it, and no temporary file left.
mkdir -p "$TMPDIR/many"
for i in $(seq 1 300); do cp personas/domestic-passport-debt.yaml "$TMPDIR/many/a$i.yaml"; done
"$INTAKE" summary --answers personas/domestic-passport-debt.yaml --format json --output "$TMPDIR/alone.json"
"$INTAKE" summary --answers "$TMPDIR/many" --output "$TMPDIR/many-out" --format json 2>"$TMPDIR/many.log"
grep -Eq "^summarised 300 files in .*, 0 failed" "$TMPDIR/many.log" || { cat "$TMPDIR/many.log"; exit 1; }
[[ $(ls -A "$TMPDIR/many-out" | wc -l) -eq 300 ]] || { echo "expected 300 files:"; ls -A "$TMPDIR/many-out" | head; exit 1; }
for i in 1 256 257 300; do
  cmp -s "$TMPDIR/alone.json" "$TMPDIR/many-out/a$i.json" || { echo "a$i.json differs from the summary alone"; exit 1; }
done
