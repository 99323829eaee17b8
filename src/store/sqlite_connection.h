// One SQLite connection behind a thin RAII wrapper: opened with the pragmas the store needs,
// prepared statements cached by SQL text, Values bound and read with the matching SQLite
// types, SQLite result codes mapped to jh::Error. Internal to the SQLite store.
//
// Thread-safety: a Connection is not thread-safe. The store hands each one to a single thread
// at a time (the writer thread, or the reader that checked it out of the pool).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "store/callback.h"
#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace jh::store::sqlite {

enum class Access { kReadWrite, kReadOnly };

struct ConnectionOptions {
  Access access = Access::kReadWrite;
  int busy_timeout_ms = 5000;
  std::string vfs;                   // "" = default VFS
  int cache_kib = 0;                 // page cache in KiB; 0 = SQLite's default
  int wal_autocheckpoint_pages = 0;  // writer only; 0 = SQLite's default (1000 pages)
};

class Connection {
 public:
  // Opens `file` (created only for kReadWrite). Read-write: journal_mode=WAL,
  // synchronous=FULL, temp_store=MEMORY, secure_delete=ON, foreign_keys=ON. Read-only:
  // query_only=ON. Both: busy_timeout. Errors: kUnavailable when the file cannot be opened or a
  // pragma does not take.
  [[nodiscard]] static Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& file,
                                                                const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs the store's own transaction control ("BEGIN IMMEDIATE", "SAVEPOINT x", "COMMIT"),
  // which the statements of a Tx may not (see Authorize in the .cc). A single statement is
  // prepared once and kept for the connection's life; its failure leaves it ready for the
  // next call. Errors: as Tx's (MapError).
  [[nodiscard]] Status Control(const char* sql);
  // One statement with $1..$N parameters; see Tx in store.h for the errors.
  [[nodiscard]] Result<Rows> Query(std::string_view sql, const std::vector<Value>& params);
  [[nodiscard]] Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params);

  // False once SQLite ended the transaction by itself (it does after some I/O errors).
  bool InTransaction() const;

  // Runs `hook` on this connection's thread after each commit, with the number of frames
  // the WAL then holds. It replaces SQLite's automatic checkpoint on this connection, which
  // stays off when an empty hook removes it again.
  void SetWalHook(std::function<void(int frames)> hook);

  // A PASSIVE checkpoint: copies as much of the WAL into the database file as the readers
  // allow and syncs the file, without waiting for readers or the writer. False when another
  // connection was checkpointing, so nothing was done.
  // Errors: kUnavailable when reading, writing or syncing failed.
  [[nodiscard]] Result<bool> CheckpointPassive();

 private:
  explicit Connection(sqlite3* db, Access access) : db_(db), access_(access) {}
  [[nodiscard]] Status Configure(const ConnectionOptions& options);
  // The cached statement for `sql`, or nullptr when `sql` holds no statement (only comments).
  [[nodiscard]] Result<sqlite3_stmt*> Prepare(std::string_view sql);
  // Prepares, binds and steps one statement; collects rows into `rows` and the number of
  // rows it changed into `changes` when those are not null.
  [[nodiscard]] Status Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
                           int64_t* changes);
  static int Authorize(void* self, int action, const char*, const char*, const char*, const char*);
  static int OnWal(void* self, sqlite3*, const char*, int frames);

  sqlite3* db_;
  Access access_;
  bool in_control_ = false;  // true only while Control() prepares the store's own SQL
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  // Control()'s statements: a handful of fixed texts, kept apart from cache_ so that its
  // reset never finalizes a statement Control is stepping.
  std::unordered_map<std::string, sqlite3_stmt*> control_cache_;
  std::function<void(int)> wal_hook_;
};

using ConnectionTx = store::ConnectionTx<Connection>;

// Maps an extended SQLite result code to an Error (see Tx in store.h).
Error MapError(int extended_code, sqlite3* db);

}  // namespace jh::store::sqlite
