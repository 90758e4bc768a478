#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "batch/audit.hpp"
#include "cli/cli.hpp"
#include "verifier/criticality.hpp"
#include "report/report.hpp"

using namespace faultline;

namespace {
struct Run {
  int code;
  std::string out, err;
};
Run run(std::vector<std::string> args) {
  std::vector<const char*> argv{"faultline"};
  for (auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = cli::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}
std::string example(const std::string& rel) {
  return std::string(FAULTLINE_SOURCE_DIR) + "/examples/" + rel;
}
}  // namespace

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
  CHECK(run({}).code == 2);
  CHECK(run({"frob"}).err.find("unknown command 'frob'") != std::string::npos);
  CHECK(run({"check"}).err.find("no design file given") != std::string::npos);
  CHECK(run({"check", "x.fl", "--engine", "magic"}).code == 2);
  CHECK(run({"check", "x.fl", "--timeout", "-1"}).code == 2);
  CHECK(run({"check", "x.fl", "--jobs", "0"}).err.find("--jobs takes a number from 1 to 1024") !=
        std::string::npos);
  // The memory budget is the process's growth: threads would share it.
  CHECK(run({"check", "x.fl", "--jobs", "2", "--memory", "64"}).err.find("give one or the other") !=
        std::string::npos);
  // A generous budget changes nothing (Z3's watermark is in bytes: 1024 once meant 1 kB).
  CHECK(run({"check", example("leaf-spine.fl"), "--jobs", "1", "--memory", "1024"}).code == 0);
  CHECK(run({"check", "x.fl", "--k", "9"}).err.find("--k takes a number of faults from 0 to 8") !=
        std::string::npos);
  CHECK(run({"check", "x.fl", "--k", "-1"}).code == 2);
  CHECK(run({"check", "x.fl", "--k"}).code == 2);
  CHECK(run({"check", "x.fl", "--limit", "0"}).err.find("--limit takes a number of sets") !=
        std::string::npos);
  CHECK(run({"check", "x.fl", "--limit", "-3"}).code == 2);
  CHECK(run({"check", "x.fl", "--bogus"}).err.find("unknown option '--bogus'") !=
        std::string::npos);
  CHECK(run({"--help"}).code == 0);
}

TEST_CASE("an unreadable file is bad input", "[cli]") {
  auto r = run({"check", "/nonexistent/design.fl"});
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot read '/nonexistent/design.fl'") != std::string::npos);
}

TEST_CASE("exit codes follow the verdicts", "[cli]") {
  CHECK(run({"check", example("incidents/mclag-edge-pop.fl")}).code == 1);
  CHECK(run({"check", example("leaf-spine.fl")}).code == 0);
  // Bad input outranks a violation when several files are checked.
  CHECK(run({"check", example("leaf-spine.fl"), "/nonexistent.fl"}).code == 2);
}

TEST_CASE("JSON follows the schema-1 core", "[cli][json]") {
  auto r = run({"check", "--format", "json", example("incidents/mclag-edge-pop.fl")});
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == 1);
  const auto& req = j["designs"][0]["requirements"][0];
  CHECK(req["kind"] == "reach");
  CHECK(req["from"] == "edge1");
  CHECK(req["to"] == "edge2");
  CHECK(req["tolerate"] == 1);
  CHECK(req["line"] == 28);
  CHECK(req["status"] == "violated");
  CHECK(req["events_considered"] == 13);
  REQUIRE(req["violations"].size() == 4);
  CHECK(req["violations"][0]["events"] == nlohmann::json::array({"blackhole ca1"}));
  CHECK(req["violations"][0]["walk"][0]["device"] == "edge1");
  CHECK(req["violations"][0]["drop"]["device"] == "ca1");
}

TEST_CASE("faults lists the universe with locations", "[cli]") {
  auto r = run({"faults", example("incidents/mclag-edge-pop.fl")});
  CHECK(r.code == 0);
  CHECK(r.out.find("16 fault events") != std::string::npos);
  CHECK(r.out.find(":10:1: down ca1:et-0/0/0--ca2:et-0/0/0  (down link, line 23)") !=
        std::string::npos);
}

