// What only the PostgreSQL store does (store_contract_test.cc has the contract both keep):
// the dialect of the migrations, retrying serialization failures, migrations applied by two
// processes at once, one unbroken audit chain from many writers in two stores, and
// recovering after the server dropped its connections. Skipped, saying so, when
// JH_TEST_PG_URL is absent (scripts/test-pg sets it).
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "audit/chain.h"
#include "crypto/vault.h"
#include "store/migrations.h"
#include "store/pg_dialect.h"
#include "store/store.h"
#include "support/pg_database.h"

namespace jh::store {
namespace {

TEST(StorePgDialect, MapsBlobAndTextOutsideCommentsAndLiterals) {
  EXPECT_EQ(pg::ToPostgres("CREATE TABLE a (x TEXT NOT NULL, y BLOB, TEXTS BIGINT)"),
            "CREATE TABLE a (x TEXT COLLATE \"C\" NOT NULL, y BYTEA, TEXTS BIGINT)");
  EXPECT_EQ(pg::ToPostgres("-- a BLOB; TEXT\nx BLOB DEFAULT 'BLOB' /* TEXT */ \"TEXT\" text"),
            "-- a BLOB; TEXT\nx BYTEA DEFAULT 'BLOB' /* TEXT */ \"TEXT\" text");
  // Every migration translates: the same statements, and no BLOB left outside comments.
  ASSERT_EQ(pg::PostgresMigrations().size(), AllMigrations().size());
  for (size_t i = 0; i < AllMigrations().size(); ++i) {
    const auto statements = SplitStatements(pg::PostgresMigrations()[i].sql);
    // 0010 gets the sequence of the chain lanes on PostgreSQL only: created, then started.
    const size_t only_pg = AllMigrations()[i].version == 10 ? 2 : 0;
    EXPECT_EQ(statements.size(), SplitStatements(AllMigrations()[i].sql).size() + only_pg);
    if (only_pg > 0) {
      EXPECT_NE(statements[statements.size() - 2].find("CREATE SEQUENCE keten_seq"),
                std::string::npos);
    }
    for (const std::string& statement : statements) {
      std::string code;  // the statement without its comment lines
      for (size_t at = 0; at < statement.size();) {
        size_t eol = statement.find('\n', at);
        if (eol == std::string::npos) eol = statement.size();
        const std::string line = statement.substr(at, eol - at);
        if (line.find("--") == std::string::npos) code += line + "\n";
        at = eol + 1;
      }
      EXPECT_EQ(code.find("BLOB"), std::string::npos) << code;
    }
  }
}

// Ends every session of the current database but the one `via` reads on, as a restart of the
// server would.
Status EndOtherSessions(Store& via) {
  auto ended = via.ReadOne(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  if (!ended.ok()) return ended.error();
  return {};
}

class StorePgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!jh::testing::PgDatabase::BaseUrl()) GTEST_SKIP() << jh::testing::kNoPostgres;
    ASSERT_TRUE(crypto::Init().ok());
    std::string error;
    db_ = jh::testing::PgDatabase::Create(&error);
    ASSERT_NE(db_, nullptr) << error;
  }

  std::unique_ptr<Store> Open(const PgOptions& options = {}) {
    auto s = OpenPostgres(db_->url(), options);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? std::move(s).value() : nullptr;
  }

  std::unique_ptr<jh::testing::PgDatabase> db_;
};

