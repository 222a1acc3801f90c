#!/usr/bin/env bash
# Ingest workers on PostgreSQL: one worker against a SQLite ingest of the same files, four
# concurrent workers against one, and four workers with one killed by SIGKILL midway.
#
#   scripts/bench-workers.sh         (RUNS rounds, default 3; COPIES copies, default 10)
#
# The folder is the 181 pages of ../shared/data/article-extraction-benchmark copied COPIES times
# (1,810 files). The server is CLAIMS_BENCH_POSTGRES (postgres://user@host:port, databases are
# created and dropped there) or else a throwaway PostgreSQL started for the run. Builds `claims`
# in release mode first. Prints, as medians over the rounds, the wall time and MB/s of each
# setup and the two ratios; then the kill run's checks (documents, claims and `claims export`
# against the SQLite ingest), exiting 1 when one fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BENCH="$SHARED/data/article-extraction-benchmark"
RUNS=${RUNS:-3}
COPIES=${COPIES:-10}
[ -d "$BENCH/html" ] || { echo "bench-workers: $BENCH/html not found (../shared is needed)" >&2; exit 2; }
command -v psql >/dev/null || { echo "bench-workers: psql is needed (apt install postgresql)" >&2; exit 2; }

swift build -c release --product claims >&2
BIN=$(swift build -c release --show-bin-path)/claims

source scripts/lib/throwaway-postgres.sh
source scripts/lib/bench-folder.sh
WORK=$(mktemp -d)
trap 'stop_throwaway_postgres; rm -rf "$WORK"' EXIT
if [ -n "${CLAIMS_BENCH_POSTGRES:-}" ]; then
  PG_BASE_URL=$CLAIMS_BENCH_POSTGRES
else
  start_throwaway_postgres "${CLAIMS_BENCH_PGPORT:-55441}" || { echo "bench-workers: no PostgreSQL server binaries" >&2; exit 2; }
fi
make_bench_folders "$WORK" "$COPIES"

python3 - "$BIN" "$WORK/all" "$RUNS" "$PG_BASE_URL" <<'PY'
import glob, os, signal, statistics, subprocess, sys, time
from urllib.parse import urlparse
binary, folder, rounds, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].rstrip('/')
files = sorted(glob.glob(os.path.join(folder, '*.html')))
size = sum(os.path.getsize(f) for f in files)
u = urlparse(base)
psql = ['psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', u.hostname, '-p', str(u.port or 5432), '-U', u.username or 'postgres']
print(f"== {len(files)} files, {size/1e6:.1f} MB, {rounds} rounds, server {base} ==")

def sql(db, query):
    return subprocess.run(psql + ['-d', db, '-c', query], check=True, capture_output=True, text=True).stdout.strip()

def fresh(name):
    sql('postgres', f'DROP DATABASE IF EXISTS {name}')
    sql('postgres', f'CREATE DATABASE {name}')
    return f"{base}/{name}"

def workers(n, store):
    """starts n ingest workers at once; returns the processes"""
    return [subprocess.Popen([binary, 'ingest', '--quiet', '--store', store, folder], stderr=subprocess.PIPE, text=True)
            for _ in range(n)]

def timed(n, store):
    t = time.time()
    ps = workers(n, store)
    for p in ps:
        if p.wait() != 0: sys.exit(f"bench-workers: a worker failed:\n{p.stderr.read()}")
    return time.time() - t

sqlite_t, one_t, four_t = [], [], []
sqlite_db = os.path.join(os.path.dirname(folder), 'b.sqlite')
for _ in range(rounds):
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(sqlite_db + suffix): os.remove(sqlite_db + suffix)
    sqlite_t.append(timed(1, sqlite_db))
    one_t.append(timed(1, fresh('claims_bench_one')))
    four_t.append(timed(4, fresh('claims_bench_four')))

def line(name, times):
    med = statistics.median(times)
    print(f"{name:36s} median {med:6.2f} s ({size/1e6/med:6.1f} MB/s)   runs: " + " ".join(f"{t:.2f}" for t in times))
line('SQLite, one worker', sqlite_t)
line('PostgreSQL, one worker', one_t)
line('PostgreSQL, four workers at once', four_t)
r1 = [s / o for s, o in zip(sqlite_t, one_t)]
r4 = [o / f for o, f in zip(one_t, four_t)]
print(f"PostgreSQL one worker MB/s / SQLite MB/s: median {statistics.median(r1):.2f} (target >= 0.7)")
print(f"four workers MB/s / one worker MB/s:     median {statistics.median(r4):.2f} (target >= 1.0)")

# four workers, one killed with SIGKILL once 400 documents are stored
store = fresh('claims_bench_kill')
ps = workers(4, store)
deadline = time.time() + 300
while time.time() < deadline:
    try:
        if int(sql('claims_bench_kill', 'SELECT count(*) FROM document') or 0) >= 400: break
    except (subprocess.CalledProcessError, ValueError):
        pass   # the tables are not created yet
    time.sleep(0.05)
held = sql('claims_bench_kill', f"SELECT count(*) FROM ingestWork WHERE state = 'taken' AND worker LIKE '%:{ps[0].pid}'")
ps[0].send_signal(signal.SIGKILL)
codes = [p.wait() for p in ps]
print(f"kill run: worker 1 (pid {ps[0].pid}) killed holding {held} files; exit codes {codes}")
by_worker = sql('claims_bench_kill', "SELECT worker, state, count(*) FROM ingestWork GROUP BY 1, 2 ORDER BY 1, 2")
for row in by_worker.splitlines(): print("  files finished by " + row.replace('|', ' '))
docs, paths, claims, counted = sql('claims_bench_kill', "SELECT count(*), count(DISTINCT path), (SELECT count(*) FROM claim), sum(claimCount) FROM document").split('|')
export_pg = subprocess.run([binary, 'export', '--store', store], capture_output=True, check=True).stdout
export_sqlite = subprocess.run([binary, 'export', '--store', sqlite_db], capture_output=True, check=True).stdout
sqlite_claims = export_sqlite.count(b'\n')
checks = [
    (f"workers 2-4 exit 0", all(c == 0 for c in codes[1:])),
    (f"documents {docs} = distinct paths {paths} = files {len(files)}", int(docs) == int(paths) == len(files)),
    (f"claims {claims} = stored counts {counted} = SQLite ingest's {sqlite_claims}", int(claims) == int(counted) == sqlite_claims),
    ("claims export identical to the SQLite ingest's", export_pg == export_sqlite),
    ("no file left unfinished", sql('claims_bench_kill', "SELECT count(*) FROM ingestWork WHERE state <> 'done'") == '0'),
]
failed = False
for name, ok in checks:
    print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    failed |= not ok
for name in ('claims_bench_one', 'claims_bench_four', 'claims_bench_kill'):
    sql('postgres', f'DROP DATABASE IF EXISTS {name}')
sys.exit(1 if failed else 0)
PY