TEST_CASE("the stats option adds the method, solver calls and phase times", "[cli]") {
  auto r = run({"check", "--stats", example("leaf-spine.fl")});
  CHECK(r.code == 0);
  CHECK(r.out.find("  stats: method explicit (not one flow whose features are all on the "
                   "hot-event list; the search is small, SOUNDNESS.md §9") != std::string::npos);
  CHECK(r.out.find(" judgements, encode ") != std::string::npos);  // explicit: no solver
  CHECK(r.out.find("  phases: parse ") != std::string::npos);
  auto plain = run({"check", example("leaf-spine.fl")});
  CHECK(plain.out.find("stats:") == std::string::npos);
}

TEST_CASE("fail-stop requirements take the fast path unless --no-fast-path", "[cli]") {
  auto fast = nlohmann::json::parse(
      run({"check", "--format", "json", example("incidents/twin-core-routers.fl")}).out);
  auto z3 = nlohmann::json::parse(run({"check", "--format", "json", "--no-fast-path",
                                       example("incidents/twin-core-routers.fl")})
                                      .out);
  const auto& a = fast["designs"][0]["requirements"];
  const auto& b = z3["designs"][0]["requirements"];
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i]["method"] == "failstop");
    CHECK(b[i]["method"] == "smt");
    CHECK(a[i]["status"] == b[i]["status"]);
    CHECK(a[i]["violations"] == b[i]["violations"]);
  }
}

TEST_CASE("faults --format json lists every event with its declaration", "[cli][json]") {
  auto r = run({"faults", "--format", "json", example("incidents/mclag-edge-pop.fl")});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& events = j["designs"][0]["events"];
  REQUIRE(events.size() == 16);
  CHECK(events[0]["name"] == "down ca1");
  CHECK(events[0]["origin"] == "down device");
  CHECK(events[0]["declared"]["line"] == 4);
  CHECK(events[15]["name"] == "common os=junos 22.4 down");
}

TEST_CASE("option --k overrides every tolerate, in the verdict and in the report",
          "[cli][degree]") {
  // The repaired PoP is proved at its K = 1 and broken by pairs: --k 2 must find them.
  auto one = run({"check", example("incidents/mclag-edge-pop-repaired.fl"), "--format", "json"});
  auto two = run(
      {"check", example("incidents/mclag-edge-pop-repaired.fl"), "--format", "json", "--k", "2"});
  CHECK(one.code == 0);
  CHECK(two.code == 1);
  auto j = nlohmann::json::parse(two.out);
  for (const auto& r : j["designs"][0]["requirements"]) {
    CHECK(r["tolerate"] == 2);
    for (const auto& v : r["violations"]) CHECK(v["events"].size() == 2);
  }
  auto zero = run({"check", example("incidents/mclag-edge-pop.fl"), "--k", "0"});
  CHECK(zero.code == 0);  // the incident's design works with no fault
}

TEST_CASE("option --degree reports what each requirement tolerates and what breaks it next",
          "[cli][degree]") {
  auto r =
      run({"check", example("incidents/twin-core-routers.fl"), "--format", "json", "--degree"});
  auto j = nlohmann::json::parse(r.out);
  for (const auto& q : j["designs"][0]["requirements"]) {
    INFO(q["text"]);
    REQUIRE(q.contains("degree"));
    const auto& deg = q["degree"];
    CHECK(deg["exact"] == true);
    if (q["status"] == "violated") {
      // The violations are the smallest sets: degree = their size - 1, none listed again.
      CHECK(deg["value"] == q["violations"][0]["events"].size() - 1);
      CHECK(deg["sets"].empty());
    } else {
      CHECK(deg["value"] == q["tolerate"]);
      REQUIRE(!deg["sets"].empty());
      for (const auto& s : deg["sets"])
        CHECK(s["events"].size() == q["tolerate"].get<std::size_t>() + 1);
    }
  }
  auto plain = run({"check", example("incidents/twin-core-routers.fl"), "--format", "json"});
  CHECK(!nlohmann::json::parse(plain.out)["designs"][0]["requirements"][0].contains("degree"));
}

TEST_CASE("option --limit lists the first N sets and keeps the count exact", "[cli][degree]") {
  auto all = run({"check", example("leaf-spine.fl"), "--format", "json", "--k", "2"});
  auto two =
      run({"check", example("leaf-spine.fl"), "--format", "json", "--k", "2", "--limit", "2"});
  CHECK(all.code == two.code);
  auto a = nlohmann::json::parse(all.out)["designs"][0]["requirements"];
  auto b = nlohmann::json::parse(two.out)["designs"][0]["requirements"];
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i]["violations"].size() > 2);
    CHECK(!a[i].contains("violation_count"));  // nothing left out
    CHECK(b[i]["violation_count"] == a[i]["violations"].size());
    REQUIRE(b[i]["violations"].size() == 2);
    CHECK(b[i]["violations"][0] == a[i]["violations"][0]);
    CHECK(b[i]["violations"][1] == a[i]["violations"][1]);
  }
}

