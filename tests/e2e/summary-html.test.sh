# intake summary --format html, printed by a real browser: the Persian and
# the Chinese summary of an urgent persona, each printed to PDF by headless
# Chromium on A4 and on Letter. Page one starts with the urgent heading,
# every page carries the disclaimer, no word of the summary is lost (clipped
# or cut off) on the way to paper, and page one, as an image, is not blank
# and shows the urgent section's red border. Needs chromium, poppler-utils
# and fonts for Persian and Chinese (scripts/deps.sh test installs them).
set -euo pipefail
cd "$ROOT"
for tool in chromium pdftotext pdftoppm pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/deps.sh test as root"; exit 1; }
done

# The translation of a key in a PO file (single-line msgstr).
po_string() {
  python3 - "$1" "$2" <<'PY'
import sys, ast
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
key = 'msgctxt "%s"' % sys.argv[2]
for i, l in enumerate(lines):
    if l == key:
        j = i + 1
        while not lines[j].startswith('msgstr '): j += 1
        parts = [lines[j][len('msgstr '):]]
        while lines[j + 1].startswith('"'): j += 1; parts.append(lines[j])
        print(''.join(ast.literal_eval(p) for p in parts)); sys.exit(0)
sys.exit('no ' + sys.argv[2] + ' in ' + sys.argv[1])
PY
}

# Well-formed (every element closed, in order), nothing fetched from
# elsewhere, lang and dir as expected; writes the visible text's words.
check_html() { # html lang dir words-out
  python3 - "$@" <<'PY'
import sys, html.parser
path, lang, direction, words_out = sys.argv[1:]
src = open(path, encoding='utf-8').read()
low = src.lower()
for bad in ('<script', 'http://', 'https://', 'src=', 'url(', '<link', '@import'):
    assert bad not in low, f'{path}: contains {bad}'
VOID = {'meta', 'br', 'hr', 'link', 'img', 'input', 'wbr'}
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.html_attrs, self.skip = [], [], None, 0
    def handle_starttag(self, tag, attrs):
        if tag == 'html': self.html_attrs = dict(attrs)
        if tag in VOID: return
        self.stack.append(tag)
        if tag in ('head', 'style', 'title'): self.skip += 1
    def handle_endtag(self, tag):
        if tag in VOID: return
        assert self.stack and self.stack[-1] == tag, f'{path}: </{tag}> closes <{self.stack[-1] if self.stack else None}>'
        self.stack.pop()
        if tag in ('head', 'style', 'title'): self.skip -= 1
    def handle_data(self, data):
        if not self.skip: self.text.append(data)
p = P(); p.feed(src); p.close()
assert p.stack == [], f'{path}: never closed: {p.stack}'
assert p.html_attrs == {'lang': lang, 'dir': direction}, p.html_attrs
open(words_out, 'w', encoding='utf-8').write('\n'.join(' '.join(p.text).split()) + '\n')
PY
}

# Text is compared as runs of letters and digits, without whitespace
# (Chinese has none, and lines break anywhere) or punctuation (in a
# right-to-left line pdftotext puts a colon or a bracket where it was drawn,
# mirrored), with compatibility forms folded (Arabic-script glyphs can come
# back as presentation forms), invisible format characters (ZWNJ, direction
# marks) dropped, and the lam-alef ligature, which pdftotext gives back as
# alef-lam, read the same either way.
normalize='
import sys, re, unicodedata
def clean(s):
    s = unicodedata.normalize("NFKC", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    return s.replace("\u0644\u0627", "\u0627\u0644")
def norm(s):
    return "".join(re.findall(r"\w+", clean(s)))
def words(s):
    return re.findall(r"\w+", clean(s))
'

check_pdf() { # pdf words urgent-heading disclaimer
  local pdf=$1 words=$2 urgent=$3 disclaimer=$4
  pdftotext -layout -f 1 -l 1 "$pdf" "$pdf.p1.txt"
  pdftotext "$pdf" "$pdf.txt"
  local pages; pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((i = 1; i <= pages; i++)); do pdftotext -f "$i" -l "$i" "$pdf" "$pdf.page$i.txt"; done
  python3 - "$pdf" "$words" "$urgent" "$disclaimer" "$pages" <<PY
$normalize
pdf, words_file, urgent, disclaimer, pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
assert pages >= 2, f"{pdf}: expected more than one page, got {pages}"
page1 = norm(open(pdf + ".p1.txt", encoding="utf-8").read())
assert norm(urgent) in page1, f"{pdf}: page 1 lacks the urgent heading {urgent!r}"
# The footer's lines may come out of pdftotext with a line of the page
# between them, so the disclaimer counts as there when each of its words is.
for i in range(1, pages + 1):
    text = norm(open(f"{pdf}.page{i}.txt", encoding="utf-8").read())
    lost = [w for w in words(disclaimer) if w not in text]
    assert not lost, f"{pdf}: page {i} of {pages} lacks the disclaimer ({lost})"
whole = norm(open(pdf + ".txt", encoding="utf-8").read())
missing = [w for w in words(open(words_file, encoding="utf-8").read()) if w not in whole]
assert not missing, f"{pdf}: {len(missing)} words not in the PDF text, e.g. {missing[:10]}"
print(f"{pdf}: {pages} pages, urgent heading on page 1, disclaimer on every page, every word present")
PY
}

# Page one at 50 dpi: not blank, and the urgent section's red border printed.
check_png() {
  python3 - "$1" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    if kind == b'IDAT': idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6), (depth, ctype)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, rows, i = bytearray(stride), [], 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
ink = red = 0
for line in rows:
    for x in range(0, stride, bpp):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r < 200 or g < 200 or b < 200: ink += 1
        if r > 120 and g < 90 and b < 90: red += 1
share = ink / (w * h)
assert share > 0.02, f'page 1 looks blank: {share:.3%} non-white'
assert red > 100, f'page 1 has no red urgent border ({red} red pixels)'
print(f'{sys.argv[1]}: {w}x{h}, {share:.1%} non-white, {red} red pixels')
PY
}

for lang in fa zh-Hans; do
  dir=ltr; [[ $lang == fa ]] && dir=rtl
  html="$TMPDIR/$lang.html"
  "$INTAKE" summary --answers personas/forced-criminality.yaml --language "$lang" --format html --output "$html"
  check_html "$html" "$lang" "$dir" "$TMPDIR/$lang.words"
  urgent=$(po_string "locales/$lang.po" ui/summary/urgent)
  disclaimer=$(po_string "locales/$lang.po" ui/summary/disclaimer)
  for size in A4 letter; do
    # The page size a printer dialog would choose, as a print style.
    sed "s|</style>|@page { size: $size; }\n</style>|" "$html" > "$TMPDIR/$lang-$size.html"
    pdf="$TMPDIR/$lang-$size.pdf"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$TMPDIR/chromium" \
      --print-to-pdf="$pdf" "file://$TMPDIR/$lang-$size.html" 2>"$TMPDIR/chromium.log" || { cat "$TMPDIR/chromium.log"; exit 1; }
    case $size in
      A4) pdfinfo "$pdf" | grep -Eq '^Page size: +59[45](\.[0-9]*)? x 841\.[0-9]* pts' ;;
      letter) pdfinfo "$pdf" | grep -Eq '^Page size: +612 x 792 pts' ;;
    esac || { pdfinfo "$pdf"; echo "$pdf: not $size"; exit 1; }
    check_pdf "$pdf" "$TMPDIR/$lang.words" "$urgent" "$disclaimer"
    pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$pdf" "$TMPDIR/$lang-$size-page1"
    check_png "$TMPDIR/$lang-$size-page1.png"
  done
done
