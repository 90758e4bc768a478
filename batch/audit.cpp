// Batch audits: worker processes, result files, shard manifests and the summary (audit.hpp).
#include "batch/audit.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "dsl/parse.hpp"
#include "verifier/check.hpp"
#include "report/audit_summary.hpp"
#include "report/escape.hpp"
#include "report/files.hpp"

namespace faultline::batch {

using namespace verifier;
using namespace report;

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr int kSchema = 1;

json tool_json() {
  return json{{"name", "faultline"}, {"version", FAULTLINE_VERSION}};
}

// The options that decide the verdicts: shards must agree on them to be merged.
json options_json(const SearchOptions& s, const ReportOptions& r) {
  json o;
  o["engine"] = s.engine == Engine::smt ? "smt" : "enumerate";
  o["k"] = s.k ? json(*s.k) : json(nullptr);
  o["timeout"] = s.timeout_seconds > 0 ? json(s.timeout_seconds) : json(nullptr);
  o["memory"] = s.memory_mb > 0 ? json(s.memory_mb) : json(nullptr);
  o["fast_path"] = s.fast_path;
  o["degree"] = s.degree;
  o["limit"] = s.limit > 0 ? json(s.limit) : json(nullptr);
  o["criticality"] = r.criticality;
  return o;
}

// Reads a JSON file; nullopt (with the reason in `why`) when it is missing or not JSON.
std::optional<json> read_json(const fs::path& p, std::string& why) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) {
    why = "'" + p.string() + "' is missing";
    return std::nullopt;
  }
  std::optional<std::string> text = dsl::read_file(p.string());
  json j = json::parse(text.value_or(""), nullptr, /*allow_exceptions=*/false);
  if (!text || j.is_discarded()) {
    why = "'" + p.string() + "' is not valid JSON";
    return std::nullopt;
  }
  return j;
}

bool write_file(const fs::path& p, const std::string& text, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (ec) {
    err << "faultline: error: cannot create directory '" << p.parent_path().string()
        << "': " << ec.message() << "\n";
    return false;
  }
  return write_atomically(p.string(), text, err);
}

// The result file of a design that produced none of its own: status error, one diagnostic.
std::string error_result(const std::string& file, const std::string& message) {
  json d{{"file", file},
         {"status", "error"},
         {"requirements", json::array()},
         {"diagnostics", json::array({json{{"file", file},
                                           {"line", 0},
                                           {"column", 0},
                                           {"severity", "error"},
                                           {"message", message}}})}};
  return json{{"schema", kSchema}, {"tool", tool_json()}, {"designs", json::array({d})}}.dump(2) +
         "\n";
}

// The verdict a result file's status names; anything else is an error result.
Verdict verdict_in(const std::string& status) {
  return verdict_named(status).value_or(Verdict::error);
}

// ---- workers ---------------------------------------------------------------------------------

// Child exit codes; anything else (a signal, another code) is a crash of the worker.
constexpr int kWorkerWrote = 0, kWorkerCannotWrite = 100;

// Runs in the worker process: check, write the result, never return.
[[noreturn]] void worker(const std::string& file, const fs::path& result, const AuditOptions& o) {
  // Test hook (tests/audit/shards.sh): the worker for this design dies as the kernel's
  // out-of-memory killer would end it, so that the crash path is exercised end to end.
  if (const char* victim = std::getenv("FAULTLINE_TEST_KILL_WORKER"); victim && file == victim)
    ::raise(SIGKILL);
  std::ostringstream quiet;
  std::string text;
  try {
    DesignReport rep = check_file(file, o.search);
    std::ostringstream buf;
    ReportOptions ro = o.report;
    ro.stats = false;  // timings would break byte-identical results
    write_json(buf, {rep}, ro);
    text = buf.str();
  } catch (const std::exception& e) {
    text = error_result(file, std::string("internal error: ") + e.what());
  }
  ::_exit(write_file(result, text, quiet) ? kWorkerWrote : kWorkerCannotWrite);
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status))
    return std::string("faultline stopped on this design (signal ") +
           std::to_string(WTERMSIG(status)) + ", " + ::strsignal(WTERMSIG(status)) +
           "); please report it with the design";
  if (WIFEXITED(status) && WEXITSTATUS(status) == kWorkerCannotWrite)
    return "the worker could not write its result file";
  return "the worker ended with exit code " +
         std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

