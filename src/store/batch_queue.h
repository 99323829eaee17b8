// Group commit without a thread of its own (the PostgreSQL store; docs/architecture.md,
// "PostgreSQL"): callers queue their job and wait. While no batch runs, the caller at the
// head of the queue leads: it takes up to max_batch queued jobs (its own first), runs them
// and calls Finish, which marks them done and makes the new head of the queue the next
// leader. Every caller waits on its own condition variable (store/wakeup.h), so the end of
// a batch wakes exactly its callers and the next leader — not every caller still queued (with one
// shared condition variable each batch woke them all, and all but one went back to sleep).
//
// Thread-safety: Join, Finish and Pending may be called from any thread. A job must stay
// alive until Join returns for it.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "store/wakeup.h"

namespace jh::store {

// A caller's place in a BatchQueue; a queued job type derives from it.
struct BatchTicket {
  bool done = false;  // another caller ran this job; guarded by the queue's mutex
  bool lead = false;  // this caller runs the next batch; guarded by the queue's mutex
  Wakeup wakeup = ThisThreadsWakeup();  // made by the thread that queues the job
};

template <typename Job>  // derives from BatchTicket
class BatchQueue {
 public:
  explicit BatchQueue(size_t max_batch) : max_batch_(std::max<size_t>(1, max_batch)) {}

  // Queues `job` and waits. Returns the batch this caller must run and then pass to
  // Finish: `job` first, at most max_batch jobs in queue order. Returns an empty batch when
  // another caller ran `job` (and called Finish for it).
  [[nodiscard]] std::vector<Job*> Join(Job& job) {
    std::unique_lock lock(mu_);
    queue_.push_back(&job);
    if (!leading_) {  // no batch runs, so the queue held nothing before `job`
      leading_ = true;
      job.lead = true;
    }
    job.wakeup->wait(lock, [&job] { return job.done || job.lead; });
    std::vector<Job*> batch;
    if (job.done) return batch;
    const size_t n = std::min(queue_.size(), max_batch_);
    batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    return batch;
  }

  // Ends a batch that Join returned: its jobs are done, and the caller now at the head of
  // the queue (if any) leads the next one. Once the lock is released a caller may see
  // `done`, return and destroy its job, so no job is touched after that; their wake-ups are
  // signalled through references of this call's own, outside the lock (store/wakeup.h).
  void Finish(const std::vector<Job*>& batch) {
    std::vector<Wakeup> to_wake;
    to_wake.reserve(batch.size() + 1);
    {
      std::lock_guard lock(mu_);
      for (Job* job : batch) {
        job->done = true;
        // The leader's own is signalled too: nobody waits on it, so that costs nothing.
        to_wake.push_back(job->wakeup);
      }
      if (queue_.empty()) {
        leading_ = false;
      } else {
        queue_.front()->lead = true;
        to_wake.push_back(queue_.front()->wakeup);
      }
    }
    Signal(to_wake);
  }

  // Jobs queued and not yet taken into a batch.
  int64_t Pending() const {
    std::lock_guard lock(mu_);
    return static_cast<int64_t>(queue_.size());
  }

 private:
  const size_t max_batch_;
  mutable std::mutex mu_;
  std::deque<Job*> queue_;  // guarded by mu_
  bool leading_ = false;    // a caller leads or runs a batch; guarded by mu_
};

}  // namespace jh::store
