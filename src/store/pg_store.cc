// The PostgreSQL store (docs/architecture.md, "PostgreSQL").
//
// Write(fn), with serialize_writes (always, outside tests):
//
//   SELECT pg_advisory_lock(kWriteLock)         -- waits for the writer of any process
//   BEGIN ISOLATION LEVEL SERIALIZABLE          -- snapshot taken after the lock: it holds
//     fn                                        --   every earlier commit, chain heads too
//   COMMIT                                      -- durable: synchronous_commit=on
//   after_commit hook (audit checkpoint)
//   SELECT pg_advisory_unlock(kWriteLock)
//
// Why a session lock taken before BEGIN, not pg_advisory_xact_lock inside the transaction:
// at REPEATABLE READ and SERIALIZABLE the snapshot is taken at the transaction's first
// statement — which would be the lock itself, before it waits. A writer that waited would then
// read an old chain head and fail on the next seq. Almost every write appends to the audit
// chains, whose records must be ordered anyway, so this lock costs little concurrency that
// the chains had not already taken; it makes each write see all the ones before it, as
// SQLite's single writer does. A Write within the process first takes write_mu_, so waiting
// writers hold no connection.
//
// SERIALIZABLE stays as the guard for writers outside the lock (an operator's session, tests
// with serialize_writes=false): a serialization failure or deadlock (40001, 40P01), raised by
// any statement or by COMMIT, rolls back and runs fn again, up to max_attempts, after a
// jittered doubling pause of 1–2, 2–4, … ms (at most 100 ms). fn may run more than once:
// services::Write already resets what a callback captured at each attempt (services/write.h).
//
// No group commit: each Write is one transaction and one WAL flush. PostgreSQL flushes
// concurrent commits together itself (commit_delay / commit_siblings), and the writer lock
// orders writes that would otherwise contend on the chain heads.
//
// Read(fn): BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY on a pooled connection: one
// snapshot for all of fn's queries; a write is refused by PostgreSQL (kInternal).
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

#include "core/log.h"
#include "store/callback.h"
#include "store/migrations.h"
#include "store/pg_connection.h"
#include "store/pg_dialect.h"
#include "store/pg_errors.h"
#include "store/pg_pool.h"
#include "store/store.h"

namespace jh::store {

namespace {

using pg::Connection;
using pg::Pool;

// Advisory lock keys of this application in its database: "JH" and a number.
constexpr const char* kLockWriter = "SELECT pg_advisory_lock(1246232577)";  // 0x4A480001
constexpr const char* kUnlockWriter = "SELECT pg_advisory_unlock(1246232577)";
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(1246232578)";  // 0x4A480002

// Set on the thread that runs a Write callback, to refuse a Write inside it (which would wait
// for itself on write_mu_).
thread_local const void* tls_writing = nullptr;

class WritingMark {
 public:
  explicit WritingMark(const void* store) { tls_writing = store; }
  ~WritingMark() { tls_writing = nullptr; }
  WritingMark(const WritingMark&) = delete;
  WritingMark& operator=(const WritingMark&) = delete;
};

void Pause(int attempt) {
  thread_local std::minstd_rand rng(std::random_device{}());
  const int base_ms = std::min(100, 1 << std::min(attempt, 7));
  std::uniform_int_distribution<int> us(base_ms * 1000, base_ms * 2000);
  std::this_thread::sleep_for(std::chrono::microseconds(std::min(us(rng), 100000)));
}

// Runs a first command on a leased connection; when the connection turns out to be broken
// (the server restarted since it was last used), once more on a fresh one.
Status FirstCommand(Pool::Lease& c, const char* sql) {
  c->BeginTx();
  Status st = c->Control(sql);
  if (st.ok() || !c->Broken()) return st;
  JH_TRY(c.Replace());
  c->BeginTx();
  return c->Control(sql);
}

// Ends the transaction on `c` without committing. A connection left inside a transaction
// must not go back to the pool: if ROLLBACK fails the connection is broken and dropped.
void Rollback(Connection& c) { (void)c.Control("ROLLBACK"); }

class PgStore final : public Store {
 public:
  PgStore(std::string url, const PgOptions& options)
      : pool_(std::move(url), std::max(2, options.pool_size)), options_(options) {}

  Status Write(TxFn fn) override {
    if (tls_writing == this) {
      return Error::Internal("Store::Write aangeroepen binnen een schrijftransactie.");
    }
    std::unique_lock order(write_mu_, std::defer_lock);
    if (options_.serialize_writes) order.lock();
    WritingMark mark(this);
    Status result = WriteLocked(fn);
    std::lock_guard lock(stats_mu_);
    ++stats_.writes;
    return result;
  }

