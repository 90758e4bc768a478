#include "tests/support/random_design.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <vector>

namespace faultline::testing {

namespace {

class Generator {
 public:
  Generator(std::uint64_t seed, const RandomDesignOptions& opts)
      : rng_(seed),
        risk_rng_(seed ^ 0x5eed5eed5eedULL),
        clause_rng_(seed ^ 0xc1a05e5c1a05eULL),
        route_rng_(seed ^ 0x7a0e7a0e7a0eULL),
        segment_rng_(seed ^ 0x5e6e5e6e5e6eULL),
        bgp_rng_(seed ^ 0xb6b6b6b6b6b6ULL),
        size_rng_(seed ^ 0x51e051e051e0ULL),
        opts_(opts) {}

  std::string run() {
    int n = pick(opts_.min_devices, opts_.max_devices);
    const char* kinds[] = {"switch", "switch",   "switch", "router",
                           "router", "firewall", "host",   "external"};
    const char* oses[] = {"os-a", "os-b", "os-c"};
    const char* sites[] = {"s1", "s2"};
    const int bgp_asns[] = {1, 1, 2, 3};
    out_ << "design \"random-" << seed_text() << "\";\n";
    for (int i = 0; i < n; ++i) {
      kind_.push_back(opts_.plain ? "router" : kinds[pick(0, 7)]);
      out_ << "device d" << i << " " << kind_[i] << " { os = \"" << oses[pick(0, 2)] << "\";";
      if (chance(0.5)) out_ << " site = \"" << sites[pick(0, 1)] << "\";";
      if (opts_.shared_risks && risk(0.4)) out_ << " change = \"" << risk_of("c1", "c2") << "\";";
      if (opts_.routing && route(0.2)) out_ << " preferences = junos;";
      asn_.push_back(opts_.bgp && bgp(0.75) ? bgp_asns[bgp_pick(0, 3)] : 0);
      if (asn_.back()) out_ << " asn = " << asn_.back() << ";";
      if (opts_.sizes && kind_[i] == "host" && sized(0.6)) out_ << " pmtud = off;";
      if (opts_.sizes && sized(0.3)) out_ << " icmp-unreachable = drop;";
      out_ << " }\n";
    }
    ports_.assign(n, 0);
    std::vector<int> transit;
    for (int i = 0; i < n; ++i)
      if (is_transit(i)) transit.push_back(i);

    // MC-LAG domains over disjoint pairs of transit devices, with one or two ICCP links.
    std::vector<std::pair<int, int>> domains;
    std::shuffle(transit.begin(), transit.end(), rng_);
    for (std::size_t i = 0; !opts_.failstop && i + 1 < transit.size() && domains.size() < 2;
         i += 2) {
      if (!chance(0.5)) continue;
      int a = transit[i], b = transit[i + 1];
      std::vector<std::string> iccp;
      for (int k = pick(1, 2); k > 0; --k) iccp.push_back(link(a, b, false));
      out_ << "mclag m" << domains.size() << " { peers = d" << a << ", d" << b << "; iccp = ";
      for (std::size_t k = 0; k < iccp.size(); ++k) out_ << (k ? ", " : "") << iccp[k];
      out_ << "; }\n";
      domains.push_back({a, b});
    }
    // Plain links, parallel links allowed.
    int links = pick(n - 1, 2 * n);
    for (int i = 0; i < links; ++i) {
      int a = pick(0, n - 1), b = pick(0, n - 1);
      if (a == b) continue;
      link(a, b, true);
    }
    // LAGs: plain (2–3 members to one device) and MC-LAG clients (members to both peers).
    int lags = opts_.plain ? 0 : pick(0, 3);
    for (int i = 0; i < lags && n >= 2; ++i) {
      int dev = pick(0, n - 1);
      std::vector<std::string> members;
      if (!domains.empty() && chance(0.6)) {
        auto [a, b] = domains[pick(0, static_cast<int>(domains.size()) - 1)];
        if (dev == a || dev == b) continue;
        for (int k = pick(1, 2); k > 0; --k) members.push_back(link(dev, a, false));
        for (int k = pick(1, 2); k > 0; --k) members.push_back(link(dev, b, false));
      } else {
        int far = pick(0, n - 1);
        if (far == dev) continue;
        for (int k = pick(2, 3); k > 0; --k) members.push_back(link(dev, far, false));
      }
      // Member ports were written as "dX:pN"; the LAG is declared on dev.
      out_ << "lag d" << dev << ":ae" << i << " { members = ";
      for (std::size_t k = 0; k < members.size(); ++k) out_ << (k ? ", " : "") << members[k];
      out_ << ";";
      if (chance(0.4)) out_ << " min-links = " << pick(1, static_cast<int>(members.size())) << ";";
      if (chance(0.5)) out_ << " microbfd = on;";
      if (chance(0.3)) out_ << " cost = " << pick(1, 3) << ";";
      if (opts_.sizes && sized(0.4)) out_ << " mtu = " << mtu() << ";";
      out_ << " }\n";
    }
    if (opts_.routing) routing(n);
    if (opts_.tunnels) tunnels(n);
    if (opts_.bgp) sessions(n);
    faults();
    requirements(n);
    return out_.str();
  }

