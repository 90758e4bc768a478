#!/usr/bin/env bash
# Installs every dependency from Debian's packages (idempotent), then configures and builds
# faultline in Release mode into build/.  Run as root on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libz3-dev z3 libboost-dev
          nlohmann-json3-dev librange-v3-dev catch2 libyaml-cpp-dev python3
          python3-jsonschema   # the tests validate SARIF against its schema
          graphviz             # dot draws the topology in --format html
          clang libclang-rt-14-dev   # the sanitizer build and libFuzzer (scripts/build-asan.sh)
          cvc5                 # proofs/recheck.sh re-checks certificates with z3 and cvc5
          cmark-gfm)           # GitHub's Markdown renderer: the tests render our Markdown with it
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

werror=OFF; [ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFAULTLINE_WERROR="$werror" >&2
cmake --build build --parallel "$(nproc)" >&2
