// What a rule answers: allowed or not, which rule, its legal source, and why. Rules are pure
// functions (no I/O, no clock, no store): the service gathers the facts — including the
// date of the act — and asks the rule. Each is named after its id in RULES.md.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace jh::rules {

struct Decision {
  bool allowed = false;
  std::string_view rule;    // RULES.md id, e.g. "VIR-02"
  std::string_view ground;  // legal source, e.g. "Jw 7.1.1.2"
  std::string reason;       // Dutch, never personal data

  static Decision Allow(std::string_view rule, std::string_view ground, std::string reason) {
    return Decision{true, rule, ground, std::move(reason)};
  }
  static Decision Refuse(std::string_view rule, std::string_view ground, std::string reason) {
    return Decision{false, rule, ground, std::move(reason)};
  }
};

// A refusal as an error: kForbidden (403) for who-may rules, kUnprocessable (422) for
// content rules.
Error AsForbidden(const Decision& d);
Error AsUnprocessable(const Decision& d);

}  // namespace jh::rules
