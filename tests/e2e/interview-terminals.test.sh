#!/usr/bin/env bash
# (d) Every TERM variant draws the first screen, quits with Ctrl-C + Enter
# and leaves the terminal restored (canonical mode, echo). (h) NO_COLOR=1.
source "$(dirname "$0")/tmux-helpers.bash"
run_with() { # NAME ENV...
  local s=$1; shift
  t new-session -d -x 80 -y 24 -s "$s" \
    "cd '$ROOT' && env $* '$INTAKE' run --data-dir '$ROOT' --ephemeral; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo; echo DONE; sleep 300"
  t set-option -s escape-time 10 >/dev/null
  wait_for "$s" "Start a new interview" 60
  keys "$s" C-c; wait_for "$s" "Quit the interview?"
  keys "$s" Enter
  wait_for "$s" "DONE"
  screen "$s" | grep -q "EXIT=0" || { echo "$*: exit status"; screen "$s"; exit 1; }
  screen "$s" | grep -q "icanon echo" || { echo "$*: terminal not restored"; screen "$s"; exit 1; }
  if screen "$s" | grep -q "Start a new interview"; then echo "$*: screen not cleared"; exit 1; fi
}
i=0
for term in xterm xterm-256color screen tmux-256color linux vt100; do
  i=$((i + 1)); run_with "term$i" TERM=$term
done
run_with nocolor TERM=xterm-256color NO_COLOR=1
echo ok