TEST_CASE("option --criticality ranks events by the smallest set they break a requirement with",
          "[cli][degree]") {
  for (const char* ex :
       {"leaf-spine.fl", "incidents/mclag-edge-pop.fl", "incidents/twin-core-routers.fl"}) {
    INFO(ex);
    auto r = run({"check", example(ex), "--format", "json", "--criticality"});
    auto design = nlohmann::json::parse(r.out)["designs"][0];
    REQUIRE(design.contains("criticality"));
    // Recount from the listed sets: violations within K and breaking sets beyond it.
    std::map<std::string, std::size_t> sets, smallest;
    for (const auto& q : design["requirements"]) {
      std::vector<nlohmann::json> all(q["violations"].begin(), q["violations"].end());
      if (q.contains("degree"))
        for (const auto& s : q["degree"]["sets"]) all.push_back(s);
      for (const auto& s : all)
        for (const auto& e : s["events"]) {
          std::string name = e;
          ++sets[name];
          auto& m = smallest[name];
          if (m == 0 || s["events"].size() < m) m = s["events"].size();
        }
    }
    const auto& table = design["criticality"];
    CHECK(table.size() == sets.size());
    std::size_t previous = 0;
    for (const auto& row : table) {
      std::string name = row["event"];
      CHECK(row["sets"] == sets[name]);
      CHECK(row["smallest_set"] == smallest[name]);
      CHECK(row["smallest_set"].get<std::size_t>() >= previous);  // ranked
      previous = row["smallest_set"];
    }
  }
  // The leaf-spine fabric has no single point of failure; its top risks are the shared releases.
  auto leaf = run({"check", example("leaf-spine.fl"), "--criticality"});
  CHECK(leaf.out.find("  no single point of failure\n  1. common os=") != std::string::npos);
}

TEST_CASE("graph draws prefixes at their origins and static routes to their next hops",
          "[cli]") {
  auto g = run({"graph", example("routing/gateway-behind-switch.fl")});
  CHECK(g.code == 0);
  CHECK(g.out.find("\"prefix internet\" [shape=note, fontsize=10, label=\"internet\\n0.0.0.0/0\"];") !=
        std::string::npos);
  CHECK(g.out.find("\"prefix internet\" -- \"transit\" [style=dotted") != std::string::npos);
  CHECK(g.out.find("\"web3\" -- \"gw2\" [dir=forward, style=dotted") != std::string::npos);
  CHECK(g.out.find("label=\"static internet (bfd)\"") != std::string::npos);
}

TEST_CASE("Markdown and HTML list the routes a walk used", "[cli]") {
  for (const char* format : {"markdown", "html"}) {
    auto r = run({"check", "--format", format, example("routing/gateway-behind-switch.fl")});
    CHECK(r.code == 1);
    CHECK(r.out.find("route: acc1: carries the frame towards gw1 (layer 2, no lookup)") !=
          std::string::npos);
  }
}

