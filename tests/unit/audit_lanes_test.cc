// Lanes of the audit chains (audit/chain.h, migration 0010) on a real SQLite store. The
// PostgreSQL store hands each process a lane through Tx::Lane() and draws seq from a
// sequence; here LaneTx plays that part, so Append, Verify and SpotCheck are shown on lanes
// without a PostgreSQL server (store_pg_test.cc shows the real thing).
#include <gtest/gtest.h>

#include <filesystem>

#include "audit/chain.h"
#include "crypto/vault.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::audit {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> LaneFields(Chain chain, int i) {
  std::vector<std::string> f;
  for (const auto& col : ChainColumns(chain)) {
    f.push_back(col == "status_code" ? "1" : col + "-" + std::to_string(i));
  }
  return f;
}

// A Tx with a lane, whose "SELECT nextval('keten_seq') …" is a counter shared by all lanes.
// It reserves `block` values at a time, newest first (a result has no order of its own),
// where PostgreSQL reserves 32 (chain.cc); with one, the lanes below interleave value by value.
class LaneTx final : public store::Tx {
 public:
  LaneTx(store::Tx& inner, store::LaneState& lane, int64_t& next, int block = 1)
      : inner_(inner), lane_(lane), next_(next), block_(block) {}
  Result<store::Rows> Query(std::string_view sql, std::vector<store::Value> params) override {
    if (sql.starts_with("SELECT nextval('keten_seq')")) {
      store::Rows rows;
      next_ += block_;
      for (int i = 0; i < block_; ++i) rows.push_back(store::Row({store::Value{next_ - i}}));
      return rows;
    }
    return inner_.Query(sql, std::move(params));
  }
  Result<int64_t> Exec(std::string_view sql, std::vector<store::Value> params) override {
    return inner_.Exec(sql, std::move(params));
  }
  store::LaneState* Lane() override { return &lane_; }

 private:
  store::Tx& inner_;
  store::LaneState& lane_;
  int64_t& next_;
  int block_;
};

class AuditLanesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    auto s = store::OpenSqlite(dir_ / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
  }
  void TearDown() override { store_.reset(); }

  // One write appending `n` records to `chain` in `lane` (seqs reserved `block` at a time),
  // settled as the PostgreSQL store
  // settles a lane: the pending heads become the committed ones only on commit.
  Status AppendInLane(store::LaneState& lane, Chain chain, int n, int block = 1) {
    Status s = store_->Write([&](store::Tx& tx) -> Status {
      LaneTx laned(tx, lane, next_seq_, block);
      for (int i = 0; i < n; ++i) JH_TRY(Append(laned, chain, LaneFields(chain, ++made_)));
      return {};
    });
    for (size_t i = 0; i < 2; ++i) {
      if (s.ok() && lane.pending[i]) lane.committed[i] = lane.pending[i];
      lane.pending[i].reset();
    }
    return s;
  }

  void AppendInLaneZero(Chain chain, int n) {
    ASSERT_TRUE(store_
                    ->Write([&](store::Tx& tx) -> Status {
                      for (int i = 0; i < n; ++i) {
                        JH_TRY(Append(tx, chain, LaneFields(chain, ++made_)));
                      }
                      return {};
                    })
                    .ok());
  }

  void Exec(const std::string& sql) {
    Status s = store_->Write([&](store::Tx& tx) -> Status {
      JH_TRY(tx.Exec(sql));
      return {};
    });
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }

  VerifyReport Check(const LaneCheckpoints& checkpoints = {}) {
    auto r = Verify(*store_, checkpoints);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : VerifyReport{};
  }

  // Lanes 1 and 2 and lane 0, interleaved: seq 1..2 in lane 0, then lanes 1 and 2 take turns
  // from seq 1001 (the "sequence"), then lane 0 again at 3.
  void ThreeLanes() {
    AppendInLaneZero(Chain::kVerwerkingen, 2);
    for (int round = 0; round < 3; ++round) {
      ASSERT_TRUE(AppendInLane(one_, Chain::kVerwerkingen, 2).ok());
      ASSERT_TRUE(AppendInLane(two_, Chain::kVerwerkingen, 1).ok());
    }
    AppendInLaneZero(Chain::kVerwerkingen, 1);
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  int64_t next_seq_ = 1000;
  int made_ = 0;
  store::LaneState one_{.lane = 1};
  store::LaneState two_{.lane = 2};
};

TEST_F(AuditLanesTest, ALaneAppendsItsReservedSeqsInOrderAcrossBlocks) {
  // Blocks of three, each given newest first: lane 1 appends 1001..1004 from two blocks, lane 2
  // then 1007 from a third, and lane 1 goes on with 1005 and 1006, left in its second block —
  // lower than lane 2's, as on PostgreSQL when processes reserve in turn.
  ASSERT_TRUE(AppendInLane(one_, Chain::kBesluiten, 4, 3).ok());
  EXPECT_EQ(one_.committed[1]->seq, 1004);
  ASSERT_TRUE(AppendInLane(two_, Chain::kBesluiten, 1, 3).ok());
  EXPECT_EQ(two_.committed[1]->seq, 1007);
  ASSERT_TRUE(AppendInLane(one_, Chain::kBesluiten, 2, 3).ok());
  EXPECT_EQ(one_.committed[1]->seq, 1006);
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  EXPECT_EQ(r.records[1], 7);
}

