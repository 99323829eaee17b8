// The PostgreSQL store (docs/architecture.md, "PostgreSQL").
//
// Write(fn), with serialize_writes (always, outside tests):
//
//   queue fn; wait for it to be done or for       -- one batch at a time per process, none
//   no batch to run, then take the queued          --   across processes
//   callbacks, at most max_batch:
//   BEGIN ISOLATION LEVEL SERIALIZABLE          -- one round trip
//     fn  (per callback)                        -- audit appends go to this process's lane
//   COMMIT                                      -- durable: synchronous_commit=on
//   after_commit hook (audit checkpoint of the lane)
//
// Group commit, as on SQLite: the callbacks that queued while the previous transaction ran
// share one BEGIN, one COMMIT, one WAL flush and one checkpoint. A callback that refuses, or
// whose statement fails (which aborts a PostgreSQL transaction), must be undone alone and
// get its own error. A batch therefore first runs as one plain transaction; only when one
// of its callbacks fails is it rolled back and run again with a savepoint per callback:
//
//   BEGIN ISOLATION LEVEL SERIALIZABLE; SAVEPOINT  -- one round trip
//     fn; RELEASE; SAVEPOINT  (per callback)    -- or ROLLBACK TO, for a failed one
//   COMMIT
//
// Most batches hold no failure, and each savepoint costs a round trip (docs/performance.md,
// "A batch without savepoints"). The caller at the head of the queue runs the next batch on
// its own thread; the others sleep until their callback is done (store/batch_queue.h).
//
// Lanes (audit/chain.h): each process holds one lane of the audit chains alone, by a session
// advisory lock on a connection of its own (store/pg_lane.h), and keeps the lane's heads in
// memory, so its appends read nothing and wait for no other process.
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
// deadlock (40001, 40P01), raised by any statement or by COMMIT, rolls back and runs the
// whole batch again, up to max_attempts, after a jittered doubling pause of 1–2, 2–4, … ms
// (at most 100 ms). fn may run more than once: services::Write already resets what a
// callback captured at each attempt (services/write.h).
//
// Without serialize_writes (tests that need writers to meet) there is no mutex, no batch and
// no lane: each Write is its own transaction, and appends go to lane 0, reading its head in
// the transaction, as on SQLite.
//
// Read(fn): BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY on a pooled connection: one
// snapshot for all of fn's queries; a write is refused by PostgreSQL (kInternal).
#include <array>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

#include "core/log.h"
#include "store/batch_queue.h"
#include "store/callback.h"
#include "store/migrations.h"
#include "store/pg_connection.h"
#include "store/pg_dialect.h"
#include "store/pg_errors.h"
#include "store/pg_lane.h"
#include "store/pg_pool.h"
#include "store/store.h"

namespace jh::store {

namespace {

using pg::Connection;
using pg::Pool;

// Advisory lock keys of this application in its database: "JH" and a number (the lanes':
// store/pg_lane.cc). 0x4A480001 was the writer lock before lanes.
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

Status FirstCommand(Pool::Lease& c, const char* sql) {  // of a unit of work: pg::RunFirst
  return pg::RunFirst(c, [sql](Connection& k) { return k.Control(sql); });
}

// Ends the transaction on `c` without committing. A connection left inside a transaction
// must not go back to the pool: if ROLLBACK fails the connection is broken and dropped.
void Rollback(Connection& c) { (void)c.Control("ROLLBACK"); }

// One caller's Write: its callback and, once `done`, its result.
struct Job : BatchTicket {
  explicit Job(const Store::TxFn* f) : fn(f) {}
  const Store::TxFn* fn;
  Status result;
};

class PgStore final : public Store {
 public:
  PgStore(std::string url, const PgOptions& o)
      : pool_(url, std::max(2, o.pool_size)),
        options_(o),
        queue_(static_cast<size_t>(std::max(1, o.max_batch))),
        lane_(std::move(url), o.lane_clock) {}

