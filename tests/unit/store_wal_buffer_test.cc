// The WAL write layer of store/sqlite_wal_buffer.h: its buffer takes only writes that
// continue it and fit (allowing and refusing), and a connection on the layer commits frames
// that another connection reads back, in far fewer writes than SQLite asked for; a deferred
// write that fails fails its commit and leaves nothing behind.
#include "store/sqlite_wal_buffer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "store/fault_vfs.h"

namespace jh::store::sqlite {
namespace {

namespace fs = std::filesystem;

TEST(WalWriteBuffer, TakesWritesThatContinueItAndFit) {
  WalWriteBuffer b(100);
  EXPECT_TRUE(b.Takes(4096, 24));  // empty: any offset
  b.Append(std::string(24, 'h'), 4096);
  EXPECT_TRUE(b.Takes(4120, 76));
  b.Append(std::string(76, 'p'), 4120);
  EXPECT_EQ(b.Offset(), 4096);
  EXPECT_EQ(b.Bytes(), std::string(24, 'h') + std::string(76, 'p'));
  b.Clear();
  EXPECT_TRUE(b.Empty());
  EXPECT_TRUE(b.Takes(0, 32));  // after a flush it starts anywhere again
}

TEST(WalWriteBuffer, RefusesAGapARewriteAnOverflowAndAnOversizedWrite) {
  WalWriteBuffer b(100);
  b.Append(std::string(40, 'x'), 1000);
  EXPECT_FALSE(b.Takes(1041, 10));  // a gap
  EXPECT_FALSE(b.Takes(1000, 10));  // rewrites held bytes: must reach the file in order
  EXPECT_FALSE(b.Takes(1040, 61));  // would hold 101 bytes
  EXPECT_TRUE(b.Takes(1040, 60));   // exactly the limit
  WalWriteBuffer empty(100);
  EXPECT_FALSE(empty.Takes(0, 101));  // never buffered, even alone
}

TEST(WalWriteBuffer, OverlapsOnlyTheBytesItHolds) {
  WalWriteBuffer b(100);
  EXPECT_FALSE(b.Overlaps(0, 1 << 20));  // empty
  b.Append(std::string(10, 'x'), 50);
  EXPECT_TRUE(b.Overlaps(55, 1));
  EXPECT_TRUE(b.Overlaps(40, 11));
  EXPECT_TRUE(b.Overlaps(59, 100));
  EXPECT_FALSE(b.Overlaps(40, 10));  // ends where the buffer begins
  EXPECT_FALSE(b.Overlaps(60, 5));   // begins where it ends
}

class WalBufferVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jh-walbuf-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    for (sqlite3* db : open_) sqlite3_close_v2(db);
    store::testing::FailNextWrites(0);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // A connection as the store opens its writer: WAL, synchronous=FULL.
  sqlite3* Open(const std::string& vfs) {
    sqlite3* db = nullptr;
    const std::string file = (dir_ / "t.db").string();
    EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                              vfs.empty() ? nullptr : vfs.c_str()),
              SQLITE_OK);
    open_.push_back(db);
    EXPECT_EQ(Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL"), SQLITE_OK);
    return db;
  }
  static int Exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  }
  static std::string One(sqlite3* db, const char* sql) {
    std::string out = "(error)";
    sqlite3_exec(
        db, sql,
        [](void* o, int, char** v, char**) {
          *static_cast<std::string*>(o) = v[0] != nullptr ? v[0] : "(null)";
          return 0;
        },
        &out, nullptr);
    return out;
  }
  // 2,000 rows of 500 random bytes in one transaction: some 250 pages, so 500 WAL writes.
  static int InsertRows(sqlite3* db) {
    return Exec(db,
                "BEGIN IMMEDIATE;"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                "INSERT INTO t (v) SELECT randomblob(500) FROM n;"
                "COMMIT");
  }

  fs::path dir_;
  std::vector<sqlite3*> open_;
};

TEST_F(WalBufferVfsTest, CommitsInFewWritesWhatAnotherConnectionReadsBack) {
  const std::string layer = WalBufferVfsName("");
  ASSERT_NE(layer, "");
  sqlite3* writer = Open(layer);
  ASSERT_EQ(Exec(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)"), SQLITE_OK);
  const WalBufferCounts before = WalBufferCountsNow();
  ASSERT_EQ(InsertRows(writer), SQLITE_OK);
  const WalBufferCounts after = WalBufferCountsNow();
  const int64_t asked = after.writes - before.writes;
  const int64_t made = after.flushes - before.flushes;
  EXPECT_GE(asked, 500);
  EXPECT_GT(made, 0);
  EXPECT_LE(made * 20, asked) << made << " writes for " << asked;

  // Another connection, without the layer, finds every frame the wal-index names.
  sqlite3* reader = Open("");
  EXPECT_EQ(One(reader, "SELECT COUNT(*) FROM t"), "2000");
  EXPECT_EQ(One(reader, "SELECT SUM(length(v)) FROM t"), "1000000");
  EXPECT_EQ(One(reader, "PRAGMA integrity_check"), "ok");
}

TEST_F(WalBufferVfsTest, AFailedDeferredWriteFailsTheCommitAndLeavesNothing) {
  const std::string layer = WalBufferVfsName(store::testing::FaultVfsName());
  ASSERT_NE(layer, store::testing::FaultVfsName());
  sqlite3* writer = Open(layer);
  ASSERT_EQ(Exec(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)"), SQLITE_OK);
  ASSERT_EQ(InsertRows(writer), SQLITE_OK);

  // The inserts fit the page cache, so the first write to reach the file is the layer's,
  // during COMMIT: it must fail the commit, not vanish.
  store::testing::FailNextWrites(1);
  EXPECT_NE(InsertRows(writer), SQLITE_OK);
  store::testing::FailNextWrites(0);
  Exec(writer, "ROLLBACK");  // SQLite may have ended the transaction itself

  sqlite3* reader = Open("");
  EXPECT_EQ(One(reader, "SELECT COUNT(*) FROM t"), "2000");
  // The layer's buffer was emptied by the failure: the next commit writes only its own frames.
  ASSERT_EQ(InsertRows(writer), SQLITE_OK);
  EXPECT_EQ(One(reader, "SELECT COUNT(*) FROM t"), "4000");
  EXPECT_EQ(One(reader, "PRAGMA integrity_check"), "ok");
}

TEST(WalBufferVfs, AnUnknownBaseIsReturnedAsIsSoOpeningReportsIt) {
  EXPECT_EQ(WalBufferVfsName("no-such-vfs"), "no-such-vfs");
}

}  // namespace
}  // namespace jh::store::sqlite
