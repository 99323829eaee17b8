// The configured clock. Rules never read a clock: services ask this object for the date of
// the act and pass it to the rules. `serve --today` fixes the date (tests, demos).
//
// Thread-safety: all methods may be called concurrently; SetToday is atomic.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace jh {

class Clock {
 public:
  // With `fixed_today`, Today() is that date and Now() is shifted by whole days so that its
  // date in Amsterdam is that date too; otherwise the real Amsterdam date and time.
  explicit Clock(std::optional<Date> fixed_today = std::nullopt);

  Date Today() const;
  std::chrono::system_clock::time_point Now() const;
  // Now() as RFC 3339 in UTC with millisecond precision, e.g. 2026-11-29T17:28:06.123Z.
  std::string NowRfc3339() const;
  // Fixes the date from now on (tests that move through time).
  void SetToday(const Date& date);

 private:
  std::atomic<int64_t> fixed_days_;  // days since epoch, or kNotFixed
  static constexpr int64_t kNotFixed = INT64_MIN;
};

// The calendar date in Europe/Amsterdam (CET/CEST, EU summer-time rule) at `t`.
Date AmsterdamDate(std::chrono::system_clock::time_point t);
std::string FormatRfc3339(std::chrono::system_clock::time_point t);

}  // namespace jh
