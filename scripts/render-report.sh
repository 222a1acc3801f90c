#!/usr/bin/env bash
# Renders the HTML audit report in headless Chromium and fails if the page logs anything to the
# console (a script that ran, a blocked load, a broken page) or renders nothing.
#
#   scripts/render-report.sh [OUT_DIR]     (default: a temporary folder; PNGs are kept in OUT_DIR)
#
# Two reports: `claims audit Corpus`, and a folder of hostile text (script tags, onerror
# attributes, javascript: links) whose quotes end up in the report. Without Chromium (Debian
# package `chromium`) it says so and skips. .ci/run runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "render-report: no Chromium found (apt-get install chromium); skipped"
  exit 0
fi
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
grep -q "&lt;script&gt;" "$WORK/hostile.html" || { echo "render-report: the hostile text is not in the report, escaped"; status=1; }
render hostile "$WORK/hostile.html"
exit $status
