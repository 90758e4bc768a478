// faultline: a formal redundancy verifier for network designs.
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return faultline::cli::run_cli(argc, argv, std::cout, std::cerr);
}
