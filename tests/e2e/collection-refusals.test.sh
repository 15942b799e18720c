#!/usr/bin/env bash
# Every refusal of the collection server, each with its HTTP status and
# message, and the database unchanged after each (row counts checked):
# no token, a wrong token, a revoked token, an oversized upload, a
# malformed upload, a file that is not sealed, a file sealed to another
# key, a damaged upload, a replay of another device's submission, a device
# token used to list or download, a supervisor token used to submit. Also
# what is accepted: a first upload (201) and its retry (200, one row).
set -euo pipefail
: "${INTAKE:?}" "${ROOT:?}" "${TMPDIR:?}"
source "$(dirname "$0")/postgres-helpers.bash"
trap stop_postgres EXIT
LOADGEN="$INTAKE_DIR/intake-loadgen"

start_postgres
"$INTAKE" keys new --output "$TMPDIR/org.key" >"$TMPDIR/keys.txt"
pub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/keys.txt")
fpr=$(sed -n 's/^Fingerprint: //p' "$TMPDIR/keys.txt" | tr -d ' ')
"$INTAKE" keys new --output "$TMPDIR/other.key" >"$TMPDIR/other.txt"
otherpub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/other.txt")

port=$(free_port)
start_server s "$port" INTAKE_SERVER_MAX_UPLOAD_BYTES=200000 INTAKE_SERVER_ACCEPTED_KEY_IDS="$fpr"
url="http://127.0.0.1:$port"
wait_healthy "$url"
curl -fsS "$url/health" | grep -q '"status":"ok"'

token device laptop-1 "$TMPDIR/dev1"; token device laptop-2 "$TMPDIR/dev2"; token device laptop-3 "$TMPDIR/dev3"
token supervisor supervisor-1 "$TMPDIR/sup"
dev1=$(cat "$TMPDIR/dev1"); dev2=$(cat "$TMPDIR/dev2"); dev3=$(cat "$TMPDIR/dev3"); sup=$(cat "$TMPDIR/sup")
[[ $(stat -c %a "$TMPDIR/dev1") == 600 ]]

"$LOADGEN" seal --public-key "$pub" --questionnaires "$ROOT/questionnaires" --personas "$ROOT/personas" --count 2 --seed 5 --out "$TMPDIR/s" >/dev/null
"$LOADGEN" seal --public-key "$otherpub" --questionnaires "$ROOT/questionnaires" --personas "$ROOT/personas" --count 1 --seed 6 --out "$TMPDIR/o" >/dev/null
one="$TMPDIR/s/device-00/session-00000.sealed"; two="$TMPDIR/s/device-00/session-00001.sealed"
post() { status_of POST "$url/v1/submissions" "$1" -H 'Content-Type: application/octet-stream' --data-binary "@$2" "${@:3}"; }
rows() { sql "SELECT count(*) FROM submissions"; }

# expect STATUS MESSAGE-PART ROWS: the last response, and the table.
expect() {
  local got=$1 want=$2 text=$3 count=$4
  [[ $got == "$want" ]] || { echo "status $got, expected $want: $(cat "$TMPDIR/body")"; exit 1; }
  grep -qF -- "$text" "$TMPDIR/body" || { echo "expected '$text' in: $(cat "$TMPDIR/body")"; exit 1; }
  [[ $(rows) == "$count" ]] || { echo "$(rows) rows, expected $count"; exit 1; }
}

# Accepted: stored once (201), and a retry of the same bytes is confirmed (200), still one row.
digest=$(sha256sum "$one" | cut -d' ' -f1)
expect "$(post "$dev1" "$one")" 201 "\"digest\":\"$digest\"" 1
grep -q '"status":"stored"' "$TMPDIR/body"
expect "$(post "$dev1" "$one")" 200 '"status":"duplicate"' 1
received=$(sql "SELECT received_at FROM submissions")

