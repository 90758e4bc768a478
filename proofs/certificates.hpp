// Certificates (`check --certify DIR`, proofs/SOUNDNESS.md §8): each verdict as a
// self-contained SMT-LIB2 file that an independent solver re-checks (proofs/recheck.sh).
//
//   proved    DIR/<design path>/L<line>.unsat.smt2   the violation of the requirement with at
//             most K fault events: `unsat` is the proof
//   violated  DIR/<design path>/L<line>.set<N>.sat.smt2   the violation with exactly the events
//             of minimal set N: `sat` replays the witness
//
// The formula is DESIGN.md §4's encoding (models/requirements.cpp), whatever method decided the
// verdict, so a certificate also cross-checks the hot-event and fail-stop searches against it.
// Comments map every symbol family and every fault literal to the design.
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "verifier/check.hpp"

namespace faultline::proofs {

// Writes the certificates of every decided requirement of `rep` under `dir` and returns how
// many; nullopt (with the reason on `err`) when a file cannot be written or a name cannot be an
// SMT-LIB symbol.
std::optional<std::size_t> write_certificates(const std::string& dir, const verifier::DesignReport& rep,
                                              std::ostream& err);

}  // namespace faultline::proofs
