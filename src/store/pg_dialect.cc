#include "store/pg_dialect.h"

#include "store/sql_text.h"

namespace jh::store::pg {

namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string ToPostgres(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 64);
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      out.push_back(c);
      i = CopyUntil(sql, i + 1, std::string_view(&c, 1), out);
    } else if (c == '-' && next == '-') {
      i = CopyUntil(sql, i, "\n", out);
    } else if (c == '/' && next == '*') {
      out.append("/*");
      i = CopyUntil(sql, i + 2, "*/", out);
    } else if (IsWordChar(c)) {
      size_t end = i;
      while (end < sql.size() && IsWordChar(sql[end])) ++end;
      const std::string_view word = sql.substr(i, end - i);
      if (word == "BLOB") {
        out.append("BYTEA");
      } else if (word == "TEXT") {
        out.append("TEXT COLLATE \"C\"");
      } else {
        out.append(word);
      }
      i = end;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> v = AllMigrations();
    for (Migration& m : v) m.sql = ToPostgres(m.sql);
    return v;
  }();
  return all;
}

}  // namespace jh::store::pg
