# The translator workflow with only intake's commands and gettext's tools:
# new, check, update (fuzzy with the previous source), stats, template, and
# every file accepted by msgfmt -c and unchanged in meaning by msgcat.
set -euo pipefail
data="$TMPDIR/data"
mkdir -p "$data"
cp -r "$ROOT/questionnaires" "$ROOT/locales" "$data/"
I() { "$INTAKE" "$@" --data-dir "$data"; }

# Each shipped language saved by msgcat (which re-wraps Korean and Chinese
# lines): update leaves the file exactly as msgcat wrote it.
for lang in es fa ko zh-Hans; do
  msgcat -o "$TMPDIR/cat.po" "$data/locales/$lang.po"
  cp "$TMPDIR/cat.po" "$data/locales/$lang.po"
  I locales update "$lang" | grep -q "$lang.po: .*(already up to date)" || { echo "$lang: update changed msgcat's file"; exit 1; }
  cmp "$TMPDIR/cat.po" "$data/locales/$lang.po"
done

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
# Every untranslated entry is listed at its line too.
grep -Eq "locales/fr.po:[0-9]+:1: warning: untranslated: the English is shown instead" "$TMPDIR/check2.txt" || { head "$TMPDIR/check2.txt"; exit 1; }
# gettext's own check catches it as well: the entry is flagged python-brace-format.
if msgfmt -c -o /dev/null "$data/locales/fr.po" 2>"$TMPDIR/msgfmt.txt"; then echo "msgfmt -c let a wrong placeholder through"; exit 1; fi
grep -q "argument 'result' doesn't exist in 'msgstr'" "$TMPDIR/msgfmt.txt" || { cat "$TMPDIR/msgfmt.txt"; exit 1; }
sed -i 's/{resultat}/{result}/' "$data/locales/fr.po"

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
# check lists the fuzzy entry at its msgstr line.
I locales check fr >"$TMPDIR/check3.txt" || true
line=$(grep -n 'msgctxt "trafficking-screening/title"' "$data/locales/fr.po" | cut -d: -f1); line=$((line + 2))
grep -q "locales/fr.po:$line:1: warning: fuzzy: not shown until a translator checks it" "$TMPDIR/check3.txt" \
  || { grep fuzzy "$TMPDIR/check3.txt"; exit 1; }
msgfmt -c -o /dev/null "$data/locales/fr.po"

# After a save by msgcat (or Poedit, Weblate: they wrap lines differently),
# update leaves the file exactly as it is.
msgcat -o "$TMPDIR/cat.po" "$data/locales/fr.po"
cp "$TMPDIR/cat.po" "$data/locales/fr.po"
I locales update fr | grep -q "fr.po: .*(already up to date)" || { echo "fr: update changed msgcat's file"; exit 1; }
cmp "$TMPDIR/cat.po" "$data/locales/fr.po"

# gettext's spelling of a tag (zh_Hans) is the same language as zh-Hans.
sed -i 's/^"Language: zh-Hans\\n"$/"Language: zh_Hans\\n"/' "$data/locales/zh-Hans.po"
grep -q '^"Language: zh_Hans\\n"$' "$data/locales/zh-Hans.po"
I locales check zh_Hans >"$TMPDIR/check-zh.txt" || { cat "$TMPDIR/check-zh.txt"; exit 1; }
grep -q "^zh-Hans: .* 0 errors" "$TMPDIR/check-zh.txt" || { cat "$TMPDIR/check-zh.txt"; exit 1; }
mv "$data/locales/zh-Hans.po" "$data/locales/zh_Hans.po"
I locales check >"$TMPDIR/check-all.txt" 2>&1 || { grep -v warning "$TMPDIR/check-all.txt"; exit 1; }
grep -q "^zh-Hans: .* 0 errors" "$TMPDIR/check-all.txt" || { cat "$TMPDIR/check-all.txt"; exit 1; }
mv "$data/locales/zh_Hans.po" "$data/locales/zh-Hans.po"
# preview takes that spelling too (without a terminal it stops right after finding the language).
I locales preview zh_Hans </dev/null >"$TMPDIR/preview.txt" 2>&1 || true
grep -q "needs a terminal" "$TMPDIR/preview.txt" || { cat "$TMPDIR/preview.txt"; exit 1; }

I locales stats | grep -q "^fr "
I locales template --output "$TMPDIR/intake.pot"
msgfmt -c -o /dev/null "$TMPDIR/intake.pot"
grep -Eq '^"POT-Creation-Date: [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}\+0000\\n"$' "$TMPDIR/intake.pot"
grep -q '^"X-Generator: intake [0-9.]*\\n"$' "$TMPDIR/intake.pot"
grep -q '^"X-Generator: intake [0-9.]*\\n"$' "$data/locales/fr.po"

# gettext's spelling zh_Hans is the same language as zh-Hans for the
# program too: the summary, and the interview's first screen in a pty.
"$INTAKE" summary --data-dir "$ROOT" --answers "$ROOT/personas/domestic-passport-debt.yaml" --language zh_Hans >"$TMPDIR/zh-summary.txt"
[[ $(head -1 "$TMPDIR/zh-summary.txt") == "筛查摘要" ]]
script -qec "env TERM=xterm-256color $INTAKE run --data-dir $ROOT --language zh_Hans --advocate-language zh_Hans --ephemeral --first-frame-only" /dev/null >"$TMPDIR/zh.txt" 2>&1
grep -q "开始新的面谈" "$TMPDIR/zh.txt" || { cat -v "$TMPDIR/zh.txt" | head -5; exit 1; }
! grep -q "no translation" "$TMPDIR/zh.txt"
echo ok
