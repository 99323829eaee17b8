// The SQLite store: one writer connection on its own thread (sqlite_writer.cc), and a pool of
// read-only connections, each Read on one of them inside BEGIN ... COMMIT so that all of its
// queries see one snapshot. WAL lets those readers run while the writer commits.
#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <utility>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_checkpointer.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_page_pool.h"
#include "store/sqlite_truncate_shim.h"
#include "store/sqlite_writer.h"
#include "store/store.h"

namespace jh::store {

namespace {

using sqlite::Access;
using SqliteConnection = sqlite::Connection;
using sqlite::ConnectionOptions;

// Read-only connections, checked out by one thread at a time.
// Thread-safety: Acquire and Release are safe from any thread.
class ReaderPool {
 public:
  explicit ReaderPool(std::vector<std::unique_ptr<SqliteConnection>> connections)
      : all_(std::move(connections)) {
    for (auto& c : all_) free_.push_back(c.get());
  }

  // Blocks while every connection is in use.
  SqliteConnection* Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !free_.empty(); });
    SqliteConnection* c = free_.back();
    free_.pop_back();
    return c;
  }

  void Release(SqliteConnection* c) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(c);
    }
    cv_.notify_one();
  }

 private:
  const std::vector<std::unique_ptr<SqliteConnection>> all_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<SqliteConnection*> free_;  // guarded by mu_
};

Status ReadInSnapshot(SqliteConnection& c, const Store::TxFn& fn) {
  JH_TRY(c.Control("BEGIN"));
  sqlite::ConnectionTx tx(c);
  Status result = CallSafely(fn, tx);
  // Nothing was written, so COMMIT and ROLLBACK both just end the snapshot; a connection
  // must never go back to the pool inside a transaction.
  Status ended = c.Control("COMMIT");
  if (!ended.ok() && c.InTransaction()) (void)c.Control("ROLLBACK");
  if (!result.ok()) return result;
  return ended;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<sqlite::Checkpointer> checkpointer,
              std::unique_ptr<sqlite::Writer> writer, std::filesystem::path file,
              ConnectionOptions options)
      : checkpointer_(std::move(checkpointer)),
        writer_(std::move(writer)),
        file_(std::move(file)),
        options_(std::move(options)) {}

  // Opened after the migrations ran, so readers never see a schema half made.
  Status OpenReaders(const std::filesystem::path& file, const SqliteOptions& options) {
    std::vector<std::unique_ptr<SqliteConnection>> readers;
    const ConnectionOptions reader_options{Access::kReadOnly, options.busy_timeout_ms, options.vfs,
                                           options.reader_cache_kib, 0};
    for (int i = 0; i < std::max(1, options.read_connections); ++i) {
      JH_ASSIGN_OR_RETURN(auto c, SqliteConnection::Open(file, reader_options));
      readers.push_back(std::move(c));
    }
    readers_ = std::make_unique<ReaderPool>(std::move(readers));
    return {};
  }

  Status Write(TxFn fn) override { return writer_->Submit(std::move(fn)); }

  Status Read(TxFn fn) override {
    SqliteConnection* c = readers_->Acquire();
    Status result = ReadInSnapshot(*c, fn);
    readers_->Release(c);
    return result;
  }

  // Outside a transaction the statement reads a snapshot of its own, ended by its reset.
  Result<Rows> ReadOne(std::string_view sql, std::vector<Value> params) override {
    SqliteConnection* c = readers_->Acquire();
    Result<Rows> rows = c->Query(sql, params);
    readers_->Release(c);
    return rows;
  }

  void SetAfterCommit(AfterCommitHook hook) { writer_->SetAfterCommit(std::move(hook)); }

  std::string_view Dialect() const override { return "sqlite"; }
  StoreStats Stats() const override {
    StoreStats stats = writer_->Stats();
    // Its own allocations, and the page slots it uses when it has a pool (sqlite_page_pool.h).
    stats.memory_bytes = sqlite3_memory_used() + static_cast<int64_t>(sqlite::PagePoolBytesInUse());
    if (checkpointer_) {
      stats.background_checkpoints = checkpointer_->BackgroundRuns();
      stats.inline_checkpoints = checkpointer_->InlineRuns();
    }
    return stats;
  }

  // A checkpoint may run on any read-write connection; a short-lived one keeps it off the
  // writer thread. TRUNCATE waits (busy_timeout) for readers and leaves a zero-length WAL.
  Status ForgetOverwritten() override {
    JH_ASSIGN_OR_RETURN(auto c, SqliteConnection::Open(file_, options_));
    JH_ASSIGN_OR_RETURN(Rows r, c->Query("PRAGMA wal_checkpoint(TRUNCATE)", {}));
    if (r.empty() || r[0].Int(0) != 0) {
      return Error::Unavailable("De WAL kon niet volledig worden opgeruimd.");
    }
    return {};
  }

 private:
  // Declared before the writer, so destroyed after it: the writer's WAL hook calls it until
  // the writer thread has stopped.
  std::unique_ptr<sqlite::Checkpointer> checkpointer_;
  std::unique_ptr<sqlite::Writer> writer_;
  std::filesystem::path file_;
  ConnectionOptions options_;
  std::unique_ptr<ReaderPool> readers_;
};

