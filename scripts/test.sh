#!/usr/bin/env bash
# Builds faultline and runs the whole test suite (unit, golden, differential, ...) with ctest,
# in the Release build and again under sanitizers, then runs the fuzzers briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (clang, -O1), then each
# fuzz target for a fixed number of runs from a fixed seed (or FAULTLINE_FUZZ_SECONDS each,
# exploring): tests/fuzz/README.md.
# FAULTLINE_QUICK=1 skips both (the Release suite only).
if [ "${FAULTLINE_QUICK:-}" != "1" ]; then
  scripts/build-asan.sh
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" "$@"
  if [ -n "${FAULTLINE_FUZZ_SECONDS:-}" ]; then scripts/fuzz.sh "$FAULTLINE_FUZZ_SECONDS"; else scripts/fuzz.sh --ci; fi
fi
