// libFuzzer target for one importer (FAULTLINE_IMPORTER: graphml, containerlab, batfish-l1,
// netbox): any bytes → the importer either refuses them with ImportError or writes a design
// that parses and resolves without an error (importers must produce valid faultline).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "dsl/import/importer.hpp"
#include "dsl/parse.hpp"
#include "models/resolve.hpp"

using namespace faultline;

namespace {
// The importers read files: the input goes to one in /dev/shm (memory), named per process.
const std::string& scratch() {
  static const std::string path =
      std::string(::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + "/faultline-fuzz-" +
      std::to_string(::getpid()) +
      (std::string(FAULTLINE_IMPORTER) == "containerlab" ? ".clab.yml"
       : std::string(FAULTLINE_IMPORTER) == "graphml"    ? ".graphml"
                                                         : ".json");
  return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream f(scratch(), std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const std::string format = FAULTLINE_IMPORTER;
  dsl::import::ImportOptions opts;
  dsl::import::Imported out;
  try {
    if (format == "graphml")
      out = dsl::import::import_graphml(scratch(), opts);
    else if (format == "containerlab")
      out = dsl::import::import_containerlab(scratch(), opts);
    else if (format == "batfish-l1")
      out = dsl::import::import_batfish_l1(scratch(), opts);
    else
      out = dsl::import::import_netbox({scratch()}, opts);
  } catch (const dsl::import::ImportError&) {
    return 0;  // refused with a message: what bad input should get
  }
  dsl::Diagnostics diags;
  auto parsed = dsl::parse_text("imported.fl", out.text, diags);
  if (!diags.has_errors()) models::resolve(parsed, diags);
  if (diags.has_errors()) __builtin_trap();  // the importer wrote a design that does not load
  return 0;
}
