// Seeded random designs in the faultline language, for the differential test and benchmarks:
// 2–12 devices of every kind, parallel links, plain and MC-LAG LAGs with min-links, micro-BFD
// and BFD, random fault blocks, `reach` and `connected` requirements with K ∈ {1, 2}.
#pragma once
#include <cstdint>
#include <string>

namespace faultline::testing {

struct RandomDesignOptions {
  int min_devices = 2;
  int max_devices = 12;
  int max_tolerate = 2;
  // Only fail-stop faults and no MC-LAG: designs of the fail-stop fragment.
  bool failstop = false;
  // Plain graphs: routers and links only, `down device, link`, `connected *` (the cut fragment).
  bool plain = false;
  // Shared risks beyond device attributes: `change` groups on devices, `conduit` and `site` on
  // links, and `common change` / `common conduit [blackhole]` in the faults block.  Drawn from
  // a second random stream, so the designs of a seed are otherwise the same as without it.
  bool shared_risks = false;
  // Requirement clauses on walks (DESIGN.md §7): some reach requirements become `isolate`, others
  // get `via` and `avoid` lists.  From a stream of its own, as shared_risks.
  bool walk_clauses = false;
  // Routing (DESIGN.md §7): declared prefixes (a default route's 0.0.0.0/0, nested and anycast
  // ranges), static routes with and without BFD and distance (hosts among their devices),
  // `preferences = junos` on some devices, and requirements towards prefixes.  From a stream of its
  // own, as shared_risks.
  bool routing = false;
  // BGP (DESIGN.md §8), with routing: `asn` on most devices, eBGP between linked devices of
  // different ASes and iBGP meshes with holes, export/import policies and local-pref,
  // `originate`, `restart router partial` and `down session` faults, `no-export` and `announce`
  // requirements.  From a stream of its own.
  bool bgp = false;
  // Packet size (DESIGN.md §9): `mtu` on links and LAGs (1400, 1500, 9000), `pmtud = off` on
  // hosts, `icmp-unreachable = drop` on some devices, `mtu link N` faults, `size` on reach
  // requirements.  From a stream of its own.
  bool sizes = false;
  // Tunnels (DESIGN.md §9), with sizes: one or two between transit devices, overhead, mtu,
  // mss-clamp and df set or clear, `down tunnel` and `mtu tunnel 500` faults.  Not with bgp.
  bool tunnels = false;
};

std::string random_design(std::uint64_t seed, const RandomDesignOptions& opts = {});

}  // namespace faultline::testing
