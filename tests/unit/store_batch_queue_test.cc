// BatchQueue (store/batch_queue.h): one leader at a time, every job run exactly once, the
// leader's job first in its batch, batches no larger than max_batch, and a caller queued
// behind a running batch leads the next.
#include "store/batch_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

// g++ 12 at -O2 reports a false -Warray-bounds inside std::thread's constructor when
// threads are emplaced into a vector (GCC bug 107852); the code is correct.
#pragma GCC diagnostic ignored "-Warray-bounds"

namespace jh::store {
namespace {

struct TestJob : BatchTicket {
  int id = 0;
  int runs = 0;  // written by the leader that ran it; read after the threads joined
};

TEST(BatchQueueTest, ACallerAloneLeadsABatchOfItsOwnJob) {
  BatchQueue<TestJob> queue(8);
  TestJob job;
  std::vector<TestJob*> batch = queue.Join(job);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0], &job);
  queue.Finish(batch);
  EXPECT_TRUE(job.done);
  EXPECT_EQ(queue.Pending(), 0);
  // The queue is free again: the next caller leads at once.
  TestJob next;
  std::vector<TestJob*> again = queue.Join(next);
  ASSERT_EQ(again.size(), 1u);
  queue.Finish(again);
}

TEST(BatchQueueTest, CallersQueuedBehindARunningBatchFormTheNextOneUpToMaxBatch) {
  BatchQueue<TestJob> queue(3);
  TestJob first;
  std::vector<TestJob*> running = queue.Join(first);  // leads; its batch is "running"
  ASSERT_EQ(running.size(), 1u);
  constexpr int kWaiting = 5;
  std::vector<TestJob> jobs(kWaiting);
  std::vector<size_t> led(kWaiting, 0);  // size of the batch each caller led, 0 if none
  std::vector<std::thread> threads;
  for (int i = 0; i < kWaiting; ++i) {
    threads.emplace_back([&, i] {
      std::vector<TestJob*> batch = queue.Join(jobs[i]);
      if (batch.empty()) return;
      EXPECT_EQ(batch[0], &jobs[i]);
      led[i] = batch.size();
      for (TestJob* j : batch) ++j->runs;
      queue.Finish(batch);
    });
  }
  // Nobody else may lead while the first batch runs: all five stay queued.
  while (queue.Pending() < kWaiting) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(queue.Pending(), kWaiting);
  for (const TestJob& j : jobs) EXPECT_EQ(j.runs, 0);
  queue.Finish(running);
  for (std::thread& t : threads) t.join();
  // Five queued jobs, at most three a batch: a batch of three, then one of two.
  std::multiset<size_t> sizes;
  for (size_t n : led) {
    if (n > 0) sizes.insert(n);
  }
  EXPECT_EQ(sizes, (std::multiset<size_t>{2, 3}));
  for (const TestJob& j : jobs) {
    EXPECT_EQ(j.runs, 1);
    EXPECT_TRUE(j.done);
  }
  EXPECT_EQ(queue.Pending(), 0);
}

TEST(BatchQueueTest, ManyCallersEachJobRunsOnceAndOneBatchAtATime) {
  BatchQueue<TestJob> queue(4);
  constexpr int kThreads = 16;
  constexpr int kRounds = 200;
  std::atomic<int> running{0};
  std::atomic<int> overlaps{0};
  std::atomic<int> oversized{0};
  std::atomic<int> runs{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int r = 0; r < kRounds; ++r) {
        TestJob job;
        std::vector<TestJob*> batch = queue.Join(job);
        if (!batch.empty()) {
          if (running.fetch_add(1) != 0) ++overlaps;
          if (batch.size() > 4 || batch[0] != &job) ++oversized;
          for (TestJob* j : batch) ++j->runs;
          running.fetch_sub(1);
          queue.Finish(batch);
        }
        // Finish set done under the queue's lock, which Join took again before returning.
        EXPECT_TRUE(job.done);
        EXPECT_EQ(job.runs, 1);
        ++runs;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_EQ(oversized.load(), 0);
  EXPECT_EQ(runs.load(), kThreads * kRounds);
  EXPECT_EQ(queue.Pending(), 0);
}

}  // namespace
}  // namespace jh::store
