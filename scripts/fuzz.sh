#!/usr/bin/env bash
# Runs one libFuzzer target of the nested package Fuzz/ for SECONDS (or 10 million runs, whichever
# comes first), with AddressSanitizer, and reports the runs, their rate, and what it found.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   TARGET: FuzzDocumentText | FuzzExtraction | FuzzPDF | FuzzPriceFile | FuzzUserFiles
#
# The seeds are Tests/Fuzz/TARGET (our own small files, committed) and our Corpus articles (and,
# for DocumentText, the date pages of Tests/DatePages and Tests/DatePagesHoldout; or,
# for price files, Corpus/market; for the user's TSV files, our Lexicons/en); the growing corpus lives in
# .build-fuzz/corpus/TARGET, so the committed seeds stay as they are. An input that crashes, trips
# the sanitizer, takes over 1 s (-timeout=1) or needs over 2 GB is written to
# .build-fuzz/artifacts/TARGET/ and the script exits non-zero: keep it as a regression test.
# CONFIG=debug builds without optimisation (default: release, which runs several times faster).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}
SECONDS_TO_RUN=${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}
shift 2
[ -d "Tests/Fuzz/$TARGET" ] || { echo "fuzz: no seeds in Tests/Fuzz/$TARGET (targets: $(ls Tests/Fuzz | tr '\n' ' '))" >&2; exit 64; }
CONFIG=${CONFIG:-release}

swift build --package-path Fuzz -c "$CONFIG" --product "$TARGET" -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz >&2
BIN=$(swift build --package-path Fuzz -c "$CONFIG" --scratch-path .build-fuzz --show-bin-path)/$TARGET
CORPUS=.build-fuzz/corpus/$TARGET
ARTIFACTS=.build-fuzz/artifacts/$TARGET
mkdir -p "$CORPUS" "$ARTIFACTS"
LOG=.build-fuzz/$TARGET.log
case $TARGET in
  FuzzPriceFile) EXTRA_SEEDS=(Corpus/market) ;;
  FuzzUserFiles) EXTRA_SEEDS=(Lexicons/en) ;;
  FuzzDocumentText) EXTRA_SEEDS=(Corpus Tests/DatePages Tests/DatePagesHoldout) ;;  # pages of every date layout
  FuzzPDF) EXTRA_SEEDS=(Tests/PDFFixtures) ;;
  *) EXTRA_SEEDS=(Corpus) ;;
esac

set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$BIN" "$CORPUS" "Tests/Fuzz/$TARGET" "${EXTRA_SEEDS[@]}" \
  -max_total_time="$SECONDS_TO_RUN" -runs=10000000 -timeout=1 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 "$@" 2> "$LOG"
status=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
secs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
echo "fuzz: $TARGET: ${runs:-?} runs (${secs:-?}/s), slowest input ${slowest:-?} s (whole seconds; over 1 s fails), peak RSS ${rss:-?} MB, exit $status; log $LOG"
if [ $status -ne 0 ]; then
  grep -E "ERROR|SUMMARY|Test unit written|timeout|Fatal error|precondition" "$LOG" | head -20 >&2
fi
exit $status