Error Unavailable(std::string_view what, const Error& cause) {
  return Error::Unavailable(std::string(what) + ": " + cause.message);
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqlite(const std::filesystem::path& file,
                                          const SqliteOptions& options) {
  // Before the first connection initialises SQLite; later calls change nothing, and a
  // process that started SQLite some other way runs without it (sqlite_truncate_shim.h).
  (void)sqlite::UseTruncateShim();
  auto conn = SqliteConnection::Open(
      file, ConnectionOptions{Access::kReadWrite, options.busy_timeout_ms, options.vfs,
                              options.writer_cache_kib, options.wal_autocheckpoint_pages});
  if (!conn.ok()) return Unavailable("De database kan niet worden geopend", conn.error());
  const ConnectionOptions plain{Access::kReadWrite, options.busy_timeout_ms, options.vfs};
  std::unique_ptr<sqlite::Checkpointer> checkpointer;
  if (options.checkpoint_in_background) {
    // Opened after the writer's connection, which made the file and put it in WAL mode.
    auto own = SqliteConnection::Open(file, plain);
    if (!own.ok()) return Unavailable("De database kan niet worden geopend", own.error());
    constexpr int kSqliteDefaultLimit = 1000;
    const int limit = options.wal_autocheckpoint_pages > 0 ? options.wal_autocheckpoint_pages
                                                           : kSqliteDefaultLimit;
    JH_ASSIGN_OR_RETURN(checkpointer, sqlite::Checkpointer::Start(std::move(own).value(), limit));
    (*conn)->SetWalHook(
        [c = checkpointer.get(), w = conn->get()](int frames) { c->AfterCommit(*w, frames); });
  }
  const int max_batch = options.group_commit ? options.max_batch : 1;
  JH_ASSIGN_OR_RETURN(auto writer, sqlite::Writer::Start(std::move(conn).value(), max_batch,
                                                         options.rerun_batches));
  auto store =
      std::make_unique<SqliteStore>(std::move(checkpointer), std::move(writer), file, plain);

  // Migrations take the same write path as everything else.
  Status migrated = ApplyMigrations([&store](const Store::TxFn& fn) { return store->Write(fn); },
                                    AllMigrations());
  if (!migrated.ok()) {
    return Unavailable("Het databaseschema kan niet worden bijgewerkt", migrated.error());
  }
  if (Status r = store->OpenReaders(file, options); !r.ok()) {
    return Unavailable("De database kan niet worden geopend", r.error());
  }
  // Only now: the hook reads tables that the migrations above may just have created.
  store->SetAfterCommit(options.after_commit);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jh::store
