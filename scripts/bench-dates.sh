#!/usr/bin/env bash
# Publication-date benchmark: how often `claims text --format json` finds each page's publication
# date, and how fast, on pages with known dates; side by side with htmldate (the reference date
# extractor, extensive mode, original date) on the same pages in the same run when it is installed
# (`pip install htmldate`).
#
#   scripts/bench-dates.sh [PAGES_DIR [EXPECTED_TSV]]
#
# Defaults: Tests/DatePages and its expected.tsv (columns: file, expected YYYY-MM-DD or -, class,
# language, trap). Scores as htmldate's own evaluation does: a right date is a true positive, a
# wrong one a false positive, none where a date was expected a false negative, none where none was
# expected a true negative; accuracy = (TP + TN) / pages, F = harmonic mean of precision and recall.
# Prints the figures per tool, accuracy per class and per language, the pages each tool gets wrong,
# and the time per page (one process over all pages, start-up included, best of RUNS, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-Tests/DatePages}
EXPECTED=${2:-$PAGES/expected.tsv}
RUNS=${RUNS:-3}
[ -f "$EXPECTED" ] || { echo "bench-dates: $EXPECTED not found" >&2; exit 2; }

if [ -z "${BIN:-}" ]; then
  swift build -c release --product claims >&2
  BIN=$(swift build -c release --show-bin-path)/claims
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

best=""
for _ in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" text --jobs 1 --format json "$PAGES" > "$WORK/claims.jsonl" 2> "$WORK/claims.err" || true
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done

python3 - "$PAGES" "$EXPECTED" "$WORK/claims.jsonl" "$best" "$RUNS" <<'EOF'
import csv, json, os, sys, time
from collections import Counter

pages_dir, expected_path, claims_path, claims_seconds, runs = sys.argv[1:6]
rows = list(csv.DictReader(open(expected_path, encoding="utf-8"), delimiter="\t"))
expected = {r["file"]: (None if r["expected"] in ("-", "") else r["expected"]) for r in rows}

claims = {}
for line in open(claims_path, encoding="utf-8"):
    o = json.loads(line)
    m = o.get("metadata", {})
    claims[o["doc"]] = (m.get("published"), m.get("publishedSource"))

tools = {"claims": ({f: claims.get(f, (None, None))[0] for f in expected}, float(claims_seconds))}

try:
    from htmldate import find_date
    best = None
    for _ in range(int(runs)):
        start = time.perf_counter()
        found = {}
        for f in expected:
            html = open(os.path.join(pages_dir, f), encoding="utf-8", errors="replace").read()
            try:
                found[f] = find_date(html, extensive_search=True, original_date=True)
            except Exception:
                found[f] = None
        seconds = time.perf_counter() - start
        best = seconds if best is None or seconds < best else best
    tools["htmldate"] = (found, best)
except ImportError:
    print("(htmldate not installed: pip install htmldate to compare in the same run)\n")

def score(found):
    tp = fp = fn = tn = 0
    for f, want in expected.items():
        got = found.get(f)
        if got is None:
            if want is None: tn += 1
            else: fn += 1
        elif got == want: tp += 1
        else: fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return tp, fp, fn, tn, p, r, f1, (tp + tn) / len(expected)

n = len(expected)
print(f"{n} pages ({pages_dir})")
print(f"{'tool':10} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'prec':>6} {'recall':>6} {'F':>6} {'acc':>6} {'ms/page':>8}")
for name, (found, seconds) in tools.items():
    tp, fp, fn, tn, p, r, f1, acc = score(found)
    print(f"{name:10} {tp:4} {fp:4} {fn:4} {tn:4} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:6.3f} {1000 * seconds / n:8.2f}")
if "htmldate" in tools:
    ratio = tools["htmldate"][1] / tools["claims"][1]
    print(f"claims is {ratio:.1f}x htmldate's speed on these pages (claims also extracts the article text)")

for key in ("class", "language"):
    if rows and key in rows[0]:
        print(f"\naccuracy by {key}")
        groups = Counter(r[key] for r in rows)
        for g in sorted(groups):
            files = [r["file"] for r in rows if r[key] == g]
            line = f"  {g:12} {groups[g]:3} pages"
            for name, (found, _) in tools.items():
                right = sum(found.get(f) == expected[f] for f in files)
                line += f"   {name} {right / len(files):.3f}"
            print(line)

for name, (found, _) in tools.items():
    wrong = [f for f in expected if found.get(f) != expected[f]]
    print(f"\n{name} wrong on {len(wrong)}:")
    for f in wrong:
        source = f" ({claims[f][1]})" if name == "claims" and f in claims and claims[f][1] else ""
        print(f"  {f}: expected {expected[f] or 'none'}, got {found.get(f) or 'none'}{source}")
EOF
