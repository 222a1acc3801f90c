#!/usr/bin/env python3
"""Generate the data-derived lexicons and the embedded copy of every lexicon.

  scripts/make-lexicons.py [--shared ../shared]

Reads (licences: ODC-PDDL-1.0, see ../shared/data/lexicon/README.md and
../shared/data/market/README.md):
  ../shared/data/market/sp500-reference/constituents_2024-09-13.csv and _2026-08-08.csv
      -> Lexicons/en/companies.tsv  (S&P 500 members: id = ticker, company names and short names)
  ../shared/data/lexicon/nasdaq-listed-symbols.csv, other-listed.csv
      -> Lexicons/en/tickers.tsv    (listed symbols, matched only in a ticker context)
and writes Sources/Recognizers/EmbeddedLexicons.swift, which holds every Lexicons/en/*.tsv as
text so that the binary needs no files at run time. A test checks that the embedded copy equals
the files, so run this script after editing any lexicon.
"""
import argparse
import csv
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
LEX = os.path.join(ROOT, 'Lexicons', 'en')

# Short company names that are also ordinary words or other things' names: they are kept only
# in their full form ("Target Corporation", "Block, Inc."), never alone.
COMMON = set('''
target ball match progressive southern visa block regions citizens principal travelers booking
monster mosaic waters delta dover pool fox align genuine quest oracle alphabet amazon meta apple
chevron carnival essex public extra best dollar republic state fifth first general crown united
american equity realty arch global life live edison caterpillar deere otis steris hess ross
lowe loews allstate prudential hartford merck ford square paramount discovery warner advance
federal national home service standard international western eastern northern energy power
health care capital trust partners resources technology systems solutions brands industries
products mills foods labs hershey campbell kellogg jacobs stanley snap lam nike linde danaher
corning eaton everest centene coherent flex tapestry workday trimble idex
'''.split())
# Short names that are never aliases: another family's name, or too vague even capitalised.
SKIP = {'msci', 'news', 'cme', 'nasdaq', 'dow', 's&p global'}

SUFFIXES = [r',?\s+&\s+co(mpany)?\.?$', r',?\s+inc\.?$', r',?\s+incorporated$', r',?\s+corporation$', r',?\s+corp\.?$', r',?\s+company$',
            r',?\s+co\.?$', r',?\s+plc\.?$', r',?\s+ltd\.?$', r',?\s+limited$', r',?\s+l\.?p\.?$', r',?\s+n\.?v\.?$',
            r',?\s+s\.?a\.?$', r',?\s+ag$', r',?\s+se$', r',?\s+holdings?$', r',?\s+group$']
# Names commentary uses that the S&P 500 list does not spell out.
EXTRA_ALIASES = {
    'XOM': ['Exxon Mobil', 'Exxon', 'Exxon Mobil Corp.'], 'JPM': ['JPMorgan', 'JP Morgan', 'JPMorgan Chase & Co.', 'J.P. Morgan', 'J.P. Morgan Chase', 'JPMorgan Chase'],
    'BRK.B': ['Berkshire', 'BRK.B', 'Berkshire Hathaway Inc.'], 'LLY': ['Eli Lilly', 'Lilly'], 'BAC': ['Bank of America', 'BofA', 'BankAmerica'],
    'GS': ['Goldman Sachs', 'Goldman'], 'MS': ['Morgan Stanley'], 'C': ['Citigroup', 'Citi'],
    'KO': ['Coca-Cola', 'Coke'], 'PEP': ['PepsiCo', 'Pepsi'], 'HD': ['Home Depot'], 'DIS': ['Disney'],
    'BA': ['Boeing'], 'AMD': ['AMD'], 'QCOM': ['Qualcomm'], 'TXN': ['Texas Instruments'], 'MU': ['Micron'],
    'PLTR': ['Palantir'], 'MCD': ["McDonald's"], 'GM': ['General Motors'], 'JNJ': ['Johnson & Johnson', 'J&J'],
    'PYPL': ['PayPal'], 'SMCI': ['Supermicro', 'Super Micro'], 'AVGO': ['Broadcom Inc.'], 'ORCL': ['Oracle Corp.'],
    'CSCO': ['Cisco Systems'], 'UNH': ['UnitedHealth'], 'WMT': ['Wal-Mart'], 'COST': ['Costco Wholesale'],
    'DOW': ['Dow Inc', 'Dow Chemical'],
}

