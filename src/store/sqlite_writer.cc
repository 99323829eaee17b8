// Group commit. Callers queue a Job and sleep; the writer thread takes everything queued (up
// to max_batch), runs it as:
//
//   BEGIN IMMEDIATE
//     fn1; fn2; ...
//   COMMIT                                             -- one fsync for the whole batch
//
// and wakes the callers. A callback that fails must lose its own writes only. So when one
// does, the transaction is rolled back (alone, its error stands) and the batch runs again:
//
//   BEGIN IMMEDIATE
//     SAVEPOINT w; fn1; RELEASE w                      -- fn1 ok
//     SAVEPOINT w; fn2; ROLLBACK TO w; RELEASE w       -- fn2 failed: only its writes go
//     ...
//   COMMIT
//
// Most batches hold no failure, and a savepoint per callback costs each callback whose
// writes it covers a copy of every page it changes (docs/performance.md, "A batch without
// savepoints"). While it commits (waits for the disk), new callers queue up and form
// the next batch, so the batch size adapts to the load without any timer: one caller alone
// commits at once. If BEGIN or COMMIT fails, or SQLite rolled the transaction back by itself
// (it does after some I/O errors), the transaction is rolled back and every caller of the
// batch gets kUnavailable: nothing of the batch persists, and the next batch starts afresh.
//
// After a successful COMMIT the after-commit hook runs on the writer thread (the data dir reads
// the audit chain heads there) and the batch, with the hook's rest, goes to the finishing
// thread, which runs the rest (the data dir writes and fsyncs the heads into the checkpoint)
// and only then wakes the batch's callers. Meanwhile the writer runs the next batch, so the
// checkpoint's fsync overlaps the next COMMIT's instead of following it; a caller is still
// answered only once its data and a checkpoint covering it are on disk. When several batches
// wait, the finisher runs only the newest rest: the heads it writes cover them all.
#include "store/sqlite_writer.h"

#include "core/log.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <system_error>

namespace jh::store::sqlite {

namespace {

void CountCommit(StoreStats& stats, double seconds) {
  const auto* bound =
      std::lower_bound(kCommitBucketsSeconds.begin(), kCommitBucketsSeconds.end(), seconds);
  ++stats.commit_durations[static_cast<size_t>(bound - kCommitBucketsSeconds.begin())];
  stats.commit_seconds_sum += seconds;
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::Start(std::unique_ptr<Connection> connection, int max_batch,
                                              bool rerun_batches) {
  std::unique_ptr<Writer> w(new Writer(std::move(connection),
                                       static_cast<size_t>(std::max(1, max_batch)), rerun_batches));
  try {
    // The destructor stops whichever of the two started if the other could not.
    w->finisher_ = std::thread([raw = w.get()] { raw->FinishLoop(); });
    w->thread_ = std::thread([raw = w.get()] { raw->Loop(); });
  } catch (const std::system_error&) {
    return Error::Unavailable("De schrijfthread van de opslag kan niet starten.");
  }
  w->thread_id_ = w->thread_.get_id();
  w->finisher_id_ = w->finisher_.get_id();
  return w;
}

Writer::~Writer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_one();
  if (thread_.joinable()) thread_.join();
  // Only now: the writer may have handed over batches until its last moment.
  {
    std::lock_guard lock(mu_);
    finish_stop_ = true;
  }
  finish_cv_.notify_one();
  if (finisher_.joinable()) finisher_.join();
}

Status Writer::Submit(Store::TxFn fn) {
  // The writer thread would wait for itself, the finishing thread for the batch it holds up.
  if (const auto self = std::this_thread::get_id(); self == thread_id_ || self == finisher_id_) {
    return Error::Internal("Store::Write aangeroepen binnen een schrijftransactie.");
  }
  Job job{std::move(fn), {}, false, ThisThreadsWakeup()};
  std::unique_lock lock(mu_);
  if (stop_) return Error::Unavailable("De opslag wordt gesloten.");
  queue_.push_back(&job);
  work_cv_.notify_one();
  job.wakeup->wait(lock, [&job] { return job.done; });
  return std::move(job.result);
}

void Writer::SetAfterCommit(AfterCommitHook hook) {
  auto shared = hook ? std::make_shared<const AfterCommitHook>(std::move(hook)) : nullptr;
  std::lock_guard lock(mu_);
  after_commit_ = std::move(shared);
}

StoreStats Writer::Stats() const {
  std::lock_guard lock(mu_);
  StoreStats s = stats_;
  s.pending = static_cast<int64_t>(queue_.size());
  return s;
}

void Writer::Loop() {
  pthread_setname_np(pthread_self(), "jh-writer");
  std::vector<Job*> batch;
  std::vector<Wakeup> to_wake;
  std::shared_ptr<const AfterCommitHook> hook;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job has run
      hook = after_commit_;
      const size_t n = std::min(queue_.size(), max_batch_);
      batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    const bool committed = RunBatch(batch);
    const bool finish = committed && hook;
    AfterCommitRest rest = finish ? RunAfterCommit(*hook) : nullptr;
    {
      std::lock_guard lock(mu_);
      stats_.writes += static_cast<int64_t>(batch.size());
      ++(committed ? stats_.commits : stats_.failed_batches);
      if (committed) CountCommit(stats_, last_commit_seconds_);
      if (finish) {
        // Even with an empty rest, so that callers are answered in commit order.
        finishing_.push_back(Finishing{std::move(batch), std::move(rest)});
        finish_cv_.notify_one();
      } else {
        MarkDone(batch, to_wake);
      }
    }
    Signal(to_wake);
    to_wake.clear();
    batch.clear();
  }
}

void Writer::FinishLoop() {
  pthread_setname_np(pthread_self(), "jh-finisher");
  std::deque<Finishing> taken;
  std::vector<Wakeup> to_wake;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      finish_cv_.wait(lock, [this] { return finish_stop_ || !finishing_.empty(); });
      if (finishing_.empty()) return;  // the writer has ended and every batch is answered
      taken.swap(finishing_);
    }
    // A later rest supersedes an earlier one (SqliteOptions::after_commit): the newest that
    // exists covers every batch taken with it.
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
      if (it->rest) {
        RunRest(it->rest);
        break;
      }
    }
    {
      std::lock_guard lock(mu_);
      for (Finishing& f : taken) MarkDone(f.jobs, to_wake);
    }
    Signal(to_wake);
    to_wake.clear();
    taken.clear();
  }
}

