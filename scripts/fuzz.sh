#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), with AddressSanitizer and
# UndefinedBehaviorSanitizer, seeded from the examples, the bad inputs, the real topologies of
# ../shared/data and the regression corpus.  A crash stops that target and leaves its input in
# build-asan/fuzz/crashes/; copy it to tests/fuzz/regressions/TARGET/ with the fix, so that
# ctest's fuzz.replay.TARGET runs it from then on (tests/fuzz/README.md).
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: parse graphml containerlab batfish-l1 netbox
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(parse graphml containerlab batfish-l1 netbox)
data=../shared/data
scripts/build-asan.sh >&2 || exit 2
work=build-asan/fuzz
mkdir -p "$work/crashes"
failed=0
for t in "${targets[@]}"; do
  id=${t//-/_}
  case $t in
    parse) seeds=(examples tests/bad) ;;
    graphml) seeds=("$data/topologyzoo") ;;
    containerlab) seeds=("$data/containerlab") ;;
    batfish-l1) seeds=("$data/batfish") ;;
    netbox) seeds=(tests/import/netbox) ;;
    *) echo "fuzz: unknown target '$t'" >&2; exit 2 ;;
  esac
  corpus="$work/corpus/$t"; mkdir -p "$corpus"
  touch "$work/$t.start"
  existing=(); for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  # -max_len: the seeds include 100 kB GraphML files; -timeout: a single input over 10 s is a hang.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-asan/tests/fuzz/fuzz_$id" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/crashes/$t-" \
    "$corpus" "tests/fuzz/regressions/$t" "${existing[@]}" >"$work/$t.log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$')
  if [ $rc -ne 0 ]; then
    failed=1
    echo "fuzz $t: FAILED after ${runs:-?} runs (log: $work/$t.log)"
    # What a CI log needs to reproduce it: the cause, the top of our stack, the input itself.
    grep -m3 -E 'terminate called|what\(\):|ERROR: |runtime error' "$work/$t.log"
    grep -m6 -E '^ +#[0-9]+ .* /.*(dsl|models|verifier|tests)/' "$work/$t.log"
    for f in "$work/crashes/$t-"*; do
      [ "$f" -nt "$work/$t.start" ] || continue  # this run's, not an earlier one's
      echo "  input: $f"
      [ "$(stat -c %s "$f")" -le 4096 ] && echo "  base64: $(base64 -w0 "$f")"
    done
  else
    echo "fuzz $t: ${runs:-?} runs in ${seconds} s, no crash"
  fi
done
exit $failed
