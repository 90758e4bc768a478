#!/usr/bin/env bash
# Runs every libFuzzer target, with AddressSanitizer and UndefinedBehaviorSanitizer, seeded
# from the examples, the bad inputs, the real topologies of ../shared/data and the regression
# corpus.  A crash stops that target and leaves its input in build-asan/fuzz/crashes/; copy it to
# tests/fuzz/regressions/TARGET/ with the fix, so that ctest's fuzz.replay.TARGET runs it from
# then on (tests/fuzz/README.md).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      explore: SECONDS (default 60) per target, a new
#                                              random seed each time, the corpus kept and grown
#                                              in build-asan/fuzz/corpus/
#   scripts/fuzz.sh --ci [TARGET...]           what CI runs: seed 1 and a fixed number of runs
#                                              per target, from a fresh corpus (the seeds alone):
#                                              the same work on every machine and commit.  Not
#                                              bit-identical (libFuzzer's coverage feedback
#                                              varies a little between runs): measured, two
#                                              runs reach 3803 and 3821 edges of netbox
#   TARGET: parse graphml containerlab batfish-l1 netbox
set -uo pipefail
cd "$(dirname "$0")/.."
ci=0 seconds=60
if [ "${1:-}" = "--ci" ]; then ci=1; shift
elif [ $# -gt 0 ]; then seconds=$1; shift; fi
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
  if [ $ci = 1 ]; then
    # About 20 s each on CI's 2-core machine (runs/s differ 30-fold between targets); the time
    # limit only guards against a much slower machine, which then fuzzes less, never fails.
    case $t in
      parse) runs=25000 ;; graphml) runs=3000 ;; containerlab) runs=30000 ;;
      batfish-l1) runs=60000 ;; netbox) runs=25000 ;;
    esac
    corpus=$(mktemp -d)
    limits=(-seed=1 -runs=$runs -max_total_time=120)
  else
    corpus="$work/corpus/$t"; mkdir -p "$corpus"
    limits=(-max_total_time="$seconds")
  fi
  touch "$work/$t.start"
  existing=(); for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  # -max_len: the seeds include 100 kB GraphML files; -timeout: a single input over 10 s is a hang.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-asan/tests/fuzz/fuzz_$id" "${limits[@]}" -timeout=10 -rss_limit_mb=4096 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/crashes/$t-" \
    "$corpus" "tests/fuzz/regressions/$t" "${existing[@]}" >"$work/$t.log" 2>&1
  rc=$?
  [ $ci = 1 ] && rm -rf "$corpus"
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
    echo "fuzz $t: ${runs:-?} runs$([ $ci = 1 ] && echo " (seed 1)" || echo " in $seconds s"), no crash"
  fi
done
exit $failed
