#!/usr/bin/env bash
# The organisation's keys: 'keys new' (plain and passphrase-protected),
# an organisation config that seals every finished session and the summary
# screen's export, 'intake open' in every format, interoperability with an
# independent RFC 9180 implementation (pyhpke) both ways, exports that are
# never written into the store folder unless asked, and 'sessions delete'
# removing what was written.
source "$(dirname "$0")/tmux-helpers.bash"
python3 -c 'import pyhpke' 2>/dev/null || python3 -m pip install --quiet pyhpke >/dev/null 2>&1 || {
  echo "python3 pyhpke is missing and could not be installed (pip install pyhpke)"; exit 1; }

# Keys: a plain one (for pyhpke) and a passphrase-protected one.
"$INTAKE" keys new --output "$TMPDIR/org.key" >"$TMPDIR/new.txt"
grep -q "^Wrote the private key to $TMPDIR/org.key (readable by you only)." "$TMPDIR/new.txt" || { cat "$TMPDIR/new.txt"; exit 1; }
pub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/new.txt")
fpr=$(sed -n 's/^Fingerprint: //p' "$TMPDIR/new.txt")
[[ $(stat -c %a "$TMPDIR/org.key") == 600 ]] || { echo "key file is $(stat -c %a "$TMPDIR/org.key")"; exit 1; }
# The fingerprint is the first 8 bytes of SHA-256 of the public key, in groups of 4 hex digits.
want=$(printf '%s' "$pub" | base64 -d | sha256sum | cut -c1-16 | sed 's/..../& /g; s/ $//')
[[ $fpr == "$want" ]] || { echo "fingerprint $fpr, expected $want"; exit 1; }
"$INTAKE" keys public "$TMPDIR/org.key" | grep -qF "Public key:  $pub"
# Never overwritten.
if "$INTAKE" keys new --output "$TMPDIR/org.key" 2>"$TMPDIR/err.txt"; then echo "overwrote a key"; exit 1; fi
grep -q "exists already" "$TMPDIR/err.txt"

printf 'supervisor key phrase\n' >"$TMPDIR/keypass"; chmod 600 "$TMPDIR/keypass"
INTAKE_KEY_PASSPHRASE_FILE="$TMPDIR/keypass" "$INTAKE" keys new --passphrase --output "$TMPDIR/locked.key" >"$TMPDIR/locked.txt"
grep -q "passphrase-protected" "$TMPDIR/locked.txt"
lockedpub=$(awk '/^Public key:/ {print $3}' "$TMPDIR/locked.txt")
python3 - "$TMPDIR/locked.key" <<'PY'
import sys, base64
raw = open(sys.argv[1], "rb").read()
assert raw[:15] == b"INTAKE-ORG-KEY\n" and raw[15] == 1 and raw[16] == 1, raw[:17]
assert len(raw) == 17 + 12 + 32 + 12 + 32 + 16, len(raw)
PY

# The organisation config: every finished session sealed to the plain key.
mkdir -p "$TMPDIR/cfg"
cat >"$TMPDIR/cfg/organisation.yaml" <<YAML
public_key: $pub
sealed_dir: $TMPDIR/outbox
YAML

# With no export folder chosen, the summary screen's export is refused with
# a clear message, and nothing is written into the store folder.
write_text_fixture
s=noexport
start_session $s XDG_CONFIG_HOME="'$TMPDIR/nocfg'" "$INTAKE" run --data-dir "'$TMPDIR/data'" --store "'$TMPDIR/store2'"
wait_for $s "Start a new interview" 60
keys $s Enter; wait_for $s "one text answer"
keys $s Enter; wait_for $s "name of the business"
t send-keys -t $s -l "Quokka Farms 5521"
keys $s Enter; wait_for $s "anything else"
t send-keys -t $s -l "nothing"
keys $s Enter; wait_for $s "Finish and show the summary"
keys $s Enter; wait_for $s "SCREENING SUMMARY"
keys $s x
wait_for $s "no folder was chosen for exports"
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"
t kill-session -t $s
[[ ! -e $TMPDIR/store2/exports ]] || { echo "an exports folder appeared in the store"; ls -la "$TMPDIR/store2"; exit 1; }
! grep -rlq "Quokka Farms 5521" "$TMPDIR/store2" || { echo "plaintext in the store folder"; exit 1; }

