#!/usr/bin/env bash
# Deterministic output: every example, in every format (and with --criticality, which adds the
# degree search, in the formats that show it: text, json, html), twice — once with --jobs 1 and
# once with --jobs 4 — byte for byte; one check of many files at once (examples, bad inputs, a
# generated fabric) with --degree the same with --jobs 1 and --jobs 3 (text, and json, which
# holds every set); an audit of the examples with --jobs 1 and --jobs 4 gives the same result
# files and summaries.  The formats are functions of the same results: what --jobs could change
# is the search, which text and json show whole.
#   determinism.sh FAULTLINE
set -u
shopt -s extglob
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail=0; n=0
for f in examples/*.fl examples/*/*.fl; do
  for format in text json sarif junit github markdown html; do
    for extra in "" "--criticality"; do
      case "$extra $format" in "--criticality "@(sarif|junit|github|markdown)) continue ;; esac
      # shellcheck disable=SC2086
      GITHUB_STEP_SUMMARY= "$bin" check "$f" --format "$format" $extra --jobs 1 >"$tmp/a" 2>&1
      # shellcheck disable=SC2086
      GITHUB_STEP_SUMMARY= "$bin" check "$f" --format "$format" $extra --jobs 4 >"$tmp/b" 2>&1
      cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: $f --format $format $extra differs between runs"; fail=1; }
      n=$((n + 1))
    done
  done
done
bench/gen-fabric 8 >"$tmp/fabric-8.fl"
many=(examples/*.fl examples/*/*.fl tests/bad/unknown-device.fl tests/bad/self-link.fl "$tmp/fabric-8.fl")
for format in text json; do
  GITHUB_STEP_SUMMARY= "$bin" check "${many[@]}" --format "$format" --degree --jobs 1 >"$tmp/a" 2>&1
  GITHUB_STEP_SUMMARY= "$bin" check "${many[@]}" --format "$format" --degree --jobs 3 >"$tmp/b" 2>&1
  cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: ${#many[@]} files --format $format differ with --jobs 3"; fail=1; }
  n=$((n + 1))
done
"$bin" audit examples --out "$tmp/j1" --jobs 1 >"$tmp/j1.out" 2>&1
"$bin" audit examples --out "$tmp/j4" --jobs 4 >"$tmp/j4.out" 2>&1
diff -r "$tmp/j1" "$tmp/j4" >/dev/null || { echo "FAIL: audit --jobs 1 and --jobs 4 differ"; fail=1; }
sed "s|$tmp/j1|OUT|" "$tmp/j1.out" | cmp -s - <(sed "s|$tmp/j4|OUT|" "$tmp/j4.out") ||
  { echo "FAIL: audit printed differently with --jobs 4"; fail=1; }
[ $fail -eq 0 ] && echo "determinism: $n runs, each with --jobs 1 and with more jobs; audit --jobs 1 = --jobs 4"
exit $fail
