// The PostgreSQL store (docs/architecture.md, "PostgreSQL").
//
// Write(fn), with serialize_writes (always, outside tests):
//
//   (the process's write mutex)                 -- one writer per process, none across them
//   BEGIN ISOLATION LEVEL SERIALIZABLE
//     fn                                        -- audit appends go to this process's lane
//   COMMIT                                      -- durable: synchronous_commit=on
//   after_commit hook (audit checkpoint of the lane)
//
// Lanes (audit/chain.h): each process holds one lane of the audit chains alone, by a session
// advisory lock on a connection of its own (kLaneLockBase + n, the lowest free n), and keeps
// the lane's heads in memory, so its appends read nothing and wait for no other process.
// Processes therefore write in parallel, and PostgreSQL flushes their commits together. What
// keeps the lanes from forking is not the lock but the unique index (baan, prev_seq): should
// the lock ever be lost (the lane connection broke, another process took the lane) the next
// append that links to an outdated head is refused, the lane is marked stale, and the write
// runs again after reading the heads. The lane connection is checked at most once a second
// before a write, and on failure a lane is taken anew (which may be another one).
//
// SERIALIZABLE is what keeps the data itself correct when processes write at once: check-
// then-insert logic of the services (a second registration of the same youth, a token used
// twice) is either serialisable or refused with a serialization failure. Such a failure or a
// deadlock (40001, 40P01), raised by any statement or by COMMIT, rolls back and runs fn
// again, up to max_attempts, after a jittered doubling pause of 1–2, 2–4, … ms (at most
// 100 ms). fn may run more than once: services::Write already resets what a callback
// captured at each attempt (services/write.h).
//
// Without serialize_writes (tests that need writers to meet) there is no mutex and no lane:
// appends go to lane 0 and read its head in the transaction, as on SQLite.
//
// No group commit: each Write is one transaction and one WAL flush; PostgreSQL flushes
// concurrent commits of several processes together itself.
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

