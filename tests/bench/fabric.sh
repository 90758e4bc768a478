#!/usr/bin/env bash
# The benchmark's generated fabrics, small enough for the oracle: for K = 4 and 8, the product
# engine (hot-event search) and the enumerate oracle must print the same report, the BFD
# variant must be proved (exit 0) and the variant without BFD violated (exit 1); and the gray
# `connected *` of K = 4.
#   tests/bench/fabric.sh FAULTLINE
set -uo pipefail
faultline=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for k in 4 8; do
  for variant in --bfd ""; do
    f="$tmp/fabric-$k${variant}.fl"
    python3 "$here/../../bench/gen-fabric" "$k" $variant -o "$f" || exit 1
    "$faultline" check "$f" > "$tmp/product.txt"; product=$?
    "$faultline" check --engine enumerate "$f" > "$tmp/oracle.txt"; oracle=$?
    want=1; [[ -n $variant ]] && want=0
    if [[ $product != "$want" || $oracle != "$want" ]]; then
      echo "K=$k $variant: exit codes product=$product oracle=$oracle, expected $want"; fail=1
    fi
    if ! diff -u "$tmp/oracle.txt" "$tmp/product.txt" > "$tmp/diff.txt"; then
      echo "K=$k $variant: the product engine and the oracle disagree"; head -40 "$tmp/diff.txt"; fail=1
    fi
    grep -E '^summary' "$tmp/product.txt" | sed "s/^/K=$k ${variant:-no-bfd}: /"
  done
done
# Issue 18's gray `connected *` (bench/gray.py), at K = 4 and T = 1: the same report both ways.
f="$tmp/gray-4.fl"
python3 "$here/../../bench/gen-fabric" 4 --connected 1 -o "$f" || exit 1
"$faultline" check "$f" > "$tmp/product.txt"; product=$?
"$faultline" check --engine enumerate "$f" > "$tmp/oracle.txt"; oracle=$?
if [[ $product != 1 || $oracle != 1 ]]; then
  echo "gray connected K=4: exit codes product=$product oracle=$oracle, expected 1"; fail=1
fi
if ! diff -u "$tmp/oracle.txt" "$tmp/product.txt" > "$tmp/diff.txt"; then
  echo "gray connected K=4: the product engine and the oracle disagree"; head -40 "$tmp/diff.txt"; fail=1
fi
grep -E '^summary' "$tmp/product.txt" | sed "s/^/gray connected K=4: /"
exit $fail
