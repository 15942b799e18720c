# Thai, Khmer, Burmese, Devanagari (Hindi, Nepali) and Bengali text reaches
# the terminal whole: spacing vowel signs (Thai SARA AM, Devanagari I, Khmer
# AA...) used to be dropped when curses refused a cell holding a base and a
# spacing sign, so "ตำรวจ" (police) showed as "ตรวจ" (inspect); a ZWJ after a
# Devanagari virama lost the letters after it ("पुर्‍याएको" showed as
# "पुर्‍एको"); and wrapped paragraphs split words ("ตำ|รวจ", "काम पु|लिस").
# The pane is read as the terminal (tmux) holds it.
source "$ROOT/tests/e2e/tmux-helpers.bash"
data="$TMPDIR/scripts"
mkdir -p "$data/questionnaires" "$data/locales"
th="มีใครเคยขู่ว่าจะเรียกตำรวจ ถ้าคุณหยุดทำงาน หรือขอเงินค่าจ้างของคุณหรือไม่ คุณไม่ต้องตอบคำถามนี้ก็ได้ และคุณหยุดพักได้ทุกเมื่อ ข้อจำกัดของงานนี้คืออะไร"
km="តើមាននរណាម្នាក់គំរាមហៅប៉ូលីស ប្រសិនបើអ្នកឈប់ធ្វើការ ឬសុំប្រាក់ឈ្នួលរបស់អ្នកទេ? អ្នកមិនចាំបាច់ឆ្លើយសំណួរនេះទេ ហើយអ្នកអាចឈប់បានគ្រប់ពេល។ ចាប់ផ្តើម"
my="သင် အလုပ်ရပ်လျှင် သို့မဟုတ် လုပ်ခ တောင်းလျှင် ရဲကို ခေါ်မည်ဟု တစ်စုံတစ်ယောက်က ခြိမ်းခြောက်ဖူးပါသလား။ ဤမေးခွန်းကို ဖြေရန် မလိုအပ်ပါ။ မြန်မာ"
hi="क्या किसी ने धमकी दी कि अगर आप काम बंद करेंगे या अपनी मज़दूरी माँगेंगे तो वे पुलिस को बुलाएँगे? आपको इस प्रश्न का उत्तर देना ज़रूरी नहीं है, और आप किसी भी समय रुक सकते हैं। नमस्ते"
ne=$'के कसैले तपाईंले काम छोड्नुभयो वा आफ्नो तलब माग्नुभयो भने पुलिस बोलाउने धम्की दिएको छ? तपाईंलाई यहाँसम्म पुर्\u200dयाएको व्यक्तिले तपाईंको राहदानी राखेको छ?'
bn="আপনি কাজ বন্ধ করলে বা আপনার মজুরি চাইলে কেউ কি পুলিশ ডাকার হুমকি দিয়েছে? আপনাকে এই প্রশ্নের উত্তর দিতে হবে না, এবং আপনি যে কোনো সময় থামতে পারেন। বাংলা"
{
  cat <<'YAML'
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
YAML
  n=0
  for text in "$th" "$km" "$my" "$hi" "$ne" "$bn"; do
    n=$((n + 1))
    printf '      - id: q%d\n        type: yes_no\n        text: "%s"\n' "$n" "$text"
  done
  printf 'result:\n  possible: q1 == yes\n'
} >"$data/questionnaires/scripts.yaml"

start_session s "$INTAKE" run --ephemeral --data-dir "'$data'" --questionnaire scripts
wait_for s "Start a new interview" 60
keys s Enter
wait_for s "[Enter] Next" 10   # the section's title page
keys s Enter
n=0
for text in "$th" "$km" "$my" "$hi" "$ne" "$bn"; do
  n=$((n + 1))
  wait_for s "question $n of 6" 10
  shown=$(screen s)
  # The paragraph takes more than one row, and every word of it is whole
  # on one row: none is split at a line end or loses a mark.
  first=${text%% *}; last=${text##* }
  [[ $(grep -nF -- "$first" <<<"$shown" | head -1 | cut -d: -f1) -lt $(grep -nF -- "$last" <<<"$shown" | tail -1 | cut -d: -f1) ]] || {
    echo "question $n did not wrap:"; echo "$shown"; exit 1; }
  for word in $text; do
    grep -qF -- "$word" <<<"$shown" || { echo "question $n: split or lost on screen: $word"; echo "$shown"; exit 1; }
  done
  all+="$shown"$'\n'
  keys s 1 Enter
done
for word in "ตำรวจ" "ทำงาน" "पुलिस" "नमस्ते" "ចាប់ផ្តើម" "မြန်မာ" "বাংলা" $'पुर्\u200dयाएको'; do
  grep -qF -- "$word" <<<"$all" || { echo "missing on screen: $word"; exit 1; }
done
keys s F10; wait_for s "Quit the interview?"; keys s Enter
wait_for s "EXIT=0"
echo ok