# share classes that commentary treats as one company: the second maps to the first
SHARE_CLASSES = {'GOOG': 'GOOGL', 'FOX': 'FOXA', 'NWS': 'NWSA', 'BRK.A': 'BRK.B', 'BF.A': 'BF.B'}


def clean_name(name):
    name = re.sub(r'\s*\((class [a-z]|the)\)\s*$', '', name.strip(), flags=re.I)
    name = re.sub(r'^the\s+', '', name, flags=re.I)
    return name.strip()


def short_names(name):
    out = []
    cur = name
    for _ in range(3):
        before = cur
        for pattern in SUFFIXES:
            cur = re.sub(pattern, '', cur, flags=re.I).strip()
        if cur == before:
            break
        out.append(cur)
    return [s for s in out if s and s.lower() != name.lower()]


def read_curated():
    ids, aliases = set(), {}
    with open(os.path.join(LEX, 'entities.tsv'), encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#') or line.startswith('id\t'):
                continue
            cols = line.rstrip('\n').split('\t')
            ids.add(cols[0])
            for a in [cols[2]] + (cols[3].split('|') if len(cols) > 3 and cols[3] else []):
                aliases[a.lower()] = cols[0]
    return ids, aliases


def make_companies(shared):
    ref = os.path.join(shared, 'data', 'market', 'sp500-reference')
    rows = {}
    latest = {}   # symbol -> index of the latest list that has it
    for k, snap in enumerate(['constituents_2024-09-13.csv', 'constituents_2026-08-08.csv']):  # later wins
        with open(os.path.join(ref, snap), encoding='utf-8') as f:
            for r in csv.DictReader(f):
                rows[r['Symbol'].strip()] = (clean_name(r['Security']), r['GICS Sector'].strip())
                latest[r['Symbol'].strip()] = k
    # a company renamed its ticker between the lists (BK -> BNY, FISV -> FI): one entity, under
    # the later symbol, with the earlier one as an alias
    renamed = {}
    by_name = {}
    for sym, (name, _) in rows.items():
        if sym not in SHARE_CLASSES:
            by_name.setdefault(name.lower(), []).append(sym)
    for syms in by_name.values():
        if len(syms) > 1:
            keep = max(syms, key=lambda x: (latest[x], x))
            for other in syms:
                if other != keep:
                    renamed[other] = keep
    curated_ids, curated_aliases = read_curated()
    merged = {}
    for sym in sorted(rows):
        name, sector = rows[sym]
        target = SHARE_CLASSES.get(sym, renamed.get(sym, sym))
        entry = merged.setdefault(target, {'name': None, 'sector': sector, 'aliases': []})
        if sym == target or entry['name'] is None:
            entry['name'] = name
        for a in [name] + short_names(name) + ([sym] if sym != target else []) + EXTRA_ALIASES.get(sym, []):
            if a not in entry['aliases']:
                entry['aliases'].append(a)
    lines = ['# S&P 500 members (2024-09-13 and 2026-08-08 lists). Generated by scripts/make-lexicons.py',
             '# from ../shared/data/market/sp500-reference (ODC-PDDL-1.0); do not edit by hand.',
             '# A name or alias written "=Name" is an ordinary word too ("=Target"): it matches only as written.',
             '# Short names that are another entity\'s name (Dow, Nasdaq) are left out.',
             'id\tkind\tname\taliases\tsector']
    for sym in sorted(merged):
        # a member whose ticker is a curated id is left out: the curated entity wins (CL is WTI
        # crude in the claims conventions, so Colgate-Palmolive is not named by it)
        if sym in curated_ids:
            continue
        e = merged[sym]
        keep = []

        def cased(a):
            # a single ordinary word ("Target", "Block") is the company only as written, capitalised
            words = re.findall(r"[a-z0-9&'.]+", a.lower())
            return '=' + a if len(words) == 1 and words[0] in COMMON else a

        for a in e['aliases']:
            low = a.lower()
            if low == e['name'].lower() or low in curated_aliases or low in SKIP:
                continue  # the curated lexicon's (an index, a rate) wins
            if len(re.sub(r'[^a-z0-9]', '', low)) < 3:
                continue
            keep.append(cased(a))
        if e['name'].lower() in curated_aliases:
            continue
        lines.append('\t'.join([sym, 'company', cased(e['name']), '|'.join(keep), e['sector']]))
    return lines


def make_tickers(shared):
    lex = os.path.join(shared, 'data', 'lexicon')
    out = {}
    with open(os.path.join(lex, 'nasdaq-listed-symbols.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            sym = (r.get('Symbol') or '').strip()
            if not sym or r.get('Test Issue') == 'Y' or not re.fullmatch(r'[A-Z]{1,5}', sym):
                continue
            out[sym] = ('NASDAQ', 'etf' if r.get('ETF') == 'Y' else 'company', (r.get('Company Name') or '').strip())
    exchanges = {'N': 'NYSE', 'P': 'NYSE Arca', 'Z': 'Cboe BZX', 'A': 'NYSE American'}
    with open(os.path.join(lex, 'other-listed.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            sym = (r.get('ACT Symbol') or '').strip()
            if not re.fullmatch(r'[A-Z]{1,5}(\.[A-Z])?', sym) or sym in out:
                continue
            name = re.sub(r'\s+(Common Stock|Ordinary Shares|Class [A-Z].*|Shares of Beneficial Interest)\s*$', '',
                          (r.get('Company Name') or '').strip())
            out[sym] = (exchanges.get(r.get('Exchange'), r.get('Exchange') or ''),
                        'etf' if r.get('ETF') == 'Y' else 'company', name.strip())
    lines = ['# Listed symbols (Nasdaq Trader symbol directory). Generated by scripts/make-lexicons.py from',
             '# ../shared/data/lexicon (ODC-PDDL-1.0); do not edit by hand. Matched only in a ticker',
             '# context: a cashtag, parentheses, an exchange prefix, or a name glued to its ticker.',
             'symbol\texchange\tkind\tname']
    for sym in sorted(out):
        ex, kind, name = out[sym]
        name = name.replace('\t', ' ') or sym   # a listing without a name is known by its symbol
        lines.append('\t'.join([sym, ex, kind, name]))
    return lines


def swift_literal(text):
    # a raw string literal with enough #'s that no line of the text can close it
    hashes = '#'
    while ('"' + hashes) in text:
        hashes += '#'
    return hashes + '"""\n' + text + '\n"""' + hashes


def write_embedded():
    names = sorted(n for n in os.listdir(LEX) if n.endswith('.tsv'))
    parts = ['// Generated by scripts/make-lexicons.py from Lexicons/en/*.tsv: do not edit by hand.',
             '// A test checks that this copy equals the files.', '',
             '/// The built-in lexicons, as the text of their TSV files.',
             'enum EmbeddedLexicons {',
             '    /// File name → contents.',
             '    static let files: [String: String] = [']
    for n in names:
        text = open(os.path.join(LEX, n), encoding='utf-8').read()
        # the newline before a multi-line literal's closing delimiter is not part of the string,
        # so the file's own last newline is kept
        parts.append('        "%s": %s,' % (n, swift_literal(text)))
    parts += ['    ]', '}', '']
    with open(os.path.join(ROOT, 'Sources', 'Recognizers', 'EmbeddedLexicons.swift'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--embed-only', action='store_true', help='only rewrite the embedded copy')
    args = ap.parse_args()
    if not args.embed_only:
        if not os.path.isdir(args.shared):
            sys.exit('make-lexicons: %s not found' % args.shared)
        for name, lines in (('companies.tsv', make_companies(args.shared)), ('tickers.tsv', make_tickers(args.shared))):
            with open(os.path.join(LEX, name), 'w', encoding='utf-8') as f:
                f.write('\n'.join(lines) + '\n')
    write_embedded()


if __name__ == '__main__':
    main()
