// Calendar dates (proleptic Gregorian, YYYY-MM-DD) and ages in whole years.
//
// Age (RULES.md: "on the date of the act, from the birth date, in whole years"): the number
// of birthdays passed. Someone born on 29 February has, in a common year, his birthday on
// 1 March: on 28 February he has not yet completed the year. We chose this because it never
// makes anyone older than the full number of years he has lived; it is tested.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace jh {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr): tidy 14 bug

  // Strict YYYY-MM-DD, years 1900..2999, real calendar days only.
  [[nodiscard]] static std::optional<Date> Parse(std::string_view text);
  // As Parse, or kInvalidArgument naming `field` with code "datum".
  [[nodiscard]] static Result<Date> ParseField(std::string_view text, std::string_view field);
  [[nodiscard]] static Date FromDays(int64_t days_since_epoch);

  int64_t ToDays() const;  // days since 1970-01-01
  std::string ToString() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // Adds calendar months/years; a day that does not exist in the target month is clamped
  // to the month's last day (31 January + 1 month = 28/29 February).
  Date AddMonths(int months) const;
  Date AddYears(int years) const { return AddMonths(years * 12); }
};

[[nodiscard]] bool IsLeapYear(int year);
[[nodiscard]] int DaysInMonth(int year, int month);
// Whole years completed on `on` by someone born on `birth`; negative when on < birth.
[[nodiscard]] int AgeInYears(const Date& birth, const Date& on);
// The day on which someone born on `birth` reaches `years` of age (29 Feb → 1 March).
[[nodiscard]] Date DateOfAge(const Date& birth, int years);

}  // namespace jh
