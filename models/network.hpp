// The typed network of a design (DESIGN.md §3–§4, §7): devices, ports, links, LAGs, MC-LAG
// domains, the logical links that forwarding sees, the destinations (prefixes) and the
// requirements.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace faultline::models {

using dsl::SourceLoc;
using DeviceId = std::uint32_t;
using PortId = std::uint32_t;
using LinkId = std::uint32_t;
using LagId = std::uint32_t;
using DomainId = std::uint32_t;
using PrefixId = std::uint32_t;

enum class DeviceKind { router, switch_, host, firewall, external };
const char* kind_name(DeviceKind k);
std::optional<DeviceKind> parse_kind(const std::string& word);

struct Device {
  std::string name;
  DeviceKind kind;
  std::map<std::string, std::string> attrs;  // os, site, rack, power, …
  SourceLoc loc;
  std::vector<PortId> ports;
  std::optional<std::uint32_t> asn;  // DESIGN.md §8: every device with a BGP session has one
  // DESIGN.md §9: path-MTU discovery (only hosts may turn it off), and whether the device drops
  // ICMP "fragmentation needed" (the ones it would send and the ones that pass it).
  bool pmtud = true;
  bool drops_icmp = false;

  // Routers, switches and firewalls carry transit traffic; hosts and externals never do.
  bool transit() const {
    return kind == DeviceKind::router || kind == DeviceKind::switch_ ||
           kind == DeviceKind::firewall;
  }
};

struct Port {
  std::string name;
  DeviceId device;
  LinkId link;
  SourceLoc loc;
};

struct Link {
  PortId port[2];  // the ends in the order written
  DeviceId device[2];
  std::uint32_t cost = 1;
  std::uint32_t default_cost = 1;  // what a restarted daemon falls back to (DESIGN.md §8)
  bool bfd = false;
  std::uint32_t mtu = 1500;  // DESIGN.md §9: a LAG member carries its LAG's mtu
  std::optional<LagId> lag;  // a link is a member of at most one LAG
  // DESIGN.md §9: set on the logical link a tunnel is (Network::tunnels), after the physical
  // links; its ports are named after the tunnel and no physical fault touches them.
  std::optional<std::uint32_t> tunnel;
  // Shared-risk attributes of the circuit: conduit, provider, site (they feed `common`).
  std::map<std::string, std::string> attrs;
  SourceLoc loc;

  int side_of(DeviceId d) const { return device[0] == d ? 0 : 1; }
  DeviceId other(DeviceId d) const { return device[0] == d ? device[1] : device[0]; }
};

struct Lag {
  std::string name;  // the bundle's name on its device, e.g. ae0
  DeviceId device;
  std::vector<LinkId> members;
  std::uint32_t min_links = 1;
  bool microbfd = false;
  std::uint32_t cost = 1;
  std::uint32_t default_cost = 1;
  std::uint32_t mtu = 1500;       // every member's (DESIGN.md §9)
  std::optional<DomainId> mclag;  // set when the far ends are the two peers of a domain
  SourceLoc loc;
};

struct McLagDomain {
  std::string name;
  DeviceId peer[2];
  std::vector<LinkId> iccp;
  SourceLoc loc;
};

// What forwarding sees from one device: a plain link, the near end of a LAG, or a far
// device's own view of a LAG (its members towards the LAG's device).
struct LogicalLink {
  enum class Kind { plain, lag_near, lag_far };
  Kind kind;
  DeviceId from;
  std::uint32_t cost;
  std::uint32_t default_cost = 1;  // after a partial restart of `from` (DESIGN.md §8)
  LinkId link = 0;                 // plain
  LagId lag = 0;                   // lag_near, lag_far
  // The members this device may hash onto; each lands on its link's other end.
  std::vector<LinkId> members;
  std::vector<DeviceId> far;  // the distinct far devices, in first-member order
  std::uint32_t mtu = 1500;   // the link's or the LAG's configured mtu (DESIGN.md §9)
  bool tunnel = false;        // a tunnel's (plain, over its link): never part of an L2 segment
};

