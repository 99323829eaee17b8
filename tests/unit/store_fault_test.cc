// Fault injection through the fault VFS (store/fault_vfs.h): a commit whose fsync fails must
// be reported as kUnavailable to every caller of its batch, leave nothing visible, and not
// stop the store from committing the next batch.
#include "store/fault_vfs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"
#include "support/writer_hold.h"

namespace jh::store {
namespace {

namespace fs = std::filesystem;

class StoreFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    Open();
    ASSERT_TRUE(Write("CREATE TABLE t (id TEXT PRIMARY KEY)").ok());
  }
  void TearDown() override {
    testing::FailNextSyncs(0);
    store_.reset();
  }
  void Open() {
    store_.reset();
    SqliteOptions options;
    options.vfs = testing::FaultVfsName();
    auto s = OpenSqlite(dir_ / "jh.db", options);
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
  }
  Status Write(std::string sql) {
    return store_->Write([sql](Tx& tx) -> Status {
      JH_TRY(tx.Exec(sql));
      return {};
    });
  }
  int64_t Count(const std::string& id) {
    int64_t n = -1;
    Status s = store_->Read([&](Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(Rows r, tx.Query("SELECT COUNT(*) FROM t WHERE id = $1", {id}));
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

TEST_F(StoreFaultTest, SyncsGoThroughTheShim) {
  const int64_t before = testing::SyncCount();
  ASSERT_TRUE(Write("INSERT INTO t VALUES ('synced')").ok());
  EXPECT_GT(testing::SyncCount(), before);  // synchronous=FULL: the commit fsyncs the WAL
}

TEST_F(StoreFaultTest, FailedFsyncMeansUnavailableAndNothingWritten) {
  testing::FailNextSyncs(1);
  Status lost = Write("INSERT INTO t VALUES ('lost')");
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(Count("lost"), 0);
  EXPECT_EQ(store_->Stats().failed_batches, 1);

  Status next = Write("INSERT INTO t VALUES ('kept')");
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(Count("kept"), 1);
  EXPECT_EQ(Count("lost"), 0);

  Open();  // and after reopening (recovery from the WAL) too
  EXPECT_EQ(Count("kept"), 1);
  EXPECT_EQ(Count("lost"), 0);
}

TEST_F(StoreFaultTest, EveryCallerOfAFailedBatchIsTold) {
  // Hold the writer, queue several callers, then let their one commit fail.
  jh::testing::WriterHold hold(*store_);
  constexpr int kCallers = 4;
  std::vector<Status> results(kCallers);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back(
        [&, i] { results[i] = Write("INSERT INTO t VALUES ('b" + std::to_string(i) + "')"); });
  }
  EXPECT_TRUE(hold.WaitPending(kCallers));
  EXPECT_EQ(store_->Stats().pending, kCallers);
  // The blocker's own transaction wrote nothing, so its COMMIT does not fsync: the failure
  // is left for the callers' batch.
  testing::FailNextSyncs(1);
  hold.Release();
  for (auto& t : callers) t.join();
  for (int i = 0; i < kCallers; ++i) {
    ASSERT_FALSE(results[i].ok()) << i;
    EXPECT_EQ(results[i].error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(Count(std::string("b").append(std::to_string(i))), 0);
  }
  EXPECT_TRUE(Write("INSERT INTO t VALUES ('after')").ok());
}

}  // namespace
}  // namespace jh::store
