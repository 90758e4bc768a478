#include "models/resolve.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <limits>
#include <set>

#include "models/routes.hpp"

namespace faultline::models {

namespace {

// An MTU's range (DESIGN.md §9): IPv4's smallest, and the largest IP packet.
constexpr std::uint32_t kMinMtu = 68;
constexpr std::uint32_t kMaxMtu = 65535;

// The link of a port whose link statement was dropped with an error.
constexpr LinkId kDroppedLink = std::numeric_limits<LinkId>::max();

namespace ast = dsl::ast;

// "dir/edge-pop.fl" → "edge-pop": the name of a design without a design statement.
std::string stem(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

// One pass object: the parsed design in, the network and diagnostics out.
class Resolver {
 public:
  Resolver(const dsl::ParsedDesign& parsed, dsl::Diagnostics& diags) : p_(parsed), diags_(diags) {}

  std::optional<Design> run() {
    // Declarations first, so that statements may refer to devices declared further down.
    for (const auto& s : p_.statements) visit<ast::DesignStmt>(s, [&](auto& x) { design(x); });
    for (const auto& s : p_.statements) visit<ast::DeviceStmt>(s, [&](auto& x) { device(x); });
    d_.net.build_host_prefixes();  // the destinations requirements name
    for (const auto& s : p_.statements) visit<ast::PrefixStmt>(s, [&](auto& x) { prefix(x); });
    for (const auto& s : p_.statements) visit<ast::LinkStmt>(s, [&](auto& x) { link(x); });
    for (const auto& s : p_.statements) visit<ast::McLagStmt>(s, [&](auto& x) { mclag(x); });
    for (const auto& s : p_.statements) visit<ast::LagStmt>(s, [&](auto& x) { lag(x); });
    for (const auto& s : p_.statements) visit<ast::TunnelStmt>(s, [&](auto& x) { tunnel(x); });
    d_.net.statics_of.assign(d_.net.devices.size(), {});
    for (const auto& s : p_.statements)
      visit<ast::StaticStmt>(s, [&](auto& x) { static_route(x); });
    d_.net.originates.assign(d_.net.devices.size(), {});
    for (const auto& s : p_.statements) visit<ast::BgpStmt>(s, [&](auto& x) { bgp(x); });
    d_.net.build_speakers();
    if (!d_.net.tunnels.empty() && d_.net.has_bgp())
      error_at(d_.net.tunnels.front().loc,
               "tunnel '" + d_.net.tunnels.front().name +
                   "' in a design with BGP sessions: tunnels over BGP edges are not modelled yet");
    for (const auto& s : p_.statements)
      visit<ast::OriginateStmt>(s, [&](auto& x) { originate(x); });
    d_.net.order_segments();
    bool have_faults = false;
    for (const auto& s : p_.statements)
      visit<ast::FaultsStmt>(s, [&](auto& x) { faults(x, have_faults); });
    if (!have_faults) {
      d_.fault_classes.push_back({FaultClass::Kind::down_device, {}, {}, FaultAction::down, {}});
      d_.fault_classes.push_back({FaultClass::Kind::down_link, {}, {}, FaultAction::down, {}});
    }
    for (const auto& s : p_.statements) visit<ast::RequireStmt>(s, [&](auto& x) { require(x); });
    if (!design_seen_) d_.net.name = stem(p_.source->path());
    if (d_.net.requirements.empty() && !diags_.has_errors())
      diags_.warning({p_.source, 0, 1}, "the design has no requirements: nothing to check");
    if (diags_.has_errors()) return std::nullopt;
    d_.net.build_logical_links();
    static std::atomic<std::uint64_t> designs{0};
    d_.net.id = ++designs;
    d_.events = build_universe(d_.net, d_.fault_classes);
    d_.features = network_features(d_.net);
    return std::move(d_);
  }

 private:
  template <class T, class F>
  void visit(const ast::Statement& s, F&& f) {
    if (const T* x = boost::get<T>(&s.get())) f(*x);
  }

  SourceLoc loc(const ast::Node& n) const { return p_.loc(n); }
  dsl::Diagnostic& error_at(const SourceLoc& at, std::string msg) {
    return diags_.error(at, std::move(msg));
  }
  dsl::Diagnostic& error(const ast::Node& n, std::string msg) {
    return diags_.error(loc(n), std::move(msg));
  }
  void note(dsl::Diagnostic& d, const SourceLoc& at, std::string msg) {
    d.notes.push_back({dsl::Severity::note, at, std::move(msg), {}});
  }
  // A second declaration of `what` at `n`, pointing back at the first.
  void duplicate(const ast::Node& n, const std::string& what, const SourceLoc& first) {
    note(error(n, "duplicate " + what), first, "first declared here");
  }

  // --- values -------------------------------------------------------------------------
  const ast::Value* single(const ast::Attr& a) {
    if (a.values.size() != 1) {
      error(a.values[1], "attribute '" + a.key.text + "' takes one value");
      return nullptr;
    }
    if (a.values[0].port) {
      error(a.values[0], "attribute '" + a.key.text + "' takes a word, not a port reference");
      return nullptr;
    }
    return &a.values[0];
  }
  std::optional<bool> on_off(const ast::Attr& a) {
    const ast::Value* v = single(a);
    if (!v) return std::nullopt;
    if (v->head.text == "on") return true;
    if (v->head.text == "off") return false;
    error(*v, "expected 'on' or 'off' for '" + a.key.text + "', found '" + v->head.text + "'");
    return std::nullopt;
  }
  std::optional<std::uint32_t> number(const ast::Node& at, const std::string& text,
                                      const std::string& what, std::uint32_t lo, std::uint32_t hi) {
    bool digits = !text.empty() && text.size() <= 9 &&
                  std::all_of(text.begin(), text.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    std::uint64_t n = digits ? std::stoull(text) : 0;
    if (!digits || n < lo || n > hi) {
      error(at, what + " must be an integer from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ", found '" + text + "'");
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(n);
  }
  // An AS number, 1–4294967295 (DESIGN.md §8).
  std::optional<std::uint32_t> asn(const ast::Value& v) {
    const std::string& t = v.head.text;
    bool digits = !t.empty() && t.size() <= 10 && std::all_of(t.begin(), t.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    std::uint64_t n = digits ? std::stoull(t) : 0;
    if (!digits || n < 1 || n > 4294967295ULL) {
      error(v, "'asn' must be an AS number from 1 to 4294967295, found '" + t + "'");
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(n);
  }
  std::optional<std::uint32_t> number_attr(const ast::Attr& a, std::uint32_t lo, std::uint32_t hi) {
    const ast::Value* v = single(a);
    if (!v) return std::nullopt;
    return number(*v, v->head.text, "'" + a.key.text + "'", lo, hi);
  }
  void unknown_attr(const ast::Attr& a, const std::string& stmt, const std::string& expected) {
    error(a.key, "unknown " + stmt + " attribute '" + a.key.text + "' (expected " + expected + ")");
  }
  void check_duplicate_keys(const ast::AttrBlock& attrs) {
    std::map<std::string, const ast::Attr*> seen;
    for (const auto& a : attrs) {
      auto [it, fresh] = seen.emplace(a.key.text, &a);
      if (!fresh) {
        auto& d = error(a.key, "attribute '" + a.key.text + "' is set twice");
        note(d, loc(it->second->key), "first set here");
      }
    }
  }

  // A name where the language needs one: a word that starts with a digit is a number or an
  // address (DESIGN.md §3), refused with what to write instead.
  bool name_word(const ast::Word& w) {
    if (w.kind != ast::Word::Kind::number) return true;
    error(w, "expected a name, found '" + w.text +
                 "' (a name starts with a letter or '_'; quote any other: \"" + w.text + "\")");
    return false;
  }

  std::optional<DeviceId> find_device(const ast::Word& w) {
    if (!name_word(w)) return std::nullopt;
    auto it = d_.net.device_by_name.find(w.text);
    if (it == d_.net.device_by_name.end()) {
      error(w, "unknown device '" + w.text + "'");
      return std::nullopt;
    }
    return it->second;
  }
  // The devices a list names, in order, into `into`: each word must name a device that
  // `admit` (when given) accepts — it says why not itself — and appear once.  False when some
  // word was refused (each with its error); the others are kept.
  bool device_list(const std::vector<ast::Word>& words, std::vector<DeviceId>& into,
                   const std::function<bool(const ast::Word&, DeviceId)>& admit = {}) {
    bool ok = true;
    for (const ast::Word& w : words) {
      auto d = find_device(w);
      if (!d || (admit && !admit(w, *d))) {
        ok = false;
        continue;
      }
      if (std::find(into.begin(), into.end(), *d) != into.end()) {
        error(w, "device '" + w.text + "' is listed twice");
        ok = false;
        continue;
      }
      into.push_back(*d);
    }
    return ok;
  }
  // "a, b, c": the names of `devices`.
  std::string names(const std::vector<DeviceId>& devices) const {
    std::string out;
    for (DeviceId d : devices) out += (out.empty() ? "" : ", ") + d_.net.devices[d].name;
    return out;
  }

  // An existing port DEV:PORT (one that a link created).
  std::optional<PortId> find_port(const ast::Value& v) {
    if (!v.port) {
      error(v, "expected a port reference (device:port), found '" + v.head.text + "'");
      return std::nullopt;
    }
    auto dev = find_device(v.head);
    if (!dev) return std::nullopt;
    for (PortId p : d_.net.devices[*dev].ports) {
      if (d_.net.ports[p].name != v.port->text) continue;
      if (d_.net.ports[p].link == kDroppedLink) return std::nullopt;  // its link's error says why
      return p;
    }
    error(v, "unknown port '" + v.head.text + ":" + v.port->text + "' (no link uses it)");
    return std::nullopt;
  }

  // --- statements -------------------------------------------------------------------------
  void design(const ast::DesignStmt& s) {
    // At the name: the statement node itself carries no position (X3 collapses a rule whose
    // struct has one member onto that member).
    if (design_seen_) {
      auto& d = error(s.name, "a file holds one design");
      note(d, d_.net.loc, "design named here");
      return;
    }
    if (!name_word(s.name)) return;
    design_seen_ = true;
    d_.net.name = s.name.text;
    d_.net.loc = loc(s.name);
  }

  void device(const ast::DeviceStmt& s) {
    if (s.name.text.empty()) {
      error(s.name, "a device name cannot be empty");
      return;
    }
    if (!name_word(s.name)) return;
    auto kind = parse_kind(s.kind.text);
    if (!kind) {
      error(s.kind, "unknown device kind '" + s.kind.text +
                        "' (expected router, switch, host, firewall or external)");
    }
    auto existing = d_.net.device_by_name.find(s.name.text);
    if (existing != d_.net.device_by_name.end()) {
      return duplicate(s.name, "device '" + s.name.text + "'",
                       d_.net.devices[existing->second].loc);
    }
    Device dev{s.name.text, kind.value_or(DeviceKind::router), {}, loc(s.name), {}, {}};
    if (s.attrs) {
      check_duplicate_keys(*s.attrs);
      for (const auto& a : *s.attrs) {
        const ast::Value* v = single(a);
        if (v && a.key.text == "asn") {
          auto n = asn(*v);
          if (!n) continue;
          dev.asn = *n;
        }
        if (v && a.key.text == "pmtud") {
          auto on = on_off(a);
          if (on && kind && *kind != DeviceKind::host) {
            error(a.key,
                  "'pmtud' applies to hosts: every other device does path-MTU discovery "
                  "(DESIGN.md §9)");
            continue;
          }
          if (on) dev.pmtud = *on;
          continue;
        }
        if (a.key.text == "mtu") {
          error(a.key,
                "'mtu' is set on links and LAGs (the largest packet each carries), not on "
                "devices");
          continue;
        }
        if (v && a.key.text == "icmp-unreachable") {
          if (v->head.text != "drop" && v->head.text != "send") {
            error(*v,
                  "expected 'drop' or 'send' for 'icmp-unreachable', found '" + v->head.text + "'");
            continue;
          }
          dev.drops_icmp = v->head.text == "drop";
          continue;
        }
        if (v && a.key.text == "preferences" && v->head.text != "junos" &&
            v->head.text != "cisco") {
          error(*v,
                "expected 'junos' or 'cisco' for 'preferences' (the administrative "
                "distances), found '" +
                    v->head.text + "'");
          continue;
        }
        if (v) dev.attrs[a.key.text] = v->head.text;
      }
    }
    d_.net.device_by_name[dev.name] = static_cast<DeviceId>(d_.net.devices.size());
    d_.net.devices.push_back(std::move(dev));
  }

  std::optional<PortId> new_port(const ast::Value& v, LinkId link) {
    auto dev = find_device(v.head);
    if (!dev) return std::nullopt;
    for (PortId p : d_.net.devices[*dev].ports) {
      if (d_.net.ports[p].name == v.port->text) {
        auto& d = error(v, "port '" + v.head.text + ":" + v.port->text + "' is already in a link");
        // At the port's first use: its link may not exist (this very link, `a:2 -- a:2`, or one
        // dropped with an error), so never index links here (found by fuzzing).
        note(d, d_.net.ports[p].loc, "first used here");
        return std::nullopt;
      }
    }
    PortId id = static_cast<PortId>(d_.net.ports.size());
    d_.net.ports.push_back({v.port->text, *dev, link, loc(v)});
    d_.net.devices[*dev].ports.push_back(id);
    return id;
  }

  void link(const ast::LinkStmt& s) {
    LinkId id = static_cast<LinkId>(d_.net.links.size());
    Link l;
    l.loc = loc(s);
    auto a = new_port(s.a, id);
    auto b = new_port(s.b, id);
    // A link dropped with its error keeps its ports reserved (no second error for them), marked
    // as belonging to no link: `id` will be the next link's (found by fuzzing).
    auto drop = [&] {
      for (auto p : {a, b})
        if (p) d_.net.ports[*p].link = kDroppedLink;
    };
    if (!a || !b) return drop();
    l.port[0] = *a;
    l.port[1] = *b;
    l.device[0] = d_.net.ports[*a].device;
    l.device[1] = d_.net.ports[*b].device;
    if (l.device[0] == l.device[1]) {
      error(s, "link from device '" + d_.net.devices[l.device[0]].name + "' to itself");
      return drop();
    }
    if (s.attrs) {
      check_duplicate_keys(*s.attrs);
      for (const auto& at : *s.attrs) {
        if (at.key.text == "cost") {
          if (auto c = number_attr(at, 1, 1000000)) l.cost = *c;
          link_cost_set_[id] = &at;
        } else if (at.key.text == "default-cost") {
          if (auto c = number_attr(at, 1, 1000000)) l.default_cost = *c;
          link_cost_set_[id] = &at;
        } else if (at.key.text == "bfd") {
          if (auto v = on_off(at)) l.bfd = *v;
        } else if (at.key.text == "mtu") {
          if (auto m = number_attr(at, kMinMtu, kMaxMtu)) l.mtu = *m;
          link_cost_set_[id] = &at;
        } else if (at.key.text == "conduit" || at.key.text == "provider" || at.key.text == "site") {
          if (const ast::Value* v = single(at)) l.attrs[at.key.text] = v->head.text;
        } else {
          unknown_attr(at, "link", "cost, default-cost, bfd, mtu, conduit, provider or site");
        }
      }
    }
    d_.net.links.push_back(l);
  }

  // `tunnel NAME A -- B [{ overhead; mtu; mss-clamp; df; cost; default-cost }]` (DESIGN.md §9):
  // a logical link of A and B, added to the links after the physical ones, with a port named
  // after the tunnel at each end.
  void tunnel(const ast::TunnelStmt& s) {
    if (!name_word(s.name)) return;
    const std::string& name = s.name.text;
    if (d_.net.device_by_name.count(name))
      return void(error(s.name, "'" + name +
                                    "' is a device: device, prefix and tunnel names share one "
                                    "namespace"));
    for (const Prefix& p : d_.net.prefixes)
      if (!p.is_host() && p.name == name)
        return void(error(s.name, "'" + name +
                                      "' is a prefix: device, prefix and tunnel names share one "
                                      "namespace"));
    for (const Tunnel& t : d_.net.tunnels)
      if (t.name == name) return duplicate(s.name, "tunnel '" + name + "'", t.loc);
    Tunnel t;
    t.name = name;
    t.loc = loc(s.name);
    const ast::Word* ends[2] = {&s.a, &s.b};
    for (int i = 0; i < 2; ++i) {
      auto d = find_device(*ends[i]);
      if (!d) return;
      if (!d_.net.devices[*d].transit())
        return void(error(*ends[i], "tunnel end '" + ends[i]->text + "' is a " +
                                        kind_name(d_.net.devices[*d].kind) +
                                        ": a tunnel ends on a router, switch or firewall"));
      t.end[i] = *d;
    }
    if (t.end[0] == t.end[1])
      return void(error(s.b, "tunnel '" + name + "' from device '" + s.a.text + "' to itself"));
    std::optional<std::uint32_t> mtu;
    const ast::Attr* overhead_at = nullptr;
    if (s.attrs) {
      check_duplicate_keys(*s.attrs);
      for (const auto& a : *s.attrs) {
        const std::string& key = a.key.text;
        if (key == "overhead") {
          overhead_at = &a;
          if (auto n = number_attr(a, 0, kMaxMtu - kMinMtu)) t.overhead = *n;
        } else if (key == "mtu") {
          if (auto n = number_attr(a, kMinMtu, kMaxMtu)) mtu = *n;
        } else if (key == "mss-clamp") {
          if (auto v = on_off(a)) t.mss_clamp = *v;
        } else if (key == "df") {
          const ast::Value* v = single(a);
          if (v && v->head.text != "set" && v->head.text != "clear")
            error(*v, "expected 'set' or 'clear' for 'df', found '" + v->head.text + "'");
          else if (v)
            t.df_set = v->head.text == "set";
        } else if (key == "cost") {
          if (auto c = number_attr(a, 1, 1000000)) t.cost = *c;
        } else if (key == "default-cost") {
          if (auto c = number_attr(a, 1, 1000000)) t.default_cost = *c;
        } else {
          unknown_attr(a, "tunnel", "overhead, mtu, mss-clamp, df, cost or default-cost");
        }
      }
    }
    if (mtu) {
      t.mtu = *mtu;
    } else if (t.overhead + kMinMtu > 1500) {
      return void(error(overhead_at ? static_cast<const ast::Node&>(overhead_at->values[0])
                                    : static_cast<const ast::Node&>(s.name),
                        "overhead " + std::to_string(t.overhead) +
                            " leaves no payload in a 1500-byte packet: the tunnel's mtu (1500 − "
                            "overhead) would be below 68; set 'mtu' or a smaller overhead"));
    } else {
      t.mtu = 1500 - t.overhead;
    }
    const LinkId id = static_cast<LinkId>(d_.net.links.size());
    Link l;
    l.loc = t.loc;
    l.cost = t.cost;
    l.default_cost = t.default_cost;
    l.mtu = t.mtu;
    l.tunnel = static_cast<std::uint32_t>(d_.net.tunnels.size());
    for (int i = 0; i < 2; ++i) {
      PortId q = static_cast<PortId>(d_.net.ports.size());
      d_.net.ports.push_back({name, t.end[i], id, t.loc});
      d_.net.devices[t.end[i]].ports.push_back(q);
      l.port[i] = q;
      l.device[i] = t.end[i];
    }
    t.link = id;
    d_.net.links.push_back(l);
    d_.net.tunnels.push_back(std::move(t));
  }

  void mclag(const ast::McLagStmt& s) {
    if (!name_word(s.name)) return;
    McLagDomain dom;
    dom.name = s.name.text;
    dom.loc = loc(s.name);
    for (const auto& other : d_.net.domains) {
      if (other.name == dom.name) {
        return duplicate(s.name, "mclag domain '" + dom.name + "'", other.loc);
      }
    }
    check_duplicate_keys(s.attrs);
    const ast::Attr* peers = nullptr;
    const ast::Attr* iccp = nullptr;
    for (const auto& a : s.attrs) {
      if (a.key.text == "peers")
        peers = &a;
      else if (a.key.text == "iccp")
        iccp = &a;
      else
        unknown_attr(a, "mclag", "peers or iccp");
    }
    if (!peers || !iccp) {
      error(s.name, std::string("mclag domain '") + dom.name + "' needs " +
                        (!peers ? "'peers = A, B;'" : "'iccp = A:port;'"));
      return;
    }
    if (peers->values.size() != 2) {
      error(*peers, "an mclag domain has exactly two peers");
      return;
    }
    for (int i = 0; i < 2; ++i) {
      const ast::Value& v = peers->values[i];
      if (v.port) {
        error(v, "peers are devices, not ports");
        return;
      }
      auto dev = find_device(v.head);
      if (!dev) return;
      if (!d_.net.devices[*dev].transit()) {
        error(v, "mclag peer '" + v.head.text + "' must be a switch, router or firewall");
        return;
      }
      for (const auto& other : d_.net.domains) {
        if (other.peer[0] == *dev || other.peer[1] == *dev) {
          auto& d = error(
              v, "device '" + v.head.text + "' is already a peer of mclag '" + other.name + "'");
          note(d, other.loc, "declared here");
          return;
        }
      }
      dom.peer[i] = *dev;
    }
    if (dom.peer[0] == dom.peer[1]) {
      error(peers->values[1], "the two peers of mclag '" + dom.name + "' are the same device");
      return;
    }
    for (const auto& v : iccp->values) {
      auto port = find_port(v);
      if (!port) return;
      const Link& l = d_.net.links[d_.net.ports[*port].link];
      bool between = (l.device[0] == dom.peer[0] && l.device[1] == dom.peer[1]) ||
                     (l.device[0] == dom.peer[1] && l.device[1] == dom.peer[0]);
      if (!between) {
        error(v, "ICCP link '" + d_.net.link_name(d_.net.ports[*port].link) +
                     "' is not between the peers of mclag '" + dom.name + "'");
        return;
      }
      dom.iccp.push_back(d_.net.ports[*port].link);
    }
    d_.net.domains.push_back(std::move(dom));
  }

  void lag(const ast::LagStmt& s) {
    Lag g;
    auto dev = find_device(s.name.head);
    if (!dev) return;
    if (!s.name.port) return;  // the grammar requires DEV:NAME
    g.device = *dev;
    g.name = s.name.port->text;
    g.loc = loc(s.name);
    for (const auto& other : d_.net.lags) {
      if (other.device == g.device && other.name == g.name) {
        return duplicate(s.name, "lag '" + s.name.head.text + ":" + g.name + "'", other.loc);
      }
    }
    check_duplicate_keys(s.attrs);
    const ast::Attr* members = nullptr;
    const ast::Attr* min_links = nullptr;
    for (const auto& a : s.attrs) {
      if (a.key.text == "members")
        members = &a;
      else if (a.key.text == "min-links")
        min_links = &a;
      else if (a.key.text == "microbfd") {
        if (auto v = on_off(a)) g.microbfd = *v;
      } else if (a.key.text == "cost") {
        if (auto c = number_attr(a, 1, 1000000)) g.cost = *c;
      } else if (a.key.text == "default-cost") {
        if (auto c = number_attr(a, 1, 1000000)) g.default_cost = *c;
      } else if (a.key.text == "mtu") {
        if (auto m = number_attr(a, kMinMtu, kMaxMtu)) g.mtu = *m;
      } else
        unknown_attr(a, "lag", "members, min-links, microbfd, cost, default-cost or mtu");
    }
    if (!members) {
      error(s.name, "lag '" + s.name.head.text + ":" + g.name + "' needs 'members = DEV:port, …;'");
      return;
    }
    LagId id = static_cast<LagId>(d_.net.lags.size());
    bool ok = true;
    std::vector<const ast::Value*> member_values;
    for (const auto& v : members->values) {
      auto port = find_port(v);
      if (!port) {
        ok = false;
        continue;
      }
      if (d_.net.ports[*port].device != g.device) {
        error(v, "member '" + v.head.text + ":" + v.port->text + "' is not on the lag's device '" +
                     d_.net.devices[g.device].name + "'");
        ok = false;
        continue;
      }
      LinkId l = d_.net.ports[*port].link;
      if (d_.net.links[l].lag) {
        auto& d = error(v, "link '" + d_.net.link_name(l) + "' is already a member of lag '" +
                               d_.net.lag_name(*d_.net.links[l].lag) + "'");
        note(d, d_.net.lags[*d_.net.links[l].lag].loc, "declared here");
        ok = false;
        continue;
      }
      if (std::find(g.members.begin(), g.members.end(), l) != g.members.end()) {
        error(v, "member '" + v.head.text + ":" + v.port->text + "' is listed twice");
        ok = false;
        continue;
      }
      if (auto c = link_cost_set_.find(l); c != link_cost_set_.end()) {
        auto& d =
            error(v, "member link '" + d_.net.link_name(l) + "' has its own " +
                         c->second->key.text + "; set '" + c->second->key.text + "' on the lag");
        note(d, loc(c->second->key),
             c->second->key.text == "mtu" ? "mtu set here" : "cost set here");
        ok = false;
        continue;
      }
      g.members.push_back(l);
      member_values.push_back(&v);
    }
    if (!ok) return;
    if (g.members.size() < 2) {
      error(*members, "a lag needs at least two members");
      return;
    }
    // The far ends: one device (plain LAG) or the two peers of one mclag domain.
    std::vector<DeviceId> far;
    for (LinkId l : g.members) {
      DeviceId f = d_.net.links[l].other(g.device);
      if (std::find(far.begin(), far.end(), f) == far.end()) far.push_back(f);
    }
    if (far.size() >= 2) {
      std::optional<DomainId> dom;
      for (DomainId i = 0; i < d_.net.domains.size(); ++i) {
        const auto& dm = d_.net.domains[i];
        if (far[0] == dm.peer[0] || far[0] == dm.peer[1]) dom = i;
      }
      for (std::size_t i = 0; i < g.members.size(); ++i) {
        DeviceId f = d_.net.links[g.members[i]].other(g.device);
        bool in_domain =
            dom && (f == d_.net.domains[*dom].peer[0] || f == d_.net.domains[*dom].peer[1]);
        if (!in_domain) {
          const ast::Value& v = *member_values[i];
          error(v, "member '" + v.head.text + ":" + v.port->text + "' ends on '" +
                       d_.net.devices[f].name +
                       "': the far ends of a lag must be one device or the two peers of one mclag "
                       "domain");
          return;
        }
      }
      if (far.size() == 2) g.mclag = dom;
    }
    if (min_links) {
      if (auto m = number_attr(*min_links, 1, static_cast<std::uint32_t>(g.members.size())))
        g.min_links = *m;
    }
    for (LinkId l : g.members) {
      d_.net.links[l].lag = id;
      d_.net.links[l].mtu = g.mtu;
    }
    d_.net.lags.push_back(std::move(g));
  }

  // A declared prefix by name, or the host prefix of a device named so.
  std::optional<PrefixId> find_prefix(const std::string& name) const {
    auto dev = d_.net.device_by_name.find(name);
    if (dev != d_.net.device_by_name.end()) return d_.net.host_prefix(dev->second);
    for (PrefixId q : d_.net.declared_prefixes())
      if (d_.net.prefixes[q].name == name) return q;
    return std::nullopt;
  }

  // `prefix NAME CIDR at DEV, …;`
  void prefix(const ast::PrefixStmt& s) {
    if (!name_word(s.name)) return;
    if (auto dev = d_.net.device_by_name.find(s.name.text); dev != d_.net.device_by_name.end()) {
      auto& d =
          error(s.name, "'" + s.name.text + "' names a device: a prefix needs a name of its own");
      note(d, d_.net.devices[dev->second].loc, "device declared here");
      return;
    }
    for (PrefixId q : d_.net.declared_prefixes())
      if (d_.net.prefixes[q].name == s.name.text)
        return duplicate(s.name, "prefix '" + s.name.text + "'", d_.net.prefixes[q].loc);
    std::string why;
    auto range = parse_cidr(s.cidr.text, why);
    if (!range) return void(error(s.cidr, why));
    for (PrefixId q : d_.net.declared_prefixes())
      if (d_.net.prefixes[q].range == *range) {
        auto& d = error(s.cidr, "prefix '" + s.name.text + "' has the range " + range->text() +
                                    " of prefix '" + d_.net.prefixes[q].name +
                                    "': two prefixes cannot share a range");
        note(d, d_.net.prefixes[q].loc, "declared here");
        return;
      }
    Prefix p{s.name.text, std::nullopt, {}, loc(s.name), *range};
    if (device_list(s.origins, p.origins)) d_.net.prefixes.push_back(std::move(p));
  }

  // Whether `to` is reachable from `from` through switches only (an L2 segment, DESIGN.md §7).
  bool across_switches(DeviceId from, DeviceId to) const {
    std::vector<char> seen(d_.net.devices.size(), 0);
    std::vector<DeviceId> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
      DeviceId u = stack.back();
      stack.pop_back();
      for (PortId port : d_.net.devices[u].ports) {
        LinkId l = d_.net.ports[port].link;
        if (l == kDroppedLink || d_.net.is_tunnel(l)) continue;  // a tunnel is no L2 path
        DeviceId v = d_.net.links[l].other(u);
        if (v == to) return true;
        if (seen[v] || d_.net.devices[v].kind != DeviceKind::switch_) continue;
        seen[v] = 1;
        stack.push_back(v);
      }
    }
    return false;
  }
  bool linked(DeviceId a, DeviceId b) const {
    for (PortId port : d_.net.devices[a].ports) {
      LinkId l = d_.net.ports[port].link;
      if (l != kDroppedLink && d_.net.links[l].other(a) == b) return true;
    }
    return false;
  }

  // `static DEV (PREFIX | CIDR) via NBR, … [{ bfd = on|off; distance = N; }]`
  void static_route(const ast::StaticStmt& s) {
    auto dev = find_device(s.device);
    if (!dev) return;
    StaticRoute r;
    r.device = *dev;
    r.loc = loc(s);
    if (s.dest.kind == ast::Word::Kind::number) {
      std::string why;
      auto range = parse_cidr(s.dest.text, why);
      if (!range) return void(error(s.dest, why));
      r.range = *range;
      for (PrefixId q : d_.net.declared_prefixes()) {
        const Prefix& p = d_.net.prefixes[q];
        if (p.range == *range) r.prefix = q;
      }
      if (!r.prefix)
        for (PrefixId q : d_.net.declared_prefixes()) {
          const Prefix& p = d_.net.prefixes[q];
          if (!p.range.contains(*range)) continue;
          auto& d = error(s.dest, "static route for " + range->text() + " lies inside prefix '" +
                                      p.name + "' (" + p.range.text() +
                                      ") but is not declared: declare it ('prefix NAME " +
                                      range->text() + " at …;') so that requirements can name it");
          note(d, p.loc, "prefix declared here");
          return;
        }
    } else {
      r.prefix = find_prefix(s.dest.text);
      if (!r.prefix)
        return void(error(s.dest, "unknown prefix '" + s.dest.text +
                                      "' (expected a prefix, a device or a range a.b.c.d/len)"));
    }
    bool ok = device_list(s.via, r.via, [&](const ast::Word& w, DeviceId n) {
      if (n == r.device) {
        error(w, "static route of '" + s.device.text + "' via itself");
        return false;
      }
      if (linked(r.device, n) || across_switches(r.device, n)) return true;
      error(w, "next hop '" + w.text + "' is not adjacent to '" + s.device.text +
                   "' (no link between them, and no path through switches only): recursive "
                   "static routes are not modelled");
      return false;
    });
    r.distance = default_distance(RouteSource::static_route, d_.net.junos(r.device));
    if (s.attrs) {
      check_duplicate_keys(*s.attrs);
      for (const auto& a : *s.attrs) {
        if (a.key.text == "bfd") {
          if (auto v = on_off(a)) r.bfd = *v;
        } else if (a.key.text == "distance") {
          if (auto v = number_attr(a, 1, 255))
            r.distance = *v;
          else
            ok = false;
        } else {
          unknown_attr(a, "static route", "bfd or distance");
          ok = false;
        }
      }
    }
    if (!ok) return;
    // A neighbour linked directly is a direct next hop; one reached through switches only is
    // over an L2 segment (DESIGN.md §7), with a BFD session of its own when `bfd = on`.
    Network& net = d_.net;
    const std::size_t index = net.statics.size();
    for (DeviceId n : r.via) {
      if (linked(r.device, n)) {
        r.segment.push_back(0);
        r.session.push_back(kNoSession);
        continue;
      }
      r.segment.push_back(net.segment_slot(n));
      net.carried[r.segment.back() - 1] = 1;
      if (r.bfd) {
        net.segment_slot(r.device);  // the session's return walk is carried towards DEV
        r.session.push_back(net.sessions.size());
        net.sessions.push_back({index, r.device, n});
      } else {
        r.session.push_back(kNoSession);
      }
    }
    net.statics_of[r.device].push_back(index);
    net.statics.push_back(std::move(r));
  }

  // A policy list: prefix names, or `any`, or `none` (DESIGN.md §8).  nullopt = any.
  std::optional<std::optional<std::vector<PrefixId>>> policy_list(const ast::Attr& a) {
    if (a.values.size() == 1 && !a.values[0].port &&
        (a.values[0].head.text == "any" || a.values[0].head.text == "none") &&
        a.values[0].head.kind == ast::Word::Kind::name) {
      if (a.values[0].head.text == "any") return std::optional<std::vector<PrefixId>>{};
      return std::optional<std::vector<PrefixId>>{std::vector<PrefixId>{}};
    }
    std::vector<PrefixId> out;
    bool ok = true;
    for (const ast::Value& v : a.values) {
      if (v.port) {
        error(v, "'" + a.key.text + "' lists prefixes, not ports");
        ok = false;
        continue;
      }
      if (v.head.text == "any" || v.head.text == "none") {
        error(v, "'" + v.head.text + "' stands alone in '" + a.key.text +
                     "': list prefixes, or write 'any' or 'none' only");
        ok = false;
        continue;
      }
      auto q = find_prefix(v.head.text);
      if (!q) {
        error(v, "unknown prefix '" + v.head.text + "' in '" + a.key.text +
                     "' (expected prefix names, 'any' or 'none')");
        ok = false;
        continue;
      }
      if (std::find(out.begin(), out.end(), *q) == out.end()) out.push_back(*q);
    }
    if (!ok) return std::nullopt;
    return std::optional<std::vector<PrefixId>>{std::move(out)};
  }

  // `bgp A -- B [{ export = …; import = …; local-pref = N; }]`: the session A–B and A's policy.
  void bgp(const ast::BgpStmt& s) {
    auto a = find_device(s.a);
    auto b = find_device(s.b);
    if (!a || !b) return;
    // Named in a bgp statement: a requirement about it has no second error when this one fails.
    bgp_named_.insert(*a);
    bgp_named_.insert(*b);
    Network& net = d_.net;
    if (*a == *b) return void(error(s.b, "bgp session of '" + s.a.text + "' with itself"));
    bool ok = true;
    for (auto [w, d] : {std::pair{&s.a, *a}, std::pair{&s.b, *b}})
      if (!net.devices[d].asn) {
        auto& diag = error(*w, "bgp session end '" + w->text + "' has no 'asn'");
        note(diag, net.devices[d].loc, "set 'asn = N;' on the device here");
        ok = false;
      }
    if (!ok) return;
    const bool ibgp = *net.devices[*a].asn == *net.devices[*b].asn;
    BgpPolicy policy;
    policy.stated = true;
    policy.loc = loc(s.a);
    if (s.attrs) {
      check_duplicate_keys(*s.attrs);
      for (const auto& at : *s.attrs) {
        if (at.key.text == "export" || at.key.text == "import") {
          auto list = policy_list(at);
          if (!list) {
            ok = false;
            continue;
          }
          (at.key.text == "export" ? policy.exports : policy.imports) = std::move(*list);
        } else if (at.key.text == "local-pref") {
          if (ibgp) {
            error(at.key, "'local-pref' on an iBGP session ('" + s.a.text + "' and '" + s.b.text +
                              "' share asn " + std::to_string(*net.devices[*a].asn) +
                              "): it is set where routes enter the AS, on eBGP sessions");
            ok = false;
          } else if (auto v = number_attr(at, 0, 4294967)) {
            policy.local_pref = *v;
          } else {
            ok = false;
          }
        } else {
          unknown_attr(at, "bgp session", "export, import or local-pref");
          ok = false;
        }
      }
    }
    if (ibgp) {
      for (auto [w, d] : {std::pair{&s.a, *a}, std::pair{&s.b, *b}})
        if (!net.devices[d].transit()) {
          error(*w, "iBGP session end '" + w->text + "' is a " + kind_name(net.devices[d].kind) +
                        ": iBGP runs between routers, switches and firewalls over the IGP");
          ok = false;
        }
    } else if (!linked(*a, *b) && !across_switches(*a, *b)) {
      error(s.b, "eBGP neighbour '" + s.b.text + "' is not adjacent to '" + s.a.text +
                     "' at layer 2 (no link between them, and no path through switches only): "
                     "multihop eBGP is not modelled");
      ok = false;
    }
    if (!ok) return;
    for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q) {
      BgpSession& old = net.bgp_sessions[q];
      bool same = (old.end[0] == *a && old.end[1] == *b) || (old.end[0] == *b && old.end[1] == *a);
      if (!same) continue;
      BgpPolicy& mine = old.policy[old.side_of(*a)];
      if (mine.stated) {
        auto& diag =
            error(s.a, "bgp session " + s.a.text + " -- " + s.b.text + " is declared twice from '" +
                           s.a.text + "': each end states its policy once");
        note(diag, mine.loc, "first declared here");
        return;
      }
      mine = std::move(policy);
      return;
    }
    BgpSession session;
    session.end[0] = *a;
    session.end[1] = *b;
    session.ibgp = ibgp;
    session.policy[0] = std::move(policy);
    session.loc = loc(s.a);
    // eBGP through switches: each end's walks, and the flows it forwards by BGP, are carried
    // towards the other end (an L2 segment slot, as a static's next hop behind switches).
    if (!ibgp)
      for (int e = 0; e < 2; ++e)
        if (!linked(session.end[e], session.end[1 - e])) {
          session.segment[e] = net.segment_slot(session.end[1 - e]);
          net.carried[session.segment[e] - 1] = 1;
        }
    net.bgp_sessions.push_back(std::move(session));
  }

  // `originate DEV PREFIX, …;`
  void originate(const ast::OriginateStmt& s) {
    auto dev = find_device(s.device);
    if (!dev) return;
    for (const ast::Word& w : s.prefixes) {
      if (!name_word(w)) continue;
      auto q = find_prefix(w.text);
      if (!q) {
        error(w, "unknown prefix '" + w.text + "' to originate");
        continue;
      }
      auto& mine = d_.net.originates[*dev];
      if (std::find(mine.begin(), mine.end(), *q) != mine.end()) {
        error(w, "'" + s.device.text + "' originates '" + w.text + "' twice");
        continue;
      }
      mine.push_back(*q);
    }
    if (!d_.net.speaks_bgp(*dev) && !bgp_named_.count(*dev))
      diags_.warning(loc(s.device),
                     "'" + s.device.text + "' has no bgp session: what it originates goes nowhere");
  }

  void faults(const ast::FaultsStmt& s, bool& have_faults) {
    if (have_faults) {
      auto& d = error(s.keyword, "a design has one faults block");
      note(d, faults_loc_, "first block here");
      return;
    }
    have_faults = true;
    faults_loc_ = loc(s.keyword);
    if (s.lines.empty())
      diags_.warning(loc(s.keyword),
                     "empty faults block: no fault is considered, so every verdict is about the "
                     "design as it stands");
    for (const auto& line : s.lines) {
      const std::string& verb = line.verb.text;
      if (verb != "down" && verb != "blackhole" && verb != "common" && verb != "restart" &&
          verb != "mtu") {
        error(line.verb, "unknown fault kind '" + verb +
                             "' (expected down, blackhole, restart, common or mtu)");
        continue;
      }
      if (verb == "restart") {
        if (!line.mode || line.mode->text != "partial") {
          const ast::Node& at = line.mode ? static_cast<const ast::Node&>(*line.mode)
                                          : static_cast<const ast::Node&>(line.args.back());
          error(at, "expected 'partial' after 'restart " + line.args.back().text +
                        "' (a daemon that comes back with half its configuration, DESIGN.md §8)");
          continue;
        }
      } else if (verb == "mtu") {
        if (!line.mode) {
          error(line.args.back(), "expected the MTU after 'mtu " + line.args.back().text +
                                      "' (an integer from 68 to 65535: 'mtu link 500;')");
          continue;
        }
        if (!number(*line.mode, line.mode->text, "the MTU of 'mtu " + line.args.back().text + "'",
                    kMinMtu, kMaxMtu))
          continue;
      } else if (line.mode && verb != "common") {
        error(*line.mode, "expected ',' or ';' after '" + line.args.back().text + "'");
        continue;
      }
      std::optional<double> p;
      if (line.param) {
        p = probability(*line.param);
        if (!p) continue;
      }
      for (const auto& arg : line.args) fault_arg(verb, arg, line.mode, p);
    }
  }

  // `p = VALUE`: a probability in (0, 1], written as a decimal number (1e-3, 0.001).
  std::optional<double> probability(const ast::FaultParam& param) {
    if (param.key.text != "p") {
      error(param.key, "unknown fault parameter '" + param.key.text +
                           "' (expected p, the probability of each event of the line)");
      return std::nullopt;
    }
    const std::string& t = param.value.text;
    char* end = nullptr;
    double v = t.empty() ? 0 : std::strtod(t.c_str(), &end);
    bool numeric = !t.empty() && end == t.c_str() + t.size() &&
                   (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.');
    if (!numeric || !(v > 0) || v > 1) {
      error(
          param.value,
          "p must be a probability greater than 0 and at most 1, such as 1e-3, found '" + t + "'");
      return std::nullopt;
    }
    return v;
  }

  void fault_arg(const std::string& verb, const ast::Word& arg,
                 const boost::optional<ast::Word>& mode, std::optional<double> p) {
    FaultClass c{FaultClass::Kind::down_device, {}, {}, FaultAction::down, loc(arg)};
    c.probability = p;
    const std::string& a = arg.text;
    if (verb == "down") {
      if (a == "device")
        c.kind = FaultClass::Kind::down_device;
      else if (a == "link")
        c.kind = FaultClass::Kind::down_link;
      else if (a == "session")
        c.kind = FaultClass::Kind::down_session;
      else if (a == "tunnel")
        c.kind = FaultClass::Kind::down_tunnel;
      else
        return void(error(
            arg, "unknown fault kind 'down " + a + "' (expected device, link, session or tunnel)"));
      if (a == "tunnel" && d_.net.tunnels.empty())
        diags_.warning(loc(arg), "the design has no tunnel: 'down tunnel' adds no event");
      if (a == "session" && d_.net.bgp_sessions.empty())
        diags_.warning(loc(arg), "the design has no bgp session: 'down session' adds no event");
    } else if (verb == "mtu") {
      if (a != "link" && a != "tunnel")
        return void(error(arg, "unknown fault kind 'mtu " + a + "' (expected link or tunnel)"));
      if (a == "tunnel" && d_.net.tunnels.empty())
        diags_.warning(loc(arg), "the design has no tunnel: 'mtu tunnel' adds no event");
      c.kind = a == "link" ? FaultClass::Kind::mtu_link : FaultClass::Kind::mtu_tunnel;
      c.action = FaultAction::mtu;
      c.mtu = mode->text;
    } else if (verb == "restart") {
      c.kind = FaultClass::Kind::restart_devices;
      c.action = FaultAction::restart;
      if (a == "switch" || a == "router" || a == "firewall")
        c.device_kind = parse_kind(a);
      else if (a != "device")
        return void(error(arg, "unknown fault kind 'restart " + a +
                                   "' (expected router, switch, firewall or device)"));
      bool any = std::any_of(d_.net.devices.begin(), d_.net.devices.end(), [&](const Device& d) {
        return d.transit() && (!c.device_kind || d.kind == *c.device_kind);
      });
      if (!any)
        diags_.warning(loc(arg),
                       "the design has no " +
                           (a == "device" ? std::string("router, switch or firewall") : a) +
                           ": 'restart " + a + " partial' adds no event");
    } else if (verb == "blackhole") {
      if (a == "port") {
        c.kind = FaultClass::Kind::blackhole_port;
      } else if (a == "device") {
        c.kind = FaultClass::Kind::blackhole_devices;
      } else if (a == "switch" || a == "router" || a == "firewall") {
        c.kind = FaultClass::Kind::blackhole_devices;
        c.device_kind = parse_kind(a);
      } else {
        return void(error(arg, "unknown fault kind 'blackhole " + a +
                                   "' (expected switch, router, firewall, device or port)"));
      }
    } else {
      c.kind = FaultClass::Kind::common;
      c.attr = a;
      if (mode) {
        if (mode->text == "down")
          c.action = FaultAction::down;
        else if (mode->text == "blackhole")
          c.action = FaultAction::blackhole;
        else if (mode->text == "restart")
          c.action = FaultAction::restart;
        else
          return void(error(*mode, "expected 'down', 'blackhole' or 'restart' after 'common " + a +
                                       "', found '" + mode->text + "'"));
      }
      bool carried = std::any_of(d_.net.devices.begin(), d_.net.devices.end(),
                                 [&](const Device& d) { return d.attrs.count(a) > 0; }) ||
                     std::any_of(d_.net.links.begin(), d_.net.links.end(),
                                 [&](const Link& l) { return l.attrs.count(a) > 0; });
      if (!carried)
        diags_.warning(loc(arg), "no device or link carries attribute '" + a + "': 'common " + a +
                                     "' adds no event");
    }
    d_.fault_classes.push_back(c);
  }

  void require(const ast::RequireStmt& s) {
    Requirement r;
    r.loc = loc(s);
    bool ok = true;
    const std::string& kind = s.body.kind.text;
    // The clauses (DESIGN.md §3): which kind takes which, each at most once.
    const ast::Clause *tolerate = nullptr, *via = nullptr, *avoid = nullptr, *size = nullptr;
    for (const ast::Clause& c : s.clauses) {
      const std::string& key = c.keyword.text;
      const ast::Clause** slot = key == "tolerate" ? &tolerate
                                 : key == "via"    ? &via
                                 : key == "size"   ? &size
                                                   : &avoid;
      if (key != "tolerate" && kind != "reach") {
        error(c.keyword, "'" + key + "' applies to reach requirements, not to " + kind + " (" +
                             kind + " takes only 'tolerate')");
        ok = false;
        continue;
      }
      if (*slot) {
        auto& d =
            error(c.keyword, "'" + key + "' is given twice in this requirement: give it once");
        note(d, loc((*slot)->keyword), "first given here");
        ok = false;
        continue;
      }
      *slot = &c;
    }
    if (tolerate) {
      if (tolerate->args.size() != 1) {
        error(tolerate->args[1], "'tolerate' takes one number of faults");
        ok = false;
      } else if (auto k = number(tolerate->args[0], tolerate->args[0].text, "tolerate", 0, 8)) {
        r.tolerate = *k;
      } else {
        ok = false;
      }
    }
    if (size) {
      if (size->args.size() != 1) {
        error(size->args[1], "'size' takes one packet size in bytes");
        ok = false;
      } else if (auto n = number(size->args[0], size->args[0].text, "'size'", 1, kMaxMtu)) {
        r.size = *n;
      } else {
        ok = false;
      }
    }
    const auto& eps = s.body.endpoints;
    if (kind == "reach" || kind == "isolate") {
      r.kind = kind == "reach" ? Requirement::Kind::reach : Requirement::Kind::isolate;
      if (name_word(eps[0]) && !d_.net.device_by_name.count(eps[0].text) &&
          find_prefix(eps[0].text))
        return void(error(
            eps[0], "'" + eps[0].text + "' is a prefix: the source of a " + kind + " is a device"));
      auto a = find_device(eps[0]);
      if (!name_word(eps[1])) return;
      auto b = find_prefix(eps[1].text);
      if (!b) {
        error(eps[1], "unknown device or prefix '" + eps[1].text + "'");
        return;
      }
      if (!a) return;
      if (d_.net.is_origin(*b, *a)) {
        if (d_.net.prefixes[*b].is_host())
          return void(error(eps[1], kind + " from '" + eps[0].text + "' to itself"));
        return void(error(eps[1], kind + " from '" + eps[0].text + "' to '" + eps[1].text +
                                      "', which it originates: the flow never leaves it"));
      }
      r.from = *a;
      r.to = *b;
      r.text = kind + " " + eps[0].text + " -> " + eps[1].text;
      // Waypoints and avoided devices: devices other than the source and the destination's
      // origins, each listed once.
      auto devices = [&](const ast::Clause* c, std::vector<DeviceId>& into) {
        if (!c) return;
        const std::string& key = c->keyword.text;
        ok = device_list(c->args, into,
                         [&](const ast::Word& w, DeviceId d) {
                           if (d != r.from && !d_.net.is_origin(r.to, d)) return true;
                           error(w, "'" + key + "' names '" + w.text + "', " +
                                        (d == r.from ? "the source"
                                         : d_.net.prefixes[r.to].is_host()
                                             ? "the destination"
                                             : "an origin of the destination") +
                                        " of the requirement: list devices in between");
                           return false;
                         }) &&
             ok;
        r.text += " " + key + " " + names(into);
      };
      devices(via, r.via);
      devices(avoid, r.avoid);
      for (DeviceId d : r.via)
        if (std::find(r.avoid.begin(), r.avoid.end(), d) != r.avoid.end()) {
          error(avoid->keyword, "device '" + d_.net.devices[d].name +
                                    "' is both a waypoint and avoided: no walk can satisfy both");
          ok = false;
        }
    } else if (kind == "no-export" || kind == "announce") {
      r.kind = kind == "no-export" ? Requirement::Kind::no_export : Requirement::Kind::announce;
      if (!name_word(eps[0])) return;
      auto p = find_prefix(eps[0].text);
      if (!p) return void(error(eps[0], "unknown prefix '" + eps[0].text + "'"));
      auto d = find_device(eps[1]);
      if (!d) return;
      if (!d_.net.speaks_bgp(*d) && !bgp_named_.count(*d))
        return void(error(eps[1], "'" + eps[1].text + "' has no bgp session: " + kind +
                                      " is about what BGP sends to it"));
      r.to = *p;
      r.from = *d;
      r.text = kind + " " + eps[0].text + " to " + eps[1].text;
    } else {
      r.kind = Requirement::Kind::connected;
      if (eps.size() == 1 && eps[0].text == "*") {
        r.all_devices = true;
        for (DeviceId d = 0; d < d_.net.devices.size(); ++d) r.devices.push_back(d);
        r.text = "connected *";
      } else {
        ok = device_list(eps, r.devices) && ok;
        r.text = "connected " + names(r.devices);
        if (ok && r.devices.size() < 2)
          return void(error(s.body, "'connected' needs at least two devices"));
      }
    }
    if (!ok) return;
    if (r.size) r.text += " size " + std::to_string(*r.size);
    if (tolerate) r.text += " tolerate " + std::to_string(r.tolerate);
    d_.net.requirements.push_back(std::move(r));
  }

  const dsl::ParsedDesign& p_;
  dsl::Diagnostics& diags_;
  Design d_;
  bool design_seen_ = false;
  SourceLoc faults_loc_;
  std::map<LinkId, const ast::Attr*> link_cost_set_;
  std::set<DeviceId> bgp_named_;  // devices named by some bgp statement, valid or not
};

}  // namespace

std::optional<Design> resolve(const dsl::ParsedDesign& parsed, dsl::Diagnostics& diags) {
  return Resolver(parsed, diags).run();
}

}  // namespace faultline::models
