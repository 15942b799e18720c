# Thai, Khmer, Burmese, Devanagari and Bengali text reaches the terminal
# whole: spacing vowel signs (Thai SARA AM, Devanagari I, Khmer AA...) used
# to be dropped when curses refused a cell holding a base and a spacing
# sign, so "ตำรวจ" (police) showed as "ตรวจ" (inspect). The pane is read as
# the terminal (tmux) holds it.
source "$ROOT/tests/e2e/tmux-helpers.bash"
data="$TMPDIR/scripts"
mkdir -p "$data/questionnaires" "$data/locales"
cat >"$data/questionnaires/scripts.yaml" <<'YAML'
format: 1
id: scripts
version: "1"
language: th
title: ตำรวจ ทำงาน
domains: [{ id: force, title: Force }]
sections:
  - id: s
    title: ทำงาน
    questions:
      - id: q1
        type: yes_no
        text: "ตำรวจ ทำงาน | पुलिस नमस्ते | ចាប់ផ្តើម | မြန်မာ | বাংলা"
result:
  possible: q1 == yes
YAML
start_session s "$INTAKE" run --ephemeral --data-dir "'$data'" --questionnaire scripts
wait_for s "Start a new interview" 60
keys s Enter
wait_for s "[Enter] Next" 10   # the section's title page
keys s Enter
wait_for s "question 1 of 1" 10
for word in "ตำรวจ" "ทำงาน" "पुलिस" "नमस्ते" "ចាប់ផ្តើម" "မြန်မာ" "বাংলা"; do
  screen s | grep -qF -- "$word" || { echo "missing on screen: $word"; screen s; exit 1; }
done
keys s F10; wait_for s "Quit the interview?"; keys s Enter
wait_for s "EXIT=0"
echo ok
