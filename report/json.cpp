// The JSON report, schema 1 (docs/json.md).  Keys keep their insertion order.
#include <cctype>
#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "report/words.hpp"
#include "verifier/criticality.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

namespace {

using json = nlohmann::ordered_json;

json location(const dsl::SourceLoc& loc) {
  return json{
      {"file", loc.file ? loc.file->path() : ""}, {"line", loc.line()}, {"column", loc.column()}};
}

json count(Count v) {
  if (v <= std::numeric_limits<std::uint64_t>::max()) return json(static_cast<std::uint64_t>(v));
  return json(to_decimal(v));  // beyond 2^64: exact, as a string
}

json diagnostics_json(const std::vector<dsl::Diagnostic>& diags) {
  json out = json::array();
  for (const auto& d : diags) {
    json j = location(d.loc);
    j["severity"] = d.severity == dsl::Severity::error     ? "error"
                    : d.severity == dsl::Severity::warning ? "warning"
                                                           : "note";
    j["message"] = d.message;
    out.push_back(j);
  }
  return out;
}

// Violating sets with their explanations (the same order), as JSON.
json violations_json(const models::Design& d, const std::vector<Violation>& violations,
                     const std::vector<Explanation>& explanations) {
  json vs = json::array();
  for (std::size_t i = 0; i < violations.size(); ++i) {
    const Explanation& e = explanations[i];
    json v;
    json names = json::array();
    for (std::size_t ev : violations[i].events) names.push_back(d.events[ev].name);
    v["events"] = names;
    if (violations[i].probability) v["probability"] = *violations[i].probability;
    v["source"] = e.source;
    v["destination"] = e.destination;
    if (e.bgp) {  // DESIGN.md §8: what BGP did, in place of a walk
      const verifier::BgpFact& b = *e.bgp;
      using K = verifier::BgpFact::Kind;
      json g{{"outcome", b.kind == K::leak            ? "leak"
                         : b.kind == K::not_announced ? "not-announced"
                                                      : "no-convergence"},
             {"prefix", b.prefix},
             {"to", b.to}};
      if (b.kind == K::leak) {
        g["sender"] = b.sender;
        g["session"] = b.session;
        g["as_path"] = b.path;
        g["learned_from"] = b.learned_from.empty() ? json(nullptr) : json(b.learned_from);
        g["sender_restarted"] = b.sender_restarted;
        g["route_way"] = b.chain;
      }
      if (b.kind == K::not_announced) {
        json stops = json::array();
        for (const auto& st : b.stops) stops.push_back(stop_sentence(st));
        g["stopped"] = stops;
      }
      if (b.kind == K::no_convergence) g["cycle"] = b.cycle;
      g["detail"] = drop_sentence(e);
      v["bgp"] = g;
      vs.push_back(v);
      continue;
    }
    json walk = json::array();
    for (const Hop& h : e.walk) {
      json hop{{"device", h.device}};
      if (!h.in.empty()) hop["in"] = h.in;
      if (!h.out.empty()) hop["out"] = h.out;
      if (!h.via.empty()) hop["via"] = h.via;
      if (!h.carried_to.empty()) hop["carried_to"] = h.carried_to;
      if (!h.tunnel.empty()) {
        hop["tunnel"] = h.tunnel;
        json underlay = json::array();
        for (const Hop& u : h.underlay) {
          json step{{"device", u.device}};
          if (!u.in.empty()) step["in"] = u.in;
          if (!u.out.empty()) step["out"] = u.out;
          underlay.push_back(step);
        }
        hop["underlay"] = underlay;
      }
      if (h.route) {
        const RouteUsed& r = *h.route;
        std::string source = models::source_name(r.source);
        for (char& ch : source)
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        json route{{"source", source}, {"prefix", r.prefix}, {"distance", r.distance}};
        if (r.source == models::RouteSource::igp || r.source == models::RouteSource::ibgp)
          route["cost"] = r.cost;
        if (!r.peer.empty()) route["peer"] = r.peer;
        if (r.restart_cost) {
          route["restart_cost"] = r.restart_cost->first;
          route["configured_cost"] = r.restart_cost->second;
        }
        if (r.source == models::RouteSource::static_route) {
          route["via"] = r.via;
          route["installed"] = r.installed;
          route["bfd"] = r.bfd;
        }
        hop["route"] = route;
      }
      walk.push_back(hop);
    }
    v["walk"] = walk;
    json drop{{"device", e.drop.device}, {"reason", drop_reason_name(e.drop.reason)}};
    if (!e.drop.port.empty()) drop["port"] = e.drop.port;
    if (!e.drop.waypoints.empty()) drop["waypoints"] = e.drop.waypoints;
    if (const auto& t = e.drop.too_big) {
      json size{{"packets", t->packets}, {"hop", t->hop},         {"mtu", t->mtu},
                {"min_mtu", t->min_mtu}, {"min_hop", t->min_hop}, {"pmtud", t->no_pmtud.empty()}};
      if (t->configured) size["configured_mtu"] = *t->configured;
      if (!t->icmp_dropper.empty()) size["icmp_dropped_by"] = t->icmp_dropper;
      if (!t->tunnel.empty()) size["tunnel"] = t->tunnel;
      if (t->underlay_mtu) {
        size["underlay_mtu"] = *t->underlay_mtu;
        size["underlay_hop"] = t->underlay_hop;
        size["overhead"] = t->overhead;
      }
      if (!t->clamp_tunnel.empty())
        size["clamped_by"] = {{"tunnel", t->clamp_tunnel}, {"mtu", t->clamp}};
      if (!t->black_hole_tunnel.empty())
        size["black_hole"] = {{"tunnel", t->black_hole_tunnel},
                              {"head_end", t->black_hole_head},
                              {"icmp_dropped_by", t->black_hole_dropper}};
      drop["size"] = size;
    }
    drop["detail"] = drop_sentence(e);
    v["drop"] = drop;
    json unnoticed = json::array(), state = json::array();
    for (const auto& u : e.unnoticed) unnoticed.push_back(unnoticed_sentence(u));
    for (const auto& s : e.state) state.push_back(state_sentence(s));
    v["unnoticed"] = unnoticed;
    v["state"] = state;
    vs.push_back(v);
  }
  return vs;
}

json requirement_json(const models::Design& d, const CheckedRequirement& c,
                      const ReportOptions& opts) {
  const RequirementResult& r = c.result;
  const models::Requirement& req = d.net.requirements[r.requirement];
  json j;
  j["kind"] = req.kind == models::Requirement::Kind::reach       ? "reach"
              : req.kind == models::Requirement::Kind::isolate   ? "isolate"
              : req.kind == models::Requirement::Kind::no_export ? "no-export"
              : req.kind == models::Requirement::Kind::announce  ? "announce"
                                                                 : "connected";
  if (req.about_bgp()) {
    j["prefix"] = d.net.prefixes[req.to].name;
    j["to"] = d.net.devices[req.from].name;
  }
  if (req.one_flow()) {
    j["from"] = d.net.devices[req.from].name;
    j["to"] = d.net.prefixes[req.to].name;
    auto names = [&](const std::vector<models::DeviceId>& list) {
      json a = json::array();
      for (auto dev : list) a.push_back(d.net.devices[dev].name);
      return a;
    };
    if (!req.via.empty()) j["via"] = names(req.via);
    if (!req.avoid.empty()) j["avoid"] = names(req.avoid);
    if (req.size) j["size"] = *req.size;
  } else {
    json devs = json::array();
    if (req.all_devices)
      devs.push_back("*");
    else
      for (auto dev : req.devices) devs.push_back(d.net.devices[dev].name);
    j["devices"] = devs;
  }
  j["tolerate"] = r.tolerate;
  j["line"] = req.loc.line();
  j["column"] = req.loc.column();
  j["text"] = req.text;
  j["status"] = status_name(r.status);
  j["events_considered"] = r.events_considered;
  j["method"] = r.method;
  if (r.status == Status::proved) j["combinations"] = count(r.combinations);
  j["complete"] = r.complete;
  if (!r.unknown_reason.empty()) j["reason"] = r.unknown_reason;
  if (r.probability) j["probability"] = *r.probability;
  if (r.violations.size() < r.violation_count) j["violation_count"] = r.violation_count;
  j["violations"] = violations_json(d, r.violations, c.explanations);
  if (r.degree) {
    json deg{
        {"value", r.degree->value}, {"exact", r.degree->exact}, {"complete", r.degree->complete}};
    if (r.degree->unbreakable) deg["unbreakable"] = true;
    if (!r.degree->reason.empty()) deg["reason"] = r.degree->reason;
    deg["count"] = r.degree->count;
    deg["sets"] = violations_json(d, r.degree->sets, c.degree_explanations);
    j["degree"] = deg;
  }
  if (opts.stats) {
    j["stats"] = {{"method_reason", r.method_reason},
                  {"solver_calls", r.stats.solver_calls},
                  {"encode_seconds", r.stats.encode_seconds},
                  {"search_seconds", r.stats.search_seconds},
                  {"explain_seconds", r.stats.explain_seconds}};
  }
  return j;
}

}  // namespace

