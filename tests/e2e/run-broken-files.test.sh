# `intake run` draws its first screen from the headers of the
# questionnaires and translations and loads the rest in the background: a
# mistake deep in a PO file or a questionnaire still stops it, with
# file:line:column and exit 1, after the first screen and with the terminal
# restored; a broken PO header stops it before the terminal is taken.
source "$ROOT/tests/e2e/tmux-helpers.bash"
data="$TMPDIR/data"
mkdir -p "$data"
cp -r "$ROOT/questionnaires" "$ROOT/locales" "$data/"

# An unterminated string near the end of ko.po.
po="$data/locales/ko.po"
line=$(($(wc -l <"$po") + 2))
printf '\nmsgctxt "broken"\nmsgid "x"\nmsgstr "unterminated\n' >>"$po"
line=$((line + 2))
start_session body "$INTAKE" run --ephemeral --data-dir "$data"
wait_for body "EXIT=1" 20
out=$(screen body)
grep -Eq "locales/ko.po:$line:[0-9]+: error: unterminated string" <<<"$out" || { echo "$out"; exit 1; }
! grep -q "Start a screening" <<<"$out" || { echo "the start screen stayed after exit:"; echo "$out"; exit 1; }

# The same file is fine once repaired; then a broken header.
cp "$ROOT/locales/ko.po" "$po"
sed -i '0,/^"Language: ko\\n"$/s//"Language: ko\\n/' "$po"
grep -q '^"Language: ko\\n$' "$po" || { echo "fixture edit failed"; exit 1; }
start_session header "$INTAKE" run --ephemeral --data-dir "$data"
wait_for header "EXIT=1" 20
out=$(screen header)
grep -Eq "locales/ko.po:[0-9]+:[0-9]+: error: unterminated string" <<<"$out" || { echo "$out"; exit 1; }

# A questionnaire whose header is fine and whose body is not.
cp "$ROOT/locales/ko.po" "$po"
q="$data/questionnaires/trafficking-screening.yaml"
qline=$(grep -n "^sections:" "$q" | cut -d: -f1)
sed -i "${qline}a\\  - id: broken\\n    colour: red" "$q"
start_session quest "$INTAKE" run --ephemeral --data-dir "$data"
wait_for quest "EXIT=1" 20
out=$(t capture-pane -p -J -t quest)  # -J: the long message unwrapped
grep -Eq "questionnaires/trafficking-screening.yaml:$((qline + 2)):[0-9]+: error: unknown key 'colour'" <<<"$out" || { echo "$out"; exit 1; }
! grep -q "Start a screening" <<<"$out" || { echo "the start screen stayed after exit:"; echo "$out"; exit 1; }
