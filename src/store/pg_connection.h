// One PostgreSQL connection (libpq) behind a thin RAII wrapper: statements prepared once per
// connection and SQL text, Values sent as binary int8 / bytea and text, results read in
// binary, SQLSTATEs mapped to jh::Error. Internal to the PostgreSQL store.
//
// Unlike SQLite, PostgreSQL aborts the whole transaction at the first failing statement, so
// the connection remembers the first failure of the current transaction (and whether it was
// a serialization failure or deadlock, which the store retries) until BeginTx.
//
// Thread-safety: a Connection is not thread-safe; the store's pool hands each one to a single
// thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "store/callback.h"
#include "store/store.h"

struct pg_conn;
struct pg_result;

namespace jh::store::pg {

class Connection {
 public:
  // Connects to `url` (postgresql://…) with client_encoding UTF8. Errors: kUnavailable, with
  // libpq's reason (which names host and user, never a password).
  [[nodiscard]] static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The store's own commands without parameters (BEGIN, COMMIT, advisory locks), by the
  // simple protocol. Errors as for Query; a failure counts as the transaction's failure too.
  [[nodiscard]] Status Control(const char* sql);
  // One statement with $1..$N parameters; see Tx in store.h for the errors.
  [[nodiscard]] Result<Rows> Query(std::string_view sql, const std::vector<Value>& params);
  [[nodiscard]] Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params);

  // Forgets the failures of the previous transaction; call before BEGIN.
  void BeginTx();
  // COMMIT, checked: PostgreSQL answers COMMIT of an aborted transaction with a successful
  // ROLLBACK, which must not pass for a commit.
  [[nodiscard]] Status Commit();
  // The first failure since BeginTx, if any.
  const std::optional<Error>& failure() const { return failure_; }
  // True when that failure was a serialization failure or deadlock (40001, 40P01): the whole
  // transaction may be run again.
  bool retryable() const { return retryable_; }
  // True when the connection to the server is lost; the pool then replaces it.
  bool Broken() const;

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  // The name of the prepared statement for `sql` with these parameter types.
  [[nodiscard]] Result<std::string> Prepare(std::string_view sql, const std::vector<Value>& params);
  // Prepares and executes one statement. The result is freed by the caller.
  [[nodiscard]] Result<pg_result*> Run(std::string_view sql, const std::vector<Value>& params);
  // Maps a failed result (or a lost connection when `r` is null), remembering it as the
  // transaction's failure.
  Error Fail(const pg_result* r);

  pg_conn* conn_;
  std::unordered_map<std::string, std::string> cache_;  // types + SQL -> statement name
  uint64_t next_statement_ = 0;
  std::optional<Error> failure_;
  bool retryable_ = false;
};

using ConnectionTx = store::ConnectionTx<Connection>;

}  // namespace jh::store::pg
