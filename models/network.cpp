#include "models/network.hpp"

#include <algorithm>

namespace faultline::models {

const char* kind_name(DeviceKind k) {
  switch (k) {
    case DeviceKind::router:
      return "router";
    case DeviceKind::switch_:
      return "switch";
    case DeviceKind::host:
      return "host";
    case DeviceKind::firewall:
      return "firewall";
    case DeviceKind::external:
      return "external";
  }
  return "router";
}

std::optional<DeviceKind> parse_kind(const std::string& word) {
  if (word == "router") return DeviceKind::router;
  if (word == "switch") return DeviceKind::switch_;
  if (word == "host") return DeviceKind::host;
  if (word == "firewall") return DeviceKind::firewall;
  if (word == "external") return DeviceKind::external;
  return std::nullopt;
}

// Logical links (DESIGN.md §4): a link outside any LAG is one logical link at each end; a LAG
// is one logical link at its device (over all members) and one at each far device (over that
// device's own members).  Per device: plain links in declaration order, then LAGs in order.
void Network::build_logical_links() {
  logical.assign(devices.size(), {});
  for (LinkId l = 0; l < links.size(); ++l) {
    if (links[l].lag) continue;
    for (int side = 0; side < 2; ++side) {
      LogicalLink ll{LogicalLink::Kind::plain,
                     links[l].device[side],
                     links[l].cost,
                     links[l].default_cost,
                     l,
                     0,
                     {l},
                     {links[l].device[1 - side]}};
      ll.mtu = links[l].mtu;
      ll.tunnel = links[l].tunnel.has_value();
      logical[ll.from].push_back(ll);
    }
  }
  for (LagId g = 0; g < lags.size(); ++g) {
    const Lag& lag = lags[g];
    LogicalLink near{
        LogicalLink::Kind::lag_near, lag.device, lag.cost, lag.default_cost, 0, g, lag.members, {}};
    near.mtu = lag.mtu;
    for (LinkId m : lag.members) {
      DeviceId f = links[m].other(lag.device);
      if (std::find(near.far.begin(), near.far.end(), f) == near.far.end()) near.far.push_back(f);
    }
    logical[lag.device].push_back(near);
    for (DeviceId f : near.far) {
      LogicalLink back{
          LogicalLink::Kind::lag_far, f, lag.cost, lag.default_cost, 0, g, {}, {lag.device}};
      back.mtu = lag.mtu;
      for (LinkId m : lag.members)
        if (links[m].other(lag.device) == f) back.members.push_back(m);
      logical[f].push_back(back);
    }
  }
  logical_ends.assign(links.size(), {});
  std::vector<int> seen(links.size(), 0);
  for (DeviceId d = 0; d < devices.size(); ++d)
    for (std::uint32_t i = 0; i < logical[d].size(); ++i)
      for (LinkId m : logical[d][i].members) logical_ends[m][seen[m]++] = {d, i};
}

void Network::build_host_prefixes() {
  std::vector<Prefix> declared = std::move(prefixes);
  prefixes.clear();
  for (DeviceId d = 0; d < devices.size(); ++d)
    prefixes.push_back({devices[d].name, d, {d}, devices[d].loc, {}});
  for (Prefix& p : declared) prefixes.push_back(std::move(p));
}

std::size_t Network::segment_slot(DeviceId target) {
  auto it = std::find(segment_targets.begin(), segment_targets.end(), target);
  if (it != segment_targets.end())
    return 1 + static_cast<std::size_t>(it - segment_targets.begin());
  segment_targets.push_back(target);
  carried.push_back(0);
  return segment_targets.size();
}

void Network::order_segments() {
  std::vector<std::size_t> order;  // new position → old position
  for (int pass : {1, 0})
    for (std::size_t i = 0; i < carried.size(); ++i)
      if (carried[i] == pass) order.push_back(i);
  std::vector<std::size_t> renumbered(slots(), 0);  // old slot → new slot
  std::vector<DeviceId> targets;
  std::vector<char> marks;
  for (std::size_t k = 0; k < order.size(); ++k) {
    renumbered[order[k] + 1] = k + 1;
    targets.push_back(segment_targets[order[k]]);
    marks.push_back(carried[order[k]]);
  }
  segment_targets = std::move(targets);
  carried = std::move(marks);
  for (StaticRoute& r : statics)
    for (std::size_t& s : r.segment) s = renumbered[s];
  for (BgpSession& b : bgp_sessions)
    for (std::size_t& s : b.segment) s = renumbered[s];
}

}  // namespace faultline::models

namespace faultline::models {

std::string Range::text() const {
  std::string out;
  for (int i = 3; i >= 0; --i) out += std::to_string((addr >> (8 * i)) & 0xff) + (i ? "." : "");
  return out + "/" + std::to_string(len);
}

std::optional<Range> parse_cidr(const std::string& text, std::string& why) {
  why = "expected an IPv4 range a.b.c.d/len, found '" + text + "'";
  std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto decimal = [](const std::string& s, unsigned hi) -> std::optional<unsigned> {
    if (s.empty() || s.size() > 3 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    unsigned v = static_cast<unsigned>(std::stoul(s));
    if (v > hi) return std::nullopt;
    return v;
  };
  std::string addr = text.substr(0, slash);
  Range r;
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    std::size_t dot = i < 3 ? addr.find('.', start) : addr.size();
    if (dot == std::string::npos) return std::nullopt;
    auto octet = decimal(addr.substr(start, dot - start), 255);
    if (!octet) {
      why = "'" + text + "' is not an IPv4 range: each of the four numbers is 0 to 255";
      return std::nullopt;
    }
    r.addr = (r.addr << 8) | *octet;
    start = dot + 1;
  }
  if (start != addr.size() + 1) return std::nullopt;
  auto len = decimal(text.substr(slash + 1), 32);
  if (!len) {
    why = "'" + text + "' is not an IPv4 range: the length after '/' is 0 to 32";
    return std::nullopt;
  }
  r.len = *len;
  std::uint32_t host_bits = r.len == 32 ? 0 : (r.len == 0 ? ~0u : (~0u >> r.len));
  if (r.addr & host_bits) {
    Range net{r.addr & ~host_bits, r.len};
    why = "'" + text + "' has host bits set: the range is " + net.text();
    return std::nullopt;
  }
  return r;
}

unsigned StaticRoute::specificity(const Network& net) const {
  return prefix ? net.prefixes[*prefix].specificity() : range.len;
}

bool StaticRoute::applies_to(const Network& net, PrefixId p) const {
  if (prefix) return net.prefixes[*prefix].contains(net.prefixes[p]);
  const Prefix& dest = net.prefixes[p];
  return dest.is_host() ? range.len == 0 : range.contains(dest.range);
}

std::string StaticRoute::destination(const Network& net) const {
  return prefix ? net.prefixes[*prefix].name : range.text();
}

std::vector<PrefixId> Network::covering(PrefixId p) const {
  std::vector<PrefixId> out{p};
  for (PrefixId q : declared_prefixes())
    if (q != p && prefixes[q].contains(prefixes[p])) out.push_back(q);
  std::stable_sort(out.begin() + 1, out.end(), [&](PrefixId a, PrefixId b) {
    return prefixes[a].specificity() > prefixes[b].specificity();
  });
  return out;
}

}  // namespace faultline::models
