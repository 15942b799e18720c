#!/usr/bin/env bash
# 'intake store passphrase': a wrong current passphrase changes nothing; a
# short new one is refused; kill -9 at several moments of the re-encryption
# leaves exactly one of the two passphrases working with every session there;
# a change that runs to the end reports the sessions and only the new
# passphrase opens the store; the prompts ask twice and apply the 8-character
# rule.
source "$(dirname "$0")/tmux-helpers.bash"

# Three unfinished sessions, each with an answer and a remark.
for n in 1 2 3; do
  s=make$n
  start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
  wait_for $s "Start a new interview" 60
  keys $s Enter; to_consent $s
  keys $s 1 Enter; wait_for $s "danger right now"
  keys $s F5; wait_for $s "Remark on this question"
  typed $s "numbat-remark-$n"
  wait_for $s "numbat-remark-$n"
  keys $s Enter; wait_for $s "Remark: numbat-remark-$n"
  keys $s 2 Enter; wait_for $s "very different from what you were told"
  wait_for $s "Saved"
  keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
  wait_for $s "EXIT=0"
done

OLD=$INTAKE_PASSPHRASE_FILE
NEW=$TMPDIR/new-passphrase
printf 'the new e2e passphrase\n' >"$NEW"
chmod 600 "$NEW"
SHORT=$TMPDIR/short-passphrase
printf 'short\n' >"$SHORT"
chmod 600 "$SHORT"
WRONG=$TMPDIR/wrong-passphrase
printf 'not the passphrase at all\n' >"$WRONG"
chmod 600 "$WRONG"

# sessions_with FILE: the number of sessions listed when FILE holds the
# passphrase, or "refused" when it does not open the store.
sessions_with() {
  local out
  if out=$(INTAKE_PASSPHRASE_FILE=$1 "$INTAKE" sessions list --store "$STORE" 2>&1); then
    grep -c " unfinished " <<<"$out" || true
  else
    grep -q "The passphrase is not correct" <<<"$out" || { echo "unexpected: $out" >&2; return 1; }
    echo refused
  fi
}

[[ $(sessions_with "$OLD") == 3 ]]
[[ $(sessions_with "$NEW") == refused ]]

# A wrong current passphrase, or a short new one: exit 1, nothing changes.
set +e
msg=$(INTAKE_PASSPHRASE_FILE=$WRONG INTAKE_NEW_PASSPHRASE_FILE=$NEW "$INTAKE" store passphrase --store "$STORE" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "wrong current: exit $code: $msg"; exit 1; }
grep -q "The passphrase is not correct for this session store; nothing was changed." <<<"$msg" || { echo "$msg"; exit 1; }
set +e
msg=$(INTAKE_PASSPHRASE_FILE=$OLD INTAKE_NEW_PASSPHRASE_FILE=$SHORT "$INTAKE" store passphrase --store "$STORE" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "short new: exit $code: $msg"; exit 1; }
grep -q "A new passphrase must have at least 8 characters" <<<"$msg" || { echo "$msg"; exit 1; }
[[ $(sessions_with "$OLD") == 3 ]]
[[ $(sessions_with "$NEW") == refused ]]

# kill_change WHEN: starts a change from whichever passphrase works now to
# the other one, pausing 50 ms after each value (the test-only
# INTAKE_TEST_REENCRYPT_PAUSE_MS), kills it with SIGKILL at WHEN ("now",
# or a number of seconds after it said it is re-encrypting), then checks
# that exactly one passphrase opens the store, with all three sessions.
kill_change() {
  local when=$1 from to pid out with_old with_new
  if [[ $(sessions_with "$OLD") == 3 ]]; then from=$OLD to=$NEW; else from=$NEW to=$OLD; fi
  out=$TMPDIR/change-$when.out
  INTAKE_TEST_REENCRYPT_PAUSE_MS=50 INTAKE_PASSPHRASE_FILE=$from INTAKE_NEW_PASSPHRASE_FILE=$to \
    "$INTAKE" store passphrase --store "$STORE" >"$out" 2>&1 &
  pid=$!
  if [[ $when != now ]]; then
    local i
    for ((i = 0; i < 600; i++)); do grep -q "Re-encrypting 3 sessions" "$out" && break; sleep 0.05; done
    grep -q "Re-encrypting 3 sessions" "$out" || { echo "no sign of re-encrypting:"; cat "$out"; return 1; }
    sleep "$when"
  fi
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  with_old=$(sessions_with "$OLD")
  with_new=$(sessions_with "$NEW")
  echo "killed at $when: old passphrase: $with_old, new passphrase: $with_new"
  if [[ $with_old == 3 && $with_new == refused ]] || [[ $with_old == refused && $with_new == 3 ]]; then
    return 0
  fi
  echo "after a kill at $when: old passphrase gives '$with_old', new one '$with_new'"; cat "$out"; return 1
}

