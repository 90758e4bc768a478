#!/usr/bin/env bash
# Runs one golden case and compares it with its .expect file.
#   run_one.sh FAULTLINE CASE.expect [--update]
# The first line of CASE.expect is the command (after "$ faultline "), run from the repository
# root; then stdout, a "--- stderr" line, stderr, and a last line "--- exit N".
set -u
bin=$1; expect=$2; mode=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cmd=$(head -n 1 "$expect" | sed -e 's/^\$ faultline //')
out=$(mktemp); err=$(mktemp); actual=$(mktemp)
trap 'rm -f "$out" "$err" "$actual"' EXIT
# The command is shell words: quotes group an argument ("blackhole ca1").
(cd "$root" && eval "timeout 60 \"\$bin\" $cmd" >"$out" 2>"$err"); code=$?
{ echo "\$ faultline $cmd"; cat "$out"; echo "--- stderr"; cat "$err"; echo "--- exit $code"; } >"$actual"
if [ "$mode" = "--update" ]; then cp "$actual" "$expect"; exit 0; fi
if ! diff -u "$expect" "$actual"; then
  echo "golden mismatch: $expect (scripts/update-golden.sh regenerates after a reviewed change)" >&2
  exit 1
fi