// A tunnel (DESIGN.md §9): a GRE-like logical link between two routers, switches or firewalls,
// carried over one underlay walk per direction (forwarding towards the far end's host prefix
// with every tunnel left out).
struct Tunnel {
  std::string name;
  DeviceId end[2];
  std::uint32_t overhead = 24;
  std::uint32_t mtu = 1476;  // default 1500 − overhead
  std::uint32_t cost = 1, default_cost = 1;
  bool mss_clamp = false;
  bool df_set = true;
  LinkId link = 0;  // its link in Network::links
  SourceLoc loc;
};

struct Network;

// An IPv4 range a.b.c.d/len with its host bits zero.
struct Range {
  std::uint32_t addr = 0;
  unsigned len = 0;

  bool contains(const Range& o) const {
    if (len > o.len) return false;
    if (len == 0) return true;
    return (addr >> (32 - len)) == (o.addr >> (32 - len));
  }
  bool operator==(const Range& o) const { return addr == o.addr && len == o.len; }
  std::string text() const;
};
// "10.1.0.0/24" → the range; nullopt with `why` set when it is no CIDR or has host bits set.
std::optional<Range> parse_cidr(const std::string& text, std::string& why);

// A destination (DESIGN.md §7): an address range originated at one or more devices.  Every
// device has an implicit host prefix of its own (its address only), contained in itself and in
// 0.0.0.0/0 and in no other prefix; a device named as a destination means its host prefix.
struct Prefix {
  std::string name;                 // a host prefix is named after its device
  std::optional<DeviceId> host_of;  // set for a device's implicit host prefix
  std::vector<DeviceId> origins;    // where it is attached (connected)
  SourceLoc loc;
  Range range;  // a declared prefix's range (unused for a host prefix)

  bool is_host() const { return host_of.has_value(); }
  // Longest-prefix order: a host prefix is more specific than any declared range.
  unsigned specificity() const { return is_host() ? 33 : range.len; }
  // Whether a route for this prefix applies to destination `p` (this ⊇ p).
  bool contains(const Prefix& p) const {
    if (is_host() || p.is_host()) return p.host_of == host_of || (!is_host() && range.len == 0);
    return range.contains(p.range);
  }
};

// A static route (DESIGN.md §7): on `device`, for a prefix (declared or a device's host prefix)
// or for a range no declared prefix covers, over the logical links towards its `via` neighbours.
struct StaticRoute {
  DeviceId device;
  std::optional<PrefixId> prefix;  // the route's destination, when it names one
  Range range;                     // otherwise its range (a range no declared prefix has)
  std::vector<DeviceId> via;
  // Per `via` neighbour: 0 when directly linked, else the slot (1 + index into
  // Network::segment_targets) of the L2 segment it is reached over.
  std::vector<std::size_t> segment;
  // Per `via` neighbour over a segment with `bfd = on`: its session (Network::sessions), else
  // kNoSession.
  std::vector<std::size_t> session;
  bool bfd = false;
  unsigned distance = 1;
  SourceLoc loc;

  unsigned specificity(const Network& net) const;
  bool applies_to(const Network& net, PrefixId p) const;
  std::string destination(const Network& net) const;  // "internet", "10.2.0.0/16"
};

constexpr std::size_t kNoSession = SIZE_MAX;

// The BFD session of a static route over an L2 segment (DESIGN.md §7): one walk per direction
// between `device` and `neighbour` through the segment, chosen adversarially.
struct SegmentSession {
  std::size_t route;  // index into Network::statics
  DeviceId device, neighbour;
};

// A BGP policy (DESIGN.md §8): one end's statement on a session.  nullopt lists mean `any`.
struct BgpPolicy {
  std::optional<std::vector<PrefixId>> exports, imports;
  std::uint32_t local_pref = 100;
  SourceLoc loc;  // the statement, when there is one
  bool stated = false;

  static bool permits(const std::optional<std::vector<PrefixId>>& list, PrefixId p) {
    return !list || std::find(list->begin(), list->end(), p) != list->end();
  }
};

