#!/usr/bin/env bash
# (b) A resize in the middle of typing keeps the text, at larger, smaller
# (the enlarge request) and the original size. (g) The typed answer and a
# remark never appear in plaintext in any file of the store.
source "$(dirname "$0")/tmux-helpers.bash"
write_text_fixture
s=resize
start_session $s "$INTAKE" run --data-dir "'$TMPDIR/data'" --store "'$STORE'"
wait_for $s "Start a new interview" 60
keys $s Enter; wait_for $s "one text answer"
keys $s Enter; wait_for $s "name of the business"
t send-keys -t $s -l "Quokka Farms"
wait_for $s "Quokka Farms"
t resize-window -t $s -x 100 -y 30
wait_for $s "Quokka Farms"
t resize-window -t $s -x 60 -y 20
wait_for $s "enlarge"
screen $s | grep -q "Quokka" && { echo "text shown on the enlarge screen"; exit 1; }
t resize-window -t $s -x 80 -y 24
wait_for $s "› Quokka Farms"
t send-keys -t $s -l " 7731"
wait_for $s "› Quokka Farms 7731"
keys $s Enter; wait_for $s "anything else"
keys $s F5; wait_for $s "Remark on this question"
t send-keys -t $s -l "Zanzibar remark 4242"
wait_for $s "Zanzibar remark 4242"
keys $s Enter; wait_for $s "Remark: Zanzibar"
wait_for $s "Saved"
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"

"$INTAKE" sessions list --store "$STORE" | grep -q unfinished
for secret in "Quokka Farms 7731" "Zanzibar remark 4242" "Quokka" "Zanzibar"; do
  if grep -r -a -l -F "$secret" "$STORE"; then echo "plaintext '$secret' found in the store"; exit 1; fi
done
# The answer is there once decrypted: resume and look at the review.
start_session again "$INTAKE" run --data-dir "'$TMPDIR/data'" --store "'$STORE'" --resume "$("$INTAKE" sessions list --store "$STORE" | awk '/unfinished/ {print $1}')"
wait_for again "anything else" 60
keys again F9
wait_for again "Quokka Farms 7731"
keys again C-c; wait_for again "Quit the interview?"; keys again Enter
wait_for again "EXIT=0"
echo ok
