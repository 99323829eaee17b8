// Burgerservicenummer. Rule BSN-01 (Wet algemene bepalingen BSN; RvIG): nine digits after
// left-padding shorter input with zeros, passing the elfproef, and never 000000000.
// A Bsn value is always valid; its digits must never reach a URL, log or error (BSN-02).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace jh {

class Bsn {
 public:
  // Parses user input. Errors (kInvalidArgument, rule BSN-01, field `field`): empty,
  // non-digits, more than nine digits, all zeros, failing the elfproef. The error text
  // never repeats the input.
  [[nodiscard]] static Result<Bsn> Parse(std::string_view input, std::string_view field = "bsn");

  const std::string& digits() const { return digits_; }
  bool operator==(const Bsn&) const = default;

 private:
  explicit Bsn(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// BSN-01 as a pure predicate on exactly nine digits.
[[nodiscard]] bool PassesElfproef(std::string_view nine_digits);

}  // namespace jh