// A BGP session between end[0] and end[1] (in the order of its first statement), with each
// end's policy.  eBGP when the ends' asn differ: per end, 0 when the ends are directly linked,
// else the L2 segment slot (Network::segment_targets) towards the other end.  iBGP over the IGP.
struct BgpSession {
  DeviceId end[2];
  bool ibgp = false;
  BgpPolicy policy[2];
  std::size_t segment[2] = {0, 0};
  SourceLoc loc;

  int side_of(DeviceId d) const { return end[0] == d ? 0 : 1; }
};

struct Requirement {
  enum class Kind { reach, isolate, connected, no_export, announce };
  Kind kind;
  DeviceId from = 0;              // reach, isolate: the source; no-export, announce: D
  PrefixId to = 0;                // reach, isolate: the destination; no-export, announce: P
  std::vector<DeviceId> via;      // reach: every delivered walk passes one of them (DESIGN §7)
  std::vector<DeviceId> avoid;    // reach: no walk passes any of them
  std::vector<DeviceId> devices;  // connected: the listed devices (all for '*')
  bool all_devices = false;
  std::uint32_t tolerate = 1;
  // reach … size N (DESIGN.md §9): a TCP flow of N-byte IP packets; without it, packet size
  // never matters.
  std::optional<std::uint32_t> size;
  SourceLoc loc;
  std::string text;  // "reach edge1 -> edge2" as shown in reports

  // One flow from `from` to `to` (reach, isolate), rather than every pair of a set.
  bool one_flow() const { return kind == Kind::reach || kind == Kind::isolate; }
  // About what BGP sends and accepts (no-export, announce), not about walks.
  bool about_bgp() const { return kind == Kind::no_export || kind == Kind::announce; }
};

struct Network {
  // A process-wide number of the resolved design (0: not from resolve), for caches keyed by
  // design: an address may be reused by the next design, a number is not.
  std::uint64_t id = 0;
  std::string name;
  SourceLoc loc;
  std::vector<Device> devices;
  std::vector<Port> ports;
  std::vector<Link> links;
  std::vector<Lag> lags;
  std::vector<McLagDomain> domains;
  std::vector<Prefix> prefixes;      // the host prefixes first, one per device, in order
  std::vector<StaticRoute> statics;  // in declaration order
  std::vector<std::vector<std::size_t>> statics_of;  // per device, its static routes
  // L2 segments (DESIGN.md §7): the devices some static next hop or BFD session reaches through
  // switches only.  Walk slot k ≥ 1 is a flow carried towards segment_targets[k - 1];
  // `carried[k - 1]`: some static next hop is that target (the rest are only the far ends of
  // BFD sessions' return walks).  Once resolved (order_segments), the carried targets come
  // first, each group in first-use order.
  std::vector<DeviceId> segment_targets;
  std::vector<char> carried;
  std::vector<SegmentSession> sessions;
  // The slot of a segment target (1-based), adding it when new.
  std::size_t segment_slot(DeviceId target);
  // Puts the carried targets first (renumbering the statics' slots): a flow's walk is only
  // ever carried towards those, so its nodes need walk_slots() slots, not slots() — a fabric
  // whose every host runs BFD towards its gateways has a return target per host.
  void order_segments();
  // The slot of a segment target (0 when it is none).
  std::size_t slot_of(DeviceId target) const {
    auto it = std::find(segment_targets.begin(), segment_targets.end(), target);
    return it == segment_targets.end() ? 0
                                       : 1 + static_cast<std::size_t>(it - segment_targets.begin());
  }
  // Per-target tables: slot 0 and one per segment target.
  std::size_t slots() const { return 1 + segment_targets.size(); }
  // A flow's walk nodes: a device and a slot, node = slot · devices + device
  // (models/walks.hpp), the slots the lookup and the carried targets.
  std::size_t walk_slots() const {
    return 1 + static_cast<std::size_t>(std::count(carried.begin(), carried.end(), 1));
  }
  std::vector<Requirement> requirements;
  std::map<std::string, DeviceId> device_by_name;
  std::vector<Tunnel> tunnels;  // DESIGN.md §9, in declaration order
  // Whether link l is a tunnel's (not a physical link: no physical fault, no L2 segment).
  bool is_tunnel(LinkId l) const { return links[l].tunnel.has_value(); }
  // BGP (DESIGN.md §8): the sessions in order of first statement, and per device the prefixes
  // its `originate` lines name.
  std::vector<BgpSession> bgp_sessions;
  std::vector<std::vector<PrefixId>> originates;
  bool has_bgp() const { return !bgp_sessions.empty(); }
  // Whether d has a BGP session.
  bool speaks_bgp(DeviceId d) const { return d < speaker.size() && speaker[d]; }
  std::vector<char> speaker;  // per device: it has a BGP session (set by build_speakers)
  void build_speakers() {
    speaker.assign(devices.size(), 0);
    for (const BgpSession& s : bgp_sessions) speaker[s.end[0]] = speaker[s.end[1]] = 1;
  }
  // Whether origin o of a prefix puts it into the IGP: not a host or external with a BGP
  // session, which advertises its prefixes into BGP only (DESIGN.md §8).
  bool igp_origin(DeviceId o) const { return devices[o].transit() || !speaks_bgp(o); }
  // "A--B" in the order of the session's first statement.
  std::string session_name(std::size_t s) const {
    return devices[bgp_sessions[s].end[0]].name + "--" + devices[bgp_sessions[s].end[1]].name;
  }

