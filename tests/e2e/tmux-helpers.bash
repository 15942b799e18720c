# Shared helpers for the tmux end-to-end tests (sourced, not run by run.sh).
# Each test gets its own tmux server (socket) and kills it on exit.
set -euo pipefail
: "${INTAKE:?}" "${ROOT:?}" "${TMPDIR:?}"
SOCK="intake-e2e-$(basename "$0" .test.sh)-$$"
t() { tmux -L "$SOCK" "$@"; }
cleanup() { tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT

export INTAKE_PASSPHRASE_FILE="$TMPDIR/passphrase"
printf 'e2e passphrase, not a real one\n' >"$INTAKE_PASSPHRASE_FILE"
chmod 600 "$INTAKE_PASSPHRASE_FILE"
STORE="$TMPDIR/store"

# start_session NAME COMMAND...: runs COMMAND in a new 80x24 session; the
# pane stays after the program ends and prints EXIT=<status>.
start_session() {
  local name=$1; shift
  t new-session -d -x 80 -y 24 -s "$name" \
    "cd '$ROOT' && INTAKE_PASSPHRASE_FILE='$INTAKE_PASSPHRASE_FILE' $*; echo EXIT=\$?; sleep 300"
  t set-option -s escape-time 10 >/dev/null
}

screen() { t capture-pane -p -t "$1"; }

# wait_for NAME TEXT [SECONDS]: polls the pane until TEXT appears.
wait_for() {
  local name=$1 text=$2 limit=${3:-15} i
  for ((i = 0; i < limit * 20; i++)); do
    if screen "$name" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  echo "timed out waiting for: $text" >&2
  screen "$name" >&2
  return 1
}

# wait_gone NAME TEXT [SECONDS]: polls until TEXT is no longer shown.
wait_gone() {
  local name=$1 text=$2 limit=${3:-15} i
  for ((i = 0; i < limit * 20; i++)); do
    if ! screen "$name" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  echo "still shown: $text" >&2
  screen "$name" >&2
  return 1
}

keys() { local name=$1; shift; t send-keys -t "$name" "$@"; }
typed() { t send-keys -t "$1" -l "$2"; }

# A small questionnaire with a text answer, for typing tests.
write_text_fixture() {
  mkdir -p "$TMPDIR/data/questionnaires"
  cat >"$TMPDIR/data/questionnaires/typing.yaml" <<'YAML'
format: 1
id: typing
version: "1.0.0"
language: en
title: Typing test
intro: A short interview with one text answer.
domains:
  - id: coercion
    title: Coercion
    rule: any
sections:
  - id: s
    title: Work
    questions:
      - id: employer
        type: text
        text: What is the name of the business you work for?
      - id: story
        type: text
        multiline: true
        text: Is there anything else you would like to tell me?
result:
  possible: indicators() >= 1
YAML
}

# intake_pid NAME: the pid of the intake process running in a pane (from
# /proc, so no procps is needed).
intake_pid() {
  local pane d comm ppid rest
  pane=$(t list-panes -t "$1" -F '#{pane_pid}')
  for d in /proc/[0-9]*; do
    read -r _ comm _ ppid rest <"$d/stat" 2>/dev/null || continue
    if [[ $ppid == "$pane" && $comm == "(intake)" ]]; then echo "${d#/proc/}"; return 0; fi
  done
  return 1
}