  void set_seed(std::uint64_t s) { seed_ = s; }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  bool is_transit(int i) const {
    return kind_[i] == "switch" || kind_[i] == "router" || kind_[i] == "firewall";
  }
  std::string seed_text() const { return std::to_string(seed_); }

  // Writes a link a -- b and returns a's port reference.
  std::string link(int a, int b, bool attrs) {
    neighbours_.insert({a, b});
    neighbours_.insert({b, a});
    std::string pa = "d" + std::to_string(a) + ":p" + std::to_string(ports_[a]++);
    std::string pb = "d" + std::to_string(b) + ":p" + std::to_string(ports_[b]++);
    out_ << "link " << pa << " -- " << pb;
    std::string risks;
    if (attrs && opts_.sizes && sized(0.4)) risks += " mtu = " + std::to_string(mtu()) + ";";
    if (opts_.shared_risks && risk(0.4))
      risks += std::string(" conduit = \"") + risk_of("k1", "k2") + "\";";
    if (opts_.shared_risks && risk(0.15))
      risks += std::string(" site = \"") + risk_of("s1", "s2") + "\";";
    if (attrs && (chance(0.3) || chance(0.3))) {
      out_ << " {";
      if (chance(0.5)) out_ << " cost = " << pick(1, 3) << ";";
      if (chance(0.5)) out_ << " bfd = on;";
      out_ << risks << " }\n";
    } else if (!risks.empty()) {
      out_ << " {" << risks << " }\n";
    } else {
      out_ << ";\n";
    }
    return pa;
  }

  // Prefixes p0 (0.0.0.0/0), p1 (10.0.0.0/16), p2 (10.0.1.0/24 inside p1), each declared with
  // some chance at one or two devices; static routes on random devices towards a prefix, a
  // device's host prefix or 0.0.0.0/0, via one or two linked neighbours.
  void routing(int n) {
    const char* ranges[] = {"0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24"};
    for (int i = 0; i < 3; ++i) {
      if (!route(0.6)) continue;
      std::vector<int> origins{route_pick(0, n - 1)};
      if (route(0.4)) {
        int o = route_pick(0, n - 1);
        if (o != origins[0]) origins.push_back(o);
      }
      out_ << "prefix p" << i << " " << ranges[i] << " at ";
      for (std::size_t k = 0; k < origins.size(); ++k) out_ << (k ? ", d" : "d") << origins[k];
      out_ << ";\n";
      prefixes_.push_back({"p" + std::to_string(i), origins});
    }
    // Mostly on transit devices (where walks pass), BFD on half of them: a static's BFD only
    // matters when a walk crosses it towards a gray-failed neighbour.
    std::vector<int> transit;
    for (int k = 0; k < n; ++k)
      if (is_transit(k)) transit.push_back(k);
    int statics = route_pick(1, 6);
    for (int i = 0; i < statics; ++i) {
      int u = !transit.empty() && route(0.7)
                  ? transit[route_pick(0, static_cast<int>(transit.size()) - 1)]
                  : route_pick(0, n - 1);
      std::vector<int> near;
      for (auto [a, b] : neighbours_)
        if (a == u) near.push_back(b);
      if (near.empty()) continue;
      std::shuffle(near.begin(), near.end(), route_rng_);
      std::string dest;
      int what = route_pick(0, 2);
      if (what == 0 && !prefixes_.empty())
        dest = prefixes_[route_pick(0, static_cast<int>(prefixes_.size()) - 1)].first;
      else if (what == 1)
        dest = "d" + std::to_string(route_pick(0, n - 1));
      else
        dest = "0.0.0.0/0";
      out_ << "static d" << u << " " << dest << " via d" << near[0];
      if (near.size() > 1 && route(0.4)) out_ << ", d" << near[1];
      std::string attrs;
      if (route(0.5)) attrs += " bfd = on;";
      if (route(0.4)) attrs += " distance = " + std::to_string(route_pick(1, 3) * 60 - 50) + ";";
      out_ << (attrs.empty() ? ";\n" : " {" + attrs + " }\n");
    }
    segment_statics(n);
  }

