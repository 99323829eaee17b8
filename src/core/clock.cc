#include "core/clock.h"

#include <cstdio>

namespace jh {

namespace {
using std::chrono::system_clock;

// Last Sunday of a month at 01:00 UTC, in seconds since the epoch (EU summer time switch).
int64_t LastSundayUtc1(int year, int month) {
  Date last{year, month, DaysInMonth(year, month)};
  int64_t days = last.ToDays();
  int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday (4)
  days -= weekday;                                           // back to Sunday (0)
  return days * 86400 + 3600;
}
}  // namespace

Date AmsterdamDate(system_clock::time_point t) {
  int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  int year = Date::FromDays(secs / 86400).year;
  bool summer = secs >= LastSundayUtc1(year, 3) && secs < LastSundayUtc1(year, 10);
  int64_t local = secs + (summer ? 7200 : 3600);
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return Date::FromDays(days);
}

std::string FormatRfc3339(system_clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  int64_t secs = ms / 1000;
  int64_t days = secs / 86400;
  int64_t rem = secs % 86400;
  Date d = Date::FromDays(days);
  // Every log record carries two of these; by hand they cost a fraction of snprintf's parse of
  // the format. system_clock ends in 2262, so four digits always hold the year; times before
  // 1970 keep the old form.
  if (ms >= 0) {
    std::string out(24, '\0');
    auto put = [&out](size_t at, int64_t value, int width) {
      for (int i = width - 1; i >= 0; --i, value /= 10) {
        out[at + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
      }
    };
    put(0, d.year, 4);
    out[4] = '-';
    put(5, d.month, 2);
    out[7] = '-';
    put(8, d.day, 2);
    out[10] = 'T';
    put(11, rem / 3600, 2);
    out[13] = ':';
    put(14, rem / 60 % 60, 2);
    out[16] = ':';
    put(17, rem % 60, 2);
    out[19] = '.';
    put(20, ms % 1000, 3);
    out[23] = 'Z';
    return out;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60), static_cast<int>(ms % 1000));
  return buf;
}

Clock::Clock(std::optional<Date> fixed_today)
    : fixed_days_(fixed_today ? fixed_today->ToDays() : kNotFixed) {}

Date Clock::Today() const {
  int64_t fixed = fixed_days_.load();
  return fixed == kNotFixed ? AmsterdamDate(system_clock::now()) : Date::FromDays(fixed);
}

system_clock::time_point Clock::Now() const {
  auto now = system_clock::now();
  int64_t fixed = fixed_days_.load();
  if (fixed == kNotFixed) return now;
  int64_t shift = fixed - AmsterdamDate(now).ToDays();
  return now + std::chrono::hours(24 * shift);
}

std::string Clock::NowRfc3339() const { return FormatRfc3339(Now()); }

void Clock::SetToday(const Date& date) { fixed_days_.store(date.ToDays()); }

}  // namespace jh
