// The faultline command line (DESIGN.md §5).  Returns the process exit code.
#pragma once
#include <ostream>

namespace faultline::verifier {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace faultline::verifier
