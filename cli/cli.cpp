#include "cli/cli.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/import/importer.hpp"
#include "batch/audit.hpp"
#include "proofs/certificates.hpp"
#include "verifier/check.hpp"
#include "report/files.hpp"
#include "report/report.hpp"

namespace faultline::cli {

using namespace verifier;
using namespace report;
using namespace batch;
using namespace proofs;

namespace {

constexpr const char* kUsage =
    "usage: faultline check FILE... [--format text|json|sarif|junit|github|markdown|html]\n"
    "                               [-o OUT]\n"
    "                               [--engine smt|enumerate]\n"
    "                               [--timeout SECONDS] [--memory MB] [--stats]\n"
    "                               [--no-fast-path]\n"
    "                               [--k N] [--degree] [--limit N] [--criticality]\n"
    "                               [--certify DIR] [--jobs N]\n"
    "       faultline audit DIR|FILE... --out DIR [--jobs N] [--shard I/N]\n"
    "                               [the search options of check]\n"
    "       faultline merge DIR... [--out DIR]\n"
    "       faultline faults FILE... [--format text|json]\n"
    "       faultline graph FILE [--events NAME...]\n"
    "       faultline import --from graphml|containerlab|batfish-l1|netbox FILE...\n"
    "                        [-o OUT] [--externals] [--mclag A,B]\n"
    "       faultline --help | --version\n"
    "\n"
    "check   verify every requirement of each design against its fault model\n"
    "audit   check many designs (files, and the .fl files under directories), one JSON result\n"
    "        each in DIR/designs, a summary in DIR/summary.{json,md,html} (docs/batch.md)\n"
    "merge   fold the shards of an audit (--shard I/N) into its summary\n"
    "faults  list the fault universe of each design with source locations\n"
    "graph   write the design as Graphviz DOT, the elements of the named events in red\n"
    "import  turn a topology file into a faultline design (stdout, or OUT written atomically)\n"
    "\n"
    "--k N           check every requirement against N faults (0-8), whatever its tolerate\n"
    "--degree        also report how many faults each requirement tolerates (up to 8) and the\n"
    "                smallest sets that break it\n"
    "--limit N       list at most N violating sets per requirement (the count stays exact)\n"
    "--criticality   rank the fault events by what they break (implies --degree)\n"
    "--timeout S     per requirement: past S seconds its verdict is unknown (exit 3)\n"
    "--memory MB     per requirement: once its search has grown the process by MB megabytes,\n"
    "                its verdict is unknown (exit 3); the other requirements are still checked\n"
    "--certify DIR   write each verdict as an SMT-LIB2 certificate under DIR: unsat proves a\n"
    "                requirement, sat replays a violating set (proofs/recheck.sh re-checks\n"
    "                them with z3 and cvc5)\n"
    "--no-fast-path  decide every requirement with Z3 (no hot-event search for reach, no\n"
    "                connectivity for fail-stop requirements)\n"
    "--jobs N        how much at once (default: one per processor): check searches N\n"
    "                requirements in threads of one process (default 1 with --memory), audit\n"
    "                checks N designs, each in a process of its own\n"
    "--shard I/N     audit: only the I-th of N deterministic shards (1 <= I <= N)\n"
    "\n"
    "exit codes: 0 all proved, 1 a requirement violated, 2 bad input or usage,\n"
    "            3 a requirement left unknown (time or memory limit),\n"
    "            4 internal error (a bug in faultline)\n";

struct Args {
  std::string command;
  std::vector<std::string> files;
  std::string format = "text";
  SearchOptions search;
  ReportOptions report;
  std::string import_from, output;
  std::vector<std::string> events;  // graph --events
  dsl::import::ImportOptions import;
  unsigned jobs = 0, shard = 1, shards = 1;  // audit
  std::string certify;                       // check --certify DIR
};

int run_import(const Args& a, std::ostream& out, std::ostream& err) {
  if (a.files.size() != 1 && a.import_from != "netbox") {
    err << "faultline: error: import --from " << a.import_from << " reads one file\n" << kUsage;
    return 2;
  }
  dsl::import::Imported imported;
  try {
    if (a.import_from == "graphml")
      imported = dsl::import::import_graphml(a.files[0], a.import);
    else if (a.import_from == "batfish-l1")
      imported = dsl::import::import_batfish_l1(a.files[0], a.import);
    else if (a.import_from == "containerlab")
      imported = dsl::import::import_containerlab(a.files[0], a.import);
    else if (a.import_from == "netbox")
      imported = dsl::import::import_netbox(a.files, a.import);
    else {
      err << "faultline: error: --from takes graphml, containerlab, batfish-l1 or netbox, not '"
          << a.import_from << "'\n"
          << kUsage;
      return 2;
    }
  } catch (const dsl::import::ImportError& e) {
    err << e.what() << "\n";
    return 2;
  }
  for (const auto& w : imported.warnings) err << w << "\n";
  if (a.output.empty()) {
    out << imported.text;
    return 0;
  }
  return write_atomically(a.output, imported.text, err) ? 0 : 2;
}

int run_graph(const Args& a, std::ostream& out, std::ostream& err) {
  DesignReport rep = load_file(a.files[0]);
  for (const auto& d : rep.diagnostics) dsl::render_diagnostic(err, d);
  if (!rep.design) return 2;
  std::vector<std::size_t> chosen;
  for (const std::string& name : a.events) {
    std::size_t i = 0;
    while (i < rep.design->events.size() && rep.design->events[i].name != name) ++i;
    if (i == rep.design->events.size()) {
      err << "faultline: error: no fault event named '" << name << "' in " << a.files[0]
          << " (faultline faults lists them)\n";
      return 2;
    }
    chosen.push_back(i);
  }
  std::ostringstream buf;
  write_dot(buf, *rep.design, chosen);
  out << buf.str();
  return 0;
}

// Parses argv into Args; on a usage error writes it to `err` and returns false.
bool parse_args(int argc, const char* const* argv, Args& a, std::ostream& err) {
  auto usage_error = [&](const std::string& msg) {
    err << "faultline: error: " << msg << "\n" << kUsage;
    return false;
  };
  if (argc < 2) return usage_error("no command given");
  a.command = argv[1];
  if (a.command != "check" && a.command != "faults" && a.command != "import" &&
      a.command != "graph" && a.command != "audit" && a.command != "merge")
    return usage_error("unknown command '" + a.command + "'");
  // audit takes check's search options
  const bool checks = a.command == "check" || a.command == "audit";
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= argc) return usage_error("option '" + arg + "' needs a value");
      into = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--format") {
      if (!value(v)) return false;
      bool ci = v == "sarif" || v == "junit" || v == "github" || v == "markdown" || v == "html";
      if (a.command == "audit" || a.command == "merge")
        return usage_error("'" + a.command +
                           "' writes JSON, Markdown and HTML; it takes no --format");
      if (v != "text" && v != "json" && !(ci && a.command == "check"))
        return usage_error(std::string("--format takes ") +
                           (a.command == "check"
                                ? "text, json, sarif, junit, github, markdown or html"
                                : "text or json") +
                           ", not '" + v + "'");
      a.format = v;
    } else if (arg == "--engine" && checks) {
      if (!value(v)) return false;
      if (v == "smt")
        a.search.engine = Engine::smt;
      else if (v == "enumerate")
        a.search.engine = Engine::enumerate;
      else
        return usage_error("--engine takes smt or enumerate, not '" + v + "'");
    } else if (arg == "--timeout" && checks) {
      if (!value(v)) return false;
      char* end = nullptr;
      double s = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(s > 0) || s > 1e6)
        return usage_error("--timeout takes a number of seconds greater than 0, not '" + v + "'");
      a.search.timeout_seconds = s;
    } else if (arg == "--certify" && a.command == "check") {
      if (!value(a.certify)) return false;
    } else if (arg == "--memory" && checks) {
      if (!value(v)) return false;
      char* end = nullptr;
      unsigned long long mb = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-' || mb < 16 || mb > 16u * 1024 * 1024)
        return usage_error("--memory takes a number of megabytes from 16, not '" + v + "'");
      a.search.memory_mb = static_cast<std::size_t>(mb);
    } else if (arg == "--from" && a.command == "import") {
      if (!value(a.import_from)) return false;
    } else if (arg == "-o" && (a.command == "import" || a.command == "check")) {
      if (!value(a.output)) return false;
    } else if (arg == "--out" && (a.command == "audit" || a.command == "merge")) {
      if (!value(a.output)) return false;
    } else if (arg == "--jobs" && (a.command == "audit" || a.command == "check")) {
      if (!value(v)) return false;
      char* end = nullptr;
      unsigned long n = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-' || n == 0 || n > 1024)
        return usage_error("--jobs takes a number from 1 to 1024, not '" + v + "'");
      a.jobs = static_cast<unsigned>(n);
    } else if (arg == "--shard" && a.command == "audit") {
      if (!value(v)) return false;
      unsigned long i = 0, n = 0;
      char* end = nullptr;
      auto slash = v.find('/');
      bool ok = slash != std::string::npos && slash > 0 && v[0] != '-' && v[slash + 1] != '-';
      if (ok) i = std::strtoul(v.c_str(), &end, 10), ok = end == v.c_str() + slash;
      if (ok)
        n = std::strtoul(v.c_str() + slash + 1, &end, 10),
        ok = *end == '\0' && end != v.c_str() + slash + 1;
      if (!ok || i < 1 || n < 1 || i > n || n > 100000)
        return usage_error("--shard takes I/N with 1 <= I <= N (the I-th of N shards), not '" + v +
                           "'");
      a.shard = static_cast<unsigned>(i), a.shards = static_cast<unsigned>(n);
    } else if (arg == "--mclag" && a.command == "import") {
      std::string v;
      if (!value(v)) return false;
      auto comma = v.find(',');
      if (comma == std::string::npos || comma == 0 || comma + 1 == v.size())
        return usage_error("--mclag takes two devices: A,B");
      a.import.mclag = {v.substr(0, comma), v.substr(comma + 1)};
    } else if (arg == "--externals" && a.command == "import") {
      a.import.externals = true;
    } else if (arg == "--events" && a.command == "graph") {
      // Every following word is an event name (names hold spaces: quote each one).
      while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0)
        a.events.push_back(argv[++i]);
      if (a.events.empty()) return usage_error("--events needs at least one event name");
    } else if (arg == "--k" && checks) {
      if (!value(v)) return false;
      if (v.size() != 1 || v[0] < '0' || v[0] > '8')
        return usage_error("--k takes a number of faults from 0 to 8, not '" + v + "'");
      a.search.k = static_cast<std::uint32_t>(v[0] - '0');
    } else if (arg == "--limit" && checks) {
      if (!value(v)) return false;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-' || n == 0 || n > 1000000000)
        return usage_error("--limit takes a number of sets from 1, not '" + v + "'");
      a.search.limit = static_cast<std::size_t>(n);
    } else if (arg == "--criticality" && checks) {
      a.search.degree = true;  // the table ranks the sets beyond K too
      a.report.criticality = true;
    } else if (arg == "--degree" && checks) {
      a.search.degree = true;
    } else if (arg == "--no-fast-path" && checks) {
      a.search.fast_path = false;
    } else if (arg == "--stats" && a.command == "check") {
      a.report.stats = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return usage_error("unknown option '" + arg + "' for '" + a.command + "'");
    } else {
      a.files.push_back(arg);
    }
  }
  if (a.files.empty())
    return usage_error(a.command == "merge" ? "no audit directory given" : "no design file given");
  if (a.command == "audit" && a.output.empty())
    return usage_error("audit needs --out DIR for its results");
  if (a.command == "check" && a.jobs > 1 && a.search.memory_mb)
    return usage_error(
        "--memory bounds what a search adds to the process, which --jobs shares among "
        "requirements: give one or the other (audit --jobs runs each design in a process of "
        "its own)");
  if (a.command == "graph" && a.files.size() != 1)
    return usage_error("graph draws one design file");
  return true;
}

