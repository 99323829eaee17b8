// Holds a store's writer inside one callback, so that the writes queued meanwhile form one
// batch once it lets go: how the group-commit tests arrange the batch they examine instead of
// hoping the scheduler makes it. The hold's own write commits nothing and must succeed.
//
// Thread-safety: one test thread owns a WriterHold; the writes it holds back come from others.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#include "store/store.h"

namespace jh::testing {

class WriterHold {
 public:
  // Returns once the writer runs the hold's callback, or once the hold's write has failed
  // without running it (a test failure, reported here rather than as a hang).
  explicit WriterHold(store::Store& store) : store_(store) {
    thread_ = std::thread([this] {
      Status s = store_.Write([this](store::Tx&) -> Status {
        entered_ = true;
        while (!release_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return {};
      });
      EXPECT_TRUE(s.ok()) << s.error().message;
      returned_ = true;
    });
    while (!entered_.load() && !returned_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~WriterHold() { Release(); }
  WriterHold(const WriterHold&) = delete;
  WriterHold& operator=(const WriterHold&) = delete;

  // Waits until at least `n` writes are queued behind the hold; false after 5 s without,
  // so that a test which then releases cannot hang.
  [[nodiscard]] bool WaitPending(int64_t n) const {
    for (int i = 0; i < 5000; ++i) {
      if (store_.Stats().pending >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  }

  // Lets the writer go on (the queued writes then run as one batch) and waits until the
  // hold's own write has returned. Later calls do nothing.
  void Release() {
    release_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  store::Store& store_;
  std::atomic<bool> entered_{false};
  std::atomic<bool> release_{false};
  std::atomic<bool> returned_{false};
  std::thread thread_;
};

}  // namespace jh::testing