void write_json(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts) {
  json designs = json::array();
  for (const DesignReport& rep : reports) {
    json jd;
    jd["file"] = rep.file;
    if (!rep.design) {
      jd["status"] = verdict_name(verdict(rep));
      jd["requirements"] = json::array();
      jd["diagnostics"] = diagnostics_json(rep.diagnostics);
      designs.push_back(jd);
      continue;
    }
    const models::Design& d = *rep.design;
    jd["design"] = d.net.name;
    jd["status"] = verdict_name(verdict(rep));
    json reqs = json::array();
    for (const auto& c : rep.requirements) reqs.push_back(requirement_json(d, c, opts));
    jd["requirements"] = reqs;
    jd["diagnostics"] = diagnostics_json(rep.diagnostics);
    if (opts.criticality) {
      json table = json::array();
      for (const RiskRow& r : criticality(rep)) {
        table.push_back({{"event", d.events[r.event].name},
                         {"smallest_set", r.smallest},
                         {"requirements", r.requirements},
                         {"sets", r.sets}});
        if (r.probability) table.back()["probability"] = *r.probability;
      }
      jd["criticality"] = table;
      jd["criticality_complete"] = criticality_gaps(rep).empty();
    }
    if (opts.stats) {
      jd["stats"] = {{"events", d.events.size()},
                     {"parse_seconds", rep.times.parse},
                     {"resolve_seconds", rep.times.resolve},
                     {"search_seconds", rep.times.search},
                     {"explain_seconds", rep.times.explain}};
    }
    designs.push_back(jd);
  }
  json root{{"schema", 1},
            {"tool", {{"name", "faultline"}, {"version", FAULTLINE_VERSION}}},
            {"designs", designs}};
  out << root.dump(2) << "\n";
}

void write_faults_json(std::ostream& out, const std::vector<DesignReport>& reports) {
  json designs = json::array();
  for (const DesignReport& rep : reports) {
    json jd{{"file", rep.file}};
    json evs = json::array();
    if (rep.design) {
      for (const auto& e : rep.design->events) {
        json j{{"name", e.name}, {"origin", e.origin}};
        j["declared"] = location(e.loc);
        if (e.cause.valid()) j["cause_line"] = e.cause.line();
        evs.push_back(j);
      }
    }
    jd["events"] = evs;
    designs.push_back(jd);
  }
  out << json{{"schema", 1}, {"designs", designs}}.dump(2) << "\n";
}

}  // namespace faultline::report
