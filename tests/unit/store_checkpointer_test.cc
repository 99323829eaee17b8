// Checkpoints off the writer thread (store/sqlite_checkpointer.h): the writer's step after a
// commit, the thread and the writer's own fallback on real connections, a checkpoint that
// fails and the store that keeps serving, and the WAL bound of a store under writes.
#include "store/sqlite_checkpointer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "store/fault_vfs.h"
#include "store/sqlite_connection.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::store::sqlite {
namespace {

namespace fs = std::filesystem;

// The outcome of a statement without its row count.
Status Done(const Result<int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}

// Waits up to 10 s for `done`; the thread under test runs on its own schedule.
template <class F>
bool Eventually(F done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

TEST(CheckpointStepTest, BelowTheLimitTheWriterDoesNothing) {
  EXPECT_EQ(StepAfterCommit(0, 8000), CheckpointStep::kNone);
  EXPECT_EQ(StepAfterCommit(7999, 8000), CheckpointStep::kNone);
}

TEST(CheckpointStepTest, AtTheLimitTheThreadIsAsked) {
  EXPECT_EQ(StepAfterCommit(8000, 8000), CheckpointStep::kBackground);
  EXPECT_EQ(StepAfterCommit(kInlineFactor * 8000 - 1, 8000), CheckpointStep::kBackground);
}

TEST(CheckpointStepTest, AtTheHardLimitTheWriterCheckpointsItself) {
  EXPECT_EQ(StepAfterCommit(kInlineFactor * 8000, 8000), CheckpointStep::kInline);
  EXPECT_EQ(StepAfterCommit(1 << 30, 8000), CheckpointStep::kInline);
}

TEST(CheckpointStepTest, NoLimitNoCheckpoint) {
  EXPECT_EQ(StepAfterCommit(1 << 30, 0), CheckpointStep::kNone);
}

// A writer connection with the hook of a Checkpointer on its own connection, as OpenSqlite
// wires them, on a database whose WAL holds `rows` committed rows of ~4 KiB.
class CheckpointerTest : public ::testing::Test {
 protected:
  void Open(const std::string& vfs = "") {
    ASSERT_FALSE(dir_.path().empty());
    const ConnectionOptions options{Access::kReadWrite, 5000, vfs};
    auto writer = Connection::Open(dir_.path() / "jh.db", options);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    writer_ = std::move(writer).value();
    auto own = Connection::Open(dir_.path() / "jh.db", options);
    ASSERT_TRUE(own.ok()) << own.error().message;
    auto started = Checkpointer::Start(std::move(own).value(), kLimit);
    ASSERT_TRUE(started.ok()) << started.error().message;
    checkpointer_ = std::move(started).value();
    writer_->SetWalHook([this](int frames) {
      wal_frames_ = frames;
      checkpointer_->AfterCommit(*writer_, frames);
    });
    ASSERT_TRUE(writer_->Exec("CREATE TABLE t (n BIGINT, b BLOB)", {}).ok());
  }
  void TearDown() override {
    if (writer_) writer_->SetWalHook(nullptr);
    checkpointer_.reset();
    writer_.reset();
  }
  Status Insert(int n) {
    return Done(writer_->Exec("INSERT INTO t VALUES ($1, zeroblob(4000))", {int64_t{n}}));
  }
  int64_t Count() {
    auto r = writer_->Query("SELECT COUNT(*) FROM t", {});
    return r.ok() ? r->at(0).Int(0) : -1;
  }
  uintmax_t WalBytes() {
    std::error_code ec;
    const uintmax_t size = fs::file_size(dir_.path() / "jh.db-wal", ec);
    return ec ? 0 : size;
  }

  static constexpr int kLimit = 32;
  jh::testing::TempDir dir_;
  std::unique_ptr<Connection> writer_;
  std::unique_ptr<Checkpointer> checkpointer_;
  int wal_frames_ = 0;  // as the hook last saw it
};

TEST_F(CheckpointerTest, TheThreadCheckpointsOnceTheWalReachesTheLimit) {
  Open();
  int rows = 0;
  while (wal_frames_ < kLimit - 4) ASSERT_TRUE(Insert(rows++).ok());
  EXPECT_EQ(checkpointer_->BackgroundRuns(), 0) << "below the limit nothing is checkpointed";
  while (wal_frames_ < kLimit) ASSERT_TRUE(Insert(rows++).ok());
  EXPECT_TRUE(Eventually([&] { return checkpointer_->BackgroundRuns() > 0; }));
  EXPECT_EQ(checkpointer_->InlineRuns(), 0);
  EXPECT_EQ(checkpointer_->Failures(), 0);
  EXPECT_EQ(Count(), rows);
}

TEST_F(CheckpointerTest, TheWriterCheckpointsItselfAtTheHardLimit) {
  Open();
  // The writer's step, as its hook would take it with a WAL four times the limit: the thread
  // is idle, so the writer's own PASSIVE checkpoint runs.
  ASSERT_TRUE(Insert(1).ok());
  checkpointer_->AfterCommit(*writer_, kInlineFactor * kLimit);
  EXPECT_EQ(checkpointer_->InlineRuns(), 1);
  EXPECT_EQ(Count(), 1);
}

TEST_F(CheckpointerTest, AFailedCheckpointIsCountedAndTheNextOneSucceeds) {
  Open(store::testing::FaultVfsName());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Insert(i).ok());
  // Every write fails now: the checkpoint cannot copy a page into the database file.
  store::testing::FailNextWrites(1000000);
  checkpointer_->Request();
  EXPECT_TRUE(Eventually([&] { return checkpointer_->Failures() > 0; }));
  store::testing::FailNextWrites(0);
  // The committed rows are still read from the WAL, and a later checkpoint copies them.
  EXPECT_EQ(Count(), 3);
  checkpointer_->Request();
  EXPECT_TRUE(Eventually([&] { return checkpointer_->BackgroundRuns() > 0; }));
  ASSERT_TRUE(Insert(3).ok());
  EXPECT_EQ(Count(), 4);
  auto check = writer_->Query("PRAGMA integrity_check", {});
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->at(0).Text(0), "ok");
}

