#!/usr/bin/env bash
# Market data benchmark: loads the 503 S&P 500 member files of ../shared/data/market
# (834,000 rows, gzip) and computes 10,000 returns, against the limits of 1 s and 50 ms, and
# times the parse of the same bytes by MarketMetrics' scanner, SwiftCSV and CSV.swift.
#
#   scripts/bench-market.sh            (ROUNDS rounds, default 5)
#
# Builds the nested package Benchmarks/ in release mode (scratch path .build-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
MEMBERS="$SHARED/data/market/sp500-members/market-simulator"
[ -d "$MEMBERS" ] || { echo "bench-market: $MEMBERS not found (../shared is needed)" >&2; exit 2; }
swift build -c release --package-path Benchmarks --scratch-path .build-bench --product bench-market >&2
"$(swift build -c release --package-path Benchmarks --scratch-path .build-bench --show-bin-path)/bench-market" \
  "$MEMBERS" "${ROUNDS:-5}"
