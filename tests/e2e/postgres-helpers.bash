# PostgreSQL and collection-server helpers for the collection e2e tests
# (sourced, not run by run.sh). Each test starts its own PostgreSQL 15: a
# data folder of its own in a temporary directory, listening on loopback
# only, on a free port, stopped and removed on exit. initdb refuses to run
# as root, so as root (CI) the server runs as the postgres user.
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x $PGBIN/initdb ]] || { echo "PostgreSQL server binaries are missing (apt-get install postgresql)"; exit 1; }
INTAKE_DIR=$(dirname "$INTAKE")
SERVER_PIDS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres: sets PGPORT, PGDATA_DIR and the INTAKE_DATABASE_* variables.
start_postgres() {
  PGDATA_DIR=$(mktemp -d /tmp/intake-pg.XXXXXX)
  chmod 700 "$PGDATA_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PGDATA_DIR"
  PGPORT=$(free_port)
  printf 'collection test password\n' >"$PGDATA_DIR/pw.init"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PGDATA_DIR/pw.init"
  as_pg "$PGBIN/initdb" -D "$PGDATA_DIR/data" -U intake --pwfile="$PGDATA_DIR/pw.init" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PGDATA_DIR/initdb.log" 2>&1 || { cat "$PGDATA_DIR/initdb.log"; return 1; }
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c max_connections=200 -c fsync=${PG_FSYNC:-off}" start >/dev/null \
    || { cat "$PGDATA_DIR/server.log"; return 1; }
  printf 'collection test password\n' >"$TMPDIR/db-password"; chmod 600 "$TMPDIR/db-password"
  export PGPASSWORD='collection test password'
  psql -h 127.0.0.1 -p "$PGPORT" -U intake -d postgres -qc 'CREATE DATABASE intake' >/dev/null
  export INTAKE_DATABASE_URL="postgres://intake@127.0.0.1:$PGPORT/intake"
  export INTAKE_DATABASE_PASSWORD_FILE="$TMPDIR/db-password"
}

stop_postgres() {
  local p
  for p in "${SERVER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -n ${PGDATA_DIR:-} && -d $PGDATA_DIR ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA_DIR"
  fi
}

sql() { psql -h 127.0.0.1 -p "$PGPORT" -U intake -d intake -Atqc "$1"; }

# start_server NAME PORT [ENV=VALUE...]: 'intake server serve' in the
# background, logging to $TMPDIR/NAME.log; waits for /health.
start_server() {
  local name=$1 port=$2; shift 2
  env "$@" INTAKE_SERVER_LISTEN="127.0.0.1:$port" "$INTAKE" server serve >"$TMPDIR/$name.log" 2>&1 &
  SERVER_PIDS+=($!)
  eval "PID_$name=$!"
}

wait_healthy() {
  local url=$1 i
  for ((i = 0; i < 600; i++)); do
    if curl -fsS -k "$url/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server at $url never became healthy"; return 1
}

# token ROLE NAME FILE: makes a token, written to FILE (0600).
token() { "$INTAKE" server token create --role "$1" --name "$2" --output "$3" >/dev/null; }

# status_of METHOD URL TOKEN [curl args...]: prints the HTTP status; the body goes to $TMPDIR/body.
status_of() {
  local method=$1 url=$2 tok=$3; shift 3
  local auth=()
  [[ -n $tok ]] && auth=(-H "Authorization: Bearer $tok")
  curl -sS -o "$TMPDIR/body" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$url"
}
