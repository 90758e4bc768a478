#!/usr/bin/env bash
# Regenerates every golden .expect file from the current build.  Review the diff before
# committing: a golden file pins what users see.
set -euo pipefail
cd "$(dirname "$0")/.."
for e in $(find examples tests/golden tests/bad -name '*.expect' | sort); do
  tests/golden/run_one.sh "$PWD/build/faultline" "$e" --update
done
git --no-pager diff --stat -- examples tests/golden tests/bad || true