  // Static routes towards a neighbour reached through switches only (DESIGN.md §7: a host's
  // default gateway behind its access switch), mostly on hosts, BFD on half: the session's
  // walks through the segment are a scenario choice.  Their own random stream.
  void segment_statics(int n) {
    auto draw = [&](int lo, int hi) {
      return std::uniform_int_distribution<int>(lo, hi)(segment_rng_);
    };
    auto coin = [&](double p) { return std::bernoulli_distribution(p)(segment_rng_); };
    std::vector<int> hosts;
    for (int k = 0; k < n; ++k)
      if (kind_[k] == "host") hosts.push_back(k);
    for (int i = draw(1, 4); i > 0; --i) {
      int u = !hosts.empty() && coin(0.7) ? hosts[draw(0, static_cast<int>(hosts.size()) - 1)]
                                          : draw(0, n - 1);
      // Devices reached from u through switches only, not linked to u.
      std::vector<char> seen(n, 0);
      std::vector<int> stack{u}, far;
      seen[u] = 1;
      while (!stack.empty()) {
        int x = stack.back();
        stack.pop_back();
        for (auto [a, b] : neighbours_) {
          if (a != x || seen[b]) continue;
          seen[b] = 1;
          if (!neighbours_.count({u, b})) far.push_back(b);
          if (kind_[b] == "switch") stack.push_back(b);
        }
      }
      if (far.empty()) continue;
      std::sort(far.begin(), far.end());
      std::shuffle(far.begin(), far.end(), segment_rng_);
      segment_owners_.push_back(u);
      std::string dest = !prefixes_.empty() && coin(0.3)
                             ? prefixes_[draw(0, static_cast<int>(prefixes_.size()) - 1)].first
                             : "0.0.0.0/0";
      out_ << "static d" << u << " " << dest << " via d" << far[0];
      if (far.size() > 1 && coin(0.4)) out_ << ", d" << far[1];
      std::string attrs;
      if (coin(0.5)) attrs += " bfd = on;";
      if (coin(0.3)) attrs += " distance = " + std::to_string(draw(1, 3) * 60 - 50) + ";";
      out_ << (attrs.empty() ? ";\n" : " {" + attrs + " }\n");
    }
  }

  // Tunnels between distinct transit devices (their own stream), with every attribute.
  void tunnels(int n) {
    auto draw = [&](int lo, int hi) {
      return std::uniform_int_distribution<int>(lo, hi)(size_rng_);
    };
    std::vector<int> transit;
    for (int k = 0; k < n; ++k)
      if (is_transit(k)) transit.push_back(k);
    if (transit.size() < 2) return;
    for (int i = draw(1, 2); i > 0; --i) {
      int a = transit[draw(0, static_cast<int>(transit.size()) - 1)];
      int b = transit[draw(0, static_cast<int>(transit.size()) - 1)];
      if (a == b) continue;
      std::string attrs;
      if (sized(0.4)) attrs += sized(0.5) ? " overhead = 100;" : " overhead = 24;";
      if (sized(0.3)) attrs += " mtu = " + std::to_string(sized(0.5) ? 1400 : 1476) + ";";
      if (sized(0.4)) attrs += " mss-clamp = on;";
      if (sized(0.3)) attrs += " df = clear;";
      if (sized(0.4)) attrs += " cost = " + std::to_string(draw(1, 3)) + ";";
      if (sized(0.3)) attrs += " default-cost = " + std::to_string(draw(4, 9)) + ";";
      out_ << "tunnel t" << tunnels_ << " d" << a << " -- d" << b
           << (attrs.empty() ? ";\n" : " {" + attrs + " }\n");
      ++tunnels_;
      tunnel_ends_.push_back({a, b});
    }
  }

