// How a batch of writes runs again (store.h, Write): without savepoints first, and again with
// them only when a callback fails; and the test switch behind `make test-rerun`
// (rerun_batches), which runs every batch again. Both stores, as the rest of the contract.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "support/writer_hold.h"
#include "unit/store_contract.h"

namespace jh::store::contract {
namespace {

// A callback that counts its runs in runs[k], writes row "c<k>" and then fails or not.
Store::TxFn Counted(std::atomic<int>* runs, int k, bool fail) {
  return [runs, k, fail](Tx& tx) -> Status {
    ++runs[k];
    JH_TRY(tx.Exec("INSERT INTO t (k) VALUES ($1)", {"c" + std::to_string(k)}));
    if (fail) return Error::Invalid("t", "test", "refused after writing");
    return {};
  };
}

// Runs `fns` as one batch, in order: each caller is queued behind a callback that holds the
// store's current batch, and all are released together.
void RunAsOneBatch(Store& store, const std::vector<Store::TxFn>& fns) {
  jh::testing::WriterHold hold(store);
  std::vector<std::thread> callers;
  for (size_t i = 0; i < fns.size(); ++i) {
    callers.emplace_back([&, i] { (void)store.Write(fns[i]); });
    EXPECT_TRUE(hold.WaitPending(static_cast<int64_t>(i) + 1)) << "caller " << i << " never queued";
  }
  hold.Release();
  for (auto& t : callers) t.join();
}

// A batch first runs without savepoints; only a failure makes it run again with them, so
// the callbacks before and at the failure run twice, the ones after it once, and a lone
// failing callback once (its transaction is simply rolled back).
TEST_P(StoreContract, ABatchRunsAgainWithSavepointsOnlyWhenACallbackFails) {
  std::atomic<int> runs[3] = {0, 0, 0};
  RunAsOneBatch(*store_, {Counted(runs, 0, false), Counted(runs, 1, false)});
  EXPECT_EQ(runs[0].load(), 1);
  EXPECT_EQ(runs[1].load(), 1);
  ASSERT_TRUE(WriteOne("DELETE FROM t").ok());

  runs[0] = runs[1] = 0;
  RunAsOneBatch(*store_,
                {Counted(runs, 0, false), Counted(runs, 1, true), Counted(runs, 2, false)});
  EXPECT_EQ(runs[0].load(), 2);
  EXPECT_EQ(runs[1].load(), 2);
  EXPECT_EQ(runs[2].load(), 1);
  auto rows = ReadAll("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 2U);  // c0 and c2: the refused callback's row is gone
  EXPECT_EQ(rows.value().at(1).Text(0), "c2");

  runs[1] = 0;
  EXPECT_FALSE(store_->Write(Counted(runs, 1, true)).ok());
  EXPECT_EQ(runs[1].load(), 1);
  EXPECT_EQ(ReadAll("SELECT k FROM t").value().size(), 2U);
}

// With rerun_batches every batch that ran cleanly runs once more, a lone callback too, and
// what each callback wrote is committed once. Were the switch to do nothing, `make
// test-rerun` would pass without showing anything; this test would fail.
TEST_P(StoreContract, RerunBatchesRunsEveryCallbackTwiceAndCommitsItOnce) {
  SqliteOptions sqlite;
  sqlite.rerun_batches = true;
  PgOptions pg;
  pg.rerun_batches = true;
  ASSERT_NO_FATAL_FAILURE(Reopen(sqlite, pg));
  std::atomic<int> runs[3] = {0, 0, 0};
  RunAsOneBatch(*store_, {Counted(runs, 0, false), Counted(runs, 1, false)});
  EXPECT_EQ(runs[0].load(), 2);
  EXPECT_EQ(runs[1].load(), 2);
  EXPECT_TRUE(store_->Write(Counted(runs, 2, false)).ok());
  EXPECT_EQ(runs[2].load(), 2);
  auto rows = ReadAll("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 3U);  // c0, c1, c2, each once (k is the primary key)
  EXPECT_EQ(rows.value().at(2).Text(0), "c2");
}

}  // namespace
}  // namespace jh::store::contract
