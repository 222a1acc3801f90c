#!/usr/bin/env bash
# The Corpus's HTML articles printed to PDF by headless Chromium, and the claims and findings of
# the PDFs against those of the pages.
#
#   scripts/pdf-corpus.sh [OUT_DIR]      (default: a temporary folder; the PDFs and outputs stay in OUT_DIR)
#
# A printed page carries what the browser draws: the site's menus, share bars, cookie banner,
# related links and comments, and Chromium's own running header (date, title) and footer (URL,
# page n/m). The PDF path must give the claims the HTML path gives (scored with
# ../shared/tools/score-claims, the HTML claims taken as gold: L1 and L3 F1) and the audit of the
# PDF folder the findings of the HTML folder (compared by check and quoted figures, the documents'
# names without their extension).
#
# The PDFs carry no publication date of their own (a printed page's creation date is the day it
# was printed), so the folder gets a documents.tsv with each page's date as `claims text` reads it
# from the HTML, as a user would give it. Without Chromium it says so and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/chromium.sh
skip_without_chromium pdf-corpus
SCORER=../shared/tools/score-claims
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT/html" "$OUT/pdf"
OUT=$(cd "$OUT" && pwd)
swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims

for page in Corpus/*.html; do
  name=$(basename "$page" .html)
  cp "$page" "$OUT/html/"
  print_to_pdf "$page" "$OUT/pdf/$name.pdf"
done
echo "pdf-corpus: $(ls "$OUT/pdf"/*.pdf | wc -l) pages printed to $OUT/pdf" >&2

# each page's date as the HTML gives it, for the PDF of the same name
"$BIN" text "$OUT/html" --format json | python3 -c '
import json, sys
print("file\tpublished\ttitle")
for line in sys.stdin:
    d = json.loads(line)
    m = d.get("metadata", {})
    name = d["doc"].rsplit(".", 1)[0] + ".pdf"
    print("\t".join([name, m.get("published") or "", m.get("title") or ""]))
' > "$OUT/pdf/documents.tsv"

"$BIN" extract "$OUT/html" --format jsonl > "$OUT/html.jsonl"
"$BIN" extract "$OUT/pdf" --format jsonl > "$OUT/pdf.jsonl"
echo "== claims: the PDFs scored against the HTML pages (gold)"
if [ -x "$SCORER" ]; then
  "$SCORER" "$OUT/html.jsonl" "$OUT/pdf.jsonl"
else
  echo "pdf-corpus: $SCORER not found; claims left in $OUT"
fi

# findings of each folder alone: the check, its severity, and the figures it quotes
findings() {
  (cd "$OUT" && "$BIN" audit "$1" --isolated --quiet --fail-on never --format jsonl) | python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line)
    claims = sorted((c["doc"].rsplit(".", 1)[0], c["quote"]) for c in f["claims"])
    print(f.get("rule") or f["kind"], f["severity"], claims)
' | sort
}
findings html > "$OUT/findings-html.txt"
findings pdf > "$OUT/findings-pdf.txt"
echo "== findings: $(wc -l < "$OUT/findings-html.txt") from the pages, $(wc -l < "$OUT/findings-pdf.txt") from the PDFs"
if diff "$OUT/findings-html.txt" "$OUT/findings-pdf.txt"; then
  echo "the same findings"
else
  echo "pdf-corpus: the findings differ (above: < pages, > PDFs)"
fi
