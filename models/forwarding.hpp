// Least-cost ECMP forwarding and the walks flows take (DESIGN.md §4, forwarding and
// requirements).  `simulate` computes distances and dropped walks for one explicit plane;
// `encode` states the same rules as constraints over a symbolic plane.
#pragma once
#include <z3++.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "models/logic.hpp"
#include "models/plane.hpp"
#include "models/smt_logic.hpp"

namespace faultline::models {

using ExplicitPlane = Plane<ExplicitLogic>;
using SmtPlane = Plane<SmtLogic>;

constexpr std::uint64_t kNoRoute = UINT64_MAX;

// One step of a walk: the device, and the member it leaves over (none at the last device).
struct WalkStep {
  DeviceId device;
  std::optional<LinkId> out;
  std::optional<std::size_t> via;  // index into net.logical[device]
};

enum class DropReason { blackholed_device, blackholed_port, no_route, loop };

struct DroppedWalk {
  std::vector<WalkStep> steps;  // from the source; the last step is where it dies
  DropReason reason;
  std::optional<LinkId> member;  // blackholed_port: the member whose egress port drops
};

// --- simulate ----------------------------------------------------------------------------
// dist(u) towards `dest` over believed-up logical links (kNoRoute = ∞).
std::vector<std::uint64_t> distances(const Network& net, const ExplicitPlane& p, DeviceId dest);

// Whether logical link `ll` of u is a next hop towards `dest` (it attains dist(u)).
bool is_next_hop(const Network& net, const ExplicitPlane& p, const std::vector<std::uint64_t>& dist,
                 DeviceId dest, const LogicalLink& ll);

// Per device: true iff every walk from it reaches `dest`, whatever the ECMP and hash choices.
std::vector<char> delivers_all(const Network& net, const ExplicitPlane& p,
                               const std::vector<std::uint64_t>& dist, DeviceId dest);

// A dropped walk from `src` (which must not deliver): deterministic, shortest to a drop.
DroppedWalk dropped_walk(const Network& net, const ExplicitPlane& p,
                         const std::vector<std::uint64_t>& dist, const std::vector<char>& good,
                         DeviceId src, DeviceId dest);

// --- encode ------------------------------------------------------------------------------
// A formula that holds iff some walk from a source (is_source) towards the destination
// (is_dest, exactly one true) is dropped.  The plane is symbolic; distances are pinned exactly.
z3::expr encode_dropped_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const std::vector<z3::expr>& is_source,
                             const std::vector<z3::expr>& is_dest, const std::string& tag);

}  // namespace faultline::models
