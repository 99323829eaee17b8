#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <string>

#include "store/sqlite_page_pool.h"

namespace jh::store::sqlite {
namespace {

// SQLite's configuration is process-wide and closes once SQLite starts, which other tests in
// this binary do; each case therefore runs in a fresh child process ("threadsafe" death-test
// style re-executes the binary for just that case).
class PagePoolTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

// An in-memory database with a table of ~200 pages, all in its page cache; nullptr on failure.
sqlite3* OpenFilled() {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return nullptr;
  const char* sql =
      "CREATE TABLE t (x TEXT);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
      "INSERT INTO t SELECT printf('%0400d', i) FROM n;";
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return nullptr;
  }
  return db;
}

int FillAPageCache() {
  sqlite3* db = OpenFilled();
  if (db == nullptr) return 1;
  sqlite3_close(db);
  return 0;
}

TEST_F(PagePoolTest, PagesComeFromThePoolWhenItIsSetBeforeSqliteStarts) {
  EXPECT_EXIT(
      {
        if (PagePoolInUse()) std::exit(5);
        if (!UsePagePool(8 << 20).ok()) std::exit(1);
        if (!PagePoolInUse()) std::exit(6);
        if (PagePoolBytesInUse() != 0) std::exit(2);
        sqlite3* db = OpenFilled();
        if (db == nullptr) std::exit(4);
        // ~200 pages of 4 KiB are cached while the connection is open, all in pool slots.
        if (PagePoolBytesInUse() < 100 * 4096) std::exit(3);
        sqlite3_close(db);
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(PagePoolTest, RefusedOnceSqliteHasStartedAndNothingChanges) {
  EXPECT_EXIT(
      {
        if (FillAPageCache() != 0) std::exit(1);
        const Status late = UsePagePool(8 << 20);
        if (late.ok() || late.error().code != ErrorCode::kUnavailable) std::exit(2);
        if (PagePoolBytesInUse() != 0 || PagePoolInUse()) std::exit(3);
        if (FillAPageCache() != 0) std::exit(4);  // SQLite keeps working with malloc
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(PagePoolTest, OnlyOnePoolPerProcessAndNoneOfUselessSize) {
  EXPECT_EXIT(
      {
        if (UsePagePool(100).ok()) std::exit(1);      // smaller than one slot
        if (UsePagePool(8 << 20).ok()) std::exit(2);  // the first attempt was the one
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace jh::store::sqlite
