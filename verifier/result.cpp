#include "verifier/result.hpp"

#include <algorithm>

namespace faultline::verifier {

const char* status_name(Status s) {
  switch (s) {
    case Status::proved:
      return "proved";
    case Status::violated:
      return "violated";
    case Status::unknown:
      return "unknown";
  }
  return "unknown";
}

Count combinations_up_to(std::size_t n, std::size_t k) {
  Count total = 0, c = 1;  // c = C(n, i)
  for (std::size_t i = 0; i <= std::min(n, k); ++i) {
    total += c;
    c = c * (n - i) / (i + 1);
  }
  return total;
}

std::string to_decimal(Count v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace faultline::verifier
