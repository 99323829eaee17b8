#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cstring>

#include "store/pg_errors.h"
#include "store/pg_values.h"

namespace jh::store::pg {

namespace {

// Services use a bounded set of SQL texts; a cache that grows past this means a caller builds
// SQL dynamically, and we start over rather than grow without limit (as the SQLite store).
constexpr size_t kMaxCachedStatements = 512;

// Frees a PGresult when it goes out of scope.
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

bool StartsWith(const char* text, std::string_view prefix) {
  return text != nullptr && std::string_view(text).starts_with(prefix);
}

// The rows an INSERT, UPDATE, DELETE or MERGE changed; 0 for anything else (PostgreSQL counts
// the rows a SELECT returned in the same place, which SQLite's changes() does not).
int64_t RowsChanged(const PGresult* r) {
  const char* tag = PQcmdStatus(const_cast<PGresult*>(r));
  if (!StartsWith(tag, "INSERT") && !StartsWith(tag, "UPDATE") && !StartsWith(tag, "DELETE") &&
      !StartsWith(tag, "MERGE")) {
    return 0;
  }
  const char* n = PQcmdTuples(const_cast<PGresult*>(r));
  int64_t changed = 0;
  std::from_chars(n, n + std::strlen(n), changed);
  return changed;
}

// True when `sql` starts (after blanks and comments) with a statement that would end, nest or
// leave the store's transaction. The SQLite store's authorizer refuses the same; PostgreSQL
// would run them, even as prepared statements.
bool IsTransactionControl(std::string_view sql) {
  size_t i = 0;
  for (;;) {
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])) != 0) ++i;
    if (sql.substr(i, 2) == "--") {
      i = sql.find('\n', i);
    } else if (sql.substr(i, 2) == "/*") {
      i = sql.find("*/", i);
      if (i != std::string_view::npos) i += 2;
    } else {
      break;
    }
    if (i == std::string_view::npos) return false;
  }
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])) != 0) {
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++]))));
  }
  for (const char* control : {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT",
                              "RELEASE", "PREPARE", "SET"}) {
    if (word == control) return true;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  // dbname first: libpq expands the URL there, and the settings after it override its own.
  const std::array<const char*, 5> keys = {"dbname", "client_encoding", "application_name",
                                           "connect_timeout", nullptr};
  const std::array<const char*, 5> values = {url.c_str(), "UTF8", "jeugdhulp", "10", nullptr};
  PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
  if (conn == nullptr) return Error::Unavailable("PostgreSQL: geen geheugen voor een verbinding.");
  std::unique_ptr<Connection> c(new Connection(conn));
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's message names host, port, user and database, never the password; its first
    // line is the reason.
    std::string why = PQerrorMessage(conn);
    why = why.substr(0, why.find('\n'));
    return Error::Unavailable("PostgreSQL is niet bereikbaar: " + why);
  }
  // Server notices ("relation already exists, skipping") are not errors; libpq would print
  // them on stderr, outside the JSON log.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return c;
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Broken() const { return PQstatus(conn_) != CONNECTION_OK; }

void Connection::BeginTx() {
  failure_.reset();
  retryable_ = false;
}

Error Connection::Fail(const PGresult* r) {
  Error e = r == nullptr || Broken() ? LostConnection() : MapError(r);
  if (IsRetryable(r)) retryable_ = true;
  if (!failure_) failure_ = e;
  return e;
}

Status Connection::Control(const char* sql) {
  ResultPtr r(PQexec(conn_, sql));
  const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Fail(r.get());
  return {};
}

Status Connection::Commit() {
  ResultPtr r(PQexec(conn_, "COMMIT"));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) return Fail(r.get());
  if (!StartsWith(PQcmdStatus(r.get()), "COMMIT")) {
    return failure_ ? *failure_ : Error::Internal("postgresql: de transactie was al afgebroken");
  }
  return {};
}

Result<std::string> Connection::Prepare(std::string_view sql, const std::vector<Value>& params) {
  std::string key = TypeSignature(params);
  key.push_back('\n');
  key.append(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  if (IsTransactionControl(sql)) {
    Error e = Error::Internal("postgresql: transactiebesturing in een callback is niet toegestaan");
    if (!failure_) failure_ = e;
    return e;
  }
  if (cache_.size() >= kMaxCachedStatements) {
    ResultPtr gone(PQexec(conn_, "DEALLOCATE ALL"));
    if (!gone || PQresultStatus(gone.get()) != PGRES_COMMAND_OK) return Fail(gone.get());
    cache_.clear();
  }
  std::string name = "jh" + std::to_string(++next_statement_);
  const std::vector<Oid> types = ParameterTypes(params);
  const std::string text(sql);
  ResultPtr r(
      PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()), types.data()));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) return Fail(r.get());
  cache_.emplace(std::move(key), name);
  return name;
}

Result<PGresult*> Connection::Run(std::string_view sql, const std::vector<Value>& params) {
  JH_ASSIGN_OR_RETURN(Parameters bound, Bind(params));
  JH_ASSIGN_OR_RETURN(std::string name, Prepare(sql, params));
  // Results in binary (format 1): int8 as 8 bytes and bytea as its bytes, no text parsing.
  PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                               bound.values.data(), bound.lengths.data(), bound.formats.data(), 1);
  const ExecStatusType status = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return r;
  }
  Error e = Fail(r);
  PQclear(r);
  return e;
}

Result<Rows> Connection::Query(std::string_view sql, const std::vector<Value>& params) {
  JH_ASSIGN_OR_RETURN(PGresult * raw, Run(sql, params));
  ResultPtr r(raw);
  Result<Rows> rows = ReadRows(r.get());
  if (!rows.ok() && !failure_) failure_ = rows.error();
  return rows;
}

Result<int64_t> Connection::Exec(std::string_view sql, const std::vector<Value>& params) {
  JH_ASSIGN_OR_RETURN(PGresult * raw, Run(sql, params));
  ResultPtr r(raw);
  return RowsChanged(r.get());
}

}  // namespace jh::store::pg
