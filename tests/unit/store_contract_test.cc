// The store contract of store.h, run against both stores: values and their types, rows
// changed, errors and their codes, and the guards around callbacks. The fixture is in
// store_contract.h; how batches run again is in store_batch_rerun_test.cc.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/pg_dialect.h"
#include "unit/store_contract.h"

namespace jh::store::contract {

namespace fs = std::filesystem;

// The fixture (store_contract.h).
void StoreContract::SetUp() {
  if (GetParam() == "postgresql") {
    if (!jh::testing::PgDatabase::BaseUrl()) GTEST_SKIP() << jh::testing::kNoPostgres;
    std::string error;
    db_ = jh::testing::PgDatabase::Create(&error);
    ASSERT_NE(db_, nullptr) << error;
  } else {
    std::string tmpl = (fs::temp_directory_path() / "jh-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  ASSERT_NO_FATAL_FAILURE(Reopen({}, {}));
  // Portable DDL; on PostgreSQL in the migrations' dialect (BYTEA, byte-ordered TEXT).
  std::string ddl = "CREATE TABLE t (k TEXT PRIMARY KEY, n BIGINT, b BLOB, o TEXT)";
  if (GetParam() == "postgresql") ddl = pg::ToPostgres(ddl);
  ASSERT_TRUE(WriteOne(ddl).ok());
}

void StoreContract::TearDown() {
  store_.reset();
  db_.reset();
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

void StoreContract::Reopen(const SqliteOptions& sqlite, const PgOptions& pg) {
  store_.reset();
  auto s = GetParam() == "postgresql" ? OpenPostgres(db_->url(), pg)
                                      : OpenSqlite(dir_ / "jh.db", sqlite);
  ASSERT_TRUE(s.ok()) << s.error().message;
  store_ = std::move(s).value();
}

Status StoreContract::WriteOne(std::string sql, std::vector<Value> params) {
  return store_->Write([&](Tx& tx) -> Status {
    JH_TRY(tx.Exec(sql, params));
    return {};
  });
}

Result<Rows> StoreContract::ReadAll(std::string sql, std::vector<Value> params) {
  Rows rows;
  Status s = store_->Read([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(rows, tx.Query(sql, params));
    return {};
  });
  if (!s.ok()) return s.error();
  return rows;
}

namespace {

INSTANTIATE_TEST_SUITE_P(Stores, StoreContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST_P(StoreContract, NamesItsDialect) { EXPECT_EQ(store_->Dialect(), GetParam()); }

TEST_P(StoreContract, ValuesRoundTripWithTheirTypes) {
  const std::string bytes("\0\x01\xff binary\0", 11);
  const std::string all = [] {
    std::string s;
    for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
    return s;
  }();
  ASSERT_TRUE(
      WriteOne("INSERT INTO t (k, n, b, o) VALUES ($1, $2, $3, $4)",
               {std::string("a"), int64_t{-9007199254740993}, Blob{bytes}, std::monostate{}})
          .ok());
  ASSERT_TRUE(WriteOne("INSERT INTO t (k, n, b, o) VALUES ($1, $2, $3, $4)",
                       {std::string("e"), int64_t{0}, Blob{""}, std::string("")})
                  .ok());
  ASSERT_TRUE(WriteOne("INSERT INTO t (k, n, b, o) VALUES ($1, $2, $3, $4)",
                       {std::string("m"), INT64_MIN, Blob{all}, std::string("é ✓ \\x00 '")})
                  .ok());
  ASSERT_TRUE(WriteOne("INSERT INTO t (k, n) VALUES ($1, $2)", {std::string("z"), INT64_MAX}).ok());
  auto rows = ReadAll("SELECT k, n, b, o FROM t ORDER BY k");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  const Row& a = (*rows)[0];
  EXPECT_EQ(a.Text(0), "a");
  EXPECT_EQ(a.Int(1), -9007199254740993);
  EXPECT_EQ(a.at(2), Value(Blob{bytes}));
  EXPECT_TRUE(a.IsNull(3));
  EXPECT_EQ(a.OptText(3), std::nullopt);
  const Row& e = (*rows)[1];
  EXPECT_EQ(e.at(2), Value(Blob{""}));  // an empty blob is not NULL
  EXPECT_EQ(e.at(3), Value(std::string("")));
  const Row& m = (*rows)[2];
  EXPECT_EQ(m.Int(1), INT64_MIN);
  EXPECT_EQ(m.at(2), Value(Blob{all}));
  EXPECT_EQ(m.Text(3), "é ✓ \\x00 '");
  EXPECT_EQ((*rows)[3].Int(1), INT64_MAX);
  EXPECT_TRUE((*rows)[3].IsNull(2));
  // A blob parameter finds its row; text and integer parameters compare with their columns.
  auto found = ReadAll("SELECT k FROM t WHERE b = $1 AND n < $2 AND k >= $3",
                       {Blob{bytes}, int64_t{0}, std::string("a")});
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->at(0).Text(0), "a");
  // Aggregates and constants come back as integers.
  auto count = ReadAll("SELECT COUNT(*), MAX(n), 1 FROM t");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count->at(0).at(0), Value(int64_t{4}));
  EXPECT_EQ(count->at(0).at(1), Value(INT64_MAX));
  EXPECT_EQ(count->at(0).at(2), Value(int64_t{1}));
}

TEST_P(StoreContract, TextSortsByteWiseAndPagesWithIntegerParameters) {
  for (const char* k : {"b", "B", "a-c", "ab", "A", "é"}) {
    ASSERT_TRUE(WriteOne("INSERT INTO t (k) VALUES ($1)", {std::string(k)}).ok());
  }
  auto rows = ReadAll("SELECT k FROM t ORDER BY k LIMIT $1 OFFSET $2", {int64_t{10}, int64_t{0}});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  std::string order;
  for (const Row& r : *rows) order += r.Text(0) + " ";
  EXPECT_EQ(order, "A B a-c ab b é ");
  auto page = ReadAll("SELECT k FROM t ORDER BY k LIMIT $1 OFFSET $2", {int64_t{2}, int64_t{4}});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->size(), 2u);
}

TEST_P(StoreContract, ExecReturnsRowsChanged) {
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
    JH_ASSIGN_OR_RETURN(int64_t gone, tx.Exec("DELETE FROM t WHERE k IN ('x', 'y')"));
    EXPECT_EQ(gone, 2);
    return {};
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
}

TEST_P(StoreContract, UniqueAndPrimaryKeyViolationsAreConflictsNamingNoValues) {
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
  // The refused write left nothing; the store goes on.
  auto rows = ReadAll("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), 2);
}

TEST_P(StoreContract, ForeignKeysAreEnforced) {
  Status s = WriteOne(
      "INSERT INTO medewerkers (id, organisatie_id, rol, meldingsbevoegd, naam_enc, "
      "telefoon_enc, email_enc, aangemaakt_op) VALUES ('m', 'geen', 'r', 0, $1, $1, $1, "
      "'2024-01-01')",
      {Blob{std::string(1, '\0')}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, DefectsAreInternalAndNameNoValue) {
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

  Status not_null = WriteOne("CREATE TABLE nn (x TEXT NOT NULL, n BIGINT)");
  ASSERT_TRUE(not_null.ok());
  Status null_into = WriteOne("INSERT INTO nn (x) VALUES ($1)", {std::monostate{}});
  ASSERT_FALSE(null_into.ok());
  EXPECT_EQ(null_into.error().code, ErrorCode::kInternal);

  if (GetParam() == "postgresql") {  // SQLite's affinity stores the text as it is
    Status bad_int =
        WriteOne("INSERT INTO nn (x, n) VALUES ('x', $1)", {std::string("123456782x")});
    ASSERT_FALSE(bad_int.ok());
    EXPECT_EQ(bad_int.error().code, ErrorCode::kInternal);
    EXPECT_EQ(bad_int.error().message.find("123456782"), std::string::npos)
        << bad_int.error().message;
  }
  // A statement with only a trailing comment is one statement.
  EXPECT_TRUE(WriteOne("INSERT INTO t (k) VALUES ('c') -- why\n").ok());
}

TEST_P(StoreContract, CallbacksCannotControlTheTransaction) {
  for (const char* sql : {"COMMIT", "BEGIN", "ROLLBACK", "SAVEPOINT x", "RELEASE w", "  commit",
                          "/* c */ END", "START TRANSACTION"}) {
    Status s = WriteOne(sql);
    ASSERT_FALSE(s.ok()) << sql;
    EXPECT_EQ(s.error().code, ErrorCode::kInternal) << sql;
  }
  // The store still works afterwards.
  EXPECT_TRUE(WriteOne("INSERT INTO t (k) VALUES ('still')").ok());
}

TEST_P(StoreContract, WritesInsideReadAreRefused) {
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

TEST_P(StoreContract, ReadOneSeesWhatWasCommittedAndRefusesAWrite) {
  ASSERT_TRUE(
      WriteOne("INSERT INTO t (k, n) VALUES ($1, $2)", {std::string("a"), int64_t{7}}).ok());
  auto found = store_->ReadOne("SELECT n FROM t WHERE k = $1", {std::string("a")});
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->at(0).Int(0), 7);
  auto none = store_->ReadOne("SELECT n FROM t WHERE k = $1", {std::string("b")});
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_TRUE(none->empty());
  // A write is a defect: refused, and nothing is written.
  auto wrote = store_->ReadOne("INSERT INTO t (k) VALUES ('r')");
  ASSERT_FALSE(wrote.ok());
  EXPECT_EQ(wrote.error().code, ErrorCode::kInternal);
  auto rows = ReadAll("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), 1);
  // And a statement that fails leaves the store working.
  EXPECT_FALSE(store_->ReadOne("SELECT nope FROM t").ok());
  EXPECT_TRUE(store_->ReadOne("SELECT k FROM t").ok());
}

TEST_P(StoreContract, WriteInsideWriteIsRefusedNotDeadlocked) {
  Status s = store_->Write(
      [this](Tx&) -> Status { return store_->Write([](Tx&) -> Status { return {}; }); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
}

TEST_P(StoreContract, ReadInsideWriteWorks) {
  Status s = store_->Write([this](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO t (k) VALUES ('w')"));
    return store_->Read([](Tx& r) -> Status {
      JH_ASSIGN_OR_RETURN(Rows rows, r.Query("SELECT COUNT(*) FROM t"));
      EXPECT_EQ(rows.at(0).Int(0), 0);  // the writer's own row is not committed yet
      return {};
    });
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
}

TEST_P(StoreContract, ExceptionsInCallbacksBecomeInternalErrors) {
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

TEST_P(StoreContract, RefusedCallbackLeavesNothing) {
  Status s = store_->Write([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO t (k) VALUES ('refused')"));
    return Error::Forbidden("TEST-01", "test", "refused after writing");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().rule, "TEST-01");
  auto rows = ReadAll("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), 0);
}

}  // namespace
}  // namespace jh::store::contract
