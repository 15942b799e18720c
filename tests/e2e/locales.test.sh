# The translator workflow with only intake's commands and gettext's tools:
# new, check, update (fuzzy with the previous source), stats, template, and
# every file accepted by msgfmt -c and unchanged in meaning by msgcat.
set -euo pipefail
data="$TMPDIR/data"
mkdir -p "$data"
cp -r "$ROOT/questionnaires" "$ROOT/locales" "$data/"
I() { "$INTAKE" "$@" --data-dir "$data"; }

I locales new fr >/dev/null
grep -q '^"Language: fr\\n"' "$data/locales/fr.po"
grep -q '^"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' "$data/locales/fr.po"
grep -q '^"X-Intake-Status: draft\\n"' "$data/locales/fr.po"
msgfmt -c -o /dev/null "$data/locales/fr.po"

# Below the coverage bar: non-zero.
set +e
I locales check fr --min-coverage 50 >"$TMPDIR/check.txt"; code=$?
set -e
[[ $code -ne 0 ]] || { echo "check should fail below 50%"; exit 1; }
grep -q "fr: 0.0% translated" "$TMPDIR/check.txt"

# Translate one string, break a placeholder in another: check finds it at its line.
python3 - "$data/locales/fr.po" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
s = s.replace('msgctxt "ui/yes"\nmsgid "Yes"\nmsgstr ""', 'msgctxt "ui/yes"\nmsgid "Yes"\nmsgstr "Oui"')
s = s.replace('msgid "Your screening: {result}"\nmsgstr ""', 'msgid "Your screening: {result}"\nmsgstr "Votre dépistage : {resultat}"')
open(p, 'w', encoding='utf-8').write(s)
PY
set +e
I locales check fr >"$TMPDIR/check2.txt"; code=$?
set -e
[[ $code -ne 0 ]] || { echo "a placeholder mismatch must fail"; exit 1; }
grep -Eq "locales/fr.po:[0-9]+:[0-9]+: error: .*placeholder" "$TMPDIR/check2.txt" || { cat "$TMPDIR/check2.txt"; exit 1; }

# The source changes: update marks the translation fuzzy and keeps the old source.
sed -i 's/^title: Work and safety screening$/title: Work and safety conversation/' "$data/questionnaires/trafficking-screening.yaml"
grep -q "^title: Work and safety conversation" "$data/questionnaires/trafficking-screening.yaml"
python3 - "$data/locales/fr.po" <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
s = s.replace('msgctxt "trafficking-screening/title"\nmsgid "Work and safety screening"\nmsgstr ""',
              'msgctxt "trafficking-screening/title"\nmsgid "Work and safety screening"\nmsgstr "Entretien sur le travail et la sécurité"')
open(p, 'w', encoding='utf-8').write(s)
PY
I locales update fr >/dev/null
grep -B3 -A3 'msgctxt "trafficking-screening/title"' "$data/locales/fr.po" >"$TMPDIR/entry.txt"
grep -q '#, fuzzy' "$TMPDIR/entry.txt" || { cat "$TMPDIR/entry.txt"; exit 1; }
grep -q '#| msgid "Work and safety screening"' "$TMPDIR/entry.txt" || { cat "$TMPDIR/entry.txt"; exit 1; }
msgfmt -c -o /dev/null "$data/locales/fr.po"

# msgcat changes nothing in meaning: our update of msgcat's output is a no-op.
msgcat -o "$TMPDIR/cat.po" "$data/locales/fr.po"
cp "$TMPDIR/cat.po" "$data/locales/fr.po"
I locales update fr | grep -q "fr.po"
diff <(msgcat --sort-output "$TMPDIR/cat.po") <(msgcat --sort-output "$data/locales/fr.po")

I locales stats | grep -q "^fr "
I locales template --output "$TMPDIR/intake.pot"
msgfmt -c -o /dev/null "$TMPDIR/intake.pot"
