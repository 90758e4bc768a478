#!/usr/bin/env bash
# Builds faultline and runs the whole test suite (unit, golden, differential) with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
