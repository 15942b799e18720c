# intake validate: clean on the bundled data, located errors and exit 1 on a broken file, exit 2 on usage errors.
set -euo pipefail
cd "$ROOT"
out=$("$INTAKE" validate)
grep -q "0 errors" <<<"$out" || { echo "bundled data not clean:"; echo "$out"; exit 1; }
# No bundled English text is wider than its translations may be (checked
# after "0 errors" showed the run finished).
if grep -q "columns wide" <<<"$out"; then
  echo "a bundled source string is wider than its limit:"; echo "$out"; exit 1; fi

cat >"$TMPDIR/broken.yaml" <<'YAML'
format: 1
id: broken
version: "1"
language: en
title: Broken
domains: []
sections:
  - id: s
    title: S
    questions:
      - id: q
        type: yes_no
        text: Q?
        relevant: q == yes
        colour: red
result:
  possible: q == yes
YAML
set +e
out=$("$INTAKE" validate "$TMPDIR/broken.yaml" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "expected exit 1, got $code"; echo "$out"; exit 1; }
grep -q "broken.yaml:15:9: error: unknown key 'colour' in question 'q'" <<<"$out" || { echo "$out"; exit 1; }
grep -q "broken.yaml:14:19: error:" <<<"$out" || { echo "$out"; exit 1; }

set +e
"$INTAKE" validate --no-such-flag >/dev/null 2>&1; code=$?
set -e
[[ $code -eq 2 ]] || { echo "usage error should exit 2, got $code"; exit 1; }

# With no data folder anywhere it looked, it says where it looked and exits 2.
mkdir -p "$TMPDIR/nowhere"
set +e
out=$(cd "$TMPDIR/nowhere" && env -u INTAKE_DATA_DIR "$INTAKE" validate 2>&1); code=$?
set -e
[[ $code -eq 2 ]] || { echo "no data folder should exit 2, got $code: $out"; exit 1; }
grep -qF "intake: cannot find the questionnaires. Looked in:" <<<"$out" || { echo "$out"; exit 1; }
grep -qF "/share/intake/questionnaires (beside the executable)" <<<"$out" || { echo "$out"; exit 1; }
grep -qF "$TMPDIR/nowhere/questionnaires (current folder)" <<<"$out" || { echo "$out"; exit 1; }
grep -qF "Give --data-dir or set INTAKE_DATA_DIR." <<<"$out" || { echo "$out"; exit 1; }