  // BGP sessions between devices with an asn: iBGP between transit devices of one AS (some
  // pairs left out: mesh holes), eBGP between linked devices of different ASes; random
  // policies and `originate` lines over the declared prefixes.
  void sessions(int n) {
    auto list = [&] {
      if (prefixes_.empty() || bgp(0.3)) return std::string(bgp(0.5) ? "any" : "none");
      std::string s;
      for (const auto& [name, at] : prefixes_)
        if (bgp(0.5)) s += (s.empty() ? "" : ", ") + name;
      return s.empty() ? std::string("none") : s;
    };
    auto policy = [&](bool ebgp) {
      std::string attrs;
      if (bgp(0.4)) attrs += " export = " + list() + ";";
      if (bgp(0.3)) attrs += " import = " + list() + ";";
      if (ebgp && bgp(0.3)) attrs += " local-pref = " + std::to_string(bgp_pick(1, 3) * 100) + ";";
      return attrs.empty() ? std::string(";\n") : " {" + attrs + " }\n";
    };
    for (int a = 0; a < n; ++a)
      for (int b = a + 1; b < n; ++b) {
        if (!asn_[a] || !asn_[b]) continue;
        const bool ibgp = asn_[a] == asn_[b];
        if (ibgp ? !(is_transit(a) && is_transit(b)) || !bgp(0.7)
                 : !neighbours_.count({a, b}) || !bgp(0.8))
          continue;
        out_ << "bgp d" << a << " -- d" << b << policy(!ibgp);
        if (bgp(0.3)) out_ << "bgp d" << b << " -- d" << a << policy(!ibgp);
        speakers_.push_back(a);
        speakers_.push_back(b);
      }
    for (int d = 0; d < n && !prefixes_.empty(); ++d)
      if (asn_[d] && bgp(0.25))
        out_ << "originate d" << d << " "
             << prefixes_[bgp_pick(0, static_cast<int>(prefixes_.size()) - 1)].first << ";\n";
  }

  void faults() {
    if (opts_.plain) {
      out_ << "faults { down device, link; }\n";
      return;
    }
    if (chance(0.15)) return;  // the default fault model
    std::vector<std::string> lines;
    std::vector<std::string> down;
    if (chance(0.7)) down.push_back("device");
    if (chance(0.7)) down.push_back("link");
    if (!down.empty()) lines.push_back("down " + join(down) + ";");
    std::vector<std::string> bh;
    for (const char* k : {"switch", "router", "firewall", "device", "port"})
      if (!opts_.failstop && chance(k == std::string("port") ? 0.25 : 0.3)) bh.push_back(k);
    if (!bh.empty()) lines.push_back("blackhole " + join(bh) + ";");
    if (chance(0.4))
      lines.push_back(std::string("common os") +
                      (!opts_.failstop && chance(0.5) ? " blackhole" : "") + ";");
    if (chance(0.3))
      lines.push_back(std::string("common site") + (chance(0.3) ? " down" : "") + ";");
    if (opts_.shared_risks && risk(0.5))
      lines.push_back(std::string("common conduit") +
                      (!opts_.failstop && risk(0.4) ? " blackhole" : "") + ";");
    if (opts_.shared_risks && risk(0.4)) lines.push_back("common change;");
    if (opts_.bgp && !speakers_.empty()) {
      if (bgp(0.6)) lines.push_back("restart router partial;");
      if (bgp(0.5)) lines.push_back("down session;");
      if (bgp(0.2)) lines.push_back("common os restart;");
    }
    if (opts_.sizes && sized(0.85))
      lines.push_back(sized(0.5) ? "mtu link 576;" : "mtu link 1400;");
    if (tunnels_ > 0 && sized(0.6)) lines.push_back("down tunnel;");
    if (tunnels_ > 0 && sized(0.6)) lines.push_back("mtu tunnel 500;");
    // A partial restart puts a tunnel's cost at its head end to its default-cost (DESIGN.md
    // §8–§9): the only fault of §8 a design without BGP sessions has.
    if (tunnels_ > 0 && !opts_.bgp && sized(0.3)) lines.push_back("restart router partial;");
    out_ << "faults {\n";
    for (const auto& l : lines) out_ << "  " << l << "\n";
    out_ << "}\n";
  }

