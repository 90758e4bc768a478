// A violation as values a network engineer reads: the walk hop by hop with ports, where and why
// it dies, why no detector noticed, and the control-plane state that sent it there.  Names
// only, no sentences: report/words.hpp words them, the same for every format.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/requirements.hpp"

namespace faultline::verifier {

// The route a hop's lookup selected (DESIGN.md §7): what the engineer reads in `show route`.
struct RouteUsed {
  models::RouteSource source;
  std::string prefix;                  // what it is for: "internet (0.0.0.0/0)", "web1", a range
  std::uint64_t cost = 0;              // IGP: the least cost from this hop
  unsigned distance = 0;               // administrative distance
  std::vector<std::string> via;        // static: its next hops as written
  std::vector<std::string> installed;  // static: the next hops installed in this scenario
  bool bfd = false;                    // static: BFD watches it
  bool segment = false;                // static: some next hop sits behind switches
  std::string peer;                    // eBGP, iBGP: the peer the route was learned from
  // The hop's device restarted half-configured and its outgoing link costs its default-cost
  // (DESIGN.md §8): that cost and the configured one.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> restart_cost;
};

struct Hop {
  std::string device;
  std::string in;          // port it arrived on ("" at the source)
  std::string out;         // port it left from ("" at the last hop, unless the egress port drops)
  std::string via;         // the LAG it left over, if any
  std::string carried_to;  // a switch carrying the frame towards a static's next hop behind it
  std::optional<RouteUsed> route;  // the lookup's route (none where switches carry the frame)
  // DESIGN.md §9: the hop leaves over this tunnel, and its packets cross the underlay along
  // these hops (head end first, far end last).
  std::string tunnel;
  std::vector<Hop> underlay;
};

// Where and why the walk dies.
struct Drop {
  models::DropReason reason;
  std::string device;                  // where
  std::string port;                    // blackholed_port: DEV:PORT
  std::vector<std::string> waypoints;  // missed_waypoints: the waypoints it passed none of
  std::string covering;                // discarded: the covering prefix, "internet (0.0.0.0/0)"
  std::string held;                    // discarded: what the device does not hold
  // no_route: the device's static routes for the destination, none installed, and why each
  // next hop is not (DESIGN.md §7).
  struct Withdrawn {
    enum class Why { link_down, bfd_down, unreachable };
    std::string prefix;
    std::vector<std::pair<std::string, Why>> via;
  };
  std::vector<Withdrawn> withdrawn;
  bool bgp_only = false;  // no_route at a host or external with a session: it runs no IGP
  // too_big (DESIGN.md §9): the flow's packets, the first hop too small for them (its port,
  // its MTU, and the configured MTU when an mtu event set it), the walk's smallest MTU, and
  // why the source could not step down: it does no PMTUD, or a device drops the ICMP.
  struct TooBig {
    std::uint32_t packets = 0;
    std::string hop;  // DEV:PORT
    std::uint32_t mtu = 0;
    std::optional<std::uint32_t> configured;  // set when an mtu event changed the hop's MTU
    std::uint32_t min_mtu = 0;
    std::string min_hop;       // DEV:PORT of the first hop with the smallest MTU
    std::string no_pmtud;      // the source, when it does no PMTUD
    std::string icmp_dropper;  // a device on the way that drops ICMP fragmentation-needed
    // When the hop is a tunnel: its name, and when its underlay lowered its MTU the underlay's
    // smallest MTU, the hop where it sits (DEV:PORT) and the overhead.
    std::string tunnel;
    std::optional<std::uint32_t> underlay_mtu;
    std::string underlay_hop;
    std::uint32_t overhead = 0;
    // A tunnel whose MSS clamp set the packets' size: its name and configured MTU.
    std::string clamp_tunnel;
    std::uint32_t clamp = 0;
    // A tunnel on the walk whose underlay drops the packets while a device on the way drops
    // the ICMP its head end needs (a black hole): the tunnel, its head end, that device.
    std::string black_hole_tunnel, black_hole_head, black_hole_dropper;
  };
  std::optional<TooBig> too_big;
};

// Why the link or member the walk last crossed stayed in service, unseen; or why a BGP
// session whose route the walk used stayed up through a black-hole (DESIGN.md §8).
struct Unnoticed {
  enum class Kind {
    detector_sees_traffic,  // its detector still sees traffic (one-way loss)
    lacp_no_micro_bfd,      // a LAG member: LACP still up, no micro-BFD
    no_bfd,                 // a plain link without BFD
    session_walk_around,    // a BGP session whose packets took a walk that is delivered
    session_end_talks,      // a BGP session whose end black-holes data, not its own packets
    mtu_unseen,             // an mtu event: no adjacency or BFD sees an MTU (DESIGN.md §9)
  };
  Kind kind;
  std::string link;    // the link's name
  std::string member;  // lacp_no_micro_bfd: the member's port, DEV:PORT
  std::string lag;     // lacp_no_micro_bfd: the LAG, named from the member's end
  struct Session {
    std::string name;   // "A--B"
    std::string keeps;  // the hop's device, which keeps the route
    std::string peer;   // the peer the route came from
    std::string end;    // session_end_talks: the black-holed end, or its port DEV:PORT
  } session;            // session_*
};

// An MC-LAG domain that lost ICCP: why, and what each client LAG kept.
struct SplitBrain {
  std::string domain;
  std::string blackholed_peer;    // the cause when a peer is black-holed
  std::vector<std::string> iccp;  // else: no ICCP link carries traffic both ways
  struct Client {
    std::string lag;
    std::string kept;  // the peer whose members it keeps
    bool any_up;       // whether it keeps a member believed up
  };
  std::vector<Client> clients;
};

// A bundle at or next to a walk device that is down below min-links.
struct LagDown {
  std::string lag;
  std::size_t serving, members, min_links;
};

using StateFact = std::variant<SplitBrain, LagDown>;

// What BGP did for a no-export or announce requirement (DESIGN.md §8), in place of a walk.
struct BgpFact {
  enum class Kind { leak, not_announced, no_convergence };
  Kind kind;
  std::string prefix;  // "internet (0.0.0.0/0)"
  std::string to;      // D
  // leak: who sends P to D, over which session, the route's AS path as D gets it, where the
  // sender learned it ("" = its own origination), and why its policy did not stop it.
  std::string sender, session, path, learned_from;
  bool sender_restarted = false;   // its export policy is missing
  std::vector<std::string> chain;  // the devices the route came through, originator first
  // not_announced: per session of D, where the route stopped.
  struct Stop {
    std::string session, from;
    models::bgp::Stop why;
    std::string detail;  // session_down: why the session is down; no_route: why `from` has none
    std::vector<Stop> upstream;  // no_route: where `from` lost it, per session of it
  };
  std::vector<Stop> stops;
  // no_convergence: the cycle's states, each as "dev: from peer (AS path …)" per holder.
  std::vector<std::vector<std::string>> cycle;
};

struct Explanation {
  std::string source, destination;
  bool routing = false;  // the design declares prefixes or static routes (DESIGN.md §7)
  std::vector<Hop> walk;
  Drop drop;
  std::vector<Unnoticed> unnoticed;  // why no detector saw it
  std::vector<StateFact> state;      // split brains, bundles down
  std::optional<BgpFact> bgp;        // no-export, announce: what BGP did (no walk)
};

// With `ref`, the walk's least-cost states come from the no-fault plane's (the same states,
// sooner: proofs/SOUNDNESS.md §10).
Explanation explain(const models::Network& net, const models::Requirement& req,
                    const models::Witness& w, models::ReferenceCosts* ref = nullptr);

}  // namespace faultline::verifier