// Checks `designs`, at most `jobs` at a time, each in a forked worker; a worker that crashes
// gets an error result written for it.  Returns false when even that could not be written.
bool run_workers(const std::vector<std::string>& designs, const AuditOptions& o,
                 std::ostream& err) {
  const fs::path out(o.out_dir);
  unsigned jobs = o.jobs ? o.jobs : default_jobs();
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0, done = 0;
  bool ok = true;
  auto progress = [&](const std::string& last) {
    if (!o.progress) return;
    err << "\r\033[Kaudit: " << done << "/" << designs.size() << " designs checked";
    if (!last.empty()) err << " (last: " << last << ")";
    err.flush();
  };
  progress("");
  while (next < designs.size() || !running.empty()) {
    while (next < designs.size() && running.size() < jobs) {
      err.flush();
      pid_t pid = ::fork();
      if (pid == 0) worker(designs[next], out / result_path(designs[next]), o);
      if (pid < 0) {
        if (running.empty()) {
          err << "faultline: error: cannot start a worker: " << std::strerror(errno) << "\n";
          return false;
        }
        break;  // wait for a worker to finish, then try again
      }
      running[pid] = next++;
    }
    if (running.empty()) continue;
    int status = 0;
    pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      err << "faultline: error: waiting for workers: " << std::strerror(errno) << "\n";
      return false;
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;  // not one of ours
    const std::string& file = designs[it->second];
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == kWorkerWrote))
      ok =
          write_file(out / result_path(file), error_result(file, describe_exit(status)), err) && ok;
    running.erase(it);
    ++done;
    progress(file);
  }
  if (o.progress) err << "\r\033[K";
  return ok;
}

// ---- manifests -------------------------------------------------------------------------------

std::string manifest_name(unsigned shard, unsigned shards) {
  return "shards/" + std::to_string(shard) + "-of-" + std::to_string(shards) + ".json";
}

// A shard as read back: where it came from, and what it says.
struct Manifest {
  fs::path dir, path;
  json body;
};

// ---- the summary -----------------------------------------------------------------------------

AuditRow read_row(const fs::path& dir, const std::string& file) {
  AuditRow row;
  row.file = file;
  row.result = result_path(file);
  std::string why;
  std::optional<json> j = read_json(dir / row.result, why);
  const json* d = nullptr;
  if (j && j->contains("designs") && (*j)["designs"].is_array() && (*j)["designs"].size() == 1)
    d = &(*j)["designs"][0];
  if (!d || !d->contains("status") || !(*d)["status"].is_string()) {
    row.status = "error";
    row.errors.push_back(j ? "'" + (dir / row.result).string() + "' is not a faultline result"
                           : "no result: " + why + " (did every worker and shard finish?)");
    return row;
  }
  row.status = (*d)["status"].get<std::string>();
  if (d->contains("design")) row.design = (*d)["design"].get<std::string>();
  for (const json& r : d->value("requirements", json::array())) {
    std::string st = r.value("status", "unknown");
    if (auto v = verdict_named(st); v && *v != Verdict::error) row.reqs.add(*v);
    const json& vs = r.value("violations", json::array());
    std::size_t count =
        r.contains("violation_count") ? r["violation_count"].get<std::size_t>() : vs.size();
    std::optional<std::size_t> smallest;
    for (const json& v : vs) {
      std::size_t n = v.value("events", json::array()).size();
      if (!smallest || n < *smallest) smallest = n;
    }
    json q{{"text", r.value("text", "")}, {"line", r.value("line", 0)}, {"status", st}};
    if (st == "violated") {
      q["violations"] = count;
      if (smallest) q["smallest_set"] = *smallest;
      row.sets += count;
      if (smallest && (!row.smallest || *smallest < *row.smallest)) row.smallest = smallest;
    }
    row.requirements.push_back(q);
  }
  for (const json& diag : d->value("diagnostics", json::array())) {
    if (diag.value("severity", "") != "error") continue;
    std::string where = diag.value("file", "");
    if (where.empty()) where = file;
    if (diag.value("line", 0) > 0)
      where += ":" + std::to_string(diag.value("line", 0)) + ":" +
               std::to_string(diag.value("column", 0));
    row.errors.push_back(where + ": error: " + diag.value("message", ""));
  }
  return row;
}

