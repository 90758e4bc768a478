#include "verifier/files.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace faultline::verifier {

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

}  // namespace faultline::verifier
