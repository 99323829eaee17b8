// The query parameters an operation declares, and the check of a request's query string
// against them: an unknown, repeated, missing or malformed parameter is a 400 before any
// handler runs. A BSN can therefore never be smuggled into a URL (BSN-02): no operation
// declares one. Pure (fuzzed: tests/fuzz/fuzz_request_headers.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace jh::api {

struct QueryParam {
  std::string name;
  std::string description;
  bool required = false;
  bool integer = false;  // otherwise a string
  int64_t minimum = 1;
  int64_t maximum = 1000000;
  std::vector<std::string> enum_values;
};

// Checks the raw query string (after '?') against `declared`. Errors: kInvalidArgument
// naming the parameter (an unknown name truncated to 64 bytes) with code
// onbekende-parameter, dubbel, verplicht, type, enum or lengte.
[[nodiscard]] Status CheckQuery(const std::string& query, const std::vector<QueryParam>& declared);

}  // namespace jh::api
