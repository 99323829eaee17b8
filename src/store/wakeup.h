// How a caller of group commit sleeps until its batch is done, and how the batch's runner
// wakes it: each calling thread waits on a condition variable of its own, and the runner
// signals them only after releasing the queue's mutex.
//
// Why after: a caller woken while the runner still holds the mutex runs, finds the mutex
// taken and sleeps again on it, and the runner's unlock then wakes the callers one by one
// through the mutex — two sleeps and two wake-ups per caller instead of one, on the path of
// every write.
//
// Why shared: once the mutex is released, a caller may see its job done (a spurious wake-up
// suffices), return and start its next write before the runner signals. The runner therefore
// holds its own reference to the condition variable, so signalling it can never touch a
// destroyed object; a late signal on a reused one is a spurious wake-up, which every wait
// checks its condition against.
//
// Thread-safety: ThisThreadsWakeup may be called from any thread; Signal from any thread.
#pragma once

#include <condition_variable>
#include <memory>
#include <vector>

namespace jh::store {

using Wakeup = std::shared_ptr<std::condition_variable>;

// The calling thread's own condition variable, made on its first call. A thread waits for one
// write at a time, so one is enough.
[[nodiscard]] inline Wakeup ThisThreadsWakeup() {
  thread_local const Wakeup wakeup = std::make_shared<std::condition_variable>();
  return wakeup;
}

// Signals each of `wakeups` once; call it with the queue's mutex released.
inline void Signal(const std::vector<Wakeup>& wakeups) {
  for (const Wakeup& w : wakeups) w->notify_one();
}

}  // namespace jh::store
