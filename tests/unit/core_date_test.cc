#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <string>

#include "core/clock.h"
#include "core/date.h"
#include "support/date_literal.h"

namespace jh {
namespace {

using jh::testing::D;

TEST(Date, ParsesStrictly) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2024-13-01"));
  EXPECT_FALSE(Date::Parse("2024-1-01"));
  EXPECT_FALSE(Date::Parse("2024-01-01T00:00"));
  EXPECT_FALSE(Date::Parse("20240101"));
  EXPECT_FALSE(Date::Parse("1899-12-31"));
  EXPECT_FALSE(Date::Parse("2024-00-10"));
  EXPECT_FALSE(Date::Parse("2024-04-31"));
  EXPECT_FALSE(Date::Parse("+024-04-01"));
  auto f = Date::ParseField("x", "geboortedatum");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().invalid_params.at(0).name, "geboortedatum");
}

TEST(Date, DaysRoundTrip) {
  for (int64_t d = -30000; d < 60000; d += 37) EXPECT_EQ(Date::FromDays(d).ToDays(), d);
  EXPECT_EQ(D("1970-01-01").ToDays(), 0);
  EXPECT_EQ(D("2000-03-01").ToDays() - D("2000-02-28").ToDays(), 2);
  EXPECT_EQ(D("2026-11-29").ToString(), "2026-11-29");
}

TEST(Date, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(D("2024-01-31").AddMonths(1), D("2024-02-29"));
  EXPECT_EQ(D("2023-01-31").AddMonths(1), D("2023-02-28"));
  EXPECT_EQ(D("2024-02-29").AddYears(1), D("2025-02-28"));
  EXPECT_EQ(D("2024-11-15").AddMonths(2), D("2025-01-15"));
}

TEST(Age, AroundBirthdays) {
  Date birth = D("2010-06-15");
  EXPECT_EQ(AgeInYears(birth, D("2022-06-14")), 11);
  EXPECT_EQ(AgeInYears(birth, D("2022-06-15")), 12);
  EXPECT_EQ(AgeInYears(birth, D("2022-06-16")), 12);
  EXPECT_EQ(AgeInYears(birth, D("2026-06-14")), 15);
  EXPECT_EQ(AgeInYears(birth, D("2026-06-15")), 16);
  EXPECT_EQ(AgeInYears(birth, D("2010-06-15")), 0);
  EXPECT_EQ(AgeInYears(birth, D("2010-06-14")), -1);
}

// Decision: someone born on 29 February completes a year on 1 March in common years.
TEST(Age, TwentyNinthOfFebruary) {
  Date leapling = D("2004-02-29");
  EXPECT_EQ(AgeInYears(leapling, D("2027-02-28")), 22);
  EXPECT_EQ(AgeInYears(leapling, D("2027-03-01")), 23);
  EXPECT_EQ(AgeInYears(leapling, D("2028-02-28")), 23);
  EXPECT_EQ(AgeInYears(leapling, D("2028-02-29")), 24);
  EXPECT_EQ(DateOfAge(leapling, 23), D("2027-03-01"));
  EXPECT_EQ(DateOfAge(leapling, 24), D("2028-02-29"));
  EXPECT_EQ(DateOfAge(D("2010-06-15"), 12), D("2022-06-15"));
}

TEST(Clock, FixedTodayAndAmsterdamDate) {
  Clock fixed(D("2026-03-01"));
  EXPECT_EQ(fixed.Today(), D("2026-03-01"));
  EXPECT_EQ(AmsterdamDate(fixed.Now()), D("2026-03-01"));
  fixed.SetToday(D("2030-01-02"));
  EXPECT_EQ(fixed.Today(), D("2030-01-02"));

  using namespace std::chrono;
  auto at = [](const char* day, int hour_utc) {
    return system_clock::time_point(seconds(D(day).ToDays() * 86400 + hour_utc * 3600));
  };
  // Winter: UTC+1. 23:30 UTC on 1 Dec is 00:30 on 2 Dec in Amsterdam.
  EXPECT_EQ(AmsterdamDate(at("2026-12-01", 23)), D("2026-12-02"));
  EXPECT_EQ(AmsterdamDate(at("2026-12-01", 22)), D("2026-12-01"));
  // Summer: UTC+2. 22:00 UTC on 1 July is midnight on 2 July.
  EXPECT_EQ(AmsterdamDate(at("2026-07-01", 22)), D("2026-07-02"));
  EXPECT_EQ(AmsterdamDate(at("2026-07-01", 21)), D("2026-07-01"));
  EXPECT_EQ(FormatRfc3339(at("2026-07-01", 21)), "2026-07-01T21:00:00.000Z");
}

// FormatRfc3339 writes its digits by hand; gmtime_r and snprintf are the reference, at the
// edges of a day, a leap day and the milliseconds. (system_clock counts nanoseconds in 64
// bits here, so it ends in 2262: no year ever needs more than four digits.)
TEST(Clock, Rfc3339MatchesGmtime) {
  using namespace std::chrono;
  auto reference = [](int64_t ms) {
    const time_t secs = static_cast<time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    return std::string(buf);
  };
  const int64_t leap_day = D("2028-02-29").ToDays() * 86400000;
  const int64_t late = D("2261-12-31").ToDays() * 86400000;
  for (int64_t ms : {int64_t{0}, int64_t{999}, leap_day - 1, leap_day, leap_day + 86399999,
                     leap_day + 45296789, late + 86399999}) {
    EXPECT_EQ(FormatRfc3339(system_clock::time_point(milliseconds(ms))), reference(ms)) << ms;
  }
  EXPECT_EQ(FormatRfc3339(system_clock::time_point(milliseconds(leap_day + 45296789))),
            "2028-02-29T12:34:56.789Z");
}

}  // namespace
}  // namespace jh
