#!/usr/bin/env bash
# Collection at organisation scale (issue 18): PostgreSQL started here, two
# 'intake server' instances migrating the same empty database at once, 20
# devices submitting 1,000 sealed sessions concurrently with seeded resends
# (a lost receipt) and retries, one server killed with SIGKILL mid-run.
# Every session must arrive exactly once and byte-identical; a supervisor
# pulls them all, a second pull downloads nothing, and every one opens
# (intake report opens each file, and refuses to report if one fails).
set -euo pipefail
: "${INTAKE:?}" "${ROOT:?}" "${TMPDIR:?}"
source "$(dirname "$0")/postgres-helpers.bash"
trap stop_postgres EXIT
LOADGEN="$INTAKE_DIR/intake-loadgen"
[[ -x $LOADGEN ]] || { echo "intake-loadgen is not built beside intake"; exit 1; }

start_postgres
pa=$(free_port); pb=$(free_port)
# Both start together on an empty database: the advisory lock lets one migrate.
start_server a "$pa"
start_server b "$pb"
wait_healthy "http://127.0.0.1:$pa"; wait_healthy "http://127.0.0.1:$pb"
[[ $(sql "SELECT count(*) FROM intake_schema") == 1 ]] || { echo "schema migrated $(sql "SELECT count(*) FROM intake_schema") times"; exit 1; }