TEST_F(StorePgTest, RefusesAnythingButAPostgresqlUrl) {
  auto s = OpenPostgres("host=/tmp dbname=x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(StorePgTest, UnreachableServerIsUnavailableAndNamesNoPassword) {
  auto s = OpenPostgres("postgresql://jh:geheim-wachtwoord@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().message.find("geheim-wachtwoord"), std::string::npos) << s.error().message;
}

TEST_F(StorePgTest, SerializationFailuresAreRetriedUntilTheWriteCommits) {
  PgOptions options;
  options.serialize_writes = false;  // let two writers meet on one row
  auto store = Open(options);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Write([](Tx& tx) -> Status {
                    JH_TRY(tx.Exec("CREATE TABLE teller (k TEXT PRIMARY KEY, n BIGINT)"));
                    JH_TRY(tx.Exec("INSERT INTO teller VALUES ('x', 0)"));
                    return {};
                  })
                  .ok());
  // Both first attempts read n = 0 before either writes; one of them must then fail with a
  // serialization failure, be rolled back and run again, reading 1.
  std::barrier both_read(2);
  std::atomic<int> calls{0};
  auto increment = [&] {
    bool first = true;
    return store->Write([&](Tx& tx) -> Status {
      calls.fetch_add(1);
      JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT n FROM teller WHERE k = 'x'"));
      if (first) {
        first = false;
        both_read.arrive_and_wait();
      }
      JH_TRY(tx.Exec("UPDATE teller SET n = $1 WHERE k = 'x'", {rows.at(0).Int(0) + 1}));
      return {};
    });
  };
  Status a;
  Status b;
  std::thread ta([&] { a = increment(); });
  std::thread tb([&] { b = increment(); });
  ta.join();
  tb.join();
  EXPECT_TRUE(a.ok()) << a.error().message;
  EXPECT_TRUE(b.ok()) << b.error().message;
  EXPECT_GE(calls.load(), 3);  // one of them ran again
  Status read = store->Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT n FROM teller"));
    EXPECT_EQ(rows.at(0).Int(0), 2);  // no lost update
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message;
}

TEST_F(StorePgTest, ConcurrentWritesShareTransactionsAndARefusalUndoesOnlyItsOwn) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Write([](Tx& tx) -> Status {
                    JH_TRY(tx.Exec("CREATE TABLE rij (k BIGINT PRIMARY KEY)"));
                    return {};
                  })
                  .ok());
  const int64_t commits_before = store->Stats().commits;
  // 48 writers at once, each inserting its own row and the shared row 0 — which only the
  // first can — or refusing outright (every fourth). In a batch each runs in a savepoint:
  // a failed statement or a refusal undoes that writer's row only.
  constexpr int kWriters = 48;
  std::vector<Status> results(kWriters);
  std::vector<std::thread> threads;
  std::barrier start(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      results[i] = store->Write([i](Tx& tx) -> Status {
        JH_TRY(tx.Exec("INSERT INTO rij VALUES ($1)", {int64_t{i + 1}}));
        if (i % 4 == 3) return Error::Invalid("rij", "test", "geweigerd");
        JH_TRY(tx.Exec("INSERT INTO rij VALUES (0) ON CONFLICT DO NOTHING"));
        if (i % 4 == 2) JH_TRY(tx.Exec("INSERT INTO rij VALUES (0)"));  // always a duplicate
        return {};
      });
    });
  }
  for (auto& t : threads) t.join();
  int64_t expected_rows = 1;  // row 0
  for (int i = 0; i < kWriters; ++i) {
    if (i % 4 == 3) {
      EXPECT_EQ(results[i].error().code, ErrorCode::kInvalidArgument) << i;
    } else if (i % 4 == 2) {
      EXPECT_EQ(results[i].error().code, ErrorCode::kConflict) << i;
    } else {
      EXPECT_TRUE(results[i].ok()) << i << ": " << results[i].error().message;
      ++expected_rows;
    }
  }
  Status read = store->Read([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM rij"));
    EXPECT_EQ(rows.at(0).Int(0), expected_rows);
    JH_ASSIGN_OR_RETURN(rows, tx.Query("SELECT COUNT(*) FROM rij WHERE k % 4 = 0 AND k > 0"));
    EXPECT_EQ(rows.at(0).Int(0), 0);  // the refusing writers' rows (i % 4 == 3) are gone
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message;
  // Fewer commits than writes: writers that queued during a transaction shared the next one.
  const StoreStats stats = store->Stats();
  EXPECT_LT(stats.commits - commits_before, kWriters);
  EXPECT_EQ(stats.pending, 0);
}

TEST_F(StorePgTest, AFailedStatementFailsTheWholeWrite) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Status s = store->Write([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO gemeente_toegang VALUES ('GM0001', 'wijkteam', 'nu')"));
    (void)tx.Exec("INSERT INTO gemeente_toegang VALUES ('GM0001', 'cjg', 'nu')");
    return {};  // goes on as if nothing happened: PostgreSQL has aborted the transaction
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  Status read = store->Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM gemeente_toegang"));
    EXPECT_EQ(rows.at(0).Int(0), 0);
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message;
}

TEST_F(StorePgTest, MigrationsApplyOnceWhenTwoProcessesStartTogether) {
  std::vector<std::unique_ptr<Store>> stores(4);
  std::vector<std::thread> threads;
  for (auto& s : stores) threads.emplace_back([&] { s = Open(); });
  for (auto& t : threads) t.join();
  for (auto& s : stores) ASSERT_NE(s, nullptr);
  std::string applied_at;
  Status read = stores[0]->Read([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT version, COUNT(*), MIN(applied_at) FROM "
                                            "schema_migrations GROUP BY version ORDER BY version"));
    EXPECT_EQ(rows.size(), AllMigrations().size());
    for (const Row& r : rows) EXPECT_EQ(r.Int(1), 1) << r.Int(0);
    if (!rows.empty()) applied_at = rows[0].Text(2);
    return {};
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  stores.clear();
  auto again = Open();  // idempotent: nothing applied a second time
  ASSERT_NE(again, nullptr);
  read = again->Read([&](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT MIN(applied_at), COUNT(*) FROM "
                                            "schema_migrations"));
    EXPECT_EQ(rows.at(0).Text(0), applied_at);
    EXPECT_EQ(rows.at(0).Int(1), static_cast<int64_t>(AllMigrations().size()));
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message;
}

TEST_F(StorePgTest, ChainAppendsFromTwoStoresAndManyThreadsGoToALaneOfEachStore) {
  auto first = Open();
  auto second = Open();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  constexpr int kThreads = 8;
  constexpr int kEach = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (Store* store : {first.get(), second.get()}) {
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([store, t, &failures] {
        for (int i = 0; i < kEach; ++i) {
          for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
            std::vector<std::string> fields;
            for (const auto& col : audit::ChainColumns(chain)) {
              fields.push_back(col == "status_code" ? "1" : col + std::to_string(t * 1000 + i));
            }
            Status s = store->Write([&](Tx& tx) -> Status {
              JH_TRY(audit::Append(tx, chain, fields));
              return {};
            });
            if (!s.ok()) failures.fetch_add(1);
          }
        }
      });
    }
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto report = audit::Verify(*first, std::nullopt);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->first_break) << report->first_break->reason;
  for (int64_t n : report->records) EXPECT_EQ(n, 2 * kThreads * kEach);
  // Two stores, two lanes (1 and 2), each holding one store's records; none in lane 0.
  for (const auto& lanes : report->lane_heads) {
    ASSERT_EQ(lanes.size(), 2u);
    EXPECT_EQ(lanes.begin()->first, 1);
    EXPECT_EQ(lanes.rbegin()->first, 2);
  }
}

