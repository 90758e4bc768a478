// The faultline command line (DESIGN.md §5).  Returns the process exit code.
#pragma once
#include <ostream>

namespace faultline::cli {

// An exception no command expected: a bug, never a verdict (0, 1, 3) nor bad input (2).
constexpr int kInternalErrorExit = 4;

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace faultline::cli