  Status Write(TxFn fn) override {
    if (tls_writing == this) {
      return Error::Internal("Store::Write aangeroepen binnen een schrijftransactie.");
    }
    Job job(&fn);
    if (!options_.serialize_writes) {
      WritingMark mark(this);
      std::vector<Job*> alone{&job};
      RunBatch(alone);
    } else {
      // Group commit: wait until the job is done, or until this caller is to run every
      // queued job (its own among them) in one transaction.
      std::vector<Job*> batch = queue_.Join(job);
      if (!batch.empty()) {
        {
          std::lock_guard order(write_mu_);
          WritingMark mark(this);
          Status held = lane_.Hold();
          if (held.ok()) {
            RunBatch(batch);
          } else {
            FailAll(batch, Failed(held));
          }
        }
        queue_.Finish(batch);
      }
    }
    std::lock_guard lock(stats_mu_);
    ++stats_.writes;
    return job.result;
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

  // The lone SELECT without BEGIN and COMMIT: PostgreSQL gives it a snapshot of its own.
  Result<Rows> ReadOne(std::string_view sql, std::vector<Value> params) override {
    if (!sql.starts_with("SELECT ")) return Error::Internal("pg: ReadOne zonder SELECT");
    JH_ASSIGN_OR_RETURN(Pool::Lease c, pool_.Acquire());
    return pg::RunFirst(c, [&](Connection& k) { return k.Query(sql, params); });
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
    StoreStats out;
    {
      std::lock_guard lock(stats_mu_);
      out = stats_;
    }
    out.pending = queue_.Pending();
    return out;
  }

  void SetAfterCommit(AfterCommitHook hook) { after_commit_ = std::move(hook); }

  // Takes a lane (serialize_writes only), before the store is shared. Errors: kUnavailable.
  Status TakeLane() {
    if (!options_.serialize_writes) return {};
    std::lock_guard lock(write_mu_);
    Status held = lane_.Hold();  // the migrations' writes may have taken one already
    return held.ok() ? held : Failed(held);
  }

 private:
  enum class Outcome { kCommitted, kDone, kRetry, kIsolate };

  // What a transaction's appends did to the lane, once it is known whether it committed.
  void SettleLane(bool committed) {
    if (lane() != nullptr) lane_.Settle(committed);  // no lane without serialize_writes
  }

  LaneState* lane() { return options_.serialize_writes ? &lane_.state() : nullptr; }

  // Runs the jobs in one transaction, retrying all of them on a serialization failure;
  // sets each job's result. Caller holds write_mu_ (serialize_writes) or runs one job alone.
  void RunBatch(std::vector<Job*>& jobs) {
    auto leased = pool_.Acquire();
    if (!leased.ok()) {
      FailAll(jobs, Failed(leased.error()));
      return;
    }
    Pool::Lease c = std::move(leased).value();
    bool savepoints = false;  // until a callback fails (see the top)
    int attempt = 0;
    while (true) {
      const Outcome outcome = Attempt(c, jobs, savepoints);
      if (outcome == Outcome::kIsolate) {  // not an attempt lost to another writer: no pause
        savepoints = true;
        continue;
      }
      if (outcome != Outcome::kRetry) return;
      ++attempt;
      if (attempt >= std::max(1, options_.max_attempts)) {
        log::Warn("store-retries-exhausted", {{"attempts", attempt}});
        for (Job* j : jobs) {
          j->result = Error::Unavailable(
              "De wijziging kon door gelijktijdige wijzigingen niet worden vastgelegd; er is "
              "niets opgeslagen.");
        }
        return;
      }
      Pause(attempt);
    }
  }

  // One run of the jobs in one transaction; each job's result is what its caller gets unless
  // the batch is retried.
  Outcome Attempt(Pool::Lease& c, std::vector<Job*>& jobs, bool savepoints) {
    const Outcome outcome = AttemptOnce(c, jobs, savepoints);
    if (outcome != Outcome::kCommitted) SettleLane(false);  // a commit settled it before its hook
    return outcome;
  }

  // Marks every job of the batch with `result` (the transaction as a whole failed).
  static Outcome FailAll(std::vector<Job*>& jobs, const Status& result) {
    for (Job* j : jobs) j->result = result;
    return Outcome::kDone;
  }

  // Runs the jobs in one transaction; `savepoints` runs each of a batch in its own. Returns
  // kIsolate when, without savepoints, a job of a batch failed: nothing is kept, and the
  // batch must run again with them.
  Outcome AttemptOnce(Pool::Lease& c, std::vector<Job*>& jobs, bool savepoints) {
    // The first command of a write: a connection that broke since it was last used (the
    // server restarted) is replaced once.
    // With savepoints each job's is set by the command before it, in the same round trip;
    // ROLLBACK TO keeps it set, and COMMIT releases the last one.
    const bool batched = jobs.size() > 1;
    const bool isolated = batched && savepoints;
    const char* begin = isolated ? "BEGIN ISOLATION LEVEL SERIALIZABLE; SAVEPOINT jh_job"
                                 : "BEGIN ISOLATION LEVEL SERIALIZABLE";
    if (Status begun = FirstCommand(c, begin); !begun.ok()) return FailAll(jobs, Failed(begun));
    pg::ConnectionTx tx(*c, lane());
    bool any_ok = false;
    for (size_t i = 0; i < jobs.size(); ++i) {
      Job* j = jobs[i];
      const bool last = i + 1 == jobs.size();
      std::optional<std::array<std::optional<LaneState::Head>, 2>> heads_before;
      if (lane() != nullptr) heads_before = lane_.state().pending;
      j->result = CallSafely(*j->fn, tx);
      if ((lane() != nullptr && lane_.state().stale) || c->retryable() || c->Broken()) break;
      if (j->result.ok() && !c->failure()) {
        any_ok = true;
        if (isolated && !last && !c->Control("RELEASE SAVEPOINT jh_job; SAVEPOINT jh_job").ok()) {
          break;
        }
        continue;
      }
      // The job refused, or one of its statements failed and it went on.
      if (j->result.ok()) j->result = *c->failure();
      if (!isolated) {  // alone its result stands; in a batch the others must run again
        Rollback(*c);
        return batched ? Outcome::kIsolate : Outcome::kDone;
      }
      if (heads_before) lane_.state().pending = *heads_before;
      if (!c->Control("ROLLBACK TO SAVEPOINT jh_job").ok()) break;
      c->BeginTx();  // the transaction goes on: forget the job's failure
    }
    if (lane() != nullptr && lane_.state().stale) {
      // Another writer appended to this lane: read its heads afresh and run the jobs again.
      Rollback(*c);
      lane_.ForgetHeads();
      return Outcome::kRetry;
    }
    if (c->retryable()) {  // whatever the jobs made of it: the transaction is lost, run again
      Rollback(*c);
      return Outcome::kRetry;
    }
    if (c->Broken() || c->failure()) {
      const Error cause = c->failure() ? *c->failure() : pg::LostConnection();
      Rollback(*c);
      return FailAll(jobs, Failed(cause));
    }
    if (!any_ok) {  // every job refused: nothing to commit
      Rollback(*c);
      return Outcome::kDone;
    }
    if (options_.rerun_batches && !savepoints) {  // tests only (PgOptions::rerun_batches)
      Rollback(*c);
      return Outcome::kIsolate;
    }
    if (Status committed = c->Commit(); !committed.ok()) {
      if (c->retryable()) return Outcome::kRetry;  // SSI may refuse at COMMIT
      Rollback(*c);
      return FailAll(jobs, Failed(committed));
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
    try {  // the rest at once too: this process's next batch waits for the mutex anyway
      if (AfterCommitRest rest = after_commit_(tx)) rest();
    } catch (...) {
      log::Error("store-after-commit-threw");  // the commit stands whatever the hook does
    }
  }

  Pool pool_;
  const PgOptions options_;
  AfterCommitHook after_commit_;  // set once, before the store is shared
  // Held by the caller running a batch (and by TakeLane): what lane_ needs. queue_ already
  // lets only one caller run a batch at a time.
  std::mutex write_mu_;
  BatchQueue<Job> queue_;
  pg::Lane lane_;  // this process's lane (serialize_writes); guarded by write_mu_
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
