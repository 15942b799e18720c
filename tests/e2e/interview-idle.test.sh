#!/usr/bin/env bash
# An interview left alone uses no CPU (issue 19): once a question is on
# screen and every file has loaded, intake is one thread blocked on the
# keyboard, which no timer wakes. With a store, so that the store's opening
# (its read-only check first) is part of the run, and over a question the
# interview has saved an answer before.
source "$(dirname "$0")/tmux-helpers.bash"
# A first run makes the store, so that the second opens an existing one
# (and checks it read-only first, through a connection it then lets go).
s=first
start_session $s XDG_CACHE_HOME="'$TMPDIR/cache'" "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"
[[ -s $STORE/sessions.sqlite ]] || { echo "the first run left no store"; exit 1; }

s=idle
start_session $s XDG_CACHE_HOME="'$TMPDIR/cache'" "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
keys $s 1 Enter; wait_for $s "danger right now"
pid=$(intake_pid $s) || { echo "intake process not found"; exit 1; }

# The loading threads end once their work is done: wait for one thread.
threads() { ls "/proc/$pid/task" | wc -l; }
for ((i = 0; i < 100; i++)); do [[ $(threads) == 1 ]] && break; sleep 0.05; done
[[ $(threads) == 1 ]] || { echo "intake at rest runs $(threads) threads:"; cat /proc/"$pid"/task/*/comm; exit 1; }

# Time on the CPU (nanoseconds, schedstat's first field) does not move in
# three seconds, and nothing is drawn.
cpu() { cut -d' ' -f1 "/proc/$pid/task/$pid/schedstat"; }
screen $s >"$TMPDIR/before.txt"
before=$(cpu); sleep 3; after=$(cpu)
[[ $after == "$before" ]] || { echo "intake used $((after - before)) ns of CPU in 3 s with no key"; exit 1; }
screen $s | cmp -s - "$TMPDIR/before.txt" || { echo "the screen changed with no key"; exit 1; }
[[ $(threads) == 1 ]] || { echo "a thread started while idle"; cat /proc/"$pid"/task/*/comm; exit 1; }

# And it still answers at once.
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"
echo ok
