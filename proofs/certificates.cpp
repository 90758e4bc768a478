// Certificates: the encoding of one requirement, printed by Z3 as SMT-LIB2, with the fault
// bound (or the witness's events) in standard linear integer arithmetic, so that cvc5 reads it
// as well as Z3 (Z3's own `(_ at-most K)` is not SMT-LIB).
#include "proofs/certificates.hpp"

#include "models/features.hpp"

#include <filesystem>
#include <sstream>

#include "report/files.hpp"
#include "report/report.hpp"

namespace faultline::proofs {

using namespace verifier;
using namespace report;

namespace {

namespace fs = std::filesystem;

// SMT-LIB quoted symbols cannot hold '|' or '\': names with them cannot be certified.
bool symbol_safe(const std::string& s) {
  return s.find('|') == std::string::npos && s.find('\\') == std::string::npos;
}

std::string at(const dsl::SourceLoc& loc) {
  return loc.valid() ? loc.str() : std::string("(no location)");
}

// One comment line per line of `text`.
std::string comment(const std::string& text) {
  std::string out = "; ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "; ";
  }
  return out + "\n";
}

constexpr const char* kLegend =
    "Symbols (a suffix after ']' names the copy of the network a variable belongs to):\n"
    "  fault[E]        the fault event E happens (the fault model, DESIGN.md section 4; the\n"
    "                  events and their sources are listed below)\n"
    "  walk[D]         device D is on a walk of the flow that ends in a drop or loops\n"
    "                  (docs/semantics.md, Forwarding: the 'dropped walk' rule)\n"
    "  dist[D]         D's least believed cost to the destination (least-cost forwarding over\n"
    "                  links believed up)\n"
    "  noroute[D]      D believes no path reaches the destination\n"
    "  keeps_peer0[L]  split brain: MC-LAG bundle L keeps its members towards its first peer\n"
    "                  (docs/semantics.md, Bundles)\n"
    "  bfd_up[D~N#i]   the BFD session i of D's static route via N behind switches is up: its\n"
    "                  walks through the L2 segment are delivered both ways (DESIGN.md 7)\n"
    "  W[D>N]          a walk variable of switch D carrying the frame towards N (L2 segment);\n"
    "                  a suffix ~N names N's segment (dist, noroute, its BFD walks)\n"
    "  source[D], dest[D]  connected: the pair of listed devices the violation is about\n"
    "  bgp_up[A--B]    the BGP session between A and B is up (DESIGN.md 8): its ends alive,\n"
    "                  each believing the other reachable, each way's walk delivered\n"
    "  bgp_walk_delivered[D], bgp_walk_dies[D]  a session packet that D forwards towards the\n"
    "                  target after ~bgp~ (iBGP) or ~bgpseg~ (through switches) may arrive / die\n"
    "  bgp_has[D#t], bgp_lp, bgp_len, bgp_ibgp, bgp_asN, bgp_fromK  D's best route for the\n"
    "                  prefix after round t: whether it has one, its local-pref, AS-path length,\n"
    "                  learned over iBGP, AS N in its path, learned from its K-th candidate\n"
    "                  session; the violation holds in the last unrolled round, or the rounds\n"
    "                  have not settled by then (proofs/SOUNDNESS.md section 12)\n";

struct Encoded {
  std::string smt2;                   // declarations and the violation, no check-sat
  std::vector<std::string> literals;  // SMT-LIB name of each universe event's literal
};

Encoded encode(const models::Design& design, const models::Requirement& req,
               const std::vector<std::size_t>& universe) {
  z3::context ctx;
  models::SymbolicFaults faults = models::fault_literals(ctx, design.events, universe);
  Encoded e;
  for (const z3::expr& l : faults.literals) e.literals.push_back("|" + l.decl().name().str() + "|");
  z3::expr violation =
      models::encode_violation({ctx, "", /*smtlib=*/true}, design.net, design.events, req, faults)
          .violation;
  z3::solver s(ctx);
  s.add(violation);
  for (const z3::expr& l : faults.literals) s.add(l || !l);  // declares every literal
  std::string text = s.to_smt2();
  auto cut = text.rfind("(check-sat)");
  e.smt2 = cut == std::string::npos ? text : text.substr(0, cut);
  return e;
}

std::string sum_at_most(const std::vector<std::string>& literals, std::size_t k);

// Whether a proof certificate of `e` at K is unsat (Z3 decides it here, before writing it).
bool rounds_settle(const Encoded& e, std::size_t k) {
  z3::context ctx;
  z3::solver s(ctx);
  s.from_string(("(set-logic QF_LIA)\n" + e.smt2 + sum_at_most(e.literals, k)).c_str());
  return s.check() == z3::unsat;
}

std::string header(const DesignReport& rep, const models::Requirement& req,
                   const RequirementResult& r, const std::vector<std::size_t>& universe,
                   const std::string& claim, const char* expect) {
  const models::Design& d = *rep.design;
  std::ostringstream h;
  h << "faultline " << FAULTLINE_VERSION << " certificate (proofs/SOUNDNESS.md section 8)\n"
    << "design: " << rep.file << " \"" << d.net.name << "\"\n"
    << "requirement: " << req.text << " at " << at(req.loc) << ", K = " << r.tolerate
    << ", decided by: " << r.method << "\n"
    << "claim: " << claim << "\n"
    << "expect: " << expect << "\n\n"
    << kLegend << "\nFault events of the requirement (" << universe.size() << "):\n";
  for (std::size_t i : universe) {
    const models::FaultEvent& ev = d.events[i];
    h << "  fault[" << ev.name << "]  " << at(ev.loc) << "; from '" << ev.origin << "' at "
      << at(ev.cause) << "\n";
  }
  return comment(h.str());
}

std::string sum_at_most(const std::vector<std::string>& literals, std::size_t k) {
  if (literals.empty()) return "";
  std::string terms;
  for (const auto& l : literals) terms += " (ite " + l + " 1 0)";
  std::string sum = literals.size() == 1 ? terms.substr(1) : "(+" + terms + ")";
  return "; at most K = " + std::to_string(k) + " fault events\n(assert (<= " + sum + " " +
         std::to_string(k) + "))\n";
}

}  // namespace