int run_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    out << kUsage;
    return 0;
  }
  if (argc == 2 && std::string(argv[1]) == "--version") {
    out << "faultline " << FAULTLINE_VERSION << "\n";
    return 0;
  }
  Args args;
  if (!parse_args(argc, argv, args, err)) return 2;
  try {
    return run_command(args, out, err);
  } catch (const std::exception& e) {
    // A bug, not an input: said as such, with a code of its own — never 2 (bad input) or 3
    // (a verdict left unknown by a limit), which a CI job would read as something else.
    err << "faultline: internal error: " << e.what()
        << " (a bug in faultline: please report it with the input)\n";
    return kInternalErrorExit;
  }
}

namespace {

int run_command(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.command == "import") return run_import(args, out, err);
  if (args.command == "graph") return run_graph(args, out, err);
  if (args.command == "merge") return run_merge(args.files, args.output, out, err);
  if (args.command == "audit") {
    AuditOptions o;
    o.search = args.search;
    o.report = args.report;
    o.out_dir = args.output;
    o.jobs = args.jobs;
    o.shard = args.shard, o.shards = args.shards;
    o.progress = &err == &std::cerr && ::isatty(STDERR_FILENO);
    return run_audit(args.files, o, out, err);
  }
  std::vector<DesignReport> reports;
  if (args.command == "faults") {
    for (const std::string& file : args.files) reports.push_back(load_file(file));
  } else {
    // One thread per processor unless told; one when --memory counts the process's growth.
    unsigned jobs = args.jobs ? args.jobs : args.search.memory_mb ? 1 : default_jobs();
    reports = check_files(args.files, args.search, jobs);
  }
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics) dsl::render_diagnostic(err, d);
  if (!args.certify.empty()) {
    std::size_t certificates = 0;
    for (const auto& r : reports) {
      std::optional<std::size_t> n = write_certificates(args.certify, r, err);
      if (!n) return 2;
      certificates += *n;
    }
    // On stderr: stdout is the report, whatever its format.
    err << "faultline: " << certificates << " certificate" << (certificates == 1 ? "" : "s")
        << " written under " << args.certify << "; proofs/recheck.sh " << args.certify
        << " re-checks them with z3 and cvc5\n";
  }
  // The report is built whole, then written: never a half-written output.
  std::ostringstream buf;
  if (args.command == "faults") {
    if (args.format == "json")
      write_faults_json(buf, reports);
    else
      write_faults_text(buf, reports);
    out << buf.str();
    for (const auto& r : reports)
      if (!r.design) return 2;
    return 0;
  }
  if (args.format == "json")
    write_json(buf, reports, args.report);
  else if (args.format == "sarif")
    write_sarif(buf, reports);
  else if (args.format == "junit")
    write_junit(buf, reports);
  else if (args.format == "markdown")
    write_markdown(buf, reports);
  else if (args.format == "github")
    write_github(buf, reports);
  else if (args.format == "html")
    write_html(buf, reports, args.report);
  else
    write_text(buf, reports, args.report);
  if (!args.output.empty()) {
    if (!write_atomically(args.output, buf.str(), err)) return 2;
  } else {
    out << buf.str();
  }
  if (args.format == "github") {
    // The runner's step summary: appended, as every step appends its own.
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary) {
      std::ofstream s(summary, std::ios::app | std::ios::binary);
      write_markdown(s, reports);
      if (!s)
        err << "faultline: warning: cannot append to GITHUB_STEP_SUMMARY '" << summary << "'\n";
    }
  }
  return exit_code(reports);
}

}  // namespace

}  // namespace faultline::cli
