#include "core/bsn.h"

namespace jh {

namespace {
constexpr const char* kRule = "BSN-01";
constexpr const char* kGround = "Wet algemene bepalingen BSN; RvIG";

Error BsnError(std::string_view field, const char* code, const char* reason) {
  Error e = Error::Invalid(std::string(field), code, reason);
  e.rule = kRule;
  e.ground = kGround;
  e.message = "Het BSN is ongeldig (BSN-01).";
  return e;
}
}  // namespace

bool PassesElfproef(std::string_view d) {
  if (d.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    if (d[i] < '0' || d[i] > '9') return false;
    sum += (9 - i) * (d[i] - '0');
  }
  if (d[8] < '0' || d[8] > '9') return false;
  sum -= d[8] - '0';
  return sum % 11 == 0;
}

Result<Bsn> Bsn::Parse(std::string_view input, std::string_view field) {
  if (input.empty()) return BsnError(field, "verplicht", "Een BSN is verplicht.");
  if (input.size() > 9) return BsnError(field, "lengte", "Een BSN heeft ten hoogste 9 cijfers.");
  for (char c : input) {
    if (c < '0' || c > '9') return BsnError(field, "cijfers", "Een BSN bestaat uit cijfers.");
  }
  std::string digits(9 - input.size(), '0');
  digits.append(input);
  if (digits == "000000000")
    return BsnError(field, "nul", "Een BSN bestaat niet uit alleen nullen.");
  if (!PassesElfproef(digits)) {
    return BsnError(field, "elfproef", "Het BSN voldoet niet aan de elfproef.");
  }
  return Bsn(std::move(digits));
}

}  // namespace jh
