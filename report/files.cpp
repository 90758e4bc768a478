#include "report/files.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "report/escape.hpp"

namespace faultline::report {

std::string design_folder(const std::string& design) {
  namespace fs = std::filesystem;
  std::string out;
  for (const fs::path& part : fs::path(design).lexically_normal().relative_path()) {
    std::string s = part.string();
    if (s.empty() || s == ".") continue;
    out += (out.empty() ? "" : "/") +
           (s == ".." ? std::string("%2E%2E") : replace_chars(s, {{'%', "%25"}}));
  }
  return out;
}

bool write_atomically(const std::string& path, const std::string& text, std::ostream& err) {
  // The pid keeps concurrent writers (audit workers, shards on a shared volume) apart.
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out.flush()) {
      err << "faultline: error: cannot write '" << tmp << "'\n";
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    err << "faultline: error: cannot write '" << path << "'\n";
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace faultline::report
