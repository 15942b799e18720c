#!/usr/bin/env bash
# (e) kill -9 the real binary mid-interview; every answer confirmed
# ("Saved") before the kill is there on resume, at the same question.
# Text typed but not confirmed (an answer, a remark) is kept as a draft when
# the terminal closes (SIGHUP) or on SIGTERM, and is back on resume. When
# saving fails (a file-size limit, as on a full disk), quitting says what is
# not saved and the exit status is 1.
source "$(dirname "$0")/tmux-helpers.bash"
s=kill
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
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

# waits until process $1 has ended
wait_exit() {
  local i
  for ((i = 0; i < 300; i++)); do [[ -d /proc/$1 ]] || return 0; sleep 0.05; done
  echo "process $1 did not end" >&2; return 1
}

write_text_fixture
TSTORE="$TMPDIR/store-typing"
run_typing() {
  start_session "$1" "$INTAKE" run --data-dir "'$TMPDIR/data'" --store "'$TSTORE'" "${@:2}"
}
run_typing typing
wait_for typing "Start a new interview" 60
keys typing Enter; wait_for typing "one text answer"
keys typing Enter; wait_for typing "name of the business"
typed typing "Wombat Laundry 4417"
wait_for typing "Wombat Laundry 4417"
wait_for typing "Typed text not saved yet"
pid=$(intake_pid typing)
t kill-session -t typing  # the terminal is closed: SIGHUP
wait_exit "$pid"

id=$("$INTAKE" sessions list --store "$TSTORE" | awk '/unfinished/ {print $1}')
[[ -n $id ]]
run_typing typing2 --resume "$id"
wait_for typing2 "name of the business" 60
wait_for typing2 "Wombat Laundry 4417"
wait_for typing2 "Saved"
# A remark being written, then SIGTERM.
keys typing2 F5; wait_for typing2 "Remark"
typed typing2 "Numbat remark 2203"
wait_for typing2 "Numbat remark 2203"
kill -TERM "$(intake_pid typing2)"
wait_for typing2 "EXIT=0"

run_typing typing3 --resume "$id"
wait_for typing3 "Numbat remark 2203" 60
keys typing3 Enter  # the remark is confirmed
wait_for typing3 "Remark: Numbat remark 2203"
wait_for typing3 "Wombat Laundry 4417"
screen typing3 | grep -qF "Saved" || { echo "not saved after confirming the remark"; screen typing3; exit 1; }
keys typing3 F10; wait_for typing3 "Quit the interview?"
wait_for typing3 "The interview is saved"
keys typing3 Enter; wait_for typing3 "EXIT=0"

# Saving fails: every write past 32 KiB is refused (EFBIG), as on a full
# disk. (A copy of an existing store: a new one needs more than that.)
cp -a "$TSTORE" "$TMPDIR/store-full"
t new-session -d -x 80 -y 24 -s full \
  "cd '$ROOT' && ulimit -f 32; INTAKE_PASSPHRASE_FILE='$INTAKE_PASSPHRASE_FILE' '$INTAKE' run --data-dir '$TMPDIR/data' --store '$TMPDIR/store-full' 2>'$TMPDIR/full.err'; echo EXIT=\$?; sleep 300"
wait_for full "Start a new interview" 60
keys full Enter; wait_for full "one text answer"
keys full Enter; wait_for full "name of the business"
typed full "Dingo Farm 9021"
wait_for full "Dingo Farm 9021"
keys full F10; wait_for full "Quit the interview?"
wait_for full "Not saved"
wait_for full "lost if you quit now"
if screen full | grep -qF "The interview is saved"; then echo "quit screen claims the interview is saved"; screen full; exit 1; fi
keys full Enter; wait_for full "EXIT=1"
grep -q "not saved" "$TMPDIR/full.err" || { echo "no 'not saved' on stderr:"; cat "$TMPDIR/full.err"; exit 1; }
if grep -q "The interview is saved" "$TMPDIR/full.err"; then echo "stderr claims the interview is saved"; exit 1; fi
echo ok
