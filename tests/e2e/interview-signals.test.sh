#!/usr/bin/env bash
# Signals that would end the program (SIGQUIT, SIGUSR1, SIGALRM) clear the
# screen and restore the terminal (cooked mode) instead of killing intake
# with the interview left on screen in raw mode; SIGXFSZ is a write error,
# not a crash; and no core file is written (RLIMIT_CORE 0, not dumpable),
# even where the shell allows core files.
source "$(dirname "$0")/tmux-helpers.bash"
write_text_fixture
work="$TMPDIR/cwd"
mkdir -p "$work"

start_interview() {
  local s=$1
  t new-session -d -x 80 -y 24 -s "$s" \
    "cd '$work' && ulimit -c unlimited; INTAKE_PASSPHRASE_FILE='$INTAKE_PASSPHRASE_FILE' '$INTAKE' run --data-dir '$TMPDIR/data' --store '$TMPDIR/store-$s'; echo EXIT=\$?; sleep 300"
  t set-option -s escape-time 10 >/dev/null
  wait_for "$s" "Start a new interview" 60
  keys "$s" Enter; wait_for "$s" "one text answer"
  keys "$s" Enter; wait_for "$s" "name of the business"
  t send-keys -t "$s" -l "Quokka Bakery 5150"
  wait_for "$s" "Quokka Bakery 5150"
}

# The pane's terminal is in cooked mode: canonical input and echo on.
expect_cooked() {
  local s=$1 tty modes
  tty=$(t display-message -p -t "$s" '#{pane_tty}')
  modes=$(stty -F "$tty" -a)
  grep -qE '(^|[[:space:]])icanon([[:space:]]|$)' <<<"$modes" \
    && grep -qE '(^|[[:space:]])echo([[:space:]]|$)' <<<"$modes" \
    || { echo "$s: terminal left in raw mode: $modes"; exit 1; }
}

expect_no_core() {
  local cores
  cores=$(find "$work" -maxdepth 1 -name 'core*')
  [[ -z $cores ]] || { echo "$1: core file written: $cores"; exit 1; }
}

for sig in QUIT USR1 ALRM; do
  s=sig-$sig
  start_interview "$s"
  pid=$(intake_pid "$s") || { echo "$s: intake process not found"; exit 1; }
  kill -"$sig" "$pid"
  wait_for "$s" "EXIT=" 15
  if screen "$s" | grep -qF "Quokka"; then echo "$s: interview text still on screen"; screen "$s"; exit 1; fi
  screen "$s" | grep -q "EXIT=0" || { echo "$s: did not exit cleanly"; screen "$s"; exit 1; }
  expect_cooked "$s"
  expect_no_core "$s"
done

# SIGXFSZ (file too large) is ignored, so the write fails with EFBIG and is
# reported as a save failure: the interview goes on.
s=sig-XFSZ
start_interview "$s"
pid=$(intake_pid "$s") || { echo "$s: intake process not found"; exit 1; }
kill -XFSZ "$pid"
t send-keys -t "$s" -l " 77"
wait_for "$s" "Quokka Bakery 5150 77"
[[ $(intake_pid "$s") == "$pid" ]] || { echo "$s: intake ended"; screen "$s"; exit 1; }
if screen "$s" | grep -qF "EXIT="; then echo "$s: intake ended"; screen "$s"; exit 1; fi
keys "$s" F10; wait_for "$s" "Quit the interview?"; keys "$s" Enter
wait_for "$s" "EXIT=0"
expect_cooked "$s"
expect_no_core "$s"
echo ok
