#!/usr/bin/env bash
# The session store from the command line: show, export (0600), summary of a
# saved session, replay, permissions, a wrong passphrase, a corrupt database
# (clear error, file untouched), delete and purge.
source "$(dirname "$0")/tmux-helpers.bash"
s=make
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen
wait_for $s "Start a new interview" 60
keys $s Enter; to_consent $s
keys $s 1 Enter; wait_for $s "danger right now"
keys $s F5; wait_for $s "Remark on this question"
t send-keys -t $s -l "quokka-remark-93"
keys $s Enter
keys $s 2 Enter; wait_for $s "very different from what you were told"
# A remark on a question left unanswered (the interview stops here).
keys $s F5; wait_for $s "Remark on this question"
t send-keys -t $s -l "wombat-unanswered-57"
keys $s Enter; wait_for $s "Remark: wombat"
wait_for $s "Saved"
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"

id=$("$INTAKE" sessions list --store "$STORE" | awk '/unfinished/ {print $1}')
[[ -n $id ]] || { echo "no unfinished session"; exit 1; }

# Owner-only, everywhere.
[[ $(stat -c %a "$STORE") == 700 ]] || { echo "store dir is $(stat -c %a "$STORE")"; exit 1; }
for f in "$STORE"/*; do [[ -d $f ]] || [[ $(stat -c %a "$f") == 600 ]] || { echo "$f is $(stat -c %a "$f")"; exit 1; }; done

# Show and replay, piped: plain text with the answers and the remark.
"$INTAKE" sessions show "$id" --store "$STORE" --data-dir "$ROOT" >"$TMPDIR/show.txt"
grep -q "in_danger_now: No" "$TMPDIR/show.txt" || { cat "$TMPDIR/show.txt"; exit 1; }
grep -q "quokka-remark-93" "$TMPDIR/show.txt"
grep -q "^promised_differs: (not answered)$" "$TMPDIR/show.txt" || { cat "$TMPDIR/show.txt"; exit 1; }
grep -q "^    remark: wombat-unanswered-57$" "$TMPDIR/show.txt" || { cat "$TMPDIR/show.txt"; exit 1; }

# Sealing: an unfinished session is refused, and so is --format with --sealed-to.
pub=3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=  # RFC 7748 section 6.1, Bob's public key
set +e
msg=$("$INTAKE" sessions export "$id" --store "$STORE" --sealed-to "$pub" --output "$TMPDIR/unfinished.sealed" 2>&1); code=$?
set -e
[[ $code -eq 1 && ! -e $TMPDIR/unfinished.sealed ]] || { echo "unfinished sealed: exit $code: $msg"; exit 1; }
grep -q "is not finished; only a finished interview is sealed" <<<"$msg" || { echo "$msg"; exit 1; }
set +e
msg=$("$INTAKE" sessions export "$id" --store "$STORE" --sealed-to "$pub" --format markdown --output "$TMPDIR/fmt.sealed" 2>&1); code=$?
set -e
[[ $code -eq 2 && ! -e $TMPDIR/fmt.sealed ]] || { echo "--format with --sealed-to: exit $code: $msg"; exit 1; }
grep -q "leave out --format 'markdown' and choose the format when opening it" <<<"$msg" || { echo "$msg"; exit 1; }

# A store that cannot be written still lists and shows (as an ordinary
# user: root ignores permissions).
cp -a "$STORE" "$TMPDIR/ro-store"
cp -a "$INTAKE_PASSPHRASE_FILE" "$TMPDIR/ro-pass"
chown -R nobody "$TMPDIR/ro-store" "$TMPDIR/ro-pass"
chmod 500 "$TMPDIR/ro-store"; chmod 400 "$TMPDIR/ro-store"/*
chmod 711 "$TMPDIR"
ro() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent INTAKE_PASSPHRASE_FILE="$TMPDIR/ro-pass" "$INTAKE" "$@"; }
ro sessions list --store "$TMPDIR/ro-store" >"$TMPDIR/ro-list.txt" 2>&1 || { cat "$TMPDIR/ro-list.txt"; exit 1; }
grep -q "^${id:0:8}  unfinished" "$TMPDIR/ro-list.txt" || { cat "$TMPDIR/ro-list.txt"; exit 1; }
ro sessions show "$id" --store "$TMPDIR/ro-store" --data-dir "$ROOT" >"$TMPDIR/ro-show.txt" 2>&1 || { cat "$TMPDIR/ro-show.txt"; exit 1; }
grep -q "quokka-remark-93" "$TMPDIR/ro-show.txt" || { cat "$TMPDIR/ro-show.txt"; exit 1; }
chmod 700 "$TMPDIR"
"$INTAKE" sessions replay "$id" --store "$STORE" --data-dir "$ROOT" >"$TMPDIR/replay.txt"
grep -Eq "^ +[0-9]+  [0-9:]{8} \+0m[0-9]{2}s  answered consent: Yes" "$TMPDIR/replay.txt" || { cat "$TMPDIR/replay.txt"; exit 1; }

# Exports: a summary and the whole record, both 0600.
"$INTAKE" sessions export "$id" --store "$STORE" --data-dir "$ROOT" --format json --output "$TMPDIR/case.json" >/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["questionnaire"]["id"]=="quick-screen"' "$TMPDIR/case.json"
"$INTAKE" sessions export "$id" --store "$STORE" --format events --output "$TMPDIR/case.events" >/dev/null
[[ $(stat -c %a "$TMPDIR/case.json") == 600 && $(stat -c %a "$TMPDIR/case.events") == 600 ]]
"$INTAKE" summary "$id" --store "$STORE" --data-dir "$ROOT" --format text >"$TMPDIR/summary.txt"
grep -q "SCREENING SUMMARY" "$TMPDIR/summary.txt"

# A wrong passphrase: a clear sentence, exit 1, no stack trace.
printf 'not the passphrase\n' >"$TMPDIR/wrong"; chmod 600 "$TMPDIR/wrong"
set +e
msg=$(INTAKE_PASSPHRASE_FILE="$TMPDIR/wrong" "$INTAKE" sessions list --store "$STORE" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "wrong passphrase exit $code: $msg"; exit 1; }
grep -qi "passphrase" <<<"$msg" && ! grep -qi "fatal\|stack\|backtrace" <<<"$msg" || { echo "$msg"; exit 1; }

# A passphrase file others can read is refused.
chmod 644 "$TMPDIR/wrong"
set +e
msg=$(INTAKE_PASSPHRASE_FILE="$TMPDIR/wrong" "$INTAKE" sessions list --store "$STORE" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] && grep -q "chmod 600" <<<"$msg" || { echo "$msg"; exit 1; }

# A truncated database: a clear error, and the file is left as it was.
cp -r "$STORE" "$TMPDIR/broken"
db="$TMPDIR/broken/sessions.sqlite"
truncate -s 1000 "$db"
rm -f "$db-wal" "$db-shm"
sum=$(sha256sum "$db")
set +e
msg=$("$INTAKE" sessions list --store "$TMPDIR/broken" 2>&1); code=$?
set -e
[[ $code -eq 1 ]] || { echo "corrupt store exit $code: $msg"; exit 1; }
grep -qi "damaged\|corrupt\|not a" <<<"$msg" && ! grep -qi "fatal error\|backtrace" <<<"$msg" || { echo "$msg"; exit 1; }
[[ $(sha256sum "$db") == "$sum" ]] || { echo "the corrupt file was changed"; exit 1; }

# Delete wipes it; purge of nothing says so.
"$INTAKE" sessions delete "$id" --store "$STORE" | grep -q "Deleted session"
! grep -rq "quokka-remark-93" "$STORE"
[[ $("$INTAKE" sessions list --store "$STORE") == "No saved sessions." ]]
"$INTAKE" sessions purge --older-than 30d --store "$STORE" | grep -q "Removed 0 sessions"
echo ok
