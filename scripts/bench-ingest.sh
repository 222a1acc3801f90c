#!/usr/bin/env bash
# Ingest benchmark: `claims ingest` into SQLite against `claims text --jobs 2 --out` on the same
# files, measured in the same rounds.
#
#   scripts/bench-ingest.sh            (RUNS rounds, default 5; COPIES copies, default 10)
#
# Builds a folder at run time from the 181 pages of ../shared/data/article-extraction-benchmark,
# copied COPIES times under different names (1,810 files, ~315 MB; never committed), and a folder
# with one copy (181 files). Builds `claims` in release mode first. Prints, as medians and bests
# over the rounds: MB/s and documents/s of both commands and their ratio; the time of a second,
# unchanged ingest against the first; what a re-ingest does after one file's content changes and
# another is only touched; and peak resident memory of the 181-file and 1,810-file ingests.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BENCH="$SHARED/data/article-extraction-benchmark"
RUNS=${RUNS:-5}
COPIES=${COPIES:-10}
[ -d "$BENCH/html" ] || { echo "bench-ingest: $BENCH/html not found (../shared is needed)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-ingest: GNU time (/usr/bin/time) is needed" >&2; exit 2; }

swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source scripts/lib/bench-folder.sh
make_bench_folders "$WORK" "$COPIES"

python3 - "$BIN" "$WORK" "$RUNS" <<'PY'
import os, re, shutil, statistics, subprocess, sys, time, glob
binary, work, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
folder = os.path.join(work, 'all')
files = sorted(glob.glob(os.path.join(folder, '*.html')))
size = sum(os.path.getsize(f) for f in files)
print(f"== {len(files)} files, {size/1e6:.1f} MB, {rounds} rounds ==")

def timed(args):
    """wall seconds and peak RSS (KB) of one command, via GNU time"""
    t = time.time()
    r = subprocess.run(['/usr/bin/time', '-f', '%M'] + args, capture_output=True, text=True)
    wall = time.time() - t
    if r.returncode != 0:
        sys.exit(f"bench-ingest: {' '.join(args)} failed:\n{r.stderr}")
    return wall, int(r.stderr.strip().splitlines()[-1]), r.stderr

text_t, ingest_t, again_t, rss_all = [], [], [], []
for _ in range(rounds):
    out = os.path.join(work, 'text-out'); shutil.rmtree(out, ignore_errors=True)
    text_t.append(timed([binary, 'text', '--jobs', '2', '--out', out, folder])[0])
    db = os.path.join(work, 'b.sqlite')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix): os.remove(db + suffix)
    wall, rss, _ = timed([binary, 'ingest', '--jobs', '2', '--quiet', '--store', db, folder])
    ingest_t.append(wall); rss_all.append(rss)
    again_t.append(timed([binary, 'ingest', '--jobs', '2', '--quiet', '--store', db, folder])[0])

def line(name, times):
    med, best = statistics.median(times), min(times)
    print(f"{name:28s} median {med:6.2f} s ({size/1e6/med:6.1f} MB/s, {len(files)/med:6.1f} docs/s)"
          f"   best {best:6.2f} s ({size/1e6/best:6.1f} MB/s)")
line('claims text --jobs 2 --out', text_t)
line('claims ingest --jobs 2', ingest_t)
ratios = [t / i for t, i in zip(text_t, ingest_t)]
print(f"ingest MB/s / text MB/s: median {statistics.median(ratios):.2f}, best {max(ratios):.2f} (target >= 0.8)")
again = [a / i for a, i in zip(again_t, ingest_t)]
print(f"unchanged re-ingest: median {statistics.median(again_t):.3f} s = {100*statistics.median(again):.1f}% of the first run (target < 5%)")

# one file's content changes, another is only touched: only the first is parsed again
db = os.path.join(work, 'b.sqlite')
with open(files[0], 'a') as f: f.write('\n<p>The S&amp;P 500 rose 1.2% on the day.</p>\n')
os.utime(files[1])
r = subprocess.run([binary, 'ingest', '--jobs', '2', '--store', db, folder], capture_output=True, text=True)
print("after changing one file and touching another:", r.stderr.strip().splitlines()[-1])

# peak memory: one copy against all copies
small = os.path.join(work, 'c.sqlite')
_, rss_one, _ = timed([binary, 'ingest', '--jobs', '2', '--quiet', '--store', small, os.path.join(work, 'one')])
print(f"peak RSS: {len(files)//len(glob.glob(os.path.join(work, 'one', '*.html')))}x folder {statistics.median(rss_all)/1024:.1f} MB"
      f" vs 1x folder {rss_one/1024:.1f} MB = {statistics.median(rss_all)/rss_one:.2f}x (limit 1.5x)")
PY
