#!/usr/bin/env bash
# (c) Quick hide with Esc and with F12: the pane at once shows nothing of the
# interview; only Ctrl-R then Enter brings it back.
source "$(dirname "$0")/tmux-helpers.bash"
s=hide
start_session $s XDG_DATA_HOME="'$TMPDIR/xdg'" XDG_CACHE_HOME="'$TMPDIR/cache'" "$INTAKE" run --data-dir "'$ROOT'" --ephemeral --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
keys $s 1 Enter; wait_for $s "danger right now"
# wait_same NAME FILE SECONDS: polls until the pane shows exactly FILE.
wait_same() {
  local i
  for ((i = 0; i < $3 * 20; i++)); do
    if screen "$1" | cmp -s - "$2"; then return 0; fi
    sleep 0.05
  done
  return 1
}
screen $s >"$TMPDIR/before.txt"
for hide in Escape F12; do
  keys $s $hide
  # The update screen replaces the whole frame at once: once it is there,
  # nothing of the interview may be.
  wait_for $s "System update" 2
  if screen $s | grep -E "danger|advocate|question|Yes|Hide|Help"; then echo "interview text visible after $hide"; exit 1; fi
  # Keys that are not the sequence, then "2", which on the question would
  # answer No; then the sequence. Keys are read in order, so once the
  # question is back every key before it has been handled: the screen must
  # be exactly as it was, with no answer, overlay or move left by them.
  keys $s Enter; keys $s q; keys $s F1; keys $s C-r; keys $s x; keys $s Enter; keys $s 2
  keys $s C-r; keys $s Enter
  wait_for $s "danger right now"
  wait_same $s "$TMPDIR/before.txt" 5 || {
    echo "keys typed while hidden reached the interview (or the sequence did not restore it):"
    diff "$TMPDIR/before.txt" <(screen $s); exit 1; }
done
keys $s F10; wait_for $s "Nothing was saved"; keys $s Enter
wait_for $s "EXIT=0"
# --ephemeral opened no store and wrote nothing, not even compiled
# translations (every file had loaded: the question screen reads keys only then).
for d in "$TMPDIR/xdg" "$TMPDIR/cache"; do
  [[ ! -e "$d" ]] || { echo "--ephemeral wrote to disk"; find "$d"; exit 1; }
done
echo ok
