// A fresh PostgreSQL database per test, on the server named by JH_TEST_PG_URL (see
// scripts/pg-tmp), dropped again when the object goes. Tests that need PostgreSQL skip when
// the variable is absent — and only then.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace jh::testing {

class PgDatabase {
 public:
  // JH_TEST_PG_URL, or nullopt when unset or empty.
  static std::optional<std::string> BaseUrl();
  // Creates a uniquely named database; nullptr with `error` set on failure.
  static std::unique_ptr<PgDatabase> Create(std::string* error);
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  // The URL of this database (the base URL with its database name replaced).
  const std::string& url() const { return url_; }

 private:
  PgDatabase(std::string name, std::string url) : name_(std::move(name)), url_(std::move(url)) {}
  std::string name_;
  std::string url_;
};

// `url` (postgresql://[auth][/dbname][?params]) naming database `name` instead.
std::string WithDatabase(const std::string& url, const std::string& name);

// The message of a test skipped for want of PostgreSQL.
inline constexpr const char* kNoPostgres =
    "JH_TEST_PG_URL is not set: PostgreSQL tests skipped (scripts/pg-tmp -- COMMAND sets it; "
    "scripts/test-pg runs them)";

}  // namespace jh::testing
