# Service directories: intake validate rejects a broken one at file:line:column
# (exit 1) and warns about unchecked numbers; intake summary lists the
# organisation's services under each referral.
set -euo pipefail
cd "$ROOT"

cat >"$TMPDIR/broken-directory.yaml" <<'YAML'
services:
  - category: medical
    name: Clinic
    phone: "555-0100"
    langauges: [en]
    checked: 2026-02-30
YAML
set +e
out=$("$INTAKE" validate "$TMPDIR/broken-directory.yaml" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "expected exit 1, got $code"; echo "$out"; exit 1; }
grep -q "broken-directory.yaml:5:5: error: unknown key 'langauges' in service 'Clinic'; did you mean 'languages'?" <<<"$out" || { echo "$out"; exit 1; }
grep -q "broken-directory.yaml:6:14: error: 'checked' must be a date (YYYY-MM-DD) or never, not '2026-02-30'" <<<"$out" || { echo "$out"; exit 1; }

# The shipped national directory: no errors, a warning for each unchecked number.
out=$("$INTAKE" validate directories/national.yaml)
grep -q "0 errors" <<<"$out" || { echo "$out"; exit 1; }
grep -q "national.yaml:[0-9]*:[0-9]*: warning: 'National Human Trafficking Hotline' has never been checked; check 1-888-373-7888 against its source" <<<"$out" || { echo "$out"; exit 1; }

# The organisation config names a directory (relative to the config file).
mkdir -p "$TMPDIR/org"
cp directories/example-local.yaml "$TMPDIR/org/local.yaml"
printf 'name: Riverside Legal Aid\nsetting: walk-in legal clinic\ndirectory: local.yaml\n' >"$TMPDIR/org/organisation.yaml"
out=$("$INTAKE" summary --org "$TMPDIR/org/organisation.yaml" --answers personas/domestic-passport-debt.yaml --format text)
python3 - "$out" <<'PY'
import sys
text = sys.argv[1]
start = text.index("• Immigration legal help:")
rest = text[start:]
end = rest.index("\n• ", 1)
block = rest[:end]
assert "◦ Riverside Immigrant Legal Clinic (fictional example)" in block, block
assert "Phone: 555-0142" in block, block
# The national hotline is listed too, after the local services of its category.
interp = text[text.index("• Interpretation:"):]
assert "No local service listed for this referral." in interp.split("\n• ")[0], interp
PY

# validate with no PATH also checks the directory the organisation config names.
cp "$TMPDIR/broken-directory.yaml" "$TMPDIR/org/local.yaml"
set +e
out=$(INTAKE_ORG="$TMPDIR/org/organisation.yaml" "$INTAKE" validate 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "expected exit 1, got $code"; echo "$out"; exit 1; }
grep -q "local.yaml:5:5: error: unknown key 'langauges'" <<<"$out" || { echo "$out"; exit 1; }
# ...and a summary refuses to go on without its services.
set +e
out=$("$INTAKE" summary --org-config "$TMPDIR/org/organisation.yaml" --answers personas/domestic-passport-debt.yaml 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "expected exit 1, got $code"; echo "$out"; exit 1; }
grep -q "local.yaml:5:5: error:" <<<"$out" || { echo "$out"; exit 1; }

# Without --org or a config in XDG_CONFIG_HOME, organisation.yaml in the data folder is used.
data="$TMPDIR/data"; mkdir -p "$data/directories"
ln -s "$ROOT/questionnaires" "$data/questionnaires"; ln -s "$ROOT/locales" "$data/locales"
cp directories/national.yaml "$data/directories/"
cp directories/example-local.yaml "$data/my-services.yaml"
printf 'name: Riverside Legal Aid\ndirectory: my-services.yaml\n' >"$data/organisation.yaml"
out=$(env -u INTAKE_ORG -u INTAKE_ORG_CONFIG XDG_CONFIG_HOME="$TMPDIR/no-config" "$INTAKE" summary --data-dir "$data" \
      --answers personas/domestic-passport-debt.yaml --format markdown)
grep -qF -- "- Workers' Rights Center of Riverside (fictional example)" <<<"$out" || { echo "$out"; exit 1; }
grep -qF -- "- US Department of Labor, Wage and Hour Division" <<<"$out" || { echo "$out"; exit 1; }