std::optional<std::size_t> write_certificates(const std::string& dir, const DesignReport& rep,
                                              std::ostream& err) {
  std::size_t written = 0;
  if (!rep.design) return written;
  const models::Design& d = *rep.design;
  auto safe = [&]() {
    for (const auto& dev : d.net.devices)
      if (!symbol_safe(dev.name)) return false;
    for (std::size_t g = 0; g < d.net.lags.size(); ++g)
      if (!symbol_safe(d.net.lag_name(static_cast<models::LagId>(g)))) return false;
    for (const auto& ev : d.events)
      if (!symbol_safe(ev.name)) return false;
    return true;
  };
  if (!safe()) {
    err << "faultline: error: " << rep.file
        << ": cannot certify: a name holds '|' or '\\', which SMT-LIB symbols cannot\n";
    return std::nullopt;
  }
  fs::path folder = fs::path(dir) / design_folder(rep.file);
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    err << "faultline: error: cannot create '" << folder.string() << "': " << ec.message() << "\n";
    return std::nullopt;
  }
  for (const CheckedRequirement& c : rep.requirements) {
    const RequirementResult& r = c.result;
    if (r.status == Status::unknown) continue;
    models::Requirement req = d.net.requirements[r.requirement];
    req.tolerate = r.tolerate;
    std::vector<std::size_t> universe = models::requirement_universe(d.net, d.events, req);
    Encoded e = encode(d, req, universe);
    if (d.net.has_bgp() && r.status == Status::proved && !rounds_settle(e, r.tolerate)) {
      // The formula also holds where the unrolled rounds have not settled (the explicit rounds
      // judged those sets: SOUNDNESS.md §12), so it is no proof a solver could re-check.
      err << "faultline: warning: " << rep.file << ":" << req.loc.line() << ": " << req.text
          << ": not certified: for some fault set the BGP rounds do not settle within the "
             "unrolled rounds\n";
      continue;
    }
    std::string stem = "L" + std::to_string(req.loc.line());
    if (r.status == Status::proved) {
      std::string text =
          header(rep, req, r, universe,
                 "no set of at most " + std::to_string(r.tolerate) +
                     " of these events violates the requirement: the formula is unsat",
                 "unsat") +
          "(set-logic QF_LIA)\n" + e.smt2 + sum_at_most(e.literals, r.tolerate) +
          "(check-sat)\n(exit)\n";
      if (!write_atomically((folder / (stem + ".unsat.smt2")).string(), text, err))
        return std::nullopt;
      ++written;
      continue;
    }
    for (std::size_t n = 0; n < r.violations.size(); ++n) {
      const Violation& v = r.violations[n];
      std::string fixed = "; the events of minimal violating set " + std::to_string(n + 1) +
                          " happen, no other does\n";
      for (std::size_t i = 0; i < universe.size(); ++i) {
        bool in = std::find(v.events.begin(), v.events.end(), universe[i]) != v.events.end();
        fixed += in ? "(assert " + e.literals[i] + ")\n" : "(assert (not " + e.literals[i] + "))\n";
      }
      std::string text =
          header(rep, req, r, universe,
                 "the events of set " + std::to_string(n + 1) + " (" + set_line(d, v) +
                     ") violate the requirement: the formula is sat",
                 "sat") +
          "(set-logic QF_LIA)\n" + e.smt2 + fixed + "(check-sat)\n(exit)\n";
      if (!write_atomically(
              (folder / (stem + ".set" + std::to_string(n + 1) + ".sat.smt2")).string(), text, err))
        return std::nullopt;
      ++written;
    }
  }
  return written;
}

}  // namespace faultline::proofs
