#!/usr/bin/env bash
# Re-checks every certificate `faultline check --certify DIR` wrote, with two independent
# solvers, Debian's z3 and cvc5: each must answer what the certificate claims (its name ends in
# .unsat.smt2 or .sat.smt2, and its "; expect:" line says the same).  Any other answer — the
# opposite verdict, unknown, a time-out, a parse error — fails the re-check.
#   proofs/recheck.sh DIR [SECONDS]    (per solver and certificate; default 120)
set -u
dir=${1:?usage: proofs/recheck.sh DIR [SECONDS]}; limit=${2:-120}
for s in z3 cvc5; do
  command -v "$s" >/dev/null || { echo "recheck: $s is not installed (Debian package $s)"; exit 2; }
done
n=0; failed=0
while IFS= read -r f; do
  n=$((n + 1))
  expect=$(sed -n 's/^; expect: //p' "$f" | head -n 1)
  case $f in *.unsat.smt2) want=unsat ;; *.sat.smt2) want=sat ;; *) want="" ;; esac
  if [ -z "$want" ] || [ "$expect" != "$want" ]; then
    echo "MALFORMED $f: its name claims '${want:-nothing}', its expect line '${expect}'"
    failed=$((failed + 1)); continue
  fi
  z=$(timeout $((limit + 10)) z3 -T:"$limit" "$f" 2>&1 | head -n 1)
  c=$(timeout $((limit + 10)) cvc5 --tlimit=$((limit * 1000)) "$f" 2>&1 | head -n 1)
  if [ "$z" != "$expect" ] || [ "$c" != "$expect" ]; then
    echo "FAIL $f: claims $expect; z3 says '$z', cvc5 says '$c'"
    failed=$((failed + 1))
  fi
done < <(find "$dir" -name '*.smt2' | sort)
if [ $n -eq 0 ]; then echo "recheck: no certificates under $dir"; exit 2; fi
echo "recheck: $n certificates, $((n - failed)) confirmed by z3 and cvc5, $failed failed"
[ $failed -eq 0 ]
