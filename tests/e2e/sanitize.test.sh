# Control characters from translations and file names never reach the
# terminal or a written file: a PO file's OSC 52 clipboard write, title and
# clear-screen sequences through `intake summary` (the translation fails
# `locales check`, so the English is shown instead), and a file name holding
# ESC in error messages; `locales check` and `validate` report them instead.
set -euo pipefail
cd "$ROOT"

# Fails when a file holds ESC, BEL or a C1 control (U+0080..U+009F).
clean() {
  python3 - "$1" <<'PY' || { echo "control characters in $1:"; cat -v "$1"; exit 1; }
import sys
text = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
bad = [c for c in text if c in '\x1b\x07' or 0x80 <= ord(c) < 0xa0]
sys.exit(1 if bad else 0)
PY
}

# A data folder whose Spanish file says "Resumen" with OSC 52, OSC 0 and a clear screen in it.
data="$TMPDIR/data"; mkdir -p "$data/locales"
cp -r questionnaires personas "$data/"
cp locales/*.po locales/discouraged-terms.yaml "$data/locales/"
python3 - "$data/locales/es.po" <<'PY'
import sys
p = sys.argv[1]
text = open(p, encoding='utf-8').read()
old = 'msgctxt "ui/summary/title"\nmsgid "Screening summary"\nmsgstr "Resumen de la evaluación"\n'
new = 'msgctxt "ui/summary/title"\nmsgid "Screening summary"\nmsgstr "Resumen\\033]52;c;cm0gLXJmIH4=\\a\\033]0;owned\\a\\033[2J\\302\\233"\n"31m fin"\n'
assert old in text
open(p, 'w', encoding='utf-8').write(text.replace(old, new))
PY
msgfmt -c -o /dev/null "$data/locales/es.po"   # gettext itself lets it through

for format in text markdown json; do
  "$INTAKE" summary --data-dir "$data" --answers personas/domestic-passport-debt.yaml --language es --format "$format" \
    >"$TMPDIR/out.$format"
  clean "$TMPDIR/out.$format"
  "$INTAKE" summary --data-dir "$data" --answers personas/domestic-passport-debt.yaml --language es --format "$format" \
    --output "$TMPDIR/file.$format"
  clean "$TMPDIR/file.$format"
done
# A translation that `locales check` rejects is never shown: the English heading is.
grep -q '^SCREENING SUMMARY$' "$TMPDIR/out.text" || { head -3 "$TMPDIR/out.text" | cat -v; exit 1; }
grep -q '^# Screening summary$' "$TMPDIR/out.markdown" || { head -3 "$TMPDIR/out.markdown" | cat -v; exit 1; }
if grep -q 'Resumen\|52;' "$TMPDIR/out.text" "$TMPDIR/out.markdown" "$TMPDIR/out.json"; then echo "the rejected translation was shown"; exit 1; fi

# `locales check` names each control character at its line and column.
set +e
"$INTAKE" locales check es --data-dir "$data" >"$TMPDIR/check" 2>&1; code=$?
set -e
clean "$TMPDIR/check"
[[ $code -eq 1 ]] || { echo "locales check: expected exit 1, got $code"; cat "$TMPDIR/check"; exit 1; }
line=$(grep -n 'msgctxt "ui/summary/title"' "$data/locales/es.po" | cut -d: -f1); line=$((line + 2))
grep -q "es.po:$line:16: error: msgstr contains a control character, U+001B (escape); remove it" "$TMPDIR/check" \
  || { cat "$TMPDIR/check"; exit 1; }

# A file name with ESC and BEL in it, in `validate` and `summary` errors.
evil="$TMPDIR/evil$(printf '\033]0;owned\007')name.yaml"
printf 'format: 1\n' >"$evil"
set +e
"$INTAKE" validate "$evil" >"$TMPDIR/validate" 2>&1; code=$?
"$INTAKE" validate "$evil.missing" >"$TMPDIR/missing" 2>&1
"$INTAKE" summary --answers "$evil.missing" >"$TMPDIR/summary-missing" 2>&1
set -e
[[ $code -eq 1 ]] || { echo "validate: expected exit 1, got $code"; cat -v "$TMPDIR/validate"; exit 1; }
for f in validate missing summary-missing; do clean "$TMPDIR/$f"; done
grep -q 'evil\]0;ownedname.yaml:1:1: error:' "$TMPDIR/validate" || { cat -v "$TMPDIR/validate"; exit 1; }
grep -q 'no such file or folder: .*evil\]0;ownedname.yaml.missing$' "$TMPDIR/missing" || { cat -v "$TMPDIR/missing"; exit 1; }
grep -q 'no such file or folder: .*evil\]0;ownedname.yaml.missing$' "$TMPDIR/summary-missing" || { cat -v "$TMPDIR/summary-missing"; exit 1; }
echo ok
