// The page cache layer of store/sqlite_truncate_shim.h: its bookkeeping lets a truncation
// be skipped only when no page at or beyond the limit can be cached (allowing and refusing),
// and a store that runs on it keeps exactly its committed rows through rebalances and
// rolled-back writes that grew and shrank the file.
#include "store/sqlite_truncate_shim.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "store/fault_vfs.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::store::sqlite {
namespace {

namespace fs = std::filesystem;

// Stand-ins for SQLite's page handles: only their addresses matter to the tracker.
const char kPages[2] = {};
const void* const kPageA = &kPages[0];
const void* const kPageB = &kPages[1];
constexpr uint32_t kPendingBytePage = 262145;  // where SQLite parks a page while rebalancing

TEST(TruncateTracker, SkipsWhenEveryFetchedPageIsBelowTheLimit) {
  TruncateTracker t;
  t.Fetched(kPageA, 7);
  t.Fetched(kPageB, 10);
  EXPECT_FALSE(t.MayHoldFrom(11));
  EXPECT_TRUE(t.MayHoldFrom(10));
  EXPECT_TRUE(t.MayHoldFrom(1));
}

TEST(TruncateTracker, RunsWhileAPageIsParkedBeyondTheEnd) {
  TruncateTracker t;
  t.Fetched(kPageA, 10);
  t.Rekeyed(kPageA, kPendingBytePage);
  EXPECT_TRUE(t.MayHoldFrom(11));
  EXPECT_TRUE(t.MayHoldFrom(kPendingBytePage));
  EXPECT_FALSE(t.MayHoldFrom(kPendingBytePage + 1));
}

TEST(TruncateTracker, SkipsAgainOnceTheParkedPageHasItsNumber) {
  TruncateTracker t;
  t.Fetched(kPageA, 10);
  t.Rekeyed(kPageA, kPendingBytePage);
  t.Rekeyed(kPageA, 4);
  EXPECT_FALSE(t.MayHoldFrom(11));
  EXPECT_TRUE(t.moved().empty());
}

TEST(TruncateTracker, ForgetsAParkedPageThatWasDiscardedOrReused) {
  TruncateTracker discarded;
  discarded.Fetched(kPageA, 10);
  discarded.Rekeyed(kPageA, kPendingBytePage);
  discarded.Discarded(kPageA);
  EXPECT_FALSE(discarded.MayHoldFrom(11));

  TruncateTracker reused;  // SQLite recycled the handle for another page number
  reused.Fetched(kPageB, 10);
  reused.Rekeyed(kPageA, kPendingBytePage);
  reused.Fetched(kPageA, 3);
  EXPECT_FALSE(reused.MayHoldFrom(11));
}

TEST(TruncateTracker, ARunTruncationLowersTheAccount) {
  TruncateTracker t;
  t.Fetched(kPageA, 100);  // a page beyond the end, written by a rolled-back savepoint
  t.Rekeyed(kPageB, 90);
  ASSERT_TRUE(t.MayHoldFrom(50));
  t.Truncated(50);
  EXPECT_FALSE(t.MayHoldFrom(50));
  EXPECT_TRUE(t.MayHoldFrom(49));
  EXPECT_EQ(t.max_fetched(), 49u);
  t.Truncated(0);  // the cache emptied
  EXPECT_FALSE(t.MayHoldFrom(1));
}

// SQLite's configuration is process-wide and closes once SQLite starts, which other tests in
// this binary do (the fault VFS, for one); the cases below therefore run in a fresh child
// process ("threadsafe" death-test style re-executes the binary for just that case).
class TruncateShimProcessTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

// A store on the layer: random-key inserts rebalance the index (and park pages at the
// pending-byte page); writes that fail after growing the file roll back and leave cached
// pages beyond its end, which the next commit must drop. Every committed row, and only
// those, must read back, and the file must be intact; and the layer must have skipped some
// truncations and passed others on. 0 when so; otherwise the step that failed.
int RebalanceAndRollBack(const fs::path& dir) {
  SqliteOptions options;
  options.writer_cache_kib = 64 * 1024;
  auto opened = OpenSqlite(dir / "jh.db", options);
  if (!opened.ok()) return 10;
  Store& store = **opened;
  if (!TruncateShimInUse()) return 11;
  Status made = store.Write([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("CREATE TABLE r (k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID"));
    JH_TRY(tx.Exec("CREATE INDEX r_v ON r (v)"));
    return {};
  });
  if (!made.ok()) return 12;
  std::mt19937_64 rng(7);
  auto random_blob = [&rng](size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return Blob{s};
  };
  auto insert = [&](Tx& tx, int rows) -> Status {
    for (int i = 0; i < rows; ++i) {
      JH_TRY(tx.Exec("INSERT INTO r (k, v) VALUES ($1, $2)", {random_blob(32), random_blob(600)}));
    }
    return {};
  };
  int64_t committed = 0;
  for (int round = 0; round < 25; ++round) {
    // Grows the file by some hundred pages, then fails: the savepoint rolls back.
    Status failed = store.Write([&](Tx& tx) -> Status {
      JH_TRY(insert(tx, 400));
      return Error::Conflict("on purpose");
    });
    if (failed.ok()) return 13;
    if (!store.Write([&](Tx& tx) { return insert(tx, 150); }).ok()) return 14;
    committed += 150;
  }
  int64_t rows = -1;
  std::string check;
  Status read = store.Read([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows n, tx.Query("SELECT COUNT(*) FROM r"));
    rows = n.at(0).Int(0);
    JH_ASSIGN_OR_RETURN(Rows c, tx.Query("PRAGMA integrity_check"));
    check = c.at(0).Text(0);
    return {};
  });
  if (!read.ok()) return 15;
  if (rows != committed) return 16;
  if (check != "ok") return 17;
  // The writer's own view (its cache is the one the layer spares), through the other index.
  int64_t seen = -1;
  Status written = store.Write([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows n, tx.Query("SELECT COUNT(*) FROM r INDEXED BY r_v"));
    seen = n.at(0).Int(0);
    return {};
  });
  if (!written.ok() || seen != committed) return 18;
  // The layer was at work both ways: commits that left nothing beyond the end skipped the
  // truncation, and the rolled-back growth (and readers emptying their caches) passed it on.
  const TruncateCounts counts = TruncateShimCounts();
  if (counts.skipped == 0) return 19;
  if (counts.passed == 0) return 20;
  return 0;
}

