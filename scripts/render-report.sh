#!/usr/bin/env bash
# Renders the HTML audit report in headless Chromium and fails if the page logs anything to the
# console (a script that ran, a blocked load, a broken page) or renders nothing.
#
#   scripts/render-report.sh [OUT_DIR]     (default: a temporary folder; PNGs are kept in OUT_DIR)
#
# Two reports: `claims audit Corpus`, and a folder of hostile pages (a text file and an HTML page
# with script tags, onerror and onload attributes, javascript: links, as markup and as text written
# with entities) whose quotes and text end up in the report: the text must be there, escaped, and
# no live markup of theirs. Without Chromium (Debian
# package `chromium`) it says so and skips. .ci/run runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/chromium.sh
skip_without_chromium render-report
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
swift build --product claims >&2
BIN=$(swift build --show-bin-path)/claims

mkdir -p "$WORK/hostile"
cat > "$WORK/hostile/hostile.txt" <<'TXT'
The S&P 500 rose 1.2% on Monday, October 6, 2025 <script>console.error("script ran")</script>.
The S&P 500 fell 3.5% on Monday, October 6, 2025 <img src="http://127.0.0.1:9/x.png" onerror="console.error('onerror ran')">.
Read more <a href="javascript:console.error('link ran')">here</a> about the Nasdaq Composite, which rose 0.7% on Monday, October 6, 2025.
TXT
# the same in a page: real markup (which the reader drops) and markup written as text with entities
# (which the reader decodes into the article text, so the report must escape it again)
cat > "$WORK/hostile/hostile.html" <<'HTML'
<html><head><title>&lt;script&gt;console.error("title ran")&lt;/script&gt; Markets</title>
<link rel="canonical" href="javascript:console.error('canonical ran')"></head>
<body onload="console.error('onload ran')"><article>
<p>The Dow rose 0.5% on Monday, October 6, 2025 &lt;img src=x onerror="console.error('entity onerror ran')"&gt; as banks gained.</p>
<p>The Dow fell 2.5% on Monday, October 6, 2025 <script>console.error("page script ran")</script> after &lt;a href="javascript:console.error('entity link ran')"&gt;the data&lt;/a&gt;.</p>
<p><img src="http://127.0.0.1:9/y.png" onerror="console.error('img onerror ran')"><a href="javascript:console.error('link ran')">Bonds</a> rallied as the 10-year yield fell 12 basis points on Monday, October 6, 2025.</p>
</article></body></html>
HTML

status=0
render() {  # name, report.html
  local log="$WORK/$1.log"
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
    --enable-logging=stderr --v=0 --screenshot="$OUT/$1.png" "file://$2" 2> "$log" || true
  if grep -q ":CONSOLE" "$log"; then
    echo "render-report: $1: the page logged to the console:"; grep ":CONSOLE" "$log"; status=1
  fi
  if [ ! -s "$OUT/$1.png" ] || [ "$(stat -c %s "$OUT/$1.png")" -lt 10000 ]; then
    echo "render-report: $1: no screenshot (or an empty page)"; status=1
  else
    echo "render-report: $1: $OUT/$1.png ($(stat -c %s "$OUT/$1.png") bytes), no console messages"
  fi
}
"$BIN" audit Corpus --store "$WORK/c.sqlite" --quiet --format html --out "$WORK/corpus.html" || [ $? -eq 1 ]
render corpus "$WORK/corpus.html"
"$BIN" audit "$WORK/hostile" --store "$WORK/h.sqlite" --quiet --format html --out "$WORK/hostile.html" || [ $? -eq 1 ]
for escaped in '&lt;script&gt;console.error' '&lt;img src=x onerror=' '&lt;a href=&quot;javascript:'; do
  grep -qF "$escaped" "$WORK/hostile.html" || { echo "render-report: the hostile text $escaped is not in the report, escaped"; status=1; }
done
# the report itself has no script, image or link elements: any there came from a page
if grep -qiE '<script|<img|<a ' "$WORK/hostile.html"; then
  echo "render-report: live markup from the hostile pages reached the report:"; grep -oiE '.{0,40}(<script|<img|<a ).{0,40}' "$WORK/hostile.html" | head; status=1
fi
render hostile "$WORK/hostile.html"
exit $status
