// The fixture of the store contract tests (store_contract_test.cc, store_batch_rerun_test.cc):
// one store per test, SQLite or PostgreSQL by the test parameter, with a table t. The
// PostgreSQL instance runs when JH_TEST_PG_URL is set (scripts/test-pg) and is skipped,
// saying so, otherwise. Not in an anonymous namespace: both files add tests to one suite.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/pg_database.h"

namespace jh::store::contract {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Closes the store and opens the same database again with these options (the one of the
  // test parameter's kind applies). Fails the test when it cannot.
  void Reopen(const SqliteOptions& sqlite, const PgOptions& pg);

  // Runs one statement in its own Write and returns its status.
  Status WriteOne(std::string sql, std::vector<Value> params = {});
  Result<Rows> ReadAll(std::string sql, std::vector<Value> params = {});

  std::filesystem::path dir_;
  std::unique_ptr<jh::testing::PgDatabase> db_;
  std::unique_ptr<Store> store_;
};

}  // namespace jh::store::contract
