// The SQLite connection below the store: its transaction control, which is prepared once per
// connection and must stay usable after it failed, and its pragmas on the writer.
#include "store/sqlite_connection.h"

#include <gtest/gtest.h>

#include <memory>

#include "support/temp_dir.h"

namespace jh::store::sqlite {
namespace {

class SqliteConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Connection::Open(tmp_.path() / "jh.db", ConnectionOptions{});
    ASSERT_TRUE(c.ok()) << c.error().message;
    conn_ = std::move(c).value();
    ASSERT_TRUE(conn_->Exec("CREATE TABLE t (n BIGINT)", {}).ok());
  }

  int64_t Count() {
    auto rows = conn_->Query("SELECT COUNT(*) FROM t", {});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  jh::testing::TempDir tmp_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(SqliteConnectionTest, ControlRunsTheSameStatementsAgainAndAgain) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(conn_->Control("BEGIN IMMEDIATE").ok());
    ASSERT_TRUE(conn_->Control("SAVEPOINT w").ok());
    ASSERT_TRUE(conn_->Exec("INSERT INTO t VALUES (1)", {}).ok());
    ASSERT_TRUE(conn_->Control(i == 1 ? "ROLLBACK TO w" : "RELEASE w").ok());
    if (i == 1) {
      ASSERT_TRUE(conn_->Control("RELEASE w").ok());
    }
    ASSERT_TRUE(conn_->Control("COMMIT").ok());
    EXPECT_FALSE(conn_->InTransaction());
  }
  EXPECT_EQ(Count(), 2);  // the second round was rolled back to its savepoint
}

TEST_F(SqliteConnectionTest, ControlThatFailedCanRunAgain) {
  // COMMIT outside a transaction fails; the kept statement must then be reset, not stuck.
  Status stray = conn_->Control("COMMIT");
  ASSERT_FALSE(stray.ok());
  EXPECT_EQ(stray.error().code, ErrorCode::kInternal);
  ASSERT_TRUE(conn_->Control("BEGIN").ok());
  Status nested = conn_->Control("BEGIN");  // no transaction within a transaction
  ASSERT_FALSE(nested.ok());
  EXPECT_TRUE(conn_->InTransaction());
  ASSERT_TRUE(conn_->Exec("INSERT INTO t VALUES (1)", {}).ok());
  ASSERT_TRUE(conn_->Control("COMMIT").ok());
  EXPECT_FALSE(conn_->InTransaction());
  EXPECT_EQ(Count(), 1);
}

TEST_F(SqliteConnectionTest, ControlTakesSeveralStatementsInOneText) {
  ASSERT_TRUE(conn_->Control("BEGIN; INSERT INTO t VALUES (1); COMMIT").ok());
  EXPECT_EQ(Count(), 1);
  EXPECT_FALSE(conn_->Control("BEGIN; NOT SQL").ok());
  if (conn_->InTransaction()) {
    ASSERT_TRUE(conn_->Control("ROLLBACK").ok());
  }
}

TEST_F(SqliteConnectionTest, StatementsOfATxStillCannotControlTheTransaction) {
  // Control's statements are prepared with the authorizer open; an ordinary statement with
  // the same text must not reuse that permission.
  ASSERT_TRUE(conn_->Control("BEGIN").ok());
  ASSERT_TRUE(conn_->Control("COMMIT").ok());
  EXPECT_FALSE(conn_->Exec("BEGIN", {}).ok());
  EXPECT_FALSE(conn_->Exec("SAVEPOINT w", {}).ok());
}

TEST_F(SqliteConnectionTest, WriterKeepsTemporaryDataInMemory) {
  // Savepoint sub-journals in a file cost a write per changed page and leave page copies in
  // the temp directory (sqlite_connection.cc, Configure).
  auto rows = conn_->Query("PRAGMA temp_store", {});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows->at(0).Int(0), 2);  // MEMORY
}

}  // namespace
}  // namespace jh::store::sqlite
