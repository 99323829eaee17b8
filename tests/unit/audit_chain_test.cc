// The audit hash chains on a real SQLite store: the record hash, Append and ReadHead, and
// Verify on an intact chain. The tamper cases are in audit_tamper_test.cc.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "audit/chain.h"
#include "crypto/vault.h"
#include "store/store.h"
#include "support/temp_dir.h"
#include "support/writer_hold.h"

// g++ 12 at -O2 reports false -Warray-bounds and -Wstringop-overflow inside std::string's operator+
// in the hash test below once <thread> is included here (GCC bug 105651); the code is correct.
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overflow"

namespace jh::audit {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Fields(Chain chain, int i) {
  std::vector<std::string> f;
  for (const auto& col : ChainColumns(chain)) {
    f.push_back(col == "status_code" ? std::to_string(1 + i % 2) : col + "-" + std::to_string(i));
  }
  return f;
}

class AuditChainTest : public ::testing::Test {
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

  Head AppendOne(Chain chain, const std::vector<std::string>& fields) {
    Head head;
    Status s = store_->Write([&](store::Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(head, Append(tx, chain, fields));
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return head;
  }

  VerifyReport Check(const std::optional<std::vector<Head>>& checkpoint = std::nullopt) {
    auto r = Verify(*store_, checkpoint);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : VerifyReport{};
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST(AuditChainSchema, ColumnsFollowTheMigrationInTableOrder) {
  EXPECT_EQ(ChainName(Chain::kVerwerkingen), "verwerkingen");
  EXPECT_EQ(ChainName(Chain::kBesluiten), "besluiten");
  const auto& v = ChainColumns(Chain::kVerwerkingen);
  ASSERT_EQ(v.size(), 16u);
  EXPECT_EQ(v.front(), "trace_id");
  EXPECT_EQ(v[6], "status_code");
  EXPECT_EQ(v.back(), "actor_rol");
  const auto& b = ChainColumns(Chain::kBesluiten);
  ASSERT_EQ(b.size(), 15u);
  EXPECT_EQ(b.front(), "tijdstip");
  EXPECT_EQ(b.back(), "ruleset_version");
}

TEST(AuditChainHash, DependsOnEveryInputAndItsBoundaries) {
  const std::string zero(32, '\0');
  const std::vector<std::string> f = {"ab", "c"};
  const std::string h = RecordHash(Chain::kBesluiten, zero, 1, f);
  EXPECT_EQ(h.size(), 32u);
  EXPECT_EQ(h, RecordHash(Chain::kBesluiten, zero, 1, f));  // deterministic
  EXPECT_NE(h, RecordHash(Chain::kVerwerkingen, zero, 1, f));
  EXPECT_NE(h, RecordHash(Chain::kBesluiten, std::string(31, '\0') + "\x01", 1, f));
  EXPECT_NE(h, RecordHash(Chain::kBesluiten, zero, 2, f));
  EXPECT_NE(h, RecordHash(Chain::kBesluiten, zero, 1, {"a", "bc"}));
  EXPECT_NE(h, RecordHash(Chain::kBesluiten, zero, 1, {"abc"}));
  EXPECT_NE(h, RecordHash(Chain::kBesluiten, zero, 1, {"ab", "c", ""}));
}

TEST(AuditChainHash, KnownAnswer) {
  // SHA-256("jeugdhulp/besluiten/v1" || 32 zero bytes || be64(1) || be64(1) || "x"), computed
  // independently (Python hashlib): pins the serialisation so that it cannot drift.
  const std::string h = RecordHash(Chain::kBesluiten, std::string(32, '\0'), 1, {"x"});
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : h) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  EXPECT_EQ(hex, "ae8156d6b4ca75574ead9e531b41096184f2ab35f141b85260dfff9abe5bdc57");
}

TEST_F(AuditChainTest, EmptyChainsHaveSeqZero) {
  Status s = store_->Read([](store::Tx& tx) -> Status {
    for (Chain c : {Chain::kVerwerkingen, Chain::kBesluiten}) {
      JH_ASSIGN_OR_RETURN(Head h, ReadHead(tx, c));
      EXPECT_EQ(h.seq, 0);
      EXPECT_EQ(h.hash, std::string(32, '\0'));
    }
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  VerifyReport r = Check(std::vector<Head>{Head{0, std::string(32, '\0')}, Head{0, {}}});
  EXPECT_FALSE(r.first_break);
  EXPECT_EQ(r.records, (std::vector<int64_t>{0, 0}));
}

TEST_F(AuditChainTest, AppendLinksRecordsAndIntactChainsVerify) {
  Head prev{0, std::string(32, '\0')};
  std::vector<Head> appended;
  for (int i = 1; i <= 5; ++i) {
    Head h = AppendOne(Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, i));
    EXPECT_EQ(h.seq, i);
    EXPECT_EQ(h.hash,
              RecordHash(Chain::kVerwerkingen, prev.hash, i, Fields(Chain::kVerwerkingen, i)));
    appended.push_back(h);
    prev = h;
  }
  Head b;
  for (int i = 1; i <= 3; ++i) b = AppendOne(Chain::kBesluiten, Fields(Chain::kBesluiten, i));

  Status s = store_->Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(Head h, ReadHead(tx, Chain::kVerwerkingen));
    EXPECT_EQ(h.seq, 5);
    EXPECT_EQ(h.hash, prev.hash);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT status_code, typeof(status_code) FROM verwerkingen "
                                 "WHERE seq = 2"));
    EXPECT_EQ(rows.at(0).Int(0), 1);  // stored as an integer
    EXPECT_EQ(rows.at(0).Text(1), "integer");
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;

  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  ASSERT_EQ(r.heads.size(), 2u);
  EXPECT_EQ(r.heads[0].seq, 5);
  EXPECT_EQ(r.heads[0].hash, prev.hash);
  EXPECT_EQ(r.heads[1].seq, 3);
  EXPECT_EQ(r.records, (std::vector<int64_t>{5, 3}));
  // Against a checkpoint of these heads, and of older ones: both intact.
  EXPECT_FALSE(Check(r.heads).first_break);
  EXPECT_FALSE(Check(std::vector<Head>{appended[1], b}).first_break);
}

// A run of appends with a HeadCache, the two chains interleaved as Trail::Flush writes them,
// links exactly as appends that each read the head; and the cache is what they link to.
TEST_F(AuditChainTest, AppendsWithAHeadCacheLinkAsAppendsWithout) {
  AppendOne(Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 0));  // the cache starts late
  Head last;
  Status s = store_->Write([&](store::Tx& tx) -> Status {
    HeadCache cache;
    for (int i = 1; i <= 6; ++i) {
      const Chain chain = i % 3 == 0 ? Chain::kBesluiten : Chain::kVerwerkingen;
      JH_ASSIGN_OR_RETURN(Head h, Append(tx, chain, Fields(chain, i), &cache));
      if (chain == Chain::kVerwerkingen) last = h;
      JH_ASSIGN_OR_RETURN(Head read, ReadHead(tx, chain));
      EXPECT_EQ(read.seq, h.seq);
      EXPECT_EQ(read.hash, h.hash);
    }
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(last.seq, 5);
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  EXPECT_EQ(r.records, (std::vector<int64_t>{5, 2}));

  // A cache that holds a head not in the store is believed, and the chain no longer verifies:
  // proof that a cached append reads no head of its own.
  s = store_->Write([&](store::Tx& tx) -> Status {
    HeadCache cache;
    cache.heads[static_cast<size_t>(Chain::kVerwerkingen)] = Head{5, std::string(32, 'x')};
    JH_TRY(Append(tx, Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 7), &cache));
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(Check().first_break);
  EXPECT_EQ(Check().first_break->seq, 6);
}

TEST_F(AuditChainTest, AppendRefusesMalformedRecords) {
  Status s = store_->Write([](store::Tx& tx) -> Status {
    auto few = Append(tx, Chain::kBesluiten, {"a", "b"});
    EXPECT_FALSE(few.ok());
    if (!few.ok()) {
      EXPECT_EQ(few.error().code, ErrorCode::kInternal);
    }
    for (const char* bad : {"01", "x", "", "1.0", " 1", "99999999999999999999"}) {
      auto f = Fields(Chain::kVerwerkingen, 1);
      f[6] = bad;  // status_code
      auto r = Append(tx, Chain::kVerwerkingen, f);
      EXPECT_FALSE(r.ok()) << bad;
      if (!r.ok()) {
        EXPECT_EQ(r.error().code, ErrorCode::kInternal);
      }
    }
    auto f = Fields(Chain::kVerwerkingen, 1);
    f[6] = "-2";
    EXPECT_TRUE(Append(tx, Chain::kVerwerkingen, f).ok());
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break);
  EXPECT_EQ(r.records, (std::vector<int64_t>{1, 0}));
}

TEST_F(AuditChainTest, AppendsRolledBackWithTheirWriteLeaveNoGap) {
  AppendOne(Chain::kBesluiten, Fields(Chain::kBesluiten, 1));
  Status refused = store_->Write([](store::Tx& tx) -> Status {
    JH_TRY(Append(tx, Chain::kBesluiten, Fields(Chain::kBesluiten, 2)));
    return Error::Conflict("geweigerd");
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(AppendOne(Chain::kBesluiten, Fields(Chain::kBesluiten, 3)).seq, 2);
  EXPECT_FALSE(Check().first_break);
}

// Group commit runs several callbacks in one transaction; a refused callback's appends are
// rolled back with its savepoint, and the next callback of the batch must link to the head
// before them.
TEST_F(AuditChainTest, CallbacksOfOneBatchLinkPastARefusedOne) {
  AppendOne(Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 1));
  jh::testing::WriterHold hold(*store_);
  Status results[3];
  // Queued one after the other, so that the batch runs them in this order.
  auto queue = [&](int i, store::Store::TxFn fn) {
    std::thread t([&, i, fn = std::move(fn)] { results[i] = store_->Write(fn); });
    EXPECT_TRUE(hold.WaitPending(i + 1)) << "caller " << i << " never queued";
    return t;
  };
  std::vector<std::thread> callers;
  callers.push_back(queue(0, [](store::Tx& tx) -> Status {
    JH_TRY(Append(tx, Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 2)));
    JH_TRY(Append(tx, Chain::kBesluiten, Fields(Chain::kBesluiten, 1)));
    JH_TRY(Append(tx, Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 3)));
    return {};
  }));
  callers.push_back(queue(1, [](store::Tx& tx) -> Status {
    JH_TRY(Append(tx, Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 99)));
    JH_TRY(Append(tx, Chain::kBesluiten, Fields(Chain::kBesluiten, 99)));
    return Error::Conflict("geweigerd na het schrijven");
  }));
  callers.push_back(queue(2, [](store::Tx& tx) -> Status {
    JH_TRY(Append(tx, Chain::kVerwerkingen, Fields(Chain::kVerwerkingen, 4)));
    JH_TRY(Append(tx, Chain::kBesluiten, Fields(Chain::kBesluiten, 2)));
    return {};
  }));
  hold.Release();
  for (auto& t : callers) t.join();
  EXPECT_TRUE(results[0].ok());
  EXPECT_FALSE(results[1].ok());
  EXPECT_TRUE(results[2].ok());

  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break) << r.first_break->reason;
  EXPECT_EQ(r.records, (std::vector<int64_t>{4, 2}));
  Head prev{0, std::string(32, '\0')};
  for (int i = 1; i <= 4; ++i) {
    prev.hash = RecordHash(Chain::kVerwerkingen, prev.hash, i, Fields(Chain::kVerwerkingen, i));
  }
  EXPECT_EQ(r.heads[0].hash, prev.hash) << "the records of the refused callback are not linked";
}

TEST_F(AuditChainTest, LongChainsAreWalkedInPages) {
  // More than two pages of 10,000, so that page boundaries are crossed.
  Status s = store_->Write([](store::Tx& tx) -> Status {
    for (int i = 1; i <= 20005; ++i)
      JH_TRY(Append(tx, Chain::kBesluiten, Fields(Chain::kBesluiten, i)));
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  VerifyReport r = Check();
  EXPECT_FALSE(r.first_break);
  EXPECT_EQ(r.records[1], 20005);
  EXPECT_EQ(r.heads[1].seq, 20005);
  EXPECT_FALSE(Check(r.heads).first_break);

  // The first record of the second page goes missing.
  ASSERT_TRUE(store_
                  ->Write([](store::Tx& tx) -> Status {
                    JH_TRY(tx.Exec("DELETE FROM besluiten WHERE seq = 10001"));
                    return {};
                  })
                  .ok());
  r = Check();
  ASSERT_TRUE(r.first_break);
  EXPECT_EQ(r.first_break->chain, "besluiten");
  EXPECT_EQ(r.first_break->seq, 10001);
  EXPECT_EQ(r.records[1], 10000);
}

}  // namespace
}  // namespace jh::audit
