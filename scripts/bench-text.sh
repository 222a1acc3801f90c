#!/usr/bin/env bash
# Main-text extraction benchmark: quality and speed of `claims text` on the 181 pages of the
# article-extraction benchmark, against libxml2's own parse-only speed measured in the same run.
#
#   scripts/bench-text.sh [JOBS...]      (default: 1 2)
#
# Needs ../shared beside the repository (the pages, the scorer and the libxml2 limit program),
# a C compiler, zlib1g-dev and libxml2-dev. Builds `claims` in release mode first.
# Prints F1 / precision / recall / accuracy, our MB/s per job count (one process over all pages,
# start-up included), libxml2's parse-only MB/s, and the ratios, as medians and bests over RUNS
# rounds (default 7). Peak resident memory of each run comes from GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BENCH="$SHARED/data/article-extraction-benchmark"
RUNS=${RUNS:-7}
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

# Speed: rounds that each time libxml2's parse-only loop (one pass after a warm-up, in its own
# process) and then one `claims text` run per job count, so that every figure of a round sees the
# same machine; medians and bests over the rounds, and ratios of like to like.
echo "== speed (HTML: $BYTES bytes, $PAGES pages, $RUNS rounds) =="
python3 - "$BIN" "$WORK" "$BENCH/html" "$BYTES" "$RUNS" "${JOBS[@]}" <<'PY'
import os, re, shutil, statistics, subprocess, sys, time
binary, work, gzdir, size, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
jobs = sys.argv[6:]
limit = os.path.join(work, 'libxml2-parse-limit')
times = {'libxml2': []}
memory = {}
for j in jobs:
    times[j] = []
for _ in range(rounds):
    out = subprocess.run([limit, gzdir, '1'], capture_output=True, text=True, check=True).stdout
    times['libxml2'].append(float(re.search(r'^wall: median pass ([0-9.]+) s', out, re.M).group(1)))
    for j in jobs:
        target = os.path.join(work, 'out-' + j)
        shutil.rmtree(target, ignore_errors=True)
        cmd = [binary, 'text', '--jobs', j, '--out', target, os.path.join(work, 'html')]
        if os.path.exists('/usr/bin/time'):
            cmd = ['/usr/bin/time', '-f', '%M', '-o', os.path.join(work, 'mem')] + cmd
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        times[j].append(time.perf_counter() - start)
        if os.path.exists(os.path.join(work, 'mem')):
            kb = int(open(os.path.join(work, 'mem')).read().split()[-1])
            memory[j] = max(memory.get(j, 0), kb)
mbs = lambda t: size / 1e6 / t
lx_med, lx_best = statistics.median(times['libxml2']), min(times['libxml2'])
print(f"libxml2 parse-only (one thread): median {mbs(lx_med):.1f} MB/s, best {mbs(lx_best):.1f} MB/s")
for j in jobs:
    med, best = statistics.median(times[j]), min(times[j])
    mem = f", peak RSS {memory[j] / 1024:.0f} MB" if j in memory else ""
    print(f"claims text --jobs {j} (one process, start-up included): median {med:.3f} s = {mbs(med):.1f} MB/s "
          f"= {mbs(med) / mbs(lx_med):.2f}x libxml2; best {best:.3f} s = {mbs(best):.1f} MB/s "
          f"= {mbs(best) / mbs(lx_best):.2f}x libxml2{mem}")
if '1' in jobs and '2' in jobs:
    print(f"--jobs 2 speed-up over --jobs 1: median {statistics.median(times['1']) / statistics.median(times['2']):.2f}x, "
          f"best {min(times['1']) / min(times['2']):.2f}x")
PY
