#!/usr/bin/env bash
# Certificates of every example re-checked by z3 and cvc5 (proofs/recheck.sh); one per proved
# requirement and one per listed violating set; and the re-check can fail: a witness relabelled
# as a proof, and a forged proof of a violated requirement, are refused by both solvers.
#   certify.sh FAULTLINE
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail=0
die() { echo "FAIL: $*"; fail=1; }
designs=(examples/*.fl examples/*/*.fl)
"$bin" check "${designs[@]}" --certify "$tmp/cert" --format json >"$tmp/out.json" 2>"$tmp/err"
code=$?
[ $code -eq 1 ] || die "check --certify exit $code (examples have violations: 1)"
# Every verdict is certified but those check names as not certified (a proof where some fault
# set's BGP rounds do not settle within the unrolled rounds: their warnings give file:line;
# none in the examples).
expected=$(python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
skip = set(re.findall(r"^faultline: warning: (.*?):(\d+): .*not certified", open(sys.argv[2]).read(), re.M))
print(sum(1 if r["status"] == "proved" else len(r["violations"])
          for x in d["designs"] for r in x["requirements"]
          if r["status"] != "unknown" and (x["file"], str(r["line"])) not in skip))' "$tmp/out.json" "$tmp/err")
# Every example's BGP rounds settle within the unrolled rounds: nothing goes uncertified, the
# walks of the BGP designs included.
grep 'not certified' "$tmp/err" && die "a requirement of the examples was not certified"
find "$tmp/cert" -path '*peering-router-restart*' -name 'L45.set3.sat.smt2' | grep -q . ||
  die "the cost-reset walk of peering-router-restart (reach avoid ma2) has no certificate"
got=$(find "$tmp/cert" -name '*.smt2' | wc -l)
[ "$got" -eq "$expected" ] || die "$got certificates written, $expected expected"
grep -q "^faultline: $got certificates written under $tmp/cert; proofs/recheck.sh" "$tmp/err" ||
  die "check --certify did not say where the certificates are"
proofs/recheck.sh "$tmp/cert" || die "a certificate of the examples did not re-check"

# The checker can fail: a witness (sat) presented as a proof, and a forged proof — the
# violated twin-core requirement claimed unsat at K = 1 (its witness's formula without the
# fixed events plus the bound) — are both refused.
mkdir -p "$tmp/forged"
w=$(find "$tmp/cert" -name 'L37.set1.sat.smt2' | head -n 1)
sed 's/^; expect: sat$/; expect: unsat/' "$w" >"$tmp/forged/relabelled.unsat.smt2"
python3 - "$w" "$tmp/forged/forged.unsat.smt2" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
body = text[:text.index("; the events of minimal violating set")].replace("; expect: sat", "; expect: unsat")
lits = re.findall(r"\(declare-fun (\|fault\[[^|]*\]\|) \(\) Bool\)", text)
assert lits, "no fault literal in the witness"
terms = " ".join(f"(ite {l} 1 0)" for l in lits)
sum_ = terms if len(lits) == 1 else f"(+ {terms})"
open(sys.argv[2], "w").write(body + f"(assert (<= {sum_} 1))\n(check-sat)\n")
PY
out=$(proofs/recheck.sh "$tmp/forged" 2>&1); rc=$?
[ $rc -ne 0 ] && [ "$(echo "$out" | grep -c "^FAIL .*claims unsat; z3 says .sat., cvc5 says .sat.")" -eq 2 ] ||
  { die "forged certificates accepted, or refused for another reason"; echo "$out"; }

[ $fail -eq 0 ] && echo "certify: $got certificates of the examples re-checked by z3 and cvc5; forgeries refused"
exit $fail
