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

# to_consent NAME: from the quick screen's intro, past the advocate's
# interpreter question (no interpreter), to the consent question.
to_consent() {
  wait_for $1 "I would like to ask you"
  keys $1 Enter; wait_for $1 "is an interpreter taking part"
  keys $1 2; wait_for $1 "(•) No"; keys $1 Enter
  wait_for $1 "Is it all right"
}

# walk_fear_papers NAME: types personas/quick-screen-fear-papers.yaml into
# the interview in session NAME, from the quick screen's intro to the
# summary screen, waiting for each question before answering it.
walk_fear_papers() {
  local s=$1
  pick() { wait_for $s "$1"; keys $s "$2"; wait_for $s "(•)"; keys $s Enter; }
  write() { wait_for $s "$1"; typed $s "$2"; wait_for $s "$3"; keys $s Enter; }  # QUESTION TEXT SHOWN
  to_consent $s                                          # interpreter_used: no
  pick "Is it all right if I ask you" 1                  # consent: yes
  pick "in danger right now" 1                           # in_danger_now: yes
  pick "very different from what you were told" 2       # promised_differs: no
  pick "Has anyone who controls your work" 2             # hurt_or_locked_in: no
  pick "such as a client" 2                              # hurt_by_others: no
  wait_for $s "threatened you or your family"            # threatened: don't know, with a remark
  keys $s F2; wait_for $s "Answer: Don't know"
  keys $s F5; wait_for $s "Remark on this question"
  typed $s 'Said "he says things", did not want to go on.'
  wait_for $s "did not want to go on."
  keys $s Enter; wait_for $s "Remark: Said"
  keys $s Enter
  pick "afraid of what might happen" 1                   # afraid_to_leave: yes
  wait_for $s "Do you owe money"                         # debt_cannot_repay: declined
  keys $s F3; wait_for $s "Answer: Prefers not to answer"; keys $s Enter
  pick "keep your passport or ID card" 1                 # papers_held: yes
  pick "children who depend on you" 1                    # children_depend: yes
  pick "Are those children safe" 1                       # children_safe: yes
  pick "under 18, or 18 or older" 2                      # age_band: adult (no exchange-of-sex question then)
  wait_for $s "How can we reach you safely"              # safe_contact: [in_person]
  keys $s 4; wait_for $s "[x]"; keys $s Enter
  write "never use to reach you" "No calls: her supervisor checks her phone." "checks her phone."
  wait_for $s "which of the suggested services"          # share_consent: [none]
  keys $s 4; wait_for $s "[x]"; keys $s Enter
  write "remarks on the interview" "Will come back on Tuesday for the full screening; a French interpreter is booked." "is booked."
  wait_for $s "Finish and show the summary"
  keys $s F5; wait_for $s "Remark on the whole interview"
  typed $s 'Short conversation in French at the clinic door. Agreed to come back for the full screening with an interpreter.'
  wait_for $s "interpreter."
  keys $s Enter; wait_for $s "Remark on the whole interview: Short"
  keys $s Enter
  wait_for $s "SCREENING SUMMARY"
}
