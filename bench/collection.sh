#!/usr/bin/env bash
# Collection server benchmark (not a test): submissions per second and
# latency percentiles of 'intake server' against one PostgreSQL on this
# machine. See bench/README.md, "Collection server".
#
#   bench/collection.sh [--devices 20] [--sessions 2000] [--instances 1] [--debug]
#
# Builds intake, intake-server and intake-loadgen in release mode into
# .build-bench-server (--debug: uses .build/debug as it is), starts its own
# PostgreSQL (loopback, a free port, a temporary data folder) and the
# server, seals the sessions with the real sealing code, then plays the
# devices submitting all at once, each sending its files one after another.
# The load generator runs on the same 2 cores as the server and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEVICES=20 SESSIONS=2000 INSTANCES=1 DEBUG=0
while (($#)); do
  case $1 in
    --devices) DEVICES=$2; shift ;;
    --sessions) SESSIONS=$2; shift ;;
    --instances) INSTANCES=$2; shift ;;
    --debug) DEBUG=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/collection.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scripts/deps.sh bench
if ((DEBUG)); then
  BIN=$ROOT/.build/debug
else
  mapfile -t flags < <(grep -v '^#' scripts/release-flags | grep -v '^$')
  for p in intake intake-server intake-loadgen; do
    swift build "${flags[@]}" --scratch-path .build-bench-server --product "$p" >&2
  done
  BIN=$(swift build "${flags[@]}" --scratch-path .build-bench-server --show-bin-path)
fi
export INTAKE=$BIN/intake ROOT
TMPDIR=$(mktemp -d); chmod 700 "$TMPDIR"; export TMPDIR
source tests/e2e/postgres-helpers.bash
trap 'stop_postgres; rm -rf "$TMPDIR"' EXIT
export PG_FSYNC=on
start_postgres
urls=()
for ((i = 0; i < INSTANCES; i++)); do
  port=$(free_port)
  start_server "s$i" "$port" INTAKE_DATABASE_POOL_SIZE=16
  wait_healthy "http://127.0.0.1:$port"
  urls+=("http://127.0.0.1:$port")
done
"$INTAKE" keys new --output "$TMPDIR/org.key" >"$TMPDIR/keys.txt"
pub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/keys.txt")
mkdir -p "$TMPDIR/tokens"
for ((i = 0; i < DEVICES; i++)); do token device "device-$(printf %02d "$i")" "$TMPDIR/tokens/device-$(printf %02d "$i")"; done
"$BIN/intake-loadgen" seal --public-key "$pub" --questionnaires questionnaires --personas personas \
  --count "$SESSIONS" --devices "$DEVICES" --seed 19 --out "$TMPDIR/outboxes" >&2
size=$(du -sb "$TMPDIR/outboxes" | cut -f1)
echo "machine: $(nproc) cores, $(uname -m); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $([[ $DEBUG == 1 ]] && echo debug || echo release); PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (fsync on)"
echo "sessions: $SESSIONS from $DEVICES devices to $INSTANCES instance(s); mean sealed size $((size / SESSIONS)) bytes"
IFS=,; "$BIN/intake-loadgen" run --server "${urls[*]}" --outboxes "$TMPDIR/outboxes" --tokens "$TMPDIR/tokens" --seed 19; unset IFS
echo "rows: $(sql 'SELECT count(*) FROM submissions'); table size: $(sql "SELECT pg_size_pretty(pg_total_relation_size('submissions'))")"
