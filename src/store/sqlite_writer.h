// The single write path of the SQLite store: one connection, used by one thread, which turns
// concurrent Write calls into group commits (many callbacks, one transaction, one fsync), and
// a second thread that finishes committed batches (runs the after-commit rest, answers the
// callers) while the first commits the next. Internal to the SQLite store; the protocol is
// described in sqlite_writer.cc.
//
// Thread-safety: Submit and Stats are safe from any thread. The connection is used only by
// the writer thread once Start has returned.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.h"
#include "store/sqlite_connection.h"
#include "store/store.h"
#include "store/wakeup.h"

namespace jh::store::sqlite {

class Writer {
 public:
  // Takes over `connection` and starts the writer thread. `max_batch` bounds the callbacks
  // in one transaction (1 = one transaction per Write). Errors: kUnavailable when the thread
  // cannot be started.
  // `rerun_batches`: SqliteOptions::rerun_batches.
  [[nodiscard]] static Result<std::unique_ptr<Writer>> Start(std::unique_ptr<Connection> connection,
                                                             int max_batch,
                                                             bool rerun_batches = false);
  // Runs every callback already queued, answers every caller, then stops both threads.
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Installs the hook run after every successful COMMIT (SqliteOptions::after_commit). Safe
  // from any thread; a batch already running uses the hook it started with.
  void SetAfterCommit(AfterCommitHook hook);

  // Store::Write: queues `fn` and blocks until its transaction committed or failed.
  [[nodiscard]] Status Submit(Store::TxFn fn);
  StoreStats Stats() const;

 private:
  struct Job {
    Store::TxFn fn;
    Status result;
    bool done = false;
    // Each caller waits on its own condition variable, so finishing a batch wakes exactly
    // its callers — not every caller still queued for later batches (store/wakeup.h).
    Wakeup wakeup;
  };

  Writer(std::unique_ptr<Connection> connection, size_t max_batch, bool rerun_batches)
      : conn_(std::move(connection)), max_batch_(max_batch), rerun_batches_(rerun_batches) {}
  void Loop();
  // The finishing thread: runs the newest rest of the committed batches handed to it, then
  // answers their callers.
  void FinishLoop();
  // Runs one batch in one transaction; false when it could not be committed (then every
  // job's result is kUnavailable).
  bool RunBatch(const std::vector<Job*>& batch);
  enum class Plain { kDone, kFailed, kLost };
  // Runs the jobs in the open transaction without savepoints, up to the first that fails
  // (kFailed: its writes are in the transaction, the caller must roll it back). kLost when
  // SQLite rolled the transaction back by itself.
  [[nodiscard]] Plain RunPlain(const std::vector<Job*>& batch);
  // Runs one job in its own savepoint; false when the enclosing transaction is lost.
  [[nodiscard]] bool RunInSavepoint(Job& job);
  void AbandonTransaction(const std::vector<Job*>& batch, const Error& cause);
  // Runs the after-commit hook and returns its rest; nothing escapes either (the batch is
  // committed whatever they do).
  [[nodiscard]] AfterCommitRest RunAfterCommit(const AfterCommitHook& hook);
  static void RunRest(const AfterCommitRest& rest);
  // A committed batch waiting for its rest (SqliteOptions::after_commit) before its callers
  // are answered.
  struct Finishing {
    std::vector<Job*> jobs;
    AfterCommitRest rest;
  };
  // Marks `jobs` done and collects their wake-ups, to be signalled once mu_ is released.
  // Requires mu_.
  static void MarkDone(const std::vector<Job*>& jobs, std::vector<Wakeup>& to_wake);

  std::unique_ptr<Connection> conn_;  // writer thread only
  double last_commit_seconds_ = 0;    // writer thread only: the last COMMIT's duration
  const size_t max_batch_;
  const bool rerun_batches_;

  mutable std::mutex mu_;
  std::condition_variable work_cv_;    // writer waits for jobs or stop_
  std::condition_variable finish_cv_;  // finisher waits for finishing_ or finish_stop_
  std::deque<Job*> queue_;             // guarded by mu_; jobs live on their callers' stacks
  std::deque<Finishing> finishing_;    // guarded by mu_; in commit order
  bool stop_ = false;                  // guarded by mu_
  bool finish_stop_ = false;           // guarded by mu_; set once the writer thread ended
  StoreStats stats_;                   // guarded by mu_ (pending is computed from queue_)
  // Guarded by mu_; each batch takes a reference, so replacing it never races a running hook.
  std::shared_ptr<const AfterCommitHook> after_commit_;
  std::thread thread_;
  std::thread finisher_;
  std::thread::id thread_id_;
  std::thread::id finisher_id_;
};

}  // namespace jh::store::sqlite
