# Sources/IntakeCore/Text/WidthTables.swift is what scripts/gen-width-tables.py
# writes from the Unicode data (Debian's unicode-data package, under
# /usr/share/unicode): no hand edits, and the version it states is the data's.
# scripts/deps.sh test installs the data; without it the test fails, so
# that it never passes without checking.
set -euo pipefail
data=${UNICODE_DATA:-/usr/share/unicode}
if [[ ! -f $data/EastAsianWidth.txt || ! -f $data/emoji/emoji-data.txt ]]; then
  echo "no Unicode data in $data: run scripts/deps.sh test as root (apt-get install unicode-data)"
  exit 1
fi
python3 "$ROOT/scripts/gen-width-tables.py" --data "$data" --output "$TMPDIR/WidthTables.swift"
diff -u "$ROOT/Sources/IntakeCore/Text/WidthTables.swift" "$TMPDIR/WidthTables.swift" || {
  echo "WidthTables.swift differs from the generator's output: run scripts/gen-width-tables.py and commit"; exit 1; }
version=$(head -1 "$data/EastAsianWidth.txt" | sed -n 's/.*-\([0-9.]*\)\.txt.*/\1/p')
grep -q "static let unicodeVersion = \"$version\"" "$ROOT/Sources/IntakeCore/Text/WidthTables.swift" || {
  echo "WidthTables.swift does not state Unicode $version"; exit 1; }
echo ok
