// Writing output files: never a half-written file, whoever reads it and whenever.
#pragma once
#include <ostream>
#include <string>

namespace faultline::report {

// Writes `text` to `path` through a temporary file beside it and a rename (atomic on POSIX);
// on failure says so on `err`, removes the temporary file and returns false.
bool write_atomically(const std::string& path, const std::string& text, std::ostream& err);

// A design's path as a relative path of its own under an output directory ("x/y.fl" for
// "./x/y.fl" and "/x/y.fl"; a ".." component becomes "%2E%2E" and '%' becomes "%25", so
// distinct paths stay distinct).  Audit results and certificates are filed by it.
std::string design_folder(const std::string& design);

}  // namespace faultline::report