"$INTAKE" keys new --output "$TMPDIR/org.key" >"$TMPDIR/keys.txt"
pub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/keys.txt")
mkdir -p "$TMPDIR/tokens"
for i in $(seq -w 0 19); do token device "device-$i" "$TMPDIR/tokens/device-$i"; done
token supervisor supervisor-1 "$TMPDIR/supervisor"
n=$(sql "SELECT count(*) FROM tokens")
[[ $n == 21 ]] || { echo "$n tokens stored, not 21"; exit 1; }
# Only hashes are stored: no token text is in the database.
# The secret is all after the third dash: it is base64url, so it may hold
# dashes itself (cut at the next one, it could be empty and match every row),
# and underscores (LIKE's wildcard), so it is looked for with strpos.
tok=$(cat "$TMPDIR/tokens/device-00")
secret=$(cut -d- -f4- <<<"$tok" | cut -c1-20)
((${#secret} == 20)) || { echo "unexpected token form: ${#secret} characters of secret"; exit 1; }
[[ $(sql "SELECT count(*) FROM tokens WHERE strpos(encode(hash, 'escape'), '$secret') > 0") == 0 ]] \
  || { echo "a token's text is in the database"; exit 1; }

"$LOADGEN" seal --public-key "$pub" --questionnaires "$ROOT/questionnaires" --personas "$ROOT/personas" \
  --count 1000 --devices 20 --seed 18 --out "$TMPDIR/outboxes"
[[ $(find "$TMPDIR/outboxes" -name '*.sealed' | wc -l) == 1000 ]]

"$LOADGEN" run --server "http://127.0.0.1:$pa,http://127.0.0.1:$pb" --outboxes "$TMPDIR/outboxes" \
  --tokens "$TMPDIR/tokens" --seed 18 --resend 0.2 >"$TMPDIR/run.txt" 2>&1 &
run_pid=$!
# Kill server a once about a quarter has arrived (and the run is still going).
for ((i = 0; i < 1200; i++)); do
  n=$(sql "SELECT count(*) FROM submissions")
  ((n >= 250)) && break
  sleep 0.1
done
kill -9 "$PID_a"
killed_at=$(sql "SELECT count(*) FROM submissions")
echo "killed server a at $killed_at rows"
((killed_at < 1000)) || { echo "the run ended before the kill; nothing was tested"; exit 1; }
wait "$run_pid" || { cat "$TMPDIR/run.txt"; exit 1; }
cat "$TMPDIR/run.txt"
# Every file confirmed. A file stored by server a just before the kill, whose
# answer was lost, is confirmed by b as already there (a "lost receipt"):
# stored plus lost receipts is every file, and the table has each once.
grep -q "^devices 20 confirmed 1000 " "$TMPDIR/run.txt"
grep -q " failed 0 " "$TMPDIR/run.txt"
stored=$(sed -n 's/.* stored \([0-9]*\) .*/\1/p' "$TMPDIR/run.txt")
lost=$(sed -n 's/.* lost_receipts \([0-9]*\) .*/\1/p' "$TMPDIR/run.txt")
((stored + lost == 1000)) || { echo "stored $stored + lost receipts $lost"; exit 1; }
# Resends came back as duplicates, and the kill made devices retry elsewhere.
dups=$(sed -n 's/.* duplicate \([0-9]*\) .*/\1/p' "$TMPDIR/run.txt")
retries=$(sed -n 's/.* retries \([0-9]*\)$/\1/p' "$TMPDIR/run.txt")
((dups >= 150)) || { echo "only $dups duplicates"; exit 1; }
((retries >= 1)) || { echo "no retries: the kill was not felt"; exit 1; }

# Exactly once: 1,000 rows, 1,000 digests, each from the device that sent it.
[[ $(sql "SELECT count(*) FROM submissions") == 1000 ]]
[[ $(sql "SELECT count(DISTINCT digest) FROM submissions") == 1000 ]]
[[ $(sql "SELECT count(*) FROM submissions WHERE size <> length(sealed) OR encode(sha256(sealed), 'hex') <> digest") == 0 ]]
[[ $(sql "SELECT count(DISTINCT device_id) FROM submissions") == 20 ]]

# The supervisor pulls everything from the surviving server.
"$INTAKE" org pull --server "http://127.0.0.1:$pb" --token-file "$TMPDIR/supervisor" "$TMPDIR/pulled" >"$TMPDIR/pull.txt"
grep -q "^Downloaded 1000 new sealed sessions" "$TMPDIR/pull.txt" || { cat "$TMPDIR/pull.txt"; exit 1; }
# Byte-identical: the same set of SHA-256 sums on both sides, and each file named by its own.
(cd "$TMPDIR/outboxes" && find . -name '*.sealed' -exec sha256sum {} + | cut -d' ' -f1 | sort) >"$TMPDIR/sent.sums"
(cd "$TMPDIR/pulled" && sha256sum -- *.sealed | cut -d' ' -f1 | sort) >"$TMPDIR/pulled.sums"
cmp "$TMPDIR/sent.sums" "$TMPDIR/pulled.sums"
(cd "$TMPDIR/pulled" && for f in *.sealed; do [[ $(sha256sum "$f" | cut -d' ' -f1).sealed == "$f" ]] || { echo "$f"; exit 1; }; done)
# A second pull finds nothing new.
"$INTAKE" org pull --server "http://127.0.0.1:$pb" --token-file "$TMPDIR/supervisor" "$TMPDIR/pulled" >"$TMPDIR/pull2.txt"
grep -q "^Downloaded 0 new sealed sessions .* 1000 were there already" "$TMPDIR/pull2.txt" || { cat "$TMPDIR/pull2.txt"; exit 1; }

# All of them open: report opens every file and refuses if one does not.
"$INTAKE" report "$TMPDIR/pulled" --key "$TMPDIR/org.key" --format csv --data-dir "$ROOT" >"$TMPDIR/report.csv"
grep -qx "month,total,1000" "$TMPDIR/report.csv" || { head "$TMPDIR/report.csv"; exit 1; }
grep -qx "result,total,1000" "$TMPDIR/report.csv"
# Six months of 2026 were drawn; the months add up to 1000.
[[ $(awk -F, '$1=="month" && $2!="total" {s+=$3} END {print s}' "$TMPDIR/report.csv") == 1000 ]]
first=$(find "$TMPDIR/pulled" -name '*.sealed' -print -quit)
"$INTAKE" open "$first" --key "$TMPDIR/org.key" --format events --output "$TMPDIR/first.json" --data-dir "$ROOT" >/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format"]=="intake-session-export/1" and d["status"]=="finished", d["format"]' "$TMPDIR/first.json"

# The logs are JSON lines and carry no record content.
grep -q '"message":"stored"' "$TMPDIR/b.log"
python3 - "$TMPDIR/b.log" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    assert "INTAKE-SEALED" not in line, line
    assert set(o) <= {"time", "level", "message", "logger", "method", "path", "status", "ms", "token", "digest",
                      "size", "key_id", "reason", "address", "pid", "version"}, o
PY
echo "collection load: 1000 of 1000 arrived once, byte-identical"