TEST_F(TruncateShimProcessTest, StoreKeepsCommittedRowsThroughRebalancesAndRollbacks) {
  EXPECT_EXIT(std::exit(jh::testing::InTempDir(RebalanceAndRollBack)), ::testing::ExitedWithCode(0),
              "");
}

TEST_F(TruncateShimProcessTest, RefusedOnceSqliteHasStartedAndNothingChanges) {
  EXPECT_EXIT(
      {
        if (sqlite3_initialize() != SQLITE_OK) std::exit(1);
        if (UseTruncateShim().ok()) std::exit(2);
        if (TruncateShimInUse()) std::exit(3);
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(TruncateShimProcessTest, GoesInBeforeSqliteStartsAndASecondCallIsHarmless) {
  EXPECT_EXIT(
      {
        if (!UseTruncateShim().ok()) std::exit(1);
        if (!UseTruncateShim().ok()) std::exit(2);
        if (!TruncateShimInUse()) std::exit(3);
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(TruncateShimProcessTest, StoresOnTheFaultVfsRunOnTheLayerAsTheServersDo) {
  EXPECT_EXIT(
      {
        if (testing::FaultVfsName() == nullptr) std::exit(1);
        if (!TruncateShimInUse()) std::exit(2);
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace jh::store::sqlite
