// Writing output files: never a half-written file, whoever reads it and whenever.
#pragma once
#include <ostream>
#include <string>

namespace faultline::verifier {

// Writes `text` to `path` through a temporary file beside it and a rename (atomic on POSIX);
// on failure says so on `err`, removes the temporary file and returns false.
bool write_atomically(const std::string& path, const std::string& text, std::ostream& err);

}  // namespace faultline::verifier
