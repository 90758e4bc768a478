#!/usr/bin/env bash
# The benchmark (never part of CI): builds faultline, runs each workload side by side with its
# baseline in one run, and writes bench/RESULTS.md.   bench/run.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
scripts/bootstrap.sh
if ! /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >&2
fi
if [[ ! -x /usr/bin/time ]]; then  # GNU time -v: peak memory of the fabric workload
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 bench/zoo.py --runs "$runs" --out "$tmp/zoo.md"
/usr/bin/python3 bench/kdl.py --runs "$runs" > "$tmp/kdl.md"
/usr/bin/python3 bench/fabric.py --runs "$runs" > "$tmp/fabric.md"
/usr/bin/python3 bench/bgp.py --runs "$runs" > "$tmp/bgp.md"
/usr/bin/python3 bench/gray.py --runs "$runs" > "$tmp/gray.md"
/usr/bin/python3 bench/size.py --runs "$runs" > "$tmp/size.md"
cat "$tmp/zoo.md" "$tmp/kdl.md" "$tmp/fabric.md" "$tmp/bgp.md" "$tmp/gray.md" "$tmp/size.md" > bench/RESULTS.md
cat bench/RESULTS.md
