#!/usr/bin/env bash
# (a) A persona's whole interview typed into the real binary in tmux; the
# exported JSON summary equals `intake summary --answers` for the same
# persona. (f) Afterwards the scrollback holds nothing of the interview.
source "$(dirname "$0")/tmux-helpers.bash"
s=persona
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen --export-dir "'$TMPDIR/exports'"
wait_for $s "Start a new interview" 60
# Answers of personas/quick-screen-fear-papers.yaml, one screen at a time.
keys $s Enter
walk_fear_papers $s
keys $s x
wait_for $s "Saved to"
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"

exported=$(ls "$TMPDIR"/exports/summary-*.json)
[[ $(stat -c %a "$exported") == 600 ]] || { echo "export is not 0600"; exit 1; }
[[ $(stat -c %a "$TMPDIR/exports") == 700 ]] || { echo "exports folder is not 0700"; exit 1; }
[[ ! -e $STORE/exports ]] || { echo "exports written into the store folder"; exit 1; }
"$INTAKE" summary --data-dir "$ROOT" --answers "$ROOT/personas/quick-screen-fear-papers.yaml" --format json >"$TMPDIR/expected.json"
# The export has the interview's date (its first event, local time with the
# zone); an answer file has none. Apart from that the two are the same.
python3 - "$exported" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
date = d["header"].pop("interview_date")
assert re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d( \S+)?", date), date
json.dump(d, open(sys.argv[1] + ".undated", "w"), indent=2, sort_keys=True)
PY
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), indent=2, sort_keys=True)' "$TMPDIR/expected.json" "$TMPDIR/expected.sorted"
diff -u "$TMPDIR/expected.sorted" "$exported.undated"

# The session is finished and listed as such.
"$INTAKE" sessions list --store "$STORE" | grep -q finished

# (f) Nothing of the interview in the pane or its scrollback.
if t capture-pane -p -S -1000 -t $s | grep -E "danger|passport|clinic door|SCREENING"; then
  echo "interview text left in the scrollback"; exit 1
fi
echo ok
