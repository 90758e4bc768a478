// An explanation in words (verifier/explain.hpp holds it as values): one sentence per fact,
// the same for every format — each writer lays the sentences out, none composes its own.
#pragma once
#include <string>
#include <vector>

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

// What BGP did (DESIGN.md §8): "edge1 sends internet (0.0.0.0/0) to linx over edge1--linx (AS
// path 64500 174), learned from transit1: edge1 restarted with its export policy missing, …".
std::string bgp_sentence(const verifier::BgpFact& b);
// Where an announcement stopped on one session: "over edge1--linx: the session is down (…)".
std::string stop_sentence(const verifier::BgpFact::Stop& s);

// The walk on one line: "a eth0 (bond0) -> h0 b up1 -> down0 c".
std::string walk_line(const verifier::Explanation& e);

// What one hop did with the flow, for designs with routing (DESIGN.md §7): "r1: static
// internet (0.0.0.0/0) via fw1 (installed via fw1: link believed up, no BFD)", "core: IGP
// web (10.1.0.0/24), cost 20", "acc1: carries the frame towards gw1 (layer 2, no lookup)";
// "" for a hop that looked nothing up (a black-holed device).
std::string route_sentence(const verifier::Hop& h);
// The walk's routes, one sentence per hop, for the formats that list them (text, Markdown,
// HTML): when the design declares prefixes or static routes, or the walk used a static or
// crossed an L2 segment; else none, so designs without routing read as before.
std::vector<std::string> route_lines(const verifier::Explanation& e);
// Per tunnel the walk crosses (DESIGN.md §9): "NAME from HEAD: the underlay walk".
std::vector<std::string> underlay_lines(const verifier::Explanation& e);

}  // namespace faultline::report
