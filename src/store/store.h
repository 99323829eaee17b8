// The store: one small interface, two implementations (SQLite; PostgreSQL, pg_store.cc).
//
// SQL handed to a Tx is portable between both: placeholders $1..$N, the types TEXT,
// BIGINT and BLOB (the PostgreSQL implementation maps BLOB to BYTEA), INSERT ... ON
// CONFLICT ... DO NOTHING/UPDATE, RETURNING, standard functions only. Services never
// write SQL that only one store understands.
//
// Thread-safety: a Store is safe to use from many threads. A Tx is only valid inside the
// callback it is passed to and must not escape it.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace jh::store {

struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// NULL, integer, text, bytes.
using Value = std::variant<std::monostate, int64_t, std::string, Blob>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Typed access; a NULL or a different type yields the empty value / 0.
  std::string Text(size_t i) const;
  int64_t Int(size_t i) const;
  std::string Bytes(size_t i) const;  // BLOB bytes (also accepts TEXT)
  std::optional<std::string> OptText(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// The lane of the audit chains a write appends to (audit/chain.h), for a store whose
// processes append in parallel, each to a lane of its own (PostgreSQL). The store owns it,
// hands it to one write at a time and keeps what the appends learn: the lane's heads as
// committed, so an append need not read them. Index of `committed`/`pending`: audit::Chain.
struct LaneState {
  struct Head {
    int64_t seq = 0;
    std::string hash;
  };
  int64_t lane = 0;
  // The heads as of the last commit (nullopt: not known), and as the running transaction's
  // appends moved them.
  std::array<std::optional<Head>, 2> committed;
  std::array<std::optional<Head>, 2> pending;
  bool stale = false;  // an append met another writer's record in this lane: forget the heads
  // Values of the chains' shared sequence reserved for this lane's next appends, ascending,
  // from `next_seq` on. Reserved a block at a time (one round trip instead of one per record);
  // forgotten with the heads, because a lane taken anew may already hold higher seqs.
  std::vector<int64_t> seqs;
  size_t next_seq = 0;
};

// A connection inside one transaction.
// Errors: kConflict for a unique or primary-key violation (message names no values);
// kInvalidArgument never; kUnavailable when the database failed (I/O, busy too long);
// kInternal for SQL that does not prepare (a defect).
class Tx {
 public:
  virtual ~Tx() = default;
  [[nodiscard]] virtual Result<Rows> Query(std::string_view sql,
                                           std::vector<Value> params = {}) = 0;
  // Returns the number of rows changed.
  [[nodiscard]] virtual Result<int64_t> Exec(std::string_view sql,
                                             std::vector<Value> params = {}) = 0;
  // The chain lane of this write, or null: lane 0, whose heads are read in the transaction
  // (SQLite, where one writer thread serialises all appends).
  virtual LaneState* Lane() { return nullptr; }
};

// Upper bounds, in seconds, of the buckets StoreStats counts COMMIT durations in.
inline constexpr std::array<double, 9> kCommitBucketsSeconds = {0.0005, 0.001, 0.002, 0.005, 0.01,
                                                                0.02,   0.05,  0.1,   0.5};

// Counters since the store was opened, for metrics and tests.
struct StoreStats {
  int64_t writes = 0;          // Write calls finished (committed, refused or failed)
  int64_t commits = 0;         // write transactions committed: one fsync each
  int64_t failed_batches = 0;  // write transactions that could not begin or commit
  int64_t pending = 0;         // Write calls queued, not yet taken by the writer
  // Bytes the store's library holds in this process (SQLite: sqlite3_memory_used(), mostly
  // page caches, which the caches' sizes bound); 0 where not known (PostgreSQL's are in its
  // own processes).
  int64_t memory_bytes = 0;
  // WAL checkpoints run off the writer thread, and by the writer itself because the WAL
  // reached its hard limit (SQLite with SqliteOptions::checkpoint_in_background; else 0).
  int64_t background_checkpoints = 0;
  int64_t inline_checkpoints = 0;
  // How long each committed transaction's COMMIT took (SQLite: writing its pages to the WAL,
  // the fsync, and a checkpoint the writer ran then), per bucket of kCommitBucketsSeconds,
  // not cumulative; the last count is above the last bound. Their sum in seconds. Counted
  // by the SQLite store only (zero on PostgreSQL).
  std::array<uint64_t, kCommitBucketsSeconds.size() + 1> commit_durations{};
  double commit_seconds_sum = 0;
};

class Store {
 public:
  using TxFn = std::function<Status(Tx&)>;
  virtual ~Store() = default;

  // Runs fn in a write transaction. Returns only after what fn wrote is durable (on disk,
  // fsynced) or known to be lost. Concurrent calls are batched into one transaction and one
  // fsync (group commit); an fn that returns an error (or whose statement failed) has only
  // its own writes rolled back, by a savepoint of its own, and that error is returned to its
  // caller. fn may run more than once: a store may run a batch again (PostgreSQL, after a
  // serialization failure or to give a failed fn its savepoint); what counts is the last
  // run, whose writes are the ones committed. If the batch cannot be committed every caller
  // in it gets kUnavailable and nothing of it persists.
  [[nodiscard]] virtual Status Write(TxFn fn) = 0;

  // Runs fn on a consistent read snapshot. Writes inside fn are a defect.
  [[nodiscard]] virtual Status Read(TxFn fn) = 0;

  // Runs one read-only statement on a snapshot of its own: what Read gives for an fn with that
  // one Query, which every authenticated request makes (the token lookup). A store may do it in
  // fewer steps: PostgreSQL runs it without the BEGIN and COMMIT around it, two statements
  // its server would run besides. A statement that writes is a defect (refused by SQLite's
  // read-only connections; on PostgreSQL kInternal unless it starts with SELECT).
  // Errors as Tx::Query.
  [[nodiscard]] virtual Result<Rows> ReadOne(std::string_view sql, std::vector<Value> params = {}) {
    Rows rows;
    JH_TRY(Read([&](Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(rows, tx.Query(sql, std::move(params)));
      return {};
    }));
    return rows;
  }

  // "sqlite" or "postgresql".
  virtual std::string_view Dialect() const = 0;

  // After an erasure: makes superseded versions of overwritten rows unreachable where the
  // store can (SQLite: checkpoint the WAL into the database and truncate the WAL file, whose
  // old frames would otherwise still hold the destroyed key). Errors: kUnavailable; the
  // erasure itself has committed regardless.
  [[nodiscard]] virtual Status ForgetOverwritten() { return {}; }

  // A snapshot of the counters; all zero for a store that does not keep them.
  virtual StoreStats Stats() const { return {}; }
};

// What an after-commit hook leaves to be done without a connection (say, writing a file and
// fsyncing it); empty when nothing is left. See SqliteOptions::after_commit.
using AfterCommitRest = std::function<void()>;
using AfterCommitHook = std::function<AfterCommitRest(Tx&)>;

struct SqliteOptions {
  int read_connections = 4;  // pool of read-only connections (WAL readers)
  int max_batch = 512;       // most write callbacks in one group-committed transaction
  bool group_commit = true;  // false: one transaction and one fsync per Write (bench)
  int busy_timeout_ms = 5000;
  // Page cache of the writer connection in KiB; 0 keeps SQLite's default (2 MiB). A bulk
  // writer (the import) inserts into indexes with random keys (ids, keyed hashes) that soon
  // outgrow the default, after which every insert reads and writes pages through the OS.
  int writer_cache_kib = 0;
  // Page cache of each read connection in KiB; 0 keeps SQLite's default.
  int reader_cache_kib = 0;
  // WAL pages after which a commit checkpoints them into the database file; 0 keeps
  // SQLite's 1000. A larger WAL writes a page that many commits touch (an index's hot
  // pages) to the database file once instead of at every checkpoint.
  int wal_autocheckpoint_pages = 0;
  // Whether that checkpoint runs on a thread of the store, with a connection of its own,
  // instead of in the commit that filled the WAL (store/sqlite_checkpointer.h); the writer
  // then checkpoints itself only when the WAL reaches four times the limit.
  bool checkpoint_in_background = false;
  // SQLite VFS; "" is the default. Tests pass testing::FaultVfsName() (store/fault_vfs.h).
  std::string vfs;
  // Tests only (`serve --test-rerun-batches`): every batch that ran without a failure is
  // rolled back and run again, each callback in a savepoint, as if one had failed. A test
  // suite run with it shows that every callback may run more than once (Write).
  bool rerun_batches = false;
  // Called on the writer thread after every successful COMMIT, with a Tx on the writer
  // connection outside any transaction (for reads). What it returns (its rest, may be empty)
  // runs on another thread of the store, so that the writer can commit the next batch
  // meanwhile; the callers of the batch are answered only after a rest returned by this or a
  // later commit has run. Rests run in commit order, and one that has not started when a later
  // commit's rest arrives is skipped: a later rest supersedes it. Neither part may throw
  // (exceptions are caught and logged). Not called for the migrations OpenSqlite applies: the
  // tables it reads may not exist before they ran. The data dir uses it to read the audit
  // chain heads and then write and fsync them into the checkpoint (audit/checkpoint.h).
  AfterCommitHook after_commit;
};

// Opens (creating if needed) the SQLite database at `file`: WAL, synchronous=FULL,
// foreign_keys=ON; applies pending migrations (store/migrations.h) before returning.
// Errors: kUnavailable when the file cannot be opened or a migration fails.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenSqlite(const std::filesystem::path& file,
                                                        const SqliteOptions& options = {});

