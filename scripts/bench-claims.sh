#!/usr/bin/env bash
# Claims-extraction benchmark: sentences per second of `claims extract --jobs 1` on plain-text
# market commentary, against the issue's limit (50,000 sentences/s) and, with --peer, against
# quantulum3 timed on the same text in the same run; then the two inputs that would expose
# super-linear work (a 1 MB "sentence" of digits and punctuation, "over 25% of " 100,000 times),
# and news prose in mixed currencies and counts at 250 KB and 1 MB (time per byte at both sizes).
#
#   scripts/bench-claims.sh [--peer]
#
# The commentary: documents of 50 lines cut from our own Corpus article texts and, when
# ../shared is beside the repository, the three seed articles (read from there at run time, never
# copied into the repository), each document starting at a different line, until there are at
# least SENTENCES sentences (default 100,000) as `claims extract --stats` counts them. Every
# document is dated (--date 2025-10-10) so relative periods resolve as they would in use.
# RUNS rounds (default 5); the median and the best are printed. --peer installs quantulum3 into
# .build/bench-venv (from PyPI) if it is not there, and times it on the first PEER_DOCS documents
# (default 20), since it is some 100 times slower.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-5}
SENTENCES=${SENTENCES:-100000}
PEER_DOCS=${PEER_DOCS:-20}
PEER=0
[ "${1:-}" = "--peer" ] && PEER=1

swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The source lines: non-blank lines of our article texts (and the seeds when present).
SOURCES=(Corpus/expected/*.txt Corpus/expected/notes/*.txt Corpus/*.txt Corpus/notes/*.txt)
if [ -d "$SHARED/seeds" ]; then SOURCES+=("$SHARED"/seeds/*.txt); fi
cat "${SOURCES[@]}" | grep -v '^[[:space:]]*$' > "$WORK/lines.txt"

python3 - "$BIN" "$WORK" "$RUNS" "$SENTENCES" "$PEER" "$PEER_DOCS" <<'PY'
import os, re, statistics, subprocess, sys, time
binary, work, rounds, target, peer, peer_docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == '1', int(sys.argv[6])
lines = open(os.path.join(work, 'lines.txt'), encoding='utf-8').read().splitlines()
docs = os.path.join(work, 'docs')
os.makedirs(docs)

def stats(path, extra=()):
    """Runs claims extract once; returns (seconds, sentences, claims, bytes) from --stats."""
    started = time.perf_counter()
    err = subprocess.run([binary, 'extract', path, '--jobs', '1', '--format', 'jsonl', '--date', '2025-10-10', '--stats', *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
    wall = time.perf_counter() - started
    m = re.search(r'(\d+) documents, (\d+) sentences, (\d+) claims, (\d+) bytes', err)
    return wall, int(m.group(2)), int(m.group(3)), int(m.group(4))

# Documents of 50 lines, the k-th starting 37 k lines into the source, until enough sentences.
count = 0
while True:
    for _ in range(200):
        start = (count * 37) % len(lines)
        body = [lines[(start + j) % len(lines)] for j in range(50)]
        with open(os.path.join(docs, 'doc-%05d.txt' % count), 'w', encoding='utf-8') as f:
            f.write('\n'.join(body) + '\n')
        count += 1
    _, sentences, claims, size = stats(docs)
    if sentences >= target:
        break

print('== claims extract --jobs 1 (%d documents, %d sentences, %d claims, %.1f MB of text, %d rounds) =='
      % (count, sentences, claims, size / 1e6, rounds))
rates = []
for _ in range(rounds):
    wall, s, _, _ = stats(docs)
    rates.append(s / wall)
median, best = statistics.median(rates), max(rates)
print('sentences/s: median %.0f, best %.0f (wall time, start-up and output included)' % (median, best))
print('against the 50,000 sentences/s limit: median %.2fx, best %.2fx' % (median / 50000, best / 50000))

# Peak memory, when GNU time is there.
if os.path.exists('/usr/bin/time'):
    err = subprocess.run(['/usr/bin/time', '-v', binary, 'extract', docs, '--jobs', '1', '--format', 'jsonl', '--date', '2025-10-10'],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', err)
    if m:
        print('peak resident memory: %.0f MB' % (int(m.group(1)) / 1024))

if peer:
    venv = os.path.join('.build', 'bench-venv')
    python = os.path.join(venv, 'bin', 'python')
    if not os.path.exists(python):
        subprocess.run([sys.executable, '-m', 'venv', venv], check=True)
        subprocess.run([python, '-m', 'pip', 'install', '-q', 'quantulum3'], check=True)
    subset = os.path.join(work, 'peer')
    os.makedirs(subset)
    names = sorted(os.listdir(docs))[:peer_docs]
    for n in names:
        os.link(os.path.join(docs, n), os.path.join(subset, n))
    ours = [stats(subset) for _ in range(rounds)]
    subset_sentences = ours[0][1]
    ours_rate = max(s / w for w, s, _, _ in ours)
    code = r'''
import os, sys, time, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
folder = sys.argv[1]
texts = [open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(os.listdir(folder))]
parser.parse("warm up 1%")
started = time.perf_counter()
for t in texts:
    for line in t.splitlines():
        parser.parse(line)
print(time.perf_counter() - started)
'''
    peer_seconds = float(subprocess.run([python, '-c', code, subset], capture_output=True, text=True, check=True).stdout.split()[-1])
    peer_rate = subset_sentences / peer_seconds
    print('== peer: quantulum3 on the first %d documents (%d sentences) ==' % (len(names), subset_sentences))
    print('quantulum3: %.0f sentences/s (parse only, start-up excluded); claims: %.0f sentences/s (best, start-up included)'
          % (peer_rate, ours_rate))
    print('claims / quantulum3: %.0fx' % (ours_rate / peer_rate))

# Inputs that expose super-linear work: each must take well under a second.
print('== linear time ==')
digits = os.path.join(work, 'digits.txt')
pattern = '12,345.67%-8/9$0.1+2(3)4:5;6*7#8=9^'
with open(digits, 'w') as f:
    f.write((pattern * (1_000_000 // len(pattern) + 1))[:1_000_000])
over = os.path.join(work, 'over.txt')
with open(over, 'w') as f:
    f.write('over 25% of ' * 100_000)
# news prose in many currencies and counts (the forms of issue 17), at 250 KB and at 1 MB: the
# time per byte must not grow with the size
news_line = ('The group raised £2.4bn, HK$3.2bn and 40m euros, cut 1,200 jobs at 450 stores in 12 countries, and paid 42p, '
             'or 85 cents, a share; sales of $85 to $90 billion rose 5.2pc, EUR12.5bn-plus, RM2.1bn, ₩9.8 trillion, '
             'Rs 5,000 crore, MEUR 10.5, 5 3/4%, a quarter-point cut, 61,000 loans, down from 64,000.\n')
news = {}
for size in (250_000, 1_000_000):
    news[size] = os.path.join(work, 'news-%d.txt' % size)
    with open(news[size], 'w', encoding='utf-8') as f:
        f.write(news_line * (size // len(news_line.encode('utf-8')) + 1))
for name, path in (('1 MB of digits and punctuation, one line', digits), ('"over 25% of " x 100,000', over),
                   ('250 KB of news prose in mixed currencies and counts', news[250_000]),
                   ('1 MB of news prose in mixed currencies and counts', news[1_000_000])):
    walls = [stats(path)[0] for _ in range(3)]
    print('%s: %.3f s (best of 3, %d bytes, %.2f µs per byte)' % (name, min(walls), os.path.getsize(path), min(walls) / os.path.getsize(path) * 1e6))
PY