// Advisory lock keys of this application in its database: "JH" and a number. 0x4A480001 was
// the writer lock before lanes.
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(1246232578)";  // 0x4A480002
// Lane n is held by the key kLaneLockBase + n (0x4A480003 in the high 32 bits).
constexpr int64_t kLaneLockBase = int64_t{1246232579} << 32;
constexpr int64_t kMaxLanes = 1000;
// How often a write checks that the lane connection (and so its lock) is still there.
constexpr auto kLaneCheckInterval = std::chrono::seconds(1);

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
      : url_(url), pool_(std::move(url), std::max(2, options.pool_size)), options_(options) {}

  Status Write(TxFn fn) override {
    if (tls_writing == this) {
      return Error::Internal("Store::Write aangeroepen binnen een schrijftransactie.");
    }
    std::unique_lock order(write_mu_, std::defer_lock);
    if (options_.serialize_writes) order.lock();
    WritingMark mark(this);
    Status result = options_.serialize_writes ? HoldLane() : Status{};
    if (result.ok()) result = WriteLocked(fn);
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

  // Takes a lane (serialize_writes only), before the store is shared. Errors: kUnavailable.
  Status TakeLane() {
    if (!options_.serialize_writes) return {};
    std::lock_guard lock(write_mu_);
    return lane_conn_ ? Status{} : AcquireLane();  // the migrations' writes may have taken one
  }

 private:
  enum class Outcome { kCommitted, kDone, kRetry };

  // Holds the lowest free lane on a connection of its own; forgets the heads of any lane held
  // before. Caller holds write_mu_.
  Status AcquireLane() {
    lane_conn_.reset();
    lane_ = LaneState{};
    auto opened = Connection::Open(url_);
    if (!opened.ok()) return Failed(opened.error());
    std::unique_ptr<Connection> conn = std::move(opened).value();
    for (int64_t n = 1; n <= kMaxLanes; ++n) {
      conn->BeginTx();
      auto got = conn->Query("SELECT CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END",
                             {kLaneLockBase + n});
      if (!got.ok()) return Failed(got.error());
      if (!got->empty() && (*got)[0].Int(0) == 1) {
        lane_.lane = n;
        lane_conn_ = std::move(conn);
        lane_checked_ = std::chrono::steady_clock::now();
        log::Info("store-lane-taken", {{"lane", n}});
        return {};
      }
    }
    return Failed(Error::Unavailable("Alle " + std::to_string(kMaxLanes) +
                                     " banen van de auditketens zijn bezet."));
  }

  // Before a write: the lane is held, checked at most once per kLaneCheckInterval. Caller
  // holds write_mu_.
  Status HoldLane() {
    const auto now = std::chrono::steady_clock::now();
    if (lane_conn_ && now - lane_checked_ < kLaneCheckInterval) return {};
    if (lane_conn_) {
      lane_conn_->BeginTx();
      if (lane_conn_->Control("SELECT 1").ok()) {
        lane_checked_ = now;
        return {};
      }
      log::Warn("store-lane-lost", {{"lane", lane_.lane}});
    }
    return AcquireLane();
  }

  // What a transaction's appends did to the lane, once it is known whether it committed.
  void SettleLane(bool committed) {
    if (lane() == nullptr) return;  // no lane without serialize_writes (nor its mutex)
    for (size_t i = 0; i < 2; ++i) {
      if (committed && lane_.pending[i]) lane_.committed[i] = lane_.pending[i];
      lane_.pending[i].reset();
    }
  }

  LaneState* lane() { return options_.serialize_writes ? &lane_ : nullptr; }

  Status WriteLocked(const TxFn& fn) {
    JH_ASSIGN_OR_RETURN(Pool::Lease c, pool_.Acquire());
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
    return result;
  }

  // One run of fn in one transaction; `result` is what the caller gets unless retried.
  Outcome Attempt(Pool::Lease& c, const TxFn& fn, Status& result) {
    const Outcome outcome = AttemptOnce(c, fn, result);
    SettleLane(outcome == Outcome::kCommitted);
    return outcome;
  }

  Outcome AttemptOnce(Pool::Lease& c, const TxFn& fn, Status& result) {
    // The first command of a write: a connection that broke since it was last used (the
    // server restarted) is replaced once.
    if (Status begun = FirstCommand(c, "BEGIN ISOLATION LEVEL SERIALIZABLE"); !begun.ok()) {
      result = Failed(begun);
      return Outcome::kDone;
    }
    pg::ConnectionTx tx(*c, lane());
    result = CallSafely(fn, tx);
    if (lane() != nullptr && lane_.stale) {
      // Another writer appended to this lane: read its heads afresh and run fn again.
      Rollback(*c);
      lane_.committed[0].reset();
      lane_.committed[1].reset();
      lane_.stale = false;
      log::Warn("store-lane-stale", {{"lane", lane_.lane}});
      return Outcome::kRetry;
    }
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
    SettleLane(true);  // the hook checkpoints the lane's heads as committed
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
    pg::ConnectionTx tx(c, lane());
    try {
      after_commit_(tx);
    } catch (...) {
      log::Error("store-after-commit-threw");  // the commit stands whatever the hook does
    }
  }

  const std::string url_;  // never logged: it may hold a password
  Pool pool_;
  const PgOptions options_;
  std::function<void(Tx&)> after_commit_;  // set once, before the store is shared
  std::mutex write_mu_;                    // one writer per process (serialize_writes)
  // The lane of this process (serialize_writes), guarded by write_mu_.
  std::unique_ptr<Connection> lane_conn_;
  LaneState lane_;
  std::chrono::steady_clock::time_point lane_checked_;
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
  if (Status taken = store->TakeLane(); !taken.ok()) return std::move(taken).error();
  // Only now: the hook reads tables that the migrations above may just have created.
  store->SetAfterCommit(options.after_commit);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jh::store
