// Tampering with the audit chains, each way an insider with write access to the database
// could, and the record Verify names for it. Cutting off the newest records and rewriting a
// chain consistently are invisible to the chain alone and found only against the checkpoint.
#include <gtest/gtest.h>

#include <filesystem>

#include "audit/chain.h"
#include "crypto/vault.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::audit {
namespace {

namespace fs = std::filesystem;
using store::Value;

std::vector<std::string> TamperFields(Chain chain, int i, const std::string& tag = "") {
  std::vector<std::string> f;
  for (const auto& col : ChainColumns(chain)) {
    f.push_back(col == "status_code" ? std::to_string(1 + i % 2)
                                     : tag + col + "-" + std::to_string(i));
  }
  return f;
}

class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    auto s = store::OpenSqlite(dir_ / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
    AppendMany(Chain::kVerwerkingen, 5);
    AppendMany(Chain::kBesluiten, 5);
    VerifyReport r = Check();
    ASSERT_FALSE(r.first_break);
    checkpoint_ = r.heads;
  }
  void TearDown() override { store_.reset(); }

  void AppendMany(Chain chain, int n, const std::string& tag = "") {
    Status s = store_->Write([&](store::Tx& tx) -> Status {
      for (int i = 1; i <= n; ++i) JH_TRY(Append(tx, chain, TamperFields(chain, i, tag)));
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  // Tampering through the store: its authorizer refuses only transaction control.
  void Exec(const std::string& sql, std::vector<Value> params = {}) {
    Status s = store_->Write([&](store::Tx& tx) -> Status {
      JH_TRY(tx.Exec(sql, params));
      return {};
    });
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }

  // The data columns of record `seq`, as stored.
  std::vector<Value> DataOf(Chain chain, int64_t seq) {
    std::string cols;
    for (const auto& c : ChainColumns(chain)) cols += (cols.empty() ? "" : ", ") + c;
    std::vector<Value> out;
    Status s = store_->Read([&](store::Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(
          store::Rows rows,
          tx.Query("SELECT " + cols + " FROM " + std::string(ChainName(chain)) + " WHERE seq = $1",
                   {seq}));
      for (size_t i = 0; i < rows.at(0).size(); ++i) out.push_back(rows.at(0).at(i));
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return out;
  }

  void SetData(Chain chain, int64_t seq, std::vector<Value> values) {
    std::string sets;
    const auto& cols = ChainColumns(chain);
    for (size_t i = 0; i < cols.size(); ++i) {
      sets += (i == 0 ? "" : ", ") + cols[i] + " = $" + std::to_string(i + 1);
    }
    values.emplace_back(seq);
    Exec("UPDATE " + std::string(ChainName(chain)) + " SET " + sets + " WHERE seq = $" +
             std::to_string(cols.size() + 1),
         std::move(values));
  }

  VerifyReport Check(const std::optional<std::vector<Head>>& checkpoint = std::nullopt) {
    auto r = Verify(*store_, checkpoint);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : VerifyReport{};
  }

  static void ExpectBreak(const VerifyReport& r, const std::string& chain, int64_t seq,
                          const std::string& reason_part) {
    ASSERT_TRUE(r.first_break) << "no break found";
    EXPECT_EQ(r.first_break->chain, chain);
    EXPECT_EQ(r.first_break->seq, seq);
    EXPECT_NE(r.first_break->reason.find(reason_part), std::string::npos) << r.first_break->reason;
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::vector<Head> checkpoint_;  // the heads after SetUp: seq 5 in both chains
};

TEST_F(AuditTamperTest, AlteredFieldIsFoundAtItsRecord) {
  Exec("UPDATE verwerkingen SET name = 'x' WHERE seq = 3");
  ExpectBreak(Check(), "verwerkingen", 3, "klopt niet met de inhoud");
  ExpectBreak(Check(checkpoint_), "verwerkingen", 3, "klopt niet met de inhoud");
}

TEST_F(AuditTamperTest, AlteredIntegerFieldIsFound) {
  Exec("UPDATE verwerkingen SET status_code = 0 WHERE seq = 2");
  ExpectBreak(Check(), "verwerkingen", 2, "klopt niet met de inhoud");
}

TEST_F(AuditTamperTest, FieldWithTheWrongTypeIsFound) {
  Exec("UPDATE besluiten SET reason = $1 WHERE seq = 4", {store::Blob{"reason-4"}});
  ExpectBreak(Check(), "besluiten", 4, "binair");
}

TEST_F(AuditTamperTest, BreakInTheSecondChainNamesThatChain) {
  Exec("UPDATE besluiten SET decision = 'allow' WHERE seq = 5");
  VerifyReport r = Check(checkpoint_);
  ExpectBreak(r, "besluiten", 5, "klopt niet met de inhoud");
  EXPECT_EQ(r.records, (std::vector<int64_t>{5, 4}));
}

TEST_F(AuditTamperTest, AlteredHashIsFound) {
  Exec("UPDATE verwerkingen SET hash = $1 WHERE seq = 3", {store::Blob{std::string(32, 'h')}});
  ExpectBreak(Check(), "verwerkingen", 3, "klopt niet met de inhoud");
}

TEST_F(AuditTamperTest, TruncatedHashIsFound) {
  Exec("UPDATE verwerkingen SET prev_hash = $1 WHERE seq = 2", {store::Blob{"kort"}});
  ExpectBreak(Check(), "verwerkingen", 2, "32 bytes");
}

TEST_F(AuditTamperTest, FirstRecordMustStartFromZero) {
  Exec("UPDATE besluiten SET prev_hash = $1 WHERE seq = 1", {store::Blob{std::string(32, 'p')}});
  ExpectBreak(Check(), "besluiten", 1, "eerste record");
}

TEST_F(AuditTamperTest, RemovedMiddleRecordIsFound) {
  Exec("DELETE FROM verwerkingen WHERE seq = 3");
  ExpectBreak(Check(), "verwerkingen", 3, "ontbreekt");
}

TEST_F(AuditTamperTest, RemovedFirstRecordIsFound) {
  Exec("DELETE FROM besluiten WHERE seq = 1");
  ExpectBreak(Check(), "besluiten", 1, "ontbreekt");
}

TEST_F(AuditTamperTest, RemovedAndRenumberedRecordsAreFound) {
  Exec("DELETE FROM verwerkingen WHERE seq = 3");
  // Through negative numbers: the unique seq is checked row by row.
  Exec("UPDATE verwerkingen SET seq = -seq WHERE seq > 3");
  Exec("UPDATE verwerkingen SET seq = -seq - 1 WHERE seq < 0");
  ExpectBreak(Check(), "verwerkingen", 3, "prev_hash wijkt af");
}

TEST_F(AuditTamperTest, ForgedRecordInsertedIsFound) {
  // The forger renumbers the later records and even gives the forged one a correct hash
  // after record 2; the old record 3, now 4, does not follow it.
  Exec("UPDATE verwerkingen SET seq = -seq WHERE seq >= 3");
  Exec("UPDATE verwerkingen SET seq = 1 - seq WHERE seq < 0");
  // ... and their links to the previous seq (through negatives: (baan, prev_seq) is unique).
  Exec("UPDATE verwerkingen SET prev_seq = -prev_seq - 1 WHERE seq >= 4");
  Exec("UPDATE verwerkingen SET prev_seq = -prev_seq WHERE prev_seq < 0");
  const std::string hash2 = [&] {
    std::string h;
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) -> Status {
                      JH_ASSIGN_OR_RETURN(store::Rows rows,
                                          tx.Query("SELECT hash FROM verwerkingen WHERE seq = 2"));
                      h = rows.at(0).Bytes(0);
                      return {};
                    })
                    .ok());
    return h;
  }();
  auto forged = TamperFields(Chain::kVerwerkingen, 99, "vals-");
  std::vector<Value> params = {int64_t{3}, int64_t{2}};
  std::string cols, marks = "$1, $2";
  int n = 2;
  for (size_t i = 0; i < forged.size(); ++i) {
    cols += ChainColumns(Chain::kVerwerkingen)[i] + ", ";
    params.emplace_back(forged[i]);
    marks += ", $" + std::to_string(++n);
  }
  params.emplace_back(store::Blob{hash2});
  params.emplace_back(store::Blob{RecordHash(Chain::kVerwerkingen, hash2, 3, forged)});
  marks += ", $" + std::to_string(n + 1) + ", $" + std::to_string(n + 2);
  Exec("INSERT INTO verwerkingen (seq, prev_seq, " + cols + "prev_hash, hash) VALUES (" + marks +
           ")",
       params);
  ExpectBreak(Check(), "verwerkingen", 4, "prev_hash wijkt af van de hash van record 3");
}

TEST_F(AuditTamperTest, SwappedDataOfTwoRecordsIsFound) {
  std::vector<Value> two = DataOf(Chain::kVerwerkingen, 2);
  std::vector<Value> three = DataOf(Chain::kVerwerkingen, 3);
  SetData(Chain::kVerwerkingen, 2, three);
  SetData(Chain::kVerwerkingen, 3, two);
  ExpectBreak(Check(), "verwerkingen", 2, "klopt niet met de inhoud");
}

TEST_F(AuditTamperTest, SwappedWholeRecordsAreFound) {
  Exec("UPDATE besluiten SET seq = -seq WHERE seq IN (2, 3)");
  Exec("UPDATE besluiten SET seq = CASE seq WHEN -2 THEN 3 ELSE 2 END WHERE seq < 0");
  ExpectBreak(Check(), "besluiten", 2, "prev_hash wijkt af");
}

TEST_F(AuditTamperTest, RowWithoutSeqIsFound) {
  // SQLite lets a non-INTEGER primary key hold NULL; such a row hides from "seq > n".
  Exec(
      "INSERT INTO besluiten SELECT NULL, tijdstip, trace_id, span_id, subject_kind, "
      "subject_id, subject_rol, subject_organisatie, action, resource_type, resource_id, "
      "decision, rule, ground, reason, ruleset_version, prev_hash, hash, baan, prev_seq + 100 "
      "FROM besluiten "
      "WHERE seq = 5");
  ExpectBreak(Check(), "besluiten", 0, "buiten de keten");
}

TEST_F(AuditTamperTest, SeqThatIsNoIntegerIsFound) {
  Exec("UPDATE verwerkingen SET seq = 'vijf' WHERE seq = 5");
  ExpectBreak(Check(), "verwerkingen", 5, "geen geheel getal");
}

TEST_F(AuditTamperTest, CutOffNewestRecordsAreFoundOnlyAgainstTheCheckpoint) {
  Exec("DELETE FROM verwerkingen WHERE seq > 3");
  VerifyReport alone = Check();
  EXPECT_FALSE(alone.first_break) << "the chain alone cannot show a cut-off end";
  EXPECT_EQ(alone.heads[0].seq, 3);
  ExpectBreak(Check(checkpoint_), "verwerkingen", 5, "ingekort");
}

TEST_F(AuditTamperTest, EmptiedChainIsFoundAgainstTheCheckpoint) {
  Exec("DELETE FROM besluiten");
  EXPECT_FALSE(Check().first_break);
  ExpectBreak(Check(checkpoint_), "besluiten", 5, "ingekort");
}

TEST_F(AuditTamperTest, ConsistentlyRewrittenChainIsFoundOnlyAgainstTheCheckpoint) {
  // The insider deletes the chain and appends different records with correct hashes.
  Exec("DELETE FROM verwerkingen");
  AppendMany(Chain::kVerwerkingen, 6, "herschreven-");
  VerifyReport alone = Check();
  EXPECT_FALSE(alone.first_break) << "a consistent rewrite verifies on its own";
  EXPECT_EQ(alone.records[0], 6);
  ExpectBreak(Check(checkpoint_), "verwerkingen", 5, "herschreven");
}

TEST_F(AuditTamperTest, LongerChainThanTheCheckpointIsIntact) {
  AppendMany(Chain::kBesluiten, 3, "later-");  // seq 6..8: appended after the checkpoint
  VerifyReport r = Check(checkpoint_);
  EXPECT_FALSE(r.first_break);
  EXPECT_EQ(r.heads[1].seq, 8);
}

}  // namespace
}  // namespace jh::audit
