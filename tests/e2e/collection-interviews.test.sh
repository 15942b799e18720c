#!/usr/bin/env bash
# Two real interviews typed in tmux, end to end through collection: each is
# sealed into the outbox, the start screen counts what waits, 'intake
# sessions submit' sends them (and, offline, keeps them waiting and says
# so), --delete-after-confirm removes confirmed copies, a supervisor pulls
# them ('intake org pull'), opens one and makes the aggregate report. Then
# the same server with native TLS and a self-signed certificate.
source "$(dirname "$0")/tmux-helpers.bash"
source "$(dirname "$0")/postgres-helpers.bash"
trap 'cleanup; stop_postgres' EXIT
LOADGEN="$INTAKE_DIR/intake-loadgen"

start_postgres
port=$(free_port); url="http://127.0.0.1:$port"
start_server s "$port"
wait_healthy "$url"
mkdir -p "$TMPDIR/cfg" && chmod 700 "$TMPDIR/cfg"
token device clinic-laptop-1 "$TMPDIR/cfg/device-token"
token supervisor supervisor-1 "$TMPDIR/supervisor-token"

"$INTAKE" keys new --output "$TMPDIR/org.key" >"$TMPDIR/keys.txt"
pub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/keys.txt")
cat >"$TMPDIR/cfg/organisation.yaml" <<YAML
public_key: $pub
sealed_dir: $TMPDIR/outbox
server_url: $url
device_token_file: device-token
YAML
org="$TMPDIR/cfg/organisation.yaml"

interview() {  # interview NAME EXPECTED-WAITING-LINE
  local s=$1
  start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen --org "'$org'"
  wait_for $s "Start a new interview" 60
  if [[ -n $2 ]]; then wait_for $s "$2"; else ! screen $s | grep -q "waiting to be sent" || { screen $s; exit 1; }; fi
  keys $s Enter
  walk_fear_papers $s
  keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
  wait_for $s "EXIT=0"
  t kill-session -t $s
}
interview first ""
interview second "Sealed sessions waiting to be sent: 1"
[[ $(ls "$TMPDIR/outbox" | grep -c '\.sealed$') == 2 ]]