kill_change now
kill_change 0
kill_change 0.3
kill_change 1
kill_change 2
kill_change 4

# Run to the end: the count is reported and only the new passphrase works.
if [[ $(sessions_with "$OLD") == 3 ]]; then from=$OLD to=$NEW; else from=$NEW to=$OLD; fi
out=$(INTAKE_PASSPHRASE_FILE=$from INTAKE_NEW_PASSPHRASE_FILE=$to "$INTAKE" store passphrase --store "$STORE" 2>&1)
grep -q "Passphrase changed: 3 sessions re-encrypted." <<<"$out" || { echo "$out"; exit 1; }
[[ $(sessions_with "$to") == 3 ]]
[[ $(sessions_with "$from") == refused ]]
INTAKE_PASSPHRASE_FILE=$to "$INTAKE" sessions show "$(INTAKE_PASSPHRASE_FILE=$to "$INTAKE" sessions list --store "$STORE" | awk '/unfinished/ {print $1; exit}')" \
  --store "$STORE" --data-dir "$ROOT" | grep -q "remark: numbat-remark-"

# wait_count NAME TEXT N: polls until TEXT is on N lines of the pane (the
# prompt flushes what was typed before it, so each answer waits for its own).
wait_count() {
  local i
  for ((i = 0; i < 300; i++)); do
    (( $(screen "$1" | grep -cF -- "$2") >= $3 )) && return 0
    sleep 0.05
  done
  echo "timed out waiting for $3 times: $2" >&2; screen "$1" >&2; return 1
}

# At the prompts (no passphrase files): the current one, then the new one
# twice, with the 8-character rule and a mismatch.
printf '%s' "$(head -n1 "$to")" >"$TMPDIR/current-text"
t new-session -d -x 80 -y 24 -s prompt \
  "cd '$ROOT' && env -u INTAKE_PASSPHRASE_FILE '$INTAKE' store passphrase --store '$STORE'; echo EXIT=\$?; sleep 300"
wait_count prompt "Passphrase for the session store:" 1
typed prompt "$(cat "$TMPDIR/current-text")"; keys prompt Enter
wait_count prompt "New passphrase:" 1
typed prompt "tiny"; keys prompt Enter
wait_for prompt "Please use at least 8 characters."
wait_count prompt "New passphrase:" 2
typed prompt "prompted passphrase"; keys prompt Enter
wait_count prompt "Repeat it:" 1
typed prompt "prompted passphrasf"; keys prompt Enter
wait_for prompt "The two did not match."
wait_count prompt "New passphrase:" 3
typed prompt "prompted passphrase"; keys prompt Enter
wait_count prompt "Repeat it:" 2
typed prompt "prompted passphrase"; keys prompt Enter
wait_for prompt "Passphrase changed: 3 sessions re-encrypted." 30
wait_for prompt "EXIT=0"
screen prompt | grep -q "prompted passphrase" && { echo "the passphrase was echoed"; exit 1; }
PROMPTED=$TMPDIR/prompted-passphrase
printf 'prompted passphrase\n' >"$PROMPTED"
chmod 600 "$PROMPTED"
[[ $(sessions_with "$PROMPTED") == 3 ]]
[[ $(sessions_with "$to") == refused ]]
