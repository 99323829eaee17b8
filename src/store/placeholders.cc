#include "store/placeholders.h"

namespace jh::store::sqlite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Copies sql[i..] up to and including the first `close` (or to the end), returning the index
// just past it. SQL doubles a quote inside a literal ('it''s'); that reads as two adjacent
// literals here, which is fine because nothing between them is translated.
size_t CopyUntil(std::string_view sql, size_t i, std::string_view close, std::string& out) {
  size_t end = sql.find(close, i);
  end = end == std::string_view::npos ? sql.size() : end + close.size();
  out.append(sql.substr(i, end - i));
  return end;
}

}  // namespace

std::string TranslatePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"' || c == '`') {
      out.push_back(c);
      i = CopyUntil(sql, i + 1, std::string_view(&c, 1), out);
    } else if (c == '[') {
      out.push_back(c);
      i = CopyUntil(sql, i + 1, "]", out);
    } else if (c == '-' && next == '-') {
      i = CopyUntil(sql, i, "\n", out);
    } else if (c == '/' && next == '*') {
      out.append("/*");
      i = CopyUntil(sql, i + 2, "*/", out);
    } else if (c == '$' && IsDigit(next)) {
      out.push_back('?');
      ++i;
      while (i < sql.size() && IsDigit(sql[i])) out.push_back(sql[i++]);
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace jh::store::sqlite
