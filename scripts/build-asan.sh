#!/usr/bin/env bash
# Builds faultline, its tests and its fuzz targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/ (-O1, line tables: readable stacks, quick build).
# scripts/test.sh runs the test suite there after the Release build; scripts/fuzz.sh the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF; [ "${CI:-}" = "true" ] && werror=ON
CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DFAULTLINE_WERROR="$werror" \
  -DFAULTLINE_SANITIZE=ON -DFAULTLINE_FUZZ=ON >&2
cmake --build build-asan --parallel "$(nproc)" >&2
