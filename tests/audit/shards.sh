#!/usr/bin/env bash
# Batch audit end to end (docs/batch.md) on the examples, every bad-input case and 24 Topology
# Zoo networks imported from ../shared/data:
#  - each result file is exactly what `check --format json` says of that design alone, and the
#    audit's exit code is check's over all the files;
#  - four shards merged, from four directories or from one shared directory with the shards
#    running at once, give byte for byte the summary of the unsharded run, whatever --jobs;
#  - a merge with a shard missing, or shards of different audits, is refused (exit 2);
#  - a worker killed mid-design leaves an error row, and the other designs still get verdicts;
#  - the summary of the examples matches tests/audit/examples.summary.md.
#   shards.sh FAULTLINE
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/../shared/data"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
cd "$root"

# Real data: every 11th Zoo network, as designs in a directory of their own.
mkdir -p "$tmp/zoo"
i=0
for f in "$data"/topologyzoo/*.graphml; do
  i=$((i + 1)); [ $((i % 11)) -eq 0 ] || continue
  "$bin" import --from graphml "$f" -o "$tmp/zoo/$(basename "$f" .graphml).fl" 2>/dev/null ||
    die "import $f"
done
zoo=$(ls "$tmp/zoo" | wc -l)
[ "$zoo" -ge 20 ] || die "only $zoo Zoo networks imported"
inputs=(examples tests/bad "$tmp/zoo")

"$bin" audit "${inputs[@]}" --out "$tmp/one" --jobs 1 >"$tmp/one.out" 2>"$tmp/one.err"; code=$?
files=$(cd "$tmp/one/designs" && find . -name '*.json' | sed -e 's|^\./||' -e 's|\.json$||' | sort)
n=$(echo "$files" | wc -l)
[ "$n" -ge 55 ] || die "only $n designs audited"

# Each result equals check's JSON of that design; the exit code is check's over all of them.
all=()
for f in $files; do
  rel=$f
  case $f in "${tmp#/}"/*) f="/$f" ;; esac  # the Zoo designs' absolute paths lose their root
  all+=("$f")
  "$bin" check "$f" --format json >"$tmp/check.json" 2>/dev/null
  cmp -s "$tmp/check.json" "$tmp/one/designs/$rel.json" || die "result of $f differs from check"
done
"$bin" check "${all[@]}" >/dev/null 2>&1; check_code=$?
[ "$code" -eq "$check_code" ] || die "audit exit $code, check exit $check_code"
[ "$code" -eq 2 ] || die "audit exit $code, expected 2 (the bad inputs)"
grep -q '"error": ' "$tmp/one/summary.json" || die "no error count in summary.json"

# Four shards in four directories, then merged.
for s in 1 2 3 4; do
  "$bin" audit "${inputs[@]}" --out "$tmp/s$s" --shard "$s/4" --jobs 3 >/dev/null 2>&1
done
"$bin" merge "$tmp"/s1 "$tmp"/s2 "$tmp"/s3 "$tmp"/s4 --out "$tmp/merged" >"$tmp/merged.out" 2>&1
[ $? -eq "$code" ] || die "merge exit differs from the unsharded audit"
# Four shards at once into one shared directory, then merged in place.
for s in 1 2 3 4; do
  "$bin" audit "${inputs[@]}" --out "$tmp/shared" --shard "$s/4" --jobs 2 >/dev/null 2>&1 &
done
wait
"$bin" merge "$tmp/shared" >/dev/null 2>&1
for d in merged shared; do
  for f in summary.json summary.md summary.html; do
    cmp -s "$tmp/one/$f" "$tmp/$d/$f" || die "$d/$f differs from the unsharded run"
  done
  diff -r "$tmp/one/designs" "$tmp/$d/designs" >/dev/null || die "$d/designs differ"
done
# The printed summary is the same too, apart from the directory it names.
sed -e "s|$tmp/merged|DIR|" "$tmp/merged.out" >"$tmp/a"; sed -e "s|$tmp/one|DIR|" "$tmp/one.out" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || die "merge printed another summary"

# Refusals: a shard missing, shards of different audits, a directory without shards.
"$bin" merge "$tmp"/s1 "$tmp"/s2 "$tmp"/s4 --out "$tmp/m2" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "shard 3/4 is missing" "$tmp/err" || die "missing shard accepted"
[ ! -e "$tmp/m2/summary.json" ] || die "a summary was written without shard 3"
"$bin" audit examples --out "$tmp/k2" --shard 3/4 --k 2 >/dev/null 2>&1
"$bin" merge "$tmp"/s1 "$tmp"/s2 "$tmp"/k2 "$tmp"/s4 --out "$tmp/m3" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "come from different audits" "$tmp/err" || die "mixed audits accepted"
"$bin" merge "$tmp/zoo" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "no audit shards" "$tmp/err" || die "merge of a non-audit directory"

# A worker killed mid-design: an error row, the rest checked.
FAULTLINE_TEST_KILL_WORKER=examples/leaf-spine.fl "$bin" audit examples --out "$tmp/kill" \
  >"$tmp/kill.out" 2>&1
[ $? -eq 2 ] || die "killed worker: exit not 2"
grep -q 'signal 9' "$tmp/kill/summary.md" || die "killed worker not reported"
grep -q '"status": "proved"' "$tmp/kill/summary.json" &&
  grep -q '"status": "violated"' "$tmp/kill/summary.json" || die "the other designs lost their verdicts"

# A result file that cannot be written (its path is a directory): neither the worker nor the
# error row can land, so the audit says which file and writes no summary that would miss it.
mkdir -p "$tmp/blocked/designs/examples/leaf-spine.fl.json"
"$bin" audit examples --out "$tmp/blocked" >"$tmp/blocked.out" 2>&1
[ $? -eq 2 ] || die "unwritable result: exit not 2"
grep -q "cannot write '$tmp/blocked/designs/examples/leaf-spine.fl.json'" "$tmp/blocked.out" ||
  die "unwritable result: not named"
[ ! -e "$tmp/blocked/summary.json" ] || die "unwritable result: a summary was written anyway"

# The examples' summary, pinned.
"$bin" audit examples tests/bad/empty.fl --out "$tmp/ex" >/dev/null 2>&1
diff -u tests/audit/examples.summary.md "$tmp/ex/summary.md" || die "examples summary changed"

[ $fail -eq 0 ] && echo "audit: $n designs, unsharded = 4 shards merged (2 ways), refusals hold"
exit $fail
