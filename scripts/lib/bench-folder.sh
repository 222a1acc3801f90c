# Sourced by the benchmarks: make_bench_folders WORK COPIES decompresses the 181 pages of
# $BENCH/html into WORK/one and copies them COPIES times, under different names, into WORK/all
# (1,810 files, ~315 MB for 10 copies; built at run time, never committed).
make_bench_folders() {
  local work=$1 copies=$2 f k
  mkdir -p "$work/one" "$work/all"
  for f in "$BENCH"/html/*.html.gz; do
    gzip -dc "$f" > "$work/one/$(basename "$f" .gz)"
  done
  for k in $(seq 1 "$copies"); do
    for f in "$work"/one/*.html; do cp "$f" "$work/all/copy$k-$(basename "$f")"; done
  done
}
