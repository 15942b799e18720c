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

# Compiled questionnaires: a run that may write compiles the loaded ones into
# the cache (owner-only); a questionnaire broken afterwards is loaded from its
# bytes and its error reported, never taken from the cache, and never cached.
cp "$ROOT/questionnaires/trafficking-screening.yaml" "$q"
cache="$TMPDIR/cache"
start_session warm XDG_CACHE_HOME="'$cache'" "$INTAKE" run --ready-only --data-dir "'$data'"
wait_for warm "EXIT=0" 30
ls "$cache"/intake/questionnaire-*.bin >/dev/null || { echo "no compiled questionnaire in the cache"; ls -la "$cache/intake"; exit 1; }
[[ $(ls "$cache"/intake/questionnaire-*.bin | wc -l) -eq 2 ]] || { ls -la "$cache/intake"; exit 1; }
for f in "$cache"/intake/questionnaire-*.bin; do [[ $(stat -c %a "$f") == 600 ]] || { ls -la "$f"; exit 1; }; done
before=$(ls "$cache/intake" | sort)
sed -i "${qline}a\\  - id: broken\\n    colour: red" "$q"
start_session cached XDG_CACHE_HOME="'$cache'" "$INTAKE" run --data-dir "'$data'" --ephemeral
wait_for cached "EXIT=1" 20
out=$(t capture-pane -p -J -t cached)
grep -Eq "questionnaires/trafficking-screening.yaml:$((qline + 2)):[0-9]+: error: unknown key 'colour'" <<<"$out" || { echo "$out"; exit 1; }
start_session cached2 XDG_CACHE_HOME="'$cache'" "$INTAKE" run --ready-only --data-dir "'$data'"
wait_for cached2 "EXIT=1" 20
[[ "$(ls "$cache/intake" | sort)" == "$before" ]] || { echo "a broken questionnaire changed the cache"; ls -la "$cache/intake"; exit 1; }

# A broken service directory ends the run with its located errors too, once
# it has loaded beside the first screen.
cp "$ROOT/questionnaires/trafficking-screening.yaml" "$q"
mkdir -p "$data/org"
printf 'services:\n  - category: medical\n    name: Clinic\n    phone: "555-0100"\n    langauges: [en]\n' >"$data/org/local.yaml"
printf 'name: Riverside Legal Aid\ndirectory: local.yaml\n' >"$data/org/organisation.yaml"
start_session dir "$INTAKE" run --ephemeral --data-dir "'$data'" --org-config "'$data/org/organisation.yaml'"
wait_for dir "EXIT=1" 20
out=$(t capture-pane -p -J -t dir)
grep -q "local.yaml:5:5: error: unknown key 'langauges'" <<<"$out" || { echo "$out"; exit 1; }
! grep -q "Start a screening" <<<"$out" || { echo "the start screen stayed after exit:"; echo "$out"; exit 1; }
