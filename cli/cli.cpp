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
    "                connectivity for fail-stop requirements, no explicit small search)\n"
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

// ---- the table of commands and options ---------------------------------------------------

// Each command is a bit; an option row lists the commands that take it.
enum Command : unsigned {
  kCheck = 1u << 0,
  kAudit = 1u << 1,
  kMerge = 1u << 2,
  kFaults = 1u << 3,
  kGraph = 1u << 4,
  kImport = 1u << 5,
};
constexpr unsigned kSearches = kCheck | kAudit;  // audit takes check's search options

struct CommandRow {
  const char* name;
  Command bit;
  int (*run)(const Args&, std::ostream&, std::ostream&);
};

int run_reports(const Args& a, std::ostream& out, std::ostream& err);
int run_audit_command(const Args& a, std::ostream& out, std::ostream& err);
int run_merge_command(const Args& a, std::ostream& out, std::ostream& err) {
  return run_merge(a.files, a.output, out, err);
}

const CommandRow kCommands[] = {
    {"check", kCheck, run_reports},          {"audit", kAudit, run_audit_command},
    {"merge", kMerge, run_merge_command},    {"faults", kFaults, run_reports},
    {"graph", kGraph, run_graph},            {"import", kImport, run_import},
};

// An option's row: its name, the commands that take it, whether it takes a value, and how it
// applies to Args — an error message, or "" when the value is fine.
struct OptionRow {
  const char* name;
  unsigned commands;
  enum class Takes { nothing, value, words } takes;
  std::string (*apply)(Args&, const std::string& value);
  const char* words = "";  // Takes::words: what each word is, for the message when none is given
};

// A whole number in [lo, hi] written in decimal digits only.
std::optional<unsigned long long> whole(const std::string& v, unsigned long long lo,
                                        unsigned long long hi) {
  if (v.empty() || v[0] == '-') return std::nullopt;
  char* end = nullptr;
  unsigned long long n = std::strtoull(v.c_str(), &end, 10);
  if (*end != '\0' || n < lo || n > hi) return std::nullopt;
  return n;
}

std::string set_format(Args& a, const std::string& v) {
  if (a.command == "audit" || a.command == "merge")
    return "'" + a.command + "' writes JSON, Markdown and HTML; it takes no --format";
  bool ci = v == "sarif" || v == "junit" || v == "github" || v == "markdown" || v == "html";
  if (v != "text" && v != "json" && !(ci && a.command == "check"))
    return std::string("--format takes ") +
           (a.command == "check" ? "text, json, sarif, junit, github, markdown or html"
                                 : "text or json") +
           ", not '" + v + "'";
  a.format = v;
  return "";
}

std::string set_engine(Args& a, const std::string& v) {
  if (v == "smt")
    a.search.engine = Engine::smt;
  else if (v == "enumerate")
    a.search.engine = Engine::enumerate;
  else
    return "--engine takes smt or enumerate, not '" + v + "'";
  return "";
}

std::string set_timeout(Args& a, const std::string& v) {
  char* end = nullptr;
  double s = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(s > 0) || s > 1e6)
    return "--timeout takes a number of seconds greater than 0, not '" + v + "'";
  a.search.timeout_seconds = s;
  return "";
}

std::string set_memory(Args& a, const std::string& v) {
  auto mb = whole(v, 16, 16ull * 1024 * 1024);
  if (!mb) return "--memory takes a number of megabytes from 16, not '" + v + "'";
  a.search.memory_mb = static_cast<std::size_t>(*mb);
  return "";
}

std::string set_jobs(Args& a, const std::string& v) {
  auto n = whole(v, 1, 1024);
  if (!n) return "--jobs takes a number from 1 to 1024, not '" + v + "'";
  a.jobs = static_cast<unsigned>(*n);
  return "";
}

std::string set_shard(Args& a, const std::string& v) {
  auto slash = v.find('/');
  auto i = slash == std::string::npos ? std::nullopt : whole(v.substr(0, slash), 1, 100000);
  auto n = slash == std::string::npos ? std::nullopt : whole(v.substr(slash + 1), 1, 100000);
  if (!i || !n || *i > *n)
    return "--shard takes I/N with 1 <= I <= N (the I-th of N shards), not '" + v + "'";
  a.shard = static_cast<unsigned>(*i), a.shards = static_cast<unsigned>(*n);
  return "";
}

std::string set_mclag(Args& a, const std::string& v) {
  auto comma = v.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == v.size())
    return "--mclag takes two devices: A,B";
  a.import.mclag = {v.substr(0, comma), v.substr(comma + 1)};
  return "";
}

std::string set_k(Args& a, const std::string& v) {
  if (v.size() != 1 || v[0] < '0' || v[0] > '8')
    return "--k takes a number of faults from 0 to 8, not '" + v + "'";
  a.search.k = static_cast<std::uint32_t>(v[0] - '0');
  return "";
}

