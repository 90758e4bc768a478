#!/usr/bin/env bash
# Every network of the Topology Zoo, the Batfish layer-1 file and the containerlab labs imports,
# and the imported design checks without an input error (exit 0 or 1, never 2 or 3).
#   corpus.sh FAULTLINE
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/../shared/data"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
check() {  # format file
  local out="$tmp/design.fl"
  if ! "$bin" import --from "$1" "$2" -o "$out" 2>"$tmp/err"; then
    echo "import failed: $2"; cat "$tmp/err"; failed=$((failed + 1)); return
  fi
  "$bin" check "$out" >/dev/null 2>"$tmp/err"; local rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    echo "check exit $rc: $2"; head -5 "$tmp/err"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}
for f in "$data"/topologyzoo/*.graphml; do check graphml "$f"; done
check batfish-l1 "$data/batfish/layer1_topology.json"
for f in "$data"/containerlab/*.clab.yml; do check containerlab "$f"; done
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -ge 280 ]