  void requirements(int n) {
    int count = pick(1, 3);
    for (int i = 0; i < count; ++i) {
      std::string tol =
          chance(0.5) ? "" : " tolerate " + std::to_string(pick(0, opts_.max_tolerate));
      if (opts_.plain) {
        out_ << "require connected *" << tol << ";\n";
      } else if (chance(0.6)) {
        int a = pick(0, n - 1), b = pick(0, n - 1);
        if (a == b) b = (a + 1) % n;
        out_ << "require " << flow(a, b, n) << tol << ";\n";
      } else if (chance(0.4)) {
        out_ << "require connected *" << tol << ";\n";
      } else {
        std::vector<int> all(n);
        for (int k = 0; k < n; ++k) all[k] = k;
        std::shuffle(all.begin(), all.end(), rng_);
        int m = pick(2, std::min(n, 5));
        std::vector<std::string> names;
        for (int k = 0; k < m; ++k) names.push_back("d" + std::to_string(all[k]));
        out_ << "require connected " << join(names) << tol << ";\n";
      }
    }
    // BGP requirements about a prefix and a device with a session.
    if (opts_.bgp && !speakers_.empty() && !prefixes_.empty())
      for (int k = bgp_pick(1, 2); k > 0; --k) {
        int d = speakers_[bgp_pick(0, static_cast<int>(speakers_.size()) - 1)];
        const auto& p = prefixes_[bgp_pick(0, static_cast<int>(prefixes_.size()) - 1)].first;
        out_ << "require " << (bgp(0.5) ? "no-export " : "announce ") << p << " to d" << d
             << " tolerate " << bgp_pick(0, opts_.max_tolerate) << ";\n";
      }
    // With sizes, a sized flow from a host most of the time (hosts may lack PMTUD; every other
    // device steps down unless ICMP is dropped on the way).
    if (opts_.sizes && sized(0.8)) {
      std::vector<int> hosts;
      for (int k = 0; k < n; ++k)
        if (kind_[k] == "host") hosts.push_back(k);
      auto draw = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(size_rng_);
      };
      int a = !hosts.empty() && sized(0.8) ? hosts[draw(0, static_cast<int>(hosts.size()) - 1)]
                                           : draw(0, n - 1);
      int b = draw(0, n - 1);
      if (a == b) b = (a + 1) % n;
      // Over tunnels (1476 by default) most flows of 1000 fit until an mtu fault collapses one.
      const int sizes[] = {1000, 1500, 9000, 1000};
      out_ << "require reach d" << a << " -> d" << b << " size "
           << sizes[opts_.tunnels ? 3 * draw(0, 1) : draw(0, 2)] << " tolerate "
           << draw(0, opts_.max_tolerate) << ";\n";
    }
    // Per tunnel, most of the time, a 1000-byte flow from near one end to near the other (a
    // host linked to the end when there is one): the walks most likely to cross it.
    for (auto [a, b] : tunnel_ends_) {
      if (!sized(0.7)) continue;
      auto near = [&](int end) {
        for (auto [x, y] : neighbours_)
          if (x == end && kind_[y] == "host" && sized(0.7)) return y;
        return end;
      };
      int from = near(a), to = near(b);
      if (from == to) continue;
      out_ << "require reach d" << from << " -> d" << to << " size 1000 tolerate "
           << std::uniform_int_distribution<int>(0, opts_.max_tolerate)(size_rng_) << ";\n";
    }
    // A flow from a device with a static route over a segment, most of the time: a static
    // only matters on a walk that starts or passes there.
    if (!segment_owners_.empty() && std::bernoulli_distribution(0.7)(segment_rng_)) {
      auto draw = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(segment_rng_);
      };
      int a = segment_owners_[draw(0, static_cast<int>(segment_owners_.size()) - 1)];
      int b = draw(0, n - 1);
      if (a == b) b = (a + 1) % n;
      out_ << "require " << flow(a, b, n) << " tolerate " << draw(0, opts_.max_tolerate) << ";\n";
    }
  }