// Writes OUT/summary.{json,md,html} for `designs` (their results are in `dir`), prints the
// short text summary on `out`, returns the worst exit code.
int summarize(const fs::path& dir, const std::vector<std::string>& designs, const json& options,
              const json& inputs, std::ostream& out, std::ostream& err) {
  std::vector<AuditRow> rows;
  Tally d, r;  // designs, requirements
  for (const std::string& file : designs) {
    rows.push_back(read_row(dir, file));
    const AuditRow& row = rows.back();
    d.add(verdict_in(row.status));
    r.proved += row.reqs.proved, r.violated += row.reqs.violated, r.unknown += row.reqs.unknown;
  }
  const int code = exit_code(d.worst());
  auto totals = [](const Tally& t, bool errors) {
    json j{{"proved", t.proved}, {"violated", t.violated}, {"unknown", t.unknown}};
    if (errors) j["error"] = t.error;
    return j;
  };
  json list = json::array();
  for (const AuditRow& row : rows) {
    json e{{"file", row.file}, {"result", row.result}};
    if (!row.design.empty()) e["design"] = row.design;
    e["status"] = row.status;
    e["requirements"] = row.requirements;
    if (!row.errors.empty()) e["errors"] = row.errors;
    list.push_back(e);
  }
  json summary{{"schema", kSchema},
               {"kind", "audit-summary"},
               {"tool", tool_json()},
               {"options", options},
               {"inputs", inputs},
               {"exit_code", code},
               {"totals", json{{"designs", totals(d, true)}, {"requirements", totals(r, false)}}},
               {"designs", list}};
  std::ostringstream md, html;
  write_audit_markdown(md, rows, d, r);
  write_audit_html(html, rows, d, r);
  if (!write_file(dir / "summary.json", summary.dump(2) + "\n", err) ||
      !write_file(dir / "summary.md", md.str(), err) ||
      !write_file(dir / "summary.html", html.str(), err))
    return 2;
  out << "faultline audit: " << rows.size() << " designs: " << d.proved << " proved, " << d.violated
      << " violated, " << d.unknown << " unknown, " << d.error << " with errors\n";
  for (const AuditRow* r : worst_first(rows)) {
    const AuditRow& row = *r;
    if (row.status == "proved") continue;
    out << "  " << row.status << std::string(10 - std::min<std::size_t>(row.status.size(), 8), ' ')
        << row.file;
    if (row.status == "violated" || row.status == "unknown")
      out << ": " << (row.status == "violated" ? row.reqs.violated : row.reqs.unknown) << " of "
          << row.reqs.total() << " requirements";
    if (row.sets) out << ", " << row.sets << " minimal sets, smallest " << row.smallest.value_or(0);
    out << "\n";
    for (const std::string& e : row.errors) out << "      " << e << "\n";
  }
  out << "summary: " << (dir / "summary.json").string() << ", summary.md, summary.html\n";
  return code;
}

}  // namespace

std::string result_path(const std::string& design) {
  return "designs/" + design_folder(design) + ".json";
}

std::vector<std::string> audit_designs(const std::vector<std::string>& inputs, std::ostream& err) {
  std::set<std::string> found;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {  // a file, or a path that load_file will report
      found.insert(fs::path(in).lexically_normal().generic_string());
      continue;
    }
    std::size_t before = found.size();
    fs::recursive_directory_iterator it(in, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {  // .git and other hidden trees
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->path().extension() == ".fl" && it->is_regular_file(ec))
        found.insert(it->path().lexically_normal().generic_string());
    }
    if (ec)
      err << "faultline: warning: cannot read all of '" << in << "': " << ec.message() << "\n";
    if (found.size() == before) err << "faultline: warning: no .fl files under '" << in << "'\n";
  }
  return {found.begin(), found.end()};
}

int run_audit(const std::vector<std::string>& inputs, const AuditOptions& o, std::ostream& out,
              std::ostream& err) {
  std::vector<std::string> all = audit_designs(inputs, err);
  if (all.empty()) {
    err << "faultline: error: no design files to audit\n";
    return 2;
  }
  std::map<std::string, std::string> by_result;  // two paths must not share a result file
  for (const std::string& f : all) {
    auto [it, fresh] = by_result.emplace(result_path(f), f);
    if (!fresh) {
      err << "faultline: error: '" << it->second << "' and '" << f
          << "' would share the result file " << it->first << "; give the inputs one way\n";
      return 2;
    }
  }
  std::vector<std::string> mine;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (i % o.shards + 1 == o.shard) mine.push_back(all[i]);
  const fs::path dir(o.out_dir);
  if (!run_workers(mine, o, err)) return 2;

  json options = options_json(o.search, o.report);
  json inputs_json = inputs;
  json manifest{{"schema", kSchema},     {"kind", "audit-shard"}, {"tool", tool_json()},
                {"shard", o.shard},      {"shards", o.shards},    {"options", options},
                {"inputs", inputs_json}, {"total", all.size()},   {"designs", mine}};
  if (!write_file(dir / manifest_name(o.shard, o.shards), manifest.dump(2) + "\n", err)) return 2;
  if (o.shards == 1) return summarize(dir, mine, options, inputs_json, out, err);

  Tally d;
  for (const std::string& f : mine) d.add(verdict_in(read_row(dir, f).status));
  const int code = exit_code(d.worst());
  out << "faultline audit: shard " << o.shard << "/" << o.shards << ": " << mine.size() << " of "
      << all.size() << " designs checked, results in " << dir.string()
      << "; when every shard is done: faultline merge DIR... (the shards' --out directories)\n";
  return code;
}