TEST_F(AuditLanesTest, InterleavedLanesEachLinkToTheirOwnRecordsAndVerify) {
  ThreeLanes();
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  EXPECT_EQ(r.records[0], 2 + 6 + 3 + 1);
  ASSERT_EQ(r.lane_heads[0].size(), 3u);
  EXPECT_EQ(r.lane_heads[0].at(0).seq, 3);     // lane 0 stays dense: 1, 2, 3
  EXPECT_EQ(r.lane_heads[0].at(1).seq, 1008);  // 1001 1002 | 1004 1005 | 1007 1008
  EXPECT_EQ(r.lane_heads[0].at(2).seq, 1009);  // 1003 | 1006 | 1009
  EXPECT_EQ(r.heads[0].seq, 3);
  // Each lane's first record starts from zero; the second links to the first of its lane.
  Status s = store_->Read([](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT seq, prev_seq FROM verwerkingen WHERE baan = 2 "
                                 "ORDER BY seq"));
    EXPECT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows.at(0).Int(1), 0);
    EXPECT_EQ(rows.at(1).Int(1), 1003);
    EXPECT_EQ(rows.at(2).Int(1), 1006);
    return {};
  });
  EXPECT_TRUE(s.ok());
  // The lane's heads were kept in memory: they are what the table holds.
  auto head = Head{one_.committed[0]->seq, one_.committed[0]->hash};
  EXPECT_EQ(head.seq, 1008);
  EXPECT_FALSE(Check({{1, {head, Head{0, std::string(32, '\0')}}}}).first_break);
}

TEST_F(AuditLanesTest, AHashBelongsToItsLane) {
  const auto f = LaneFields(Chain::kBesluiten, 1);
  const std::string zero(32, '\0');
  EXPECT_NE(RecordHash(Chain::kBesluiten, zero, 7, f, 0),
            RecordHash(Chain::kBesluiten, zero, 7, f, 1));
  EXPECT_NE(RecordHash(Chain::kBesluiten, zero, 7, f, 1),
            RecordHash(Chain::kBesluiten, zero, 7, f, 2));
  EXPECT_EQ(RecordHash(Chain::kBesluiten, zero, 7, f),
            RecordHash(Chain::kBesluiten, zero, 7, f, 0));
}

TEST_F(AuditLanesTest, AnAppendToAnOutdatedHeadIsRefusedAndMarksTheLaneStale) {
  ASSERT_TRUE(AppendInLane(one_, Chain::kBesluiten, 2).ok());
  // Another writer in the same lane (the lock was lost): it reads the head from the table.
  store::LaneState intruder{.lane = 1};
  ASSERT_TRUE(AppendInLane(intruder, Chain::kBesluiten, 1).ok());
  // one_ still believes its own record is the head: the unique (baan, prev_seq) refuses.
  Status refused = AppendInLane(one_, Chain::kBesluiten, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(one_.stale);
  EXPECT_FALSE(Check().first_break) << "the lane did not fork";
  // Stale: the next append reads the head afresh and links to the intruder's record.
  ASSERT_TRUE(AppendInLane(one_, Chain::kBesluiten, 1).ok());
  one_.stale = false;
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  EXPECT_EQ(r.records[1], 4);
  EXPECT_EQ(r.lane_heads[1].size(), 1u);
}

TEST_F(AuditLanesTest, ARecordRemovedFromALaneIsFoundAtTheNextOfThatLane) {
  ThreeLanes();
  Exec("DELETE FROM verwerkingen WHERE seq = 1004");  // lane 1: 1002 -> [1004] -> 1005
  VerifyReport r = Check();
  ASSERT_TRUE(r.first_break);
  EXPECT_EQ(r.first_break->seq, 1005);
  EXPECT_NE(r.first_break->reason.find("record 1002 in baan 1"), std::string::npos)
      << r.first_break->reason;
}

TEST_F(AuditLanesTest, AnAlteredLinkIsFound) {
  ThreeLanes();
  Exec("UPDATE verwerkingen SET prev_seq = 999 WHERE seq = 1006");
  VerifyReport r = Check();
  ASSERT_TRUE(r.first_break);
  EXPECT_EQ(r.first_break->seq, 1006);
  EXPECT_NE(r.first_break->reason.find("prev_seq"), std::string::npos) << r.first_break->reason;
}

TEST_F(AuditLanesTest, ARecordMovedToAnotherLaneIsFound) {
  ThreeLanes();
  Exec("UPDATE verwerkingen SET baan = 2 WHERE seq = 1004");
  VerifyReport r = Check();
  ASSERT_TRUE(r.first_break);
  EXPECT_EQ(r.first_break->seq, 1004);
}

TEST_F(AuditLanesTest, ACutOffLaneIsFoundAgainstItsCheckpointOnly) {
  ThreeLanes();
  const Head head{one_.committed[0]->seq, one_.committed[0]->hash};
  const LaneCheckpoints checkpoints{{0, Check().heads},
                                    {1, {head, Head{0, std::string(32, '\0')}}}};
  Exec("DELETE FROM verwerkingen WHERE baan = 1 AND seq > 1002");
  EXPECT_FALSE(Check().first_break) << "a lane alone cannot show a cut-off end";
  VerifyReport r = Check(checkpoints);
  ASSERT_TRUE(r.first_break);
  EXPECT_EQ(r.first_break->seq, 1008);
  EXPECT_NE(r.first_break->reason.find("ingekort"), std::string::npos) << r.first_break->reason;
  Status s = store_->Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(auto broken, SpotCheck(tx, checkpoints));
    EXPECT_TRUE(broken.has_value());
    if (broken) {
      EXPECT_EQ(broken->seq, 1008);
    }
    return {};
  });
  EXPECT_TRUE(s.ok());
}

}  // namespace
}  // namespace jh::audit
