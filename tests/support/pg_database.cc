#include "support/pg_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

namespace jh::testing {

namespace {

// Runs one command outside a transaction (CREATE and DROP DATABASE must) on the base URL's
// database. Returns "" or the server's message.
std::string RunOnServer(const std::string& sql) {
  const std::optional<std::string> base = PgDatabase::BaseUrl();
  if (!base) return "JH_TEST_PG_URL unset";
  PGconn* c = PQconnectdb(base->c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(c);
  return error;
}

}  // namespace

std::optional<std::string> PgDatabase::BaseUrl() {
  const char* url = std::getenv("JH_TEST_PG_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

std::string WithDatabase(const std::string& url, const std::string& name) {
  const size_t scheme = url.find("://");
  const size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  size_t path = url.find_first_of("/?", authority);
  if (path == std::string::npos) return url + "/" + name;
  const size_t query = url.find('?', path);
  return url.substr(0, path) + "/" + name +
         (query == std::string::npos ? std::string() : url.substr(query));
}

std::unique_ptr<PgDatabase> PgDatabase::Create(std::string* error) {
  const std::optional<std::string> base = BaseUrl();
  if (!base) {
    *error = "JH_TEST_PG_URL unset";
    return nullptr;
  }
  static std::atomic<int> counter{0};
  std::random_device rd;
  const std::string name = "jh_t" + std::to_string(::getpid()) + "_" +
                           std::to_string(counter.fetch_add(1)) + "_" +
                           std::to_string(rd() % 100000);
  *error = RunOnServer("CREATE DATABASE " + name);
  if (!error->empty()) return nullptr;
  return std::unique_ptr<PgDatabase>(new PgDatabase(name, WithDatabase(*base, name)));
}

PgDatabase::~PgDatabase() {
  // FORCE ends sessions a killed server process may have left behind.
  (void)RunOnServer("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace jh::testing
