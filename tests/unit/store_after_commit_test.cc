// The SQLite store's after-commit rest (SqliteOptions::after_commit): it runs off the writer
// thread, so the next batch commits meanwhile, and still before the callers it covers are
// answered.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>

#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::store {
namespace {

using std::chrono::seconds;

// A gate the first rest waits at until the test opens it.
class Gate {
 public:
  void Open() {
    {
      std::lock_guard lock(mu_);
      open_ = true;
    }
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Waits up to ten seconds for `counter` to reach `n`; the machine may be busy.
bool Reaches(const std::atomic<int>& counter, int n) {
  const auto until = std::chrono::steady_clock::now() + seconds(10);
  while (counter.load() < n) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::yield();
  }
  return true;
}

class StoreAfterCommitTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(tmp_.path().empty()); }
  void TearDown() override {
    gate_.Open();  // a failing test must not leave the finisher waiting
    store_.reset();
  }
  // Opens the store with a hook that counts commits and a rest that records the commit it
  // belongs to; the rest of commit 1 waits at the gate.
  void Open() {
    SqliteOptions options;
    options.after_commit = [this](Tx&) -> AfterCommitRest {
      const int commit = ++hooks_;
      return [this, commit] {
        ++rests_;
        if (commit == 1) gate_.Wait();
        last_rest_.store(commit);
      };
    };
    auto s = OpenSqlite(tmp_.path() / "jh.db", options);
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
  }
  std::future<Status> WriteInThread() {
    return std::async(std::launch::async,
                      [this] { return store_->Write([](Tx&) -> Status { return {}; }); });
  }

  jh::testing::TempDir tmp_;
  std::unique_ptr<Store> store_;
  Gate gate_;
  std::atomic<int> hooks_{0};
  std::atomic<int> rests_{0};
  std::atomic<int> last_rest_{0};
};

TEST_F(StoreAfterCommitTest, TheNextBatchCommitsWhileARestRuns) {
  Open();
  std::future<Status> first = WriteInThread();
  ASSERT_TRUE(Reaches(rests_, 1)) << "the first commit's rest never ran";
  std::future<Status> second = WriteInThread();
  // With the rest on the writer thread, the second batch could not commit until the gate opens.
  ASSERT_TRUE(Reaches(hooks_, 2)) << "the second batch waited for the first one's rest";
  EXPECT_EQ(first.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout)
      << "answered before its rest had run";
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout)
      << "answered before a rest covering its commit had run";
  gate_.Open();
  ASSERT_TRUE(first.get().ok());
  ASSERT_TRUE(second.get().ok());
  // The second caller was answered after a rest of its own commit (or a later one) ran.
  EXPECT_GE(last_rest_.load(), 2);
}

TEST_F(StoreAfterCommitTest, RestsWaitingTogetherRunOnlyTheNewest) {
  Open();
  const int64_t before = store_->Stats().commits;
  std::future<Status> first = WriteInThread();
  ASSERT_TRUE(Reaches(rests_, 1));
  // Three more commits, one after the other, while the first rest is held up. A commit is
  // counted when its batch is handed to the finisher, so all three wait there together.
  std::future<Status> more[3];
  for (int i = 0; i < 3; ++i) {
    more[i] = WriteInThread();
    const auto until = std::chrono::steady_clock::now() + seconds(10);
    while (store_->Stats().commits < before + 2 + i && std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
    }
    ASSERT_EQ(store_->Stats().commits, before + 2 + i);
  }
  gate_.Open();
  ASSERT_TRUE(first.get().ok());
  for (auto& f : more) ASSERT_TRUE(f.get().ok());
  EXPECT_EQ(last_rest_.load(), 4);
  EXPECT_EQ(rests_.load(), 2) << "commits 2 to 4 share commit 4's rest";
}

TEST_F(StoreAfterCommitTest, AWriteFromTheRestIsRefusedInsteadOfWaitingForItself) {
  SqliteOptions options;
  Status from_rest;
  bool tried = false;
  std::atomic<Store*> store{nullptr};
  options.after_commit = [&](Tx&) -> AfterCommitRest {
    return [&] {
      if (Store* s = store.load(); s != nullptr && !tried) {
        tried = true;
        from_rest = s->Write([](Tx&) -> Status { return {}; });
      }
    };
  };
  auto s = OpenSqlite(tmp_.path() / "jh.db", options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  store = s->get();
  ASSERT_TRUE((*s)->Write([](Tx&) -> Status { return {}; }).ok());
  ASSERT_TRUE(tried);
  ASSERT_FALSE(from_rest.ok());
  EXPECT_EQ(from_rest.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace jh::store
