#!/usr/bin/env bash
# Main-text extraction benchmark: quality and speed of `claims text` on the 181 pages of the
# article-extraction benchmark, against libxml2's own parse-only speed measured in the same run.
#
#   scripts/bench-text.sh [JOBS...]      (default: 1 2)
#
# Needs ../shared beside the repository (the pages, the scorer and the libxml2 limit program),
# a C compiler, zlib1g-dev and libxml2-dev. Builds `claims` in release mode first.
# Prints F1 / precision / recall / accuracy, our MB/s per job count (one process over all pages,
# start-up included, best of RUNS), libxml2's parse-only MB/s, and the ratios. Peak resident
# memory of each run comes from GNU time when it is installed (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BENCH="$SHARED/data/article-extraction-benchmark"
RUNS=${RUNS:-5}
JOBS=("$@")
[ ${#JOBS[@]} -gt 0 ] || JOBS=(1 2)
[ -d "$BENCH/html" ] || { echo "bench-text: $BENCH/html not found (../shared is needed)" >&2; exit 2; }

swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/html"
for f in "$BENCH"/html/*.html.gz; do
  gzip -dc "$f" > "$WORK/html/$(basename "$f" .gz)"
done
BYTES=$(cat "$WORK"/html/*.html | wc -c)
PAGES=$(ls "$WORK/html" | wc -l)

cc -O2 -o "$WORK/libxml2-parse-limit" "$SHARED/tools/libxml2-parse-limit.c" \
   $(pkg-config --cflags --libs libxml-2.0) -lz

# Quality: one run, scored by the benchmark's metric.
"$BIN" text --jobs 1 --out "$WORK/out" "$WORK/html"
echo "== quality ($PAGES pages) =="
python3 "$SHARED/tools/score-text" --outdir "$WORK/out" | grep -E "precision|recall|F1|f1|accuracy" || \
  python3 "$SHARED/tools/score-text" --outdir "$WORK/out"

# Speed: libxml2 parse-only, then ours, alternating so both see the same machine state.
LIMIT_OUT=$("$WORK/libxml2-parse-limit" "$BENCH/html" 5)
LIBXML_MBS=$(echo "$LIMIT_OUT" | sed -n 's/^wall: median pass [0-9.]* s: \([0-9.]*\) MB\/s.*/\1/p')
echo "== speed (HTML bytes: $BYTES) =="
echo "$LIMIT_OUT" | sed 's/^/libxml2: /'
declare -A BEST
for j in "${JOBS[@]}"; do BEST[$j]=999999; done
for r in $(seq "$RUNS"); do
  for j in "${JOBS[@]}"; do
    rm -rf "$WORK/out-$j"
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%M" -o "$WORK/mem-$j" "$BIN" text --jobs "$j" --out "$WORK/out-$j" "$WORK/html"
    else
      "$BIN" text --jobs "$j" --out "$WORK/out-$j" "$WORK/html"
    fi
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if (( $(echo "$t < ${BEST[$j]}" | bc -l) )); then BEST[$j]=$t; fi
  done
done
for j in "${JOBS[@]}"; do
  mbs=$(echo "$BYTES / 1000000 / ${BEST[$j]}" | bc -l)
  ratio=$(echo "$mbs / $LIBXML_MBS" | bc -l)
  mem=""
  [ -f "$WORK/mem-$j" ] && mem=$(printf ", peak RSS %.0f MB" "$(echo "$(cat "$WORK/mem-$j") / 1024" | bc -l)")
  printf "claims text --jobs %s: best of %s runs %.3f s, %.1f MB/s, %.2fx libxml2 parse-only (%.1f MB/s)%s\n" \
    "$j" "$RUNS" "${BEST[$j]}" "$mbs" "$ratio" "$LIBXML_MBS" "$mem"
done
if [ -n "${BEST[1]:-}" ] && [ -n "${BEST[2]:-}" ]; then
  printf "jobs 2 / jobs 1 speed-up: %.2fx\n" "$(echo "${BEST[1]} / ${BEST[2]}" | bc -l)"
fi
