// What only the SQLite store does: its pragmas and its file. The contract both stores keep
// (values, errors, guards) is in store_contract_test.cc.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::store {
namespace {

namespace fs = std::filesystem;

class StoreSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    auto s = OpenSqlite(dir_ / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
    Status made = store_->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("CREATE TABLE t (k TEXT PRIMARY KEY, n BIGINT, b BLOB, o TEXT)"));
      return {};
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  void TearDown() override { store_.reset(); }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreSqliteTest, PragmasInEffect) {
  EXPECT_EQ(store_->Dialect(), "sqlite");
  Status s = store_->Write([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows mode, tx.Query("PRAGMA journal_mode"));
    EXPECT_EQ(mode.at(0).Text(0), "wal");
    JH_ASSIGN_OR_RETURN(Rows sync, tx.Query("PRAGMA synchronous"));
    EXPECT_EQ(sync.at(0).Int(0), 2);  // FULL
    JH_ASSIGN_OR_RETURN(Rows fk, tx.Query("PRAGMA foreign_keys"));
    EXPECT_EQ(fk.at(0).Int(0), 1);
    return {};
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  // Readers see the same file in WAL mode.
  Status r = store_->Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows mode, tx.Query("PRAGMA journal_mode"));
    EXPECT_EQ(mode.at(0).Text(0), "wal");
    return {};
  });
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST_F(StoreSqliteTest, CallbacksCannotAttachOtherDatabases) {
  Status s = store_->Write([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("ATTACH DATABASE ':memory:' AS other"));
    return {};
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
}

TEST_F(StoreSqliteTest, OpenFailsUnavailableOnAnUnusablePath) {
  auto s = OpenSqlite(dir_ / "no" / "such" / "dir" / "jh.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace jh::store
