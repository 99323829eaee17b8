#include "store/migrations.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <tuple>

#include "core/clock.h"
#include "core/embedded.h"

namespace jh::store {

namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

// "0001_administratie.sql" -> {1, "administratie"}; anything else (a README, a file without
// its number) is not a migration.
std::optional<Migration> FromFile(const embedded::File& file) {
  constexpr std::string_view kSuffix = ".sql";
  std::string_view name = file.name;
  if (name.size() <= kSuffix.size() || !name.ends_with(kSuffix)) return std::nullopt;
  name.remove_suffix(kSuffix.size());
  size_t digits = 0;
  while (digits < name.size() && digits < 9 && name[digits] >= '0' && name[digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || digits >= name.size() || name[digits] != '_') return std::nullopt;
  int version = 0;
  for (size_t i = 0; i < digits; ++i) version = version * 10 + (name[i] - '0');
  return Migration{version, std::string(name.substr(digits + 1)), std::string(file.content)};
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsBlankOrComment(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\r\n");
  while (i != std::string_view::npos) {
    if (s.substr(i, 2) != "--") return false;
    const size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) return true;
    i = s.find_first_not_of(" \t\r\n", eol);
  }
  return true;
}

Error Named(const Migration& m, Error e) {
  e.message = "Migratie " + std::to_string(m.version) + " (" + m.name + "): " + e.message;
  return e;
}

Status ApplyOne(Tx& tx, const Migration& m) {
  JH_ASSIGN_OR_RETURN(Rows done, tx.Query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                          {int64_t{m.version}}));
  if (!done.empty()) return {};  // another process applied it meanwhile
  for (const std::string& statement : SplitStatements(m.sql)) {
    auto r = tx.Exec(statement);
    if (!r.ok()) return Named(m, std::move(r).error());
  }
  JH_TRY(tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                 {int64_t{m.version}, m.name, FormatRfc3339(std::chrono::system_clock::now())}));
  return {};
}

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> v;
    for (const embedded::File& f : embedded::Migrations()) {
      if (auto m = FromFile(f)) v.push_back(std::move(*m));
    }
    // Versions are unique (the primary key of schema_migrations); the name only makes the
    // order total. (std::stable_sort would use std::get_temporary_buffer, deprecated in C++20.)
    std::sort(v.begin(), v.end(), [](const Migration& a, const Migration& b) {
      return std::tie(a.version, a.name) < std::tie(b.version, b.name);
    });
    return v;
  }();
  return all;
}

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  std::string_view rest = sql;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    current.append(line).push_back('\n');
    // A ';' ending a comment line is prose, not the end of a statement.
    if (!IsBlankOrComment(line) && TrimRight(line).ends_with(';')) {
      if (!IsBlankOrComment(current)) out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!IsBlankOrComment(current)) out.push_back(std::move(current));
  return out;
}

Status ApplyMigrations(const TxRunner& in_tx, const std::vector<Migration>& migrations) {
  JH_TRY(in_tx([](Tx& tx) -> Status {
    JH_TRY(tx.Exec(kCreateTable));
    return {};
  }));
  int64_t newest_known = 0;
  for (const Migration& m : migrations) newest_known = std::max<int64_t>(newest_known, m.version);
  int64_t newest_applied = 0;
  JH_TRY(in_tx([&newest_applied](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT MAX(version) FROM schema_migrations"));
    if (!rows.empty()) newest_applied = rows[0].Int(0);
    return {};
  }));
  if (newest_applied > newest_known) {
    return Error::Unavailable("De database heeft schemaversie " + std::to_string(newest_applied) +
                              ", nieuwer dan deze versie van het programma kent.");
  }
  for (const Migration& m : migrations) {
    JH_TRY(in_tx([&m](Tx& tx) { return ApplyOne(tx, m); }));
  }
  return {};
}

}  // namespace jh::store
