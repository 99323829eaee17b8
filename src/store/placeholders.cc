#include "store/placeholders.h"

#include "store/sql_text.h"

namespace jh::store::sqlite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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