int run_merge(const std::vector<std::string>& dirs, const std::string& out_dir, std::ostream& out,
              std::ostream& err) {
  if (out_dir.empty() && dirs.size() > 1) {
    err << "faultline: error: merge of several directories needs --out DIR\n";
    return 2;
  }
  const fs::path target(out_dir.empty() ? dirs[0] : out_dir);
  std::vector<Manifest> manifests;
  for (const std::string& d : dirs) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(fs::path(d) / "shards", ec), end; !ec && it != end;
         it.increment(ec))
      if (it->path().extension() == ".json") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      err << "faultline: error: no audit shards in '" << d
          << "' (expected shards/I-of-N.json, written by faultline audit --out " << d << ")\n";
      return 2;
    }
    for (const fs::path& p : files) {
      std::string why;
      std::optional<json> j = read_json(p, why);
      if (!j || j->value("kind", "") != "audit-shard" || !j->contains("shard") ||
          !j->contains("shards") || !(*j)["designs"].is_array()) {
        err << "faultline: error: '" << p.string() << "' is not an audit shard manifest\n";
        return 2;
      }
      manifests.push_back({d, p, *j});
    }
  }
  // Every shard must come from the same audit: same N, options, inputs and tool.
  const json& first = manifests[0].body;
  for (const Manifest& m : manifests)
    for (const char* key : {"shards", "options", "inputs", "total", "tool"})
      if (m.body[key] != first[key]) {
        err << "faultline: error: '" << manifests[0].path.string() << "' and '" << m.path.string()
            << "' come from different audits (their '" << key
            << "' differ); merge the shards of one audit\n";
        return 2;
      }
  unsigned shards = first["shards"].get<unsigned>();
  std::map<unsigned, const Manifest*> by_shard;
  for (const Manifest& m : manifests) {
    unsigned i = m.body["shard"].get<unsigned>();
    auto [it, fresh] = by_shard.emplace(i, &m);
    if (!fresh && it->second->body["designs"] != m.body["designs"]) {
      err << "faultline: error: '" << it->second->path.string() << "' and '" << m.path.string()
          << "' both claim shard " << i << "/" << shards << " with different designs\n";
      return 2;
    }
  }
  for (unsigned i = 1; i <= shards; ++i)
    if (!by_shard.count(i)) {
      err << "faultline: error: shard " << i << "/" << shards << " is missing (no "
          << manifest_name(i, shards) << " in the directories given); run it, then merge again\n";
      return 2;
    }
  // Collect each design's result into the target directory, then summarize from there.
  std::map<std::string, unsigned> designs;  // design → its shard: the shards partition them
  for (const auto& [i, m] : by_shard) {
    for (const json& f : m->body["designs"]) {
      std::string file = f.get<std::string>();
      if (auto [it, fresh] = designs.emplace(file, i); !fresh) {
        err << "faultline: error: '" << file << "' is in shard " << it->second << "/" << shards
            << " and in shard " << i << "/" << shards << "; the shards are not of one audit\n";
        return 2;
      }
      fs::path from = m->dir / result_path(file), to = target / result_path(file);
      std::error_code ec;
      if (fs::exists(to, ec) && fs::equivalent(from, to, ec)) continue;
      std::optional<std::string> text = dsl::read_file(from.string());
      if (!text || !fs::exists(from, ec)) continue;  // summarize reports it missing
      if (!write_file(to, *text, err)) return 2;
    }
    fs::path to = target / manifest_name(i, shards);
    std::error_code ec;
    if (!(fs::exists(to, ec) && fs::equivalent(m->path, to, ec)) &&
        !write_file(to, m->body.dump(2) + "\n", err))
      return 2;
  }
  if (designs.size() != first["total"].get<std::size_t>()) {
    err << "faultline: error: the shards hold " << designs.size() << " designs, the audit has "
        << first["total"].get<std::size_t>() << "\n";
    return 2;
  }
  std::vector<std::string> files;
  for (const auto& [file, shard] : designs) files.push_back(file);
  return summarize(target, files, first["options"], first["inputs"], out, err);
}

}  // namespace faultline::batch
