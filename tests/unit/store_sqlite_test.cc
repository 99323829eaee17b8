// The SQLite store's single-connection behaviour: pragmas, values, errors, guards.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "store/store.h"

namespace jh::store {
namespace {

namespace fs = std::filesystem;

class StoreSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jh-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto s = OpenSqlite(dir_ / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
    Status made = store_->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("CREATE TABLE t (k TEXT PRIMARY KEY, n BIGINT, b BLOB, o TEXT)"));
      return {};
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs one statement in its own Write and returns its status.
  Status WriteOne(std::string sql, std::vector<Value> params = {}) {
    return store_->Write([&](Tx& tx) -> Status {
      JH_TRY(tx.Exec(sql, params));
      return {};
    });
  }

  Result<Rows> ReadAll(std::string sql, std::vector<Value> params = {}) {
    Rows rows;
    Status s = store_->Read([&](Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(rows, tx.Query(sql, params));
      return {};
    });
    if (!s.ok()) return s.error();
    return rows;
  }

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
  auto mode = ReadAll("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok()) << mode.error().message;
  EXPECT_EQ(mode->at(0).Text(0), "wal");
}

TEST_F(StoreSqliteTest, ValuesRoundTripWithTheirTypes) {
  const std::string bytes("\0\x01\xff binary", 10);
  ASSERT_TRUE(
      WriteOne("INSERT INTO t (k, n, b, o) VALUES ($1, $2, $3, $4)",
               {std::string("a"), int64_t{-9007199254740993}, Blob{bytes}, std::monostate{}})
          .ok());
  ASSERT_TRUE(WriteOne("INSERT INTO t (k, n, b, o) VALUES ($1, $2, $3, $4)",
                       {std::string("e"), int64_t{0}, Blob{""}, std::string("")})
                  .ok());
  auto rows = ReadAll("SELECT k, n, b, o, typeof(b), typeof(o) FROM t ORDER BY k");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const Row& a = (*rows)[0];
  EXPECT_EQ(a.Text(0), "a");
  EXPECT_EQ(a.Int(1), -9007199254740993);
  EXPECT_EQ(a.Bytes(2), bytes);
  EXPECT_EQ(a.at(2), Value(Blob{bytes}));
  EXPECT_TRUE(a.IsNull(3));
  EXPECT_EQ(a.OptText(3), std::nullopt);
  const Row& e = (*rows)[1];
  EXPECT_EQ(e.Text(4), "blob");  // an empty blob is not NULL
  EXPECT_EQ(e.Text(5), "text");
  EXPECT_EQ(e.OptText(3), std::optional<std::string>(""));
  // Typed access to the wrong type or past the end gives the empty value, never a throw.
  EXPECT_EQ(a.Int(0), 0);
  EXPECT_EQ(a.Text(1), "");
  EXPECT_EQ(a.Text(99), "");
  EXPECT_EQ(a.Bytes(0), "a");  // Bytes also reads TEXT
}

TEST_F(StoreSqliteTest, ExecReturnsRowsChanged) {
  Status s = store_->Write([](Tx& tx) -> Status {
    for (const char* k : {"x", "y", "z"}) {
      JH_ASSIGN_OR_RETURN(int64_t n, tx.Exec("INSERT INTO t (k) VALUES ($1)", {std::string(k)}));
      EXPECT_EQ(n, 1);
    }
    JH_ASSIGN_OR_RETURN(int64_t n, tx.Exec("UPDATE t SET n = 1 WHERE k <> 'x'"));
    EXPECT_EQ(n, 2);
    JH_ASSIGN_OR_RETURN(int64_t none, tx.Exec("SELECT * FROM t"));
    EXPECT_EQ(none, 0);
    JH_ASSIGN_OR_RETURN(int64_t ddl, tx.Exec("CREATE TABLE u (x TEXT)"));
    EXPECT_EQ(ddl, 0);
    JH_ASSIGN_OR_RETURN(Rows ret, tx.Query("INSERT INTO t (k) VALUES ('r') RETURNING k"));
    EXPECT_EQ(ret.at(0).Text(0), "r");
    return {};
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
}

TEST_F(StoreSqliteTest, UniqueAndPrimaryKeyViolationsAreConflictsNamingNoValues) {
  ASSERT_TRUE(WriteOne("INSERT INTO t (k) VALUES ($1)", {std::string("secret-123456782")}).ok());
  Status dup = WriteOne("INSERT INTO t (k) VALUES ($1)", {std::string("secret-123456782")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup.error().message.find("123456782"), std::string::npos);

  ASSERT_TRUE(WriteOne("CREATE UNIQUE INDEX t_n ON t (n)").ok());
  ASSERT_TRUE(WriteOne("INSERT INTO t (k, n) VALUES ('p', 7)").ok());
  Status unique = WriteOne("INSERT INTO t (k, n) VALUES ('q', 7)");
  ASSERT_FALSE(unique.ok());
  EXPECT_EQ(unique.error().code, ErrorCode::kConflict);
}

TEST_F(StoreSqliteTest, ForeignKeysAreEnforced) {
  Status s = WriteOne(
      "INSERT INTO medewerkers (id, organisatie_id, rol, meldingsbevoegd, naam_enc, "
      "telefoon_enc, email_enc, aangemaakt_op) VALUES ('m', 'geen', 'r', 0, x'00', x'00', x'00', "
      "'2024-01-01')");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST_F(StoreSqliteTest, DefectsAreInternal) {
  Status bad_sql = WriteOne("SELEC nonsense");
  ASSERT_FALSE(bad_sql.ok());
  EXPECT_EQ(bad_sql.error().code, ErrorCode::kInternal);
  EXPECT_NE(bad_sql.error().message.find("syntax error"), std::string::npos);

  Status missing_param = WriteOne("INSERT INTO t (k, n) VALUES ($1, $2)", {std::string("k")});
  ASSERT_FALSE(missing_param.ok());
  EXPECT_EQ(missing_param.error().code, ErrorCode::kInternal);

  Status two = WriteOne("INSERT INTO t (k) VALUES ('a'); DELETE FROM t");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().code, ErrorCode::kInternal);

  Status not_null = WriteOne("CREATE TABLE nn (x TEXT NOT NULL)");
  ASSERT_TRUE(not_null.ok());
  Status null_into = WriteOne("INSERT INTO nn (x) VALUES ($1)", {std::monostate{}});
  ASSERT_FALSE(null_into.ok());
  EXPECT_EQ(null_into.error().code, ErrorCode::kInternal);

  // A statement with only a trailing comment is one statement.
  EXPECT_TRUE(WriteOne("INSERT INTO t (k) VALUES ('c') -- why\n").ok());
}

TEST_F(StoreSqliteTest, CallbacksCannotControlTheTransaction) {
  for (const char* sql : {"COMMIT", "BEGIN", "ROLLBACK", "SAVEPOINT x", "RELEASE w",
                          "ATTACH DATABASE ':memory:' AS other"}) {
    Status s = WriteOne(sql);
    ASSERT_FALSE(s.ok()) << sql;
    EXPECT_EQ(s.error().code, ErrorCode::kInternal) << sql;
  }
  // The store still works afterwards.
  EXPECT_TRUE(WriteOne("INSERT INTO t (k) VALUES ('still')").ok());
}

TEST_F(StoreSqliteTest, WritesInsideReadAreRefused) {
  Status s = store_->Read([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO t (k) VALUES ('r')"));
    return {};
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  auto rows = ReadAll("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), 0);
}

TEST_F(StoreSqliteTest, WriteInsideWriteIsRefusedNotDeadlocked) {
  Status s = store_->Write(
      [this](Tx&) -> Status { return store_->Write([](Tx&) -> Status { return {}; }); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
}

TEST_F(StoreSqliteTest, ExceptionsInCallbacksBecomeInternalErrors) {
  Status w = store_->Write([](Tx& tx) -> Status {
    (void)tx.Exec("INSERT INTO t (k) VALUES ('thrown')");
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, ErrorCode::kInternal);
  Status r = store_->Read([](Tx&) -> Status { throw 42; });
  ASSERT_FALSE(r.ok());
  auto rows = ReadAll("SELECT COUNT(*) FROM t WHERE k = 'thrown'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), 0);
}

TEST_F(StoreSqliteTest, OpenFailsUnavailableOnAnUnusablePath) {
  auto s = OpenSqlite(dir_ / "no" / "such" / "dir" / "jh.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace jh::store
