// The path from text to verdicts, one named step at a time:
//   parse → resolve (check, build the fault universe) → per requirement: slice the universe,
//   search, replay and explain every violation → results for the reports.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostics.hpp"
#include "models/resolve.hpp"
#include "verifier/explain.hpp"
#include "verifier/result.hpp"

namespace faultline::verifier {

struct PhaseTimes {
  double parse = 0, resolve = 0, search = 0, explain = 0;
};

struct CheckedRequirement {
  RequirementResult result;
  std::vector<Explanation> explanations;         // one per violation, same order
  std::vector<Explanation> degree_explanations;  // one per result.degree->sets, same order
};

struct DesignReport {
  std::string file;
  std::optional<models::Design> design;  // empty: the input had errors
  std::vector<CheckedRequirement> requirements;
  std::vector<dsl::Diagnostic> diagnostics;  // errors and warnings of this file
  PhaseTimes times;
};

// Parses and resolves one design file; errors go to `diags`.
std::optional<models::Design> load_design(const std::string& path, dsl::Diagnostics& diags,
                                          PhaseTimes& times);

// Searches one requirement and explains every violation it finds.
CheckedRequirement check_requirement(const models::Design& design, std::size_t index,
                                     const SearchOptions& opts);

// Parses and resolves one file into a report with no verdicts yet (`design` empty on errors).
DesignReport load_file(const std::string& path);

DesignReport check_file(const std::string& path, const SearchOptions& opts);

// check_file for every path, the requirements of all of them searched by `jobs` threads at
// once (each search has its own Z3 context).  The reports are the same whatever `jobs`: each
// requirement's result lands in its own slot.  `jobs` > 1 with opts.memory_mb is the caller's
// to refuse: the memory budget is the growth of the whole process.
std::vector<DesignReport> check_files(const std::vector<std::string>& paths,
                                      const SearchOptions& opts, unsigned jobs);

// --jobs when not given: one per online processor.
unsigned default_jobs();

// The statuses of a design's requirements, counted.
Tally tally(const DesignReport& report);
// A design's verdict: error when its input had errors, else the worst of its requirements.
Verdict verdict(const DesignReport& report);
// The verdicts of the designs, counted.
Tally tally(const std::vector<DesignReport>& reports);
// Exit code for a set of reports (DESIGN.md §5): 2 bad input, 1 a violation, 3 unknown, 0 proved.
int exit_code(const std::vector<DesignReport>& reports);

}  // namespace faultline::verifier
