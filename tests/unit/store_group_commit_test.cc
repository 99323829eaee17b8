// Group commit under concurrency: isolation of a failing callback inside a batch, many
// writers durable and batched, readers on consistent snapshots while writers commit.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"
#include "support/writer_hold.h"

// g++ 12 at -O2 reports a false -Warray-bounds inside std::thread's constructor when
// threads are emplaced into a vector (GCC bug 107852); the code is correct.
#pragma GCC diagnostic ignored "-Warray-bounds"

namespace jh::store {
namespace {

namespace fs = std::filesystem;

class StoreGroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    Open();
    Status made = store_->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("CREATE TABLE a (id TEXT PRIMARY KEY, n BIGINT NOT NULL)"));
      JH_TRY(tx.Exec("CREATE TABLE b (id TEXT PRIMARY KEY)"));
      return {};
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  void TearDown() override { store_.reset(); }
  void Open(SqliteOptions options = {}) {
    store_.reset();
    auto s = OpenSqlite(dir_ / "jh.db", options);
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
  }
  int64_t Count(const char* table) {
    int64_t n = -1;
    Status s = store_->Read([&](Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(Rows r, tx.Query(std::string("SELECT COUNT(*) FROM ") + table));
      n = r.at(0).Int(0);
      return {};
    });
    EXPECT_TRUE(s.ok());
    return n;
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

Store::TxFn InsertA(std::string id) {
  return [id](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO a (id, n) VALUES ($1, 1)", {id}));
    return {};
  };
}

TEST_F(StoreGroupCommitTest, FailingCallbackRollsBackOnlyItselfInsideABatch) {
  ASSERT_TRUE(store_->Write(InsertA("taken")).ok());
  const StoreStats before = store_->Stats();

  // Hold the writer inside one callback while five others queue up: they then form one batch.
  jh::testing::WriterHold hold(*store_);
  Status results[5];
  std::vector<std::thread> callers;
  callers.emplace_back([&] { results[0] = store_->Write(InsertA("ok-1")); });
  callers.emplace_back([&] {
    results[1] = store_->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("INSERT INTO a (id, n) VALUES ('refused', 1)"));
      JH_TRY(tx.Exec("INSERT INTO b (id) VALUES ('refused')"));
      return Error::Forbidden("TEST-01", "test", "refused after writing");
    });
  });
  callers.emplace_back([&] { results[2] = store_->Write(InsertA("taken")); });  // conflict
  callers.emplace_back([&] { results[3] = store_->Write(InsertA("ok-2")); });
  callers.emplace_back([&] {
    results[4] = store_->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("INSERT INTO b (id) VALUES ('ok-3')"));
      return {};
    });
  });
  EXPECT_TRUE(hold.WaitPending(5));
  hold.Release();
  for (auto& t : callers) t.join();

  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().code, ErrorCode::kForbidden);
  EXPECT_EQ(results[1].error().rule, "TEST-01");
  ASSERT_FALSE(results[2].ok());
  EXPECT_EQ(results[2].error().code, ErrorCode::kConflict);
  EXPECT_TRUE(results[3].ok());
  EXPECT_TRUE(results[4].ok());

  const StoreStats after = store_->Stats();
  EXPECT_EQ(after.writes - before.writes, 6);
  EXPECT_EQ(after.commits - before.commits, 2);  // the blocker's, then one for all five
  EXPECT_EQ(Count("a"), 3);                      // taken, ok-1, ok-2
  EXPECT_EQ(Count("b"), 1);                      // ok-3; 'refused' rolled back in both tables
}

// How many writes share a commit depends on scheduling, so the test arranges the one batch it
// counts on: the writer is held until every thread's first write is queued, and those 32 must
// then commit together. The writes after them form batches as they come; only the total is
// recorded (a ratio asserted there failed on a slow host under ThreadSanitizer).
TEST_F(StoreGroupCommitTest, ManyWritersAreDurableAndShareCommits) {
  constexpr int kThreads = 32;
  constexpr int kWritesEach = 50;
  const StoreStats before = store_->Stats();
  jh::testing::WriterHold hold(*store_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        const std::string id = std::to_string(t) + "-" + std::to_string(i);
        if (!store_->Write(InsertA(id)).ok()) ++failures;
      }
    });
  }
  EXPECT_TRUE(hold.WaitPending(kThreads));
  hold.Release();
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  const StoreStats after = store_->Stats();
  const int64_t writes = after.writes - before.writes;
  const int64_t commits = after.commits - before.commits;
  EXPECT_EQ(writes, kThreads * kWritesEach + 1);
  RecordProperty("commits", std::to_string(commits));  // in --gtest_output=xml
  // At worst: the blocker's commit, one for the 32 queued first writes, one per later write.
  EXPECT_LE(commits, 2 + kThreads * (kWritesEach - 1))
      << commits << " commits for " << writes << " writes";
  EXPECT_EQ(after.failed_batches, 0);

  Open();  // everything acknowledged survives closing and reopening
  EXPECT_EQ(Count("a"), kThreads * kWritesEach);
}

TEST_F(StoreGroupCommitTest, WithoutGroupCommitEveryWriteIsItsOwnTransaction) {
  SqliteOptions options;
  options.group_commit = false;
  Open(options);
  const StoreStats before = store_->Stats();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE(store_->Write(InsertA(std::to_string(t) + "/" + std::to_string(i))).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  const StoreStats after = store_->Stats();
  EXPECT_EQ(after.writes - before.writes, 40);
  EXPECT_EQ(after.commits - before.commits, 40);
  EXPECT_EQ(Count("a"), 40);
}

TEST_F(StoreGroupCommitTest, ReadsSeeConsistentSnapshotsWhileWritesCommit) {
  // Each write adds one row to a and one to b in the same callback; a reader must never see
  // one without the other, and counts never go back.
  constexpr int kWriters = 8;
  constexpr int kWritesEach = 40;
  std::atomic<bool> writing{true};
  std::atomic<int> inconsistent{0};
  std::atomic<int64_t> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      int64_t last = 0;
      while (writing.load()) {
        int64_t na = -1, nb = -2;
        Status s = store_->Read([&](Tx& tx) -> Status {
          JH_ASSIGN_OR_RETURN(Rows ra, tx.Query("SELECT COUNT(*) FROM a"));
          std::this_thread::yield();  // let a commit land between the two queries
          JH_ASSIGN_OR_RETURN(Rows rb, tx.Query("SELECT COUNT(*) FROM b"));
          na = ra.at(0).Int(0);
          nb = rb.at(0).Int(0);
          return {};
        });
        if (!s.ok() || na != nb || na < last) ++inconsistent;
        last = na;
        ++reads;
      }
    });
  }
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kWritesEach; ++i) {
        const std::string id = std::to_string(w) + ":" + std::to_string(i);
        Status s = store_->Write([&id](Tx& tx) -> Status {
          JH_TRY(tx.Exec("INSERT INTO a (id, n) VALUES ($1, 0)", {id}));
          JH_TRY(tx.Exec("INSERT INTO b (id) VALUES ($1)", {id}));
          return {};
        });
        EXPECT_TRUE(s.ok());
      }
    });
  }
  for (auto& t : writers) t.join();
  writing = false;
  for (auto& t : readers) t.join();
  EXPECT_EQ(inconsistent.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(Count("a"), kWriters * kWritesEach);
}

}  // namespace
}  // namespace jh::store