# Submit: both sent and confirmed, each marked with the digest the server returned.
"$INTAKE" sessions submit --org "$org" --store "$STORE" >"$TMPDIR/submit.txt" || { cat "$TMPDIR/submit.txt"; exit 1; }
grep -q "^Sending 2 sealed sessions from $TMPDIR/outbox to $url" "$TMPDIR/submit.txt"
[[ $(grep -c ': sent, confirmed (digest' "$TMPDIR/submit.txt") == 2 ]]
grep -q "^Done: 2 sent, 0 already on the server.$" "$TMPDIR/submit.txt"
for f in "$TMPDIR"/outbox/*.sealed; do
  [[ $(cat "$f.sent") == $(sha256sum "$f" | cut -d' ' -f1) ]] || { echo "receipt of $f"; exit 1; }
done
[[ $(sql "SELECT count(*) FROM submissions") == 2 ]]
"$INTAKE" sessions submit --org "$org" --store "$STORE" | grep -q "^Nothing to send"
# The start screen no longer counts them.
s=third
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen --org "'$org'"
wait_for $s "Start a new interview" 60
! screen $s | grep -q "waiting to be sent" || { screen $s; exit 1; }
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"; t kill-session -t $s

# Offline: a new sealed session waits, the exit status says so (75), and nothing is lost.
"$LOADGEN" seal --public-key "$pub" --questionnaires "$ROOT/questionnaires" --personas "$ROOT/personas" --count 1 --seed 3 --out "$TMPDIR/extra" >/dev/null
cp "$TMPDIR/extra/device-00/session-00000.sealed" "$TMPDIR/outbox/session-extra.sealed"
kill "$PID_s"; wait "$PID_s" || true
set +e
"$INTAKE" sessions submit --org "$org" --store "$STORE" --attempts 3 >"$TMPDIR/offline.txt" 2>&1; code=$?
set -e
[[ $code == 75 ]] || { echo "exit $code"; cat "$TMPDIR/offline.txt"; exit 1; }
grep -q "session-extra.sealed: still waiting; the server could not be reached" "$TMPDIR/offline.txt" || { cat "$TMPDIR/offline.txt"; exit 1; }
grep -q "1 still waiting (server unreachable; run this again later)" "$TMPDIR/offline.txt"
[[ -f $TMPDIR/outbox/session-extra.sealed && ! -e $TMPDIR/outbox/session-extra.sealed.sent ]]
start_server s "$port"; wait_healthy "$url"

# Back online, with --delete-after-confirm: the new one is sent and deleted;
# the two sent before are queued again by removing their receipts and come
# back "already on the server", then are deleted too. Still 3 rows.
rm "$TMPDIR"/outbox/*.sent
"$INTAKE" sessions submit --org "$org" --store "$STORE" --delete-after-confirm >"$TMPDIR/submit2.txt" || { cat "$TMPDIR/submit2.txt"; exit 1; }
grep -q "^Done: 1 sent, 2 already on the server, 3 local copies deleted.$" "$TMPDIR/submit2.txt" || { cat "$TMPDIR/submit2.txt"; exit 1; }
[[ -z $(ls "$TMPDIR/outbox") ]] || { ls -la "$TMPDIR/outbox"; exit 1; }
[[ $(sql "SELECT count(*) FROM submissions") == 3 ]]
# What the server holds in the clear: a device id, a time, a size, a key id and a digest.
[[ $(sql "SELECT DISTINCT key_id FROM submissions") == $(sed -n 's/^Fingerprint: //p' "$TMPDIR/keys.txt" | tr -d ' ') ]]

# The supervisor pulls, opens one, and reports.
"$INTAKE" org pull --server "$url" --token-file "$TMPDIR/supervisor-token" "$TMPDIR/pulled" | grep -q "^Downloaded 3 new sealed sessions"
[[ $(stat -c %a "$TMPDIR/pulled") == 700 ]]
opened=0
for f in "$TMPDIR"/pulled/*.sealed; do
  "$INTAKE" open "$f" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format text --output "$TMPDIR/opened.txt" >/dev/null
  grep -q "^SCREENING SUMMARY$" "$TMPDIR/opened.txt"
  if grep -q "Will come back on Tuesday" "$TMPDIR/opened.txt"; then opened=$((opened + 1)); fi
done
[[ $opened == 2 ]] || { echo "$opened of the typed interviews found"; exit 1; }
"$INTAKE" report "$TMPDIR/pulled" --key "$TMPDIR/org.key" --data-dir "$ROOT" >"$TMPDIR/report.md"
grep -q "^Sessions: <5\. " "$TMPDIR/report.md" || { cat "$TMPDIR/report.md"; exit 1; }
grep -qx "| adult | <5 |" "$TMPDIR/report.md" || { cat "$TMPDIR/report.md"; exit 1; }
! grep -q "Tuesday\|supervisor checks" "$TMPDIR/report.md"
"$INTAKE" report "$TMPDIR/pulled" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format csv --output "$TMPDIR/report.csv" | grep -q "^Wrote"
grep -qx "month,total,<5" "$TMPDIR/report.csv"
# A file that is not a sealed session stops the report, unless skipped.
echo "not sealed" >"$TMPDIR/pulled/zz.sealed"
if "$INTAKE" report "$TMPDIR/pulled" --key "$TMPDIR/org.key" --data-dir "$ROOT" >/dev/null 2>"$TMPDIR/err"; then echo "reported over a bad file"; exit 1; fi
grep -q "zz.sealed: .*not a sealed intake export" "$TMPDIR/err" || { cat "$TMPDIR/err"; exit 1; }
"$INTAKE" report "$TMPDIR/pulled" --key "$TMPDIR/org.key" --data-dir "$ROOT" --skip-unreadable | grep -q "^Sessions: <5"

# Native TLS with a self-signed certificate: trusted with --ca-file, refused without.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$TMPDIR/tls.key" -out "$TMPDIR/tls.pem" >/dev/null 2>&1
tport=$(free_port)
start_server tls "$tport" INTAKE_SERVER_TLS_CERTIFICATE="$TMPDIR/tls.pem" INTAKE_SERVER_TLS_KEY="$TMPDIR/tls.key"
wait_healthy "https://127.0.0.1:$tport"
"$INTAKE" org pull --server "https://127.0.0.1:$tport" --ca-file "$TMPDIR/tls.pem" --token-file "$TMPDIR/supervisor-token" "$TMPDIR/pulled-tls" \
  | grep -q "^Downloaded 3 new sealed sessions"
if "$INTAKE" org pull --server "https://127.0.0.1:$tport" --token-file "$TMPDIR/supervisor-token" "$TMPDIR/pulled-x" >/dev/null 2>"$TMPDIR/err"; then
  echo "trusted a self-signed certificate"; exit 1; fi
grep -qi "certificate\|handshake\|ssl" "$TMPDIR/err" || { cat "$TMPDIR/err"; exit 1; }
echo "collection interviews: typed, sealed, submitted, pulled, opened, reported"