  // "reach dA -> dB", or with walk_clauses an isolate, or a reach with via and avoid lists of
  // devices other than A and B (drawn from their own stream: the rest of the design is the
  // same as without the option).
  std::string flow(int a, int b, int n) {
    std::string to = "d" + std::to_string(b);
    std::vector<int> origins{b};
    if (opts_.routing && !prefixes_.empty() && route(0.5)) {
      const auto& [name, at] = prefixes_[route_pick(0, static_cast<int>(prefixes_.size()) - 1)];
      if (std::find(at.begin(), at.end(), a) == at.end()) {
        to = name;
        origins = at;
      }
    }
    std::string ends = " d" + std::to_string(a) + " -> " + to;
    if (!opts_.walk_clauses) return "reach" + ends + size();
    if (clause(0.25)) return "isolate" + ends;
    std::vector<int> others;
    for (int k = 0; k < n; ++k)
      if (k != a && std::find(origins.begin(), origins.end(), k) == origins.end())
        others.push_back(k);
    std::shuffle(others.begin(), others.end(), clause_rng_);
    std::string out = "reach" + ends;
    std::size_t used = 0;
    auto list = [&](const char* key) {
      std::size_t m = std::min<std::size_t>(others.size() - used, clause(0.5) ? 1 : 2);
      if (m == 0) return;
      out += std::string(" ") + key + " ";
      for (std::size_t k = 0; k < m; ++k) out += (k ? ", d" : "d") + std::to_string(others[used++]);
    };
    if (clause(0.5)) list("via");
    if (clause(0.4)) list("avoid");
    return out + size();
  }

  static std::string join(const std::vector<std::string>& xs) {
    std::string s;
    for (const auto& x : xs) s += (s.empty() ? "" : ", ") + x;
    return s;
  }

  std::mt19937_64 rng_;
  std::mt19937_64 risk_rng_;  // shared_risks only
  bool risk(double p) { return std::bernoulli_distribution(p)(risk_rng_); }
  const char* risk_of(const char* a, const char* b) { return risk(0.5) ? a : b; }
  std::mt19937_64 clause_rng_;  // walk_clauses only
  bool clause(double p) { return std::bernoulli_distribution(p)(clause_rng_); }
  std::mt19937_64 route_rng_;    // routing only
  std::mt19937_64 segment_rng_;  // routing: static routes over L2 segments
  bool route(double p) { return std::bernoulli_distribution(p)(route_rng_); }
  int route_pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(route_rng_); }
  std::vector<std::pair<std::string, std::vector<int>>> prefixes_;
  std::mt19937_64 bgp_rng_;  // bgp only
  bool bgp(double p) { return std::bernoulli_distribution(p)(bgp_rng_); }
  int bgp_pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(bgp_rng_); }
  std::mt19937_64 size_rng_;  // sizes only
  int tunnels_ = 0;
  std::vector<std::pair<int, int>> tunnel_ends_;
  bool sized(double p) { return std::bernoulli_distribution(p)(size_rng_); }
  int mtu() {
    const int values[] = {1400, 1500, 9000};
    return values[std::uniform_int_distribution<int>(0, 2)(size_rng_)];
  }
  // " size N" on a reach, most of the time with sizes.
  std::string size() {
    if (!opts_.sizes || !sized(0.7)) return "";
    const int values[] = {1000, 1500, 9000};
    return " size " + std::to_string(values[std::uniform_int_distribution<int>(0, 2)(size_rng_)]);
  }
  std::vector<int> asn_;       // per device, 0 = none
  std::vector<int> speakers_;  // devices with a session
  std::set<std::pair<int, int>> neighbours_;
  std::vector<int> segment_owners_;  // devices with a static route over a segment
  RandomDesignOptions opts_;
  std::uint64_t seed_ = 0;
  std::ostringstream out_;
  std::vector<std::string> kind_;
  std::vector<int> ports_;
};

}  // namespace

std::string random_design(std::uint64_t seed, const RandomDesignOptions& opts) {
  Generator g(seed, opts);
  g.set_seed(seed);
  return g.run();
}

}  // namespace faultline::testing
