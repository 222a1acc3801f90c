#!/usr/bin/env bash
# PDF → text speed: `claims text` against poppler's own `pdftotext` (Debian package
# poppler-utils) on the same PDF files, in the same run, in pages per second.
#
#   scripts/bench-pdf.sh [PDF_DIR]
#
# Without PDF_DIR, the PDFs are made once with headless Chromium (`--print-to-pdf`) and kept in
# .build-bench/pdf: the Corpus's HTML articles, and the first $PAGES (default 60) pages of the
# article-extraction benchmark in ../shared (real pages of many sites; printed at run time, never
# copied into the repository). Both tools read every file of the folder on one core: claims as
# one process over the folder (`claims text DIR --jobs 1 --out TMP`), pdftotext once per file,
# as each is used; process start-up is counted for both. RUNS rounds (default 7), alternating;
# the best and the median of each are printed, and the speed ratio: best against best, and the
# median of the rounds' ratios (each round's two runs side by side, so a slow moment hits both).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
PAGES=${PAGES:-60}
command -v pdftotext >/dev/null || { echo "bench-pdf: pdftotext not found (apt-get install poppler-utils)" >&2; exit 2; }
DIR=${1:-.build-bench/pdf}
if [ $# -eq 0 ] && [ -z "$(ls "$DIR"/*.pdf 2>/dev/null)" ]; then
  source scripts/lib/chromium.sh
  [ -n "$(find_chromium)" ] || { echo "bench-pdf: give a folder of PDFs, or install Chromium to print some" >&2; exit 2; }
  mkdir -p "$DIR"
  WORKHTML=$(mktemp -d)
  cp Corpus/*.html "$WORKHTML/"
  BENCH=../shared/data/article-extraction-benchmark/html
  if [ -d "$BENCH" ]; then
    for f in $(ls "$BENCH"/*.html.gz | head -n "$PAGES"); do gzip -dc "$f" > "$WORKHTML/$(basename "$f" .html.gz | cut -c1-16).html"; done
  fi
  for page in "$WORKHTML"/*.html; do
    print_to_pdf "$page" "$DIR/$(basename "$page" .html).pdf"
  done
  rm -rf "$WORKHTML"
fi
swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims
FILES=$(ls "$DIR"/*.pdf | wc -l)
PAGECOUNT=0
for f in "$DIR"/*.pdf; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  PAGECOUNT=$((PAGECOUNT + ${n:-0}))
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
now() { date +%s.%N; }
claims_times=() pdftotext_times=()
for r in $(seq "$RUNS"); do
  t0=$(now); "$BIN" text "$DIR" --jobs 1 --out "$OUT/claims" >/dev/null 2>&1 || true; t1=$(now)
  for f in "$DIR"/*.pdf; do pdftotext -q "$f" "$OUT/p.txt" || true; done; t2=$(now)
  claims_times+=("$(echo "$t1 - $t0" | bc -l)")
  pdftotext_times+=("$(echo "$t2 - $t1" | bc -l)")
done
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%s %s", a[1], a[int((NR+1)/2)]}'; }
read -r cbest cmed <<<"$(stats "${claims_times[@]}")"
read -r pbest pmed <<<"$(stats "${pdftotext_times[@]}")"
echo "bench-pdf: $FILES files, $PAGECOUNT pages ($DIR), $RUNS rounds, one core"
printf '  claims text   best %.3f s (%.0f pages/s)  median %.3f s (%.0f pages/s)\n' "$cbest" "$(echo "$PAGECOUNT / $cbest" | bc -l)" "$cmed" "$(echo "$PAGECOUNT / $cmed" | bc -l)"
printf '  pdftotext     best %.3f s (%.0f pages/s)  median %.3f s (%.0f pages/s)\n' "$pbest" "$(echo "$PAGECOUNT / $pbest" | bc -l)" "$pmed" "$(echo "$PAGECOUNT / $pmed" | bc -l)"
ratios=()
for i in "${!claims_times[@]}"; do ratios+=("$(echo "${pdftotext_times[$i]} / ${claims_times[$i]}" | bc -l)"); done
read -r _ rmed <<<"$(stats "${ratios[@]}")"
printf '  claims / pdftotext speed: best %.2f× (best against best), median %.2f× (of the rounds, each against its own)\n' \
  "$(echo "$pbest / $cbest" | bc -l)" "$rmed"
