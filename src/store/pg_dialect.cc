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

// What a migration needs on PostgreSQL beyond its portable SQL, appended to it.
// 0010 (lanes of the audit chains): processes append to lanes of their own in parallel, so
// a record's seq can no longer be "the head's plus one"; it is taken from one sequence,
// started after every seq already used.
std::string PostgresOnly(int version) {
  if (version != 10) return "";
  // The next value is the highest seq so far plus one, or 1 in an empty database.
  return "\nCREATE SEQUENCE keten_seq;\n"
         "SELECT setval('keten_seq', GREATEST(1, x.m), x.m > 0) FROM (SELECT GREATEST("
         "(SELECT COALESCE(MAX(seq), 0) FROM verwerkingen), "
         "(SELECT COALESCE(MAX(seq), 0) FROM besluiten)) AS m) AS x;\n";
}

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> v = AllMigrations();
    for (Migration& m : v) m.sql = ToPostgres(m.sql) + PostgresOnly(m.version);
    return v;
  }();
  return all;
}

}  // namespace jh::store::pg
