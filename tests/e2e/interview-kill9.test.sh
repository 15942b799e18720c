#!/usr/bin/env bash
# (e) kill -9 the real binary mid-interview; every answer confirmed
# ("Saved") before the kill is there on resume, at the same question.
source "$(dirname "$0")/tmux-helpers.bash"
s=kill
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; wait_for $s "I would like to ask you"
keys $s Enter; wait_for $s "Is it all right"
keys $s 1 Enter; wait_for $s "danger right now"
keys $s 2 Enter; wait_for $s "very different from what you were told"
keys $s 1 Enter; wait_for $s "hurt you"
keys $s F3; wait_for $s "Answer: Prefers not to answer"
wait_for $s "Saved"
pid=$(intake_pid $s) || { echo "intake process not found"; exit 1; }
kill -9 "$pid"
wait_for $s "EXIT=137"

"$INTAKE" sessions list --store "$STORE" | tee "$TMPDIR/list"
id=$(awk '/unfinished/ {print $1}' "$TMPDIR/list")
[[ -n $id ]]
start_session again "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --resume "$id"
wait_for again "hurt you" 60
wait_for again "Answer: Prefers not to answer"
keys again F9
wait_for again "Finish and show the summary"
screen again | grep -E "^ +in_danger_now +.* No *$"
screen again | grep -E "^ +promised_differs +.* Yes *$"
screen again | grep -E "^ +hurt_or_locked_in +.* Prefers not to answer *$"
screen again | grep -E "^ +consent +.* Yes *$"
# SIGTERM: what is recorded stays, the program exits cleanly, the terminal is restored.
keys again Escape; wait_for again "System update"
pid=$(intake_pid again)
kill -TERM "$pid"
wait_for again "EXIT=0"
"$INTAKE" sessions list --store "$STORE" | grep -q unfinished
echo ok
