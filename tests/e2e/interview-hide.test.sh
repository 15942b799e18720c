#!/usr/bin/env bash
# (c) Quick hide with Esc and with F12: the pane at once shows nothing of the
# interview; only Ctrl-R then Enter brings it back.
source "$(dirname "$0")/tmux-helpers.bash"
s=hide
start_session $s XDG_DATA_HOME="'$TMPDIR/xdg'" "$INTAKE" run --data-dir "'$ROOT'" --ephemeral --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
keys $s 1 Enter; wait_for $s "danger right now"
for hide in Escape F12; do
  keys $s $hide
  wait_for $s "System update" 2
  if screen $s | grep -E "danger|advocate|question|Yes|Hide|Help"; then echo "interview text visible after $hide"; exit 1; fi
  keys $s Enter; keys $s q; keys $s F1; keys $s C-r; keys $s x; keys $s Enter
  sleep 0.3
  screen $s | grep -q "System update" || { echo "left the hidden screen without the sequence"; exit 1; }
  keys $s C-r; keys $s Enter
  wait_for $s "danger right now"
done
keys $s F10; wait_for $s "Nothing was saved"; keys $s Enter
wait_for $s "EXIT=0"
# --ephemeral opened no store and wrote nothing.
[[ ! -e "$TMPDIR/xdg" ]] || { echo "--ephemeral wrote to disk"; find "$TMPDIR/xdg"; exit 1; }
echo ok
