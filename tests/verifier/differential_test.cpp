// Differential test: on seeded random designs, the smt engine (with and without the fail-stop
// fast path) and the enumerate oracle must agree on every status, every events_considered and
// every minimal violating set; and every reported set must really be minimal (no proper subset
// violates, checked by the simulator).
//   faultline_differential [--designs N] [--shard I/N] [--seed S] [--max-tolerate K] [--first-seed
//   S] [--write DIR]
// --write DIR writes each design to DIR/random-SEED[-options].fl instead of checking it
// (tests/refactor/snapshot.sh runs the product on them).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "dsl/parse.hpp"
#include "models/resolve.hpp"
#include "tests/support/random_design.hpp"
#include "tests/support/sets.hpp"
#include "verifier/check.hpp"

using namespace faultline;

namespace {

std::map<std::string, std::size_t> methods_used;  // requirements per method, for the summary

std::string show(const testing::EventSets& sets) {
  std::string s;
  for (const auto& set : sets) {
    s += "  {";
    for (std::size_t i = 0; i < set.size(); ++i) s += (i ? ", " : "") + set[i];
    s += "}\n";
  }
  return s.empty() ? "  (none)\n" : s;
}

// Every proper subset of `set` must hold (checked with the explicit simulator).
bool minimal(const models::Design& d, const models::Requirement& req,
             const std::vector<std::size_t>& set) {
  std::size_t n = set.size();
  for (std::uint64_t mask = 0; mask + 1 < (std::uint64_t{1} << n); ++mask) {
    std::vector<std::size_t> sub;
    for (std::size_t i = 0; i < n; ++i)
      if (mask >> i & 1) sub.push_back(set[i]);
    if (models::find_violation(d.net, req, models::apply_events(d.net, d.events, sub)))
      return false;
  }
  return true;
}

// Returns an error description, or "" when the engines agree.
std::string compare(std::uint64_t seed, const std::string& text) {
  dsl::Diagnostics diags;
  auto parsed = dsl::parse_text("random-" + std::to_string(seed) + ".fl", text, diags);
  auto design = diags.has_errors() ? std::nullopt : models::resolve(parsed, diags);
  if (!design) {
    std::ostringstream o;
    diags.render(o);
    return "generated design does not resolve:\n" + o.str();
  }
  for (std::size_t i = 0; i < design->net.requirements.size(); ++i) {
    const auto& req = design->net.requirements[i];
    verifier::SearchOptions fast, z3_only, oracle;
    z3_only.fast_path = false;
    oracle.engine = verifier::Engine::enumerate;
    auto b = verifier::check_requirement(*design, i, oracle).result;
    for (const auto* opts : {&fast, &z3_only}) {
      auto a = verifier::check_requirement(*design, i, *opts).result;
      ++methods_used[a.method];
      std::string what = "requirement '" + req.text + "' (method " + a.method + "): ";
      if (a.status != b.status)
        return what + "status " + a.method + "=" + verifier::status_name(a.status) +
               " enumerate=" + verifier::status_name(b.status) +
               (a.unknown_reason.empty() ? "" : " (" + a.unknown_reason + ")");
      if (a.events_considered != b.events_considered) return what + "events_considered differ";
      auto sa = testing::set_names(*design, a), sb = testing::set_names(*design, b);
      if (sa != sb)
        return what + "minimal sets differ\n" + a.method + ":\n" + show(sa) + "enumerate:\n" +
               show(sb);
    }
    for (const auto& v : b.violations)
      if (!minimal(*design, req, v.events))
        return "requirement '" + req.text + "': a reported set is not minimal";
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t designs = 300, shard = 0, shards = 1;
  std::optional<std::uint64_t> only;
  std::uint64_t first = 1;
  std::string write_dir;
  testing::RandomDesignOptions opts;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--designs")
      designs = std::stoull(v);
    else if (a == "--shard") {
      shard = std::stoull(v.substr(0, v.find('/')));
      shards = std::stoull(v.substr(v.find('/') + 1));
    } else if (a == "--seed")
      only = std::stoull(v);
    else if (a == "--max-tolerate")
      opts.max_tolerate = std::stoi(v);
    else if (a == "--first-seed")
      first = std::stoull(v);
    else if (a == "--write")
      write_dir = v;
    else if (a == "--failstop")
      opts.failstop = v == "on";
    else if (a == "--shared-risks")
      opts.shared_risks = v == "on";
    else if (a == "--walk-clauses")
      opts.walk_clauses = v == "on";
    else if (a == "--routing")
      opts.routing = v == "on";
    else if (a == "--bgp")
      opts.bgp = opts.routing = v == "on";
    else if (a == "--sizes")
      opts.sizes = v == "on";
    else if (a == "--tunnels")
      opts.tunnels = opts.sizes = v == "on";
    else if (a == "--plain")
      opts.plain = opts.failstop = v == "on";
    else {
      std::cerr << "faultline_differential: unknown option '" << a << "'\n";
      return 2;
    }
  }
  std::size_t passed = 0, failed = 0;
  for (std::uint64_t seed = first; seed < first + designs; ++seed) {
    if (only ? seed != *only : (seed % shards) != shard) continue;
    std::string text = testing::random_design(seed, opts);
    if (!write_dir.empty()) {
      std::string tag = std::string(opts.failstop ? "-failstop" : "") +
                        (opts.plain ? "-plain" : "") + (opts.shared_risks ? "-risks" : "") +
                        (opts.walk_clauses ? "-clauses" : "") + (opts.routing ? "-routing" : "") +
                        (opts.bgp ? "-bgp" : "") + (opts.sizes ? "-sizes" : "") + (opts.tunnels ? "-tunnels" : "") + "-k" +
                        std::to_string(opts.max_tolerate);
      std::ofstream(write_dir + "/random-" + std::to_string(seed) + tag + ".fl") << text;
      continue;
    }
    std::string err = compare(seed, text);
    if (err.empty()) {
      ++passed;
    } else {
      ++failed;
      std::cerr << "seed " << seed << ": " << err << "\n--- design (rerun with --seed " << seed
                << ")\n"
                << text << "---\n";
    }
  }
  std::cout << "requirements by method:";
  for (const auto& [m, n] : methods_used) std::cout << " " << m << " " << n;
  std::cout << "\ndifferential: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
