// A step shared by the two small SQL scanners of the store (placeholders.cc for SQLite,
// pg_dialect.cc for PostgreSQL), which both copy comments and quoted text unchanged.
#pragma once

#include <string>
#include <string_view>

namespace jh::store {

// Copies sql[i..] up to and including the first `close` (or to the end), returning the index
// just past it. SQL doubles a quote inside a literal ('it''s'); that reads as two adjacent
// literals here, which is fine because nothing between them is rewritten.
inline size_t CopyUntil(std::string_view sql, size_t i, std::string_view close, std::string& out) {
  size_t end = sql.find(close, i);
  end = end == std::string_view::npos ? sql.size() : end + close.size();
  out.append(sql.substr(i, end - i));
  return end;
}

}  // namespace jh::store