# The persona's interview with the organisation config and an export folder.
cat >>"$TMPDIR/cfg/organisation.yaml" <<YAML
export_dir: $TMPDIR/case-exports
screener: DEVICE-3
YAML
s=interview
# --org-config: the option's earlier name still works.
start_session $s "$INTAKE" run --data-dir "'$ROOT'" --store "'$STORE'" --questionnaire quick-screen --org-config "'$TMPDIR/cfg/organisation.yaml'"
wait_for $s "Start a new interview" 60
keys $s Enter
walk_fear_papers $s
keys $s x
wait_for $s "Saved to"
keys $s F10; wait_for $s "Quit the interview?"; keys $s Enter
wait_for $s "EXIT=0"
t kill-session -t $s
! grep -rlq "clinic door" "$STORE" || { echo "plaintext in the store folder"; exit 1; }

id=$("$INTAKE" sessions list --store "$STORE" | awk '/finished/ {print $1}')
# The summary screen's export: one file, sealed, in the chosen folder.
[[ $(ls "$TMPDIR/case-exports") == "summary-$id.sealed" ]] || { ls -la "$TMPDIR/case-exports"; exit 1; }
sealed=$TMPDIR/outbox/session-$id.sealed
[[ -f $sealed && $(stat -c %a "$sealed") == 600 ]] || { echo "no sealed copy for the organisation"; ls -la "$TMPDIR/outbox" || true; exit 1; }

# intake open: the summary in every format; JSON equals the persona's summary.
"$INTAKE" summary --data-dir "$ROOT" --answers "$ROOT/personas/quick-screen-fear-papers.yaml" --format json >"$TMPDIR/expected.json"
"$INTAKE" open "$sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format json >"$TMPDIR/opened.json"
# same_as_persona FILE: FILE is the persona's summary plus what the record
# carries and an answer file has not: the interview's date and the device's
# screener id (from its organisation config), shown wherever it is opened.
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[1] + ".sorted", "w"), indent=2, sort_keys=True)' "$TMPDIR/expected.json"
same_as_persona() {
  python3 - "$1" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
date = d["header"].pop("interview_date")
assert re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d( \S+)?", date), date
assert d["header"].pop("screener") == "DEVICE-3", d["header"]
json.dump(d, open(sys.argv[1] + ".sorted", "w"), indent=2, sort_keys=True)
PY
  diff -u "$TMPDIR/expected.json.sorted" "$1.sorted"
}
same_as_persona "$TMPDIR/opened.json"
"$INTAKE" open "$sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format text >"$TMPDIR/opened.txt"
grep -q "^SCREENING SUMMARY$" "$TMPDIR/opened.txt"
grep -qx "Screener: DEVICE-3" "$TMPDIR/opened.txt" || { head -12 "$TMPDIR/opened.txt"; exit 1; }
"$INTAKE" open "$sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format markdown | grep -q "^# "
# The answers as a FHIR R4 QuestionnaireResponse, read by an independent
# FHIR model library: the persona's answers that apply, and nothing else.
source "$(dirname "$0")/fhir-venv.bash"
"$INTAKE" open "$sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format fhir --output "$TMPDIR/response.json" >/dev/null
"$FHIR_PY" - "$TMPDIR/response.json" <<'PY'
import sys
from fhir.resources.questionnaireresponse import QuestionnaireResponse
r = QuestionnaireResponse.parse_file(sys.argv[1])
assert r.status == "completed" and r.questionnaire == "urn:intake:questionnaire:quick-screen|2.1.0", (r.status, r.questionnaire)
answers = {i.linkId: [a.valueCoding.code if a.valueCoding else a.valueString for a in i.answer]
           for g in r.item for i in g.item}
assert answers == {
    "interpreter_used": ["no"], "consent": ["yes"], "in_danger_now": ["yes"], "promised_differs": ["no"],
    "hurt_or_locked_in": ["no"], "hurt_by_others": ["no"], "threatened": ["dont_know"], "afraid_to_leave": ["yes"],
    "debt_cannot_repay": ["declined"], "papers_held": ["yes"], "children_depend": ["yes"], "children_safe": ["yes"],
    "age_band": ["adult"], "safe_contact": ["in_person"], "never_contact": ["No calls: her supervisor checks her phone."],
    "share_consent": ["none"],
    "remarks": ["Will come back on Tuesday for the full screening; a French interpreter is booked."],
}, answers
PY
"$INTAKE" open "$sealed" --key "$TMPDIR/org.key" --format events >"$TMPDIR/record.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format"]=="intake-session-export/1" and d["status"]=="finished", d["status"]' "$TMPDIR/record.json"
# The wrong key is refused clearly.
if INTAKE_KEY_PASSPHRASE_FILE="$TMPDIR/keypass" "$INTAKE" open "$sealed" --key "$TMPDIR/locked.key" --format events >/dev/null 2>"$TMPDIR/err.txt"; then
  echo "opened with the wrong key"; exit 1; fi
