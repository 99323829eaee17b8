// Bsn::Parse against an independent reading of BSN-01, and Date::Parse with the age
// arithmetic of date.h. Input: "<bsn or date>" or "<birth date>|<date of the act>".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bsn.h"
#include "core/date.h"
#include "fuzz_check.h"

namespace {

// BSN-01 as RULES.md words it, written separately from src/core/bsn.cc.
bool ReferenceBsnValid(std::string_view in) {
  if (in.empty() || in.size() > 9) return false;
  for (char c : in) {
    if (c < '0' || c > '9') return false;
  }
  std::string d = std::string(9 - in.size(), '0') + std::string(in);
  if (d == "000000000") return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
  sum -= d[8] - '0';
  return sum % 11 == 0;
}

std::string_view LongestDigitRun(std::string_view s) {
  std::string_view best;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j - i > best.size()) best = s.substr(i, j - i);
    i = j + 1;
  }
  return best;
}

void CheckBsn(std::string_view in) {
  jh::Result<jh::Bsn> bsn = jh::Bsn::Parse(in, "bsn");
  FUZZ_CHECK(bsn.ok() == ReferenceBsnValid(in));
  if (bsn.ok()) {
    const std::string& digits = bsn->digits();
    FUZZ_CHECK(digits.size() == 9);
    FUZZ_CHECK(jh::PassesElfproef(digits));
    FUZZ_CHECK(digits.ends_with(in));
    jh::Result<jh::Bsn> again = jh::Bsn::Parse(digits);
    FUZZ_CHECK(again.ok() && *again == *bsn);
  } else {
    const jh::Error& e = bsn.error();
    FUZZ_CHECK(e.code == jh::ErrorCode::kInvalidArgument);
    FUZZ_CHECK(e.rule == "BSN-01");
    // BSN-02: the error never repeats the digits sent (a run of six or more digits, which no
    // message text contains; 000000000 is named in its own refusal).
    std::string_view digits = LongestDigitRun(in);
    if (digits.size() >= 6 && digits.find_first_not_of('0') != std::string_view::npos) {
      FUZZ_CHECK(e.message.find(digits) == std::string::npos);
      for (const jh::InvalidParam& p : e.invalid_params) {
        FUZZ_CHECK(p.reason.find(digits) == std::string::npos);
        FUZZ_CHECK(p.name.find(digits) == std::string::npos);
      }
    }
  }
}

void CheckDate(std::string_view in) {
  std::optional<jh::Date> d = jh::Date::Parse(in);
  jh::Result<jh::Date> field = jh::Date::ParseField(in, "datum");
  FUZZ_CHECK(d.has_value() == field.ok());
  if (!d) return;
  FUZZ_CHECK(d->ToString() == in);  // strict YYYY-MM-DD: exactly one spelling per date
  FUZZ_CHECK(d->year >= 1900 && d->year <= 2999);
  FUZZ_CHECK(d->month >= 1 && d->month <= 12);
  FUZZ_CHECK(d->day >= 1 && d->day <= jh::DaysInMonth(d->year, d->month));
  FUZZ_CHECK(jh::Date::FromDays(d->ToDays()) == *d);
  FUZZ_CHECK(d->AddDays(1).ToDays() == d->ToDays() + 1);
  FUZZ_CHECK(d->AddDays(1) > *d);
  jh::Date next_month = d->AddMonths(1);
  FUZZ_CHECK(next_month > *d);
  FUZZ_CHECK(next_month.day <= d->day);  // clamped to the month's last day, never later
  FUZZ_CHECK(jh::AgeInYears(*d, *d) == 0);
}

// For birth <= on: the age a is the number of birthdays passed, so the day of reaching a
// lies on or before `on` and the day of reaching a + 1 after it.
void CheckAge(std::string_view birth_text, std::string_view on_text) {
  std::optional<jh::Date> birth = jh::Date::Parse(birth_text);
  std::optional<jh::Date> on = jh::Date::Parse(on_text);
  if (!birth || !on) return;
  int age = jh::AgeInYears(*birth, *on);
  if (*on < *birth) {
    FUZZ_CHECK(age < 0);
    return;
  }
  FUZZ_CHECK(age >= 0 && age <= 1100);
  FUZZ_CHECK(jh::DateOfAge(*birth, age) <= *on);
  FUZZ_CHECK(jh::DateOfAge(*birth, age + 1) > *on);
  FUZZ_CHECK(jh::AgeInYears(*birth, jh::DateOfAge(*birth, age)) == age);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  CheckBsn(in);
  CheckDate(in);
  if (size_t bar = in.find('|'); bar != std::string_view::npos) {
    CheckBsn(in.substr(0, bar));
    CheckAge(in.substr(0, bar), in.substr(bar + 1));
  }
  return 0;
}