// Appends one besluiten record through `store`.
Status AppendOne(Store& store, int i) {
  std::vector<std::string> fields;
  for (const auto& col : audit::ChainColumns(audit::Chain::kBesluiten)) {
    fields.push_back(col + std::to_string(i));
  }
  return store.Write([&](Tx& tx) -> Status {
    JH_TRY(audit::Append(tx, audit::Chain::kBesluiten, fields));
    return {};
  });
}

TEST_F(StorePgTest, ALaneLostToAnotherProcessForksNothingAndIsTakenAnew) {
  // a's clock stands still until the test moves it: a notices its lost lane exactly when the
  // test says, whatever else the machine is doing.
  auto a_time = std::make_shared<std::atomic<int64_t>>(0);
  PgOptions a_options;
  a_options.lane_clock = [a_time] {
    return std::chrono::steady_clock::time_point(std::chrono::seconds(a_time->load()));
  };
  auto a = Open(a_options);
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(AppendOne(*a, 1).ok());  // a holds lane 1
  PgOptions unlaned;
  unlaned.serialize_writes = false;
  auto killer = Open(unlaned);
  ASSERT_NE(killer, nullptr);
  // As a restart of the server would: every other session ends, a's lane lock with it.
  ASSERT_TRUE(EndOtherSessions(*killer).ok());
  auto b = Open();  // takes lane 1, free now, and appends after a's record
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(AppendOne(*b, 2).ok());
  // a has not noticed (it checks its lane at most once a second, and on its clock no time
  // has passed) and links to its own record: the unique (baan, prev_seq) refuses, a reads
  // the lane afresh and runs again.
  Status again = AppendOne(*a, 3);
  EXPECT_TRUE(again.ok()) << again.error().message;
  auto report = audit::Verify(*b, std::nullopt);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->first_break) << report->first_break->reason;
  EXPECT_EQ(report->records[1], 3);
  EXPECT_EQ(report->lane_heads[1].size(), 1u);
  // Two seconds later a finds its lane connection gone and takes a free lane of its own.
  a_time->store(2);
  ASSERT_TRUE(AppendOne(*a, 4).ok());
  report = audit::Verify(*b, std::nullopt);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->first_break) << report->first_break->reason;
  EXPECT_EQ(report->records[1], 4);
  ASSERT_EQ(report->lane_heads[1].size(), 2u);
  EXPECT_EQ(report->lane_heads[1].rbegin()->first, 2);
}

TEST_F(StorePgTest, RecoversWhenTheServerDroppedItsConnections) {
  auto store = Open();
  auto other = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(store
                  ->Read([](Tx& tx) -> Status {
                    JH_TRY(tx.Query("SELECT 1"));  // the pool now holds a connection
                    return {};
                  })
                  .ok());
  // As a server restart would: every other session of this database ends.
  Status killed = EndOtherSessions(*other);
  ASSERT_TRUE(killed.ok()) << killed.error().message;
  Status write = store->Write([](Tx& tx) -> Status {
    JH_TRY(tx.Exec("INSERT INTO gemeente_toegang VALUES ('GM0002', 'cjg', 'nu')"));
    return {};
  });
  EXPECT_TRUE(write.ok()) << write.error().message;
  Status read = store->Read([](Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM gemeente_toegang"));
    EXPECT_EQ(rows.at(0).Int(0), 1);
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message;
  // Once more, and now a lone statement (Store::ReadOne, no BEGIN) is the first to find out.
  ASSERT_TRUE(EndOtherSessions(*other).ok());
  auto count = store->ReadOne("SELECT COUNT(*) FROM gemeente_toegang");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count->at(0).Int(0), 1);
}

}  // namespace
}  // namespace jh::store
