#!/usr/bin/env bash
# The seed articles as web pages: wraps each text of ../shared/seeds in an HTML page with the
# furniture of a news site (navigation, a share bar, a related-stories list, a newsletter box, a
# footer), dated in its <meta>, then scores `claims extract` on the pages and on the texts with
# ../shared/tools/score-claims and prints both and their difference.
#
#   scripts/seeds-html.sh
#
# The pages are written to a temporary folder and removed afterwards: the seed texts are
# third-party and never enter the repository. Exits 1 when the HTML run's quantity F1 (L1) or
# full-claim F1 (L3) falls more than 0.02 below the text run's.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/seeds" ] || { echo "seeds-html: $SHARED/seeds not found (../shared is needed)" >&2; exit 2; }

swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/html"

python3 - "$SHARED/seeds" "$WORK/html" <<'PY'
import csv, html, os, sys
seeds, out = sys.argv[1], sys.argv[2]
dates = {}
with open(os.path.join(seeds, 'documents.tsv'), encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        dates[row['file']] = (row.get('published') or '', row.get('title') or '')
with open(os.path.join(out, 'documents.tsv'), 'w', encoding='utf-8') as f:
    f.write('file\tpublished\ttitle\n')
    for name, (published, title) in sorted(dates.items()):
        f.write('%s\t%s\t%s\n' % (name.replace('.txt', '.html'), published, title))
for name in sorted(os.listdir(seeds)):
    if not name.endswith('.txt'):
        continue
    lines = [l.strip() for l in open(os.path.join(seeds, name), encoding='utf-8').read().split('\n')]
    published, title = dates.get(name, ('', ''))
    title = title or lines[0]
    body = []
    for l in lines[1:] if lines and lines[0] == title else lines:
        if not l:
            continue
        # a short line without a final stop is a subheading
        if len(l) < 80 and not l.endswith(('.', ':', '?', '!')):
            body.append('<h2>%s</h2>' % html.escape(l))
        else:
            body.append('<p>%s</p>' % html.escape(l))
    meta = '<meta property="article:published_time" content="%sT08:00:00Z">' % published if published else ''
    page = '''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%(t)s | Market Desk</title>%(meta)s
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/site.css"></head>
<body>
<header class="site-header"><a class="logo" href="/">Market Desk</a>
<nav class="main-nav"><ul><li><a href="/markets">Markets</a></li><li><a href="/stocks">Stocks</a></li>
<li><a href="/etfs">ETFs</a></li><li><a href="/rates">Rates</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="ticker-tape">S&amp;P 500 6,688.46 +0.3%% | Nasdaq 22,660.01 +0.4%% | Dow 46,397.89 -0.1%%</div></header>
<main><article class="story">
<h1 class="headline">%(t)s</h1>
<div class="byline">By the Markets Desk &middot; <time datetime="%(p)s">%(p)s</time></div>
<div class="share-bar"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Email</a> <a href="#">Print</a></div>
<div class="story-body">
%(body)s
</div>
<aside class="newsletter"><h3>Get the morning briefing</h3><p>Markets, in your inbox before the open. Sign up now.</p>
<form><input type="email" placeholder="Email"><button>Subscribe</button></form></aside>
</article>
<section class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Small caps rally 4%% as rate bets shift</a></li>
<li><a href="/b">Tech giants add $500 billion in market value in a week</a></li>
<li><a href="/c">Oil slides 2%% on supply worries</a></li></ul></section>
</main>
<footer class="site-footer"><p>&copy; 2025 Market Desk. All rights reserved.</p>
<ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>
''' % {'t': html.escape(title), 'meta': meta, 'p': published, 'body': '\n'.join(body)}
    with open(os.path.join(out, name.replace('.txt', '.html')), 'w', encoding='utf-8') as f:
        f.write(page)
PY

"$BIN" extract "$SHARED"/seeds/*.txt --format jsonl > "$WORK/text.jsonl"
"$BIN" extract "$WORK/html" --format jsonl > "$WORK/html.jsonl"
score() { "$SHARED/tools/score-claims" "$SHARED/gold/seeds.jsonl" "$1"; }
echo "== text run =="
score "$WORK/text.jsonl" | tail -4
echo "== HTML run =="
score "$WORK/html.jsonl" | tail -4
python3 - "$(score "$WORK/text.jsonl")" "$(score "$WORK/html.jsonl")" <<'PY'
import re, sys
def overall(s):
    m = re.search(r'^overall\s+\d+\s+\d+ \|\s*[\d.]+\s+[\d.]+\s+([\d.]+) \|\s*[\d.]+\s+[\d.]+\s+([\d.]+)', s, re.M)
    return float(m.group(1)), float(m.group(2))
(t1, t3), (h1, h3) = overall(sys.argv[1]), overall(sys.argv[2])
print('== difference (HTML - text) ==')
print('L1 F1 %.3f - %.3f = %+.3f; L3 F1 %.3f - %.3f = %+.3f' % (h1, t1, h1 - t1, h3, t3, h3 - t3))
sys.exit(0 if h1 >= t1 - 0.02 and h3 >= t3 - 0.02 else 1)
PY
