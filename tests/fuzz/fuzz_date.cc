// Dates (src/core/date.h) against an independent reading of the calendar. Input: up to
// three '|'-separated texts; each is parsed, the first two are also read as a birth date
// and the date of an act.
// Properties: Date::Parse accepts exactly the strict YYYY-MM-DD spellings of real days in
// 1900..2999 (as a separate parser written from the Gregorian rules decides), ParseField
// and the API's date format agree with it, the day count matches a count by whole years
// and months, AddMonths clamps and never skips a month, and the age is the number of
// birthdays passed (29 February counting on 1 March in common years).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/schema.h"
#include "fuzz_check.h"

namespace {

struct Ymd {
  int y, m, d;
};

bool Leap(int y) { return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0); }

int MonthLength(int y, int m) {
  if (m == 2) return Leap(y) ? 29 : 28;
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
}

// Written without looking at date.cc: position by position.
std::optional<Ymd> ReferenceParse(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  int v[3] = {0, 0, 0};
  int field = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash_here = i == 4 || i == 7;
    if (dash_here) {
      if (s[i] != '-') return std::nullopt;
      ++field;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v[field] = v[field] * 10 + (s[i] - '0');
  }
  if (v[0] < 1900 || v[0] > 2999 || v[1] < 1 || v[1] > 12) return std::nullopt;
  if (v[2] < 1 || v[2] > MonthLength(v[0], v[1])) return std::nullopt;
  return Ymd{v[0], v[1], v[2]};
}

// Days since 1970-01-01, counted by whole years and months (years 1900..3000).
int64_t ReferenceDays(const Ymd& a) {
  int64_t n = 0;
  for (int y = 1970; y < a.y; ++y) n += Leap(y) ? 366 : 365;
  for (int y = a.y; y < 1970; ++y) n -= Leap(y) ? 366 : 365;
  for (int m = 1; m < a.m; ++m) n += MonthLength(a.y, m);
  return n + a.d - 1;
}

const jh::schema::Node& DateField() {
  static const jh::schema::NodePtr node =
      jh::schema::Formatted("Datum.", jh::schema::DateFormat(), "2012-03-04");
  return *node;
}

std::optional<jh::Date> CheckParse(std::string_view in) {
  const std::optional<jh::Date> d = jh::Date::Parse(in);
  const std::optional<Ymd> ref = ReferenceParse(in);
  FUZZ_CHECK(d.has_value() == ref.has_value());
  jh::Result<jh::Date> field = jh::Date::ParseField(in, "geboortedatum");
  FUZZ_CHECK(field.ok() == d.has_value());
  if (!field.ok()) {
    FUZZ_CHECK(field.error().invalid_params.size() == 1);
    FUZZ_CHECK(field.error().invalid_params[0].name == "geboortedatum");
    FUZZ_CHECK(field.error().invalid_params[0].code == "datum");
  }
  FUZZ_CHECK(jh::schema::Validate(DateField(), jh::Json(std::string(in))).ok() == d.has_value());
  if (!d) return d;
  FUZZ_CHECK(d->year == ref->y && d->month == ref->m && d->day == ref->d);
  FUZZ_CHECK(d->ToString() == in);
  FUZZ_CHECK(d->ToDays() == ReferenceDays(*ref));
  FUZZ_CHECK(jh::Date::FromDays(d->ToDays()) == *d);
  FUZZ_CHECK(d->AddDays(-1) < *d && d->AddDays(1) > *d);
  FUZZ_CHECK(d->AddDays(-1).AddDays(1) == *d);
  for (int months : {1, 11, 12, 13, -1, -12, 24 * 12}) {
    const jh::Date moved = d->AddMonths(months);
    const int total = d->year * 12 + d->month - 1 + months;
    FUZZ_CHECK(moved.year == total / 12 && moved.month == total % 12 + 1);
    FUZZ_CHECK(moved.day == std::min(d->day, MonthLength(moved.year, moved.month)));
    FUZZ_CHECK((months > 0) == (moved > *d));
  }
  FUZZ_CHECK(d->AddYears(1) == d->AddMonths(12));
  return d;
}

// The age by counting birthdays one by one: the birthday in year y is (m, d), or 1 March
// when born on 29 February and y is common.
int ReferenceAge(const jh::Date& birth, const jh::Date& on) {
  int age = 0;
  for (int y = birth.year + 1; y <= on.year; ++y) {
    jh::Date birthday{y, birth.month, birth.day};
    if (birth.month == 2 && birth.day == 29 && !Leap(y)) birthday = jh::Date{y, 3, 1};
    if (birthday <= on) ++age;
  }
  return age;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::optional<jh::Date>> dates;
  for (int part = 0; part < 3; ++part) {
    const size_t bar = in.find('|');
    dates.push_back(CheckParse(in.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    in.remove_prefix(bar + 1);
  }
  if (dates.size() >= 2 && dates[0] && dates[1]) {
    const jh::Date& birth = *dates[0];
    const jh::Date& on = *dates[1];
    const int age = jh::AgeInYears(birth, on);
    if (on < birth) {
      FUZZ_CHECK(age < 0);
    } else {
      FUZZ_CHECK(age == ReferenceAge(birth, on));
      FUZZ_CHECK(jh::DateOfAge(birth, age) <= on);
      FUZZ_CHECK(jh::DateOfAge(birth, age + 1) > on);
    }
    FUZZ_CHECK((birth < on) == (birth.ToDays() < on.ToDays()));
  }
  return 0;
}
