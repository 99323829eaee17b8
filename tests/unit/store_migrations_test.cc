#include "store/migrations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "support/temp_dir.h"

namespace jh::store {
namespace {

namespace fs = std::filesystem;

using jh::testing::TempDir;

Result<Rows> AppliedVersions(Store& store) {
  Rows rows;
  Status s = store.Read([&rows](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(rows, tx.Query("SELECT version, name, applied_at FROM schema_migrations "
                                       "ORDER BY version"));
    return {};
  });
  if (!s.ok()) return s.error();
  return rows;
}

TEST(StoreMigrationsTest, SplitsOnSemicolonAtLineEnd) {
  const auto parts = SplitStatements(
      "-- header; with a semicolon\n"
      "CREATE TABLE a (x TEXT DEFAULT ';');\n"
      "\n"
      "CREATE INDEX a_x\n  ON a (x);  \n"
      "-- trailing comment\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("CREATE TABLE a (x TEXT DEFAULT ';');"), std::string::npos);
  EXPECT_NE(parts[1].find("CREATE INDEX a_x\n  ON a (x);"), std::string::npos);
  EXPECT_TRUE(SplitStatements("").empty());
  EXPECT_TRUE(SplitStatements("-- only a comment;\n").empty());
  EXPECT_EQ(SplitStatements("SELECT 1").size(), 1u);  // the last statement may lack its ';'
}

TEST(StoreMigrationsTest, AllMigrationsAreOrderedAndNamed) {
  const auto& all = AllMigrations();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().version, 1);
  EXPECT_EQ(all.front().name, "administratie");
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].version, all[i].version);
  for (const auto& m : all) EXPECT_FALSE(SplitStatements(m.sql).empty()) << m.name;
}

TEST(StoreMigrationsTest, AppliedAtOpenAndIdempotentOnReopen) {
  TempDir dir;
  const fs::path file = dir.path() / "jh.db";
  std::string first_applied_at;
  {
    auto store = OpenSqlite(file);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto rows = AppliedVersions(**store);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), AllMigrations().size());
    EXPECT_EQ((*rows)[0].Int(0), 1);
    EXPECT_EQ((*rows)[0].Text(1), "administratie");
    first_applied_at = (*rows)[0].Text(2);
    EXPECT_EQ(first_applied_at.size(), 24u) << first_applied_at;  // RFC 3339, ms, Z
    // The schema is there: a table of the first migration can be queried.
    Status s = (*store)->Read([](Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(Rows r, tx.Query("SELECT COUNT(*) FROM organisaties"));
      EXPECT_EQ(r.at(0).Int(0), 0);
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
  }
  auto again = OpenSqlite(file);
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto rows = AppliedVersions(**again);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), AllMigrations().size());
  EXPECT_EQ((*rows)[0].Text(2), first_applied_at);  // not applied a second time
}

// 0012: a registration's status says where it is now. Rows written before it (an archived
// "risico-weg" removal still "verwijderd", a destroyed archive entry still "gearchiveerd") are
// set right; the others stay as they are.
TEST(StoreMigrationsTest, VirStatusSaysWhereARegistrationIsNow) {
  TempDir dir;
  auto store = OpenSqlite(dir.path() / "jh.db");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  const auto twaalf = std::find_if(AllMigrations().begin(), AllMigrations().end(),
                                   [](const Migration& m) { return m.version == 12; });
  ASSERT_NE(twaalf, AllMigrations().end());
  Status written = s.Write([](Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("INSERT INTO organisaties (id, naam, soort, gemeentecode, aangemaakt_op) "
                "VALUES ('o', 'O', 'school', 'GM0363', 't')"));
    JH_TRY(
        tx.Exec("INSERT INTO medewerkers (id, organisatie_id, rol, meldingsbevoegd, naam_enc, "
                "telefoon_enc, email_enc, aangemaakt_op) VALUES ('m', 'o', 'leerkracht', 1, "
                "x'00', x'00', x'00', 't')"));
    // id, status, gearchiveerd_op, vernietigd_op as before 0012.
    for (const char* row :
         {"('actief', 'actief', NULL, NULL)", "('onterecht', 'verwijderd', NULL, NULL)",
          "('risico-weg', 'verwijderd', '2026-01-01', NULL)",
          "('twee-jaar', 'gearchiveerd', '2026-01-01', NULL)",
          "('vernietigd', 'gearchiveerd', '2026-01-01', '2031-01-01')"}) {
      JH_TRY(tx.Exec(std::string("INSERT INTO vir_meldingen (id, status, gearchiveerd_op, "
                                 "vernietigd_op, gemeentecode, melder_id, organisatie_id, "
                                 "gemeld_op, gemeld_datum, verwijderen_uiterlijk) SELECT *, "
                                 "'GM0363', 'm', 'o', 't', 'd', 'd' FROM (VALUES ") +
                     row + ")"));
    }
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().message;
  Migration again = *twaalf;
  again.version = 912;  // the same statements once more, on these rows
  ASSERT_TRUE(ApplyMigrations([&s](const Store::TxFn& fn) { return s.Write(fn); }, {again}).ok());
  Status check = s.Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT id, status FROM vir_meldingen ORDER BY id"));
    std::map<std::string, std::string> status;
    for (const Row& r : rows) status[r.Text(0)] = r.Text(1);
    EXPECT_EQ(status["actief"], "actief");
    EXPECT_EQ(status["onterecht"], "verwijderd");
    EXPECT_EQ(status["risico-weg"], "gearchiveerd");
    EXPECT_EQ(status["twee-jaar"], "gearchiveerd");
    EXPECT_EQ(status["vernietigd"], "verwijderd");
    return {};
  });
  EXPECT_TRUE(check.ok()) << check.error().message;
}

TEST(StoreMigrationsTest, FailingMigrationLeavesNothingBehind) {
  TempDir dir;
  auto store = OpenSqlite(dir.path() / "jh.db");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  const std::vector<Migration> bad = {
      {900, "half", "CREATE TABLE half_a (x TEXT);\nCREATE TABLE half_a (x TEXT);\n"}};
  Status r = ApplyMigrations([&s](const Store::TxFn& fn) { return s.Write(fn); }, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("half"), std::string::npos) << r.error().message;
  Status check = s.Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows t, tx.Query("SELECT COUNT(*) FROM sqlite_master WHERE name='half_a'"));
    EXPECT_EQ(t.at(0).Int(0), 0);
    JH_ASSIGN_OR_RETURN(Rows v,
                        tx.Query("SELECT COUNT(*) FROM schema_migrations WHERE version=900"));
    EXPECT_EQ(v.at(0).Int(0), 0);
    return {};
  });
  EXPECT_TRUE(check.ok()) << check.error().message;
}

TEST(StoreMigrationsTest, RefusesADatabaseNewerThanTheBinary) {
  TempDir dir;
  const fs::path file = dir.path() / "jh.db";
  {
    auto store = OpenSqlite(file);
    ASSERT_TRUE(store.ok());
    Status w = (*store)->Write([](Tx& tx) -> Status {
      JH_TRY(tx.Exec("INSERT INTO schema_migrations VALUES (99999, 'future', '')"));
      return {};
    });
    ASSERT_TRUE(w.ok()) << w.error().message;
  }
  auto again = OpenSqlite(file);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace jh::store
