# Trainer mode: every persona autoplays in tmux to its expected summary, the
# persona list shows each expected result, and demo writes no records.
source "$ROOT/tests/e2e/tmux-helpers.bash"
cd "$ROOT"
export HOME="$TMPDIR/home" XDG_DATA_HOME="$TMPDIR/xdg"
mkdir -p "$HOME"

list=$("$INTAKE" demo --list)
for p in personas/*.yaml; do
  grep -q "^$(basename "$p" .yaml) " <<<"$list" || { echo "--list misses $p"; exit 1; }
done

for p in personas/*.yaml; do
  name=$(basename "$p" .yaml)
  # The expected result as --list states it: "Expected: likely, urgent; domains: ..."
  expected=$(awk -v n="$name" '$1 == n {found=1; next} found && /Expected:/ {print; exit}' <<<"$list")
  case $expected in
    *"Expected: likely"*) text="Likely trafficking indicators reported" ;;
    *"Expected: possible"*) text="Possible trafficking indicators reported" ;;
    *"Expected: concerns"*) text="Labour or safety concerns noted" ;;
    *"Expected: no_indicators"*) text="No trafficking indicators reported" ;;
    *) echo "no expected result for $name: '$expected'"; exit 1 ;;
  esac
  start_session "$name" "$INTAKE" demo "$name" --autoplay 0.02
  wait_for "$name" "SCREENING SUMMARY" 60
  if [[ $expected == *", urgent"* ]]; then
    wait_for "$name" "URGENT" 5
    # The emergency numbers come right under the urgent section; the result follows them.
    wait_for "$name" "Emergency numbers and hotlines:" 5
  fi
  # The header and the safety lines can push the result below the fold.
  for ((i = 0; i < 20; i++)); do screen "$name" | grep -qF -- "$text" && break; keys "$name" Down; sleep 0.1; done
  wait_for "$name" "$text" 5
  keys "$name" F10
  wait_for "$name" "Quit the interview?" 5
  keys "$name" Enter
  wait_for "$name" "EXIT=0" 10
  t kill-session -t "$name"
done

# Nothing was stored anywhere.
[[ ! -e "$XDG_DATA_HOME/intake" && ! -e "$HOME/.local/share/intake" ]] || { echo "demo wrote a store"; exit 1; }