TEST_CASE("graph draws one design, highlighting the named events", "[cli]") {
  auto ok = run({"graph", example("incidents/mclag-edge-pop.fl"), "--events", "blackhole ca1"});
  CHECK(ok.code == 0);
  CHECK(ok.out.rfind("graph \"edge-pop\" {", 0) == 0);
  CHECK(ok.out.find("\"ca1\" [shape=box, style=filled") != std::string::npos);
  CHECK(ok.out.find("\"ca2\" [shape=box];") != std::string::npos);  // not highlighted
  CHECK(run({"graph", example("leaf-spine.fl"), example("leaf-spine.fl")}).code == 2);
  CHECK(run({"graph", example("leaf-spine.fl"), "--events"}).code == 2);
  auto unknown = run({"graph", example("leaf-spine.fl"), "--events", "down nowhere"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("no fault event named 'down nowhere'") != std::string::npos);
  CHECK(run({"graph", "/nonexistent.fl"}).code == 2);
}

TEST_CASE("option --limit keeps the likeliest sets when events have probabilities",
          "[cli][probability]") {
  auto all = run({"check", example("incidents/probabilities.fl"), "--format", "json"});
  auto one =
      run({"check", example("incidents/probabilities.fl"), "--format", "json", "--limit", "1"});
  auto a = nlohmann::json::parse(all.out)["designs"][0]["requirements"][0];
  auto b = nlohmann::json::parse(one.out)["designs"][0]["requirements"][0];
  REQUIRE(b["violations"].size() == 1);
  CHECK(b["violation_count"] == a["violations"].size());
  double best = 0;
  for (const auto& v : a["violations"]) best = std::max(best, v["probability"].get<double>());
  CHECK(b["violations"][0]["probability"] == best);
  CHECK(b["violations"][0]["events"][0] == "common conduit=duct-west down");
  CHECK(b["probability"] == a["probability"]);  // the bound counts every set, listed or not
}

TEST_CASE("audit and merge refuse bad usage with exit 2", "[cli][audit]") {
  auto has = [](const Run& r, const std::string& what) {
    return r.code == 2 && r.err.find(what) != std::string::npos;
  };
  CHECK(has(run({"audit", "examples"}), "audit needs --out DIR"));
  CHECK(has(run({"merge"}), "no audit directory given"));
  CHECK(has(run({"merge", "a", "b"}), "merge of several directories needs --out DIR"));
  for (const char* bad : {"0/4", "5/4", "1/0", "a/b", "1/4x", "/4", "1/", "-1/4", "1/-4", "14"})
    CHECK(has(run({"audit", "x.fl", "--out", "o", "--shard", bad}), "--shard takes I/N"));
  for (const char* bad : {"0", "-2", "x", "2000"})
    CHECK(has(run({"audit", "x.fl", "--out", "o", "--jobs", bad}), "--jobs takes a number"));
  CHECK(has(run({"audit", "x.fl", "--out", "o", "--format", "json"}), "takes no --format"));
  CHECK(has(run({"audit", "x.fl", "--out", "o", "--stats"}), "unknown option '--stats'"));
  CHECK(has(run({"check", "x.fl", "--shard", "1/2"}), "unknown option '--shard'"));
  // An option is taken only by the commands of its row: graph and import write one format.
  CHECK(has(run({"graph", "x.fl", "--format", "json"}), "unknown option '--format' for 'graph'"));
  CHECK(has(run({"import", "--from", "graphml", "x", "--format", "json"}),
            "unknown option '--format' for 'import'"));
  CHECK(has(run({"graph", "x.fl", "--events"}), "--events needs at least one event name"));
}

TEST_CASE("audit result paths keep distinct designs apart", "[audit]") {
  using batch::result_path;
  CHECK(result_path("examples/leaf-spine.fl") == "designs/examples/leaf-spine.fl.json");
  CHECK(result_path("./examples//x.fl") == "designs/examples/x.fl.json");
  CHECK(result_path("/srv/designs/x.fl") == "designs/srv/designs/x.fl.json");
  CHECK(result_path("../x.fl") == "designs/%2E%2E/x.fl.json");
  CHECK(result_path("100%.fl") == "designs/100%25.fl.json");
  CHECK(result_path("%2E%2E/x.fl") != result_path("../x.fl"));
}

TEST_CASE("audit finds the .fl files under a directory, sorted, skipping hidden ones", "[audit]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("faultline-audit-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const char* f : {"b/z.fl", "a.fl", ".git/hidden.fl", "b/.x.fl", "c/readme.txt", "B.fl"}) {
    fs::create_directories((dir / f).parent_path());
    std::ofstream(dir / f) << "network n {}\n";
  }
  std::ostringstream err;
  auto found = batch::audit_designs({dir.string(), (dir / "a.fl").string()}, err);
  std::string d = dir.generic_string();
  CHECK(found == std::vector<std::string>{d + "/B.fl", d + "/a.fl", d + "/b/z.fl"});
  CHECK(err.str().empty());
  found = batch::audit_designs({(dir / "c").string()}, err);
  CHECK(found.empty());
  CHECK(err.str().find("no .fl files under") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("option --certify refuses names that cannot be SMT-LIB symbols", "[cli][certify]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("faultline-certify-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "pipe.fl") << "device \"a|b\" router; device c router;\n"
                                    "link \"a|b\":1 -- c:1;\nfaults { down link; }\n"
                                    "require reach \"a|b\" -> c;\n";
  auto r = run({"check", (dir / "pipe.fl").string(), "--certify", (dir / "cert").string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot certify: a name holds '|'") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "a degree search a limit stopped keeps its value, counts 'at least' and leaves a gap in "
    "the criticality table",
    "[cli][degree]") {
  verifier::SearchOptions opts;
  opts.degree = true;
  verifier::DesignReport rep = verifier::check_file(example("leaf-spine.fl"), opts);
  REQUIRE(rep.requirements.size() > 1);
  CHECK(verifier::criticality_gaps(rep).empty());
  auto& deg = *rep.requirements[0].result.degree;
  REQUIRE((deg.exact && deg.complete && deg.count > 0));
  // What search_degree records when the search stops after the first sets of the next size.
  deg.complete = false;
  deg.reason = "time limit of 1 s reached";
  report::ReportOptions ropts;
  ropts.criticality = true;
  std::ostringstream text, json;
  report::write_text(text, {rep}, ropts);
  report::write_json(json, {rep}, ropts);
  CHECK(text.str().find("degree: tolerates 1 fault; at least " + std::to_string(deg.count) +
                        " minimal violating sets of 2 events") != std::string::npos);
  CHECK(text.str().find("incomplete: a limit stopped the search of 1 requirement (line") !=
        std::string::npos);
  auto design = nlohmann::json::parse(json.str())["designs"][0];
  CHECK(design["requirements"][0]["degree"]["complete"] == false);
  CHECK(design["requirements"][1]["degree"]["complete"] == true);
  CHECK(design["criticality_complete"] == false);
  CHECK(verifier::criticality_gaps(rep) == std::vector<std::size_t>{0});
}

TEST_CASE("a requirement nothing breaks says so the same way whatever its tolerate",
          "[cli][degree]") {
  // The universe of reach a -> b is {down c, down e}, devices off its path: no combination of
  // them breaks it, which the degree must say alike for tolerate 0, 1 (the degree search finds
  // nothing up to the whole universe) and 2 (the verdict's search already covered it).
  auto dir = std::filesystem::temp_directory_path() / ("fl-unbreakable-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string file = (dir / "d.fl").string();
  std::ofstream(file) << "device a router; device b router; device c router; device e router;\n"
                         "link a:1 -- b:1;\nlink a:2 -- c:1;\nlink b:2 -- e:1;\n"
                         "faults { down device; }\n"
                         "require reach a -> b tolerate 0;\nrequire reach a -> b;\n"
                         "require reach a -> b tolerate 2;\n";
  auto r = run({"check", file, "--format", "json", "--degree"});
  auto reqs = nlohmann::json::parse(r.out)["designs"][0]["requirements"];
  REQUIRE(reqs.size() == 3);
  for (const auto& q : reqs) {
    INFO(q["text"]);
    const auto& deg = q["degree"];
    CHECK(q["status"] == "proved");
    CHECK(q["events_considered"] == 2);
    CHECK(deg["exact"] == false);
    CHECK(deg["unbreakable"] == true);
    CHECK(deg["value"] == q["events_considered"]);
  }
  auto text = run({"check", file, "--degree"});
  CHECK(text.out.find("degree: tolerates") == std::string::npos);
  std::size_t said = 0;
  for (std::size_t at = 0; (at = text.out.find("degree: no combination of its 2 events breaks it",
                                               at)) != std::string::npos;
       ++at)
    ++said;
  CHECK(said == 3);
  std::filesystem::remove_all(dir);
}

namespace {
// A stream that fails every write, with exceptions on: an error no command expects.
struct FailingBuf : std::streambuf {
  int overflow(int) override { return traits_type::eof(); }
};
}  // namespace

TEST_CASE("an internal error has an exit code of its own", "[cli]") {
  FailingBuf buf;
  std::ostream out(&buf);
  out.exceptions(std::ios::badbit);
  std::ostringstream err;
  std::string file = example("leaf-spine.fl");
  std::vector<const char*> argv{"faultline", "faults", file.c_str()};
  int code = cli::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  CHECK(code == cli::kInternalErrorExit);
  CHECK(code != 2);
  CHECK(code != 3);
  CHECK(err.str().find("faultline: internal error:") == 0);
}
