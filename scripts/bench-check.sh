#!/usr/bin/env bash
# Cross-check benchmark: generates a claims database of about 100,000 claims (2,000 text files of
# 50 sentences, about 250 subjects and 8 periods, most figures agreeing and some not), then times
# `claims check` over it against the 2-second limit of the audit issue.
#
#   scripts/bench-check.sh            (RUNS rounds, default 5; FILES files, default 2000)
#
# Builds `claims` in release mode first. The documents are written at run time (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
FILES=${FILES:-2000}
swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK/docs" "$FILES" Lexicons/en/companies.tsv <<'PY'
import os, random, sys
out, files, companies = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out)
names = ["S&P 500", "Nasdaq Composite", "Dow Jones Industrial Average", "Russell 2000"]
for line in open(companies, encoding="utf-8"):
    if line.startswith("#") or line.startswith("id\t"): continue
    cells = line.rstrip("\n").split("\t")
    if len(cells) > 2 and cells[2] and len(names) < 250: names.append(cells[2])
periods = ["in the first quarter of 2025", "in the second quarter of 2025", "in the third quarter of 2025",
           "in the fourth quarter of 2024", "in September 2025", "in August 2025", "in 2024", "in July 2025"]
rng = random.Random(7)
truth = {(n, p): round(rng.uniform(-15, 25), 1) for n in names for p in periods}
for f in range(files):
    lines = []
    for _ in range(50):
        n, p = rng.choice(names), rng.choice(periods)
        v = truth[(n, p)]
        if rng.random() < 0.01: v = round(v + rng.choice([-3, 3]), 1)  # a slip
        verb = "rose" if v >= 0 else "fell"
        lines.append(f"{n} {verb} {abs(v):.1f}% {p}.")
    with open(os.path.join(out, f"note-{f:05d}.txt"), "w", encoding="utf-8") as fh:
        fh.write(" ".join(lines) + "\n")
PY

"$BIN" ingest --quiet --store "$WORK/b.sqlite" "$WORK/docs"
python3 - "$BIN" "$WORK/b.sqlite" "$RUNS" <<'PY'
import json, statistics, subprocess, sys, time
binary, store, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
stats = json.loads(subprocess.run([binary, "stats", "--store", store, "--format", "json"], capture_output=True, text=True, check=True).stdout)
print(f"== {stats['documents']} documents, {stats['claims']} claims, {rounds} rounds ==")
times, rss = [], []
for _ in range(rounds):
    t = time.time()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "check", "--store", store, "--format", "jsonl", "--fail-on", "never"],
                       capture_output=True, text=True)
    times.append(time.time() - t)
    if r.returncode != 0: sys.exit(f"bench-check: claims check failed:\n{r.stderr}")
    rss.append(int(r.stderr.strip().splitlines()[-1]))
    findings = len(r.stdout.splitlines())
print(f"claims check: median {statistics.median(times):.3f} s, best {min(times):.3f} s "
      f"(median / 2 s limit {statistics.median(times) / 2:.2f}); {findings} findings; peak RSS {max(rss) / 1024:.1f} MB")
PY
