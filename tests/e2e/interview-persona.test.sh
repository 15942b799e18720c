#!/usr/bin/env bash
# (a) A persona's whole interview typed into the real binary in tmux; the
# exported JSON summary equals `intake summary --answers` for the same
# persona. (f) Afterwards the scrollback holds nothing of the interview.
source "$(dirname "$0")/tmux-helpers.bash"
s=persona
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen --export-dir "'$TMPDIR/exports'"
wait_for $s "Start a new interview" 60
keys $s Enter
wait_for $s "I would like to ask you a few short questions"
keys $s Enter
wait_for $s "Is it all right if I ask you"
# Answers of personas/quick-screen-fear-papers.yaml, one screen at a time.
answer() { # PROGRESS KEY
  wait_for $s "$1"
  keys $s "$2"
  wait_for $s "(•)"
  keys $s Enter
}
keys $s 1; wait_for $s "(•) Yes"; keys $s Enter
answer "question 2 of 11" 1   # in_danger_now: yes
answer "question 3 of 11" 2   # promised_differs: no
answer "question 4 of 11" 2   # hurt_or_locked_in: no
answer "question 5 of 11" 2   # hurt_by_others: no
wait_for $s "question 6 of 11"  # threatened: don't know, with a remark
keys $s F2; wait_for $s "Answer: Don't know"
keys $s F5; wait_for $s "Remark on this question"
t send-keys -t $s -l 'Said "he says things", did not want to go on.'
wait_for $s "did not want to go on."
keys $s Enter; wait_for $s "Remark: Said"
keys $s Enter
answer "question 7 of 11" 1   # afraid_to_leave: yes
wait_for $s "question 8 of 11"  # debt_cannot_repay: declined
keys $s F3; wait_for $s "Answer: Prefers not to answer"; keys $s Enter
answer "question 9 of 11" 1   # papers_held: yes
answer "question 10 of 11" 2  # age_band: adult (the exchange-of-sex question then no longer applies)
wait_for $s "Finish and show the summary"
keys $s F5; wait_for $s "Remark on the whole interview"
t send-keys -t $s -l 'Short conversation in French at the clinic door. Agreed to come back for the full screening with an interpreter.'
wait_for $s "interpreter."
keys $s Enter; wait_for $s "Remark on the whole interview: Short"
keys $s Enter
wait_for $s "SCREENING SUMMARY"
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
