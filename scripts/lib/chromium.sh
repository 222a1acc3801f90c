# Headless Chromium for the scripts that render or print pages (render-report.sh, pdf-corpus.sh,
# bench-pdf.sh). Source it, then:
#   BROWSER=$(find_chromium)                  # empty when none is installed
#   skip_without_chromium NAME                # prints "NAME: no Chromium found …; skipped", exits 0
#   print_to_pdf PAGE.html OUT.pdf            # the page as Chromium prints it (its header and footer too)

find_chromium() {
  command -v chromium || command -v chromium-browser || command -v google-chrome || true
}

skip_without_chromium() {
  BROWSER=$(find_chromium)
  if [ -z "$BROWSER" ]; then
    echo "$1: no Chromium found (apt-get install chromium); skipped"
    exit 0
  fi
}

print_to_pdf() {
  timeout 60 "$(find_chromium)" --headless --no-sandbox --disable-gpu --run-all-compositor-stages-before-draw \
    --print-to-pdf="$2" "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" >/dev/null 2>&1 || true
}
