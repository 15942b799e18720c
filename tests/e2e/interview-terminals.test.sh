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

# (i) Keys are read as bytes, whatever TERM says. Under TERM=linux or
# xterm-mono in tmux, F1 (ESC O P from tmux) is help, not quick hide; an
# unknown sequence is consumed whole and ignored (had it hidden the screen,
# Enter would not bring the start screen back); an invalid UTF-8 byte shows
# as U+FFFD and the rest of its burst is typed.
write_text_fixture
keys_with() { # NAME TERM
  local s=$1
  t new-session -d -x 80 -y 24 -s "$s" \
    "cd '$ROOT' && env TERM=$2 '$INTAKE' run --data-dir '$TMPDIR/data' --ephemeral; echo EXIT=\$?; sleep 300"
  t set-option -s escape-time 10 >/dev/null
  wait_for "$s" "Start a new interview" 60
  keys "$s" F1; wait_for "$s" "Help: keys"
  screen "$s" | grep -q "System update" && { echo "TERM=$2: F1 hid the screen"; exit 1; }
  t send-keys -t "$s" -H 1b 5b 39 39 3b 35 7a
  keys "$s" Enter; wait_for "$s" "Start a new interview"
  keys "$s" Enter; wait_for "$s" "one text answer"
  keys "$s" Enter; wait_for "$s" "name of the business"
  t send-keys -t "$s" -H 61 62 ff 63 64
  wait_for "$s" "› ab�cd"
  keys "$s" Escape; wait_for "$s" "System update"
  keys "$s" C-r; keys "$s" Enter; wait_for "$s" "› ab�cd"
  keys "$s" C-c; wait_for "$s" "Quit the interview?"; keys "$s" Enter
  wait_for "$s" "EXIT=0"
}
keys_with keys-linux linux
keys_with keys-mono xterm-mono
keys_with keys-xterm xterm-256color

# (j) A locale that is not UTF-8 (LANG=C over ssh): the program switches to
# C.UTF-8, so Chinese is drawn, not blanks or question marks.
s=lang-c
t new-session -d -x 80 -y 24 -s $s \
  "cd '$ROOT' && env LANG=C LC_ALL= LC_CTYPE= TERM=xterm-256color '$INTAKE' run --data-dir '$ROOT' --ephemeral --language zh-Hans --advocate-language zh-Hans; echo EXIT=\$?; sleep 300"
wait_for $s "开始新的面谈" 60
keys $s C-c; wait_for $s "退出面谈吗"; keys $s Enter
wait_for $s "EXIT=0"

# (k) A terminal that cannot address the cursor (TERM=dumb) or is smaller
# than 80x24 at the start gets a message and a non-zero exit, not a screen.
s=dumb
t new-session -d -x 80 -y 24 -s $s \
  "cd '$ROOT' && env TERM=dumb '$INTAKE' run --data-dir '$ROOT' --ephemeral; echo EXIT=\$?; sleep 300"
wait_for $s "EXIT=1" 60
screen $s | grep -q "cannot move the cursor" || { echo "TERM=dumb: no message"; screen $s; exit 1; }
s=small
t new-session -d -x 60 -y 20 -s $s \
  "cd '$ROOT' && env TERM=xterm-256color '$INTAKE' run --data-dir '$ROOT' --ephemeral; echo EXIT=\$?; sleep 300"
wait_for $s "EXIT=1" 60
screen $s | grep -q "at least 80×24" || { echo "60x20: no message"; screen $s; exit 1; }
echo ok