  // Per device, its logical links in a deterministic order (declaration order).
  std::vector<std::vector<LogicalLink>> logical;
  // Per link, the two logical links it is a member of: (device, index into logical[device]).
  std::vector<std::array<std::pair<DeviceId, std::uint32_t>, 2>> logical_ends;

  std::string port_name(PortId p) const {
    return devices[ports[p].device].name + ":" + ports[p].name;
  }
  // The canonical link name "A:p--B:q", ends in the order written.
  std::string link_name(LinkId l) const {
    return port_name(links[l].port[0]) + "--" + port_name(links[l].port[1]);
  }
  std::string lag_name(LagId g) const { return devices[lags[g].device].name + ":" + lags[g].name; }
  // The port of link `l` on device `d`.
  PortId port_on(LinkId l, DeviceId d) const { return links[l].port[links[l].side_of(d)]; }

  PrefixId host_prefix(DeviceId d) const { return d; }
  bool is_origin(PrefixId p, DeviceId d) const {
    const auto& o = prefixes[p].origins;
    return std::find(o.begin(), o.end(), d) != o.end();
  }
  // Whether device d is an endpoint of `req`: the source of its flow or an origin of its
  // destination.
  bool is_endpoint(const Requirement& req, DeviceId d) const {
    return req.one_flow() && (d == req.from || is_origin(req.to, d));
  }

  // The declared prefixes that contain `p`, `p` first, then from the most specific (a host
  // prefix: itself and 0.0.0.0/0 when declared).  The ranges whose routes apply to `p`.
  std::vector<PrefixId> covering(PrefixId p) const;
  // The ids of the declared prefixes (after the host prefixes, one per device).  A plain range:
  // clang 14's sanitizer build cannot compile std::views::iota over GCC 12's library.
  struct IdRange {
    struct It {
      PrefixId id;
      PrefixId operator*() const { return id; }
      It& operator++() {
        ++id;
        return *this;
      }
      bool operator!=(const It& o) const { return id != o.id; }
    };
    PrefixId first, last;
    It begin() const { return {first}; }
    It end() const { return {last}; }
  };
  IdRange declared_prefixes() const {
    return {static_cast<PrefixId>(devices.size()), static_cast<PrefixId>(prefixes.size())};
  }
  // `preferences = junos` on the device (DESIGN.md §7, administrative distances).
  bool junos(DeviceId d) const {
    auto it = devices[d].attrs.find("preferences");
    return it != devices[d].attrs.end() && it->second == "junos";
  }

  void build_logical_links();
  // One host prefix per device (DESIGN.md §7), PrefixId = DeviceId.
  void build_host_prefixes();
};

}  // namespace faultline::models
