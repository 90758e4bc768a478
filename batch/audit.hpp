// Batch audits (docs/batch.md): many designs, one result file each, a summary over them all.
//
//   OUT/designs/<design path>.json   what `check --format json` writes for that design alone
//   OUT/shards/<I>-of-<N>.json       the manifest of one shard: options, inputs, its designs
//   OUT/summary.{json,md,html}       the summary, built from the manifests and result files only
//
// The summary is a function of the results, never of how they were produced: an audit split in
// N shards and merged gives byte for byte the summary of one unsharded run, whatever --jobs.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "report/report.hpp"
#include "verifier/result.hpp"

namespace faultline::batch {

struct AuditOptions {
  verifier::SearchOptions search;
  report::ReportOptions report;
  std::string out_dir;
  unsigned jobs = 0;               // designs checked at once; 0 = one per online processor
  unsigned shard = 1, shards = 1;  // --shard I/N, 1 ≤ I ≤ N
  bool progress = false;           // a progress line on stderr (when it is a terminal)
};

// `faultline audit INPUT… --out DIR`: checks every design of the inputs (files, and the `.fl`
// files under directories) that falls in the shard, each in a worker process of its own.
// Unsharded, writes the summary too.  Returns the worst exit code of the designs (2 > 1 > 3 > 0).
int run_audit(const std::vector<std::string>& inputs, const AuditOptions& opts, std::ostream& out,
              std::ostream& err);

// `faultline merge DIR… [--out DIR]`: folds the shards found in the directories into one
// summary (in `out_dir`, or the one DIR given); refuses when a shard is missing or the shards
// disagree on options or inputs.
int run_merge(const std::vector<std::string>& dirs, const std::string& out_dir, std::ostream& out,
              std::ostream& err);

// The design order and shard assignment: the normalised paths sorted bytewise; design i (from 0)
// is in shard i mod N + 1.  Exposed for tests.
std::vector<std::string> audit_designs(const std::vector<std::string>& inputs, std::ostream& err);

// Where a design's result goes, relative to the audit directory: "designs/<design_folder>.json".
std::string result_path(const std::string& design);

}  // namespace faultline::batch