struct PgOptions {
  // Connections per store, shared by reads and the (one at a time) writer. At least 2, so a
  // Read inside a Write callback always finds one.
  int pool_size = 8;
  // Most Write callbacks in one transaction (group commit, with serialize_writes).
  int max_batch = 64;
  // Attempts of one Write when PostgreSQL reports a serialization failure or a deadlock
  // (SQLSTATE 40001, 40P01); each retry waits a jittered, doubling few milliseconds.
  int max_attempts = 10;
  // Writes of this store run one at a time, and append to a lane of the audit chains that
  // this store holds alone (an advisory lock), keeping its heads in memory; writes of
  // different processes run in parallel (docs/architecture.md, "PostgreSQL"). false only in
  // tests that need writers to meet (the retry test): no mutex, and appends go to lane 0,
  // reading its head in the transaction.
  bool serialize_writes = true;
  // As SqliteOptions::rerun_batches (tests only).
  bool rerun_batches = false;
  // As SqliteOptions::after_commit, but the hook and its rest both run after every successful
  // COMMIT, before the caller is answered and while the store's write mutex is still held, with
  // a Tx outside any transaction whose Lane() is the store's lane.
  AfterCommitHook after_commit;
  // The time by which a write decides that its lane is due a check (at most once a second,
  // store/pg_lane.h); empty: std::chrono::steady_clock. Tests set it to step past the second
  // without waiting for it, however busy the machine is.
  std::function<std::chrono::steady_clock::time_point()> lane_clock;
};

// Opens a PostgreSQL store at `url` (postgresql://…; libpq's syntax, never logged: it may hold
// a password) and applies pending migrations under an advisory lock, with the dialect of
// store/pg_dialect.h. Errors: kUnavailable when the server cannot be reached or a migration
// fails; kInvalidArgument when `url` is not a postgresql:// URL.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url,
                                                          const PgOptions& options = {});

}  // namespace jh::store