  Status Read(TxFn fn) override {
    JH_ASSIGN_OR_RETURN(Pool::Lease c, pool_.Acquire());
    JH_TRY(FirstCommand(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    pg::ConnectionTx tx(*c);
    Status result = CallSafely(fn, tx);
    if (!result.ok() || c->failure()) {
      Rollback(*c);
      return result.ok() ? *c->failure() : result;
    }
    return c->Commit();
  }

  std::string_view Dialect() const override { return "postgresql"; }

  // VACUUM frees the dead versions of the erased key's row for reuse, so they stop being
  // reachable by ordinary means. Unlike SQLite's secure_delete it does not promise zeroed
  // bytes, and the WAL and backups keep the old version until they are recycled: on
  // PostgreSQL the erasure rests on the destroyed key (crypto-shredding) and the operator's
  // retention of WAL archives and backups (docs/architecture.md, "PostgreSQL").
  Status ForgetOverwritten() override {
    JH_ASSIGN_OR_RETURN(Pool::Lease c, pool_.Acquire());
    return FirstCommand(c, "VACUUM data_keys");  // outside a transaction, as VACUUM must be
  }

  StoreStats Stats() const override {
    std::lock_guard lock(stats_mu_);
    return stats_;
  }

  void SetAfterCommit(std::function<void(Tx&)> hook) { after_commit_ = std::move(hook); }

 private:
  enum class Outcome { kCommitted, kDone, kRetry };

  Status WriteLocked(const TxFn& fn) {
    JH_ASSIGN_OR_RETURN(Pool::Lease c, pool_.Acquire());
    if (options_.serialize_writes) {
      if (Status locked = FirstCommand(c, kLockWriter); !locked.ok()) return Failed(locked);
    }
    Status result;
    for (int attempt = 1;; ++attempt) {
      const Outcome outcome = Attempt(c, fn, result);
      if (outcome != Outcome::kRetry) break;
      if (attempt >= std::max(1, options_.max_attempts)) {
        log::Warn("store-retries-exhausted", {{"attempts", attempt}});
        result = Error::Unavailable(
            "De wijziging kon door gelijktijdige wijzigingen niet worden vastgelegd; er is "
            "niets opgeslagen.");
        break;
      }
      Pause(attempt);
    }
    // A connection whose unlock fails is broken: the pool drops it, and the server releases
    // a session's advisory locks when the session ends.
    if (options_.serialize_writes && !c->Broken()) (void)c->Control(kUnlockWriter);
    return result;
  }

  // One run of fn in one transaction; `result` is what the caller gets unless retried.
  Outcome Attempt(Pool::Lease& c, const TxFn& fn, Status& result) {
    c->BeginTx();
    if (Status begun = c->Control("BEGIN ISOLATION LEVEL SERIALIZABLE"); !begun.ok()) {
      result = Failed(begun);
      return Outcome::kDone;
    }
    pg::ConnectionTx tx(*c);
    result = CallSafely(fn, tx);
    if (c->retryable()) {  // whatever fn made of it: the transaction is lost, run it again
      Rollback(*c);
      return Outcome::kRetry;
    }
    if (c->Broken()) {
      result = Failed(c->failure() ? *c->failure() : pg::LostConnection());
      return Outcome::kDone;
    }
    if (!result.ok() || c->failure()) {
      // fn refused, or a statement failed and fn went on: PostgreSQL has aborted the whole
      // transaction (it cannot, like SQLite, undo just the failed statement).
      Rollback(*c);
      if (result.ok()) result = *c->failure();
      return Outcome::kDone;
    }
    if (Status committed = c->Commit(); !committed.ok()) {
      if (c->retryable()) return Outcome::kRetry;  // SSI may refuse at COMMIT
      Rollback(*c);
      result = Failed(committed);
      return Outcome::kDone;
    }
    {
      std::lock_guard lock(stats_mu_);
      ++stats_.commits;
    }
    RunAfterCommit(*c);
    return Outcome::kCommitted;
  }

  // The transaction could not begin or commit: nothing of it persists (or, when the
  // connection broke during COMMIT, it is unknown — a retried request then conflicts on its
  // application-made ids instead of duplicating).
  Status Failed(const Status& cause) {
    {
      std::lock_guard lock(stats_mu_);
      ++stats_.failed_batches;
    }
    // The cause names PostgreSQL's error, never a value; it goes to the log, not the caller.
    log::Error("store-write-failed", {{"cause", cause.error().message}});
    if (cause.error().code != ErrorCode::kUnavailable) return cause;
    return Error::Unavailable("De wijziging kon niet worden vastgelegd; er is niets opgeslagen.");
  }

  void RunAfterCommit(Connection& c) {
    if (!after_commit_) return;
    c.BeginTx();
    pg::ConnectionTx tx(c);
    try {
      after_commit_(tx);
    } catch (...) {
      log::Error("store-after-commit-threw");  // the commit stands whatever the hook does
    }
  }

  Pool pool_;
  const PgOptions options_;
  std::function<void(Tx&)> after_commit_;  // set once, before the store is shared
  std::mutex write_mu_;                    // one writer per process (serialize_writes)
  mutable std::mutex stats_mu_;
  StoreStats stats_;  // guarded by stats_mu_
};

// Holds the migration lock on its own connection, so that two processes starting at once
// apply each migration once; the server releases it if this process dies meanwhile.
Status MigrateLocked(const std::string& url, PgStore& store) {
  JH_ASSIGN_OR_RETURN(std::unique_ptr<Connection> lock, Connection::Open(url));
  JH_TRY(lock->Control(kLockMigrations));
  return ApplyMigrations([&store](const Store::TxFn& fn) { return store.Write(fn); },
                         pg::PostgresMigrations());
  // `lock` is closed here, which releases the lock.
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, const PgOptions& options) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
    return Error::Invalid("database", "url", "Verwacht een URL postgresql://…");
  }
  auto store = std::make_unique<PgStore>(url, options);
  if (Status migrated = MigrateLocked(url, *store); !migrated.ok()) {
    return Error::Unavailable("Het databaseschema kan niet worden bijgewerkt: " +
                              migrated.error().message);
  }
  // Only now: the hook reads tables that the migrations above may just have created.
  store->SetAfterCommit(options.after_commit);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jh::store
