#!/usr/bin/env bash
# Writes what users see of many designs into OUTDIR, one file per command: every example, the
# warning and bad-input cases, seeded random designs of the differential generator and small
# generated fabrics, in every format and with the options that change a report.  A refactoring
# that must not change a byte is checked by running it before and after and comparing:
#   tests/refactor/snapshot.sh build/faultline /tmp/before   # at the old commit
#   tests/refactor/snapshot.sh build/faultline /tmp/after    # at the new one
#   diff -r /tmp/before /tmp/after
# Needs the faultline_differential binary beside BIN (build/tests/) for the random designs.
set -u
bin=$(realpath "$1"); out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out/designs"
cd "$root"
gen="$(dirname "$bin")/tests/faultline_differential"
"$gen" --write "$out/designs" --designs 120 >/dev/null
"$gen" --write "$out/designs" --designs 40 --first-seed 6000 --shared-risks on >/dev/null
"$gen" --write "$out/designs" --designs 40 --first-seed 3000 --failstop on >/dev/null
"$gen" --write "$out/designs" --designs 40 --first-seed 1000 --max-tolerate 3 >/dev/null
for k in 4 8; do
  bench/gen-fabric $k -o "$out/designs/fabric-$k.fl"
  bench/gen-fabric $k --bfd -o "$out/designs/fabric-$k-bfd.fl"
done
run() {  # name, then the command's arguments
  local name=$1; shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}
designs=$(ls examples/*.fl examples/*/*.fl tests/golden/warnings/*.fl tests/bad/*.fl)
for f in $designs; do
  n=$(echo "$f" | tr / _)
  for fmt in text json sarif junit github markdown html; do
    run "$n.$fmt" check "$f" --format "$fmt"
  done
  for opt in --degree --criticality "--engine enumerate" --no-fast-path "--k 2" "--limit 1"; do
    o=$(echo "$opt" | tr -d ' -')
    # shellcheck disable=SC2086
    run "$n.$o.text" check "$f" $opt
    # shellcheck disable=SC2086
    run "$n.$o.json" check "$f" $opt --format json
  done
  run "$n.faults" faults "$f"
  run "$n.faults.json" faults "$f" --format json
  run "$n.graph" graph "$f"
done
for f in "$out"/designs/*.fl; do
  n=$(basename "$f" .fl)
  run "random.$n.text" check "$f" --criticality
  run "random.$n.json" check "$f" --criticality --format json
  run "random.$n.faults" faults "$f"
done
# The designs' paths are inside OUTDIR: name them alike in every snapshot.
find "$out" -name '*.out' -o -name '*.err' | xargs sed -i "s#$out/#OUT/#g"
echo "snapshot: $(ls "$out" | wc -l) files in $out"