std::string set_limit(Args& a, const std::string& v) {
  auto n = whole(v, 1, 1000000000);
  if (!n) return "--limit takes a number of sets from 1, not '" + v + "'";
  a.search.limit = static_cast<std::size_t>(*n);
  return "";
}

using Takes = OptionRow::Takes;
const OptionRow kOptions[] = {
    {"--format", kCheck | kFaults | kAudit | kMerge, Takes::value, set_format},
    {"--engine", kSearches, Takes::value, set_engine},
    {"--timeout", kSearches, Takes::value, set_timeout},
    {"--memory", kSearches, Takes::value, set_memory},
    {"--certify", kCheck, Takes::value,
     [](Args& a, const std::string& v) { return a.certify = v, std::string(); }},
    {"--from", kImport, Takes::value,
     [](Args& a, const std::string& v) { return a.import_from = v, std::string(); }},
    {"-o", kImport | kCheck, Takes::value,
     [](Args& a, const std::string& v) { return a.output = v, std::string(); }},
    {"--out", kAudit | kMerge, Takes::value,
     [](Args& a, const std::string& v) { return a.output = v, std::string(); }},
    {"--jobs", kSearches, Takes::value, set_jobs},
    {"--shard", kAudit, Takes::value, set_shard},
    {"--mclag", kImport, Takes::value, set_mclag},
    {"--externals", kImport, Takes::nothing,
     [](Args& a, const std::string&) { return a.import.externals = true, std::string(); }},
    // Every following word is an event name (names hold spaces: quote each one).
    {"--events", kGraph, Takes::words,
     [](Args& a, const std::string& v) { return a.events.push_back(v), std::string(); },
     "event name"},
    {"--k", kSearches, Takes::value, set_k},
    {"--limit", kSearches, Takes::value, set_limit},
    {"--criticality", kSearches, Takes::nothing,
     [](Args& a, const std::string&) {
       a.search.degree = true;  // the table ranks the sets beyond K too
       a.report.criticality = true;
       return std::string();
     }},
    {"--degree", kSearches, Takes::nothing,
     [](Args& a, const std::string&) { return a.search.degree = true, std::string(); }},
    {"--no-fast-path", kSearches, Takes::nothing,
     [](Args& a, const std::string&) { return a.search.fast_path = false, std::string(); }},
    {"--stats", kCheck, Takes::nothing,
     [](Args& a, const std::string&) { return a.report.stats = true, std::string(); }},
};

// Parses argv into Args by the tables; on a usage error writes it to `err` and returns null.
const CommandRow* parse_args(int argc, const char* const* argv, Args& a, std::ostream& err) {
  auto usage_error = [&](const std::string& msg) -> const CommandRow* {
    err << "faultline: error: " << msg << "\n" << kUsage;
    return nullptr;
  };
  if (argc < 2) return usage_error("no command given");
  a.command = argv[1];
  const CommandRow* command = nullptr;
  for (const CommandRow& c : kCommands)
    if (a.command == c.name) command = &c;
  if (!command) return usage_error("unknown command '" + a.command + "'");
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const OptionRow* option = nullptr;
    for (const OptionRow& o : kOptions)
      if (arg == o.name && (o.commands & command->bit)) option = &o;
    if (!option) {
      if (arg.size() > 1 && arg[0] == '-' && arg != "-")
        return usage_error("unknown option '" + arg + "' for '" + a.command + "'");
      a.files.push_back(arg);
      continue;
    }
    std::vector<std::string> values;
    switch (option->takes) {
      case Takes::nothing:
        values.emplace_back();
        break;
      case Takes::value:
        if (i + 1 >= argc) return usage_error("option '" + arg + "' needs a value");
        values.emplace_back(argv[++i]);
        break;
      case Takes::words:
        while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0)
          values.emplace_back(argv[++i]);
        if (values.empty())
          return usage_error(arg + " needs at least one " + option->words);
        break;
    }
    for (const std::string& v : values)
      if (std::string e = option->apply(a, v); !e.empty()) return usage_error(e);
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
  return command;
}

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
  const CommandRow* command = parse_args(argc, argv, args, err);
  if (!command) return 2;
  try {
    return command->run(args, out, err);
  } catch (const std::exception& e) {
    // A bug, not an input: said as such, with a code of its own — never 2 (bad input) or 3
    // (a verdict left unknown by a limit), which a CI job would read as something else.
    err << "faultline: internal error: " << e.what()
        << " (a bug in faultline: please report it with the input)\n";
    return kInternalErrorExit;
  }
}

namespace {

int run_audit_command(const Args& args, std::ostream& out, std::ostream& err) {
  AuditOptions o;
  o.search = args.search;
  o.report = args.report;
  o.out_dir = args.output;
  o.jobs = args.jobs;
  o.shard = args.shard, o.shards = args.shards;
  o.progress = &err == &std::cerr && ::isatty(STDERR_FILENO);
  return run_audit(args.files, o, out, err);
}

// check and faults: the designs' reports in the chosen format.
int run_reports(const Args& args, std::ostream& out, std::ostream& err) {
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
