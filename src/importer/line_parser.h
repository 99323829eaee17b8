// The syntax of the two import formats, one person per line:
//
//   CSV   a header line naming the columns of record.h (each at most once; ouderBsn may be
//         left out), then one line per person. Fields are separated by commas; a field may be
//         quoted ("…", with "" for a quote) to hold commas. A quoted field does not span
//         lines. An empty field is a missing one.
//   JSONL one JSON object per line with the same names as members: huisnummer an integer,
//         the others strings; ouderBsn may be absent or null. Unknown members are refused.
//
// Both end in record.h's Validate, so the two formats obey the same rules. Pure: no I/O,
// no clock; safe to use from many threads at once (const).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "importer/record.h"

namespace jh::importer {

enum class Format { kCsv, kJsonl };

// A line longer than this is refused without being parsed.
inline constexpr size_t kMaxLineBytes = size_t{64} * 1024;

class LineParser {
 public:
  // From a CSV header line. Errors (one field error): an unknown column ("onbekend"; named
  // only when SafeName allows), a column named twice ("dubbel"), a required one missing
  // ("ontbreekt"), broken quoting.
  [[nodiscard]] static Result<LineParser> Csv(std::string_view header);
  static LineParser Jsonl() { return LineParser(Format::kJsonl); }

  Format format() const { return format_; }
  // Parses one line (without its line end) and validates it (record.h).
  [[nodiscard]] Result<ImportRecord> Parse(std::string_view line, const Date& today) const;

 private:
  explicit LineParser(Format format) : format_(format) {}
  [[nodiscard]] Result<ImportRecord> ParseCsv(std::string_view line, const Date& today) const;
  [[nodiscard]] Result<ImportRecord> ParseJsonl(std::string_view line, const Date& today) const;

  Format format_;
  // CSV: the column at each position of a line, in header order.
  std::array<Column, kColumnCount> columns_{};
  size_t column_count_ = 0;
};

}  // namespace jh::importer
