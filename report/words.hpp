// An explanation in words (verifier/explain.hpp holds it as values): one sentence per fact,
// the same for every format — each writer lays the sentences out, none composes its own.
#pragma once
#include <string>

#include "verifier/explain.hpp"

namespace faultline::report {

// The drop reason as JSON names it: "blackhole", "blackhole-port", "no-route", "loop",
// "delivered" (isolate), "misses-waypoints" (via), "passes-avoided" (avoid).
const char* drop_reason_name(models::DropReason r);

// How the walk breaks the requirement, as a label: "dies" where it is dropped, "violates" for
// a walk that must not exist (isolate's delivered walk, via's, avoid's).
const char* outcome_label(const verifier::Explanation& e);
// Where and why the walk dies: "c is black-holed: it drops everything that reaches it".
std::string drop_sentence(const verifier::Explanation& e);
// "member a:eth0 stays in bond0: LACP still up, no micro-BFD".
std::string unnoticed_sentence(const verifier::Unnoticed& u);
// "mclag m: ICCP lost (…): split brain; …", "lag a:bond0 is down: 1 of 2 members serving, …".
std::string state_sentence(const verifier::StateFact& s);

// The walk on one line: "a eth0 (bond0) -> h0 b up1 -> down0 c".
std::string walk_line(const verifier::Explanation& e);

}  // namespace faultline::report
