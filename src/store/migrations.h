// Versioned schema migrations, embedded in the binary from store/migrations/NNNN_*.sql and
// applied in order at start inside one transaction each; the applied versions are kept in
// the table schema_migrations. The SQL is portable (see store.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jh::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // several statements separated by ';' at line ends
};

// All migrations, ordered by version.
const std::vector<Migration>& AllMigrations();

// Splits a migration into single statements (on ';' at the end of a line).
std::vector<std::string> SplitStatements(const std::string& sql);

// Runs a callback in one transaction and commits it when the callback returns ok.
using TxRunner = std::function<Status(const Store::TxFn&)>;

// Applies, in version order, each migration not yet recorded in schema_migrations: its
// statements and its row there in one transaction run by `in_tx`, so a migration is applied
// whole or not at all. Independent of the store implementation (the PostgreSQL store passes
// migrations with BLOB mapped to BYTEA). Errors: the failing statement's error, with the
// migration named in the message; kUnavailable when the database holds a version newer than
// any in `migrations` (an older binary must not run on a newer schema).
[[nodiscard]] Status ApplyMigrations(const TxRunner& in_tx,
                                     const std::vector<Migration>& migrations);

}  // namespace jh::store