# No token, a wrong one, a made-up one of the right shape.
expect "$(post "" "$two")" 401 "a token is needed" 1
expect "$(post "not-a-token" "$two")" 401 "the token is not known to this server" 1
expect "$(post "${dev1%?????}AAAAA" "$two")" 401 "the token is not known to this server" 1
# Revoked.
id3=$(cut -d- -f3 <<<"$dev3")
"$INTAKE" server token revoke "$id3" | grep -q "^Revoked token $id3."
"$INTAKE" server token list | grep "^$id3 " | grep -qv ' -$'
expect "$(post "$dev3" "$two")" 401 "the token was revoked" 1
if "$INTAKE" server token revoke ffffffff 2>"$TMPDIR/err"; then echo "revoked a token that does not exist"; exit 1; fi
grep -q "no token with id ffffffff" "$TMPDIR/err"

# Oversized: refused from its Content-Length, before it is read.
head -c 300000 /dev/urandom >"$TMPDIR/big"
expect "$(post "$dev1" "$TMPDIR/big")" 413 "this server accepts at most 200000" 1
# Not sealed at all; sealed but an unknown version; cut short.
printf 'name,answer\nconsent,yes\n' >"$TMPDIR/plain.csv"
expect "$(post "$dev1" "$TMPDIR/plain.csv")" 415 "not a sealed intake session" 1
{ printf 'INTAKE-SEALED\n\x09'; head -c 100 /dev/urandom; } >"$TMPDIR/v9"
expect "$(post "$dev1" "$TMPDIR/v9")" 400 "unknown format version 9" 1
head -c 40 "$two" >"$TMPDIR/short"
expect "$(post "$dev1" "$TMPDIR/short")" 400 "cut short" 1
# Sealed to a key this server does not accept.
expect "$(post "$dev1" "$TMPDIR/o/device-00/session-00000.sealed")" 422 "which this server does not accept" 1
# Damaged on the way: the client's digest does not match what arrived.
expect "$(post "$dev1" "$two" -H "Intake-Digest: $digest")" 400 "it was damaged on the way" 1
# A replay of laptop-1's submission by laptop-2: refused, the row untouched.
expect "$(post "$dev2" "$one")" 409 "already received from another device" 1
[[ $(sql "SELECT device_id FROM submissions") == $(cut -d- -f3 <<<"$dev1") ]]
[[ $(sql "SELECT received_at FROM submissions") == "$received" ]]

# Roles: a device may not list or download, a supervisor may not submit.
expect "$(status_of GET "$url/v1/submissions" "$dev1")" 403 "a device token may only submit" 1
expect "$(status_of GET "$url/v1/submissions/$digest" "$dev1")" 403 "a device token may only submit" 1
expect "$(post "$sup" "$two")" 403 "a supervisor token may only list and download" 1
expect "$(status_of GET "$url/v1/submissions" "")" 401 "a token is needed" 1
# The supervisor lists and downloads; a bad or unknown digest is refused.
expect "$(status_of GET "$url/v1/submissions" "$sup")" 200 "\"digest\":\"$digest\"" 1
expect "$(status_of GET "$url/v1/submissions/$digest" "$sup")" 200 "INTAKE-SEALED" 1
cmp "$TMPDIR/body" "$one"
expect "$(status_of GET "$url/v1/submissions/xyz" "$sup")" 400 "64 lower-case hex digits" 1
expect "$(status_of GET "$url/v1/submissions/$(printf '0%.0s' {1..64})" "$sup")" 404 "no submission with digest" 1
[[ $(sql "SELECT count(*) FROM tokens") == 4 ]]

# The client refuses plain http:// to another computer before connecting.
if "$INTAKE" org pull --server http://intake.invalid --token-file "$TMPDIR/sup" "$TMPDIR/p" 2>"$TMPDIR/err"; then
  echo "pulled over plain http"; exit 1; fi
grep -q "refusing plain http:// to intake.invalid" "$TMPDIR/err"
# A token file others can read is refused.
chmod 644 "$TMPDIR/sup"
if "$INTAKE" org pull --server "$url" --token-file "$TMPDIR/sup" "$TMPDIR/p" 2>"$TMPDIR/err"; then echo "used a readable token file"; exit 1; fi
grep -q "other users can access it" "$TMPDIR/err"
chmod 600 "$TMPDIR/sup"

# Without the database the health check says so (503), and submitting is a server error, retried by clients.
stop_pg_only() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast stop >/dev/null; }
stop_pg_only
[[ $(status_of GET "$url/health" "") == 503 ]]
grep -q "database unavailable" "$TMPDIR/body"
echo "collection refusals: every refusal clear, the database unchanged"
