// Valid test BSNs for integration tests that need many distinct persons.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jh::testing {

// The first `n` numbers from `start` upwards (nine digits) that pass the elfproef (BSN-01).
inline std::vector<std::string> ValidBsns(int64_t start, int n) {
  std::vector<std::string> out;
  for (int64_t k = start; static_cast<int>(out.size()) < n; ++k) {
    const std::string d = std::to_string(k);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
    if ((sum - (d[8] - '0')) % 11 == 0) out.push_back(d);
  }
  return out;
}

}  // namespace jh::testing