// The store as serve opens it: under many writes the WAL stays within the hard limit (plus
// one transaction), the thread did the checkpoints, and every row is there.
TEST(CheckpointInBackgroundStoreTest, TheWalStaysBoundedAndNothingIsLost) {
  jh::testing::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  SqliteOptions options;
  options.wal_autocheckpoint_pages = 32;
  options.checkpoint_in_background = true;
  auto opened = OpenSqlite(dir.path() / "jh.db", options);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Store& store = **opened;
  ASSERT_TRUE(
      store.Write([](Tx& tx) { return Done(tx.Exec("CREATE TABLE t (n BIGINT, b BLOB)")); }).ok());
  constexpr int kWrites = 600;
  // The bound is on what the writes below add, after the migrations' one large transaction;
  // the WAL file is reused from its start, never shrunk.
  const fs::path wal_file = dir.path() / "jh.db-wal";
  ASSERT_TRUE(store.Write([](Tx&) -> Status { return {}; }).ok());
  std::error_code ec;
  const uintmax_t wal_at_start = fs::file_size(wal_file, ec);
  ASSERT_FALSE(ec);
  uintmax_t largest_wal = 0;
  for (int i = 0; i < kWrites; ++i) {
    ASSERT_TRUE(store
                    .Write([i](Tx& tx) {
                      return Done(
                          tx.Exec("INSERT INTO t VALUES ($1, zeroblob(4000))", {int64_t{i}}));
                    })
                    .ok());
    const uintmax_t wal = fs::file_size(wal_file, ec);
    if (!ec) largest_wal = std::max(largest_wal, wal);
  }
  const StoreStats stats = store.Stats();
  EXPECT_GT(stats.background_checkpoints, 0);
  // Every commit is counted in the commit-duration buckets (/metrics).
  uint64_t timed = 0;
  for (uint64_t n : stats.commit_durations) timed += n;
  EXPECT_EQ(timed, static_cast<uint64_t>(stats.commits));
  EXPECT_GT(stats.commit_seconds_sum, 0);
  // A frame is a page (4096) and its 24-byte header; one write adds about three frames.
  constexpr uintmax_t kFrame = 4096 + 24;
  EXPECT_LE(largest_wal, std::max(wal_at_start, (kInlineFactor * 32 + 8) * kFrame + 32))
      << "the WAL outgrew its bound";
  int64_t rows = -1;
  std::string integrity;
  ASSERT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    JH_ASSIGN_OR_RETURN(Rows r, tx.Query("SELECT COUNT(*) FROM t"));
                    rows = r.at(0).Int(0);
                    JH_ASSIGN_OR_RETURN(Rows c, tx.Query("PRAGMA integrity_check"));
                    integrity = c.at(0).Text(0);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(rows, kWrites);
  EXPECT_EQ(integrity, "ok");
}

TEST(CheckpointInBackgroundStoreTest, WithoutItTheStoreCountsNone) {
  jh::testing::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  auto opened = OpenSqlite(dir.path() / "jh.db", SqliteOptions{});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ((*opened)->Stats().background_checkpoints, 0);
  EXPECT_EQ((*opened)->Stats().inline_checkpoints, 0);
}

}  // namespace
}  // namespace jh::store::sqlite