void Writer::MarkDone(const std::vector<Job*>& jobs, std::vector<Wakeup>& to_wake) {
  // Once mu_ is released a caller may see `done`, return and destroy its Job: no job is
  // touched after that. Its wake-up is signalled through the runner's own reference, outside
  // the lock (store/wakeup.h).
  for (Job* job : jobs) {
    job->done = true;
    to_wake.push_back(job->wakeup);
  }
}

bool Writer::RunBatch(const std::vector<Job*>& batch) {
  if (Status begun = conn_->Control("BEGIN IMMEDIATE"); !begun.ok()) {
    AbandonTransaction(batch, begun.error());
    return false;
  }
  const Error lost = Error::Unavailable("transactie door SQLite afgebroken");
  Plain plain = RunPlain(batch);
  if (rerun_batches_ && plain == Plain::kDone) plain = Plain::kFailed;  // tests only
  switch (plain) {
    case Plain::kLost:
      AbandonTransaction(batch, lost);
      return false;
    case Plain::kFailed:
      // A failed callback's writes are in the transaction: undo all of it.
      if (Status undone = conn_->Control("ROLLBACK"); !undone.ok()) {
        AbandonTransaction(batch, undone.error());
        return false;
      }
      if (batch.size() == 1 && !rerun_batches_) {  // its error stands, nothing to commit
        last_commit_seconds_ = 0;
        return true;
      }
      if (Status begun = conn_->Control("BEGIN IMMEDIATE"); !begun.ok()) {
        AbandonTransaction(batch, begun.error());
        return false;
      }
      for (Job* job : batch) {
        if (!RunInSavepoint(*job)) {
          AbandonTransaction(batch, lost);
          return false;
        }
      }
      break;
    case Plain::kDone:
      break;
  }
  const auto start = std::chrono::steady_clock::now();
  if (Status committed = conn_->Control("COMMIT"); !committed.ok()) {
    AbandonTransaction(batch, committed.error());
    return false;
  }
  last_commit_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

Writer::Plain Writer::RunPlain(const std::vector<Job*>& batch) {
  for (Job* job : batch) {
    ConnectionTx tx(*conn_);
    job->result = CallSafely(job->fn, tx);
    if (!conn_->InTransaction()) return Plain::kLost;
    if (!job->result.ok()) return Plain::kFailed;
  }
  return Plain::kDone;
}

bool Writer::RunInSavepoint(Job& job) {
  if (!conn_->Control("SAVEPOINT w").ok()) return false;
  ConnectionTx tx(*conn_);
  Status result = CallSafely(job.fn, tx);
  if (!conn_->InTransaction()) return false;
  if (!result.ok() && !conn_->Control("ROLLBACK TO w").ok()) return false;
  if (!conn_->Control("RELEASE w").ok()) return false;
  job.result = std::move(result);
  return true;
}

AfterCommitRest Writer::RunAfterCommit(const AfterCommitHook& hook) {
  ConnectionTx tx(*conn_);
  try {
    return hook(tx);
  } catch (...) {
    // The batch is committed whatever the hook does; its text could hold anything, so only
    // the fact is logged.
    log::Error("store-after-commit-threw");
    return nullptr;
  }
}

void Writer::RunRest(const AfterCommitRest& rest) {
  try {
    rest();
  } catch (...) {
    log::Error("store-after-commit-threw");  // as in RunAfterCommit
  }
}

void Writer::AbandonTransaction(const std::vector<Job*>& batch, const Error& cause) {
  if (conn_->InTransaction() && !conn_->Control("ROLLBACK").ok()) {
    log::Error("store-rollback-failed");
  }
  // The cause names SQLite's error, never a value; it goes to the log, not to the callers.
  log::Error("store-batch-failed", {{"callers", batch.size()}, {"cause", cause.message}});
  for (Job* job : batch) {
    job->result =
        Error::Unavailable("De wijziging kon niet worden vastgelegd; er is niets opgeslagen.");
  }
}

}  // namespace jh::store::sqlite