grep -q "sealed to a different key" "$TMPDIR/err.txt" || { cat "$TMPDIR/err.txt"; exit 1; }

# pyhpke opens what intake sealed, and seals a file that 'intake open' reads.
python3 - "$sealed" "$TMPDIR/org.key" <<'PY'
import sys, json, hashlib
from pyhpke import AEADId, CipherSuite, KDFId, KEMId
suite = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305)
info = b"intake sealed export v1"
sealed = open(sys.argv[1], "rb").read()
keyfile = open(sys.argv[2], "rb").read()
assert keyfile[:15] == b"INTAKE-ORG-KEY\n" and keyfile[15] == 1 and keyfile[16] == 0
sk = suite.kem.deserialize_private_key(keyfile[17:49])
magic = b"INTAKE-SEALED\n"
assert sealed[:14] == magic and sealed[14] == 1
header = sealed[:14 + 1 + 8 + 32]
enc = sealed[23:55]
ctx = suite.create_recipient_context(enc, sk, info=info)
record = json.loads(ctx.open(sealed[55:], aad=header))
assert record["format"] == "intake-session-export/1", record["format"]
assert record["questionnaireID"] == "quick-screen"
PY
python3 - "$TMPDIR/record.json" "$pub" "$TMPDIR/by-pyhpke.sealed" <<'PY'
import sys, base64, hashlib
from pyhpke import AEADId, CipherSuite, KDFId, KEMId
suite = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305)
plaintext = open(sys.argv[1], "rb").read()
pub = base64.b64decode(sys.argv[2])
pk = suite.kem.deserialize_public_key(pub)
header = b"INTAKE-SEALED\n" + bytes([1]) + hashlib.sha256(pub).digest()[:8]
enc, sender = suite.create_sender_context(pk, info=b"intake sealed export v1")
header += enc
open(sys.argv[3], "wb").write(header + sender.seal(plaintext, aad=header))
PY
"$INTAKE" open "$TMPDIR/by-pyhpke.sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format json >"$TMPDIR/opened2.json"
same_as_persona "$TMPDIR/opened2.json"

# A passphrase-protected key opens a record sealed to it with 'sessions export'.
"$INTAKE" sessions export "$id" --store "$STORE" --sealed-to "$lockedpub" --output "$TMPDIR/to-locked.sealed" >/dev/null
INTAKE_KEY_PASSPHRASE_FILE="$TMPDIR/keypass" "$INTAKE" open "$TMPDIR/to-locked.sealed" --key "$TMPDIR/locked.key" --data-dir "$ROOT" --format json >"$TMPDIR/opened3.json"
same_as_persona "$TMPDIR/opened3.json"

"$INTAKE" open "$TMPDIR/case-exports/summary-$id.sealed" --key "$TMPDIR/org.key" --data-dir "$ROOT" --format json >"$TMPDIR/opened4.json"
same_as_persona "$TMPDIR/opened4.json"

# Delete removes the session and every file written for it, and says so.
"$INTAKE" sessions delete "$id" --store "$STORE" >"$TMPDIR/delete.txt"
grep -q "^Removed $sealed$" "$TMPDIR/delete.txt" || { cat "$TMPDIR/delete.txt"; exit 1; }
grep -q "^Removed $TMPDIR/to-locked.sealed$" "$TMPDIR/delete.txt" || { cat "$TMPDIR/delete.txt"; exit 1; }
grep -q "^Removed $TMPDIR/case-exports/summary-$id.sealed$" "$TMPDIR/delete.txt" || { cat "$TMPDIR/delete.txt"; exit 1; }
grep -q "^Deleted session" "$TMPDIR/delete.txt"
[[ ! -e $sealed && ! -e $TMPDIR/to-locked.sealed && -z $(ls "$TMPDIR/case-exports") ]]
echo ok
